"""Which build of rasad is running: the hot path compiled with mypyc, or pure Python.

``setup.py`` compiles the modules every article passes through into C extensions that sit
beside their ``.py`` files; Python imports the extension when there is one. The same files run
either way, so a pure-Python install gives the same output, only slower.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import importlib.util
import os
import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from pathlib import Path
from types import ModuleType

PROBE = "rasad.text.normalize"  # a module setup.py always compiles
PURE_ENV = "RASAD_PURE"  # "1": run the .py files even where extensions are installed


class _SourceFirst(importlib.abc.MetaPathFinder):
    """Finds rasad's modules as source files, passing over compiled extensions beside them."""

    _loader = (importlib.machinery.SourceFileLoader, importlib.machinery.SOURCE_SUFFIXES)

    def find_spec(
        self, name: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if not name.startswith("rasad.") or not path:
            return None
        for entry in path:
            spec = importlib.machinery.FileFinder(entry, self._loader).find_spec(name)
            if spec is not None and spec.origin is not None and spec.origin.endswith(".py"):
                return spec
        return None


def prefer_source() -> None:
    """Import rasad's modules from their ``.py`` files from now on (``RASAD_PURE=1``).

    For coverage (which cannot trace compiled code) and debugging with an installed compiled
    build; modules already imported stay as they are.
    """
    if not any(isinstance(f, _SourceFirst) for f in sys.meta_path):
        sys.meta_path.insert(0, _SourceFirst())


def pure_requested() -> bool:
    return os.environ.get(PURE_ENV) == "1"


def compiled() -> bool:
    """True when the hot path runs as compiled extensions."""
    spec = importlib.util.find_spec(PROBE)
    origin = spec.origin if spec is not None else None
    return origin is not None and origin.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES))


def describe() -> str:
    """``compiled (mypyc)`` or ``pure Python``: for ``rasad --version`` and benchmark reports.

    With ``RASAD_PURE=1`` a compiled install runs (and is described) as pure Python."""
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
