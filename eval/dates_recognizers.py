"""Date expressions against the Microsoft Recognizers-Text DateTime specs (ar, en).

    .venv/bin/python eval/dates_recognizers.py [--shared ../shared] [--examples N]

Reads the MIT-licensed specs in ``../shared/benchmarks/temporal-ar-en-recognizers-specs``
(never copied into the repo), runs ``rasad.dates.find_dates(input, lang, anchor)`` on every case
with the case's ``Context.ReferenceDateTime`` (date part) as anchor, and prints Markdown tables:

* span detection (P/R/F1, overlap and exact) against the gold spans of type *date* only
  (``Type: date`` in ``DateExtractor``/``DateParser``, ``TypeName: datetimeV2.date`` in
  ``DateTimeModel``); a match is a one-to-one pairing of overlapping spans, largest overlap first;
* value accuracy on matched spans whose gold gives a concrete ``YYYY-MM-DD``: ``Value.Resolution``
  / ``PastResolution`` / ``FutureResolution`` ``date`` in parser files, ``Resolution.values[*].
  value`` in the model file; when past and future differ (a bare weekday, a day without year)
  either counts, and how often rasad took the past one is reported;
* cases skipped (no date-typed gold) with the reason, misses by rough category, and where
  rasad's unmatched mentions fall.

Span conventions, checked on the files: ``Start`` + ``Length`` in ``DateExtractor`` and
``DateParser``; ``Start`` + ``End`` (inclusive) in ``DateTimeModel``. Gold spans are trimmed of
surrounding whitespace (some Arabic ones start with a space); a gold span whose offsets do not
give its ``Text`` is relocated by searching the text, or dropped and counted if not found.
Cases without ``Context`` (most extractor cases) get the upstream default reference date,
2016-11-07; the anchor only matters for values there, and extractor files carry none.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rasad.dates import find_dates
from rasad.document import DateMention, DateValue, Lang

SPECS = "benchmarks/temporal-ar-en-recognizers-specs"
LANGS: tuple[tuple[Lang, str], ...] = (("ar", "Arabic"), ("en", "English"))
DATE_FILES = ("DateExtractor", "DateParser")
MODEL_FILE = "DateTimeModel"
DEFAULT_REFERENCE = "2016-11-07"
ISO_DAY = re.compile(r"^[1-9]\d{3}-\d{2}-\d{2}$")  # upstream writes 0001-01-01 for invalid
# Same-length letter folding, only to relocate gold spans whose offsets are wrong.
_RELOCATE = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه"})

CATEGORIES = (
    "weekday",
    "deictic",
    "month-name date",
    "numeric (incl. bare day number)",
    "relative period",
    "offset (N days ago / in N days)",
    "holiday",
    "other",
)
_EN_MONTHS = (
    r"jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t|tember)?"
    r"|oct(ober)?|nov(ember)?|dec(ember)?"
)
_AR_MONTHS = (
    "يناير|فبراير|مارس|ابريل|أبريل|إبريل|مايو|يونيو|يوليو|اغسطس|أغسطس|سبتمبر|أكتوبر|اكتوبر"
    "|نوفمبر|ديسمبر|كانون|شباط|آذار|اذار|نيسان|أيار|ايار|حزيران|تموز|آب|أيلول|ايلول|تشرين"
    "|محرم|صفر|ربيع|جمادى|رجب|شعبان|رمضان|شوال|ذو القعدة|ذو الحجة"
)
_EN_WEEKDAYS = r"mon(day)?|tue(s|sday)?|wed(nesday)?|thu(rs|rsday)?|fri(day)?|sat(urday)?|sun(day)?"
_AR_WEEKDAYS = "الاثنين|الإثنين|اثنين|الثلاثاء|ثلاثاء|الأربعاء|الاربعاء|أربعاء|الخميس|خميس|الجمعة|جمعة|السبت|سبت|الأحد|الاحد|أحد"  # noqa: E501
_CATEGORY_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "holiday",
        re.compile(
            r"christmas|xmas|thanksgiving|easter|new year|halloween|valentine|independence"
            r"|memorial|labou?r day|mother'?s day|father'?s day|black friday|yuandan|holiday"
            r"|juneteenth|workers'? day|freedom day|jubilee day"
            r"|عيد|الكريسماس|رأس السنة|راس السنة|الميلاد|الفصح|الهالوين",
        ),
    ),
    (
        "offset (N days ago / in N days)",
        re.compile(
            r"\b(ago|later|from now|hence|before|after|since)\b|\b(days?|weeks?|months?) from\b"
            r"|\bin (\d+|a|an|one|two|three|four|five"
            r"|six|seven|eight|nine|ten) (days?|weeks?|months?|years?)\b"
            r"|منذ|قبل|بعد (?!غد)|من الآن|من الان|خلال",
        ),
    ),
    ("month-name date", re.compile(rf"\b({_EN_MONTHS})\b\.?|{_AR_MONTHS}")),
    ("weekday", re.compile(rf"\b({_EN_WEEKDAYS})\b|{_AR_WEEKDAYS}")),
    (
        "deictic",
        re.compile(
            r"\b(today|tomorrow|yesterday|tonight|tmr|tmrw|now)\b"
            r"|اليوم|غدا|غداً|غدًا|أمس|امس|البارحة|بعد غد",
        ),
    ),
    (
        "relative period",
        re.compile(
            r"\b(week|weekend|month|year|fortnight|quarter)s?\b"
            r"|أسبوع|اسبوع|الأسبوع|الاسبوع|شهر|الشهر|عام|العام|سنة|السنة|نهاية",
        ),
    ),
    ("numeric (incl. bare day number)", re.compile(r"\d")),
)


def category(text: str) -> str:
    """A rough category of a gold date expression, from its words."""
    low = text.lower()
    for name, rule in _CATEGORY_RULES:
        if rule.search(low):
            return name
    return "other"


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    text: str
    kind: str
    past: str | None = None  # concrete YYYY-MM-DD values; equal when unambiguous
    future: str | None = None
    checked: bool = True  # False when the case says IgnoreResolution


@dataclass
class Case:
    text: str
    anchor: DateValue
    dates: list[Gold]
    others: list[Gold]


@dataclass
class Loaded:
    cases: list[Case] = field(default_factory=list)
    total: int = 0
    flagged: int = 0  # NotSupported / NotSupportedByDesign on some platform
    no_context: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    skipped_cases: list[Case] = field(default_factory=list)
    dropped_gold: int = 0  # offsets and text disagree and the text is not found


def _gold_span(text: str, result: dict[str, Any]) -> tuple[int, int] | None:
    """``[start, end)`` of a gold result, trimmed and checked against its ``Text``."""
    gold_text = str(result.get("Text", ""))
    start = int(result.get("Start", -1))
    if "Length" in result:
        end = start + int(result["Length"])
    elif "End" in result:
        end = int(result["End"]) + 1
    else:
        end = -1
    want = gold_text.strip().lower()
    if not (0 <= start <= end <= len(text) and text[start:end].strip().lower() == want):
        haystack = text.lower().translate(_RELOCATE)
        at = haystack.find(want.translate(_RELOCATE)) if want else -1
        if at < 0:
            return None
        start, end = at, at + len(want)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _resolution(result: dict[str, Any]) -> tuple[str | None, str | None]:
    """(past, future) concrete day values of a gold result, or (None, None)."""
    value = result.get("Value")
    if isinstance(value, dict):  # parser files

        def day(key: str) -> str | None:
            part = value.get(key)
            got = part.get("date") if isinstance(part, dict) else None
            return got if isinstance(got, str) and ISO_DAY.match(got) else None

        plain = day("Resolution")
        past, future = day("PastResolution") or plain, day("FutureResolution") or plain
        return (past or future), (future or past)
    resolution = result.get("Resolution")
    if isinstance(resolution, dict):  # model files
        values = sorted(
            v["value"]
            for v in resolution.get("values", [])
            if isinstance(v, dict) and isinstance(v.get("value"), str) and ISO_DAY.match(v["value"])
        )
        if values:
            return values[0], values[-1]
    return None, None


def _type_name(result: dict[str, Any]) -> str:
    name = result.get("Type") or result.get("TypeName") or "untyped"
    return str(name).removeprefix("datetimeV2.")


def load(path: Path) -> Loaded:
    out = Loaded()
    for raw in json.loads(path.read_text(encoding="utf-8-sig")):
        out.total += 1
        text = str(raw["Input"])
        if raw.get("NotSupported") or raw.get("NotSupportedByDesign"):
            out.flagged += 1
        reference = (raw.get("Context") or {}).get("ReferenceDateTime")
        if not reference:
            out.no_context += 1
        anchor = DateValue(value=str(reference or DEFAULT_REFERENCE)[:10], precision="day")
        checked = str(raw.get("IgnoreResolution", "")).lower() != "true"
        dates: list[Gold] = []
        others: list[Gold] = []
        for result in raw.get("Results", []):
            span = _gold_span(text, result)
            kind = _type_name(result)
            if span is None:
                out.dropped_gold += 1
                continue
            past, future = _resolution(result) if kind == "date" else (None, None)
            gold = Gold(span[0], span[1], text[span[0] : span[1]], kind, past, future, checked)
            (dates if kind == "date" else others).append(gold)
        case = Case(text, anchor, dates, others)
        if dates:
            out.cases.append(case)
            continue
        if not raw.get("Results"):
            reason = "no gold result (negative example)"
        elif not others:
            reason = "date gold with unusable offsets"
        else:
            reason = "only " + ", ".join(sorted({g.kind for g in others}))
        out.skipped[reason] += 1
        out.skipped_cases.append(case)
    return out


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return min(a[1], b[1]) - max(a[0], b[0])


def pair(golds: list[Gold], mentions: list[DateMention]) -> list[tuple[int, int]]:
    """One-to-one (gold index, mention index) pairs of overlapping spans, largest overlap first."""
    candidates = sorted(
        (
            (-_overlap((g.start, g.end), (m.span.start, m.span.end)), gi, mi)
            for gi, g in enumerate(golds)
            for mi, m in enumerate(mentions)
            if _overlap((g.start, g.end), (m.span.start, m.span.end)) > 0
        ),
    )
    used_g: set[int] = set()
    used_m: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, gi, mi in candidates:
        if gi not in used_g and mi not in used_m:
            used_g.add(gi)
            used_m.add(mi)
            pairs.append((gi, mi))
    return pairs


@dataclass
class Score:
    cases: int = 0
    gold: int = 0
    gold_valued: int = 0  # gold date spans with a concrete day
    pred: int = 0
    matched: int = 0
    exact: int = 0
    valued: int = 0  # matched, gold gives a concrete day
    correct: int = 0
    unambiguous: int = 0
    unambiguous_correct: int = 0
    ambiguous: int = 0
    ambiguous_correct: int = 0
    picked_past: int = 0
    checked: int = 0  # valued and resolution not ignored upstream
    checked_correct: int = 0
    misses: Counter[str] = field(default_factory=Counter)
    value_errors: Counter[str] = field(default_factory=Counter)
    boundary: Counter[str] = field(default_factory=Counter)  # matched, not exact
    unmatched_pred: Counter[str] = field(default_factory=Counter)  # where rasad's extras fall
    examples: dict[str, list[str]] = field(default_factory=dict)

    def add_example(self, key: str, line: str, limit: int) -> None:
        bucket = self.examples.setdefault(key, [])
        if len(bucket) < limit:
            bucket.append(line)


def _where(m: DateMention, case: Case) -> str:
    """Where an unmatched rasad mention falls: which gold it overlaps, if any."""
    span = (m.span.start, m.span.end)
    if any(_overlap((g.start, g.end), span) > 0 for g in case.dates):
        return "inside a date gold already paired (split)"
    hit = [o.kind for o in case.others if _overlap((o.start, o.end), span) > 0]
    return f"on gold {hit[0]}" if hit else "on no gold"


def score(loaded: Loaded, lang: Lang, limit: int) -> Score:
    s = Score()
    for case in loaded.cases:
        mentions = find_dates(case.text, lang, case.anchor)
        s.cases += 1
        s.gold += len(case.dates)
        s.gold_valued += sum(g.past is not None for g in case.dates)
        s.pred += len(mentions)
        pairs = pair(case.dates, mentions)
        matched_g = {gi for gi, _ in pairs}
        matched_m = {mi for _, mi in pairs}
        for gi, gold in enumerate(case.dates):
            if gi not in matched_g:
                cat = category(gold.text)
                s.misses[cat] += 1
                s.add_example(f"miss: {cat}", f"`{gold.text}` in `{case.text}`", limit)
        for mi, m in enumerate(mentions):
            if mi in matched_m:
                continue
            where = _where(m, case)
            s.unmatched_pred[f"{m.kind}, {where}"] += 1
            s.add_example(f"extra: {m.kind}, {where}", f"`{m.text}` in `{case.text}`", limit)
        for gi, mi in pairs:
            gold, m = case.dates[gi], mentions[mi]
            s.matched += 1
            if (gold.start, gold.end) == (m.span.start, m.span.end):
                s.exact += 1
            else:
                wider = m.span.start <= gold.start and m.span.end >= gold.end
                narrower = m.span.start >= gold.start and m.span.end <= gold.end
                side = "rasad wider" if wider else "rasad narrower" if narrower else "crossing"
                s.boundary[side] += 1
                s.add_example(f"boundary: {side}", f"rasad `{m.text}`, gold `{gold.text}`", limit)
            if gold.past is None or gold.future is None:
                continue
            got = m.date.value
            ok = got in (gold.past, gold.future)
            s.valued += 1
            s.correct += ok
            if gold.checked:
                s.checked += 1
                s.checked_correct += ok
            if gold.past == gold.future:
                s.unambiguous += 1
                s.unambiguous_correct += ok
            else:
                s.ambiguous += 1
                s.ambiguous_correct += ok
                s.picked_past += got == gold.past
            if not ok:
                cat = category(gold.text)
                s.value_errors[cat] += 1
                want = gold.past if gold.past == gold.future else f"{gold.past} or {gold.future}"
                s.add_example(
                    f"value: {cat}",
                    f"`{gold.text}` ref {case.anchor.value}: rasad {got}, gold {want}",
                    limit,
                )
    return s


def skipped_extras(loaded: Loaded, lang: Lang) -> Counter[str]:
    """rasad mentions in skipped cases, by the other-typed gold they overlap."""
    out: Counter[str] = Counter()
    for case in loaded.skipped_cases:
        for m in find_dates(case.text, lang, case.anchor):
            out[f"{m.kind} {_where(m, case)}"] += 1
    return out


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "–"


def _prf(tp_p: int, pred: int, tp_r: int, gold: int) -> tuple[str, str, str]:
    p = tp_p / pred if pred else 0.0
    r = tp_r / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return (f"{p:.3f}" if pred else "–"), f"{r:.3f}", f"{f:.3f}"


def span_table(title: str, rows: list[tuple[str, str, Loaded, Score]]) -> None:
    print(f"\n### {title}\n")
    print(
        "| lang | file | cases scored / all | flagged NotSupported | gold date spans "
        "(with a concrete day) | rasad mentions | P | R | F1 | exact-span matches "
        "| exact P | exact R | exact F1 |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for lang, name, ld, s in rows:
        p, r, f = _prf(s.matched, s.pred, s.matched, s.gold)
        ep, er, ef = _prf(s.exact, s.pred, s.exact, s.gold)
        print(
            f"| {lang} | {name} | {s.cases} / {ld.total} | {ld.flagged} "
            f"| {s.gold} ({s.gold_valued}) | {s.pred} "
            f"| {p} | {r} | {f} | {s.exact} / {s.matched} | {ep} | {er} | {ef} |"
        )


def value_table(title: str, rows: list[tuple[str, str, Loaded, Score]]) -> None:
    print(f"\n### {title}\n")
    print(
        "| lang | file | matched with a gold day | value correct | unambiguous correct "
        "| ambiguous (past≠future) correct | of those, rasad took the past one "
        "| correct where upstream checks resolution |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for lang, name, _, s in rows:
        if name.startswith("DateExtractor"):
            continue  # span-only gold
        print(
            f"| {lang} | {name} | {s.valued} | {s.correct} ({_ratio(s.correct, s.valued)}) "
            f"| {s.unambiguous_correct} / {s.unambiguous} "
            f"({_ratio(s.unambiguous_correct, s.unambiguous)}) "
            f"| {s.ambiguous_correct} / {s.ambiguous} ({_ratio(s.ambiguous_correct, s.ambiguous)}) "
            f"| {s.picked_past} / {s.ambiguous} "
            f"| {s.checked_correct} / {s.checked} ({_ratio(s.checked_correct, s.checked)}) |"
        )


def skip_table(
    rows: list[tuple[str, str, Loaded, Score]], extras: dict[tuple[str, str], Counter[str]]
) -> None:
    print("\n### Cases skipped (no gold result of type date)\n")
    print(
        "| lang | file | skipped / all | why (cases) | gold spans dropped "
        "| no ReferenceDateTime | rasad mentions in skipped cases |"
    )
    print("|---|---|---|---|---|---|---|")
    for lang, name, ld, _ in rows:
        why = "; ".join(f"{k}: {v}" for k, v in ld.skipped.most_common()) or "–"
        ex = extras[(lang, name)]
        extra = "; ".join(f"{k}: {v}" for k, v in ex.most_common()) or "none"
        print(
            f"| {lang} | {name} | {sum(ld.skipped.values())} / {ld.total} | {why} "
            f"| {ld.dropped_gold} | {ld.no_context} | {extra} |"
        )


def category_table(rows: list[tuple[str, str, Loaded, Score]]) -> None:
    print(
        "\n### Misses by category (gold date spans rasad did not find / found with a wrong value)\n"
    )
    head = " | ".join(f"{lang} {name}" for lang, name, _, _ in rows)
    print(f"| category | {head} |")
    print("|---|" + "---|" * len(rows))
    for cat in CATEGORIES:
        cells = " | ".join(f"{s.misses[cat]} / {s.value_errors[cat]}" for _, _, _, s in rows)
        print(f"| {cat} | {cells} |")
    cells = " | ".join(
        f"{sum(s.misses.values())} / {sum(s.value_errors.values())}" for _, _, _, s in rows
    )
    print(f"| **all** | {cells} |")


def boundary_table(rows: list[tuple[str, str, Loaded, Score]]) -> None:
    print("\n### Matched but not exact: how the spans differ\n")
    print("| lang | file | rasad wider | rasad narrower | crossing |")
    print("|---|---|---|---|---|")
    for lang, name, _, s in rows:
        b = s.boundary
        print(f"| {lang} | {name} | {b['rasad wider']} | {b['rasad narrower']} | {b['crossing']} |")


def extras_table(rows: list[tuple[str, str, Loaded, Score]]) -> None:
    print("\n### rasad mentions not matched to a date gold span (scored cases)\n")
    print("| lang | file | unmatched mentions (rasad kind, where) |")
    print("|---|---|---|")
    for lang, name, _, s in rows:
        cells = "; ".join(f"{k}: {v}" for k, v in s.unmatched_pred.most_common()) or "none"
        print(f"| {lang} | {name} | {cells} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared"
    )
    parser.add_argument(
        "--examples", type=int, default=0, help="print up to N examples per miss kind"
    )
    args = parser.parse_args()
    folder = args.shared / SPECS
    date_rows: list[tuple[str, str, Loaded, Score]] = []
    model_rows: list[tuple[str, str, Loaded, Score]] = []
    extras: dict[tuple[str, str], Counter[str]] = {}
    for lang, directory in LANGS:
        for name in (*DATE_FILES, MODEL_FILE):
            loaded = load(folder / directory / f"{name}.json")
            row = (lang, name, loaded, score(loaded, lang, args.examples))
            (model_rows if name == MODEL_FILE else date_rows).append(row)
            extras[(lang, name)] = skipped_extras(loaded, lang)
    every = date_rows + model_rows
    span_table("Span detection: DateExtractor + DateParser (single-date specs)", date_rows)
    value_table("Value accuracy: DateParser", date_rows)
    span_table("Span detection: DateTimeModel, gold restricted to datetimeV2.date", model_rows)
    value_table("Value accuracy: DateTimeModel, datetimeV2.date", model_rows)
    skip_table(every, extras)
    category_table(every)
    boundary_table(every)
    extras_table(every)
    if args.examples:
        for label, name, _, s in every:
            print(f"\n#### Examples: {label} {name}\n")
            for key in sorted(s.examples):
                for line in s.examples[key]:
                    print(f"- {key}: {line}")


if __name__ == "__main__":
    main()
