"""The alias index: every name of every entity and every phrase for every office, per profile.

One Aho-Corasick automaton (pyahocorasick) per language profile holds the normalized form of
every alias in every language, so Persian text that writes an Arabic name in Arabic letters
(``نوري المالكي``) still matches, and stripped-ZWNJ text matches names written with ZWNJ.

A hit counts only at word boundaries: its first character starts a word or follows one of the
language's proclitics (``و ب ل ف ك`` in Arabic) that itself starts a word, and its last character
ends a word or is followed by up to two of the language's suffixes (Persian ``ها``, ``ی``,
``ان``...: ``عراقی‌ها``) that end it. Arabic names with the article also match after ``لل``
(``للمالكي``). Acronyms (up to five capitals: ``US``, ``NATO``) match only in capitals.
Persian and Arabic names of three words or more also match with one inner letter missing from
one word (``جنش مقاومت اسلامی`` for ``جنبش مقاومت اسلامی``), the commonest typing slip.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from typing import Any, Literal, cast

import ahocorasick

from rasad import __version__
from rasad.cache import cache_dir, read_cached, write_cached
from rasad.document import LANGS, Lang
from rasad.kb.loader import KnowledgeBase
from rasad.lang import LANG_DIR
from rasad.mentions.lexicon import mention_lexicon
from rasad.text.chars import alpha_at
from rasad.text.normalize import normalizer

TargetKind = Literal["entity", "office"]


@dataclass(frozen=True, slots=True)
class Target:
    kind: TargetKind
    id: str
    type: str  # the entity's type, or "office"
    canonical: bool  # the alias is the entity's canonical name in some language
    tokens: int  # words in the alias
    length: int  # characters of the alias in the normalized view
    acronym: str | None  # the alias as written, when it is an acronym to match case-sensitively
    typo: bool = False  # the alias with one letter left out (see TYPO_TOKENS)


@dataclass(frozen=True, slots=True)
class Group:
    """What one alias names, sorted once when the index is built."""

    targets: tuple[Target, ...]
    entities: tuple[Target, ...]
    offices: tuple[Target, ...]
    types: frozenset[str]
    ids: frozenset[tuple[str, str]]
    person: bool  # only people (no office) — a name a title can stand next to
    acronyms: bool  # some target matches only in capitals

    @classmethod
    def of(cls, targets: tuple[Target, ...]) -> Group:
        entities = tuple(t for t in targets if t.kind == "entity")
        offices = tuple(t for t in targets if t.kind == "office")
        types = frozenset(t.type for t in targets)
        return cls(
            targets,
            entities,
            offices,
            types,
            frozenset((t.kind, t.id) for t in targets),
            "person" in types and not offices,
            any(t.acronym is not None for t in targets),
        )


_Row = tuple[TargetKind, str, str, bool, int, int, str | None, bool]


def _row(t: Target) -> _Row:
    """``t`` as a plain tuple of its fields, in order (how the index is pickled)."""
    return (t.kind, t.id, t.type, t.canonical, t.tokens, t.length, t.acronym, t.typo)


@dataclass(slots=True, eq=False)
class Hit:
    """A match in the normalized view: ``[start, end)`` and what the alias names.

    Not frozen: one is made for every match of every article, and a frozen dataclass's
    constructor costs twice as much; nothing changes a hit once made.
    """

    start: int
    end: int
    group: Group
    lead: int = 0  # characters of a proclitic at the start of the match that are not the name

    def __init__(self, start: int, end: int, group: Group, lead: int = 0) -> None:
        self.start = start  # written out: see rasad.document
        self.end = end
        self.group = group
        self.lead = lead

    @property
    def targets(self) -> tuple[Target, ...]:
        return self.group.targets


TYPO_TOKENS = 3  # names this long also match with one inner letter missing from one word
TYPO_WORD = 4  # in a word at least this long


def typo_variants(key: str) -> set[str]:
    """``key`` with one inner letter left out of one of its words (``جنبش`` -> ``جنش``)."""
    words = key.split(" ")
    out = set()
    for w, word in enumerate(words):
        if len(word) < TYPO_WORD:
            continue
        for i in range(1, len(word) - 1):
            if word[i] == word[i - 1]:
                continue  # dropping either letter of a double gives the same variant
            out.add(" ".join([*words[:w], word[:i] + word[i + 1 :], *words[w + 1 :]]))
    out.discard(key)
    return out


def _is_acronym(alias: str) -> bool:
    bare = alias.replace(".", "")
    return bare.isascii() and bare.isupper() and 2 <= len(bare) <= 5


CACHE_FORMAT = "v3"  # changes when the pickled state changes shape


class Gazetteer:
    """Aho-Corasick automata over the knowledge base's aliases, one per language profile."""

    @classmethod
    def for_kb(cls, kb: KnowledgeBase) -> Gazetteer:
        """The index for ``kb``, from the cache directory when built before for the same data.

        Normalizing every alias is the slow part (minutes for a million aliases), so the built
        index is kept as a pickle keyed by the knowledge base's digest and the language data.
        """
        if not kb.digest:
            return cls.build(kb)
        path = cache_dir() / f"gazetteer-{CACHE_FORMAT}-{kb.digest}-{_lang_digest()}.pickle"
        cached = read_cached(path, cls)
        if cached is not None:
            return cached
        built = cls.build(kb)
        write_cached(path, built)
        return built

    def __init__(
        self,
        automata: dict[Lang, ahocorasick.Automaton],
        rows: list[tuple[_Row, ...]],
        size: int,
        groups: list[Group | None] | None = None,
    ) -> None:
        self.automata = automata
        # what each key names, stored once: automaton values are (key length, group number)
        self._rows = rows
        self.groups = groups or [None] * len(rows)  # built from ``_rows`` when first met
        self.size = size

    @classmethod
    def build(cls, kb: KnowledgeBase) -> Gazetteer:
        """Normalize every alias of ``kb`` and build one automaton per language."""
        automata: dict[Lang, ahocorasick.Automaton] = {}
        groups: list[Group | None] = []
        rows: list[tuple[_Row, ...]] = []
        numbers: dict[tuple[Target, ...], int] = {}
        size = 0
        for lang in LANGS:
            norm = normalizer(lang)
            index: dict[str, dict[tuple[str, str], Target]] = {}

            def add(key: str, target: Target, index: dict = index) -> None:
                if key:
                    index.setdefault(key, {})[(target.kind, target.id)] = target

            for entity in kb.entities.values():
                canonical = set(entity.names.name.values())
                for variants in (entity.names.name.values(), *entity.names.aliases.values()):
                    for alias in variants:
                        key = norm.key(alias)
                        target = Target(
                            "entity",
                            entity.id,
                            entity.type,
                            alias in canonical,
                            len(key.split()),
                            len(key),
                            alias.replace(".", "") if _is_acronym(alias) else None,
                        )
                        add(key, target)
                        if lang == "ar" and key.startswith("ال") and len(key) > 3:
                            add("لل" + key[2:], target)
            for office in kb.offices.values():
                for phrases in (office.title.values(), *office.aliases.values()):
                    for phrase in phrases:
                        key = norm.key(phrase)
                        add(
                            key,
                            Target(
                                "office",
                                office.id,
                                "office",
                                True,
                                len(key.split()),
                                len(key),
                                None,
                            ),
                        )
            if lang != "en":  # hand-typed Persian and Arabic drop letters; English is spell-checked
                for key, targets in list(index.items()):
                    if len(key.split(" ")) < TYPO_TOKENS:
                        continue
                    for variant in typo_variants(key):
                        if variant in index:
                            continue  # a real name wins over a misspelling of another
                        for t in targets.values():
                            typo = replace(t, typo=True, canonical=False)
                            index.setdefault(variant, {})[(t.kind, t.id)] = typo
            automaton = ahocorasick.Automaton()
            for key, targets in index.items():
                group = tuple(targets.values())
                if group not in numbers:
                    numbers[group] = len(groups)
                    groups.append(Group.of(group))
                    rows.append(tuple(_row(t) for t in group))
                lead = 1 if lang == "ar" and key.startswith("لل") else 0  # ل, then ال lost alef
                automaton.add_word(key, (len(key), numbers[group], lead))
            automaton.make_automaton()
            automata[lang] = automaton
            size = max(size, len(index))
        return cls(automata, rows, size, groups)

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled without the :class:`Group` objects: a cache of a large knowledge base holds
        hundreds of thousands, and plain tuples load a hundred times faster. Rebuilt through
        the constructor, which a compiled class (setup.py) needs."""
        return (Gazetteer, (self.automata, self._rows, self.size))

    def group(self, number: int) -> Group:
        """The group an automaton value points to (built on first use)."""
        group = self.groups[number]
        if group is None:
            group = self.groups[number] = Group.of(tuple(Target(*r) for r in self._rows[number]))
        return group

    def hits(self, view: str, original: str, to_orig: object, lang: Lang) -> list[Hit]:
        """Boundary-checked matches in ``view`` (the article's normalized text)."""
        lex = mention_lexicon(lang)
        proclitics, suffixes = lex.proclitics, lex.suffixes
        n = len(view)
        groups = self.groups
        out = []
        for item in self.automata[lang].iter(view):
            # typed, so the compiled loop unpacks the automaton's tuples without generic calls
            last, (size, number, lead) = cast("tuple[int, tuple[int, int, int]]", item)
            start, end = last - size + 1, last + 1
            if start and alpha_at(view, start - 1) and not _left_ok(view, start, proclitics):
                continue
            if end < n and alpha_at(view, end) and not _right_ok(view, end, n, suffixes):
                continue
            group = groups[number] or self.group(number)
            if group.acronyms:
                kept = tuple(
                    t
                    for t in group.targets
                    if t.acronym is None or _caps(original, to_orig, start, end, t)
                )
                if not kept:
                    continue
                group = Group.of(kept)
            out.append(Hit(start + lead, end, group, lead))
        return out


def _lang_digest() -> str:
    """A hash of the language data that shapes the index (normalization profiles)."""
    h = hashlib.sha256(__version__.encode())
    for path in sorted(LANG_DIR.glob("*/text.yaml")):
        h.update(path.read_bytes())
    return h.hexdigest()[:12]


def _left_ok(view: str, start: int, proclitics: tuple[str, ...]) -> bool:
    if start == 0 or not alpha_at(view, start - 1):
        return True
    for p in proclitics:
        s = start - len(p)
        if s >= 0 and view[s:start] == p and (s == 0 or not alpha_at(view, s - 1)):
            return True
    return False


def _right_ok(view: str, end: int, n: int, suffixes: tuple[str, ...], depth: int = 2) -> bool:
    """The name ends a word, or up to ``depth`` suffixes do (``عراقی‌ها``: ی then ها)."""
    if end == n or not alpha_at(view, end):
        return True
    if depth == 0:
        return False
    return any(
        view.startswith(sfx, end) and _right_ok(view, end + len(sfx), n, suffixes, depth - 1)
        for sfx in suffixes
    )


def _caps(original: str, to_orig: object, start: int, end: int, target: Target) -> bool:
    """An acronym alias matches only where the original is written in capitals."""
    span = to_orig(start, end)  # type: ignore[operator]
    return original[span.start : span.end].replace(".", "") == target.acronym
