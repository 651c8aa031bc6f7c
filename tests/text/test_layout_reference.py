"""``find_source`` against its previous implementation (``reference_layout``)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from rasad.text.layout import find_source
from rasad.text.profile import text_profile
from rasad.text.sentences import paragraphs

from . import reference_layout as reference

_TEXT = st.lists(
    st.sampled_from(
        [
            *" \n،,.:/()-ab",
            "منبع:",
            "منبع :",
            "به گزارش ",
            "به نقل از",
            "گروه ",
            "سرویس",
            "ایرنا",
            "المصدر:",
            "نقلا عن ",
            "بحسب",
            "Source:",
            "BAGHDAD",
            " (Reuters) - ",
            "بغداد/ ",
            "المسلة-",
        ]
    ),
    max_size=40,
).map("".join)


@given(_TEXT, st.sampled_from(["fa", "ar", "en"]))
def test_source_as_before(text: str, lang: str) -> None:
    profile = text_profile(lang)  # type: ignore[arg-type]
    paras = paragraphs(text)
    assert find_source(text, paras, profile) == reference.find_source(text, paras, profile)
