"""Language identification restricted to Persian, Arabic and English.

A script profile decides the clear cases in a few C-level passes: Latin letters against
Arabic-script letters, and, within Arabic script, letters only Persian uses (``پ چ ژ گ``, Persian
``ی ک``) against letters only Arabic uses (``ة ي ك ى``). Text where the profile is not decisive
(short, mixed, or Persian typed with Arabic ``ي``/``ك``) is settled by function words
(``function_words`` in ``lang/fa|ar/text.yaml``) when one language has them and the other not,
and otherwise by lingua, restricted to the three languages. ``tests/text/test_langid.py``
measures the result on news sentences from ``../shared/benchmarks``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from rasad.document import Lang

if TYPE_CHECKING:
    from lingua import LanguageDetector

_ASCII_LETTERS = frozenset(range(ord("A"), ord("Z") + 1)) | frozenset(range(ord("a"), ord("z") + 1))
_NOT_ASCII_LETTER = bytes(b for b in range(256) if b not in _ASCII_LETTERS)
_URL = re.compile(r"https?://\S+|www\.\S+")
_NOT_LETTERS = "۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩،؛؟٪ـ"  # digits, punctuation and tatweel of the Arabic block

MIN_LETTERS = 12  # below this a paragraph gets no language of its own
LINGUA_SAMPLE = 400  # characters handed to lingua when the profile is not decisive


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
    """Letter counts of ``text`` (URLs left out: their slugs mislead).

    Counted on the UTF-8 bytes, where C-level byte counts are cheap: an ASCII letter is one byte
    that ``bytes.translate`` keeps, and a character of the Arabic block (U+0600–U+06FF) is the
    only one whose UTF-8 lead byte is 0xD8–0xDB.
    """
    if "http" in text or "www." in text:
        text = _URL.sub(" ", text)
    data = text.encode("utf-8")
    block = data.count(b"\xd8") + data.count(b"\xd9") + data.count(b"\xda") + data.count(b"\xdb")
    if not block:
        return ScriptProfile(len(data.translate(None, _NOT_ASCII_LETTER)), 0, 0, 0, 0, 0)
    if block < 4 * MIN_LETTERS:
        # digits and punctuation share the block: subtract them where they could tip MIN_LETTERS
        block -= _count(text, _NOT_LETTERS)
    c = text.count
    teh = c("ة")
    return ScriptProfile(
        latin=len(data.translate(None, _NOT_ASCII_LETTER)),
        arabic=block,
        fa_only=c("پ") + c("چ") + c("ژ") + c("گ"),
        fa_forms=c("ی") + c("ک"),
        ar_only=teh + c("ي") + c("ك") + c("ى"),
        teh_marbuta=teh,
    )


def letter_count(text: str) -> int:
    """ASCII letters plus Arabic-block characters other than digits and punctuation."""
    data = text.encode("utf-8")
    block = data.count(b"\xd8") + data.count(b"\xd9") + data.count(b"\xda") + data.count(b"\xdb")
    if 0 < block < 4 * MIN_LETTERS:
        block -= _count(text, _NOT_LETTERS)
    return len(data.translate(None, _NOT_ASCII_LETTER)) + block


_ARABIC_LETTER = re.compile(  # what ``letter_count`` counts in the block: not _NOT_LETTERS
    "["
    + "".join(re.escape(chr(c)) for c in range(0x600, 0x700) if chr(c) not in _NOT_LETTERS)
    + "]"
)
_LETTER = "A-Za-z" + _ARABIC_LETTER.pattern[1:-1]
# MIN_LETTERS letters, each after any non-letters: written out rather than as ``{12}``, which
# costs ``re`` a repeat-counting step per letter
_MIN_LETTERS = re.compile(f"[^{_LETTER}]*[{_LETTER}]" * MIN_LETTERS)


def has_min_letters(text: str, start: int, end: int) -> bool:
    """``letter_count(text[start:end]) >= MIN_LETTERS``, reading only as far as it must.

    The pattern finds ``MIN_LETTERS`` letters (ASCII letters and Arabic-block characters outside
    ``_NOT_LETTERS``) from ``start``; ``letter_count`` never counts fewer than that. When it
    fails, only ``letter_count`` knows (it counts every block character of a text with many).
    """
    if _MIN_LETTERS.match(text, start, end) is not None:
        return True
    return letter_count(text[start:end]) >= MIN_LETTERS


def text_language(text: str) -> Lang | None:
    """``single_language(script_profile(text))``, from presence tests that stop at the first hit.

    Only whether each count is zero matters to ``single_language``. Whether the text has
    Arabic-block characters is a ``memchr`` for their UTF-8 lead bytes; the counts are taken
    only for a text whose Arabic-block characters are all digits or punctuation.
    """
    if "http" in text or "www." in text:
        text = _URL.sub(" ", text)
    data = text.encode("utf-8")
    latin = bool(data.translate(None, _NOT_ASCII_LETTER))
    if not (b"\xd8" in data or b"\xd9" in data or b"\xda" in data or b"\xdb" in data):
        return "en" if latin else None
    if _ARABIC_LETTER.search(text) is None:
        return single_language(script_profile(text))
    if latin:
        return None
    fa_only = "پ" in text or "چ" in text or "ژ" in text or "گ" in text
    teh = "ة" in text
    if fa_only and not (teh or "ي" in text or "ك" in text or "ى" in text):
        return "fa"
    if teh and not fa_only and "ی" not in text and "ک" not in text:
        return "ar"
    return None


def single_language(p: ScriptProfile) -> Lang | None:
    """The language of every paragraph of a text whose letters belong to one language only.

    English: no Arabic-script letters. Persian: no Latin and no Arabic-only letter, with letters
    only Persian uses. Arabic: no Latin, no Persian letter or letter form, with ``ة``. Then a
    paragraph of the text has that language, and only its letters need counting.
    """
    if p.arabic == 0:
        return "en" if p.latin else None
    if p.latin:
        return None
    if p.ar_only == 0 and p.fa_only > 0:
        return "fa"
    if p.fa_only == 0 and p.fa_forms == 0 and p.teh_marbuta > 0:
        return "ar"
    return None


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
def _function_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    from rasad.text.profile import text_profile

    return (
        tuple(f" {w} " for w in text_profile("fa").function_words),
        tuple(f" {w} " for w in text_profile("ar").function_words),
    )


def decide_by_words(text: str) -> Lang | None:
    """Persian or Arabic by function words, when one language has two or more and the other none."""
    fa_words, ar_words = _function_words()
    padded = f" {text} "
    fa = sum(padded.count(w) for w in fa_words)
    ar = sum(padded.count(w) for w in ar_words)
    if fa >= 2 and ar == 0:
        return "fa"
    if ar >= 2 and fa == 0:
        return "ar"
    return None


@cache
def _lingua() -> LanguageDetector:
    from lingua import Language, LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_languages(
        Language.PERSIAN, Language.ARABIC, Language.ENGLISH
    ).build()


_LINGUA_CODES: dict[str, Lang] = {"PERSIAN": "fa", "ARABIC": "ar", "ENGLISH": "en"}


def detect(text: str, profile: ScriptProfile | None = None) -> Lang | None:
    """fa, ar or en for ``text``; None when it holds too few letters to tell."""
    p = profile or script_profile(text)
    lang = decide(p)
    if lang is not None or p.latin + p.arabic < MIN_LETTERS:
        return lang
    if p.arabic > p.latin:
        lang = decide_by_words(text)
        if lang is not None:
            return lang
    found = _lingua().detect_language_of(text[:LINGUA_SAMPLE])
    return _LINGUA_CODES.get(found.name) if found is not None else None


def article_language(paragraph_langs: list[tuple[Lang | None, int]]) -> Lang | None:
    """The article's language: the one that covers most letters among its paragraphs."""
    weight: dict[Lang, int] = {}
    for found, letters in paragraph_langs:
        if found is not None:
            weight[found] = weight.get(found, 0) + letters
    if not weight:
        return None
    best: Lang = max(weight, key=weight.__getitem__)
    return best
