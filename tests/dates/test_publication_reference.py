"""``publication_from_text`` against its previous implementation (``reference_publication``)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from reference_publication import publication_from_text as reference

from rasad.dates.publication import publication_from_text

PIECES = st.sampled_from(
    [
        *"\n\n |•·x:",
        " date 2024-09-19 https://example.com/a",
        "تاریخ انتشار:",
        "تاريخ النشر:",
        "Published:",
        "Updated",
        "آخر تحديث:",
        "17:38",
        " 20.01.2026",
        " ۲۵ اردیبهشت ۱۴۰۳",
        " September 19, 2024",
        " 12 دجنبر، 2025",
        " 4 تموز 2024",
        "کلمه",
        "word",
    ]
)


@settings(max_examples=300)
@given(st.lists(PIECES, max_size=14).map("".join), st.sampled_from(["fa", "ar", "en", None]))
def test_publication_as_before(text: str, lang: str | None) -> None:
    assert publication_from_text(text, lang) == reference(text, lang)  # type: ignore[arg-type]
