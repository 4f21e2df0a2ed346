from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from opsdesk.db import clock
from opsdesk.db.engine import Database
from opsdesk.db.models import AuditEntry, Staff
from opsdesk.domain.roles import Role
from opsdesk.services import auth, staff
from opsdesk.services.auth import LoginRefused
from opsdesk.services.context import Actor

T0 = datetime(2026, 3, 1, 10, 0, 0)
PIN = "2468"


def refused(db: Database, login: str, secret: str, code: str, **kw) -> LoginRefused:  # noqa: ANN003
    with pytest.raises(LoginRefused) as e:
        auth.login(db, login, secret, **kw)
    assert e.value.code == code
    return e.value


def login_audit(db: Database) -> list[tuple]:
    with db.read() as s:
        return s.execute(select(AuditEntry.outcome, AuditEntry.actor_id, AuditEntry.detail)
                         .where(AuditEntry.action == "auth.login")
                         .order_by(AuditEntry.id)).all()


def failed_logins(db: Database, staff_id: int) -> tuple[int, datetime | None]:
    with db.read() as s:
        p = s.get(Staff, staff_id)
        return p.failed_logins, p.locked_until


def test_login_success(db: Database, store: Actor) -> None:
    assert store.role is Role.OWNER and store.name == "王丽" and store.staff_id
    again = auth.login(db, "  BOSS ", PIN, store_id=store.store_id)  # login is case-insensitive
    assert again == store
    assert [r[0] for r in login_audit(db)] == ["ok", "ok"]


def test_wrong_pin_and_unknown_user_get_the_same_answer(db: Database, store: Actor) -> None:
    a = refused(db, "boss", "1111", "auth.bad_credentials")
    b = refused(db, "nobody", PIN, "auth.bad_credentials")
    assert a.field == b.field == "secret"
    assert dict(a.params) == dict(b.params) == {}
    assert failed_logins(db, store.staff_id) == (1, None)
    rows = login_audit(db)[1:]  # after the fixture's own login
    assert [(r[0], r[1]) for r in rows] == [("refused", store.staff_id), ("refused", None)]
    assert '"bad_secret"' in rows[0][2] and '"unknown"' in rows[1][2]


def test_login_in_another_store_is_unknown(db: Database, store: Actor) -> None:
    refused(db, "boss", PIN, "auth.bad_credentials", store_id=store.store_id + 1)


def test_five_failures_lock_for_a_minute(db: Database, store: Actor) -> None:
    with clock.frozen(T0):
        for _ in range(4):
            refused(db, "boss", "0000", "auth.bad_credentials")
        assert failed_logins(db, store.staff_id) == (4, None)
        fifth = refused(db, "boss", "0000", "auth.locked")
        assert fifth.params["seconds"] == 60
        assert failed_logins(db, store.staff_id)[1] == T0 + timedelta(minutes=1)
        # While locked, even the right PIN is refused.
        assert refused(db, "boss", PIN, "auth.locked").params["seconds"] == 60
    with clock.frozen(T0 + timedelta(seconds=30)):
        assert refused(db, "boss", PIN, "auth.locked").params["seconds"] == 30
    with clock.frozen(T0 + timedelta(seconds=59, microseconds=500_000)):
        assert refused(db, "boss", PIN, "auth.locked").params["seconds"] == 1
    with clock.frozen(T0 + timedelta(seconds=60)):
        assert auth.login(db, "boss", PIN) == store
        assert failed_logins(db, store.staff_id) == (0, None)
    outcomes = [r[0] for r in login_audit(db)]
    assert outcomes == ["ok"] + ["refused"] * 8 + ["ok"]


def test_failures_after_a_lock_count_afresh(db: Database, store: Actor) -> None:
    with clock.frozen(T0):
        for _ in range(5):
            with pytest.raises(LoginRefused):
                auth.login(db, "boss", "0000")
    with clock.frozen(T0 + timedelta(minutes=2)):
        refused(db, "boss", "0000", "auth.bad_credentials")  # not locked again at once
        assert failed_logins(db, store.staff_id) == (1, None)


def test_success_resets_the_failure_count(db: Database, store: Actor) -> None:
    with clock.frozen(T0):
        for _ in range(4):
            refused(db, "boss", "0000", "auth.bad_credentials")
        auth.login(db, "boss", PIN)
        refused(db, "boss", "0000", "auth.bad_credentials")
        assert failed_logins(db, store.staff_id) == (1, None)


def test_lock_is_per_person(db: Database, store: Actor) -> None:
    staff.create_staff(db, store, staff.StaffInput(name="刘芳", login="liufang",
                                                   role=Role.FRONT_DESK, secret="5678"))
    with clock.frozen(T0):
        for _ in range(5):
            with pytest.raises(LoginRefused):
                auth.login(db, "liufang", "0000")
        refused(db, "liufang", "5678", "auth.locked")
        assert auth.login(db, "boss", PIN) == store


def test_inactive_staff_refused(db: Database, store: Actor) -> None:
    row = staff.create_staff(db, store, staff.StaffInput(
        name="孙磊", login="sunlei", role=Role.SALES, secret="5678", active=False))
    e = refused(db, "sunlei", "5678", "auth.inactive")
    assert e.field == "login"
    # A wrong PIN for an inactive person does not reveal that the account exists.
    refused(db, "sunlei", "0000", "auth.bad_credentials")
    rows = login_audit(db)[-2:]
    assert [(r[0], r[1]) for r in rows] == [("refused", row.id), ("refused", row.id)]
    assert '"inactive"' in rows[0][2]
