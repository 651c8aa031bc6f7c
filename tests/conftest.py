"""Shared fixtures. ``../shared`` (seeds, benchmarks) sits beside the checkout; tests that read it
skip with a reason when it is absent, except in CI (``CI=true``), where its absence is an error."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from rasad.build import pure_requested, stale_extensions

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def pytest_configure(config: pytest.Config) -> None:
    stale = [] if pure_requested() else stale_extensions()
    if stale:
        names = ", ".join(str(p.relative_to(REPO)) for p in stale)
        raise pytest.UsageError(
            f"{names} changed since it was compiled, and Python would import the old build: "
            "run `make build` (or `make clean` for pure Python)"
        )


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


def postgres_admin_url() -> str:
    """The test server's URL (``RASAD_TEST_PG_URL``, set by ``scripts/with-postgres``)."""
    url = os.environ.get("RASAD_TEST_PG_URL")
    if not url:
        if os.environ.get("CI") == "true":
            pytest.fail(
                "RASAD_TEST_PG_URL is not set in CI: run the tests through scripts/with-postgres"
            )
        pytest.skip("RASAD_TEST_PG_URL is not set: no PostgreSQL server to test against")
    return url


@contextmanager
def postgres_database() -> Iterator[str]:
    """A fresh, empty database on the test server, dropped afterwards."""
    import psycopg

    admin = postgres_admin_url()
    name = "rasad_test_" + uuid.uuid4().hex[:12]
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    try:
        yield admin.rsplit("/", 1)[0] + "/" + name
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
