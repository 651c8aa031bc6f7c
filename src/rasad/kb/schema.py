"""The knowledge base's typed objects: entities, their names, dated roles and memberships; offices.

An *entity* is a person, organization, location or country with an id (a lowercase ASCII slug
of its English name, ``new:``-prefixed when found in text but absent from the knowledge base),
names per language with variants, a country (ISO 3166-1 alpha-3) and, for people, dated roles.

An *office* (``president-of-iran``) is a post with titles and the phrases the press uses for it
in each language (``الرئيس الإيراني``, ``the Iranian president``); a person's role points to an
office with a start and an end, so a title phrase plus a date resolves to whoever held the post
then. Dates are ISO prefixes (``2024``, ``2024-07``, ``2024-07-28``), compared at the precision
written; intervals include both ends.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

EntityType = Literal["person", "organization", "location", "country"]
ENTITY_TYPES: tuple[EntityType, ...] = ("person", "organization", "location", "country")
KB_LANGS = ("en", "fa", "ar")


@dataclass(frozen=True, slots=True)
class Names:
    """Canonical name and variants per language (``en``, ``fa``, ``ar``)."""

    name: dict[str, str]
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def all(self, lang: str) -> tuple[str, ...]:
        first = (self.name[lang],) if lang in self.name else ()
        return first + self.aliases.get(lang, ())


@dataclass(frozen=True, slots=True)
class Role:
    """A dated role: an office held, or a free title (with the organization it is in)."""

    office: str | None
    title: dict[str, str]
    org: str | None
    start: str | None
    end: str | None
    acting: bool = False
    verified: bool = True
    sources: tuple[str, ...] = ()
    note: str | None = None

    def valid_on(self, day: str) -> bool:
        """True when ``day`` (an ISO prefix) is in the role, at each bound's precision."""
        if self.start is not None and day[: len(self.start)] < self.start[: len(day)]:
            return False
        return not (self.end is not None and day[: len(self.end)] > self.end[: len(day)])


@dataclass(frozen=True, slots=True)
class Membership:
    org: str
    role: str | None = None
    start: str | None = None
    end: str | None = None


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    type: EntityType
    names: Names
    country: str | None = None
    roles: tuple[Role, ...] = ()
    memberships: tuple[Membership, ...] = ()
    external_ids: dict[str, str] = field(default_factory=dict)
    verified: bool = True
    note: str | None = None

    @property
    def name_en(self) -> str:
        return self.names.name.get("en") or next(iter(self.names.name.values()))


@dataclass(frozen=True, slots=True)
class Office:
    id: str
    country: str | None
    kind: Literal["office", "organization"]
    title: dict[str, str]
    aliases: dict[str, tuple[str, ...]]
    org: str | None = None
    jurisdiction: str | None = None
    note: str | None = None
