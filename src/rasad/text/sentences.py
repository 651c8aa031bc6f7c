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
from functools import cache

from rasad.document import Span
from rasad.text.profile import TextProfile

_LINE = re.compile(r"[^\n\r]+")
_CLOSERS = "”»\"'’)]›"
_WORD_BEFORE = re.compile(r"(\S+)$")


def paragraphs(text: str, start: int = 0) -> list[Span]:
    """Non-blank lines of ``text[start:]``, stripped of surrounding whitespace."""
    spans = []
    for m in _LINE.finditer(text, start):
        s, e = m.span()
        chunk = m.group()
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk) - len(chunk.rstrip())
        if lead < len(chunk):
            spans.append(Span(s + lead, e - trail))
    return spans


@cache
def _boundary(ends: str) -> re.Pattern[str]:
    cls = re.escape(ends)
    closers = re.escape(_CLOSERS)
    return re.compile(f"[{cls}]+[{closers}]*(?=\\s|$|[\\u0620-\\u064a\\u066e-\\u06d3])")


def _is_false_stop(text: str, para_start: int, pos: int, profile: TextProfile) -> bool:
    """True when the period at ``pos`` does not end a sentence."""
    if text[pos] != ".":
        return False
    nxt = text[pos + 1] if pos + 1 < len(text) else ""
    prev = text[pos - 1] if pos > para_start else ""
    if prev.isdigit() and nxt.isdigit():
        return True
    m = _WORD_BEFORE.search(text, para_start, pos)
    if m is None:
        return False
    word = m.group(1).lstrip("(«“\"'").lower() + "."
    if word in profile.abbreviations:
        return True
    return len(word) == 2 and word[0].isalpha() and word[0].isascii() and prev.isupper()


def sentences(text: str, paras: list[Span], profile: TextProfile) -> list[Span]:
    """Sentence spans within each paragraph."""
    pattern = _boundary(profile.sentence_end)
    out: list[Span] = []
    for para in paras:
        start = para.start
        for m in pattern.finditer(text, para.start, para.end):
            if _is_false_stop(text, para.start, m.start(), profile):
                continue
            end = m.end()
            if text[start:end].strip():
                out.append(_trim(text, start, end))
            start = end
        if text[start : para.end].strip():
            out.append(_trim(text, start, para.end))
    return out


def _trim(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)
