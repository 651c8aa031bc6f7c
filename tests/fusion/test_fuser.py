"""Fusion of reports held in memory: which reports are one event, which are not, and the ids."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasad.fusion.events import Fuser, Report, fused_id, window

COUNTRY = {
    "abbas-araghchi": "iran",
    "masoud-pezeshkian": "iran",
    "esmail-qaani": "iran",
    "fuad-hussein": "iraq",
    "mohammed-shia-al-sudani": "iraq",
    "hadi-al-amiri": "iraq",
    "baghdad": "iraq",
    "tehran": "iran",
    "iran": "iran",
    "iraq": "iraq",
}


def fuser() -> Fuser:
    return Fuser(COUNTRY.get)


def rep(article, participants, day, basis="explicit", type_="CONSULT", seq=0, **kw):
    return Report(article, seq, type_, tuple(sorted(participants)), day, basis, **kw)


CALL = ("abbas-araghchi", "fuad-hussein")


def test_same_call_in_two_articles_is_one_event():
    f = fuser()
    a = f.add(rep("fa1", CALL, "2025-03-16"))
    b = f.add(rep("en1", CALL, "2025-03-16", "relative"))
    assert a == b
    assert f.events[a].sources == 2


def test_id_comes_from_the_event_key_whatever_the_order():
    one, two = rep("fa1", CALL, "2025-03-16"), rep("en1", CALL, "2025-03-16")
    f, g = fuser(), fuser()
    assert f.add(one) == f.add(two) == g.add(two) == g.add(one) == fused_id(one.key)


@pytest.mark.parametrize(
    ("first", "second", "fused"),
    [
        # publication day and the two before it: a report without a date of its own
        (("2025-03-16", "publication"), ("2025-03-15", "explicit"), True),
        (("2025-03-16", "publication"), ("2025-03-13", "explicit"), False),
        (("2025-03-16", "publication"), ("2025-03-17", "explicit"), False),
        # a relative date may be a day off either way, a written date not at all
        (("2025-03-16", "relative"), ("2025-03-17", "explicit"), True),
        (("2025-03-16", "explicit"), ("2025-03-17", "explicit"), False),
        (("2025-03-16", "explicit"), ("2025-03-23", "relative"), False),
        # an imprecise date covers its month or year
        (("2025-03", "explicit"), ("2025-03-30", "explicit"), True),
        (("2025-03", "explicit"), ("2025-04-01", "explicit"), False),
        (("2025", "explicit"), ("2025-12-31", "explicit"), True),
        # no date: fused with nothing
        ((None, "unknown"), ("2025-03-16", "explicit"), False),
        ((None, "unknown"), (None, "unknown"), False),
    ],
)
def test_date_windows(first, second, fused):
    f = fuser()
    a = f.add(rep("a1", CALL, first[0], first[1]))
    b = f.add(rep("a2", CALL, second[0], second[1]))
    assert (a == b) is fused


def test_window_of_each_basis():
    d = date(2025, 3, 16).toordinal()
    assert window("2025-03-16", "explicit") == (d, d)
    assert window("2025-03-16", "relative") == (d - 1, d + 1)
    assert window("2025-03-16", "publication") == (d - 2, d)
    assert window("2024-02", "explicit") == (
        date(2024, 2, 1).toordinal(),
        date(2024, 2, 29).toordinal(),
    )
    assert window(None, "unknown") is None


def test_members_of_a_fused_event_all_agree_on_a_day():
    f = fuser()
    a = f.add(rep("a1", CALL, "2025-03-16", "relative"))  # 15..17
    b = f.add(rep("a2", CALL, "2025-03-17", "explicit"))  # 17
    c = f.add(rep("a3", CALL, "2025-03-15", "explicit"))  # 15: not 17
    assert a == b != c


def test_other_type_same_day_is_another_event():
    f = fuser()
    a = f.add(rep("a1", CALL, "2025-03-16"))
    b = f.add(rep("a2", CALL, "2025-03-16", type_="ACCUSE"))
    assert a != b


def test_two_events_of_one_article_are_never_one():
    f = fuser()
    a = f.add(rep("a1", CALL, "2025-03-16", seq=0))
    b = f.add(rep("a1", ("iran", "iraq"), "2025-03-16", seq=1))
    assert a != b


def test_countries_stand_for_their_people_and_the_event_takes_the_names():
    f = fuser()
    general = f.add(rep("a1", ("iran", "iraq"), "2025-03-16", mode="phone"))
    specific = f.add(rep("a2", CALL, "2025-03-16", mode="phone"))
    assert general == specific
    assert f.events[general].participants == CALL
    # and the other way round
    g = fuser()
    first = g.add(rep("b1", CALL, "2025-03-16"))
    assert g.add(rep("b2", ("iran", "iraq"), "2025-03-16")) == first


def test_a_visited_country_stands_for_nobody():
    f = fuser()
    visit = f.add(rep("a1", ("esmail-qaani", "iraq"), "2024-09-17", location="baghdad"))
    meeting = f.add(rep("a2", ("esmail-qaani", "hadi-al-amiri"), "2024-09-17", location="baghdad"))
    assert visit != meeting


def test_the_same_participants_win_over_a_stand_in():
    f = fuser()
    specific = f.add(rep("a1", CALL, "2025-03-16"))
    general = f.add(rep("a2", ("iran", "iraq"), "2025-03-16"))
    assert specific == general  # the only candidate
    other = f.add(rep("a3", ("masoud-pezeshkian", "mohammed-shia-al-sudani"), "2025-03-16"))
    assert other != specific
    again = f.add(rep("a4", CALL, "2025-03-16"))
    assert again == specific


def test_unrelated_people_are_not_fused():
    f = fuser()
    a = f.add(rep("a1", CALL, "2025-03-16"))
    b = f.add(rep("a2", ("abbas-araghchi", "mohammed-shia-al-sudani"), "2025-03-16"))
    assert a != b


PEOPLE = sorted(k for k, v in COUNTRY.items() if k != v and k not in ("baghdad", "tehran"))
REPORTS = st.lists(
    st.tuples(
        st.sampled_from(["a1", "a2", "a3", "a4", "a5"]),
        st.lists(st.sampled_from([*PEOPLE, "iran", "iraq"]), min_size=2, max_size=3, unique=True),
        st.one_of(st.none(), st.dates(date(2025, 3, 10), date(2025, 3, 20))),
        st.sampled_from(["explicit", "relative", "publication"]),
        st.sampled_from(["CONSULT", "ACCUSE"]),
    ),
    max_size=25,
)


@settings(max_examples=200, deadline=None)
@given(REPORTS)
def test_invariants_of_any_set_of_reports(items):
    f = fuser()
    placed: dict[str, list[Report]] = {}
    for seq, (article, people, day, basis, type_) in enumerate(items):
        r = rep(
            article,
            people,
            day.isoformat() if day else None,
            basis if day else "unknown",
            type_,
            seq,
        )
        placed.setdefault(f.add(r), []).append(r)
    assert sum(len(v) for v in placed.values()) == len(items)
    for fid, members in placed.items():
        assert len({m.type for m in members}) == 1
        articles = [m.article for m in members]
        assert len(articles) == len(set(articles)), "two reports of one article fused"
        spans = [window(m.date, m.basis) for m in members]
        if len(members) > 1:
            assert all(s is not None for s in spans)
            assert max(s[0] for s in spans) <= min(s[1] for s in spans)  # type: ignore[index]
        assert f.events[fid].sources == len(members)
