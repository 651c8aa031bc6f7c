"""``find_source`` as it was before it left out labels and cues absent from the text (kept only
as a reference for ``test_layout_reference.py``; never imported by the package)."""

from __future__ import annotations

from rasad.document import Span
from rasad.text.layout import _DATELINE, _SOURCE_STOP, MAX_SOURCE_WORDS, _clean_source, _words
from rasad.text.profile import TextProfile


def find_source(text: str, paras: list[Span], profile: TextProfile) -> str | None:
    """The outlet named by the text, or None."""
    for p in paras:
        line = text[p.start : p.end]
        for label in profile.source_labels:
            if line.startswith(label):
                name = line[len(label) :].strip()
                if name and _words(name) <= 2 * MAX_SOURCE_WORDS:
                    return name
    for p in paras:
        line = text[p.start : p.end]
        for cue in profile.source_cues:
            at = line.find(cue + " ")
            if at < 0:
                continue
            rest = line[at + len(cue) + 1 :]
            stop = _SOURCE_STOP.search(rest)
            if stop is None:
                continue
            cleaned = _clean_source(rest[: stop.start()], profile)
            if cleaned:
                return cleaned
    for p in paras[:6]:
        m = _DATELINE.match(text, p.start, p.end)
        if m:
            name = (m.group("slash") or m.group("paren") or "").strip()
            if name and _words(name) <= MAX_SOURCE_WORDS:
                return name
    return None
