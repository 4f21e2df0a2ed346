"""Visit logging: one transaction for visit, stage, next task and completed task; bad input writes
nothing; lists and norms per person, a salesperson limited to their own."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from opsdesk.db import clock
from opsdesk.db.engine import Database
from opsdesk.db.models import AuditEntry, Customer, FollowUpTask, StageChange
from opsdesk.domain.errors import FieldErrors, PermissionDenied, ValidationError
from opsdesk.domain.members import Stage
from opsdesk.domain.roles import Role
from opsdesk.services import auth, members, staff, visits
from opsdesk.services.context import Actor

NOW = datetime(2024, 2, 29, 15, 0)


def digest(path: Path) -> str:
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    h = hashlib.sha256()
    try:
        for (t,) in con.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name"):
            for row in con.execute(f'SELECT * FROM "{t}" ORDER BY rowid'):
                h.update(repr(row).encode())
    finally:
        con.close()
    return h.hexdigest()


@pytest.fixture
def team(db: Database, store: Actor):  # noqa: ANN201
    ids = {}
    for login, role in (("zhang", Role.SALES), ("lina", Role.SALES), ("desk", Role.FRONT_DESK),
                        ("chen", Role.MANAGER)):
        ids[login] = staff.create_staff(db, store, staff.StaffInput(
            name=login, login=login, role=role, secret="1357")).id
    actors = {k: auth.login(db, k, "1357") for k in ids}
    return ids, actors


def _member(db: Database, actor: Actor, phone: str, staff_id: int | None = None) -> int:
    return members.register(db, actor, members.MemberInput(phone=phone, name="周雪",
                                                           staff_id=staff_id)).id


def test_log_visit_moves_stage_and_books_the_next_follow_up(db: Database, store: Actor,
                                                           team) -> None:  # noqa: ANN001
    ids, a = team
    c = _member(db, store, "13800000001", ids["zhang"])
    with clock.frozen(NOW):
        r = visits.log_visit(db, a["zhang"], visits.VisitInput(
            customer_id=c, type="store_visit", effective=True, outcome="试做补水，满意",
            new_stage=Stage.QUALIFIED, next_followup_on=date(2024, 3, 1)))
        assert not r.is_second_follow_up
        assert r.stage_change is not None and r.stage_change.to_stage is Stage.QUALIFIED
        r2 = visits.log_visit(db, a["zhang"], visits.VisitInput(customer_id=c, type="call"))
        assert r2.is_second_follow_up and r2.stage_change is None
    with db.read() as s:
        assert s.get(Customer, c).stage == "qualified"
        t = s.get(FollowUpTask, r.next_task_id)
        assert (t.rule, t.due_on, t.staff_id, t.status) == ("manual", date(2024, 3, 1),
                                                            ids["zhang"], "open")
        ch = s.scalars(select(StageChange).where(StageChange.customer_id == c)).one()
        assert (ch.from_stage, ch.to_stage, ch.source, ch.override) == ("lead", "qualified",
                                                                         "visit", False)


@pytest.mark.parametrize("field, data, code", [
    ("next_followup_on", dict(next_followup_on=NOW.date() - timedelta(days=1)),
     "visit.followup_in_past"),
    ("outcome", dict(effective=True, outcome="  "), "visit.outcome_required"),
    ("type", dict(type="fax"), "visit.type_invalid"),
    ("new_stage", dict(new_stage="customer"), "pipeline.override_reason_required"),
])
def test_bad_input_writes_nothing(db: Database, db_path: Path, store: Actor, team, field: str,  # noqa: ANN001
                                  data: dict, code: str) -> None:
    ids, a = team
    c = _member(db, store, "13800000002", ids["zhang"])
    before = digest(db_path)
    with clock.frozen(NOW), pytest.raises(FieldErrors) as e:
        visits.log_visit(db, a["zhang"], visits.VisitInput(**{"customer_id": c, "type": "call",
                                                              **data}))
    key = "reason" if code.startswith("pipeline.") else field
    assert e.value.errors[key].code == code
    assert digest(db_path) == before


def test_a_visit_for_someone_who_has_left_is_refused(db: Database, db_path: Path,
                                                     store: Actor, team) -> None:  # noqa: ANN001
    ids, a = team
    c = _member(db, store, "13800000003")
    old = staff.list_staff(db, store)
    lina = next(p for p in old if p.id == ids["lina"])
    staff.update_staff(db, store, lina.id, staff.StaffInput(
        name=lina.name, login=lina.login, role=lina.role, leave_date=date(2024, 2, 1)))
    before = digest(db_path)
    with clock.frozen(NOW), pytest.raises(FieldErrors) as e:
        visits.log_visit(db, a["desk"], visits.VisitInput(customer_id=c, type="call",
                                                          staff_id=ids["lina"]))
    assert e.value.errors["staff_id"].code == "visit.staff_inactive"
    assert digest(db_path) == before


def test_sales_staff_see_their_own_and_are_refused_others(db: Database, store: Actor,
                                                          team) -> None:  # noqa: ANN001
    ids, a = team
    c = _member(db, store, "13800000004")
    with clock.frozen(NOW):
        for who in ("zhang", "zhang", "lina"):
            visits.log_visit(db, a[who], visits.VisitInput(customer_id=c, type="wechat"))
        visits.log_visit(db, a["desk"], visits.VisitInput(customer_id=c, type="store_visit",
                                                          staff_id=ids["lina"]))
    mine = visits.list_visits(db, a["zhang"])
    assert len(mine.rows) == 2 and {r.staff_id for r in mine.rows} == {ids["zhang"]}
    with pytest.raises(PermissionDenied):
        visits.list_visits(db, a["zhang"], visits.VisitFilters(staff_id=ids["lina"]))
    with pytest.raises(PermissionDenied):
        visits.log_visit(db, a["zhang"], visits.VisitInput(customer_id=c, type="call",
                                                           staff_id=ids["lina"]))
    with db.read() as s:
        refused = s.scalars(select(AuditEntry.action).where(AuditEntry.outcome == "refused"))
        assert set(refused) >= {"visit.list", "visit.log"}
    team_view = visits.list_visits(db, a["chen"], visits.VisitFilters(staff_id=ids["lina"]))
    assert len(team_view.rows) == 2
    assert len(visits.list_visits(db, a["chen"]).rows) == 4


def test_keyset_pages_cover_every_visit_once(db: Database, store: Actor, team) -> None:  # noqa: ANN001
    ids, a = team
    c = _member(db, store, "13800000005")
    with clock.frozen(NOW):  # equal time stamps: the id decides the order
        for _ in range(7):
            visits.log_visit(db, a["zhang"], visits.VisitInput(customer_id=c, type="call"))
    seen, key = [], None
    while True:
        page = visits.list_visits(db, a["chen"], visits.VisitFilters(type="call"), key, limit=3)
        seen += [r.id for r in page.rows]
        if page.next_key is None:
            break
        key = page.next_key
    assert len(seen) == len(set(seen)) == 7 and seen == sorted(seen, reverse=True)
    with pytest.raises(ValidationError):
        visits.list_visits(db, a["chen"], visits.VisitFilters(date_from=date(2024, 3, 1),
                                                              date_to=date(2024, 2, 1)))


def test_norms_count_visits_effective_new_and_second(db: Database, store: Actor,
                                                    team) -> None:  # noqa: ANN001
    ids, a = team
    c1 = _member(db, store, "13800000006")
    c2 = _member(db, store, "13800000007")
    with clock.frozen(datetime(2024, 1, 31, 10)):
        visits.log_visit(db, a["lina"], visits.VisitInput(customer_id=c1, type="call"))
    with clock.frozen(datetime(2024, 2, 1, 10)):
        visits.log_visit(db, a["zhang"], visits.VisitInput(customer_id=c1, type="call",
                                                           effective=True, outcome="有兴趣"))
        visits.log_visit(db, a["zhang"], visits.VisitInput(customer_id=c2, type="meeting"))
        visits.log_visit(db, a["zhang"], visits.VisitInput(customer_id=c2, type="wechat"))
    rows = {r.staff_id: r for r in visits.norm_counts(db, a["chen"], date(2024, 2, 1),
                                                      date(2024, 2, 29))}
    z = rows[ids["zhang"]]
    assert (z.visits, z.effective_visits, z.new_customers, z.second_follow_ups) == (3, 1, 1, 2)
    assert rows[ids["lina"]].visits == 0
    own = visits.norm_counts(db, a["zhang"], date(2024, 1, 1), date(2024, 2, 29))
    assert [r.staff_id for r in own] == [ids["zhang"]]


def test_check_reports_a_done_task_without_its_visit(db: Database, store: Actor,
                                                     team) -> None:  # noqa: ANN001
    from opsdesk.services import maintenance

    ids, a = team
    c = _member(db, store, "13800000008")
    with clock.frozen(NOW):
        r = visits.log_visit(db, a["zhang"], visits.VisitInput(
            customer_id=c, type="call", next_followup_on=date(2024, 3, 2)))
        visits.log_visit(db, a["zhang"], visits.VisitInput(customer_id=c, type="call",
                                                           task_id=r.next_task_id))
    assert maintenance.check(db).ok
    with db.write() as s:
        s.get(FollowUpTask, r.next_task_id).done_visit_id = r.visit_id  # the wrong visit
    problems = maintenance.check(db).problems
    assert any(f"follow-up task {r.next_task_id}" in p for p in problems)
