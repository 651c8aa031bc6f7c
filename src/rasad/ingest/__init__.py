"""Readers: files, directories, globs, standard input and feeds into ``Article`` objects.

    read_inputs(inputs, *, stdin=None, fetch=None)   articles and ReadFailures, never raises
    decode_bytes(data, path)                         (text, encoding) or InputError E002/E003/E004
    Watcher(feeds, *, fetch=None, state_path=None)   poll feeds for items not seen before

Formats: seed text (`` date YYYY-MM-DD [URL]`` header) and plain text (:mod:`.seed`), HTML
(:mod:`.webpage`), JSON Lines (:mod:`.jsonl`), RSS/Atom (:mod:`.feeds`); how inputs expand is
in :mod:`.sources`, how a format is chosen in :mod:`.formats`, decoding rules in :mod:`.decode`.
``Article.text`` is the text exactly as read: every offset rasad reports indexes into it.
trafilatura, feedparser and lxml are imported only when an HTML page or a feed is met.
"""

from rasad.ingest.decode import decode_bytes
from rasad.ingest.failure import ReadFailure
from rasad.ingest.fetch import Fetcher, FetchResult, urllib_fetch
from rasad.ingest.reader import read_inputs
from rasad.ingest.watch import Watcher

__all__ = [
    "FetchResult",
    "Fetcher",
    "ReadFailure",
    "Watcher",
    "decode_bytes",
    "read_inputs",
    "urllib_fetch",
]
