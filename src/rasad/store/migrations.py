"""Named schema migrations, applied in order, each in its own transaction, recorded by name."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, inspect, select

from rasad.store import schema

Migration = tuple[str, Callable[[Connection], None]]


def _initial(conn: Connection) -> None:
    tables = [schema.runs, schema.articles, schema.date_mentions, schema.failures]
    schema.metadata.create_all(conn, tables=tables)


def _mentions(conn: Connection) -> None:
    schema.metadata.create_all(conn, tables=[schema.entities, schema.mentions])


def _events(conn: Connection) -> None:
    tables = [schema.events, schema.event_participants, schema.statements]
    schema.metadata.create_all(conn, tables=tables)


def _fusion(conn: Connection) -> None:
    tables = [
        schema.fused_events,
        schema.fused_blocks,
        schema.fused_sources,
        schema.stories,
        schema.story_articles,
        schema.story_events,
        schema.lead_vectors,
    ]
    schema.metadata.create_all(conn, tables=tables)


MIGRATIONS: list[Migration] = [
    ("0001_initial", _initial),
    ("0002_entities_and_mentions", _mentions),
    ("0003_events_and_statements", _events),
    ("0004_fusion_and_stories", _fusion),
]


def migrate(engine: Engine) -> list[str]:
    """Apply the migrations not yet recorded; return the names applied now."""
    with engine.begin() as conn:
        if not inspect(conn).has_table(schema.migrations.name):
            schema.metadata.create_all(conn, tables=[schema.migrations])
    applied_now = []
    for name, apply in MIGRATIONS:
        with engine.begin() as conn:
            done = conn.execute(
                select(schema.migrations.c.name).where(schema.migrations.c.name == name)
            ).first()
            if done:
                continue
            apply(conn)
            conn.execute(schema.migrations.insert().values(name=name, applied_at=datetime.now(UTC)))
            applied_now.append(name)
    return applied_now
