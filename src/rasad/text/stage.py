"""Text stages: paragraphs, languages, the normalized view, sentences; headline and source."""

from __future__ import annotations

from typing import ClassVar

from rasad.document import Document, Lang, Paragraph, Span
from rasad.text.langid import (
    MIN_LETTERS,
    article_language,
    detect,
    has_min_letters,
    script_profile,
    text_language,
)
from rasad.text.layout import find_source, find_title
from rasad.text.profile import text_profile
from rasad.text.sentences import paragraphs, sentences


def body_start(doc: Document) -> int:
    """Where the body starts: after the seed header's date and URL, if any."""
    header = doc.article.header
    return header.span.end if header is not None else 0


def body_on_header_line(doc: Document) -> bool:
    header = doc.article.header
    if header is None:
        return False
    newline = doc.text.find("\n", header.span.end)
    line_rest = doc.text[header.span.end : newline if newline >= 0 else len(doc.text)]
    return bool(line_rest.strip())


class TextStage:
    """Paragraphs with their language, the article language, normalized view and sentences."""

    name: ClassVar[str] = "text"
    requires: ClassVar[tuple[str, ...]] = ("article",)
    provides: ClassVar[tuple[str, ...]] = (
        "paragraphs",
        "lang",
        "normalized",
        "sentences",
    )  # view: lazy

    def __call__(self, doc: Document) -> None:
        text = doc.text
        spans = paragraphs(text, body_start(doc))
        langs: list[Lang | None] = []
        whole = text_language(text[spans[0].start :]) if spans else None
        if whole is not None:
            # one language for every paragraph with enough letters: it is the article's
            # language if any paragraph has them (how many letters each has does not matter)
            langs = [whole if has_min_letters(text, s.start, s.end) else None for s in spans]
            doc.lang = whole if whole in langs else None
        else:
            weights: list[tuple[Lang | None, int]] = []
            for span in spans:
                chunk = text[span.start : span.end]
                profile = script_profile(chunk)
                letters = profile.latin + profile.arabic
                lang = detect(chunk, profile) if letters >= MIN_LETTERS else None
                langs.append(lang)
                weights.append((lang, letters))
            doc.lang = article_language(weights)
        if doc.lang is None and text.strip():
            doc.lang = detect(text)
        doc.paragraphs = [Paragraph(s, lang) for s, lang in zip(spans, langs, strict=True)]
        doc.sentences = sentences(text, spans, text_profile(doc.lang or "en"))


class LayoutStage:
    """The headline's span and the outlet the text names."""

    name: ClassVar[str] = "layout"
    requires: ClassVar[tuple[str, ...]] = ("paragraphs", "lang")
    provides: ClassVar[tuple[str, ...]] = ("title", "source")

    def __call__(self, doc: Document) -> None:
        profile = text_profile(doc.lang or "en")
        spans = [p.span for p in doc.paragraphs]
        art = doc.article
        if art.title is None:
            doc.title_span = find_title(doc.text, spans, profile, body_on_header_line(doc))
            if doc.title_span is not None:
                doc.title = doc.text[doc.title_span.start : doc.title_span.end]
        else:
            doc.title = art.title
            at = doc.text.find(art.title)
            doc.title_span = Span(at, at + len(art.title)) if at >= 0 else None
        doc.outlet = art.source or find_source(doc.text, spans, profile)
