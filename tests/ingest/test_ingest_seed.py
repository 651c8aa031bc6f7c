"""The seed header and plain text."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rasad.document import Article, SeedHeader, Span
from rasad.ingest import read_inputs
from rasad.ingest.seed import parse_seed_header
from tests.ingest.ingest_samples import EN, FA


def _read_one(text: str) -> Article:
    (article,) = read_inputs(["-"], stdin=io.BytesIO(text.encode("utf-8")))
    assert isinstance(article, Article)
    return article


def test_header_with_url_on_its_own_line() -> None:
    url = "https://example.ir/20260120/گفت‌وگوی-تلفنی-ولایتی-با-مالکی-123.html"
    text = f" date 2026-01-20 {url}\n{FA}"
    article = _read_one(text)
    assert article.format == "seed"
    assert article.text == text
    assert article.url == url
    assert article.header == SeedHeader("2026-01-20", url, Span(0, len(f" date 2026-01-20 {url}")))
    assert article.published is None


def test_header_followed_by_body_on_the_same_line() -> None:
    text = f" date 2026-01-20 {EN}\n"
    article = _read_one(text)
    assert article.header == SeedHeader("2026-01-20", None, Span(0, 16))
    assert article.text[16:].startswith(" Iraqi Prime Minister")
    assert article.url is None
    assert article.text == text  # final newline kept


@pytest.mark.parametrize(
    "text",
    [
        "date 2026-01-20 https://example.ir/x\nbody",  # no leading space
        " date 2026-13-01 body",  # no such month
        " date 2026-02-30 body",  # no such day
        " date 2026-01-201 body",  # not a date token
        " date ۲۰۲۶-۰۱-۲۰ body",  # Persian digits: not the crawler's header
        "  date 2026-01-20 body",  # two spaces
        "\n date 2026-01-20 body",  # not the first line
        " Date 2026-01-20 body",
    ],
)
def test_non_headers_are_plain_text(text: str) -> None:
    assert parse_seed_header(text) is None
    article = _read_one(text)
    assert article.format == "text" and article.header is None and article.text == text


def test_header_alone_and_header_with_tab_before_url() -> None:
    assert parse_seed_header(" date 2024-09-19") == SeedHeader("2024-09-19", None, Span(0, 16))
    header = parse_seed_header(" date 2024-09-19\thttp://a.iq/b c")
    assert header == SeedHeader("2024-09-19", "http://a.iq/b", Span(0, 30))


def test_crlf_header_line() -> None:
    header = parse_seed_header(" date 2024-09-19 https://a.iq/b\r\nنص")
    assert header is not None and header.url == "https://a.iq/b"


def test_plain_text_file(tmp_path) -> None:
    path = tmp_path / "khabar.txt"
    path.write_bytes(FA.encode("utf-8"))
    (article,) = read_inputs([str(path)])
    assert isinstance(article, Article)
    assert (article.format, article.text, article.file, article.path) == (
        "text",
        FA,
        "khabar.txt",
        str(path),
    )
    assert article.encoding == "utf-8"


def test_seed_header_behind_a_bom_and_in_windows_1256(tmp_path) -> None:
    body = "أكد رئيس الوزراء العراقي أن العلاقات مع إيران تاريخية."
    path = tmp_path / "003.txt"
    path.write_bytes(f" date 2024-09-19 https://example.iq/a\n{body}".encode("cp1256"))
    (article,) = read_inputs([str(path)])
    assert isinstance(article, Article)
    assert article.encoding == "windows-1256" and article.format == "seed"
    assert article.header is not None and article.header.url == "https://example.iq/a"


URL_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789-_/.?=&%" + "گفتوگویولایتیمالکی"
BODY_WORDS = ["Velayati", "held", "talks", "ولایتی", "با", "مالکی", "السوداني", "بغداد", "،", "."]


@given(
    date=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)),
    url=st.none()
    | st.builds(
        lambda scheme, host, rest: f"{scheme}://{host}/{rest}",
        st.sampled_from(["http", "https"]),
        st.sampled_from(["spnfa.ir", "example.iq", "news.example.com"]),
        st.text(alphabet=URL_CHARS, max_size=60),
    ),
    same_line=st.none() | st.lists(st.sampled_from(BODY_WORDS), min_size=1, max_size=12),
    rest=st.text(alphabet="abc ولایتی\n", max_size=40),
)
def test_seed_header_round_trip(
    date: dt.date, url: str | None, same_line: list[str] | None, rest: str
) -> None:
    header_text = f" date {date.isoformat()}" + (f" {url}" if url else "")
    text = header_text + (" " + " ".join(same_line) if same_line else "") + "\n" + rest
    header = parse_seed_header(text)
    assert header == SeedHeader(date.isoformat(), url, Span(0, len(header_text)))
    assert text[header.span.start : header.span.end] == header_text
    article = _read_one(text)
    assert article.text == text and article.header == header and article.url == url
