"""Strict loader for the per-language date vocabulary, ``rasad/lang/<lang>/dates.yaml``.

The file layout is documented in ``lang/fa/dates.yaml`` (``day_words``: ordinal word -> day
1-31; ``day_links``, ``year_links``, ``ordinal_nouns``, ``units``, ``offset_units``,
``offset_links``, ``event_words``: word lists whose rules are in ``expressions``).
Loading fails with ``DataError(Code.E020)`` on: unknown or missing keys, a wrong type, an empty
entry, a duplicate YAML key, the same surface listed twice within a section (after folding, see
``fold.key``), a surface with two meanings, or a ``needs_year`` word that is not a month name.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal, TypeVar

import yaml

from rasad.document import LANGS, Calendar, Lang
from rasad.errors import Code, DataError

from .fold import key

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
CALENDARS: tuple[Calendar, ...] = ("gregorian", "jalali", "hijri")
Before = Literal["bare", "last", "next"]
After = Literal["last", "next", "last_week", "next_week"]
Unit = Literal["year", "month"]
LabelKind = Literal["published", "updated"]

T = TypeVar("T")
Entries = tuple[tuple[str, T], ...]  # (surface as written in the file, meaning)

_TOP_KEYS = {
    "lang",
    "week_start",
    "months",
    "needs_year",
    "month_suffixes",
    "eras",
    "year_cues",
    "weekdays",
    "weekday_before",
    "weekday_after",
    "days",
    "periods",
    "quantity_words",
    "publication",
    "day_words",
    "day_links",
    "year_links",
    "ordinal_nouns",
    "units",
    "offset_units",
    "offset_links",
    "event_words",
}
_PLAIN_LISTS = (
    "day_links",
    "year_links",
    "ordinal_nouns",
    "units",
    "offset_units",
    "offset_links",
    "event_words",
)
LANG_DIR = Path(__file__).resolve().parent.parent / "lang"


@dataclass(frozen=True, slots=True)
class Lexicon:
    """One language's date vocabulary, validated. Surfaces are kept as written in the file."""

    lang: Lang
    path: str
    week_start: int  # Monday = 0, as datetime.date.weekday()
    months: Entries[tuple[Calendar, int]]
    needs_year: frozenset[str]  # folded keys
    month_suffixes: tuple[str, ...]
    eras: Entries[Calendar]
    year_cues: tuple[str, ...]
    weekdays: Entries[int]
    weekday_before: Entries[Before]
    weekday_after: Entries[After]
    days: Entries[int]
    periods: Entries[tuple[Unit, int]]
    quantity_words: tuple[str, ...]
    publication: Entries[LabelKind]
    day_words: Entries[int]  # ordinal day of the month
    day_links: tuple[str, ...]
    year_links: tuple[str, ...]
    ordinal_nouns: tuple[str, ...]
    units: tuple[str, ...]
    offset_units: tuple[str, ...]
    offset_links: tuple[str, ...]
    event_words: tuple[str, ...]


class _StrictLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """A safe loader that refuses duplicate mapping keys (PyYAML keeps the last one silently)."""


def _construct_mapping(loader: _StrictLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    out: dict[Any, Any] = {}
    for key_node, value_node in node.value:
        k = loader.construct_object(key_node, deep=True)
        if k in out:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {k!r}", key_node.start_mark
            )
        out[k] = loader.construct_object(value_node, deep=True)
    return out


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


class _Checker:
    """Validation helpers that raise ``DataError`` naming the file and the offending place."""

    def __init__(self, path: Path) -> None:
        self.path = str(path)

    def fail(self, detail: str) -> DataError:
        return DataError(Code.E020, path=self.path, detail=detail)

    def mapping(self, value: object, where: str, keys: set[str] | None = None) -> dict[Any, Any]:
        if not isinstance(value, dict):
            raise self.fail(f"{where}: expected a mapping, got {type(value).__name__}")
        if keys is not None:
            unknown = set(value) - keys
            missing = keys - set(value)
            if unknown:
                raise self.fail(f"{where}: unknown keys {sorted(map(str, unknown))}")
            if missing:
                raise self.fail(f"{where}: missing keys {sorted(missing)}")
        return value

    def words(self, value: object, where: str, *, allow_empty: bool = True) -> tuple[str, ...]:
        if not isinstance(value, list):
            raise self.fail(f"{where}: expected a list of words, got {type(value).__name__}")
        if not value and not allow_empty:
            raise self.fail(f"{where}: empty list")
        out: list[str] = []
        for w in value:
            if not isinstance(w, str) or not w.strip() or not key(w):
                raise self.fail(f"{where}: invalid entry {w!r}")
            if w != w.strip():
                raise self.fail(f"{where}: entry {w!r} has surrounding spaces")
            out.append(w)
        return tuple(out)

    def unique(self, entries: Entries[T], where: str) -> Entries[T]:
        seen: dict[str, str] = {}
        for surface, _ in entries:
            k = key(surface)
            if k in seen:
                raise self.fail(
                    f"{where}: {surface!r} duplicates {seen[k]!r} (they fold to the same word)"
                )
            seen[k] = surface
        return entries

    def integer(self, value: object, where: str, lo: int, hi: int) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
            raise self.fail(f"{where}: expected an integer in [{lo}, {hi}], got {value!r}")
        return value


def parse_lexicon(raw: object, path: Path, lang: Lang) -> Lexicon:
    """Validate the parsed YAML ``raw`` of ``path`` into a ``Lexicon`` (see module docstring)."""
    c = _Checker(path)
    top = c.mapping(raw, "top level", _TOP_KEYS)
    if top["lang"] != lang:
        raise c.fail(f"lang: expected {lang!r}, got {top['lang']!r}")
    if top["week_start"] not in WEEKDAYS:
        raise c.fail(f"week_start: expected one of {list(WEEKDAYS)}, got {top['week_start']!r}")

    months_raw = c.mapping(top["months"], "months", set(CALENDARS))
    months: list[tuple[str, tuple[Calendar, int]]] = []
    for cal in CALENDARS:
        per = c.mapping(months_raw[cal], f"months.{cal}")
        if set(per) != set(range(1, 13)):
            raise c.fail(f"months.{cal}: keys must be the integers 1..12, got {sorted(per)}")
        for m in range(1, 13):
            for w in c.words(per[m], f"months.{cal}.{m}", allow_empty=False):
                months.append((w, (cal, m)))
    c.unique(tuple(months), "months")
    month_keys = {key(w) for w, _ in months}
    needs_year = c.words(top["needs_year"], "needs_year")
    c.unique(tuple((w, None) for w in needs_year), "needs_year")
    for w in needs_year:
        if key(w) not in month_keys:
            raise c.fail(f"needs_year: {w!r} is not a month name of this file")

    eras_raw = c.mapping(top["eras"], "eras", set(CALENDARS))
    eras = tuple((w, cal) for cal in CALENDARS for w in c.words(eras_raw[cal], f"eras.{cal}"))

    weekdays_raw = c.mapping(top["weekdays"], "weekdays", set(WEEKDAYS))
    weekdays = tuple(
        (w, i)
        for i, name in enumerate(WEEKDAYS)
        for w in c.words(weekdays_raw[name], f"weekdays.{name}", allow_empty=False)
    )
    before_keys: tuple[Before, ...] = ("bare", "last", "next")
    before_raw = c.mapping(top["weekday_before"], "weekday_before", set(before_keys))
    before = tuple(
        (w, k) for k in before_keys for w in c.words(before_raw[k], f"weekday_before.{k}")
    )
    after_keys: tuple[After, ...] = ("last", "next", "last_week", "next_week")
    after_raw = c.mapping(top["weekday_after"], "weekday_after", set(after_keys))
    after = tuple((w, k) for k in after_keys for w in c.words(after_raw[k], f"weekday_after.{k}"))

    days_raw = c.mapping(top["days"], "days")
    days = tuple(
        (c.words([w], "days")[0], c.integer(v, f"days.{w}", -7, 7)) for w, v in days_raw.items()
    )

    units: tuple[Unit, ...] = ("year", "month")
    periods_raw = c.mapping(top["periods"], "periods", set(units))
    periods: list[tuple[str, tuple[Unit, int]]] = []
    for unit in units:
        per_unit = c.mapping(periods_raw[unit], f"periods.{unit}")
        for off, words in per_unit.items():
            c.integer(off, f"periods.{unit} offset", -1, 1)
            periods.extend((w, (unit, off)) for w in c.words(words, f"periods.{unit}.{off}"))

    kinds: tuple[LabelKind, ...] = ("published", "updated")
    pub_raw = c.mapping(top["publication"], "publication", set(kinds))
    publication = tuple(
        (w, k) for k in kinds for w in c.words(pub_raw[k], f"publication.{k}", allow_empty=False)
    )

    day_words_raw = c.mapping(top["day_words"], "day_words")
    day_words = tuple(
        (c.words([w], "day_words")[0], c.integer(v, f"day_words.{w}", 1, 31))
        for w, v in day_words_raw.items()
    )
    lists = {name: c.words(top[name], name) for name in _PLAIN_LISTS}
    for name, plain_words in lists.items():
        c.unique(tuple((w, None) for w in plain_words), name)

    suffixes = c.words(top["month_suffixes"], "month_suffixes")
    cues = c.words(top["year_cues"], "year_cues")
    quantity = c.words(top["quantity_words"], "quantity_words")
    for name, plain in (("month_suffixes", suffixes), ("year_cues", cues), ("quantity", quantity)):
        c.unique(tuple((w, None) for w in plain), name)
    return Lexicon(
        lang=lang,
        path=str(path),
        week_start=WEEKDAYS.index(top["week_start"]),
        months=tuple(months),
        needs_year=frozenset(key(w) for w in needs_year),
        month_suffixes=suffixes,
        eras=c.unique(eras, "eras"),
        year_cues=cues,
        weekdays=c.unique(weekdays, "weekdays"),
        weekday_before=c.unique(before, "weekday_before"),
        weekday_after=c.unique(after, "weekday_after"),
        days=c.unique(days, "days"),
        periods=c.unique(tuple(periods), "periods"),
        quantity_words=quantity,
        publication=c.unique(publication, "publication"),
        day_words=c.unique(day_words, "day_words"),
        day_links=lists["day_links"],
        year_links=lists["year_links"],
        ordinal_nouns=lists["ordinal_nouns"],
        units=lists["units"],
        offset_units=lists["offset_units"],
        offset_links=lists["offset_links"],
        event_words=lists["event_words"],
    )


def read_lexicon(path: Path, lang: Lang) -> Lexicon:
    """Read and validate one ``dates.yaml``; any problem is a ``DataError`` (E020)."""
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_StrictLoader)
    except OSError as e:
        raise DataError(Code.E020, path=str(path), detail=f"cannot read: {e}") from e
    except yaml.YAMLError as e:
        raise DataError(Code.E020, path=str(path), detail=f"invalid YAML: {e}") from e
    return parse_lexicon(raw, path, lang)


@cache
def load_lexicon(lang: Lang) -> Lexicon:
    """The shipped vocabulary of ``lang``, read once per process."""
    return read_lexicon(LANG_DIR / lang / "dates.yaml", lang)


def load_lexicons(langs: tuple[Lang, ...] = LANGS) -> tuple[Lexicon, ...]:
    return tuple(load_lexicon(lang) for lang in langs)
