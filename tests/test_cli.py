"""The ``rasad`` command as a user runs it: a real process, real files, a real SQLite file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

RASAD = [sys.executable, "-m", "rasad"]


def run(
    *args: str, stdin: bytes | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [*RASAD, *args], input=stdin, capture_output=True, cwd=cwd, env=env, timeout=300
    )


def records(proc: subprocess.CompletedProcess[bytes]) -> list[dict]:
    return [json.loads(line) for line in proc.stdout.decode("utf-8").splitlines() if line.strip()]


def summary(proc: subprocess.CompletedProcess[bytes]) -> dict:
    lines = [
        json.loads(line)
        for line in proc.stderr.decode("utf-8").splitlines()
        if line.startswith("{")
    ]
    return next(line for line in lines if "summary" in line)


def test_extract_samples_matches_expected():
    from rasad.cli.main import SAMPLES

    expected = json.loads((SAMPLES.parent / "expected.json").read_text(encoding="utf-8"))
    proc = run("extract", "--samples")
    assert proc.returncode == 0, proc.stderr.decode()
    got = {}
    for r in records(proc):
        key = r["file"] if r["format"] != "feed" else r["url"]
        got[key] = r
    assert set(got) == set(expected)
    for key, exp in expected.items():
        for field in ("lang", "published", "published_basis", "title", "source"):
            assert got[key][field] == exp[field], (key, field)


def test_extract_prints_the_same_bytes_with_workers(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    one = run("extract", "--samples", str(tmp_path / "empty.txt"))
    two = run("extract", "--samples", str(tmp_path / "empty.txt"), "--jobs", "2")
    assert one.returncode == two.returncode == 1  # the empty file
    assert one.stdout == two.stdout and len(records(one)) == 12
    assert summary(one) == summary(two)


def test_ingest_twice_adds_nothing(tmp_path):
    db = f"sqlite:///{tmp_path / 'r.db'}"
    first = run("ingest", "--samples", "--db", db)
    assert first.returncode == 0, first.stderr.decode()
    n = summary(first)["stored"]
    assert n > 0
    second = run("ingest", "--samples", "--db", db)
    assert second.returncode == 0
    assert summary(second)["stored"] == 0 and summary(second)["unchanged"] == n
    stats = json.loads(run("stats", "--db", db, "--json").stdout)
    assert stats["articles"] == n and stats["runs"] == 2


def test_ingest_into_postgresql():
    from tests.conftest import postgres_database

    with postgres_database() as url:
        first = run("ingest", "--samples", "--db", url)
        assert first.returncode == 0, first.stderr.decode()
        again = run("ingest", "--samples", "--db", url)
        assert summary(again)["stored"] == 0
        stats = json.loads(run("stats", "--db", url, "--json").stdout)
        assert stats["articles"] == summary(first)["stored"] > 0
        assert set(stats["by_lang"]) == {"fa", "ar", "en"}


def test_bad_inputs_are_recorded_and_the_batch_goes_on(tmp_path):
    (tmp_path / "good.txt").write_text(
        "وزیر خارجه ایران امروز با همتای عراقی خود در بغداد دیدار کرد.", "utf-8"
    )
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    db = f"sqlite:///{tmp_path / 'r.db'}"
    proc = run(
        "ingest",
        str(tmp_path / "good.txt"),
        str(tmp_path / "empty.txt"),
        str(tmp_path / "binary.txt"),
        "--db",
        db,
    )
    assert proc.returncode == 1
    s = summary(proc)
    assert s["stored"] == 1 and s["failed"] == 2
    fails = records(run("failures", "--db", db))
    assert {f["file"] for f in fails} == {"empty.txt", "binary.txt"}
    assert all(f["stage"] == "read" and f["code"] and f["reason"] for f in fails)


def test_extract_reads_stdin():
    text = b"Iran's foreign minister met his Iraqi counterpart in Baghdad on Tuesday."
    proc = run("extract", "-", stdin=text)
    assert proc.returncode == 0, proc.stderr.decode()
    (r,) = records(proc)
    assert r["lang"] == "en"


def test_missing_path_is_a_failure_not_a_crash(tmp_path):
    proc = run("extract", str(tmp_path / "nope.txt"))
    assert proc.returncode == 1
    assert summary(proc)["failed"] == 1


def test_usage_and_store_errors_exit_2(tmp_path):
    assert run("extract").returncode == 2
    proc = run("stats", "--db", "mysql://x")
    assert proc.returncode == 2 and b"E030" in proc.stderr


@pytest.mark.shared
def test_extract_seeds_scores(tmp_path):
    """score.py from ../shared on what `rasad extract` prints: languages and dates 5/5."""
    from tests.conftest import shared_path

    texts = shared_path("seeds", "texts")
    gold = shared_path("seeds", "gold.jsonl")
    proc = run("extract", str(texts))
    assert proc.returncode == 0, proc.stderr.decode()
    pred = tmp_path / "pred.jsonl"
    pred.write_bytes(proc.stdout)
    scored = subprocess.run(
        [sys.executable, str(shared_path("tools", "score.py")), str(gold), str(pred), "--json"],
        capture_output=True,
        timeout=120,
        check=True,
    )
    report = json.loads(scored.stdout)
    assert report["lang_acc"] == 1.0
    assert report["published_acc"] == 1.0


def test_progress_bar_only_on_a_terminal(tmp_path):
    """On a terminal: a progress bar and a readable summary; otherwise one JSON summary line."""
    import pty

    leader, follower = pty.openpty()
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "COLUMNS": "100"}
    proc = subprocess.Popen(
        [*RASAD, "ingest", "--samples", "--db", f"sqlite:///{tmp_path / 'r.db'}"],
        stdout=subprocess.DEVNULL,
        stderr=follower,
        env=env,
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    proc.wait(timeout=120)
    os.close(leader)
    shown = b"".join(chunks).decode("utf-8", "replace")
    assert proc.returncode == 0
    assert "ingest:" in shown and "articles" in shown  # tqdm's bar
    assert "rasad ingest:" in shown and '{"summary"' not in shown

    quiet = run("ingest", "--samples", "--db", f"sqlite:///{tmp_path / 'q.db'}")
    lines = quiet.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["summary"] == "ingest"


def test_kb_commands(tmp_path):
    """rasad kb validate on the shipped knowledge base and on what the importers write."""
    shipped = json.loads(run("kb", "validate").stdout)
    assert shipped["entities"] >= 400 and shipped["offices"] > 0
    data = Path(__file__).parent / "kb" / "data"
    for command, source in (
        ("import-wikidata", data / "wikidata_sample.json"),
        ("import-cameo", data / "cameo_sample.actors.txt"),
    ):
        out = tmp_path / f"{command}.yaml"
        proc = run("kb", command, str(source), "--out", str(out))
        assert proc.returncode == 0, proc.stderr.decode()
        assert json.loads(proc.stdout)["entities"] > 0
        checked = run("kb", "validate", "--kb", str(out))
        assert checked.returncode == 0, checked.stderr.decode()
    broken = tmp_path / "broken.yaml"
    broken.write_text("entities:\n  - {id: Not A Slug, type: person, name: {en: X}}\n", "utf-8")
    proc = run("kb", "validate", "--kb", str(broken))
    assert proc.returncode == 2 and b"E050" in proc.stderr


def test_extract_writes_text_where_stdout_takes_only_text(monkeypatch, capsys):
    """In-process, with a text-only stdout, the records are the lines a subprocess prints."""
    import io

    from rasad.cli.main import cli

    text_only = io.StringIO()
    monkeypatch.setattr(sys, "stdout", text_only)
    with pytest.raises(SystemExit) as done:
        cli.main(["extract", "--samples"], standalone_mode=False)
    assert done.value.code == 0
    monkeypatch.undo()
    expected = run("extract", "--samples").stdout.decode("utf-8")
    assert text_only.getvalue() == expected
