"""Every entry of lang/*/mentions.yaml, each tested on the linking tests' knowledge base."""

from __future__ import annotations

import pytest

from rasad.mentions.lexicon import mention_lexicon
from tests.linking.test_linker import _links

PERSON = {
    "fa": ("علی شمخانی", "ali-shamkhani"),
    "ar": ("رسول راضي", "rasoul-radhi"),
    "en": ("Ali Akbar Velayati", "ali-akbar-velayati"),
}
ORG = {"fa": "مجمع تشخیص مصلحت نظام", "ar": "ائتلاف دولة القانون", "en": "State of Law Coalition"}
FILLER = {
    "fa": "در تهران گفت که روابط دو کشور خوب است.",
    "ar": "في بغداد إن العلاقات بين البلدين جيدة.",
    "en": "said in Tehran that relations were good.",
}


def _entries(key: str):
    return [
        (lang, entry)
        for lang in ("fa", "ar", "en")
        for entry in getattr(mention_lexicon(lang), key)
    ]


@pytest.mark.parametrize(("lang", "honorific"), _entries("honorifics"))
def test_every_honorific(lang, honorific):
    name, who = PERSON[lang]
    found = _links(f"{honorific} {name} {FILLER[lang]}")
    assert (f"{honorific} {name}", who, "honorific") in {(x.text, x.entity, x.kind) for x in found}


@pytest.mark.parametrize(("lang", "proclitic"), _entries("proclitics"))
def test_every_proclitic(lang, proclitic):
    found = _links(f"قال رسول راضي إن الوفد زار {proclitic}العراق أمس.")
    assert ("العراق", "iraq") in {(x.text, x.entity) for x in found}


@pytest.mark.parametrize(("lang", "suffix"), _entries("suffixes"))
def test_every_suffix(lang, suffix):
    found = _links(f"علی شمخانی درباره عراق{suffix} سخن گفت.")
    assert ("عراق", "iraq") in {(x.text, x.entity) for x in found}


@pytest.mark.parametrize(
    ("lang", "noun"),
    [(lang, n) for lang in ("fa", "ar", "en") for n in mention_lexicon(lang).role_nouns],
)
def test_every_role_noun(lang, noun):
    name, who = PERSON[lang]
    glue = "" if noun.endswith(" ل") else " "
    noun_text = noun[:-2] + " ل" if noun.endswith(" ل") else noun
    text = f"{name}، {noun_text}{glue}{ORG[lang]}، {FILLER[lang]}"
    roles = {(x.entity, x.kind) for x in _links(text) if x.kind == "role"}
    assert (who, "role") in roles, text


@pytest.mark.parametrize(("lang", "pronoun"), _entries("pronouns"))
def test_every_pronoun(lang, pronoun):
    name, who = PERSON[lang]
    found = _links(f"{name} {FILLER[lang]} {pronoun} {FILLER[lang]}")
    assert (pronoun, who) in {(x.text, x.entity) for x in found if x.kind == "pronoun"}


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        (
            "en",
            "The former Iraqi prime minister Nouri al-Maliki spoke.",
            "former Iraqi prime minister",
        ),
        ("ar", "قال رئيس الوزراء العراقي السابق نوري المالكي إن", "رئيس الوزراء العراقي السابق"),
        ("fa", "نخست وزیر عراق سابق نوری مالکی گفت", "نخست وزیر عراق سابق"),
    ],
)
def test_former_modifiers(lang, text, surface):
    assert surface in {x.text for x in _links(text, "2026-01-20") if x.kind == "title"}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Then he said; the chef agreed (he left).", ["he", "he"]),
        ("en", "Shehab and Sheila met; she spoke.", ["she"]),
        ("fa", "ویژه «وی» گفت و اویسی رفت", ["وی"]),
        ("ar", "ووأضاف. وأضاف:", ["وأضاف"]),
    ],
)
def test_pronouns_stand_as_words(lang, text, expected):
    from rasad.linking.coref import _pronouns

    assert [m.group() for m in _pronouns(text, lang)] == expected


def test_a_pronoun_must_be_one_word():
    from rasad.errors import DataError
    from rasad.mentions.lexicon import _words

    assert _words(("he", "وأضاف"), "pronouns", "mentions.yaml") == ("he", "وأضاف")
    for bad in ("he said", "he.", "و أضاف"):
        with pytest.raises(DataError, match="not one word"):
            _words(("she", bad), "pronouns", "mentions.yaml")
