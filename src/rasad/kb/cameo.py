"""Import knowledge-base entities from PETRARCH/Phoenix (CAMEO) actor dictionaries.

An actor dictionary (``Phoenix.Countries.actors.txt``...) is a series of records::

    NOURI_AL-MALIKI_  [IRQELI]      # primary phrase, optional default code
    +NURI_AL_MALIKI_                # synonyms, one per line, beginning with +
        [IRQGOV 20060520-20140908]  # date restrictions, indented: [code dates]
        [IRQELI >20140909]
        [IRQPTY <060519]

Phrases are words joined by ``_`` or blanks (a trailing ``_`` only stops plurals). A restriction
is ``date-date`` (both ends included), ``<date`` (up to), ``>date`` (from) or nothing (the
default); dates are ``YYYYMMDD`` or ``YYMMDD``, where, as in KEDS, TABARI and PETRARCH,
``00``-``30`` are 20YY and the rest 19YY. Several codes may share a bracket
(``[IRQGOV;IRQPTY 20060520-20140908]``) and several brackets a line. Comments are ``#`` and
``;`` to the end of the line and ``<!-- … -->``.

Each record becomes an entity: English name and aliases (underscores to spaces, title case, with
``al-``/``el-`` kept lower case inside a name), ``country`` from the first code whose first three
letters are an ISO 3166-1 alpha-3 code, and one role per code and restriction with
``title: {en: "<CAMEO code>"}``. A code that is only a country (``[IRQ]``) sets the country but is
not a role. The type is a guess, since CAMEO does not say: ``country`` for a record whose only
code is a bare country code, ``person`` when any role is dated, else ``organization``.

A malformed line is reported in the :class:`ImportReport` (naming the line) and the record it
belongs to is skipped; a missing or unreadable file is an :class:`~rasad.errors.InputError`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from babel.core import get_global

from rasad.errors import Code
from rasad.kb.wikidata import ImportReport, numbered_lines, slug, write_entities

__all__ = ["ImportReport", "import_cameo"]

_BRACKETS = re.compile(r"\[([^\[\]]*)\]")
_CODE = re.compile(r"^~?[A-Z0-9]{3,}~?$")
_DATE = r"(\d{8}|\d{6})"
_RANGE = re.compile(rf"^{_DATE}-{_DATE}$")
_OPEN = re.compile(rf"^([<>]){_DATE}$")
_PHRASE = re.compile(r"^[^\[\]{}<>+]*[A-Za-z0-9][^\[\]{}<>+]*$")
# Withdrawn ISO 3166-1 alpha-3 codes that CLDR still maps to their successors.
_WITHDRAWN = frozenset({"BUR", "DDR", "FXX", "TMP", "YMD", "ZAR"})


def iso_alpha3() -> frozenset[str]:
    """Current ISO 3166-1 alpha-3 codes, from CLDR's territory aliases (through babel)."""
    aliases = get_global("territory_aliases")
    return frozenset(
        code
        for code, targets in aliases.items()
        if len(code) == 3
        and code.isalpha()
        and len(targets) == 1
        and code not in _WITHDRAWN
        and not re.match(r"^(AA|Q[M-Z]|X[A-Z]|ZZ)$", targets[0])
    )


class _Malformed(Exception):
    """A line that cannot be read; the message says why."""


@dataclass
class _Actor:
    line: int
    name: str
    synonyms: list[str] = field(default_factory=list)
    codes: list[tuple[str, str | None, str | None]] = field(default_factory=list)
    bad: bool = False


def _date(text: str) -> str:
    if len(text) == 6:
        yy = int(text[:2])
        text = ("20" if yy <= 30 else "19") + text
    try:
        return dt.date(int(text[:4]), int(text[4:6]), int(text[6:8])).isoformat()
    except ValueError as e:
        raise _Malformed(f"invalid date {text}") from e


def _restriction(content: str) -> list[tuple[str, str | None, str | None]]:
    """``IRQGOV 20060520-20140908`` -> [(code, start, end)]."""
    tokens = content.split()
    if not tokens:
        raise _Malformed("empty code brackets []")
    start = end = None
    if len(tokens) > 1:
        restriction = "".join(tokens[1:])
        if m := _RANGE.match(restriction):
            start, end = _date(m.group(1)), _date(m.group(2))
            if end < start:
                raise _Malformed(f"date range ends before it starts: {restriction}")
        elif m := _OPEN.match(restriction):
            if m.group(1) == "<":
                end = _date(m.group(2))
            else:
                start = _date(m.group(2))
        else:
            raise _Malformed(f"unreadable date restriction {restriction!r}")
    codes = [c for c in re.split(r"[;,]", tokens[0]) if c]
    for code in codes:
        if not _CODE.match(code):
            raise _Malformed(f"unreadable CAMEO code {code!r}")
    return [(code, start, end) for code in codes]


def _split(line: str) -> tuple[str, list[tuple[str, str | None, str | None]]]:
    """A line without comments -> (phrase, codes)."""
    codes = []
    for content in _BRACKETS.findall(line):
        codes += _restriction(content)
    rest = _BRACKETS.sub(" ", line)
    if "[" in rest or "]" in rest:
        raise _Malformed("unbalanced [ ]")
    rest = re.sub(r"\{[^{}]*\}", " ", rest).strip()  # plural forms, as in agent dictionaries
    return rest, codes


def _strip_comment(line: str) -> str:
    line = line.split("#", 1)[0]
    depth = 0
    for i, ch in enumerate(line):
        depth += ch == "["
        depth -= ch == "]"
        if ch == ";" and depth <= 0:
            return line[:i]
    return line


def title_case(phrase: str) -> str:
    """``NOURI_AL-MALIKI_`` -> ``Nouri al-Maliki``."""
    words = phrase.replace("_", " ").split()
    out = []
    for i, word in enumerate(words):
        parts = [p[:1].upper() + p[1:].lower() for p in word.split("-")]
        if i > 0 and len(parts) > 1 and parts[0] in ("Al", "El"):
            parts[0] = parts[0].lower()
        out.append("-".join(parts))
    return " ".join(out)


def _read(path: Path, problems: list[str]) -> tuple[list[_Actor], int]:
    actors: list[_Actor] = []
    current: _Actor | None = None
    in_comment = False
    skipped_lines = 0

    def fail(number: int, detail: str) -> None:
        problems.append(Code.E010.message(path=path, detail=f"line {number}: {detail}"))

    for number, raw in numbered_lines(path):
        line = raw.rstrip("\n")
        if in_comment:
            if "-->" not in line:
                continue
            line, in_comment = line.split("-->", 1)[1], False
        line = re.sub(r"<!--.*?-->", " ", line)
        if "<!--" in line:
            line, in_comment = line.split("<!--", 1)[0], True
        indented = line[:1].isspace()
        text = _strip_comment(line).strip()
        if not text:
            continue
        try:
            if text.startswith("+") or indented or text.startswith("["):
                if current is None:
                    raise _Malformed("synonym or code before any actor")
                if current.bad:
                    continue
                phrase, codes = _split(text[1:] if text.startswith("+") else text)
                if text.startswith("+"):
                    if not _PHRASE.match(phrase):
                        raise _Malformed(f"unreadable synonym {text!r}")
                    current.synonyms.append(phrase)
                elif phrase:
                    raise _Malformed(f"text beside a date restriction: {phrase!r}")
                current.codes += codes
            else:
                current = _Actor(number, text)
                actors.append(current)
                phrase, codes = _split(text)
                if not _PHRASE.match(phrase):
                    raise _Malformed(f"unreadable actor phrase {text!r}")
                current.name, current.codes = phrase, codes
        except _Malformed as e:
            fail(number, str(e))
            if current is not None and not current.bad:
                current.bad = True
            else:
                skipped_lines += 1
    return actors, skipped_lines


def import_cameo(path: Path, out: Path) -> ImportReport:
    """Read the PETRARCH actor dictionary ``path`` and write its actors to ``out`` as KB YAML."""
    path, out = Path(path), Path(out)
    problems: list[str] = []
    actors, skipped = _read(path, problems)
    iso = iso_alpha3()
    records: list[dict[str, Any]] = []
    taken: set[str] = set()
    for actor in actors:
        if actor.bad:
            skipped += 1
            continue
        name = title_case(actor.name)
        base = slug(name)
        if not base:
            problems.append(
                Code.E010.message(
                    path=path, detail=f"line {actor.line}: no ASCII name to make an id"
                )
            )
            skipped += 1
            continue
        eid, n = base, 1
        while eid in taken:
            n += 1
            eid = f"{base}-{n}"
        taken.add(eid)
        records.append(_entity(actor, eid, name, iso))
    write_entities(out, records, f"Imported from the CAMEO actor dictionary {path.name} by rasad.")
    return ImportReport(entities=len(records), skipped=skipped, problems=problems)


def _entity(actor: _Actor, eid: str, name: str, iso: frozenset[str]) -> dict[str, Any]:
    aliases: list[str] = []
    for synonym in actor.synonyms:
        alias = title_case(synonym)
        if alias != name and alias not in aliases:
            aliases.append(alias)
    country = next((c[:3] for c, _, _ in actor.codes if c[:3] in iso), None)
    roles = [
        {"title": {"en": code}, "start": start, "end": end}
        for code, start, end in actor.codes
        if not (code in iso and start is None and end is None)
    ]
    if not roles and any(code in iso for code, _, _ in actor.codes):
        kind = "country"
    elif any(r["start"] or r["end"] for r in roles):
        kind = "person"
    else:
        kind = "organization"
    item: dict[str, Any] = {"id": eid, "type": kind, "name": {"en": name}}
    if aliases:
        item["aliases"] = {"en": aliases}
    if country:
        item["country"] = country
    if roles:
        item["roles"] = roles
    return item
