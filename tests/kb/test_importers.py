"""The Wikidata-dump and CAMEO-dictionary importers, on small samples written for these tests.

``data/wikidata_sample.json`` is a ten-entity dump in Wikidata's format (one entity per line,
trailing commas) plus one broken line; the ``.gz`` and ``.bz2`` copies are made here from it.
``data/cameo_sample.actors.txt`` holds six actors, one of them malformed.
"""

from __future__ import annotations

import bz2
import gzip
import json
from pathlib import Path

import pytest

from rasad.errors import InputError
from rasad.kb.cameo import import_cameo, title_case
from rasad.kb.loader import KnowledgeBase, parse
from rasad.kb.wikidata import ImportReport, WikidataFilter, import_wikidata

DATA = Path(__file__).parent / "data"
WIKIDATA = DATA / "wikidata_sample.json"
CAMEO = DATA / "cameo_sample.actors.txt"


@pytest.fixture(params=["json", "json.gz", "json.bz2"])
def dump(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    raw = WIKIDATA.read_bytes()
    path = tmp_path / f"dump.{request.param}"
    if request.param.endswith(".gz"):
        path.write_bytes(gzip.compress(raw))
    elif request.param.endswith(".bz2"):
        path.write_bytes(bz2.compress(raw))
    else:
        path.write_bytes(raw)
    return path


def _import(dump: Path, tmp_path: Path, **kw: object) -> tuple[ImportReport, KnowledgeBase]:
    out = tmp_path / "out" / "wikidata.yaml"
    report = import_wikidata(dump, out, **kw)  # type: ignore[arg-type]
    return report, parse([out])


# ---------------------------------------------------------------- Wikidata


def test_wikidata_round_trip(dump: Path, tmp_path: Path) -> None:
    report, kb = _import(dump, tmp_path)
    assert report.entities == len(kb) == 7
    assert sorted(kb.entities) == [
        "baghdad",
        "baghdad-q99999",
        "hassan-rouhani",
        "iran",
        "iraq",
        "islamic-dawa-party",
        "nouri-al-maliki",
    ]
    maliki = kb.entities["nouri-al-maliki"]
    assert maliki.type == "person"
    assert maliki.names.name == {"en": "Nouri al-Maliki", "fa": "نوری مالکی", "ar": "نوري المالكي"}
    assert maliki.names.aliases == {
        "en": ("Nuri al-Maliki",),  # the alias equal to the label is dropped
        "fa": ("نوری المالکی",),
        "ar": ("المالكي",),
    }
    assert maliki.country == "IRQ"  # P27 Iraq -> P298 of Iraq's entity
    assert maliki.external_ids == {"wikidata": "Q15815"}


def test_wikidata_roles_keep_precision_and_titles(dump: Path, tmp_path: Path) -> None:
    _, kb = _import(dump, tmp_path)
    roles = kb.entities["nouri-al-maliki"].roles
    # the position's entity comes after its holder in the dump: its labels are still found
    assert roles[0].title == {
        "en": "Prime Minister of Iraq",
        "fa": "نخست‌وزیر عراق",
        "ar": "رئيس وزراء العراق",
    }
    assert (roles[0].start, roles[0].end) == ("2006-05-20", "2014-09-08")
    # month (10) and year (9) precision; a position absent from the dump is titled by its QID
    assert (roles[1].title, roles[1].start, roles[1].end) == (
        {"en": "Q23021950"},
        "2014-09",
        "2015",
    )
    # the deprecated statement is left out; a century-precision start and an unknown end are None
    assert len(roles) == 3
    assert (roles[2].title, roles[2].start, roles[2].end) == ({"en": "Q4175034"}, None, None)
    assert roles[0].valid_on("2010-01-01") and not roles[0].valid_on("2015-01-01")


def test_wikidata_memberships_only_for_imported_parties(dump: Path, tmp_path: Path) -> None:
    _, kb = _import(dump, tmp_path)
    (membership,) = kb.entities["nouri-al-maliki"].memberships
    assert (membership.org, membership.start, membership.end) == (
        "islamic-dawa-party",
        "1980",
        None,
    )
    assert kb.entities["hassan-rouhani"].memberships == ()  # his party is not in the dump


def test_wikidata_filters_and_problems(dump: Path, tmp_path: Path) -> None:
    report, kb = _import(dump, tmp_path)
    # Merkel is human but not Iranian or Iraqi; the position is not an entity kind we keep
    assert "angela-merkel" not in kb.entities
    assert "prime-minister-of-iraq" not in kb.entities
    # one line that is not JSON, one party without an en/fa/ar label
    assert report.skipped == 2
    assert len(report.problems) == 2
    assert "line 7" in report.problems[0] and "invalid JSON" in report.problems[0]
    assert "line 12" in report.problems[1] and "Q123456" in report.problems[1]
    # same English label: the lower QID keeps the plain slug
    assert kb.entities["baghdad"].external_ids["wikidata"] == "Q1530"
    assert kb.entities["baghdad"].country == "IRQ"
    assert kb.entities["baghdad-q99999"].country is None  # Q30's P298 is not in the dump
    assert kb.entities["iran"].country == "IRN"


def test_wikidata_custom_filters(tmp_path: Path) -> None:
    only_parties = [WikidataFilter("Q7278", "organization")]
    report, kb = _import(WIKIDATA, tmp_path, filters=only_parties)
    assert list(kb.entities) == ["islamic-dawa-party"]
    assert report.entities == 1


def test_wikidata_output_is_deterministic(tmp_path: Path) -> None:
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    import_wikidata(WIKIDATA, a)
    import_wikidata(WIKIDATA, b)
    assert a.read_bytes() == b.read_bytes()


def test_wikidata_role_ending_before_start_is_left_out(tmp_path: Path) -> None:
    entity = json.loads(WIKIDATA.read_text(encoding="utf-8").splitlines()[2].rstrip(","))
    assert entity["id"] == "Q15815"
    start = entity["claims"]["P39"][0]["qualifiers"]["P580"][0]["datavalue"]["value"]
    start["time"] = "+2020-01-01T00:00:00Z"
    dump = tmp_path / "one.json"
    dump.write_text("[\n" + json.dumps(entity) + "\n]\n", encoding="utf-8")
    report, kb = _import(dump, tmp_path)
    assert [r.title["en"] for r in kb.entities["nouri-al-maliki"].roles] == [
        "Q23021950",
        "Q4175034",
    ]
    assert any("ends (2014-09-08) before it starts (2020-01-01)" in p for p in report.problems)


def test_wikidata_missing_and_corrupt_files(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="E001"):
        import_wikidata(tmp_path / "absent.json", tmp_path / "out.yaml")
    broken = tmp_path / "dump.json.gz"
    broken.write_bytes(gzip.compress(WIKIDATA.read_bytes())[:200])
    with pytest.raises(InputError, match="E010"):
        import_wikidata(broken, tmp_path / "out.yaml")
    assert not (tmp_path / "out.yaml").exists()


# ---------------------------------------------------------------- CAMEO


@pytest.fixture
def cameo(tmp_path: Path) -> tuple[ImportReport, KnowledgeBase]:
    out = tmp_path / "cameo.yaml"
    report = import_cameo(CAMEO, out)
    return report, parse([out])


def test_cameo_round_trip(cameo: tuple[ImportReport, KnowledgeBase]) -> None:
    report, kb = cameo
    assert report.entities == len(kb) == 5
    assert list(kb.entities) == [
        "iraq",
        "nouri-al-maliki",
        "hassan-rouhani",
        "popular-mobilization-forces",
        "united-nations-security-council",
    ]
    maliki = kb.entities["nouri-al-maliki"]
    assert maliki.type == "person"
    assert maliki.names.name == {"en": "Nouri al-Maliki"}
    assert maliki.names.aliases == {"en": ("Nuri Al Maliki", "Prime Minister Maliki")}
    assert maliki.country == "IRQ"
    assert [(r.title["en"], r.start, r.end) for r in maliki.roles] == [
        ("IRQGOV", "2006-05-20", "2014-09-08"),
        ("IRQELI", "2014-09-09", None),  # >date
        ("IRQPTY", None, "2006-05-19"),  # <date, YYMMDD with 06 -> 2006
    ]


def test_cameo_codes(cameo: tuple[ImportReport, KnowledgeBase]) -> None:
    _, kb = cameo
    rouhani = kb.entities["hassan-rouhani"]
    assert rouhani.country == "IRN"
    assert [(r.title["en"], r.start, r.end) for r in rouhani.roles] == [
        ("IRNELI", None, None),  # the default code on the actor's line
        ("IRNGOV", "2013-08-03", "2021-08-03"),  # YYMMDD: 13 and 21 -> 20YY
        ("IRNGOVREL", "1980-01-01", "1999-12-31"),  # two codes in one bracket
        ("IRNELI", "1980-01-01", "1999-12-31"),
    ]
    iraq = kb.entities["iraq"]
    assert (iraq.type, iraq.country, iraq.roles) == ("country", "IRQ", ())
    assert iraq.names.aliases["en"] == ("Iraqi", "Baghdad")  # the comment is dropped
    pmf = kb.entities["popular-mobilization-forces"]
    assert pmf.type == "organization" and pmf.country == "IRQ"
    unsc = kb.entities["united-nations-security-council"]
    assert unsc.country is None  # IGO is not an ISO 3166-1 code
    assert unsc.roles[0].title == {"en": "IGOUNO"}


def test_cameo_bad_record_is_reported_and_skipped(
    cameo: tuple[ImportReport, KnowledgeBase],
) -> None:
    report, kb = cameo
    assert report.skipped == 1
    (problem,) = report.problems
    assert "line 27" in problem and "20060931" in problem
    assert "broken-actor" not in kb.entities


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("+ORPHAN_SYNONYM\n", "before any actor"),
        ("ACTOR_\n\t[IRQGOV 20140101-20060101]\n", "ends before it starts"),
        ("ACTOR_\n\t[IRQGOV sometime]\n", "unreadable date restriction"),
        ("ACTOR_ [IRQGOV\n", "unbalanced"),
        ("ACTOR_\n\t[]\n", "empty code brackets"),
        ("ACTOR_\n\t[irq-gov]\n", "unreadable CAMEO code"),
    ],
)
def test_cameo_malformed_lines(tmp_path: Path, text: str, problem: str) -> None:
    path = tmp_path / "bad.actors.txt"
    path.write_text(text + "GOOD_ACTOR_ [IRQ]\n", encoding="utf-8")
    report = import_cameo(path, tmp_path / "out.yaml")
    assert report.entities == 1 and report.skipped == 1
    assert len(report.problems) == 1 and problem in report.problems[0]
    assert "line 1" in report.problems[0] or "line 2" in report.problems[0]
    assert list(parse([tmp_path / "out.yaml"]).entities) == ["good-actor"]


def test_cameo_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="E001"):
        import_cameo(tmp_path / "absent.txt", tmp_path / "out.yaml")


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("NOURI_AL-MALIKI_", "Nouri al-Maliki"),
        ("AL-HASHD_AL-SHAABI", "Al-Hashd al-Shaabi"),
        ("MAZAR-I-SHARIF_", "Mazar-I-Sharif"),
        ("HAMID KARZAI", "Hamid Karzai"),
    ],
)
def test_title_case(phrase: str, name: str) -> None:
    assert title_case(phrase) == name
