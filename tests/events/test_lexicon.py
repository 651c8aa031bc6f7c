"""The event and speech lexicons: every listed phrase finds itself, and anchoring changes nothing."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasad.errors import DataError
from rasad.events.lexicon import Anchors, compile_phrases, event_lexicon, speech_lexicon
from rasad.lang import load_yaml
from rasad.text.normalize import normalizer

LANGS = ("fa", "ar", "en")


def _written(phrase: str) -> str:
    """A phrase as it might stand in a text: a gap filled by one word, ``*`` cut off."""
    words = [("x" if w == "..." else w.rstrip("*") if len(w) > 1 else w) for w in phrase.split()]
    return " ".join(words)


@pytest.mark.parametrize("lang", LANGS)
def test_every_trigger_phrase_finds_itself_in_a_sentence(lang):
    key = normalizer(lang).key
    missing = []
    for trig in event_lexicon(lang).triggers:
        for phrase in trig.words:
            view = key(f"a {_written(phrase)} b")
            if trig.phrases.search(view, 0, len(view)) is None:
                missing.append((trig.type, phrase))
    assert missing == []


@pytest.mark.parametrize("lang", LANGS)
def test_every_speech_phrase_finds_itself_in_a_sentence(lang):
    key = normalizer(lang).key
    data = load_yaml(lang, "statements")
    lex = speech_lexicon(lang)
    lists = [
        (cue.phrases, entry["words"]) for cue, entry in zip(lex.speech, data["speech"], strict=True)
    ]
    lists += [(phrases, data["kinds"][kind]) for kind, phrases in lex.kinds]
    lists += [(getattr(lex, k), data[k]) for k in ("pronouns", "positive", "negative")]
    missing = []
    for phrases, words in lists:
        for phrase in words:
            view = key(f"a {_written(phrase)} b")
            if phrases.search(view, 0, len(view)) is None:
                missing.append(phrase)
    assert missing == []


@pytest.mark.parametrize("phrase", ["... به", "سفر ...", "..."])
def test_a_phrase_cannot_begin_or_end_with_a_gap(phrase):
    with pytest.raises(DataError, match="E020"):
        compile_phrases((phrase,), "fa", Anchors(), where="test")


FA_WORDS = ["دیدار", "با", "سفر", "به", "گفت", "و", "تهران", "کرد", "دیدارهای", "بغداد", "،"]
FA_PHRASES = ("دیدار", "سفر ... به", "گفت*", "دیدار و گفت")


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(st.sampled_from([*FA_WORDS, "وسفر", "بدیدار", "x"]), max_size=30),
    lo=st.integers(0, 200),
    width=st.integers(0, 200),
)
def test_anchored_search_gives_what_the_pattern_gives(words, lo, width):
    anchors = Anchors()
    phrases = compile_phrases(
        FA_PHRASES, "fa", anchors, proclitics=("و", "ب"), suffixes=("ها",), where="test"
    )
    anchors.freeze()
    view = " ".join(words)
    hi = min(len(view), lo + width)
    raw = [m.span() for m in phrases.pattern.finditer(view, lo, hi)]
    assert [m.span() for m in phrases.finditer(view, lo, hi)] == raw
    first = phrases.pattern.search(view, lo, hi)
    found = phrases.search(view, lo, hi)
    assert (found.span() if found else None) == (first.span() if first else None)
    assert phrases.findall(view, lo, hi) == phrases.pattern.findall(view, lo, hi)


def _shipped_lists(lang):
    ev, sp = event_lexicon(lang), speech_lexicon(lang)
    return [
        *(t.phrases for t in ev.triggers),
        *ev.cues.values(),
        *(c.phrases for c in sp.speech),
        *(p for _, p in sp.kinds),
        sp.pronouns,
        sp.positive,
        sp.negative,
    ]


SEPARATORS = [" ", " ", " ", "، ", ", ", ": ", ":", " «", "» ", "«", " (", ") ", '"', "“", "-"]


@pytest.mark.parametrize("lang", LANGS)
@settings(max_examples=120, deadline=None)
@given(data=st.data())
def test_every_shipped_list_finds_what_its_pattern_finds(lang, data):
    """Words of the language's own phrases, joined to proclitics and suffixes and set among
    signs: the anchored search of every list gives what its regular expression gives."""
    lists = _shipped_lists(lang)
    words = sorted(lists[0].anchors._words)
    events = load_yaml(lang, "events")
    proclitics = [normalizer(lang).key(p) for p in events["proclitics"] or ()]
    suffixes = [normalizer(lang).key(s) for s in events["suffixes"] or ()]
    token = st.tuples(
        st.sampled_from(["", "", "", *proclitics]),
        st.sampled_from([*words, "x", "وزیر", "الوزير", "minister"]),
        st.sampled_from(["", "", "", *suffixes]),
        st.sampled_from(SEPARATORS),
    )
    tokens = data.draw(st.lists(token, min_size=1, max_size=25))
    view = normalizer(lang).key("".join("".join(t) for t in tokens))
    lo = data.draw(st.integers(0, len(view)))
    hi = data.draw(st.integers(lo, len(view)))
    for phrases in lists:
        raw = [m.span() for m in phrases.pattern.finditer(view, lo, hi)]
        assert [m.span() for m in phrases.finditer(view, lo, hi)] == raw, phrases.pattern.pattern
