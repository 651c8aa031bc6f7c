"""Tables of the store (SQLAlchemy Core): one definition for SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    DateTime,
    Float,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

migrations = Table(
    "schema_migrations",
    metadata,
    Column("name", String(100), primary_key=True),
    Column("applied_at", DateTime(timezone=True), nullable=False),
)

runs = Table(
    "runs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("command", String(40), nullable=False),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("finished_at", DateTime(timezone=True)),
    Column("stored", Integer, nullable=False, default=0),
    Column("unchanged", Integer, nullable=False, default=0),
    Column("failed", Integer, nullable=False, default=0),
)

articles = Table(
    "articles",
    metadata,
    Column("id", String(24), primary_key=True),
    Column("file", Text, nullable=False),
    Column("path", Text),
    Column("format", String(10), nullable=False),
    Column("encoding", String(20), nullable=False),
    Column("url", Text),
    Column("lang", String(2)),
    Column("title", Text),
    Column("outlet", Text),
    Column("published", String(10)),
    Column("published_precision", String(5)),
    Column("published_calendar", String(9)),
    Column("published_basis", String(8), nullable=False),
    Column("text", Text, nullable=False),
    Column("annotations", JSON, nullable=False),  # paragraphs, sentences, title span
    Column("metadata", JSON, nullable=False),
    Column("run_id", Integer, ForeignKey("runs.id")),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)
Index("ix_articles_published", articles.c.published)
Index("ix_articles_lang", articles.c.lang)

date_mentions = Table(
    "date_mentions",
    metadata,
    Column(
        "article_id", String(24), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    ),
    Column("start", Integer, primary_key=True),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("value", String(10), nullable=False),
    Column("precision", String(5), nullable=False),
    Column("calendar", String(9), nullable=False),
    Column("basis", String(11), nullable=False),
    Column("kind", String(20), nullable=False),
)
Index("ix_date_mentions_value", date_mentions.c.value)

entities = Table(
    "entities",
    metadata,
    Column("id", String(120), primary_key=True),
    Column("type", String(12)),
    Column("name_en", Text),
    Column("country", String(3)),
    Column("verified", Integer, nullable=False, default=1),
)

mentions = Table(
    "mentions",
    metadata,
    Column(
        "article_id", String(24), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    ),
    Column("start", Integer, primary_key=True),
    Column("end", Integer, primary_key=True),
    Column("entity_id", String(120), ForeignKey("entities.id"), primary_key=True),
    Column("text", Text, nullable=False),
    Column("kind", String(10), nullable=False),
    Column("office", String(120)),
    Column("score", Float, nullable=False),
    Column("reason", Text, nullable=False),
)
Index("ix_mentions_entity", mentions.c.entity_id)

events = Table(
    "events",
    metadata,
    Column(
        "article_id", String(24), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    ),
    Column("seq", Integer, primary_key=True),
    Column("event_key", Text, nullable=False),
    Column("type", String(10), nullable=False),
    Column("mode", String(12)),
    Column("date", String(10)),
    Column("date_precision", String(5)),
    Column("date_basis", String(11), nullable=False),
    Column("location_id", String(120)),
    Column("start", Integer, nullable=False),  # the evidence sentence
    Column("end", Integer, nullable=False),
    Column("trigger_start", Integer, nullable=False),
    Column("trigger_end", Integer, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("reason", Text, nullable=False),
)
Index("ix_events_key", events.c.event_key)
Index("ix_events_type_date", events.c.type, events.c.date)

event_participants = Table(
    "event_participants",
    metadata,
    Column("article_id", String(24), primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("entity_id", String(120), ForeignKey("entities.id"), primary_key=True),
    Column("role", String(9), nullable=False),  # actor, recipient
    ForeignKeyConstraint(
        ["article_id", "seq"], ["events.article_id", "events.seq"], ondelete="CASCADE"
    ),
)
Index("ix_event_participants_entity", event_participants.c.entity_id)

statements = Table(
    "statements",
    metadata,
    Column(
        "article_id", String(24), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    ),
    Column("seq", Integer, primary_key=True),
    Column("speaker_id", String(120), ForeignKey("entities.id"), nullable=False),
    Column("kind", String(10), nullable=False),
    Column("stance", String(8), nullable=False),
    Column("targets", Text, nullable=False),  # JSON list of entity ids
    Column("quote_start", Integer, nullable=False),
    Column("quote_end", Integer, nullable=False),
    Column("start", Integer, nullable=False),  # the sentence
    Column("end", Integer, nullable=False),
    Column("cue_start", Integer, nullable=False),
    Column("cue_end", Integer, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("reason", Text, nullable=False),
)
Index("ix_statements_speaker", statements.c.speaker_id)

fused_events = Table(
    "fused_events",
    metadata,
    Column("id", String(24), primary_key=True),
    Column("type", String(10), nullable=False),
    Column("participants", Text, nullable=False),  # entity ids, sorted, joined by "+"
    Column("date_lo", String(10)),  # the days every report allows; null for an undated one
    Column("date_hi", String(10)),
    Column("visited", Text, nullable=False),  # countries its reports give as visited, "+"
    Column("sources", Integer, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)
Index("ix_fused_events_type_dates", fused_events.c.type, fused_events.c.date_lo)

fused_blocks = Table(  # where fusion looks for the fused events a new report may join
    "fused_blocks",
    metadata,
    Column(
        "fused_id", String(24), ForeignKey("fused_events.id", ondelete="CASCADE"), primary_key=True
    ),
    Column("block", String(130), primary_key=True),  # p:<participant> or c:<country>
)
Index("ix_fused_blocks_block", fused_blocks.c.block)

fused_sources = Table(  # each event of an article belongs to exactly one fused event
    "fused_sources",
    metadata,
    Column("article_id", String(24), primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("fused_id", String(24), ForeignKey("fused_events.id"), nullable=False),
    ForeignKeyConstraint(
        ["article_id", "seq"], ["events.article_id", "events.seq"], ondelete="CASCADE"
    ),
)
Index("ix_fused_sources_fused", fused_sources.c.fused_id)

stories = Table(
    "stories",
    metadata,
    Column("id", String(24), primary_key=True),
    Column("first_date", String(10)),
    Column("last_date", String(10)),
    Column("articles", Integer, nullable=False),
    Column("events", Integer, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

story_articles = Table(
    "story_articles",
    metadata,
    Column("story_id", String(24), ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "article_id", String(24), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    ),
    Column("reason", Text, nullable=False),  # what put the article in the story
)
Index("ix_story_articles_article", story_articles.c.article_id)

lead_vectors = Table(  # multilingual-e5-small vectors of lead sentences, computed once
    "lead_vectors",
    metadata,
    Column("key", String(32), primary_key=True),  # BLAKE2b of the sentence
    Column("vector", LargeBinary, nullable=False),  # float32, unit length
)

story_events = Table(
    "story_events",
    metadata,
    Column("story_id", String(24), ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "fused_id", String(24), ForeignKey("fused_events.id", ondelete="CASCADE"), primary_key=True
    ),
)

failures = Table(
    "failures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("run_id", Integer, ForeignKey("runs.id")),
    Column("file", Text, nullable=False),
    Column("path", Text),
    Column("line", Integer),
    Column("stage", String(20), nullable=False),
    Column("code", String(8), nullable=False),
    Column("reason", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)
