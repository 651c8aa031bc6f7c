"""The seed texts, read in place from ../shared (never copied into the repo)."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasad.document import Article
from rasad.ingest import read_inputs
from tests.conftest import shared_path

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def seeds() -> Path:
    return shared_path("seeds", "texts")


def test_seed_texts_read_byte_exact_with_headers(seeds: Path) -> None:
    results = list(read_inputs([str(seeds)]))
    assert len(results) == 5 and all(isinstance(r, Article) for r in results)
    by_name = {r.file[:3]: r for r in results if isinstance(r, Article)}
    for article in by_name.values():
        assert article.text == (seeds / article.file).read_bytes().decode("utf-8")
    assert {k for k, a in by_name.items() if a.format == "seed"} == {"000", "002"}
    h000, h002 = by_name["000"].header, by_name["002"].header
    assert h000 is not None and h002 is not None
    assert h000.date == h002.date == "2026-01-20"
    assert h000.url is not None and h000.url.startswith("https://spnfa.ir/20260120/")
    assert by_name["000"].text[h000.span.start : h000.span.end] == f" date 2026-01-20 {h000.url}"
    assert h002.url is None and by_name["002"].text[: h002.span.end] == " date 2026-01-20"
