"""Per-language event and speech data: ``lang/<lang>/events.yaml`` and ``statements.yaml``.

Every phrase is written in its language's ordinary spelling and compiled to a regular expression
over the normalized view (:mod:`rasad.text.normalize`), so spelling variants the view folds
(ZWNJ, ي/ی, ك/ک, alef forms, case) match without being listed. In a phrase:

* words are separated by whitespace in the text;
* ``...`` is a gap of up to :data:`GAP` words (``سفر ... به``);
* a trailing ``*`` lets the word go on (``دیدار*`` finds ``دیدارهای``);
* otherwise the word may carry one of the file's ``suffixes`` and be preceded by one of its
  ``proclitics`` (Arabic ``و``, ``ف``, ``س``: ``والتقى``, ``سيزور``) and must stand as a word.

The loaders validate strictly: unknown keys, unknown PLOVER types, modes or frames, and empty
phrases are errors (:class:`~rasad.errors.DataError`, code E020).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from rasad.document import Lang
from rasad.errors import Code, DataError
from rasad.lang import check_keys, lang_path, load_yaml
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


@dataclass(frozen=True)
class Trigger:
    """One entry of ``triggers``: phrases that signal an event of one type."""

    type: str
    frame: str  # joint: all sides act; visit: the subject travels; host: the subject receives;
    # directed: the subject acts on the object
    mode: str | None
    pattern: re.Pattern[str]
    words: tuple[str, ...]


@dataclass(frozen=True)
class EventLexicon:
    lang: Lang
    triggers: tuple[Trigger, ...]
    cues: dict[str, re.Pattern[str]]  # with, to, at, topic, multilateral, ... -> pattern
    attached: dict[str, frozenset[str]]  # one-letter cues written joined to the next word
    future_proclitics: frozenset[str]


@dataclass(frozen=True)
class SpeechCue:
    kind: str | None
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class SpeechLexicon:
    lang: Lang
    speech: tuple[SpeechCue, ...]
    opens: re.Pattern[str]
    pronouns: re.Pattern[str]
    kinds: tuple[tuple[str, re.Pattern[str]], ...]  # strongest first
    positive: re.Pattern[str]
    negative: re.Pattern[str]


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
    proclitics: tuple[str, ...] = (),
    suffixes: tuple[str, ...] = (),
) -> re.Pattern[str]:
    """One pattern for ``phrases`` on ``lang``'s normalized view (syntax in the module doc)."""
    if not phrases:
        return _NEVER
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
        alts.append(body)
    alts.sort(key=len, reverse=True)
    return re.compile("|".join(alts))


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
def event_lexicon(lang: Lang) -> EventLexicon:
    where = lang_path(lang, "events")
    data = load_yaml(lang, "events")
    check_keys(data, required={"proclitics", "suffixes", "triggers", *CUE_KEYS}, where=where)
    proclitics = _strings(data["proclitics"], "proclitics", where) if data["proclitics"] else ()
    suffixes = _strings(data["suffixes"], "suffixes", where) if data["suffixes"] else ()
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
        pattern = compile_phrases(words, lang, proclitics, suffixes)
        triggers.append(Trigger(entry["type"], entry["frame"], mode, pattern, words))
    cues: dict[str, re.Pattern[str]] = {}
    attached: dict[str, frozenset[str]] = {}
    for name in CUE_KEYS:
        words = _strings(data[name], name, where) if data[name] else ()
        joined = tuple(w for w in words if len(w.strip()) == 1 and w.strip().isalpha())
        long_ = tuple(w for w in words if w not in joined)
        attached[name] = frozenset(normalizer(lang).key(w) for w in joined)
        cues[name] = compile_phrases(long_, lang, proclitics if name != "opens" else ())
    futures = frozenset(
        normalizer(lang).key(p) for p in proclitics if normalizer(lang).key(p).endswith("س")
    )  # Arabic ``س``: ``سيزور`` is a visit to come
    return EventLexicon(lang, tuple(triggers), cues, attached, futures)


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
    speech = []
    for at, entry in _entries(data, "speech", {"words"}, {"kind"}, where):
        kind = entry.get("kind")
        if kind is not None and kind not in KINDS:
            raise DataError(Code.E020, path=at, detail=f"kind must be one of {KINDS}")
        words = _strings(entry["words"], "words", at)
        speech.append(SpeechCue(kind, compile_phrases(words, lang, proclitics)))
    kinds_data = data["kinds"]
    if not isinstance(kinds_data, dict) or set(kinds_data) - set(KINDS):
        raise DataError(Code.E020, path=where, detail=f"kinds must map some of {KINDS} to words")
    kinds = tuple(
        (k, compile_phrases(_strings(v, k, where), lang, proclitics)) for k, v in kinds_data.items()
    )
    opens = _strings(data["opens"], "opens", where)
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
        compile_phrases(_strings(data["pronouns"], "pronouns", where), lang, proclitics),
        kinds,
        compile_phrases(_strings(data["positive"], "positive", where), lang, proclitics),
        compile_phrases(_strings(data["negative"], "negative", where), lang, proclitics),
    )
