"""``data/kb/countries.yaml`` is generated from CLDR by ``scripts/kb_countries.py``: the committed
file must be exactly what the script writes, and hold the countries the seeds name."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from rasad.kb.loader import KnowledgeBase, parse

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "kb_countries.py"
COMMITTED = REPO / "data" / "kb" / "countries.yaml"


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return parse([COMMITTED])


def test_committed_file_is_what_the_script_writes(tmp_path: Path) -> None:
    out = tmp_path / "countries.yaml"
    subprocess.run([sys.executable, str(SCRIPT), "--out", str(out)], check=True, cwd=tmp_path)
    assert out.read_bytes() == COMMITTED.read_bytes(), (
        "data/kb/countries.yaml is stale: run `python scripts/kb_countries.py`"
    )


def test_every_iso_country_is_there(kb: KnowledgeBase) -> None:
    assert len(kb) >= 240
    assert all(e.type == "country" for e in kb.entities.values())
    codes = [e.country for e in kb.entities.values()]
    assert len(set(codes)) == len(codes), "one entity per alpha-3 code"
    assert all(set(e.names.name) == {"en", "fa", "ar"} for e in kb.entities.values())


@pytest.mark.parametrize(
    ("eid", "alpha3"),
    [
        ("iran", "IRN"),
        ("iraq", "IRQ"),
        ("israel", "ISR"),
        ("lebanon", "LBN"),
        ("palestine", "PSE"),
        ("syria", "SYR"),
        ("turkmenistan", "TKM"),
        ("united-states", "USA"),
        ("yemen", "YEM"),
        ("united-kingdom", "GBR"),
        ("russia", "RUS"),
        ("south-korea", "KOR"),
        ("north-korea", "PRK"),
        ("turkey", "TUR"),
        ("vatican-city", "VAT"),
        ("saudi-arabia", "SAU"),
    ],
)
def test_seed_countries(kb: KnowledgeBase, eid: str, alpha3: str) -> None:
    assert kb.entities[eid].country == alpha3


@pytest.mark.parametrize(
    ("eid", "lang", "surface"),
    [
        ("iran", "fa", "ایران"),
        ("iran", "fa", "جمهوری اسلامی ایران"),
        ("iran", "fa", "جمهوری اسلامی"),
        ("iran", "en", "Islamic Republic of Iran"),
        ("iran", "ar", "إيران"),
        ("iraq", "fa", "عراق"),
        ("iraq", "ar", "العراق"),
        ("united-states", "fa", "آمریکا"),
        ("united-states", "en", "United States"),
        ("united-states", "en", "US"),
        ("israel", "fa", "رژیم صهیونیستی"),
        ("israel", "fa", "صهیونیستها"),
        ("israel", "fa", "اسراییل"),
        ("israel", "en", "Zionist regime"),
        ("israel", "ar", "إسرائيل"),
        ("palestine", "en", "Palestine"),
        ("palestine", "fa", "فلسطین"),
        ("syria", "fa", "سوریه"),
        ("turkmenistan", "ar", "تركمانستان"),
        ("turkey", "en", "Türkiye"),
        ("myanmar", "en", "Burma"),
    ],
)
def test_seed_surfaces_are_names(kb: KnowledgeBase, eid: str, lang: str, surface: str) -> None:
    assert surface in kb.entities[eid].names.all(lang)


def test_no_non_countries(kb: KnowledgeBase) -> None:
    names = {e.names.name["en"] for e in kb.entities.values()}
    for absent in (
        "European Union",
        "United Nations",
        "Outlying Oceania",
        "Unknown Region",
        "World",
        "Eurozone",
        "Pseudo-Accents",
        "Ascension Island",
    ):
        assert absent not in names
