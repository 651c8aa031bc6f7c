"""Every entry of every ``dates.yaml`` is read as its meaning (one parametrized case each)."""

from __future__ import annotations

import datetime as dt

import hijridate
import jdatetime
import pytest
from dates_support import ANCHOR

from rasad.dates import find_dates, publication_from_text
from rasad.dates.data import load_lexicon
from rasad.dates.fold import key

LEXICONS = [load_lexicon(lang) for lang in ("fa", "ar", "en")]
A = dt.date(2024, 9, 19)  # ANCHOR, a Thursday
YEARS = {"gregorian": 2024, "jalali": 1403, "hijri": 1446}


def _expected_day(calendar: str, month: int, day: int) -> str:
    y = YEARS[calendar]
    if calendar == "gregorian":
        return dt.date(y, month, day).isoformat()
    if calendar == "jalali":
        return jdatetime.date(y, month, day).togregorian().isoformat()
    return str(hijridate.Hijri(y, month, day).to_gregorian())


MONTHS = [(lex.lang, s, cal, m) for lex in LEXICONS for s, (cal, m) in lex.months]


@pytest.mark.parametrize(("lang", "surface", "calendar", "month"), MONTHS)
def test_month_name(lang: str, surface: str, calendar: str, month: int) -> None:
    text = (
        f"در 5 {surface} {YEARS[calendar]} رخ داد"
        if lang != "en"
        else (f"it happened on 5 {surface} {YEARS[calendar]} there")
    )
    found = find_dates(text, lang, None)  # type: ignore[arg-type]
    assert [(m.date.value, m.date.calendar, m.kind) for m in found] == [
        (_expected_day(calendar, month, 5), calendar, calendar)
    ]
    assert found[0].text == f"5 {surface} {YEARS[calendar]}"


WEEKDAY_ENTRIES = [(lex.lang, s, wd) for lex in LEXICONS for s, wd in lex.weekdays]


@pytest.mark.parametrize(("lang", "surface", "weekday"), WEEKDAY_ENTRIES)
def test_weekday_name_bare(lang: str, surface: str, weekday: int) -> None:
    """A bare weekday is the most recent such day on or before the anchor."""
    expected = A - dt.timedelta(days=(A.weekday() - weekday) % 7)
    found = find_dates(f"، {surface} .", lang, ANCHOR)  # type: ignore[arg-type]
    assert [m.date.value for m in found] == [expected.isoformat()]
    assert found[0].kind == "weekday" and found[0].date.basis == "relative"


BEFORE = [
    (lex.lang, s, mod, lex.weekdays[1][0]) for lex in LEXICONS for s, mod in lex.weekday_before
]
AFTER = [
    (lex.lang, s, mod, lex.weekdays[1][0], lex.week_start)
    for lex in LEXICONS
    for s, mod in lex.weekday_after
]
TUESDAY = 1
RULES = {
    "bare": dt.date(2024, 9, 17),
    "last": dt.date(2024, 9, 17),
    "next": dt.date(2024, 9, 24),
}


@pytest.mark.parametrize(("lang", "surface", "modifier", "tuesday"), BEFORE)
def test_weekday_before_word(lang: str, surface: str, modifier: str, tuesday: str) -> None:
    found = find_dates(f"{surface} {tuesday}", lang, ANCHOR)  # type: ignore[arg-type]
    assert [(m.date.value, m.text) for m in found] == [
        (RULES[modifier].isoformat(), f"{surface} {tuesday}")
    ]


@pytest.mark.parametrize(("lang", "surface", "modifier", "tuesday", "week_start"), AFTER)
def test_weekday_after_word(
    lang: str, surface: str, modifier: str, tuesday: str, week_start: int
) -> None:
    if modifier in RULES:
        expected = RULES[modifier]
    else:
        week = A - dt.timedelta(days=(A.weekday() - week_start) % 7)
        shift = -7 if modifier == "last_week" else 7
        expected = week + dt.timedelta(days=shift + (TUESDAY - week_start) % 7)
    found = find_dates(f"{tuesday} {surface}", lang, ANCHOR)  # type: ignore[arg-type]
    assert [(m.date.value, m.text) for m in found] == [
        (expected.isoformat(), f"{tuesday} {surface}")
    ]


DAYS = [(lex.lang, s, off) for lex in LEXICONS for s, off in lex.days]


@pytest.mark.parametrize(("lang", "surface", "offset"), DAYS)
def test_deictic_day(lang: str, surface: str, offset: int) -> None:
    found = find_dates(f"({surface})", lang, ANCHOR)  # type: ignore[arg-type]
    assert [(m.date.value, m.kind, m.text) for m in found] == [
        ((A + dt.timedelta(days=offset)).isoformat(), "deictic", surface)
    ]
    assert find_dates(surface, lang, None) == []  # type: ignore[arg-type]


PERIODS = [(lex.lang, s, unit, off) for lex in LEXICONS for s, (unit, off) in lex.periods]


@pytest.mark.parametrize(("lang", "surface", "unit", "offset"), PERIODS)
def test_period(lang: str, surface: str, unit: str, offset: int) -> None:
    expected = str(2024 + offset) if unit == "year" else f"2024-{9 + offset:02d}"
    found = find_dates(surface, lang, ANCHOR)  # type: ignore[arg-type]
    assert [(m.date.value, m.date.precision, m.kind) for m in found] == [
        (expected, unit, "relative_period")
    ]


QUANTITY = [(lex.lang, q, lex.periods[0][0]) for lex in LEXICONS for q in lex.quantity_words]


@pytest.mark.parametrize(("lang", "word", "period"), QUANTITY)
def test_quantity_word_blocks_period(lang: str, word: str, period: str) -> None:
    assert find_dates(f"{word} {period}", lang, ANCHOR) == []  # type: ignore[arg-type]


ERAS = [(lex.lang, s, cal) for lex in LEXICONS for s, cal in lex.eras]
NUMERIC = {
    "gregorian": ("2024/09/19", "2024-09-19"),
    "jalali": ("1403/06/29", "2024-09-19"),
    "hijri": ("1446/03/16", "2024-09-19"),
}


@pytest.mark.parametrize(("lang", "surface", "calendar"), ERAS)
def test_era_marker(lang: str, surface: str, calendar: str) -> None:
    written, value = NUMERIC[calendar]
    found = find_dates(f"{written} {surface} ", None, None)
    assert [(m.date.value, m.date.calendar, m.text) for m in found] == [
        (value, calendar, f"{written} {surface}")
    ]


CUES = [(lex.lang, s) for lex in LEXICONS for s in lex.year_cues]


@pytest.mark.parametrize(("lang", "cue"), CUES)
def test_year_cue(lang: str, cue: str) -> None:
    found = find_dates(f"{cue} 2024", lang, None)  # type: ignore[arg-type]
    assert [(m.date.value, m.date.precision) for m in found] == [("2024", "year")]


LABELS = [(lex.lang, s, kind) for lex in LEXICONS for s, kind in lex.publication]


@pytest.mark.parametrize(("lang", "label", "kind"), LABELS)
def test_publication_label(lang: str, label: str, kind: str) -> None:
    text = "عنوان خبر طويل جدا هنا مع كلمات كثيرة\n" * 8 + f"{label}: 19 September 2024\nmore"
    got = publication_from_text(text, lang)  # type: ignore[arg-type]
    assert got is not None and got[0].value == "2024-09-19"
    assert text[got[1].start : got[1].end] == "19 September 2024"


NEEDS_YEAR = [
    (lex.lang, s, cal) for lex in LEXICONS for s, (cal, _) in lex.months if key(s) in lex.needs_year
]


@pytest.mark.parametrize(("lang", "surface", "calendar"), NEEDS_YEAR)
def test_needs_year_word_alone_is_not_a_date(lang: str, surface: str, calendar: str) -> None:
    """``می`` (verb prefix), ``May`` (verb), ``صفر`` (zero): a month only with a year after."""
    assert find_dates(f"5 {surface} 12 نفر", lang, ANCHOR) == []  # type: ignore[arg-type]
    assert find_dates(f"{surface} 5 ", lang, ANCHOR) == []  # type: ignore[arg-type]
    assert [m.date.value for m in find_dates(f"{surface} {YEARS[calendar]}", lang, None)] != []  # type: ignore[arg-type]
