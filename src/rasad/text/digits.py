"""Digits: Persian (U+06F0–U+06F9) and Arabic-Indic (U+0660–U+0669) to ASCII, one char for one."""

from __future__ import annotations

_DIGITS = {ord(c): str(i) for i, c in enumerate("۰۱۲۳۴۵۶۷۸۹")}
_DIGITS.update({ord(c): str(i) for i, c in enumerate("٠١٢٣٤٥٦٧٨٩")})
DIGIT_TABLE: dict[int, str] = _DIGITS


def fold_digits(text: str) -> str:
    """Replace Persian and Arabic-Indic digits with ASCII ones; the length never changes."""
    return text.translate(DIGIT_TABLE)
