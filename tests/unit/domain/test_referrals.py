from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opsdesk.domain.errors import ValidationError
from opsdesk.domain.referrals import (
    Registration,
    Reward,
    RewardReversal,
    RewardRule,
    TreeRow,
    Trigger,
    ancestors,
    build_forest,
    check_referral_link,
    fission_figures,
    grant_reward,
    plan_reversal,
    reward_entry,
    select_rule,
    subtree,
    validate_rules,
)
from opsdesk.domain.stored_value import Entry, EntryKind

YUAN = 100
RULES = (
    RewardRule(1, 500 * YUAN, bonus=30 * YUAN),
    RewardRule(2, 1000 * YUAN, bonus=80 * YUAN),
    RewardRule(3, 3000 * YUAN, gift="体验卡"),
    RewardRule(4, 200 * YUAN, Trigger.FIRST_PURCHASE, bonus=10 * YUAN),
)


def code_of(e: pytest.ExceptionInfo[ValidationError]) -> str:
    return e.value.code


# ----------------------------------------------------------------------------- rules


def test_exactly_at_threshold_qualifies_one_fen_below_does_not() -> None:
    assert select_rule(RULES, Trigger.FIRST_TOPUP, 500 * YUAN).id == 1
    assert select_rule(RULES, Trigger.FIRST_TOPUP, 500 * YUAN - 1) is None
    assert select_rule(RULES, Trigger.FIRST_TOPUP, 1000 * YUAN - 1).id == 1
    assert select_rule(RULES, Trigger.FIRST_TOPUP, 1000 * YUAN).id == 2


def test_highest_rule_reached_applies_and_rules_do_not_stack() -> None:
    r = grant_reward(RULES, Trigger.FIRST_TOPUP, 2000 * YUAN)
    assert r == Reward(2, Trigger.FIRST_TOPUP, 1000 * YUAN, 2000 * YUAN, 80 * YUAN, "")
    assert reward_entry(r) == Entry(EntryKind.BONUS, 0, 80 * YUAN)


def test_gift_rule_posts_no_stored_value() -> None:
    r = grant_reward(RULES, Trigger.FIRST_TOPUP, 3000 * YUAN)
    assert r is not None and r.gift == "体验卡" and r.bonus == 0
    assert reward_entry(r) is None


def test_rules_are_per_trigger() -> None:
    assert select_rule(RULES, Trigger.FIRST_PURCHASE, 5000 * YUAN).id == 4
    assert select_rule(RULES, Trigger.FIRST_PURCHASE, 200 * YUAN - 1) is None
    assert grant_reward(RULES, Trigger.FIRST_TOPUP, 100) is None


@pytest.mark.parametrize(("rule", "expected"), [
    (RewardRule(9, 0, bonus=1), "referral.rule_threshold_invalid"),
    (RewardRule(9, -5, bonus=1), "referral.rule_threshold_invalid"),
    (RewardRule(9, 100), "referral.rule_reward_missing"),
    (RewardRule(9, 100, bonus=5, gift="茶"), "referral.rule_reward_both"),
    (RewardRule(9, 100, bonus=-5), "money.negative"),
    (RewardRule(9, 1000 * YUAN, bonus=5), "referral.rule_duplicate"),
    (RewardRule(9, 100, gift="x" * 101), "text.too_long"),
])
def test_bad_rules_are_refused(rule: RewardRule, expected: str) -> None:
    with pytest.raises(ValidationError) as e:
        validate_rules([*RULES, rule])
    assert code_of(e) == expected


def test_same_threshold_on_different_triggers_is_fine() -> None:
    out = validate_rules([RewardRule(1, 100, bonus=5),
                          RewardRule(2, 100, Trigger.FIRST_PURCHASE, bonus=5)])
    assert len(out) == 2


# ----------------------------------------------------------------------------- reversal


def _reward(amount: int = 1200 * YUAN) -> Reward:
    r = grant_reward(RULES, Trigger.FIRST_TOPUP, amount)
    assert r is not None
    return r


def test_full_refund_reverses_the_whole_bonus() -> None:
    rv = plan_reversal(_reward(), 1200 * YUAN, referrer_bonus_balance=500 * YUAN)
    assert rv == RewardReversal(True, 80 * YUAN, 0, False)
    assert rv.entry() == Entry(EntryKind.REVERSAL, 0, -80 * YUAN)


def test_partial_refund_keeping_the_threshold_keeps_the_reward() -> None:
    rv = plan_reversal(_reward(), 200 * YUAN, referrer_bonus_balance=500 * YUAN)
    assert rv == RewardReversal(False, 0, 0, False)
    assert rv.entry() is None


def test_partial_refund_one_fen_below_the_threshold_reverses_all() -> None:
    rv = plan_reversal(_reward(), 200 * YUAN + 1, referrer_bonus_balance=500 * YUAN)
    assert rv.reversed and rv.bonus_reversed == 80 * YUAN


def test_bonus_already_spent_is_written_off_not_made_a_debt() -> None:
    rv = plan_reversal(_reward(), 1200 * YUAN, referrer_bonus_balance=30 * YUAN)
    assert rv == RewardReversal(True, 30 * YUAN, 50 * YUAN, False)


def test_gift_reversal_flags_the_gift() -> None:
    rv = plan_reversal(_reward(3000 * YUAN), 3000 * YUAN, referrer_bonus_balance=0)
    assert rv == RewardReversal(True, 0, 0, True)
    assert rv.entry() is None


def test_refund_larger_than_the_payment_is_refused() -> None:
    with pytest.raises(ValidationError) as e:
        plan_reversal(_reward(), 1200 * YUAN + 1, 0)
    assert code_of(e) == "referral.refund_exceeds_payment"
    assert e.value.params["max"] == 1200 * YUAN


@given(amount=st.integers(500 * YUAN, 10**7), refund=st.integers(0, 10**7),
       held=st.integers(0, 10**6))
def test_reversal_never_takes_more_than_the_bonus_or_the_balance(amount: int, refund: int,
                                                                 held: int) -> None:
    reward = _reward(amount)
    refund = min(refund, amount)
    rv = plan_reversal(reward, refund, held)
    assert rv.bonus_reversed + rv.bonus_written_off == (reward.bonus if rv.reversed else 0)
    assert 0 <= rv.bonus_reversed <= held
    assert rv.reversed == (amount - refund < reward.min_amount)


# ----------------------------------------------------------------------------- links


def test_self_referral_is_refused() -> None:
    with pytest.raises(ValidationError) as e:
        check_referral_link(7, 7)
    assert code_of(e) == "referral.self" and e.value.field == "referrer_id"


def test_loop_is_refused_with_its_chain() -> None:
    referrer_of = {1: None, 2: 1, 3: 2}
    # Making 3 the referrer of 1 would close 1 -> 2 -> 3 -> 1.
    with pytest.raises(ValidationError) as e:
        check_referral_link(1, 3, ancestors(3, referrer_of))
    assert code_of(e) == "referral.loop"
    assert e.value.params["chain"] == [1, 3, 2, 1]


def test_valid_links_pass() -> None:
    referrer_of = {1: None, 2: 1, 3: 2, 4: None}
    check_referral_link(4, 3, ancestors(3, referrer_of))
    check_referral_link(5, 1, ())
    check_referral_link(5, None)
    assert ancestors(3, referrer_of) == (2, 1)
    assert ancestors(1, referrer_of) == ()


def test_ancestors_detects_a_loop_in_stored_data() -> None:
    with pytest.raises(ValidationError) as e:
        ancestors(1, {1: 2, 2: 3, 3: 2})
    assert code_of(e) == "referral.loop"


# ----------------------------------------------------------------------------- tree


PAIRS = [(1, None), (2, 1), (3, 1), (4, 2), (5, 4), (6, None), (7, 3)]


def test_forest_depths_and_descendant_counts() -> None:
    f = build_forest(PAIRS)
    assert f.roots == (1, 6)
    assert {c: n.depth for c, n in f.nodes.items()} == {1: 0, 2: 1, 3: 1, 4: 2, 5: 3, 6: 0, 7: 2}
    assert {c: n.descendants for c, n in f.nodes.items()} == {1: 5, 2: 2, 3: 1, 4: 1, 5: 0,
                                                              6: 0, 7: 0}
    assert f.nodes[1].children == (2, 3)


def test_subtree_in_display_order() -> None:
    f = build_forest(PAIRS)
    assert subtree(f, 2) == (TreeRow(2, 0, 2), TreeRow(4, 1, 1), TreeRow(5, 2, 0))
    assert [r.id for r in subtree(f, 1)] == [1, 2, 4, 5, 3, 7]


@pytest.mark.parametrize(("pairs", "expected"), [
    ([(1, None), (1, None)], "referral.duplicate_customer"),
    ([(1, 1)], "referral.self"),
    ([(1, None), (2, 9)], "referral.unknown_referrer"),
    ([(1, None), (2, 3), (3, 2)], "referral.loop"),
    ([(1, None), (2, 3), (3, 4), (4, 2), (5, 4)], "referral.loop"),
])
def test_bad_forests_are_refused(pairs: list[tuple[int, int | None]], expected: str) -> None:
    with pytest.raises(ValidationError) as e:
        build_forest(pairs)
    assert code_of(e) == expected


def test_unknown_member_subtree() -> None:
    with pytest.raises(ValidationError) as e:
        subtree(build_forest(PAIRS), 99)
    assert code_of(e) == "referral.unknown_member"


def test_a_long_chain_does_not_recurse() -> None:
    n = 5000
    f = build_forest([(0, None), *((i, i - 1) for i in range(1, n))])
    assert f.nodes[n - 1].depth == n - 1
    assert f.nodes[0].descendants == n - 1


@st.composite
def forests(draw: st.DrawFn) -> list[tuple[int, int | None]]:
    n = draw(st.integers(1, 40))
    out: list[tuple[int, int | None]] = []
    for i in range(n):
        ref = draw(st.none() | st.integers(0, i - 1)) if i else None
        out.append((i, ref))
    return draw(st.permutations(out))


@given(forests())
def test_descendants_add_up_and_depth_follows_the_referrer(pairs: list) -> None:
    f = build_forest(pairs)
    assert sum(1 + f.nodes[r].descendants for r in f.roots) == len(pairs)
    for cid, node in f.nodes.items():
        assert node.descendants == sum(1 + f.nodes[c].descendants for c in node.children)
        if node.referrer_id is None:
            assert node.depth == 0
        else:
            assert node.depth == f.nodes[node.referrer_id].depth + 1
        assert len(subtree(f, cid)) == node.descendants + 1


# ----------------------------------------------------------------------------- fission


def _regs() -> list[Registration]:
    return [
        Registration(10, date(2024, 1, 3)),
        Registration(11, date(2024, 1, 9), referrer_id=1),
        Registration(12, date(2024, 1, 31), referrer_id=1),
        Registration(13, date(2024, 2, 1), referrer_id=2),
        Registration(14, date(2024, 3, 5), referrer_id=1),
        Registration(15, date(2024, 3, 6), referrer_id=2),
        Registration(16, date(2024, 12, 31), referrer_id=3),
        Registration(17, date(2023, 12, 31), referrer_id=3),  # last year: not counted
        Registration(18, date(2025, 1, 1), referrer_id=3),  # next year: not counted
    ]


def test_fission_figures_for_a_year() -> None:
    f = fission_figures(_regs(), 2024, customers=40)
    assert f.new == 7 and f.referred == 6
    jan, feb, mar = f.months[:3]
    assert (jan.new, jan.referred, jan.share) == (3, 2, Fraction(2, 3))
    assert (feb.new, feb.referred, feb.share) == (1, 1, Fraction(1))
    assert (mar.new, mar.referred) == (2, 2)
    assert f.months[3].share is None  # April: nobody new, no division by zero
    assert f.months[11].referred == 1
    assert f.referred_share == Fraction(6, 7)
    assert f.referring_members == 3
    assert f.referrals_per_referrer == Fraction(2)
    assert f.repeat_referrers == (1, 2)  # 3 referrals, then 2; referrer 3 has one this year
    assert f.repeat_referrer_share == Fraction(2, 40)
    assert f.referrals_per_customer == Fraction(6, 40)


def test_fission_figures_of_an_empty_year_have_no_ratios() -> None:
    f = fission_figures([], 2024, customers=0)
    assert f.new == 0 and f.referred_share is None and f.referrals_per_referrer is None
    assert f.repeat_referrer_share is None and f.referrals_per_customer is None
    assert all(m.share is None for m in f.months)


def test_repeat_threshold_is_inclusive() -> None:
    f = fission_figures(_regs(), 2024, customers=10, repeat_min=3)
    assert f.repeat_referrers == (1,)


@pytest.mark.parametrize(("year", "customers", "expected"), [
    (1800, 1, "referral.year_invalid"), (2024, -1, "referral.count_invalid"),
    (2024, True, "referral.count_invalid"),
])
def test_fission_bad_input(year: int, customers: int, expected: str) -> None:
    with pytest.raises(ValidationError) as e:
        fission_figures([], year, customers)
    assert code_of(e) == expected


@given(st.lists(st.tuples(st.integers(1, 365), st.none() | st.integers(1, 6)), max_size=60))
def test_monthly_counts_add_up_to_the_year(rows: list[tuple[int, int | None]]) -> None:
    regs = [Registration(i, date.fromordinal(date(2023, 12, 31).toordinal() + d), r)
            for i, (d, r) in enumerate(rows)]
    f = fission_figures(regs, 2024, customers=100)
    assert sum(m.new for m in f.months) == f.new == len(rows)
    assert sum(m.referred for m in f.months) == f.referred
    assert all(m.referred <= m.new for m in f.months)
    assert len(f.repeat_referrers) <= f.referring_members
