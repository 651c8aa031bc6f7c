"""HTML fragments (feed item content) to plain text.

Block elements (``p``, ``div``, ``li``, headings, ``blockquote``, table rows, ...) become
paragraphs separated by a blank line, ``<br>`` a line break; whitespace runs inside a line
collapse to one space; ``script``/``style`` and comments are dropped. Text without tags
(entities are resolved) keeps its own lines and paragraphs (split on blank lines). lxml is
imported only when markup is met.
"""

from __future__ import annotations

import html
import re

__all__ = ["html_to_text", "plain_paragraphs"]

_BLOCK = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "caption",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tbody",
        "td",
        "th",
        "thead",
        "tr",
        "ul",
    ]
)
_SKIP = frozenset({"script", "style", "noscript", "template"})
_TAG = re.compile(r"<[a-zA-Z!/]")
_PARA_BREAK = "\x00"
_LINE_BREAK = "\x01"


def _assemble(raw: str) -> str:
    paragraphs = []
    for para in raw.split(_PARA_BREAK):
        lines = (" ".join(line.split()) for line in para.split(_LINE_BREAK))
        text = "\n".join(line for line in lines if line)
        if text:
            paragraphs.append(text)
    return "\n\n".join(paragraphs)


def plain_paragraphs(text: str) -> str:
    """Plain text with whitespace tidied: paragraphs on blank lines, lines kept."""
    cleaned = text.replace(_PARA_BREAK, " ").replace(_LINE_BREAK, " ")
    cleaned = re.sub(r"\r\n?", "\n", cleaned)
    cleaned = re.sub(r"\n[ \t]*\n\s*", _PARA_BREAK, cleaned).replace("\n", _LINE_BREAK)
    return _assemble(cleaned)


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (see module doc)."""
    if not _TAG.search(fragment):  # no tags: entities resolved, line breaks kept as written
        return plain_paragraphs(html.unescape(fragment))
    import lxml.etree
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return plain_paragraphs(re.sub(r"<[^>]*>", " ", fragment))
    pieces: list[str] = []
    skipping = 0
    for event, el in lxml.etree.iterwalk(root, events=("start", "end", "comment", "pi")):
        tag = el.tag.lower() if isinstance(el.tag, str) else None  # comments: not a str tag
        if event in ("comment", "pi"):
            if not skipping and el.tail:
                pieces.append(el.tail)
        elif event == "start":
            if tag in _SKIP:
                skipping += 1
            if skipping:
                continue
            if tag in _BLOCK:
                pieces.append(_PARA_BREAK)
            elif tag == "br":
                pieces.append(_LINE_BREAK)
            if tag is not None and el.text:
                pieces.append(el.text)
        else:
            if tag in _SKIP:
                skipping -= 1
            if skipping:
                continue
            if tag in _BLOCK:
                pieces.append(_PARA_BREAK)
            if el.tail and el is not root:
                pieces.append(el.tail)
    raw = "".join(p if p in (_PARA_BREAK, _LINE_BREAK) else _strip_breaks(p) for p in pieces)
    return _assemble(raw)


def _strip_breaks(text: str) -> str:
    return text.replace(_PARA_BREAK, " ").replace(_LINE_BREAK, " ")
