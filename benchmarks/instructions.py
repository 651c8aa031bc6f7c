"""Machine instructions per article for the whole extraction, counted by callgrind.

    .venv/bin/python benchmarks/instructions.py [--n 150] [--workdir DIR] [--top 0]

Wall-clock rates on a shared virtual machine differ by up to 30 % between runs of the same code;
the number of instructions a run executes does not (valgrind's callgrind counts them, whatever
else the machine is doing). This runs itself under ``valgrind --tool=callgrind`` and counts only
the loop over the first ``--n`` text-input articles (seed, plain text, JSON Lines) of the
generated corpus, after a warm-up on 60 others: every stage of ``default_pipeline`` and the
``rasad extract`` record serialised with orjson, as ``benchmarks/stages.py`` times them.
``--top K`` also lists the K compiled functions with the most instructions, callees included.

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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=150)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--corpus-size", type=int, default=2000)
    ap.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "rasad-stages")
    ap.add_argument("--top", type=int, default=0)
    ap.add_argument("--work", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
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
