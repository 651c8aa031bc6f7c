"""Text profiles: each language's normalization and text cues, from ``lang/<lang>/text.yaml``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from rasad.document import Lang
from rasad.errors import Code, DataError
from rasad.lang import check_keys, lang_path, load_yaml

_REQUIRED = {"letter_folds", "deletions", "sentence_end", "source_labels", "source_cues"}
_OPTIONAL = {"abbreviations", "source_skip", "kicker_end", "function_words"}
_RANGE = re.compile(r"^(.)-(.)$", re.S)


@dataclass(frozen=True)
class TextProfile:
    lang: Lang
    letter_folds: dict[str, str]
    deletions: frozenset[str]
    sentence_end: str
    abbreviations: frozenset[str]
    source_labels: tuple[str, ...]
    source_cues: tuple[str, ...]
    source_skip: tuple[str, ...]
    kicker_end: str
    function_words: tuple[str, ...]


def _expand(entry: str, where: object) -> list[str]:
    m = _RANGE.match(entry)
    if m:
        lo, hi = ord(m.group(1)), ord(m.group(2))
        if lo > hi:
            raise DataError(Code.E020, path=where, detail=f"empty range {entry!r}")
        return [chr(c) for c in range(lo, hi + 1)]
    if len(entry) != 1:
        raise DataError(Code.E020, path=where, detail=f"deletion {entry!r} is not one character")
    return [entry]


@cache
def text_profile(lang: Lang) -> TextProfile:
    """The validated text profile for ``lang``; unknown or malformed keys raise DataError."""
    where = lang_path(lang, "text")
    data = load_yaml(lang, "text")
    check_keys(data, required=_REQUIRED, optional=_OPTIONAL, where=where)
    folds = data["letter_folds"]
    if not isinstance(folds, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and len(k) == 1 and len(v) == 1
        for k, v in folds.items()
    ):
        raise DataError(Code.E020, path=where, detail="letter_folds must map one char to one char")
    deletions: set[str] = set()
    for entry in data["deletions"]:
        deletions.update(_expand(str(entry), where))
    if overlap := deletions & folds.keys():
        raise DataError(Code.E020, path=where, detail=f"both folded and deleted: {sorted(overlap)}")

    def strings(key: str) -> tuple[str, ...]:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(s, str) and s for s in value):
            raise DataError(Code.E020, path=where, detail=f"{key} must be a list of strings")
        return tuple(value)

    return TextProfile(
        lang=lang,
        letter_folds=dict(folds),
        deletions=frozenset(deletions),
        sentence_end=str(data["sentence_end"]),
        abbreviations=frozenset(s.lower() for s in strings("abbreviations")),
        source_labels=strings("source_labels"),
        source_cues=strings("source_cues"),
        source_skip=strings("source_skip"),
        kicker_end=str(data.get("kicker_end", ":")),
        function_words=strings("function_words"),
    )
