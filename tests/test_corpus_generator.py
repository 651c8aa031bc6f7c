"""The synthetic benchmark corpus (benchmarks/corpus.py): counts, corruption, determinism."""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]


def _load_corpus() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_corpus", REPO / "benchmarks" / "corpus.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_corpus"] = module  # dataclasses resolve annotations through sys.modules
    spec.loader.exec_module(module)
    return module


corpus = _load_corpus()

N = 1200
CORRUPT = 0.05
SEED = 11


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any]:
    out = tmp_path_factory.mktemp("corpus")
    manifest = corpus.generate(out, N, CORRUPT, SEED)
    return out, manifest


def _files_on_disk(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()} - {
        corpus.MANIFEST_NAME
    }


def _is_strict_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _is_strict_utf16(data: bytes) -> bool:
    for enc in ("utf-16", "utf-16-le", "utf-16-be"):
        try:
            data.decode(enc)
        except UnicodeDecodeError:
            continue
        return True
    return False


def test_manifest_matches_files_on_disk(generated: tuple[Path, Any]) -> None:
    root, m = generated
    assert _files_on_disk(root) == {f.path for f in m.files}
    for f in m.files:
        assert (root / f.path).stat().st_size == f.bytes
    assert m.good_articles + m.corrupt_files == N
    assert m.corrupt_files == round(N * CORRUPT)
    assert m.good_articles == sum(len(f.articles) for f in m.files if f.status == "good")
    assert all(f.articles == [] for f in m.files if f.status == "corrupt")
    # JSONL files: one article per line, 1-5 lines
    for f in m.files:
        if f.kind == "jsonl":
            lines = (root / f.path).read_text(encoding="utf-8").splitlines()
            assert len(lines) == len(f.articles)
            assert 1 <= len(lines) <= 5
            for line, truth in zip(lines, f.articles, strict=True):
                obj = json.loads(line)
                assert set(obj) == {"url", "title", "text", "published", "source", "section"}
                assert obj["published"][:10] == truth.published
                assert obj["title"] == truth.title


def test_manifest_file_roundtrips(generated: tuple[Path, Any]) -> None:
    root, m = generated
    loaded = corpus.Manifest.load(root / corpus.MANIFEST_NAME)
    assert loaded == m
    raw = json.loads((root / corpus.MANIFEST_NAME).read_text(encoding="utf-8"))
    assert raw["good_articles"] == m.good_articles
    assert len(raw["files"]) == len(m.files)


def test_shards_hold_at_most_1000_files(tmp_path: Path) -> None:
    m = corpus.generate(tmp_path, 2600, 0.0, 3)
    shards = sorted(p for p in tmp_path.iterdir() if p.is_dir())
    assert [p.name for p in shards][:2] == ["shard_000", "shard_001"]
    assert all(len(list(p.iterdir())) <= corpus.SHARD_SIZE for p in shards)
    assert m.corrupt_files == 0 and m.good_articles == 2600


def test_mix_of_formats_encodings_and_languages(generated: tuple[Path, Any]) -> None:
    _, m = generated
    good = [f for f in m.files if f.status == "good"]
    assert {f.kind for f in good} == set(corpus.FORMATS)
    encodings = {f.encoding for f in good}
    assert {"utf-8", "utf-8-sig", "windows-1256"} <= encodings
    assert encodings & {"utf-16-le", "utf-16-be"}
    langs = {a.lang for f in good for a in f.articles}
    assert langs == {"fa", "ar", "en"}
    bases = {a.published_basis for f in good for a in f.articles}
    assert bases == {"header", "metadata", "text", "none"}
    share_jsonl = sum(len(f.articles) for f in good if f.kind == "jsonl") / m.good_articles
    assert 0.03 < share_jsonl < 0.25
    assert {f.kind for f in m.files if f.status == "corrupt"} == set(corpus.CORRUPT_KINDS)


def test_good_files_decode_to_the_intended_text(generated: tuple[Path, Any]) -> None:
    root, m = generated
    for f in m.files:
        if f.status != "good":
            continue
        data = (root / f.path).read_bytes()
        text = corpus.decode(data, f.encoding)
        assert hashlib.sha256(text.encode("utf-8")).hexdigest() == f.sha256, f.path
        assert "\ufffd" not in text
        pieces = text.splitlines() if f.kind == "jsonl" else [text]
        for piece in pieces:  # one article each; JSONL lines may be ASCII-escaped
            assert 1500 < len(piece.encode("utf-8")) < 25000, f.path


def test_utf16_and_cp1256_files_are_really_encoded_so(generated: tuple[Path, Any]) -> None:
    root, m = generated
    seen = set()
    for f in m.files:
        if f.status != "good" or f.encoding not in ("utf-16-le", "utf-16-be", "windows-1256"):
            continue
        data = (root / f.path).read_bytes()
        seen.add(f.encoding)
        if f.encoding == "utf-16-le":
            assert data[:2] == b"\xff\xfe"
        elif f.encoding == "utf-16-be":
            assert data[:2] == b"\xfe\xff"
        else:
            assert f.articles[0].lang in ("fa", "ar")
            assert not _is_strict_utf8(data)
            text = data.decode("cp1256")
            arabic = sum("\u0600" <= c <= "\u06ff" for c in text)
            assert arabic > 0.5 * sum(c.isalpha() for c in text)
            assert "ی" not in text  # Farsi yeh has no windows-1256 byte
        text = corpus.decode(data, f.encoding)
        assert hashlib.sha256(text.encode("utf-8")).hexdigest() == f.sha256
        assert text.strip()
    assert seen == {"utf-16-le", "utf-16-be", "windows-1256"} or len(seen) >= 2


def test_corrupt_files_are_what_the_manifest_says(generated: tuple[Path, Any]) -> None:
    root, m = generated
    for f in m.files:
        if f.status != "corrupt":
            continue
        data = (root / f.path).read_bytes()
        if f.kind == "empty":
            assert data.decode("utf-8-sig").strip() == ""
        elif f.kind == "binary":
            assert not _is_strict_utf8(data), f.path
            assert b"\x00" in data
            if f.detail == "png":
                assert data.startswith(b"\x89PNG\r\n\x1a\n")
            elif f.detail == "gzip":
                assert gzip.decompress(data)
            else:  # random bytes, odd length
                assert not _is_strict_utf16(data), f.path
        elif f.kind == "bad-encoding":
            assert not _is_strict_utf8(data), f.path
            assert not _is_strict_utf16(data), f.path
            assert not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"))
            # windows-1256 maps every byte, but what comes out is not Arabic text
            text = data.decode("cp1256")
            letters = sum("\u0620" <= c <= "\u064a" or "\u0671" <= c <= "\u06d3" for c in text)
            assert letters < 0.15 * len(text)
            assert sum(c < " " and c not in "\t\n\r" for c in text) > 0.1 * len(text)
        elif f.kind == "truncated-html":
            text = data.decode("utf-8")
            assert text.lstrip().lower().startswith("<!doctype html")
            assert "<head>" in text
            assert "</head>" not in text and "<body" not in text and "<title>" not in text
            assert f.path.endswith(".html")
        else:
            pytest.fail(f"unknown corruption kind {f.kind}")


def test_deterministic_by_seed(tmp_path: Path) -> None:
    a = corpus.generate(tmp_path / "a", 300, 0.05, 5)
    b = corpus.generate(tmp_path / "b", 300, 0.05, 5)
    c = corpus.generate(tmp_path / "c", 300, 0.05, 6)
    assert a == b
    for f in a.files:
        assert (tmp_path / "a" / f.path).read_bytes() == (tmp_path / "b" / f.path).read_bytes()
    assert [f.sha256 for f in a.files] != [f.sha256 for f in c.files]


def test_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    corpus.generate(tmp_path, 20, 0.1, 1)
    with pytest.raises(FileExistsError):
        corpus.generate(tmp_path, 20, 0.1, 1)
    m = corpus.generate(tmp_path, 30, 0.0, 2, force=True)
    assert _files_on_disk(tmp_path) == {f.path for f in m.files}


def test_publication_truth_is_printed_in_the_file(generated: tuple[Path, Any]) -> None:
    root, m = generated
    for f in m.files:
        if f.status != "good" or f.kind in ("jsonl",):
            continue
        a = f.articles[0]
        text = corpus.decode((root / f.path).read_bytes(), f.encoding)
        if a.published_basis == "header":
            assert text.startswith(f" date {a.published} ")
        elif a.published_basis == "metadata":
            assert f'"article:published_time" content="{a.published}T' in text
        elif a.published_basis == "text":
            head = text[:600].translate(corpus.TO_ASCII_DIGITS)
            assert (
                "تاریخ انتشار" in head
                or "تاريخ انتشار" in head
                or "تاريخ النشر" in head
                or ("Published:" in head)
            )
        else:
            assert a.published is None
            for line in text.splitlines()[:6]:
                assert "تاریخ انتشار" not in line and "Published" not in line


def test_calendar_tables_agree_with_reference_libraries() -> None:
    jdatetime = pytest.importorskip("jdatetime")
    hijridate = pytest.importorskip("hijridate")
    day = dt.date(2024, 6, 10)
    while day < dt.date(2026, 1, 15):
        j = jdatetime.date.fromgregorian(date=day)
        assert corpus.to_jalali(day) == (j.year, j.month, j.day), day
        h = hijridate.Gregorian(day.year, day.month, day.day).to_hijri()
        assert corpus.to_hijri(day) == (h.year, h.month, h.day), day
        day += dt.timedelta(days=1)


def test_cli_writes_corpus(tmp_path: Path) -> None:
    assert corpus.main([str(tmp_path / "out"), "--n", "50", "--corrupt", "0.1", "--seed", "3"]) == 0
    m = corpus.Manifest.load(tmp_path / "out" / corpus.MANIFEST_NAME)
    assert m.good_articles == 45 and m.corrupt_files == 5
    assert corpus.main([str(tmp_path / "out"), "--n", "50"]) == 2  # exists, no --force
