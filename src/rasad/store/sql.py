"""The SQL store: SQLAlchemy Core over SQLite (default) or PostgreSQL."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, create_engine, event, func, select
from sqlalchemy.exc import InterfaceError, OperationalError, SQLAlchemyError

from rasad.document import Document, Failure
from rasad.errors import Code, StoreError
from rasad.store import schema
from rasad.store.base import WriteResult
from rasad.store.fusion import fuse, fused_event_records, refresh_stories, story_records
from rasad.store.migrations import migrate


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def document_id(doc: Document) -> str:
    return doc.id


def _article_row(doc: Document, run_id: int | None, now: datetime) -> dict[str, Any]:
    art, pub = doc.article, doc.publication
    return {
        "id": doc.id,
        "file": art.file,
        "path": art.path,
        "format": art.format,
        "encoding": art.encoding,
        "url": art.url,
        "lang": doc.lang,
        "title": doc.title,
        "outlet": doc.outlet,
        "published": pub.date.value if pub.date else None,
        "published_precision": pub.date.precision if pub.date else None,
        "published_calendar": pub.date.calendar if pub.date else None,
        "published_basis": pub.basis,
        "text": art.text,
        "annotations": {
            "paragraphs": [[p.span.start, p.span.end, p.lang] for p in doc.paragraphs],
            "sentences": [[s.start, s.end] for s in doc.sentences],
            "title_span": [doc.title_span.start, doc.title_span.end] if doc.title_span else None,
            "publication_span": [pub.span.start, pub.span.end] if pub.span else None,
        },
        "metadata": art.metadata,
        "run_id": run_id,
        "ingested_at": now,
    }


def _date_rows(aid: str, doc: Document) -> list[dict[str, Any]]:
    rows: dict[int, dict[str, Any]] = {}
    for m in doc.dates:
        rows.setdefault(
            m.span.start,
            {
                "article_id": aid,
                "start": m.span.start,
                "end": m.span.end,
                "text": m.text,
                "value": m.date.value,
                "precision": m.date.precision,
                "calendar": m.date.calendar,
                "basis": m.date.basis,
                "kind": m.kind,
            },
        )
    return list(rows.values())


def _event_rows(aid: str, doc: Document) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    events, parts = [], []
    for seq, ev in enumerate(doc.events):
        events.append(
            {
                "article_id": aid,
                "seq": seq,
                "event_key": ev.key,
                "type": ev.type,
                "mode": ev.mode,
                "date": ev.date.value if ev.date else None,
                "date_precision": ev.date.precision if ev.date else None,
                "date_basis": ev.date_basis,
                "location_id": ev.location,
                "start": ev.span.start,
                "end": ev.span.end,
                "trigger_start": ev.trigger.start,
                "trigger_end": ev.trigger.end,
                "confidence": ev.confidence,
                "reason": ev.reason,
            }
        )
        for entity in ev.participants:
            role = "recipient" if entity in ev.recipient else "actor"
            parts.append({"article_id": aid, "seq": seq, "entity_id": entity, "role": role})
    return events, parts


def _statement_rows(aid: str, doc: Document) -> list[dict[str, Any]]:
    return [
        {
            "article_id": aid,
            "seq": seq,
            "speaker_id": st.speaker,
            "kind": st.kind,
            "stance": st.stance,
            "targets": json.dumps(list(st.targets)),
            "quote_start": st.quote.start,
            "quote_end": st.quote.end,
            "start": st.span.start,
            "end": st.span.end,
            "cue_start": st.cue.start,
            "cue_end": st.cue.end,
            "confidence": st.confidence,
            "reason": st.reason,
        }
        for seq, st in enumerate(doc.statements)
    ]


def _first_line(e: BaseException) -> str:
    return str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__


def _link_rows(aid: str, doc: Document) -> list[dict[str, Any]]:
    rows: dict[tuple[int, int, str], dict[str, Any]] = {}
    for link in doc.links:
        rows.setdefault(
            (link.span.start, link.span.end, link.entity),
            {
                "article_id": aid,
                "start": link.span.start,
                "end": link.span.end,
                "entity_id": link.entity,
                "text": link.text,
                "kind": link.kind,
                "office": link.office,
                "score": link.score,
                "reason": link.reason,
            },
        )
    return list(rows.values())


class SQLStore:
    """A store in one SQL database; writes go through one connection at a time."""

    def __init__(self, url: str, engine: Engine | None = None) -> None:
        self.url = url
        try:
            self.engine = engine or create_engine(url)
            if self.engine.dialect.name == "sqlite":
                event.listen(self.engine, "connect", _sqlite_pragmas)
            self.migrations_applied = migrate(self.engine)
        except SQLAlchemyError as e:
            raise StoreError(Code.E031, detail=_first_line(e)) from e

    def start_run(self, command: str) -> int:
        with self.engine.begin() as conn:
            result = conn.execute(
                schema.runs.insert().values(
                    command=command, started_at=datetime.now(UTC), stored=0, unchanged=0, failed=0
                )
            )
            key = result.inserted_primary_key
            assert key is not None
            return int(key[0])

    def finish_run(self, run_id: int, totals: WriteResult) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                schema.runs.update()
                .where(schema.runs.c.id == run_id)
                .values(
                    finished_at=datetime.now(UTC),
                    stored=totals.stored,
                    unchanged=totals.unchanged,
                    failed=totals.failed,
                )
            )

    def write(
        self, docs: Sequence[Document], failures: Sequence[Failure], run_id: int | None
    ) -> WriteResult:
        """Store a batch in one transaction.

        When the database refuses the batch because of one article's data (a constraint, a
        value the backend cannot hold, such as a NUL character in PostgreSQL text), each article
        is retried in a transaction of its own and those it still refuses are recorded as
        failures at stage ``store``. An operational error (disk, connection) rolls the whole
        batch back and raises :class:`StoreError`.
        """
        batch: dict[str, Document] = {}
        for doc in docs:
            batch.setdefault(document_id(doc), doc)
        try:
            stored = self._write(batch, failures, run_id)
            return WriteResult(stored, len(docs) - stored, len(failures))
        except (OperationalError, InterfaceError) as e:
            raise StoreError(Code.E031, detail=_first_line(e)) from e
        except SQLAlchemyError as e:
            if len(batch) <= 1 and not failures:
                raise StoreError(Code.E031, detail=_first_line(e)) from e
        stored = 0
        rejected: list[Failure] = []
        for aid, doc in batch.items():
            try:
                stored += self._write({aid: doc}, (), run_id)
            except (OperationalError, InterfaceError) as e:
                raise StoreError(Code.E031, detail=_first_line(e)) from e
            except SQLAlchemyError as e:
                art = doc.article
                reason = Code.E031.message(detail=_first_line(e))
                rejected.append(Failure(art.file, art.path, "store", "E031", reason))
        try:
            self._write({}, [*failures, *rejected], run_id)
        except SQLAlchemyError as e:
            raise StoreError(Code.E031, detail=_first_line(e)) from e
        unchanged = len(docs) - stored - len(rejected)
        return WriteResult(stored, unchanged, len(failures), tuple(rejected))

    def _write(
        self, batch: dict[str, Document], failures: Sequence[Failure], run_id: int | None
    ) -> int:
        """Insert the articles of ``batch`` not yet stored, and ``failures``; return how many."""
        now = datetime.now(UTC)
        with self.engine.begin() as conn:
            existing: set[str] = set()
            ids = list(batch)
            for i in range(0, len(ids), 500):
                chunk = ids[i : i + 500]
                existing.update(
                    conn.execute(
                        select(schema.articles.c.id).where(schema.articles.c.id.in_(chunk))
                    ).scalars()
                )
            new = {aid: d for aid, d in batch.items() if aid not in existing}
            if new:
                conn.execute(
                    schema.articles.insert(),
                    [_article_row(d, run_id, now) for d in new.values()],
                )
                dates = [row for aid, d in new.items() for row in _date_rows(aid, d)]
                if dates:
                    conn.execute(schema.date_mentions.insert(), dates)
                links = [row for aid, d in new.items() for row in _link_rows(aid, d)]
                events: list[dict[str, Any]] = []
                parts: list[dict[str, Any]] = []
                for aid, d in new.items():
                    ev_rows, part_rows = _event_rows(aid, d)
                    events.extend(ev_rows)
                    parts.extend(part_rows)
                said = [row for aid, d in new.items() for row in _statement_rows(aid, d)]
                referred: set[str] = {row["entity_id"] for row in links}
                referred |= {row["entity_id"] for row in parts}
                referred |= {row["speaker_id"] for row in said}
                if referred:
                    new_entities = {k: v for d in new.values() for k, v in d.new_entities.items()}
                    self._ensure_entities(conn, referred, new_entities)
                if links:
                    conn.execute(schema.mentions.insert(), links)
                if events:
                    conn.execute(schema.events.insert(), events)
                    conn.execute(schema.event_participants.insert(), parts)
                    fuse(conn, new, now)
                if said:
                    conn.execute(schema.statements.insert(), said)
            if failures:
                conn.execute(
                    schema.failures.insert(),
                    [{**f.to_json(), "run_id": run_id, "created_at": now} for f in failures],
                )
        return len(new)

    def _ensure_entities(self, conn: Any, ids: set[str], new: dict[str, Any]) -> None:
        """Insert the entities ``ids`` the store does not hold yet (from the knowledge base)."""
        from rasad.kb.loader import default_kb

        have = set(
            conn.execute(
                select(schema.entities.c.id).where(schema.entities.c.id.in_(sorted(ids)))
            ).scalars()
        )
        kb = default_kb()
        rows = []
        for eid in sorted(ids - have):
            entity = kb.entities.get(eid)
            if entity is not None:
                row = {
                    "id": eid,
                    "type": entity.type,
                    "name_en": entity.name_en,
                    "country": entity.country,
                    "verified": int(entity.verified),
                }
            else:  # found in text, absent from the knowledge base: unverified
                found = new.get(eid)
                row = {
                    "id": eid,
                    "type": getattr(found, "type", None),
                    "name_en": getattr(found, "name_en", None),
                    "country": getattr(found, "country", None),
                    "verified": 0,
                }
            rows.append(row)
        if rows:
            conn.execute(schema.entities.insert(), rows)

    def has_article(self, article_id: str) -> bool:
        with self.engine.connect() as conn:
            q = select(schema.articles.c.id).where(schema.articles.c.id == article_id)
            return conn.execute(q).first() is not None

    def article(self, article_id: str) -> dict[str, Any] | None:
        with self.engine.connect() as conn:
            row = (
                conn.execute(select(schema.articles).where(schema.articles.c.id == article_id))
                .mappings()
                .first()
            )
            if row is None:
                return None
            dates = conn.execute(
                select(schema.date_mentions)
                .where(schema.date_mentions.c.article_id == article_id)
                .order_by(schema.date_mentions.c.start)
            ).mappings()
            return {**dict(row), "dates": [dict(d) for d in dates]}

    def failures(self, run_id: int | None = None) -> list[dict[str, Any]]:
        q = select(schema.failures).order_by(schema.failures.c.id)
        if run_id is not None:
            q = q.where(schema.failures.c.run_id == run_id)
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(q).mappings()]

    def stats(self) -> dict[str, Any]:
        a, f = schema.articles, schema.failures

        def grouped(conn: Any, column: Any, table: Any = a) -> dict[str, int]:
            q = select(column, func.count()).select_from(table).group_by(column).order_by(column)
            return {str(k): int(n) for k, n in conn.execute(q)}

        with self.engine.connect() as conn:
            return {
                "articles": conn.execute(select(func.count()).select_from(a)).scalar_one(),
                "by_lang": grouped(conn, a.c.lang),
                "by_format": grouped(conn, a.c.format),
                "by_published_basis": grouped(conn, a.c.published_basis),
                "by_year": grouped(conn, func.substr(a.c.published, 1, 4)),
                "date_mentions": conn.execute(
                    select(func.count()).select_from(schema.date_mentions)
                ).scalar_one(),
                "mentions": conn.execute(
                    select(func.count()).select_from(schema.mentions)
                ).scalar_one(),
                "entities": conn.execute(
                    select(func.count()).select_from(schema.entities)
                ).scalar_one(),
                "events": conn.execute(
                    select(func.count()).select_from(schema.events)
                ).scalar_one(),
                "events_by_type": grouped(conn, schema.events.c.type, schema.events),
                "statements": conn.execute(
                    select(func.count()).select_from(schema.statements)
                ).scalar_one(),
                "fused_events": conn.execute(
                    select(func.count()).select_from(schema.fused_events)
                ).scalar_one(),
                "stories": conn.execute(
                    select(func.count()).select_from(schema.stories)
                ).scalar_one(),
                "failures": conn.execute(select(func.count()).select_from(f)).scalar_one(),
                "failures_by_stage": grouped(conn, f.c.stage, f),
                "failures_by_code": grouped(conn, f.c.code, f),
                "runs": conn.execute(select(func.count()).select_from(schema.runs)).scalar_one(),
            }

    def refresh_stories(self, similarity: Any = "e5") -> int:
        """Re-cluster every stored article into stories in one transaction; how many stories.

        ``similarity`` scores lead sentences (default: multilingual-e5-small); None joins
        articles without events on shared names alone."""
        try:
            with self.engine.begin() as conn:
                return refresh_stories(conn, datetime.now(UTC), similarity)
        except SQLAlchemyError as e:
            raise StoreError(Code.E031, detail=_first_line(e)) from e

    def fused_events(self) -> Iterator[dict[str, Any]]:
        """Fused events with their sources (``rasad export events``)."""
        with self.engine.connect() as conn:
            yield from fused_event_records(conn)

    def stories(self) -> Iterator[dict[str, Any]]:
        """Stories with their articles and events (``rasad export stories``)."""
        with self.engine.connect() as conn:
            yield from story_records(conn)

    def applied_migrations(self) -> list[str]:
        with self.engine.connect() as conn:
            q = select(schema.migrations.c.name).order_by(schema.migrations.c.name)
            return list(conn.execute(q).scalars())

    def close(self) -> None:
        self.engine.dispose()
