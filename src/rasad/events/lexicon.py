"""Per-language event and speech data: ``lang/<lang>/events.yaml`` and ``statements.yaml``.

Every phrase is written in its language's ordinary spelling and compiled to a regular expression
over the normalized view (:mod:`rasad.text.normalize`), so spelling variants the view folds
(ZWNJ, ي/ی, ك/ک, alef forms, case) match without being listed. In a phrase:

* words are separated by whitespace in the text;
* ``...`` is a gap of up to :data:`GAP` words (``سفر ... به``);
* a trailing ``*`` lets the word go on (``دیدار*`` finds ``دیدارهای``);
* otherwise the word may carry one of the file's ``suffixes`` and be preceded by one of its
  ``proclitics`` (Arabic ``و``, ``ف``, ``س``: ``والتقى``, ``سيزور``) and must stand as a word.

Each phrase list compiles to one :class:`Phrases`: its regular expression, and the first
literal word of every phrase as an anchor. The anchors of a language's two lexicons go into one
Aho-Corasick automaton that scans a view once; a pattern is then tried only in sentences holding
one of its anchors, which every match of it must contain. The results are those of the pattern
alone.

The loaders validate strictly: unknown keys, unknown PLOVER types, modes or frames, and empty
phrases are errors (:class:`~rasad.errors.DataError`, code E020).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any, cast

import ahocorasick

from rasad.document import Lang
from rasad.errors import Code, DataError
from rasad.lang import check_keys, lang_path, load_yaml
from rasad.text.chars import alnum, alnum_at
from rasad.text.normalize import normalizer

PLOVER_TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
MODES = ("phone", "visit", "third-party", "multilateral")
FRAMES = ("joint", "visit", "host", "directed")
KINDS = ("SUPPORT", "ACCUSE", "THREATEN", "REQUEST", "AGREE", "REJECT")
GAP = 6


# what the automaton gives: where an anchor ends, and its length, slots, whether it is a sign
# (``free``), the letters that may join it to a proclitic in any of its slots, and its number
_Found = tuple[int, tuple[int, tuple[int, ...], bool, frozenset[int], int]]


class Anchors:
    """The anchors of phrase lists in one automaton, and where they occur in a view.

    One per language holds the lists of both lexicons, events and statements
    (:func:`lexicon_anchors`), so an article's view is scanned once for both. The scan is kept
    for the last view (compared by identity): events and statements of one article ask about
    the same view many times. The automaton is built on the first scan after lists are added.
    """

    def __init__(self) -> None:
        self._words: dict[str, set[int]] = {}
        self._count = 0
        self._automaton: Any = None
        self._ids: dict[str, int] = {}  # anchor word -> its number
        self.word_bits = 0  # an occurrence is ``start << word_bits | word number``
        self._bits = 0  # while scanning it is ``(start << word_bits | word) << _bits | slot``
        self._view: str | None = None
        self._found: dict[int, list[int]] = {}
        self._joiners: list[frozenset[int]] = []  # by slot, as code points

    def add(self, words: set[str], proclitics: tuple[str, ...] = ()) -> int:
        """Register one phrase list's anchors; its slot number.

        An anchor counts only where a match could begin with it: at the start of a word, or
        right after one of ``proclitics`` (the slot's joiners: their last letters). Anchors
        that start with a sign rather than a letter (``:``, ``“``) count everywhere.
        """
        slot = self._count
        self._count += 1
        for w in sorted(words):
            self._words.setdefault(w, set()).add(slot)
            self._ids.setdefault(w, len(self._ids))
        self._joiners.append(frozenset(ord(p[-1]) for p in proclitics if p))
        self._automaton = self._view = None  # built again, with this list, on the next scan
        return slot

    def freeze(self) -> None:
        automaton = ahocorasick.Automaton()
        for word, slots in self._words.items():
            free = not word[:1].isalnum()
            # the letters that may join the word to a proclitic in any of its lists
            joinable = frozenset().union(*(self._joiners[s] for s in slots))
            value = (len(word), tuple(sorted(slots)), free, joinable, self._ids[word])
            automaton.add_word(word, value)
        if self._words:
            automaton.make_automaton()
        self._automaton = automaton
        self._bits = max(1, (self._count - 1).bit_length())
        self.word_bits = max(1, (len(self._ids) - 1).bit_length())

    def word_id(self, word: str) -> int:
        """The number of an anchor word, as occurrences carry it."""
        return self._ids[word]

    def starts(self, view: str, slot: int) -> list[int] | None:
        """Where in ``view`` ``slot``'s anchors can begin a match, sorted; None if none.

        Each occurrence is one integer, ``start << word_bits | word``: its offset and the
        anchor's number (:meth:`word_id`).
        """
        if view is not self._view:
            self._scan(view)
        return self._found.get(slot)

    def _scan(self, view: str) -> None:
        if self._automaton is None:
            self.freeze()
        bits = self._bits
        word_bits = self.word_bits
        order: list[int] = []
        if self._words:
            joiners = self._joiners
            for item in self._automaton.iter(view):
                end, (n, slots, free, joinable, word) = cast("_Found", item)
                start = end - n + 1
                if not free and start:
                    before = ord(view[start - 1])
                    if alnum(before):  # inside a word: only after a proclitic's letter
                        if before in joinable:
                            base = (start << word_bits | word) << bits
                            for slot in slots:
                                if before in joiners[slot]:
                                    order.append(base | slot)
                        continue
                base = (start << word_bits | word) << bits
                for slot in slots:
                    order.append(base | slot)
            order.sort()
        found: dict[int, list[int]] = {}
        mask = (1 << bits) - 1
        for x in order:
            slot = x & mask
            at = found.get(slot)
            if at is None:
                found[slot] = [x >> bits]
            else:
                at.append(x >> bits)
        self._found, self._view = found, view


class Phrases:
    """A compiled phrase list: a regular expression tried only where its anchors occur.

    ``finditer``, ``search`` and ``findall`` take ``(view, lo, hi)`` like those of
    :class:`re.Pattern` and give the same results: a match begins with one of the anchors,
    at most ``lead`` characters (the longest proclitic) after its start. At each place tried,
    only the alternatives of the phrases whose first word occurs there (at most ``lead``
    characters on) are matched: the others cannot match at that place, and those kept stay in
    the pattern's order, so the first to match is the one the whole pattern would give.
    """

    __slots__ = ("_alts", "_anchors", "_by_word", "_pattern", "_subs", "lead", "slot")

    def __init__(
        self,
        alts: list[tuple[str, str]],
        anchors: Anchors,
        proclitics: tuple[str, ...] = (),
    ) -> None:
        """``alts``: the pattern's alternatives in order, each with its phrase's first word."""
        self._pattern: re.Pattern[str] | None = None if alts else _NEVER
        self.lead = max((len(p) for p in proclitics), default=0)
        self._anchors = anchors
        self._alts = alts
        self.slot = anchors.add({w for _, w in alts}, proclitics)
        self._by_word: dict[int, int] = {}  # anchor number -> a bit of the subset key
        for _, w in alts:
            self._by_word.setdefault(anchors.word_id(w), len(self._by_word))
        self._subs: dict[int, re.Pattern[str]] = {}  # subset key -> its alternatives' pattern

    @property
    def anchors(self) -> Anchors:
        """The automaton this list's anchors are in (shared by its lexicon's lists)."""
        return self._anchors

    @property
    def pattern(self) -> re.Pattern[str]:
        """The whole list as one expression, compiled when first asked for (rarely: the
        searches match only the alternatives of the anchors found)."""
        if self._pattern is None:
            self._pattern = re.compile("|".join(a for a, _ in self._alts))
        return self._pattern

    def _sub(self, key: int) -> re.Pattern[str]:
        """The alternatives whose first word's bit is set in ``key``, in the pattern's order."""
        by_word, ids = self._by_word, self._anchors.word_id
        pattern = re.compile("|".join(a for a, w in self._alts if key >> by_word[ids(w)] & 1))
        self._subs[key] = pattern
        return pattern

    def finditer(self, view: str, lo: int, hi: int) -> list[re.Match[str]]:
        """The pattern's matches in ``[lo, hi)``, tried only at its anchors less ``lead``.

        A match starts at most ``lead`` characters before an anchor it contains: at the anchor
        when the anchor starts a word or is a sign, else at a proclitic ending right before it.
        Trying those starts, anchor by anchor and left to right, skipping what a match already
        covered, finds exactly what ``pattern.finditer`` finds.
        """
        found_at = self._anchors.starts(view, self.slot)
        if not found_at:
            return []
        word_bits = self._anchors.word_bits
        i = bisect_left(found_at, lo << word_bits)
        if i == len(found_at) or found_at[i] >> word_bits >= hi:
            return []
        j = bisect_left(found_at, hi << word_bits, i)
        by_word = self._by_word
        word_mask = (1 << word_bits) - 1
        subs = self._subs
        lead = self.lead
        found = []
        pos = lo  # nothing may start before this: the range's start, or a match's end
        n = len(found_at)
        for at in range(i, j):
            a = found_at[at] >> word_bits
            if a == 0 or not alnum_at(view, a - 1) or not alnum_at(view, a):
                p, last = a, a  # a word's start, or a sign: the match starts here
            else:  # after a proclitic's letter: the match starts with the proclitic
                p, last = a - lead, a - 1
            if p < pos:
                p = pos
            while p <= last:
                # the anchors starting in [p, p + lead]: a match at p begins with one of them
                k = at
                while k > 0 and found_at[k - 1] >> word_bits >= p:
                    k -= 1
                end = (p + lead + 1) << word_bits
                key = 0
                while k < n and found_at[k] < end:
                    key |= 1 << by_word[found_at[k] & word_mask]
                    k += 1
                sub = subs.get(key)
                m = (sub if sub is not None else self._sub(key)).match(view, p, hi)
                if m is None:
                    p += 1
                    continue
                found.append(m)
                pos = m.end() if m.end() > p else p + 1
                break
            else:  # no match from this anchor (or it lies inside the last match)
                if a + 1 > pos:
                    pos = a + 1
        return found

    def search(self, view: str, lo: int, hi: int) -> re.Match[str] | None:
        found = self.finditer(view, lo, hi)
        return found[0] if found else None

    def findall(self, view: str, lo: int, hi: int) -> list[str]:
        """The matched strings (phrase expressions have no capturing groups)."""
        return [m.group() for m in self.finditer(view, lo, hi)]


@dataclass(frozen=True)
class Trigger:
    """One entry of ``triggers``: phrases that signal an event of one type."""

    type: str
    frame: str  # joint: all sides act; visit: the subject travels; host: the subject receives;
    # directed: the subject acts on the object
    mode: str | None
    phrases: Phrases
    words: tuple[str, ...]


@dataclass(frozen=True)
class EventLexicon:
    lang: Lang
    triggers: tuple[Trigger, ...]
    anchors: Anchors
    cues: dict[str, Phrases]  # with, to, at, topic, multilateral, ... -> pattern
    attached: dict[str, frozenset[str]]  # one-letter cues written joined to the next word
    future_proclitics: frozenset[str]


@dataclass(frozen=True)
class SpeechCue:
    kind: str | None
    phrases: Phrases


@dataclass(frozen=True)
class SpeechLexicon:
    lang: Lang
    speech: tuple[SpeechCue, ...]
    opens: re.Pattern[str]
    pronouns: Phrases
    kinds: tuple[tuple[str, Phrases], ...]  # strongest first
    positive: Phrases
    negative: Phrases


CUE_KEYS = (
    "with",
    "to",
    "at",
    "topic",
    "multilateral",
    "third_party",
    "future",
    "cancelled",
    "negated",
    "hypothetical",
    "source",
    "journalist",
    "anaphora",
    "opens",
)
_NEVER = re.compile(r"(?!x)x")


def _strings(value: Any, what: str, where: object) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(s, str) and s.strip() for s in value):
        raise DataError(Code.E020, path=where, detail=f"{what} must be a list of non-empty strings")
    return tuple(value)


def compile_phrases(
    phrases: tuple[str, ...],
    lang: Lang,
    anchors: Anchors,
    proclitics: tuple[str, ...] = (),
    suffixes: tuple[str, ...] = (),
    where: object = "",
) -> Phrases:
    """``phrases`` on ``lang``'s normalized view (syntax in the module doc), anchored in
    ``anchors``."""
    key = normalizer(lang).key
    for p in phrases:
        words = key(p).split()
        if not words or "..." in (words[0], words[-1]):
            raise DataError(Code.E020, path=where, detail=f"no words around the gap in {p!r}")
    return Phrases(
        _alternatives(phrases, lang, proclitics, suffixes),
        anchors,
        tuple(key(p) for p in proclitics),
    )


def _anchor(phrase: str) -> str:
    """The first word of a normalized phrase: every match begins with it, after a proclitic."""
    word = phrase.split()[0]
    return word[:-1] if word.endswith("*") and len(word) > 1 else word


def _alternatives(
    phrases: tuple[str, ...], lang: Lang, proclitics: tuple[str, ...], suffixes: tuple[str, ...]
) -> list[tuple[str, str]]:
    """The pattern's alternatives, longest first, each with its phrase's first word."""
    key = normalizer(lang).key
    pre = _alternation(key(p) for p in proclitics)
    suf = _alternation(key(s) for s in suffixes)
    alts = []
    for phrase in phrases:
        parts = []
        for word in key(phrase).split():
            if word == "...":
                parts.append(rf"(?:\S+\s+){{0,{GAP}}}?")
                continue
            if word.endswith("*") and len(word) > 1:
                parts.append(re.escape(word[:-1]) + r"\w*")
            else:
                parts.append(re.escape(word) + (f"(?:{suf})?" if suf else ""))
            parts.append(r"\s+")
        body = "".join(parts[:-1]) if parts and parts[-1] == r"\s+" else "".join(parts)
        words = key(phrase).replace("...", "").replace("*", "").strip()
        if words[-1:].isalnum():
            body += r"(?!\w)"
        if words[:1].isalnum():
            body = r"(?<!\w)" + (f"(?:{pre})?" if pre else "") + body
        alts.append((body, _anchor(key(phrase))))
    alts.sort(key=lambda alt: len(alt[0]), reverse=True)
    return alts


def _alternation(items: Any) -> str:
    words = sorted({w for w in items if w}, key=len, reverse=True)
    return "|".join(re.escape(w) for w in words)


def _entries(
    data: dict[str, Any], key: str, required: set[str], optional: set[str], where: object
) -> Iterator[tuple[str, dict[str, Any]]]:
    """The mappings listed under ``key``, each checked for its keys, with where it stands."""
    if not isinstance(data[key], list) or not data[key]:
        raise DataError(Code.E020, path=where, detail=f"{key} must be a non-empty list")
    for i, entry in enumerate(data[key]):
        at = f"{where} ({key}[{i}])"
        if not isinstance(entry, dict):
            raise DataError(Code.E020, path=at, detail=f"each entry of {key} must be a mapping")
        check_keys(entry, required=required, optional=optional, where=at)
        yield at, entry


@cache
def lexicon_anchors(lang: Lang) -> Anchors:
    """The one automaton of ``lang``'s event and speech phrase lists."""
    return Anchors()


@cache
def event_lexicon(lang: Lang) -> EventLexicon:
    where = lang_path(lang, "events")
    data = load_yaml(lang, "events")
    check_keys(data, required={"proclitics", "suffixes", "triggers", *CUE_KEYS}, where=where)
    proclitics = _strings(data["proclitics"], "proclitics", where) if data["proclitics"] else ()
    suffixes = _strings(data["suffixes"], "suffixes", where) if data["suffixes"] else ()
    anchors = lexicon_anchors(lang)
    triggers = []
    for at, entry in _entries(data, "triggers", {"type", "frame", "words"}, {"mode"}, where):
        if entry["type"] not in PLOVER_TYPES:
            raise DataError(Code.E020, path=at, detail=f"unknown PLOVER type {entry['type']!r}")
        if entry["frame"] not in FRAMES:
            raise DataError(Code.E020, path=at, detail=f"frame must be one of {FRAMES}")
        mode = entry.get("mode")
        if mode is not None and (mode not in MODES or entry["type"] != "CONSULT"):
            raise DataError(Code.E020, path=at, detail=f"mode must be one of {MODES} on CONSULT")
        words = _strings(entry["words"], "words", at)
        phrases = compile_phrases(words, lang, anchors, proclitics, suffixes, at)
        triggers.append(Trigger(entry["type"], entry["frame"], mode, phrases, words))
    cues: dict[str, Phrases] = {}
    attached: dict[str, frozenset[str]] = {}
    for name in CUE_KEYS:
        words = _strings(data[name], name, where) if data[name] else ()
        joined = tuple(w for w in words if len(w.strip()) == 1 and w.strip().isalpha())
        long_ = tuple(w for w in words if w not in joined)
        attached[name] = frozenset(normalizer(lang).key(w) for w in joined)
        cues[name] = compile_phrases(
            long_, lang, anchors, proclitics if name != "opens" else (), where=where
        )
    futures = frozenset(
        normalizer(lang).key(p) for p in proclitics if normalizer(lang).key(p).endswith("س")
    )  # Arabic ``س``: ``سيزور`` is a visit to come
    return EventLexicon(lang, tuple(triggers), anchors, cues, attached, futures)


@cache
def speech_lexicon(lang: Lang) -> SpeechLexicon:
    where = lang_path(lang, "statements")
    data = load_yaml(lang, "statements")
    check_keys(
        data,
        required={"speech", "opens", "pronouns", "kinds", "positive", "negative"},
        where=where,
    )
    events = load_yaml(lang, "events")
    # verbs take conjunctions (``وأضاف``), never the article
    proclitics = tuple(p for p in events["proclitics"] or () if "ال" not in p)
    anchors = lexicon_anchors(lang)
    speech = []
    for at, entry in _entries(data, "speech", {"words"}, {"kind"}, where):
        kind = entry.get("kind")
        if kind is not None and kind not in KINDS:
            raise DataError(Code.E020, path=at, detail=f"kind must be one of {KINDS}")
        words = _strings(entry["words"], "words", at)
        speech.append(SpeechCue(kind, compile_phrases(words, lang, anchors, proclitics, where=at)))
    kinds_data = data["kinds"]
    if not isinstance(kinds_data, dict) or set(kinds_data) - set(KINDS):
        raise DataError(Code.E020, path=where, detail=f"kinds must map some of {KINDS} to words")
    kinds = tuple(
        (k, compile_phrases(_strings(v, k, where), lang, anchors, proclitics, where=where))
        for k, v in kinds_data.items()
    )
    opens = _strings(data["opens"], "opens", where)
    pronouns = compile_phrases(
        _strings(data["pronouns"], "pronouns", where), lang, anchors, proclitics, where=where
    )
    positive = compile_phrases(
        _strings(data["positive"], "positive", where), lang, anchors, proclitics, where=where
    )
    negative = compile_phrases(
        _strings(data["negative"], "negative", where), lang, anchors, proclitics, where=where
    )
    return SpeechLexicon(
        lang,
        tuple(speech),
        re.compile(
            "|".join(
                re.escape(o)
                if not o[0].isalpha()
                else rf"(?<!\w){re.escape(normalizer(lang).key(o))}(?!\w)"
                for o in opens
            )
        ),
        pronouns,
        kinds,
        positive,
        negative,
    )
