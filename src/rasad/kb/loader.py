"""Loading the knowledge base: YAML files under ``data/kb/``, validated strictly, cached compiled.

Each ``*.yaml`` file holds a mapping with ``entities:`` and/or ``offices:`` lists (the keys of
each item are in ``docs/kb.md``). Validation is strict: an unknown or missing key, a malformed
id, date, country or language, a duplicate id, or a reference to an office or organization that
does not exist is a :class:`~rasad.errors.DataError` naming the file and the item.

Parsing YAML is slow, so the validated knowledge base is kept as a pickle in the cache directory
(``rasad.cache.cache_dir``), keyed by a hash of
every file's bytes and rasad's version: editing any file rebuilds it.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from rasad import __version__
from rasad.cache import cache_dir, read_cached, write_cached
from rasad.errors import Code, DataError
from rasad.kb.schema import ENTITY_TYPES, KB_LANGS, Entity, Membership, Names, Office, Role

# libyaml's C parser when PyYAML was built with it (the wheels are): ten times faster
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

DEFAULT_KB = Path(__file__).resolve().parents[3] / "data" / "kb"

_SLUG = re.compile(r"^(new:)?[a-z0-9]+(-[a-z0-9]+)*$")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_COUNTRY = re.compile(r"^[A-Z]{3}$")

_ENTITY_KEYS = {"id", "type", "name"}
_ENTITY_OPTIONAL = {
    "aliases",
    "country",
    "roles",
    "memberships",
    "external_ids",
    "verified",
    "note",
}
_ROLE_KEYS = {
    "office",
    "title",
    "org",
    "start",
    "end",
    "acting",
    "verified",
    "sources",
    "note",
}
_MEMBERSHIP_KEYS = {"org", "role", "start", "end"}
_OFFICE_KEYS = {"id", "kind", "title"}
_OFFICE_OPTIONAL = {"country", "aliases", "org", "jurisdiction", "note"}


@dataclass
class KnowledgeBase:
    """Entities and offices by id, with the files they came from."""

    entities: dict[str, Entity] = field(default_factory=dict)
    offices: dict[str, Office] = field(default_factory=dict)
    # office id -> [(person id, role)], for resolving a title phrase at a date
    holders: dict[str, list[tuple[str, Role]]] = field(default_factory=dict)
    digest: str = ""

    def holders_on(self, office: str, day: str | None) -> list[str]:
        """Who held ``office`` on ``day`` (an ISO prefix); everyone who ever held it if None."""
        out = []
        for person, role in self.holders.get(office, ()):
            if day is None or role.valid_on(day):
                out.append(person)
        return out

    def __len__(self) -> int:
        return len(self.entities)

    @property
    def country_ids(self) -> dict[str, str]:
        """ISO 3166-1 alpha-3 code -> the country entity's id (built on first use)."""
        table = self.__dict__.get("_country_ids")
        if table is None:
            table = {
                e.country: e.id for e in self.entities.values() if e.type == "country" and e.country
            }
            self.__dict__["_country_ids"] = table
        return table


class _Where:
    """Location of an item, for error messages."""

    def __init__(self, path: Path, item: str) -> None:
        self.path, self.item = path, item

    def fail(self, detail: str) -> DataError:
        return DataError(Code.E050, path=self.path, item=self.item, detail=detail)


def _keys(data: Any, required: set[str], optional: set[str], where: _Where) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise where.fail("must be a mapping")
    missing = required - data.keys()
    unknown = data.keys() - required - optional
    if missing:
        raise where.fail(f"missing keys {sorted(missing)}")
    if unknown:
        raise where.fail(f"unknown keys {sorted(unknown)}")
    return data


def _text(value: Any, what: str, where: _Where) -> str:
    if not isinstance(value, str) or not value.strip():
        raise where.fail(f"{what} must be a non-empty string")
    return value


def _lang_map(value: Any, what: str, where: _Where) -> dict[str, str]:
    if not isinstance(value, dict) or not value:
        raise where.fail(f"{what} must map languages (en, fa, ar) to strings")
    out = {}
    for lang, text in value.items():
        if lang not in KB_LANGS:
            raise where.fail(f"{what}: unknown language {lang!r}")
        out[lang] = _text(text, f"{what}.{lang}", where)
    return out


def _lang_lists(value: Any, what: str, where: _Where) -> dict[str, tuple[str, ...]]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise where.fail(f"{what} must map languages to lists of strings")
    out = {}
    for lang, items in value.items():
        if lang not in KB_LANGS:
            raise where.fail(f"{what}: unknown language {lang!r}")
        if not isinstance(items, list):
            raise where.fail(f"{what}.{lang} must be a list")
        out[lang] = tuple(_text(x, f"{what}.{lang}", where) for x in items)
    return out


def _date(value: Any, what: str, where: _Where) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not _DATE.match(value):
        raise where.fail(f"{what} must be a quoted ISO date prefix (YYYY, YYYY-MM, YYYY-MM-DD)")
    return value


def _bool(value: Any, default: bool, what: str, where: _Where) -> bool:
    if value is None:
        return default
    if not isinstance(value, bool):
        raise where.fail(f"{what} must be true or false")
    return value


def _country(value: Any, where: _Where) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not _COUNTRY.match(value):
        raise where.fail("country must be an ISO 3166-1 alpha-3 code or null")
    return value


def _role(data: Any, where: _Where) -> Role:
    d = _keys(data, set(), _ROLE_KEYS, where)
    if not d.get("office") and not d.get("title"):
        raise where.fail("a role needs an office or a title")
    sources = d.get("sources") or []
    if not isinstance(sources, list):
        raise where.fail("sources must be a list")
    start, end = _date(d.get("start"), "start", where), _date(d.get("end"), "end", where)
    if start and end and end[: len(start)] < start[: len(end)]:
        raise where.fail(f"role ends ({end}) before it starts ({start})")
    return Role(
        office=d.get("office"),
        title=_lang_map(d["title"], "title", where) if d.get("title") else {},
        org=d.get("org"),
        start=start,
        end=end,
        acting=_bool(d.get("acting"), False, "acting", where),
        verified=_bool(d.get("verified"), True, "verified", where),
        sources=tuple(_text(s, "source", where) for s in sources),
        note=d.get("note"),
    )


def _entity(data: Any, where: _Where) -> Entity:
    d = _keys(data, _ENTITY_KEYS, _ENTITY_OPTIONAL, where)
    eid = _text(d["id"], "id", where)
    if not _SLUG.match(eid):
        raise where.fail(f"id {eid!r} is not a lowercase ASCII slug")
    if d["type"] not in ENTITY_TYPES:
        raise where.fail(f"type must be one of {ENTITY_TYPES}")
    memberships = []
    for i, m in enumerate(d.get("memberships") or []):
        mw = _Where(where.path, f"{where.item}.memberships[{i}]")
        md = _keys(m, {"org"}, _MEMBERSHIP_KEYS - {"org"}, mw)
        memberships.append(
            Membership(
                org=_text(md["org"], "org", mw),
                role=md.get("role"),
                start=_date(md.get("start"), "start", mw),
                end=_date(md.get("end"), "end", mw),
            )
        )
    external = d.get("external_ids") or {}
    if not isinstance(external, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in external.items()
    ):
        raise where.fail("external_ids must map names to strings")
    return Entity(
        id=eid,
        type=d["type"],
        names=Names(
            _lang_map(d["name"], "name", where), _lang_lists(d.get("aliases"), "aliases", where)
        ),
        country=_country(d.get("country"), where),
        roles=tuple(
            _role(r, _Where(where.path, f"{where.item}.roles[{i}]"))
            for i, r in enumerate(d.get("roles") or [])
        ),
        memberships=tuple(memberships),
        external_ids=dict(external),
        verified=_bool(d.get("verified"), True, "verified", where),
        note=d.get("note"),
    )


def _office(data: Any, where: _Where) -> Office:
    d = _keys(data, _OFFICE_KEYS, _OFFICE_OPTIONAL, where)
    oid = _text(d["id"], "id", where)
    if not _SLUG.match(oid):
        raise where.fail(f"office id {oid!r} is not a lowercase ASCII slug")
    if d["kind"] not in ("office", "organization"):
        raise where.fail("kind must be office or organization")
    return Office(
        id=oid,
        country=_country(d.get("country"), where),
        kind=d["kind"],
        title=_lang_map(d["title"], "title", where),
        aliases=_lang_lists(d.get("aliases"), "aliases", where),
        org=d.get("org"),
        jurisdiction=d.get("jurisdiction"),
        note=d.get("note"),
    )


def _files(root: Path) -> list[Path]:
    if root.is_file():
        return [root]
    if not root.is_dir():
        raise DataError(Code.E050, path=root, item="-", detail="no knowledge base here")
    return sorted(root.rglob("*.yaml"))


def _digest(files: Iterable[Path]) -> str:
    h = hashlib.sha256(__version__.encode())
    for f in files:
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:24]


def parse(files: Iterable[Path]) -> KnowledgeBase:
    """Parse and validate ``files`` (no cache)."""
    kb = KnowledgeBase()
    origin: dict[str, Path] = {}
    for path in files:
        try:
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=_SafeLoader) or {}
        except (OSError, yaml.YAMLError) as e:
            raise DataError(Code.E050, path=path, item="-", detail=str(e)) from e
        top = _keys(data, set(), {"entities", "offices"}, _Where(path, "-"))
        for i, item in enumerate(top.get("offices") or []):
            office = _office(item, _Where(path, f"offices[{i}]"))
            if office.id in kb.offices:
                raise _Where(path, office.id).fail("duplicate office id")
            kb.offices[office.id] = office
        for i, item in enumerate(top.get("entities") or []):
            label = item.get("id", f"entities[{i}]") if isinstance(item, dict) else f"entities[{i}]"
            entity = _entity(item, _Where(path, str(label)))
            if entity.id in kb.entities:
                raise _Where(path, entity.id).fail(f"duplicate id (also in {origin[entity.id]})")
            kb.entities[entity.id] = entity
            origin[entity.id] = path
    _check_references(kb, origin)
    for entity in kb.entities.values():
        for role in entity.roles:
            if role.office:
                kb.holders.setdefault(role.office, []).append((entity.id, role))
    return kb


def _check_references(kb: KnowledgeBase, origin: Mapping[str, Path]) -> None:
    for entity in kb.entities.values():
        where = _Where(origin[entity.id], entity.id)
        for role in entity.roles:
            if role.office and role.office not in kb.offices:
                raise where.fail(f"role names unknown office {role.office!r}")
            if role.org and role.org not in kb.entities:
                raise where.fail(f"role names unknown organization {role.org!r}")
        for m in entity.memberships:
            if m.org not in kb.entities:
                raise where.fail(f"membership names unknown organization {m.org!r}")
    for office in kb.offices.values():
        if office.org and office.org not in kb.entities:
            raise DataError(
                Code.E050, path="offices", item=office.id, detail=f"unknown org {office.org!r}"
            )


@cache
def default_kb() -> KnowledgeBase:
    """The knowledge base at ``$RASAD_KB`` or the shipped ``data/kb``, loaded once per process."""
    return load_kb()


def load_kb(root: Path | None = None, *, use_cache: bool = True) -> KnowledgeBase:
    """The validated knowledge base under ``root`` (default ``data/kb``), from cache when fresh."""
    root = root or Path(os.environ.get("RASAD_KB") or DEFAULT_KB)
    files = _files(root)
    digest = _digest(files)
    cached_path = cache_dir() / f"kb-{digest}.pickle"
    if use_cache:
        cached = read_cached(cached_path, KnowledgeBase)
        if cached is not None and cached.digest == digest:
            return cached
    kb = parse(files)
    kb.digest = digest
    if use_cache:
        write_cached(cached_path, kb)
    return kb
