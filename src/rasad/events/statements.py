"""Statements: who said what about whom, from the speech verbs of ``lang/<lang>/statements.yaml``.

In each body sentence, every speech cue (``گفت``, ``تاکید کرد``, ``قال``, ``مبيناً``, ``said``)
opens a statement:

* **Speaker.** The first person named in the sentence before the cue (an organization if no
  person is), leaving out outlets after a ``source`` cue and people after a ``with`` cue; in
  verb-first Arabic, the first person between the cue and the words that open the statement
  (``أن``, ``إن``, ``:``). A listed pronoun subject (``وی``, ``ایشان``, ``he``), or no subject at
  all (Arabic ``وأضاف``, a second cue in the sentence), is the last speaker.
* **Quote.** The text after the cue's opener (``:``, ``که``, ``that``, ``أن``) up to the next
  cue or the sentence end; where the cue ends the sentence (Persian ``... را تبریک گفت``,
  English ``..., he said``), the text between the speaker and the cue.
* **Kind.** The cue's own kind (``congratulated`` is SUPPORT, ``urged`` REQUEST), else the first
  kind of ``kinds`` whose words occur in the quote, else ``other``.
* **Targets.** The entities the quote names, except the speaker; a city stands for its country
  (``طهران`` in a statement about Iran's policy targets Iran).
* **Stance.** SUPPORT and AGREE are positive; ACCUSE, THREATEN and REJECT negative; REQUEST
  neutral; ``other`` is positive or negative by the ``positive`` and ``negative`` words it
  holds, neutral on a tie.
"""

from __future__ import annotations

from rasad.document import Document, Statement
from rasad.events.lexicon import SpeechLexicon, event_lexicon, speech_lexicon
from rasad.events.mentions import Actor, Cast, actors, country_of
from rasad.kb.loader import KnowledgeBase

STANCE = {
    "SUPPORT": "positive",
    "AGREE": "positive",
    "ACCUSE": "negative",
    "THREATEN": "negative",
    "REJECT": "negative",
    "REQUEST": "neutral",
}
OPEN_REACH = 40  # characters after a cue in which its opener (``:``, ``that``) may stand
TAIL = 12  # a cue this close to the sentence end closes the statement instead of opening it
_TRIM = " \t\n.,،:؛;«»“”\"'()-–"
LAST = "\x00last"  # the speaker is the last one named


class StatementExtractor:
    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb

    def __call__(self, doc: Document, people: list[Actor] | None = None) -> list[Statement]:
        """The statements of ``doc``; ``people`` is :func:`actors` of it, if already built."""
        if doc.lang is None:
            return []
        lex = speech_lexicon(doc.lang)
        ev_lex = event_lexicon(doc.lang)
        nt = doc.normalized
        view = nt.text
        if people is None:
            people = actors(doc, self.kb)
        cast = Cast(people)
        title = doc.title_span
        last: str | None = None
        out: list[Statement] = []
        for sent in doc.sentences:
            if title is not None and sent.start < title.end and title.start < sent.end:
                continue
            lo, hi = nt.to_norm(sent.start), nt.to_norm(sent.end)
            cues = self._cues(lex, view, lo, hi)
            here = cast.within(lo, hi)
            if not cues:
                first = next((a for a in here if a.type == "person" and a.kind != "pronoun"), None)
                if first is not None and len(view[lo : first.start].strip(_TRIM).split()) < 2:
                    last = first.entity  # the sentence's subject: what a later ``he`` means
                continue
            sources = [
                e for _s, e in (m.span() for m in ev_lex.cues["source"].finditer(view, lo, hi))
            ]
            withs = [m.start() for m in ev_lex.cues["with"].finditer(view, lo, hi)]
            prev_end = lo
            speaker: str | None = None
            for i, (c_start, c_end, kind) in enumerate(cues):
                seg_end = cues[i + 1][0] if i + 1 < len(cues) else hi
                if i == 0:
                    found = self._speaker(lex, view, here, sources, withs, lo, c_start, c_end)
                    speaker = last if found is LAST else found
                if speaker is None:
                    continue
                q_lo, q_hi = self._quote(
                    lex, view, here, speaker, prev_end, c_start, c_end, seg_end
                )
                prev_end = seg_end
                if q_hi - q_lo < 3:
                    continue
                kind = kind or self._kind(lex, view, q_lo, q_hi)
                targets = self._targets(here, speaker, q_lo, q_hi)
                stance = STANCE.get(kind) or self._stance(lex, view, q_lo, q_hi)
                out.append(
                    Statement(
                        speaker,
                        targets,
                        stance,
                        kind,
                        nt.span_to_orig(q_lo, q_hi),
                        sent,
                        nt.span_to_orig(c_start, c_end),
                        0.7 if i == 0 else 0.6,
                        f"speech cue {view[c_start:c_end]!r}",
                    )
                )
            if speaker is not None:
                last = speaker
        return out

    def _cues(
        self, lex: SpeechLexicon, view: str, lo: int, hi: int
    ) -> list[tuple[int, int, str | None]]:
        found = []
        for order, cue in enumerate(lex.speech):
            for m in cue.phrases.finditer(view, lo, hi):  # none, at once, without its anchors
                found.append((m.start(), -(m.end() - m.start()), order, m.end(), cue.kind))
        found.sort()
        out: list[tuple[int, int, str | None]] = []
        last_end = -1
        for start, _n, _o, end, kind in found:
            if start < last_end:
                continue
            out.append((start, end, kind))
            last_end = end
        return out

    def _speaker(
        self,
        lex: SpeechLexicon,
        view: str,
        here: list[Actor],
        sources: list[int],
        withs: list[int],
        lo: int,
        c_start: int,
        c_end: int,
    ) -> str | None:
        pron = lex.pronouns.search(view, lo, c_start)
        before = [a for a in here if a.end <= c_start and _may_speak(a, sources)]
        if pron is not None and (not before or pron.start() < before[0].start):
            return LAST
        before = [a for a in before if not any(lo < w < a.start for w in withs)] or before
        # verb-first: the subject right after the cue (``قال القيادي ... رسول راضي``)
        first_after = next((a for a in here if a.start >= c_end and _may_speak(a, sources)), None)
        if first_after is not None and first_after.start - c_end > 2:
            first_after = None
        for kind in ("person", "organization", "country"):
            chosen = [a for a in before if a.type == kind]
            if chosen:
                if chosen[0].kind == "pronoun":
                    return LAST
                return chosen[0].entity
            if first_after is not None and first_after.type == kind:
                return first_after.entity
        if len(view[lo:c_start].strip(_TRIM).split()) <= 1:
            return LAST  # ``وأضاف``, ``He added``: no subject of its own
        return None  # an unnamed subject (``مصدر مطلع``): nobody rasad can name

    def _quote(
        self,
        lex: SpeechLexicon,
        view: str,
        here: list[Actor],
        speaker: str,
        prev_end: int,
        c_start: int,
        c_end: int,
        seg_end: int,
    ) -> tuple[int, int]:
        rest = view[c_end:seg_end].strip(_TRIM)
        if len(rest) <= TAIL:
            lo = prev_end
            for a in here:
                if a.entity == speaker and prev_end <= a.end <= c_start:
                    lo = max(lo, a.end)
            return _trim(view, lo, c_start)
        opener = lex.opens.search(view, c_end, min(seg_end, c_end + OPEN_REACH))
        lo = opener.end() if opener else c_end
        return _trim(view, lo, seg_end)

    def _kind(self, lex: SpeechLexicon, view: str, lo: int, hi: int) -> str:
        for kind, pattern in lex.kinds:
            if pattern.search(view, lo, hi):
                return kind
        return "other"

    def _stance(self, lex: SpeechLexicon, view: str, lo: int, hi: int) -> str:
        pos = len(lex.positive.findall(view, lo, hi))
        neg = len(lex.negative.findall(view, lo, hi))
        return "positive" if pos > neg else "negative" if neg > pos else "neutral"

    def _targets(self, here: list[Actor], speaker: str, lo: int, hi: int) -> tuple[str, ...]:
        out: list[str] = []
        for a in here:
            if not lo <= a.start < hi or a.entity == speaker or a.kind == "pronoun":
                continue
            entity: str | None = a.entity
            if a.type == "location":
                entity = country_of(self.kb, a.entity)
            if entity and entity != speaker and entity not in out:
                out.append(entity)
        return tuple(out)


def _may_speak(a: Actor, sources: list[int]) -> bool:
    """Whether ``a`` can be a statement's speaker: a person, organization or country, and not
    the agency named right after a source phrase (``به گزارش``), which reports, not speaks."""
    if a.type not in ("person", "organization", "country"):
        return False
    return not (a.type == "organization" and any(0 <= a.start - e <= 40 for e in sources))


def _trim(view: str, lo: int, hi: int) -> tuple[int, int]:
    while lo < hi and view[lo] in _TRIM:
        lo += 1
    while hi > lo and view[hi - 1] in _TRIM:
        hi -= 1
    return lo, hi
