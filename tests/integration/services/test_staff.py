from __future__ import annotations

import dataclasses
from datetime import date, datetime

import pytest
from sqlalchemy import select

from opsdesk.db import clock
from opsdesk.db.engine import Database
from opsdesk.db.models import AuditEntry, Staff
from opsdesk.domain.errors import FieldErrors, NotFound, PermissionDenied, ValidationError
from opsdesk.domain.roles import Role
from opsdesk.services import auth, setup
from opsdesk.services.auth import LoginRefused
from opsdesk.services.context import Actor, system_actor
from opsdesk.services.staff import (
    StaffInput,
    StaffRow,
    create_staff,
    list_departments,
    list_staff,
    update_staff,
)


def person(name: str, login: str, role: Role, **kw) -> StaffInput:  # noqa: ANN003
    kw.setdefault("secret", "5678")
    return StaffInput(name=name, login=login, role=role, **kw)


def as_input(row: StaffRow, **changes) -> StaffInput:  # noqa: ANN003
    base = StaffInput(name=row.name, login=row.login, role=row.role,
                      department_id=row.department_id, position=row.position,
                      mentor_id=row.mentor_id, phone=row.phone, hire_date=row.hire_date,
                      leave_date=row.leave_date, active=row.active, secret=None)
    return dataclasses.replace(base, **changes)


def actor_for(row: StaffRow, store: Actor) -> Actor:
    return Actor(store_id=store.store_id, staff_id=row.id, role=row.role, name=row.name)


def audit_rows(db: Database) -> list[tuple]:
    with db.read() as s:
        return s.execute(select(AuditEntry.action, AuditEntry.outcome, AuditEntry.actor_id,
                                AuditEntry.target).order_by(AuditEntry.id)).all()


@pytest.fixture
def team(db: Database, store: Actor) -> dict[str, StaffRow]:
    """A manager, a sales consultant and a front-desk clerk beside the owner."""
    depts = {d.kind: d.id for d in list_departments(db, store)}
    return {
        "manager": create_staff(db, store, person("陈静", "chenjing", Role.MANAGER,
                                                  department_id=depts["plan_tracking"])),
        "sales": create_staff(db, store, person("张伟", "zhangwei", Role.SALES,
                                                department_id=depts["target_assurance"])),
        "front": create_staff(db, store, person("刘芳", "liufang", Role.FRONT_DESK,
                                                department_id=depts["logistics"])),
    }


def test_owner_creates_staff(db: Database, store: Actor) -> None:
    depts = {d.kind: d for d in list_departments(db, store)}
    with clock.frozen(datetime(2026, 3, 1, 9, 0)):
        mentor = create_staff(db, store, person("张伟", "zhangwei", Role.SALES))
        row = create_staff(db, store, person(
            " 孙 磊 ", "SunLei", Role.SALES, department_id=depts["target_assurance"].id,
            position="顾问", mentor_id=mentor.id, phone="13800000000",
            hire_date=date(2025, 9, 1)))
    assert row == StaffRow(
        id=row.id, name="孙 磊", login="sunlei", role=Role.SALES,
        department_id=depts["target_assurance"].id, department="指标保障部", position="顾问",
        mentor_id=mentor.id, mentor="张伟", phone="13800000000", hire_date=date(2025, 9, 1),
        leave_date=None, active=True, locked=False)
    assert auth.login(db, "sunlei", "5678").staff_id == row.id
    created = [r for r in audit_rows(db) if r[3] == f"staff:{row.id}"]
    assert created == [("staff.create", "ok", store.staff_id, f"staff:{row.id}"),
                       ("staff.role_set", "ok", store.staff_id, f"staff:{row.id}")]


@pytest.mark.parametrize("role", ["sales", "front"])
def test_sales_and_front_desk_cannot_manage_staff(db: Database, store: Actor, team, role: str) -> None:  # noqa: ANN001
    who = actor_for(team[role], store)
    before = len(list_staff(db, store))
    with pytest.raises(PermissionDenied) as e:
        create_staff(db, who, person("赵敏", "zhaomin", Role.SALES))
    assert e.value.params == {"permission": "staff.manage", "role": who.role.value}
    with pytest.raises(PermissionDenied):
        update_staff(db, who, team[role].id, as_input(team[role], name="改名"))
    assert len(list_staff(db, store)) == before
    assert audit_rows(db)[-2:] == [
        ("staff.create", "refused", who.staff_id, ""),
        ("staff.update", "refused", who.staff_id, f"staff:{team[role].id}")]


@pytest.mark.parametrize("role", [Role.OWNER, Role.MANAGER])
def test_manager_cannot_create_owner_or_manager(db: Database, store: Actor, team, role: Role) -> None:  # noqa: ANN001
    boss = actor_for(team["manager"], store)
    with pytest.raises(PermissionDenied) as e:
        create_staff(db, boss, person("赵敏", "zhaomin", role))
    assert e.value.params["permission"] == "roles.manage"
    assert audit_rows(db)[-1] == ("staff.role_set", "refused", boss.staff_id, "staff:new")
    assert "zhaomin" not in {r.login for r in list_staff(db, store)}


def test_manager_cannot_promote_to_manager(db: Database, store: Actor, team) -> None:  # noqa: ANN001
    boss = actor_for(team["manager"], store)
    with pytest.raises(PermissionDenied):
        update_staff(db, boss, team["sales"].id, as_input(team["sales"], role=Role.MANAGER))
    assert audit_rows(db)[-1][:2] == ("staff.role_set", "refused")
    # Between front desk and sales is the manager's to decide.
    row = update_staff(db, boss, team["sales"].id, as_input(team["sales"], role=Role.FRONT_DESK))
    assert row.role is Role.FRONT_DESK
    assert audit_rows(db)[-1][:2] == ("staff.role_set", "ok")


def test_manager_cannot_take_over_an_owner_or_another_manager(db: Database, store: Actor, team) -> None:  # noqa: ANN001
    """Resetting the owner's PIN would let a manager log in as the owner."""
    boss = actor_for(team["manager"], store)
    other = create_staff(db, store, person("周婷", "zhouting", Role.MANAGER))
    owner_row = next(r for r in list_staff(db, store) if r.id == store.staff_id)
    for target in (owner_row, other):
        with pytest.raises(PermissionDenied):
            update_staff(db, boss, target.id, as_input(target, secret="9999"))
        with pytest.raises(PermissionDenied):
            update_staff(db, boss, target.id, as_input(target, active=False))
    assert auth.login(db, "boss", "2468") == store
    with pytest.raises(LoginRefused):
        auth.login(db, "boss", "9999")
    # A manager may still edit their own record (not their role).
    row = update_staff(db, boss, boss.staff_id, as_input(team["manager"], phone="13900000000",
                                                          secret="24682468"))
    assert row.phone == "13900000000"
    assert auth.login(db, "chenjing", "24682468").staff_id == boss.staff_id


def test_owner_cannot_demote_or_deactivate_themself(db: Database, store: Actor, team) -> None:  # noqa: ANN001
    me = next(r for r in list_staff(db, store) if r.id == store.staff_id)
    for change in ({"role": Role.MANAGER}, {"active": False}):
        with pytest.raises(ValidationError) as e:
            update_staff(db, store, me.id, as_input(me, **change))
        assert e.value.code == "staff.cannot_demote_self"
    assert next(r for r in list_staff(db, store) if r.id == me.id) == me


def test_last_owner_is_kept(db: Database, store: Actor) -> None:
    me = next(r for r in list_staff(db, store) if r.id == store.staff_id)
    system = system_actor(store.store_id)
    with pytest.raises(ValidationError) as e:
        update_staff(db, system, me.id, as_input(me, role=Role.MANAGER))
    assert e.value.code == "staff.last_owner"
    with pytest.raises(ValidationError) as e:
        update_staff(db, system, me.id, as_input(me, active=False))
    assert e.value.code == "staff.last_owner"
    # With a second owner, one of them may step down.
    second = create_staff(db, store, person("王强", "wangqiang", Role.OWNER))
    row = update_staff(db, store, second.id, as_input(second, role=Role.MANAGER))
    assert row.role is Role.MANAGER


def test_login_is_unique_in_the_store(db: Database, store: Actor, team) -> None:  # noqa: ANN001
    with pytest.raises(FieldErrors) as e:
        create_staff(db, store, person("另一个", "ZhangWei", Role.SALES))
    assert e.value.errors["login"].code == "staff.login_taken"
    with pytest.raises(FieldErrors) as e:
        update_staff(db, store, team["front"].id, as_input(team["front"], login="chenjing"))
    assert e.value.errors["login"].code == "staff.login_taken"
    # Keeping one's own login is no clash.
    assert update_staff(db, store, team["front"].id,
                        as_input(team["front"], position="前台")).position == "前台"


def test_mentor_rules(db: Database, store: Actor, team, new_store) -> None:  # noqa: ANN001
    sales = team["sales"]
    with pytest.raises(FieldErrors) as e:
        update_staff(db, store, sales.id, as_input(sales, mentor_id=sales.id))
    assert e.value.errors["mentor_id"].code == "staff.own_mentor"
    with pytest.raises(FieldErrors) as e:
        update_staff(db, store, sales.id, as_input(sales, mentor_id=99999))
    assert e.value.errors["mentor_id"].code == "staff.unknown_mentor"
    # A person of another store (a chain in one file) cannot be a mentor here.
    other_store = setup.create_store(db, dataclasses.replace(new_store, store_name="分店"),
                                     first_run=False)
    with db.read() as s:
        stranger = s.scalar(select(Staff.id).where(Staff.store_id == other_store.id))
    with pytest.raises(FieldErrors) as e:
        create_staff(db, store, person("赵敏", "zhaomin", Role.SALES, mentor_id=stranger))
    assert e.value.errors["mentor_id"].code == "staff.unknown_mentor"
    row = update_staff(db, store, sales.id, as_input(sales, mentor_id=team["manager"].id))
    assert (row.mentor_id, row.mentor) == (team["manager"].id, "陈静")


def test_department_of_another_store_refused(db: Database, store: Actor, new_store) -> None:  # noqa: ANN001
    other = setup.create_store(db, dataclasses.replace(new_store, store_name="分店"),
                               first_run=False)
    other_actor = system_actor(other.id)
    foreign = list_departments(db, other_actor)[0].id
    with pytest.raises(FieldErrors) as e:
        create_staff(db, store, person("赵敏", "zhaomin", Role.SALES, department_id=foreign))
    assert e.value.errors["department_id"].code == "staff.unknown_department"
    # Nor can one store edit another's people.
    theirs = list_staff(db, other_actor)[0]
    with pytest.raises(NotFound):
        update_staff(db, store, theirs.id, as_input(theirs, name="x"))


def test_all_field_errors_at_once(db: Database, store: Actor) -> None:
    bad = StaffInput(name="😀", login="a b", role=Role.SALES, secret="12", phone="1\x002",
                     hire_date=date(2026, 3, 1), leave_date=date(2026, 2, 1))
    with pytest.raises(FieldErrors) as e:
        create_staff(db, store, bad)
    assert {k: v.code for k, v in e.value.errors.items()} == {
        "name": "text.emoji", "login": "login.invalid_chars", "secret": "secret.pin_length",
        "phone": "text.control_char", "leave_date": "staff.leave_before_hire"}
    assert len(list_staff(db, store)) == 1


def test_unknown_role_is_a_validation_error(db: Database, store: Actor) -> None:
    with pytest.raises(ValidationError) as e:
        create_staff(db, store, person("赵敏", "zhaomin", "boss"))  # type: ignore[arg-type]
    assert e.value.code == "staff.unknown_role" and e.value.field == "role"


def test_update_records_changes_and_new_pin_clears_lock(db: Database, store: Actor, team) -> None:  # noqa: ANN001
    front = team["front"]
    t0 = datetime(2026, 3, 1, 10, 0)
    with clock.frozen(t0):
        for _ in range(5):
            with pytest.raises(LoginRefused):
                auth.login(db, "liufang", "0000")
        assert next(r for r in list_staff(db, store) if r.id == front.id).locked
        row = update_staff(db, store, front.id, as_input(front, secret="8642", position="前台主管"))
        assert not row.locked and row.position == "前台主管"
        assert auth.login(db, "liufang", "8642").staff_id == front.id
    with db.read() as s:
        detail = s.scalar(select(AuditEntry.detail).where(AuditEntry.action == "staff.update")
                          .order_by(AuditEntry.id.desc()))
    assert '"secret": "changed"' in detail and "前台主管" in detail and "8642" not in detail


def test_deactivated_person_is_listed_last_and_can_be_hidden(db: Database, store: Actor, team) -> None:  # noqa: ANN001
    update_staff(db, store, team["manager"].id, as_input(team["manager"], active=False,
                                                         leave_date=date(2026, 3, 1)))
    rows = list_staff(db, store)
    assert rows[-1].id == team["manager"].id and not rows[-1].active
    assert team["manager"].id not in {r.id for r in list_staff(db, store, include_inactive=False)}


def test_update_of_missing_person(db: Database, store: Actor) -> None:
    with pytest.raises(NotFound):
        update_staff(db, store, 4242, person("x", "xx", Role.SALES))
