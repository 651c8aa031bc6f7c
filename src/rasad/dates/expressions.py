"""``find_dates``: every date expression in a text, with spans into the original text.

Explicit dates (basis ``explicit``):
    * month names of the Gregorian, Jalali and Hijri calendars in day-month-year, month-day-year
      and month-year order (``19 September 2024``, ``27October 2020``, ``۲۵ اردیبهشت ۱۴۰۳``,
      ``5 آذار/مارس 2024``, ``September 19, 2024``, ``سپتامبر ۲۰۲۴``). A year is four digits.
      The calendar is the month name's; a year outside that calendar's range (``calendars``)
      drops the date, so ``۱۳۹۹`` is never AD 1399.
    * words in ``needs_year`` (``می``, ``May``, ``صفر``) are months only when a year follows.
    * a year after a day-month and a ``year_links`` word is the date's year (``july 4th of
      1995``, ``28 june in 2020``, ``4 تموز من عام 2024``, ``۴ تیر ماه سال ۱۴۰۳``); a year
      outside the month's calendar then drops the whole date.
    * ordinal days: ``4th of May``, and ``day_words`` before a month, with an optional
      ``day_links`` word (``fourth of July, 1995``, ``الرابع من تموز``, ``بیست و پنجم
      اردیبهشت ۱۴۰۳``). Without a year they need a day link (found by ``str.find`` of the link
      before a month name) except in digit-led ``4th May``; an ordinal (``4th`` or a word) with a
      day link makes a ``needs_year`` word a month (``the 4th of May``). An ordinal word right
      after an ``ordinal_nouns`` word (``الأسبوع الأول من مارس``, ``هفته دوم اردیبهشت``) is no
      day: only the month (with its year) is read.
    * a day number right after a currency sign (``$12 December``) is no day; a month-day number
      followed by a ``units`` word (``March 12 million``) is no day either.
    * numeric ``Y-M-D`` / ``Y/M/D`` / ``Y.M.D`` and ``D/M/Y`` (see ``numeric_order``).
    * a four-digit year only after a cue word (``سال ۲۰۲۴``, ``عام 2024``, ``in 2024``).
    * a year in 1300-1499 without a month name is Jalali, or Hijri when an era marker says so
      (``هـ``, ``ه.ق``, ``AH``) or the text is Arabic (``lang == "ar"`` or an Arabic cue word).
    Impossible dates (31 February, month 13) are dropped silently.

Relative dates (basis ``relative``, only when ``anchor`` is given; ``anchor`` is the
publication date and must have day precision):
    * a day and month without year: the year that puts it nearest before or at the anchor.
    * a weekday: bare (``دوشنبه``, ``on Monday``, ``يوم الثلاثاء``) -> the most recent such day
      on or before the anchor; ``last``/``الماضي``/``گذشته`` -> strictly before the anchor;
      ``next``/``المقبل``/``آینده`` -> strictly after; ``... last week``/``هفته گذشته`` -> that
      weekday in the previous week, weeks starting on the language's ``week_start``.
    * a deictic day (``امروز``, ``أمس``, ``tomorrow``) -> anchor + offset. With a weekday name
      (``اليوم الجمعة``): if the weekday agrees, kind ``deictic``; if it disagrees the weekday
      wins (most recent on/before the anchor, or first after it for future words) and the
      mention's kind is ``weekday``, which is how the disagreement is noted.
    * periods (``last year``, ``ماه گذشته``, ``العام الماضي``) -> year or month precision,
      counted on the Gregorian calendar. Weeks are not resolved (no precision fits them).
Offsets and events: a date right after ``N <offset_unit> <offset_link>`` (``two days before
yesterday``, ``three weeks from tomorrow``, ``2 weeks from January 15``, ``سه هفته پس از فردا``)
is an offset rasad does not resolve, so it yields no mention rather than the wrong day. A day
word followed by an ``event_words`` word (``اليوم التالي``, ``اليوم نفسه``) is relative to an
event, not to the publication date: no mention (``the next day``, ``روز بعد``, ``فردای آن
روز`` hold no day word at all).
A weekday written right before an explicit date (``الثلاثاء 17 أيلول 2024``) is part of it,
not a separate mention; a relative mention overlapping an explicit one is dropped.

Matching relative words (``relative_runs``): the words are the lexicon entries of ``days``,
``periods``, ``weekdays``, ``weekday_before`` and ``weekday_after`` (spaces inside an entry
optional, see ``patterns``). An entry starts only at a *word edge* - the text start or a
character that is not a letter (``str.isalpha``) - or right after one proclitic letter
(``PROCLITICS``: و ف ب ل) that itself stands at a word edge (``والخميس``, ``بالأمس``); the
``ال`` of ``الأمس`` is part of the entries themselves. It ends before a non-letter. Scanning the
text left to right, a match is one entry followed by up to three more, each after one to three
characters of whitespace, ``,``, ``،``, ``(``, ``-``; the next match starts at the next word edge
after it. Each match's entries are read by ``_read_tokens``. An entry never starts inside a
word: ``امروزدوشنبه`` holds no ``دوشنبه`` and ``چهارسه شنبه`` no ``سه شنبه`` (the ``شنبه``
after the space is read alone).

Only runs holding an anchor (a day, period or weekday entry) can yield a date, so the fast path
finds anchors from their triggers (one ``str.find`` per trigger, then ``token`` at the few
offsets where an anchor holding that trigger can start), walks left word by word to a word
start no entry can cover or reach (``_free_before``), and reads forward from there. Runs of five
or more entries in a row, a lowercased view of another length (for Latin triggers) and lexicons
with entries that are not letters and spaces take the slow path, ``windowed_runs``: the regex
at every word edge in windows of ``reach`` around every trigger hit, which is how the old
matcher cut such runs (``tests/dates/reference_relative.py`` keeps the old matcher; the two
differ only where the old one started a match in the middle of a word).
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import pairwise
from typing import cast

from rasad.document import Calendar, DateMention, DateValue, Lang, Span
from rasad.text.chars import alpha_at

from . import calendars as cal
from .fold import View, key, make_view
from .patterns import (
    PROCLITICS,
    ExplicitGrammar,
    RelativeGrammar,
    explicit_grammar,
    explicit_langs,
)
from .patterns import relative_grammar as _relative_grammar

_ZERO_RUN = re.compile("0+")
_WORD_TAIL = re.compile(r"[^\W\d_]*")
_GLUE = re.compile(r"[\s,،(\-]{0,3}")


def numeric_order(a: int, b: int, lang: Lang | None) -> tuple[int, int] | None:
    """(day, month) for ``a/b/year``: if only one reading is a valid month, that one; if both
    are, day-month for fa, ar and unknown language, month-day for en. None if neither."""
    dm, md = 1 <= b <= 12, 1 <= a <= 12
    if dm and md:
        return (b, a) if lang == "en" else (a, b)
    if dm:
        return a, b
    if md:
        return b, a
    return None


def _year_calendar(year: int, era: Calendar | None, arabic: bool) -> Calendar:
    if era is not None:
        return era
    if year in cal.SOLAR_LUNAR_YEARS:
        return "hijri" if arabic else "jalali"
    return "gregorian"


@lru_cache(maxsize=8192)
def _day(calendar: Calendar, y: int, m: int, d: int) -> tuple[DateValue, str] | None:
    """A day written out, or None if there is no such day (one ``DateValue`` per day: they are
    immutable, so mentions of the same day share it)."""
    day = cal.to_gregorian(calendar, y, m, d)
    return None if day is None else (DateValue(day.isoformat(), "day", calendar), calendar)


@lru_cache(maxsize=8192)
def _relative_day(day: dt.date, calendar: Calendar = "gregorian") -> DateValue:
    """The value of a day resolved against the anchor (shared like ``_day``'s)."""
    return DateValue(day.isoformat(), "day", calendar, "relative")


Found = tuple[DateValue, str]
Pending = tuple[Calendar, int, int]  # a day and month without year: needs the anchor
Item = tuple[int, int, "Found | Pending | None"]  # view start, end, what the match means


class _Reader:
    """Turns explicit-date matches into (``DateValue``, kind) or None."""

    def __init__(self, g: ExplicitGrammar, lang: Lang | None) -> None:
        self.g = g
        self.lang = lang

    def era(self, m: re.Match[str], n: int) -> Calendar | None:
        e = m.group(f"e{n}")
        return None if e is None else self.g.eras.get(key(e))

    def numeric(self, m: re.Match[str]) -> Found | None:
        if m.group("ymd") is not None:
            y, mo, d, n = int(m["y1"]), int(m["m1"]), int(m["d1"]), 1
        else:
            order = numeric_order(int(m["a2"]), int(m["b2"]), self.lang)
            if order is None:
                return None
            y, mo, d, n = int(m["y2"]), order[1], order[0], 2
        got = _day(_year_calendar(y, self.era(m, n), self.lang == "ar"), y, mo, d)
        return None if got is None else (got[0], "numeric")

    def digit_led(self, m: re.Match[str]) -> Found | Pending | None:
        if m.group("dm") is None:
            return self.numeric(m)
        linked = m["o3"] is not None and m["l3"] is not None
        return self.named(m["m3"], m["n"], m["d3"], m["y3"], ordinal_link=linked)

    def word_led(self, m: re.Match[str]) -> Found | Pending | None:
        w = key(m["w"])
        if w in self.g.cues:
            if m["y5"] is None or m["n"] is not None:
                return None
            y = int(m["y5"])
            arabic = self.g.cues[w] == "ar" or self.lang == "ar"
            c = _year_calendar(y, self.era(m, 5), arabic)
            v = cal.year_value(c, y)
            return None if v is None else (DateValue(v, "year", c), c)
        if m["d6"] is not None and w not in self.g.latin_months:
            return None  # month-day without year: Latin month names only
        return self.named(m["w"], m["n"], m["d4"] or m["d6"], m["y4"] or m["y5"])

    def ordinal(self, m: re.Match[str]) -> Found | Pending | None:
        """``fourth of July, 1995``, ``الرابع من تموز``, ``بیست و پنجم اردیبهشت ۱۴۰۳``."""
        day = self.g.day_words.get(key(m["o"]))
        if day is None:
            return None
        linked = m["ol"] is not None
        return self.named(m["m7"], m["n7"], str(day), m["y7"], ordinal_link=linked)

    def named(
        self,
        name: str,
        dual: str | None,
        day: str | None,
        year: str | None,
        ordinal_link: bool = False,
    ) -> Found | Pending | None:
        """``ordinal_link``: an ordinal day and a day link came first (``the 4th of May``), which
        makes a ``needs_year`` word a month even without a year."""
        month = self.g.months.get(key(name))
        if month is None or (dual is not None and self.g.months.get(key(dual)) != month):
            return None  # a dual name (``آذار/مارس``) whose halves disagree
        c, mo = month
        if year is None:
            if day is None or (key(name) in self.g.needs_year and not ordinal_link):
                return None
            return (c, mo, int(day))
        y = int(year)
        if day is None:
            v = cal.month_value(c, y, mo)
            return (DateValue(v, "month", c), c) if v else None
        return _day(c, y, mo, int(day))


def find_all(view: str, needles: Iterable[str], start: int, stop: int) -> list[tuple[int, int]]:
    """(start, end) of every occurrence of each needle in ``view[start:stop]``, via ``str.find``."""
    out: list[tuple[int, int]] = []
    for nd in needles:
        i = view.find(nd, start, stop)
        while i != -1:
            out.append((i, i + len(nd)))
            i = view.find(nd, i + 1, stop)
    return out


def windows(
    view: str, hits: list[tuple[int, int]], back: int, ahead: int, start: int, stop: int
) -> list[tuple[int, int]]:
    """Merged ranges around each hit, never ending inside a word (a lookahead cannot see past
    ``endpos``)."""
    out: list[tuple[int, int]] = []
    for hs, he in sorted(hits):
        s, e = max(start, hs - back), min(stop, he + ahead)
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(e, out[-1][1]))
        else:
            out.append((s, e))
    return [(s, _WORD_TAIL.match(view, e).end()) for s, e in out]  # type: ignore[union-attr]


def _digit_runs(view: str, start: int, stop: int) -> list[tuple[int, int]]:
    """Runs of ASCII digits: every digit made ``0`` with ``str.replace``, then one ``find`` and
    one ``match`` per run (much cheaper than a regex scan of the whole text)."""
    zeros = view
    for d in "123456789":
        zeros = zeros.replace(d, "0")
    runs: list[tuple[int, int]] = []
    i = zeros.find("0", start, stop)
    while i != -1:
        e = _ZERO_RUN.match(zeros, i, stop).end()  # type: ignore[union-attr]
        runs.append((i, e))
        i = zeros.find("0", e, stop)
    return runs


def _keep_leftmost(items: list[Item]) -> tuple[Item, ...]:
    """Non-overlapping matches, leftmost first and longest first at the same start. A match
    that is not a valid date (``31 شباط 2024``) still hides the ones it overlaps."""
    kept: list[Item] = []
    for it in sorted(items, key=lambda x: (x[0], -x[1])):
        if not kept or it[0] >= kept[-1][1]:
            kept.append(it)
    return tuple(it for it in kept if it[2] is not None)


@lru_cache(maxsize=4)
def explicit_items(text: str, lang: Lang | None) -> tuple[Item, ...]:
    """Every explicit date match of ``text``, in view offsets (cached: ``find_dates`` and
    ``publication_from_text`` on one article share one pass)."""
    g = explicit_grammar(explicit_langs(lang))
    reader = _Reader(g, lang)
    v = make_view(text).text
    stop = len(v)
    runs = _digit_runs(v, 0, stop)
    items: list[Item] = []
    for s, _ in runs:
        m = g.digit_led.match(v, s, stop)
        if m is not None:
            items.append((m.start(), m.end(), reader.digit_led(m)))
    for ws, we in windows(v, runs, g.reach, 12, 0, stop):
        items.extend(_word_item(g, reader, v, m) for m in word_led_matches(g, v, ws, we))
    # no digits needed for an ordinal word before a day link and a month (``الرابع من تموز``)
    firsts, month_at = g.month_firsts, g.month_at
    hits = [
        (h, e)
        for h, e in find_all(v, g.day_links, 0, stop)
        if e < stop and v[e] in firsts and month_at.match(v, e)
    ]
    for ws, we in windows(v, hits, g.reach, g.reach, 0, stop):
        items.extend(_word_item(g, reader, v, m) for m in g.ordinal_led.finditer(v, ws, we))
    return _keep_leftmost(items)


def word_led_matches(g: ExplicitGrammar, v: str, ws: int, we: int) -> list[re.Match[str]]:
    """``list(g.word_led.finditer(v, ws, we))``, trying the pattern only where it can start.

    A match starts with the first word of a month or cue entry (``patterns._first_words``), so
    ``word_scan`` finds every possible start in the lowercased window in one pass; the pattern
    is then matched there, left to right, skipping starts inside the previous match, as
    ``finditer`` would. A window whose lowercase has another length is searched as before.
    """
    low = v[ws:we].lower()
    if g.word_scan is None or len(low) != we - ws:
        return list(g.word_led.finditer(v, ws, we))
    starts = sorted(
        {
            ws + end - len(w) + 1
            for end, w in cast("Iterator[tuple[int, str]]", g.word_scan.iter(low))
        }
    )
    out: list[re.Match[str]] = []
    pos = ws
    match = g.word_led.match
    for p in starts:
        if p < pos:
            continue
        m = match(v, p, we)
        if m is not None:
            out.append(m)
            pos = m.end()
    return out


def _word_item(g: ExplicitGrammar, reader: _Reader, v: str, m: re.Match[str]) -> Item:
    """A ``word_led``/``ordinal_led`` match as an item. A ``word_led`` month right after an
    ordinal day word is read with it by ``ordinal_led`` (``fourth of July, 1995``). An ordinal
    right after an ``ordinal_nouns`` word (``الأسبوع الأول من مارس 2024``) is no day: only the
    month counts."""
    s = m.start()
    if "o" not in m.re.groupindex:  # a word_led match
        if key(m["w"]) in g.cues:
            return (s, m.end(), reader.word_led(m))
        o = g.ordinal_before.search(v, max(0, s - g.back), s)
        if o is None:
            return (s, m.end(), reader.word_led(m))
        m2 = g.ordinal_led.match(v, o.start())
        if m2 is None or m2.end() < m.end():
            return (s, m.end(), reader.word_led(m))
        m, s = m2, m2.start()
    if g.ordinal_noun.search(v, max(0, s - 24), s):
        return (m.start("m7"), m.end(), reader.named(m["m7"], m["n7"], None, m["y7"]))
    return (s, m.end(), reader.ordinal(m))


def explicit_mentions(
    text: str,
    lang: Lang | None,
    anchor: dt.date | None,
    start: int = 0,
    end: int | None = None,
) -> list[DateMention]:
    """Explicit dates in ``text`` starting in view offsets ``[start, end)``; with ``anchor``,
    also days and months without a year (basis ``relative``)."""
    view = make_view(text)
    stop = len(view.text) if end is None else end
    out = []
    offset = explicit_grammar(explicit_langs(lang)).offset
    for s, e, what in explicit_items(text, lang):
        if not start <= s < stop or what is None:
            continue
        if offset.before(view.text, s):
            continue  # ``2 weeks from January 15``: an offset rasad does not resolve
        if len(what) == 3:
            if anchor is None:
                continue
            c, mo, d = what
            day = cal.latest_on_or_before(c, mo, d, anchor)
            if day is None:
                continue
            found: Found = (_relative_day(day, c), c)
        else:
            found = what
        s, e = view.orig(s), view.orig(e)
        out.append(DateMention(Span(s, e), text[s:e], found[0], found[1]))
    return out


@lru_cache(maxsize=8192)
def _weekday_date(wd: int, anchor: dt.date, modifier: str, week_start: int) -> dt.date:
    aw = anchor.weekday()
    if modifier == "last":
        return anchor - dt.timedelta(days=(aw - wd - 1) % 7 + 1)
    if modifier == "next":
        return anchor + dt.timedelta(days=(wd - aw - 1) % 7 + 1)
    if modifier in ("last_week", "next_week"):
        week = anchor - dt.timedelta(days=(aw - week_start) % 7)
        shift = -7 if modifier == "last_week" else 7
        return week + dt.timedelta(days=shift + (wd - week_start) % 7)
    return anchor - dt.timedelta(days=(aw - wd) % 7)


def _shift_month(anchor: dt.date, offset: int) -> str:
    idx = anchor.year * 12 + anchor.month - 1 + offset
    return f"{idx // 12:04d}-{idx % 12 + 1:02d}"


Token = tuple[str, int, int]  # key, start, end (view offsets)


def _read_tokens(
    g: RelativeGrammar, view: str, tokens: list[Token], anchor: dt.date
) -> list[tuple[int, int, Found]]:
    """Dates in a run of lexicon words: ``day [weekday]``, ``period``,
    ``[before-word]* weekday [after-word]``; words that fit none of these are skipped."""
    out: list[tuple[int, int, Found]] = []
    i = 0
    while i < len(tokens):
        k, s, e = tokens[i]
        i += 1
        if g.offset.before(view, s):
            continue  # ``two days before yesterday``: an offset rasad does not resolve
        if k in g.days or k in g.periods:
            if g.blocked.search(view, max(0, s - 16), s):
                continue  # ``۳ روز گذشته``, ``چند سال گذشته``: a duration
            if k in g.days and g.event.match(view, e):
                continue  # ``اليوم التالي``: the day after an event, not after publication
            if k in g.periods:
                unit, off = g.periods[k]
                v = f"{anchor.year + off:04d}" if unit == "year" else _shift_month(anchor, off)
                out.append((s, e, (DateValue(v, unit, basis="relative"), "relative_period")))
                continue
            offset = g.days[k]
            day, kind = anchor + dt.timedelta(days=offset), "deictic"
            if i < len(tokens) and tokens[i][0] in g.weekdays:
                wd = g.weekdays[tokens[i][0]]
                e = tokens[i][2]
                i += 1
                if wd != day.weekday():  # the named weekday wins; the kind notes it
                    day = _weekday_date(wd, anchor, "next" if offset > 0 else "bare", 0)
                    kind = "weekday"
            out.append((s, e, (_relative_day(day), kind)))
            continue
        modifier, week_start, first, j = "bare", 0, s, i
        while k in g.before and i < len(tokens):
            modifier = g.before[k]
            k, _, e = tokens[i]
            i += 1
        if k not in g.weekdays:
            if i > j:
                i -= 1  # not a weekday after all: the word is read afresh (``عصر دیروز``)
            continue
        wd = g.weekdays[k]
        if i < len(tokens) and tokens[i][0] in g.after:
            modifier, week_start = g.after[tokens[i][0]]
            e = tokens[i][2]
            i += 1
        day = _weekday_date(wd, anchor, modifier, week_start)
        out.append((first, e, (_relative_day(day), "weekday")))
    return out


def left_edge_ok(view: str, s: int) -> bool:
    """A word may start at ``s``: no letter before it, or one Arabic proclitic (``والخميس``)."""
    if s == 0 or not alpha_at(view, s - 1):
        return True
    return view[s - 1] in PROCLITICS and (s == 1 or not alpha_at(view, s - 2))


def _is_sep(c: str) -> bool:
    """What may stand between two words of a run: ``[\\s,،(\\-]`` (as in the grammar)."""
    return c.isspace() or c in ",،(-"


def _tokens(m: re.Match[str]) -> list[Token]:
    return [(key(t), *m.span(i)) for i, t in enumerate(m.groups(), 1) if t is not None]


class _Unsure(Exception):
    """The fast path cannot vouch for a run: ``relative_runs`` falls back to the windows."""


def _anchor_starts(g: RelativeGrammar, v: str) -> list[int]:
    """Starts of the anchor entries (days, periods, weekdays) at a word edge: each one holds a
    trigger at one of a few offsets (``RelativeGrammar.offsets``), checked with ``token``. The
    triggers are found in one Aho-Corasick pass over the view (Latin ones over its lowercased
    copy)."""
    starts: set[int] = set()
    firsts, anchors, match, offsets = g.firsts, g.anchors, g.token.match, g.offsets
    hay, automaton = v, g.scan
    for phase in (0, 1):
        if phase:
            if g.latin_scan is None:
                break
            hay, automaton = v.lower(), g.latin_scan
            if len(hay) != len(v):
                raise _Unsure
        if automaton is None:
            continue
        for end, nd in cast("Iterator[tuple[int, str]]", automaton.iter(hay)):
            h = end - len(nd) + 1
            for o in offsets[nd]:
                p = h - o
                if p < 0 or v[p] not in firsts or p in starts:
                    continue
                if p and alpha_at(v, p - 1) and not left_edge_ok(v, p):
                    continue
                m = match(v, p)
                if m is not None and key(m.group()) in anchors:
                    starts.add(p)
    return sorted(starts)


def _free_before(g: RelativeGrammar, v: str, p: int, done: int) -> tuple[int, list[int]]:
    """Walk left from the anchor at ``p`` word by word to a *free* word start: one that no
    entry can cover or reach through 1-3 separators, because what precedes it is not a
    separator after a word ending like an entry word (``tails``) or is ``done``, where the
    previous run ended. Returns it and the word edges from it up to ``p``, ascending."""
    w = p - 1 if p and alpha_at(v, p - 1) else p  # p may follow a proclitic
    edges = [p] if w == p else [p, w]
    while w > done:
        if not _is_sep(v[w - 1]):
            return w, edges[::-1]
        e = w - 1
        while e > 0 and w - e < 4 and _is_sep(v[e - 1]):
            e -= 1
        if w - e > 3 or e < 2 or v[e - 2 : e].lower() not in g.tails:
            return w, edges[::-1]
        s = e - 1
        while s > 0 and alpha_at(v, s - 1):
            s -= 1
        if s + 1 < e and v[s] in PROCLITICS:
            edges.append(s + 1)
        edges.append(s)
        w = s
        if len(edges) > 16:
            raise _Unsure
    return done, edges[::-1]


def _run_from(g: RelativeGrammar, v: str, p: int, done: int) -> tuple[int, list[list[Token]]]:
    """The matches from the free word start before the anchor at ``p`` to the end of the run
    holding it, as a scan over word edges from the text start finds them. Raises ``_Unsure``
    on a run of five or more entries (where the old windows decided the cut)."""
    start, edges = _free_before(g, v, p, done)
    groups: list[list[Token]] = []
    pos = start
    for c in edges:
        if c < pos or v[c] not in g.firsts:
            continue
        m = g.regex.match(v, c)
        if m is not None:
            groups.append(_tokens(m))
            pos = m.end()
    if pos <= p:
        raise _Unsure
    if len(groups[-1]) == 4:  # a fifth entry right after?
        k = pos
        while k < len(v) and k - pos < 3 and _is_sep(v[k]):
            k += 1
        if k > pos and g.token.match(v, k) is not None:
            raise _Unsure
    return pos, groups


def windowed_runs(g: RelativeGrammar, v: str) -> list[list[Token]]:
    """The slow path: ``regex`` tried at every word edge inside windows of ``reach`` around
    every trigger hit (what the matcher did before, minus matches starting mid-word)."""
    n = len(v)
    hits = find_all(v, g.triggers, 0, n)
    if g.latin_triggers and len(low := v.lower()) == n:
        hits.extend(find_all(low, g.latin_triggers, 0, n))
    out: list[list[Token]] = []
    for ws, we in windows(v, hits, g.reach, g.reach, 0, n):
        p = ws
        while p < we:
            if v[p] in g.firsts and left_edge_ok(v, p):
                m = g.regex.match(v, p, we)
                if m is not None:
                    out.append(_tokens(m))
                    p = m.end()
                    continue
            p += 1
    return out


def relative_runs(g: RelativeGrammar, v: str) -> list[list[Token]]:
    """The tokens of every match of ``regex`` that starts at a word edge (rule in the module
    docstring), in text order, as ``_read_tokens`` wants them.

    Fast path: find the anchors (``_anchor_starts``), walk left from each to where a run of
    entries begins (``_reaching``), read the run forward. Runs of five or more entries, a
    lowercased view of another length and odd lexicons take the slow path (``windowed_runs``).
    """
    if not g.plain:
        return windowed_runs(g, v)
    try:
        out: list[list[Token]] = []
        done = 0
        for p in _anchor_starts(g, v):
            if p < done:
                continue
            end, groups = _run_from(g, v, p, done)
            out.extend(groups)
            done = end
        return out
    except _Unsure:
        return windowed_runs(g, v)


def relative_mentions(
    text: str, view: View, lang: Lang | None, anchor: dt.date
) -> list[DateMention]:
    g = _relative_grammar((lang,) if lang else ("fa", "ar", "en"))
    v = view.text
    out: list[DateMention] = []
    for tokens in relative_runs(g, v):
        for s, e, (value, kind) in _read_tokens(g, v, tokens, anchor):
            s, e = view.orig(s), view.orig(e)
            out.append(DateMention(Span(s, e), text[s:e], value, kind))
    return out


def _merge(
    text: str, explicit: list[DateMention], relative: list[DateMention]
) -> list[DateMention]:
    if not relative:
        return explicit
    kept = list(explicit)
    starts = [x.span.start for x in explicit]  # explicit mentions never overlap: ends ascend too
    ends = [x.span.end for x in explicit]
    for r in relative:
        i = bisect_right(ends, r.span.start)  # the first explicit mention ending after r starts
        if i < len(ends) and starts[i] < r.span.end:
            continue
        if r.kind == "weekday":
            glue = _GLUE.match(text, r.span.end)
            if glue is not None and glue.end() in starts:
                continue  # ``الثلاثاء 17 أيلول 2024``: the weekday belongs to the explicit date
        kept.append(r)
    kept.sort(key=lambda x: (x.span.start, x.span.end))
    return kept


def find_dates(text: str, lang: Lang | None, anchor: DateValue | None) -> list[DateMention]:
    """Every date expression in ``text`` (rules in the module docstring), sorted by position.

    ``lang`` None tries every language's words. Relative expressions need ``anchor`` with day
    precision and are skipped otherwise. Never raises on any input text.
    """
    view = make_view(text)
    day = cal.parse_iso_day(anchor.value) if anchor is not None else None
    explicit = explicit_mentions(text, lang, day)
    if day is None:
        return explicit
    lines = _datelines(text, explicit)
    if not lines:
        return _merge(text, explicit, relative_mentions(text, view, lang, day))
    relative = [m for m in relative_mentions(text, view, lang, day) if m.span.start < lines[0][0]]
    bounds = [*lines, (len(text), day)]
    for (start, line_day), (end, _) in pairwise(bounds):
        for m in relative_mentions(text, view, lang, line_day):
            if start <= m.span.start < end:
                relative.append(m)
    return _merge(text, explicit, relative)


_DATELINE_REST = re.compile(r"[\s\d:٠-٩۰-۹.,،\-–/|صمampAMP]*")


def _datelines(text: str, explicit: list[DateMention]) -> list[tuple[int, dt.date]]:
    """Day-precise dates printed alone on their line (a time may follow): new anchors.

    A page that embeds another item (a "read also" box, a live-blog entry) prints that item's
    date on a line of its own; relative words after it (``اليوم الجمعة``) count from that date,
    not from the page's publication date. Returns ``(line end, day)`` in text order.
    """
    out = []
    for m in explicit:
        if m.date.precision != "day":
            continue
        line_start = text.rfind("\n", 0, m.span.start) + 1
        line_end = text.find("\n", m.span.end)
        line_end = len(text) if line_end < 0 else line_end
        if text[line_start : m.span.start].strip():
            continue
        rest = text[m.span.end : line_end]
        if _DATELINE_REST.fullmatch(rest) is None:
            continue
        day = cal.parse_iso_day(m.date.value)
        if day is not None:
            out.append((line_end, day))
    return out
