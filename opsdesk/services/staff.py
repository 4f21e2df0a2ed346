"""Staff, departments and roles. Nobody is deleted: a person who leaves is made inactive."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from opsdesk.db.engine import Database
from opsdesk.db.models import Department, Staff
from opsdesk.domain.credentials import check_secret_policy, hash_secret
from opsdesk.domain.errors import Collector, Conflict, NotFound, ValidationError
from opsdesk.domain.roles import Permission, Role, may_assign
from opsdesk.domain.text import clean_login, clean_name, clean_text
from opsdesk.services import audit
from opsdesk.services.context import Actor


@dataclass(frozen=True)
class DepartmentRow:
    id: int
    name: str
    kind: str


@dataclass(frozen=True)
class StaffRow:
    id: int
    name: str
    login: str
    role: Role
    department_id: int | None
    department: str
    position: str
    mentor_id: int | None
    mentor: str
    phone: str
    hire_date: date | None
    leave_date: date | None
    active: bool
    locked: bool
    position_id: int | None = None  # the structured post (Organisation page); ``position`` is the title


@dataclass(frozen=True)
class StaffInput:
    name: str
    login: str
    role: Role
    department_id: int | None = None
    position: str = ""
    mentor_id: int | None = None
    phone: str = ""
    hire_date: date | None = None
    leave_date: date | None = None
    active: bool = True
    secret: str | None = None  # required when creating; None keeps the current one on update
    position_id: int | None = None  # a position of this store (``org.unknown_position`` if not)


def list_departments(db: Database, actor: Actor) -> list[DepartmentRow]:
    audit.require(db, actor, Permission.STAFF_VIEW, "department.list")
    with db.read() as s:
        rows = s.scalars(select(Department).where(Department.store_id == actor.store_id)
                         .order_by(Department.sort, Department.id))
        return [DepartmentRow(d.id, d.name, d.kind) for d in rows]


def list_staff(db: Database, actor: Actor, *, include_inactive: bool = True) -> list[StaffRow]:
    audit.require(db, actor, Permission.STAFF_VIEW, "staff.list")
    from sqlalchemy.orm import aliased

    from opsdesk.db import clock

    mentor = aliased(Staff)
    q = (select(Staff, Department.name, mentor.name)
         .outerjoin(Department, Department.id == Staff.department_id)
         .outerjoin(mentor, mentor.id == Staff.mentor_id)
         .where(Staff.store_id == actor.store_id)
         .order_by(Staff.active.desc(), Department.sort, Staff.id))
    if not include_inactive:
        q = q.where(Staff.active.is_(True))
    now = clock.now()
    with db.read() as s:
        return [
            StaffRow(p.id, p.name, p.login, Role(p.role), p.department_id, dept or "",
                     p.position, p.mentor_id, mname or "", p.phone, p.hire_date, p.leave_date,
                     p.active, bool(p.locked_until and p.locked_until > now), p.position_id)
            for p, dept, mname in s.execute(q)
        ]


def _validate(s: Session, actor: Actor, data: StaffInput, *, creating: bool,
              staff_id: int | None = None) -> dict:
    c = Collector()
    v = {
        "name": c.take("name", clean_name, data.name, field="name"),
        "login": c.take("login", clean_login, data.login, field="login"),
        "position": c.take("position", clean_text, data.position, field="position", max_len=60),
        "phone": c.take("phone", clean_text, data.phone, field="phone", max_len=20),
    }
    if creating or data.secret:
        v["secret"] = c.take("secret", check_secret_policy, data.secret or "", field="secret")
    if data.department_id is not None and not s.scalar(
            select(func.count()).select_from(Department).where(
                Department.id == data.department_id, Department.store_id == actor.store_id)):
        c.errors["department_id"] = ValidationError("staff.unknown_department", field="department_id")
    if data.mentor_id is not None:
        if data.mentor_id == staff_id:
            c.errors["mentor_id"] = ValidationError("staff.own_mentor", field="mentor_id")
        elif not s.scalar(select(func.count()).select_from(Staff).where(
                Staff.id == data.mentor_id, Staff.store_id == actor.store_id)):
            c.errors["mentor_id"] = ValidationError("staff.unknown_mentor", field="mentor_id")
    if data.position_id is not None:
        from opsdesk.db.models import Position

        if not s.scalar(select(Position.id).where(Position.id == data.position_id,
                                                  Position.store_id == actor.store_id)):
            c.errors["position_id"] = ValidationError("org.unknown_position", field="position_id",
                                                      id=data.position_id)
    if data.hire_date and data.leave_date and data.leave_date < data.hire_date:
        c.errors["leave_date"] = ValidationError("staff.leave_before_hire", field="leave_date")
    if v["login"]:
        clash = select(Staff.id).where(Staff.store_id == actor.store_id, Staff.login == v["login"])
        if staff_id is not None:
            clash = clash.where(Staff.id != staff_id)
        if s.scalar(clash):
            c.errors["login"] = Conflict("staff.login_taken", field="login")
    c.done()
    return v


def _role(value: Role | str) -> Role:
    try:
        return Role(value)
    except ValueError:
        raise ValidationError("staff.unknown_role", field="role", role=str(value)[:20]) from None


def _check_role_change(db: Database, actor: Actor, new_role: Role, old_role: Role | None,
                       target: str) -> None:
    if old_role == new_role:
        return
    if not may_assign(actor.role, new_role) or (old_role and not may_assign(actor.role, old_role)):
        audit.refuse(db, actor, Permission.ROLES_MANAGE, "staff.role_set", target)


def create_staff(db: Database, actor: Actor, data: StaffInput) -> StaffRow:
    audit.require(db, actor, Permission.STAFF_MANAGE, "staff.create")
    _check_role_change(db, actor, _role(data.role), None, "staff:new")
    with db.write() as s:
        v = _validate(s, actor, data, creating=True)
        p = Staff(store_id=actor.store_id, name=v["name"], login=v["login"], role=Role(data.role).value,
                  secret_hash=hash_secret(v["secret"]), department_id=data.department_id,
                  position=v["position"], position_id=data.position_id,
                  mentor_id=data.mentor_id, phone=v["phone"],
                  hire_date=data.hire_date, leave_date=data.leave_date, active=data.active)
        s.add(p)
        s.flush()
        audit.record_as(s, actor, "staff.create", f"staff:{p.id}", {"name": p.name, "login": p.login})
        audit.record_as(s, actor, "staff.role_set", f"staff:{p.id}", {"role": p.role})
        staff_id = p.id
    return _one(db, actor, staff_id)


def update_staff(db: Database, actor: Actor, staff_id: int, data: StaffInput) -> StaffRow:
    audit.require(db, actor, Permission.STAFF_MANAGE, "staff.update", f"staff:{staff_id}")
    with db.read() as s:
        current = s.get(Staff, staff_id)
        if current is None or current.store_id != actor.store_id:
            raise NotFound("staff", staff_id)
        old_role = Role(current.role)
    if staff_id != actor.staff_id and not may_assign(actor.role, old_role):
        # A manager may edit front desk and sales people (and themself), never an owner or
        # another manager: changing their PIN would let the manager log in as them.
        audit.refuse(db, actor, Permission.ROLES_MANAGE, "staff.update", f"staff:{staff_id}")
    _check_role_change(db, actor, _role(data.role), old_role, f"staff:{staff_id}")
    with db.write() as s:
        p = s.get(Staff, staff_id)
        v = _validate(s, actor, data, creating=False, staff_id=staff_id)
        if p.id == actor.staff_id and (Role(data.role) != old_role or not data.active):
            raise ValidationError("staff.cannot_demote_self", field="role")
        if old_role is Role.OWNER and (Role(data.role) is not Role.OWNER or not data.active):
            owners = s.scalar(select(func.count()).select_from(Staff).where(
                Staff.store_id == actor.store_id, Staff.role == Role.OWNER.value,
                Staff.active.is_(True)))
            if owners <= 1:
                raise ValidationError("staff.last_owner", field="role")
        changes = {}
        for key, value in (("name", v["name"]), ("login", v["login"]),
                           ("department_id", data.department_id), ("position", v["position"]),
                           ("position_id", data.position_id),
                           ("mentor_id", data.mentor_id), ("phone", v["phone"]),
                           ("hire_date", data.hire_date), ("leave_date", data.leave_date),
                           ("active", data.active)):
            if getattr(p, key) != value:
                changes[key] = [getattr(p, key), value]
                setattr(p, key, value)
        if v.get("secret"):
            p.secret_hash = hash_secret(v["secret"])
            p.failed_logins, p.locked_until = 0, None
            changes["secret"] = "changed"
        if Role(data.role) != old_role:
            p.role = Role(data.role).value
            audit.record_as(s, actor, "staff.role_set", f"staff:{p.id}",
                            {"from": old_role.value, "to": p.role})
        if changes:
            audit.record_as(s, actor, "staff.update", f"staff:{p.id}", changes)
    return _one(db, actor, staff_id)


def _one(db: Database, actor: Actor, staff_id: int) -> StaffRow:
    for row in list_staff(db, actor):
        if row.id == staff_id:
            return row
    raise NotFound("staff", staff_id)
