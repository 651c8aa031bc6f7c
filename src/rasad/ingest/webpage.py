"""HTML pages: body with trafilatura, metadata from the page itself with lxml.

- Body: ``trafilatura.extract`` (fast mode: no readability/jusText comparison) without
  comments, tables, images or links; each paragraph a line, paragraphs separated by a blank
  line. When it finds under 250 characters, trafilatura's precision mode decides instead: in
  its default mode a short extraction is "rescued" with a dump of the whole page (menus,
  tables), which would turn a stub page into boilerplate. Zero-width and bidi marks
  (ZWNJ in Persian above all) are protected from trafilatura, which drops non-printable
  characters, and put back.
- Title: ``og:title``, else ``<title>``, else the first ``<h1>`` (whitespace collapsed).
- URL: ``<link rel=canonical>`` (resolved against ``og:url`` when relative), else ``og:url``.
- Published: ``article:published_time``, else ``<time datetime>``, else
  ``<meta name=date|pubdate|DC.date.issued>``, as the raw string. Never trafilatura's own date
  guess, which picks footer years.
- Source: ``og:site_name``. ``<html lang>`` goes to ``metadata["html_lang"]``.
- ``Article.text`` is ``title + "\\n\\n" + body`` unless the body already starts with the title.

Failures: unparsable markup is E005; no body in a page cut off before ``</body>``/``</html>`` is
E010; a body under 20 characters is E002 (E010 when the page is cut off). A page cut off that
still yields a body is read, with ``metadata["truncated"] = True``.

lxml and trafilatura are imported on the first page read, not when rasad.ingest is imported.
"""

from __future__ import annotations

import logging
import re
from functools import cache
from typing import Any
from urllib.parse import urljoin

from rasad.document import Article
from rasad.errors import Code, InputError

__all__ = ["looks_like_html", "read_html"]

log = logging.getLogger(__name__)

MIN_BODY_CHARS = 20
_SHORT_BODY = 250
_HTML_START = re.compile(
    r"\A(?:\s|<\?xml[^>]*>|<!--.*?-->)*<(?:!doctype\s+html|html[\s>])", re.I | re.S
)
_HTML_INSIDE = re.compile(r"<(?:html|head|body)[\s>]", re.I)
_CLOSED = re.compile(r"</(?:html|body)\s*>", re.I)
_PUBLISHED_META = ("date", "pubdate", "dc.date.issued")
# printable, practically unused in fa/ar/en news: stand-ins for invisible marks (Lisu letters)
_PLACEHOLDERS = [chr(c) for c in range(0xA4D0, 0xA4F8)]


def _is_hidden(ch: str) -> bool:
    """A mark trafilatura would drop: neither printable nor a space, and not a control."""
    return not ch.isprintable() and not ch.isspace() and ch >= " "


def _safe_class() -> str:
    """A character class of the blocks news pages are written in, less their hidden marks."""
    blocks = ((0x0000, 0x0800), (0x2010, 0x2028), (0xFB50, 0xFE00))
    ranges: list[tuple[int, int]] = []
    for lo, hi in blocks:
        for c in range(lo, hi):
            if _is_hidden(chr(c)):
                continue
            if ranges and ranges[-1][1] == c - 1:
                ranges[-1] = (ranges[-1][0], c)
            else:
                ranges.append((c, c))
    return "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
        for a, b in ranges
    )


# every character that may be hidden: a page's few non-printing marks are found by one scan
_MAYBE_HIDDEN = re.compile(f"[^{_safe_class()}]")


def looks_like_html(text: str) -> bool:
    """True when the start of ``text`` is an HTML document."""
    head = text[:2048]
    return bool(_HTML_START.match(head) or _HTML_INSIDE.search(head))


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None


@cache
def _parser() -> Any:
    """lxml's HTML parser, plain: ``lxml.html``'s calls Python for the class of every element."""
    import lxml.etree

    return lxml.etree.HTMLParser(encoding="utf-8")


@cache
def _string_value() -> Any:
    import lxml.etree

    return lxml.etree.XPath("string()", smart_strings=False)


def _text_content(node: Any) -> str:
    """The text of ``node`` and its descendants (what ``lxml.html``'s ``text_content`` gives)."""
    return str(_string_value()(node))


def _metadata(tree: Any) -> dict[str, str | None]:
    metas: dict[str, str] = {}
    for meta in tree.iter("meta"):
        content = meta.get("content")
        if content is None:
            continue
        for attr in ("property", "name", "itemprop"):
            key = (meta.get(attr) or "").strip().lower()
            if key and key not in metas:
                metas[key] = content.strip()
    title = _clean(metas.get("og:title"))
    if title is None:
        node = tree.find(".//title")
        title = _clean(_text_content(node)) if node is not None else None
    if title is None:
        node = tree.find(".//h1")
        title = _clean(_text_content(node)) if node is not None else None
    og_url = metas.get("og:url") or None
    url = None
    for link in tree.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            url = link.get("href").strip()
            break
    if url and og_url and "://" not in url:
        url = urljoin(og_url, url)
    published = metas.get("article:published_time") or None
    if published is None:
        for node in tree.iter("time"):
            if (node.get("datetime") or "").strip():
                published = node.get("datetime").strip()
                break
    if published is None:
        published = next((metas[k] for k in _PUBLISHED_META if metas.get(k)), None)
    lang = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang")
    return {
        "title": title,
        "url": url or og_url,
        "published": published,
        "source": _clean(metas.get("og:site_name")),
        "lang": (lang or "").strip() or None,
    }


@cache
def _extractor(precision: bool) -> Any:
    """trafilatura's options, built once: building them reads its configuration each time."""
    from trafilatura.settings import Extractor

    return Extractor(
        output_format="txt",
        fast=True,
        precision=precision,
        comments=False,
        tables=False,
        images=False,
        links=False,
        formatting=False,
        dedup=False,
        with_metadata=False,
    )


def _extract_body(html: str) -> str:
    import trafilatura  # lazy: heavy import, only when an HTML page is met

    marks = {ch for ch in set(_MAYBE_HIDDEN.findall(html)) if _is_hidden(ch)}
    free = [p for p in _PLACEHOLDERS if p not in html] if marks else []
    protect = dict(zip(sorted(marks), free, strict=False))
    protected = html
    for mark, stand_in in protect.items():  # stand-ins are not in the page: no chain
        protected = protected.replace(mark, stand_in)
    body = trafilatura.extract(protected, options=_extractor(False)) or ""
    if len(body) < _SHORT_BODY:
        # trafilatura rescues short extractions with a dump of the whole page (menus, tables);
        # its precision mode does not, and is what a short article gets
        precise = trafilatura.extract(protected, options=_extractor(True))
        body = precise or body
    for mark, stand_in in protect.items():
        body = body.replace(stand_in, mark)
    lines = (line.strip() for line in body.split("\n"))
    return "\n\n".join(line for line in lines if line)


def read_html(text: str, *, file: str, path: str, encoding: str) -> Article:
    """An ``Article`` for a decoded HTML page; raises ``InputError`` (E005, E010, E002)."""
    import lxml.etree

    try:
        tree = lxml.etree.fromstring(text.encode("utf-8"), _parser())
        if tree is None:
            raise lxml.etree.ParserError("Document is empty")
    except (lxml.etree.ParserError, ValueError) as e:
        raise InputError(Code.E005, path=path, detail=str(e) or type(e).__name__) from e
    meta = _metadata(tree)
    truncated = _CLOSED.search(text) is None
    body = _extract_body(text)
    if len(body) < MIN_BODY_CHARS:
        found = f"an article body of {len(body)} characters" if body else "no article body"
        if truncated:
            raise InputError(
                Code.E010,
                path=path,
                detail=f"the page is cut off (no </body> or </html>) and has {found}",
            )
        raise InputError(
            Code.E002, path=path, detail=f"{found} (at least {MIN_BODY_CHARS} are needed)"
        )
    if truncated:
        log.warning("%s: HTML page is cut off (no </body> or </html>); read what was there", path)
    title = meta["title"]
    article_text = body if not title or body.startswith(title) else f"{title}\n\n{body}"
    metadata: dict[str, Any] = {}
    if meta["lang"]:
        metadata["html_lang"] = meta["lang"]
    if truncated:
        metadata["truncated"] = True
    return Article(
        text=article_text,
        file=file,
        format="html",
        path=path,
        encoding=encoding,
        url=meta["url"],
        title=title,
        published=meta["published"],
        source=meta["source"],
        metadata=metadata,
    )
