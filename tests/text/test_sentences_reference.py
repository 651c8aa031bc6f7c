"""The sentence splitter against its previous implementation (``reference_sentences``)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from rasad.text.profile import text_profile
from rasad.text.sentences import paragraphs, sentences

from . import reference_sentences as reference

_TEXT = st.lists(
    st.sampled_from(
        [
            *"ab U.S.Dr 3.4 ؟!?«»“”\"')\n\r\t،؛دژ\x1c\x85\xa0\u2028\u3000",
            " Dr. ",
            "u.s.",
            "A. ",
            " sept",
            "Corp",
            "xcorp",
            "é",
        ]
    ),
    max_size=160,
).map("".join)


@given(_TEXT, st.sampled_from(["fa", "ar", "en"]), st.integers(0, 20))
def test_sentences_as_before(text, lang, start):
    profile = text_profile(lang)
    start = min(start, len(text))
    paras = paragraphs(text, start)
    assert paras == reference.paragraphs(text, start)
    assert sentences(text, paras, profile) == reference.sentences(text, paras, profile)


@given(st.text(max_size=80), st.integers(0, 20))
def test_paragraphs_as_before_on_any_text(text, start):
    start = min(start, len(text))
    assert paragraphs(text, start) == reference.paragraphs(text, start)
