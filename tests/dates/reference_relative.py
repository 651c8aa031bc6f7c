"""The relative-date matcher as it was before word-edge matching (kept only as a reference for
``test_relative_reference.py``; never imported by the package).

It ran ``RelativeGrammar.regex`` with ``finditer`` over windows of ``reach`` characters around
every trigger hit, trying every position, so a match could start in the middle of a word; such a
match lost its first token (``left_edge_ok``) but kept the others. ``mid_word_spans`` reports
those matches: they are the only places where the new matcher may differ.
"""

from __future__ import annotations

import datetime as dt

from rasad.dates.expressions import _read_tokens, find_all, left_edge_ok, windows
from rasad.dates.fold import View, key
from rasad.dates.patterns import relative_grammar
from rasad.document import DateMention, Lang, Span


def _matches(
    view: View, lang: Lang | None
) -> list[tuple[int, int, bool, list[tuple[str, int, int]]]]:
    """(start, end, first token mid-word?, tokens) of every match, in view offsets."""
    g = relative_grammar((lang,) if lang else ("fa", "ar", "en"))
    v = view.text
    n = len(v)
    hits = find_all(v, g.triggers, 0, n)
    if g.latin_triggers and len(low := v.lower()) == n:
        hits.extend(find_all(low, g.latin_triggers, 0, n))
    out = []
    for ws, we in windows(v, hits, g.reach, g.reach, 0, n):
        for m in g.regex.finditer(v, ws, we):
            tokens = [(key(t), *m.span(i)) for i, t in enumerate(m.groups(), 1) if t is not None]
            mid = not left_edge_ok(v, m.start())
            out.append((m.start(), m.end(), mid, tokens[1:] if mid else tokens))
    return out


def relative_mentions(
    text: str, view: View, lang: Lang | None, anchor: dt.date
) -> list[DateMention]:
    g = relative_grammar((lang,) if lang else ("fa", "ar", "en"))
    out: list[DateMention] = []
    for _, _, _, tokens in _matches(view, lang):
        for s, e, (value, kind) in _read_tokens(g, view.text, tokens, anchor):
            s, e = view.orig(s), view.orig(e)
            out.append(DateMention(Span(s, e), text[s:e], value, kind))
    return out


def mid_word_spans(text: str, view: View, lang: Lang | None) -> list[tuple[int, int]]:
    """Original-text spans of the matches whose first token started in the middle of a word."""
    return [(view.orig(s), view.orig(e)) for s, e, mid, _ in _matches(view, lang) if mid]
