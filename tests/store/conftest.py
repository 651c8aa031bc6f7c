"""Store fixtures: every store test runs on SQLite and on a real PostgreSQL server.

PostgreSQL comes from ``RASAD_TEST_PG_URL`` (``scripts/with-postgres`` starts a throwaway server
and sets it; ``make test`` uses it). Without it the PostgreSQL cases skip, except in CI.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from rasad.store import open_store
from tests.conftest import postgres_database


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'rasad.db'}"
        return
    with postgres_database() as url:
        yield url


@pytest.fixture
def store(store_url):
    """An open store on each backend, closed afterwards."""
    s = open_store(store_url)
    yield s
    s.close()
