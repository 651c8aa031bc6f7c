"""``find_dates``: every date expression in a text, with spans into the original text.

Explicit dates (basis ``explicit``):
    * month names of the Gregorian, Jalali and Hijri calendars in day-month-year, month-day-year
      and month-year order (``19 September 2024``, ``27October 2020``, ``۲۵ اردیبهشت ۱۴۰۳``,
      ``5 آذار/مارس 2024``, ``September 19, 2024``, ``سپتامبر ۲۰۲۴``). A year is four digits.
      The calendar is the month name's; a year outside that calendar's range (``calendars``)
      drops the date, so ``۱۳۹۹`` is never AD 1399.
    * words in ``needs_year`` (``می``, ``May``, ``صفر``) are months only when a year follows.
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
A weekday written right before an explicit date (``الثلاثاء 17 أيلول 2024``) is part of it,
not a separate mention; a relative mention overlapping an explicit one is dropped.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from functools import lru_cache

from rasad.document import Calendar, DateMention, DateValue, Lang, Span

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


def _day(calendar: Calendar, y: int, m: int, d: int) -> tuple[DateValue, str] | None:
    day = cal.to_gregorian(calendar, y, m, d)
    return None if day is None else (DateValue(day.isoformat(), "day", calendar), calendar)


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
        return self.named(m["m3"], m["n"], m["d3"], m["y3"])

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

    def named(
        self, name: str, dual: str | None, day: str | None, year: str | None
    ) -> Found | Pending | None:
        month = self.g.months.get(key(name))
        if month is None or (dual is not None and self.g.months.get(key(dual)) != month):
            return None  # a dual name (``آذار/مارس``) whose halves disagree
        c, mo = month
        if year is None:
            if key(name) in self.g.needs_year or day is None:
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
    if not runs:
        return ()
    items: list[Item] = []
    for s, _ in runs:
        m = g.digit_led.match(v, s, stop)
        if m is not None:
            items.append((m.start(), m.end(), reader.digit_led(m)))
    for ws, we in windows(v, runs, g.reach, 12, 0, stop):
        items.extend(
            (m.start(), m.end(), reader.word_led(m)) for m in g.word_led.finditer(v, ws, we)
        )
    return _keep_leftmost(items)


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
    for s, e, what in explicit_items(text, lang):
        if not start <= s < stop or what is None:
            continue
        if len(what) == 3:
            if anchor is None:
                continue
            c, mo, d = what
            day = cal.latest_on_or_before(c, mo, d, anchor)
            if day is None:
                continue
            found: Found = (DateValue(day.isoformat(), "day", c, "relative"), c)
        else:
            found = what
        s, e = view.orig(s), view.orig(e)
        out.append(DateMention(Span(s, e), text[s:e], found[0], found[1]))
    return out


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
        if k in g.days or k in g.periods:
            if g.blocked.search(view, max(0, s - 16), s):
                continue  # ``۳ روز گذشته``, ``چند سال گذشته``: a duration
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
            out.append((s, e, (DateValue(day.isoformat(), "day", basis="relative"), kind)))
            continue
        modifier, week_start, first = "bare", 0, s
        while k in g.before and i < len(tokens):
            modifier = g.before[k]
            k, _, e = tokens[i]
            i += 1
        if k not in g.weekdays:
            continue
        wd = g.weekdays[k]
        if i < len(tokens) and tokens[i][0] in g.after:
            modifier, week_start = g.after[tokens[i][0]]
            e = tokens[i][2]
            i += 1
        day = _weekday_date(wd, anchor, modifier, week_start)
        out.append((first, e, (DateValue(day.isoformat(), "day", basis="relative"), "weekday")))
    return out


def left_edge_ok(view: str, s: int) -> bool:
    """A word may start at ``s``: no letter before it, or one Arabic proclitic (``والخميس``)."""
    if s == 0 or not view[s - 1].isalpha():
        return True
    return view[s - 1] in PROCLITICS and (s == 1 or not view[s - 2].isalpha())


def relative_mentions(
    text: str, view: View, lang: Lang | None, anchor: dt.date
) -> list[DateMention]:
    g = _relative_grammar((lang,) if lang else ("fa", "ar", "en"))
    v = view.text
    n = len(v)
    out: list[DateMention] = []
    hits = find_all(v, g.triggers, 0, n)
    if g.latin_triggers and len(low := v.lower()) == n:
        hits.extend(find_all(low, g.latin_triggers, 0, n))
    for ws, we in windows(v, hits, g.reach, g.reach, 0, n):
        for m in g.regex.finditer(v, ws, we):
            tokens = [(key(t), *m.span(i)) for i, t in enumerate(m.groups(), 1) if t is not None]
            if not left_edge_ok(v, m.start()):
                tokens = tokens[1:]
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
    starts = {x.span.start for x in explicit}
    for r in relative:
        if any(x.span.start < r.span.end and r.span.start < x.span.end for x in explicit):
            continue
        glue = _GLUE.match(text, r.span.end)
        if r.kind == "weekday" and glue is not None and glue.end() in starts:
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
    return _merge(text, explicit, relative_mentions(text, view, lang, day))
