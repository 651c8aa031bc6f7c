"""The store: where ingested articles, their annotations and failures are kept.

``open_store(url)`` accepts ``sqlite:///path.db`` (the default, embedded) and
``postgresql://user@host/db`` (through SQLAlchemy's psycopg driver, when installed).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from rasad.errors import Code, StoreError
from rasad.store.base import Store, WriteResult

if TYPE_CHECKING:
    from rasad.store.sql import SQLStore

DEFAULT_URL = "sqlite:///rasad.db"

__all__ = ["DEFAULT_URL", "SQLStore", "Store", "WriteResult", "open_store"]


def __getattr__(name: str) -> Any:
    # SQLAlchemy is imported with the first store opened, not by commands that need none
    if name == "SQLStore":
        from rasad.store.sql import SQLStore

        return SQLStore
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def open_store(url: str = DEFAULT_URL) -> SQLStore:
    """Open (and migrate) the store at ``url``."""
    from rasad.store.sql import SQLStore

    if url.startswith("sqlite:///"):
        path = url.removeprefix("sqlite:///")
        if path and path != ":memory:":
            parent = Path(path).expanduser().parent
            if not parent.exists():
                raise StoreError(Code.E031, detail=f"directory {parent} does not exist")
        return SQLStore(url)
    if url.startswith(("postgresql://", "postgresql+psycopg://")):
        return SQLStore(url.replace("postgresql://", "postgresql+psycopg://", 1))
    raise StoreError(Code.E030, url=url)
