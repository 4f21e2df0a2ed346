from __future__ import annotations

import pytest

from opsdesk.domain.errors import ValidationError
from opsdesk.domain.text import clean_login, clean_name, clean_text


@pytest.mark.parametrize(("value", "expected"), [
    ("王丽", "王丽"),
    ("  张  伟 ", "张 伟"),
    ("زهرا احمدی", "زهرا احمدی"),  # Persian
    ("مهر\u200cناز", "مهر\u200cناز"),  # Persian with a zero-width non-joiner, which it needs
    ("José Müller", "José Müller"),
    ("Jose\u0301", "José"),  # NFC: combining accent composed
    ("O'Brien-Smith", "O'Brien-Smith"),
    ("Анна", "Анна"),
])
def test_names_of_every_script(value: str, expected: str) -> None:
    assert clean_name(value) == expected


@pytest.mark.parametrize(("value", "code"), [
    ("Anna 😀", "text.emoji"),
    ("👍", "text.emoji"),
    ("王丽❤️", "text.emoji"),
    ("a\u200db", "text.emoji"),  # zero-width joiner: part of emoji sequences
    ("🇨🇳", "text.emoji"),
    ("abc\u202edcba", "text.bidi_control"),  # right-to-left override
    ("\u2066x\u2069", "text.bidi_control"),
    ("a\u200fb", "text.bidi_control"),
    ("a\x00b", "text.control_char"),
    ("a\x07b", "text.control_char"),
    ("a\nb", "text.control_char"),
    ("a\ud800b", "text.control_char"),  # lone surrogate
    ("a\ue000b", "text.control_char"),  # private use
    ("", "text.required"),
    ("   ", "text.required"),
    (None, "text.required"),
])
def test_names_refused(value: str, code: str) -> None:
    with pytest.raises(ValidationError) as e:
        clean_name(value, field="owner_name")
    assert e.value.code == code
    assert e.value.field == "owner_name"


def test_long_strings() -> None:
    with pytest.raises(ValidationError) as e:
        clean_text("x" * 10_000, field="notes", max_len=2000)
    assert e.value.code == "text.too_long"
    assert e.value.params == {"max": 2000}
    assert clean_text("字" * 10_000, field="notes", max_len=10_000) == "字" * 10_000
    with pytest.raises(ValidationError):
        clean_name("王" * 61)
    assert clean_name("王" * 60) == "王" * 60


def test_multiline_text_allows_newlines_and_tabs_only() -> None:
    assert clean_text("a\nb\tc", field="notes", max_len=10, multiline=True) == "a\nb\tc"
    with pytest.raises(ValidationError):
        clean_text("a\rb", field="notes", max_len=10, multiline=True)
    with pytest.raises(ValidationError):
        clean_text("a\u202eb", field="notes", max_len=10, multiline=True)


def test_optional_text_may_be_empty() -> None:
    assert clean_text(None, field="notes", max_len=5) == ""
    assert clean_name("", required=False) == ""


@pytest.mark.parametrize(("value", "expected"), [
    ("Owner", "owner"),
    ("chen.jing", "chen.jing"),
    ("li_na-2", "li_na-2"),
    ("陈静", "陈静"),
    ("زهرا", "زهرا"),
    ("STRASSE", "strasse"),
])
def test_logins(value: str, expected: str) -> None:
    assert clean_login(value) == expected


@pytest.mark.parametrize(("value", "code"), [
    ("a", "login.too_short"),
    ("a b", "login.invalid_chars"),
    ("a@b", "login.invalid_chars"),
    ("ab😀", "login.invalid_chars"),
    ("a\u202eb", "text.bidi_control"),
    ("x" * 41, "text.too_long"),
    ("", "text.required"),
])
def test_logins_refused(value: str, code: str) -> None:
    with pytest.raises(ValidationError) as e:
        clean_login(value)
    assert e.value.code == code
