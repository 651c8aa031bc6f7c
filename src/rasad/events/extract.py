"""Events: PLOVER-coded, dated and directed, from trigger phrases and the linked mentions near them.

For each sentence (the headline last), every trigger of ``lang/<lang>/events.yaml`` is read in
its sentence:

1. **Modality.** In the trigger's clause (between commas, colons and quote marks), a ``negated``
   or ``hypothetical`` cue drops it: a denied or imagined meeting did not happen. A
   ``cancelled`` cue makes it REJECT, a ``future`` cue (or an Arabic future ``س`` on the
   trigger: ``سيزور``) AGREE: a meeting agreed or planned, not held.
2. **Who.** Mentions that are not participants are set aside: the outlet or agency after a
   ``source`` cue or in a wire dateline (``BAGHDAD, Dec 12 (AFP) -``), a correspondent (the
   person before a ``journalist`` noun and what follows it), and topics (mentions after a
   ``topic`` cue: ``درباره``, ``discussed``, ``حول``). The rest
   split into a subject side and an object side: the side after a ``with`` cue (``با``,
   ``with``, ``مع``, Arabic ``ب`` joined to the name) is the object; otherwise what stands
   before the trigger is the subject and what follows it the object (in verb-first Arabic, the
   first mention after the trigger is the subject). On each side people are kept if there are
   any, else organizations, else countries, so an organization in a person's apposition
   (``نوری مالکی، از شخصیت‌های برجسته اطار تنسیقی``) is not a participant.
3. **Frames.** ``joint``: every subject meets every object, one event per pair (Qaani met
   Amiri, Khazali and Hamidawi: three events), all actors. ``visit``: the subject travels to
   the place (the first place after the trigger), the place's country is the recipient and the
   place the location. ``host``: the subject receives the object, so the object is the actor.
   ``directed``: the subject acts on the object.
4. **Mode.** The trigger's own (``phone``), else ``multilateral`` or ``third-party`` cues in the
   sentence, else ``visit`` for visit and host frames and for meetings a visitor holds during a
   visit the article reported, else null.
5. **Date.** A date written in the sentence (the nearest to the trigger); else the date of the
   previous event that shares a participant (meetings on arrival take the arrival's day); else
   the publication date (basis ``publication``); else none (basis ``unknown``).
6. **Location.** The visit's place; else a place after an ``at`` cue in the sentence; else the
   location of the visit a meeting belongs to.

Events with the same key in one article are one event: the first sentence is the evidence,
and a known mode or direction fills an unknown one. Headline events are kept only when the body
reports no event of that type between the same participants.
"""

from __future__ import annotations

from dataclasses import dataclass

from rasad.document import DateMention, DateValue, Document, Event, Span
from rasad.events.lexicon import EventLexicon, Phrases, Trigger, event_lexicon
from rasad.events.mentions import Actor, Cast, actors, clause_bounds, country_of
from rasad.kb.loader import KnowledgeBase
from rasad.text.chars import alpha_at

MODE_RANK = {"phone": 4, "multilateral": 3, "third-party": 2, "visit": 1, None: 0}
SOURCE_REACH = 40  # characters after a source cue in which its outlet or agency is named


@dataclass(slots=True, unsafe_hash=True)
class _Hit:
    trigger: Trigger
    start: int
    end: int
    future: bool

    def __init__(self, trigger: Trigger, start: int, end: int, future: bool) -> None:
        self.trigger = trigger  # written out: see rasad.document
        self.start = start
        self.end = end
        self.future = future


def _hits(lex: EventLexicon, view: str, lo: int, hi: int) -> list[_Hit]:
    found = []
    for order, trig in enumerate(lex.triggers):
        for m in trig.phrases.finditer(view, lo, hi):  # none, at once, without its anchors here
            future = any(
                view.startswith(p, m.start())
                and trig.phrases.pattern.match(view, m.start() + len(p), hi)
                for p in lex.future_proclitics
            )
            found.append((m.start(), -(m.end() - m.start()), order, trig, m.end(), future))
    found.sort()  # (start, order) is unique: a list's matches do not overlap
    out: list[_Hit] = []
    last_end = -1
    for start, _neg, _order, trig, end, future in found:
        if start < last_end:
            continue
        out.append(_Hit(trig, start, end, future))
        last_end = end
    return out


def _cue_spans(pattern: Phrases, view: str, lo: int, hi: int) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(view, lo, hi)]


def _attached(view: str, actor: Actor, letters: frozenset[str]) -> bool:
    """True when ``actor`` is written joined to one of ``letters`` (Arabic ``بقادة``)."""
    i = actor.start
    return i >= 1 and view[i - 1] in letters and (i == 1 or not alpha_at(view, i - 2))


@dataclass(slots=True)
class _Raw:
    """An event before the article-wide passes: its own sentence's date, if any, and frame."""

    event: Event
    frame: str
    dated: bool

    def __init__(self, event: Event, frame: str, dated: bool) -> None:
        self.event = event
        self.frame = frame
        self.dated = dated


class EventExtractor:
    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb

    def __call__(self, doc: Document, people: list[Actor] | None = None) -> list[Event]:
        """The events of ``doc``; ``people`` is :func:`actors` of it, if already built."""
        if doc.lang is None:
            return []
        lex = event_lexicon(doc.lang)
        view = doc.normalized.text
        if people is None:
            people = actors(doc, self.kb)
        pub = doc.publication.span
        nt = doc.normalized
        dates = [  # each with where it starts in the view
            (nt.to_norm(d.span.start), d)
            for d in doc.dates
            if pub is None or not pub.start <= d.span.start < pub.end
        ]
        title = doc.title_span
        body: list[Span] = []
        heads: list[Span] = []
        for sent in doc.sentences:
            overlaps = title is not None and sent.start < title.end and title.start < sent.end
            (heads if overlaps else body).append(sent)
        cast = Cast(people)
        raws: list[_Raw] = []
        for sent in body:
            raws.extend(self._sentence(doc, lex, view, cast, dates, sent))
        events = _merge(self._resolve(doc, raws))
        for sent in heads:
            for raw in self._sentence(doc, lex, view, cast, [], sent):
                ev = raw.event
                if not any(e.type == ev.type and e.participants == ev.participants for e in events):
                    events.extend(self._resolve(doc, [raw]))
        return _merge(events)

    # -- one sentence ---------------------------------------------------------------------

    def _sentence(
        self,
        doc: Document,
        lex: EventLexicon,
        view: str,
        cast: Cast,
        dates: list[tuple[int, DateMention]],
        sent: Span,
    ) -> list[_Raw]:
        nt = doc.normalized
        lo, hi = nt.to_norm(sent.start), nt.to_norm(sent.end)
        hits = _hits(lex, view, lo, hi)
        if not hits:
            return []
        here = self._participants_only(lex, view, cast.within(lo, hi), lo, hi)
        out: list[_Raw] = []
        for hit in hits:
            if _ends_at(lex.cues["anaphora"], view, max(lo, hit.start - 30), hit.start):
                continue  # ``این دیدار``, ``على هامش اجتماع``: not a new event
            out.extend(self._hit(doc, lex, view, here, dates, sent, lo, hi, hit, hits))
        return out

    def _participants_only(
        self, lex: EventLexicon, view: str, here: list[Actor], lo: int, hi: int
    ) -> list[Actor]:
        drop: set[int] = set()
        for _s, e in _cue_spans(lex.cues["source"], view, lo, hi):
            for i, a in enumerate(here):
                if a.start >= e and a.start - e <= SOURCE_REACH and a.type != "location":
                    drop.add(i)
                    break
        for s, e in _cue_spans(lex.cues["journalist"], view, lo, hi):
            for i, a in enumerate(here):
                if a.end <= s and s - a.end <= 3 and a.type == "person":
                    drop.add(i)
            for i, a in enumerate(here):
                if a.start >= e:
                    if a.type == "person" and a.start - e > 2:
                        break
                    drop.add(i)
        for i, a in enumerate(here):
            if a.type == "organization" and _dateline_source(view, a):
                drop.add(i)
        return [a for i, a in enumerate(here) if i not in drop]

    def _hit(
        self,
        doc: Document,
        lex: EventLexicon,
        view: str,
        here: list[Actor],
        dates: list[tuple[int, DateMention]],
        sent: Span,
        lo: int,
        hi: int,
        hit: _Hit,
        hits: list[_Hit],
    ) -> list[_Raw]:
        trig = hit.trigger
        c_lo, c_hi = clause_bounds(view, hit.start, lo, hi)
        c_hi = max(c_hi, hit.end)
        clause = (c_lo, c_hi)
        if _any(lex.cues["negated"], view, c_lo, c_hi) or _any(
            lex.cues["hypothetical"], view, c_lo, c_hi
        ):
            return []
        etype = trig.type
        if trig.type == "CONSULT":
            if _any(lex.cues["cancelled"], view, c_lo, c_hi):
                etype = "REJECT"
            elif hit.future or _any(lex.cues["future"], view, c_lo, c_hi):
                etype = "AGREE"
        # a reported clause (after ``:``, ``إن``, ``that``) holds its own subject
        opens = [e for _s, e in _cue_spans(lex.cues["opens"], view, lo, hit.start)]
        r_lo = max(opens, default=lo)
        topics = _cue_spans(lex.cues["topic"], view, r_lo, hi)
        ats = [e for _s, e in _cue_spans(lex.cues["at"], view, lo, hi)]
        region = [a for a in here if a.start >= r_lo]
        others = [h.start for h in hits if h is not hit]
        cands = [
            a
            for a in region
            if not (hit.start <= a.start < hit.end and trig.frame != "visit")
            and not self._topical(a, topics, hit, region, others)
        ]
        places = {
            id(a)
            for a in cands
            if a.type in ("location", "country")
            and (any(0 <= a.start - e <= 1 for e in ats) or _attached(view, a, lex.attached["at"]))
        }
        mode = trig.mode
        location: str | None = None
        pairs: list[tuple[list[str], list[str]]] = []
        if trig.frame == "visit":
            tos = [hit.end] + [e for _s, e in _cue_spans(lex.cues["to"], view, hit.start, hi)]
            dest = next(
                (
                    a
                    for a in cands
                    if a.start >= hit.start
                    and a.type in ("location", "country")
                    and (
                        any(0 <= a.start - e <= 1 for e in tos)
                        or any(0 <= a.start - b.end <= 1 and b.start >= hit.end for b in cands)
                    )
                ),
                None,
            )
            if dest is None:
                return []
            movers = [a for a in cands if a.type in ("person", "organization")]
            visitor = next((a for a in reversed(movers) if a.end <= hit.start), None) or next(
                (a for a in movers if a.start < dest.start), None
            )
            country = country_of(self.kb, dest.entity)
            if visitor is None or country is None:
                return []
            location = dest.entity
            pairs.append(([visitor.entity], [country]))
            withs = self._withs(lex, view, topics, lo, hi, hit)
            hosts = _best(
                [
                    a
                    for a in cands
                    if a.start > dest.start
                    and a.type in ("person", "organization")
                    and any(w <= a.start for w in withs)
                ]
            )
            pairs.extend(
                ([visitor.entity], [h.entity]) for h in hosts if h.entity != visitor.entity
            )
            mode = mode or "visit"
        else:
            agents = [a for a in cands if a.type != "location" and id(a) not in places]
            subj, obj = self._sides(
                lex, view, agents, self._withs(lex, view, topics, lo, hi, hit), hit
            )
            a_side, b_side = _best(subj), _best(obj)
            if trig.frame == "host":
                pairs.extend(
                    ([g.entity], [h.entity]) for h in a_side for g in b_side if g.entity != h.entity
                )
                mode = mode or "visit"
            elif trig.frame == "directed":
                pairs.extend(
                    ([d.entity], [t.entity]) for d in a_side for t in b_side if d.entity != t.entity
                )
            elif a_side and b_side:
                if _level(a_side) != _level(b_side) and "country" in (
                    _level(a_side),
                    _level(b_side),
                ):
                    return []  # a person "meeting" a country is a topic, not a meeting
                pairs.extend(
                    ([a.entity, b.entity], [])
                    for a in a_side
                    for b in b_side
                    if a.entity != b.entity
                )
            elif len({a.entity for a in a_side}) >= 2:
                pairs.append(([a.entity for a in a_side], []))
        if not pairs:
            return []
        if etype == "CONSULT" and mode is None:
            if _any(lex.cues["multilateral"], view, lo, hi):
                mode = "multilateral"
            elif _any(lex.cues["third_party"], view, lo, hi):
                mode = "third-party"
        if location is None:
            location = next(
                (
                    a.entity
                    for a in cands
                    if id(a) in places and self._setting(lex, view, a, clause, lo, hi)
                ),
                None,
            )
        date = self._date(dates, r_lo, hi, hit)
        confidence = 0.8 if trig.mode or trig.frame != "joint" else 0.7
        out = []
        for actor, recipient in pairs:
            parts = tuple(sorted(set(actor) | set(recipient)))
            if len(parts) < 2:
                continue
            event = Event(
                etype,
                mode if etype == "CONSULT" else None,
                date,
                date.basis if date is not None else "unknown",
                location,
                parts,
                tuple(actor),
                tuple(recipient),
                sent,
                doc.normalized.span_to_orig(hit.start, hit.end),
                confidence,
                f"{trig.frame} trigger {view[hit.start : hit.end]!r}",
            )
            out.append(_Raw(event, trig.frame, date is not None))
        return out

    def _setting(
        self, lex: EventLexicon, view: str, place: Actor, clause: tuple[int, int], lo: int, hi: int
    ) -> bool:
        """A place in the trigger's clause, or in a clause naming the setting (a summit)."""
        if clause[0] <= place.start < clause[1]:
            return True
        p_lo, p_hi = clause_bounds(view, place.start, lo, hi)
        return _any(lex.cues["multilateral"], view, p_lo, p_hi) or _any(
            lex.cues["third_party"], view, p_lo, p_hi
        )

    def _withs(
        self,
        lex: EventLexicon,
        view: str,
        topics: list[tuple[int, int]],
        lo: int,
        hi: int,
        hit: _Hit,
    ) -> list[int]:
        """End of the ``with`` cue nearest the trigger (``با Y دیدار``, ``met with Y``)."""
        found = [
            (s, e) for s, e in _cue_spans(lex.cues["with"], view, lo, hi) if not _inside(s, topics)
        ]
        if not found:
            return []
        _s, e = min(found, key=lambda se: min(abs(se[0] - hit.end), abs(hit.start - se[1])))
        return [e]

    def _topical(
        self,
        a: Actor,
        topics: list[tuple[int, int]],
        hit: _Hit,
        cands: list[Actor],
        others: list[int],
    ) -> bool:
        """After a topic cue, up to the next trigger: what was discussed, not who met."""
        first = cands[0].start if cands else hit.start
        return any(
            first < s < a.start and not any(s < t < a.start for t in [*others, hit.start])
            for s, _e in topics
        )

    def _sides(
        self,
        lex: EventLexicon,
        view: str,
        agents: list[Actor],
        withs: list[int],
        hit: _Hit,
    ) -> tuple[list[Actor], list[Actor]]:
        joined = [a for a in agents if _attached(view, a, lex.attached["with"])]
        if withs and any(a.start >= withs[0] for a in agents):
            w = withs[0]
            subj = [a for a in agents if a.end <= w and a not in joined]
            obj = [a for a in agents if a.start >= w or a in joined]
            if subj:
                return subj, obj
        if joined:
            return [a for a in agents if a not in joined], joined
        left = [a for a in agents if a.end <= hit.start]
        right = [a for a in agents if a.start >= hit.start]
        if left:
            return left, right
        return right[:1], right[1:]

    def _date(
        self, dates: list[tuple[int, DateMention]], lo: int, hi: int, hit: _Hit
    ) -> DateValue | None:
        inside = [(at, d) for at, d in dates if lo <= at < hi]
        if not inside:
            return None
        return min(inside, key=lambda ad: abs(ad[0] - hit.start))[1].date

    # -- article-wide passes --------------------------------------------------------------

    def _resolve(self, doc: Document, raws: list[_Raw]) -> list[Event]:
        """Dates and visit context the sentence itself does not give."""
        visits = [r for r in raws if r.frame == "visit" and r.event.type == "CONSULT"]
        out = []
        for i, raw in enumerate(raws):
            ev = raw.event
            mine = [v for v in visits if v is not raw and v.event.actor[0] in ev.participants]
            found = next((v for v in mine if v.dated), None) or next(iter(mine), None)
            visit = found.event if found is not None else None
            if (
                visit is not None
                and ev.type == "CONSULT"
                and ev.mode is None
                and not ev.recipient
                and raw.frame == "joint"
            ):
                visitor = visit.actor[0]
                ev = Event(
                    ev.type,
                    "visit",
                    ev.date,
                    ev.date_basis,
                    ev.location or visit.location,
                    ev.participants,
                    (visitor,),
                    tuple(p for p in ev.participants if p != visitor),
                    ev.span,
                    ev.trigger,
                    ev.confidence,
                    ev.reason,
                )
            if not raw.dated:
                date: DateValue | None = None
                if found is not None and found.dated and ev.type == "CONSULT":
                    date = found.event.date
                if date is None:
                    date = next(
                        (
                            r.event.date
                            for r in reversed(raws[:i])
                            if r.dated and set(r.event.participants) & set(ev.participants)
                        ),
                        None,
                    )
                if date is None and doc.publication.date is not None:
                    pub = doc.publication.date
                    date = DateValue(pub.value, pub.precision, pub.calendar, "publication")
                ev = Event(
                    ev.type,
                    ev.mode,
                    date,
                    date.basis if date else "unknown",
                    ev.location,
                    ev.participants,
                    ev.actor,
                    ev.recipient,
                    ev.span,
                    ev.trigger,
                    ev.confidence,
                    ev.reason,
                )
            out.append(ev)
        return out


def _ends_at(pattern: Phrases, view: str, lo: int, end: int) -> bool:
    """True when a match of ``pattern`` ends at ``end``, give or take the spaces before it."""
    return any(view[e:end].strip() == "" for _s, e in _cue_spans(pattern, view, lo, end))


def _dateline_source(view: str, a: Actor) -> bool:
    """True for an outlet in a wire dateline: ``BAGHDAD, Dec 12 (AFP) -``."""
    before = view[max(0, a.start - 2) : a.start].strip()
    after = view[a.end : a.end + 4].lstrip()
    return before == "(" and after[:1] == ")" and after[1:].lstrip()[:1] in ("-", "–", "—")


def _level(side: list[Actor]) -> str:
    return side[0].type if side else ""


def _any(pattern: Phrases, view: str, lo: int, hi: int) -> bool:
    return pattern.search(view, lo, hi) is not None


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


def _best(side: list[Actor]) -> list[Actor]:
    """People if the side names any, else organizations, else countries; one per entity."""
    for kind in ("person", "organization", "country"):
        chosen = [a for a in side if a.type == kind]
        if chosen:
            seen: dict[str, Actor] = {}
            for a in chosen:
                seen.setdefault(a.entity, a)
            return list(seen.values())
    return []


def _merge(events: list[Event]) -> list[Event]:
    """One event per key: the first report, its gaps filled from later ones.

    An event dated only by the publication date joins an event of the same type and
    participants that the article dates itself: the article is reporting it again.
    """
    dated = {
        (e.type, e.participants): e.key for e in events if e.date_basis in ("explicit", "relative")
    }
    by_key: dict[str, Event] = {}
    for ev in events:
        target = dated.get((ev.type, ev.participants))
        if ev.date_basis in ("publication", "unknown") and target is not None and target != ev.key:
            old = by_key.get(target)
            if old is not None:
                by_key[target] = _fill(old, ev)
            else:
                first = next(e for e in events if e.key == target)
                by_key[target] = Event(
                    first.type,
                    first.mode,
                    first.date,
                    first.date_basis,
                    first.location,
                    first.participants,
                    first.actor,
                    first.recipient,
                    ev.span,
                    ev.trigger,
                    first.confidence,
                    first.reason,
                )
            continue
        old = by_key.get(ev.key)
        by_key[ev.key] = ev if old is None else _fill(old, ev)
    return list(by_key.values())


def _fill(old: Event, ev: Event) -> Event:
    """``old`` with what ``ev`` adds: a more specific mode, a direction, a place."""
    mode = old.mode if MODE_RANK[old.mode] >= MODE_RANK[ev.mode] else ev.mode
    actor, recipient = old.actor, old.recipient
    if not recipient and ev.recipient:
        actor, recipient = ev.actor, ev.recipient
    return Event(
        old.type,
        mode,
        old.date,
        old.date_basis,
        old.location or ev.location,
        old.participants,
        actor,
        recipient,
        old.span,
        old.trigger,
        max(old.confidence, ev.confidence),
        old.reason,
    )
