from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opsdesk.domain.errors import ValidationError
from opsdesk.domain.money import (
    CNY,
    CURRENCIES,
    MAX_MINOR,
    apply_rate,
    check_amount,
    currency,
    format_money,
    parse_money,
    round_half_up,
    split,
    to_input_text,
)

JPY = CURRENCIES["JPY"]
IRR = CURRENCIES["IRR"]


# --- parse_money -------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("0", 0),
    ("12", 1200),
    ("12.3", 1230),
    ("12.34", 1234),
    ("12.", 1200),
    (".5", 50),
    ("1,234.5", 123450),
    ("1,234,567.89", 123456789),
    ("¥12", 1200),
    ("￥12", 1200),
    ("RMB 12", 1200),
    ("12 CNY", 1200),
    ("１２３.４５", 12345),
    ("￥１，２３４", 123400),
    ("１２３。４５", 12345),
    ("12元", 1200),
    ("12圆", 1200),
    (" 12.50 ", 1250),
    ("12.340", 1234),  # trailing zeros beyond the minor unit carry no value
    ("+7", 700),
    ("1 234", 123400),
    ("1\u00a0234", 123400),
])
def test_parse_accepts_what_people_type(text: str, expected: int) -> None:
    assert parse_money(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("-3", -300),
    ("−3", -300),  # U+2212 minus sign
    ("¥-12", -1200),
    ("-¥12.5", -1250),
])
def test_parse_negative_when_allowed(text: str, expected: int) -> None:
    assert parse_money(text, allow_negative=True) == expected


@pytest.mark.parametrize(("text", "code"), [
    ("", "money.empty"),
    ("   ", "money.empty"),
    ("NaN", "money.invalid"),
    ("nan", "money.invalid"),
    ("inf", "money.invalid"),
    ("Infinity", "money.invalid"),
    ("1e5", "money.invalid"),
    ("12,34", "money.invalid"),
    ("1,23,456", "money.invalid"),
    ("12.3.4", "money.invalid"),
    ("abc", "money.invalid"),
    ("-", "money.invalid"),
    (".", "money.invalid"),
    ("0x10", "money.invalid"),
    ("12.345", "money.too_many_decimals"),
    ("0.001", "money.too_many_decimals"),
    ("-3", "money.negative"),
    ("¥-3", "money.negative"),
    ("10000000000001", "money.too_large"),  # 10^13 yuan + 1 = MAX_MINOR + 100 fen
    ("9" * 19, "money.too_large"),
    ("9" * 400, "money.too_large"),
])
def test_parse_refuses_with_specific_code(text: str, code: str) -> None:
    with pytest.raises(ValidationError) as e:
        parse_money(text, field="amount")
    assert e.value.code == code
    assert e.value.field == "amount"


def test_too_many_decimals_names_the_digits() -> None:
    with pytest.raises(ValidationError) as e:
        parse_money("1.5", JPY)
    assert e.value.code == "money.too_many_decimals"
    assert e.value.params["digits"] == 0


def test_largest_amount_is_accepted_and_one_fen_more_is_not() -> None:
    top = format_money(MAX_MINOR)
    assert parse_money(top) == MAX_MINOR
    with pytest.raises(ValidationError) as e:
        parse_money(to_input_text(MAX_MINOR + 1))
    assert e.value.code == "money.too_large"


def test_zero_refused_when_not_allowed() -> None:
    with pytest.raises(ValidationError) as e:
        parse_money("0.00", allow_zero=False)
    assert e.value.code == "money.zero"
    assert parse_money("0.01", allow_zero=False) == 1


def test_negative_zero_is_zero() -> None:
    assert parse_money("-0") == 0


def test_rial_sign_and_word_parse() -> None:
    assert parse_money("﷼1,500", IRR) == 1500
    assert parse_money("1,500 ریال", IRR) == 1500


# --- format_money ------------------------------------------------------------------------------

@pytest.mark.parametrize(("minor", "cur", "expected"), [
    (0, CNY, "¥0.00"),
    (5, CNY, "¥0.05"),
    (123450, CNY, "¥1,234.50"),
    (-123450, CNY, "-¥1,234.50"),
    (100000000, CNY, "¥1,000,000.00"),
    (1234, JPY, "¥1,234"),
    (1234, CURRENCIES["HKD"], "HK$12.34"),
])
def test_format(minor: int, cur, expected: str) -> None:  # noqa: ANN001
    assert format_money(minor, cur) == expected


def test_format_with_locale_separators() -> None:
    assert format_money(123456789, CNY, symbol=False, group=".", point=",") == "1.234.567,89"
    assert to_input_text(123450) == "1234.50"
    assert to_input_text(-5) == "-0.05"


def test_currency_lookup() -> None:
    assert currency("cny") is CNY
    with pytest.raises(ValidationError) as e:
        currency("XXX")
    assert e.value.code == "money.unknown_currency"
    assert e.value.params["code"] == "XXX"


@pytest.mark.parametrize(("value", "kwargs", "code"), [
    (1.5, {}, "money.invalid"),
    (True, {}, "money.invalid"),
    (Decimal(1), {}, "money.invalid"),
    (-1, {}, "money.negative"),
    (0, {"allow_zero": False}, "money.zero"),
    (MAX_MINOR + 1, {}, "money.too_large"),
    (-MAX_MINOR - 1, {"allow_negative": True}, "money.too_large"),
])
def test_check_amount_refuses(value, kwargs, code: str) -> None:  # noqa: ANN001
    with pytest.raises(ValidationError) as e:
        check_amount(value, **kwargs)
    assert e.value.code == code


def test_check_amount_passes_valid_values() -> None:
    assert check_amount(0) == 0
    assert check_amount(-5, allow_negative=True) == -5
    assert check_amount(MAX_MINOR) == MAX_MINOR


amounts = st.integers(min_value=-MAX_MINOR, max_value=MAX_MINOR)


@given(minor=amounts, code=st.sampled_from(sorted(CURRENCIES)))
def test_format_parse_round_trip_every_currency(minor: int, code: str) -> None:
    cur = CURRENCIES[code]
    assert parse_money(format_money(minor, cur), cur, allow_negative=True) == minor
    assert parse_money(to_input_text(minor, cur), cur, allow_negative=True) == minor


# --- rounding ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "expected"), [
    (Fraction(1, 2), 1),
    (Fraction(-1, 2), -1),
    (Fraction(3, 2), 2),
    (Fraction(5, 2), 3),  # not banker's rounding
    (Fraction(-5, 2), -3),
    (Fraction(249, 100), 2),
    (Fraction(-249, 100), -2),
    (Fraction(251, 100), 3),
    (Fraction(1, 3), 0),
    (Fraction(2, 3), 1),
    (7, 7),
    (0, 0),
])
def test_round_half_up_away_from_zero(value, expected: int) -> None:  # noqa: ANN001
    assert round_half_up(value) == expected


@given(num=st.integers(min_value=-10**20, max_value=10**20), den=st.integers(1, 10**6))
def test_round_half_up_agrees_with_decimal(num: int, den: int) -> None:
    expected = int((Decimal(num) / Decimal(den)).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    # Decimal division above is exact enough only when it terminates; compare through Fraction.
    f = Fraction(num, den)
    exact = (abs(f.numerator) * 2 + f.denominator) // (2 * f.denominator)
    assert round_half_up(f) == (exact if f >= 0 else -exact)
    if (Decimal(num) / Decimal(den)) * den == num:  # the Decimal quotient was exact
        assert round_half_up(f) == expected


@given(units=st.integers(-10**12, 10**12), places=st.integers(0, 6))
def test_round_half_up_agrees_with_decimal_on_decimal_values(units: int, places: int) -> None:
    d = Decimal(units).scaleb(-places)
    assert round_half_up(Fraction(d)) == int(d.quantize(Decimal(1), rounding=ROUND_HALF_UP))


@pytest.mark.parametrize(("amount", "rate", "expected"), [
    (10000, "0.03", 300),
    (1050, "0.1", 105),
    (15, "0.1", 2),  # 1.5 fen -> 2
    (-15, "0.1", -2),  # -1.5 fen -> -2
    (14, "0.1", 1),
    (333, Fraction(1, 3), 111),
    (100, 2, 200),
    (100, Decimal("0.125"), 13),  # 12.5 -> 13
    (0, "0.5", 0),
])
def test_apply_rate(amount: int, rate, expected: int) -> None:  # noqa: ANN001
    assert apply_rate(amount, rate) == expected


@pytest.mark.parametrize("rate", ["abc", "NaN", "inf", "-Infinity", True, ""])
def test_apply_rate_refuses_bad_rates(rate) -> None:  # noqa: ANN001
    with pytest.raises(ValidationError) as e:
        apply_rate(100, rate)
    assert e.value.code == "rate.invalid"


# --- split -------------------------------------------------------------------------------------

def test_split_examples() -> None:
    assert split(100, [1, 1, 1]) == [34, 33, 33]  # tie goes to the earlier part
    assert split(-100, [1, 1, 1]) == [-34, -33, -33]
    assert split(10, [1, 0, 1]) == [5, 0, 5]
    assert split(7, ["0.5", "0.25", "0.25"]) == [3, 2, 2]  # 3.5, 1.75, 1.75
    assert split(0, [1, 2]) == [0, 0]
    assert split(1, [0, 0, 1]) == [0, 0, 1]


@pytest.mark.parametrize(("weights", "code"), [
    ([], "split.no_parts"),
    ([1, -1], "split.negative_weight"),
    ([0, 0], "split.zero_weights"),
    (["x"], "rate.invalid"),
])
def test_split_refuses(weights, code: str) -> None:  # noqa: ANN001
    with pytest.raises(ValidationError) as e:
        split(100, weights)
    assert e.value.code == code


weights_st = st.lists(
    st.one_of(st.integers(0, 1000), st.fractions(min_value=0, max_value=50, max_denominator=97)),
    min_size=1, max_size=12,
).filter(lambda ws: sum(ws) > 0)


@given(total=st.integers(-10**15, 10**15), weights=weights_st)
def test_split_properties(total: int, weights: list) -> None:
    parts = split(total, weights)
    assert len(parts) == len(weights)
    assert sum(parts) == total
    s = sum(Fraction(w) for w in weights)
    for part, w in zip(parts, weights, strict=True):
        exact = total * Fraction(w) / s
        assert abs(part - exact) < 1
        if w == 0:
            assert part == 0
        if total >= 0:
            assert part >= 0
        else:
            assert part <= 0
    assert split(total, weights) == parts  # deterministic
    assert split(-total, weights) == [-p for p in parts]  # symmetric in sign
