"""Expanding the inputs a user names into the sources to read.

- ``-`` is standard input (read once, however often it is named).
- ``http://`` / ``https://`` URLs are feeds to fetch.
- A directory is walked recursively, in sorted order (by path components); hidden files and
  hidden directories (names starting with ``.``) are skipped, and only files with a readable
  suffix (``.txt .text .html .htm .xhtml .jsonl .ndjson .xml .rss .atom``) or no suffix are
  taken. A file named explicitly (or matched by a glob) is read whatever its suffix.
- A name with ``*``, ``?`` or ``[`` that is not an existing path is a glob (``**`` recursive;
  hidden names are not matched); matches come sorted.
- The same file named twice (also through a symlink) is read once.
- A path that does not exist, or a glob that matches nothing, is one E001 failure.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from rasad.errors import Code
from rasad.ingest.failure import ReadFailure

__all__ = ["DIRECTORY_SUFFIXES", "Source", "expand_inputs"]

DIRECTORY_SUFFIXES = frozenset(
    {".txt", ".text", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson", ".xml", ".rss", ".atom"}
)
STDIN = "-"


@dataclass(frozen=True)
class Source:
    """One thing to read: a file path, standard input (``"-"``) or a feed URL."""

    kind: Literal["file", "stdin", "url"]
    path: str

    @property
    def name(self) -> str:
        """What ``Article.file`` starts with: the file's base name, ``<stdin>`` or the URL."""
        if self.kind == "file":
            return os.path.basename(self.path)
        return "<stdin>" if self.kind == "stdin" else self.path


def is_url(value: str) -> bool:
    return value[:8].lower().startswith(("http://", "https://"))


def _hidden(name: str) -> bool:
    return name.startswith(".")


def _walk(top: str) -> list[str]:
    found: list[tuple[tuple[str, ...], str]] = []
    for root, dirs, files in os.walk(top):
        dirs[:] = [d for d in dirs if not _hidden(d)]
        rel = os.path.relpath(root, top)
        parts = () if rel == os.curdir else tuple(rel.split(os.sep))
        for f in files:
            suffix = os.path.splitext(f)[1].lower()
            if _hidden(f) or (suffix and suffix not in DIRECTORY_SUFFIXES):
                continue
            found.append(((*parts, f), os.path.join(root, f)))
    return [path for _, path in sorted(found)]


def _expand_one(item: str) -> Iterator[Source | ReadFailure]:
    if item == STDIN:
        yield Source("stdin", STDIN)
    elif is_url(item):
        yield Source("url", item)
    elif os.path.isdir(item):
        for path in _walk(item):
            yield Source("file", path)
    elif os.path.exists(item):
        yield Source("file", item)
    elif any(ch in item for ch in "*?["):
        matches = sorted(glob.glob(item, recursive=True))
        if not matches:
            yield ReadFailure.of(Code.E001, file=item, path=item)
        for match in matches:
            if os.path.isdir(match):
                yield from (Source("file", path) for path in _walk(match))
            else:
                yield Source("file", match)
    else:
        yield ReadFailure.of(Code.E001, file=os.path.basename(item) or item, path=item)


def expand_inputs(inputs: Sequence[str]) -> Iterator[Source | ReadFailure]:
    """The sources named by ``inputs``, in order, each once (see module doc)."""
    seen: set[str] = set()
    for item in inputs:
        for source in _expand_one(item):
            if isinstance(source, Source):
                key = os.path.realpath(source.path) if source.kind == "file" else source.path
                if key in seen:
                    continue
                seen.add(key)
            yield source
