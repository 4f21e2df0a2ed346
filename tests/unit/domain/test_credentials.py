from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from opsdesk.domain.credentials import (
    LOCKOUT,
    MAX_FAILURES,
    check_secret_policy,
    hash_secret,
    is_locked,
    locked_until_after_failure,
    verify_secret,
)
from opsdesk.domain.errors import ValidationError

# A cheap cost factor for the tests that only check the format; the default is checked once.
CHEAP = 2**4


def test_hash_and_verify_with_default_cost() -> None:
    stored = hash_secret("4321")
    algo, n, r, p, salt, digest = stored.split("$")
    assert (algo, n, r, p) == ("scrypt", str(2**14), "8", "1")
    assert len(bytes.fromhex(salt)) == 16 and len(bytes.fromhex(digest)) == 32
    assert verify_secret("4321", stored)
    assert not verify_secret("4322", stored)


def test_salt_makes_each_hash_different() -> None:
    a, b = hash_secret("4321", n=CHEAP), hash_secret("4321", n=CHEAP)
    assert a != b
    assert verify_secret("4321", a) and verify_secret("4321", b)
    assert "4321" not in a


def test_full_width_digits_verify_like_ascii() -> None:
    stored = hash_secret("１２３４", n=CHEAP)
    assert verify_secret("1234", stored)


@pytest.mark.parametrize("stored", [
    "", "garbage", "bcrypt$1$2$3$00$00", "scrypt$x$8$1$00$00", "scrypt$16$8$1$zz$00",
    "scrypt$16$8$1", "scrypt$3$8$1$00$00",  # n not a power of two
])
def test_verify_refuses_malformed_hashes(stored: str) -> None:
    assert verify_secret("1234", stored) is False


def test_verify_empty_secret() -> None:
    stored = hash_secret("12345678", n=CHEAP)
    assert not verify_secret("", stored)
    assert not verify_secret(None, stored)  # type: ignore[arg-type]


@pytest.mark.parametrize("secret", ["1234", "123456789012", "0000", "password", "pass word",
                                    "密码密码密码密码", "a" * 128, "１２３４"])
def test_policy_accepts(secret: str) -> None:
    assert check_secret_policy(secret)


@pytest.mark.parametrize(("secret", "code"), [
    ("", "secret.empty"),
    (None, "secret.empty"),
    ("123", "secret.pin_length"),
    ("1234567890123", "secret.pin_length"),
    ("abc", "secret.password_length"),
    ("abcdefg", "secret.password_length"),
    ("12ab", "secret.password_length"),
    ("a" * 129, "secret.invalid"),
    ("abcd\x00efgh", "secret.invalid"),
])
def test_policy_refuses(secret: str, code: str) -> None:
    with pytest.raises(ValidationError) as e:
        check_secret_policy(secret, field="pin")
    assert e.value.code == code
    assert e.value.field == "pin"


def test_policy_params_for_the_message() -> None:
    with pytest.raises(ValidationError) as e:
        check_secret_policy("12")
    assert e.value.params == {"min": 4, "max": 12}


NOW = datetime(2026, 3, 1, 10, 0, 0)


def test_lockout_after_five_failures() -> None:
    for failures in range(1, MAX_FAILURES):
        assert locked_until_after_failure(failures, NOW) is None
    until = locked_until_after_failure(MAX_FAILURES, NOW)
    assert MAX_FAILURES == 5
    assert until == NOW + timedelta(seconds=60) == NOW + LOCKOUT


def test_is_locked_for_exactly_the_minute() -> None:
    until = NOW + LOCKOUT
    assert not is_locked(None, NOW)
    assert is_locked(until, NOW)
    assert is_locked(until, until - timedelta(seconds=1))
    assert not is_locked(until, until)
    assert not is_locked(until, until + timedelta(seconds=1))
