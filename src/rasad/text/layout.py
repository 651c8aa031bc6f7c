"""Where the headline is, and which outlet the article names as its source.

Headline: the first paragraph of the body when it looks like one (short, several words, not a
date line, not ending in a Latin period). A short first line ending in ``:`` is a kicker
(Persian *rutitr*, ``ولایتی:``) and the headline is the line after it. When the body starts on the
seed header's own line there is no headline.

Source (the outlet's name as written in the text): a labelled line (``المصدر: …``, ``منبع: …``),
else an attribution cue (``به گزارش …،``, ``نقلا عن …``) followed by a short name, else a
dateline (``بغداد/ شبكة أخبار العراق-``, ``TEHRAN (Reuters) -``).
"""

from __future__ import annotations

import re

from rasad.document import Span
from rasad.text.profile import TextProfile

MAX_TITLE_CHARS = 250
MAX_TITLE_WORDS = 35
MAX_KICKER_WORDS = 12
MAX_SOURCE_WORDS = 4
_DIGITS_PUNCT = re.compile(r"[\d\s\W]*")
_TOKEN = re.compile(r"\S+")
_SOURCE_STOP = re.compile(r"[،,.:؛;\n]")
_DATELINE = re.compile(
    r"\s*[^\s/()]{2,25}\s?(?:/\s?(?P<slash>[^-–—:\n/]{2,40}?)\s?[-–—:]"
    r"|\((?P<paren>[^()\n]{2,40})\)\s?[-–—])"
)


def _words(s: str) -> int:
    return len(s.split())


def _is_headline(text: str) -> bool:
    s = text.strip()
    if not s or len(s) > MAX_TITLE_CHARS or _words(s) > MAX_TITLE_WORDS or _words(s) < 2:
        return False
    if _DIGITS_PUNCT.fullmatch(s):
        return False
    return not s.endswith(".")


def find_title(
    text: str, paras: list[Span], profile: TextProfile, body_on_header_line: bool
) -> Span | None:
    """The headline's span, or None."""
    if not paras or body_on_header_line:
        return None
    first = paras[0]
    line = text[first.start : first.end]
    if line.endswith(profile.kicker_end) and _words(line) <= MAX_KICKER_WORDS and len(paras) > 1:
        second = paras[1]
        return second if _is_headline(text[second.start : second.end]) else None
    return first if _is_headline(line) else None


def _clean_source(candidate: str, profile: TextProfile) -> str | None:
    """The name in ``candidate`` after the profile's skip words, as an exact substring."""
    tokens = list(_TOKEN.finditer(candidate))
    skips = {s.rstrip(" *"): s.endswith("*") for s in profile.source_skip}
    while tokens and tokens[0].group() in skips:
        tokens = tokens[2 if skips[tokens[0].group()] else 1 :]
    if not tokens or len(tokens) > MAX_SOURCE_WORDS:
        return None
    return candidate[tokens[0].start() : tokens[-1].end()]


def find_source(text: str, paras: list[Span], profile: TextProfile) -> str | None:
    """The outlet named by the text, or None.

    Labels and cues absent from the whole text are left out before the paragraphs are searched
    (one ``in`` each, instead of one test per paragraph), and paragraphs are searched in place.
    """
    labels = [label for label in profile.source_labels if label in text]
    for p in paras if labels else ():
        for label in labels:
            if text.startswith(label, p.start, p.end):
                name = text[p.start + len(label) : p.end].strip()
                if name and _words(name) <= 2 * MAX_SOURCE_WORDS:
                    return name
    cues = [cue + " " for cue in profile.source_cues if cue + " " in text]
    for p in paras if cues else ():
        for cue in cues:
            at = text.find(cue, p.start, p.end)
            if at < 0:
                continue
            rest = text[at + len(cue) : p.end]
            stop = _SOURCE_STOP.search(rest)
            if stop is None:
                continue
            cleaned = _clean_source(rest[: stop.start()], profile)
            if cleaned:
                return cleaned
    for p in paras[:6]:
        m = _DATELINE.match(text, p.start, p.end)
        if m:
            name = (m.group("slash") or m.group("paren") or "").strip()
            if name and _words(name) <= MAX_SOURCE_WORDS:
                return name
    return None
