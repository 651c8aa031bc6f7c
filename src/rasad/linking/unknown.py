"""Actors the knowledge base lacks, introduced by a role phrase.

``قال القيادي في التيار الصدري عصام حسين، إن ...``: a role phrase (``role_nouns`` plus an
organization) followed — or, in English, preceded across a comma (``Issam Hussein, a leader of
the Sadrist Movement``) — by two or three words that no link covers, no function word breaks and
a punctuation mark or the end of the clause closes, is a person the knowledge base does not hold.
It becomes an unverified entity with a deterministic id: ``new:`` + slug of its English display
name (romanized with arabic-name-romanizer for Persian and Arabic), its stated role, and the
organization's country.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from rasad.document import Document, Lang, Link, NewEntity, Span
from rasad.kb.loader import KnowledgeBase
from rasad.text.profile import text_profile

MAX_WORDS = 3
_WORD = re.compile(r"[^\s،,:;؛.!?؟«»“”\"()]+")
_STOP = re.compile(r"[،,:;؛.!?؟«»“”\"()]")
_CAPITALIZED = re.compile(r"^[A-Z][a-zA-Z'’-]+$")


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


@cache
def _romanize(name: str) -> str:
    from arabic_name_romanizer import transliterate

    return str(transliterate(name))


def _words_after(text: str, pos: int, stop_words: frozenset[str]) -> Span | None:
    """Two or three name-like words from ``pos`` up to punctuation; None if anything else."""
    words: list[re.Match[str]] = []
    for m in _WORD.finditer(text, pos):
        gap = text[pos if not words else words[-1].end() : m.start()]
        if _STOP.search(gap) or "\n" in gap or len(gap) > 2:
            break
        if m.group() in stop_words:
            break
        words.append(m)
        if len(words) == MAX_WORDS:
            break
    if len(words) < 2:
        return None
    rest = text[words[-1].end() : words[-1].end() + 2]
    if len(words) == MAX_WORDS and not _STOP.match(rest.strip()[:1] or "."):
        words = words[:2]
        rest = text[words[-1].end() : words[-1].end() + 2]
    if not (_STOP.match(rest.strip()[:1] or ".") or not rest.strip()):
        return None  # the clause goes on: the words may not all be the name
    return Span(words[0].start(), words[-1].end())


def _words_before_comma(text: str, pos: int) -> Span | None:
    """English: ``Issam Hussein, a leader of``: capitalized words right before a comma."""
    head = text[:pos].rstrip()
    for article in (", a", ", an", ", the", ","):
        if head.endswith(article):
            head = head[: -len(article)]
            break
    else:
        return None
    words = head.split()[-MAX_WORDS:]
    names: list[str] = []
    for w in reversed(words):
        if not _CAPITALIZED.match(w):
            break
        names.insert(0, w)
    if len(names) < 2:
        return None
    end = len(head)
    return Span(end - len(" ".join(names)), end)


def new_actors(
    doc: Document, role_phrases: list[tuple[Span, str, str]], links: list[Link], kb: KnowledgeBase
) -> list[Link]:
    """Links to new entities for role phrases (span, role, organization id) nobody took."""
    lang: Lang = doc.lang or "en"
    text = doc.text
    stop = frozenset(text_profile(lang).function_words)
    covered = [link.span for link in links]
    out = []
    for phrase, role, org in role_phrases:
        name = (
            _words_before_comma(text, phrase.start)
            if lang == "en"
            else _words_after(text, phrase.end, stop)
        )
        if name is None or any(s.start < name.end and name.start < s.end for s in covered):
            continue
        written = text[name.start : name.end]
        english = written if lang == "en" else _romanize(written)
        eid = "new:" + slug(english)
        if eid == "new:":
            continue
        doc.new_entities.setdefault(
            eid, NewEntity(eid, written, english, "person", role, kb.entities[org].country)
        )
        reason = f"not in the knowledge base; introduced by the role {role}"
        out.append(Link(name, written, eid, "name", 0.6, reason, None, role))
        out.append(
            Link(phrase, text[phrase.start : phrase.end], eid, "role", 0.6, reason, None, role)
        )
    return out
