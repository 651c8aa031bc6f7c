"""Pronoun subjects of reported speech: ``وی``, ``ایشان``, ``he``, and Arabic's ``وأضاف``.

A listed pronoun (``pronouns`` in ``lang/<lang>/mentions.yaml``) written as a word stands for
the last person the article named before it; in Arabic, where the subject pronoun is dropped, a
listed speech verb opening a clause (``وأضاف``, ``وأكد``) does. The link has kind ``pronoun``:
it tells the statements stage who speaks, and is not a surface of the entity.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache

from rasad.document import Lang, Link, Span
from rasad.kb.loader import KnowledgeBase
from rasad.mentions.lexicon import mention_lexicon

SCORE = 0.6


@cache
def _pattern(lang: Lang) -> re.Pattern[str]:
    """The listed pronouns, each ending a word.

    Led by the words themselves, so the regex engine skips quickly to their first letters; that
    a match also starts a word is checked by :func:`_pronouns`. The lexicon's pronouns are
    letters only (checked when it loads), so a match that does not start a word never hides one
    that does.
    """
    words = sorted(mention_lexicon(lang).pronouns, key=len, reverse=True)
    return re.compile("(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)")


def _pronouns(text: str, lang: Lang) -> list[re.Match[str]]:
    """The listed pronouns written as words in ``text``."""
    return [
        m
        for m in _pattern(lang).finditer(text)
        if not (m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] == "_"))
    ]


def pronoun_links(text: str, links: list[Link], kb: KnowledgeBase, lang: Lang) -> list[Link]:
    pronouns = _pronouns(text, lang)
    if not pronouns:
        return []
    people = sorted(
        (
            link
            for link in links
            if link.kind in ("name", "honorific", "title", "role")
            and (link.entity.startswith("new:") or kb.entities[link.entity].type == "person")
        ),
        key=lambda link: link.span.end,
    )
    if not people:
        return []
    ends = [p.span.end for p in people]
    out = []
    for m in pronouns:
        i = bisect_left(ends, m.start() + 1) - 1
        if i < 0:
            continue
        who = people[i]
        out.append(
            Link(
                Span(m.start(), m.end()),
                m.group(),
                who.entity,
                "pronoun",
                SCORE,
                f"pronoun: the last person named before it ({who.text})",
            )
        )
    return out
