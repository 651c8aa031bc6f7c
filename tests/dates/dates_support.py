"""Shared helpers for the dates tests (imported by name: pytest puts this folder on sys.path)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from rasad.document import DateValue

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
ANCHOR = DateValue("2024-09-19", "day")  # a Thursday


def shared_dir() -> Path:
    """``../shared`` next to the checkout; skipped when absent, except in CI."""
    if not SHARED.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail("../shared is absent (required in CI)")
        pytest.skip("../shared is absent")
    return SHARED
