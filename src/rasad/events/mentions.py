"""The linked mentions events and statements are built from, in normalized-view coordinates.

Links come from the linking stage, several per name (``شیخ اکرم الکعبی``, ``اکرم الکعبی``,
``الکعبی``). Here each place in the text becomes one :class:`Actor`: the longest link of an
entity among those that overlap, and nothing nested inside another entity's mention (``ایران``
inside ``مشاور رهبری جمهوری اسلامی ایران`` is part of Velayati's title, not a participant).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from operator import attrgetter, itemgetter

from rasad.document import Document
from rasad.kb.loader import KnowledgeBase


@dataclass(slots=True, unsafe_hash=True)
class Actor:
    start: int  # view offsets
    end: int
    entity: str
    type: str
    kind: str  # the link kind: name, title, honorific, role, pronoun

    def __init__(self, start: int, end: int, entity: str, type: str, kind: str) -> None:
        self.start = start  # written out: see rasad.document
        self.end = end
        self.entity = entity
        self.type = type
        self.kind = kind


def entity_type(doc: Document, kb: KnowledgeBase, entity: str) -> str:
    found = kb.entities.get(entity)
    if found is not None:
        return found.type
    new = doc.new_entities.get(entity)
    return new.type if new is not None else "organization"


def actors(doc: Document, kb: KnowledgeBase) -> list[Actor]:
    """One actor per mentioned place, in text order, nested mentions of others dropped."""
    view = doc.normalized
    spans = [(link.span.start, link.span.end, link) for link in doc.links]
    spans.sort(key=itemgetter(1), reverse=True)  # by start, the longest first: two stable sorts
    spans.sort(key=itemgetter(0))
    kept: list[tuple[int, int, str, str]] = []
    open_: list[tuple[int, int, str, str]] = []  # kept spans that reach past the current start
    reach = -1  # no span of ``open_`` ends after this
    for start, end, link in spans:
        # spans come by start, so every kept one starts at or before this one
        if reach > start:
            open_ = [k for k in open_ if k[1] > start]
            if any(end <= e and (e - s) > (end - start) for s, e, _, _ in open_):
                continue
            if any(end <= e and ent == link.entity for _, e, ent, _ in open_):
                continue
        else:
            open_ = []
        kept.append((start, end, link.entity, link.kind))
        open_.append(kept[-1])
        reach = max(reach, end)
    out = []
    for start, end, entity, kind in kept:
        out.append(
            Actor(
                view.to_norm(start), view.to_norm(end), entity, entity_type(doc, kb, entity), kind
            )
        )
    out.sort(key=lambda a: a.start)
    return out


class Cast:
    """An article's actors in text order, looked up by where they start."""

    __slots__ = ("_starts", "actors")

    def __init__(self, people: list[Actor]) -> None:
        self.actors = sorted(people, key=attrgetter("start"))
        self._starts = [a.start for a in self.actors]

    def within(self, lo: int, hi: int) -> list[Actor]:
        """The actors starting in ``[lo, hi)``, in text order."""
        i = bisect_left(self._starts, lo)
        return self.actors[i : bisect_left(self._starts, hi, i)]


def country_of(kb: KnowledgeBase, entity: str) -> str | None:
    """The country entity a place (or anything with a country) belongs to."""
    found = kb.entities.get(entity)
    if found is None:
        return None
    if found.type == "country":
        return entity
    return kb.country_ids.get(found.country or "")


def clause_bounds(view: str, pos: int, lo: int, hi: int) -> tuple[int, int]:
    """The clause around ``pos`` within ``[lo, hi)``: between commas, colons and quote marks."""
    breaks = _breaks(view)
    i = bisect_left(breaks, pos)  # the last break before ``pos`` is i - 1, the first after i
    start = breaks[i - 1] + 1 if i and breaks[i - 1] >= lo else lo
    end = breaks[i] if i < len(breaks) and breaks[i] < hi else hi
    return start, end


_BREAKS = '،,؛;:«»“”"()'
_last: list[tuple[str, list[int]]] = [("", [])]


def _breaks(view: str) -> list[int]:
    """Offsets of the clause breaks in ``view``, kept for the last view asked about.

    One ``str.find`` loop per break mark: a few marks, each found by a plain scan, cost a
    third of a regular expression's character-class scan.
    """
    seen, found = _last[0]
    if seen is not view:
        found = []
        for mark in _BREAKS:
            i = view.find(mark)
            while i >= 0:
                found.append(i)
                i = view.find(mark, i + 1)
        found.sort()
        _last[0] = (view, found)
    return found
