"""Content-derived identifiers: the same article always gets the same id.

An article's id is a hash of its normalized URL when it has one, else of its normalized text.
URL normalization: lower-case scheme and host, no default port, no fragment, no tracking
parameters (``utm_*``, ``fbclid``, ``gclid``...), remaining parameters sorted, the path
percent-decoded (``%DA%AF…`` and ``گ…`` are one URL) and without a trailing slash.
Text normalization: Unicode NFC, whitespace runs collapsed, ends stripped.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit, urlunsplit

_TRACKING = re.compile(r"^(utm_.*|fbclid|gclid|mc_cid|mc_eid|ref|cmpid)$", re.I)
_DEFAULT_PORTS = {"http": 80, "https": 443}


def normalize_url(url: str) -> str:
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if parts.port and parts.port != _DEFAULT_PORTS.get(scheme):
        host = f"{host}:{parts.port}"
    path = unicodedata.normalize("NFC", unquote(parts.path)).rstrip("/") or "/"
    query = sorted(
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)
    )
    return urlunsplit((scheme, host, path, urlencode(query), ""))


def normalize_content(text: str) -> str:
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return " ".join(text.split())


def _digest(kind: str, value: str) -> str:
    return hashlib.sha256(f"{kind}:{value}".encode()).hexdigest()[:20]


def article_id(url: str | None, text: str) -> str:
    """``a`` + 20 hex digits of SHA-256 over the normalized URL, else the normalized text."""
    if url and urlsplit(url.strip()).scheme in ("http", "https"):
        return "a" + _digest("url", normalize_url(url))
    return "a" + _digest("text", normalize_content(text))
