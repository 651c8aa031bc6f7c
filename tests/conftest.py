"""Shared fixtures. ``../shared`` (seeds, benchmarks) sits beside the checkout; tests that read it
skip with a reason when it is absent, except in CI (``CI=true``), where its absence is an error."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def shared_path(*parts: str) -> Path:
    """A path under ``../shared``; skip the test when it is absent outside CI."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{path} is absent in CI")
        pytest.skip(f"{path} is absent: ../shared is not beside this checkout")
    return path


@pytest.fixture
def seeds_dir() -> Path:
    return shared_path("seeds", "texts")


@pytest.fixture
def seeds_gold() -> Path:
    return shared_path("seeds", "gold.jsonl")
