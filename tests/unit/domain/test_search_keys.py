from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opsdesk.domain.errors import ValidationError
from opsdesk.domain.search_keys import (
    Query,
    QueryKind,
    SearchKeys,
    classify_query,
    format_card_number,
    matches,
    name_keys,
    parse_card_number,
    pinyin_query,
    prefix_range,
)


@pytest.mark.parametrize(("name", "full", "initials"), [
    ("张三", "zhangsan", "zs"),
    ("李小龙", "lixiaolong", "lxl"),
    ("吕布", "lvbu", "lb"),
    ("張學友", "zhangxueyou", "zxy"),  # traditional characters
    ("欧阳娜娜", "ouyangnana", "oynn"),
    ("John Smith", "johnsmith", "js"),
    ("  JOHN   smith ", "johnsmith", "js"),
    ("José 李", "joseli", "jl"),
    ("Straße", "strasse", "s"),
    ("王 Anna", "wanganna", "wa"),
    ("张3丰", "zhangfeng", "zf"),
    ("Ａｎｎａ", "anna", "a"),  # full-width Latin
    ("", "", ""),
    ("علی رضایی", "", ""),  # Persian: found by name, not by keys
    ("Ali رضایی", "ali", "a"),
])
def test_name_keys(name: str, full: str, initials: str) -> None:
    assert name_keys(name) == SearchKeys(full, initials)


@pytest.mark.parametrize(("name", "full"), [
    ("曾志伟", "zengzhiwei"),
    ("单田芳", "shantianfang"),
    ("單田芳", "shantianfang"),
    ("解晓东", "xiexiaodong"),
    ("仇英", "qiuying"),
    ("区永", "ouyong"),
    ("朴树", "piaoshu"),
    ("查良镛", "zhaliangyong"),
    ("尉迟恭", "yuchigong"),
    ("万俟卨", "moqixie"),
    ("翟欣", "zhaixin"),
])
def test_polyphonic_surnames_use_the_surname_reading(name: str, full: str) -> None:
    assert name_keys(name).full == full


def test_surname_reading_only_at_the_start() -> None:
    # 曾 inside a given name keeps pypinyin's reading.
    assert name_keys("王曾").full == "wangceng"


@pytest.mark.parametrize("query", ["zs", "z", "zhangs", "zhangsan", "zhang san", "ZS", "Zhang",
                                   "ｚｓ"])
def test_zhang_san_is_found(query: str) -> None:
    assert matches(name_keys("张三"), query)


@pytest.mark.parametrize("query", ["zsan", "sanz", "zx", "zhangsi", "", "张", "13"])
def test_zhang_san_is_not_found(query: str) -> None:
    assert not matches(name_keys("张三"), query)


def test_pinyin_query_normalisation() -> None:
    assert pinyin_query("Zhang San") == "zhangsan"
    assert pinyin_query("xi'an") == "xian"
    assert pinyin_query("lü") == "lv"
    assert pinyin_query("José") == "jose"
    assert pinyin_query("zs1") == ""
    assert pinyin_query("张") == ""
    assert pinyin_query("Иван") == ""
    assert pinyin_query("") == ""


def test_prefix_range_bounds_exactly_the_prefixed_keys() -> None:
    lo, hi = prefix_range("zs")
    assert (lo, hi) == ("zs", "zt")
    keys = ["zr", "zs", "zsa", "zszzzz", "zt", "z", "zta"]
    assert [k for k in keys if lo <= k < hi] == [k for k in keys if k.startswith("zs")]
    assert prefix_range("z") == ("z", "{")
    with pytest.raises(ValueError):
        prefix_range("")


@pytest.mark.parametrize(("text", "expected"), [
    (None, Query(QueryKind.EMPTY)),
    ("   ", Query(QueryKind.EMPTY)),
    ("13812345678", Query(QueryKind.PHONE, "13812345678")),
    ("+86 138-1234-5678", Query(QueryKind.PHONE, "13812345678")),
    ("１３８１２３４５６７８", Query(QueryKind.PHONE, "13812345678")),
    ("+852 9123 4567", Query(QueryKind.PHONE, "+85291234567")),
    ("5678", Query(QueryKind.PHONE_LAST4, "5678")),
    ("０１２３", Query(QueryKind.PHONE_LAST4, "0123")),
    ("138", Query(QueryKind.PHONE_PREFIX, "138")),
    ("13812", Query(QueryKind.PHONE_PREFIX, "13812")),
    ("1381234567", Query(QueryKind.PHONE_PREFIX, "1381234567")),
    ("+86 138", Query(QueryKind.PHONE_PREFIX, "138")),
    ("0086 1381", Query(QueryKind.PHONE_PREFIX, "1381")),
    ("+852 9123", Query(QueryKind.PHONE_PREFIX, "+8529123")),
    ("1", Query(QueryKind.INCOMPLETE, "1")),
    ("13", Query(QueryKind.INCOMPLETE, "13")),
    ("M000123", Query(QueryKind.CARD, "M000123", "M000123")),
    ("m123", Query(QueryKind.CARD, "M123", "M000123")),
    ("M 0001", Query(QueryKind.CARD, "M0001", "M000001")),
    ("M0", Query(QueryKind.CARD, "M0", None)),
    ("m", Query(QueryKind.PINYIN, "m")),
    ("zs", Query(QueryKind.PINYIN, "zs")),
    ("Zhang San", Query(QueryKind.PINYIN, "zhangsan")),
    ("Anna", Query(QueryKind.PINYIN, "anna")),
    ("张三", Query(QueryKind.NAME, "张三")),
    ("张  三 ", Query(QueryKind.NAME, "张 三")),
    ("张s", Query(QueryKind.NAME, "张s")),
    ("رضا", Query(QueryKind.NAME, "رضا")),
    ("zs1", Query(QueryKind.NAME, "zs1")),
    ("--", Query(QueryKind.NAME, "--")),
])
def test_classify_query(text: str | None, expected: Query) -> None:
    assert classify_query(text) == expected


def test_classify_query_follows_the_store_country() -> None:
    assert classify_query("9123 4567", "HK") == Query(QueryKind.PHONE, "91234567")
    assert classify_query("0912", "TW") == Query(QueryKind.PHONE_LAST4, "0912")
    assert classify_query("0912 34", "TW") == Query(QueryKind.PHONE_PREFIX, "91234")
    # A Chinese number is never stored with a trunk 0: the prefix stays as typed.
    assert classify_query("0755") == Query(QueryKind.PHONE_LAST4, "0755")
    assert classify_query("07551") == Query(QueryKind.PHONE_PREFIX, "07551")


def test_card_numbers() -> None:
    assert format_card_number(1) == "M000001"
    assert format_card_number(123) == "M000123"
    assert format_card_number(12345678) == "M12345678"
    assert parse_card_number(" m123 ") == "M000123"
    assert parse_card_number("Ｍ０００１２３") == "M000123"
    for bad in ("123", "M", "M0", "MX12", "", "N123"):
        with pytest.raises(ValidationError) as e:
            parse_card_number(bad)
        assert e.value.code == "card.invalid"
    for bad_n in (0, -1, True):
        with pytest.raises(ValidationError):
            format_card_number(bad_n)


def test_importing_the_module_does_not_load_pypinyin() -> None:
    code = ("import sys, opsdesk.domain.search_keys; "
            "assert 'pypinyin' not in sys.modules, 'loaded eagerly'")
    subprocess.run([sys.executable, "-c", code], check=True)


_HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)


@given(st.text(_HAN, min_size=1, max_size=6))
def test_han_name_keys_are_ascii_and_every_prefix_finds_the_name(name: str) -> None:
    keys = name_keys(name)
    assert keys.full.isascii() and keys.initials.isascii()
    assert keys.full == keys.full.lower()
    assert len(keys.initials) <= len(keys.full)
    assert keys.full.startswith(keys.initials[:1])
    for i in range(1, len(keys.full) + 1):
        assert matches(keys, keys.full[:i])
    for i in range(1, len(keys.initials) + 1):
        assert matches(keys, keys.initials[:i])


@given(st.text(max_size=30))
def test_classify_query_never_raises(text: str) -> None:
    q = classify_query(text)
    assert isinstance(q.kind, QueryKind)
    if q.kind is QueryKind.PINYIN:
        assert q.value and all("a" <= c <= "z" for c in q.value)
    if q.kind in (QueryKind.PHONE_LAST4,):
        assert len(q.value) == 4 and q.value.isdigit()
    name_keys(text)
