"""Regular expressions compiled from the lexicons, once per language selection (cached).

All patterns run on the folded view (``fold.make_view``): ASCII digits, one spelling per
Arabic-script letter. A space inside a lexicon entry matches zero to two spaces, so ``سه شنبه``
matches ``سه‌شنبه``, ``سهشنبه`` and ``سه شنبه``; ASCII letters match either case. Word edges: an
entry may not be preceded or followed by a letter (digits are fine: ``27October``); relative
words may also follow one Arabic proclitic letter (و ف ب ل). For relative words the left edge
is not in the regex: ``expressions`` only tries them at word edges it found itself (rule in
``expressions``). Repetitions are bounded.

Speed: Python's ``re`` costs tens of nanoseconds per position it tries unless a pattern starts
with a plain literal, in which case it skips ahead in C. So word patterns start with a trie of
literals (``trie``), the left word edge of explicit dates is checked by a lookbehind *after*
the first letter, and patterns only run near cheap ``str.find`` hits: digits for dates,
``triggers`` for relative words, whose ``token``/``regex`` are then matched (never searched)
at the few positions where an entry holding the hit can start (``offsets``). Near digits,
``word_led`` too is only matched where a month or cue word starts (``word_scan``): an
alternation of many words costs ``re`` a test per word at every letter it searches.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import ahocorasick

from rasad.document import Calendar, Lang
from rasad.errors import Code, DataError

from .data import After, Before, Entries, LabelKind, Lexicon, Unit, load_lexicons
from .fold import fold_word, key

LB = r"(?<![^\W\d_])"  # not after a letter
RB = r"(?![^\W\d_])"  # not before a letter
FIRST_LB = r"(?<![^\W\d_].)"  # after a first letter: the one before it is not a letter
PROCLITICS = "وفبل"
NUM_RB = r"(?!\d|[/.\-:]\d)"
ORD = r"(?:st|nd|rd|th)?"


def _atom(ch: str) -> str:
    if ch == " ":
        return r"\s{0,2}"
    if ch.isascii() and ch.isalpha():
        return f"[{ch.lower()}{ch.upper()}]"
    return re.escape(ch)


def _emit(node: dict[str, Any]) -> str:
    alts = [_atom(ch) + _emit(child) for ch, child in sorted(node.items()) if ch]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return f"(?:{body})?" if "" in node else body


def trie(surfaces: Iterable[str], first: str = "") -> str:
    """A regex matching any entry, shaped as a trie so the longest entry wins and a failing
    position costs one test. ``first`` (a zero-width check) goes after the first letter; the
    first letters are plain literals (both cases for ASCII) so ``re`` can scan ahead fast."""
    tree: dict[str, Any] = {}
    for w in {fold_word(s) for s in surfaces}:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    if not tree:
        return "(?!)"
    alts: list[str] = []
    for ch, child in sorted(tree.items()):
        cases = {ch.lower(), ch.upper()} if ch.isascii() and ch.isalpha() else {ch}
        alts.extend(re.escape(c) + first + _emit(child) for c in sorted(cases))
    return "(?:" + "|".join(alts) + ")"


def merge(lexicons: tuple[Lexicon, ...], field: str) -> dict[str, Any]:
    """Key -> meaning over several lexicons; a key with two meanings is a ``DataError``."""
    out: dict[str, Any] = {}
    origin: dict[str, str] = {}
    for lex in lexicons:
        entries: Entries[Any] = getattr(lex, field)
        for surface, meaning in entries:
            k = key(surface)
            if k in out and out[k] != meaning:
                raise DataError(
                    Code.E020,
                    path=f"{origin[k]} and {lex.path}",
                    detail=f"{field}: {surface!r} means {out[k]!r} and {meaning!r}",
                )
            out[k] = meaning
            origin.setdefault(k, lex.path)
    return out


def triggers(surfaces: Iterable[str]) -> tuple[str, ...]:
    """Substrings for ``str.find``: the longest space-free part of each entry (spaces inside an
    entry are optional), minus those containing a shorter one."""
    parts = {max(fold_word(s).split(" "), key=len) for s in surfaces}
    kept: list[str] = []
    for p in sorted(parts, key=lambda x: (len(x), x)):
        if not any(k in p for k in kept):
            kept.append(p)
    return tuple(kept)


@dataclass(frozen=True, slots=True)
class ExplicitGrammar:
    """Dates written out. ``digit_led`` is matched at the start of each digit run (day-first and
    numeric dates); ``word_led`` is searched just before digit runs (month-first, cued years)."""

    digit_led: re.Pattern[str]
    word_led: re.Pattern[str]
    word_scan: Any  # first words of month and cue entries (``expressions.word_led_matches``)
    months: dict[str, tuple[Calendar, int]]
    latin_months: frozenset[str]
    needs_year: frozenset[str]
    eras: dict[str, Calendar]
    cues: dict[str, Lang]
    reach: int  # how far before a digit run a word-led date can start
    day_words: dict[str, int]  # ordinal day words (``fourth``, ``الرابع``, ``چهارم``)
    ordinal_led: re.Pattern[str]  # ``fourth of July, 1995``, ``بیست و پنجم اردیبهشت ۱۴۰۳``
    ordinal_before: re.Pattern[str]  # an ordinal word (and link) ending where searched
    back: int  # how far before a month name an ``ordinal_led`` match can start
    day_links: tuple[str, ...]  # `` of ``, `` من ``: where ``ordinal_led`` runs without digits
    month_at: re.Pattern[str]  # a month name and its right word edge, for ``match``
    month_firsts: frozenset[str]  # characters ``month_at`` can start with
    ordinal_noun: re.Pattern[str]  # ``الأسبوع ``/``هفته `` right before an ordinal: no day
    offset: OffsetGuard  # ``two days before ``: what makes the next date an offset


@dataclass(frozen=True, slots=True)
class RelativeGrammar:
    """Words resolved against the publication date, matched as a run of up to four entries."""

    regex: re.Pattern[str]
    blocked: re.Pattern[str]  # what, right before a day or period word, makes it a duration
    weekdays: dict[str, int]
    before: dict[str, Before]
    after: dict[str, tuple[After, int]]  # modifier, week start of the language it came from
    days: dict[str, int]
    periods: dict[str, tuple[Unit, int]]
    triggers: tuple[str, ...]  # every date here holds one of these (or a Latin one)
    latin_triggers: tuple[str, ...]  # lowercase, to look for in the lowercased view
    reach: int  # window around a trigger hit (``expressions.windowed_runs``, the slow path)
    token: re.Pattern[str]  # one entry (longest first) with its right word edge
    anchors: frozenset[str]  # keys of days, periods and weekdays: every date holds one
    offsets: dict[str, tuple[int, ...]]  # trigger -> where an anchor holding it may start
    firsts: frozenset[str]  # characters an entry may start with
    span: int  # the most characters one entry can cover in a text (two per space)
    event: re.Pattern[str]  # after a day word: relative to an event (``اليوم التالي``)
    offset: OffsetGuard  # before a date: ``N <unit> <link> `` (an offset, not resolved)
    plain: bool  # every entry is letters and spaces (what the fast path assumes)
    tails: frozenset[str]  # last two letters of every word of every entry, lowercase
    scan: Any  # ``triggers`` in one Aho-Corasick automaton (None when there are none)
    latin_scan: Any  # ``latin_triggers`` likewise, for the lowercased view


@dataclass(frozen=True, slots=True)
class LabelGrammar:
    regex: re.Pattern[str]
    kinds: dict[str, LabelKind]


def explicit_langs(lang: Lang | None) -> tuple[Lang, ...]:
    """Month names of ``lang`` plus English ones (Latin-script dates appear in every language)."""
    if lang is None:
        return ("fa", "ar", "en")
    return (lang,) if lang == "en" else (lang, "en")


def _era(n: int, eras: str) -> str:
    return rf"(?:\s{{0,2}}(?P<e{n}>{eras}){RB})?"


def _dual(name: str, mon: str) -> str:
    return rf"(?:\s{{0,2}}[/(]\s{{0,2}}(?P<{name}>{mon}){RB}\.?\s{{0,2}}\)?)?"


def _hyphen_free(surfaces: Iterable[str]) -> list[str]:
    """Each surface and, if it has hyphens, its spelling with spaces (``twenty first``)."""
    return [v for s in surfaces for v in {s, s.replace("-", " ")}]


CURRENCY = "$€£¥₹₽﷼"
NOT_MONEY = rf"(?<![{CURRENCY}])(?<![{CURRENCY}]\s)"  # a day never follows a currency sign


OFFSET_REACH = 40  # how far before a date ``N <unit> <link> `` is looked for


@dataclass(frozen=True, slots=True)
class OffsetGuard:
    """``N <unit> <link> `` ending right before a date (``two days before ``, ``سه هفته پس از ``):
    the date is an offset from it, which rasad does not resolve (no mention).

    ``regex`` (ending in ``\\Z``) is searched in the ``OFFSET_REACH`` characters before the date,
    but only when they end, less one to three whitespace characters, in the last two characters
    of a link (``tails``, lowercase): no match can end otherwise. ``tails`` is None when a link's
    last word is a single character (then the regex always runs).
    """

    regex: re.Pattern[str]
    tails: frozenset[str] | None

    def before(self, view: str, s: int) -> bool:
        """True when an offset phrase ends at view offset ``s``."""
        if self.tails is not None:
            e = s
            while e > 0 and s - e < 3 and view[e - 1].isspace():
                e -= 1
            if e == s or view[max(0, e - 2) : e].lower() not in self.tails:
                return False
        return self.regex.search(view, max(0, s - OFFSET_REACH), s) is not None


@lru_cache(maxsize=8)
def offset_guard(langs: tuple[Lang, ...]) -> OffsetGuard:
    """The offset guard of ``langs``' lexicons (see ``OffsetGuard``)."""
    lexicons = load_lexicons(langs)
    units = trie(s for lex in lexicons for s in lex.offset_units)
    link_words = [s for lex in lexicons for s in lex.offset_links]
    links = trie(link_words)
    lasts = {fold_word(w).split(" ")[-1] for w in link_words}
    tails = frozenset(w[-2:] for w in lasts) if all(len(w) >= 2 for w in lasts) else None
    return OffsetGuard(re.compile(rf"{LB}{units}\s{{1,2}}{links}\s{{1,3}}\Z"), tails)


@lru_cache(maxsize=8)
def explicit_grammar(langs: tuple[Lang, ...]) -> ExplicitGrammar:
    lexicons = load_lexicons(langs)
    month_words = [s for lex in lexicons for s, _ in lex.months]
    cue_words = [s for lex in lexicons for s in lex.year_cues]
    mon = trie(month_words)
    era = trie(s for lex in lexicons for s, _ in lex.eras)
    suffix = rf"(?:\s{{0,2}}{trie(s for lex in lexicons for s in lex.month_suffixes)}{RB})?"
    dual = _dual("n", mon)
    day_links = [s for lex in lexicons for s in lex.day_links]
    links = rf"(?:{trie(day_links)}{RB}\s{{1,3}})"
    ylinks = rf"(?:{trie(s for lex in lexicons for s in lex.year_links)}{RB}\s{{1,3}})?"
    units = rf"(?!\s{{0,2}}{trie(s for lex in lexicons for s in lex.units)}{RB})"
    ordinals = _hyphen_free(s for lex in lexicons for s, _ in lex.day_words)
    digit_led = (
        rf"(?<![/.\-:]){NOT_MONEY}(?:"
        # 2024-09-19, 1403/02/25
        rf"(?P<ymd>(?P<y1>\d{{4}})(?P<s1>[\-/.])(?P<m1>\d{{1,2}})(?P=s1)(?P<d1>\d{{1,2}}){NUM_RB}"
        rf"{_era(1, era)})"
        # 19/09/2024, 20.01.2026 (day-month or month-day: see expressions.numeric_order)
        rf"|(?P<dmy>(?P<a2>\d{{1,2}})(?P<s2>[\-/.])(?P<b2>\d{{1,2}})(?P=s2)(?P<y2>\d{{4}}){NUM_RB}"
        rf"{_era(2, era)})"
        # 19 September 2024, 27October 2020, ۲۵ اردیبهشت ۱۴۰۳, 5 آذار/مارس 2024, 19 September,
        # 4th of July of 1995, ۴ تیر سال ۱۴۰۳
        rf"|(?P<dm>(?P<d3>\d{{1,2}})(?P<o3>st|nd|rd|th)?(?!\d)[\s,،\-]{{0,3}}(?P<l3>{links})?"
        rf"{LB}(?P<m3>{mon}){RB}\.?{suffix}{dual}"
        rf"(?:[\s,،\-]{{0,4}}{ylinks}(?P<y3>\d{{4}})(?!\d){_era(3, era)})?))"
    )
    # fourth of July, 1995 | الرابع من تموز | بیست و پنجم اردیبهشت ۱۴۰۳
    ordinal_led = (
        rf"(?P<o>{trie(ordinals, FIRST_LB)}){RB}\s{{1,3}}(?P<ol>{links})?"
        rf"(?P<m7>{mon}){RB}\.?{suffix}{_dual('n7', mon)}"
        rf"(?:[\s,،\-]{{0,4}}{ylinks}(?P<y7>\d{{4}})(?!\d){_era(7, era)})?"
    )
    word_led = (
        # September 19, 2024 | September 2024, اردیبهشت ۱۴۰۳, سال ۲۰۲۴ | September 19
        rf"(?P<w>{trie(month_words + cue_words, FIRST_LB)}){RB}\.?{suffix}{dual}(?:"
        rf"\s{{1,3}}(?P<d4>[0-3]?\d){ORD}(?!\d)[\s,،]{{0,3}}{ylinks}(?P<y4>\d{{4}})(?!\d)"
        rf"{_era(4, era)}"
        rf"|[\s,،\-]{{0,3}}{ylinks}(?P<y5>\d{{4}}){NUM_RB}{_era(5, era)}"
        rf"|\s{{1,3}}(?P<d6>[0-3]?\d){ORD}(?![\d:]|[.,]\d){units})"
    )
    cues: dict[str, Lang] = {}
    for lex in lexicons:
        for s in lex.year_cues:
            cues.setdefault(key(s), lex.lang)
    longest = max(len(fold_word(s)) for s in month_words + cue_words)
    longest_ordinal = max(len(fold_word(s)) for s in ordinals)
    nouns = trie(s for lex in lexicons for s in lex.ordinal_nouns)
    return ExplicitGrammar(
        digit_led=re.compile(digit_led),
        word_led=re.compile(word_led),
        word_scan=_first_words(month_words + cue_words),
        months=merge(lexicons, "months"),
        latin_months=frozenset(key(s) for s in month_words if s.isascii()),
        needs_year=frozenset().union(*(lex.needs_year for lex in lexicons)),
        eras=merge(lexicons, "eras"),
        cues=cues,
        reach=2 * longest + 16,
        day_words={
            key(v): d for lex in lexicons for s, d in lex.day_words for v in _hyphen_free([s])
        },
        ordinal_led=re.compile(ordinal_led),
        ordinal_before=re.compile(rf"{LB}{trie(ordinals)}\s{{1,3}}{links}?\Z"),
        back=longest_ordinal + 24,
        day_links=tuple(sorted({f" {fold_word(s)} " for s in day_links})),
        month_at=re.compile(rf"{mon}{RB}"),
        month_firsts=frozenset(
            c for w in map(fold_word, month_words) for c in (w[0], w[0].upper())
        ),
        ordinal_noun=re.compile(rf"{LB}{nouns}\s{{1,3}}\Z"),
        offset=offset_guard(langs),
    )


_RELATIVE_FIELDS = ("days", "periods", "weekdays", "weekday_before", "weekday_after")


@lru_cache(maxsize=8)
def relative_grammar(langs: tuple[Lang, ...]) -> RelativeGrammar:
    lexicons = load_lexicons(langs)
    after: dict[str, tuple[After, int]] = {}
    for lex in lexicons:
        for s, mod in lex.weekday_after:
            k = key(s)
            if k in after and after[k][0] != mod:
                raise DataError(Code.E020, path=lex.path, detail=f"weekday_after: {s!r} conflicts")
            after.setdefault(k, (mod, lex.week_start))
    words = [s for lex in lexicons for f in _RELATIVE_FIELDS for s, _ in getattr(lex, f)]
    anchors = [s for lex in lexicons for f in _RELATIVE_FIELDS[:3] for s, _ in getattr(lex, f)]
    found = triggers(anchors)
    token = trie(words)
    more = "".join(rf"(?:[\s,،(\-]{{1,3}}(?P<t{i}>{token}){RB})?" for i in (2, 3, 4))
    regex = rf"(?P<t1>{token}){RB}{more}"  # t1's left edge: see expressions.left_edge_ok
    quantity = [q for lex in lexicons for q in lex.quantity_words]
    blocked = rf"(?:\d|{LB}{trie(quantity)}\s)\s?\Z" if quantity else r"\d\s?\Z"
    event = trie(s for lex in lexicons for s in lex.event_words)
    return RelativeGrammar(
        regex=re.compile(regex),
        blocked=re.compile(blocked),
        weekdays=merge(lexicons, "weekdays"),
        before=merge(lexicons, "weekday_before"),
        after=after,
        days=merge(lexicons, "days"),
        periods=merge(lexicons, "periods"),
        triggers=tuple(t for t in found if not t.isascii()),
        latin_triggers=tuple(t for t in found if t.isascii()),
        reach=4 * max(len(fold_word(s)) for s in words) + 12,
        token=re.compile(rf"(?:{token}){RB}"),
        anchors=frozenset(key(s) for s in anchors),
        offsets=_offsets(found, anchors),
        firsts=frozenset(c for s in words for c in {fold_word(s)[0], fold_word(s)[0].upper()}),
        span=max(len(w) + w.count(" ") for w in map(fold_word, words)),
        plain=all(c.isalpha() or c == " " for w in map(fold_word, words) for c in w)
        and all(len(part) >= 2 for w in map(fold_word, words) for part in w.split(" ")),
        tails=frozenset(part[-2:] for w in map(fold_word, words) for part in w.split(" ")),
        event=re.compile(rf"[\s,،]{{1,3}}{event}{RB}"),
        offset=offset_guard(langs),
        scan=_automaton(t for t in found if not t.isascii()),
        latin_scan=_automaton(t for t in found if t.isascii()),
    )


def _first_words(surfaces: Iterable[str]) -> Any:
    """An automaton of the first word of each entry (``expressions.word_led_matches``).

    A ``trie`` match starting at ``p`` spells its entry's first word (up to the first space, the
    only place where the text may differ) from ``p``, ASCII letters in either case and any other
    character as folded: so in the lowercased text that word starts at ``p``. None when some
    such character is changed by ``str.lower`` (then lowercasing could hide a match).
    """
    firsts = {fold_word(s).split(" ")[0] for s in surfaces}
    if any(w.lower() != w for w in firsts):
        return None
    return _automaton(firsts)


def _automaton(needles: Iterable[str]) -> Any:
    """An Aho-Corasick automaton whose matches give each needle (None when there is none)."""
    automaton = ahocorasick.Automaton()
    for nd in needles:
        automaton.add_word(nd, nd)
    if len(automaton) == 0:
        return None
    automaton.make_automaton()
    return automaton


def _offsets(found: Iterable[str], anchors: Iterable[str]) -> dict[str, tuple[int, ...]]:
    """For each trigger, how far before a hit of it an anchor entry holding it may start: its
    offset in the entry, give or take the spaces before it (each matches zero to two)."""
    out: dict[str, set[int]] = {t: set() for t in found}
    for w in map(fold_word, anchors):
        for t, offs in out.items():
            i = w.find(t)
            while i != -1:
                sp = w.count(" ", 0, i)
                offs.update(range(i - sp, i + sp + 1))
                i = w.find(t, i + 1)
    return {t: tuple(sorted(o)) for t, o in out.items()}


@lru_cache(maxsize=1)
def label_grammar() -> LabelGrammar:
    """Publication labels of every language, matched at a line start or after ``|``/``•``."""
    lexicons = load_lexicons()
    labels = trie(s for lex in lexicons for s, _ in lex.publication)
    regex = re.compile(
        rf"[^\S\n]{{0,4}}(?:[-–—*][^\S\n]{{0,2}})?(?P<label>{labels}){RB}[^\S\n]{{0,3}}[:：]?"
    )
    return LabelGrammar(regex, merge(lexicons, "publication"))
