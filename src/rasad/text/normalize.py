"""The normalized matching view of a text, with an exact offset map back to the original.

rasad never changes an article's text. Matching (names, triggers, dates) runs on a *view* built
in two steps:

1. a one-for-one character translation: the language profile's letter folds (``ي``→``ی`` for
   Persian, ``ی``→``ي`` for Arabic, alef and hamza forms, ``ة``), Persian and Arabic-Indic digits
   to ASCII, every whitespace character to a space, Latin letters to lower case, Arabic
   presentation forms to their letters;
2. deletions: the profile's deletable characters (ZWNJ, tatweel, diacritics, ...) and bidi
   controls are removed, and runs of spaces collapse to one.

Step 1 keeps every index; step 2 is recorded as a list of kept segments, so any index or span of
the view maps back to the original in ``O(log n)``. Text whose ZWNJs were stripped upstream
(``گفتوگو``) and text that has them (``گفت‌وگو``) give the same view.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from typing import Any

from rasad.document import Lang, Span, by_constructor
from rasad.text.digits import DIGIT_TABLE
from rasad.text.profile import text_profile

_SPACES = "\t\n\r\x0b\x0c\x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000" + "".join(
    chr(c) for c in range(0x2000, 0x200B)
)
_INVISIBLE = "\ufeff\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"


def _base_table() -> dict[int, str]:
    table: dict[int, str] = dict(DIGIT_TABLE)
    table.update({ord(c): " " for c in _SPACES})
    for cp in range(0x41, 0x250):  # Latin, Latin-1, Latin Extended-A/B
        c = chr(cp)
        low = c.lower()
        if low != c and len(low) == 1:
            table[cp] = low
    for cp in list(range(0xFB50, 0xFE00)) + list(range(0xFE70, 0xFF00)):
        folded = unicodedata.normalize("NFKC", chr(cp))
        if len(folded) == 1 and folded != chr(cp):
            table[cp] = folded
    return table


@dataclass(frozen=True, slots=True)
class Normalizer:
    """One language's normalization: a translation table and the runs of characters to delete."""

    lang: Lang
    table: dict[int, str]  # one character for one: folds, digits, spaces, case
    fold: re.Pattern[str]  # the characters ``table`` changes
    folds: frozenset[str]  # the same characters, as strings
    runs: re.Pattern[str]  # runs of spaces and deletable characters that lose something

    def __call__(self, text: str) -> NormalizedText:
        return self.normalize(text)

    def normalize(self, text: str) -> NormalizedText:
        t = self.translate(text)
        norm_starts = [0]
        orig_starts = [0]
        pieces: list[str] = []
        pos = npos = 0
        # A run of spaces and deletable characters becomes its first space, or nothing when it
        # holds no space. ``runs`` leaves out single spaces, the commonest run by far.
        for m in self.runs.finditer(t):
            start, end = m.span()
            space = t.find(" ", start, end)
            if space > start:  # deletable characters before the space: one deletion
                pieces.append(t[pos:start])
                npos += start - pos
                pos = space
                norm_starts.append(npos)
                orig_starts.append(space)
                if end - space < 2:
                    continue  # the space ends the run: kept as it is
            keep = start if space < 0 else space + 1  # nothing, or the space
            pieces.append(t[pos:keep])
            npos += keep - pos
            pos = end
            norm_starts.append(npos)
            orig_starts.append(end)
        if pos == 0:
            return NormalizedText(t, norm_starts, orig_starts, len(text))
        pieces.append(t[pos:])
        return NormalizedText("".join(pieces), norm_starts, orig_starts, len(text))

    def translate(self, text: str) -> str:
        """Step 1 alone: ``text`` with every character of ``table`` replaced.

        Replaces each distinct character found, one ``str.replace`` each: articles hold a few
        distinct ones many times, and this is several times faster than ``re.sub`` with a
        function or ``str.translate``. A character folding to another folded one (a
        presentation form to ``ٱ``) would be folded twice that way, so such text is translated
        in one pass instead.
        """
        found = set(self.fold.findall(text))
        if not found:
            return text
        table = self.table
        folds = self.folds
        if any(table[ord(c)] in folds for c in found):
            return text.translate(table)
        for c in found:
            text = text.replace(c, table[ord(c)])
        return text

    def key(self, text: str) -> str:
        """The view of a short string (a name, a trigger), stripped: for building indexes."""
        return self.normalize(text).text.strip()


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """A view (``text``) and the offset map back to the original string."""

    text: str
    norm_starts: list[int]
    orig_starts: list[int]
    orig_len: int

    def __reduce__(self) -> tuple[Any, ...]:
        return by_constructor(self)

    def to_orig(self, i: int) -> int:
        """Index in the original of the character at view index ``i``."""
        if not 0 <= i <= len(self.text):
            raise IndexError(i)
        if i == len(self.text):
            return self.orig_len if i == 0 else self.to_orig(i - 1) + 1
        k = bisect_right(self.norm_starts, i) - 1
        return self.orig_starts[k] + i - self.norm_starts[k]

    def span_to_orig(self, start: int, end: int) -> Span:
        """The original span covering view ``[start, end)``, trimmed of deleted characters."""
        if start >= end:
            o = self.to_orig(start)
            return Span(o, o)
        if not 0 <= start < end <= len(self.text):
            raise IndexError((start, end))
        starts = self.norm_starts
        k = bisect_right(starts, start) - 1
        last = end - 1
        # the common case: both ends in one kept segment, one lookup
        if k + 1 == len(starts) or last < starts[k + 1]:
            base = self.orig_starts[k] - starts[k]
            return Span(base + start, base + end)
        return Span(self.orig_starts[k] + start - starts[k], self.to_orig(last) + 1)

    def spans_to_orig(self, spans: list[tuple[int, int]]) -> list[Span]:
        """:meth:`span_to_orig` of each of ``spans``, for many spans of one view at once (a
        span inside one kept segment is a fixed shift, computed here without a call)."""
        segs, origs = self.norm_starts, self.orig_starts
        last, n = len(segs) - 1, len(self.text)
        out = []
        for start, end in spans:
            if 0 <= start < end <= n:
                k = bisect_right(segs, start) - 1
                if k == last or end <= segs[k + 1]:
                    shift = origs[k] - segs[k]
                    out.append(Span(start + shift, end + shift))
                    continue
            out.append(self.span_to_orig(start, end))
        return out

    def to_norm(self, j: int) -> int:
        """View index of the first view character at or after original index ``j``."""
        if not 0 <= j <= self.orig_len:
            raise IndexError(j)
        k = bisect_right(self.orig_starts, j) - 1
        seg_end = self.norm_starts[k + 1] if k + 1 < len(self.norm_starts) else len(self.text)
        return self.norm_starts[k] + min(j - self.orig_starts[k], seg_end - self.norm_starts[k])


@cache
def normalizer(lang: Lang) -> Normalizer:
    """The normalizer for ``lang`` (cached; built from ``lang/<lang>/text.yaml``)."""
    profile = text_profile(lang)
    table = _base_table()
    table.update({ord(k): v for k, v in profile.letter_folds.items()})
    deletable = set(profile.deletions) | set(_INVISIBLE)
    for c in deletable:
        table.pop(ord(c), None)
    cls = "".join(re.escape(c) for c in sorted(deletable))
    # every run of spaces and deletable characters but a lone space; written to start with a
    # class, which the regex engine scans for quickly, and to look around only at spaces
    runs = re.compile(f"[ {cls}](?:(?<! )|(?=[ {cls}]))[ {cls}]*")
    fold = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(table)) + "]")
    return Normalizer(lang, table, fold, frozenset(chr(c) for c in table), runs)


def normalize(text: str, lang: Lang) -> NormalizedText:
    """The normalized view of ``text`` under ``lang``'s profile."""
    return normalizer(lang).normalize(text)
