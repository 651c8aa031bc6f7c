"""Generate ``data/kb/countries.yaml`` from CLDR (through babel): every ISO 3166-1 country.

Run ``python scripts/kb_countries.py`` after upgrading babel; ``tests/kb/test_countries.py``
checks that the committed file is exactly what this script writes. Never edit the output by hand:
change the tables below and regenerate.

What comes from CLDR (babel's copy of it):

- the list of countries: the two-letter territories that CLDR aliases from an ISO 3166-1
  numeric code and from an ISO 3166-1 alpha-3 code (``territory_aliases``), less the
  user-assigned codes (``AA``, ``QM``-``QZ``, ``XA``-``XZ``, ``ZZ``: Kosovo's ``XK`` among them)
  and ``EU`` (exceptionally reserved). That leaves the 249 ISO 3166-1 entries; regions,
  ``UN``, ``QO``, ``EZ`` and the exceptionally reserved ``AC``, ``CP``, ``DG``... have no
  numeric code and drop out;
- the alpha-3 code: the alias that names exactly this territory, skipping the withdrawn codes
  that CLDR still maps to their successors (``_WITHDRAWN_ALPHA3``);
- the names: locale ``en``, ``fa``, ``ar``; the names in every regional locale of those
  languages (``ar_SA``, ``fa_AF``, ``en_CA``...) where they differ become aliases, as do the parts
  of ``Myanmar (Burma)``-style names and ``&`` spelt ``and``.

babel does not carry CLDR's ``alt="short"``/``alt="variant"`` names, so the few that the press
uses instead of CLDR's main name are in ``_COMMON_NAMES`` (which also gives the id), and
press names that no locale has (``آمریکا``, ``Zionist regime``) are in ``_PRESS_NAMES``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path

import babel
from babel import Locale, localedata
from babel.core import get_global

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "data" / "kb" / "countries.yaml"
LANGS = ("en", "fa", "ar")

# ISO 3166-1 alpha-3 codes that were withdrawn but that CLDR still aliases to the successor
# state's alpha-2 code (Burma, East Germany, Metropolitan France, East Timor, South Yemen, Zaire).
_WITHDRAWN_ALPHA3 = frozenset({"BUR", "DDR", "FXX", "TMP", "YMD", "ZAR"})

# Where the press and the gold files use a shorter or older English name than CLDR's main one:
# that name is the English display name and the id's source; CLDR's name is kept as an alias.
_COMMON_NAMES = {
    "HK": "Hong Kong",
    "MM": "Myanmar",
    "MO": "Macao",
    "PS": "Palestine",
    "TR": "Turkey",
}

# Names the press uses that no CLDR locale gives, per country (alpha-2) and language.
_PRESS_NAMES: dict[str, dict[str, list[str]]] = {
    "US": {
        "en": ["US", "U.S.", "USA", "U.S.A.", "America", "United States of America"],
        "fa": ["ایالات متحده آمریکا", "آمریکا", "امریکا"],
        "ar": ["الولايات المتحدة الأمريكية", "أمريكا", "أميركا", "الولايات المتحدة الأميركية"],
    },
    "IR": {
        "en": ["Islamic Republic of Iran"],
        "fa": ["جمهوری اسلامی ایران", "جمهوری اسلامی"],
        "ar": ["الجمهورية الإسلامية الإيرانية", "الجمهورية الإسلامية في إيران"],
    },
    "IL": {
        "en": ["Zionist regime", "Zionists"],
        "fa": ["رژیم صهیونیستی", "صهیونیستها", "اسراییل", "اشغالگران قدس"],
        "ar": ["الكيان الصهيوني"],
    },
    "SY": {"fa": ["سوریه"], "ar": ["سوريا", "سورية"]},
    "IQ": {"en": ["Republic of Iraq"], "fa": ["عراق"], "ar": ["العراق"]},
    "PS": {"en": ["State of Palestine"], "fa": ["فلسطین"], "ar": ["فلسطين", "دولة فلسطين"]},
    "GB": {"en": ["UK", "U.K.", "Britain", "Great Britain"]},
    "TR": {"en": ["Türkiye"]},
}

_USER_ASSIGNED = re.compile(r"^(AA|Q[M-Z]|X[A-Z]|ZZ)$")


def slug(text: str) -> str:
    """Lowercase ASCII slug: accents dropped, ``&`` read as ``and``, periods dropped."""
    ascii_text = unicodedata.normalize("NFKD", text.replace("&", " and ").replace(".", ""))
    ascii_text = "".join(c for c in ascii_text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def iso_countries() -> dict[str, str]:
    """ISO 3166-1 alpha-2 -> alpha-3, from CLDR's territory aliases."""
    aliases = get_global("territory_aliases")
    numeric = {v[0] for k, v in aliases.items() if k.isdigit() and len(v) == 1}
    alpha3: dict[str, list[str]] = {}
    for code, targets in aliases.items():
        if (
            len(code) == 3
            and code.isalpha()
            and len(targets) == 1
            and code not in _WITHDRAWN_ALPHA3
        ):
            alpha3.setdefault(targets[0], []).append(code)
    out = {}
    for a2 in sorted(Locale("en").territories):
        if len(a2) != 2 or not a2.isalpha() or _USER_ASSIGNED.match(a2) or a2 == "EU":
            continue
        if a2 not in numeric or a2 not in alpha3:
            continue
        codes = alpha3[a2]
        if len(codes) != 1:
            raise SystemExit(f"{a2}: several alpha-3 codes {codes}; extend _WITHDRAWN_ALPHA3")
        out[a2] = codes[0]
    return out


def _variants(name: str, lang: str, alternate: bool) -> list[str]:
    """Parts of a compound CLDR name that the press writes alone.

    ``X (Y)`` gives ``X``, and ``Y`` too when ``alternate`` (the English name has the same
    shape, so ``Y`` is another name, as in ``Myanmar (Burma)``, not a description).
    """
    out = []
    m = re.fullmatch(r"(.+?)\s*\((.+)\)", name)
    if m:
        out += [m.group(1), m.group(2)] if alternate else [m.group(1)]
    if lang == "fa" and "، " in name:
        out.append(name.split("، ")[0])
    if lang == "en" and "&" in name:
        out.append(name.replace("&", "and"))
    return out


def _regional_locales(lang: str) -> list[Locale]:
    """The regional locales of ``lang`` (``ar_SA``, ``fa_AF``), not its script variants."""
    ids = sorted(i for i in localedata.locale_identifiers() if i.startswith(lang + "_"))
    locales = [Locale.parse(i) for i in ids]
    return [loc for loc in locales if loc.script is None and loc.variant is None]


def build() -> list[dict[str, object]]:
    countries = iso_countries()
    base = {lang: Locale(lang).territories for lang in LANGS}
    regional = {lang: [loc.territories for loc in _regional_locales(lang)] for lang in LANGS}
    entities = []
    for a2, a3 in countries.items():
        name = {lang: base[lang][a2] for lang in LANGS}
        cldr_en = name["en"]
        name["en"] = _COMMON_NAMES.get(a2, cldr_en)
        aliases: dict[str, list[str]] = {}
        for lang in LANGS:
            found = [cldr_en] if lang == "en" and cldr_en != name["en"] else []
            for names in regional[lang]:
                found.append(names.get(a2, name[lang]))
            alternate = "(" in cldr_en
            for n in [name[lang], *found]:
                found += _variants(n, lang, alternate)
            found += _PRESS_NAMES.get(a2, {}).get(lang, [])
            unique = []
            for n in found:
                if n != name[lang] and n not in unique:
                    unique.append(n)
            if unique:
                aliases[lang] = unique
        entity: dict[str, object] = {"id": slug(name["en"]), "type": "country", "name": name}
        if aliases:
            entity["aliases"] = aliases
        entity["country"] = a3
        entities.append(entity)
    entities.sort(key=lambda e: str(e["id"]))
    ids = [e["id"] for e in entities]
    if len(set(ids)) != len(ids):
        raise SystemExit(
            "duplicate ids: " + ", ".join(sorted({str(i) for i in ids if ids.count(i) > 1}))
        )
    return entities


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def render(entities: list[dict[str, object]]) -> str:
    lines = [
        "# Generated by scripts/kb_countries.py from CLDR "
        f"(babel {babel.__version__}); do not edit by hand.",
        "entities:",
    ]
    for e in entities:
        name = e["name"]
        assert isinstance(name, dict)
        lines.append(f"  - id: {e['id']}")
        lines.append("    type: country")
        lines.append("    name: {" + ", ".join(f"{k}: {_q(v)}" for k, v in name.items()) + "}")
        aliases = e.get("aliases")
        if isinstance(aliases, dict):
            lines.append("    aliases:")
            for lang, items in aliases.items():
                lines.append(f"      {lang}: [" + ", ".join(_q(x) for x in items) + "]")
        lines.append(f"    country: {e['country']}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output YAML file")
    args = parser.parse_args(argv)
    entities = build()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(render(entities), encoding="utf-8")
    print(f"wrote {len(entities)} countries to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
