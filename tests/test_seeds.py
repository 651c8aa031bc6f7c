"""The five seed articles in ../shared/seeds: what the foundation must get right."""

from __future__ import annotations

import json

import pytest

from rasad.batch import process
from rasad.document import Document
from rasad.export.record import article_record

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def results(request):
    from tests.conftest import shared_path

    texts = shared_path("seeds", "texts")
    gold_path = shared_path("seeds", "gold.jsonl")
    gold = {}
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            gold[record["file"]] = record
    out = {}
    for result in process([str(texts)]):
        assert isinstance(result, Document), result
        out[result.article.file] = article_record(result)
    return gold, out


@pytest.mark.parametrize("key", ["lang", "published", "published_basis", "title", "source"])
def test_matches_gold(results, key):
    gold, out = results
    assert set(out) == set(gold)
    wrong = {f: (out[f][key], g[key]) for f, g in gold.items() if out[f][key] != g[key]}
    assert not wrong


def test_offsets_index_the_file_as_read(results):
    from tests.conftest import shared_path

    _gold, out = results
    for name, record in out.items():
        text = (shared_path("seeds", "texts") / name).read_text(encoding="utf-8")
        for d in record["dates"]:
            assert text[d["start"] : d["end"]] == d["text"]
        if record["title_span"]:
            span = record["title_span"]
            assert text[span["start"] : span["end"]] == record["title"]


def test_people_and_organizations_by_id(results):
    """Person and organization micro-F1 by id against the gold, as score.py counts it (>= 0.95)."""
    gold, out = results
    tp = fp = fn = 0
    for name, g in gold.items():
        want = {e["id"] for e in g["entities"] if e["type"] in ("person", "organization")}
        got = {e["id"] for e in out[name]["entities"] if e["type"] in ("person", "organization")}
        tp, fp, fn = tp + len(want & got), fp + len(got - want), fn + len(want - got)
    f1 = 2 * tp / (2 * tp + fp + fn)
    assert f1 >= 0.95, (tp, fp, fn)


def test_every_gold_surface_of_a_person_or_organization_is_found(results):
    gold, out = results
    missing = []
    for name, g in gold.items():
        found = {e["id"]: set(e["surfaces"]) for e in out[name]["entities"]}
        for e in g["entities"]:
            if e["type"] in ("person", "organization"):
                missing += [
                    (name, e["id"], s) for s in e["surfaces"] if s not in found.get(e["id"], ())
                ]
    assert not missing


def test_mentions_point_at_their_text(results):
    from tests.conftest import shared_path

    _gold, out = results
    for name, record in out.items():
        text = (shared_path("seeds", "texts") / name).read_text(encoding="utf-8")
        for entity in record["entities"]:
            for m in entity["mentions"]:
                assert text[m["start"] : m["end"]] == m["text"]
                assert 0 < m["score"] <= 1 and m["reason"]
