"""The offset guard's tail pre-check never hides a match of its regular expression."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rasad.dates.fold import make_view
from rasad.dates.patterns import OFFSET_REACH, offset_guard

PIECES = st.sampled_from(
    [
        *" \t\n\u00a0\u2009xZ3۳،",
        "two days before",
        "3 WEEKS From",
        "weeks since",
        "سه هفته پس از",
        "دو روز قبل از",
        "روز",
        "پساز",
        "بعد",
        "يومين من",
        "ثلاثة أيام قبل",
        "أسبوعا",
        "İ",
        "\u212a",
    ]
)
LANGS = st.sampled_from([("fa", "en"), ("ar", "en"), ("en",), ("fa", "ar", "en")])


@settings(max_examples=400)
@given(st.lists(PIECES, max_size=12).map("".join), LANGS)
def test_before_is_the_regex_search(text: str, langs: tuple[str, ...]) -> None:
    guard = offset_guard(langs)  # type: ignore[arg-type]
    view = make_view(text).text
    assert guard.tails is not None
    for s in range(len(view) + 1):
        expected = guard.regex.search(view, max(0, s - OFFSET_REACH), s) is not None
        assert guard.before(view, s) == expected, (view, s)


def test_an_offset_phrase_is_found() -> None:
    view = make_view("سه هفته پس از  فردا").text
    assert offset_guard(("fa", "en")).before(view, view.index("فردا"))
    assert not offset_guard(("fa", "en")).before(view, 0)
