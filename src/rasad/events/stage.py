"""The events stage: events and statements from triggers, speech verbs and linked mentions."""

from __future__ import annotations

from typing import ClassVar

from rasad.document import Document
from rasad.events.extract import EventExtractor
from rasad.events.mentions import actors
from rasad.events.statements import StatementExtractor
from rasad.kb.loader import KnowledgeBase


class EventsStage:
    """PLOVER events (:mod:`rasad.events.extract`) and statements (:mod:`.statements`)."""

    name: ClassVar[str] = "events"
    requires: ClassVar[tuple[str, ...]] = ("lang", "sentences", "dates", "links")
    provides: ClassVar[tuple[str, ...]] = ("events", "statements")

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.events = EventExtractor(kb)
        self.statements = StatementExtractor(kb)

    def __call__(self, doc: Document) -> None:
        people = actors(doc, self.kb)  # both read the same mentions
        doc.events = self.events(doc, people)
        doc.statements = self.statements(doc, people)
