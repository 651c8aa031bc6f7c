"""The dates capability: publication dates and date expressions in fa, ar and en.

    find_dates(text, lang, anchor)       every date expression, spans into ``text``
    publication_from_text(text, lang)    the publication date printed near the top of a page
    parse_published(value)               a metadata value (ISO 8601, RFC 822, printed forms)

Language knowledge lives in ``rasad/lang/<lang>/dates.yaml`` (``data``); the rules are in the
docstrings of ``expressions`` (date expressions), ``calendars`` (Jalali/Hijri conversion and
coarse precisions) and ``publication``.
"""

from .expressions import find_dates
from .publication import parse_published, publication_from_text

__all__ = ["find_dates", "parse_published", "publication_from_text"]
