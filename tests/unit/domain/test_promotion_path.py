from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opsdesk.domain.errors import ValidationError
from opsdesk.domain.promotion_path import (
    ConsecutiveAttainment,
    Level,
    MonthStat,
    NewMembersInQuarter,
    PersonHistory,
    evaluate,
    months_back,
    next_level,
    qualifiers,
    quarter_to_date,
    validate_levels,
)

SENIOR = Level("senior", 20, (ConsecutiveAttainment(3, 1),))
LEAD = Level("lead", 30, (ConsecutiveAttainment(3, Decimal("1.2")), NewMembersInQuarter(10)))
JUNIOR = Level("junior", 10, (NewMembersInQuarter(3),))
PATH = (LEAD, JUNIOR, SENIOR)  # unsorted on purpose


def history(person, level, stats: dict) -> PersonHistory:
    return PersonHistory(person, level, {ym: MonthStat(a, n) for ym, (a, n) in stats.items()})


def test_month_windows():
    assert months_back(2024, 2, 3) == ((2023, 12), (2024, 1), (2024, 2))
    assert quarter_to_date(2024, 5) == ((2024, 4), (2024, 5))
    assert quarter_to_date(2024, 3) == ((2024, 1), (2024, 2), (2024, 3))
    assert quarter_to_date(2024, 10) == ((2024, 10),)


def test_three_consecutive_months_at_or_above_100_percent():
    h = history("p", "junior", {(2023, 12): (Fraction(1), 0), (2024, 1): ("1.25", 0),
                                (2024, 2): (Decimal("1.00"), 0)})
    ev = evaluate(SENIOR.criteria[0], h, 2024, 2)
    assert ev.met and ev.months == ((2023, 12), (2024, 1), (2024, 2))
    assert ev.values == (1, Fraction(5, 4), 1)
    (q,) = qualifiers(PATH, [h], 2024, 2)
    assert (q.person, q.from_level, q.to_level) == ("p", "junior", "senior")


@pytest.mark.parametrize(
    "stats",
    [
        {(2023, 12): ("1", 0), (2024, 1): ("0.9999", 0), (2024, 2): ("1.5", 0)},  # one short
        {(2023, 12): ("1", 0), (2024, 2): ("1.5", 0)},  # a month missing
        {(2023, 12): ("1", 0), (2024, 1): (None, 0), (2024, 2): ("1.5", 0)},  # no target
        {(2024, 1): ("1", 0), (2024, 2): ("1", 0)},  # only two months so far
    ],
)
def test_the_run_breaks(stats):
    h = history("p", "junior", stats)
    assert not evaluate(SENIOR.criteria[0], h, 2024, 2).met
    assert qualifiers(PATH, [h], 2024, 2) == ()


def test_new_members_count_the_quarter_to_date_only():
    h = history("p", None, {(2024, 3): (None, 5), (2024, 4): (None, 1), (2024, 5): (None, 1)})
    assert not evaluate(JUNIOR.criteria[0], h, 2024, 5).met  # March is last quarter
    h2 = history("p", None, {(2024, 4): (None, 1), (2024, 5): (None, 2)})
    ev = evaluate(JUNIOR.criteria[0], h2, 2024, 5)
    assert ev.met and ev.values == (1, 2)
    (q,) = qualifiers(PATH, [h2], 2024, 5)
    assert (q.from_level, q.to_level) == (None, "junior")


def test_one_level_at_a_time_and_all_criteria_must_hold():
    strong = {(2024, m): ("1.5", 5) for m in (1, 2, 3)}
    newcomer = history("new", None, strong)
    junior = history("jr", "junior", strong)
    senior = history("sr", "senior", strong)
    top = history("top", "lead", strong)
    got = {q.person: q.to_level for q in qualifiers(PATH, [newcomer, junior, senior, top], 2024, 3)}
    assert got == {"new": "junior", "jr": "senior", "sr": "lead"}
    # lead needs both: high attainment without the members is not enough
    few = history("sr", "senior", {(2024, m): ("1.5", 1) for m in (1, 2, 3)})
    assert qualifiers(PATH, [few], 2024, 3) == ()


def test_next_level():
    assert next_level(PATH, None) is JUNIOR
    assert next_level(PATH, "senior") is LEAD
    assert next_level(PATH, "lead") is None
    assert next_level((), None) is None


def test_unknown_current_level():
    with pytest.raises(ValidationError) as e:
        qualifiers(PATH, [history(7, "gone", {})], 2024, 3)
    assert e.value.code == "promotion.level_unknown"
    assert e.value.params["person"] == "7"


@pytest.mark.parametrize(
    ("levels", "code"),
    [
        ((Level("a", 1, (NewMembersInQuarter(1),)), Level("a", 2, (NewMembersInQuarter(1),))),
         "promotion.duplicate_code"),
        ((Level("a", 1, (NewMembersInQuarter(1),)), Level("b", 1, (NewMembersInQuarter(1),))),
         "promotion.duplicate_rank"),
        ((Level("a", 1, ()),), "promotion.no_criteria"),
        ((Level("", 1, (NewMembersInQuarter(1),)),), "promotion.code_invalid"),
        ((Level("a", "1", (NewMembersInQuarter(1),)),), "promotion.rank_invalid"),
        ((Level("a", 1, (ConsecutiveAttainment(0, 1),)),), "promotion.months_invalid"),
        ((Level("a", 1, (ConsecutiveAttainment(25, 1),)),), "promotion.months_invalid"),
        ((Level("a", 1, (ConsecutiveAttainment(3, 0),)),), "promotion.min_attainment_invalid"),
        ((Level("a", 1, (ConsecutiveAttainment(3, 1.0),)),), "rate.invalid"),
        ((Level("a", 1, (NewMembersInQuarter(0),)),), "promotion.count_invalid"),
        ((Level("a", 1, ("3 months",)),), "promotion.criterion_unknown"),
    ],
)
def test_bad_levels(levels, code):
    with pytest.raises(ValidationError) as e:
        validate_levels(levels)
    assert e.value.code == code


def test_levels_come_back_sorted():
    assert [lv.code for lv in validate_levels(PATH)] == ["junior", "senior", "lead"]


def test_bad_month():
    with pytest.raises(ValidationError) as e:
        qualifiers(PATH, [history("p", None, {})], 2024, 13)
    assert e.value.code == "promotion.month_invalid"


@given(st.lists(st.integers(min_value=0, max_value=200), min_size=1, max_size=12),
       st.integers(min_value=1, max_value=6))
def test_consecutive_means_every_one_of_the_last_n_months(pcts, n):
    stats = {(2024, i + 1): (Fraction(p, 100), 0) for i, p in enumerate(pcts)}
    h = history("p", None, stats)
    month = len(pcts)
    ev = evaluate(ConsecutiveAttainment(n, 1), h, 2024, month)
    expected = n <= month and all(p >= 100 for p in pcts[month - n:])
    assert ev.met == expected
