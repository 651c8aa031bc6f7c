"""The explicit-date scans that try their patterns only at candidate positions find what a
search of every position found."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rasad.dates.expressions import find_all, word_led_matches
from rasad.dates.fold import make_view
from rasad.dates.patterns import ExplicitGrammar, explicit_grammar, explicit_langs

PIECES = st.sampled_from(
    [
        *" ,،-./()x3۳0İ\u212a",
        "12",
        "2024",
        "۱۴۰۳",
        "September",
        "SEPTEMBER",
        "sEpt.",
        "May",
        "in",
        "In",
        "since",
        "of",
        "the 4th of",
        "fourth",
        "اردیبهشت",
        "سال",
        "ماه",
        "آذار/مارس",
        "ربيع الأول",
        "ربيعالأول",
        "تموز",
        "عام",
        "من",
        "الرابع",
        "هـ",
        "million",
        "%",
        "$",
    ]
)
LANGS = st.sampled_from(["fa", "ar", "en", None])


def _spans(ms: list) -> list[tuple[int, int, tuple[str | None, ...]]]:  # type: ignore[type-arg]
    return [(m.start(), m.end(), m.groups()) for m in ms]


@settings(max_examples=500)
@given(st.lists(PIECES, max_size=14).map("".join), LANGS, st.data())
def test_word_led_matches_are_the_search(text: str, lang: str | None, data: st.DataObject) -> None:
    g = explicit_grammar(explicit_langs(lang))  # type: ignore[arg-type]
    v = make_view(text).text
    ws = data.draw(st.integers(0, len(v)))
    we = data.draw(st.integers(ws, len(v)))
    want = _spans(list(g.word_led.finditer(v, ws, we)))
    assert _spans(word_led_matches(g, v, ws, we)) == want


def _links_by_regex(g: ExplicitGrammar, v: str) -> list[tuple[int, int]]:
    """Day links followed by a month name, as found before the first-character check."""
    return [(h, e) for h, e in find_all(v, g.day_links, 0, len(v)) if g.month_at.match(v, e)]


@settings(max_examples=300)
@given(st.lists(PIECES, max_size=14).map("".join), LANGS)
def test_month_firsts_hold_every_month_start(text: str, lang: str | None) -> None:
    g = explicit_grammar(explicit_langs(lang))  # type: ignore[arg-type]
    v = make_view(text).text
    for h, e in _links_by_regex(g, v):
        assert e < len(v) and v[e] in g.month_firsts, (v, h)
