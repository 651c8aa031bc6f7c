"""Generated corpora through the real command: 10,000 articles with 1% corrupt files, and a crash."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.corpus_support import corpus_module

pytestmark = pytest.mark.slow


def rasad(*args: str) -> list[str]:
    return [sys.executable, "-m", "rasad", *args]


def summary(stderr: bytes) -> dict:
    lines = [json.loads(x) for x in stderr.decode().splitlines() if x.startswith('{"summary"')]
    assert len(lines) == 1, stderr.decode()[-2000:]
    return lines[0]


def test_ten_thousand_articles_with_corrupt_files(tmp_path):
    corpus = corpus_module()
    root = tmp_path / "corpus"
    manifest = corpus.generate(root, 10_000, 0.01, 7)
    assert manifest.corrupt_files == 100
    db = tmp_path / "r.db"
    proc = subprocess.run(
        rasad("ingest", str(root), "--db", f"sqlite:///{db}", "--jobs", "2"),
        capture_output=True,
        timeout=1200,
    )
    assert proc.returncode == 1  # some inputs failed: a clean, non-zero exit
    s = summary(proc.stderr)
    assert s["stored"] == manifest.good_articles
    assert s["failed"] == manifest.corrupt_files
    assert sum(s["failures_by"].values()) == manifest.corrupt_files

    con = sqlite3.connect(db)
    stored = con.execute("select count(*) from articles").fetchone()[0]
    assert stored == manifest.good_articles
    failed_paths = {Path(p).resolve() for (p,) in con.execute("select path from failures")}
    corrupt_paths = {(root / f.path).resolve() for f in manifest.files if f.status == "corrupt"}
    assert failed_paths == corrupt_paths
    assert all(reason for (reason,) in con.execute("select reason from failures"))

    truth = {}
    for f in manifest.files:
        for line, a in enumerate(f.articles, start=1):
            key = f"{Path(f.path).name}:{line}" if f.kind == "jsonl" else Path(f.path).name
            truth[(str((root / f.path).resolve()), key)] = (a.lang, a.published, a.published_basis)
    got = {
        (str(Path(path).resolve()), file): (lang, published, basis)
        for path, file, lang, published, basis in con.execute(
            "select path, file, lang, published, published_basis from articles"
        )
    }
    assert got == truth  # every article: its language, publication date and where it came from


def _dates_by_article(db: Path) -> dict[str, set[tuple]]:
    con = sqlite3.connect(db)
    out: dict[str, set[tuple]] = {aid: set() for (aid,) in con.execute("select id from articles")}
    for row in con.execute('select article_id, start, "end", value, kind from date_mentions'):
        out[row[0]].add(row[1:])
    return out


def test_killed_ingest_leaves_no_half_article(tmp_path):
    corpus = corpus_module()
    root = tmp_path / "corpus"
    manifest = corpus.generate(root, 3_000, 0.01, 11)
    crashed, clean = tmp_path / "crashed.db", tmp_path / "clean.db"

    proc = subprocess.Popen(
        rasad("ingest", str(root), "--db", f"sqlite:///{crashed}", "--batch-size", "40"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 300
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
        if crashed.exists():
            try:
                con = sqlite3.connect(crashed, timeout=1)
                stored = con.execute("select count(*) from articles").fetchone()[0]
                con.close()
            except sqlite3.OperationalError:
                continue
            if stored >= 200:
                break
    assert proc.poll() is None, "ingest finished before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert 0 < stored < manifest.good_articles

    # resume, and compare with an ingest that never crashed
    for db in (crashed, clean):
        subprocess.run(
            rasad("ingest", str(root), "--db", f"sqlite:///{db}"), capture_output=True, timeout=900
        )
    after, reference = _dates_by_article(crashed), _dates_by_article(clean)
    assert len(after) == manifest.good_articles
    assert after == reference
