"""Character classes by code point: the same answers as ``str.isalnum`` and ``str.isalpha``."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from rasad.text.chars import _ALNUM, _ALPHA, alnum, alnum_at, alpha, alpha_at


def test_tables_cover_the_basic_plane() -> None:
    assert len(_ALNUM) == len(_ALPHA) == 0x10000
    assert all(alnum(c) == chr(c).isalnum() for c in range(0x10000))
    assert all(alpha(c) == chr(c).isalpha() for c in range(0x10000))


@given(st.text(min_size=1), st.data())
def test_at_a_place_in_a_text(text: str, data: st.DataObject) -> None:
    i = data.draw(st.integers(0, len(text) - 1))
    assert alnum_at(text, i) == text[i].isalnum()
    assert alpha_at(text, i) == text[i].isalpha()
