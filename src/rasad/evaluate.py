"""``rasad eval``: rasad's output scored against gold files in the seed schema, per language.

Scores (each as precision, recall and F1 where that applies):

* ``lang`` and ``published``: accuracy per article.
* ``entities``: people and organizations, matched by id; a predicted entity whose id differs
  but whose slugged English name or one of whose surfaces equals a gold entity's counts as it.
* ``events_strict``: type, participants and date; a gold event without a date (basis
  ``unknown``) matches any date. ``events_loose``: type and participants. ``events_consult``:
  strict, CONSULT only.
* ``mode``, ``location``, ``direction``: accuracy over strictly matched events (direction: the
  same actor set, where the gold gives one).
* ``statements``: speaker and kind, as a multiset per article.
* ``crossdoc``: pairs of articles that report the same event (gold: a shared ``event_key``;
  predicted: the same type, participants and date).
* Where the gold gives each event a ``fusion`` id (the real-world event) and each article its
  ``story_ids`` (the duplicate set, ``eval/fusion/``), the articles are written to a scratch
  SQLite store, which fuses their events and clusters their stories as ``rasad ingest`` does:

  - ``fusion``: pairs of reports (events of different articles) in one fused event, against
    pairs with one fusion id. Each predicted event is first aligned with a gold event of its
    article (same type and participants, the same date first); pairs with an event that has no
    counterpart are left out, so this scores fusion, not extraction. ``fusion_coverage`` is the
    share of gold reports aligned.
  - ``fusion_e2e``: the same pairs end to end: an unaligned event's pairs count as wrong, a
    gold pair with an unfound report as missed.
  - ``fusion_gold``: the fusion of the gold events themselves (as if extraction were
    perfect), by the same :class:`~rasad.fusion.events.Fuser`: what fusion alone gets right on
    the whole set, near-misses included.
  - ``stories``: pairs of articles sharing a story, against pairs sharing a gold story id.

Floors live in ``eval/baseline.json``: ``check_floors`` lists every score below its floor, and
``raise_floors`` refuses to lower one unless told to.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

from rasad.errors import Code, InputError

GROUPS = ("all", "fa", "ar", "en")
PRF_KEYS = (
    "entities",
    "events_strict",
    "events_loose",
    "events_consult",
    "statements",
    "crossdoc",
    "fusion",
    "fusion_e2e",
    "fusion_gold",
    "stories",
)
ACC_KEYS = ("lang", "published", "mode", "location", "direction", "fusion_coverage")


def load_gold(paths: Iterable[Path]) -> dict[str, dict[str, Any]]:
    """Gold records by file name, from one or more JSON Lines files."""
    out: dict[str, dict[str, Any]] = {}
    for path in paths:
        try:
            lines = Path(path).read_text(encoding="utf-8").splitlines()
        except OSError as e:
            raise InputError(Code.E060, path=str(path), detail=str(e)) from e
        for n, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as e:
                raise InputError(Code.E060, path=f"{path}:{n}", detail=str(e)) from e
            if not isinstance(record, dict) or "file" not in record:
                raise InputError(Code.E060, path=f"{path}:{n}", detail="a gold record needs 'file'")
            out[record["file"]] = record
    return out


def _slug(s: str | None) -> str:
    s = unicodedata.normalize("NFKD", s or "").encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def _fold(s: str) -> str:
    return re.sub(r"[\u200c\u064b-\u065f\u0640]", "", s).replace("ي", "ی").replace("ك", "ک")


def entity_map(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> dict[str, str]:
    """Predicted id -> gold id: the same id, else the same slugged name, else a shared surface."""
    by_id = {e["id"] for e in gold.get("entities", [])}
    by_slug = {_slug(e.get("name_en")): e["id"] for e in gold.get("entities", [])}
    by_surface = {
        _fold(s): e["id"] for e in gold.get("entities", []) for s in e.get("surfaces", [])
    }
    out: dict[str, str] = {}
    for e in pred.get("entities", []) or []:
        pid = e.get("id")
        if pid in by_id:
            out[pid] = pid
        elif _slug(e.get("name_en")) in by_slug:
            out[pid] = by_slug[_slug(e.get("name_en"))]
        else:
            for s in e.get("surfaces", []):
                if _fold(s) in by_surface:
                    out[pid] = by_surface[_fold(s)]
                    break
    return out


@dataclass
class Tally:
    counts: Counter[str] = field(default_factory=Counter)

    def prf(self, name: str, tp: int, fp: int, fn: int) -> None:
        self.counts[f"{name}.tp"] += tp
        self.counts[f"{name}.fp"] += fp
        self.counts[f"{name}.fn"] += fn

    def acc(self, name: str, right: bool) -> None:
        self.counts[f"{name}.right"] += int(right)
        self.counts[f"{name}.n"] += 1

    def scores(self) -> dict[str, float | None]:
        c = self.counts
        out: dict[str, float | None] = {}
        for k in PRF_KEYS:
            tp, fp, fn = c[f"{k}.tp"], c[f"{k}.fp"], c[f"{k}.fn"]
            p = tp / (tp + fp) if tp + fp else None
            r = tp / (tp + fn) if tp + fn else None
            f = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else None
            out[f"{k}_p"], out[f"{k}_r"], out[f"{k}_f1"] = _r(p), _r(r), _r(f)
        for k in ACC_KEYS:
            n = c[f"{k}.n"]
            out[k] = _r(c[f"{k}.right"] / n) if n else None
        out["articles"] = c["articles.n"]
        return out


def _r(x: float | None) -> float | None:
    return None if x is None else round(x, 3)


@dataclass(frozen=True)
class Fusion:
    """What the store made of the predicted articles: fused event of each (file, event index),
    stories of each file."""

    events: Mapping[tuple[str, int], str]
    stories: Mapping[str, set[str]]


def fuse_in_store(docs: Iterable[Any]) -> Fusion:
    """Write ``docs`` (analysed documents) to a scratch SQLite store; its fused events and
    stories."""
    import tempfile

    from sqlalchemy import select

    from rasad.store import open_store, schema

    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(f"sqlite:///{Path(tmp) / 'eval.db'}")
        try:
            store.write(list(docs), [], None)
            store.refresh_stories()
            a, fs, sa = schema.articles, schema.fused_sources, schema.story_articles
            with store.engine.connect() as conn:
                q = select(a.c.file, fs.c.seq, fs.c.fused_id).join(a, a.c.id == fs.c.article_id)
                events = {(f, seq): fid for f, seq, fid in conn.execute(q)}
                stories: dict[str, set[str]] = {}
                q2 = select(a.c.file, sa.c.story_id).join(a, a.c.id == sa.c.article_id)
                for f, sid in conn.execute(q2):
                    stories.setdefault(f, set()).add(sid)
        finally:
            store.close()
    return Fusion(events, stories)


def score(
    gold: Mapping[str, Any], pred: Mapping[str, Any], fusion: Fusion | None = None
) -> dict[str, dict[str, float | None]]:
    """Scores per language group (``all``, ``fa``, ``ar``, ``en``) of ``pred`` against ``gold``;
    with ``fusion``, also of the fused events and stories (module doc)."""
    tallies = {g: Tally() for g in GROUPS}
    keyed: dict[tuple[Any, ...], set[str]] = {}
    gold_keys: dict[str, set[str]] = {}
    for name in sorted(gold):
        g, p = gold[name], pred.get(name, {})
        groups = [tallies["all"]] + ([tallies[g["lang"]]] if g.get("lang") in tallies else [])
        m = entity_map(g, p)
        for t in groups:
            _article(t, g, p, m)
        for ev in p.get("events", []) or []:
            if ev.get("date"):
                parts = frozenset(m.get(x, "PRED:" + x) for x in ev.get("participants", []))
                keyed.setdefault((ev.get("type"), parts, ev.get("date")), set()).add(name)
        for ev in g.get("events", []):
            if ev.get("date"):
                gold_keys.setdefault(ev["event_key"], set()).add(name)
    gpairs = _pairs(gold_keys.values())
    ppairs = _pairs(keyed.values())
    langs = {name: gold[name].get("lang") for name in gold}
    for group, t in tallies.items():

        def keep(pair: tuple[str, str], group: str = group) -> bool:
            return group == "all" or any(langs.get(f) == group for f in pair)

        gp = {x for x in gpairs if keep(x)}
        pp = {x for x in ppairs if keep(x)}
        t.prf("crossdoc", len(gp & pp), len(pp - gp), len(gp - pp))
    if fusion is not None:
        _score_fusion(gold, pred, fusion, tallies)
    return {g: t.scores() for g, t in tallies.items() if t.counts["articles.n"]}


def _align(g: Mapping[str, Any], p: Mapping[str, Any]) -> dict[int, str]:
    """Predicted event index -> the gold ``fusion`` id of the gold event it reports."""
    m = entity_map(g, p)
    gold_ev = [
        (e.get("type"), frozenset(e.get("participants", [])), e.get("date"), e.get("fusion"))
        for e in g.get("events", [])
    ]
    out: dict[int, str] = {}
    used: set[int] = set()
    for same_date in (True, False):
        for i, e in enumerate(p.get("events", []) or []):
            if i in out:
                continue
            parts = frozenset(m.get(x, "PRED:" + x) for x in e.get("participants", []))
            for j, (gt, gp, gd, fid) in enumerate(gold_ev):
                if j in used or fid is None or gt != e.get("type") or gp != parts:
                    continue
                if gd != e.get("date") and (same_date or not _near(gd, e.get("date"))):
                    continue
                out[i] = fid
                used.add(j)
                break
    return out


def _near(a: str | None, b: str | None, days: int = 2) -> bool:
    """True when both are days no more than ``days`` apart, or the gold gives no date."""
    from datetime import date

    if a is None:
        return True
    if b is None or len(a) != 10 or len(b) != 10:
        return False
    return abs(date.fromisoformat(a).toordinal() - date.fromisoformat(b).toordinal()) <= days


def _score_fusion(
    gold: Mapping[str, Any], pred: Mapping[str, Any], fusion: Fusion, tallies: dict[str, Tally]
) -> None:
    langs = {name: gold[name].get("lang") for name in gold}
    gold_reports: dict[str, list[tuple[str, int]]] = {}  # fusion id -> (file, gold index)
    found: dict[tuple[str, int], str] = {}  # (file, pred index) -> gold fusion id
    for name in sorted(gold):
        for j, e in enumerate(gold[name].get("events", [])):
            if e.get("fusion"):
                gold_reports.setdefault(e["fusion"], []).append((name, j))
        for i, fid in _align(gold[name], pred.get(name, {})).items():
            found[(name, i)] = fid
    if not gold_reports:
        return
    aligned = {(f, fid) for (f, _i), fid in found.items()}
    oracle = _fuse_gold(gold)
    gold_pairs = set()
    for fid, reports in gold_reports.items():
        for (f1, _), (f2, _) in combinations(reports, 2):
            if f1 != f2:
                gold_pairs.add((min(f1, f2), max(f1, f2), fid))
    by_fused: dict[str, list[tuple[str, int]]] = {}
    for (f, i), fused in fusion.events.items():
        if f in gold:
            by_fused.setdefault(fused, []).append((f, i))
    pred_pairs = []  # (file, file, gold id or None, gold id or None)
    for members in by_fused.values():
        for (f1, i1), (f2, i2) in combinations(sorted(members), 2):
            pred_pairs.append((f1, f2, found.get((f1, i1)), found.get((f2, i2))))
    for group, t in tallies.items():

        def keep(*files: str, group: str = group) -> bool:
            return group == "all" or any(langs.get(f) == group for f in files)

        gp = {x for x in gold_pairs if keep(x[0], x[1])}
        pp = [x for x in pred_pairs if keep(x[0], x[1])]
        hit = {(f1, f2, a) for f1, f2, a, b in pp if a is not None and a == b}
        both_found = {x for x in gp if (x[0], x[2]) in aligned and (x[1], x[2]) in aligned}
        wrong = sum(1 for _f1, _f2, a, b in pp if a is not None and b is not None and a != b)
        t.prf("fusion", len(hit & gp), wrong, len(both_found - hit))
        unaligned = sum(1 for _f1, _f2, a, b in pp if a is None or b is None)
        t.prf("fusion_e2e", len(hit & gp), wrong + unaligned, len(gp - hit))
        right = {x for x in oracle if keep(x[0], x[1]) and x[2] is not None}
        t.prf(
            "fusion_gold",
            len(right & gp),
            sum(1 for x in oracle if keep(x[0], x[1]) and x[2] is None),
            len(gp - right),
        )
        for fid, reports in gold_reports.items():
            for f, _j in reports:
                if keep(f):
                    t.acc("fusion_coverage", (f, fid) in aligned)
        gs = _pairs(_groups_of({f: set(gold[f].get("story_ids", [])) for f in gold}))
        ps = _pairs(_groups_of({f: set(fusion.stories.get(f, ())) for f in gold}))
        gs = {x for x in gs if keep(*x)}
        ps = {x for x in ps if keep(*x)}
        t.prf("stories", len(gs & ps), len(ps - gs), len(gs - ps))


def _fuse_gold(gold: Mapping[str, Any]) -> set[tuple[str, str, str | None]]:
    """Pairs of gold reports the fuser puts in one event: (file, file, fusion id or None when
    the two are different real-world events)."""
    from functools import partial

    from rasad.events.mentions import country_of
    from rasad.fusion.events import Fuser, Report
    from rasad.kb.loader import default_kb

    fuser = Fuser(partial(country_of, default_kb()))
    members: dict[str, list[tuple[str, str]]] = {}
    for name in sorted(gold):
        for j, e in enumerate(gold[name].get("events", [])):
            if not e.get("fusion"):
                continue
            report = Report(
                name,
                j,
                e["type"],
                tuple(sorted(e.get("participants", []))),
                e.get("date"),
                e.get("date_basis") or "unknown",
                e.get("mode"),
                _place_id(e.get("location")),
            )
            members.setdefault(fuser.add(report), []).append((name, e["fusion"]))
    out: set[tuple[str, str, str | None]] = set()
    for group in members.values():
        for (f1, a), (f2, b) in combinations(sorted(group), 2):
            out.add((f1, f2, a if a == b else None))
    return out


def _place_id(name: str | None) -> str | None:
    """The knowledge-base id of a place the gold names in English."""
    if not name:
        return None
    from rasad.kb.loader import default_kb

    slug = _slug(name)
    kb = default_kb()
    if slug in kb.entities:
        return slug
    return next((e.id for e in kb.entities.values() if _slug(e.name_en) == slug), None)


def _groups_of(memberships: Mapping[str, set[str]]) -> list[set[str]]:
    groups: dict[str, set[str]] = {}
    for f, ids in memberships.items():
        for sid in ids:
            groups.setdefault(sid, set()).add(f)
    return list(groups.values())


def _pairs(groups: Iterable[set[str]]) -> set[tuple[str, str]]:
    out: set[tuple[str, str]] = set()
    for files in groups:
        out.update(combinations(sorted(files), 2))
    return out


def _article(t: Tally, g: Mapping[str, Any], p: Mapping[str, Any], m: dict[str, str]) -> None:
    t.acc("articles", True)
    t.acc("lang", p.get("lang") == g.get("lang"))
    t.acc("published", p.get("published") == g.get("published"))
    named = ("person", "organization")
    gids = {e["id"] for e in g.get("entities", []) if e.get("type") in named}
    pids = {
        m.get(e.get("id"), "PRED:" + str(e.get("id")))
        for e in p.get("entities", []) or []
        if e.get("type") in named
    }
    t.prf("entities", len(gids & pids), len(pids - gids), len(gids - pids))
    gold_ev = [
        (
            e.get("type"),
            frozenset(e.get("participants", [])),
            "*" if e.get("date_basis") == "unknown" else e.get("date"),
            e,
        )
        for e in g.get("events", [])
    ]
    pred_ev = [
        (
            e.get("type"),
            frozenset(m.get(x, "PRED:" + x) for x in e.get("participants", [])),
            e.get("date"),
            e,
        )
        for e in p.get("events", []) or []
    ]
    for name, strict, only in (
        ("events_strict", True, None),
        ("events_loose", False, None),
        ("events_consult", True, "CONSULT"),
    ):
        used: set[int] = set()
        tp = 0
        pairs = []
        for pt, pp, pd, pe in pred_ev:
            if only and pt != only:
                continue
            for i, (gt, gp, gd, ge) in enumerate(gold_ev):
                if i in used or gt != pt or gp != pp or (strict and gd != "*" and gd != pd):
                    continue
                used.add(i)
                tp += 1
                pairs.append((pe, ge))
                break
        n_pred = sum(1 for x in pred_ev if not only or x[0] == only)
        n_gold = sum(1 for x in gold_ev if not only or x[0] == only)
        t.prf(name, tp, n_pred - tp, n_gold - tp)
        if name == "events_strict":
            for pe, ge in pairs:
                t.acc("mode", pe.get("mode") == ge.get("mode"))
                t.acc(
                    "location",
                    (pe.get("location") or "").lower() == (ge.get("location") or "").lower(),
                )
                if ge.get("actor"):
                    mapped = {m.get(x, x) for x in pe.get("actor", [])}
                    t.acc("direction", mapped == set(ge["actor"]))
    if "statements" not in g:
        return  # a gold set that does not annotate statements (eval/fusion)
    gst = Counter((s.get("speaker"), s.get("kind")) for s in g.get("statements", []))
    pst = Counter(
        (m.get(s.get("speaker"), "PRED:" + str(s.get("speaker"))), s.get("kind"))
        for s in p.get("statements", []) or []
    )
    tps = sum((gst & pst).values())
    t.prf("statements", tps, sum(pst.values()) - tps, sum(gst.values()) - tps)


# -- floors ----------------------------------------------------------------------------------


def floors_below(
    scores: Mapping[str, Mapping[str, float | None]], floors: Mapping[str, Mapping[str, float]]
) -> list[str]:
    """Every score under its floor, as ``group.metric: score < floor``."""
    out = []
    for group, metrics in floors.items():
        for metric, floor in metrics.items():
            value = scores.get(group, {}).get(metric)
            if value is None or value < floor:
                out.append(f"{group}.{metric}: {value} < {floor}")
    return out


def raise_floors(
    old: Mapping[str, Mapping[str, float]],
    scores: Mapping[str, Mapping[str, float | None]],
    *,
    allow_lower: bool = False,
) -> dict[str, dict[str, float]]:
    """Floors set to the current scores; lowering one needs ``allow_lower``."""
    new: dict[str, dict[str, float]] = {}
    for group, metrics in scores.items():
        for metric, value in metrics.items():
            if value is None or metric == "articles":
                continue
            floor = old.get(group, {}).get(metric)
            if floor is not None and value < floor and not allow_lower:
                raise InputError(
                    Code.E061,
                    detail=f"{group}.{metric} would drop from {floor} to {value}; "
                    "pass --allow-lower to lower a floor",
                )
            new.setdefault(group, {})[metric] = value
    return new


def table(scores: Mapping[str, Mapping[str, float | None]]) -> str:
    """A plain-text table: one row per metric, one column per language group."""
    groups = [g for g in GROUPS if g in scores]
    metrics = ["articles", *ACC_KEYS[:2]]
    for k in PRF_KEYS:
        metrics += [f"{k}_p", f"{k}_r", f"{k}_f1"]
    metrics += list(ACC_KEYS[2:])
    width = max(len(m) for m in metrics)
    lines = ["metric".ljust(width) + "".join(g.rjust(8) for g in groups)]
    for metric in metrics:
        cells = []
        for g in groups:
            v = scores[g].get(metric)
            cells.append(("-" if v is None else f"{v:g}").rjust(8))
        lines.append(metric.ljust(width) + "".join(cells))
    return "\n".join(lines)
