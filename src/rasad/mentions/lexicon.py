"""Per-language mention data (``lang/<lang>/mentions.yaml``): suffixes, proclitics, honorifics."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from rasad.document import Lang
from rasad.errors import Code, DataError
from rasad.lang import check_keys, lang_path, load_yaml


@dataclass(frozen=True)
class MentionLexicon:
    lang: Lang
    suffixes: tuple[str, ...]
    proclitics: tuple[str, ...]
    honorifics: tuple[str, ...]
    former_before: tuple[str, ...]
    former_after: tuple[str, ...]
    role_nouns: dict[str, str]
    pronouns: tuple[str, ...]


@cache
def mention_lexicon(lang: Lang) -> MentionLexicon:
    where = lang_path(lang, "mentions")
    data = load_yaml(lang, "mentions")
    check_keys(
        data,
        required={
            "suffixes",
            "proclitics",
            "honorifics",
            "former_before",
            "former_after",
            "role_nouns",
            "pronouns",
        },
        where=where,
    )

    def strings(key: str) -> tuple[str, ...]:
        value = data[key]
        if not isinstance(value, list) or not all(isinstance(s, str) and s for s in value):
            raise DataError(Code.E020, path=where, detail=f"{key} must be a list of strings")
        return tuple(value)

    return MentionLexicon(
        lang,
        strings("suffixes"),
        strings("proclitics"),
        strings("honorifics"),
        strings("former_before"),
        strings("former_after"),
        _role_nouns(data["role_nouns"], where),
        _words(strings("pronouns"), "pronouns", where),
    )


def _words(value: tuple[str, ...], key: str, where: object) -> tuple[str, ...]:
    """``value``, each entry a single word of letters (``وی``, ``وأضاف``, ``he``)."""
    for w in value:
        if not w.isalnum():
            raise DataError(Code.E020, path=where, detail=f"{key}: {w!r} is not one word")
    return value


def _role_nouns(value: object, where: object) -> dict[str, str]:
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and k and isinstance(v, str) and v for k, v in value.items()
    ):
        raise DataError(Code.E020, path=where, detail="role_nouns must map phrases to English")
    return dict(value)
