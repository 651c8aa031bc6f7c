"""``rasad eval``: the scores, the floors, and the floors themselves as a CI gate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from rasad.cli.main import cli
from rasad.errors import InputError
from rasad.evaluate import floors_below, load_gold, raise_floors, score

from .conftest import shared_path

REPO = Path(__file__).resolve().parent.parent
DEV = REPO / "eval" / "dev"
BASELINE = REPO / "eval" / "baseline.json"


def _gold(**over):
    record = {
        "file": "a.txt",
        "lang": "en",
        "published": "2025-03-16",
        "entities": [
            {
                "id": "abbas-araghchi",
                "name_en": "Abbas Araghchi",
                "type": "person",
                "surfaces": ["Araghchi"],
            },
            {
                "id": "fuad-hussein",
                "name_en": "Fuad Hussein",
                "type": "person",
                "surfaces": ["Fuad Hussein"],
            },
        ],
        "events": [
            {
                "event_key": "2025-03-16|abbas-araghchi+fuad-hussein|CONSULT",
                "type": "CONSULT",
                "mode": "phone",
                "date": "2025-03-16",
                "date_basis": "explicit",
                "location": None,
                "participants": ["abbas-araghchi", "fuad-hussein"],
                "actor": ["abbas-araghchi", "fuad-hussein"],
            }
        ],
        "statements": [{"speaker": "abbas-araghchi", "kind": "ACCUSE"}],
    }
    record.update(over)
    return record


def test_perfect_prediction_scores_one():
    g = {"a.txt": _gold()}
    s = score(g, g)["all"]
    assert s["events_strict_f1"] == 1.0 and s["statements_f1"] == 1.0 and s["entities_f1"] == 1.0
    assert s["mode"] == 1.0 and s["direction"] == 1.0


def test_wrong_date_misses_strict_but_not_loose():
    g = {"a.txt": _gold()}
    p = {"a.txt": _gold(events=[{**_gold()["events"][0], "date": "2025-03-15"}])}
    s = score(g, p)["en"]
    assert s["events_strict_f1"] == 0.0 and s["events_loose_f1"] == 1.0


def test_entity_matched_by_surface_when_ids_differ():
    p = _gold()
    p["entities"] = [
        {"id": "new:araghchi", "name_en": "Araghchi", "type": "person", "surfaces": ["Araghchi"]}
    ]
    p["events"] = []
    p["statements"] = [{"speaker": "new:araghchi", "kind": "ACCUSE"}]
    s = score({"a.txt": _gold()}, {"a.txt": p})["all"]
    assert s["statements_f1"] == 1.0 and s["entities_p"] == 1.0


def test_floors_flag_drops_and_refuse_to_fall_silently():
    scores = {"all": {"events_strict_f1": 0.5}}
    assert floors_below(scores, {"all": {"events_strict_f1": 0.6}}) == [
        "all.events_strict_f1: 0.5 < 0.6"
    ]
    with pytest.raises(InputError, match="allow-lower"):
        raise_floors({"all": {"events_strict_f1": 0.6}}, scores)
    assert raise_floors({"all": {"events_strict_f1": 0.6}}, scores, allow_lower=True) == {
        "all": {"events_strict_f1": 0.5}
    }


def test_bad_gold_file_is_a_clear_error(tmp_path):
    bad = tmp_path / "g.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    with pytest.raises(InputError, match="E060"):
        load_gold([bad])


def _dev_gold() -> list[Path]:
    return sorted(DEV.glob("gold-*.jsonl"))


def test_development_set_is_well_formed():
    gold = load_gold(_dev_gold())
    assert len(gold) >= 30 and {r["lang"] for r in gold.values()} == {"fa", "ar", "en"}
    for name, r in gold.items():
        text = (DEV / "texts" / name).read_text(encoding="utf-8")
        ids = {e["id"] for e in r["entities"]}
        for e in r["entities"]:
            assert all(s in text for s in e["surfaces"]), (name, e["id"])
        for ev in r["events"]:
            assert ev["evidence"] in text and set(ev["participants"]) <= ids
            key = "|".join(
                [ev["date"] or "unknown", "+".join(sorted(ev["participants"])), ev["type"]]
            )
            assert ev["event_key"] == key
        for s in r["statements"]:
            assert s["quote"] in text and s["speaker"] in ids


def _run_eval(gold: list[Path], texts: Path, name: str):
    args = ["eval", "--texts", str(texts), "--baseline", str(BASELINE), "--name", name, "--json"]
    for g in gold:
        args += ["--gold", str(g)]
    return CliRunner().invoke(cli, args)


def test_development_set_scores_hold_their_floors():
    result = _run_eval(_dev_gold(), DEV / "texts", "dev")
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert scores["all"]["articles"] >= 30


def test_seed_scores_hold_their_floors():
    seeds = shared_path("seeds")
    result = _run_eval([seeds / "gold.jsonl"], seeds / "texts", "seeds")
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)["all"]
    assert scores["events_strict_f1"] == 1.0 and scores["mode"] == 1.0 and scores["location"] == 1.0
    assert scores["statements_f1"] >= 0.7 and scores["crossdoc_f1"] == 1.0


FUSION = REPO / "eval" / "fusion"


def test_fusion_set_is_well_formed():
    from rasad.kb.loader import default_kb

    kb = default_kb()
    gold = load_gold([FUSION / "gold.jsonl"])
    assert len(gold) >= 30 and {r["lang"] for r in gold.values()} == {"fa", "ar", "en"}
    reports: dict[str, set[str]] = {}
    for name, r in gold.items():
        text = (FUSION / "texts" / name).read_text(encoding="utf-8")
        assert r["story_ids"], name
        for e in r["entities"]:
            assert e["id"] in kb.entities, (name, e["id"])
            assert all(s in text for s in e["surfaces"]), (name, e["id"])
        for ev in r["events"]:
            assert ev["evidence"] in text and ev["fusion"]
            assert all(p in kb.entities for p in ev["participants"])
            reports.setdefault(ev["fusion"], set()).add(name)
    assert sum(len(v) > 1 for v in reports.values()) >= 10  # events reported more than once


def test_fusion_scores_pairs_of_reports():
    from rasad.evaluate import Fusion

    def art(name, lang, fusion_id, story):
        ev = dict(_gold()["events"][0], fusion=fusion_id)
        return _gold(file=name, lang=lang, events=[ev], story_ids=[story])

    gold = {"a.txt": art("a.txt", "fa", "F1", "S1"), "b.txt": art("b.txt", "en", "F1", "S1")}
    gold["c.txt"] = art("c.txt", "ar", "F2", "S2")  # a near-miss: another call
    pred = {k: {"events": v["events"], "entities": v["entities"]} for k, v in gold.items()}
    together = Fusion({("a.txt", 0): "x", ("b.txt", 0): "x", ("c.txt", 0): "y"}, {})
    s = score(gold, pred, together)["all"]
    assert s["fusion_p"] == s["fusion_r"] == 1.0 and s["fusion_coverage"] == 1.0
    merged = Fusion({("a.txt", 0): "x", ("b.txt", 0): "x", ("c.txt", 0): "x"}, {})
    s = score(gold, pred, merged)["all"]
    assert s["fusion_r"] == 1.0 and s["fusion_p"] == pytest.approx(1 / 3, abs=0.001)
    apart = Fusion({("a.txt", 0): "x", ("b.txt", 0): "y", ("c.txt", 0): "z"}, {"a.txt": {"s"}})
    s = score(gold, pred, apart)["all"]
    assert s["fusion_r"] == 0.0 and s["stories_r"] == 0.0
    assert s["fusion_gold_r"] == 1.0  # the gold events themselves: two of one call, one other


def test_fusion_set_scores_hold_their_floors():
    result = _run_eval([FUSION / "gold.jsonl"], FUSION / "texts", "fusion")
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)["all"]
    assert scores["fusion_gold_p"] >= 0.95 and scores["fusion_gold_r"] >= 0.95
    assert scores["fusion_p"] >= 0.95 and scores["fusion_r"] >= 0.95
