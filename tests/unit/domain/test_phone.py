from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opsdesk.domain.errors import ValidationError
from opsdesk.domain.phone import (
    RULES,
    format_mobile,
    is_mobile,
    last4,
    mask_mobile,
    normalize_mobile,
    parse_mobile,
)
from opsdesk.domain.store import COUNTRIES


def code_of(text: str, country: str = "CN") -> str:
    with pytest.raises(ValidationError) as e:
        normalize_mobile(text, country)
    return e.value.code


@pytest.mark.parametrize("text", [
    "13812345678",
    "+8613812345678",
    "+86 138 1234 5678",
    "0086 138-1234-5678",
    "0086-13812345678",
    "86 13812345678",
    "8613812345678",
    "138.1234.5678",
    "(138) 1234 5678",
    "１３８１２３４５６７８",
    "＋８６　１３８－１２３４－５６７８",
    " 138 1234 5678 ",
    "013812345678",
    "138\u20121234\u20135678",
])
def test_china_accepts_the_ways_people_type_a_mobile(text: str) -> None:
    assert normalize_mobile(text) == "13812345678"


@pytest.mark.parametrize("prefix", [
    *(f"13{d}" for d in range(10)),
    "145", "146", "147", "148", "149",
    "150", "151", "152", "153", "155", "156", "157", "158", "159",
    "162", "165", "166", "167",
    *(f"17{d}" for d in range(9)),
    *(f"18{d}" for d in range(10)),
    "190", "191", "192", "193", "195", "196", "197", "198", "199",
])
def test_every_assigned_chinese_block_is_accepted(prefix: str) -> None:
    number = prefix + "12345678"
    assert normalize_mobile(number) == number


@pytest.mark.parametrize("prefix", [
    "100", "110", "120", "123", "140", "141", "142", "143", "144", "154",
    "160", "161", "163", "164", "168", "169", "179", "194",
])
def test_unassigned_chinese_blocks_are_refused(prefix: str) -> None:
    with pytest.raises(ValidationError) as e:
        normalize_mobile(prefix + "12345678")
    assert e.value.code == "phone.unassigned_prefix"
    assert e.value.params == {"prefix": prefix}
    assert e.value.field == "phone"


@pytest.mark.parametrize("text", [
    "010-12345678", "01012345678", "021 6123 4567", "0755-8123-4567", "075581234567",
    "0571-8765432", "62345678", "6234567", "400-123-4567", "800 123 4567",
    "+86 10 1234 5678", "0086 755 8123 4567",
])
def test_china_landlines_and_service_numbers_are_refused(text: str) -> None:
    assert code_of(text) == "phone.landline"


@pytest.mark.parametrize(("text", "got"), [
    ("1381234567", 10), ("138123456789", 12), ("138", 3), ("1", 1), ("+86 1381234", 7),
])
def test_china_wrong_length(text: str, got: int) -> None:
    with pytest.raises(ValidationError) as e:
        normalize_mobile(text)
    assert e.value.code == "phone.wrong_length"
    assert e.value.params == {"expected": "11", "got": got}


@pytest.mark.parametrize("text", [None, "", "   ", "\u3000", "-", "+", "( )"])
def test_empty(text: str | None) -> None:
    assert code_of(text) == "phone.empty"  # type: ignore[arg-type]


@pytest.mark.parametrize(("text", "char"), [
    ("138a1234567", "a"), ("138*12345678", "*"), ("1381234567８#", "#"), ("13812345678+", "+"),
    ("138 1234 5678 ext", "e"), ("☎13812345678", "☎"),
])
def test_invalid_chars(text: str, char: str) -> None:
    with pytest.raises(ValidationError) as e:
        normalize_mobile(text)
    assert e.value.code == "phone.invalid_chars"
    assert e.value.params == {"char": char}


def test_pasted_novel_is_refused_by_length_before_any_parsing() -> None:
    assert code_of("1" * 5000) == "phone.wrong_length"


def test_unknown_calling_code_and_unknown_store_country() -> None:
    with pytest.raises(ValidationError) as e:
        normalize_mobile("+7 912 345 6789")
    assert e.value.code == "phone.unknown_calling_code"
    with pytest.raises(ValidationError) as e:
        normalize_mobile("13812345678", "ZZ")
    assert e.value.code == "phone.unknown_country"
    assert e.value.params == {"country": "ZZ"}


def test_field_name_is_passed_through() -> None:
    with pytest.raises(ValidationError) as e:
        normalize_mobile("abc", field="referrer_phone")
    assert e.value.field == "referrer_phone"


def test_foreign_number_in_a_chinese_store_is_kept_in_e164() -> None:
    assert normalize_mobile("+852 9123 4567") == "+85291234567"
    assert normalize_mobile("00886 912 345 678") == "+886912345678"
    assert normalize_mobile("+44 (0)7911 123456") == "+447911123456"
    # The same number in its own country's store is stored nationally.
    assert normalize_mobile("9123 4567", "HK") == "91234567"
    assert normalize_mobile("+852 9123 4567", "HK") == "91234567"


def test_foreign_number_is_checked_by_its_own_rule() -> None:
    assert code_of("+852 2123 4567") == "phone.landline"
    assert code_of("+852 9123 456") == "phone.wrong_length"


@pytest.mark.parametrize(("country", "text", "stored"), [
    ("HK", "9123 4567", "91234567"),
    ("HK", "5123-4567", "51234567"),
    ("MO", "6612 3456", "66123456"),
    ("TW", "0912-345-678", "912345678"),
    ("TW", "+886 912 345 678", "912345678"),
    ("SG", "8123 4567", "81234567"),
    ("MY", "012-345 6789", "123456789"),
    ("MY", "011-2345 6789", "1123456789"),
    ("US", "(212) 555-1234", "2125551234"),
    ("US", "1 212 555 1234", "2125551234"),
    ("GB", "07911 123456", "7911123456"),
    ("DE", "0151 12345678", "15112345678"),
    ("FR", "06 12 34 56 78", "612345678"),
    ("JP", "090-1234-5678", "9012345678"),
    ("KR", "010-1234-5678", "1012345678"),
    ("IR", "0912 123 4567", "9121234567"),
    ("IR", "۰۹۱۲ ۱۲۳ ۴۵۶۷", "9121234567"),  # Persian digits
    ("IR", "+98 912 123 4567", "9121234567"),
])
def test_other_countries_accept(country: str, text: str, stored: str) -> None:
    assert normalize_mobile(text, country) == stored


@pytest.mark.parametrize(("country", "text", "code"), [
    ("HK", "2123 4567", "phone.landline"),
    ("HK", "800 123 456", "phone.wrong_length"),
    ("HK", "8001 2345", "phone.unassigned_prefix"),
    ("MO", "2812 3456", "phone.landline"),
    ("MO", "5123 4567", "phone.unassigned_prefix"),
    ("TW", "02-2345-6789", "phone.landline"),
    ("TW", "0912-345-67", "phone.wrong_length"),
    ("SG", "6123 4567", "phone.landline"),
    ("SG", "3123 4567", "phone.unassigned_prefix"),
    ("US", "212 555 123", "phone.wrong_length"),
    ("US", "012 555 1234", "phone.unassigned_prefix"),
    ("GB", "020 7946 0958", "phone.landline"),
    ("GB", "07011 123456", "phone.unassigned_prefix"),
    ("IR", "021 1234 5678", "phone.landline"),
    ("IR", "0912 123 456", "phone.wrong_length"),
    ("FR", "01 23 45 67 89", "phone.landline"),
    ("JP", "03-1234-5678", "phone.landline"),
    ("KR", "02-123-4567", "phone.landline"),
])
def test_other_countries_refuse(country: str, text: str, code: str) -> None:
    assert code_of(text, country) == code


def test_every_store_country_has_a_rule() -> None:
    assert set(COUNTRIES) <= set(RULES)
    codes = [r.calling_code for r in RULES.values()]
    assert len(codes) == len(set(codes))
    # Calling codes must be prefix-free, or the +CC split would be ambiguous.
    for a in codes:
        for b in codes:
            assert a == b or not b.startswith(a)


def test_parse_mobile_reports_country_and_e164() -> None:
    m = parse_mobile("+852 9123 4567")
    assert (m.country, m.nsn, m.e164) == ("HK", "91234567", "+85291234567")
    assert is_mobile("138 1234 5678") and not is_mobile("010-12345678")


@pytest.mark.parametrize(("stored", "country", "shown"), [
    ("13812345678", "CN", "138 1234 5678"),
    ("+85291234567", "CN", "+852 9123 4567"),
    ("+8613812345678", "HK", "+86 138 1234 5678"),
    ("91234567", "HK", "9123 4567"),
    ("912345678", "TW", "0912 345 678"),
    ("7911123456", "GB", "07911 123456"),
    ("+447911123456", "CN", "+44 7911 123456"),
    ("9121234567", "IR", "0912 123 4567"),
    ("2125551234", "US", "212 555 1234"),
    ("612345678", "FR", "06 12 34 56 78"),
    ("garbage+", "CN", "garbage+"),
    ("+7123", "CN", "+7123"),
])
def test_format_mobile(stored: str, country: str, shown: str) -> None:
    assert format_mobile(stored, country) == shown


def test_last4_and_mask() -> None:
    assert last4("13812345678") == "5678"
    assert last4("+85291234567") == "4567"
    with pytest.raises(ValidationError):
        last4("123")
    assert mask_mobile("13812345678") == "138****5678"
    assert mask_mobile("+85291234567") == "+852****4567"
    assert mask_mobile("91234567") == "912*4567"
    assert mask_mobile("1234567") == "***4567"


_ASSIGNED = st.sampled_from(
    [f"13{d}" for d in range(10)] + ["145", "147", "150", "166", "173", "177", "186", "199"]
)


@given(_ASSIGNED, st.text("0123456789", min_size=8, max_size=8),
       st.sampled_from(["", "+86", "0086", "86", "+86 ", "0"]),
       st.lists(st.sampled_from([" ", "-", ""]), min_size=11, max_size=11),
       st.booleans())
def test_any_decoration_of_a_valid_mobile_normalises_to_its_digits(
        prefix: str, rest: str, intl: str, seps: list[str], fullwidth: bool) -> None:
    number = prefix + rest
    body = "".join(d + s for d, s in zip(number, seps, strict=True))
    text = intl + body
    if fullwidth:
        text = text.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789+-"})
    stored = normalize_mobile(text)
    assert stored == number
    assert normalize_mobile(stored) == stored  # idempotent
    assert format_mobile(stored).replace(" ", "") == stored
    assert last4(stored) == number[-4:]


@given(st.text(max_size=20))
def test_arbitrary_text_either_normalises_or_raises_a_phone_code(text: str) -> None:
    try:
        stored = normalize_mobile(text)
    except ValidationError as e:
        assert e.code.startswith("phone.")
    else:
        assert stored.isdigit() or stored.startswith("+")
        assert normalize_mobile(stored) == stored
