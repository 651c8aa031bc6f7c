"""Statements: speaker, kind, stance and targets, per language."""

from __future__ import annotations

import pytest

from rasad.document import Article
from rasad.pipeline import default_pipeline

PIPE = default_pipeline()


def statements(text: str):
    head = "News in brief" if text.isascii() else "خبر کوتاه"
    doc = PIPE(Article(f"{head}\n{text}", "a.txt", "text", published="2025-03-16"))
    return doc, [(s.speaker, s.kind) for s in doc.statements]


CASES = [
    ("fa", "عباس عراقچی گفت: ایران از دولت عراق حمایت می‌کند.", ("abbas-araghchi", "SUPPORT")),
    ("fa", "عباس عراقچی آمریکا را به توطئه علیه منطقه متهم کرد.", ("abbas-araghchi", "ACCUSE")),
    ("fa", "فؤاد حسین خواستار توقف حملات شد.", ("fuad-hussein", "REQUEST")),
    ("ar", "قال فؤاد حسين إن العراق يرفض أي اعتداء على إيران.", ("fuad-hussein", "REJECT")),
    (
        "ar",
        "ودعا محمد شياع السوداني إلى التهدئة في المنطقة.",
        ("mohammed-shia-al-sudani", "REQUEST"),
    ),
    (
        "en",
        "Abbas Araghchi warned that Iran would respond to any attack.",
        ("abbas-araghchi", "THREATEN"),
    ),
    ("en", "Fuad Hussein thanked Iran for its support.", ("fuad-hussein", "SUPPORT")),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES)
def test_speaker_and_kind(lang, text, expected):
    doc, got = statements(text)
    assert doc.lang == lang
    assert expected in got, got


@pytest.mark.parametrize(
    "text",
    [
        "عباس عراقچی با فؤاد حسین دیدار کرد. وی گفت: روابط دو کشور رو به رشد است.",
        "Abbas Araghchi met Fuad Hussein. He said that relations were growing.",
    ],
)
def test_pronoun_subject_is_the_last_speaker_or_person(text):
    _doc, got = statements(text)
    assert got and got[-1][0] == "abbas-araghchi"


def test_quote_span_and_targets():
    doc, _ = statements("Abbas Araghchi said that the United States must be held accountable.")
    (s,) = doc.statements
    assert doc.text[s.quote.start : s.quote.end] == "the United States must be held accountable"
    assert s.targets == ("united-states",) and s.stance == "negative" and s.kind == "ACCUSE"


def test_unnamed_subject_gives_no_statement():
    _doc, got = statements("وكان مصدر مطلع قال إن الاجتماع كان إيجابيا.")
    assert got == []
