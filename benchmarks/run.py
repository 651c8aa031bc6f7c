"""Throughput benchmark: ``rasad extract`` and ``rasad ingest`` over a synthetic corpus.

    python benchmarks/run.py [--n 10000] [--workdir DIR]

Generates (or reuses) a corpus with benchmarks/corpus.py, then runs each command as a child
process and measures wall time, CPU time (user + sys of the child and the processes it
reaped, from ``os.wait4``), peak RSS, and articles per second per core. Prints a Markdown
table and writes ``benchmarks/results/latest.json``. See benchmarks/README.md for definitions.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import platform
import re
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import corpus  # benchmarks/corpus.py; the script's own directory is on sys.path

try:  # optional: whole-process-tree RSS sampling
    import psutil
except ImportError:  # pragma: no cover - psutil is in the test extra
    psutil = None

REPO = Path(__file__).resolve().parents[1]
RESULTS = Path(__file__).resolve().parent / "results" / "latest.json"
DEFAULT_WORKDIR = Path(os.environ.get("TMPDIR", "/tmp")) / "rasad-bench"
STDERR_TAIL = 1500


@dataclass
class Measurement:
    name: str
    command: list[str]
    status: str  # ok | ok-with-failures | failed | crashed | timeout | missing
    returncode: int | None
    message: str | None
    good_articles: int
    articles_out: int | None = None  # lines printed (extract, --check-output) / rows stored
    wall_s: float | None = None
    cpu_user_s: float | None = None
    cpu_sys_s: float | None = None
    cpu_s: float | None = None
    cores_busy: float | None = None
    articles_per_cpu_s: float | None = None
    articles_per_s_per_core: float | None = None
    articles_per_s: float | None = None
    peak_rss_mb: float | None = None  # largest single process (ru_maxrss)
    peak_tree_rss_mb: float | None = None  # sum over the process tree, sampled (psutil)
    stderr_tail: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def _tree_rss(pid: int) -> int:
    if psutil is None:
        return 0
    try:
        root = psutil.Process(pid)
        procs = [root, *root.children(recursive=True)]
    except psutil.Error:
        return 0
    total = 0
    for p in procs:
        with contextlib.suppress(psutil.Error):
            total += p.memory_info().rss
    return total


def measure(
    name: str,
    cmd: list[str],
    *,
    good_articles: int,
    cores: int,
    stdout_path: Path | None,
    stderr_path: Path,
    ok_codes: tuple[int, ...],
    timeout: float,
) -> Measurement:
    """Run ``cmd`` as a child and measure it; never raises for a failing command."""
    exe = Path(cmd[0])
    if not exe.exists():
        why = f"{exe} not found (is rasad installed in .venv?)"
        return Measurement(name, cmd, "missing", None, why, good_articles)
    out = stdout_path.open("wb") if stdout_path else open(os.devnull, "wb")  # noqa: SIM115
    err = stderr_path.open("wb")
    try:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, cwd=REPO, start_new_session=True)
        peak_tree, delay, timed_out = 0, 0.005, False
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            peak_tree = max(peak_tree, _tree_rss(proc.pid))
            if not timed_out and time.perf_counter() - t0 > timeout:
                timed_out = True
                os.killpg(proc.pid, signal.SIGKILL)
            time.sleep(delay)
            delay = min(delay * 1.5, 0.1)
        wall = time.perf_counter() - t0
        proc.returncode = rc = os.waitstatus_to_exitcode(status)
    finally:
        out.close()
        err.close()
    stderr = stderr_path.read_text(encoding="utf-8", errors="replace")
    tail = stderr[-STDERR_TAIL:] if stderr else None
    state: str
    message: str | None
    if timed_out:
        state, message = "timeout", f"killed after {timeout:.0f} s"
    elif "Traceback (most recent call last)" in stderr:
        state, message = "crashed", _last_line(stderr)
    elif rc == 0:
        state, message = "ok", None
    elif rc in ok_codes and stderr.strip():  # e.g. ingest: some inputs failed, summary given
        state, message = "ok-with-failures", _last_line(stderr)
    else:
        state, message = "failed", _last_line(stderr) or f"exit code {rc}"
    cpu = usage.ru_utime + usage.ru_stime
    summary = None
    with contextlib.suppress(ValueError, TypeError):
        summary = json.loads(_last_line(stderr) or "")  # rasad's JSON summary, if any
    m = Measurement(
        name,
        cmd,
        state,
        rc,
        message,
        good_articles,
        wall_s=round(wall, 3),
        cpu_user_s=round(usage.ru_utime, 3),
        cpu_sys_s=round(usage.ru_stime, 3),
        cpu_s=round(cpu, 3),
        cores_busy=round(cpu / wall, 2) if wall > 0 else None,
        peak_rss_mb=round(usage.ru_maxrss / 1024, 1),  # KiB on Linux
        peak_tree_rss_mb=round(peak_tree / 2**20, 1) if psutil is not None else None,
        stderr_tail=tail,
    )
    if isinstance(summary, dict) and "summary" in summary:
        m.extra["summary"] = summary
    if state in ("ok", "ok-with-failures") and good_articles:
        m.articles_per_s = round(good_articles / wall, 1)
        m.articles_per_cpu_s = round(good_articles / cpu, 1) if cpu > 0 else None
        m.articles_per_s_per_core = round(good_articles / wall / cores, 1)
    return m


def best_of(repeat: int, fn: Any, *args: Any, **kwargs: Any) -> Measurement:
    """Run a measurement ``repeat`` times and keep the one that used the least CPU time."""
    runs = [fn(*args, **kwargs) for _ in range(max(1, repeat))]
    timed = [m for m in runs if m.cpu_s is not None]
    best = min(timed, key=lambda m: m.cpu_s or 0.0) if timed else runs[0]
    best.extra["runs"] = len(runs)
    return best


def _last_line(text: str) -> str | None:
    lines = [x for x in text.strip().splitlines() if x.strip()]
    return lines[-1][:300] if lines else None


def _read(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def machine(python: Path) -> dict[str, Any]:
    cpuinfo = _read("/proc/cpuinfo")
    model = re.search(r"^model name\s*:\s*(.+)$", cpuinfo, re.M)
    mem = re.search(r"^MemTotal:\s*(\d+) kB", _read("/proc/meminfo"), re.M)
    try:
        affinity = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        affinity = os.cpu_count() or 1
    info: dict[str, Any] = {
        "cpu_model": model.group(1).strip() if model else platform.processor() or None,
        "logical_cores": os.cpu_count(),
        "cores_available": affinity,
        "ram_gb": round(int(mem.group(1)) / 2**20, 1) if mem else None,
        "os": platform.platform(),
        "runner_python": platform.python_version(),
        "rasad_python": None,
        "rasad_version": None,
        "rasad_build": None,
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }
    if python.exists():
        probe = (
            "import platform\n"
            "try:\n import rasad, rasad.build; v = rasad.__version__; b = rasad.build.compiled()\n"
            "except Exception as e:\n v = b = None\n"
            "print(platform.python_version()); print(v); print(b)"
        )
        try:
            res = subprocess.run(
                [str(python), "-c", probe], capture_output=True, text=True, timeout=60, cwd=REPO
            )
            lines = res.stdout.split()
            if len(lines) == 3:
                info["rasad_python"] = lines[0]
                info["rasad_version"] = None if lines[1] == "None" else lines[1]
                info["rasad_build"] = {"True": "compiled (mypyc)", "False": "pure Python"}.get(
                    lines[2]
                )
        except (OSError, subprocess.SubprocessError):
            pass
    return info


def corpus_for(workdir: Path, n: int, corrupt_rate: float, seed: int, regenerate: bool) -> Path:
    root = workdir / f"corpus-n{n}-c{corrupt_rate:g}-s{seed}"
    manifest = root / corpus.MANIFEST_NAME
    if manifest.exists() and not regenerate:
        m = corpus.Manifest.load(manifest)
        if (m.n, m.corrupt_rate, m.seed, m.version) == (
            n,
            corrupt_rate,
            seed,
            corpus.MANIFEST_VERSION,
        ):
            return root
    corpus.generate(root, n, corrupt_rate, seed, force=True)
    return root


def stored_articles(db: Path) -> int | None:
    """Rows in the store's ``articles`` table, if the database and the table exist."""
    if not db.exists():
        return None
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as con:
            return int(con.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
    except sqlite3.Error:
        return None


def check_extract(out: Path, manifest: corpus.Manifest) -> dict[str, Any]:
    """Compare ``rasad extract`` output with the manifest's truth (lang, published, title).

    Output records are matched by ``file`` (the file name, ``name.jsonl:LINE`` for JSON lines).
    """
    truth: dict[str, corpus.ArticleTruth] = {}
    for f in manifest.files:
        name = f.path.rsplit("/", 1)[-1]
        if f.kind == "jsonl":
            truth.update({f"{name}:{i}": a for i, a in enumerate(f.articles, 1)})
        elif f.status == "good":
            truth[name] = f.articles[0]
    hits = {"lang": 0, "published": 0, "published_basis": 0, "title": 0}
    seen, unexpected, bad_json = set(), 0, 0
    with out.open(encoding="utf-8", errors="replace") as fh:
        for line in fh:
            try:
                rec = json.loads(line)
            except ValueError:
                bad_json += 1
                continue
            a = truth.get(str(rec.get("file")))
            if a is None:
                unexpected += 1
                continue
            seen.add(rec["file"])
            for key in hits:
                hits[key] += rec.get(key) == getattr(a, key)
    n = len(truth)
    return {
        "expected": n,
        "matched": len(seen),
        "missing": n - len(seen),
        "unexpected": unexpected,
        "bad_json_lines": bad_json,
        **{f"{k}_accuracy": round(v / n, 4) if n else None for k, v in hits.items()},
    }


def _fmt(x: float | int | None, spec: str = "") -> str:
    return "—" if x is None else format(x, spec)


def markdown(results: list[Measurement]) -> str:
    head = (
        "| command | status | good articles | out | wall s | CPU s | cores busy | "
        "articles/s per core (per CPU-s) | art / s / core available | "
        "peak RSS MB (max proc) | peak RSS MB (tree) |\n"
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
    )
    rows = [
        f"| `{m.name}` | {m.status} | {m.good_articles} | {_fmt(m.articles_out)} | "
        f"{_fmt(m.wall_s, '.2f')} | {_fmt(m.cpu_s, '.2f')} | {_fmt(m.cores_busy, '.2f')} | "
        f"{_fmt(m.articles_per_cpu_s, '.1f')} | {_fmt(m.articles_per_s_per_core, '.1f')} | "
        f"{_fmt(m.peak_rss_mb, '.0f')} | {_fmt(m.peak_tree_rss_mb, '.0f')} |"
        for m in results
    ]
    return head + "\n".join(rows) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=10_000, help="articles in the corpus")
    ap.add_argument("--corrupt", type=float, default=0.01, help="share of corrupt inputs")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--workdir", type=Path, default=DEFAULT_WORKDIR)
    ap.add_argument("--rasad", type=Path, default=REPO / ".venv" / "bin" / "rasad")
    ap.add_argument("--timeout", type=float, default=3600.0, help="seconds per command")
    ap.add_argument("--regenerate", action="store_true", help="rebuild the corpus")
    ap.add_argument(
        "--check-output",
        action="store_true",
        help="write extract's stdout to WORKDIR/extract.jsonl and count its lines "
        "(instead of > /dev/null)",
    )
    ap.add_argument("--only", choices=("extract", "ingest"), help="run one command only")
    ap.add_argument(
        "--by-format",
        action="store_true",
        help="also time extract on the HTML pages alone and on text and JSON Lines alone",
    )
    ap.add_argument(
        "--repeat", type=int, default=1, help="run each command this many times, keep the best"
    )
    ap.add_argument("--results", type=Path, default=RESULTS)
    args = ap.parse_args(argv)

    args.workdir.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    root = corpus_for(args.workdir, args.n, args.corrupt, args.seed, args.regenerate)
    gen_s = time.perf_counter() - t0
    manifest = corpus.Manifest.load(root / corpus.MANIFEST_NAME)
    good = manifest.good_articles
    info = machine(args.rasad.parent / "python")
    cores = info["cores_available"]
    print(f"rasad {info['rasad_version']}, {info['rasad_build']}", file=sys.stderr)
    print(
        f"corpus: {root} ({len(manifest.files)} files, {good} good articles, "
        f"{manifest.corrupt_files} corrupt; ready in {gen_s:.1f} s)",
        file=sys.stderr,
    )

    results: list[Measurement] = []
    if args.only in (None, "extract"):
        out = args.workdir / "extract.jsonl" if args.check_output else None
        m = best_of(
            args.repeat,
            measure,
            "rasad extract",
            [str(args.rasad), "extract", str(root)],
            good_articles=good,
            cores=cores,
            stdout_path=out,
            stderr_path=args.workdir / "extract.stderr",
            ok_codes=(1,),
            timeout=args.timeout,
        )
        if out is not None and out.exists():
            with out.open("rb") as fh:
                m.articles_out = sum(1 for line in fh if line.strip())
            m.extra["accuracy"] = acc = check_extract(out, manifest)
            print(f"extract accuracy against the manifest: {acc}", file=sys.stderr)
        results.append(m)
        print(f"extract: {m.status} in {_fmt(m.wall_s, '.1f')} s", file=sys.stderr)
    if args.by_format and args.only in (None, "extract"):
        subsets = {
            "rasad extract (HTML pages only)": (["html"], ["**/*.html"]),
            "rasad extract (text and JSON Lines only)": (
                ["text", "seed", "jsonl"],
                ["**/*.txt", "**/*.jsonl"],
            ),
        }
        for name, (kinds, globs) in subsets.items():
            n_good = sum(
                len(f.articles) for f in manifest.files if f.status == "good" and f.kind in kinds
            )
            m = best_of(
                args.repeat,
                measure,
                name,
                [str(args.rasad), "extract", *(str(root / g) for g in globs)],
                good_articles=n_good,
                cores=cores,
                stdout_path=None,
                stderr_path=args.workdir / "extract-subset.stderr",
                ok_codes=(1,),
                timeout=args.timeout,
            )
            results.append(m)
            print(f"{name}: {m.status} in {_fmt(m.wall_s, '.1f')} s", file=sys.stderr)
    if args.only in (None, "ingest"):
        db = args.workdir / "bench.db"

        def fresh_ingest(*a: Any, **kw: Any) -> Measurement:
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{db}{suffix}").unlink(missing_ok=True)  # each run starts from no store
            return measure(*a, **kw)

        m = best_of(
            args.repeat,
            fresh_ingest,
            "rasad ingest",
            [str(args.rasad), "ingest", str(root), "--db", f"sqlite:///{db}"],
            good_articles=good,
            cores=cores,
            stdout_path=None,
            stderr_path=args.workdir / "ingest.stderr",
            ok_codes=(1,),  # 1 = some inputs failed and were reported: expected here
            timeout=args.timeout,
        )
        m.articles_out = stored_articles(db)
        m.extra["db"] = str(db)
        if db.exists():
            m.extra["db_mb"] = round(db.stat().st_size / 2**20, 1)
        results.append(m)
        print(f"ingest: {m.status} in {_fmt(m.wall_s, '.1f')} s", file=sys.stderr)

    for m in results:
        reported = m.extra.get("summary", {}).get("failed")
        if reported is not None:
            m.extra["corrupt_expected"] = manifest.corrupt_files
            if reported != manifest.corrupt_files:
                print(
                    f"{m.name}: reported {reported} failed inputs, the corpus has "
                    f"{manifest.corrupt_files} corrupt files",
                    file=sys.stderr,
                )
    table = markdown(results)
    print(table)
    for m in results:
        if m.status not in ("ok", "ok-with-failures"):
            print(f"**{m.name}: {m.status}** — {m.message}\n", flush=True)
    report = {
        "machine": info,
        "corpus": {
            "path": str(root),
            "n": manifest.n,
            "seed": manifest.seed,
            "corrupt_rate": manifest.corrupt_rate,
            "files": len(manifest.files),
            "good_articles": good,
            "corrupt_files": manifest.corrupt_files,
            "bytes": sum(f.bytes for f in manifest.files),
            "counts": manifest.counts(),
        },
        "definitions": {
            "cpu_s": "user + sys CPU seconds of the child and of the processes it reaped "
            "(os.wait4)",
            "cores_busy": "cpu_s / wall_s",
            "articles_per_cpu_s": "good articles / cpu_s (throughput of one fully used core)",
            "articles_per_s_per_core": "good articles / wall_s / cores_available",
            "articles_per_s": "good articles / wall_s",
            "peak_rss_mb": "ru_maxrss of the child: the largest single process",
            "peak_tree_rss_mb": "largest sampled sum of RSS over the child's process tree "
            "(psutil, adaptive 5-100 ms polling)",
        },
        "results": [asdict(m) for m in results],
        "markdown": table,
    }
    args.results.parent.mkdir(parents=True, exist_ok=True)
    args.results.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n")
    print(f"wrote {args.results}", file=sys.stderr)
    failed = [m for m in results if m.status not in ("ok", "ok-with-failures")]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
