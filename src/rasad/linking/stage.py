"""The linking stage: mentions of knowledge-base entities, with links, scores and reasons."""

from __future__ import annotations

from typing import ClassVar

from rasad.document import Document
from rasad.kb.loader import KnowledgeBase
from rasad.linking.linker import Linker


class LinkStage:
    """Finds names and title phrases in the normalized view and links them to entities."""

    name: ClassVar[str] = "link"
    requires: ClassVar[tuple[str, ...]] = ("lang", "normalized", "publication")
    provides: ClassVar[tuple[str, ...]] = ("links",)

    def __init__(self, kb: KnowledgeBase, linker: Linker | None = None) -> None:
        self.kb = kb
        self.linker = linker or Linker(kb)

    def __call__(self, doc: Document) -> None:
        doc.links = self.linker.link(doc)
