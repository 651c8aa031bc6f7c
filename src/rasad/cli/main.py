"""``rasad`` commands. Each parses its options and calls a library function.

Exit status: 0 when every input was processed, 1 when some inputs failed (each recorded, the
rest processed), 2 on a usage, data or database error.
"""

from __future__ import annotations

import gc
import json
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, TextIO, TypeVar

import click

from rasad import __version__, build
from rasad.batch import analyse, ingest, process, process_rendered
from rasad.document import Failure
from rasad.errors import RasadError
from rasad.export.record import article_record, record_bytes
from rasad.store import DEFAULT_URL, open_store

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "articles"

db_option = click.option(
    "--db",
    "db_url",
    default=DEFAULT_URL,
    show_default=True,
    envvar="RASAD_DB",
    help="Database URL: sqlite:///path.db or postgresql://user@host/db (env RASAD_DB).",
)
jobs_option = click.option(
    "--jobs",
    "-j",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Worker processes.",
)
samples_option = click.option(
    "--samples", is_flag=True, help="Read the sample articles bundled with rasad."
)


def _inputs(paths: tuple[str, ...], samples: bool) -> list[str]:
    inputs = list(paths)
    if samples:
        inputs.append(str(SAMPLES))
    if not inputs:
        raise click.UsageError(
            "give at least one PATH (file, directory, glob, URL or -), or --samples"
        )
    return inputs


R = TypeVar("R")
SETTLE_AT = (1, 200)  # results after which what the run has built is frozen (``_settling``)
YOUNG_LIMIT = 50_000  # the collector's first threshold during a run (Python's default: 700)


def _settling(results: Iterable[R]) -> Iterator[R]:
    """``results`` unchanged, with the garbage collector set for a long run.

    After the first and the 200th result, what exists then (the pipeline, then what the first
    articles built on first use: automata, grammars, caches) is taken out of the collector's
    full passes (``gc.freeze``), which would otherwise walk all of it again every few hundred
    articles. And the collector looks at new objects every 50,000 net allocations instead of
    700: the analysis makes no reference cycles (a test checks it), so what it allocates is
    freed by reference counting, and with a batch of documents alive the frequent young-object
    passes only walked live objects (1 s of 19 over the 10,000-article benchmark corpus; after:
    0.1 s). Set before the first result is asked for, so worker processes inherit it.
    """
    before = gc.get_threshold()
    gc.set_threshold(YOUNG_LIMIT, *before[1:])
    try:
        for n, result in enumerate(results, 1):
            yield result
            if n in SETTLE_AT:
                gc.collect()
                gc.freeze()
    finally:
        gc.set_threshold(*before)


def _progress(results: Iterable[R], label: str) -> Iterator[R]:
    """Results with a progress bar on stderr when it is a terminal; unchanged otherwise."""
    results = _settling(results)
    if not sys.stderr.isatty():
        yield from results
        return
    import shutil

    from tqdm import tqdm

    size = shutil.get_terminal_size()  # a new pseudo-terminal reports 0 x 0: then 80 x 24
    with tqdm(
        desc=label,
        unit=" articles",
        file=sys.stderr,
        ncols=size.columns or 80,
        nrows=size.lines or 24,
    ) as bar:
        for r in results:
            bar.update(1)
            yield r


def _summary(kind: str, counts: dict[str, Any], failures: list[Failure], err: TextIO) -> None:
    by = Counter(f"{f.stage}/{f.code}" for f in failures)
    if err.isatty():
        parts = ", ".join(f"{n} {k}" for k, n in counts.items())
        click.echo(f"rasad {kind}: {parts}, {len(failures)} failed", err=True)
        for key, n in by.most_common():
            click.echo(f"  {n:6d}  {key}", err=True)
        for f in failures[:20]:
            where = f"{f.file}:{f.line}" if f.line else f.file
            click.echo(f"  failed {where} [{f.stage} {f.code}] {f.reason}", err=True)
        if len(failures) > 20:
            click.echo(f"  ... and {len(failures) - 20} more (rasad failures)", err=True)
    else:
        line = {"summary": kind, **counts, "failed": len(failures), "failures_by": dict(by)}
        click.echo(json.dumps(line, ensure_ascii=False), err=True)


@click.group()
@click.version_option(
    __version__, prog_name="rasad", message=f"%(prog)s %(version)s, {build.describe()}"
)
def cli() -> None:
    """rasad: political news in Persian, Arabic and English as a dated, sourced knowledge graph."""


@cli.command()
@click.argument("paths", nargs=-1)
@samples_option
@jobs_option
def extract(paths: tuple[str, ...], samples: bool, jobs: int) -> None:
    """Analyse articles and print one JSON object per article (JSON Lines), without a store.

    PATHS are files, directories (read recursively), globs, feed URLs, or - for stdin.
    Failures go to stderr; the exit status is 1 when any input failed.
    """
    inputs = _inputs(paths, samples)
    failures: list[Failure] = []
    sys.stdout.flush()
    buffer: BinaryIO | None = getattr(sys.stdout, "buffer", None)
    # the records are UTF-8 bytes already: written as they are, unless stdout takes only text
    write = buffer.write if buffer is not None else lambda line: sys.stdout.write(line.decode())
    n = 0
    stdin = sys.stdin.buffer if "-" in inputs else None
    # each record is built where its article was analysed (in a worker with --jobs)
    records = process_rendered(inputs, record_bytes, stdin=stdin, jobs=jobs)
    for result in _progress(records, "extract"):
        if isinstance(result, Failure):
            failures.append(result)
            if not sys.stderr.isatty():
                click.echo(json.dumps({"failure": result.to_json()}, ensure_ascii=False), err=True)
            continue
        write(result)
        n += 1
    sys.stdout.flush()
    if buffer is not None:
        buffer.flush()
    _summary("extract", {"articles": n}, failures, sys.stderr)
    sys.exit(1 if failures else 0)


@cli.command("eval")
@click.option(
    "--gold",
    "gold_paths",
    multiple=True,
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Gold JSON Lines in the seed schema (repeatable).",
)
@click.option(
    "--texts",
    required=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Directory holding the articles the gold describes.",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.option(
    "--baseline",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Floors file (eval/baseline.json): exit 1 when a score falls below its floor.",
)
@click.option("--name", default=None, help="The set's name in the floors file [texts dir name].")
@click.option("--update-baseline", is_flag=True, help="Raise the floors to the current scores.")
@click.option("--allow-lower", is_flag=True, help="Let --update-baseline lower a floor.")
@jobs_option
def eval_cmd(
    gold_paths: tuple[Path, ...],
    texts: Path,
    as_json: bool,
    baseline: Path | None,
    name: str | None,
    update_baseline: bool,
    allow_lower: bool,
    jobs: int,
) -> None:
    """Score rasad against gold files, per language (docs/evaluation.md)."""
    from rasad.evaluate import floors_below, fuse_in_store, load_gold, raise_floors, score, table

    try:
        gold = load_gold(gold_paths)
    except RasadError as e:
        raise click.ClickException(str(e)) from e
    files = sorted(str(texts / f) for f in gold if (texts / f).is_file())
    pred: dict[str, Any] = {}
    docs = []
    for result in process(files, jobs=jobs):
        if not isinstance(result, Failure):
            record = article_record(result)
            pred[record["file"]] = record
            docs.append(result)
    fused = any(
        "story_ids" in g or any("fusion" in e for e in g.get("events", [])) for g in gold.values()
    )
    scores = score(gold, pred, fuse_in_store(docs) if fused else None)
    if as_json:
        click.echo(json.dumps(scores, ensure_ascii=False, indent=1))
    else:
        click.echo(table(scores))
    if baseline is None:
        return
    key = name or texts.name
    floors = json.loads(baseline.read_text(encoding="utf-8")) if baseline.exists() else {}
    if update_baseline:
        try:
            floors[key] = raise_floors(floors.get(key, {}), scores, allow_lower=allow_lower)
        except RasadError as e:
            raise click.ClickException(str(e)) from e
        baseline.write_text(json.dumps(floors, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        click.echo(f"floors for {key!r} written to {baseline}", err=True)
        return
    below = floors_below(scores, floors.get(key, {}))
    for line in below:
        click.echo(f"below floor: {line}", err=True)
    sys.exit(1 if below else 0)


@cli.command("ingest")
@click.argument("paths", nargs=-1)
@samples_option
@db_option
@jobs_option
@click.option("--batch-size", default=500, show_default=True, type=click.IntRange(1, 100_000))
def ingest_cmd(
    paths: tuple[str, ...], samples: bool, db_url: str, jobs: int, batch_size: int
) -> None:
    """Analyse articles and store them; re-ingesting an article adds nothing."""
    inputs = _inputs(paths, samples)
    store = open_store(db_url)
    try:
        stdin = sys.stdin.buffer if "-" in inputs else None
        results = _progress(process(inputs, stdin=stdin, jobs=jobs), "ingest")
        summary = ingest(results, store, batch_size=batch_size)
    finally:
        store.close()
    counts: dict[str, Any] = {"stored": summary.stored, "unchanged": summary.unchanged}
    if summary.stories is not None:
        counts["stories"] = summary.stories
    counts["db"] = db_url
    _summary("ingest", counts, summary.failures, sys.stderr)
    sys.exit(1 if summary.failures else 0)


@cli.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def stats(db_url: str, as_json: bool) -> None:
    """Counts of what the store holds: articles by language, format, date basis; failures."""
    store = open_store(db_url)
    try:
        data = store.stats()
    finally:
        store.close()
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    for key, value in data.items():
        if isinstance(value, dict):
            click.echo(f"{key}:")
            for k, n in value.items():
                click.echo(f"  {k:<12} {n}")
        else:
            click.echo(f"{key}: {value}")


@cli.group()
def export() -> None:
    """Write what the store holds across articles as JSON Lines."""


@export.command("events")
@db_option
def export_events(db_url: str) -> None:
    """Fused events: one per real-world event, with every article that reports it."""
    _export(db_url, "fused_events")


@export.command("stories")
@db_option
def export_stories(db_url: str) -> None:
    """Stories: the articles, in any language, that report one story, and their events."""
    _export(db_url, "stories")


def _export(db_url: str, what: str) -> None:
    store = open_store(db_url)
    try:
        for record in getattr(store, what)():
            click.echo(json.dumps(record, ensure_ascii=False, default=str))
    finally:
        store.close()


@cli.command()
@db_option
@click.option("--run", "run_id", type=int, default=None, help="Only this run's failures.")
def failures(db_url: str, run_id: int | None) -> None:
    """Print recorded failures as JSON Lines (file, path, line, stage, code, reason)."""
    store = open_store(db_url)
    try:
        for row in store.failures(run_id):
            row["created_at"] = row["created_at"].isoformat() if row.get("created_at") else None
            click.echo(json.dumps(row, ensure_ascii=False))
    finally:
        store.close()


@cli.command()
@click.argument("feeds", nargs=-1, required=True)
@db_option
@click.option("--interval", default=300.0, show_default=True, help="Seconds between polls.")
@click.option("--max-polls", type=int, default=None, help="Stop after this many polls.")
@click.option(
    "--state",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="JSON file remembering seen items across restarts.",
)
def watch(
    feeds: tuple[str, ...], db_url: str, interval: float, max_polls: int | None, state: Path | None
) -> None:
    """Poll RSS/Atom FEEDS (URLs or files) and ingest new items as they appear."""
    from rasad.ingest import Watcher

    store = open_store(db_url)
    watcher = Watcher(list(feeds), state_path=state)
    failed = 0

    def sink(items: list[Any]) -> None:
        nonlocal failed
        summary = ingest(analyse(items), store, command="watch")
        failed += len(summary.failures)
        counts = {"stored": summary.stored, "unchanged": summary.unchanged}
        _summary("watch", counts, summary.failures, sys.stderr)

    try:
        watcher.run(sink, interval=interval, max_polls=max_polls)
    except KeyboardInterrupt:
        pass
    finally:
        store.close()
    sys.exit(1 if failed else 0)


@cli.group()
def kb() -> None:
    """The knowledge base: validate it, import entities from Wikidata or CAMEO dictionaries."""


kb_option = click.option(
    "--kb",
    "kb_path",
    type=click.Path(path_type=Path),
    default=None,
    envvar="RASAD_KB",
    help="Knowledge-base directory or file (default: the shipped data/kb; env RASAD_KB).",
)


@kb.command("validate")
@kb_option
def kb_validate(kb_path: Path | None) -> None:
    """Load and check every knowledge-base file; print counts, exit 2 on the first error."""
    from rasad.kb.loader import load_kb

    data = load_kb(kb_path, use_cache=False)
    types = Counter(e.type for e in data.entities.values())
    roles = sum(len(e.roles) for e in data.entities.values())
    click.echo(
        json.dumps(
            {
                "entities": len(data.entities),
                "by_type": dict(sorted(types.items())),
                "offices": len(data.offices),
                "roles": roles,
                "unverified": sum(not e.verified for e in data.entities.values()),
            },
            ensure_ascii=False,
        )
    )


def _import_report(report: Any) -> None:
    """Counts on stdout; the first problems, each naming its line, on stderr."""
    click.echo(json.dumps({"entities": report.entities, "skipped": report.skipped}))
    for problem in report.problems[:20]:
        click.echo(f"  {problem}", err=True)


@kb.command("import-wikidata")
@click.argument("dump", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True)
def kb_import_wikidata(dump: Path, out: Path) -> None:
    """Stream a Wikidata JSON dump (.json, .gz, .bz2) into a knowledge-base YAML file."""
    from rasad.kb.wikidata import import_wikidata

    _import_report(import_wikidata(dump, out))


@kb.command("import-cameo")
@click.argument("dictionary", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True)
def kb_import_cameo(dictionary: Path, out: Path) -> None:
    """Read a Phoenix/PETRARCH actor dictionary into a knowledge-base YAML file."""
    from rasad.kb.cameo import import_cameo

    _import_report(import_cameo(dictionary, out))


def main() -> None:
    """Entry point: run the CLI, turning rasad's errors into a message and exit status 2."""
    try:
        cli(standalone_mode=True)
    except RasadError as e:
        click.echo(f"rasad: {e}", err=True)
        sys.exit(2)
