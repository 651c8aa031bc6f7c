"""Feed items and HTML-to-text conversion."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasad.document import Article
from rasad.ingest import ReadFailure, read_inputs
from rasad.ingest.htmltext import html_to_text
from tests.ingest.ingest_samples import rss


@pytest.mark.parametrize(
    ("fragment", "expected"),
    [
        ("<p>سلام <b>دنیا</b></p><p>خط دوم<br>خط سوم</p>", "سلام دنیا\n\nخط دوم\nخط سوم"),
        ("<div><script>var x = 1;</script>متن<!-- note -->ادامه</div>", "متنادامه"),
        ("plain &amp; simple\n\n  second   para ", "plain & simple\n\nsecond para"),
        ("no markup, two\nlines", "no markup, two\nlines"),
        ("<ul><li>یک</li><li>دو</li></ul>", "یک\n\nدو"),
        ("<p>نیم\u200cفاصله</p>", "نیم\u200cفاصله"),
    ],
)
def test_html_to_text(fragment: str, expected: str) -> None:
    assert html_to_text(fragment) == expected


def test_item_without_title_or_content_fails_alone(tmp_path: Path) -> None:
    data = rss(
        "نمونه",
        [
            ("a", "", "", "Tue, 20 Jan 2026 14:08:00 GMT"),
            ("b", "عنوان فقط", "", "Tue, 20 Jan 2026 15:08:00 GMT"),
            ("c", "", "<p>فقط متن</p>", "Tue, 20 Jan 2026 16:08:00 GMT"),
        ],
    )
    (tmp_path / "f.rss").write_bytes(data)
    results = list(read_inputs([str(tmp_path / "f.rss")]))
    assert isinstance(results[0], ReadFailure) and results[0].code == "E002"
    assert results[0].file == "f.rss#1"
    assert [r.text for r in results[1:] if isinstance(r, Article)] == ["عنوان فقط", "فقط متن"]


def test_feed_cut_off_still_yields_its_complete_items(tmp_path: Path) -> None:
    data = rss("نمونه", [("a", "خبر اول", "<p>متن اول</p>", "Tue, 20 Jan 2026 14:08:00 GMT")])
    (tmp_path / "cut.xml").write_bytes(data[: data.index(b"</channel>")])
    results = list(read_inputs([str(tmp_path / "cut.xml")]))
    assert [r.text for r in results if isinstance(r, Article)] == ["خبر اول\n\nمتن اول"]


def test_empty_but_valid_feed_yields_nothing(tmp_path: Path) -> None:
    (tmp_path / "empty.rss").write_bytes(rss("نمونه", []))
    assert list(read_inputs([str(tmp_path / "empty.rss")])) == []


def test_rss_without_root_is_e008_with_reason(tmp_path: Path) -> None:
    (tmp_path / "bad.atom").write_bytes(b"<feed><entry><title>x</tit")
    results = list(read_inputs([str(tmp_path / "bad.atom")]))
    assert all(isinstance(r, (Article, ReadFailure)) for r in results)
    (tmp_path / "worse.rss").write_bytes(b"\xff\xfe garbage \x00\x01")
    (failure,) = read_inputs([str(tmp_path / "worse.rss")])
    assert isinstance(failure, ReadFailure) and failure.code == "E008"
    assert failure.reason.startswith("[E008] cannot parse feed")
