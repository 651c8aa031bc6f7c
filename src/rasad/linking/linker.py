"""From gazetteer hits to links: which entity each span names, with a score and a reason.

Rules, in order:

1. **Nesting.** A hit inside a longer hit of another entity is dropped when both are people or
   both organizations (``خامنه‌ای`` inside ``مجتبی خامنه‌ای``, ``حزب الله`` inside ``كتائب حزب
   الله``); otherwise it is kept, so ``لبنان`` in ``حزب‌الله لبنان``, ``المالكي`` in ``ائتلاف
   المالكي`` and a shorter form of the same name (``حزب‌الله``) count.
2. **Titles.** An office phrase (``الرئيس الإيراني``) next to a person's name (apposition, on
   either side, across a comma) names that person. Otherwise it resolves to whoever held the
   office on the article's date — preferring a holder named elsewhere in the article, then a
   non-acting holder; undated, it resolves only to a holder the article names.
3. **Surnames.** A one-word alias of a person (``ولایتی``, ``رشيد``) links when the article
   names the person in full or by a title; otherwise only when it is at least six letters long
   (short surnames are often common words: ``رشید`` is "brave").
4. **Ambiguous names.** Candidates named in full elsewhere in the article win (coreference of
   surnames: ``مالکی`` after ``نوری مالکی``), then those holding a role on the article's date,
   then those of the country the article mentions most.
5. **Honorifics.** A person's name right after a listed honorific (``دکتر``, ``الشيخ``) adds the
   longer span (``دکتر ولایتی``) as a mention too.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache, lru_cache
from operator import attrgetter

from rasad.document import Document, Lang, Link, Span
from rasad.kb.loader import KnowledgeBase
from rasad.linking.coref import pronoun_links
from rasad.linking.roles import role_links
from rasad.mentions.gazetteer import Gazetteer, Hit, Target
from rasad.mentions.lexicon import mention_lexicon
from rasad.text.chars import alpha_at
from rasad.text.normalize import normalizer

_NAMED_KINDS = frozenset({"person", "organization"})
SURNAME_ALONE = 6  # a one-word alias this long names a person even without the full name nearby
APPOSITION_GAP = 3  # characters allowed between a title and a name: space, comma, colon


def _sorted_places(
    starts: list[int], lengths: list[int], longest_first: bool
) -> tuple[list[int], bool]:
    """The places of spans sorted by start, then length (the longest first if asked), equal
    spans in their order; and whether two spans are equal.

    One small integer per span (start, length or its shortfall from the longest, place) sorts
    them: tuples, or the multi-digit integers of a wider packing, compare several times slower.
    """
    index_bits = len(starts).bit_length()
    longest = max(lengths, default=0)
    length_bits = longest.bit_length()
    keys = []
    for i in range(len(starts)):
        n = longest - lengths[i] if longest_first else lengths[i]
        keys.append((starts[i] << length_bits | n) << index_bits | i)
    keys.sort()
    mask = (1 << index_bits) - 1
    places = []
    ties = False
    last = -1
    for key in keys:
        places.append(key & mask)
        span = key >> index_bits
        ties = ties or span == last
        last = span
    return places, ties


def _in_order(links: list[Link]) -> list[Link]:
    """``links`` sorted by start, end and entity (the entity decides only between links on
    one span, which most articles do not have)."""
    starts = [link.span.start for link in links]
    lengths = [link.span.end - link.span.start for link in links]
    places, ties = _sorted_places(starts, lengths, False)
    if ties:
        return sorted(links, key=attrgetter("span.start", "span.end", "entity"))
    return [links[i] for i in places]


def _by_start_longest_first(spans: list[Hit]) -> list[Hit]:
    """``spans`` by start, the longest first, equal ones in their order."""
    places, _ = _sorted_places([s.start for s in spans], [s.end - s.start for s in spans], True)
    return [spans[i] for i in places]


def _drop_nested(spans: list[Hit]) -> list[Hit]:
    spans = _by_start_longest_first(spans)
    kept: list[Hit] = []
    open_: list[Hit] = []  # kept spans that may still contain what comes next
    reach = -1  # no span of ``open_`` ends after this
    for s in spans:
        start = s.start
        if reach > start:
            end = s.end
            open_ = [k for k in open_ if k.end > start]
            if any(
                end <= k.end and k.end - k.start > end - start and _same_kind(k, s) for k in open_
            ):
                continue
        else:
            open_ = []
        kept.append(s)
        open_.append(s)
        if s.end > reach:
            reach = s.end
    return kept


def _same_kind(outer: Hit, inner: Hit) -> bool:
    """True when ``inner`` is part of ``outer``'s name rather than a mention of its own.

    A shorter name of the *same* entity inside a longer one (``حزب‌الله`` in ``حزب‌الله لبنان``,
    ``فیاض`` in ``فالح فیاض``) is kept: it is how the article can also write the name.
    """
    if inner.group.ids <= outer.group.ids:
        return False
    return bool(outer.group.types & inner.group.types & _NAMED_KINDS)


@cache
def _former_keys(lang: Lang) -> tuple[str, ...]:
    norm = normalizer(lang)
    return tuple(" " + norm.key(w) for w in mention_lexicon(lang).former_after)


def _former_tail(view: str, end: int, lang: Lang) -> int:
    """Length of a ``سابق``-like word written right after a title, in the normalized view."""
    for key in _former_keys(lang):
        if view.startswith(key, end) and (
            end + len(key) == len(view) or not alpha_at(view, end + len(key))
        ):
            return len(key)
    return 0


@cache
def _honorific_tail(lang: Lang) -> re.Pattern[str]:
    """A listed honorific and one space or ZWNJ, ending where a name starts."""
    words = sorted(mention_lexicon(lang).honorifics, key=len, reverse=True)
    return re.compile("(" + "|".join(re.escape(w) for w in words) + ")[ \u200c]$")


class Linker:
    def __init__(self, kb: KnowledgeBase, gazetteer: Gazetteer | None = None) -> None:
        self.kb = kb
        self.gazetteer = gazetteer or Gazetteer.for_kb(kb)
        self._holders = lru_cache(maxsize=8192)(self._office_holders)

    def _office_holders(self, office: str, day: str | None) -> tuple[list[str], list[str]]:
        """Who held ``office`` on ``day``, and those of them not acting (memoized per linker:
        the knowledge base does not change under it, and articles share offices and days)."""
        holders = self.kb.holders_on(office, day)
        if day is None:
            return holders, []
        regular = [
            h for h, r in self.kb.holders.get(office, []) if r.valid_on(day) and not r.acting
        ]
        return holders, regular

    def link(self, doc: Document) -> list[Link]:
        lang: Lang = doc.lang or "en"
        view = doc.normalized
        text = doc.text
        spans = _drop_nested(self.gazetteer.hits(view.text, text, view.span_to_orig, lang))
        day = doc.publication.date.value if doc.publication.date else None

        # names first: which people and countries the article names, and how
        named: dict[str, int] = {}  # unambiguous names: how often each entity is named
        full_names: set[str] = set()
        starts: dict[int, list[Hit]] = {}  # people's names by where they start and end
        ends: dict[int, list[Hit]] = {}
        for s in spans:
            group = s.group
            ents = group.entities
            if len(ents) == 1:
                one = ents[0]
                named[one.id] = named.get(one.id, 0) + 1
                if one.tokens > 1 or one.canonical:
                    full_names.add(one.id)
            if group.person:
                starts.setdefault(s.start, []).append(s)
                ends.setdefault(s.end, []).append(s)
        countries = Counter(
            {eid: n for eid, n in named.items() if self.kb.entities[eid].type == "country"}
        )
        home = {self.kb.entities[c].country for c, _ in countries.most_common(2)}

        links: list[Link] = []
        pending: list[tuple[Span, str, tuple[Target, ...]]] = []
        person_spans = (starts, ends)
        known = full_names | set(named)
        choices: dict[int, tuple[str | None, float, str]] = {}  # by id of the hit's group
        originals = view.spans_to_orig([(s.start, s.end) for s in spans])
        for s, span in zip(spans, originals, strict=True):
            surface = text[span.start : span.end]
            offices = s.group.offices
            entities = s.group.entities
            if entities:
                choice = choices.get(id(s.group))
                if choice is None:
                    choice = choices[id(s.group)] = self._choose(entities, full_names, day, home)
                chosen, score, reason = choice
                if chosen is not None:
                    links.append(Link(span, surface, chosen, "name", score, reason))
                    continue
            span = self._with_modifier(text, span, lang) if offices else span
            surface = text[span.start : span.end]
            for office in offices:
                resolved = self._title(office, s, person_spans, view.text, known, day, lang)
                if resolved is not None:
                    who, score, reason = resolved
                    links.append(Link(span, surface, who, "title", score, reason, office.id))
                    break
            else:
                if offices and day is None:
                    pending.append((span, surface, offices))
        links.extend(self._undated_titles(pending, links))
        links.extend(self._honorifics(links, text, lang))
        links.extend(role_links(doc, links, self.kb, lang))
        links.extend(pronoun_links(text, links, self.kb, lang))
        return _in_order(links)

    def _choose(
        self,
        targets: tuple[Target, ...],
        full_names: set[str],
        day: str | None,
        home: set[str | None],
    ) -> tuple[str | None, float, str]:
        if len(targets) == 1:
            t = targets[0]
            if t.typo:
                return t.id, 0.75, "name with one letter missing"
            if t.tokens > 1 or t.canonical:
                return t.id, 1.0, "name"
            if t.type != "person" or t.id in full_names:
                return t.id, 0.85, "alias"
            if t.length >= SURNAME_ALONE:
                return t.id, 0.6, "surname only"
            return None, 0.0, "short surname with no full name in the article"
        ids = [t.id for t in targets]
        named = [i for i in ids if i in full_names]
        if len(named) == 1:
            return named[0], 0.9, "coreference: named in full in the article"
        pool = named or ids
        if day is not None:
            active = [i for i in pool if any(r.valid_on(day) for r in self.kb.entities[i].roles)]
            if len(active) == 1:
                return active[0], 0.8, f"the only candidate in office on {day}"
            pool = active or pool
        local = [i for i in pool if self.kb.entities[i].country in home]
        if len(local) == 1:
            return local[0], 0.7, "the candidate of the article's countries"
        return sorted(pool)[0], 0.4, f"ambiguous among {', '.join(sorted(pool))}"

    def _title(
        self,
        office: Target,
        s: Hit,
        person_spans: tuple[dict[int, list[Hit]], dict[int, list[Hit]]],
        view: str,
        named: set[str],
        day: str | None,
        lang: Lang,
    ) -> tuple[str, float, str] | None:
        starts, ends = person_spans
        end = s.end + _former_tail(view, s.end, lang)
        for k in range(APPOSITION_GAP + 1):
            nearby = [(p, view[end : p.start]) for p in starts.get(end + k, ())]  # after the title
            if s.start - k in ends:  # before it
                nearby.extend((p, view[p.end : s.start]) for p in ends[s.start - k])
            for p, gap in nearby:
                ids = {t.id for t in p.group.targets}
                if not gap.strip(" ،,:؛") and len(ids) == 1:
                    return next(iter(ids)), 0.95, "apposition: title next to the name"
        holders, regular = self._holders(office.id, day)
        if day is None:
            in_text = [h for h in dict.fromkeys(holders) if h in named]
            if len(in_text) == 1:
                return in_text[0], 0.7, "undated: the office holder the article names"
            return None
        if not holders:
            return None
        in_text = [h for h in holders if h in named]
        if len(set(in_text)) == 1:
            return in_text[0], 0.95, f"held the office on {day}, named in the article"
        pool = sorted(set(regular or holders))
        if len(pool) == 1:
            return pool[0], 0.9, f"held the office on {day}"
        return None

    def _with_modifier(self, text: str, span: Span, lang: Lang) -> Span:
        """The title's span with a ``former``/``سابق`` modifier written next to it."""
        lex = mention_lexicon(lang)
        for word in lex.former_before:
            start = span.start - len(word) - 1
            before = text[start : span.start].lower() if start >= 0 else ""
            if before == word.lower() + " " and (start == 0 or not alpha_at(text, start - 1)):
                return Span(start, span.end)
        for word in lex.former_after:
            end = span.end + 1 + len(word)
            if text[span.end : end] == " " + word and (end == len(text) or not alpha_at(text, end)):
                return Span(span.start, end)
        return span

    def _undated_titles(
        self, pending: list[tuple[Span, str, tuple[Target, ...]]], links: list[Link]
    ) -> list[Link]:
        """Titles in an undated article, resolved through the period its other titles imply.

        A title written next to a name (``علی شمخانی ... دبیر شورای عالی امنیت ملی``) dates the
        article within that person's term; another title (``رهبر انقلاب``) then resolves to
        whoever held its office throughout that period.
        """
        lo, hi = "0000", "9999"
        for link in links:
            if link.office and link.reason.startswith("apposition"):
                terms = [r for r in self.kb.entities[link.entity].roles if r.office == link.office]
                if terms:  # the span of all the person's terms in that office
                    lo = max(lo, min(r.start or "0000" for r in terms))
                    hi = min(hi, max(r.end or "9999" for r in terms))
        if (lo, hi) == ("0000", "9999") or lo > hi:
            return []
        out = []
        for span, surface, offices in pending:
            for office in offices:
                holders = {
                    person
                    for person, role in self.kb.holders.get(office.id, [])
                    if not role.acting
                    and (role.start or "0000") <= lo
                    and hi[: len(role.end or "9999")] <= (role.end or "9999")
                }
                if len(holders) == 1:
                    reason = f"undated: in office throughout {lo}–{hi}, implied by other titles"
                    out.append(Link(span, surface, holders.pop(), "title", 0.75, reason, office.id))
                    break
        return out

    def _honorifics(self, links: list[Link], text: str, lang: Lang) -> list[Link]:
        honorifics = _honorific_tail(lang)
        extra = []
        for link in links:
            if link.kind != "name" or self.kb.entities[link.entity].type != "person":
                continue
            m = honorifics.search(text, max(0, link.span.start - 30), link.span.start)
            if m is None:
                continue
            start = m.start()
            if start == 0 or not alpha_at(text, start - 1):
                extra.append(
                    Link(
                        Span(start, link.span.end),
                        text[start : link.span.end],
                        link.entity,
                        "honorific",
                        link.score,
                        f"honorific {m.group(1)}",
                    )
                )
        return extra
