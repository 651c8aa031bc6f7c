"""Paragraphs and sentences, as spans into the original text.

Paragraphs are lines (news bodies put one paragraph per line); blank lines separate nothing more.
A sentence ends at ``.``, ``!``, ``?`` or ``؟`` (the profile's ``sentence_end``), together with any
closing quotes or brackets that follow (``.»``, ``.”``), when the next character is a space, the
end of the paragraph, or — in Arabic script, where crawlers glue sentences (``المنطقة”.وكان``) — a
letter. ``،`` and ``؛`` never end a sentence. A period does not end one between digits
(``20.01.2026``), after a listed abbreviation (``Dr.``, ``U.S.``) or after a single Latin initial.
"""

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
        if text[pos] != "." or not _is_false_stop(text, text.rfind("\n", 0, pos) + 1, pos, profile):
            stops.append(end)
    out: list[Span] = []
    i = 0
    for para in paras:
        start = para.start
        while i < len(stops) and stops[i] <= para.start:
            i += 1
        while i < len(stops) and stops[i] <= para.end:
            end = stops[i]
            _add_trimmed(out, text, start, end)
            start = end
            i += 1
        _add_trimmed(out, text, start, para.end)
    return out


def _add_trimmed(out: list[Span], text: str, start: int, end: int) -> None:
    """Append ``text[start:end]``'s span without surrounding whitespace, unless it is blank."""
    piece = text[start:end]
    core = piece.strip()
    if core:
        s = start + len(piece) - len(piece.lstrip())
        out.append(Span(s, s + len(core)))
