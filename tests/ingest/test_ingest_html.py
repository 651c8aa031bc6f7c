"""HTML pages: body, metadata from the page itself, failures."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rasad.document import Article
from rasad.ingest import ReadFailure, read_inputs
from rasad.ingest.webpage import _MAYBE_HIDDEN, _is_hidden
from tests.ingest.ingest_samples import FA_PARAGRAPHS, FA_TITLE, html_page


def _read(tmp_path: Path, html: str | bytes, name: str = "page.html") -> Article | ReadFailure:
    path = tmp_path / name
    path.write_bytes(html.encode("utf-8") if isinstance(html, str) else html)
    (result,) = read_inputs([str(path)])
    return result


def _article(tmp_path: Path, html: str | bytes, name: str = "page.html") -> Article:
    result = _read(tmp_path, html, name)
    assert isinstance(result, Article), result
    return result


OG_HEAD = (
    '<meta property="og:title" content="ولایتی و مالکی تلفنی گفت‌وگو کردند">'
    '<meta property="og:url" content="https://example.ir/news/og">'
    '<meta property="og:site_name" content="خبرگزاری نمونه">'
    '<link rel="canonical" href="https://example.ir/news/123">'
    '<meta property="article:published_time" content="2026-01-20T17:38:00+03:30">'
    '<meta name="date" content="2020-01-01">'
)


def test_full_page_metadata_from_the_page(tmp_path: Path) -> None:
    article = _article(tmp_path, html_page(head=OG_HEAD))
    assert article.format == "html"
    assert article.title == "ولایتی و مالکی تلفنی گفت‌وگو کردند"  # og:title wins
    assert article.url == "https://example.ir/news/123"  # canonical wins over og:url
    assert article.published == "2026-01-20T17:38:00+03:30"  # never the footer's 2019
    assert article.source == "خبرگزاری نمونه"
    assert article.metadata["html_lang"] == "fa"
    # body does not start with the og:title: title, blank line, body
    assert article.text.startswith(article.title + "\n\n")


def test_body_paragraphs_zwnj_no_tables_no_boilerplate(tmp_path: Path) -> None:
    article = _article(tmp_path, html_page())
    paragraphs = article.text.split("\n\n")
    for expected in FA_PARAGRAPHS:
        assert expected in paragraphs  # each paragraph a line, blank lines between, ZWNJ kept
    assert "\u200c" in article.text
    assert "جدول‌آمار" not in article.text  # tables off
    assert "کلیه حقوق" not in article.text and "صفحه اصلی" not in article.text


def test_title_not_repeated_when_the_body_starts_with_it(tmp_path: Path) -> None:
    article = _article(tmp_path, html_page())
    assert article.title == FA_TITLE
    assert article.text.startswith(FA_TITLE)
    assert article.text.count(FA_TITLE) == 1


def test_title_falls_back_to_h1_and_is_prepended(tmp_path: Path) -> None:
    article = _article(tmp_path, html_page(title_tag=None, h1=" دیدار  در \n بغداد "))
    assert article.title == "دیدار در بغداد"
    assert article.text.startswith("دیدار در بغداد")


def test_title_tag_when_no_og_title(tmp_path: Path) -> None:
    article = _article(tmp_path, html_page(title_tag="عنوان صفحه | خبرگزاری", h1=None))
    assert article.title == "عنوان صفحه | خبرگزاری"
    assert article.text.startswith("عنوان صفحه | خبرگزاری\n\n")


@pytest.mark.parametrize(
    ("head", "extra_body", "expected"),
    [
        (
            "",
            '<p><time datetime="2024-09-19T08:00:00Z">۱۹ سپتامبر</time></p>',
            "2024-09-19T08:00:00Z",
        ),
        ('<meta name="pubdate" content="20240919">', "", "20240919"),
        ('<meta name="DC.date.issued" content="2024-09-19">', "", "2024-09-19"),
        ('<meta name="date" content="2024-09-18">', "", "2024-09-18"),
        ("", "", None),  # nothing in the metadata: never trafilatura's guess from the footer
    ],
)
def test_published_sources(tmp_path: Path, head: str, extra_body: str, expected) -> None:
    article = _article(tmp_path, html_page(head=head, extra_body=extra_body))
    assert article.published == expected


def test_og_url_and_relative_canonical(tmp_path: Path) -> None:
    head = '<meta property="og:url" content="https://example.ir/news/9">'
    assert _article(tmp_path, html_page(head=head)).url == "https://example.ir/news/9"
    head += '<link rel="Canonical" href="/news/9?amp=0">'
    assert _article(tmp_path, html_page(head=head)).url == "https://example.ir/news/9?amp=0"


def test_page_cut_off_before_the_body_is_e010(tmp_path: Path) -> None:
    page = html_page(head=OG_HEAD)
    failure = _read(tmp_path, page[: page.index("<body>") + 20])
    assert isinstance(failure, ReadFailure)
    assert failure.code == "E010" and failure.stage == "read" and failure.file == "page.html"


def test_page_cut_off_after_the_body_is_read_and_flagged(tmp_path: Path) -> None:
    page = html_page()
    article = _article(tmp_path, page[: page.index("<table>")])
    assert article.metadata["truncated"] is True
    assert FA_PARAGRAPHS[-1] in article.text


def test_short_body_is_e002_with_a_reason(tmp_path: Path) -> None:
    failure = _read(tmp_path, html_page(title_tag=None, h1=None, paragraphs=["خبر کوتاه"]))
    assert isinstance(failure, ReadFailure)
    assert failure.code == "E002"
    assert "characters" in failure.reason or "no article body" in failure.reason


def test_empty_page_is_e002(tmp_path: Path) -> None:
    failure = _read(tmp_path, "<html><head><title>x</title></head><body></body></html>")
    assert isinstance(failure, ReadFailure) and failure.code == "E002"


def test_html_sniffed_without_suffix_and_from_stdin(tmp_path: Path) -> None:
    assert _article(tmp_path, html_page(), name="page").format == "html"
    assert _article(tmp_path, html_page(), name="page.txt").format == "html"


def test_declared_charset_is_used_when_the_rules_refuse(tmp_path: Path) -> None:
    paragraphs = [
        "Le président irakien a reçu le ministre iranien des affaires étrangères à Bagdad, "
        "où les deux hommes ont évoqué la coopération régionale et les élections récentes."
    ] * 3
    page = html_page(paragraphs=paragraphs, title_tag="Visite à Bagdad", h1=None, lang="fr")
    page = page.replace('charset="utf-8"', 'charset="iso-8859-1"').replace("جدول‌آمار", "stats")
    page = "".join(ch for ch in page if ord(ch) < 0x100)  # keep it latin-1
    article = _article(tmp_path, page.encode("latin-1"))
    assert article.encoding == "iso-8859-1"
    assert "Le président irakien" in article.text


def test_windows_1256_page(tmp_path: Path) -> None:
    paragraphs = [p.replace("ی", "ي") for p in FA_PARAGRAPHS]
    page = html_page(paragraphs=paragraphs, title_tag="خبر", h1=None)
    page = (
        page.replace("©", "(c)")
        .replace("ی", "ي")
        .replace('charset="utf-8"', 'charset="windows-1256"')
        .replace("۱۲۳", "123")
    )
    article = _article(tmp_path, page.encode("cp1256"))
    assert article.encoding == "windows-1256"
    assert paragraphs[0] in article.text


@given(
    st.text(max_size=200), st.text(alphabet="\u200c\u200d\u200e\u200f\u061c\u00ad\x7f", max_size=5)
)
def test_one_scan_finds_every_hidden_mark(text: str, marks: str) -> None:
    """The scan for marks to protect misses none that a look at every character would find."""
    page = text + marks
    every = {ch for ch in set(page) if _is_hidden(ch)}
    assert {ch for ch in set(_MAYBE_HIDDEN.findall(page)) if _is_hidden(ch)} == every
