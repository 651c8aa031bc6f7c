"""Fusion and story clustering at scale: time, peak memory and growth from 10k to 100k articles.

    .venv/bin/python benchmarks/fusion.py [--sizes 10000,20000,50000,100000] [--store]

Generates a news world (:func:`world`), 137 articles a day by default (100,000 over two years;
``--per-day 0`` puts every size in the same two years instead) arriving in publication order:
real-world events between the knowledge base's people, each reported by one to five articles
in fa/ar/en with the date written out, resolved from a relative expression or left to the
publication date, some naming only the countries, plus articles without events that name the
same people. Each size runs in a fresh process and reports:

* in memory: placing every report with :class:`rasad.fusion.events.Fuser`, then clustering
  stories with :func:`rasad.fusion.stories.cluster` (names only: the generated texts are not
  sentences for the e5 similarity, whose cost docs/benchmarks.md gives separately);
* with ``--store``: writing the articles to a SQLite store in batches of 1,000 (fusion runs
  inside each write, against what the store already holds), then ``refresh_stories``;
* the pairwise precision and recall of the fused events against the generated truth;
* peak resident memory of the process.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from itertools import combinations
from pathlib import Path

TYPES = ["CONSULT"] * 6 + ["AGREE", "ACCUSE", "THREATEN", "SUPPORT", "REQUEST", "SANCTION"]
START = date(2024, 1, 1)
PER_DAY = 137  # articles a day: 100,000 over two years


def world(n: int, seed: int = 11, per_day: int = PER_DAY) -> list[dict]:
    """``n`` articles, ``per_day`` a day: dicts with id, lang, published, events and names."""
    from rasad.kb.loader import default_kb

    kb = default_kb()
    rnd = random.Random(seed)
    people = sorted(e.id for e in kb.entities.values() if e.type == "person" and e.country)
    country = {e.id: kb.country_ids.get(e.country or "") for e in kb.entities.values()}
    days = max(1, n // per_day)
    articles: list[dict] = []
    truth = 0
    while len(articles) < n:
        if rnd.random() < 0.1:  # an article without an event, naming people in the news
            names = rnd.sample(people, 3)
            pub = START + timedelta(rnd.randrange(days))
            articles.append(_article(len(articles), rnd, pub, [], names))
            continue
        a, b = rnd.sample(people, 2)
        kind = rnd.choice(TYPES)
        day = START + timedelta(rnd.randrange(days))
        truth += 1
        for _ in range(rnd.choice([1, 1, 2, 2, 3, 4, 5])):
            if len(articles) >= n:
                break
            late = rnd.random() < 0.3
            pub = day + timedelta(days=int(late))
            basis = rnd.choices(["explicit", "relative", "publication"], [5, 3, 2])[0]
            if basis == "publication":
                pub = day
            parts = (a, b)
            if rnd.random() < 0.1 and country[a] and country[b] and country[a] != country[b]:
                parts = (country[a], country[b])  # "the foreign ministers of Iran and Iraq"
            report = {
                "truth": truth,
                "type": kind,
                "participants": tuple(sorted(parts)),
                "date": day.isoformat(),
                "basis": basis,
            }
            articles.append(_article(len(articles), rnd, pub, [report], [a, b]))
    articles.sort(key=lambda art: art["published"])  # they arrive as they are published
    return articles


def _article(i: int, rnd: random.Random, pub: date, events: list, names: list) -> dict:
    return {
        "id": f"b{i:09d}",
        "lang": rnd.choice(["fa", "ar", "en"]),
        "published": pub.isoformat(),
        "events": events,
        "names": names,
    }


def pairwise(groups: dict[tuple[str, int], str], truth: dict[tuple[str, int], int]) -> tuple:
    """Pairwise precision and recall of the fused groups against the generated truth."""
    by_fused: dict[str, list] = {}
    by_truth: dict[int, list] = {}
    for key, fid in groups.items():
        by_fused.setdefault(fid, []).append(key)
        by_truth.setdefault(truth[key], []).append(key)
    same_fused = {frozenset(p) for g in by_fused.values() for p in combinations(g, 2)}
    same_truth = {frozenset(p) for g in by_truth.values() for p in combinations(g, 2)}
    tp = len(same_fused & same_truth)
    return (
        tp / len(same_fused) if same_fused else 1.0,
        tp / len(same_truth) if same_truth else 1.0,
    )


def in_memory(articles: list[dict]) -> dict:
    from functools import partial

    from rasad.events.mentions import country_of
    from rasad.fusion.events import Fuser, Report
    from rasad.fusion.stories import ArticleFacts, cluster
    from rasad.kb.loader import default_kb

    kb = default_kb()
    t0 = time.perf_counter()
    fuser = Fuser(partial(country_of, kb))
    groups: dict[tuple[str, int], str] = {}
    truth: dict[tuple[str, int], int] = {}
    for art in articles:
        for seq, r in enumerate(art["events"]):
            rep = Report(art["id"], seq, r["type"], r["participants"], r["date"], r["basis"])
            groups[(art["id"], seq)] = fuser.add(rep)
            truth[(art["id"], seq)] = r["truth"]
    t_fuse = time.perf_counter() - t0
    facts = []
    for art in articles:
        evs = tuple(
            (groups[(art["id"], s)], r["participants"], date.fromisoformat(r["date"]).toordinal())
            for s, r in enumerate(art["events"])
        )
        facts.append(
            ArticleFacts(
                art["id"],
                date.fromisoformat(art["published"]).toordinal(),
                evs,
                frozenset(art["names"]),
                "",
            )
        )
    t1 = time.perf_counter()
    stories = cluster(facts)
    t_stories = time.perf_counter() - t1
    p, r = pairwise(groups, truth)
    return {
        "reports": len(groups),
        "fused": len(set(groups.values())),
        "fuse_s": round(t_fuse, 3),
        "stories": len(stories),
        "stories_s": round(t_stories, 3),
        "pairwise_p": round(p, 4),
        "pairwise_r": round(r, 4),
    }


def in_store(articles: list[dict], workdir: Path) -> dict:
    from rasad.document import Article, DateValue, Document, Event, Link, Publication, Span
    from rasad.store import open_store

    db = workdir / f"fusion-{len(articles)}.db"
    db.unlink(missing_ok=True)
    store = open_store(f"sqlite:///{db}")
    t0 = time.perf_counter()
    batch: list[Document] = []
    for art in articles:
        text = f"{art['id']} " + " ".join(art["names"])
        doc = Document(Article(text, f"{art['id']}.txt", "text"))
        doc.lang = art["lang"]
        doc.publication = Publication(DateValue(art["published"], "day"), "text")
        doc.links = [
            Link(Span(0, len(art["id"])), art["id"], n, "name", 1.0, "generated")
            for n in art["names"]
        ]
        doc.events = [
            Event(
                r["type"],
                None,
                DateValue(r["date"], "day", "gregorian", r["basis"]),
                r["basis"],
                None,
                r["participants"],
                r["participants"],
                (),
                Span(0, len(text)),
                Span(0, 1),
                0.8,
                "generated",
            )
            for r in art["events"]
        ]
        batch.append(doc)
        if len(batch) == 1000:
            store.write(batch, [], None)
            batch = []
    if batch:
        store.write(batch, [], None)
    t_write = time.perf_counter() - t0
    t1 = time.perf_counter()
    n_stories = store.refresh_stories(similarity=None)
    t_stories = time.perf_counter() - t1
    fused = store.stats()["fused_events"]
    store.close()
    return {
        "store_write_and_fuse_s": round(t_write, 2),
        "store_stories_s": round(t_stories, 2),
        "store_fused": fused,
        "store_stories": n_stories,
    }


def one(n: int, store: bool, workdir: Path, per_day: int) -> dict:
    articles = world(n, per_day=per_day)
    out = {"articles": n, **in_memory(articles)}
    if store:
        out.update(in_store(articles, workdir))
    out["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000,20000,50000,100000")
    ap.add_argument("--store", action="store_true", help="also write through a SQLite store")
    ap.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "rasad-fusion")
    ap.add_argument(
        "--per-day", type=int, default=PER_DAY, help="articles a day (0: all sizes over two years)"
    )
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    if args.one:
        per_day = args.per_day or max(1, args.one // 730)
        print(json.dumps(one(args.one, args.store, args.workdir, per_day)))
        return
    rows = []
    for n in (int(s) for s in args.sizes.split(",")):
        cmd = [sys.executable, __file__, "--one", str(n), "--workdir", str(args.workdir)]
        cmd += ["--per-day", str(args.per_day)]
        if args.store:
            cmd.append("--store")
        rows.append(
            json.loads(subprocess.run(cmd, capture_output=True, check=True, text=True).stdout)
        )
        print(json.dumps(rows[-1]), file=sys.stderr)
    keys = list(rows[0])
    print("| " + " | ".join(keys) + " |")
    print("|" + "---:|" * len(keys))
    for row in rows:
        print("| " + " | ".join(str(row[k]) for k in keys) + " |")


if __name__ == "__main__":
    main()
