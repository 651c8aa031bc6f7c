"""Import knowledge-base entities from a Wikidata JSON dump, streamed.

The dump (``latest-all.json``, ``.json.gz`` or ``.json.bz2``) is a JSON array with one entity per
line: ``[`` and ``]`` on lines of their own and a comma after every entity line. It is read line
by line and never held whole; only the entities kept, every entity's ISO 3166-1 alpha-3 code
(P298, a few hundred) and the labels of the positions people held are kept in memory.

An entity is kept when one of its ``instance of`` (P31) values matches a :class:`WikidataFilter`
(by default: Iranian and Iraqi citizens, political parties, armed and other organizations,
cities, countries: :data:`DEFAULT_FILTERS`). Each becomes a knowledge-base entity (``docs/kb.md``):

- labels and aliases in en/fa/ar -> ``name`` / ``aliases``;
- positions held (P39) with start (P580) and end (P582) qualifiers -> ``roles``, titled with the
  position's labels when the position is in the dump (else its QID as the English title), dates
  at the precision Wikidata gives (9 year, 10 month, 11 day; coarser ones are left out);
- party (P102) -> ``memberships``, only when the party is imported too;
- citizenship (P27) or country (P17) -> ``country``, through the country's P298 when the dump
  holds it;
- ``external_ids: {wikidata: Q…}``; the id is the slug of the English label (else the QID); when
  several entities share a slug, the one with the lowest QID keeps it and the others get
  ``-q<number>`` appended.

A line that is not valid JSON, or an entity that cannot be turned into a valid record, is
reported in :class:`ImportReport` and skipped; a missing or unreadable file is an
:class:`~rasad.errors.InputError`. The output validates with :func:`rasad.kb.loader.parse`.
When positions are held by entities further down the dump than their holders, the dump is read a
second time for their labels only.
"""

from __future__ import annotations

import bz2
import gzip
import io
import json
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import yaml

from rasad.errors import Code, InputError
from rasad.kb.schema import KB_LANGS, EntityType

_QID = re.compile(r"^Q[1-9]\d*$")
_TIME = re.compile(r"^[+]?(\d{4,})-(\d{2})-(\d{2})T")


@dataclass
class ImportReport:
    """What an importer wrote: entities written, records skipped, and why each was skipped."""

    entities: int
    skipped: int
    problems: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class WikidataFilter:
    """Keep entities that are an instance of ``instance_of`` (P31), as ``type``.

    When ``citizenship`` is not empty the entity must also have one of those P27 values.
    """

    instance_of: str
    type: EntityType
    citizenship: frozenset[str] = frozenset()


_IRAN, _IRAQ = "Q794", "Q796"
DEFAULT_FILTERS: tuple[WikidataFilter, ...] = (
    WikidataFilter("Q5", "person", frozenset({_IRAN, _IRAQ})),  # human
    WikidataFilter("Q7278", "organization"),  # political party
    WikidataFilter("Q17149090", "organization"),  # armed organization
    WikidataFilter("Q43229", "organization"),  # organization
    WikidataFilter("Q515", "location"),  # city
    WikidataFilter("Q1549591", "location"),  # big city
    WikidataFilter("Q5119", "location"),  # capital
    WikidataFilter("Q6256", "country"),  # country
    WikidataFilter("Q3624078", "country"),  # sovereign state
)


# ---------------------------------------------------------------- shared helpers (also CAMEO)


def slug(text: str) -> str:
    """Lowercase ASCII slug of ``text`` (accents dropped); empty when nothing ASCII is left."""
    decomposed = unicodedata.normalize("NFKD", text.replace("&", " and "))
    ascii_text = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    ascii_text = re.sub(r"['’.]", "", ascii_text)
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def write_entities(out: Path, entities: Iterable[dict[str, Any]], header: str) -> None:
    """Write ``entities`` as a knowledge-base YAML file, atomically."""
    text = yaml.safe_dump(
        {"entities": list(entities)}, allow_unicode=True, sort_keys=False, width=100
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    tmp.write_text(f"# {header}\n{text}", encoding="utf-8")
    tmp.replace(out)


def open_text(path: Path) -> IO[str]:
    """``path`` as UTF-8 text, decompressed by its suffix (``.gz``, ``.bz2``)."""
    if not path.is_file():
        raise InputError(Code.E001, path=path)
    try:
        if path.suffix == ".gz":
            return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8")
        if path.suffix == ".bz2":
            return io.TextIOWrapper(bz2.open(path, "rb"), encoding="utf-8")
        return path.open(encoding="utf-8")
    except OSError as e:
        raise InputError(Code.E011, path=path, detail=str(e)) from e


def numbered_lines(path: Path) -> Iterator[tuple[int, str]]:
    """``(line number, line)`` of a possibly compressed text file; a broken stream is an error."""
    number = 0
    with open_text(path) as f:
        try:
            for number, line in enumerate(f, 1):
                yield number, line
        except (OSError, EOFError, UnicodeDecodeError) as e:
            raise InputError(
                Code.E010, path=path, detail=f"unreadable after line {number}: {e}"
            ) from e


def dedupe_ids(wanted: dict[str, str], order_key: dict[str, int]) -> dict[str, str]:
    """Final ids from wanted ones (key -> slug): on a clash the lowest ``order_key`` keeps it."""
    by_slug: dict[str, list[str]] = {}
    for key, s in wanted.items():
        by_slug.setdefault(s, []).append(key)
    out = {}
    for s, keys in by_slug.items():
        keys.sort(key=lambda k: order_key[k])
        out[keys[0]] = s
        for k in keys[1:]:
            out[k] = f"{s}-{k.lower()}"
    return out


# ---------------------------------------------------------------- reading the dump


def _dump_entities(path: Path, problems: list[str]) -> Iterator[dict[str, Any]]:
    """The entity objects of a dump, one per line; bad lines go to ``problems``."""
    for number, raw in numbered_lines(path):
        line = raw.strip()
        if line in ("", "[", "]"):
            continue
        if line.endswith(","):
            line = line[:-1]
        try:
            entity = json.loads(line)
        except json.JSONDecodeError as e:
            problems.append(Code.E006.message(line=number, path=path, detail=e.msg))
            continue
        if not isinstance(entity, dict) or not isinstance(entity.get("id"), str):
            problems.append(
                Code.E006.message(line=number, path=path, detail="not an entity object")
            )
            continue
        entity["_line"] = number
        yield entity


def _claims(entity: dict[str, Any], prop: str) -> list[dict[str, Any]]:
    """Statements of ``prop``, preferred first, deprecated ones left out."""
    claims = entity.get("claims") or {}
    statements = claims.get(prop) or [] if isinstance(claims, dict) else []
    good = [s for s in statements if isinstance(s, dict) and s.get("rank") != "deprecated"]
    return sorted(good, key=lambda s: s.get("rank") != "preferred")


def _snak_value(snak: Any) -> Any:
    if not isinstance(snak, dict) or snak.get("snaktype") != "value":
        return None
    return (snak.get("datavalue") or {}).get("value")


def _item(snak: Any) -> str | None:
    value = _snak_value(snak)
    if isinstance(value, dict) and isinstance(value.get("id"), str) and _QID.match(value["id"]):
        return str(value["id"])
    return None


def _values(entity: dict[str, Any], prop: str) -> list[str]:
    return [q for s in _claims(entity, prop) if (q := _item(s.get("mainsnak"))) is not None]


def _time(snak: Any) -> str | None:
    """An ISO prefix at Wikidata's precision (year, month, day), or None."""
    value = _snak_value(snak)
    if not isinstance(value, dict) or not isinstance(value.get("time"), str):
        return None
    m = _TIME.match(value["time"])
    precision = value.get("precision")
    if not m or value["time"].startswith("-") or not isinstance(precision, int) or precision < 9:
        return None
    year, month, day = m.groups()
    if len(year) > 4:
        year = year.lstrip("0").rjust(4, "0")
        if len(year) > 4:
            return None
    if precision == 9 or month == "00":
        return year
    if precision == 10 or day == "00":
        return f"{year}-{month}"
    return f"{year}-{month}-{day}"


def _qualifier_time(statement: dict[str, Any], prop: str) -> str | None:
    snaks = (statement.get("qualifiers") or {}).get(prop) or []
    for snak in snaks:
        if (t := _time(snak)) is not None:
            return t
    return None


def _labels(entity: dict[str, Any], key: str = "labels") -> dict[str, str]:
    out = {}
    found = entity.get(key) or {}
    for lang in KB_LANGS:
        value = (found.get(lang) or {}).get("value") if isinstance(found, dict) else None
        if isinstance(value, str) and value.strip():
            out[lang] = value.strip()
    return out


def _aliases(entity: dict[str, Any], name: dict[str, str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    found = entity.get("aliases") or {}
    for lang in KB_LANGS:
        items = found.get(lang) or [] if isinstance(found, dict) else []
        names: list[str] = []
        for item in items:
            value = item.get("value") if isinstance(item, dict) else None
            if isinstance(value, str) and value.strip():
                value = value.strip()
                if value != name.get(lang) and value not in names:
                    names.append(value)
        if names:
            out[lang] = names
    return out


@dataclass
class _Kept:
    """What is kept of an entity between reading the dump and writing the output."""

    qid: str
    type: EntityType
    name: dict[str, str]
    aliases: dict[str, list[str]]
    countries: list[str]
    positions: list[tuple[str, str | None, str | None]]  # (position QID, start, end)
    parties: list[tuple[str, str | None, str | None]]


def _match(entity: dict[str, Any], filters: Sequence[WikidataFilter]) -> EntityType | None:
    classes = set(_values(entity, "P31"))
    if not classes:
        return None
    citizenship: set[str] | None = None
    for f in filters:
        if f.instance_of not in classes:
            continue
        if f.citizenship:
            if citizenship is None:
                citizenship = set(_values(entity, "P27"))
            if not citizenship & f.citizenship:
                continue
        return f.type
    return None


def _dated(entity: dict[str, Any], prop: str) -> list[tuple[str, str | None, str | None]]:
    out = []
    for statement in _claims(entity, prop):
        qid = _item(statement.get("mainsnak"))
        if qid is not None:
            start = _qualifier_time(statement, "P580")
            end = _qualifier_time(statement, "P582")
            out.append((qid, start, end))
    return out


def _keep(entity: dict[str, Any], kind: EntityType) -> _Kept:
    name = _labels(entity)
    countries = _values(entity, "P27") + _values(entity, "P17")
    return _Kept(
        qid=entity["id"],
        type=kind,
        name=name,
        aliases=_aliases(entity, name),
        countries=countries,
        positions=_dated(entity, "P39"),
        parties=_dated(entity, "P102"),
    )


def _iso3(entity: dict[str, Any]) -> str | None:
    for statement in _claims(entity, "P298"):
        value = _snak_value(statement.get("mainsnak"))
        if isinstance(value, str) and re.fullmatch(r"[A-Z]{3}", value):
            return value
    return None


def _ends_before_start(start: str | None, end: str | None) -> bool:
    return bool(start and end and end[: len(start)] < start[: len(end)])


def import_wikidata(
    dump: Path, out: Path, filters: Sequence[WikidataFilter] | None = None
) -> ImportReport:
    """Stream ``dump`` and write the entities ``filters`` keep to ``out`` as knowledge-base YAML."""
    dump, out = Path(dump), Path(out)
    filters = DEFAULT_FILTERS if filters is None else tuple(filters)
    problems: list[str] = []
    kept: dict[str, _Kept] = {}
    iso3: dict[str, str] = {}
    titles: dict[str, dict[str, str]] = {}
    for entity in _dump_entities(dump, problems):
        qid = entity["id"]
        if (code := _iso3(entity)) is not None:
            iso3[qid] = code
        kind = _match(entity, filters)
        if kind is None:
            continue
        record = _keep(entity, kind)
        if not record.name:
            detail = f"line {entity['_line']}: {qid} has no en, fa or ar label"
            problems.append(Code.E010.message(path=dump, detail=detail))
            continue
        kept[qid] = record
        titles[qid] = record.name
    skipped = len(problems)  # so far, each problem is a line or an entity left out

    wanted = {p for r in kept.values() for p, _, _ in r.positions if p not in titles}
    if wanted:  # positions that are not themselves kept: read the dump again for their labels
        for entity in _dump_entities(dump, []):
            if entity["id"] in wanted and (labels := _labels(entity)):
                titles[entity["id"]] = labels

    ids = dedupe_ids(
        {q: slug(r.name.get("en", "")) or q.lower() for q, r in kept.items()},
        {q: int(q[1:]) for q in kept},
    )
    records = []
    for qid in sorted(kept, key=lambda q: ids[q]):
        records.append(_record(kept[qid], ids, iso3, titles, problems, dump))
    write_entities(out, records, f"Imported from the Wikidata dump {dump.name} by rasad.")
    return ImportReport(entities=len(records), skipped=skipped, problems=problems)


def _record(
    r: _Kept,
    ids: dict[str, str],
    iso3: dict[str, str],
    titles: dict[str, dict[str, str]],
    problems: list[str],
    dump: Path,
) -> dict[str, Any]:
    item: dict[str, Any] = {"id": ids[r.qid], "type": r.type, "name": r.name}
    if r.aliases:
        item["aliases"] = r.aliases
    country = iso3.get(r.qid) if r.type == "country" else None
    country = country or next((iso3[c] for c in r.countries if c in iso3), None)
    if country:
        item["country"] = country
    roles = []
    for position, start, end in r.positions:
        if _ends_before_start(start, end):
            detail = f"{r.qid}: role {position} ends ({end}) before it starts ({start}); left out"
            problems.append(Code.E010.message(path=dump, detail=detail))
            continue
        roles.append(
            {"title": titles.get(position) or {"en": position}, "start": start, "end": end}
        )
    if roles:
        item["roles"] = roles
    memberships = []
    for party, start, end in r.parties:
        if party in ids and not _ends_before_start(start, end):
            membership: dict[str, Any] = {"org": ids[party]}
            if start:
                membership["start"] = start
            if end:
                membership["end"] = end
            memberships.append(membership)
    if memberships:
        item["memberships"] = memberships
    item["external_ids"] = {"wikidata": r.qid}
    return item
