"""Linking, rule by rule, per language, on a small knowledge base written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rasad.document import Article, DateValue, Document, Link, Publication, Span
from rasad.kb.loader import parse
from rasad.linking.linker import Linker, _by_start_longest_first, _in_order
from rasad.mentions.gazetteer import Group, Hit
from rasad.text.stage import TextStage

KB = parse([Path(__file__).with_name("mini_kb.yaml")])
LINKER = Linker(KB)


def _links(text: str, day: str | None = None):
    doc = Document(Article(text, "t.txt", "text"))
    TextStage()(doc)
    if day:
        doc.publication = Publication(DateValue(day, "day"), "metadata")
    return LINKER.link(doc)


def link(text: str, day: str | None = None) -> list[tuple[str, str, str]]:
    return [(x.text, x.entity, x.kind) for x in _links(text, day)]


@pytest.mark.parametrize(
    ("text", "day", "who"),
    [
        ("التقى الرئيس الإيراني وزير الخارجية العراقي في طهران.", "2023-05-01", "ebrahim-raisi"),
        (
            "التقى الرئيس الإيراني وزير الخارجية العراقي في طهران.",
            "2025-05-01",
            "masoud-pezeshkian",
        ),
        ("رئیس‌جمهور در سفر به بغداد با مقامات عراقی دیدار کرد.", "2022-01-10", "ebrahim-raisi"),
        ("The Iranian president arrived in Baghdad on Monday.", "2025-02-03", "masoud-pezeshkian"),
    ],
)
def test_a_title_means_who_held_the_office_that_day(text, day, who):
    assert (who, "title") in {(e, k) for _, e, k in link(text, day)}


def test_a_title_in_a_gap_resolves_to_nobody():
    # between Raisi's death and Pezeshkian's inauguration the KB has no regular holder
    assert not [
        e
        for _, e, k in link("قال الرئيس الإيراني إن العلاقات متينة.", "2024-06-10")
        if k == "title"
    ]


def test_apposition_wins_over_the_date():
    found = link("The former Iraqi prime minister Nouri al-Maliki met Velayati.", "2026-01-20")
    assert ("former Iraqi prime minister", "nouri-al-maliki", "title") in found


@pytest.mark.parametrize(
    ("text", "surface", "who"),
    [
        ("وقال بزشكيان إن طهران لن تتخلى عن بغداد.", "بزشكيان", "masoud-pezeshkian"),
        ("واتصل وبزشكيان بنظيره.", "بزشكيان", "masoud-pezeshkian"),  # proclitic و
        ("قال نوري المالكي إن الحكومة مستمرة، وأكد للمالكي ذلك.", "لمالكي", "nouri-al-maliki"),
        ("والتقى نوري المالكي بالعراق وفداً.", "العراق", "iraq"),  # proclitic ب
        ("دیدار ولایتی با مقامات عراقی‌ها در تهران", "عراق", "iraq"),  # Persian suffix ی/ها
        ("گفتوگوی ولایتی با نوری مالکی", "نوری مالکی", "nouri-al-maliki"),
    ],
)
def test_names_attach_to_words_as_the_language_writes_them(text, surface, who):
    assert (surface, who) in {(s, e) for s, e, _ in link(text)}


@pytest.mark.parametrize(
    "text",
    [
        "وزيرالعراق",  # glued to a word: not a mention
        "the Iraqis left us alone",  # 'us' is not US
        "عراقچی در تهران",  # a longer word that starts with the name
    ],
)
def test_no_match_inside_other_words(text):
    found = link(text)
    assert not [e for _, e, _ in found if e in {"iraq", "united-states"}]


def test_acronym_in_capitals_matches():
    assert ("US", "united-states") in {(s, e) for s, e, _ in link("The US and Iran held talks.")}


def test_nested_mentions():
    found = {(s, e) for s, e, _ in link("گفتگو با دبیرکل حزب‌الله لبنان و كتائب حزب الله")}
    assert ("حزب‌الله", "hezbollah") in found
    assert ("لبنان", "lebanon") in found
    assert ("كتائب حزب الله", "kataib-hezbollah") in found
    assert ("حزب الله", "hezbollah") not in found  # an organization inside another's name


def test_surname_follows_the_full_name_in_the_article():
    found = link("نوری مالکی به تهران رفت. مالکی گفت روابط خوب است.")
    assert [e for s, e, _ in found if s == "مالکی"] == ["nouri-al-maliki"]
    other = link("حسن مالکی به تهران رفت. مالکی گفت روابط خوب است.")
    assert [e for s, e, _ in other if s == "مالکی"] == ["hassan-maliki"]


def test_honorific_adds_the_longer_surface():
    found = link("دکتر ولایتی در گفت‌وگو با مالکی گفت.")
    assert ("دکتر ولایتی", "ali-akbar-velayati", "honorific") in found
    assert ("ولایتی", "ali-akbar-velayati", "name") in found


def test_links_carry_score_and_reason():
    doc = Document(Article("نوری مالکی به تهران رفت.", "t.txt", "text"))
    TextStage()(doc)
    (first, *_) = LINKER.link(doc)
    assert first.score == 1.0 and first.reason == "name"
    assert doc.text[first.span.start : first.span.end] == first.text


def test_undated_title_resolves_through_the_period_other_titles_imply():
    text = "علی شمخانی دبیر شورای عالی امنیت ملی گفت پیام رهبر انقلاب را رساند."
    found = {(link.text, link.entity) for link in _links(text)}
    assert ("دبیر شورای عالی امنیت ملی", "ali-shamkhani") in found
    assert ("رهبر انقلاب", "ali-khamenei") in found  # the only Leader during Shamkhani's term


def test_undated_title_without_other_clues_stays_unresolved():
    assert not [x for x in _links("پیام رهبر انقلاب خوانده شد.") if x.kind == "title"]


def test_role_phrase_next_to_a_name():
    found = _links("قال القيادي في ائتلاف المالكي رسول راضي إن الزيارة مهمة.")
    roles = [(x.text, x.entity, x.role) for x in found if x.kind == "role"]
    assert roles == [
        ("القيادي في ائتلاف المالكي", "rasoul-radhi", "Leading figure in State of Law Coalition")
    ]


def test_role_phrase_alone_names_the_person_who_holds_it():
    text = (
        "علی شمخانی با مقامات دیدار کرد. عضو مجمع تشخیص مصلحت نظام خاطرنشان کرد که روابط خوب است."
    )
    roles = [(x.text, x.entity) for x in _links(text) if x.kind == "role"]
    assert roles == [("عضو مجمع تشخیص مصلحت نظام", "ali-shamkhani")]


def test_one_letter_missing_from_a_long_name():
    (typo,) = [
        x
        for x in _links("دیدار با دبیر کل جنش مقاومت اسلامی النجباء")
        if x.entity.startswith("harakat")
    ]
    assert typo.text == "جنش مقاومت اسلامی النجباء" and typo.score < 1
    assert not [x for x in _links("دیدار با جنش مقاومت") if x.entity.startswith("harakat")]


def test_a_role_named_alone_refers_back():
    text = "اکرم الکعبی دبیر کل جنبش مقاومت اسلامی النجباء وارد شد. ولایتی به دبیرکل خوشامد گفت."
    found = [(x.text, x.entity, x.kind) for x in _links(text)]
    assert ("دبیر کل جنبش مقاومت اسلامی النجباء", "akram-al-kaabi", "role") in found
    assert ("دبیرکل", "akram-al-kaabi", "title") in found


@pytest.mark.parametrize(
    ("text", "name", "new_id", "role"),
    [
        (
            "وقال القيادي في ائتلاف المالكي عصام حسين، إن الحكومة مستمرة.",
            "عصام حسين",
            "new:issam-hussein",
            "Leading figure in State of Law Coalition",
        ),
        (
            "Issam Hussein, a leader of the State of Law Coalition, said the talks would go on.",
            "Issam Hussein",
            "new:issam-hussein",
            "Leader of State of Law Coalition",
        ),
    ],
)
def test_an_actor_the_kb_lacks_becomes_a_new_entity(text, name, new_id, role):
    doc = Document(Article(text, "t.txt", "text"))
    TextStage()(doc)
    found = LINKER.link(doc)
    assert (name, new_id, "name") in {(x.text, x.entity, x.kind) for x in found}
    new = doc.new_entities[new_id]
    assert (new.name, new.type, new.role, new.country) == (name, "person", role, "IRQ")


def test_no_new_entity_when_the_words_after_a_role_run_on():
    doc = Document(
        Article("وقال القيادي في ائتلاف المالكي إن الحكومة مستمرة في عملها.", "t.txt", "text")
    )
    TextStage()(doc)
    LINKER.link(doc)
    assert not doc.new_entities


@pytest.mark.parametrize(
    ("text", "pronoun", "who"),
    [
        ("علی شمخانی با مقامات دیدار کرد. وی گفت روابط خوب است.", "وی", "ali-shamkhani"),
        (
            "نوری مالکی به تهران رفت و ایشان تأکید کرد که همکاری ادامه دارد.",
            "ایشان",
            "nouri-al-maliki",
        ),
        ("قال رسول راضي إن الزيارة مهمة. وأضاف أن العلاقات متينة.", "وأضاف", "rasoul-radhi"),
        ("Nouri al-Maliki met Velayati. He said ties were strong.", "He", "ali-akbar-velayati"),
    ],
)
def test_pronoun_subjects_point_to_the_last_person_named(text, pronoun, who):
    found = [(x.text, x.entity) for x in _links(text) if x.kind == "pronoun"]
    assert (pronoun, who) in found


def test_pronouns_are_not_surfaces():
    from rasad.export.record import entity_records

    doc = Document(
        Article("علی شمخانی با مقامات دیدار کرد. وی گفت روابط خوب است.", "t.txt", "text")
    )
    TextStage()(doc)
    doc.links = LINKER.link(doc)
    assert any(x.kind == "pronoun" for x in doc.links)
    for record in entity_records(doc):
        assert "وی" not in record["surfaces"]


def test_the_alias_index_is_cached_per_knowledge_base(tmp_path, monkeypatch):
    from rasad.kb.loader import load_kb
    from rasad.mentions.gazetteer import CACHE_FORMAT, Gazetteer

    monkeypatch.setenv("RASAD_CACHE", str(tmp_path))
    kb = load_kb(Path(__file__).with_name("mini_kb.yaml"))
    built = Gazetteer.for_kb(kb)
    (cached_file,) = tmp_path.rglob("gazetteer-*.pickle")
    again = Gazetteer.for_kb(kb)
    assert again is not built and again.groups == [None] * len(built.groups)  # built when met
    assert [again.group(i) for i in range(len(built.groups))] == built.groups
    view = "نوری مالکی و الرئيس الإيراني"
    assert [h.group for h in again.hits(view, view, None, "fa")] == [
        h.group for h in built.hits(view, view, None, "fa")
    ]
    assert cached_file.name.startswith(f"gazetteer-{CACHE_FORMAT}-{kb.digest}-")


def test_a_cache_from_another_version_is_rebuilt_not_fatal(tmp_path, monkeypatch):
    from rasad.cache import read_cached
    from rasad.mentions.gazetteer import Gazetteer

    path = tmp_path / "gazetteer-old.pickle"
    path.write_bytes(b"\x80\x05garbage")
    assert read_cached(path, Gazetteer) is None


@given(
    st.lists(
        st.tuples(
            st.integers(0, 30), st.integers(0, 5), st.sampled_from(["iran", "iraq", "araghchi"])
        ),
        max_size=40,
    )
)
def test_links_come_out_by_start_end_and_entity(raw: list[tuple[int, int, str]]) -> None:
    links = [Link(Span(s, s + n), "x", e, "name", 1.0, "name") for s, n, e in raw]
    expected = sorted(links, key=lambda link: (link.span.start, link.span.end, link.entity))
    assert _in_order(links) == expected


@given(st.lists(st.tuples(st.integers(0, 40), st.integers(0, 6)), max_size=40))
def test_hits_come_by_start_longest_first_in_their_order(raw: list[tuple[int, int]]) -> None:
    group = Group.of(())
    hits = [Hit(s, s + n, group, i) for i, (s, n) in enumerate(raw)]
    expected = sorted(sorted(hits, key=lambda h: h.end, reverse=True), key=lambda h: h.start)
    assert [h.lead for h in _by_start_longest_first(hits)] == [h.lead for h in expected]
