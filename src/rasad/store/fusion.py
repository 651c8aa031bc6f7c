"""Fusion inside a store write: new events join the fused events already stored, or found new ones.

Runs in the transaction that stores the articles, so an article and its place among the fused
events are committed together. Only the fused events a new report could join are read: those
of the same types, filed under one of the reports' blocks (:class:`~rasad.fusion.events.Fuser`),
whose windows reach the reports' days.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from functools import partial
from typing import Any

from sqlalchemy import Connection, and_, func, select, update

from rasad.document import Document
from rasad.events.mentions import country_of
from rasad.fusion.events import Fused, Fuser, Report, day_of, fused_id, window
from rasad.store import schema

CHUNK = 500


def reports(docs: Mapping[str, Document]) -> list[Report]:
    """The events of ``docs`` as reports, in a fixed order (by article id, then position)."""
    out = []
    for aid in sorted(docs):
        for seq, ev in enumerate(docs[aid].events):
            out.append(
                Report(
                    aid,
                    seq,
                    ev.type,
                    ev.participants,
                    ev.date.value if ev.date else None,
                    ev.date_basis,
                    ev.mode,
                    ev.location,
                    ev.actor,
                    ev.recipient,
                    ev.confidence,
                )
            )
    return out


def _chunks(items: Iterable[str]) -> Iterable[list[str]]:
    items = sorted(items)
    for i in range(0, len(items), CHUNK):
        yield items[i : i + CHUNK]


def _ordinal(iso: str | None) -> int | None:
    return date.fromisoformat(iso).toordinal() if iso else None


def fuse(conn: Connection, docs: Mapping[str, Document], now: datetime) -> int:
    """Place the events of the newly stored ``docs``; the number of fused events written."""
    from rasad.kb.loader import default_kb

    new = reports(docs)
    if not new:
        return 0
    fuser = Fuser(partial(country_of, default_kb()))
    spans = [s for s in (window(r.date, r.basis) for r in new) if s is not None]
    if spans:
        fuser.load(
            _candidates(conn, fuser, new, min(s[0] for s in spans), max(s[1] for s in spans))
        )
    loaded = set(fuser.events)
    for r in new:
        fuser.add(r)
    founded = [f for f in fuser.events.values() if f.founded]
    _rename_taken(conn, fuser, founded)
    fe, fb, fs = schema.fused_events, schema.fused_blocks, schema.fused_sources
    if founded:
        conn.execute(fe.insert(), [_row(f, now) for f in founded])
    grown = [f for fid, f in fuser.events.items() if fid in loaded and f.new]
    for f in grown:
        values = _row(f, now)
        del values["id"], values["type"]
        conn.execute(update(fe).where(fe.c.id == f.id).values(**values))
    blocks = {(f.id, b) for f in [*founded, *grown] for b in fuser.blocks(f)}
    if grown:
        for ids in _chunks({f.id for f in grown}):
            have = conn.execute(select(fb.c.fused_id, fb.c.block).where(fb.c.fused_id.in_(ids)))
            blocks -= {(fid, b) for fid, b in have}
    if blocks:
        conn.execute(fb.insert(), [{"fused_id": i, "block": b} for i, b in sorted(blocks)])
    conn.execute(
        fs.insert(),
        [
            {"article_id": r.article, "seq": r.seq, "fused_id": f.id}
            for f in fuser.events.values()
            for r in f.new
        ],
    )
    return len(founded) + len(grown)


def _candidates(conn: Connection, fuser: Fuser, new: list[Report], lo: int, hi: int) -> list[Fused]:
    fe, fb, fs = schema.fused_events, schema.fused_blocks, schema.fused_sources
    keys = set().union(*(fuser.lookups(r) for r in new))
    types = sorted({r.type for r in new})
    rows: dict[str, Any] = {}
    for chunk in _chunks(keys):
        q = select(fe).where(
            and_(
                fe.c.type.in_(types),
                fe.c.date_lo <= day_of(hi),
                fe.c.date_hi >= day_of(lo),
                fe.c.id.in_(select(fb.c.fused_id).where(fb.c.block.in_(chunk))),
            )
        )
        for row in conn.execute(q).mappings():
            rows[row["id"]] = row
    articles: dict[str, set[str]] = {fid: set() for fid in rows}
    for ids in _chunks(rows):
        for aid, fid in conn.execute(
            select(fs.c.article_id, fs.c.fused_id).where(fs.c.fused_id.in_(ids))
        ):
            articles[fid].add(aid)
    return [
        Fused(
            fid,
            row["type"],
            tuple(row["participants"].split("+")) if row["participants"] else (),
            _ordinal(row["date_lo"]),
            _ordinal(row["date_hi"]),
            row["sources"],
            articles[fid],
            set(filter(None, row["visited"].split("+"))),
        )
        for fid, row in sorted(rows.items())
    ]


def _rename_taken(conn: Connection, fuser: Fuser, founded: list[Fused]) -> None:
    """Give a new fused event whose id the store already holds (not loaded) another id."""
    fe = schema.fused_events
    taken: set[str] = set()
    for ids in _chunks(f.id for f in founded):
        taken.update(conn.execute(select(fe.c.id).where(fe.c.id.in_(ids))).scalars())
    for f in founded:
        if f.id in taken:
            first = f.new[0]
            del fuser.events[f.id]
            f.id = fused_id(first.key, f"{first.article}:{first.seq}")
            fuser.events[f.id] = f


def _row(f: Fused, now: datetime) -> dict[str, Any]:
    return {
        "id": f.id,
        "type": f.type,
        "participants": "+".join(f.participants),
        "date_lo": day_of(f.lo) if f.lo is not None else None,
        "date_hi": day_of(f.hi) if f.hi is not None else None,
        "visited": "+".join(sorted(f.visited)),
        "sources": f.sources,
        "updated_at": now,
    }


def refresh_stories(conn: Connection, now: datetime, similarity: Any = None) -> int:
    """Cluster every stored article into stories (:mod:`rasad.fusion.stories`) and rewrite the
    story tables; the number of stories. ``similarity`` is ``"e5"`` (multilingual-e5-small,
    each sentence's vector computed once and kept in ``lead_vectors``), a function scoring
    pairs of sentences, or None (names alone)."""
    from rasad.fusion.stories import cluster, e5_similarity

    if similarity == "e5":
        similarity = partial(e5_similarity, vectors=partial(cached_vectors, conn))
    facts = list(_article_facts(conn))
    found = cluster(facts, similarity)
    sa, se, st = schema.story_articles, schema.story_events, schema.stories
    conn.execute(se.delete())
    conn.execute(sa.delete())
    conn.execute(st.delete())
    rows: list[dict[str, Any]] = []
    members: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    for story in found:
        rows.append(
            {
                "id": story.id,
                "first_date": day_of(min(story.days)) if story.days else None,
                "last_date": day_of(max(story.days)) if story.days else None,
                "articles": len(story.articles),
                "events": len(story.events),
                "updated_at": now,
            }
        )
        members.extend(
            {"story_id": story.id, "article_id": a, "reason": r}
            for a, r in sorted(story.articles.items())
        )
        events.extend({"story_id": story.id, "fused_id": f} for f in sorted(story.events))
    for table, batch in ((st, rows), (sa, members), (se, events)):
        for i in range(0, len(batch), 5000):
            conn.execute(table.insert(), batch[i : i + 5000])
    return len(rows)


def cached_vectors(conn: Connection, sentences: list[str]) -> Any:
    """Unit e5 vectors of ``sentences``: from ``lead_vectors`` where kept, else computed and
    kept."""
    import hashlib

    import numpy as np

    from rasad.fusion.stories import embed

    lv = schema.lead_vectors
    keys = [hashlib.blake2b(s.encode(), digest_size=16).hexdigest() for s in sentences]
    have: dict[str, Any] = {}
    for chunk in _chunks(set(keys)):
        for key, blob in conn.execute(select(lv.c.key, lv.c.vector).where(lv.c.key.in_(chunk))):
            have[key] = np.frombuffer(blob, dtype=np.float32)
    missing = sorted({(k, s) for k, s in zip(keys, sentences, strict=True) if k not in have})
    if missing:
        fresh = embed([s for _k, s in missing])
        conn.execute(
            lv.insert(),
            [{"key": k, "vector": v.tobytes()} for (k, _s), v in zip(missing, fresh, strict=True)],
        )
        have.update({k: v for (k, _s), v in zip(missing, fresh, strict=True)})
    return np.stack([have[k] for k in keys]) if keys else embed([])


def _article_facts(conn: Connection) -> Iterable[Any]:
    from rasad.fusion.stories import ArticleFacts

    a, fs, fe = schema.articles, schema.fused_sources, schema.fused_events
    ent, men = schema.entities, schema.mentions
    ev = schema.events
    events: dict[str, list[tuple[str, tuple[str, ...], int | None]]] = {}
    q = (
        select(fs.c.article_id, fe.c.id, fe.c.participants, ev.c.date)
        .join(fe, fe.c.id == fs.c.fused_id)
        .join(ev, and_(ev.c.article_id == fs.c.article_id, ev.c.seq == fs.c.seq))
    )
    for aid, fid, participants, day in conn.execute(q):
        people = tuple(p for p in participants.split("+") if p)
        # the day this article gives the event, where it gives one
        events.setdefault(aid, []).append(
            (fid, people, _ordinal(day) if day and len(day) == 10 else None)
        )
    names: dict[str, set[str]] = {}
    q2 = (
        select(men.c.article_id, men.c.entity_id)
        .join(ent, ent.c.id == men.c.entity_id)
        .where(ent.c.type.in_(("person", "organization")))
        .distinct()
    )
    for aid, eid in conn.execute(q2):
        names.setdefault(aid, set()).add(eid)
    lead = func.coalesce(a.c.title, func.substr(a.c.text, 1, 300))
    for aid, published, text in conn.execute(select(a.c.id, a.c.published, lead).order_by(a.c.id)):
        day = None
        if published and len(published) == 10:
            day = _ordinal(published)
        yield ArticleFacts(
            aid,
            day,
            tuple(events.get(aid, ())),
            frozenset(names.get(aid, ())),
            (text or "").strip(),
        )


PAGE = 1000


def fused_event_records(conn: Connection) -> Iterable[dict[str, Any]]:
    """Every fused event with its sources, in id order (the ``rasad export events`` record)."""
    fe = schema.fused_events
    ids = list(conn.execute(select(fe.c.id).order_by(fe.c.id)).scalars())
    for i in range(0, len(ids), PAGE):
        yield from _fused_page(conn, ids[i : i + PAGE])


def _fused_page(conn: Connection, ids: list[str]) -> Iterable[dict[str, Any]]:
    fe, fs, ev, a = schema.fused_events, schema.fused_sources, schema.events, schema.articles
    ep = schema.event_participants
    heads = {r["id"]: r for r in conn.execute(select(fe).where(fe.c.id.in_(ids))).mappings()}
    evidence = func.substr(a.c.text, ev.c.start + 1, ev.c.end - ev.c.start)
    q = (
        select(
            fs.c.fused_id,
            ev.c.article_id,
            ev.c.seq,
            ev.c.mode,
            ev.c.date,
            ev.c.date_basis,
            ev.c.location_id,
            ev.c.start,
            ev.c.end,
            ev.c.confidence,
            a.c.file,
            a.c.url,
            a.c.lang,
            a.c.outlet,
            a.c.published,
            evidence.label("evidence"),
        )
        .join(ev, and_(ev.c.article_id == fs.c.article_id, ev.c.seq == fs.c.seq))
        .join(a, a.c.id == fs.c.article_id)
        .where(fs.c.fused_id.in_(ids))
        .order_by(fs.c.fused_id, a.c.published, ev.c.article_id, ev.c.seq)
    )
    sources = _grouped(conn, q, "fused_id", ids, keep=True)
    roles: dict[tuple[str, int], dict[str, str]] = {}
    q2 = (
        select(ep.c.article_id, ep.c.seq, ep.c.entity_id, ep.c.role)
        .join(fs, and_(fs.c.article_id == ep.c.article_id, fs.c.seq == ep.c.seq))
        .where(fs.c.fused_id.in_(ids))
    )
    for aid, seq, eid, role in conn.execute(q2):
        roles.setdefault((aid, seq), {})[eid] = role
    wanted = {p for h in heads.values() for p in h["participants"].split("+") if p}
    wanted |= {s["location_id"] for ss in sources.values() for s in ss if s["location_id"]}
    names = _names(conn, wanted)
    for fid in ids:
        yield _fused_record(heads[fid], sources[fid], roles, names)


def _fused_record(
    head: Any,
    sources: list[dict[str, Any]],
    roles: dict[tuple[str, int], dict[str, str]],
    names: dict[str, str | None],
) -> dict[str, Any]:
    from rasad.fusion.events import ranked

    participants = [p for p in head["participants"].split("+") if p]
    votes: dict[str, list[str]] = {"actor": [], "recipient": []}
    for s in sources:
        for eid, role in roles.get((s["article_id"], s["seq"]), {}).items():
            if eid in participants:
                votes[role].append(eid)
    # an entity is on the side most of its reports put it
    side = {
        p: ("recipient" if votes["recipient"].count(p) > votes["actor"].count(p) else "actor")
        for p in participants
    }
    dated = [s["date"] for s in sources]
    dates = ranked(dated)
    best = max(
        (s for s in sources if s["date"]),
        key=lambda s: (
            dated.count(s["date"]),
            {"explicit": 3, "relative": 2, "publication": 1}.get(s["date_basis"], 0),
            len(s["date"]),
        ),
        default=None,
    )
    modes = ranked(s["mode"] for s in sources)
    places = ranked(s["location_id"] for s in sources)
    return {
        "id": head["id"],
        "type": head["type"],
        "mode": modes[0][0] if modes else None,
        "date": best["date"] if best else None,
        "date_window": {"from": head["date_lo"], "to": head["date_hi"]},
        "location": names.get(places[0][0]) if places else None,  # type: ignore[call-overload]
        "location_id": places[0][0] if places else None,
        "actor": [p for p in participants if side[p] == "actor"],
        "recipient": [p for p in participants if side[p] == "recipient"],
        "participants": [{"id": p, "name": names.get(p)} for p in participants],
        "conflicts": {
            k: [{"value": v, "sources": n} for v, n in vals]
            for k, vals in (("date", dates), ("mode", modes), ("location", places))
            if len(vals) > 1
        },
        "languages": sorted({s["lang"] for s in sources if s["lang"]}),
        "sources": [
            {
                "file": s["file"],
                "url": s["url"],
                "lang": s["lang"],
                "outlet": s["outlet"],
                "published": s["published"],
                "evidence": s["evidence"],
                "span": {"start": s["start"], "end": s["end"]},
                "date": s["date"],
                "date_basis": s["date_basis"],
                "mode": s["mode"],
                "confidence": s["confidence"],
            }
            for s in sources
        ],
    }


def story_records(conn: Connection) -> Iterable[dict[str, Any]]:
    """Every story with its articles and fused events (the ``rasad export stories`` record)."""
    st, sa, se, a = schema.stories, schema.story_articles, schema.story_events, schema.articles
    fe = schema.fused_events
    heads = list(conn.execute(select(st).order_by(st.c.id)).mappings())
    for i in range(0, len(heads), PAGE):
        page = heads[i : i + PAGE]
        ids = [h["id"] for h in page]
        q = (
            select(
                sa.c.story_id,
                sa.c.reason,
                a.c.id,
                a.c.file,
                a.c.url,
                a.c.lang,
                a.c.title,
                a.c.outlet,
                a.c.published,
            )
            .join(a, a.c.id == sa.c.article_id)
            .where(sa.c.story_id.in_(ids))
            .order_by(sa.c.story_id, a.c.published, a.c.id)
        )
        members = _grouped(conn, q, "story_id", ids)
        q2 = (
            select(
                se.c.story_id,
                fe.c.id,
                fe.c.type,
                fe.c.participants,
                fe.c.date_lo,
                fe.c.date_hi,
                fe.c.sources,
            )
            .join(fe, fe.c.id == se.c.fused_id)
            .where(se.c.story_id.in_(ids))
            .order_by(se.c.story_id, fe.c.date_lo, fe.c.id)
        )
        events = _grouped(conn, q2, "story_id", ids)
        for evs in events.values():
            for e in evs:
                e["participants"] = [p for p in e["participants"].split("+") if p]
        names = _names(conn, {p for es in events.values() for e in es for p in e["participants"]})
        for h in page:
            evs = events[h["id"]]
            who = sorted({p for e in evs for p in e["participants"]})
            yield {
                "id": h["id"],
                "first_date": h["first_date"],
                "last_date": h["last_date"],
                "languages": sorted({m["lang"] for m in members[h["id"]] if m["lang"]}),
                "entities": [{"id": p, "name": names.get(p)} for p in who],
                "events": evs,
                "articles": members[h["id"]],
            }


def _grouped(
    conn: Connection, q: Any, key: str, ids: list[str], keep: bool = False
) -> dict[str, list[dict[str, Any]]]:
    """The rows of ``q`` as dicts, grouped by column ``key`` (dropped unless ``keep``)."""
    out: dict[str, list[dict[str, Any]]] = {i: [] for i in ids}
    for row in conn.execute(q).mappings():
        d = dict(row)
        out[d[key] if keep else d.pop(key)].append(d)
    return out


def _names(conn: Connection, ids: set[str]) -> dict[str, str | None]:
    """English names of the entities ``ids``."""
    ent = schema.entities
    q = select(ent.c.id, ent.c.name_en).where(ent.c.id.in_(sorted(ids)))
    return {k: v for k, v in conn.execute(q)}
