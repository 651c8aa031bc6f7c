"""JSON Lines: one article per line.

Each line is a JSON object ``{"url", "title", "text", "published", "source", ...}``.
``Article.text`` is the ``text`` field exactly; ``url``, ``title``, ``published`` and
``source`` are taken when they are strings; every other key (and a known key whose value is
not a string) is kept in ``Article.metadata``. ``Article.file`` is ``name.jsonl:LINE``
(1-based). Blank lines are skipped. Lines are split on ``\\n`` only (a JSON string may hold a raw
U+2028), a trailing ``\\r`` is dropped. A line that is not a JSON object is E006, one without a
string ``text`` is E007, one whose text is blank is E002; the rest of the file is still read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from rasad.document import Article
from rasad.errors import Code, InputError
from rasad.ingest.failure import ReadFailure

__all__ = ["looks_like_jsonl", "read_jsonl"]

_FIELDS = ("url", "title", "published", "source")


def looks_like_jsonl(text: str) -> bool:
    """True when the first non-blank line of ``text`` is a JSON object."""
    for line in text.split("\n", 50)[:50]:
        if line.strip():
            if not line.lstrip().startswith("{"):
                return False
            try:
                return isinstance(json.loads(line), dict)
            except ValueError:
                return False
    return False


def _article(record: dict[str, Any], *, file: str, path: str | None, encoding: str) -> Article:
    fields: dict[str, str | None] = dict.fromkeys(_FIELDS)
    metadata: dict[str, Any] = {}
    for key, value in record.items():
        if key == "text":
            continue
        if key in fields and (value is None or isinstance(value, str)):
            fields[key] = value
        else:
            metadata[key] = value
    return Article(
        text=record["text"],
        file=file,
        format="jsonl",
        path=path,
        encoding=encoding,
        url=fields["url"],
        title=fields["title"],
        published=fields["published"],
        source=fields["source"],
        metadata=metadata,
    )


def read_jsonl(
    text: str, *, name: str, path: str, encoding: str
) -> Iterator[Article | ReadFailure]:
    """Articles (or failures) for each non-blank line of the decoded JSON Lines ``text``."""
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.removesuffix("\r")
        if not line.strip():
            continue
        file = f"{name}:{number}"
        try:
            record = json.loads(line)
        except ValueError as e:
            yield ReadFailure.of(Code.E006, file=file, path=path, line=number, detail=str(e))
            continue
        if not isinstance(record, dict):
            kind = type(record).__name__
            yield ReadFailure.of(
                Code.E006,
                file=file,
                path=path,
                line=number,
                detail=f"expected an object, got {kind}",
            )
            continue
        body = record.get("text")
        if not isinstance(body, str):
            yield ReadFailure.of(Code.E007, file=file, path=path, line=number)
            continue
        if not body.strip():
            error = InputError(Code.E002, path=f"{path}:{number}", detail="the text field is blank")
            yield ReadFailure.from_error(error, file=file, path=path, line=number)
            continue
        yield _article(record, file=file, path=path, encoding=encoding)
