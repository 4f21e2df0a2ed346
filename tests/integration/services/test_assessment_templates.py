"""KPI templates per position: a position's own template scores its people, every other position
falls back to the store's; weights checked; dropping a position's template goes back to the
store's; a locked month keeps the scores it was locked with."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import func, select

from opsdesk.db.engine import Database
from opsdesk.db.models.incentives import AssessmentItem
from opsdesk.domain.errors import ValidationError
from opsdesk.services import assessments, pay_runs
from opsdesk.services.context import Actor
from tests.integration.services.pay_helpers import (
    MONTH,
    YEAR,
    Payroll,
    make_payroll,
    march_sales,
    score_attitude,
)

DESK = [assessments.ItemInput("new_customers", 50, "auto", 1, 20),
        assessments.ItemInput("attitude", 50, "manual", 1, 10)]
MANAGER = [assessments.ItemInput("store_revenue_attainment", 40, "auto", "1.2", 0),
           assessments.ItemInput("attitude", 30, "manual", 1, 10),
           assessments.ItemInput("plan_follow_through", 30, "manual", 1, 10)]


@pytest.fixture
def p(db: Database, store: Actor) -> Payroll:
    return make_payroll(db, store)


def by_staff(views: list[assessments.AssessmentView]) -> dict[int, assessments.AssessmentView]:
    return {v.staff_id: v for v in views}


def test_a_position_s_own_template_scores_its_people_others_use_the_store_s(p: Payroll) -> None:
    store_before = assessments.get_template(p.db, p.owner)
    assessments.save_template(p.db, p.owner, DESK, p.positions["desk"])
    assert [i.code for i in assessments.get_template(p.db, p.owner, p.positions["desk"])] == [
        "new_customers", "attitude"]
    # The store's template and the other positions are untouched.
    assert assessments.get_template(p.db, p.owner) == store_before
    assert assessments.get_template(p.db, p.owner, p.positions["consultant"]) == store_before
    assert assessments.own_template_positions(p.db, p.owner) == {p.positions["desk"]}
    score_attitude(p, 8)
    views = by_staff(assessments.refresh_month(p.db, p.manager, YEAR, MONTH))
    desk = views[p.desk.staff_id]
    assert [ln.code for ln in desk.lines] == ["new_customers", "attitude"]
    assert desk.score == Decimal("40.00")  # no new customers; attitude 8 / 10 × 50
    seller = views[p.seller.staff_id]
    assert [ln.code for ln in seller.lines] == [i.code for i in store_before]


def test_the_manager_is_scored_on_the_store_and_the_owner_s_items(p: Payroll) -> None:
    march_sales(p)
    assessments.save_template(p.db, p.owner, MANAGER, p.positions["manager"])
    with pytest.raises(ValidationError):  # an item not on the manager's template
        assessments.set_manual(p.db, p.owner, p.seller.staff_id, YEAR, MONTH,
                               {"plan_follow_through": 9})
    view = assessments.set_manual(p.db, p.owner, p.manager.staff_id, YEAR, MONTH,
                                  {"attitude": 9, "plan_follow_through": 8})
    lines = {ln.code: ln for ln in view.lines}
    # No plan: the store's revenue has no target and counts 0, the manual items 27 + 24.
    assert lines["store_revenue_attainment"].actual == 312_000 * 100
    assert lines["store_revenue_attainment"].target is None
    assert view.score == Decimal("51.00")


def test_weights_are_checked_and_nothing_is_saved(p: Payroll) -> None:
    with pytest.raises(ValidationError) as e:
        assessments.save_template(p.db, p.owner, DESK[:1], p.positions["desk"])
    assert e.value.code == "assessment.weights_sum" and e.value.params["actual"] == "50"
    with pytest.raises(ValidationError) as e:
        assessments.save_template(p.db, p.owner, DESK, 999_999)
    assert e.value.code == "assessment.unknown_position"
    with p.db.read() as s:
        assert s.scalar(select(func.count()).select_from(AssessmentItem)) == 0


def test_dropping_a_position_s_template_returns_to_the_store_s(p: Payroll) -> None:
    store_items = [assessments.ItemInput("visits", 60, default_target=60),
                   assessments.ItemInput("attitude", 40, "manual", 1, 10)]
    assessments.save_template(p.db, p.owner, store_items)
    assessments.save_template(p.db, p.owner, DESK, p.positions["desk"])
    # Saving the store's template again leaves the position's own alone.
    assessments.save_template(p.db, p.owner, store_items)
    assert len(assessments.get_template(p.db, p.owner, p.positions["desk"])) == 2
    assert assessments.get_template(p.db, p.owner, p.positions["desk"])[0].code == "new_customers"
    back = assessments.drop_template(p.db, p.owner, p.positions["desk"])
    assert back == assessments.get_template(p.db, p.owner)
    assert assessments.get_template(p.db, p.owner, p.positions["desk"]) == back
    assert assessments.own_template_positions(p.db, p.owner) == set()
    score_attitude(p)
    views = by_staff(assessments.refresh_month(p.db, p.manager, YEAR, MONTH))
    assert [ln.code for ln in views[p.desk.staff_id].lines] == ["visits", "attitude"]


def test_a_locked_month_keeps_its_scores(p: Payroll) -> None:
    march_sales(p)
    score_attitude(p)
    pay_runs.draft_run(p.db, p.owner, YEAR, MONTH)
    pay_runs.lock_run(p.db, p.owner, YEAR, MONTH)
    before = assessments.month_assessments(p.db, p.owner, YEAR, MONTH)
    run_before = pay_runs.get_run(p.db, p.owner, YEAR, MONTH)
    assessments.save_template(p.db, p.owner, DESK, p.positions["desk"])
    assert assessments.month_assessments(p.db, p.owner, YEAR, MONTH) == before
    assert pay_runs.get_run(p.db, p.owner, YEAR, MONTH) == run_before
    with pytest.raises(Exception) as e:
        assessments.refresh_month(p.db, p.manager, YEAR, MONTH)
    assert getattr(e.value, "code", None) == "pay_run.locked"
    assert assessments.month_assessments(p.db, p.owner, YEAR, MONTH) == before
