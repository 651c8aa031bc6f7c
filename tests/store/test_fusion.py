"""Fusion and stories in the store (SQLite and PostgreSQL): incremental, idempotent, exported."""

from __future__ import annotations

from rasad.batch import ingest, run_one
from rasad.document import Article, Failure
from rasad.pipeline import default_pipeline
from rasad.store import open_store

PIPE = default_pipeline()

CALL_EN = "Abbas Araghchi held a telephone conversation with Fuad Hussein on Sunday."
CALL_FA = "عباس عراقچی وزیر امور خارجه ایران امروز در یک گفت‌وگوی تلفنی با فؤاد حسین درباره تحولات منطقه رایزنی کرد."
CALL_AR = "أجرى وزير الخارجية الإيراني عباس عراقجي اليوم اتصالا هاتفيا مع نظيره العراقي فؤاد حسين بحث خلاله العلاقات الثنائية."
GENERAL_EN = "The foreign ministers of Iran and Iraq held a telephone conversation on Sunday."
VISIT_EN = "Esmail Qaani visited Baghdad on Sunday and met Hadi al-Amiri."


def doc(text: str, file: str, published: str = "2025-03-16"):
    head = "News in brief" if text.isascii() else "خبر کوتاه"
    result = run_one(PIPE, Article(head + "\n" + text, file, "text", published=published))
    assert not isinstance(result, Failure), result
    return result


def fused(store):
    return {e["id"]: e for e in store.fused_events()}


def test_reports_in_three_languages_are_one_event_with_every_source(store):
    ingest([doc(CALL_FA, "fa.txt"), doc(CALL_AR, "ar.txt"), doc(CALL_EN, "en.txt")], store)
    (event,) = fused(store).values()
    assert event["type"] == "CONSULT" and event["mode"] == "phone"
    assert event["date"] == "2025-03-16"
    assert [p["id"] for p in event["participants"]] == ["abbas-araghchi", "fuad-hussein"]
    assert [p["name"] for p in event["participants"]] == ["Abbas Araghchi", "Fuad Hussein"]
    assert sorted(s["file"] for s in event["sources"]) == ["ar.txt", "en.txt", "fa.txt"]
    assert event["languages"] == ["ar", "en", "fa"]
    by_file = {s["file"]: s for s in event["sources"]}
    assert by_file["en.txt"]["evidence"] == CALL_EN
    assert by_file["fa.txt"]["evidence"] == CALL_FA
    assert by_file["en.txt"]["span"]["end"] - by_file["en.txt"]["span"]["start"] == len(CALL_EN)


def test_fusion_is_incremental_and_ids_do_not_move(store):
    ingest([doc(CALL_FA, "fa.txt")], store)
    (first,) = fused(store)
    ingest([doc(CALL_EN, "en.txt")], store)
    assert list(fused(store)) == [first]
    ingest([doc(CALL_FA, "fa.txt"), doc(CALL_EN, "en.txt")], store)  # re-ingest: nothing new
    (event,) = fused(store).values()
    assert event["id"] == first and len(event["sources"]) == 2
    assert store.stats()["fused_events"] == 1


def test_same_ids_in_another_store_whatever_the_order(store, tmp_path):
    ingest([doc(CALL_EN, "en.txt"), doc(CALL_FA, "fa.txt")], store)
    other = open_store(f"sqlite:///{tmp_path / 'other.db'}")
    try:
        ingest([doc(CALL_FA, "fa.txt")], other)
        ingest([doc(CALL_EN, "en.txt")], other)
        assert list(fused(other)) == list(fused(store))
        assert [s["id"] for s in other.stories()] == [s["id"] for s in store.stories()]
    finally:
        other.close()


def test_near_misses_stay_apart(store):
    docs = [
        doc(CALL_EN, "sunday.txt"),
        doc(CALL_EN.replace("Sunday", "Sunday again"), "next-sunday.txt", published="2025-03-24"),
        doc(VISIT_EN, "visit.txt"),
    ]
    ingest(docs, store)
    events = fused(store).values()
    keys = sorted((e["date"], "+".join(p["id"] for p in e["participants"])) for e in events)
    assert keys == [
        ("2025-03-16", "abbas-araghchi+fuad-hussein"),
        ("2025-03-16", "esmail-qaani+hadi-al-amiri"),
        ("2025-03-16", "esmail-qaani+iraq"),
        ("2025-03-23", "abbas-araghchi+fuad-hussein"),
    ]
    assert all(len(e["sources"]) == 1 for e in events)


def test_a_report_naming_countries_joins_the_event_that_names_people(store):
    ingest([doc(CALL_EN, "named.txt"), doc(GENERAL_EN, "countries.txt")], store)
    (event,) = fused(store).values()
    assert [p["id"] for p in event["participants"]] == ["abbas-araghchi", "fuad-hussein"]
    assert sorted(s["file"] for s in event["sources"]) == ["countries.txt", "named.txt"]


def test_conflicting_reports_stay_visible_most_supported_first(store):
    texts = [
        (
            "a.txt",
            "Abbas Araghchi held a telephone conversation with Fuad Hussein on 16 March 2025.",
        ),
        (
            "b.txt",
            "Abbas Araghchi held a telephone conversation with Fuad Hussein on March 16, 2025.",
        ),
        ("c.txt", "Abbas Araghchi held a telephone conversation with Fuad Hussein yesterday."),
    ]
    docs = [doc(t, f) for f, t in texts[:2]] + [doc(texts[2][1], texts[2][0], "2025-03-18")]
    ingest(docs, store)
    (event,) = fused(store).values()
    assert event["date"] == "2025-03-16"
    assert event["conflicts"]["date"] == [
        {"value": "2025-03-16", "sources": 2},
        {"value": "2025-03-17", "sources": 1},
    ]


def test_stories_hold_the_articles_that_share_an_event(store):
    ingest(
        [doc(CALL_FA, "fa.txt"), doc(CALL_EN, "en.txt"), doc(VISIT_EN, "visit.txt")],
        store,
    )
    stories = list(store.stories())
    members = sorted(sorted(a["file"] for a in s["articles"]) for s in stories)
    assert members == [["en.txt", "fa.txt"], ["visit.txt"]]
    call = next(s for s in stories if len(s["articles"]) == 2)
    assert call["languages"] == ["en", "fa"]
    assert call["first_date"] == call["last_date"] == "2025-03-16"
    assert [e["type"] for e in call["events"]] == ["CONSULT"]
    visit = next(s for s in stories if len(s["articles"]) == 1)
    assert len(visit["events"]) == 2  # the visit and the meeting during it: one thread
    assert store.stats()["stories"] == 2


def test_lead_vectors_are_computed_once(store, monkeypatch):
    from sqlalchemy import func, select

    from rasad.fusion import stories as stories_mod
    from rasad.store import schema

    praise = "Abbas Araghchi praised the efforts of Fuad Hussein for the region."
    ingest([doc(CALL_EN, "call.txt"), doc(praise, "praise.txt")], store)
    with store.engine.connect() as conn:
        kept = conn.execute(select(func.count()).select_from(schema.lead_vectors)).scalar_one()
    assert kept >= 1  # the article without an event was compared with the call's story

    def no_model(sentences):
        raise AssertionError(f"embedded again: {sentences}")

    monkeypatch.setattr(stories_mod, "embed", no_model)
    before = [(s["id"], [a["file"] for a in s["articles"]]) for s in store.stories()]
    store.refresh_stories()
    assert [(s["id"], [a["file"] for a in s["articles"]]) for s in store.stories()] == before
