from __future__ import annotations

import os
from typing import ClassVar

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasad.batch import analyse
from rasad.document import Article, Document, Failure
from rasad.errors import Code, RasadError
from rasad.ingest import ReadFailure
from rasad.pipeline import Pipeline, StageFailure, default_pipeline
from rasad.text.stage import TextStage
from tests.conftest import REPO


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


class _Tagger:
    """Sets the language from the text's first word and logs the order it saw documents in."""

    name: ClassVar[str] = "tag"
    requires: ClassVar[tuple[str, ...]] = ()
    provides: ClassVar[tuple[str, ...]] = ("lang",)

    def __init__(self, log: list[tuple[str, str]]) -> None:
        self.log = log

    def __call__(self, doc: Document) -> None:
        self.log.append((self.name, doc.article.file))
        first = doc.article.text.split()[0]
        if first == "raise":
            raise RasadError(Code.E040, detail="refused")
        doc.lang = first if first in ("fa", "ar", "en") else None


class _Counter:
    """Appends to the document's ``done`` trail through its log; fails on ``boom``."""

    name: ClassVar[str] = "count"
    requires: ClassVar[tuple[str, ...]] = ("lang",)
    provides: ClassVar[tuple[str, ...]] = ()

    def __init__(self, log: list[tuple[str, str]]) -> None:
        self.log = log

    def __call__(self, doc: Document) -> None:
        self.log.append((self.name, doc.article.file))
        if "boom" in doc.article.text:
            raise ZeroDivisionError("division by zero")


_WORDS = st.sampled_from(["fa", "ar", "en", "xx", "raise"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_WORDS, st.booleans()), max_size=20))
def test_a_batch_gives_what_each_article_alone_gives(spec):
    articles = [
        Article(f"{w} text {'boom' if boom else 'calm'}", f"{i}.txt", "text")
        for i, (w, boom) in enumerate(spec)
    ]
    log: list[tuple[str, str]] = []
    pipe = Pipeline([_Tagger(log), _Counter(log)])
    got = pipe.run_batch(articles)
    seen = list(log)  # what the batch did; the documents analysed alone below log too
    assert len(got) == len(articles)
    for a, r in zip(articles, got, strict=True):
        try:
            alone: Document | StageFailure = pipe(a)
        except StageFailure as e:
            alone = e
        if isinstance(alone, StageFailure):
            assert r == alone
        else:
            assert isinstance(r, Document)
            assert (r.article, r.lang, r.done) == (a, alone.lang, alone.done)
    # stage by stage: every document through the first stage in input order, then those still
    # going through the second, one language after another, in input order within each
    lang = {
        a.file: w if w in ("fa", "ar", "en") else ""
        for a, (w, _) in zip(articles, spec, strict=True)
    }
    going = [a.file for a, (w, _) in zip(articles, spec, strict=True) if w != "raise"]
    assert seen == [("tag", a.file) for a in articles] + [
        ("count", f) for f in sorted(going, key=lang.__getitem__)
    ]


def test_the_real_pipeline_gives_the_same_records_in_a_batch():
    from rasad.cli.main import SAMPLES
    from rasad.export.record import record_bytes
    from rasad.ingest import read_inputs

    articles = [a for a in read_inputs([str(SAMPLES)]) if isinstance(a, Article)]
    assert len(articles) == 12
    pipe = default_pipeline()
    alone = [record_bytes(pipe(a)) for a in articles]
    together = pipe.run_batch(articles)
    assert [record_bytes(d) for d in together if isinstance(d, Document)] == alone
    assert {d.lang for d in together if isinstance(d, Document)} == {"fa", "ar", "en"}


def test_analysis_reads_one_batch_ahead():
    from rasad.batch import BATCH_SIZE

    taken = 0

    def items():
        nonlocal taken
        for i in range(3 * BATCH_SIZE):
            taken += 1
            yield Article(f"Article {i} about Iraq and Iran.", f"{i}.txt", "text")

    results = analyse(items(), pipeline=Pipeline([TextStage()]))
    next(results)
    assert taken == BATCH_SIZE
    assert len(list(results)) == 3 * BATCH_SIZE - 1


def test_analysis_leaves_no_reference_cycles():
    # `rasad extract` and `ingest` let the cyclic collector run rarely (cli._settling): what
    # reading and analysis allocate must be freed by reference counting alone
    import gc

    from rasad.cli.main import SAMPLES
    from rasad.export.record import record_bytes
    from rasad.ingest import read_inputs

    inputs = [str(SAMPLES), str(REPO / "eval" / "dev" / "texts")]
    pipe = default_pipeline()  # built once: a pipeline's own parts may refer to each other
    for r in analyse(read_inputs(inputs), pipeline=pipe):  # first use builds automata, caches
        if isinstance(r, Document):
            record_bytes(r)
    gc.collect()
    gc.disable()
    try:
        n = 0
        for r in analyse(read_inputs(inputs), pipeline=pipe):
            if isinstance(r, Document):
                record_bytes(r)
                n += 1
        assert n > 40
        gc.set_debug(gc.DEBUG_SAVEALL)
        found = gc.collect()
        kinds = sorted({type(o).__name__ for o in gc.garbage})
        assert found == 0, f"{found} objects in reference cycles: {kinds[:10]}"
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()


def test_a_failure_in_a_batch_leaves_no_reference_cycles():
    import gc

    pipe = Pipeline([TextStage(), Explodes()])
    articles = [
        Article(f"boom {i} in an article about Iraq and Iran", "b.txt", "text") for i in range(3)
    ]
    gc.collect()
    gc.disable()
    try:
        results = pipe.run_batch(articles)
        assert [type(r) for r in results] == [StageFailure] * 3
        del results
        assert gc.collect() == 0
    finally:
        gc.enable()


def _title_or_raise(doc: Document) -> str:
    """A render for the tests below: fails on one sample article."""
    if "cancelled" in doc.article.file:
        raise ValueError("no record for this one")
    return f"{doc.article.file}|{doc.lang}|{len(doc.events)}"


@pytest.mark.parametrize("jobs", [1, 2])
def test_rendered_results_are_the_rendered_documents_in_order(tmp_path, jobs):
    from rasad.batch import process, process_rendered
    from rasad.cli.main import SAMPLES
    from rasad.export.record import record_bytes

    (tmp_path / "empty.txt").write_bytes(b"")
    inputs = [str(SAMPLES), str(tmp_path / "empty.txt")]
    expected = [r if isinstance(r, Failure) else record_bytes(r) for r in process(inputs)]
    got = list(process_rendered(inputs, record_bytes, jobs=jobs))
    assert got == expected
    assert sum(isinstance(r, bytes) for r in got) == 12 and isinstance(got[-1], Failure)


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_article_whose_record_fails_is_a_failure_and_the_run_goes_on(jobs):
    from rasad.batch import process_rendered
    from rasad.cli.main import SAMPLES

    got = list(process_rendered([str(SAMPLES)], _title_or_raise, jobs=jobs))
    failed = [r for r in got if isinstance(r, Failure)]
    assert len(got) == 12 and len(failed) == 1
    assert "cancelled" in failed[0].file
    assert (failed[0].stage, failed[0].code) == ("record", "E999")
    assert "ValueError: no record for this one" in failed[0].reason
    assert all(isinstance(r, str) and r.count("|") == 2 for r in got if r not in failed)
