"""The YAML loader is strict, and the shipped data covers CLDR's month names."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from babel.dates import get_month_names

from rasad.dates.data import LANG_DIR, load_lexicon, read_lexicon
from rasad.dates.fold import key
from rasad.errors import Code, DataError


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "dates.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _shipped(lang: str) -> str:
    return (LANG_DIR / lang / "dates.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["fa", "ar", "en"])
def test_shipped_data_loads(lang: str) -> None:
    lex = load_lexicon(lang)  # type: ignore[arg-type]
    assert lex.lang == lang
    assert {m for _, (_, m) in lex.months} == set(range(1, 13))


@pytest.mark.parametrize(
    ("edit", "detail"),
    [
        (lambda t: t + "\nextra_key: []\n", "unknown keys"),
        (lambda t: t.replace("year_cues:", "year_cue:"), "unknown keys"),
        (lambda t: t.replace("week_start: monday", "week_start: someday"), "week_start"),
        (lambda t: t.replace("12: [December, Dec]", "12: [December, Dec, January]"), "duplicates"),
        (lambda t: t.replace("12: [December, Dec]", "12: [December, Dec, DEC]"), "duplicates"),
        (lambda t: t.replace("12: [December, Dec]", "12: []"), "empty list"),
        (lambda t: t.replace("12: [December, Dec]", "13: [December, Dec]"), "1..12"),
        (lambda t: t.replace("needs_year: [May,", "needs_year: [Maybe,"), "not a month"),
        (lambda t: t.replace("  today: 0", "  today: 9"), "integer"),
        (lambda t: t.replace("  today: 0", "  today: 0\n  today: 1"), "duplicate key"),
        (lambda t: t.replace("lang: en", "lang: fa"), "lang"),
        (lambda t: t.replace("[Monday]", "[Monday, 3]"), "invalid entry"),
        (lambda t: t.replace("\ndays:", "\nold_days:"), "unknown keys"),
        (lambda t: t.replace("  updated: [Updated,", "  updated: [Published,"), "duplicates"),
        (lambda t: t + ":\n  - [", "invalid YAML"),
    ],
)
def test_invalid_data_is_rejected(tmp_path: Path, edit, detail: str) -> None:  # type: ignore[no-untyped-def]
    path = _write(tmp_path, edit(_shipped("en")))
    with pytest.raises(DataError) as err:
        read_lexicon(path, "en")
    assert err.value.code is Code.E020
    assert str(path) in str(err.value)
    assert detail in str(err.value)


def test_missing_key_is_rejected(tmp_path: Path) -> None:
    raw = yaml.safe_load(_shipped("fa"))
    del raw["eras"]
    path = _write(tmp_path, yaml.safe_dump(raw, allow_unicode=True))
    with pytest.raises(DataError, match="missing keys"):
        read_lexicon(path, "fa")


def test_wrong_type_is_rejected(tmp_path: Path) -> None:
    raw = yaml.safe_load(_shipped("ar"))
    raw["periods"] = ["العام الماضي"]
    path = _write(tmp_path, yaml.safe_dump(raw, allow_unicode=True))
    with pytest.raises(DataError, match="expected a mapping"):
        read_lexicon(path, "ar")


def test_missing_file_is_a_data_error(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="cannot read"):
        read_lexicon(tmp_path / "nope.yaml", "fa")


CLDR_LOCALES = {
    "fa": ["fa"],
    "ar": ["ar", "ar_MA", "ar_SY", "ar_IQ", "ar_LB", "ar_EG", "ar_DZ", "ar_TN"],
    "en": ["en"],
}


@pytest.mark.parametrize(
    ("lang", "locale", "context"),
    [
        (lang, loc, ctx)
        for lang, locs in CLDR_LOCALES.items()
        for loc in locs
        for ctx in ("format", "stand-alone")
    ],
)
def test_yaml_covers_cldr_month_names(lang: str, locale: str, context: str) -> None:
    """Every wide Gregorian month name CLDR knows is in the YAML, for the right month
    (compared after folding diacritics, ZWNJ, yeh/kaf variants and case)."""
    lex = load_lexicon(lang)  # type: ignore[arg-type]
    ours = {key(s): m for s, (cal, m) in lex.months if cal == "gregorian"}
    for month, name in get_month_names("wide", context, locale).items():
        assert ours.get(key(name)) == month, f"{locale} {context}: {name!r} (month {month})"


def test_relative_regex_groups_are_the_tokens_in_order() -> None:
    # expressions.relative_mentions reads the tokens with ``m.groups()``
    from rasad.dates.patterns import relative_grammar

    for langs in (("fa",), ("ar",), ("en",), ("fa", "ar", "en")):
        assert relative_grammar(langs).regex.groupindex == {"t1": 1, "t2": 2, "t3": 3, "t4": 4}
