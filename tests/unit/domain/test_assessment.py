from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opsdesk.domain.assessment import (
    DEFAULT_ITEMS,
    KpiEntry,
    KpiItem,
    KpiSource,
    fill_entries,
    item_score,
    score_assessment,
    validate_items,
)
from opsdesk.domain.errors import FieldErrors, ValidationError
from opsdesk.domain.incentives import performance_factor

TARGETS = {"visits": 100, "effective_visits": 60, "new_customers": 10, "second_follow_ups": 40,
           "revenue_attainment": 30_000_000, "attitude": 10}


def entries(**actuals) -> tuple[KpiEntry, ...]:
    return tuple(KpiEntry(code, TARGETS[code], actuals[code]) for code in TARGETS)


def test_defaults_follow_the_seed_and_weigh_100():
    assert [i.code for i in DEFAULT_ITEMS] == list(TARGETS)
    assert sum(i.weight for i in DEFAULT_ITEMS) == 100
    assert [i.source for i in DEFAULT_ITEMS if i.source is KpiSource.MANUAL] == [KpiSource.MANUAL]
    validate_items(DEFAULT_ITEMS)


def test_a_month_scored_by_hand():
    r = score_assessment(DEFAULT_ITEMS, entries(
        visits=110, effective_visits=45, new_customers=15, second_follow_ups=13,
        revenue_attainment=31_200_000, attitude=8))
    assert [(i.code, i.score) for i in r.items] == [
        ("visits", Decimal("22.00")),  # 20 × 1.1
        ("effective_visits", Decimal("15.00")),  # 20 × 0.75
        ("new_customers", Decimal("24.00")),  # 20 × 1.5, capped at 1.2
        ("second_follow_ups", Decimal("4.88")),  # 15 × 0.325 = 4.875, half up
        ("revenue_attainment", Decimal("15.60")),  # 15 × 1.04
        ("attitude", Decimal("8.00")),  # 10 × 8/10
    ]
    assert r.total == Decimal("89.48")
    nc = r.item("new_customers")
    assert (nc.ratio, nc.capped, nc.cap) == (Fraction(3, 2), Fraction(6, 5), Fraction(6, 5))
    assert performance_factor(r.total) == Fraction(8948, 10000)


def test_every_target_met_scores_exactly_100():
    r = score_assessment(DEFAULT_ITEMS, entries(**TARGETS))
    assert r.total == 100


def test_maximum_is_the_weighted_caps():
    r = score_assessment(DEFAULT_ITEMS, entries(**{c: t * 5 for c, t in TARGETS.items()}))
    assert r.total == Decimal("118.00")  # 90 × 1.2 + attitude 10 × 1


def test_item_score_rounds_half_up_to_two_decimals():
    assert item_score(Fraction(20), Fraction(6, 5), Fraction(3), Fraction(1)) == Decimal("6.67")
    assert item_score(Fraction(15), Fraction(6, 5), Fraction(40), Fraction(13)) == Decimal("4.88")
    assert item_score(Fraction(10), Fraction(1), Fraction(10), Fraction(0)) == 0


@pytest.mark.parametrize(
    ("weights", "actual"),
    [((50, 49), "99"), ((50, 51), "101"), ((Decimal("33.3"), Decimal("66.6")), "99.9")],
)
def test_weights_must_sum_to_100(weights, actual):
    items = [KpiItem(f"k{i}", w) for i, w in enumerate(weights)]
    with pytest.raises(ValidationError) as e:
        validate_items(items)
    assert e.value.code == "assessment.weights_sum"
    assert e.value.params["actual"] == actual


def test_fractional_weights_that_sum_to_100_are_fine():
    validate_items([KpiItem("a", Decimal("33.5")), KpiItem("b", Decimal("66.5"))])


@pytest.mark.parametrize(
    ("items", "code"),
    [
        ([], "assessment.items_empty"),
        ([KpiItem("a", 50), KpiItem("a", 50)], "assessment.item_duplicate"),
        ([KpiItem(" ", 100)], "assessment.code_invalid"),
    ],
)
def test_template_errors(items, code):
    with pytest.raises(ValidationError) as e:
        validate_items(items)
    assert e.value.code == code


def test_bad_weight_and_cap_reported_per_item():
    with pytest.raises(FieldErrors) as e:
        validate_items([KpiItem("a", 0), KpiItem("b", 100, cap="0.5"), KpiItem("c", "x")])
    codes = {k: v.code for k, v in e.value.errors.items()}
    assert codes == {"a": "assessment.weight_invalid", "b": "assessment.cap_invalid",
                     "c": "rate.invalid"}


def test_entry_errors():
    items = [KpiItem("a", 60), KpiItem("b", 40)]
    with pytest.raises(FieldErrors) as e:
        score_assessment(items, [KpiEntry("a", 0, 1)])
    assert {k: v.code for k, v in e.value.errors.items()} == {
        "a": "assessment.target_invalid", "b": "assessment.item_missing"}
    with pytest.raises(FieldErrors) as e:
        score_assessment(items, [KpiEntry("a", 1, -1), KpiEntry("b", 1, 1)])
    assert e.value.errors["a"].code == "assessment.actual_invalid"
    with pytest.raises(ValidationError) as e2:
        score_assessment(items, [KpiEntry("z", 1, 1)])
    assert e2.value.code == "assessment.item_unknown"
    with pytest.raises(ValidationError) as e2:
        score_assessment(items, [KpiEntry("a", 1, 1), KpiEntry("a", 1, 1)])
    assert e2.value.code == "assessment.item_duplicate"


def test_fill_entries_takes_counts_for_auto_and_the_manager_for_manual():
    auto = {c: 1 for c in TARGETS if c != "attitude"}
    got = fill_entries(DEFAULT_ITEMS, TARGETS, auto, {"attitude": 9})
    assert {e.code: e.actual for e in got} == {**auto, "attitude": 9}
    with pytest.raises(FieldErrors) as e:
        fill_entries(DEFAULT_ITEMS, TARGETS, {"visits": 1}, {"visits": 5})
    codes = {k: v.code for k, v in e.value.errors.items()}
    assert codes["visits"] == "assessment.not_manual"
    assert codes["effective_visits"] == "assessment.auto_missing"
    assert codes["attitude"] == "assessment.manual_missing"


TWO = [KpiItem("a", 70), KpiItem("b", 30, KpiSource.MANUAL, cap=1)]
figures = st.integers(min_value=0, max_value=10**6)
targets = st.integers(min_value=1, max_value=10**6)


@given(targets, figures, targets, figures)
def test_total_is_the_sum_of_items_and_within_bounds(ta, a, tb, b):
    r = score_assessment(TWO, [KpiEntry("a", ta, a), KpiEntry("b", tb, b)])
    assert r.total == sum(i.score for i in r.items)
    assert 0 <= r.total <= Decimal("114")  # 70 × 1.2 + 30 × 1


@given(targets, figures, st.integers(min_value=0, max_value=10**6))
def test_more_done_never_scores_less(t, a, more):
    lo = score_assessment(TWO, [KpiEntry("a", t, a), KpiEntry("b", 1, 1)]).total
    hi = score_assessment(TWO, [KpiEntry("a", t, a + more), KpiEntry("b", 1, 1)]).total
    assert hi >= lo
