"""Machine instructions per article for the whole extraction, counted by callgrind.

    .venv/bin/python benchmarks/instructions.py [--n 150] [--workdir DIR] [--top 0]

Wall-clock rates on a shared virtual machine differ by up to 30 % between runs of the same code;
the number of instructions a run executes does not (valgrind's callgrind counts them, whatever
else the machine is doing). This runs itself under ``valgrind --tool=callgrind`` and counts only
the loop over the first ``--n`` text-input articles (seed, plain text, JSON Lines) of the
generated corpus, after a warm-up on 60 others: every stage of ``default_pipeline`` and the
``rasad extract`` record serialised with orjson, as ``benchmarks/stages.py`` times them.
``--top K`` also lists the K compiled functions with the most instructions, callees included.

``--cli FILES`` counts the whole ``rasad extract`` command instead, as ``benchmarks/run.py`` runs
it: every file of the first ``FILES`` of the 10,000-article corpus, in every format (HTML pages,
corrupt files and all), reading, analysis, the record and its output line. A second run on the
first quarter of those files separates what one more article costs from the fixed cost
(start-up, and what is built on first use); the report gives both, and the two spread over a
9,900-article run.

Needs valgrind (Debian package ``valgrind``); a run takes a minute to load the models under it,
then about half a second per article.
"""

from __future__ import annotations

import argparse
import binascii
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import corpus

WARM_UP = 60
DEFAULT = Path(tempfile.gettempdir()) / "rasad-stages"


def _text_inputs(root: Path) -> list[str]:
    return [str(p) for p in corpus.corpus_files(root) if p.suffix != ".html"]


def work(root: Path, n: int) -> None:
    """Run under callgrind: counting starts at ``crc_hqx`` and is written out at ``crc32``."""
    import orjson

    from rasad.document import Article
    from rasad.export.record import article_record
    from rasad.ingest import read_inputs
    from rasad.pipeline import default_pipeline

    pipe = default_pipeline()
    articles = [a for a in read_inputs(_text_inputs(root)) if isinstance(a, Article)]
    for a in articles[-WARM_UP:]:
        orjson.dumps(article_record(pipe(a)), option=orjson.OPT_APPEND_NEWLINE)
    counted = articles[:n]
    binascii.crc_hqx(b"start", 0)  # callgrind: --zero-before
    for a in counted:
        orjson.dumps(article_record(pipe(a)), option=orjson.OPT_APPEND_NEWLINE)
    binascii.crc32(b"stop")  # callgrind: --dump-before
    print(len(counted))


def _callgrind_total(command: list[str], tmp: Path, name: str) -> int:
    out = tmp / f"{name}.out"
    subprocess.run(
        ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", "-q", *command],
        check=False,  # extract exits 1 when an input failed: the corrupt files do
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    summary = re.search(r"^summary: (\d+)$", out.read_text(), re.M)
    if summary is None:
        sys.exit(f"no summary line in {out}")
    return int(summary.group(1))


def cli(files: int, corpus_size: int, seed: int, workdir: Path) -> None:
    """Instructions per good article of ``rasad extract`` over the first ``files`` files.

    Two runs, on the first quarter of the files and on all of them: the difference, per good
    article of the difference, is what one more article costs; what the first run leaves is
    the fixed cost (start-up, and what is built on first use: automata, models, imports).
    """
    root = workdir / f"corpus-n{corpus_size}-c0.01-s{seed}"
    if not (root / corpus.MANIFEST_NAME).exists():
        corpus.generate(root, corpus_size, 0.01, seed, force=True)
    manifest = corpus.Manifest.load(root / corpus.MANIFEST_NAME)
    good_in = {str(f.path): len(f.articles) for f in manifest.files if f.status == "good"}
    rasad = str(Path(sys.executable).with_name("rasad"))
    counts = []
    with tempfile.TemporaryDirectory() as tmp_name:
        for n in (files // 4, files):
            chosen = corpus.corpus_files(root)[:n]
            good = sum(good_in.get(p.relative_to(root).as_posix(), 0) for p in chosen)
            command = [rasad, "extract", *map(str, chosen)]
            counts.append((n, good, _callgrind_total(command, Path(tmp_name), f"run{n}")))
    from rasad import build

    (_, good1, total1), (_, good2, total2) = counts
    each = (total2 - total1) // (good2 - good1)
    fixed = total1 - each * good1
    print(f"rasad build: {build.describe()}")
    for n, good, total in counts:
        print(f"rasad extract on {n} files ({good} good articles): {total:,} instructions")
    print(f"per good article: {each:,}; fixed: {fixed:,}; over 9,900: {each + fixed // 9900:,}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=150)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--corpus-size", type=int, default=2000)
    ap.add_argument("--workdir", type=Path, default=DEFAULT)
    ap.add_argument("--top", type=int, default=0)
    ap.add_argument("--cli", type=int, default=0, metavar="FILES")
    ap.add_argument("--work", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.cli:
        bench = Path(tempfile.gettempdir()) / "rasad-bench"
        cli(args.cli, 10000, args.seed, args.workdir if args.workdir != DEFAULT else bench)
        return
    root = args.workdir / f"corpus-n{args.corpus_size}-s{args.seed}"
    if args.work:
        work(root, args.n)
        return
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not installed (Debian: apt-get install valgrind)")
    if not (root / corpus.MANIFEST_NAME).exists():
        corpus.generate(root, args.corpus_size, 0.0, args.seed, force=True)
    from rasad import build

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "callgrind.out"
        done = subprocess.run(
            [
                "valgrind",
                "--tool=callgrind",
                f"--callgrind-out-file={out}",
                "--zero-before=binascii_crc_hqx*",
                "--dump-before=binascii_crc32*",
                "-q",
                sys.executable,
                __file__,
                "--work",
                f"--n={args.n}",
                f"--seed={args.seed}",
                f"--corpus-size={args.corpus_size}",
                f"--workdir={args.workdir}",
            ],
            check=True,
            capture_output=True,
            text=True,
        )
        counted = int(done.stdout.split()[-1])
        dump = Path(f"{out}.1")  # the first dump: the counted loop
        summary = re.search(r"^summary: (\d+)$", dump.read_text(), re.M)
        if summary is None:
            sys.exit(f"no summary line in {dump}")
        total = int(summary.group(1))
        print(f"rasad build: {build.describe()}")
        print(f"{counted} text-input articles: {total:,} instructions, {total // counted:,} each")
        if args.top:
            report = subprocess.run(
                ["callgrind_annotate", "--inclusive=yes", "--threshold=100", str(dump)],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            rows = re.findall(r"^\s*([\d,]+) \([^)]*\)\s+\S*:CPyDef_(\w+)", report, re.M)
            top: dict[str, int] = {}  # a function can be listed once per source file it spans
            for count, name in rows:
                top.setdefault(name, int(count.replace(",", "")))
            for name, count in list(top.items())[: args.top]:
                print(f"{count // counted:>12,}  {name}")


if __name__ == "__main__":
    main()
