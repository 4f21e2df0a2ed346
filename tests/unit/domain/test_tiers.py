from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opsdesk.domain.errors import FieldErrors, ValidationError
from opsdesk.domain.tiers import (
    BonusBracket,
    Standing,
    Tier,
    TierKind,
    UpgradeRule,
    bonus_for_topup,
    discount_from_units,
    discount_to_units,
    evaluate_upgrade,
    expiry,
    lapse,
    parse_discount,
    price_with_discount,
    sort_ladder,
    standing,
    validate_ladder,
    validate_tier,
)

YUAN = 100

BAIT = Tier(1, TierKind.BAIT, "体验卡", rank=10, price=9_90, validity_days=30)
SILVER = Tier(2, TierKind.REGULAR, "银卡", rank=20, price=299 * YUAN, validity_days=365,
              discount=Decimal("0.95"), fallback_tier_id=1,
              bonus_brackets=(BonusBracket(500 * YUAN, 50 * YUAN),))
GOLD = Tier(3, TierKind.REGULAR, "金卡", rank=30, price=999 * YUAN, validity_days=365,
            discount=Decimal("0.88"), fallback_tier_id=2,
            bonus_brackets=(BonusBracket(1000 * YUAN, 200 * YUAN),
                            BonusBracket(2000 * YUAN, 500 * YUAN),
                            BonusBracket(5000 * YUAN, 1500 * YUAN)))
PARTNER = Tier(4, TierKind.PARTNER, "合伙人", rank=40, discount=Decimal("0.7"),
               bonus_brackets=(BonusBracket(10000 * YUAN, 3000 * YUAN),))
LADDER = [PARTNER, BAIT, GOLD, SILVER]

RULES = [
    UpgradeRule(target_tier_id=2, min_cumulative_spend=1000 * YUAN),
    UpgradeRule(target_tier_id=3, min_cumulative_spend=5000 * YUAN, min_single_topup=2000 * YUAN),
    UpgradeRule(target_tier_id=4, min_single_topup=10000 * YUAN),
]


def field_code(exc: pytest.ExceptionInfo[ValidationError], field: str) -> str:
    assert isinstance(exc.value, FieldErrors)
    return exc.value.errors[field].code


# ----------------------------------------------------------------------------- ladder


def test_example_ladder_is_valid_and_sorted_by_rank() -> None:
    assert validate_ladder(LADDER, RULES) == [BAIT, SILVER, GOLD, PARTNER]
    assert sort_ladder(LADDER) == [BAIT, SILVER, GOLD, PARTNER]


def test_validate_tier_normalises() -> None:
    t = Tier(9, "regular", "  银卡  ", rank=5, discount="0.950",  # type: ignore[arg-type]
             bonus_brackets=(BonusBracket(2000, 300), BonusBracket(1000, 100)))
    v = validate_tier(t)
    assert v.kind is TierKind.REGULAR
    assert v.name == "银卡"
    assert v.discount == Decimal("0.95")
    assert v.bonus_brackets == (BonusBracket(1000, 100), BonusBracket(2000, 300))


def test_validate_tier_reports_every_bad_field_at_once() -> None:
    bad = Tier(1, "vip", "", rank=1.5, price=-1, validity_days=0,  # type: ignore[arg-type]
               discount=Decimal("1.2"), privileges="a\x00b")
    with pytest.raises(FieldErrors) as e:
        validate_tier(bad)
    assert {k: v.code for k, v in e.value.errors.items()} == {
        "kind": "tier.kind_invalid",
        "name": "text.required",
        "rank": "tier.rank_invalid",
        "price": "money.negative",
        "validity_days": "tier.validity_invalid",
        "discount": "tier.discount_out_of_range",
        "privileges": "text.control_char",
    }


@pytest.mark.parametrize(("discount", "code"), [
    (Decimal(0), "tier.discount_out_of_range"),
    (Decimal("-0.5"), "tier.discount_out_of_range"),
    (Decimal("1.0001"), "tier.discount_out_of_range"),
    (Decimal("0.88888"), "tier.discount_invalid"),
    (0.88, "tier.discount_invalid"),  # floats refused
    ("abc", "tier.discount_invalid"),
    (Decimal("NaN"), "tier.discount_invalid"),
])
def test_bad_discounts(discount: object, code: str) -> None:
    with pytest.raises(FieldErrors) as e:
        validate_tier(dataclasses.replace(SILVER, discount=discount))
    assert e.value.errors["discount"].code == code


@pytest.mark.parametrize("discount", [Decimal(1), Decimal("0.0001"), Decimal("0.8888"), 1, "0.9"])
def test_good_discounts(discount: object) -> None:
    validate_tier(dataclasses.replace(SILVER, discount=discount))


@pytest.mark.parametrize(("days", "ok"), [(None, True), (1, True), (36600, True), (0, False),
                                         (-30, False), (36601, False), (True, False)])
def test_validity_days(days: int | None, ok: bool) -> None:
    t = dataclasses.replace(BAIT, validity_days=days)
    if ok:
        assert validate_tier(t).validity_days == days
    else:
        with pytest.raises(FieldErrors) as e:
            validate_tier(t)
        assert field_code(e, "validity_days") == "tier.validity_invalid"


@pytest.mark.parametrize(("brackets", "code"), [
    ((BonusBracket(0, 0),), "money.zero"),
    ((BonusBracket(1000, 0),), "money.zero"),
    ((BonusBracket(-1000, 100),), "money.negative"),
    ((BonusBracket(1000, -100),), "money.negative"),
    ((BonusBracket(1000, 1001),), "tier.bracket_bonus_too_large"),
    ((BonusBracket(1000, 100), BonusBracket(1000, 200)), "tier.bracket_duplicate"),
    ((BonusBracket(1000, 200), BonusBracket(2000, 200)), "tier.bracket_not_increasing"),
    ((BonusBracket(2000, 100), BonusBracket(1000, 200)), "tier.bracket_not_increasing"),
    ((BonusBracket(10**16, 100),), "money.too_large"),
])
def test_bad_brackets(brackets: tuple[BonusBracket, ...], code: str) -> None:
    with pytest.raises(FieldErrors) as e:
        validate_tier(dataclasses.replace(GOLD, bonus_brackets=brackets))
    assert field_code(e, "bonus_brackets") == code


def test_bonus_equal_to_threshold_is_allowed() -> None:  # 充100送100
    validate_tier(dataclasses.replace(GOLD, bonus_brackets=(BonusBracket(100, 100),)))


@pytest.mark.parametrize(("change", "code", "field"), [
    ({"id": 1}, "tier.duplicate_id", "id"),
    ({"rank": 10}, "tier.duplicate_rank", "rank"),
    ({"name": "体验卡"}, "tier.duplicate_name", "name"),
    ({"fallback_tier_id": 99}, "tier.fallback_unknown", "fallback_tier_id"),
    ({"fallback_tier_id": 2}, "tier.fallback_not_lower", "fallback_tier_id"),  # itself
    ({"fallback_tier_id": 3}, "tier.fallback_not_lower", "fallback_tier_id"),  # higher
])
def test_ladder_clashes(change: dict[str, object], code: str, field: str) -> None:
    silver = dataclasses.replace(SILVER, **change)
    with pytest.raises(ValidationError) as e:
        validate_ladder([BAIT, silver, GOLD, PARTNER])
    assert (e.value.code, e.value.field) == (code, field)


def test_fallback_loop_is_refused() -> None:
    a = dataclasses.replace(BAIT, fallback_tier_id=2)
    b = dataclasses.replace(SILVER, fallback_tier_id=1)
    with pytest.raises(ValidationError) as e:
        validate_ladder([a, b])
    assert e.value.code == "tier.fallback_not_lower"


@pytest.mark.parametrize(("rule", "code"), [
    (UpgradeRule(3), "tier.rule_no_trigger"),
    (UpgradeRule(3, min_cumulative_spend=0), "money.zero"),
    (UpgradeRule(3, min_single_topup=-5), "money.negative"),
    (UpgradeRule(99, min_single_topup=5), "tier.rule_unknown_tier"),
    (UpgradeRule(3, min_single_topup=5, from_tier_id=99), "tier.rule_unknown_tier"),
    (UpgradeRule(2, min_single_topup=5, from_tier_id=3), "tier.rule_not_upward"),
    (UpgradeRule(3, min_single_topup=5, from_tier_id=3), "tier.rule_not_upward"),
    (UpgradeRule(2, min_cumulative_spend=1000 * YUAN), "tier.rule_duplicate"),
])
def test_bad_rules(rule: UpgradeRule, code: str) -> None:
    with pytest.raises(ValidationError) as e:
        validate_ladder(LADDER, [*RULES, rule])
    assert (e.value.code, e.value.field, e.value.params["index"]) == (code, "rules", len(RULES))


def test_upgrade_loop_is_refused() -> None:
    up = UpgradeRule(3, min_single_topup=100, from_tier_id=2)
    down = UpgradeRule(2, min_single_topup=100, from_tier_id=3)
    with pytest.raises(ValidationError) as e:
        validate_ladder(LADDER, [up, down])
    assert e.value.code == "tier.rule_not_upward"


# ----------------------------------------------------------------------------- discount


@pytest.mark.parametrize(("text", "value"), [
    ("0.88", "0.88"), ("88%", "0.88"), ("8.8折", "0.88"), ("88折", "0.88"), ("9折", "0.9"),
    ("95折", "0.95"), ("10折", "1"), ("１", "1"), ("", "1"), (" 0.5 ", "0.5"), ("100%", "1"),
    ("８.５折", "0.85"),
])
def test_parse_discount(text: str, value: str) -> None:
    assert parse_discount(text) == Decimal(value)


@pytest.mark.parametrize(("text", "code"), [
    ("abc", "tier.discount_invalid"), ("0", "tier.discount_out_of_range"),
    ("110%", "tier.discount_out_of_range"), ("1.5", "tier.discount_out_of_range"),
    ("0.123456", "tier.discount_invalid"), ("折", "tier.discount_invalid"),
    ("-0.5", "tier.discount_out_of_range"), ("inf", "tier.discount_invalid"),
])
def test_parse_discount_refuses(text: str, code: str) -> None:
    with pytest.raises(ValidationError) as e:
        parse_discount(text)
    assert (e.value.code, e.value.field) == (code, "discount")


def test_discount_units_round_trip() -> None:
    assert discount_to_units(Decimal("0.88")) == 8800
    assert discount_to_units(Decimal(1)) == 10000
    assert discount_from_units(8800) == Decimal("0.88")
    assert discount_from_units(10000) == Decimal(1)
    with pytest.raises(ValidationError):
        discount_from_units(0)


@pytest.mark.parametrize(("tier", "price", "paid"), [
    (None, 10000, 10000),
    (BAIT, 10000, 10000),
    (GOLD, 10000, 8800),
    (GOLD, 999, 879),  # 879.12
    (GOLD, 1, 1),  # 0.88 rounds half up to 1
    (GOLD, 0, 0),
    (Tier(5, TierKind.REGULAR, "x", 5, discount=Decimal("0.5")), 1, 1),  # 0.5 fen -> 1
    (Tier(5, TierKind.REGULAR, "x", 5, discount=Decimal("0.5")), 3, 2),  # 1.5 -> 2
    (Tier(5, TierKind.REGULAR, "x", 5, discount=Decimal("0.95")), 1990, 1891),  # 1890.5 -> 1891
])
def test_price_with_discount(tier: Tier | None, price: int, paid: int) -> None:
    assert price_with_discount(tier, price) == paid


def test_price_with_discount_refuses_bad_prices() -> None:
    with pytest.raises(ValidationError) as e:
        price_with_discount(GOLD, -1)
    assert e.value.code == "money.negative"


@given(st.integers(0, 10**12), st.integers(1, DISCOUNT := 10_000))
def test_discounted_price_never_exceeds_the_price(price: int, units: int) -> None:
    tier = Tier(1, TierKind.REGULAR, "x", 1, discount=discount_from_units(units))
    paid = price_with_discount(tier, price)
    assert 0 <= paid <= price
    assert abs(paid * DISCOUNT - price * units) * 2 <= DISCOUNT  # within half a fen


# ----------------------------------------------------------------------------- bonus


@pytest.mark.parametrize(("amount", "bonus"), [
    (1, 0),
    (1000 * YUAN - 1, 0),  # one fen below the lowest bracket
    (1000 * YUAN, 200 * YUAN),  # exactly at it
    (1999_99, 200 * YUAN),
    (2000 * YUAN, 500 * YUAN),
    (4999_99, 500 * YUAN),
    (5000 * YUAN, 1500 * YUAN),
    (50000 * YUAN, 1500 * YUAN),  # no multiples: the highest bracket, once
])
def test_bonus_for_topup(amount: int, bonus: int) -> None:
    assert bonus_for_topup(GOLD, amount) == bonus


def test_bonus_without_tier_or_brackets() -> None:
    assert bonus_for_topup(None, 100000 * YUAN) == 0
    assert bonus_for_topup(BAIT, 100000 * YUAN) == 0


@pytest.mark.parametrize(("amount", "code"), [(0, "money.zero"), (-100, "money.negative"),
                                              (10**16, "money.too_large"), (1.5, "money.invalid")])
def test_bonus_refuses_bad_amounts(amount: int, code: str) -> None:
    with pytest.raises(ValidationError) as e:
        bonus_for_topup(GOLD, amount)
    assert e.value.code == code


@given(st.integers(1, 10**9), st.integers(1, 10**9))
def test_bonus_is_monotone_in_the_amount(a: int, b: int) -> None:
    lo, hi = sorted((a, b))
    assert bonus_for_topup(GOLD, lo) <= bonus_for_topup(GOLD, hi)
    assert bonus_for_topup(GOLD, hi) <= hi


# ----------------------------------------------------------------------------- upgrades


def up(current: Tier | None, spend: int, topup: int = 0,
       rules: list[UpgradeRule] = RULES) -> Tier | None:
    return evaluate_upgrade(current, LADDER, rules, spend, topup)


def test_upgrade_by_cumulative_spend_boundaries() -> None:
    assert up(BAIT, 1000 * YUAN - 1) is None  # one fen below
    assert up(BAIT, 1000 * YUAN) == SILVER  # exactly at the threshold
    assert up(BAIT, 5000 * YUAN - 1) == SILVER
    assert up(BAIT, 5000 * YUAN) == GOLD


def test_upgrade_by_single_topup_boundaries() -> None:
    assert up(BAIT, 0, 2000 * YUAN - 1) is None
    assert up(BAIT, 0, 2000 * YUAN) == GOLD
    assert up(BAIT, 0, 10000 * YUAN - 1) == GOLD
    assert up(BAIT, 0, 10000 * YUAN) == PARTNER


def test_two_rules_at_once_the_highest_target_wins() -> None:
    # Spend reaches silver and a top-up reaches partner in the same sale.
    assert up(BAIT, 1000 * YUAN, 10000 * YUAN) == PARTNER
    assert up(None, 5000 * YUAN, 10000 * YUAN) == PARTNER
    # Rule order does not matter.
    assert up(BAIT, 1000 * YUAN, 10000 * YUAN, rules=RULES[::-1]) == PARTNER


def test_a_customer_without_tier_can_be_upgraded() -> None:
    assert up(None, 0) is None
    assert up(None, 1000 * YUAN) == SILVER
    assert up(None, 0, 2000 * YUAN) == GOLD


def test_never_downgrades_and_no_change_is_none() -> None:
    assert up(PARTNER, 10**9, 10**9) is None
    assert up(GOLD, 1000 * YUAN) is None  # silver rule fires but is below gold
    assert up(GOLD, 5000 * YUAN) is None  # the gold rule fires onto gold itself: no change
    assert up(SILVER, 0, 0) is None


def test_lowest_tier_without_any_rule() -> None:
    assert up(BAIT, 10**12, 10**12, rules=[]) is None


def test_scoped_rules_chain_from_the_new_tier() -> None:
    rules = [
        UpgradeRule(2, min_cumulative_spend=1000, from_tier_id=1),
        UpgradeRule(3, min_cumulative_spend=3000, from_tier_id=2),
    ]
    assert up(BAIT, 999, rules=rules) is None
    assert up(BAIT, 1000, rules=rules) == SILVER
    assert up(BAIT, 3000, rules=rules) == GOLD  # bait -> silver -> gold in one evaluation
    assert up(None, 3000, rules=rules) is None  # scoped rules do not apply to leads
    assert up(SILVER, 2999, rules=rules) is None
    assert up(SILVER, 3000, rules=rules) == GOLD


def test_rule_to_a_deleted_tier_is_ignored() -> None:
    assert up(BAIT, 10**9, rules=[UpgradeRule(99, min_cumulative_spend=1)]) is None


def test_evaluate_upgrade_refuses_negative_amounts() -> None:
    with pytest.raises(ValidationError):
        up(BAIT, -1)
    with pytest.raises(ValidationError):
        up(BAIT, 0, -1)


_AMOUNT = st.integers(0, 20000 * YUAN)


@given(st.sampled_from([None, *LADDER]), _AMOUNT, _AMOUNT, _AMOUNT, _AMOUNT)
def test_upgrade_is_monotone(current: Tier | None, s1: int, s2: int, t1: int, t2: int) -> None:
    """More spend or a larger top-up never yields a lower tier, and never a downgrade."""
    def result(spend: int, topup: int) -> int:
        t = up(current, spend, topup) or current
        return -1 if t is None else t.rank

    lo_s, hi_s = sorted((s1, s2))
    lo_t, hi_t = sorted((t1, t2))
    assert result(lo_s, lo_t) <= result(hi_s, hi_t)
    new = up(current, hi_s, hi_t)
    assert new is None or current is None or new.rank > current.rank


# ----------------------------------------------------------------------------- expiry, lapse


def test_expiry_counts_the_start_day() -> None:
    assert expiry(BAIT, date(2024, 3, 1)) == date(2024, 3, 30)
    assert expiry(SILVER, date(2024, 1, 1)) == date(2024, 12, 30)  # leap year, 365 days
    assert expiry(dataclasses.replace(BAIT, validity_days=1), date(2024, 2, 29)) == date(2024, 2, 29)
    assert expiry(PARTNER, date(2024, 1, 1)) is None


def test_lapse_boundaries() -> None:
    ends = date(2024, 3, 30)
    assert lapse(GOLD, LADDER, date(2024, 3, 30), ends) == GOLD  # last valid day
    assert lapse(GOLD, LADDER, date(2024, 3, 31), ends) == SILVER  # the day after
    assert lapse(GOLD, LADDER, date(2024, 1, 1), ends) == GOLD
    assert lapse(PARTNER, LADDER, date(2099, 1, 1), None) == PARTNER  # never lapses
    assert lapse(None, LADDER, date(2099, 1, 1), None) is None


def test_lowest_tier_lapses_to_no_tier() -> None:
    assert lapse(BAIT, LADDER, date(2024, 5, 1), date(2024, 4, 30)) is None
    assert standing(BAIT, LADDER, date(2024, 5, 1), date(2024, 4, 30)) == Standing(None, None)


def test_long_absence_falls_through_several_tiers() -> None:
    # Gold ended 2023-01-10; silver (365 days) then runs 2023-01-11 .. 2024-01-10; bait 30 days.
    ends = date(2023, 1, 10)
    assert standing(GOLD, LADDER, date(2023, 6, 1), ends) == Standing(SILVER, date(2024, 1, 10))
    assert standing(GOLD, LADDER, date(2024, 1, 11), ends) == Standing(BAIT, date(2024, 2, 9))
    assert standing(GOLD, LADDER, date(2024, 2, 10), ends) == Standing(None, None)


def test_lapse_survives_a_malformed_or_pruned_ladder() -> None:
    looping = dataclasses.replace(SILVER, fallback_tier_id=3)
    assert lapse(GOLD, [BAIT, looping, GOLD], date(2030, 1, 1), date(2024, 1, 1)) is None
    assert lapse(GOLD, [GOLD], date(2030, 1, 1), date(2024, 1, 1)) is None  # fallback deleted
