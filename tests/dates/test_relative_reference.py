"""The word-edge relative matcher against the old one (``reference_relative.py``).

The new matcher starts an entry only at a word edge or after one proclitic; the old one tried
every position inside windows around triggers and then dropped a first token that started in
the middle of a word, keeping the rest of that match. Outputs must be equal, except for
mentions overlapping one of those old mid-word matches (``mid_word_spans``).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reference_relative import mid_word_spans
from reference_relative import relative_mentions as reference
from tests.conftest import shared_path

from rasad.dates.data import load_lexicon
from rasad.dates.expressions import relative_mentions
from rasad.dates.fold import make_view
from rasad.document import DateMention, Lang
from rasad.ingest import read_inputs

SAMPLES = Path(__file__).resolve().parents[2] / "src" / "rasad" / "samples" / "articles"
ANCHOR = dt.date(2024, 9, 19)
LANGS: tuple[Lang | None, ...] = ("fa", "ar", "en", None)


def _key(m: DateMention) -> tuple[int, int, str, object, str]:
    return (m.span.start, m.span.end, m.text, m.date, m.kind)


def check_same(text: str, lang: Lang | None, anchor: dt.date = ANCHOR) -> None:
    view = make_view(text)
    got = {_key(m) for m in relative_mentions(text, view, lang, anchor)}
    want = {_key(m) for m in reference(text, view, lang, anchor)}
    mid = mid_word_spans(text, view, lang)
    for s, e, *_ in got ^ want:
        assert any(s < me and ms < e for ms, me in mid), (
            f"{lang}: {text[max(0, s - 40) : e + 40]!r}: new {sorted(got - want)} "
            f"old {sorted(want - got)}"
        )


def _texts(root: Path) -> list[str]:
    return [a.text for a in read_inputs([str(root)]) if hasattr(a, "text")]


@pytest.mark.parametrize("lang", LANGS)
def test_bundled_samples(lang: Lang | None) -> None:
    texts = _texts(SAMPLES)
    assert texts
    for text in texts:
        check_same(text, lang)


@pytest.mark.shared
@pytest.mark.parametrize("lang", LANGS)
def test_seed_texts(lang: Lang | None) -> None:
    root = shared_path("seeds", "texts")
    for path in sorted(root.iterdir()):
        check_same(path.read_text(encoding="utf-8"), lang)


def _relative_words() -> list[str]:
    out: list[str] = []
    for lang in ("fa", "ar", "en"):
        lex = load_lexicon(lang)
        for field in ("days", "periods", "weekdays", "weekday_before", "weekday_after"):
            out.extend(s for s, _ in getattr(lex, field))
        out.extend(lex.quantity_words)
    return out


WORDS = _relative_words()
FILLER = ["دیدار", "وزیر", "بغداد", "الوزير", "بعد", "سالن", "the", "minister", "said", "x"]
GLUE = [" ", "  ", ", ", "، ", " (", " - ", "\n", ". ", "", "\u200c", "3 ", ": "]
PIECE = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(WORDS).map(lambda w: w.replace(" ", "")),  # spaces are optional
    st.tuples(st.sampled_from("وفبلکxاs"), st.sampled_from(WORDS)).map("".join),  # proclitic
    st.tuples(st.sampled_from(WORDS), st.sampled_from(WORDS)).map("".join),  # mid-word
    st.sampled_from(FILLER),
)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.tuples(st.sampled_from(GLUE), PIECE), min_size=1, max_size=14),
    st.sampled_from(LANGS),
    st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31)),
)
def test_generated_sentences(parts: list[tuple[str, str]], lang: Lang | None, day: dt.date) -> None:
    check_same("".join(g + p for g, p in parts), lang, day)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("روز روز روز روز روز دوشنبه گذشته", "fa"),  # five entries in a row
        ("صباح يوم الخميس الماضي والجمعة", "ar"),
        ("on the day before yesterday, last Monday next week", "en"),
        ("دیدار امروزدوشنبه", "fa"),
        ("Ist\u0130 today", None),  # lowercasing changes the length
        ("x² Monday", "en"),  # ² is no letter to isalpha
    ],
)
def test_edge_cases(text: str, lang: Lang | None) -> None:
    check_same(text, lang)
