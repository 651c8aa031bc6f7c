from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rasad.ids import article_id, normalize_url


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("https://Example.org/news/1/", "https://example.org/news/1"),
        ("https://example.org:443/news/1", "https://example.org/news/1"),
        ("https://example.org/n?b=2&a=1", "https://example.org/n?a=1&b=2"),
        ("https://example.org/n?utm_source=tw&id=5#top", "https://example.org/n?id=5"),
        ("https://spnfa.ir/20260120/%DA%AF%D9%81%D8%AA", "https://spnfa.ir/20260120/گفت"),
    ],
)
def test_equivalent_urls(a, b):
    assert normalize_url(a) == normalize_url(b)
    assert article_id(a, "x") == article_id(b, "y")


def test_text_id_ignores_whitespace_only_changes():
    assert article_id(None, "متن  خبر\n") == article_id(None, "متن خبر")
    assert article_id(None, "متن خبر") != article_id(None, "متن خبرها")


@given(st.text(min_size=1))
def test_ids_are_stable_and_shaped(text):
    a = article_id(None, text)
    assert a == article_id(None, text) and a.startswith("a") and len(a) == 21
