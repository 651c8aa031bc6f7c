"""The objects the pipeline passes along.

``Article`` is what a reader produces: the text exactly as decoded from the source (every
character offset rasad reports indexes into it) plus source metadata. ``Document`` is an article
with the annotations each stage adds. Annotations are plain values with spans: nothing
changes one once it is made, and they hash and compare by value.

The classes made many times an article (spans, links, dates, events, statements) are not
frozen, and write their constructor out rather than let ``dataclass`` generate it. Compiled
(setup.py), such a constructor is native code that sets the fields directly: about 400 machine
instructions for a span. The generated constructor stays interpreted Python, and a frozen one
sets each field through ``object.__setattr__``: 2,700 for the same span.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any, Literal, cast

if TYPE_CHECKING:
    from rasad.text.normalize import NormalizedText

Lang = Literal["fa", "ar", "en"]
LANGS: tuple[Lang, ...] = ("fa", "ar", "en")

Precision = Literal["year", "month", "day"]
Calendar = Literal["gregorian", "jalali", "hijri"]
DateBasis = Literal["explicit", "relative", "publication", "unknown"]
PublishedBasis = Literal["header", "metadata", "text", "none"]


def by_constructor(obj: Any) -> tuple[Any, ...]:
    """``__reduce__`` for a compiled dataclass: its class and constructor arguments.

    The document classes (and the normalized view) are compiled with mypyc (setup.py), and a
    compiled class's own pickling runs ``__init__`` without arguments and then assigns
    attributes, which frozen classes refuse.
    """
    return (type(obj), tuple(getattr(obj, f.name) for f in fields(obj)))


@dataclass(slots=True, unsafe_hash=True)
class Span:
    """Half-open character range ``[start, end)`` into ``Article.text``."""

    start: int
    end: int

    def __init__(self, start: int, end: int) -> None:
        if not 0 <= start <= end:
            raise ValueError(f"invalid span [{start}, {end})")
        self.start = start
        self.end = end

    def __reduce__(self) -> tuple[Any, ...]:
        return by_constructor(self)


@dataclass(slots=True, unsafe_hash=True)
class DateValue:
    """A date as an ISO prefix whose length is its precision: ``2024``, ``2024-09``, ``2024-09-17``.

    ``calendar`` is the calendar the date was written in (the value is always Gregorian);
    ``basis`` says how it was obtained. Never a made-up midnight timestamp.
    """

    value: str
    precision: Precision
    calendar: Calendar = "gregorian"
    basis: DateBasis = "explicit"

    def __init__(
        self,
        value: str,
        precision: Precision,
        calendar: Calendar = "gregorian",
        basis: DateBasis = "explicit",
    ) -> None:
        self.value = value
        self.precision = precision
        self.calendar = calendar
        self.basis = basis

    def to_json(self) -> dict[str, str]:
        return {
            "value": self.value,
            "precision": self.precision,
            "calendar": self.calendar,
            "basis": self.basis,
        }

    def __reduce__(self) -> tuple[Any, ...]:
        return by_constructor(self)


@dataclass(slots=True, unsafe_hash=True)
class DateMention:
    """A date expression found in the text, with its resolved value."""

    span: Span
    text: str
    date: DateValue
    kind: str  # e.g. "gregorian", "jalali", "hijri", "weekday", "deictic", "numeric"

    def __init__(self, span: Span, text: str, date: DateValue, kind: str) -> None:
        self.span = span
        self.text = text
        self.date = date
        self.kind = kind

    def __reduce__(self) -> tuple[Any, ...]:
        return by_constructor(self)


@dataclass(frozen=True, slots=True)
class Publication:
    """The article's publication date and where it came from."""

    date: DateValue | None
    basis: PublishedBasis
    span: Span | None = None

    @classmethod
    def none(cls) -> Publication:
        return cls(None, "none", None)

    def __reduce__(self) -> tuple[Any, ...]:
        return by_constructor(self)


@dataclass(frozen=True, slots=True)
class SeedHeader:
    """The crawler header line of the seed format: `` date YYYY-MM-DD [URL]``."""

    date: str
    url: str | None
    span: Span

    def __reduce__(self) -> tuple[Any, ...]:
        return by_constructor(self)


@dataclass(slots=True)
class Article:
    """One article as read from its source, before any analysis."""

    text: str
    file: str
    format: str  # "seed", "text", "html", "jsonl", "feed"
    path: str | None = None
    encoding: str = "utf-8"
    url: str | None = None
    title: str | None = None
    published: str | None = None  # raw value from source metadata, parsed by the dates stage
    source: str | None = None
    header: SeedHeader | None = None
    metadata: dict[str, Any] = field(default_factory=dict)

    def __reduce__(self) -> tuple[Any, ...]:
        return by_constructor(self)


@dataclass(slots=True)
class Link:
    """A span of the text linked to an entity, with how sure the linker is and why."""

    span: Span
    text: str
    entity: str  # knowledge-base id, or ``new:...`` for an entity the knowledge base lacks
    kind: str  # "name", "title" (an office phrase), "honorific" (name with its honorific)
    score: float
    reason: str
    office: str | None = None  # the office a title phrase names
    role: str | None = None  # a role the article gives the entity, in English

    def __init__(
        self,
        span: Span,
        text: str,
        entity: str,
        kind: str,
        score: float,
        reason: str,
        office: str | None = None,
        role: str | None = None,
    ) -> None:
        self.span = span
        self.text = text
        self.entity = entity
        self.kind = kind
        self.score = score
        self.reason = reason
        self.office = office
        self.role = role

    def __reduce__(self) -> tuple[Any, ...]:
        return by_constructor(self)


@dataclass(frozen=True, slots=True)
class NewEntity:
    """An actor the knowledge base lacks, introduced by a role: unverified by construction."""

    id: str  # ``new:`` + slug of the romanized name
    name: str  # as written
    name_en: str  # romanized display name
    type: str
    role: str | None  # the stated role, in English
    country: str | None = None

    def __reduce__(self) -> tuple[Any, ...]:
        return by_constructor(self)


@dataclass(slots=True, unsafe_hash=True)
class Event:
    """A PLOVER-coded event one sentence reports, with its direction and evidence.

    ``actor`` and ``recipient`` follow PLOVER: the visitor acts, the host receives; where no side
    hosts, every participant is an actor. ``date`` is None with basis ``unknown``.
    """

    type: str
    mode: str | None
    date: DateValue | None
    date_basis: DateBasis
    location: str | None  # entity id of the place
    participants: tuple[str, ...]  # sorted
    actor: tuple[str, ...]
    recipient: tuple[str, ...]
    span: Span  # the evidence sentence
    trigger: Span
    confidence: float
    reason: str

    def __init__(
        self,
        type: str,
        mode: str | None,
        date: DateValue | None,
        date_basis: DateBasis,
        location: str | None,
        participants: tuple[str, ...],
        actor: tuple[str, ...],
        recipient: tuple[str, ...],
        span: Span,
        trigger: Span,
        confidence: float,
        reason: str,
    ) -> None:
        self.type = type
        self.mode = mode
        self.date = date
        self.date_basis = date_basis
        self.location = location
        self.participants = participants
        self.actor = actor
        self.recipient = recipient
        self.span = span
        self.trigger = trigger
        self.confidence = confidence
        self.reason = reason

    @property
    def key(self) -> str:
        """``DATE|participants|TYPE``, the seed gold's ``event_key``."""
        return event_key(self.date.value if self.date else None, self.participants, self.type)

    def __reduce__(self) -> tuple[Any, ...]:
        return by_constructor(self)


def event_key(day: str | None, participants: tuple[str, ...], type_: str) -> str:
    """``DATE|participants|TYPE``: the date (``unknown`` when none), the sorted participant ids
    joined by ``+``, the PLOVER type; the seed gold's ``event_key``."""
    return f"{day or 'unknown'}|{'+'.join(participants)}|{type_}"


@dataclass(slots=True, unsafe_hash=True)
class Statement:
    """Who said what about whom: speaker, targets, stance, kind and the words themselves."""

    speaker: str
    targets: tuple[str, ...]
    stance: str  # positive, negative, neutral
    kind: str  # SUPPORT, ACCUSE, THREATEN, REQUEST, AGREE, REJECT, other
    quote: Span
    span: Span  # the sentence
    cue: Span  # the speech verb
    confidence: float
    reason: str

    def __init__(
        self,
        speaker: str,
        targets: tuple[str, ...],
        stance: str,
        kind: str,
        quote: Span,
        span: Span,
        cue: Span,
        confidence: float,
        reason: str,
    ) -> None:
        self.speaker = speaker
        self.targets = targets
        self.stance = stance
        self.kind = kind
        self.quote = quote
        self.span = span
        self.cue = cue
        self.confidence = confidence
        self.reason = reason

    def __reduce__(self) -> tuple[Any, ...]:
        return by_constructor(self)


@dataclass(slots=True, unsafe_hash=True)
class Paragraph:
    span: Span
    lang: Lang | None

    def __init__(self, span: Span, lang: Lang | None) -> None:
        self.span = span
        self.lang = lang

    def __reduce__(self) -> tuple[Any, ...]:
        return by_constructor(self)


@dataclass(slots=True)
class Document:
    """An article plus the annotations the stages add."""

    article: Article
    lang: Lang | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)
    title: str | None = None
    title_span: Span | None = None
    outlet: str | None = None  # the outlet's name: from metadata, else as written in the text
    publication: Publication = field(default_factory=Publication.none)
    dates: list[DateMention] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    # entities found in the text but absent from the knowledge base: id -> what the text says
    new_entities: dict[str, NewEntity] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    _normalized: Any = None
    _id: str | None = None
    done: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.article.text

    @property
    def normalized(self) -> NormalizedText:
        """The normalized matching view of the text under the article's language profile.

        Built on first use and kept: stages that match names or triggers share one view, and a
        run that needs none (plain extraction of dates and metadata) does not pay for it.
        """
        if self._normalized is None:
            from rasad.text.normalize import normalize

            self._normalized = normalize(self.article.text, self.lang or "en")
        return cast("NormalizedText", self._normalized)

    @property
    def id(self) -> str:
        """The article's content-derived id (:func:`rasad.ids.article_id`), computed once."""
        if self._id is None:
            from rasad.ids import article_id

            self._id = article_id(self.article.url, self.article.text)
        return self._id

    @property
    def source(self) -> str | None:
        """The article's URL when known, else the outlet's name."""
        return self.article.url or self.outlet

    def __reduce__(self) -> tuple[Any, ...]:
        return by_constructor(self)


@dataclass(frozen=True, slots=True)
class Failure:
    """An input rasad could not turn into a document: which, at what stage, and why."""

    file: str
    path: str | None
    stage: str
    code: str
    reason: str
    line: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "path": self.path,
            "line": self.line,
            "stage": self.stage,
            "code": self.code,
            "reason": self.reason,
        }

    def __reduce__(self) -> tuple[Any, ...]:
        return by_constructor(self)
