"""Fixtures for the reader tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.ingest.ingest_http import FeedServer, serve


@pytest.fixture
def feed_server() -> Iterator[FeedServer]:
    """A real HTTP server on 127.0.0.1 (port 0) whose routes tests set and change."""
    yield from serve()
