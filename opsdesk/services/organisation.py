"""Organisation (员工组织, seed 000 and 001): departments and positions with their duties.

The three departments of the method (target assurance, plan tracking, logistics) are made with
the store and can be renamed; more can be added. Positions belong to a department and carry a
duties text; a position is never deleted, only made inactive (people and pay schemes point at
it). People are edited in ``services.staff``.

API (each call one transaction):

* ``list_positions(db, actor, include_inactive=True) -> list[PositionRow]`` - ``staff.view``.
* ``save_department(db, actor, DepartmentInput) -> DepartmentRow`` - ``org.manage``; creates
  (``id=None``) or renames.
* ``save_position(db, actor, PositionInput) -> PositionRow`` - ``org.manage``; creates or edits.

Error codes: ``org.name_taken`` (Conflict, ``name``); ``org.unknown_department``
(``department_id``); ``org.unknown_position`` (``id``); ``text.*`` (``name``, ``duties``).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from opsdesk.db.engine import Database
from opsdesk.db.models import Department, Position, Staff
from opsdesk.domain.errors import Collector, Conflict, ValidationError
from opsdesk.domain.roles import Permission
from opsdesk.domain.text import clean_name, clean_text
from opsdesk.services import audit
from opsdesk.services.context import Actor
from opsdesk.services.staff import DepartmentRow

DUTIES_MAX = 2000


@dataclass(frozen=True)
class PositionRow:
    id: int
    name: str
    department_id: int | None
    department: str
    duties: str
    sort: int
    active: bool
    people: int  # active staff holding it


@dataclass(frozen=True)
class DepartmentInput:
    name: str
    id: int | None = None


@dataclass(frozen=True)
class PositionInput:
    name: str
    department_id: int | None = None
    duties: str = ""
    sort: int = 0
    active: bool = True
    id: int | None = None


def list_positions(db: Database, actor: Actor, *,
                   include_inactive: bool = True) -> list[PositionRow]:
    audit.require(db, actor, Permission.STAFF_VIEW, "position.list")
    people = (select(Staff.position_id, func.count().label("n"))
              .where(Staff.store_id == actor.store_id, Staff.active.is_(True))
              .group_by(Staff.position_id).subquery())
    q = (select(Position, Department.name, people.c.n)
         .outerjoin(Department, Department.id == Position.department_id)
         .outerjoin(people, people.c.position_id == Position.id)
         .where(Position.store_id == actor.store_id)
         .order_by(Position.sort, Position.id))
    if not include_inactive:
        q = q.where(Position.active.is_(True))
    with db.read() as s:
        return [PositionRow(p.id, p.name, p.department_id, dname or "", p.duties, p.sort,
                            p.active, n or 0) for p, dname, n in s.execute(q)]


def save_department(db: Database, actor: Actor, data: DepartmentInput) -> DepartmentRow:
    audit.require(db, actor, Permission.ORG_MANAGE, "department.save",
                  f"department:{data.id or 'new'}")
    name = clean_name(data.name, field="name", max_len=60)
    with db.write() as s:
        clash = select(Department.id).where(Department.store_id == actor.store_id,
                                            Department.name == name)
        if data.id is not None:
            clash = clash.where(Department.id != data.id)
        if s.scalar(clash):
            raise Conflict("org.name_taken", field="name", name=name)
        if data.id is None:
            sort = (s.scalar(select(func.max(Department.sort)).where(
                Department.store_id == actor.store_id)) or 0) + 1
            d = Department(store_id=actor.store_id, name=name, kind="custom", sort=sort)
            s.add(d)
            s.flush()
            audit.record_as(s, actor, "department.create", f"department:{d.id}", {"name": name})
        else:
            d = s.get(Department, data.id)
            if d is None or d.store_id != actor.store_id:
                raise ValidationError("org.unknown_department", field="department_id")
            if d.name != name:
                audit.record_as(s, actor, "department.update", f"department:{d.id}",
                                {"name": [d.name, name]})
                d.name = name
        return DepartmentRow(d.id, d.name, d.kind)


def save_position(db: Database, actor: Actor, data: PositionInput) -> PositionRow:
    audit.require(db, actor, Permission.ORG_MANAGE, "position.save",
                  f"position:{data.id or 'new'}")
    c = Collector()
    name = c.take("name", clean_name, data.name, field="name", max_len=60)
    duties = c.take("duties", clean_text, data.duties, field="duties", max_len=DUTIES_MAX)
    with db.write() as s:
        if data.department_id is not None and not s.scalar(select(Department.id).where(
                Department.id == data.department_id, Department.store_id == actor.store_id)):
            c.errors["department_id"] = ValidationError("org.unknown_department",
                                                        field="department_id")
        if name:
            clash = select(Position.id).where(Position.store_id == actor.store_id,
                                              Position.name == name)
            if data.id is not None:
                clash = clash.where(Position.id != data.id)
            if s.scalar(clash):
                c.errors["name"] = Conflict("org.name_taken", field="name", name=name)
        c.done()
        if data.id is None:
            p = Position(store_id=actor.store_id, name=name, department_id=data.department_id,
                         duties=duties, sort=int(data.sort), active=bool(data.active))
            s.add(p)
            s.flush()
            audit.record_as(s, actor, "position.create", f"position:{p.id}", {"name": name})
        else:
            p = s.get(Position, data.id)
            if p is None or p.store_id != actor.store_id:
                raise ValidationError("org.unknown_position", field="name", id=data.id)
            changes = {}
            for key, value in (("name", name), ("department_id", data.department_id),
                               ("duties", duties), ("sort", int(data.sort)),
                               ("active", bool(data.active))):
                if getattr(p, key) != value:
                    changes[key] = [getattr(p, key), value]
                    setattr(p, key, value)
            if changes:
                audit.record_as(s, actor, "position.update", f"position:{p.id}", changes)
        pid = p.id
    return next(r for r in list_positions(db, actor) if r.id == pid)
