"""Publication dates printed in pages, and metadata values."""

from __future__ import annotations

import pytest
from dates_support import shared_dir

from rasad.dates import find_dates, parse_published, publication_from_text
from rasad.document import DateValue

TITLE = "عنوان الخبر هنا\n"
LINES = [
    ("fa", "تاریخ انتشار: ۰۶ آبان ۱۳۹۹ - ۲۰:۰۰ - 27October 2020", "2020-10-27"),
    ("ar", "تاريخ النشر: 19th, September 2024 GMT", "2024-09-19"),
    ("fa", "17:38 20.01.2026 (بروز رسانی شده: 17:42 20.01.2026)", "2026-01-20"),
    ("fa", "17:38 20.01.2026", "2026-01-20"),
    ("ar", "12 دجنبر، 2025", "2025-12-12"),
    ("ar", "آخر تحديث: 19 شتنبر 2024 - 11:52 ص", "2024-09-19"),
    ("fa", "تاریخ: ۱۴۰۳/۰۲/۲۵", "2024-05-14"),
    ("fa", "منتشر شده در ۲۵ اردیبهشت ۱۴۰۳", "2024-05-14"),
    ("ar", "نشر في: الخميس 19 سبتمبر 2024", "2024-09-19"),
    ("ar", "بتاريخ 5 آذار/مارس 2024", "2024-03-05"),
    ("en", "Published: September 19, 2024 11:52 am", "2024-09-19"),
    ("en", "Updated 19 September 2024", "2024-09-19"),
    ("en", "By Staff | Published 2024-09-19", "2024-09-19"),
    ("en", "Thursday, 19 September 2024", "2024-09-19"),
]


@pytest.mark.parametrize(("lang", "line", "value"), LINES)
def test_publication_line(lang: str, line: str, value: str) -> None:
    for text in (line, TITLE + line + "\nبغداد - قال المتحدث إن الاجتماع كان مثمرا."):
        for language in (lang, None):
            got = publication_from_text(text, language)  # type: ignore[arg-type]
            assert got is not None and got[0].value == value
            assert got[1].end <= len(text)


def test_published_label_wins_over_updated_and_datelines() -> None:
    text = "آخر تحديث: 20 شتنبر 2024\n12 دجنبر، 2025\nتاريخ النشر: 19 سبتمبر 2024\n"
    got = publication_from_text(text, "ar")
    assert got is not None and got[0].value == "2024-09-19"


def test_dateline_wins_over_updated_label() -> None:
    text = "العنوان\n12 دجنبر، 2025\nآخر تحديث: 20 شتنبر 2024\n"
    got = publication_from_text(text, "ar")
    assert got is not None and got[0].value == "2025-12-12"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "هیچ تاریخی در این متن نیست.",
        # a date in the body, not a dateline
        "عنوان\nمتن خبر می‌گوید که در ۲۵ اردیبهشت ۱۴۰۳ نشستی برگزار شد و حاضران گفت‌وگو کردند.",
        # a dateline far down the page (after 6 non-empty lines)
        "a\nb\nc\nd\ne\nf\ng\n12 دجنبر، 2025\n",
        # the crawler header line is not page text
        " date 2026-01-20",
        " date 2026-01-20 https://example.com/x",
        "5 May 2024: Iran and Iraq sign a long agreement on trade and security",
        "امروز",
    ],
)
def test_no_publication_date(text: str) -> None:
    assert publication_from_text(text, None) is None


PUBLISHED = [
    ("2024-09-19T11:52:00+03:00", "2024-09-19", "day"),
    ("2024-09-19", "2024-09-19", "day"),
    ("2024-09-19 11:52:00", "2024-09-19", "day"),
    ("2024-09-19T23:59:59.123Z", "2024-09-19", "day"),
    ("2024-09", "2024-09", "month"),
    ("2024", "2024", "year"),
    ("Thu, 19 Sep 2024 11:52:00 GMT", "2024-09-19", "day"),
    ("19 Sep 2024 11:52:00 +0300", "2024-09-19", "day"),
    ("19 شتنبر 2024 - 11:52 ص", "2024-09-19", "day"),
    ("تاریخ انتشار: ۰۶ آبان ۱۳۹۹ - ۲۰:۰۰", "2020-10-27", "day"),
    ("۱۴۰۳/۰۲/۲۵", "2024-05-14", "day"),
    ("19/09/2024", "2024-09-19", "day"),
]


@pytest.mark.parametrize(("value", "iso", "precision"), PUBLISHED)
def test_parse_published(value: str, iso: str, precision: str) -> None:
    got = parse_published(value)
    assert got is not None and (got.value, got.precision) == (iso, precision)


@pytest.mark.parametrize(
    "value", ["", "garbage", "2024-13-45", "2024-02-30T10:00:00Z", "Thu, 45 Sep 2024", "1399", "12"]
)
def test_parse_published_garbage(value: str) -> None:
    assert parse_published(value) is None


SEEDS = {
    "000_1dbacf6b54df03b2.txt": ("fa", "2026-01-20"),
    "001_65e8fecf9260d5ee.txt": ("fa", "2020-10-27"),
    "002_cd2d487a5083b5f6.txt": ("en", None),
    "003_a32cd46c593625d6.txt": ("ar", "2024-09-19"),
    "004_f7030722794b592c.txt": ("fa", None),
}


@pytest.mark.shared
@pytest.mark.parametrize(("name", "expected"), SEEDS.items())
def test_seed_publication(name: str, expected: tuple[str, str | None]) -> None:
    lang, value = expected
    text = (shared_dir() / "seeds" / "texts" / name).read_text(encoding="utf-8")
    got = publication_from_text(text, lang)  # type: ignore[arg-type]
    assert (got[0].value if got else None) == value
    if got:
        assert got[0].basis == "explicit"


@pytest.mark.shared
def test_seed_003_relative_dates() -> None:
    text = (shared_dir() / "seeds" / "texts" / "003_a32cd46c593625d6.txt").read_text(
        encoding="utf-8"
    )
    found = find_dates(text, "ar", DateValue("2024-09-19", "day"))
    by_text = {m.text: m.date.value for m in found}
    assert by_text["يوم الثلاثاء الماضي"] == "2024-09-17"
    assert by_text["12 دجنبر، 2025"] == "2025-12-12"
    start = text.index("12 دجنبر، 2025")
    item = find_dates(text[start:], "ar", DateValue("2025-12-12", "day"))
    fridays = [(m.text, m.date.value, m.kind) for m in item if "الجمعة" in m.text]
    assert fridays == [
        ("الجمعة", "2025-12-12", "weekday"),
        ("اليوم الجمعة", "2025-12-12", "deictic"),
    ]


@pytest.mark.shared
def test_seed_004_monday() -> None:
    text = (shared_dir() / "seeds" / "texts" / "004_f7030722794b592c.txt").read_text(
        encoding="utf-8"
    )
    found = find_dates(text, "fa", DateValue("2018-05-24", "day"))
    assert [(m.text, m.date.value) for m in found] == [("عصر روز دوشنبه", "2018-05-21")]
    assert find_dates(text, "fa", None) == []
