"""The matching view: the text folded for date matching, with a map back to original offsets.

Folding rules (one character for one, so offsets do not move):
    Persian/Arabic-Indic digits -> ASCII (``rasad.text.digits``); ي ى -> ی, ك -> ک,
    ة ۀ ھ -> ه, أ إ آ ٱ -> ا, ؤ -> و; ZWNJ and exotic spaces -> a space.
Removed characters (only these change lengths): Arabic diacritics (U+064B-U+065F, U+0670),
Quranic marks (U+06D6-U+06ED), tatweel, ZWJ, bidi marks and BOM. When the text holds none of
them, which is the common case, the view is the folded text itself and offsets are identical.
Letter case is left alone (patterns match ASCII letters in either case). Folding uses chained
``str.replace``, an order of magnitude faster than ``str.translate`` on non-Latin text, and only
for characters the text holds (``in`` is a ``memchr``); an ASCII text is its own view. Marks are
looked for the same way, one character at a time, which is faster than a regex scan.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from rasad.text.digits import DIGIT_TABLE

_FOLDS: dict[str, str] = {
    "ي": "ی",
    "ى": "ی",
    "ك": "ک",
    "ة": "ه",
    "ۀ": "ه",
    "ھ": "ه",
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ؤ": "و",
    "\u200c": " ",
    "\u00a0": " ",
    "\u202f": " ",
    "\u2009": " ",
    "\u2007": " ",
}

FOLD_PAIRS: tuple[tuple[str, str], ...] = (
    *((chr(k), v) for k, v in DIGIT_TABLE.items()),
    *_FOLDS.items(),
)

_MARK_RANGES = (
    (0x064B, 0x065F),
    (0x0670, 0x0670),
    (0x06D6, 0x06ED),
    (0x0640, 0x0640),
    (0x200D, 0x200F),
    (0x061C, 0x061C),
    (0x202A, 0x202E),
    (0xFEFF, 0xFEFF),
)
MARK_CHARS: tuple[str, ...] = tuple(chr(c) for lo, hi in _MARK_RANGES for c in range(lo, hi + 1))
MARKS_RE = re.compile(f"[{''.join(MARK_CHARS)}]+")


@dataclass(frozen=True, slots=True)
class View:
    """A folded copy of a text. ``orig(i)`` maps a view offset back to the original text.

    ``kept_before`` holds, for every removed character, how many kept characters precede it;
    a view offset ``i`` then sits at original offset ``i + #(kept_before <= i)``. For a match end
    this includes marks that directly follow the match (a tanwin after ``غدا``), which keeps
    the word whole in the original text.
    """

    text: str
    kept_before: tuple[int, ...] = ()

    def orig(self, i: int) -> int:
        if not self.kept_before:
            return i
        return i + bisect_right(self.kept_before, i)


@lru_cache(maxsize=4)
def make_view(text: str) -> View:
    """Fold ``text`` into its matching view (see the module docstring for the rules). The last
    few views are cached: ``find_dates`` and ``publication_from_text`` on one article share one."""
    return _make_view(text)


def _make_view(text: str) -> View:
    if text.isascii():  # no folded character and no mark is ASCII
        return View(text)
    folded = text
    for a, b in FOLD_PAIRS:
        if a in folded:
            folded = folded.replace(a, b)
    marks = [c for c in MARK_CHARS if c in folded]
    if not marks:
        return View(folded)
    at: list[int] = []  # positions of removed characters, in ``folded``
    for c in marks:
        i = folded.find(c)
        while i != -1:
            at.append(i)
            i = folded.find(c, i + 1)
    at.sort()
    kept = tuple(p - n for n, p in enumerate(at))
    for c in marks:
        folded = folded.replace(c, "")
    return View(folded, kept)


@lru_cache(maxsize=4096)
def fold_word(word: str) -> str:
    """Fold a lexicon entry the way texts are folded, lowercased, runs of spaces made single."""
    return " ".join(_make_view(word).text.lower().split())


@lru_cache(maxsize=4096)
def key(word: str) -> str:
    """The lookup key of a folded surface: spaces removed (they are optional when matching)."""
    return "".join(fold_word(word).split())
