"""The seeds: the Persian and English reports of one phone call are one event and one story."""

from __future__ import annotations

from rasad.batch import ingest, process
from rasad.store import open_store

CALL = "000_1dbacf6b54df03b2.txt", "002_cd2d487a5083b5f6.txt"


def test_seeds_fuse_the_call_and_nothing_else(seeds_dir, tmp_path):
    store = open_store(f"sqlite:///{tmp_path / 'seeds.db'}")
    try:
        summary = ingest(process([str(seeds_dir)]), store)
        assert summary.stored == 5 and not summary.failures
        events = list(store.fused_events())
        shared = [e for e in events if len(e["sources"]) > 1]
        assert len(shared) == 1
        (call,) = shared
        assert sorted((s["file"], s["lang"]) for s in call["sources"]) == [
            (CALL[0], "fa"),
            (CALL[1], "en"),
        ]
        assert [p["id"] for p in call["participants"]] == ["ali-akbar-velayati", "nouri-al-maliki"]
        assert call["type"] == "CONSULT" and call["mode"] == "phone"
        assert call["date"] == "2026-01-20"
        stories = list(store.stories())
        together = [s for s in stories if len(s["articles"]) > 1]
        assert [sorted(a["file"] for a in s["articles"]) for s in together] == [list(CALL)]
        assert {a["file"] for s in stories for a in s["articles"]} >= set(CALL)
    finally:
        store.close()
