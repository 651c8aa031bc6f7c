"""JSON Lines, input expansion, format sniffing and lazy imports."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from rasad.document import Article
from rasad.ingest import ReadFailure, read_inputs
from tests.ingest.ingest_samples import AR, EN, FA, html_page, rss


def _jsonl(*records: object) -> bytes:
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]
    return "\n".join(lines).encode("utf-8")


def test_jsonl_records_failures_and_line_numbers(tmp_path: Path) -> None:
    text_with_separators = AR + "\u2028" + "  "  # a raw U+2028 is legal inside a JSON string
    data = _jsonl(
        {
            "url": "https://example.ir/1",
            "title": "تماس تلفنی",
            "text": FA,
            "published": "2026-01-20",
            "source": "نمونه",
            "lang": "fa",
            "tags": ["عراق"],
        },
        "",
        '{"title": "broken", "text": ',
        {"title": "no text"},
        ["not", "an", "object"],
        {"text": "   "},
        f'{{"text": {json.dumps(text_with_separators, ensure_ascii=False)}, "title": 7}}',
        "   ",
        {"text": EN},
    )
    path = tmp_path / "batch.jsonl"
    path.write_bytes(data.replace(b"\n", b"\r\n", 1))
    results = list(read_inputs([str(path)]))
    kinds = [(type(r).__name__, r.file, getattr(r, "code", None)) for r in results]
    assert kinds == [
        ("Article", "batch.jsonl:1", None),
        ("ReadFailure", "batch.jsonl:3", "E006"),
        ("ReadFailure", "batch.jsonl:4", "E007"),
        ("ReadFailure", "batch.jsonl:5", "E006"),
        ("ReadFailure", "batch.jsonl:6", "E002"),
        ("Article", "batch.jsonl:7", None),
        ("Article", "batch.jsonl:9", None),
    ]
    first, seventh = results[0], results[5]
    assert isinstance(first, Article) and isinstance(seventh, Article)
    assert first.text == FA and first.format == "jsonl" and first.path == str(path)
    assert (first.url, first.title, first.published, first.source) == (
        "https://example.ir/1",
        "تماس تلفنی",
        "2026-01-20",
        "نمونه",
    )
    assert first.metadata == {"lang": "fa", "tags": ["عراق"]}
    assert seventh.text == text_with_separators  # exactly, not stripped
    assert seventh.title is None and seventh.metadata == {"title": 7}
    failures = [r for r in results if isinstance(r, ReadFailure)]
    assert [f.line for f in failures] == [3, 4, 5, 6]
    assert all(f.path == str(path) and f.stage == "read" for f in failures)
    assert "line 3" in failures[0].reason


def test_jsonl_sniffed_from_stdin_and_unknown_suffix(tmp_path: Path) -> None:
    data = _jsonl({"text": FA}, {"text": AR})
    results = list(read_inputs(["-"], stdin=io.BytesIO(data)))
    assert [r.file for r in results] == ["<stdin>:1", "<stdin>:2"]
    (tmp_path / "dump.dat").write_bytes(data)
    assert all(r.format == "jsonl" for r in read_inputs([str(tmp_path / "dump.dat")]))


def test_txt_starting_with_a_brace_stays_text(tmp_path: Path) -> None:
    (tmp_path / "note.txt").write_bytes(b'{"text": "x"}\n')
    (article,) = read_inputs([str(tmp_path / "note.txt")])
    assert isinstance(article, Article) and article.format == "text"


def _tree(root: Path) -> None:
    files = {
        "b/2.txt": FA,
        "b/10.txt": AR,
        "a.txt": EN,
        "a/z.html": html_page(),
        ".hidden.txt": EN,
        ".git/HEAD.txt": EN,
        "notes.md": EN,
        "image.png": "not really",
        "README": EN,
    }
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def test_directory_is_recursive_sorted_and_skips_hidden(tmp_path: Path) -> None:
    _tree(tmp_path)
    files = [
        Path(r.path or "").relative_to(tmp_path).as_posix() for r in read_inputs([str(tmp_path)])
    ]
    assert files == ["README", "a/z.html", "a.txt", "b/10.txt", "b/2.txt"]


def test_explicit_file_is_read_whatever_its_suffix(tmp_path: Path) -> None:
    _tree(tmp_path)
    (article,) = read_inputs([str(tmp_path / "notes.md")])
    assert isinstance(article, Article) and article.text == EN


def test_glob_dedupe_and_missing(tmp_path: Path) -> None:
    _tree(tmp_path)
    os.symlink(tmp_path / "a.txt", tmp_path / "link.txt")
    inputs = [
        str(tmp_path / "**" / "*.txt"),
        str(tmp_path / "a.txt"),
        str(tmp_path / "link.txt"),
        str(tmp_path / "missing.txt"),
        str(tmp_path / "nothing-*.xml"),
    ]
    results = list(read_inputs(inputs))
    files = [r.file for r in results]
    assert files == ["a.txt", "10.txt", "2.txt", "missing.txt", str(tmp_path / "nothing-*.xml")]
    assert [getattr(r, "code", None) for r in results][-2:] == ["E001", "E001"]


def test_real_path_resolves_like_os_realpath(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rasad.ingest.sources import _real_path

    _tree(tmp_path)
    os.symlink(tmp_path / "a.txt", tmp_path / "b" / "to-a.txt")  # a file symlink
    os.symlink(tmp_path / "b", tmp_path / "linked")  # a directory symlink
    os.symlink("../a.txt", tmp_path / "b" / "up.txt")  # relative target
    monkeypatch.chdir(tmp_path / "b")
    names = ["2.txt", "./2.txt", "../a.txt", "to-a.txt", "up.txt", "../linked/10.txt"]
    names += [str(tmp_path / n) for n in ("a.txt", "linked/2.txt", "linked/to-a.txt", "b//2.txt")]
    names += [str(tmp_path / "linked" / ".." / "a.txt"), str(tmp_path / "b" / ".." / "a.txt")]
    real_dirs: dict[str, str] = {}
    for _ in range(2):  # the second time from the cache of resolved directories
        assert [_real_path(n, real_dirs) for n in names] == [os.path.realpath(n) for n in names]


def test_stdin_named_twice_is_read_once() -> None:
    stream = io.BytesIO(FA.encode("utf-8"))
    results = list(read_inputs(["-", "-"], stdin=stream))
    assert len(results) == 1 and isinstance(results[0], Article) and results[0].text == FA


def test_bad_files_do_not_stop_the_batch(tmp_path: Path) -> None:
    (tmp_path / "1.txt").write_bytes(b"%PDF-1.4 binary")
    (tmp_path / "2.txt").write_bytes(b"")
    (tmp_path / "3.txt").write_bytes("Le président".encode("latin-1"))
    (tmp_path / "4.txt").write_bytes(FA.encode("utf-8"))
    results = list(read_inputs([str(tmp_path)]))
    assert [getattr(r, "code", "ok") for r in results] == ["E004", "E002", "E003", "ok"]


def test_unreadable_file_is_e011(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file that exists but cannot be opened (as root, chmod 0 does not stop reads: patch open)."""
    path = tmp_path / "secret.txt"
    path.write_text(FA, encoding="utf-8")
    real_open = open

    def guarded(file, *args, **kwargs):  # type: ignore[no-untyped-def]
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied")
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", guarded)
    (failure,) = read_inputs([str(path)])
    assert isinstance(failure, ReadFailure) and failure.code == "E011"
    assert "Permission denied" in failure.reason


def test_feed_file_and_sniffed_feed(tmp_path: Path) -> None:
    data = rss(
        "خبرگزاری نمونه",
        [
            (
                "n1",
                "تماس تلفنی",
                "<p>ولایتی با مالکی گفت‌وگو کرد.</p>",
                "Tue, 20 Jan 2026 14:08:00 GMT",
            )
        ],
    )
    (tmp_path / "feed.xml").write_bytes(data)
    (tmp_path / "feed.txt").write_bytes(data)
    for name in ("feed.xml", "feed.txt"):
        (article,) = read_inputs([str(tmp_path / name)])
        assert isinstance(article, Article)
        assert article.format == "feed" and article.file == f"{name}#1"
        assert article.text == "تماس تلفنی\n\nولایتی با مالکی گفت‌وگو کرد."


def test_broken_feed_file_is_e008(tmp_path: Path) -> None:
    (tmp_path / "bad.xml").write_bytes(b"this is not XML at all")
    (failure,) = read_inputs([str(tmp_path / "bad.xml")])
    assert isinstance(failure, ReadFailure) and failure.code == "E008"


def test_heavy_libraries_are_imported_only_when_needed(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(f" date 2026-01-20 {EN}", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(json.dumps({"text": FA}), encoding="utf-8")
    code = (
        "import sys\n"
        "from rasad.ingest import read_inputs\n"
        f"results = list(read_inputs([{str(tmp_path)!r}]))\n"
        "assert len(results) == 2, results\n"
        "heavy = [m for m in ('trafilatura', 'feedparser', 'lxml') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
