"""Language identification on news sentences: accuracy per language and which path decided.

    .venv/bin/python eval/langid.py [--shared ../shared]

Reads the NTREX-128 news sentences (English source, Persian and Arabic references) from
``../shared/benchmarks/parallel-en-fa-ar-ntrex128`` and a variant of the Persian sentences typed
with Arabic ``ي``/``ك``, runs ``rasad.text.langid.detect`` on every sentence of 20 characters or
more, and prints a Markdown table.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from rasad.text.langid import _lingua, decide, decide_by_words, detect, script_profile

SETS = [
    ("fa", "newstest2019-ref.fas.txt", None),
    ("fa (Arabic ي/ك)", "newstest2019-ref.fas.txt", str.maketrans({"ی": "ي", "ک": "ك"})),
    ("ar", "newstest2019-ref.arb.txt", None),
    ("en", "newstest2019-src.eng.txt", None),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = Path(__file__).resolve().parents[2] / "shared"
    parser.add_argument("--shared", type=Path, default=default)
    args = parser.parse_args()
    folder = args.shared / "benchmarks" / "parallel-en-fa-ar-ntrex128"
    for warm_up in ("lingua loads its models", "مدل‌ها بارگذاری می‌شوند", "تحميل النماذج"):
        _lingua().detect_language_of(warm_up)  # models load on first use: not part of the timing
    print("| set | sentences | accuracy | script profile | function words | lingua | µs/sentence |")
    print("|---|---|---|---|---|---|---|")
    for label, name, table in SETS:
        lines = (folder / name).read_text(encoding="utf-8").splitlines()
        sentences = [s.strip() for s in lines if len(s.strip()) >= 20]
        if table is not None:
            sentences = [s.translate(table) for s in sentences]
        want = label.split()[0]
        paths = {"profile": 0, "words": 0, "lingua": 0}
        for s in sentences:
            p = script_profile(s)
            if decide(p) is not None:
                paths["profile"] += 1
            elif p.arabic > p.latin and decide_by_words(s) is not None:
                paths["words"] += 1
            else:
                paths["lingua"] += 1
        start = time.perf_counter()
        right = sum(detect(s) == want for s in sentences)
        per = (time.perf_counter() - start) / len(sentences) * 1e6
        n = len(sentences)
        print(
            f"| {label} | {n} | {right / n:.4f} | {paths['profile'] / n:.1%} | "
            f"{paths['words'] / n:.1%} | {paths['lingua'] / n:.1%} | {per:.0f} |"
        )


if __name__ == "__main__":
    main()
