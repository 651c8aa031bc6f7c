"""The per-article record ``rasad extract`` prints: a superset of the seed gold schema."""

from __future__ import annotations

from typing import Any

import orjson

from rasad.document import Document, Event, Statement
from rasad.kb.loader import default_kb


def record_bytes(doc: Document) -> bytes:
    """``doc``'s record as one line of JSON Lines: compact UTF-8, newline-terminated."""
    return orjson.dumps(article_record(doc), option=orjson.OPT_APPEND_NEWLINE)


def record_line(doc: Document) -> str:
    """:func:`record_bytes` as text."""
    return record_bytes(doc).decode()


def article_record(doc: Document) -> dict[str, Any]:
    """One JSON-ready object for ``doc``; keys of the gold schema first, in its order."""
    art, pub = doc.article, doc.publication
    return {
        "file": art.file,
        "lang": doc.lang,
        "published": pub.date.value if pub.date else None,
        "published_basis": pub.basis,
        "source": doc.source,
        "title": doc.title,
        "id": doc.id,
        "url": art.url,
        "outlet": doc.outlet,
        "format": art.format,
        "encoding": art.encoding,
        "published_date": pub.date.to_json() if pub.date else None,
        "published_span": _span(pub.span),
        "title_span": _span(doc.title_span),
        "paragraphs": [
            {"start": p.span.start, "end": p.span.end, "lang": p.lang} for p in doc.paragraphs
        ],
        "entities": entity_records(doc),
        "events": [event_record(doc, e) for e in doc.events],
        "statements": [statement_record(doc, s) for s in doc.statements],
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


def _span(span: Any) -> dict[str, int] | None:
    return {"start": span.start, "end": span.end} if span is not None else None


def entity_records(doc: Document) -> list[dict[str, Any]]:
    """The entities the article mentions, in order of first mention, in the gold schema."""
    kb = default_kb()
    out: dict[str, dict[str, Any]] = {}
    seen: dict[str, tuple[set[str], set[str]]] = {}  # surfaces and roles listed, per entity
    for link in doc.links:
        if link.kind == "pronoun":
            continue  # who a pronoun stands for is kept in the store, not listed as a surface
        record = out.get(link.entity)
        if record is None:
            entity = kb.entities.get(link.entity)
            new = doc.new_entities.get(link.entity)
            record = out[link.entity] = {
                "id": link.entity,
                "name_en": entity.name_en if entity else new.name_en if new else None,
                "type": entity.type if entity else new.type if new else None,
                "country": entity.country if entity else new.country if new else None,
                "roles_in_text": [],
                "surfaces": [],
                "mentions": [],
            }
            seen[link.entity] = (set(), set())
        surfaces, roles = seen[link.entity]
        if link.text not in surfaces:
            surfaces.add(link.text)
            record["surfaces"].append(link.text)
        role = kb.offices[link.office].title.get("en") if link.office else link.role
        if role and role not in roles:
            roles.add(role)
            record["roles_in_text"].append(role)
        record["mentions"].append(
            {
                "start": link.span.start,
                "end": link.span.end,
                "text": link.text,
                "kind": link.kind,
                "score": link.score,
                "reason": link.reason,
            }
        )
    for eid in doc.new_entities:
        if eid in out:
            out[eid]["verified"] = False
    return list(out.values())


def event_record(doc: Document, ev: Event) -> dict[str, Any]:
    """An event in the gold schema, plus direction, spans, confidence and the reason."""
    place = default_kb().entities.get(ev.location) if ev.location else None
    text = doc.text
    return {
        "event_key": ev.key,
        "type": ev.type,
        "mode": ev.mode,
        "date": ev.date.value if ev.date else None,
        "date_basis": ev.date_basis,
        "location": place.name_en if place else None,
        "participants": list(ev.participants),
        "evidence": text[ev.span.start : ev.span.end],
        "actor": list(ev.actor),
        "recipient": list(ev.recipient),
        "location_id": ev.location,
        "span": _span(ev.span),
        "trigger": {
            "start": ev.trigger.start,
            "end": ev.trigger.end,
            "text": text[ev.trigger.start : ev.trigger.end],
        },
        "confidence": ev.confidence,
        "reason": ev.reason,
    }


def statement_record(doc: Document, st: Statement) -> dict[str, Any]:
    """A statement in the gold schema, plus spans and confidence."""
    text = doc.text
    return {
        "speaker": st.speaker,
        "targets": list(st.targets),
        "stance": st.stance,
        "kind": st.kind,
        "quote": text[st.quote.start : st.quote.end],
        "span": _span(st.quote),
        "sentence": _span(st.span),
        "cue": {"start": st.cue.start, "end": st.cue.end, "text": text[st.cue.start : st.cue.end]},
        "confidence": st.confidence,
        "reason": st.reason,
    }
