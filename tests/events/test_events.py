"""Events from short articles in each language, through the whole pipeline and the shipped KB."""

from __future__ import annotations

import pytest

from rasad.document import Article
from rasad.pipeline import default_pipeline

PIPE = default_pipeline()


def run(text: str, published: str | None = "2025-03-16"):
    return PIPE(Article(headline(text) + "\n" + text, "a.txt", "text", published=published))


def headline(text: str) -> str:
    """A first line the text stage takes for the headline, in the text's script."""
    return "News in brief" if text.isascii() else "خبر کوتاه"


def keyed(doc):
    return {(e.type, e.participants, e.mode, e.date.value if e.date else None) for e in doc.events}


CASES = [
    # Persian
    (
        "fa",
        "عباس عراقچی وزیر امور خارجه ایران امروز در یک گفت‌وگوی تلفنی با فؤاد حسین درباره تحولات منطقه رایزنی کرد.",
        {("CONSULT", ("abbas-araghchi", "fuad-hussein"), "phone", "2025-03-16")},
    ),
    (
        "fa",
        "عباس عراقچی امروز در یک گفتوگوی تلفنی با فؤاد حسین درباره روابط دو کشور گفتوگو کرد.",
        {("CONSULT", ("abbas-araghchi", "fuad-hussein"), "phone", "2025-03-16")},
    ),
    (
        "fa",
        "عباس عراقچی دیروز با محمد شیاع السودانی دیدار و درباره روابط ایران و عراق گفت‌وگو کرد.",
        {("CONSULT", ("abbas-araghchi", "mohammed-shia-al-sudani"), None, "2025-03-15")},
    ),
    (
        "fa",
        "عباس عراقچی قرار است هفته آینده با فؤاد حسین دیدار کند.",
        {("AGREE", ("abbas-araghchi", "fuad-hussein"), None, "2025-03-16")},
    ),
    ("fa", "وزارت خارجه دیدار عراقچی با فؤاد حسین را تکذیب کرد.", set()),
    ("fa", "اگر عراقچی با فؤاد حسین دیدار کند، روابط بهتر می‌شود.", set()),
    # Arabic
    (
        "ar",
        "أجرى رئيس الوزراء محمد شياع السوداني اتصالا هاتفيا مع الرئيس الإيراني مسعود بزشكيان، اليوم الأحد.",
        {("CONSULT", ("masoud-pezeshkian", "mohammed-shia-al-sudani"), "phone", "2025-03-16")},
    ),
    (
        "ar",
        "زار وزير الخارجية الإيراني عباس عراقجي بغداد أمس.",
        {("CONSULT", ("abbas-araghchi", "iraq"), "visit", "2025-03-15")},
    ),
    (
        "ar",
        "التقى فؤاد حسين بعباس عراقجي على هامش قمة منظمة التعاون الإسلامي في جدة.",
        {("CONSULT", ("abbas-araghchi", "fuad-hussein"), "multilateral", "2025-03-16")},
    ),
    ("ar", "نفى المكتب الإعلامي أن يكون السوداني قد التقى بعباس عراقجي.", set()),
    # English
    (
        "en",
        "Iranian Foreign Minister Abbas Araghchi held a telephone conversation with Iraqi Foreign Minister Fuad Hussein on Sunday.",
        {("CONSULT", ("abbas-araghchi", "fuad-hussein"), "phone", "2025-03-16")},
    ),
    (
        "en",
        "Iraqi Prime Minister Mohammed Shia al-Sudani received Iranian Foreign Minister Abbas Araghchi in Baghdad on Saturday.",
        {("CONSULT", ("abbas-araghchi", "mohammed-shia-al-sudani"), "visit", "2025-03-15")},
    ),
    (
        "en",
        "Abbas Araghchi will visit Baghdad next week to meet Fuad Hussein.",
        {("AGREE", ("abbas-araghchi", "iraq"), None, "2025-03-16")},
    ),
    ("en", "Fuad Hussein denied that he met Abbas Araghchi.", set()),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES)
def test_events(lang, text, expected):
    doc = run(text)
    assert doc.lang == lang
    got = keyed(doc)
    assert expected <= got if expected else not got, got


def test_visit_has_place_direction_and_hosts():
    doc = run(
        "Iranian Foreign Minister Abbas Araghchi arrived in Baghdad on Sunday and met Prime Minister "
        "Mohammed Shia al-Sudani and Foreign Minister Fuad Hussein."
    )
    visit = next(e for e in doc.events if "iraq" in e.participants)
    assert visit.actor == ("abbas-araghchi",) and visit.recipient == ("iraq",)
    assert visit.location == "baghdad" and visit.mode == "visit"
    met = {e.participants for e in doc.events if e.type == "CONSULT"}
    assert ("abbas-araghchi", "mohammed-shia-al-sudani") in met
    assert ("abbas-araghchi", "fuad-hussein") in met
    for e in doc.events:
        if e.participants != visit.participants:
            assert e.mode == "visit" and e.actor == ("abbas-araghchi",)


def test_undated_article_has_unknown_dates():
    doc = run("عباس عراقچی با فؤاد حسین دیدار کرد.", published=None)
    assert [(e.date, e.date_basis) for e in doc.events] == [(None, "unknown")]


def test_event_without_date_takes_publication_date():
    doc = run("Abbas Araghchi met Fuad Hussein.")
    (e,) = doc.events
    assert e.date is not None and e.date.value == "2025-03-16" and e.date_basis == "publication"
    assert e.key == "2025-03-16|abbas-araghchi+fuad-hussein|CONSULT"


def test_evidence_and_trigger_spans_index_the_original_text():
    doc = run("عباس عراقچی امروز با فؤاد حسین دیدار کرد.")
    (e,) = doc.events
    assert doc.text[e.span.start : e.span.end].startswith("عباس عراقچی")
    assert doc.text[e.trigger.start : e.trigger.end] == "دیدار"


def test_wire_dateline_agency_is_not_a_participant():
    doc = run(
        "WASHINGTON, March 16 (Reuters) - The US Treasury Department imposed sanctions on "
        "Kataib Hezbollah on Sunday."
    )
    assert doc.events
    assert not any("reuters" in e.participants for e in doc.events)
    # the same name outside a dateline stays an actor
    doc = run("Reuters met Fuad Hussein on Sunday.")
    assert any("reuters" in e.participants for e in doc.events)
