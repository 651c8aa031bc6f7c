"""Fetching feeds over HTTP, behind an injectable function.

A ``Fetcher`` takes a URL and request headers and returns a ``FetchResult`` (status, response
headers with lower-cased names, body bytes). It raises ``OSError`` (or anything else) when no
response arrives; callers turn that into an E009 failure. Tests and other transports pass their
own fetcher; the default, :func:`urllib_fetch`, uses urllib with a timeout, follows redirects,
returns 304/4xx/5xx responses as results rather than raising, and reads at most
``MAX_BODY_BYTES``.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

__all__ = ["DEFAULT_TIMEOUT", "MAX_BODY_BYTES", "FetchResult", "Fetcher", "urllib_fetch"]

DEFAULT_TIMEOUT = 20.0
MAX_BODY_BYTES = 32 * 1024 * 1024
USER_AGENT = "rasad/0.1 (news reader; +https://github.com/rasad)"


@dataclass(frozen=True)
class FetchResult:
    """One HTTP response: status code, headers (lower-cased names) and body."""

    status: int
    headers: Mapping[str, str] = field(default_factory=dict)
    body: bytes = b""


Fetcher = Callable[[str, dict[str, str]], FetchResult]


def urllib_fetch(
    url: str, headers: dict[str, str], *, timeout: float = DEFAULT_TIMEOUT
) -> FetchResult:
    """GET ``url`` with urllib; only http and https URLs are accepted (ValueError otherwise)."""
    if not url.lower().startswith(("http://", "https://")):
        raise ValueError(f"not an http(s) URL: {url}")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, **headers})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read(MAX_BODY_BYTES + 1)
            status = response.status
            got = response.headers
    except urllib.error.HTTPError as e:  # 304, 4xx, 5xx: a response all the same
        with e:
            body = e.read(MAX_BODY_BYTES + 1) if e.fp is not None else b""
        status, got = e.code, e.headers
    if len(body) > MAX_BODY_BYTES:
        raise OSError(f"response larger than {MAX_BODY_BYTES} bytes")
    return FetchResult(status, {k.lower(): v for k, v in got.items()}, body)
