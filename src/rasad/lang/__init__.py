"""Per-language data (YAML), one folder per language: ``fa``, ``ar``, ``en``.

Code never hard-codes language knowledge; it reads these files through :func:`load_yaml`, which
checks the language, the file's presence and that it parses to a mapping. Each consumer then
validates its own keys strictly (unknown keys are errors).
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from rasad.document import LANGS
from rasad.errors import Code, DataError

LANG_DIR = Path(__file__).parent
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml where PyYAML has it


def lang_path(lang: str, name: str) -> Path:
    if lang not in LANGS:
        raise DataError(Code.E021, lang=lang)
    return LANG_DIR / lang / f"{name}.yaml"


@cache
def load_yaml(lang: str, name: str) -> dict[str, Any]:
    """The parsed mapping in ``lang/<lang>/<name>.yaml`` (cached: the files are read-only)."""
    path = lang_path(lang, name)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_SafeLoader)
    except (OSError, yaml.YAMLError) as e:
        raise DataError(Code.E020, path=path, detail=str(e)) from e
    if not isinstance(data, dict):
        raise DataError(Code.E020, path=path, detail="top level must be a mapping")
    return data


def check_keys(
    data: dict[str, Any],
    *,
    required: AbstractSet[str],
    optional: AbstractSet[str] = frozenset(),
    where: object,
) -> None:
    """Raise :class:`DataError` on a missing or unknown key."""
    missing = required - data.keys()
    unknown = data.keys() - required - optional
    if missing:
        raise DataError(Code.E020, path=where, detail=f"missing keys {sorted(missing)}")
    if unknown:
        raise DataError(Code.E020, path=where, detail=f"unknown keys {sorted(unknown)}")
