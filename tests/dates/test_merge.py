"""``_merge`` (overlap found by bisection) keeps what the pairwise comparison kept."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from rasad.dates.expressions import _merge
from rasad.document import DateMention, DateValue, Span

_GLUE = re.compile(r"[\s,،(\-]{0,3}")
_VALUE = DateValue("2024-09-17", "day")


def _pairwise(
    text: str, explicit: list[DateMention], relative: list[DateMention]
) -> list[DateMention]:
    """``_merge`` as it was: every relative mention compared with every explicit one."""
    if not relative:
        return explicit
    kept = list(explicit)
    starts = {x.span.start for x in explicit}
    for r in relative:
        if any(x.span.start < r.span.end and r.span.start < x.span.end for x in explicit):
            continue
        glue = _GLUE.match(text, r.span.end)
        if r.kind == "weekday" and glue is not None and glue.end() in starts:
            continue
        kept.append(r)
    kept.sort(key=lambda x: (x.span.start, x.span.end))
    return kept


def _mention(text: str, s: int, e: int, kind: str) -> DateMention:
    return DateMention(Span(s, e), text[s:e], _VALUE, kind)


@st.composite
def _case(draw: st.DrawFn) -> tuple[str, list[DateMention], list[DateMention]]:
    text = draw(st.text(alphabet=" ,(-ab1", min_size=1, max_size=40))
    n = len(text)
    cuts = sorted(draw(st.lists(st.integers(0, n), max_size=8)))
    explicit = [
        _mention(text, s, e, "gregorian")
        for s, e in zip(cuts[::2], cuts[1::2], strict=False)
        if s < e
    ]
    relative = []
    for _ in range(draw(st.integers(0, 6))):
        s = draw(st.integers(0, n))
        e = draw(st.integers(s, n))
        relative.append(_mention(text, s, e, draw(st.sampled_from(["weekday", "deictic"]))))
    return text, explicit, relative


@given(_case())
def test_merge_as_pairwise(case: tuple[str, list[DateMention], list[DateMention]]) -> None:
    text, explicit, relative = case
    assert _merge(text, explicit, relative) == _pairwise(text, explicit, relative)
