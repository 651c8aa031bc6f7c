from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rasad.batch import ingest, run_one
from rasad.document import Article, Failure
from rasad.errors import StoreError
from rasad.pipeline import default_pipeline
from rasad.store import open_store
from rasad.store import sql as sql_mod

PIPE = default_pipeline()

FA = "سفر وزیر خارجه به بغداد\n\nبه گزارش ایرنا، وزیر امور خارجه ایران دیروز وارد بغداد شد و با همتای عراقی خود دیدار کرد."
AR = "تاريخ النشر: 19 أيلول 2024\nبغداد/ المسلة- التقى رئيس الوزراء يوم الثلاثاء الماضي وزير الخارجية الإيراني."
EN = " date 2026-01-20 https://example.org/news/1\nIran and Iraq discuss border\n\nThe two ministers met yesterday in Baghdad."


def doc(text: str, file: str = "a.txt", url: str | None = None):
    result = run_one(PIPE, Article(text=text, file=file, format="text", url=url))
    assert not isinstance(result, Failure), result
    return result


def test_migrations_recorded_once(store_url):
    url = store_url
    first = open_store(url)
    names = [
        "0001_initial",
        "0002_entities_and_mentions",
        "0003_events_and_statements",
        "0004_fusion_and_stories",
    ]
    assert first.migrations_applied == names
    assert first.applied_migrations() == names
    first.close()
    again = open_store(url)
    assert again.migrations_applied == []
    again.close()


def test_write_is_idempotent(store):
    docs = [doc(FA, "fa.txt"), doc(AR, "ar.txt"), doc(EN, "en.txt")]
    run = store.start_run("test")
    assert store.write(docs, [], run).stored == 3
    again = store.write(docs, [], run)
    assert (again.stored, again.unchanged) == (0, 3)
    stats = store.stats()
    assert stats["articles"] == 3
    assert stats["by_lang"] == {"ar": 1, "en": 1, "fa": 1}


def test_same_url_is_one_article(store):
    a = doc("Text one about Iraq and Iran talks.", "1.txt", "https://Example.org/a/?utm_source=x")
    b = doc("Text two, edited, about Iraq and Iran.", "2.txt", "https://example.org/a")
    assert store.write([a, b], [], None).stored == 1


def test_article_round_trip_with_dates(store):
    d = doc(AR, "ar.txt")
    store.write([d], [], None)
    row = store.article(sql_mod.document_id(d))
    assert row is not None
    assert row["text"] == AR
    assert row["published"] == "2024-09-19"
    assert row["published_basis"] == "text"
    values = {m["value"] for m in row["dates"]}
    assert "2024-09-17" in values  # يوم الثلاثاء الماضي


def test_failures_recorded_with_stage_and_reason(store):
    run = store.start_run("test")
    f = Failure("bad.bin", "/x/bad.bin", "read", "E004", "binary data", None)
    result = store.write([], [f], run)
    assert result.failed == 1
    (row,) = store.failures(run)
    assert (row["file"], row["stage"], row["code"], row["reason"]) == (
        "bad.bin",
        "read",
        "E004",
        "binary data",
    )


def test_batch_is_all_or_nothing(store, monkeypatch):
    good = [doc(FA, "fa.txt"), doc(EN, "en.txt")]

    def boom(aid, d):
        raise sql_mod.OperationalError("INSERT", {}, Exception("disk I/O error"))

    monkeypatch.setattr(sql_mod, "_date_rows", boom)
    with pytest.raises(StoreError, match="E031"):
        store.write(good, [], None)
    assert store.stats()["articles"] == 0


def test_ingest_summary_counts(store):
    results = [
        doc(FA, "fa.txt"),
        Failure("x.txt", None, "read", "E002", "empty"),
        doc(EN, "en.txt"),
    ]
    summary = ingest(results, store, batch_size=2)
    assert (summary.stored, summary.unchanged, len(summary.failures)) == (2, 0, 1)
    assert store.stats()["runs"] == 1


def test_bad_url_is_a_clear_error():
    with pytest.raises(StoreError, match="E030"):
        open_store("mysql://nobody")
    with pytest.raises(StoreError, match="does not exist"):
        open_store("sqlite:////no/such/dir/r.db")


def test_one_refused_article_does_not_sink_its_batch(store, monkeypatch):
    docs = [doc(FA, "fa.txt"), doc(AR, "ar.txt"), doc(EN, "en.txt")]
    real = sql_mod._article_row

    def refuse_arabic(d, run_id, now):
        row = real(d, run_id, now)
        if d.article.file == "ar.txt":
            row["file"] = None  # NOT NULL: the database refuses this one article
        return row

    monkeypatch.setattr(sql_mod, "_article_row", refuse_arabic)
    run = store.start_run("test")
    result = store.write(docs, [Failure("x.bin", None, "read", "E004", "binary")], run)
    assert (result.stored, result.unchanged, result.failed) == (2, 0, 1)
    assert [f.file for f in result.rejected] == ["ar.txt"]
    assert result.rejected[0].stage == "store" and result.rejected[0].code == "E031"
    assert {f["file"] for f in store.failures(run)} == {"x.bin", "ar.txt"}
    assert store.stats()["articles"] == 2


def test_text_postgresql_cannot_hold_is_a_recorded_failure(store):
    docs = [doc("Iraq and Iran \x00 held talks in Baghdad.", "nul.txt"), doc(EN, "en.txt")]
    result = store.write(docs, [], None)
    if store.engine.dialect.name == "postgresql":
        assert result.stored == 1 and [f.file for f in result.rejected] == ["nul.txt"]
    else:  # SQLite keeps any text
        assert result.stored == 2 and not result.rejected
        row = store.article(sql_mod.document_id(docs[0]))
        assert row is not None and row["text"] == docs[0].text


def _reset(s) -> None:
    from rasad.store import schema

    with s.engine.begin() as conn:
        for table in (
            schema.event_participants,
            schema.events,
            schema.statements,
            schema.mentions,
            schema.date_mentions,
            schema.articles,
            schema.failures,
            schema.runs,
            schema.entities,
        ):
            conn.execute(table.delete())


texts = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    min_size=1,
    max_size=300,
).filter(lambda t: t.strip())


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(batch=st.lists(texts, min_size=1, max_size=6))
def test_ingest_is_idempotent_and_text_exact(store, batch):
    _reset(store)
    docs = [doc(t, f"{i}.txt") for i, t in enumerate(batch)]
    first = ingest(docs, store)
    second = ingest(docs, store)
    distinct = {sql_mod.document_id(d) for d in docs}
    assert first.stored == len(distinct)
    assert second.stored == 0 and second.unchanged == len(docs)
    for d in docs:
        row = store.article(sql_mod.document_id(d))
        assert row is not None
        assert row["text"] in {x.text for x in docs if sql_mod.document_id(x) == row["id"]}
    assert store.stats()["articles"] == len(distinct)


def test_events_and_statements_stored_with_spans(store):
    from sqlalchemy import select

    from rasad.store import schema

    text = (
        "News in brief\n"
        "Abbas Araghchi held a telephone conversation with Fuad Hussein on Sunday. "
        "Araghchi said that the United States must be held accountable."
    )
    d = run_one(PIPE, Article(text=text, file="e.txt", format="text", published="2025-03-16"))
    assert not isinstance(d, Failure)
    store.write([d], [], None)
    with store.engine.connect() as conn:
        (ev,) = conn.execute(select(schema.events)).mappings().all()
        parts = conn.execute(select(schema.event_participants)).mappings().all()
        (st_,) = conn.execute(select(schema.statements)).mappings().all()
    assert ev["event_key"] == "2025-03-16|abbas-araghchi+fuad-hussein|CONSULT"
    assert ev["mode"] == "phone" and ev["date_basis"] == "relative"
    assert text[ev["start"] : ev["end"]].startswith("Abbas Araghchi held")
    assert {(p["entity_id"], p["role"]) for p in parts} == {
        ("abbas-araghchi", "actor"),
        ("fuad-hussein", "actor"),
    }
    assert st_["speaker_id"] == "abbas-araghchi" and st_["kind"] == "ACCUSE"
    assert (
        text[st_["quote_start"] : st_["quote_end"]] == "the United States must be held accountable"
    )
    assert store.stats()["events"] == 1 and store.stats()["statements"] == 1
