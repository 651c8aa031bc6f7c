"""Where extraction time goes: milliseconds per article for reading, each stage and the record.

    .venv/bin/python benchmarks/stages.py [--n 3000] [--workdir DIR] [--repeat 3]

Generates (or reuses) a corpus with ``benchmarks/corpus.py``, reads it once to warm caches, then
times, in this process and per input format, reading (``read_inputs``), every pipeline stage
and building plus serialising the ``rasad extract`` record. Reports the best of ``--repeat``
runs in ms per article and the implied articles per second on one core.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import corpus

from rasad.document import Article, Document
from rasad.export.record import article_record
from rasad.ingest import read_inputs
from rasad.pipeline import default_pipeline

GROUPS = {"html": ("html",), "text": ("text", "seed", "jsonl")}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "rasad-stages")
    args = ap.parse_args()
    root = args.workdir / f"corpus-n{args.n}-s{args.seed}"
    if not (root / corpus.MANIFEST_NAME).exists():
        corpus.generate(root, args.n, 0.0, args.seed, force=True)
    pipe = default_pipeline()
    files = sorted(p for p in root.rglob("*") if p.is_file() and p.name != corpus.MANIFEST_NAME)
    by_group: dict[str, list[str]] = defaultdict(list)
    for p in files:
        group = "html" if p.suffix == ".html" else "text"
        by_group[group].append(str(p))
    print(
        "| inputs | articles | read | "
        + " | ".join(pipe.names)
        + " | record | total ms | articles/s per core |"
    )
    print("|---|---:|---:|" + "---:|" * len(pipe.names) + "---:|---:|---:|")
    for group, paths in by_group.items():
        articles = [a for a in read_inputs(paths) if isinstance(a, Article)]
        for a in articles[:50]:
            article_record(pipe(a))  # warm up: lazy imports, models, caches
        best: dict[str, float] = {}
        for _ in range(args.repeat):
            times: dict[str, float] = defaultdict(float)
            t0 = time.perf_counter()
            read = [a for a in read_inputs(paths) if isinstance(a, Article)]
            times["read"] = time.perf_counter() - t0
            for a in read:
                doc = Document(a)
                for stage in pipe.stages:
                    t = time.perf_counter()
                    stage(doc)
                    times[stage.name] += time.perf_counter() - t
                t = time.perf_counter()
                json.dumps(article_record(doc), ensure_ascii=False)
                times["record"] += time.perf_counter() - t
            for k, v in times.items():
                best[k] = min(best.get(k, v), v)
        n = len(articles)
        cols = ["read", *pipe.names, "record"]
        ms = {k: best[k] / n * 1000 for k in cols}
        total = sum(ms.values())
        cells = " | ".join(f"{ms[k]:.3f}" for k in cols)
        print(f"| {group} | {n} | {cells} | {total:.3f} | {1000 / total:.0f} |")


if __name__ == "__main__":
    main()
