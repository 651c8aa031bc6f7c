from __future__ import annotations

import os
from typing import ClassVar

import pytest

from rasad.batch import analyse
from rasad.document import Article, Document, Failure
from rasad.errors import RasadError
from rasad.ingest import ReadFailure
from rasad.pipeline import Pipeline, default_pipeline
from rasad.text.stage import TextStage


class Needs:
    name: ClassVar[str] = "needs"
    requires: ClassVar[tuple[str, ...]] = ("publication",)
    provides: ClassVar[tuple[str, ...]] = ()

    def __call__(self, doc: Document) -> None:
        pass


class Explodes:
    name: ClassVar[str] = "explodes"
    requires: ClassVar[tuple[str, ...]] = ("lang",)
    provides: ClassVar[tuple[str, ...]] = ()

    def __call__(self, doc: Document) -> None:
        if "boom" in doc.text:
            raise ZeroDivisionError("division by zero")


def test_chain_is_checked_at_construction():
    with pytest.raises(RasadError, match=r"E040.*needs.*publication"):
        Pipeline([TextStage(), Needs()])


def test_default_pipeline_order():
    assert default_pipeline().names == ("text", "publication", "dates", "layout", "link", "events")


def test_a_failing_article_does_not_stop_the_batch():
    pipe = Pipeline([TextStage(), Explodes()])
    items = [
        Article("Iraq and Iran held talks in Baghdad today.", "a.txt", "text"),
        Article("boom goes this article about Iraq and Iran", "b.txt", "text"),
        ReadFailure("c.txt", "/x/c.txt", "read", "E002", "empty"),
        Article("Another article about the border.", "d.txt", "text"),
    ]
    results = list(analyse(items, pipeline=pipe))
    assert [type(r).__name__ for r in results] == ["Document", "Failure", "Failure", "Document"]
    failure = results[1]
    assert isinstance(failure, Failure)
    assert (failure.file, failure.stage, failure.code) == ("b.txt", "explodes", "E999")
    assert "ZeroDivisionError" in failure.reason


def test_parallel_analysis_keeps_input_order():
    items = [
        Article(f"Article {i} about Iraq and Iran, talks in Baghdad.", f"{i}.txt", "text")
        for i in range(50)
    ]
    one = [r.article.file for r in analyse(items, jobs=1) if isinstance(r, Document)]
    two = [r.article.file for r in analyse(items, jobs=2) if isinstance(r, Document)]
    assert one == two == [f"{i}.txt" for i in range(50)]


_PARENT = os.getpid()


def _unreadable() -> object:
    raise RuntimeError("this value cannot be rebuilt here")


class _OneWay:
    """Travels to a worker intact; the worker's copy cannot be read back, or cannot be sent."""

    def __init__(self, refuse: bool) -> None:
        self.refuse = refuse

    def __reduce__(self) -> tuple:
        if os.getpid() == _PARENT:
            return (_OneWay, (self.refuse,))
        if self.refuse:
            raise TypeError("cannot pickle this value")
        return (_unreadable, ())


@pytest.mark.parametrize("refuse", [False, True])
def test_a_result_that_cannot_come_back_from_a_worker_is_a_failure(refuse):
    # a pool whose result cannot be pickled or unpickled would hang; here the batch goes on
    items = [
        Article(f"Article {i} about Iraq and Iran, talks in Baghdad.", f"{i}.txt", "text")
        for i in range(6)
    ]
    items[3].metadata["odd"] = _OneWay(refuse)
    results = list(analyse(items, jobs=2))
    assert [r.file if isinstance(r, Failure) else r.article.file for r in results] == [
        f"{i}.txt" for i in range(6)
    ]
    failure = results[3]
    assert isinstance(failure, Failure)
    assert (failure.stage, failure.code) == ("transfer", "E041")
    assert ("TypeError" if refuse else "RuntimeError") in failure.reason
    assert all(isinstance(r, Document) for i, r in enumerate(results) if i != 3)


def test_normalized_view_is_built_on_first_use():
    doc = Pipeline([TextStage()])(
        Article("گفت‌وگوی تلفنی وزیران خارجه ایران و عراق", "x.txt", "text")
    )
    assert doc._normalized is None  # no stage that matches names ran
    assert doc.normalized.text.startswith("گفتوگوی تلفنی")
    assert doc.normalized is doc.normalized


def test_parallel_process_reads_in_workers_and_keeps_order(tmp_path):
    import io

    from rasad.batch import process
    from rasad.cli.main import SAMPLES

    (tmp_path / "bad.txt").write_bytes(b"")
    inputs = [str(SAMPLES), str(tmp_path / "bad.txt"), "-", str(tmp_path / "missing.txt")]

    def run(jobs: int) -> list[tuple]:
        stdin = io.BytesIO("گفت‌وگوی تلفنی وزیران خارجه ایران و عراق درباره مرزها".encode())
        out = []
        for r in process(inputs, stdin=stdin, jobs=jobs):
            if isinstance(r, Failure):
                out.append(("failure", r.file, r.code))
            else:
                out.append((r.article.file, r.lang, r.publication.date, r.title, len(r.dates)))
        return out

    one, two = run(1), run(2)
    assert one == two
    assert ("failure", "bad.txt", "E002") in one and ("failure", "missing.txt", "E001") in one
    assert len(one) == 12 + 1 + 1 + 1
