"""``str.isalnum`` and ``str.isalpha`` of one character of a text, read by code point.

``text[i].isalpha()`` makes a one-character string first (a new object for every character
outside Latin-1: all of Persian and Arabic) and, in compiled code, calls the method generically.
Tables of the Basic Multilingual Plane, indexed by ``ord(text[i])`` (which compiled code reads
without making a string), give the same answers; characters beyond it ask ``str``.
"""

from __future__ import annotations

from typing import Final

_ALNUM: Final = bytes(chr(c).isalnum() for c in range(0x10000))
_ALPHA: Final = bytes(chr(c).isalpha() for c in range(0x10000))


def alnum(c: int) -> bool:
    """``chr(c).isalnum()``."""
    return _ALNUM[c] == 1 if c < 0x10000 else chr(c).isalnum()


def alpha(c: int) -> bool:
    """``chr(c).isalpha()``."""
    return _ALPHA[c] == 1 if c < 0x10000 else chr(c).isalpha()


def alnum_at(text: str, i: int) -> bool:
    """``text[i].isalnum()``."""
    return alnum(ord(text[i]))


def alpha_at(text: str, i: int) -> bool:
    """``text[i].isalpha()``."""
    return alpha(ord(text[i]))
