"""Visit logging (拜访) and the team behaviour norms of seed 004: visits, effective visits, new
customers developed, second follow-ups.

API for screens (each call one transaction):

* ``log_visit(db, actor, VisitInput) -> VisitResult`` - the fast form. In one transaction: the
  visit row; the customer's stage change when ``new_stage`` differs (an override of the facts
  needs ``stage_reason``, see ``services.pipeline``); a manual follow-up task for
  ``next_followup_on``, assigned to the visiting staff member; and, with ``task_id``, the
  completion of that task (``followups.complete`` is this call). ``staff_id`` defaults to the
  actor; logging for a colleague takes ``visits.log_others`` (front desk, manager, owner).
  Every field error is raised at once (``validation.fields``) and nothing is written.
* ``list_visits(db, actor, VisitFilters, after_key=None, limit=100) -> VisitPage`` - newest
  first, keyset-paged: pass the page's ``next_key`` for the next one. Staff without
  ``visits.view_team`` (sales, front desk) get their own visits only; asking for a colleague's
  is refused and audited.
* ``norm_counts(db, actor, date_from, date_to, staff_id=None) -> list[NormCounts]`` - per staff
  member over the days ``date_from..date_to`` (inclusive): visits, effective visits, new
  customers developed (customers whose first visit ever was made by them in the period), second
  follow-ups (visits to a customer visited before). Sales staff get their own row only.

Error codes: ``visit.type_invalid`` (``type``); ``visit.unknown_customer`` (``customer_id``);
``visit.unknown_staff`` (``staff_id``); ``visit.staff_inactive`` (``staff_id``: the staff member
has left, params ``name``); ``visit.outcome_required`` (``outcome``: an effective visit needs
one); ``visit.followup_in_past`` (``next_followup_on``, param ``today``); ``visit.unknown_task``
(``task_id``); ``visit.task_closed`` (``task_id``: already done or cancelled);
``visit.task_other_customer`` (``task_id``); ``visit.range_reversed`` (``date_to``);
``member.stage_invalid``, ``pipeline.stage_unchanged``, ``pipeline.override_reason_required``;
``text.*`` (``outcome``, ``note``, ``stage_reason``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import and_, or_, select, text, tuple_
from sqlalchemy.orm import Session

from opsdesk.db import clock
from opsdesk.db.engine import Database
from opsdesk.db.models import Customer, FollowUpTask, Staff, Visit
from opsdesk.domain.errors import Collector, ValidationError
from opsdesk.domain.members import Stage, check_stage
from opsdesk.domain.roles import Permission
from opsdesk.domain.text import clean_text
from opsdesk.services import audit, pipeline
from opsdesk.services.context import Actor

OUTCOME_MAX = 1000
NOTE_MAX = 2000
PAGE_MAX = 500


class VisitType(StrEnum):
    CALL = "call"
    MEETING = "meeting"
    STORE_VISIT = "store_visit"
    WECHAT = "wechat"


@dataclass(frozen=True)
class VisitInput:
    customer_id: int
    type: VisitType | str
    effective: bool = False
    outcome: str = ""
    new_stage: Stage | str | None = None
    next_followup_on: date | None = None
    note: str = ""
    staff_id: int | None = None  # None: the actor
    task_id: int | None = None  # the follow-up task this visit completes
    stage_reason: str = ""  # required when new_stage overrides the purchases


@dataclass(frozen=True)
class VisitResult:
    visit_id: int
    at: datetime
    is_second_follow_up: bool
    stage_change: pipeline.StageChangeRow | None
    next_task_id: int | None
    completed_task_id: int | None


@dataclass(frozen=True)
class VisitFilters:
    staff_id: int | None = None
    customer_id: int | None = None
    date_from: date | None = None
    date_to: date | None = None  # inclusive
    type: VisitType | str | None = None


@dataclass(frozen=True)
class VisitRow:
    id: int
    at: datetime
    customer_id: int
    customer_name: str
    staff_id: int
    staff_name: str
    type: VisitType
    effective: bool
    outcome: str
    new_stage: Stage | None
    next_followup_on: date | None
    note: str
    is_second_follow_up: bool
    task_id: int | None


@dataclass(frozen=True)
class VisitPage:
    rows: tuple[VisitRow, ...]
    next_key: tuple[Any, int] | None  # None: the last page


@dataclass(frozen=True)
class NormCounts:
    staff_id: int
    staff_name: str
    visits: int
    effective_visits: int
    new_customers: int
    second_follow_ups: int


def _visit_type(value: object) -> VisitType:
    try:
        return VisitType(value)
    except ValueError:
        raise ValidationError("visit.type_invalid", field="type") from None


def staff_has_left(p: Staff, day: date) -> bool:
    return not p.active or (p.leave_date is not None and p.leave_date < day)


def manual_task_key(visit_id: int) -> str:
    return f"manual:{visit_id}"


def log_in_session(s: Session, actor: Actor, data: VisitInput) -> VisitResult:
    """``log_visit`` inside the caller's write transaction (permissions already checked)."""
    at = clock.now()
    today = at.date()
    c = Collector()
    vtype = c.take("type", _visit_type, data.type)
    outcome = c.take("outcome", clean_text, data.outcome, field="outcome", max_len=OUTCOME_MAX,
                     multiline=True)
    note = c.take("note", clean_text, data.note, field="note", max_len=NOTE_MAX, multiline=True)
    why = c.take("stage_reason", clean_text, data.stage_reason, field="stage_reason",
                 max_len=pipeline.REASON_MAX)
    new_stage = c.take("new_stage", check_stage, data.new_stage, "new_stage") \
        if data.new_stage not in (None, "") else None
    if data.effective and outcome == "" and "outcome" not in c.errors:
        c.errors["outcome"] = ValidationError("visit.outcome_required", field="outcome")
    if data.next_followup_on is not None and data.next_followup_on < today:
        c.errors["next_followup_on"] = ValidationError(
            "visit.followup_in_past", field="next_followup_on", today=today.isoformat())
    cust = s.get(Customer, data.customer_id)
    if cust is None or cust.store_id != actor.store_id:
        c.errors["customer_id"] = ValidationError("visit.unknown_customer", field="customer_id")
        cust = None
    staff_id = data.staff_id if data.staff_id is not None else actor.staff_id
    person = s.get(Staff, staff_id) if staff_id is not None else None
    if person is None or person.store_id != actor.store_id:
        c.errors["staff_id"] = ValidationError("visit.unknown_staff", field="staff_id")
    elif staff_has_left(person, today):
        c.errors["staff_id"] = ValidationError("visit.staff_inactive", field="staff_id",
                                               name=person.name)
    task = None
    if data.task_id is not None:
        task = s.get(FollowUpTask, data.task_id)
        if task is None or task.store_id != actor.store_id:
            c.errors["task_id"] = ValidationError("visit.unknown_task", field="task_id")
        elif task.status not in ("open", "snoozed"):
            c.errors["task_id"] = ValidationError("visit.task_closed", field="task_id",
                                                  status=task.status)
        elif task.customer_id != data.customer_id:
            c.errors["task_id"] = ValidationError("visit.task_other_customer", field="task_id")
    stage_override = False
    if cust is not None and new_stage is not None and why is not None \
            and Stage(cust.stage) is not new_stage:
        try:
            stage_override = pipeline.check_move(s, cust, new_stage, why)
        except ValidationError as e:
            c.errors.setdefault(e.field or "new_stage", e)
    c.done()
    assert cust is not None and person is not None
    if new_stage is not None and Stage(cust.stage) is new_stage:
        new_stage = None  # "still a lead" is no change, not an error, in the quick form
    second = s.scalar(select(Visit.id).where(Visit.customer_id == cust.id).limit(1)) is not None
    v = Visit(store_id=actor.store_id, customer_id=cust.id, staff_id=person.id, at=at,
              type=vtype.value, effective=bool(data.effective), outcome=outcome,
              new_stage=new_stage.value if new_stage else None,
              next_followup_on=data.next_followup_on, note=note, is_second_follow_up=second,
              task_id=task.id if task else None, logged_by=actor.staff_id, created_at=at)
    s.add(v)
    s.flush()
    change = None
    if new_stage is not None:
        row = pipeline.record_change(s, store_id=actor.store_id, customer=cust, to=new_stage,
                                     staff_id=person.id, source="visit", reason=why or "",
                                     override=stage_override, at=at)
        change = pipeline.change_row(s, row)
    if task is not None:
        task.status = "done"
        task.done_visit_id = v.id
    next_id = None
    if data.next_followup_on is not None:
        t = FollowUpTask(store_id=actor.store_id, customer_id=cust.id, staff_id=person.id,
                         rule="manual", key=manual_task_key(v.id), due_on=data.next_followup_on,
                         queue_on=data.next_followup_on, status="open", note=note, created_at=at)
        s.add(t)
        s.flush()
        next_id = t.id
    s.flush()
    audit.record_as(s, actor, "visit.log", f"visit:{v.id}", {
        "customer_id": cust.id, "staff_id": person.id, "type": vtype.value,
        "effective": v.effective, "new_stage": v.new_stage, "task_done": v.task_id,
        "next_task": next_id})
    return VisitResult(v.id, at, second, change, next_id, task.id if task else None)


def check_log_permission(db: Database, actor: Actor, data: VisitInput) -> None:
    audit.require(db, actor, Permission.VISITS_LOG, "visit.log", f"customer:{data.customer_id}")
    if data.staff_id is not None and data.staff_id != actor.staff_id:
        audit.require(db, actor, Permission.VISITS_LOG_OTHERS, "visit.log",
                      f"staff:{data.staff_id}")


def log_visit(db: Database, actor: Actor, data: VisitInput) -> VisitResult:
    check_log_permission(db, actor, data)
    if data.task_id is not None:
        check_task_owner(db, actor, data.task_id, data.staff_id)
    with db.write() as s:
        return log_in_session(s, actor, data)


def check_task_owner(db: Database, actor: Actor, task_id: int, staff_id: int | None) -> None:
    """Someone else's task is worked only by its owner, the visiting colleague or a manager."""
    with db.read() as s:
        owner = s.scalar(select(FollowUpTask.staff_id).where(
            FollowUpTask.id == task_id, FollowUpTask.store_id == actor.store_id))
    mine = {actor.staff_id, staff_id if staff_id is not None else actor.staff_id}
    if owner is not None and owner not in mine and not actor.can(Permission.FOLLOWUPS_TEAM):
        audit.refuse(db, actor, Permission.FOLLOWUPS_TEAM, "followup.work", f"task:{task_id}")


# ----------------------------------------------------------------------------- lists


def visible_staff(db: Database, actor: Actor, staff_id: int | None, action: str,
                  team: Permission = Permission.VISITS_VIEW_TEAM) -> int | None:
    """The staff filter the actor may use: anyone's with ``team``, else only their own."""
    if actor.can(team):
        return staff_id
    if staff_id is None or staff_id == actor.staff_id:
        if actor.staff_id is None:
            audit.refuse(db, actor, team, action)
        return actor.staff_id
    audit.refuse(db, actor, team, action, f"staff:{staff_id}")
    return None  # not reached


def _day_start(d: date) -> datetime:
    return datetime.combine(d, datetime.min.time())


def list_visits(db: Database, actor: Actor, filters: VisitFilters = VisitFilters(),
                after_key: tuple[Any, int] | None = None, limit: int = 100) -> VisitPage:
    audit.require(db, actor, Permission.VISITS_LOG, "visit.list")
    staff_id = visible_staff(db, actor, filters.staff_id, "visit.list")
    f = filters
    if f.date_from and f.date_to and f.date_to < f.date_from:
        raise ValidationError("visit.range_reversed", field="date_to")
    vtype = _visit_type(f.type) if f.type not in (None, "") else None
    limit = max(1, min(int(limit), PAGE_MAX))
    w = [Visit.store_id == actor.store_id]
    if staff_id is not None:
        w.append(Visit.staff_id == staff_id)
    if f.customer_id is not None:
        w.append(Visit.customer_id == f.customer_id)
    if f.date_from is not None:
        w.append(Visit.at >= _day_start(f.date_from))
    if f.date_to is not None:
        w.append(Visit.at < _day_start(f.date_to + timedelta(days=1)))
    if vtype is not None:
        w.append(Visit.type == vtype.value)
    if after_key is not None:
        at, vid = after_key
        w.append(tuple_(Visit.at, Visit.id) < tuple_(at, vid))
    q = (select(Visit.id, Visit.at, Visit.customer_id, Customer.name, Visit.staff_id, Staff.name,
                Visit.type, Visit.effective, Visit.outcome, Visit.new_stage,
                Visit.next_followup_on, Visit.note, Visit.is_second_follow_up, Visit.task_id)
         .join(Customer, Customer.id == Visit.customer_id)
         .join(Staff, Staff.id == Visit.staff_id)
         .where(and_(*w)).order_by(Visit.at.desc(), Visit.id.desc()).limit(limit))
    with db.read() as s:
        rows = tuple(VisitRow(r[0], r[1], r[2], r[3], r[4], r[5], VisitType(r[6]), bool(r[7]),
                              r[8], Stage(r[9]) if r[9] else None, r[10], r[11], bool(r[12]),
                              r[13]) for r in s.execute(q))
    nxt = (rows[-1].at, rows[-1].id) if len(rows) == limit else None
    return VisitPage(rows, nxt)


def norm_counts(db: Database, actor: Actor, date_from: date, date_to: date,
                staff_id: int | None = None) -> list[NormCounts]:
    audit.require(db, actor, Permission.VISITS_LOG, "visit.norms")
    staff_id = visible_staff(db, actor, staff_id, "visit.norms")
    if date_to < date_from:
        raise ValidationError("visit.range_reversed", field="date_to")
    lo, hi = _day_start(date_from), _day_start(date_to + timedelta(days=1))
    who = "AND v.staff_id = :staff" if staff_id is not None else ""
    # A customer is developed by whoever made their first visit ever; the first visit is
    # found through ix_visit_customer_at, one seek per customer visited in the period.
    sql = text(f"""
        SELECT v.staff_id, COUNT(*),
               SUM(CASE WHEN v.effective THEN 1 ELSE 0 END),
               SUM(CASE WHEN v.is_second_follow_up THEN 1 ELSE 0 END),
               SUM(CASE WHEN v.id = (SELECT f.id FROM visit f WHERE f.customer_id = v.customer_id
                                     ORDER BY f.at, f.id LIMIT 1) THEN 1 ELSE 0 END)
        FROM visit v
        WHERE v.store_id = :store AND v.at >= :lo AND v.at < :hi {who}
        GROUP BY v.staff_id""")
    params = {"store": actor.store_id, "lo": lo.isoformat(" "), "hi": hi.isoformat(" "),
              "staff": staff_id}
    with db.read() as s:
        got = {r[0]: r for r in s.execute(sql, params)}
        q = select(Staff.id, Staff.name).where(Staff.store_id == actor.store_id)
        if staff_id is not None:
            q = q.where(Staff.id == staff_id)
        else:
            q = q.where(or_(Staff.id.in_(list(got)), and_(Staff.active.is_(True),
                                                           Staff.role.in_(("sales",)))))
        people = s.execute(q.order_by(Staff.id)).all()
    out = []
    for sid, name in people:
        r = got.get(sid)
        out.append(NormCounts(sid, name, r[1] if r else 0, int(r[2] or 0) if r else 0,
                              int(r[4] or 0) if r else 0, int(r[3] or 0) if r else 0))
    return out
