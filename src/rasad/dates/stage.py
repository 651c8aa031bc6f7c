"""Date stages: the article's publication date, then every date expression in its text."""

from __future__ import annotations

from typing import ClassVar

from rasad.dates import find_dates, parse_published, publication_from_text
from rasad.document import DateValue, Document, Publication


class PublicationStage:
    """Publication date: the seed header, else the source's metadata, else the page text."""

    name: ClassVar[str] = "publication"
    requires: ClassVar[tuple[str, ...]] = ("lang",)
    provides: ClassVar[tuple[str, ...]] = ("publication",)

    def __call__(self, doc: Document) -> None:
        art = doc.article
        if art.header is not None:
            value = parse_published(art.header.date)
            if value is not None:
                doc.publication = Publication(value, "header", art.header.span)
                return
        if art.published:
            value = parse_published(art.published)
            if value is not None:
                doc.publication = Publication(value, "metadata", None)
                return
        found = publication_from_text(doc.text, doc.lang)
        if found is not None:
            value, span = found
            doc.publication = Publication(value, "text", span)


class DatesStage:
    """Every date expression, relative ones resolved against the publication date."""

    name: ClassVar[str] = "dates"
    requires: ClassVar[tuple[str, ...]] = ("lang", "publication")
    provides: ClassVar[tuple[str, ...]] = ("dates",)

    def __call__(self, doc: Document) -> None:
        anchor: DateValue | None = doc.publication.date
        if anchor is not None and anchor.precision != "day":
            anchor = None
        doc.dates = find_dates(doc.text, doc.lang, anchor)
