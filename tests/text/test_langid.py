from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasad.text.langid import article_language, decide, detect, script_profile


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("وزیر امور خارجه ایران در سفر به بغداد با همتای عراقی خود دیدار کرد.", "fa"),
        ("وزير الخارجية الإيراني يلتقي نظيره العراقي في بغداد لبحث العلاقات الثنائية.", "ar"),
        ("Iran's foreign minister met his Iraqi counterpart in Baghdad on Tuesday.", "en"),
        # Persian typed with Arabic yeh and kaf: the profile defers to lingua
        ("وزير امور خارجه ايران در سفر به بغداد با همتاي عراقي خود ديدار كرد و گفت", "fa"),
        # Arabic naming Persian people and places
        ("التقى الرئيس مسعود بزشكيان في طهران وفد الحكومة العراقية برئاسة رئيس الوزراء.", "ar"),
        # Persian quoting Arabic names
        ("نوري المالكي در گفت‌وگو با رسانه‌ها از سیاست‌های دولت عراق دفاع کرد.", "fa"),
    ],
)
def test_detect(text, lang):
    assert detect(text) == lang


def test_too_short_has_no_language():
    assert detect("17:38 20.01.2026") is None
    assert detect("ok") is None


def test_urls_do_not_count():
    p = script_profile("https://example.com/very-long-english-slug-in-the-url گفتوگوی تلفنی")
    assert p.latin == 0


def test_article_language_weights_letters():
    assert article_language([("en", 10), ("fa", 300), (None, 50), ("ar", 20)]) == "fa"
    assert article_language([(None, 5)]) is None


def _ntrex(name: str) -> list[str]:
    from tests.conftest import shared_path

    path = shared_path("benchmarks", "parallel-en-fa-ar-ntrex128", f"newstest2019-{name}.txt")
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.shared
@pytest.mark.parametrize(
    ("name", "lang", "floor"),
    [("ref.fas", "fa", 0.995), ("ref.arb", "ar", 0.995), ("src.eng", "en", 0.999)],
)
def test_sentence_accuracy_on_ntrex(name, lang, floor):
    """Per-sentence accuracy on NTREX-128 news sentences (1,997 per language)."""
    sentences = [s for s in _ntrex(name) if len(s) >= 20]
    right = sum(detect(s) == lang for s in sentences)
    assert right / len(sentences) >= floor, right / len(sentences)


@pytest.mark.shared
def test_persian_with_arabic_letters_on_ntrex():
    folded = [s.replace("ی", "ي").replace("ک", "ك") for s in _ntrex("ref.fas") if len(s) >= 20]
    right = sum(detect(s) == "fa" for s in folded)
    assert right / len(folded) >= 0.98, right / len(folded)


@pytest.mark.shared
def test_profile_settles_most_sentences():
    """The fast path (no lingua) decides the bulk of real sentences, so extraction stays fast."""
    sentences = [s for n in ("ref.fas", "ref.arb", "src.eng") for s in _ntrex(n) if len(s) >= 40]
    settled = sum(decide(script_profile(s)) is not None for s in sentences)
    assert settled / len(sentences) >= 0.9, settled / len(sentences)


@pytest.mark.parametrize("lang", ["fa", "ar"])
def test_every_function_word_points_to_its_language(lang):
    from rasad.text.langid import decide_by_words
    from rasad.text.profile import text_profile

    for word in text_profile(lang).function_words:
        assert decide_by_words(f"الف {word} ب {word} ج") == lang, word


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "وزیر خارجه ایران امروز به بغداد سفر کرد.\nاو با همتای عراقی خود دیدار و گفت‌وگو کرد.",
            ["fa", "fa"],
        ),
        (
            "وزیر خارجه ایران امروز به بغداد سفر کرد.\nوقال الوزير إن العلاقة بين البلدين متينة ومستقرة.",
            ["fa", "ar"],
        ),
        (
            "Iran's foreign minister arrived in Baghdad.\nوزیر خارجه ایران امروز به بغداد سفر کرد.",
            ["en", "fa"],
        ),
        ("The talks ended on Tuesday in Baghdad.\n17:38", ["en", None]),
        (
            "وصل الوزير إلى بغداد في زيارة رسمية.\nوأكد أهمية العلاقات الثنائية بين البلدين.",
            ["ar", "ar"],
        ),
    ],
)
def test_paragraph_languages(text, expected):
    from rasad.document import Article, Document
    from rasad.text.stage import TextStage

    doc = Document(Article(text, "x.txt", "text"))
    TextStage()(doc)
    assert [p.lang for p in doc.paragraphs] == expected


def test_single_language_needs_one_script():
    from rasad.text.langid import single_language

    assert single_language(script_profile("Only English words here, nothing else.")) == "en"
    assert single_language(script_profile("گفت‌وگوی تلفنی وزیران")) == "fa"
    assert single_language(script_profile("المرحلة المقبلة")) == "ar"
    assert single_language(script_profile("گفت‌وگوی تلفنی with English")) is None
    assert single_language(script_profile("گفتوگو و المرحلة")) is None


# Latin, Persian-only and Arabic-only letters, shared letters, digits and punctuation of the
# Arabic block, a URL's pieces and odd spaces: every branch of the presence tests
_MIXED = st.lists(
    st.sampled_from([*"aZ یکيكىةپچژگبن۱٢،؟ـ٪\u200c\u00a0\n.:/", " ", "http://x.y ", "www."]),
    max_size=80,
).map("".join)


@settings(max_examples=500)
@given(_MIXED)
def test_text_language_is_single_language_of_the_profile(text):
    from rasad.text.langid import single_language, text_language

    assert text_language(text) == single_language(script_profile(text))


@settings(max_examples=500)
@given(_MIXED, st.integers(0, 80), st.integers(0, 80))
def test_has_min_letters_is_the_letter_count_threshold(text, a, b):
    from rasad.text.langid import MIN_LETTERS, has_min_letters, letter_count

    start, end = sorted((min(a, len(text)), min(b, len(text))))
    assert has_min_letters(text, start, end) == (letter_count(text[start:end]) >= MIN_LETTERS)


def test_has_min_letters_counts_a_long_run_of_arabic_digits():
    from rasad.text.langid import has_min_letters, letter_count

    digits = "۱۲۳۴ " * 15  # 60 block characters, no letter: letter_count does not subtract them
    assert letter_count(digits) >= 12
    assert has_min_letters(digits, 0, len(digits))
