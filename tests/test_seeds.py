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
