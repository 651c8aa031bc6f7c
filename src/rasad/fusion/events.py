"""Event fusion: reports of one event from different articles, in any language, become one event.

A **report** is one event as one article gives it (:class:`Report`). Two reports are of the same
event when

* their types are the same;
* their participants are compatible: the same set, or one the specific case of the other (a
  country stands for a person or an organization of that country: ``iran+iraq`` and
  ``abbas-araghchi+fuad-hussein``). A country that is the report's own location's country
  (the visited country of a visit) is not a stand-in for anyone: ``esmail-qaani+iraq`` (the
  visit) and ``esmail-qaani+hadi-al-amiri`` (a meeting during it) stay two events;
* their dates are compatible: each report's date is a window of days (:func:`window`): the day
  itself where the date is written out; a day either side where it was resolved from a relative
  expression; the publication day and the two before it where the article gave no date; the
  whole month or year of an imprecise date. Windows must overlap. A report without a date
  (basis ``unknown``) fuses with nothing;
* they come from different articles: two events of one article are never one.

:class:`Fuser` holds fused events and places each new report: it joins the compatible fused
event that fits best (the same participants before a specific case, the same day before a
neighbouring one, the most sources, then the smallest id), or founds a new one. A report that
matches only through stand-ins joins only when a single fused event fits: "the foreign
ministers of Iran and Iraq" on a day with two Iran–Iraq calls could be either. Fused events are
filed by type, participant (or participant's country) and week, so a report is compared only
with the few events of its own people in its own weeks, never with all of them. The fused event's
window is the overlap of its reports' windows, so every member agrees with every other.

A fused event's id is derived from the event key (``DATE|participants|TYPE``) of the report that
founded it, so the same reports give the same ids whatever the order the articles arrive in,
and an id never changes once given (a later report joins; it does not rename).
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from rasad.document import event_key

#: days a report's window reaches, by date basis: (before, after)
REACH = {"explicit": (0, 0), "relative": (1, 1), "publication": (2, 0)}


@dataclass(frozen=True, slots=True)
class Report:
    """One event as one article reports it."""

    article: str
    seq: int
    type: str
    participants: tuple[str, ...]  # sorted
    date: str | None  # ISO prefix: YYYY, YYYY-MM or YYYY-MM-DD
    basis: str  # explicit, relative, publication, unknown
    mode: str | None = None
    location: str | None = None
    actor: tuple[str, ...] = ()
    recipient: tuple[str, ...] = ()
    confidence: float = 1.0

    @property
    def key(self) -> str:
        return event_key(self.date, self.participants, self.type)


def window(date_value: str | None, basis: str) -> tuple[int, int] | None:
    """The days (as ordinals) a report dated ``date_value`` on ``basis`` may mean; None if none."""
    if not date_value or basis == "unknown":
        return None
    parts = [int(p) for p in date_value.split("-")]
    if len(parts) == 3:
        day = date(*parts).toordinal()
        before, after = REACH.get(basis, (0, 0))
        return day - before, day + after
    if len(parts) == 2:
        first = date(parts[0], parts[1], 1)
        nxt = date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
        return first.toordinal(), nxt.toordinal() - 1
    return date(parts[0], 1, 1).toordinal(), date(parts[0], 12, 31).toordinal()


def weeks(lo: int, hi: int) -> range:
    """The week numbers (ordinal // 7) the days ``lo`` to ``hi`` fall in: the unit of blocking."""
    return range(lo // 7, hi // 7 + 1)


def day_of(ordinal: int) -> str:
    return date.fromordinal(ordinal).isoformat()


def fused_id(key: str, salt: str = "") -> str:
    """The id of a fused event founded by a report with event key ``key``."""
    digest = hashlib.blake2b(f"{key}#{salt}".encode(), digest_size=8).hexdigest()
    return f"ev_{digest}"


@dataclass(slots=True)
class Fused:
    """A fused event: the window of days its reports all allow, and what matching needs of them.

    ``lo`` and ``hi`` are None for a report without a date, which stays an event of its own.
    ``new`` holds the reports placed since it was loaded: what the store has still to write.
    """

    id: str
    type: str
    participants: tuple[str, ...]
    lo: int | None
    hi: int | None
    sources: int = 0
    articles: set[str] = field(default_factory=set)
    visited: set[str] = field(default_factory=set)  # countries its reports give as visited
    new: list[Report] = field(default_factory=list)
    founded: bool = False  # created here, not loaded

    def add(self, report: Report, span: tuple[int, int] | None, visited: str | None) -> None:
        self.new.append(report)
        self.sources += 1
        self.articles.add(report.article)
        if span is not None and self.lo is not None and self.hi is not None:
            self.lo, self.hi = max(self.lo, span[0]), min(self.hi, span[1])
        if visited:
            self.visited.add(visited)


CountryOf = Callable[[str], "str | None"]


class Fuser:
    """Fused events in memory, blocked by type and by participant and participant's country.

    ``country_of`` gives an entity's country entity id (:func:`rasad.events.mentions.country_of`
    with the knowledge base bound), or None. A fused event is filed under ``p:`` each participant
    and ``c:`` the country of each participant that is not a country; a report looks under
    ``p:`` each of its participants and each of their countries, and ``c:`` each of its
    countries: every fused event it could be compatible with shares one of those.
    """

    def __init__(self, country_of: CountryOf) -> None:
        self._country_cache: dict[str, str | None] = {}
        self._country_of_raw = country_of
        self.events: dict[str, Fused] = {}
        self._blocks: dict[tuple[str, str], list[str]] = defaultdict(list)
        self.taken: set[str] = set()  # ids the store holds but did not load: not to be reused

    def country_of(self, entity: str) -> str | None:
        try:
            return self._country_cache[entity]
        except KeyError:
            c = self._country_cache[entity] = self._country_of_raw(entity)
            return c

    def load(self, fused: Iterable[Fused]) -> None:
        """Fused events from the store, before new reports are placed among them."""
        for f in fused:
            self._index(f)

    def blocks(self, f: Fused) -> set[str]:
        """The keys fused event ``f`` is filed under: ``p:``/``c:`` keys, each per week."""
        if f.lo is None or f.hi is None:
            return set()
        keys = {f"p:{p}" for p in f.participants}
        for p in f.participants:
            c = self.country_of(p)
            if c and c != p:
                keys.add(f"c:{c}")
        return {f"{k}@{w}" for k in keys for w in weeks(f.lo, f.hi)}

    def lookups(self, report: Report) -> set[str]:
        """The keys a report looks under (none for an undated one)."""
        span = window(report.date, report.basis)
        if span is None:
            return set()
        keys = {f"p:{p}" for p in report.participants}
        for p in report.participants:
            c = self.country_of(p)
            if c == p:
                keys.add(f"c:{p}")
            elif c:
                keys.add(f"p:{c}")
        return {f"{k}@{w}" for k in keys for w in weeks(*span)}

    def _index(self, f: Fused) -> None:
        self.events[f.id] = f
        for key in self.blocks(f):
            ids = self._blocks[(f.type, key)]
            if f.id not in ids:
                ids.append(f.id)

    def add(self, report: Report) -> str:
        """Place ``report``; the id of the fused event it joined or founded."""
        span = window(report.date, report.basis)
        visited = self.country_of(report.location) if report.location else None
        if span is None:  # undated: an event of its own
            fid = self._new_id(report, salt=f"{report.article}:{report.seq}")
            f = Fused(fid, report.type, report.participants, None, None, founded=True)
            f.add(report, None, visited)
            self.events[fid] = f
            return fid
        lo, hi = span
        found: list[tuple[tuple[int, int, int, str], Fused, bool]] = []
        seen: set[str] = set()
        for key in self.lookups(report):
            for fid in self._blocks.get((report.type, key), ()):
                if fid in seen:
                    continue
                seen.add(fid)
                f = self.events[fid]
                assert f.lo is not None and f.hi is not None
                if f.lo > hi or lo > f.hi or report.article in f.articles:
                    continue
                match = self._compatible(report, visited, f)
                if match is None:
                    continue
                exact, specific = match
                rank = (-exact, abs((lo + hi) - (f.lo + f.hi)), -f.sources, fid)
                found.append((rank, f, specific))
        found.sort(key=lambda t: t[0])
        # a stand-in (countries for people) must be unambiguous: one candidate, not a choice
        if found and (found[0][0][0] == -1 or len(found) == 1):
            _rank, f, specific = found[0]
            f.add(report, span, visited)
            if specific:  # the report names whom the event gave only as countries
                f.participants = report.participants
                self._index(f)
            return f.id
        f = Fused(self._new_id(report), report.type, report.participants, lo, hi, founded=True)
        f.add(report, span, visited)
        self._index(f)
        return f.id

    def _new_id(self, report: Report, salt: str = "") -> str:
        fid = fused_id(report.key, salt)
        if fid in self.events or fid in self.taken:
            fid = fused_id(report.key, f"{report.article}:{report.seq}")
        return fid

    def _compatible(self, report: Report, visited: str | None, f: Fused) -> tuple[int, bool] | None:
        """(1 if the same participants else 0, True if the report is the more specific), or
        None when the participants are not compatible."""
        if report.participants == f.participants:
            return 1, False
        mine, theirs = set(report.participants), set(f.participants)
        if self._covers(theirs, mine, f.visited):
            return 0, True
        if self._covers(mine, theirs, {visited} if visited else set()):
            return 0, False
        return None

    def _covers(self, general: set[str], specific: set[str], visited: set[str]) -> bool:
        """True when each member of ``general`` is in ``specific`` or is the country of one of
        its members (one each), and ``general`` is not ``specific`` itself. A visited country
        stands for nobody."""
        if len(general) > len(specific) or general == specific:
            return False
        rest = set(specific - general)
        for g in sorted(general - specific):
            if g in visited:
                return False
            stand_in = next((s for s in sorted(rest) if self.country_of(s) == g and s != g), None)
            if stand_in is None:
                return False
            rest.discard(stand_in)
        return True  # members of ``specific`` left over: more sides named, still the event


def ranked(values: Iterable[object]) -> list[tuple[object, int]]:
    """Values (None left out) with how many reports give each, most supported first."""
    counts = Counter(v for v in values if v is not None)
    return sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))
