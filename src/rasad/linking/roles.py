"""Role phrases: ``القيادي في ائتلاف المالكي رسول راضي``, ``عضو مجمع تشخیص مصلحت نظام``.

A role noun from ``lang/<lang>/mentions.yaml`` (``role_nouns``) written right before an
organization's name makes a role phrase; next to a person's name (on either side, across a
space, comma or colon) it is that person's role in the article, and its span is a mention of
the person. A role noun written alone (``دبیرکل``, "the Secretary-General") refers back to the
last person the article gave a role or title starting with that noun. A role phrase that stands
alone (``عضو مجمع تشخیص مصلحت نظام خاطرنشان کرد``) names the one person the article names whose
knowledge-base roles or memberships are in that organization.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from rasad.document import Document, Lang, Link, Span
from rasad.kb.loader import KnowledgeBase
from rasad.linking.unknown import new_actors
from rasad.mentions.lexicon import mention_lexicon
from rasad.text.chars import alpha_at
from rasad.text.normalize import normalizer

GAP = 3


class _People:
    """The people an article names, found by where their mentions start and end."""

    def __init__(self, people: list[Link]) -> None:
        self.people = people
        self.starts: dict[int, list[int]] = {}
        self.ends: dict[int, list[int]] = {}
        for i, p in enumerate(people):
            self.starts.setdefault(p.span.start, []).append(i)
            self.ends.setdefault(p.span.end, []).append(i)

    def adjacent(self, span: Span, text: str) -> Link | None:
        """The first person (in mention order) written next to ``span``: after it or before it,
        across at most :data:`GAP` characters of space, comma or colon; ``None`` if none is."""
        found = []
        for at in range(span.end, span.end + GAP + 1):
            for i in self.starts.get(at, ()):
                if not text[span.end : at].strip(" ،,:؛\u200c"):
                    found.append(i)
        for at in range(span.start - GAP, span.start + 1):
            for i in self.ends.get(at, ()):
                if not text[at : span.start].strip(" ،,:؛\u200c"):
                    found.append(i)
        return self.people[min(found)] if found else None


@cache
def _nouns(lang: Lang) -> list[tuple[str, str]]:
    """The language's role nouns in their normalized form, longest first, with their English."""
    norm = normalizer(lang)
    pairs = ((norm.key(n), en) for n, en in mention_lexicon(lang).role_nouns.items())
    return sorted(pairs, key=lambda x: -len(x[0]))


@cache
def _noun_index(lang: Lang) -> tuple[dict[str, list[tuple[str, str]]], list[tuple[str, str]]]:
    """The role nouns by their last letter, and those written joined to a name (ending in
    ``ل``), each list longest first as in :func:`_nouns`."""
    by_last: dict[str, list[tuple[str, str]]] = {}
    for key, english in _nouns(lang):
        by_last.setdefault(key[-1], []).append((key, english))
    return by_last, [(k, e) for k, e in _nouns(lang) if k.endswith("ل")]


def _holding(org: str, people: set[str], kb: KnowledgeBase) -> set[str]:
    """The people among ``people`` whose knowledge-base roles or memberships are in ``org``."""
    return {
        p
        for p in people
        if any(r.org == org for r in kb.entities[p].roles)
        or any(m.org == org for m in kb.entities[p].memberships)
    }


def role_links(doc: Document, links: list[Link], kb: KnowledgeBase, lang: Lang) -> list[Link]:
    view = doc.normalized
    text = doc.text
    nouns = _nouns(lang)
    people: list[Link] = []
    orgs: list[Link] = []
    for link in links:
        if link.kind == "name" or link.kind == "honorific":
            etype = kb.entities[link.entity].type
            if etype == "person":
                people.append(link)
            elif etype == "organization" and link.kind == "name":
                orgs.append(link)
    by_place: _People | None = None  # built for the first role phrase
    by_last, joined_nouns = _noun_index(lang)
    out: list[Link] = []
    phrases: list[tuple[int, str, str]] = []  # (view start, noun key, person)
    unclaimed: list[tuple[Span, str, str]] = []  # role phrases no known person takes
    for org in orgs:
        vs = view.to_norm(org.span.start)
        if lang == "en" and view.text.endswith(" the ", 0, vs):
            vs -= len("the ")  # leader of the State of Law Coalition
        before = view.text[vs - 1] if vs > 0 else ""
        if before == " ":  # a noun then a space: only nouns ending in the letter before it
            tried = by_last.get(view.text[vs - 2] if vs > 1 else "", ())
        elif before == "ل":
            tried = joined_nouns
        else:
            continue  # no role noun can end right before this name
        for key, english in tried:
            start = vs - len(key)
            joined = view.text[start:vs] == key and key.endswith("ل")  # الأمين العام لـ + name
            spaced = view.text[start - 1 : vs] == key + " "
            if not (joined or spaced):
                continue
            start = start if joined else start - 1
            if start > 0 and alpha_at(view.text, start - 1):
                continue
            phrase = Span(view.to_orig(start), org.span.end)
            role = f"{english} {kb.entities[org.entity].name_en}"
            if by_place is None:
                by_place = _People(people)
            person = by_place.adjacent(phrase, text)
            if person is not None:
                who, score, reason = person.entity, 0.85, f"role phrase next to the name: {role}"
            else:
                holders = _holding(org.entity, {p.entity for p in people}, kb)
                if len(holders) != 1:
                    unclaimed.append((phrase, role, org.entity))
                    break
                who, score = holders.pop(), 0.7
                reason = f"role phrase alone: the one person named whose roles include {role}"
            out.append(
                Link(
                    phrase, text[phrase.start : phrase.end], who, "role", score, reason, None, role
                )
            )
            phrases.append((start, key.replace(" ", ""), who))
            break

    def titled() -> list[tuple[int, str, str]]:
        """The people's titles as (view start, squeezed title, person)."""
        found = []
        for link in links:
            if link.kind == "title" and kb.entities[link.entity].type == "person":
                vs, ve = view.to_norm(link.span.start), view.to_norm(link.span.end)
                found.append((vs, view.text[vs:ve].replace(" ", ""), link.entity))
        return found

    out.extend(_bare_nouns(view.text, text, view, nouns, phrases, titled))
    out.extend(new_actors(doc, unclaimed, links + out, kb))
    return out


def _bare_nouns(
    vtext: str,
    text: str,
    view: object,
    nouns: list[tuple[str, str]],
    roles: list[tuple[int, str, str]],
    titled: Callable[[], list[tuple[int, str, str]]],
) -> list[Link]:
    """Role nouns written alone (``دبیرکل``), each linked to the last person given a role or
    title starting with it; ``titled`` is asked for the titles only when such a noun occurs."""
    out = []
    phrases: list[tuple[int, str, str]] | None = None
    taken: set[int] = set()
    for key, _english in nouns:
        if not key.endswith(("کل", "العام")) and " " not in key:
            continue  # only secretary-general-like nouns stand alone for a person
        squeezed = key.replace(" ", "")
        at = vtext.find(key)
        while at >= 0:
            end = at + len(key)
            bounded = (at == 0 or not alpha_at(vtext, at - 1)) and (
                end == len(vtext) or not alpha_at(vtext, end)
            )
            if bounded and phrases is None:  # the first noun standing alone: titles needed now
                phrases = roles + titled()
                taken = {p[0] for p in phrases}
            if bounded and at not in taken:
                before = [p for p in phrases or () if p[0] < at and p[1].startswith(squeezed)]
                if before:
                    person = max(before)[2]
                    span = view.span_to_orig(at, end)  # type: ignore[attr-defined]
                    out.append(
                        Link(
                            span,
                            text[span.start : span.end],
                            person,
                            "title",
                            0.7,
                            "a role named alone refers to the last person given it",
                        )
                    )
                    taken.add(at)
            at = vtext.find(key, at + 1)
    return out
