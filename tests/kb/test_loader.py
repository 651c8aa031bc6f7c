"""The knowledge-base loader: strict validation, references, dated roles, the compiled cache."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from rasad.errors import DataError
from rasad.kb.loader import DEFAULT_KB, load_kb, parse
from rasad.kb.schema import Role

GOOD = {
    "offices": [
        {
            "id": "president-of-iran",
            "kind": "office",
            "country": "IRN",
            "title": {"en": "President of Iran", "fa": "رئیس‌جمهور ایران", "ar": "رئيس إيران"},
            "aliases": {"ar": ["الرئيس الإيراني"]},
        }
    ],
    "entities": [
        {
            "id": "masoud-pezeshkian",
            "type": "person",
            "name": {"en": "Masoud Pezeshkian", "fa": "مسعود پزشکیان", "ar": "مسعود بزشكيان"},
            "country": "IRN",
            "roles": [{"office": "president-of-iran", "start": "2024-07-28", "end": None}],
            "memberships": [{"org": "reformists", "start": "2000"}],
        },
        {"id": "reformists", "type": "organization", "name": {"en": "Reformists"}},
    ],
}


def write(tmp_path: Path, data: dict) -> Path:
    path = tmp_path / "kb.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def broken(**changes) -> dict:
    data = json.loads(json.dumps(GOOD))
    person = data["entities"][0]
    for key, value in changes.items():
        if value is None:
            person.pop(key, None)
        else:
            person[key] = value
    return data


def test_valid_file_loads(tmp_path):
    kb = parse([write(tmp_path, GOOD)])
    assert kb.holders_on("president-of-iran", "2025-01-01") == ["masoud-pezeshkian"]
    assert kb.holders_on("president-of-iran", "2023-01-01") == []
    assert kb.entities["masoud-pezeshkian"].names.all("fa") == ("مسعود پزشکیان",)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (broken(nickname="x"), "unknown keys"),
        (broken(name=None), "missing keys"),
        (broken(id="Masoud Pezeshkian"), "not a lowercase ASCII slug"),
        (broken(type="politician"), "type must be one of"),
        (broken(country="IR"), "alpha-3"),
        (broken(name={"de": "x"}), "unknown language"),
        (broken(roles=[{"office": "president-of-iran", "start": 2024}]), "quoted ISO date"),
        (broken(roles=[{"office": "president-of-iran", "start": "2024", "end": "2020"}]), "ends"),
        (broken(roles=[{"office": "mayor-of-qom"}]), "unknown office"),
        (broken(roles=[{"start": "2020"}]), "needs an office or a title"),
        (broken(memberships=[{"org": "nobody"}]), "unknown organization"),
    ],
)
def test_invalid_items_are_rejected_with_file_and_item(tmp_path, data, message):
    path = write(tmp_path, data)
    with pytest.raises(DataError, match=message) as info:
        parse([path])
    assert "E050" in str(info.value) and str(path) in str(info.value)


def test_duplicate_ids_are_rejected(tmp_path):
    data = json.loads(json.dumps(GOOD))
    data["entities"].append(dict(data["entities"][1]))
    with pytest.raises(DataError, match="duplicate id"):
        parse([write(tmp_path, data)])


@pytest.mark.parametrize(
    ("start", "end", "day", "inside"),
    [
        ("2024-07-28", None, "2024-07-28", True),
        ("2024-07-28", None, "2024-07-27", False),
        ("2024-07", "2025", "2025-12-31", True),
        ("2024-07", "2025", "2026-01-01", False),
        ("2021", "2024-05-19", "2024-05", True),  # a month that overlaps the end
        ("2021", "2024-05-19", "2024-06", False),
    ],
)
def test_role_validity_at_each_precision(start, end, day, inside):
    assert Role(None, {"en": "x"}, None, start, end).valid_on(day) is inside


def test_cache_is_rebuilt_when_a_file_changes(tmp_path, monkeypatch):
    monkeypatch.setenv("RASAD_CACHE", str(tmp_path / "cache"))
    root = tmp_path / "kb"
    root.mkdir()
    write(root, GOOD)
    first = load_kb(root)
    assert len(list((tmp_path / "cache").rglob("*.pickle"))) == 1
    assert load_kb(root).digest == first.digest
    changed = json.loads(json.dumps(GOOD))
    changed["entities"].append({"id": "iran", "type": "country", "name": {"en": "Iran"}})
    write(root, changed)
    assert "iran" in load_kb(root).entities


def test_shipped_knowledge_base_validates():
    kb = load_kb(DEFAULT_KB, use_cache=False)
    assert len(kb) >= 400
    assert {"person", "organization", "location", "country"} <= {
        e.type for e in kb.entities.values()
    }
