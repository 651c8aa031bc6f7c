"""``publication_from_text`` as it was before it read lines lazily (kept only as a reference for
``test_publication_reference.py``; never imported by the package)."""

from __future__ import annotations

from bisect import bisect_left

from rasad.dates.expressions import explicit_mentions
from rasad.dates.fold import key, make_view
from rasad.dates.patterns import label_grammar
from rasad.dates.publication import (
    _HEADER,
    _TIME,
    DATELINE_LETTERS,
    DATELINE_START,
    TOP_CHARS,
    TOP_LINES,
    _after_label,
    _outside,
    _separators,
)
from rasad.document import DateMention, DateValue, Lang, Span


def _lines(view: str) -> list[tuple[int, int]]:
    out = []
    start = 0
    while True:
        end = view.find("\n", start)
        if end == -1:
            out.append((start, len(view)))
            return out
        out.append((start, end))
        start = end + 1


def publication_from_text(text: str, lang: Lang | None) -> tuple[DateValue, Span] | None:
    """The publication date printed in ``text`` and its span (rules in the module docstring)."""
    view = make_view(text)
    lines = _lines(view.text)
    if lines and _HEADER.match(view.text):
        lines = lines[1:]
    g = label_grammar()
    seps = _separators(view.text)
    updated: DateMention | None = None
    for s, e in lines:
        starts = (s, *(i + 1 for ps in seps for i in ps[bisect_left(ps, s) : bisect_left(ps, e)]))
        for at in starts if seps else (s,):
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
    for s, e in lines:
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
