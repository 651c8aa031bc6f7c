"""Pickled artefacts in the cache directory: read when present and whole, written atomically.

A cache file is an optimisation only: a missing, stale, broken or unwritable one costs time,
never correctness, so reading returns None and writing gives up silently on those errors.
"""

from __future__ import annotations

import os
import pickle
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def cache_dir() -> Path:
    """``$RASAD_CACHE/rasad``, else ``$XDG_CACHE_HOME/rasad``, else ``~/.cache/rasad``."""
    base = os.environ.get("RASAD_CACHE") or os.environ.get("XDG_CACHE_HOME")
    return Path(base) / "rasad" if base else Path.home() / ".cache" / "rasad"


def read_cached(path: Path, kind: type[T]) -> T | None:
    """The object pickled at ``path`` if it is there, readable and a ``kind``; else None."""
    if not path.exists():
        return None
    try:
        with path.open("rb") as f:
            value = pickle.load(f)
    except Exception:  # a cache written by another version, or damaged: rebuild it
        return None
    return value if isinstance(value, kind) else None


def write_cached(path: Path, value: object) -> None:
    """Pickle ``value`` to ``path`` through a temporary file, so readers never see half of it."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    except OSError:
        pass
