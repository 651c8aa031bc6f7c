"""Running the pipeline over many inputs: one bad article never stops a batch.

:func:`process` turns inputs into documents or failures, in order, in this process or in a pool
of worker processes (``jobs``). Articles are analysed :data:`BATCH_SIZE` at a time, stage by
stage (:meth:`~rasad.pipeline.Pipeline.run_batch`), after the batch's files have been read.
:func:`ingest` writes the results to a store in transactional batches.
"""

from __future__ import annotations

import multiprocessing as mp
import pickle
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from itertools import islice
from typing import Any, BinaryIO, TypeVar

from rasad.document import Article, Document, Failure
from rasad.errors import Code
from rasad.ingest import ReadFailure, read_inputs
from rasad.ingest.reader import read_source
from rasad.ingest.sources import Source, expand_inputs
from rasad.pipeline import Pipeline, StageFailure, default_pipeline
from rasad.store.base import Store, WriteResult

Result = Document | Failure
T = TypeVar("T")
Render = Callable[[Document], Any]  # what a document becomes before it leaves its worker
BATCH_SIZE = 128  # articles analysed together, stage by stage
FILES_PER_TASK = 16  # files a worker reads and analyses as one task (``process``, jobs > 1)
ARTICLES_PER_TASK = 32  # articles a worker analyses as one task (``analyse``, jobs > 1)
# a result on its way from a worker: its file, its path and the pickled result
Packed = tuple[str, str | None, bytes]

_worker_pipeline: Pipeline | None = None


def _as_failure(item: ReadFailure) -> Failure:
    return Failure(item.file, item.path, item.stage, item.code, item.reason, item.line)


def run_one(pipeline: Pipeline, article: Article) -> Result:
    """One article's document, or its failure: :func:`run_batch` of a batch of one."""
    return run_batch(pipeline, [article])[0]


def _batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """``items`` in consecutive lists of ``size`` (the last may be shorter), taken lazily."""
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def run_batch(pipeline: Pipeline, items: Sequence[Article | ReadFailure]) -> list[Result]:
    """The result of each item, in order: read failures as they are, articles analysed
    together (:meth:`Pipeline.run_batch`), a stage's failure on one of them as its failure."""
    articles = [x for x in items if not isinstance(x, ReadFailure)]
    analysed = iter(pipeline.run_batch(articles))
    out: list[Result] = []
    for item in items:
        if isinstance(item, ReadFailure):
            out.append(_as_failure(item))
            continue
        r = next(analysed)
        if isinstance(r, StageFailure):
            out.append(Failure(item.file, item.path, r.stage, r.code, r.reason))
        else:
            out.append(r)
    return out


def _init_worker() -> None:
    global _worker_pipeline
    _worker_pipeline = default_pipeline()


def _transfer_failure(file: str, path: str | None, e: Exception) -> Failure:
    detail = f"{type(e).__name__}: {e}"
    return Failure(
        file, path, "transfer", "E041", Code.E041.message(path=path or file, detail=detail)
    )


def _rendered(result: Result, render: Render | None) -> Any:
    """``render(result)`` for a document (``result`` itself without ``render``); a failure of
    stage ``record`` when ``render`` raises, so that one article's record never stops a run."""
    if render is None or isinstance(result, Failure):
        return result
    try:
        return render(result)
    except Exception as e:  # a bug or unforeseen input: recorded, never swallowed
        art = result.article
        return Failure(art.file, art.path, "record", "E999", f"{type(e).__name__}: {e}")


def _pack(result: Result, render: Render | None) -> Packed:
    """In a worker: ``result`` rendered and pickled here, so that one that cannot be either
    becomes a failure.

    A pool whose result cannot be pickled or unpickled hangs (its result thread dies), so the
    pool only ever carries bytes, and each side catches its own half of the transfer.
    """
    source = result if isinstance(result, Failure) else result.article
    file, path = source.file, source.path
    try:
        return (file, path, pickle.dumps(_rendered(result, render), pickle.HIGHEST_PROTOCOL))
    except Exception as e:
        failure = _transfer_failure(file, path, e)
        return (file, path, pickle.dumps(failure, protocol=pickle.HIGHEST_PROTOCOL))


def _unpack(packed: Packed, render: Render | None) -> Any:
    """In the parent: the result a worker packed, or a failure when it cannot be read back."""
    file, path, blob = packed
    try:
        result = pickle.loads(blob)
    except Exception as e:
        return _transfer_failure(file, path, e)
    if render is None and not isinstance(result, Document | Failure):
        return _transfer_failure(file, path, TypeError(f"got {type(result).__name__}"))
    return result


def _work_items(items: list[Article | ReadFailure]) -> list[Packed]:
    """In a worker: a batch of articles analysed, each document packed as it is."""
    assert _worker_pipeline is not None
    return [_pack(r, None) for r in run_batch(_worker_pipeline, items)]


def _work_tasks(tasks: list[Source | Article | ReadFailure], render: Render | None) -> list[Packed]:
    """In a worker: read files (decoding, HTML extraction), then analyse their articles in
    batches."""
    assert _worker_pipeline is not None
    items = (
        item
        for task in tasks
        for item in (read_source(task) if isinstance(task, Source) else (task,))
    )
    return [
        _pack(r, render)
        for batch in _batches(items, BATCH_SIZE)
        for r in run_batch(_worker_pipeline, batch)
    ]


def _tasks(
    inputs: Sequence[str], stdin: BinaryIO | None
) -> Iterator[Source | Article | ReadFailure]:
    """Files go to the workers whole; standard input and URLs are read here, once."""
    for source in expand_inputs(inputs):
        if isinstance(source, ReadFailure) or source.kind == "file":
            yield source
        else:
            yield from read_source(source, stdin=stdin)


def _pool(jobs: int) -> Any:
    ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
    return ctx.Pool(jobs, initializer=_init_worker)


def analyse(
    items: Iterable[Article | ReadFailure], *, jobs: int = 1, pipeline: Pipeline | None = None
) -> Iterator[Result]:
    """Documents and failures for ``items``, in input order, :data:`BATCH_SIZE` at a time.

    ``items`` is read lazily, a batch ahead of the results given.
    """
    if jobs <= 1:
        pipe = pipeline or default_pipeline()
        for batch in _batches(items, BATCH_SIZE):
            yield from run_batch(pipe, batch)
        return
    with _pool(jobs) as pool:
        for packed in pool.imap(_work_items, _batches(items, ARTICLES_PER_TASK)):
            for one in packed:
                yield _unpack(one, None)


def process(
    inputs: Sequence[str], *, stdin: BinaryIO | None = None, jobs: int = 1
) -> Iterator[Result]:
    """Read ``inputs`` (files, directories, globs, ``-``, feed URLs) and analyse each article.

    With ``jobs`` > 1, files are read *and* analysed in worker processes (reading an HTML page
    costs more than analysing it), :data:`FILES_PER_TASK` files to a task; results come back in
    input order.
    """
    return _process(inputs, stdin, jobs, None)


def process_rendered(
    inputs: Sequence[str],
    render: Callable[[Document], T],
    *,
    stdin: BinaryIO | None = None,
    jobs: int = 1,
) -> Iterator[T | Failure]:
    """:func:`process`, each document passed through ``render`` where it was analysed: with
    ``jobs`` > 1, in its worker, so that only what ``render`` returns (``rasad extract``'s
    record bytes) travels back instead of the pickled document. ``render`` must be a
    module-level function (workers receive it pickled). When it raises, the article becomes a
    failure of stage ``record`` and the run goes on."""
    return _process(inputs, stdin, jobs, render)


def _process(
    inputs: Sequence[str], stdin: BinaryIO | None, jobs: int, render: Render | None
) -> Iterator[Any]:
    if jobs <= 1:
        for result in analyse(read_inputs(inputs, stdin=stdin)):
            yield _rendered(result, render)
        return
    work = partial(_work_tasks, render=render)
    with _pool(jobs) as pool:
        for results in pool.imap(work, _batches(_tasks(inputs, stdin), FILES_PER_TASK)):
            for packed in results:
                yield _unpack(packed, render)


@dataclass
class IngestSummary:
    run_id: int
    stored: int = 0
    unchanged: int = 0
    failures: list[Failure] = field(default_factory=list)
    stories: int | None = None  # stories in the store after the run, when it stored anything

    @property
    def totals(self) -> WriteResult:
        return WriteResult(self.stored, self.unchanged, len(self.failures))


def ingest(
    results: Iterable[Result],
    store: Store,
    *,
    command: str = "ingest",
    batch_size: int = 500,
    on_result: Callable[[Result], None] | None = None,
) -> IngestSummary:
    """Write documents and failures to ``store``, ``batch_size`` articles per transaction."""
    summary = IngestSummary(store.start_run(command))
    docs: list[Document] = []
    fails: list[Failure] = []

    def flush() -> None:
        written = store.write(docs, fails, summary.run_id)
        summary.stored += written.stored
        summary.unchanged += written.unchanged
        summary.failures.extend(fails)
        summary.failures.extend(written.rejected)
        docs.clear()
        fails.clear()

    for result in results:
        if isinstance(result, Failure):
            fails.append(result)
        else:
            docs.append(result)
        if on_result is not None:
            on_result(result)
        if len(docs) + len(fails) >= batch_size:
            flush()
    flush()
    if summary.stored:
        summary.stories = store.refresh_stories()
    store.finish_run(summary.run_id, summary.totals)
    return summary
