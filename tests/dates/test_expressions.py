"""Date expressions per language (Gregorian, Jalali, Hijri, relative), with the expected ISO values."""

from __future__ import annotations

import pytest
from dates_support import ANCHOR

from rasad.dates import find_dates
from rasad.document import DateValue

EXPLICIT = [
    # Gregorian, English names
    ("en", "on 19 September 2024 in", "2024-09-19", "day", "gregorian"),
    ("en", "on September 19, 2024 in", "2024-09-19", "day", "gregorian"),
    ("en", "19th, September 2024 GMT", "2024-09-19", "day", "gregorian"),
    ("en", "Sept. 19, 2024", "2024-09-19", "day", "gregorian"),
    ("en", "in September 2024 the", "2024-09", "month", "gregorian"),
    ("fa", "- 27October 2020", "2020-10-27", "day", "gregorian"),
    # Persian Gregorian names
    ("fa", "۱۹ سپتامبر ۲۰۲۴", "2024-09-19", "day", "gregorian"),
    ("fa", "سپتامبر ۲۰۲۴", "2024-09", "month", "gregorian"),
    ("fa", "۵ می ۲۰۲۴", "2024-05-05", "day", "gregorian"),
    ("fa", "۵ مه ۲۰۲۴", "2024-05-05", "day", "gregorian"),
    ("fa", "ماه می ۲۰۲۴", "2024-05", "month", "gregorian"),
    ("fa", "۱ ژانویهٔ ۲۰۲۴", "2024-01-01", "day", "gregorian"),
    ("fa", "۳ جولای ۲۰۲۴", "2024-07-03", "day", "gregorian"),
    ("fa", "۳ آگوست ۲۰۲۴", "2024-08-03", "day", "gregorian"),
    # Arabic: Maghrebi, Levantine, Egyptian, dual names
    ("ar", "19 شتنبر 2024", "2024-09-19", "day", "gregorian"),
    ("ar", "12 دجنبر، 2025", "2025-12-12", "day", "gregorian"),
    ("ar", "3 يوليوز 2024", "2024-07-03", "day", "gregorian"),
    ("ar", "3 غشت 2024", "2024-08-03", "day", "gregorian"),
    ("ar", "3 ماي 2024", "2024-05-03", "day", "gregorian"),
    ("ar", "3 نونبر 2024", "2024-11-03", "day", "gregorian"),
    ("ar", "في 5 آذار/مارس 2024", "2024-03-05", "day", "gregorian"),
    ("ar", "في 5 آذار (مارس) 2024", "2024-03-05", "day", "gregorian"),
    ("ar", "1 كانون الثاني 2024", "2024-01-01", "day", "gregorian"),
    ("ar", "1 تشرين الأول 2024", "2024-10-01", "day", "gregorian"),
    ("ar", "1 تشرين الثاني/نوفمبر 2024", "2024-11-01", "day", "gregorian"),
    ("ar", "9 أيلول 2024", "2024-09-09", "day", "gregorian"),
    ("ar", "9 سبتمبر 2024", "2024-09-09", "day", "gregorian"),
    ("ar", "الخميس 9 أيلول ٢٠٢٤", "2024-09-09", "day", "gregorian"),
    # Jalali
    ("fa", "۲۵ اردیبهشت ۱۴۰۳", "2024-05-14", "day", "jalali"),
    ("fa", "۲۵ اردیبهشت‌ماه ۱۴۰۳", "2024-05-14", "day", "jalali"),
    ("fa", "۰۶ آبان ۱۳۹۹", "2020-10-27", "day", "jalali"),
    ("fa", "اردیبهشت ۱۴۰۳", "2024-05", "month", "jalali"),  # 15 Ordibehesht = 4 May
    ("fa", "فروردین ۱۴۰۳", "2024-04", "month", "jalali"),
    ("fa", "1399/08/06", "2020-10-27", "day", "jalali"),
    ("fa", "۱۴۰۳/۰۲/۲۵", "2024-05-14", "day", "jalali"),
    ("fa", "سال ۱۴۰۳", "2024", "year", "jalali"),
    ("en", "25 Ordibehesht 1403", "2024-05-14", "day", "jalali"),
    # Hijri (Umm al-Qura)
    ("ar", "15 ربيع الأول 1446", "2024-09-18", "day", "hijri"),
    ("ar", "15 ربيع الأول 1446 هـ", "2024-09-18", "day", "hijri"),
    ("ar", "15 ربيع الأول 1446هـ", "2024-09-18", "day", "hijri"),
    ("fa", "۱۵ ربیع‌الاول ۱۴۴۶ ه.ق", "2024-09-18", "day", "hijri"),
    ("fa", "۱۰ ذی‌الحجه ۱۴۴۵", "2024-06-16", "day", "hijri"),
    ("fa", "۱ جمادی‌الثانی ۱۴۴۶", "2024-12-02", "day", "hijri"),
    ("en", "15 Rabi al-Awwal 1446 AH", "2024-09-18", "day", "hijri"),
    ("ar", "1446/03/15", "2024-09-18", "day", "hijri"),
    ("ar", "عام 1446 هـ", "2025", "year", "hijri"),
    # numeric
    ("en", "2024-09-19", "2024-09-19", "day", "gregorian"),
    ("fa", "19/09/2024", "2024-09-19", "day", "gregorian"),
    ("ar", "20.01.2026", "2026-01-20", "day", "gregorian"),
    ("ar", "05/04/2024", "2024-04-05", "day", "gregorian"),
    ("en", "05/04/2024", "2024-05-04", "day", "gregorian"),
    ("en", "19/09/2024", "2024-09-19", "day", "gregorian"),
    ("fa", "09/19/2024", "2024-09-19", "day", "gregorian"),
    # cued years
    ("fa", "سال ۲۰۲۴", "2024", "year", "gregorian"),
    ("ar", "عام 2024", "2024", "year", "gregorian"),
    ("en", "in 2024", "2024", "year", "gregorian"),
]


@pytest.mark.parametrize(("lang", "text", "value", "precision", "calendar"), EXPLICIT)
def test_explicit(lang: str, text: str, value: str, precision: str, calendar: str) -> None:
    for anchor in (None, ANCHOR):
        found = find_dates(text, lang, anchor)  # type: ignore[arg-type]
        assert [(m.date.value, m.date.precision, m.date.calendar) for m in found] == [
            (value, precision, calendar)
        ]
        assert found[0].date.basis == "explicit"
    if text not in LANG_DEPENDENT:
        assert [m.date.value for m in find_dates(text, None, None)] == [value]


# readings that depend on the language: M/D/Y for en, Hijri numeric years for ar
LANG_DEPENDENT = {"05/04/2024", "1446/03/15"}


def test_numeric_1300_1499_without_language_is_jalali() -> None:
    assert [m.date.calendar for m in find_dates("1446/03/15", None, None)] == ["jalali"]


NOT_DATES = [
    ("fa", "۱۳۹۹"),  # never AD 1399
    ("fa", "در ۱۳۹۹ نفر"),
    ("fa", "۵ ژانویه ۱۳۹۹"),  # Gregorian month, Jalali-range year
    ("fa", "او می ۲۵ کیلو"),
    ("fa", "۵ می خواهد"),  # verb prefix
    ("fa", "۲ می‌شود"),
    ("en", "you may 5 times"),
    ("en", "2024"),
    ("en", "he has 2024 votes"),
    ("en", "31/02/2024"),
    ("en", "2024-13-01"),
    ("en", "2024-02-30"),
    ("ar", "31 شباط 2024"),
    ("fa", "۳۱ اسفند ۱۴۰۲"),  # 1402 is not a leap year
    ("fa", "۱۵ سال اخیر"),
    ("fa", "ساعت 11:52"),
    ("en", "version 1.2.3"),
    ("en", "call 0912/345/6789"),
    ("ar", "صفر"),
]


@pytest.mark.parametrize(("lang", "text"), NOT_DATES)
def test_not_a_date(lang: str, text: str) -> None:
    assert find_dates(text, lang, ANCHOR) == []  # type: ignore[arg-type]
    assert find_dates(text, None, None) == []


THURSDAY = DateValue("2024-09-19", "day")
RELATIVE = [
    ("ar", "وصل يوم الثلاثاء الماضي", "2024-09-17", "weekday"),
    ("ar", "وصل يوم الثُّلاثاء الماضي", "2024-09-17", "weekday"),
    ("ar", "وصل يوم الثـلاثاء", "2024-09-17", "weekday"),
    ("ar", "الثلاثاء المقبل", "2024-09-24", "weekday"),
    ("ar", "والخميس", "2024-09-19", "weekday"),
    ("ar", "أمس", "2024-09-18", "deictic"),
    ("ar", "بالأمس", "2024-09-18", "deictic"),
    ("ar", "أول أمس", "2024-09-17", "deictic"),
    ("ar", "غداً", "2024-09-20", "deictic"),
    ("ar", "مساء أمس", "2024-09-18", "deictic"),  # a time of day before a day word
    ("ar", "صباح اليوم", "2024-09-19", "deictic"),
    ("ar", "اليوم الخميس", "2024-09-19", "deictic"),
    ("ar", "اليوم الجمعة", "2024-09-13", "weekday"),  # disagrees: the weekday wins
    ("fa", "عصر روز دوشنبه", "2024-09-16", "weekday"),
    ("fa", "سه‌شنبه", "2024-09-17", "weekday"),
    ("fa", "سهشنبه", "2024-09-17", "weekday"),
    ("fa", "سه شنبه", "2024-09-17", "weekday"),
    ("fa", "دو شنبه", "2024-09-16", "weekday"),
    ("fa", "دوشنبه", "2024-09-16", "weekday"),
    ("fa", "شنبه", "2024-09-14", "weekday"),
    ("fa", "پنجشنبه", "2024-09-19", "weekday"),
    ("fa", "سه‌شنبه آینده", "2024-09-24", "weekday"),
    ("fa", "سه‌شنبه پیش رو", "2024-09-24", "weekday"),
    ("fa", "دوشنبه هفته گذشته", "2024-09-09", "weekday"),  # week starts on Saturday
    ("fa", "امروز", "2024-09-19", "deictic"),
    ("fa", "دیروز", "2024-09-18", "deictic"),
    ("fa", "عصر دیروز", "2024-09-18", "deictic"),
    ("fa", "صبح امروز", "2024-09-19", "deictic"),
    ("fa", "پریروز", "2024-09-17", "deictic"),
    ("fa", "فردا", "2024-09-20", "deictic"),
    ("fa", "دیشب", "2024-09-18", "deictic"),
    ("en", "last Tuesday", "2024-09-17", "weekday"),
    ("en", "last Thursday", "2024-09-12", "weekday"),
    ("en", "on Monday", "2024-09-16", "weekday"),
    ("en", "next Tuesday", "2024-09-24", "weekday"),
    ("en", "Tuesday last week", "2024-09-10", "weekday"),  # week starts on Monday
    ("en", "today", "2024-09-19", "deictic"),
    ("en", "Yesterday", "2024-09-18", "deictic"),
    ("en", "tomorrow", "2024-09-20", "deictic"),
    ("fa", "۲۵ اردیبهشت", "2024-05-14", "jalali"),
    ("fa", "۲۵ مهر", "2023-10-17", "jalali"),  # 25 Mehr 1403 is after the anchor
    ("en", "September 25", "2023-09-25", "gregorian"),
    ("en", "5 September", "2024-09-05", "gregorian"),
]


@pytest.mark.parametrize(("lang", "text", "value", "kind"), RELATIVE)
def test_relative(lang: str, text: str, value: str, kind: str) -> None:
    found = find_dates(text, lang, THURSDAY)  # type: ignore[arg-type]
    assert [(m.date.value, m.kind, m.date.basis) for m in found] == [(value, kind, "relative")]
    assert found[0].date.precision == "day"
    assert find_dates(text, lang, None) == []  # type: ignore[arg-type]


PERIODS = [
    ("en", "last year", "2023", "year"),
    ("en", "last month", "2024-08", "month"),
    ("fa", "سال گذشته", "2023", "year"),
    ("fa", "ماه گذشته", "2024-08", "month"),
    ("ar", "العام الماضي", "2023", "year"),
    ("ar", "الشهر الماضي", "2024-08", "month"),
]


@pytest.mark.parametrize(("lang", "text", "value", "precision"), PERIODS)
def test_periods(lang: str, text: str, value: str, precision: str) -> None:
    found = find_dates(text, lang, THURSDAY)  # type: ignore[arg-type]
    assert [(m.date.value, m.date.precision, m.kind) for m in found] == [
        (value, precision, "relative_period")
    ]


@pytest.mark.parametrize("text", ["last week", "هفته گذشته", "الأسبوع الماضي"])
def test_weeks_are_not_resolved(text: str) -> None:
    assert find_dates(text, None, THURSDAY) == []


def test_period_in_january_crosses_the_year() -> None:
    found = find_dates("last month", "en", DateValue("2024-01-10", "day"))
    assert [m.date.value for m in found] == ["2023-12"]


def test_spans_index_the_original_text() -> None:
    text = "قال يوم الثُّلاثاء الماضي إنّه وصل في ١٥ ربيع الأوّل ١٤٤٦ هـ."
    found = find_dates(text, "ar", THURSDAY)
    assert [m.text for m in found] == ["يوم الثُّلاثاء الماضي", "١٥ ربيع الأوّل ١٤٤٦ هـ"]
    for m in found:
        assert text[m.span.start : m.span.end] == m.text


def test_weekday_before_explicit_date_is_part_of_it() -> None:
    found = find_dates("الثلاثاء، 17 أيلول 2024", "ar", THURSDAY)
    assert [m.kind for m in found] == ["gregorian"]


def test_lang_none_reads_every_language() -> None:
    text = "دیروز و أمس و yesterday"
    assert [m.date.value for m in find_dates(text, None, THURSDAY)] == ["2024-09-18"] * 3


def test_anchor_coarser_than_a_day_skips_relative() -> None:
    assert find_dates("امروز", "fa", DateValue("2024-09", "month")) == []
