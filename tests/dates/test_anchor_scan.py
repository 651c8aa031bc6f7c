"""The Aho-Corasick trigger scan of the relative matcher finds the anchors ``str.find`` found."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rasad.dates.expressions import _anchor_starts, _Unsure, key, left_edge_ok
from rasad.dates.fold import make_view
from rasad.dates.patterns import RelativeGrammar, relative_grammar

PIECES = st.sampled_from(
    [
        *" ,،(-وبلفxZ😀İ",
        "دیروز",
        "سه شنبه",
        "سهشنبه",
        "هفته گذشته",
        "امروز",
        "الأمس",
        "يوم الثلاثاء",
        "الماضي",
        "غدا",
        "Last Friday",
        "TODAY",
        "next month",
        "monday",
    ]
)
LANGS = st.sampled_from([("fa",), ("ar",), ("en",), ("fa", "ar", "en")])


def _by_find(g: RelativeGrammar, v: str) -> list[int]:
    """``_anchor_starts`` as it was: one ``str.find`` loop per trigger."""
    starts: set[int] = set()
    for hay, needles in ((v, g.triggers), (v.lower(), g.latin_triggers)):
        if hay is not v and needles and len(hay) != len(v):
            raise _Unsure
        for nd in needles:
            h = hay.find(nd)
            while h != -1:
                for o in g.offsets[nd]:
                    p = h - o
                    if p < 0 or v[p] not in g.firsts or p in starts or not left_edge_ok(v, p):
                        continue
                    m = g.token.match(v, p)
                    if m is not None and key(m.group()) in g.anchors:
                        starts.add(p)
                h = hay.find(nd, h + 1)
    return sorted(starts)


@settings(max_examples=400)
@given(st.lists(PIECES, max_size=16).map("".join), LANGS)
def test_scan_finds_what_find_found(text: str, langs: tuple[str, ...]) -> None:
    g = relative_grammar(langs)  # type: ignore[arg-type]
    v = make_view(text).text
    try:
        want = _by_find(g, v)
    except _Unsure:
        want = None
    try:
        got = _anchor_starts(g, v)
    except _Unsure:
        got = None
    assert got == want
