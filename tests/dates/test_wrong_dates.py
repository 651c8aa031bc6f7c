"""Constructions that used to give a wrong date (Recognizers-Text evaluation): a year after a
connector, ordinal day words, offsets from a relative word, event-relative days, money."""

from __future__ import annotations

import pytest
from dates_support import ANCHOR

from rasad.dates import find_dates
from rasad.dates.data import load_lexicon
from rasad.document import DateValue, Lang


def _one(text: str, lang: Lang) -> tuple[str, str, str]:
    found = find_dates(text, lang, ANCHOR)
    assert len(found) == 1, (text, found)
    m = found[0]
    return m.text, m.date.value, m.date.basis


# 1. a year written after a connector is the date's year (basis explicit)
YEAR_AFTER_CONNECTOR = [
    ("en", "july 4th of 1995", "1995-07-04"),
    ("en", "4th of july of 1995", "1995-07-04"),
    ("en", "28 june in 2020", "2020-06-28"),
    ("en", "fourth of july, 1995", "1995-07-04"),
    ("en", "on July 4 in 2020 they", "2020-07-04"),
    ("en", "on 5 May in 2023 the", "2023-05-05"),
    ("ar", "4 تموز من عام 2024", "2024-07-04"),
    ("ar", "4 تموز عام 2024", "2024-07-04"),
    ("ar", "4 تموز سنة 2024", "2024-07-04"),
    ("ar", "في 4 يوليو من العام 2023", "2023-07-04"),
    ("ar", "15 ربيع الأول سنة 1446 هـ", "2024-09-18"),
    ("fa", "۴ تیر سال ۱۴۰۳", "2024-06-24"),
    ("fa", "۴ تیر ماه سال ۱۴۰۳", "2024-06-24"),
    ("fa", "۴ تیر‌ماه سال ۱۴۰۳", "2024-06-24"),
    ("fa", "۴ ژوئیه سال ۲۰۲۳", "2023-07-04"),
]


@pytest.mark.parametrize(("lang", "text", "value"), YEAR_AFTER_CONNECTOR)
def test_year_after_connector(lang: Lang, text: str, value: str) -> None:
    _, got, basis = _one(text, lang)
    assert (got, basis) == (value, "explicit")


def test_year_after_connector_outside_calendar_is_no_date() -> None:
    # a Jalali month with a Gregorian year: contradictory, so no date rather than a wrong one
    assert find_dates("۴ تیر سال ۲۰۲۴", "fa", ANCHOR) == []


# 2. ordinal days: `Nth of Month` and ordinal words
ORDINALS = [
    ("en", "4th of May 2024", "2024-05-04", "explicit"),
    ("en", "the 4th of May", "2024-05-04", "relative"),
    ("en", "on the first of May", "2024-05-01", "relative"),
    ("en", "the twenty first of March 2024", "2024-03-21", "explicit"),
    ("en", "the fourth of July", "2024-07-04", "relative"),
    ("en", "the fourth of December", "2023-12-04", "relative"),
    ("ar", "الرابع من مايو 2024", "2024-05-04", "explicit"),
    ("ar", "الرابع من مايو", "2024-05-04", "relative"),
    ("ar", "الرابع من تموز", "2024-07-04", "relative"),
    ("ar", "في الحادي عشر من أيلول 2001", "2001-09-11", "explicit"),
    ("ar", "الأول من تشرين الأول 2023", "2023-10-01", "explicit"),
    ("ar", "الحادي والثلاثين من ديسمبر", "2023-12-31", "relative"),
    ("fa", "چهارم مه ۲۰۲۴", "2024-05-04", "explicit"),
    ("fa", "بیست و پنجم اردیبهشت ۱۴۰۳", "2024-05-14", "explicit"),
    ("fa", "بیست‌وپنجم اردیبهشت‌ماه ۱۴۰۳", "2024-05-14", "explicit"),
    ("fa", "اول مهر سال ۱۴۰۳", "2024-09-22", "explicit"),
]


@pytest.mark.parametrize(("lang", "text", "value", "basis"), ORDINALS)
def test_ordinal_days(lang: Lang, text: str, value: str, basis: str) -> None:
    _, got, got_basis = _one(text, lang)
    assert (got, got_basis) == (value, basis)


# every ordinal word of every dates.yaml, before a month (July) and a year
_ORDINAL_FRAME = {"en": "the {} of July 2024", "ar": "{} من يوليو 2024", "fa": "{} ژوئیه ۲۰۲۴"}
ORDINAL_ENTRIES = [
    (lang, word, day) for lang in ("en", "ar", "fa") for word, day in load_lexicon(lang).day_words
]


@pytest.mark.parametrize(("lang", "word", "day"), ORDINAL_ENTRIES)
def test_every_ordinal_word(lang: Lang, word: str, day: int) -> None:
    text = _ORDINAL_FRAME[lang].format(word)
    assert _one(text, lang)[1:] == (f"2024-07-{day:02d}", "explicit")
    if "-" in word:
        assert _one(text.replace("-", " "), lang)[1] == f"2024-07-{day:02d}"


ORDINAL_NOT_DAY = [
    ("ar", "الأسبوع الأول من مارس 2024", "2024-03"),
    ("ar", "النصف الثاني من تموز 2024", "2024-07"),
    ("fa", "هفته دوم اردیبهشت ۱۴۰۳", "2024-05"),
    ("fa", "نیمه دوم مهر ۱۴۰۳", "2024-10"),
]


@pytest.mark.parametrize(("lang", "text", "value"), ORDINAL_NOT_DAY)
def test_ordinal_after_noun_is_no_day(lang: Lang, text: str, value: str) -> None:
    found = find_dates(text, lang, ANCHOR)
    assert [m.date.value for m in found] == [value]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "the fourth of them"),
        ("en", "the 4th may be late"),
        ("en", "the first week of May"),
        ("ar", "الأسبوع الأول من مارس"),
        ("ar", "الرابع من نوعه"),
        ("fa", "چهارم مه"),  # `مه` (fog) needs a year
        ("fa", "نفر دوم تیم"),
    ],
)
def test_ordinal_negatives(lang: Lang, text: str) -> None:
    assert find_dates(text, lang, ANCHOR) == []


# 3. an offset from a relative or explicit date is not resolved: no mention at all
OFFSETS = [
    ("en", "two days before yesterday"),
    ("en", "three weeks from tomorrow"),
    ("en", "two days after today"),
    ("en", "3 days from Tuesday"),
    ("en", "2 weeks from January 15"),
    ("en", "4 months from tomorrow"),
    ("ar", "بعد ثلاثة أسابيع من غدا"),
    ("ar", "يومين قبل أمس"),
    ("ar", "بعد أسبوعين من الخميس"),
    ("fa", "دو روز قبل از دیروز"),
    ("fa", "سه هفته پس از فردا"),
    ("fa", "دو روز بعد از امروز"),
]


@pytest.mark.parametrize(("lang", "text"), OFFSETS)
def test_offsets_give_no_date(lang: Lang, text: str) -> None:
    assert find_dates(text, lang, ANCHOR) == []


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        ("en", "before yesterday's vote", "2024-09-18"),
        ("ar", "قبل أمس", "2024-09-18"),
        ("fa", "بعد از دیروز", "2024-09-18"),
    ],
)
def test_link_without_quantity_keeps_the_date(lang: Lang, text: str, value: str) -> None:
    assert [m.date.value for m in find_dates(text, lang, ANCHOR)] == [value]


# 4. days relative to an event, not to the publication date
@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ar", "اليوم التالي"),
        ("ar", "في اليوم التالي للهجوم"),
        ("ar", "اليوم السابق"),
        ("ar", "في اليوم نفسه"),
        ("en", "the next day"),
        ("en", "the following day"),
        ("fa", "روز بعد"),
        ("fa", "فردای آن روز"),
        ("fa", "روز قبل"),
    ],
)
def test_event_relative_days_give_no_date(lang: Lang, text: str) -> None:
    assert find_dates(text, lang, ANCHOR) == []


def test_event_word_only_right_after_the_day() -> None:
    found = find_dates("اليوم الخميس التالي", "ar", ANCHOR)
    assert [m.date.value for m in found] == ["2024-09-19"]


# 5. a number with a currency sign or a unit is not a day
MONEY = [
    ("en", "$12 December 27", [("December 27", "2023-12-27")]),
    ("en", "$12 December", []),
    ("en", "cost $ 12 December", []),
    ("en", "€5 May 2024", [("May 2024", "2024-05")]),
    ("en", "in March 12 million people", []),
    ("en", "in March 12 percent", []),
    ("en", "in March 12% of", []),
    ("ar", "$12 أيلول", []),
    ("ar", "£12 أيلول 2024", [("أيلول 2024", "2024-09")]),
    ("fa", "$۱۲ دسامبر", []),
    ("fa", "$۱۲ دسامبر ۲۰۲۳", [("دسامبر ۲۰۲۳", "2023-12")]),
]


@pytest.mark.parametrize(("lang", "text", "want"), MONEY)
def test_money_and_units_are_no_day(lang: Lang, text: str, want: list[tuple[str, str]]) -> None:
    found = find_dates(text, lang, ANCHOR)
    assert [(m.text, m.date.value) for m in found] == want


def test_unit_does_not_block_a_full_date() -> None:
    # `March 12, 2024` is a date even when a unit word follows the year
    found = find_dates("on March 12, 2024 million people", "en", ANCHOR)
    assert [m.date.value for m in found] == ["2024-03-12"]


def test_anchor_needed_for_ordinals_without_year() -> None:
    assert find_dates("الرابع من تموز", "ar", None) == []
    assert find_dates("الرابع من تموز 2024", "ar", None)[0].date == DateValue("2024-07-04", "day")
