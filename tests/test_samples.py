"""The bundled sample articles (src/rasad/samples): README, expected.json, encodings, dates."""

from __future__ import annotations

import datetime as dt
import email.utils
import html
import json
import re
from pathlib import Path
from typing import Any

import pytest

SAMPLES = Path(__file__).resolve().parents[1] / "src" / "rasad" / "samples"
ARTICLES = SAMPLES / "articles"
NOT_SAMPLES = {"README.md", "expected.json"}
CODECS = {"utf-8": "utf-8", "utf-16": "utf-16", "windows-1256": "cp1256"}
ZWNJ = "\u200c"


def _sample_files() -> list[Path]:
    return sorted(p for p in ARTICLES.iterdir() if p.is_file())


def _expected() -> dict[str, dict[str, Any]]:
    return json.loads((SAMPLES / "expected.json").read_text(encoding="utf-8"))


def _readme_rows() -> dict[str, list[str]]:
    rows = {}
    for line in (SAMPLES / "README.md").read_text(encoding="utf-8").splitlines():
        m = re.match(r"\|\s*`([^`]+)`\s*\|(.*)\|\s*$", line)
        if m:
            rows[m.group(1)] = [c.strip() for c in m.group(2).split("|")]
    return rows


def _decode(path: Path, encoding: str) -> str:
    return path.read_bytes().decode(CODECS[encoding])


def _article_text(key: str, entry: dict[str, Any]) -> str:
    """The text of one article (a JSONL line's text, a feed item's block, a whole file)."""
    text = _decode(ARTICLES / entry["file"], entry["encoding"])
    if entry["format"] == "jsonl":
        line = int(key.rsplit(":", 1)[1])
        return str(json.loads(text.splitlines()[line - 1])["text"])
    if entry["format"] == "rss":
        start = text.index(f"<link>{key}</link>")
        return text[start : text.index("</item>", start)]
    return text


def test_samples_exist() -> None:
    files = _sample_files()
    assert len(files) == 10
    assert {p.suffix for p in files} == {".txt", ".html", ".jsonl", ".xml"}


def test_readme_lists_every_sample_file() -> None:
    rows = _readme_rows()
    assert set(rows) == {p.name for p in _sample_files()}
    readme = (SAMPLES / "README.md").read_text(encoding="utf-8")
    assert "written for rasad" in readme and "fictional" in readme


def test_expected_json_covers_every_sample() -> None:
    expected = _expected()
    assert len(expected) == 12
    assert {e["file"] for e in expected.values()} == {p.name for p in _sample_files()}
    langs = [e["lang"] for e in expected.values()]
    assert (langs.count("fa"), langs.count("ar"), langs.count("en")) == (5, 4, 3)
    for key, e in expected.items():
        assert e["lang"] in ("fa", "ar", "en"), key
        assert e["published_basis"] in ("header", "metadata", "text", "none"), key
        assert (e["published"] is None) == (e["published_basis"] == "none"), key
        if e["published"] is not None:
            dt.date.fromisoformat(e["published"])
        if e["format"] == "jsonl":
            assert re.fullmatch(re.escape(e["file"]) + r":\d+", key)
        elif e["format"] == "rss":
            assert key.startswith("https://")
        else:
            assert key == e["file"]
    bases = {e["published_basis"] for e in expected.values()}
    assert bases == {"header", "metadata", "text", "none"}


def test_jsonl_and_feed_keys_match_the_files() -> None:
    expected = _expected()
    jsonl = ARTICLES / "crawler_export.jsonl"
    lines = jsonl.read_text(encoding="utf-8").splitlines()
    assert {k for k in expected if k.startswith(jsonl.name)} == {
        f"{jsonl.name}:{i}" for i in range(1, len(lines) + 1)
    }
    for i, line in enumerate(lines, 1):
        obj = json.loads(line)
        assert set(obj) == {"url", "title", "text", "published", "source", "section"}
        e = expected[f"{jsonl.name}:{i}"]
        assert obj["published"][:10] == e["published"] and obj["title"] == e["title"]
    feed = (ARTICLES / "wire_feed.xml").read_text(encoding="utf-8")
    links = re.findall(r"<item>\s*<title>.*?</title>\s*<link>([^<]+)</link>", feed, re.S)
    assert set(links) == {k for k, e in expected.items() if e["format"] == "rss"}


@pytest.mark.parametrize("path", _sample_files(), ids=lambda p: p.name)
def test_every_sample_decodes_with_its_declared_encoding(path: Path) -> None:
    expected = [e for e in _expected().values() if e["file"] == path.name]
    encodings = {e["encoding"] for e in expected}
    assert len(encodings) == 1
    encoding = encodings.pop()
    assert _readme_rows()[path.name][2].startswith(encoding)
    text = _decode(path, encoding)
    assert "\ufffd" not in text and text.strip()
    data = path.read_bytes()
    if encoding == "utf-16":
        assert data[:2] == b"\xff\xfe"
        with pytest.raises(UnicodeDecodeError):
            data.decode("utf-8")
        assert text.startswith("لاریجانی")
    elif encoding == "windows-1256":
        with pytest.raises(UnicodeDecodeError):
            data.decode("utf-8")
        assert b"\r\n" in data
        assert "تاريخ النشر: الأربعاء 15 ربيع الأول 1446 هـ - 18 أيلول 2024" in text
        assert "“" in text
    else:
        assert not data.startswith(b"\xef\xbb\xbf")


@pytest.mark.parametrize("key", list(_expected()), ids=lambda k: k.rsplit("/", 1)[-1])
def test_articles_are_150_to_600_words(key: str) -> None:
    entry = _expected()[key]
    text = re.sub(r"<[^>]+>", " ", _article_text(key, entry))
    words = len(re.findall(r"\w+", text))
    assert 150 <= words <= 700, words  # HTML pages carry some boilerplate words


def test_publication_dates_are_where_expected_says() -> None:
    for key, e in _expected().items():
        text = _decode(ARTICLES / e["file"], e["encoding"])
        basis, published = e["published_basis"], e["published"]
        if basis == "header":
            assert text.startswith(f" date {published} "), key
        elif basis == "metadata" and e["format"] == "html":
            m = re.search(r'property="article:published_time" content="([^"]+)"', text)
            assert m and m.group(1)[:10] == published, key
            assert "© 2019" in text and 'rel="canonical"' in text and 'property="og:title"' in text
        elif basis == "metadata" and e["format"] == "jsonl":
            line = text.splitlines()[int(key.rsplit(":", 1)[1]) - 1]
            assert json.loads(line)["published"][:10] == published, key
        elif basis == "metadata" and e["format"] == "rss":
            block = _article_text(key, e)
            m = re.search(r"<pubDate>([^<]+)</pubDate>", block)
            assert m and email.utils.parsedate_to_datetime(m.group(1)).date().isoformat() == (
                published
            )
        elif basis == "text":
            head = text[:700]
            assert "تاریخ انتشار" in head or "تاريخ النشر" in head, key
        else:
            assert published is None
            assert not re.search(r"\b(19|20)\d\d\b|[۱][۳۴][۰-۹][۰-۹]", text), key


def test_text_dates_convert_to_expected() -> None:
    jdatetime = pytest.importorskip("jdatetime")
    hijridate = pytest.importorskip("hijridate")
    expected = _expected()
    e = expected["fa_larijani_fayyadh_utf16.txt"]
    assert "تاریخ انتشار: ۲۲ مهر ۱۴۰۴ - ۱۸:۳۰" in _decode(ARTICLES / e["file"], e["encoding"])
    assert jdatetime.date(1404, 7, 22).togregorian().isoformat() == e["published"]
    e = expected["ar_araji_visit_cancelled_cp1256.txt"]
    assert hijridate.Hijri(1446, 3, 15).to_gregorian().isoformat() == e["published"]
    # the Jalali date printed in the header-dated Persian sample agrees with its header
    e = expected["fa_seed_araghchi_hussein_call.txt"]
    assert "۱ آبان ۱۴۰۳" in _decode(ARTICLES / e["file"], e["encoding"])
    assert jdatetime.date(1403, 8, 1).togregorian().isoformat() == e["published"]


def test_zwnj_stripped_in_two_persian_samples_only() -> None:
    stripped: set[str] = set()
    kept: set[str] = set()
    for key, e in _expected().items():
        if e["lang"] != "fa":
            continue
        text = _article_text(key, e)
        (kept if ZWNJ in text else stripped).add(e["file"])
    assert stripped == {"fa_seed_araghchi_hussein_call.txt", "fa_undated_embassy_denial.txt"}
    for name in stripped:
        text = (ARTICLES / name).read_text(encoding="utf-8")
        assert "گفتوگو" in text and re.search(r"می(?:کند|کنند|شوند|سازند)", text)


def test_titles_are_in_the_text() -> None:
    for key, e in _expected().items():
        if e["title"] is None:
            continue
        text = _decode(ARTICLES / e["file"], e["encoding"])
        if e["format"] in ("html", "rss"):
            text = html.unescape(text)
        elif e["format"] == "jsonl":
            text = json.dumps(
                [json.loads(x) for x in text.splitlines()], ensure_ascii=False
            ).replace('\\"', '"')
        assert e["title"] in text, key
