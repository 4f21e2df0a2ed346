"""Hand-over (seed 002: when someone leaves, nobody knows where their work stands): every customer
and every open follow-up task of one staff member moved to one or several colleagues in one
action.

API for screens (the staff page offers it when a person is made inactive or given a leave date
through ``staff.update_staff``; it can also be run on demand):

* ``preview(db, actor, from_staff_id) -> HandoverPreview`` - how many customers and open tasks
  would move.
* ``execute(db, actor, from_staff_id, to_staff_ids, weights=None) -> HandoverResult`` - one
  transaction, one audit entry. Customers are taken in id order and dealt round-robin when
  ``weights`` is None, else in consecutive blocks whose sizes split the count by the weights
  (``domain.money.split``: largest remainder, the sizes add up exactly). An open task follows
  its customer; a task of the leaving person on a customer owned by someone else goes to that
  customer's owner when they are active, otherwise round-robin like the rest. Done and
  cancelled tasks keep their history.

Error codes: ``handover.no_recipient`` (``to_staff_ids``); ``handover.same_staff``
(``to_staff_ids``: the person handing over is among the recipients); ``handover.duplicate``
(``to_staff_ids``); ``handover.recipient_inactive`` (``to_staff_ids``, param ``name``);
``handover.weights_invalid`` (``weights``: one positive whole number per recipient);
``not_found`` (staff).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from opsdesk.db import clock
from opsdesk.db.engine import Database
from opsdesk.db.models import Customer, FollowUpTask, Staff
from opsdesk.domain.errors import NotFound, ValidationError
from opsdesk.domain.money import split
from opsdesk.domain.roles import Permission
from opsdesk.services import audit
from opsdesk.services.context import Actor
from opsdesk.services.visits import staff_has_left


@dataclass(frozen=True)
class HandoverPreview:
    staff_id: int
    staff_name: str
    customers: int
    open_tasks: int


@dataclass(frozen=True)
class Share:
    staff_id: int
    customers: int
    tasks: int


@dataclass(frozen=True)
class HandoverResult:
    from_staff_id: int
    customers: int
    tasks: int
    shares: tuple[Share, ...]


def _staff(s: Session, actor: Actor, staff_id: int) -> Staff:
    p = s.get(Staff, staff_id)
    if p is None or p.store_id != actor.store_id:
        raise NotFound("staff", staff_id)
    return p


def _counts(s: Session, store_id: int, staff_id: int) -> tuple[int, int]:
    customers = s.scalar(select(func.count()).select_from(Customer).where(
        Customer.store_id == store_id, Customer.staff_id == staff_id)) or 0
    tasks = s.scalar(select(func.count()).select_from(FollowUpTask).where(
        FollowUpTask.staff_id == staff_id, FollowUpTask.status.in_(("open", "snoozed")),
        FollowUpTask.store_id == store_id)) or 0
    return customers, tasks


def preview(db: Database, actor: Actor, from_staff_id: int) -> HandoverPreview:
    audit.require(db, actor, Permission.HANDOVER, "staff.handover_preview",
                  f"staff:{from_staff_id}")
    with db.read() as s:
        p = _staff(s, actor, from_staff_id)
        c, t = _counts(s, actor.store_id, p.id)
        return HandoverPreview(p.id, p.name, c, t)


def _check(s: Session, actor: Actor, from_id: int, to: Sequence[int],
           weights: Sequence[int] | None) -> list[int]:
    if not to:
        raise ValidationError("handover.no_recipient", field="to_staff_ids")
    ids = [int(x) for x in to]
    if from_id in ids:
        raise ValidationError("handover.same_staff", field="to_staff_ids")
    if len(set(ids)) != len(ids):
        raise ValidationError("handover.duplicate", field="to_staff_ids")
    today = clock.now().date()
    for i in ids:
        p = _staff(s, actor, i)
        if staff_has_left(p, today):
            raise ValidationError("handover.recipient_inactive", field="to_staff_ids",
                                  name=p.name)
    if weights is not None:
        ok = len(weights) == len(ids) and all(
            not isinstance(w, bool) and isinstance(w, int) and w > 0 for w in weights)
        if not ok:
            raise ValidationError("handover.weights_invalid", field="weights")
    return ids


def _assign_sql(ids: list[int], bounds: list[int] | None) -> str:
    """A CASE over the row number ``rn`` (1-based) picking each row's recipient."""
    if bounds is None:
        whens = " ".join(f"WHEN {k} THEN {sid}" for k, sid in enumerate(ids))
        return f"CASE (x.rn - 1) % {len(ids)} {whens} END"
    whens = " ".join(f"WHEN x.rn <= {b} THEN {sid}" for b, sid in zip(bounds, ids, strict=True))
    return f"CASE {whens} END"


def execute(db: Database, actor: Actor, from_staff_id: int, to_staff_ids: Sequence[int],
            weights: Sequence[int] | None = None) -> HandoverResult:
    audit.require(db, actor, Permission.HANDOVER, "staff.handover", f"staff:{from_staff_id}")
    with db.write() as s:
        src = _staff(s, actor, from_staff_id)
        ids = _check(s, actor, src.id, to_staff_ids, weights)
        n_customers, n_tasks = _counts(s, actor.store_id, src.id)
        bounds = None
        if weights is not None:
            sizes = split(n_customers, list(weights))
            bounds, acc = [], 0
            for size in sizes:
                acc += size
                bounds.append(acc)
        params = {"store": actor.store_id, "src": src.id}
        conn = s.connection()
        before = _per_recipient(s, actor.store_id, ids)
        # Who gets what is decided first, into scratch tables: numbering the rows inside the
        # UPDATE itself would renumber as rows change hands.
        conn.execute(text("CREATE TEMP TABLE IF NOT EXISTS handover_map "
                          "(kind INTEGER, row_id INTEGER, staff_id INTEGER)"))
        conn.execute(text("DELETE FROM handover_map"))
        conn.execute(text(f"""
            INSERT INTO handover_map (kind, row_id, staff_id)
            SELECT 0, x.id, {_assign_sql(ids, bounds)} FROM (
                SELECT id, row_number() OVER (ORDER BY id) AS rn FROM customer
                WHERE store_id = :store AND staff_id = :src) x"""), params)
        # An open task follows its customer; one on a customer owned by an active colleague
        # goes to that colleague; the rest are dealt round-robin.
        conn.execute(text("""
            UPDATE followup_task SET staff_id = (
                SELECT m.staff_id FROM handover_map m
                WHERE m.kind = 0 AND m.row_id = followup_task.customer_id)
            WHERE store_id = :store AND staff_id = :src AND status IN ('open', 'snoozed')
              AND customer_id IN (SELECT row_id FROM handover_map WHERE kind = 0)"""), params)
        conn.execute(text("""
            UPDATE followup_task SET staff_id = (
                SELECT c.staff_id FROM customer c WHERE c.id = followup_task.customer_id)
            WHERE store_id = :store AND staff_id = :src AND status IN ('open', 'snoozed')
              AND EXISTS (SELECT 1 FROM customer c JOIN staff p ON p.id = c.staff_id
                          WHERE c.id = followup_task.customer_id AND p.id <> :src AND p.active
                            AND (p.leave_date IS NULL OR p.leave_date >= :today))"""),
                     {**params, "today": clock.now().date().isoformat()})
        conn.execute(text(f"""
            INSERT INTO handover_map (kind, row_id, staff_id)
            SELECT 1, x.id, {_assign_sql(ids, None)} FROM (
                SELECT id, row_number() OVER (ORDER BY id) AS rn FROM followup_task
                WHERE store_id = :store AND staff_id = :src
                  AND status IN ('open', 'snoozed')) x"""), params)
        conn.execute(text("""
            UPDATE followup_task SET staff_id = (
                SELECT m.staff_id FROM handover_map m
                WHERE m.kind = 1 AND m.row_id = followup_task.id)
            WHERE id IN (SELECT row_id FROM handover_map WHERE kind = 1)"""), params)
        conn.execute(text("""
            UPDATE customer SET staff_id = (
                SELECT m.staff_id FROM handover_map m WHERE m.kind = 0 AND m.row_id = customer.id)
            WHERE id IN (SELECT row_id FROM handover_map WHERE kind = 0)"""), params)
        conn.execute(text("DELETE FROM handover_map"))
        after = _per_recipient(s, actor.store_id, ids)
        shares = tuple(Share(i, after[i][0] - before[i][0], after[i][1] - before[i][1])
                       for i in ids)
        result = HandoverResult(src.id, n_customers, n_tasks, shares)
        audit.record_as(s, actor, "staff.handover", f"staff:{src.id}", {
            "to": ids, "weights": list(weights) if weights is not None else None,
            "customers": n_customers, "tasks": n_tasks,
            "shares": [[x.staff_id, x.customers, x.tasks] for x in shares]})
        return result


def _per_recipient(s: Session, store_id: int, ids: list[int]) -> dict[int, tuple[int, int]]:
    return {i: _counts(s, store_id, i) for i in ids}
