"""Login secrets and the lockout rule.

Secrets are hashed with scrypt (memory-hard, in the standard library): n=2**14, r=8, p=1 costs
16 MiB and about 50 ms per check, slow for a guesser and quick for a person. The stored form is
``scrypt$n$r$p$salt_hex$hash_hex`` so the cost can be raised later without breaking old hashes.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import unicodedata
from datetime import datetime, timedelta

from opsdesk.domain.errors import ValidationError

MAX_FAILURES = 5
LOCKOUT = timedelta(minutes=1)
_N, _R, _P = 2**14, 8, 1


def check_secret_policy(secret: str, *, field: str = "secret") -> str:
    """A PIN is 4-12 digits; a password is 8+ characters. Returns the normalised secret."""
    s = unicodedata.normalize("NFKC", secret or "")
    if not s:
        raise ValidationError("secret.empty", field=field)
    if "\x00" in s or len(s) > 128:
        raise ValidationError("secret.invalid", field=field)
    if s.isdigit():
        if not 4 <= len(s) <= 12:
            raise ValidationError("secret.pin_length", field=field, min=4, max=12)
    elif len(s) < 8:
        raise ValidationError("secret.password_length", field=field, min=8)
    return s


def hash_secret(secret: str, *, n: int = _N) -> str:
    s = unicodedata.normalize("NFKC", secret).encode()
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(s, salt=salt, n=n, r=_R, p=_P, maxmem=64 * 1024 * 1024, dklen=32)
    return f"scrypt${n}${_R}${_P}${salt.hex()}${digest.hex()}"


def verify_secret(secret: str, stored: str) -> bool:
    try:
        algo, n, r, p, salt_hex, hash_hex = stored.split("$")
        if algo != "scrypt":
            return False
        s = unicodedata.normalize("NFKC", secret or "").encode()
        digest = hashlib.scrypt(s, salt=bytes.fromhex(salt_hex), n=int(n), r=int(r), p=int(p),
                                maxmem=64 * 1024 * 1024, dklen=32)
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(digest.hex(), hash_hex)


def locked_until_after_failure(failures: int, now: datetime) -> datetime | None:
    """After the ``failures``-th consecutive failure: the moment the lock ends, or None."""
    return now + LOCKOUT if failures >= MAX_FAILURES else None


def is_locked(locked_until: datetime | None, now: datetime) -> bool:
    return locked_until is not None and now < locked_until
