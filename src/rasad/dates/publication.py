"""The publication date printed in a page, and publication dates from metadata values.

``publication_from_text`` looks, in this order, for:
    1. a date right after a *published* label (``تاریخ انتشار:``, ``تاريخ النشر:``, ``نشر في``,
       ``بتاريخ``, ``Published:``, ``Date:``) at a line start or after ``|``/``•``, anywhere in
       the text; the date must begin within 30 characters of the label, with no digit between;
    2. a timestamp line or dateline among the first 6 non-empty lines (first 1,500 characters):
       a line whose first date begins within 20 characters of its start (after an optional
       time such as ``17:38``) and that has at most 20 letters outside dates and times
       (``17:38 20.01.2026 (بروز رسانی شده: 17:42 20.01.2026)``, ``12 دجنبر، 2025``);
    3. a date after an *updated* label (``آخر تحديث:``, ``Updated``).
The earliest hit of the first rule that finds one wins. Dates deeper in the body or the
footer are never used, nor relative words. The crawler header line `` date YYYY-MM-DD ...``
of the seed format is not page text (``rasad.ingest`` reads it) and is skipped. The returned
span covers the date expression (not the label).
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Iterator
from email.utils import parsedate_tz

from rasad.document import DateMention, DateValue, Lang, Span

from .expressions import explicit_mentions, find_all
from .fold import View, key, make_view
from .patterns import label_grammar

TOP_LINES = 6
TOP_CHARS = 1500
LABEL_GAP = 30
LINE_REACH = 160
DATELINE_START = 20
DATELINE_LETTERS = 20

_HEADER = re.compile(r" date \d{4}-\d{2}-\d{2}\b")
_TIME = re.compile(
    r"\d{1,2}:\d{2}(?::\d{2})?(?:\s{0,2}(?:[ap]\.?m\.?|ص|م|ق\.?ظ|ب\.?ظ|gmt|utc)(?![^\W\d_]))?",
    re.IGNORECASE,
)
_LETTER = re.compile(r"[^\W\d_]")
_ISO = re.compile(
    r"\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?"
    r"(?:[t ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s?(?:z|[+-]\d{2}(?::?\d{2})?)?)?\s*",
    re.IGNORECASE,
)
_RFC822 = re.compile(r"\s*(?:[a-z]{3},?\s+)?\d{1,2}\s+[a-z]{3}\s+\d{2,4}(?:\s|$)", re.IGNORECASE)


def _lines(view: str, start: int | None) -> Iterator[tuple[int, int]]:
    """(start, end) of each line of ``view`` from offset ``start`` (none if it is None), found
    as they are asked for: the label search usually stops within the first few."""
    if start is None:
        return
    while True:
        end = view.find("\n", start)
        if end == -1:
            yield start, len(view)
            return
        yield start, end
        start = end + 1


def _after_label(
    text: str, view: View, lang: Lang | None, at: int, stop: int
) -> DateMention | None:
    found = explicit_mentions(text, lang, None, at, min(stop, at + LINE_REACH))
    if not found:
        return None
    first = found[0]
    gap = text[view.orig(at) : first.span.start]
    if len(gap) > LABEL_GAP or any(ch.isdigit() for ch in gap):
        return None
    return first


def _outside(view: View, found: list[DateMention], s: int, e: int) -> int:
    """Letters of ``view[s:e]`` outside the mentions and times."""
    chars = list(view.text[s:e])
    for t in _TIME.finditer(view.text, s, e):
        chars[t.start() - s : t.end() - s] = " " * (t.end() - t.start())
    line = "".join(chars)
    total = len(_LETTER.findall(line))
    inside = sum(len(_LETTER.findall(m.text)) for m in found)
    return total - inside


def publication_from_text(text: str, lang: Lang | None) -> tuple[DateValue, Span] | None:
    """The publication date printed in ``text`` and its span (rules in the module docstring)."""
    view = make_view(text)
    first: int | None = 0
    if _HEADER.match(view.text):  # the crawler header line is not page text
        newline = view.text.find("\n")
        first = newline + 1 if newline != -1 else None
    g = label_grammar()
    seps = _separators(view.text)
    updated: DateMention | None = None
    for s, e in _lines(view.text, first):
        starts: tuple[int, ...] = (s,)
        if seps:
            starts += tuple(
                i + 1 for ps in seps for i in ps[bisect_left(ps, s) : bisect_left(ps, e)]
            )
        for at in starts:
            m = g.regex.match(view.text, at, e)
            if m is None:
                continue
            hit = _after_label(text, view, lang, m.end(), e)
            if hit is None:
                continue
            if g.kinds[key(m["label"])] == "published":
                return hit.date, hit.span
            updated = updated or hit
    top: list[tuple[int, int]] = []
    for s, e in _lines(view.text, first):
        if s >= TOP_CHARS or len(top) == TOP_LINES:
            break
        if view.text[s:e].strip():
            top.append((s, e))
    if top:
        found = explicit_mentions(text, lang, None, top[0][0], top[-1][1])
        for s, e in top:
            on_line = [x for x in found if view.orig(s) <= x.span.start < view.orig(e)]
            if not on_line:
                continue
            lead = s + len(view.text[s:e]) - len(view.text[s:e].lstrip())
            t = _TIME.match(view.text, lead)
            begin = view.orig(t.end() if t else lead)
            if on_line[0].span.start - begin > DATELINE_START:
                continue
            if _outside(view, on_line, s, e) <= DATELINE_LETTERS:
                return on_line[0].date, on_line[0].span
    if updated is not None:
        return updated.date, updated.span
    return None


def _separators(view: str) -> tuple[list[int], ...]:
    """Positions of ``|``, ``•`` and ``·`` in ``view``, one sorted list per character (the
    order labels after separators are tried in); empty when the text has none."""
    found = tuple([i for i, _ in find_all(view, sep, 0, len(view))] for sep in "|•·")
    return found if any(found) else ()


def parse_published(value: str) -> DateValue | None:
    """A publication date from a metadata value, or None.

    Reads ISO 8601 (``2024-09-19``, ``2024-09-19T11:52:00+03:00``, ``2024-09``), RFC 822 as in
    feeds (``Thu, 19 Sep 2024 11:52:00 GMT``) and anything ``publication_from_text`` reads
    (``19 شتنبر 2024 - 11:52 ص``, ``تاریخ انتشار: ۰۶ آبان ۱۳۹۹``). The date is taken as
    written, in the value's own time zone (no conversion to UTC).
    """
    folded = make_view(value).text
    m = _ISO.fullmatch(folded)
    if m is not None:
        y, mo, d = m.group(1), m.group(2), m.group(3)
        try:
            if d is not None:
                iso = dt.date(int(y), int(mo), int(d)).isoformat()
                return DateValue(iso, "day")
            if mo is not None and 1 <= int(mo) <= 12:
                return DateValue(f"{y}-{mo}", "month")
            if mo is None and 1600 <= int(y) <= 2199:
                return DateValue(y, "year")
        except ValueError:
            return None
        return None
    if _RFC822.match(folded):
        parsed = parsedate_tz(value)
        if parsed is not None:
            try:
                return DateValue(dt.date(*parsed[:3]).isoformat(), "day")
            except (ValueError, TypeError, OverflowError):
                pass
    found = publication_from_text(value, None)
    return None if found is None else found[0]
