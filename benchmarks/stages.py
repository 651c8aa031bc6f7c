"""Where extraction time goes: milliseconds per article for reading, each stage and the record.

    .venv/bin/python benchmarks/stages.py [--n 3000] [--workdir DIR] [--repeat 3] [--foundation]

Generates (or reuses) a corpus with ``benchmarks/corpus.py``, reads it once to warm caches, then
times, in this process and per input format, reading (``read_inputs``), every pipeline stage
(run as ``rasad extract`` runs them: ``BATCH_SIZE`` articles at a time, stage by stage) and
building plus serialising the ``rasad extract`` record (with orjson, as ``extract`` does).
Reports the best of ``--repeat`` runs in ms per article and the implied articles per second on
one core.

``--foundation`` times only the foundation stages (reading, ``text``, ``publication``,
``dates``, ``layout``) and a record of their fields (``file``, ``lang``, ``published``,
``published_basis``, ``source``, ``title``, ``dates``); its last column is good articles per
CPU second of this process (``time.process_time``), the measure of the foundation target.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import corpus
import orjson

from rasad import build
from rasad.batch import BATCH_SIZE
from rasad.dates.stage import DatesStage, PublicationStage
from rasad.document import Article, Document
from rasad.export.record import article_record
from rasad.ingest import read_inputs
from rasad.pipeline import Pipeline, default_pipeline
from rasad.text.stage import LayoutStage, TextStage

GROUPS = {"html": ("html",), "text": ("text", "seed", "jsonl")}


class _Timed:
    """A stage that adds the seconds each call takes to ``times[name]``."""

    def __init__(self, stage: Any, times: dict[str, float]) -> None:
        self.stage, self.times = stage, times
        self.name, self.requires, self.provides = stage.name, stage.requires, stage.provides

    def __call__(self, doc: Document) -> None:
        t = time.perf_counter()
        try:
            self.stage(doc)
        finally:
            self.times[self.name] += time.perf_counter() - t


def foundation_pipeline() -> Pipeline:
    """The stages in front of linking, in ``default_pipeline``'s order (no knowledge base)."""
    return Pipeline([TextStage(), PublicationStage(), DatesStage(), LayoutStage()])


def foundation_record(doc: Document) -> dict[str, Any]:
    """The foundation fields of the ``rasad extract`` record, with the same keys and values.

    Built here because ``article_record`` always adds entities, events and statements (and loads
    the knowledge base for them); keep in step with ``rasad.export.record.article_record``.
    """
    pub = doc.publication
    return {
        "file": doc.article.file,
        "lang": doc.lang,
        "published": pub.date.value if pub.date else None,
        "published_basis": pub.basis,
        "source": doc.source,
        "title": doc.title,
        "dates": [
            {
                "start": m.span.start,
                "end": m.span.end,
                "text": m.text,
                "kind": m.kind,
                **m.date.to_json(),
            }
            for m in doc.dates
        ],
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "rasad-stages")
    ap.add_argument(
        "--foundation",
        action="store_true",
        help="only reading, text, publication, dates and layout, with a record of their fields",
    )
    args = ap.parse_args()
    root = args.workdir / f"corpus-n{args.n}-s{args.seed}"
    if not (root / corpus.MANIFEST_NAME).exists():
        corpus.generate(root, args.n, 0.0, args.seed, force=True)
    pipe = foundation_pipeline() if args.foundation else default_pipeline()
    record = foundation_record if args.foundation else article_record
    files = corpus.corpus_files(root)
    by_group: dict[str, list[str]] = defaultdict(list)
    for p in files:
        group = "html" if p.suffix == ".html" else "text"
        by_group[group].append(str(p))
    rate = "articles/CPU-s" if args.foundation else "articles/s per core"
    print(f"rasad build: {build.describe()}", file=sys.stderr)
    print(
        "| inputs | articles | read | "
        + " | ".join(pipe.names)
        + f" | record | total ms | {rate} |"
    )
    print("|---|---:|---:|" + "---:|" * len(pipe.names) + "---:|---:|---:|")
    for group, paths in by_group.items():
        articles = [a for a in read_inputs(paths) if isinstance(a, Article)]
        for a in articles[:50]:
            record(pipe(a))  # warm up: lazy imports, models, caches
        best: dict[str, float] = {}
        for _ in range(args.repeat):
            times: dict[str, float] = defaultdict(float)
            timed = Pipeline([_Timed(stage, times) for stage in pipe.stages])
            cpu = time.process_time()
            t0 = time.perf_counter()
            read = [a for a in read_inputs(paths) if isinstance(a, Article)]
            times["read"] = time.perf_counter() - t0
            for i in range(0, len(read), BATCH_SIZE):  # as ``rasad extract`` analyses them
                for doc in timed.run_batch(read[i : i + BATCH_SIZE]):
                    assert isinstance(doc, Document), doc
                    t = time.perf_counter()
                    orjson.dumps(record(doc), option=orjson.OPT_APPEND_NEWLINE)  # as extract
                    times["record"] += time.perf_counter() - t
            times["cpu"] = time.process_time() - cpu
            for k, v in times.items():
                best[k] = min(best.get(k, v), v)
        n = len(articles)
        cols = ["read", *pipe.names, "record"]
        ms = {k: best[k] / n * 1000 for k in cols}
        total = sum(ms.values())
        cells = " | ".join(f"{ms[k]:.3f}" for k in cols)
        per_s = n / best["cpu"] if args.foundation else 1000 / total
        print(f"| {group} | {n} | {cells} | {total:.3f} | {per_s:.0f} |")


if __name__ == "__main__":
    main()
