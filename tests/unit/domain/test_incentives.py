from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opsdesk.domain.errors import FieldErrors, ValidationError
from opsdesk.domain.incentives import (
    INHERIT,
    TEMPLATES,
    Adjustment,
    AnnualBonusInput,
    ApprenticeResult,
    Bracket,
    BracketBy,
    CommissionMeasure,
    CommissionMode,
    CommissionRule,
    ContestEntry,
    ContestPrize,
    Deduction,
    MentorRule,
    PayInputs,
    PayKind,
    PayLine,
    PayScheme,
    Payslip,
    SalesFigures,
    SchemeOverride,
    ValueKind,
    accrual_schedule,
    accrue_annual_bonus,
    annual_bonus_entitlement,
    award_contest,
    commission_base,
    compute_commission,
    compute_pay,
    days_employed,
    mentor_outcome,
    merge_scheme,
    performance_factor,
    prorate,
    split_team_prize,
    to_ratio,
    validate_brackets,
    validate_scheme,
)

YUAN = 100
K = 1000 * YUAN  # ¥1,000.00 in fen

# ¥0–200k at 2 %, ¥200k–500k at 3 %, from ¥500k 5 %.
AMOUNT_BRACKETS = (
    Bracket(0, 200 * K, "0.02"),
    Bracket(200 * K, 500 * K, "0.03"),
    Bracket(500 * K, None, "0.05"),
)
# Below 80 % nothing, 80 %–100 % 3 %, from 100 % 5 %.
ATTAINMENT_BRACKETS = (
    Bracket(0, Decimal("0.8"), 0),
    Bracket(Decimal("0.8"), 1, "3%"),
    Bracket(1, None, "0.05"),
)


def rule(mode: CommissionMode, brackets=AMOUNT_BRACKETS, by=BracketBy.AMOUNT,
         measure=CommissionMeasure.REVENUE) -> CommissionRule:
    return CommissionRule(tuple(brackets), mode, measure, by)


STEP = rule(CommissionMode.STEP)
MARGINAL = rule(CommissionMode.MARGINAL)


def commission(r: CommissionRule, revenue: int, **kw) -> int:
    return compute_commission(r, SalesFigures(revenue=revenue, **kw)).amount


# ----------------------------------------------------------------------------- exact numbers


def test_to_ratio_accepts_exact_forms_and_refuses_floats():
    assert to_ratio("0.03") == Fraction(3, 100)
    assert to_ratio("3%") == Fraction(3, 100)
    assert to_ratio(Decimal("1.2")) == Fraction(6, 5)
    assert to_ratio(Fraction(1, 3)) == Fraction(1, 3)
    assert to_ratio(2) == 2
    for bad in (0.03, True, "abc", "NaN", "inf", ""):
        with pytest.raises(ValidationError) as e:
            to_ratio(bad, field="rate")
        assert e.value.code == "rate.invalid"


# ----------------------------------------------------------------------------- commission modes


def test_both_modes_on_the_same_month_hand_computed():
    # ¥312,000: step pays all of it at 3 %; marginal pays 200,000 × 2 % + 112,000 × 3 %.
    assert commission(STEP, 312 * K) == 936_000  # ¥9,360.00
    r = compute_commission(MARGINAL, SalesFigures(revenue=312 * K))
    assert r.amount == 4_000_00 + 3_360_00  # ¥7,360.00
    assert [(s.slice, s.rate, s.amount) for s in r.slices] == [
        (200 * K, Fraction(2, 100), 4_000_00),
        (112 * K, Fraction(3, 100), 3_360_00),
    ]
    # ¥650,000: step 5 % of all; marginal 4,000 + 9,000 + 150,000 × 5 %.
    assert commission(STEP, 650 * K) == 32_500_00
    assert commission(MARGINAL, 650 * K) == 4_000_00 + 9_000_00 + 7_500_00


@pytest.mark.parametrize(
    ("revenue", "index", "step", "marginal"),
    [
        # at the 200k bound: the 3 % bracket is reached exactly there
        (200 * K - 1, 0, 400_000, 400_000),  # 399,999.98 fen rounds up
        (200 * K, 1, 600_000, 400_000),
        (200 * K + 1, 1, 600_000, 400_000),  # 600,000.03 and 400,000.03 round down
        # at the 500k bound
        (500 * K - 1, 1, 1_500_000, 1_300_000),  # 1,499,999.97 and 1,299,999.97 round up
        (500 * K, 2, 2_500_000, 1_300_000),
        (500 * K + 1, 2, 2_500_000, 1_300_000),
        # at the bottom
        (0, 0, 0, 0),
        (1, 0, 0, 0),  # 0.02 fen
        (25, 0, 1, 1),  # 0.5 fen rounds half up
    ],
)
def test_amount_bracket_boundaries(revenue, index, step, marginal):
    s = compute_commission(STEP, SalesFigures(revenue=revenue))
    m = compute_commission(MARGINAL, SalesFigures(revenue=revenue))
    assert (s.bracket_index, s.amount) == (index, step)
    assert (m.bracket_index, m.amount) == (index, marginal)


def test_one_fen_across_a_step_bound_changes_the_rate_of_the_whole_base():
    below = compute_commission(STEP, SalesFigures(revenue=200 * K - 1))
    at = compute_commission(STEP, SalesFigures(revenue=200 * K))
    assert below.rate == Fraction(2, 100) and at.rate == Fraction(3, 100)


TARGET = 300 * K


@pytest.mark.parametrize(
    ("revenue", "index", "step"),
    [
        (240 * K - 1, 0, 0),  # 79.99999 %
        (240 * K, 1, 720_000),  # exactly 80 %: 3 %
        (240 * K + 1, 1, 720_000),
        (TARGET - 1, 1, 900_000),  # 899,999.97 rounds up
        (TARGET, 2, 1_500_000),  # exactly 100 %: 5 %
        (TARGET + 1, 2, 1_500_000),
    ],
)
def test_attainment_bracket_boundaries_step(revenue, index, step):
    r = compute_commission(rule(CommissionMode.STEP, ATTAINMENT_BRACKETS, BracketBy.ATTAINMENT),
                           SalesFigures(revenue=revenue, target=TARGET))
    assert (r.bracket_index, r.amount) == (index, step)
    assert r.attainment == Fraction(revenue, TARGET)


def test_attainment_brackets_marginal_slices_scale_with_the_target():
    r = compute_commission(rule(CommissionMode.MARGINAL, ATTAINMENT_BRACKETS, BracketBy.ATTAINMENT),
                           SalesFigures(revenue=312 * K, target=TARGET))
    # 0–240k at 0 %, 240k–300k at 3 % = 1,800, 300k–312k at 5 % = 600
    assert r.amount == 2_400_00
    assert [(s.lower, s.upper, s.amount) for s in r.slices] == [
        (0, 240 * K, 0), (240 * K, 300 * K, 1_800_00), (300 * K, None, 600_00)]
    step = compute_commission(rule(CommissionMode.STEP, ATTAINMENT_BRACKETS, BracketBy.ATTAINMENT),
                              SalesFigures(revenue=312 * K, target=TARGET))
    assert step.amount == 15_600_00


def test_attainment_brackets_need_a_target():
    r = rule(CommissionMode.STEP, ATTAINMENT_BRACKETS, BracketBy.ATTAINMENT)
    for target in (None, 0):
        with pytest.raises(ValidationError) as e:
            compute_commission(r, SalesFigures(revenue=5, target=target))
        assert e.value.code == "incentives.target_required"


def test_zero_sales_pay_zero_in_both_modes():
    for r in (STEP, MARGINAL):
        res = compute_commission(r, SalesFigures())
        assert res.amount == 0 and res.base.base == 0 and res.base.carry_out == 0
    assert compute_commission(MARGINAL, SalesFigures()).slices == ()


def test_marginal_slices_add_up_to_the_line_even_with_fractional_fen():
    brackets = (Bracket(0, 333, "0.015"), Bracket(333, 667, "0.025"), Bracket(667, None, "0.035"))
    r = compute_commission(rule(CommissionMode.MARGINAL, brackets), SalesFigures(revenue=1000))
    exact = Fraction(333 * 15 + 334 * 25 + 333 * 35, 1000)  # 25.0 fen
    assert r.amount == 25 == round(exact)
    assert sum(s.amount for s in r.slices) == r.amount


# ----------------------------------------------------------------------------- the base


def test_refunds_reduce_the_base():
    f = SalesFigures(revenue=312 * K, refunds=12 * K)
    assert commission_base(f).base == 300 * K
    assert commission(STEP, 312 * K, refunds=12 * K) == 9_000_00  # 300k × 3 %
    # a refund moves the base back across a bound
    assert commission(STEP, 205 * K, refunds=5 * K + 1) == round_half(199_999_99 * 2, 100)


def round_half(n: int, d: int) -> int:
    q, r = divmod(n, d)
    return q + (2 * r >= d)


def test_refunds_beyond_the_month_carry_to_the_next_month():
    first = commission_base(SalesFigures(revenue=5 * K, refunds=8 * K))
    assert (first.base, first.carry_out) == (0, -3 * K)
    assert commission(STEP, 5 * K, refunds=8 * K) == 0
    second = commission_base(SalesFigures(revenue=10 * K, carry_in=first.carry_out))
    assert (second.base, second.carry_out) == (7 * K, 0)
    # a carry larger than the next month's sales keeps carrying
    third = commission_base(SalesFigures(revenue=1 * K, carry_in=-3 * K))
    assert (third.base, third.carry_out) == (0, -2 * K)


def test_a_positive_carry_in_is_refused():
    with pytest.raises(ValidationError) as e:
        commission_base(SalesFigures(revenue=1, carry_in=1))
    assert e.value.code == "incentives.carry_in_positive"


def test_gross_profit_base():
    f = SalesFigures(revenue=312 * K, refunds=12 * K, cost_of_sales=100 * K)
    assert commission_base(f, CommissionMeasure.GROSS_PROFIT).base == 200 * K
    gp = rule(CommissionMode.STEP, measure=CommissionMeasure.GROSS_PROFIT)
    assert compute_commission(gp, f).amount == 6_000_00  # 200k reaches 3 %
    # cost does not touch a revenue base
    assert compute_commission(STEP, f).amount == 9_000_00


def test_negative_figures_are_refused_together():
    with pytest.raises(FieldErrors) as e:
        commission_base(SalesFigures(revenue=-1, refunds=-1))
    assert set(e.value.errors) == {"revenue", "refunds"}
    assert e.value.errors["revenue"].code == "money.negative"


# ----------------------------------------------------------------------------- bracket rules


@pytest.mark.parametrize(
    ("brackets", "code", "params"),
    [
        ((), "incentives.brackets_empty", {}),
        ((Bracket(100, None, "0.01"),), "incentives.bracket_not_from_zero", {}),
        ((Bracket(0, 500, "0.01"), Bracket(400, None, "0.02")), "incentives.bracket_overlap",
         {"index": 1}),
        ((Bracket(0, 500, "0.01"), Bracket(501, None, "0.02")), "incentives.bracket_gap",
         {"index": 1}),
        ((Bracket(0, 500, "0.01"), Bracket(500, 900, "0.02"), Bracket(100, None, "0.03")),
         "incentives.bracket_unsorted", {"index": 2}),
        ((Bracket(0, 500, "0.01"), Bracket(500, 500, "0.02"), Bracket(500, None, "0.03")),
         "incentives.bracket_empty_range", {"index": 1}),
        ((Bracket(0, None, "0.01"), Bracket(500, None, "0.02")),
         "incentives.bracket_unbounded_not_last", {"index": 0}),
        ((Bracket(0, 500, "0.01"),), "incentives.bracket_last_bounded", {"index": 0}),
        ((Bracket(0, 500, "-0.01"), Bracket(500, None, "0.02")), "incentives.rate_negative",
         {"index": 0}),
        ((Bracket(0, 500, "0.01"), Bracket(500, None, "1.0001")), "incentives.rate_over_100",
         {"index": 1}),
        ((Bracket(0, Decimal("0.5"), "0.01"), Bracket(Decimal("0.5"), None, "0.02")),
         "incentives.bracket_bound_not_amount", {"index": 0}),
        ((Bracket(0, 500, 0.01), Bracket(500, None, "0.02")), "rate.invalid", {}),
    ],
)
def test_bad_brackets_get_specific_codes(brackets, code, params):
    with pytest.raises(ValidationError) as e:
        validate_brackets(brackets, BracketBy.AMOUNT)
    assert e.value.code == code
    assert e.value.field == "brackets"
    for k, v in params.items():
        assert e.value.params[k] == v


def test_rate_of_exactly_100_percent_and_zero_are_allowed():
    bands = validate_brackets((Bracket(0, 500, 0), Bracket(500, None, 1)))
    assert [b.rate for b in bands] == [0, 1]


def test_attainment_bounds_may_be_fractions():
    bands = validate_brackets(ATTAINMENT_BRACKETS, BracketBy.ATTAINMENT)
    assert bands[1].lower == Fraction(4, 5)


# ----------------------------------------------------------------------------- properties

rates = st.integers(min_value=0, max_value=1000).map(lambda n: Fraction(n, 1000))


@st.composite
def bracket_tables(draw, increasing: bool = False):
    cuts = sorted(draw(st.sets(st.integers(min_value=1, max_value=10**9), max_size=4)))
    rs = draw(st.lists(rates, min_size=len(cuts) + 1, max_size=len(cuts) + 1))
    if increasing:
        rs.sort()
    bounds = [0, *cuts]
    uppers = [*cuts, None]
    return tuple(Bracket(lo, hi, r) for lo, hi, r in zip(bounds, uppers, rs, strict=True))


amounts = st.integers(min_value=0, max_value=2 * 10**9)


@given(bracket_tables(increasing=True), amounts)
def test_marginal_never_exceeds_step_when_rates_do_not_decrease(brackets, revenue):
    f = SalesFigures(revenue=revenue)
    m = compute_commission(rule(CommissionMode.MARGINAL, brackets), f).amount
    s = compute_commission(rule(CommissionMode.STEP, brackets), f).amount
    assert m <= s


@given(bracket_tables(), amounts, st.integers(min_value=0, max_value=10**8))
def test_marginal_commission_never_falls_as_sales_grow(brackets, revenue, more):
    r = rule(CommissionMode.MARGINAL, brackets)
    assert commission(r, revenue + more) >= commission(r, revenue)


@given(bracket_tables(increasing=True), amounts, st.integers(min_value=0, max_value=10**8))
def test_step_commission_never_falls_when_rates_do_not_decrease(brackets, revenue, more):
    r = rule(CommissionMode.STEP, brackets)
    assert commission(r, revenue + more) >= commission(r, revenue)


def test_step_can_fall_when_a_higher_bracket_has_a_lower_rate():
    # why the monotone property of STEP needs non-decreasing rates
    r = rule(CommissionMode.STEP, (Bracket(0, 1000, "0.1"), Bracket(1000, None, "0.01")))
    assert commission(r, 1000) < commission(r, 999)


@given(bracket_tables(), amounts)
def test_marginal_slices_always_sum_to_the_line(brackets, revenue):
    r = compute_commission(rule(CommissionMode.MARGINAL, brackets), SalesFigures(revenue=revenue))
    assert sum(s.amount for s in r.slices) == r.amount
    assert sum(s.slice for s in r.slices) == revenue


# ----------------------------------------------------------------------------- proration


def test_days_employed():
    assert days_employed(2024, 2, None, None) == 29
    assert days_employed(2024, 2, date(2024, 2, 10), None) == 20
    assert days_employed(2024, 4, None, date(2024, 4, 15)) == 15
    assert days_employed(2024, 3, date(2024, 3, 5), date(2024, 3, 20)) == 16
    assert days_employed(2024, 3, date(2024, 3, 31), date(2024, 3, 31)) == 1
    assert days_employed(2024, 3, date(2024, 4, 1), None) == 0
    assert days_employed(2024, 3, None, date(2024, 2, 29)) == 0
    assert days_employed(2024, 3, date(2023, 1, 1), date(2025, 1, 1)) == 31
    with pytest.raises(ValidationError) as e:
        days_employed(2024, 3, date(2024, 3, 20), date(2024, 3, 5))
    assert e.value.code == "incentives.left_before_joined"


def test_prorate_rounds_half_up():
    assert prorate(300_000, 20, 29) == 206_897  # 206,896.55
    assert prorate(300_000, 16, 31) == 154_839  # 154,838.71
    assert prorate(300_000, 15, 30) == 150_000
    assert prorate(1, 1, 2) == 1  # half a fen rounds up
    assert prorate(300_000, 31, 31) == 300_000


SCHEME = PayScheme(
    base_pay=3_000 * YUAN,
    responsibility_pay=500 * YUAN,
    performance_base=1_000 * YUAN,
    commission=STEP,
    new_member_bonus=50 * YUAN,
)


def test_joined_mid_month_prorates_fixed_pay_only():
    slip = compute_pay(PayInputs(2024, 2, SCHEME, joined=date(2024, 2, 10), assessment_score=100,
                                 sales=SalesFigures(revenue=312 * K), new_members=2))
    (base,) = slip.lines_of(PayKind.BASE)
    assert base.amount == 206_897
    assert base.basis.template == "pay.prorated"
    assert base.basis["days_employed"] == 20 and base.basis["days_in_month"] == 29
    assert slip.lines_of(PayKind.RESPONSIBILITY)[0].amount == prorate(50_000, 20, 29) == 34_483
    perf = slip.lines_of(PayKind.PERFORMANCE)[0]
    assert perf.amount == prorate(100_000, 20, 29) == 68_966
    assert perf.basis["monthly"] == 100_000
    assert slip.lines_of(PayKind.COMMISSION)[0].amount == 936_000  # not prorated
    assert slip.lines_of(PayKind.NEW_MEMBER_BONUS)[0].amount == 10_000  # not prorated
    assert (slip.days_employed, slip.days_in_month) == (20, 29)


def test_left_mid_month():
    slip = compute_pay(PayInputs(2024, 4, SCHEME, left=date(2024, 4, 15), assessment_score=80))
    assert slip.lines_of(PayKind.BASE)[0].amount == 150_000
    assert slip.lines_of(PayKind.PERFORMANCE)[0].amount == 40_000  # 50,000 × 0.8


def test_full_month_uses_the_fixed_template():
    slip = compute_pay(PayInputs(2024, 3, SCHEME, assessment_score=100))
    base = slip.lines_of(PayKind.BASE)[0]
    assert (base.amount, base.basis.template) == (300_000, "pay.fixed")
    assert base.basis.get("days_employed") is None


# ----------------------------------------------------------------------------- performance


@pytest.mark.parametrize(
    ("score", "factor"),
    [(0, 0), ("87.5", Fraction(7, 8)), (100, 1), (119, Fraction(119, 100)), (120, Fraction(6, 5)),
     (130, Fraction(6, 5))],
)
def test_performance_factor_is_capped(score, factor):
    assert performance_factor(score) == factor


def test_performance_pay_formula_and_basis():
    slip = compute_pay(PayInputs(2024, 3, SCHEME, assessment_score=Decimal("87.5")))
    perf = slip.lines_of(PayKind.PERFORMANCE)[0]
    assert perf.amount == 87_500
    assert perf.basis.template == "pay.performance"
    assert perf.basis["factor"] == Fraction(7, 8)
    assert perf.basis.get("factor").kind is ValueKind.RATIO
    assert perf.basis["cap"] == Fraction(6, 5)
    capped = compute_pay(PayInputs(2024, 3, SCHEME, assessment_score=150))
    assert capped.lines_of(PayKind.PERFORMANCE)[0].amount == 120_000


def test_performance_needs_a_valid_score():
    with pytest.raises(FieldErrors) as e:
        compute_pay(PayInputs(2024, 3, SCHEME))
    assert e.value.errors["assessment_score"].code == "incentives.score_missing"
    with pytest.raises(FieldErrors) as e:
        compute_pay(PayInputs(2024, 3, SCHEME, assessment_score=-1))
    assert e.value.errors["assessment_score"].code == "incentives.score_invalid"


@pytest.mark.parametrize("cap", ["0.9", 4, "-1"])
def test_cap_out_of_range(cap):
    with pytest.raises(FieldErrors) as e:
        validate_scheme(dataclasses.replace(SCHEME, performance_cap=cap))
    assert e.value.errors["performance_cap"].code == "incentives.cap_invalid"


# ----------------------------------------------------------------------------- mentor

MENTOR = MentorRule(standard_line=Decimal("0.8"), bonus=200 * YUAN, subsidy=500 * YUAN)


@pytest.mark.parametrize(
    ("attainment", "bonus", "cut"),
    [
        ("1.5", 20_000, 0),
        ("0.8", 20_000, 0),  # exactly on the line counts as on standard
        ("0.7999", 0, 6),  # 50,000 × 0.0001 / 0.8 = 6.25
        ("0.6", 0, 12_500),  # a quarter short: a quarter of the subsidy
        ("0.4", 0, 25_000),
        (0, 0, 50_000),  # the whole subsidy, never more
    ],
)
def test_mentor_bonus_at_or_above_the_line_cut_below(attainment, bonus, cut):
    o = mentor_outcome(MENTOR, attainment)
    assert (o.subsidy, o.bonus, o.cut) == (50_000, bonus, cut)
    assert o.subsidy - o.cut >= 0


def test_mentor_lines_on_the_slip():
    scheme = PayScheme(mentor=MENTOR)
    slip = compute_pay(PayInputs(2024, 3, scheme, apprentices=(
        ApprenticeResult("小李", "0.9"), ApprenticeResult("小张", "0.6"))))
    kinds = [(line.kind, line.amount) for line in slip.lines]
    assert kinds == [
        (PayKind.MENTOR_SUBSIDY, 50_000), (PayKind.MENTOR_BONUS, 20_000),
        (PayKind.MENTOR_SUBSIDY, 50_000), (PayKind.MENTOR_CUT, -12_500),
    ]
    cut = slip.lines[3].basis
    assert cut["apprentice"] == "小张" and cut["standard_line"] == Fraction(4, 5)
    assert slip.total == 107_500


def test_apprentice_without_a_target_gets_the_subsidy_only():
    """No plan for the month: no attainment, so neither bonus nor cut; the subsidy stays."""
    slip = compute_pay(PayInputs(2024, 3, PayScheme(mentor=MENTOR), apprentices=(
        ApprenticeResult("小李", None), ApprenticeResult("小张", "0.6"))))
    assert [(x.kind, x.amount) for x in slip.lines] == [
        (PayKind.MENTOR_SUBSIDY, 50_000), (PayKind.MENTOR_SUBSIDY, 50_000),
        (PayKind.MENTOR_CUT, -12_500)]
    assert slip.lines[0].basis.template == "pay.mentor_subsidy"
    no_subsidy = PayScheme(mentor=MentorRule(standard_line=1, bonus=10_000))
    assert compute_pay(PayInputs(2024, 3, no_subsidy, apprentices=(
        ApprenticeResult("小李", None),))).lines == ()


def test_apprentices_without_a_mentor_rule_are_refused():
    with pytest.raises(FieldErrors) as e:
        compute_pay(PayInputs(2024, 3, PayScheme(), apprentices=(ApprenticeResult("a", 1),)))
    assert e.value.errors["apprentices"].code == "incentives.no_mentor_rule"


def test_standard_line_must_be_positive():
    with pytest.raises(FieldErrors) as e:
        validate_scheme(PayScheme(mentor=MentorRule(standard_line=0)))
    assert e.value.errors["standard_line"].code == "incentives.standard_line_invalid"


# ----------------------------------------------------------------------------- contests

PRIZES = [1_000 * YUAN, 500 * YUAN, 200 * YUAN]


def test_contest_ranking_ties_share_the_prizes_of_their_positions():
    places = award_contest(
        [ContestEntry("A", 30), ContestEntry("B", 50), ContestEntry("C", 50),
         ContestEntry("D", 10), ContestEntry("E", 0)], PRIZES)
    got = [(p.participant, p.rank, p.tied, p.prize) for p in places]
    assert got == [
        ("B", 1, 2, 75_000), ("C", 1, 2, 75_000),  # (1,000 + 500) / 2
        ("A", 3, 1, 20_000),
        ("D", 4, 1, 0),
        ("E", None, 0, 0),  # nothing done, not placed
    ]
    assert sum(p.prize for p in places) == sum(PRIZES)


def test_contest_tie_split_gives_the_odd_fen_to_the_earlier_entry():
    places = award_contest([ContestEntry(7, 5), ContestEntry(3, 5)], [1001])
    assert [(p.participant, p.prize) for p in places] == [(7, 501), (3, 500)]


def test_contest_three_way_tie_for_second():
    places = award_contest([ContestEntry("a", 9), ContestEntry("b", 4), ContestEntry("c", 4),
                            ContestEntry("d", 4)], [300, 200, 100])
    assert [(p.rank, p.prize) for p in places] == [(1, 300), (2, 100), (2, 100), (2, 100)]


def test_contest_errors():
    with pytest.raises(ValidationError) as e:
        award_contest([ContestEntry("a", 1), ContestEntry("a", 2)], [1])
    assert e.value.code == "incentives.contest_duplicate"
    with pytest.raises(ValidationError) as e:
        award_contest([ContestEntry("a", 1)], [-1])
    assert e.value.code == "incentives.prize_invalid"
    with pytest.raises(ValidationError) as e:
        award_contest([ContestEntry("a", 1.5)], [1])
    assert e.value.code == "incentives.contest_value_invalid"


@given(st.lists(st.integers(min_value=0, max_value=5), max_size=8),
       st.lists(st.integers(min_value=0, max_value=10**6), max_size=5))
def test_contest_never_pays_more_than_the_prizes(values, prizes):
    places = award_contest([ContestEntry(i, v) for i, v in enumerate(values)], prizes)
    placed = sum(1 for v in values if v > 0)
    assert sum(p.prize for p in places) == sum(prizes[:placed])


def test_team_prize_split():
    assert split_team_prize(1000, ["x", "y", "z"]) == {"x": 334, "y": 333, "z": 333}
    assert split_team_prize(1000, []) == {}


def test_prize_lines_on_the_slip():
    slip = compute_pay(PayInputs(2024, 3, PayScheme(), contest_prizes=(
        ContestPrize("三月拜访PK", rank=1, prize=75_000, tied=2),)))
    (line,) = slip.lines
    assert (line.kind, line.amount, line.basis["contest"], line.basis["tied"]) == (
        PayKind.PK_PRIZE, 75_000, "三月拜访PK", 2)


# ----------------------------------------------------------------------------- annual bonus


def test_annual_bonus_entitlement():
    assert annual_bonus_entitlement(1_200 * K, 1_000 * K, "0.1") == 20 * K
    assert annual_bonus_entitlement(900 * K, 1_000 * K, "0.1") == 0
    assert annual_bonus_entitlement(1_000 * K + 5, 1_000 * K, "0.1") == 1  # 0.5 fen up
    with pytest.raises(ValidationError) as e:
        annual_bonus_entitlement(1, 0, "1.5")
    assert e.value.code == "incentives.share_invalid"


def test_monthly_accrual_over_a_year_adds_up_to_the_year():
    targets = [100 * K] * 12
    actuals = [130 * K, 90 * K, 60 * K, 150 * K, 101 * K + 3, 70 * K,
               200 * K, 99 * K, 100 * K, 80 * K + 7, 140 * K, 120 * K]
    sched = accrual_schedule(actuals, targets, Decimal("0.15"))
    year = annual_bonus_entitlement(sum(actuals), sum(targets), Decimal("0.15"))
    assert year == round_half(15 * (sum(actuals) - 1_200 * K), 100)
    assert sum(a.accrual for a in sched) == year
    # January: 30k over × 15 % = 4,500
    assert sched[0].accrual == 4_500_00
    # March falls behind year to date: 280k vs 300k, so January–February's provision is released
    assert sched[2].entitlement_to_date == 0 and sched[2].accrual == -sched[1].entitlement_to_date
    # the scheme pays the same figure in its month
    scheme = PayScheme(annual_bonus_share=Decimal("0.15"), annual_bonus_month=1)
    slip = compute_pay(PayInputs(2025, 1, scheme,
                                 annual_bonus=AnnualBonusInput(sum(actuals), sum(targets))))
    assert slip.lines_of(PayKind.ANNUAL_BONUS)[0].amount == year


@given(st.lists(st.tuples(st.integers(min_value=0, max_value=10**9),
                          st.integers(min_value=0, max_value=10**9)), min_size=1, max_size=12),
       st.integers(min_value=0, max_value=100).map(lambda n: Fraction(n, 100)))
def test_accruals_always_sum_to_the_entitlement(months, share):
    actuals = [a for a, _ in months]
    targets = [t for _, t in months]
    sched = accrual_schedule(actuals, targets, share)
    assert sum(a.accrual for a in sched) == annual_bonus_entitlement(sum(actuals), sum(targets),
                                                                     share)
    assert all(a.entitlement_to_date >= 0 for a in sched)


def test_accrue_one_month():
    a = accrue_annual_bonus(300 * K, 250 * K, "0.1", accrued_before=3 * K)
    assert (a.entitlement_to_date, a.accrual) == (5 * K, 2 * K)


def test_annual_bonus_only_in_its_month():
    scheme = PayScheme(annual_bonus_share="0.1", annual_bonus_month=1)
    with pytest.raises(FieldErrors) as e:
        compute_pay(PayInputs(2025, 2, scheme, annual_bonus=AnnualBonusInput(1, 0)))
    err = e.value.errors["annual_bonus"]
    assert err.code == "incentives.annual_bonus_not_due" and err.params["due"] == 1
    with pytest.raises(FieldErrors) as e:
        validate_scheme(PayScheme(annual_bonus_share="0.1"))
    assert e.value.errors["annual_bonus_month"].code == "incentives.annual_bonus_month_required"
    with pytest.raises(FieldErrors) as e:
        validate_scheme(PayScheme(annual_bonus_month=13))
    assert e.value.errors["annual_bonus_month"].code == "incentives.month_invalid"


# ----------------------------------------------------------------------------- deductions


def test_deduction_needs_a_reason_and_a_positive_amount():
    slip = compute_pay(PayInputs(2024, 3, PayScheme(base_pay=300_000),
                                 deductions=(Deduction("迟到三次", 15_000),)))
    d = slip.lines_of(PayKind.DEDUCTION)[0]
    assert d.amount == -15_000 and d.basis["reason"] == "迟到三次"
    assert slip.total == 285_000
    with pytest.raises(FieldErrors) as e:
        compute_pay(PayInputs(2024, 3, PayScheme(), deductions=(Deduction("  ", 100),)))
    assert e.value.errors["deductions"].code == "incentives.reason_required"
    with pytest.raises(FieldErrors) as e:
        compute_pay(PayInputs(2024, 3, PayScheme(), deductions=(Deduction("x", 0),)))
    assert e.value.errors["deductions"].code == "money.zero"


def test_adjustments_from_locked_runs_come_in_as_lines():
    slip = compute_pay(PayInputs(2024, 6, PayScheme(), adjustments=(
        Adjustment("2024-05", "漏算新会员奖励", 10_000), Adjustment("2024-04", "多发提成", -2_500))))
    assert [(line.kind, line.amount) for line in slip.lines] == [
        (PayKind.ADJUSTMENT, 10_000), (PayKind.ADJUSTMENT, -2_500)]
    assert slip.lines[0].basis["source"] == "2024-05"
    assert slip.total == 7_500
    with pytest.raises(FieldErrors) as e:
        compute_pay(PayInputs(2024, 6, PayScheme(), adjustments=(Adjustment("2024-05", "x", 0),)))
    assert e.value.errors["adjustments"].code == "incentives.adjustment_zero"


def test_total_may_go_negative_rather_than_hide_a_line():
    slip = compute_pay(PayInputs(2024, 3, PayScheme(base_pay=1_000),
                                 deductions=(Deduction("赔偿损坏设备", 5_000),)))
    assert slip.total == -4_000


# ----------------------------------------------------------------------------- schemes


def test_override_replaces_only_the_fields_set():
    person = SchemeOverride(base_pay=3_500 * YUAN, commission=MARGINAL)
    merged = merge_scheme(SCHEME, person)
    assert merged.base_pay == 350_000
    assert merged.commission is MARGINAL
    assert merged.responsibility_pay == SCHEME.responsibility_pay
    assert merge_scheme(SCHEME, None) is SCHEME
    assert merge_scheme(SCHEME, SchemeOverride()) == SCHEME
    assert merge_scheme(SCHEME, SchemeOverride(commission=None)).commission is None
    assert SchemeOverride().base_pay is INHERIT


def test_scheme_errors_are_reported_together():
    bad = PayScheme(base_pay=-1, new_member_bonus=-5,
                    commission=rule(CommissionMode.STEP, (Bracket(0, 10, "0.1"),)))
    with pytest.raises(FieldErrors) as e:
        validate_scheme(bad)
    assert set(e.value.errors) == {"base_pay", "new_member_bonus", "brackets"}
    assert e.value.errors["brackets"].code == "incentives.bracket_last_bounded"


# ----------------------------------------------------------------------------- the payslip


def test_a_full_payslip_hand_computed():
    scheme = dataclasses.replace(SCHEME, mentor=MENTOR)
    slip = compute_pay(PayInputs(
        2024, 3, scheme, assessment_score=90,
        sales=SalesFigures(revenue=320 * K, refunds=8 * K, target=TARGET),
        new_members=3, apprentices=(ApprenticeResult("小李", "0.8"),),
        contest_prizes=(ContestPrize("拜访PK", 2, 300 * YUAN),),
        deductions=(Deduction("工服", 100 * YUAN),)))
    assert [(line.kind, line.amount) for line in slip.lines] == [
        (PayKind.BASE, 300_000),
        (PayKind.RESPONSIBILITY, 50_000),
        (PayKind.PERFORMANCE, 90_000),
        (PayKind.COMMISSION, 936_000),  # (320k − 8k) × 3 %
        (PayKind.NEW_MEMBER_BONUS, 15_000),
        (PayKind.MENTOR_SUBSIDY, 50_000),
        (PayKind.MENTOR_BONUS, 20_000),
        (PayKind.PK_PRIZE, 30_000),
        (PayKind.DEDUCTION, -10_000),
    ]
    assert slip.total == 1_481_000
    c = slip.lines_of(PayKind.COMMISSION)[0]
    assert c.label_code == "pay.commission"
    assert c.basis.template == "pay.commission.step"
    assert (c.basis["base"], c.basis["rate"], c.basis["refunds"]) == (312 * K, Fraction(3, 100),
                                                                      8 * K)
    assert c.basis["attainment"] == Fraction(312, 300)
    assert c.basis.get("base").kind is ValueKind.MONEY


def test_every_line_has_a_known_template_and_its_amount():
    scheme = dataclasses.replace(SCHEME, commission=MARGINAL, mentor=MENTOR,
                                 annual_bonus_share="0.1", annual_bonus_month=3)
    slip = compute_pay(PayInputs(
        2024, 3, scheme, joined=date(2024, 3, 4), assessment_score=77,
        sales=SalesFigures(revenue=612 * K), new_members=1,
        apprentices=(ApprenticeResult("a", "0.5"), ApprenticeResult("b", 1)),
        contest_prizes=(ContestPrize("x", 1, 1),), annual_bonus=AnnualBonusInput(5 * K, 1 * K),
        deductions=(Deduction("r", 1),), adjustments=(Adjustment("2024-02", "r", -1),)))
    assert {line.kind for line in slip.lines} == set(PayKind)
    for line in slip.lines:
        assert line.basis.template in TEMPLATES
        assert line.basis["amount"] == line.amount
        assert line.label_code == "pay." + line.kind.value
        for part in line.basis.parts:
            assert part.template in TEMPLATES
    c = slip.lines_of(PayKind.COMMISSION)[0]
    assert sum(p["amount"] for p in c.basis.parts) == c.amount
    assert [p["rate"] for p in c.basis.parts] == [Fraction(2, 100), Fraction(3, 100),
                                                  Fraction(5, 100)]


def test_no_commission_rule_no_commission_line_and_zero_sales_still_shows_one():
    assert compute_pay(PayInputs(2024, 3, PayScheme(base_pay=1))).lines_of(PayKind.COMMISSION) == ()
    slip = compute_pay(PayInputs(2024, 3, PayScheme(commission=STEP)))
    (line,) = slip.lines_of(PayKind.COMMISSION)
    assert line.amount == 0 and line.basis["base"] == 0


def test_carry_out_reaches_the_payslip():
    slip = compute_pay(PayInputs(2024, 3, PayScheme(commission=STEP),
                                 sales=SalesFigures(revenue=1 * K, refunds=4 * K)))
    assert slip.commission_carry_out == -3 * K
    assert slip.lines_of(PayKind.COMMISSION)[0].basis["carry_out"] == -3 * K


def test_several_bad_inputs_reported_at_once():
    with pytest.raises(FieldErrors) as e:
        compute_pay(PayInputs(2024, 3, SCHEME, sales=SalesFigures(revenue=-1), new_members=-1,
                              deductions=(Deduction("", 1),)))
    assert set(e.value.errors) == {"assessment_score", "sales", "new_members", "deductions"}


def test_payslip_refuses_a_total_that_is_not_the_sum():
    line = PayLine(PayKind.BASE, "pay.base", 5, compute_pay(
        PayInputs(2024, 3, PayScheme(base_pay=5))).lines[0].basis)
    with pytest.raises(ValueError):
        Payslip(2024, 3, (line,), 6, 31, 31)


money_in = st.integers(min_value=0, max_value=10**8)


@given(
    base=money_in, resp=money_in, perf=money_in, nmb=st.integers(min_value=0, max_value=10**5),
    score=st.integers(min_value=0, max_value=20000).map(lambda n: Fraction(n, 100)),
    mode=st.sampled_from(CommissionMode), revenue=money_in, refunds=money_in,
    joined=st.one_of(st.none(), st.dates(date(2024, 1, 1), date(2024, 12, 31))),
    members=st.integers(min_value=0, max_value=50),
    apprentice=st.lists(st.integers(min_value=0, max_value=200).map(lambda n: Fraction(n, 100)),
                        max_size=3),
    ded=st.lists(st.integers(min_value=1, max_value=10**6), max_size=3),
    adj=st.lists(st.integers(min_value=-10**6, max_value=10**6).filter(bool), max_size=3),
    month=st.integers(min_value=1, max_value=12),
)
def test_payslip_total_is_the_sum_of_its_lines(base, resp, perf, nmb, score, mode, revenue,
                                               refunds, joined, members, apprentice, ded, adj,
                                               month):
    scheme = PayScheme(base_pay=base, responsibility_pay=resp, performance_base=perf,
                       commission=rule(mode), new_member_bonus=nmb, mentor=MENTOR)
    slip = compute_pay(PayInputs(
        2024, month, scheme, joined=joined, assessment_score=score,
        sales=SalesFigures(revenue=revenue, refunds=refunds), new_members=members,
        apprentices=tuple(ApprenticeResult(f"p{i}", a) for i, a in enumerate(apprentice)),
        deductions=tuple(Deduction("r", d) for d in ded),
        adjustments=tuple(Adjustment("2023-12", "r", a) for a in adj)))
    assert slip.total == sum(line.amount for line in slip.lines)
    fixed = sum(line.amount for line in slip.lines
                if line.kind in (PayKind.BASE, PayKind.RESPONSIBILITY))
    assert fixed <= base + resp


def test_accrual_schedule_needs_matching_months():
    for actuals, targets in (([1, 2], [1]), ([1] * 13, [1] * 13)):
        with pytest.raises(ValidationError) as e:
            accrual_schedule(actuals, targets, "0.1")
        assert e.value.code == "incentives.months_mismatch"
