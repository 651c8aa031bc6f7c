"""The per-article record ``rasad extract`` prints: a superset of the seed gold schema."""

from __future__ import annotations

from typing import Any

from rasad.document import Document


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
        "paragraphs": [{**_span(p.span), "lang": p.lang} for p in doc.paragraphs],  # type: ignore[dict-item]
        "dates": [
            {**_span(m.span), "text": m.text, "kind": m.kind, **m.date.to_json()}  # type: ignore[dict-item]
            for m in doc.dates
        ],
    }


def _span(span: Any) -> dict[str, int] | None:
    return {"start": span.start, "end": span.end} if span is not None else None
