"""Choosing a reader for a blob of bytes and running it.

The suffix decides when it is known: ``.html .htm .xhtml`` HTML, ``.jsonl .ndjson`` JSON Lines,
``.xml .rss .atom`` feed. Otherwise (``.txt``, other suffixes, standard input) the content
decides, from a cheap ASCII view of its first bytes: a document opening with ``<rss``, ``<feed``
or ``<rdf:RDF`` is a feed, one opening like HTML (``<!doctype html``, ``<html``, or ``<head>`` /
``<body>`` early on) is HTML; for standard input and unknown suffixes (not ``.txt``) a first
non-blank line holding a JSON object means JSON Lines; everything else is plain text (or seed
text, see :mod:`rasad.ingest.seed`).

Plain text and JSON Lines are decoded with :func:`rasad.ingest.decode.decode_bytes`. HTML is
too, but when that finds no acceptable encoding the charset the page declares
(``<meta charset>``) is tried. Feeds go to feedparser as bytes (it reads the XML declaration).
"""

from __future__ import annotations

import codecs
import logging
import re
from collections.abc import Iterator, Mapping
from typing import Literal

from rasad.document import Article
from rasad.errors import Code, InputError
from rasad.ingest.decode import decode_bytes
from rasad.ingest.failure import ReadFailure
from rasad.ingest.feeds import looks_like_feed, parse_feed
from rasad.ingest.jsonl import looks_like_jsonl, read_jsonl
from rasad.ingest.seed import read_text
from rasad.ingest.webpage import looks_like_html, read_html

__all__ = ["Format", "read_bytes", "sniff_format"]

log = logging.getLogger(__name__)

Format = Literal["text", "html", "jsonl", "feed"]

_BY_SUFFIX: dict[str, Format] = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
}
_TEXT_SUFFIXES = frozenset({".txt", ".text"})
_DECLARED_CHARSET = re.compile(rb"""charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)


def _suffix(name: str) -> str:
    dot = name.rfind(".")
    return name[dot:].lower() if dot > 0 and "/" not in name[dot:] else ""


def _ascii_view(data: bytes) -> str:
    """The first bytes as text good enough to spot ASCII markup, whatever the encoding."""
    head = data[:4096]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return head.decode("utf-16", "ignore")
    if head.startswith(codecs.BOM_UTF8):
        head = head[3:]
    return head.replace(b"\x00", b"").decode("latin-1")


def sniff_format(data: bytes, name: str) -> Format:
    """The format of ``data`` read from a file called ``name`` (see module doc)."""
    suffix = _suffix(name)
    if suffix in _BY_SUFFIX:
        return _BY_SUFFIX[suffix]
    head = _ascii_view(data)
    if looks_like_feed(head):
        return "feed"
    if looks_like_html(head):
        return "html"
    return "text"


def _decode_html(data: bytes, path: str) -> tuple[str, str]:
    try:
        return decode_bytes(data, path)
    except InputError as error:
        if error.code is not Code.E003:
            raise
        declared = _DECLARED_CHARSET.search(data[:4096])
        if declared is None:
            raise
        name = declared.group(1).decode("ascii")
        try:
            return data.decode(codecs.lookup(name).name), name.lower()
        except (LookupError, UnicodeDecodeError):
            raise error from None


def read_bytes(
    data: bytes,
    *,
    name: str,
    path: str,
    headers: Mapping[str, str] | None = None,
    fmt: Format | None = None,
) -> Iterator[Article | ReadFailure]:
    """Articles (or failures) read from ``data``; never raises for bad input.

    ``name`` is the file's base name (``Article.file``), ``path`` where it came from, ``headers``
    the HTTP response headers when it was fetched; ``fmt`` forces a format (feed URLs).
    """
    fmt = fmt or sniff_format(data, name)
    try:
        if fmt == "feed":
            for item in parse_feed(data, name=name, path=path, headers=headers):
                yield item.result
            return
        if fmt == "html":
            text, encoding = _decode_html(data, path)
            yield _read_html_safely(text, name=name, path=path, encoding=encoding)
            return
        text, encoding = decode_bytes(data, path)
    except InputError as error:
        yield ReadFailure.from_error(error, file=name, path=path)
        return
    suffix = _suffix(name)
    if fmt == "jsonl" or (suffix not in _TEXT_SUFFIXES and looks_like_jsonl(text)):
        yield from read_jsonl(text, name=name, path=path, encoding=encoding)
    else:
        yield read_text(text, file=name, path=path, encoding=encoding)


def _read_html_safely(text: str, *, name: str, path: str, encoding: str) -> Article | ReadFailure:
    try:
        return read_html(text, file=name, path=path, encoding=encoding)
    except InputError as error:
        return ReadFailure.from_error(error, file=name, path=path)
    except Exception as e:  # a bug in a third-party extractor must not stop the batch
        log.exception("%s: HTML extraction failed", path)
        failure = InputError(Code.E005, path=path, detail=f"{type(e).__name__}: {e}")
        return ReadFailure.from_error(failure, file=name, path=path)
