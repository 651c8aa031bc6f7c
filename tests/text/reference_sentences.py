"""Paragraphs and sentences as ``rasad.text.sentences`` found them before its regular-expression
scan (kept only as a reference for ``test_sentences_reference.py``; never imported by the
package). The two must agree on every text."""

from __future__ import annotations

from rasad.document import Span
from rasad.text.profile import TextProfile

_CLOSERS = "”»\"'’)]›"


def paragraphs(text: str, start: int = 0) -> list[Span]:
    """Non-blank lines of ``text[start:]``, stripped of surrounding whitespace."""
    spans = []
    n = len(text)
    pos = start
    while pos < n:
        end = text.find("\n", pos)
        if end < 0:
            end = n
        s, e = pos, end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            spans.append(Span(s, e))
        pos = end + 1
    return spans


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


def _is_false_stop(text: str, para_start: int, pos: int, profile: TextProfile) -> bool:
    """True when the period at ``pos`` does not end a sentence."""
    if text[pos] != ".":
        return False
    nxt = text[pos + 1] if pos + 1 < len(text) else ""
    prev = text[pos - 1] if pos > para_start else ""
    if prev.isdigit() and nxt.isdigit():
        return True
    if not prev.isascii():
        return False  # abbreviations and initials are Latin
    start = max(text.rfind(" ", para_start, pos), text.rfind("\t", para_start, pos)) + 1
    start = max(start, para_start)
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
    stops = []
    for pos, end in _stops(text, paras[0].start, paras[-1].end, profile.sentence_end):
        line_start = text.rfind("\n", 0, pos) + 1
        if not _is_false_stop(text, line_start, pos, profile):
            stops.append(end)
    out: list[Span] = []
    i = 0
    for para in paras:
        start = para.start
        while i < len(stops) and stops[i] <= para.start:
            i += 1
        while i < len(stops) and stops[i] <= para.end:
            end = stops[i]
            if text[start:end].strip():
                out.append(_trim(text, start, end))
            start = end
            i += 1
        if text[start : para.end].strip():
            out.append(_trim(text, start, para.end))
    return out


def _trim(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)
