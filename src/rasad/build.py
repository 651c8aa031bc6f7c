"""Which build of rasad is running: the hot path compiled with mypyc, or pure Python.

``setup.py`` compiles the modules every article passes through into C extensions that sit
beside their ``.py`` files; Python imports the extension when there is one. The same files run
either way, so a pure-Python install gives the same output, only slower.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
from pathlib import Path

PROBE = "rasad.text.normalize"  # a module setup.py always compiles


def compiled() -> bool:
    """True when the hot path runs as compiled extensions."""
    spec = importlib.util.find_spec(PROBE)
    origin = spec.origin if spec is not None else None
    return origin is not None and origin.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES))


def describe() -> str:
    """``compiled (mypyc)`` or ``pure Python``: for ``rasad --version`` and benchmark reports."""
    return "compiled (mypyc)" if compiled() else "pure Python"


def stale_extensions(root: Path | None = None) -> list[Path]:
    """Source files changed since their extension was built (editable installs only).

    Python imports the extension, not the ``.py`` beside it, so an edit to a compiled module
    does nothing until it is built again (``make build``).
    """
    root = root or Path(__file__).parent
    stale = []
    for suffix in importlib.machinery.EXTENSION_SUFFIXES:
        for ext in root.rglob(f"*{suffix}"):
            source = ext.with_name(ext.name[: -len(suffix)] + ".py")
            if source.exists() and source.stat().st_mtime > ext.stat().st_mtime:
                stale.append(source)
    return sorted(set(stale))
