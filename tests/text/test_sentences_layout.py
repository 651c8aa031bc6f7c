from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rasad.text.layout import find_source, find_title
from rasad.text.profile import text_profile
from rasad.text.sentences import paragraphs, sentences


def split(text: str, lang: str) -> list[str]:
    return [text[s.start : s.end] for s in sentences(text, paragraphs(text), text_profile(lang))]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "fa",
            "وزیر خارجه وارد بغداد شد. او با همتای خود دیدار کرد.",
            ["وزیر خارجه وارد بغداد شد.", "او با همتای خود دیدار کرد."],
        ),
        (
            "fa",
            "آیا مذاکرات ادامه دارد؟ پاسخ مثبت است.",
            ["آیا مذاکرات ادامه دارد؟", "پاسخ مثبت است."],
        ),
        (
            "fa",
            "او گفت: «ما آماده‌ایم.» سپس جلسه پایان یافت.",
            ["او گفت: «ما آماده‌ایم.»", "سپس جلسه پایان یافت."],
        ),
        (
            "fa",
            "تهران، بغداد و دمشق؛ سه پایتخت در یک جمله.",
            ["تهران، بغداد و دمشق؛ سه پایتخت در یک جمله."],
        ),
        (
            "ar",
            "وقال إن “العلاقات متينة”.وكان الوزير قد وصل.",
            ["وقال إن “العلاقات متينة”.", "وكان الوزير قد وصل."],
        ),
        ("ar", "هل انتهت الزيارة؟ نعم، انتهت.", ["هل انتهت الزيارة؟", "نعم، انتهت."]),
        ("ar", "نُشر في 20.01.2026 بتوقيت بغداد.", ["نُشر في 20.01.2026 بتوقيت بغداد."]),
        (
            "en",
            "Dr. Velayati met Mr. Maliki in the U.S. capital. Talks ended.",
            ["Dr. Velayati met Mr. Maliki in the U.S. capital.", "Talks ended."],
        ),
        (
            "en",
            "He said: “We are ready.” Then he left.",
            ["He said: “We are ready.”", "Then he left."],
        ),
        ("en", "George W. Bush spoke.", ["George W. Bush spoke."]),
        ("en", "Line one without stop\nLine two.", ["Line one without stop", "Line two."]),
    ],
)
def test_sentences(lang, text, expected):
    assert split(text, lang) == expected


@given(st.text(st.sampled_from(list("ab .؟!«»“”\n،؛0123456789دژ")), max_size=120))
def test_sentences_cover_text_in_order(text):
    spans = sentences(text, paragraphs(text), text_profile("fa"))
    last = 0
    for s in spans:
        assert last <= s.start < s.end <= len(text)
        assert text[s.start : s.end].strip() == text[s.start : s.end]
        last = s.end
    covered = "".join(text[s.start : s.end] for s in spans)
    assert "".join(covered.split()) == "".join(text.split())


@pytest.mark.parametrize(
    ("lang", "text", "title"),
    [
        (
            "fa",
            "دیدار وزیران خارجه ایران و عراق در بغداد\n\nمتن خبر در اینجا آمده است.",
            "دیدار وزیران خارجه ایران و عراق در بغداد",
        ),
        (
            "fa",
            "عراقچی:\n\nروابط تهران و بغداد راهبردی است\n\nمتن خبر.",
            "روابط تهران و بغداد راهبردی است",
        ),
        (
            "ar",
            "السوداني:العلاقات مع طهران “استراتيجية”!\nتاريخ النشر: 19 أيلول 2024",
            "السوداني:العلاقات مع طهران “استراتيجية”!",
        ),
        (
            "en",
            "Iran and Iraq sign security pact\nBAGHDAD (Reuters) - The two...",
            "Iran and Iraq sign security pact",
        ),
        ("en", "The ministers met on Tuesday in Baghdad to discuss the border.", None),
        ("fa", "۱۷:۳۸ ۲۰.۰۱.۲۰۲۶\nمتن", None),
    ],
)
def test_title(lang, text, title):
    paras = paragraphs(text)
    span = find_title(text, paras, text_profile(lang), body_on_header_line=False)
    assert (text[span.start : span.end] if span else None) == title


def test_no_title_when_body_starts_on_header_line():
    text = " date 2026-01-20 Short line\nmore"
    assert find_title(text, paragraphs(text, 16), text_profile("en"), True) is None


@pytest.mark.parametrize(
    ("lang", "text", "source"),
    [
        ("fa", "خبر\nبه گزارش گروه بین‌الملل دفاع‌پرس، وزیر گفت.", "دفاع‌پرس"),
        ("fa", "خبر\nبه گزارش ایرنا، وزیر گفت.", "ایرنا"),
        ("fa", "خبر\nبه گزارش خبرنگار ما در تهران و بغداد و چند شهر دیگر، وزیر گفت.", None),
        ("ar", "عنوان\nالمصدر: شبكة اخبار العراق", "شبكة اخبار العراق"),
        ("ar", "عنوان\nبغداد/ المسلة- قال الوزير", "المسلة"),
        ("en", "Headline\nBAGHDAD (Reuters) - The minister said", "Reuters"),
        ("en", "Headline\nThe minister said nothing.", None),
    ],
)
def test_source(lang, text, source):
    assert find_source(text, paragraphs(text), text_profile(lang)) == source
