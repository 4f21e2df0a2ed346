"""Login with lockout: five failures in a row lock that user for a minute (domain.credentials)."""

from __future__ import annotations

import math
from functools import cache

from sqlalchemy import select

from opsdesk.db import clock
from opsdesk.db.engine import Database
from opsdesk.db.models import Staff, Store
from opsdesk.domain.credentials import (
    hash_secret,
    is_locked,
    locked_until_after_failure,
    verify_secret,
)
from opsdesk.domain.errors import OpsError
from opsdesk.domain.roles import Role
from opsdesk.domain.text import clean_text
from opsdesk.services import audit
from opsdesk.services.context import Actor


@cache
def _dummy_hash() -> str:
    # Made on first use, not at import: hashing costs ~50 ms and import time is start-up time.
    return hash_secret("not a real secret")


class LoginRefused(OpsError):
    """``auth.bad_credentials`` (same for an unknown user: no hint which part was wrong),
    ``auth.locked`` (param ``seconds``) or ``auth.inactive``."""


def login(db: Database, login_name: str, secret: str, store_id: int | None = None) -> Actor:
    name = clean_text(login_name, field="login", max_len=40).casefold()
    now = clock.now()
    refusal: LoginRefused | None = None
    with db.write() as s:
        q = select(Staff).where(Staff.login == name)
        if store_id is not None:
            q = q.where(Staff.store_id == store_id)
        person = s.scalars(q.order_by(Staff.id).limit(1)).first()
        if person is None:
            # Spend the same time as a real check, so the delay does not tell that no such
            # login exists.
            verify_secret(secret, _dummy_hash())
            # A store id the caller remembered may not exist in this file (restored, replaced):
            # the refusal is still recorded, just not tied to a store.
            known = store_id if store_id is not None and s.get(Store, store_id) else None
            audit.record(s, store_id=known, actor_id=None, action="auth.login",
                         outcome="refused",
                         detail={"login": name, "reason": "unknown", "store_id": store_id})
            refusal = LoginRefused("auth.bad_credentials", field="secret")
        elif is_locked(person.locked_until, now):
            left = math.ceil((person.locked_until - now).total_seconds())
            audit.record(s, store_id=person.store_id, actor_id=person.id, action="auth.login",
                         outcome="refused", detail={"reason": "locked"})
            refusal = LoginRefused("auth.locked", field="secret", seconds=left)
        elif not verify_secret(secret, person.secret_hash):
            person.failed_logins += 1
            person.locked_until = locked_until_after_failure(person.failed_logins, now)
            if person.locked_until:
                person.failed_logins = 0  # the lock takes over; a fresh count after it ends
            audit.record(s, store_id=person.store_id, actor_id=person.id, action="auth.login",
                         outcome="refused",
                         detail={"reason": "bad_secret", "locked": person.locked_until is not None})
            if person.locked_until:
                refusal = LoginRefused("auth.locked", field="secret", seconds=60)
            else:
                refusal = LoginRefused("auth.bad_credentials", field="secret")
        elif not person.active:
            audit.record(s, store_id=person.store_id, actor_id=person.id, action="auth.login",
                         outcome="refused", detail={"reason": "inactive"})
            refusal = LoginRefused("auth.inactive", field="login")
        else:
            person.failed_logins = 0
            person.locked_until = None
            audit.record(s, store_id=person.store_id, actor_id=person.id, action="auth.login")
            return Actor(store_id=person.store_id, staff_id=person.id, role=Role(person.role),
                         name=person.name)
    # Raised after the commit, so the failure count and the audit entry are kept.
    raise refusal
