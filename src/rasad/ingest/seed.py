"""Plain text and the seed format.

A seed file is plain text whose first line starts with the crawler header
`` date YYYY-MM-DD`` (one leading space), optionally followed by a URL (``http://`` or
``https://``, up to the next whitespace); the body may follow on the same line::

     date 2026-01-20 https://example.ir/news/123
     date 2026-01-20 Ali Akbar Velayati, Adviser to the Leader, ...

The header becomes ``Article.header`` (date, URL, and a span from offset 0 over the date and,
when present, the URL; never over body text) and ``Article.url``. The date must be a real
calendar date; otherwise the file is plain text. ``Article.text`` is always the whole decoded
file, header included, so every offset indexes into what was read. ``Article.published`` stays
``None`` for seed files: the header date is in ``Article.header.date`` and its basis is
"header", not source metadata.
"""

from __future__ import annotations

import datetime as dt
import re

from rasad.document import Article, SeedHeader, Span

__all__ = ["parse_seed_header", "read_text"]

_HEADER = re.compile(r" date ([0-9]{4}-[0-9]{2}-[0-9]{2})(?=\s|$)(?:[ \t]+(https?://\S+))?")


def parse_seed_header(text: str) -> SeedHeader | None:
    """The seed header at the start of ``text``, or ``None``."""
    if not text.startswith(" date "):
        return None
    m = _HEADER.match(text)
    if m is None:
        return None
    try:
        dt.date.fromisoformat(m.group(1))
    except ValueError:
        return None
    return SeedHeader(date=m.group(1), url=m.group(2), span=Span(0, m.end()))


def read_text(text: str, *, file: str, path: str | None, encoding: str) -> Article:
    """An ``Article`` for decoded plain text: format "seed" when it has a header, else "text"."""
    header = parse_seed_header(text)
    if header is None:
        return Article(text=text, file=file, format="text", path=path, encoding=encoding)
    return Article(
        text=text,
        file=file,
        format="seed",
        path=path,
        encoding=encoding,
        url=header.url,
        header=header,
    )
