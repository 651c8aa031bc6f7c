"""Language identification restricted to Persian, Arabic and English.

A script profile decides the clear cases in a few C-level passes: Latin letters against
Arabic-script letters, and, within Arabic script, letters only Persian uses (``پ چ ژ گ``, Persian
``ی ک``) against letters only Arabic uses (``ة ي ك ى``). Text where the profile is not decisive
(short, mixed, or Persian typed with Arabic ``ي``/``ك``) goes to lingua, restricted to the three
languages. ``langid_report`` in the tests measures both paths against labelled corpora.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from rasad.document import Lang

if TYPE_CHECKING:
    from lingua import LanguageDetector

_ARABIC_SCRIPT = re.compile(r"[\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_URL = re.compile(r"https?://\S+|www\.\S+")
_FA_ONLY = "پچژگ"
_FA_FORMS = "یک"
_AR_ONLY = "ةيكى"

MIN_LETTERS = 12  # below this a paragraph gets no language of its own
LINGUA_SAMPLE = 1200  # characters handed to lingua when the profile is not decisive


def _count(text: str, chars: str) -> int:
    return sum(text.count(c) for c in chars)


@dataclass(frozen=True, slots=True)
class ScriptProfile:
    latin: int
    arabic: int
    fa_only: int  # پ چ ژ گ
    fa_forms: int  # Persian ی ک
    ar_only: int  # ة ي ك ى
    teh_marbuta: int


def script_profile(text: str) -> ScriptProfile:
    """Letter counts of ``text`` (URLs left out: their slugs mislead)."""
    if "http" in text or "www." in text:
        text = _URL.sub(" ", text)
    return ScriptProfile(
        latin=len(_LATIN.findall(text)),
        arabic=len(_ARABIC_SCRIPT.findall(text)),
        fa_only=_count(text, _FA_ONLY),
        fa_forms=_count(text, _FA_FORMS),
        ar_only=_count(text, _AR_ONLY),
        teh_marbuta=text.count("ة"),
    )


def decide(p: ScriptProfile) -> Lang | None:
    """The language the profile alone settles, or None when it does not."""
    if p.latin + p.arabic < MIN_LETTERS:
        return None
    if p.arabic <= 0.1 * p.latin:
        return "en"
    if p.latin > p.arabic:
        return None
    fa = 3 * p.fa_only + p.fa_forms
    ar = p.ar_only
    if ar == 0 and fa >= 3:
        return "fa"
    if fa == 0 and ar >= 3 and p.teh_marbuta >= 1:
        return "ar"
    if fa >= 8 * ar and p.fa_only >= 1:
        return "fa"
    if ar >= 8 * fa and p.teh_marbuta >= 1:
        return "ar"
    return None


@cache
def _lingua() -> LanguageDetector:
    from lingua import Language, LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_languages(
        Language.PERSIAN, Language.ARABIC, Language.ENGLISH
    ).build()


_LINGUA_CODES: dict[str, Lang] = {"PERSIAN": "fa", "ARABIC": "ar", "ENGLISH": "en"}


def detect(text: str) -> Lang | None:
    """fa, ar or en for ``text``; None when it holds too few letters to tell."""
    p = script_profile(text)
    lang = decide(p)
    if lang is not None or p.latin + p.arabic < MIN_LETTERS:
        return lang
    found = _lingua().detect_language_of(text[:LINGUA_SAMPLE])
    return _LINGUA_CODES.get(found.name) if found is not None else None


def article_language(paragraph_langs: list[tuple[Lang | None, int]]) -> Lang | None:
    """The article's language: the one that covers most letters among its paragraphs."""
    weight: dict[Lang, int] = {}
    for lang, letters in paragraph_langs:
        if lang is not None:
            weight[lang] = weight.get(lang, 0) + letters
    return max(weight, key=lambda k: weight[k]) if weight else None
