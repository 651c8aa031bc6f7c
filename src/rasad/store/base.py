"""The store interface every backend implements (SQLite by default, PostgreSQL at scale)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from rasad.document import Document, Failure


@dataclass(frozen=True, slots=True)
class WriteResult:
    stored: int  # articles new to the store
    unchanged: int  # articles the store already held (same id)
    failed: int  # failures handed in by the caller, all recorded
    rejected: tuple[Failure, ...] = ()  # articles the database refused, recorded as failures


class Store(Protocol):
    url: str

    def start_run(self, command: str) -> int:
        """Open a run (one ``rasad ingest`` or ``watch`` poll) and return its id."""
        ...

    def write(
        self, docs: Sequence[Document], failures: Sequence[Failure], run_id: int | None
    ) -> WriteResult:
        """Store a batch in one transaction: all of it, or (on error) none of it."""
        ...

    def finish_run(self, run_id: int, totals: WriteResult) -> None: ...

    def has_article(self, article_id: str) -> bool: ...

    def article(self, article_id: str) -> dict[str, Any] | None:
        """One stored article with its annotations and date mentions, or None."""
        ...

    def failures(self, run_id: int | None = None) -> list[dict[str, Any]]: ...

    def stats(self) -> dict[str, Any]:
        """Counts by language, format, publication basis and year; failures by stage and code."""
        ...

    def refresh_stories(self, similarity: Any = "e5") -> int:
        """Re-cluster the stored articles into stories; how many there are."""
        ...

    def fused_events(self) -> Iterator[dict[str, Any]]:
        """Fused events, each with every source that reports it."""
        ...

    def stories(self) -> Iterator[dict[str, Any]]:
        """Stories, each with its articles and fused events."""
        ...

    def applied_migrations(self) -> list[str]: ...

    def close(self) -> None: ...
