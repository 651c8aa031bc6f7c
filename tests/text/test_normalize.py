from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rasad.document import LANGS
from rasad.text.normalize import _INVISIBLE, normalize, normalizer
from rasad.text.profile import text_profile

# Persian and Arabic letters, marks, ZWNJ, tatweel, digits, spaces and Latin: what news text holds
ALPHABET = st.sampled_from(
    [
        *"ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیيكةىأإآؤئءۀ",
        *"\u200c\u200d\u0640\u064b\u0651\u0670\u200f\ufeff",
        *"۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩0123456789",
        *" \n\t\u00a0",
        *"AbcZ’-.،؛؟«»“”",
        *"\ufb50\u0671\ufe8d\ufb8e",  # presentation forms, one folding to a folded letter
    ]
)
texts = st.text(ALPHABET, max_size=200)


@pytest.mark.parametrize(
    ("lang", "original", "view"),
    [
        ("fa", "گفت‌وگوی تلفنی", "گفتوگوی تلفنی"),
        ("fa", "گفتوگوی تلفنی", "گفتوگوی تلفنی"),
        ("fa", "بین‌الملل", "بینالملل"),
        ("fa", "می‌کنند", "میکنند"),
        ("fa", "نوري المالكي", "نوری المالکی"),
        ("fa", "اسرائیل", "اسراییل"),
        ("fa", "آمریکا", "امریکا"),
        ("fa", "۱۳۹۹", "1399"),
        ("fa", "جمهوری  اسلامی\nایران", "جمهوری اسلامی ایران"),
        ("fa", "ولايتي", "ولایتی"),
        ("ar", "يقدّر", "يقدر"),
        ("ar", "مبيّنًا", "مبينا"),
        ("ar", "العـــراق", "العراق"),
        ("ar", "إيران", "ايران"),
        ("ar", "الرئاسة", "الرياسه"),
        ("ar", "عبداللطیف رشید", "عبداللطيف رشيد"),
        ("ar", "مصطفى", "مصطفي"),
        ("ar", "٢٠٢٤", "2024"),
        ("en", "Al-Maliki’s", "al-maliki's"),
        ("en", "Iraq — Iran", "iraq - iran"),
    ],
)
def test_view(lang, original, view):
    assert normalize(original, lang).text == view


def test_profiles_differ():
    assert normalize("ي ك", "fa").text == "ی ک"
    assert normalize("ی ک", "ar").text == "ي ك"


@pytest.mark.parametrize("lang", LANGS)
@given(text=texts)
def test_offsets_map_back_exactly(lang, text):
    n = normalize(text, lang)
    table = normalizer(lang).table
    deletable = text_profile(lang).deletions
    previous = -1
    for i, ch in enumerate(n.text):
        o = n.to_orig(i)
        assert o > previous  # strictly increasing
        previous = o
        assert text[o].translate(table) == ch
        assert n.to_norm(o) == i
    kept = {n.to_orig(i) for i in range(len(n.text))}
    for j, ch in enumerate(text):
        if j not in kept:  # only deletable characters and extra whitespace are dropped
            assert ch in deletable or ch.translate(table) in (" ", "") or ch in "\u200f\ufeff"
    if n.text:
        span = n.span_to_orig(0, len(n.text))
        assert normalize(text[span.start : span.end], lang).text.strip() == n.text.strip()


def _span_in(data: st.DataObject, view: str) -> tuple[int, int]:
    """A non-empty ``[start, end)`` inside ``view`` (which must not be empty)."""
    start = data.draw(st.integers(0, len(view) - 1))
    return start, data.draw(st.integers(start + 1, len(view)))


@pytest.mark.parametrize("lang", LANGS)
@given(text=texts, data=st.data())
def test_span_round_trip(lang, text, data):
    n = normalize(text, lang)
    if not n.text:
        return
    start, end = _span_in(data, n.text)
    span = n.span_to_orig(start, end)
    piece = normalize(text[span.start : span.end], lang).text
    assert piece == n.text[start:end]


@pytest.mark.parametrize("lang", LANGS)
@given(text=texts, data=st.data())
def test_many_spans_map_as_one_at_a_time(lang, text, data):
    n = normalize(text, lang)
    if not n.text:
        return
    pairs = [_span_in(data, n.text) for _ in range(data.draw(st.integers(0, 6)))]
    assert n.spans_to_orig(pairs) == [n.span_to_orig(s, e) for s, e in pairs]


def test_no_change_is_cheap():
    n = normalize("plain ascii text", "en")
    assert n.norm_starts == [0] and n.to_orig(5) == 5


def _reference_view(text: str, lang: str) -> tuple[str, list[int]]:
    """The view by its definition, one character at a time: translate in one pass, then turn
    every run of spaces and deletable characters into its first space (nothing when it has
    none). Also where each view character comes from."""
    t = text.translate(normalizer(lang).table)
    gone = set(text_profile(lang).deletions) | set(_INVISIBLE) | {" "}
    out: list[str] = []
    origin: list[int] = []
    i = 0
    while i < len(t):
        if t[i] not in gone:
            out.append(t[i])
            origin.append(i)
            i += 1
            continue
        j = i
        while j < len(t) and t[j] in gone:
            j += 1
        space = t.find(" ", i, j)
        if space >= 0:
            out.append(" ")
            origin.append(space)
        i = j
    return "".join(out), origin


@pytest.mark.parametrize("lang", LANGS)
@given(text=texts)
def test_view_is_the_definition(lang, text):
    n = normalize(text, lang)
    view, origin = _reference_view(text, lang)
    assert n.text == view
    assert [n.to_orig(i) for i in range(len(view))] == origin


@pytest.mark.parametrize("lang", ["fa", "ar"])
def test_a_form_folding_to_a_folded_letter_is_folded_once(lang):
    # U+FB50 is a presentation form of U+0671, which the profiles fold on to plain alef
    assert normalize("\ufb50\u0671", lang).text == "\ufb50\u0671".translate(normalizer(lang).table)
