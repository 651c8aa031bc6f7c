"""``read_inputs``: every named input, as a stream of articles and failures.

See :mod:`rasad.ingest.sources` for how inputs expand and :mod:`rasad.ingest.formats` for how a
reader is chosen. Nothing here raises for bad input: a missing path, an unreadable file, a bad
JSON line, a broken feed or a feed URL that does not answer each become one ``ReadFailure`` and
reading goes on.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator, Sequence
from typing import BinaryIO

from rasad.document import Article
from rasad.errors import Code
from rasad.ingest.failure import ReadFailure
from rasad.ingest.fetch import Fetcher, urllib_fetch
from rasad.ingest.formats import read_bytes
from rasad.ingest.sources import Source, expand_inputs

__all__ = ["read_inputs"]

log = logging.getLogger(__name__)


def _read_file(source: Source) -> Iterator[Article | ReadFailure]:
    try:
        with open(source.path, "rb") as f:
            data = f.read()
    except FileNotFoundError:
        yield ReadFailure.of(Code.E001, file=source.name, path=source.path)
        return
    except OSError as e:
        reason = e.strerror or type(e).__name__
        yield ReadFailure.of(Code.E011, file=source.name, path=source.path, detail=reason)
        return
    yield from read_bytes(data, name=source.name, path=source.path)


def _read_url(source: Source, fetch: Fetcher) -> Iterator[Article | ReadFailure]:
    try:
        response = fetch(source.path, {})
    except Exception as e:  # any transport failure is this feed's failure, not the batch's
        log.warning("cannot fetch %s: %s", source.path, e)
        detail = f"{type(e).__name__}: {e}"
        yield ReadFailure.of(Code.E009, file=source.name, path=source.path, detail=detail)
        return
    if not 200 <= response.status < 300:
        detail = f"HTTP status {response.status}"
        yield ReadFailure.of(Code.E009, file=source.name, path=source.path, detail=detail)
        return
    yield from read_bytes(
        response.body, name=source.name, path=source.path, headers=response.headers, fmt="feed"
    )


def read_inputs(
    inputs: Sequence[str], *, stdin: BinaryIO | None = None, fetch: Fetcher | None = None
) -> Iterator[Article | ReadFailure]:
    """Read files, directories, globs, ``-`` (standard input, bytes) and feed URLs, in order.

    ``stdin`` defaults to ``sys.stdin.buffer``; ``fetch`` to :func:`urllib_fetch`.
    """
    for source in expand_inputs(inputs):
        if isinstance(source, ReadFailure):
            yield source
        else:
            yield from read_source(source, stdin=stdin, fetch=fetch)


def read_source(
    source: Source, *, stdin: BinaryIO | None = None, fetch: Fetcher | None = None
) -> Iterator[Article | ReadFailure]:
    """The articles (or failures) of one expanded input: a file, standard input or a URL."""
    if source.kind == "url":
        yield from _read_url(source, fetch or urllib_fetch)
    elif source.kind == "stdin":
        stream = stdin if stdin is not None else sys.stdin.buffer
        yield from read_bytes(stream.read(), name=source.name, path=source.path)
    else:
        yield from _read_file(source)
