"""Paragraphs and sentences, as spans into the original text.

Paragraphs are lines (news bodies put one paragraph per line); blank lines separate nothing more.
A sentence ends at ``.``, ``!``, ``?`` or ``؟`` (the profile's ``sentence_end``), together with any
closing quotes or brackets that follow (``.»``, ``.”``), when the next character is a space, the
end of the paragraph, or — in Arabic script, where crawlers glue sentences (``المنطقة”.وكان``) — a
letter. ``،`` and ``؛`` never end a sentence. A period does not end one between digits
(``20.01.2026``), after a listed abbreviation (``Dr.``, ``U.S.``) or after a single Latin initial.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rasad.document import Span
from rasad.text.profile import TextProfile

_CLOSERS = "”»\"'’)]›"


_LINE = re.compile(r"\S(?:[^\n]*\S)?")  # a line's text from its first to its last non-space


def paragraphs(text: str, start: int = 0) -> list[Span]:
    """Non-blank lines of ``text[start:]``, stripped of surrounding whitespace (``str.isspace``,
    which is what ``\\s`` means to ``re``)."""
    return [Span(*m.span()) for m in _LINE.finditer(text, start)]


def _continues(ch: str) -> bool:
    """True when ``ch`` may follow a sentence end: a space or an Arabic-script letter."""
    return ch.isspace() or "\u0620" <= ch <= "\u064a" or "\u066e" <= ch <= "\u06d3"


def _stops(text: str, lo: int, hi: int, ends: str) -> list[tuple[int, int]]:
    """(first punctuation index, end of punctuation and closers) of each candidate sentence end."""
    found = []
    for ch in ends:
        i = text.find(ch, lo, hi)
        while i >= 0:
            found.append(i)
            i = text.find(ch, i + 1, hi)
    found.sort()
    out = []
    last_end = -1
    for pos in found:
        if pos < last_end:
            continue  # inside a run already read (``?!``, ``...``)
        j = pos
        while j < hi and text[j] in ends:
            j += 1
        while j < hi and text[j] in _CLOSERS:
            j += 1
        last_end = j
        if j == hi or _continues(text[j]):
            out.append((pos, j))
    return out


@lru_cache(maxsize=8)
def _longest_abbreviation(abbreviations: frozenset[str]) -> int:
    """Characters before the period of the longest abbreviation, at least 1 (an initial)."""
    return max([len(a) - 1 for a in abbreviations] + [1])


def _is_false_stop(text: str, pos: int, profile: TextProfile, longest: int) -> bool:
    """True when the period at ``pos`` does not end a sentence. ``longest``:
    ``_longest_abbreviation(profile.abbreviations)``."""
    if text[pos] != ".":
        return False
    nxt = text[pos + 1] if pos + 1 < len(text) else ""
    prev = text[pos - 1] if pos > 0 and text[pos - 1] != "\n" else ""  # "": at a line start
    if prev.isdigit() and nxt.isdigit():
        return True
    if not prev.isascii():
        return False  # abbreviations and initials are Latin
    if pos > longest and text[pos - longest - 1 : pos].isalpha():
        return False  # a word longer than any abbreviation (letters hold no space or quote)
    line_start = text.rfind("\n", 0, pos) + 1
    start = max(text.rfind(" ", line_start, pos), text.rfind("\t", line_start, pos)) + 1
    start = max(start, line_start)
    if start >= pos:
        return False
    word = text[start:pos].lstrip("(«“\"'").lower() + "."
    if word in profile.abbreviations:
        return True
    return len(word) == 2 and word[0].isalpha() and word[0].isascii() and prev.isupper()


def sentences(text: str, paras: list[Span], profile: TextProfile) -> list[Span]:
    """Sentence spans within each paragraph."""
    if not paras:
        return []
    longest = _longest_abbreviation(profile.abbreviations)
    stops = [
        end
        for pos, end in _stops(text, paras[0].start, paras[-1].end, profile.sentence_end)
        if text[pos] != "." or not _is_false_stop(text, pos, profile, longest)
    ]
    out: list[Span] = []
    i, n = 0, len(stops)
    for para in paras:
        start, para_end = para.start, para.end
        while i < n and stops[i] <= start:
            i += 1
        while i < n and stops[i] <= para_end:
            _add_trimmed(out, text, start, stops[i])
            start = stops[i]
            i += 1
        _add_trimmed(out, text, start, para_end)
    return out


def _add_trimmed(out: list[Span], text: str, start: int, end: int) -> None:
    """Append ``text[start:end]``'s span without surrounding whitespace, unless it is blank.

    A piece starts after a sentence end (usually one space) and ends at one or at the end of its
    paragraph (never a space), so stepping over the whitespace costs less than ``str.strip``."""
    while start < end and text[start].isspace():
        start += 1
    if start < end:
        while text[end - 1].isspace():
            end -= 1
        out.append(Span(start, end))
