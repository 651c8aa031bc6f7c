"""Clause bounds from the view's precomputed break offsets equal a plain search around ``pos``."""

from hypothesis import given, settings
from hypothesis import strategies as st

from rasad.events.mentions import _BREAKS, clause_bounds


def _plain(view: str, pos: int, lo: int, hi: int) -> tuple[int, int]:
    left = max((view.rfind(c, lo, pos) for c in _BREAKS), default=-1)
    rights = [i for i in (view.find(c, pos, hi) for c in _BREAKS) if i >= 0]
    return (lo if left < 0 else left + 1), (min(rights) if rights else hi)


@settings(max_examples=400, deadline=None)
@given(
    view=st.text(alphabet='اب ،,:«»“”"()x؛;', max_size=60),
    pos=st.integers(0, 70),
    lo=st.integers(0, 70),
    hi=st.integers(0, 70),
)
def test_clause_bounds_equal_a_plain_search(view, pos, lo, hi):
    assert clause_bounds(view, pos, lo, hi) == _plain(view, pos, lo, hi)


def test_clause_bounds_follow_a_new_view():
    assert clause_bounds("a, b", 3, 0, 4) == (2, 4)
    assert clause_bounds("a b", 2, 0, 3) == (0, 3)  # no break left from the last view
