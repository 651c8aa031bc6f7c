"""Feeds over HTTP and the Watcher, against a real server on 127.0.0.1."""

from __future__ import annotations

import functools
import json
import socket
import threading
from pathlib import Path

from rasad.document import Article
from rasad.ingest import FetchResult, ReadFailure, Watcher, read_inputs, urllib_fetch
from tests.ingest.ingest_http import FeedServer, Route
from tests.ingest.ingest_samples import atom, rss

RSS_ITEMS = [
    (
        "fa-1",
        "تماس تلفنی ولایتی و مالکی",
        "<p>علی‌اکبر ولایتی با نوری مالکی <b>تلفنی</b> گفت‌وگو کرد.</p>"
        "<p>دو طرف بر همکاری تأکید کردند.</p>",
        "Tue, 20 Jan 2026 14:08:00 GMT",
    ),
    (
        "fa-2",
        "سفر هیئت عراقی به تهران",
        "<p>هیئتی از عراق وارد تهران شد.</p>",
        "Tue, 27 Oct 2020 09:00:00 GMT",
    ),
]
ATOM_ENTRIES = [
    (
        "urn:ar:1",
        "قاآني يلتقي قادة الإطار في بغداد",
        "<div><p>التقى قائد فيلق القدس إسماعيل قاآني قادة الإطار التنسيقي.</p></div>",
        "2024-09-19T10:00:00+03:00",
    ),
    (
        "urn:ar:2",
        "السوداني يستقبل وزير الخارجية الإيراني",
        "<p>بحث الجانبان العلاقات الثنائية.</p>",
        "2024-09-18T08:30:00+03:00",
    ),
]
LAST_MODIFIED = "Thu, 19 Sep 2024 07:00:00 GMT"


def _serve_feeds(server: FeedServer) -> tuple[str, str]:
    server.routes["/fa.rss"] = Route(rss("خبرگزاری نمونه", RSS_ITEMS), etag='"v1"')
    server.routes["/ar.atom"] = Route(
        atom("أخبار العراق", ATOM_ENTRIES),
        last_modified=LAST_MODIFIED,
        content_type="application/atom+xml",
    )
    return server.url("/fa.rss"), server.url("/ar.atom")


def _articles(results: list[Article | ReadFailure]) -> list[Article]:
    assert all(isinstance(r, Article) for r in results), results
    return [r for r in results if isinstance(r, Article)]


def test_read_inputs_fetches_feed_urls(feed_server: FeedServer) -> None:
    rss_url, atom_url = _serve_feeds(feed_server)
    articles = _articles(list(read_inputs([rss_url, atom_url])))
    assert len(articles) == 4
    first, third = articles[0], articles[2]
    assert first.format == "feed" and first.file == f"{rss_url}#1"
    assert first.text == (
        "تماس تلفنی ولایتی و مالکی\n\n"
        "علی‌اکبر ولایتی با نوری مالکی تلفنی گفت‌وگو کرد.\n\nدو طرف بر همکاری تأکید کردند."
    )
    assert first.url == "https://example.ir/news/fa-1"
    assert first.published == "Tue, 20 Jan 2026 14:08:00 GMT"
    assert first.source == "خبرگزاری نمونه"
    assert first.metadata == {"feed_url": rss_url, "guid": "fa-1", "feed_language": "fa"}
    assert third.title == "قاآني يلتقي قادة الإطار في بغداد"
    assert third.published == "2024-09-19T10:00:00+03:00"
    assert third.url == "https://example.iq/1" and third.source == "أخبار العراق"
    assert third.text.endswith("التقى قائد فيلق القدس إسماعيل قاآني قادة الإطار التنسيقي.")


def test_read_inputs_feed_url_failures(feed_server: FeedServer) -> None:
    feed_server.routes["/down.rss"] = Route(b"", status=500)
    feed_server.routes["/page"] = Route(
        b"<html><body><p>hello</p></body></html>", content_type="text/html"
    )
    results = list(read_inputs([feed_server.url("/down.rss"), feed_server.url("/page")]))
    assert [(type(r).__name__, getattr(r, "code", None)) for r in results] == [
        ("ReadFailure", "E009"),
        ("ReadFailure", "E008"),
    ]
    assert "500" in results[0].reason  # type: ignore[union-attr]


def test_watcher_conditional_get_new_items_and_failures(feed_server: FeedServer) -> None:
    rss_url, atom_url = _serve_feeds(feed_server)
    feed_server.routes["/broken.rss"] = Route(b"", status=500)
    feed_server.routes["/garbage.xml"] = Route(b"\x00\x01 garbage <rss", content_type="text/xml")
    watcher = Watcher(
        [rss_url, feed_server.url("/broken.rss"), atom_url, feed_server.url("/garbage.xml")]
    )

    first = watcher.poll_once()
    codes = [getattr(r, "code", "ok") for r in first]
    assert codes == ["ok", "ok", "E009", "ok", "ok", "E008"]
    assert [r.title for r in first if isinstance(r, Article)] == [
        RSS_ITEMS[0][1],
        RSS_ITEMS[1][1],
        ATOM_ENTRIES[0][1],
        ATOM_ENTRIES[1][1],
    ]

    # nothing changed: conditional requests, 304s, no items; the failing feeds fail again
    second = watcher.poll_once()
    assert [r.code for r in second if isinstance(r, ReadFailure)] == ["E009", "E008"]
    assert not [r for r in second if isinstance(r, Article)]
    assert feed_server.requests_to("/fa.rss")[-1]["if-none-match"] == '"v1"'
    assert feed_server.requests_to("/ar.atom")[-1]["if-modified-since"] == LAST_MODIFIED
    assert "if-none-match" not in feed_server.requests_to("/fa.rss")[0]

    # the feeds change: only the new items come out
    new_item = (
        "fa-3",
        "بیانیه وزارت خارجه",
        "<p>وزارت خارجه بیانیه‌ای صادر کرد.</p>",
        "Wed, 21 Jan 2026 08:00:00 GMT",
    )
    feed_server.routes["/fa.rss"] = Route(
        rss("خبرگزاری نمونه", [new_item, *RSS_ITEMS]), etag='"v2"'
    )
    new_entry = (
        "urn:ar:3",
        "بيان للخارجية العراقية",
        "<p>أصدرت الخارجية بيانا.</p>",
        "2024-09-20T09:00:00+03:00",
    )
    feed_server.routes["/ar.atom"] = Route(
        atom("أخبار العراق", [new_entry, *ATOM_ENTRIES]),
        last_modified="Fri, 20 Sep 2024 07:00:00 GMT",
        content_type="application/atom+xml",
    )
    third = _articles([r for r in watcher.poll_once() if isinstance(r, Article)])
    assert [a.metadata["guid"] for a in third] == ["fa-3", "urn:ar:3"]
    assert third[0].text.startswith("بیانیه وزارت خارجه\n\n")


def test_watcher_state_survives_a_restart(feed_server: FeedServer, tmp_path: Path) -> None:
    rss_url, _ = _serve_feeds(feed_server)
    feed_server.routes["/fa.rss"].honor_conditional = False  # a server that ignores ETags
    state = tmp_path / "state" / "watch.json"
    assert len(Watcher([rss_url], state_path=state).poll_once()) == 2
    saved = json.loads(state.read_text(encoding="utf-8"))
    assert saved["feeds"][rss_url]["etag"] == '"v1"'
    assert saved["feeds"][rss_url]["seen"] == ["fa-1", "fa-2"]
    restarted = Watcher([rss_url], state_path=state)
    assert restarted.poll_once() == []  # same items, already seen
    assert feed_server.requests_to("/fa.rss")[-1]["if-none-match"] == '"v1"'


def test_unreadable_state_file_starts_afresh(feed_server: FeedServer, tmp_path: Path) -> None:
    rss_url, _ = _serve_feeds(feed_server)
    state = tmp_path / "watch.json"
    state.write_text("{not json", encoding="utf-8")
    assert len(Watcher([rss_url], state_path=state).poll_once()) == 2
    assert json.loads(state.read_text(encoding="utf-8"))["version"] == 1


def test_timeout_and_refused_connection_are_e009(feed_server: FeedServer) -> None:
    feed_server.routes["/slow.rss"] = Route(rss("x", RSS_ITEMS), delay=1.0)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed_port = s.getsockname()[1]
    fetch = functools.partial(urllib_fetch, timeout=0.2)
    watcher = Watcher(
        [feed_server.url("/slow.rss"), f"http://127.0.0.1:{closed_port}/feed"], fetch=fetch
    )
    results = watcher.poll_once()
    assert [getattr(r, "code", None) for r in results] == ["E009", "E009"]


def test_custom_fetcher_that_raises_is_contained() -> None:
    def fetch(url: str, headers: dict[str, str]) -> FetchResult:
        raise RuntimeError("transport exploded")

    (failure,) = Watcher(["https://example.invalid/feed"], fetch=fetch).poll_once()
    assert isinstance(failure, ReadFailure) and failure.code == "E009"
    assert "transport exploded" in failure.reason


def test_run_stops_after_max_polls_and_on_stop(feed_server: FeedServer) -> None:
    rss_url, atom_url = _serve_feeds(feed_server)
    batches: list[list[Article | ReadFailure]] = []
    polls = Watcher([rss_url, atom_url]).run(batches.append, interval=0, max_polls=3)
    assert polls == 3
    assert [len(b) for b in batches] == [4]  # empty polls are not handed to the sink

    stop = threading.Event()
    seen: list[int] = []

    def sink(batch: list[Article | ReadFailure]) -> None:
        seen.append(len(batch))
        stop.set()

    polls = Watcher([rss_url]).run(sink, interval=30, stop=stop)
    assert polls == 1 and seen == [2]

    stop_later = threading.Event()
    timer = threading.Timer(0.3, stop_later.set)
    timer.start()
    try:
        polls = Watcher([rss_url]).run(lambda batch: None, interval=0.05, stop=stop_later)
    finally:
        timer.cancel()
    assert polls >= 2 and stop_later.is_set()


def test_watch_command_ingests_new_items(feed_server: FeedServer, tmp_path: Path) -> None:
    """`rasad watch` as a user runs it: a real process polling a real server, then the store."""
    import os
    import subprocess
    import sys

    fa_url, ar_url = _serve_feeds(feed_server)
    db = f"sqlite:///{tmp_path / 'w.db'}"
    cmd = [sys.executable, "-m", "rasad", "watch", fa_url, ar_url, "--db", db]
    cmd += ["--interval", "0.2", "--max-polls", "2", "--state", str(tmp_path / "state.json")]
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.run(cmd, capture_output=True, timeout=120, env=env)
    assert proc.returncode == 0, proc.stderr.decode()
    summaries = [json.loads(x) for x in proc.stderr.decode().splitlines() if x.startswith("{")]
    assert sum(s["stored"] for s in summaries) == 4  # the second poll brings nothing new
    stats = subprocess.run(
        [sys.executable, "-m", "rasad", "stats", "--db", db, "--json"],
        capture_output=True,
        timeout=60,
        env=env,
        check=True,
    )
    data = json.loads(stats.stdout)
    assert data["articles"] == 4 and data["by_format"] == {"feed": 4}
    assert data["by_lang"] == {"ar": 2, "fa": 2}
    assert data["by_published_basis"] == {"metadata": 4}
