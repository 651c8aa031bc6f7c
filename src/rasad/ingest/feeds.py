"""RSS and Atom feeds (files, stdin or http(s) URLs), parsed with feedparser from the bytes.

Each item becomes an ``Article`` with ``format="feed"``: ``text`` is the item title, a blank
line and the content (Atom ``content``, else ``summary``/``description``) converted from HTML
to plain text (:mod:`rasad.ingest.htmltext`); ``title``; ``url`` = the item link;
``published`` = the raw ``published`` (else ``updated``) string; ``source`` = the feed's title;
``metadata`` = ``feed_url`` (the feed's URL or path), ``guid`` and, when given,
``feed_language``. ``file`` is ``NAME#N``, N the 1-based position of the item in the feed.

A feed feedparser flags as broken (bozo) with no items, or that is not a feed at all, is E008.
An item with neither title nor content is an E002 failure; the other items are still read.
Each item carries a key for "seen before" checks: its guid, else its link, else a hash of
its title and content. feedparser is imported on the first feed read.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from rasad.document import Article
from rasad.errors import Code, InputError
from rasad.ingest.failure import ReadFailure
from rasad.ingest.htmltext import html_to_text, plain_paragraphs

__all__ = ["FeedItem", "looks_like_feed", "parse_feed"]

_FEED_START = re.compile(
    r"\A(?:\s|<\?[^>]*\?>|<!--.*?-->|<!doctype[^>]*>)*<(?:rss|feed|rdf:rdf)[\s>/]", re.I | re.S
)


def looks_like_feed(head: str) -> bool:
    """True when ``head`` (the start of a document) opens an RSS, Atom or RDF feed."""
    return _FEED_START.match(head[:4096]) is not None


@dataclass(frozen=True)
class FeedItem:
    """One feed item: its "seen" key and what it reads as."""

    key: str
    result: Article | ReadFailure


def _to_text(detail: Mapping[str, Any] | None, value: str) -> str:
    kind = (detail or {}).get("type", "text/html")
    if "html" in kind:
        return html_to_text(value)
    return plain_paragraphs(value)


def _content(entry: Mapping[str, Any]) -> str:
    contents = [c for c in entry.get("content") or () if (c.get("value") or "").strip()]
    if contents:
        best = max(contents, key=lambda c: len(c["value"]))
        return _to_text(best, best["value"])
    summary = entry.get("summary") or ""
    return _to_text(entry.get("summary_detail"), summary) if summary.strip() else ""


def _item(
    entry: Mapping[str, Any],
    index: int,
    *,
    name: str,
    path: str,
    feed: Mapping[str, Any],
    encoding: str,
) -> FeedItem:
    title = _to_text(entry.get("title_detail"), entry.get("title") or "")
    title = " ".join(title.split())
    body = _content(entry)
    link = (entry.get("link") or "").strip() or None
    guid = (entry.get("id") or "").strip() or None
    key = guid or link or hashlib.sha1(f"{title}\n{body}".encode()).hexdigest()
    file = f"{name}#{index}"
    if not title and not body:
        error = InputError(
            Code.E002, path=f"{path} item {index}", detail="item has no title or content"
        )
        return FeedItem(key, ReadFailure.from_error(error, file=file, path=path))
    text = f"{title}\n\n{body}" if title and body else title or body
    metadata: dict[str, Any] = {"feed_url": path, "guid": guid}
    if feed.get("language"):
        metadata["feed_language"] = feed["language"]
    article = Article(
        text=text,
        file=file,
        format="feed",
        path=path,
        encoding=encoding,
        url=link,
        title=title or None,
        published=entry.get("published") or entry.get("updated") or None,
        source=(feed.get("title") or "").strip() or None,
        metadata=metadata,
    )
    return FeedItem(key, article)


def parse_feed(
    data: bytes, *, name: str, path: str, headers: Mapping[str, str] | None = None
) -> list[FeedItem]:
    """The items of the feed in ``data``; raises ``InputError`` E008 for a broken feed.

    ``path`` is the feed's URL or file path; ``headers`` the HTTP response headers, if any
    (they tell feedparser the declared charset and the base URL for relative links).
    """
    import feedparser  # lazy: only when a feed is met

    response_headers = {k.lower(): v for k, v in (headers or {}).items()}
    if "://" in path:
        response_headers.setdefault("content-location", path)
    try:
        parsed = feedparser.parse(data, response_headers=response_headers)
    except Exception as e:  # feedparser should not raise, but one broken feed must not stop all
        raise InputError(Code.E008, path=path, detail=f"{type(e).__name__}: {e}") from e
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo"):
            problem = parsed.get("bozo_exception")
            raise InputError(Code.E008, path=path, detail=str(problem) or "malformed XML")
        if not parsed.get("version"):
            raise InputError(Code.E008, path=path, detail="not an RSS or Atom feed")
    feed = parsed.get("feed") or {}
    encoding = parsed.get("encoding") or "utf-8"
    return [
        _item(entry, index, name=name, path=path, feed=feed, encoding=encoding)
        for index, entry in enumerate(entries, start=1)
    ]
