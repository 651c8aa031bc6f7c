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
import stat
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
    elif (mode := _mode(item)) is not None and stat.S_ISDIR(mode):
        for path in _walk(item):
            yield Source("file", path)
    elif mode is not None:
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


def _mode(path: str) -> int | None:
    """``st_mode`` of ``path`` (symlinks followed), None where ``os.path.exists`` is False."""
    try:
        return os.stat(path).st_mode
    except (OSError, ValueError):
        return None


def _real_path(path: str, real_dirs: dict[str, str]) -> str:
    """``os.path.realpath(path)`` for a file, resolving each directory once (``real_dirs``):
    a name that is not itself a symlink resolves to its resolved directory joined with it."""
    head, tail = os.path.split(path)
    if tail in ("", os.curdir, os.pardir) or os.path.islink(path):
        return os.path.realpath(path)
    real = real_dirs.get(head)
    if real is None:
        real = real_dirs[head] = os.path.realpath(head or os.curdir)
    return os.path.join(real, tail)


def expand_inputs(inputs: Sequence[str]) -> Iterator[Source | ReadFailure]:
    """The sources named by ``inputs``, in order, each once (see module doc)."""
    seen: set[str] = set()
    real_dirs: dict[str, str] = {}
    for item in inputs:
        for source in _expand_one(item):
            if isinstance(source, Source):
                key = _real_path(source.path, real_dirs) if source.kind == "file" else source.path
                if key in seen:
                    continue
                seen.add(key)
            yield source
