"""The pipeline: an ordered list of named stages over one :class:`~rasad.document.Document`.

Each stage declares the annotations it ``requires`` and ``provides``; :class:`Pipeline` checks
the chain when it is built, so a misordered pipeline fails at start-up, not on the ten-thousandth
article. A stage is a pure function of the document plus read-only resources: the same pipeline
runs in one process, in a process pool or on a Dask cluster.

An exception inside a stage becomes a :class:`StageFailure` naming the stage, so a caller can
record it and go on with the next article.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, Protocol

from rasad.document import Article, Document
from rasad.errors import Code, RasadError

if TYPE_CHECKING:
    from rasad.kb.loader import KnowledgeBase


class Stage(Protocol):
    name: ClassVar[str]
    requires: ClassVar[tuple[str, ...]]
    provides: ClassVar[tuple[str, ...]]

    def __call__(self, doc: Document) -> None: ...


@dataclass(frozen=True)
class StageFailure(Exception):
    """A stage raised on one article."""

    stage: str
    code: str
    reason: str

    def __str__(self) -> str:
        return f"{self.stage}: {self.reason}"


class Pipeline:
    """Stages in order, checked at construction."""

    def __init__(self, stages: Sequence[Stage]) -> None:
        available = {"article"}
        for stage in stages:
            missing = set(stage.requires) - available
            if missing:
                raise RasadError(
                    Code.E040,
                    detail=f"stage {stage.name!r} requires {sorted(missing)}, "
                    f"which no earlier stage provides",
                )
            available.update(stage.provides)
        self.stages = tuple(stages)
        self.provides = frozenset(available)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(s.name for s in self.stages)

    def __call__(self, article: Article) -> Document:
        doc = Document(article)
        for stage in self.stages:
            _run(stage, doc)
        return doc

    def run_batch(self, articles: Sequence[Article]) -> list[Document | StageFailure]:
        """For each article, what calling the pipeline on it gives: its document, or the failure
        that stopped it (returned, not raised), in order.

        The work is done stage by stage over the whole batch, and once a stage has set the
        language, one language's documents after another (in input order within each): a
        stage's code and data (a language's automata, lexicons and aliases) then stay in the
        processor's caches from one document to the next instead of being pushed out by every
        other stage's. A stage's result depends only on its document, so the order changes
        nothing but the speed (docs/benchmarks.md, "Batches").
        """
        docs = [Document(a) for a in articles]
        out: list[Document | StageFailure] = list(docs)
        going = list(range(len(docs)))
        by_lang = False
        for stage in self.stages:
            failed = False
            for i in going:
                try:
                    _run(stage, docs[i])
                except StageFailure as e:
                    # kept without its traceback and cause, whose frames lead back to ``out``
                    out[i] = StageFailure(e.stage, e.code, e.reason)
                    failed = True
            if failed:
                going = [i for i in going if out[i] is docs[i]]
            if not by_lang and "lang" in stage.provides:
                going.sort(key=lambda i: docs[i].lang or "")
                by_lang = True
        return out


def _run(stage: Stage, doc: Document) -> None:
    """One stage on one document; what it raises becomes a :class:`StageFailure`."""
    try:
        stage(doc)
    except RasadError as e:
        raise StageFailure(stage.name, e.code.name, str(e)) from e
    except Exception as e:  # a bug or unforeseen input: recorded, never swallowed
        raise StageFailure(stage.name, "E999", f"{type(e).__name__}: {e}") from e
    doc.done.append(stage.name)


def default_pipeline(kb: KnowledgeBase | None = None) -> Pipeline:
    """The stages this version of rasad runs, in order; ``kb`` defaults to the shipped one."""
    from rasad.dates.stage import DatesStage, PublicationStage
    from rasad.events.stage import EventsStage
    from rasad.kb.loader import default_kb
    from rasad.linking.stage import LinkStage
    from rasad.text.stage import LayoutStage, TextStage

    kb = kb or default_kb()
    return Pipeline(
        [
            TextStage(),
            PublicationStage(),
            DatesStage(),
            LayoutStage(),
            LinkStage(kb),
            EventsStage(kb),
        ]
    )
