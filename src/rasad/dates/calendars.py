"""Calendar arithmetic: Jalali (jdatetime) and Umm al-Qura Hijri (hijridate) to Gregorian.

Rules for values coarser than a day, in every calendar:
    month precision -> the Gregorian month that holds the month's 15th day (a Jalali month runs
        from about the 21st to the 20th, so this is the Gregorian month with most of its days;
        the same rule is used for Hijri months);
    year precision  -> the Gregorian year that holds the 1st of the year's 7th month (Jalali:
        1 Mehr, always in the year of 1 Farvardin; Hijri: 1 Rajab, the year's middle).
Year ranges accepted (anything else is not a date): Gregorian 1600-2199, Jalali 1200-1499,
Hijri 1343-1500 (the range hijridate's Umm al-Qura tables cover).

The conversions are pure, so their results are memoised (bounded ``lru_cache``): news texts
name the same few days over and over, and jdatetime/hijridate cost microseconds per call.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import hijridate
import jdatetime

from rasad.document import Calendar

YEAR_RANGE: dict[Calendar, tuple[int, int]] = {
    "gregorian": (1600, 2199),
    "jalali": (1200, 1499),
    "hijri": (1343, 1500),
}
# the four-digit years that read as Jalali or Hijri when the text names no calendar
SOLAR_LUNAR_YEARS = range(1300, 1500)


def year_ok(calendar: Calendar, year: int) -> bool:
    lo, hi = YEAR_RANGE[calendar]
    return lo <= year <= hi


@lru_cache(maxsize=8192)
def to_gregorian(calendar: Calendar, year: int, month: int, day: int) -> dt.date | None:
    """The Gregorian date of a day in ``calendar``, or None if no such day exists."""
    if not year_ok(calendar, year) or not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    try:
        if calendar == "gregorian":
            return dt.date(year, month, day)
        if calendar == "jalali":
            g = jdatetime.date(year, month, day).togregorian()
            return dt.date(g.year, g.month, g.day)
        h = hijridate.Hijri(year, month, day).to_gregorian()
        return dt.date(h.year, h.month, h.day)
    except (ValueError, OverflowError):
        return None


@lru_cache(maxsize=8192)
def month_value(calendar: Calendar, year: int, month: int) -> str | None:
    """``YYYY-MM`` for a month of ``calendar`` (the Gregorian month holding its 15th day)."""
    if calendar == "gregorian":
        return f"{year:04d}-{month:02d}" if year_ok(calendar, year) and 1 <= month <= 12 else None
    d = to_gregorian(calendar, year, month, 15)
    return None if d is None else f"{d.year:04d}-{d.month:02d}"


@lru_cache(maxsize=8192)
def year_value(calendar: Calendar, year: int) -> str | None:
    """``YYYY`` for a year of ``calendar`` (the Gregorian year holding its 7th month's 1st)."""
    if calendar == "gregorian":
        return f"{year:04d}" if year_ok(calendar, year) else None
    d = to_gregorian(calendar, year, 7, 1)
    return None if d is None else f"{d.year:04d}"


@lru_cache(maxsize=8192)
def year_of(calendar: Calendar, day: dt.date) -> int:
    """The year, in ``calendar``, that ``day`` falls in."""
    if calendar == "gregorian":
        return day.year
    if calendar == "jalali":
        return int(jdatetime.date.fromgregorian(date=day).year)
    return int(hijridate.Gregorian(day.year, day.month, day.day).to_hijri().year)


@lru_cache(maxsize=8192)
def latest_on_or_before(
    calendar: Calendar, month: int, day: int, anchor: dt.date
) -> dt.date | None:
    """The date of ``day month`` (no year given) nearest before or at ``anchor``."""
    try:
        year = year_of(calendar, anchor)
    except (ValueError, OverflowError):
        return None
    for y in (year, year - 1):
        d = to_gregorian(calendar, y, month, day)
        if d is not None and d <= anchor:
            return d
    return None


def parse_iso_day(value: str) -> dt.date | None:
    """``YYYY-MM-DD`` to a date, None for anything coarser or invalid."""
    try:
        return dt.date.fromisoformat(value[:10]) if len(value) >= 10 else None
    except ValueError:
        return None
