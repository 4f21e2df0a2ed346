"""Hand-over: preview, one action moving every customer and open task, splits, audit."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from opsdesk.db import clock
from opsdesk.db.engine import Database
from opsdesk.db.models import AuditEntry, Customer, FollowUpTask
from opsdesk.domain.errors import PermissionDenied, ValidationError
from opsdesk.domain.roles import Role
from opsdesk.services import auth, followups, handover, staff, visits
from opsdesk.services.context import Actor


@pytest.fixture
def people(db: Database, store: Actor) -> dict[str, int]:
    ids = {}
    for login in ("leaver", "a", "b", "c"):
        ids[login] = staff.create_staff(db, store, staff.StaffInput(
            name=login, login=f"{login}x", role=Role.SALES, secret="1357")).id
    return ids


def _customers(db: Database, store: Actor, staff_id: int | None, n: int) -> list[int]:
    with db.write() as s:
        rows = [Customer(store_id=store.store_id, name="客", phone=f"1390000{i:04d}",
                         staff_id=staff_id, created_at=datetime(2024, 1, 1, 9))
                for i in range(n)]
        s.add_all(rows)
        s.flush()
        return [c.id for c in rows]


def _owners(db: Database) -> dict[int | None, int]:
    with db.read() as s:
        return dict(s.execute(select(Customer.staff_id, func.count()).group_by(
            Customer.staff_id)).all())


def test_preview_then_weighted_split_leaves_nothing_behind(db: Database, store: Actor,
                                                           people) -> None:  # noqa: ANN001
    _customers(db, store, people["leaver"], 10)
    _customers(db, store, people["a"], 2)
    followups.generate(db, store, date(2024, 2, 1))  # lead idle: one open task per customer
    p = handover.preview(db, store, people["leaver"])
    assert (p.customers, p.open_tasks) == (10, 10)
    r = handover.execute(db, store, people["leaver"], [people["a"], people["b"]], [3, 2])
    assert (r.customers, r.tasks) == (10, 10)
    assert [(x.staff_id, x.customers, x.tasks) for x in r.shares] == [
        (people["a"], 6, 6), (people["b"], 4, 4)]
    assert handover.preview(db, store, people["leaver"]).customers == 0
    assert _owners(db) == {people["a"]: 8, people["b"]: 4}
    with db.read() as s:
        # Every task went with its customer.
        assert s.scalar(select(func.count()).select_from(FollowUpTask).join(
            Customer, Customer.id == FollowUpTask.customer_id).where(
            FollowUpTask.staff_id != Customer.staff_id)) == 0
        e = s.scalars(select(AuditEntry).where(AuditEntry.action == "staff.handover")).one()
        assert '"customers": 10' in e.detail


def test_round_robin_and_tasks_on_someone_elses_customer(db: Database, store: Actor,
                                                         people) -> None:  # noqa: ANN001
    mine = _customers(db, store, people["leaver"], 5)
    theirs = _customers(db, store, people["c"], 1)[0]
    leaver = auth.login(db, "leaverx", "1357")
    with clock.frozen(datetime(2024, 3, 1, 10)):
        r = visits.log_visit(db, leaver, visits.VisitInput(
            customer_id=theirs, type="call", next_followup_on=date(2024, 3, 5)))
    r = handover.execute(db, store, people["leaver"], [people["a"], people["b"]])
    assert [(x.customers, x.tasks) for x in r.shares] == [(3, 0), (2, 0)]
    with db.read() as s:
        owners = [s.get(Customer, c).staff_id for c in mine]
        assert owners == [people["a"], people["b"], people["a"], people["b"], people["a"]]
        # The task on c's customer went back to c, not to a recipient.
        assert s.scalar(select(FollowUpTask.staff_id).where(
            FollowUpTask.customer_id == theirs)) == people["c"]


@pytest.mark.parametrize("to, weights, code", [
    ([], None, "handover.no_recipient"),
    (["leaver"], None, "handover.same_staff"),
    (["a", "a"], None, "handover.duplicate"),
    (["a", "b"], [1], "handover.weights_invalid"),
    (["a", "b"], [1, 0], "handover.weights_invalid"),
    (["gone"], None, "handover.recipient_inactive"),
])
def test_bad_hand_over_moves_nothing(db: Database, store: Actor, people, to, weights,  # noqa: ANN001
                                     code: str) -> None:
    gone = staff.create_staff(db, store, staff.StaffInput(
        name="gone", login="gone", role=Role.SALES, secret="1357", active=False)).id
    ids = {**people, "gone": gone}
    _customers(db, store, people["leaver"], 3)
    before = _owners(db)
    with pytest.raises(ValidationError) as e:
        handover.execute(db, store, people["leaver"], [ids[x] for x in to], weights)
    assert e.value.code == code
    assert _owners(db) == before


def test_sales_staff_cannot_hand_over(db: Database, store: Actor, people) -> None:  # noqa: ANN001
    a = auth.login(db, "ax", "1357")
    with pytest.raises(PermissionDenied):
        handover.preview(db, a, people["leaver"])
    with pytest.raises(PermissionDenied):
        handover.execute(db, a, people["leaver"], [people["a"]])
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.outcome == "refused", AuditEntry.action.like("staff.handover%"))) == 2
