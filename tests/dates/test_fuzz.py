"""Hypothesis: no exceptions on any text, spans always true, rendered dates read back."""

from __future__ import annotations

import datetime as dt
import time

import hijridate
import jdatetime
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rasad.dates import find_dates, parse_published, publication_from_text
from rasad.dates.data import load_lexicon
from rasad.document import DateValue

ALPHABET = st.sampled_from(
    list("0123456789۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩ /.-:,،()|\n\t")
    + list("ابتثجحخدذرسشصضطظعغفقکگلمنوهیيكةأإآىئؤءپچژ")
    + list("\u064b\u064e\u0651\u0640\u200c\u200d\u200f\ufeff")
    + list("aAbcdeimnorstuyJSMT")
    + [
        "می",
        "دی",
        "شنبه",
        "سه",
        "أمس",
        "اليوم",
        "الماضي",
        "ربيع الأول",
        "May",
        "last",
        "September",
        "سپتامبر",
        "اردیبهشت",
        "۱۴۰۳",
        "2024",
        "19th",
        "تاريخ النشر:",
        "هـ",
    ]
)
TEXTS = st.lists(ALPHABET, max_size=80).map("".join) | st.text(max_size=200)
ANCHORS = st.none() | st.dates(dt.date(1950, 1, 1), dt.date(2070, 1, 1)).map(
    lambda d: DateValue(d.isoformat(), "day")
)
LANGS = st.sampled_from([None, "fa", "ar", "en"])


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, LANGS, ANCHORS)
def test_find_dates_never_fails_and_spans_hold(text: str, lang, anchor) -> None:  # type: ignore[no-untyped-def]
    found = find_dates(text, lang, anchor)
    for m in found:
        assert 0 <= m.span.start <= m.span.end <= len(text)
        assert text[m.span.start : m.span.end] == m.text
        assert m.kind in {
            "gregorian",
            "jalali",
            "hijri",
            "numeric",
            "weekday",
            "deictic",
            "relative_period",
        }
        assert len(m.date.value) == {"year": 4, "month": 7, "day": 10}[m.date.precision]
        if anchor is None:
            assert m.date.basis == "explicit"


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, LANGS)
def test_publication_never_fails(text: str, lang) -> None:  # type: ignore[no-untyped-def]
    got = publication_from_text(text, lang)
    if got is not None:
        _value, span = got
        assert 0 <= span.start <= span.end <= len(text)
    parse_published(text)


FA = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
AR = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
DATES = st.dates(dt.date(1930, 1, 1), dt.date(2070, 1, 1))


@settings(max_examples=300)
@given(DATES, st.sampled_from(["fa", "ar", "en"]), st.data())
def test_gregorian_round_trip(day: dt.date, lang: str, data) -> None:  # type: ignore[no-untyped-def]
    lex = load_lexicon(lang)  # type: ignore[arg-type]
    names = [s for s, (cal, m) in lex.months if cal == "gregorian" and m == day.month]
    name = data.draw(st.sampled_from(names))
    shape = data.draw(st.sampled_from(["dmy", "mdy"] if lang == "en" else ["dmy"]))
    text = f"{day.day} {name} {day.year}" if shape == "dmy" else f"{name} {day.day}, {day.year}"
    if lang != "en":
        text = text.translate(FA if lang == "fa" else AR)
    found = find_dates(f"( {text} )", lang, None)  # type: ignore[arg-type]
    assert [(m.date.value, m.text) for m in found] == [(day.isoformat(), text)]


@settings(max_examples=300)
@given(DATES, st.data())
def test_jalali_round_trip(day: dt.date, data) -> None:  # type: ignore[no-untyped-def]
    j = jdatetime.date.fromgregorian(date=day)
    names = [s for s, (cal, m) in load_lexicon("fa").months if cal == "jalali" and m == j.month]
    text = f"{j.day} {data.draw(st.sampled_from(names))} {j.year}".translate(FA)
    found = find_dates(text, "fa", None)
    assert [(m.date.value, m.date.calendar) for m in found] == [(day.isoformat(), "jalali")]
    numeric = f"{j.year}/{j.month:02d}/{j.day:02d}"
    assert [m.date.value for m in find_dates(numeric, "fa", None)] == [day.isoformat()]


@settings(max_examples=300)
@given(
    st.dates(dt.date(1937, 3, 14), dt.date(2076, 11, 16)), st.sampled_from(["fa", "ar"]), st.data()
)
def test_hijri_round_trip(day: dt.date, lang: str, data) -> None:  # type: ignore[no-untyped-def]
    h = hijridate.Gregorian(day.year, day.month, day.day).to_hijri()
    names = [s for s, (cal, m) in load_lexicon(lang).months if cal == "hijri" and m == h.month]  # type: ignore[arg-type]
    era = data.draw(st.sampled_from(["", " هـ", "هـ"] if lang == "ar" else ["", " ه.ق", " قمری"]))
    text = f"{h.day} {data.draw(st.sampled_from(names))} {h.year}{era}"
    found = find_dates(text.translate(AR if lang == "ar" else FA), lang, None)  # type: ignore[arg-type]
    assert [(m.date.value, m.date.calendar) for m in found] == [(day.isoformat(), "hijri")]


ADVERSARIAL = [
    "1" * 200_000,
    "1/" * 100_000,
    ("سه " * 70_000)[:200_000],
    ("۱۲ " + "ربيع " * 10) * 3_000,
    ("September " * 20_000),
    ("ـً" * 100_000),
    ("تاريخ النشر: " * 20_000)[:200_000],
    ("\n" + "19 " * 30) * 2_000,
    ("الثلاثاء " * 25_000),
]


def test_adversarial_inputs_are_fast() -> None:
    """No catastrophic backtracking: 200 kB of repeated triggers stays linear (~0.4 s here, idle).

    The bound leaves room for a loaded CI machine; exponential backtracking takes minutes."""
    anchor = DateValue("2024-09-19", "day")
    for text in ADVERSARIAL:
        start = time.perf_counter()
        find_dates(text, None, anchor)
        publication_from_text(text, None)
        parse_published(text)
        assert time.perf_counter() - start < 3.0, text[:30]


def _reference_view(text: str) -> tuple[str, tuple[int, ...]]:
    """The folding rules written the slow, obvious way (one regex pass for the marks)."""
    from rasad.dates.fold import FOLD_PAIRS, MARKS_RE

    folded = text
    for a, b in FOLD_PAIRS:
        folded = folded.replace(a, b)
    kept: list[int] = []
    removed = 0
    for m in MARKS_RE.finditer(folded):
        kept.extend([m.start() - removed] * (m.end() - m.start()))
        removed += m.end() - m.start()
    return MARKS_RE.sub("", folded), tuple(kept)


@settings(max_examples=300, deadline=None)
@given(st.lists(ALPHABET, max_size=40).map("".join))
def test_view_matches_reference_folding(text: str) -> None:
    from rasad.dates.fold import _make_view

    view = _make_view(text)
    assert (view.text, view.kept_before) == _reference_view(text)
