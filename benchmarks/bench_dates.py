"""Cost of the dates capability per article: ``find_dates`` + ``publication_from_text``.

    python benchmarks/bench_dates.py [INPUT ...] [--dump PATH] [--compare PATH] [--profile]

Reads the articles (default ``/tmp/dcorpus``; make it with
``benchmarks/corpus.py /tmp/dcorpus --n 3000 --corrupt 0 --seed 11``), runs the default
pipeline once to get each article's language and publication date (the anchor, day precision
only, as ``DatesStage`` does), then times only the two dates calls over all articles, best of
3 rounds (``time.perf_counter``), and prints milliseconds per article.

``--dump PATH`` pickles every article's outputs (``(span, text, date, kind)`` of each mention
and the publication result); ``--compare PATH`` checks them against an earlier dump and exits
1 on any difference. ``--profile`` prints the top of a cProfile run over one round.
"""

from __future__ import annotations

import argparse
import cProfile
import pickle
import pstats
import sys
import time
from typing import Any

from rasad.dates import find_dates, publication_from_text
from rasad.document import DateValue, Lang
from rasad.ingest import read_inputs
from rasad.pipeline import default_pipeline

Case = tuple[str, str, Lang | None, DateValue | None]  # name, text, lang, anchor


def load(inputs: list[str]) -> list[Case]:
    pipe = default_pipeline()
    cases: list[Case] = []
    for art in read_inputs(inputs):
        if hasattr(art, "code"):
            continue
        doc = pipe(art)  # type: ignore[arg-type]
        anchor = doc.publication.date
        if anchor is not None and anchor.precision != "day":
            anchor = None
        cases.append((f"{art.file}#{len(cases)}", doc.text, doc.lang, anchor))  # type: ignore[union-attr]
    return cases


def one_round(cases: list[Case]) -> float:
    t0 = time.perf_counter()
    for _, text, lang, anchor in cases:
        find_dates(text, lang, anchor)
        publication_from_text(text, lang)
    return time.perf_counter() - t0


def outputs(cases: list[Case]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, text, lang, anchor in cases:
        found = [(m.span, m.text, m.date, m.kind) for m in find_dates(text, lang, anchor)]
        out[name] = (found, publication_from_text(text, lang))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("inputs", nargs="*", default=["/tmp/dcorpus"])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--dump")
    ap.add_argument("--compare")
    ap.add_argument("--profile", action="store_true")
    args = ap.parse_args()

    cases = load(args.inputs)
    if not cases:
        print("no articles", file=sys.stderr)
        return 1
    one_round(cases)  # warm-up: grammars compiled, lexicons loaded
    best = min(one_round(cases) for _ in range(args.rounds))
    print(
        f"{len(cases)} articles: {best / len(cases) * 1e3:.4f} ms/article (best of {args.rounds})"
    )

    if args.profile:
        prof = cProfile.Profile()
        prof.runcall(one_round, cases)
        pstats.Stats(prof).sort_stats("tottime").print_stats(25)

    status = 0
    if args.dump or args.compare:
        got = outputs(cases)
        if args.dump:
            with open(args.dump, "wb") as f:
                pickle.dump(got, f)
            print(f"dumped {len(got)} articles to {args.dump}")
        if args.compare:
            with open(args.compare, "rb") as f:
                want = pickle.load(f)
            diff = [k for k in want.keys() | got.keys() if want.get(k) != got.get(k)]
            print(f"compared {len(want)} articles: {len(diff)} differ")
            for k in sorted(diff)[:10]:
                print(" ", k, "\n    want", want.get(k), "\n    got ", got.get(k))
            status = 1 if diff else 0
    return status


if __name__ == "__main__":
    sys.exit(main())
