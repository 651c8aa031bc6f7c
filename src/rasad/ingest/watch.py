"""Watching feeds: poll, yield only items not seen before.

``Watcher.poll_once()`` fetches every feed with a conditional GET (``If-None-Match`` from the
last ``ETag``, ``If-Modified-Since`` from the last ``Last-Modified``). A 304 yields nothing; a
200 is parsed and only items whose key (guid, else link, else a content hash) was not seen
before come out, in feed order. The first poll of a feed yields all its current items. A feed
that fails (no answer, timeout, an HTTP error status, not a feed) yields one ``ReadFailure``
(E009 or E008) and the other feeds are still polled; its state is left as it was.

State (per feed: ETag, Last-Modified, seen keys, the newest ``max_seen`` of them) lives in
memory and, when ``state_path`` is given, in a small JSON file rewritten atomically after each
poll that changed it, so a restarted watcher does not yield the same items again. A state file
that cannot be read is logged as a warning and replaced on the next save.

``run()`` polls every ``interval`` seconds and hands each non-empty batch to ``sink``; it stops
when ``stop`` is set (checked before each poll and while waiting) or after ``max_polls`` polls.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rasad.document import Article
from rasad.errors import Code, InputError
from rasad.ingest.failure import ReadFailure
from rasad.ingest.feeds import parse_feed
from rasad.ingest.fetch import Fetcher, urllib_fetch

__all__ = ["Watcher"]

log = logging.getLogger(__name__)

STATE_VERSION = 1


@dataclass
class _FeedState:
    etag: str | None = None
    last_modified: str | None = None
    seen: dict[str, None] = field(default_factory=dict)  # ordered set, oldest first

    def to_json(self) -> dict[str, Any]:
        return {"etag": self.etag, "last_modified": self.last_modified, "seen": list(self.seen)}

    @classmethod
    def from_json(cls, data: Any) -> _FeedState:
        if not isinstance(data, dict):
            raise ValueError("feed state is not an object")
        seen = data.get("seen", [])
        if not isinstance(seen, list) or not all(isinstance(k, str) for k in seen):
            raise ValueError("seen is not a list of strings")
        etag, modified = data.get("etag"), data.get("last_modified")
        for value in (etag, modified):
            if value is not None and not isinstance(value, str):
                raise ValueError("etag/last_modified must be strings")
        return cls(etag, modified, dict.fromkeys(seen))


class Watcher:
    """Polls RSS/Atom feeds and yields only new items (see module doc)."""

    def __init__(
        self,
        feeds: Sequence[str],
        *,
        fetch: Fetcher | None = None,
        state_path: Path | None = None,
        max_seen: int = 10_000,
    ) -> None:
        self.feeds = list(dict.fromkeys(feeds))
        self._fetch = fetch or urllib_fetch
        self._state_path = Path(state_path) if state_path is not None else None
        self._max_seen = max_seen
        self._state: dict[str, _FeedState] = self._load()

    def _load(self) -> dict[str, _FeedState]:
        if self._state_path is None or not self._state_path.exists():
            return {}
        try:
            data = json.loads(self._state_path.read_text(encoding="utf-8"))
            if not isinstance(data, dict) or data.get("version") != STATE_VERSION:
                raise ValueError(f"not a version {STATE_VERSION} watch state")
            feeds = data.get("feeds")
            if not isinstance(feeds, dict):
                raise ValueError("feeds is not an object")
            return {url: _FeedState.from_json(state) for url, state in feeds.items()}
        except (OSError, ValueError) as e:
            log.warning(
                "ignoring unreadable watch state %s (%s); starting afresh", self._state_path, e
            )
            return {}

    def _save(self) -> None:
        if self._state_path is None:
            return
        data = {
            "version": STATE_VERSION,
            "feeds": {url: state.to_json() for url, state in self._state.items()},
        }
        directory = self._state_path.parent
        directory.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=".watch-", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(data, f, ensure_ascii=False)
            os.replace(tmp, self._state_path)
        except BaseException:
            os.unlink(tmp)
            raise

    def _poll_feed(self, url: str) -> tuple[list[Article | ReadFailure], bool]:
        """The new items of one feed, and whether its state changed."""
        state = self._state.setdefault(url, _FeedState())
        headers: dict[str, str] = {}
        if state.etag:
            headers["If-None-Match"] = state.etag
        if state.last_modified:
            headers["If-Modified-Since"] = state.last_modified
        try:
            response = self._fetch(url, headers)
        except Exception as e:  # transport errors of any fetcher: this feed fails, others go on
            log.warning("cannot fetch %s: %s", url, e)
            detail = f"{type(e).__name__}: {e}"
            return [ReadFailure.of(Code.E009, file=url, path=url, detail=detail)], False
        if response.status == 304:
            return [], False
        if not 200 <= response.status < 300:
            detail = f"HTTP status {response.status}"
            return [ReadFailure.of(Code.E009, file=url, path=url, detail=detail)], False
        try:
            items = parse_feed(response.body, name=url, path=url, headers=response.headers)
        except InputError as error:
            return [ReadFailure.from_error(error, file=url, path=url)], False
        new: list[Article | ReadFailure] = []
        for item in items:
            if item.key not in state.seen:
                state.seen[item.key] = None
                new.append(item.result)
        while len(state.seen) > self._max_seen:
            del state.seen[next(iter(state.seen))]
        headers_lower = {k.lower(): v for k, v in response.headers.items()}
        state.etag = headers_lower.get("etag")
        state.last_modified = headers_lower.get("last-modified")
        return new, True

    def poll_once(self) -> list[Article | ReadFailure]:
        """Fetch every feed once; the items not seen before and one failure per failed feed."""
        out: list[Article | ReadFailure] = []
        changed = False
        for url in self.feeds:
            items, feed_changed = self._poll_feed(url)
            out.extend(items)
            changed = changed or feed_changed
        if changed:
            self._save()
        return out

    def run(
        self,
        sink: Callable[[list[Article | ReadFailure]], None],
        *,
        interval: float,
        max_polls: int | None = None,
        stop: threading.Event | None = None,
    ) -> int:
        """Poll every ``interval`` seconds until ``stop`` is set or ``max_polls`` are done.

        Each non-empty batch goes to ``sink``. Returns the number of polls made.
        """
        if interval < 0:
            raise ValueError("interval must be >= 0")
        polls = 0
        while not (stop is not None and stop.is_set()):
            if max_polls is not None and polls >= max_polls:
                break
            items = self.poll_once()
            polls += 1
            if items:
                sink(items)
            if max_polls is not None and polls >= max_polls:
                break
            if stop is not None:
                if stop.wait(interval):
                    break
            else:
                time.sleep(interval)
        return polls
