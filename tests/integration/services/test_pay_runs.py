"""The monthly incentive run on a real database: schemes, assessment, draft, review, lock, and
the refusals that keep pay right (bad schemes, a locked month, changes after the lock)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction

import pytest
from sqlalchemy import func, select

from opsdesk.db import clock
from opsdesk.db.engine import Database
from opsdesk.db.models import AuditEntry
from opsdesk.db.models.incentives import PayLine, PayRun, PaySlip
from opsdesk.db.models.incentives import PayScheme as SchemeRow
from opsdesk.db.models.targets import TargetPlan, TargetPlanMonth
from opsdesk.domain.errors import Conflict, FieldErrors, OpsError, ValidationError
from opsdesk.domain.incentives import (
    Bracket,
    BracketBy,
    CommissionMode,
    CommissionRule,
    PayKind,
    PayScheme,
    SchemeOverride,
)
from opsdesk.domain.operations import new_operation_id
from opsdesk.services import assessments, contests, incentives, maintenance, pay_runs, sales
from opsdesk.services.context import Actor
from tests.integration.services.pay_helpers import (
    CONSULTANT,
    MONTH,
    YEAR,
    YUAN,
    Payroll,
    make_payroll,
    march_sales,
    score_attitude,
    sell,
)


@pytest.fixture
def p(db: Database, store: Actor) -> Payroll:
    return make_payroll(db, store)


def slip_of(view: pay_runs.RunView, staff_id: int) -> pay_runs.SlipView:
    return next(x for x in view.slips if x.staff_id == staff_id)


def amounts(slip: pay_runs.SlipView) -> dict[PayKind, int]:
    out: dict[PayKind, int] = {}
    for ln in slip.lines:
        out[ln.kind] = out.get(ln.kind, 0) + ln.amount
    return out


def counts(db: Database, model) -> int:  # noqa: ANN001
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(model))


# ----------------------------------------------------------------------------- schemes


def test_position_scheme_round_trips_exactly(p: Payroll) -> None:
    rows = incentives.list_schemes(p.db, p.owner)
    consultant = next(r for r in rows if r.position_id == p.positions["consultant"])
    assert consultant.scheme == PayScheme(
        base_pay=CONSULTANT.base_pay, performance_base=CONSULTANT.performance_base,
        commission=CommissionRule((Bracket(0, 100_000 * YUAN, Fraction(2, 100)),
                                   Bracket(100_000 * YUAN, None, Fraction(3, 100)))),
        new_member_bonus=5000, mentor=CONSULTANT.mentor and type(CONSULTANT.mentor)(
            Fraction(1), 50_000, 30_000),
        performance_cap=Fraction(6, 5))


def test_person_override_replaces_only_its_fields(p: Payroll) -> None:
    incentives.save_override(p.db, p.owner, p.seller.staff_id,
                             SchemeOverride(base_pay=3500 * YUAN))
    merged = incentives.scheme_for(p.db, p.owner, p.seller.staff_id)
    assert merged.base_pay == 3500 * YUAN
    assert merged.commission == incentives.scheme_for(p.db, p.owner,
                                                      p.apprentice.staff_id).commission
    assert incentives.scheme_for(p.db, p.owner, p.apprentice.staff_id).base_pay == 3000 * YUAN


@pytest.mark.parametrize("brackets, code", [
    ((Bracket(0, 100 * YUAN, "0.02"), Bracket(50 * YUAN, None, "0.03")),
     "incentives.bracket_overlap"),
    ((Bracket(0, 100 * YUAN, "0.02"), Bracket(150 * YUAN, None, "0.03")),
     "incentives.bracket_gap"),
    ((Bracket(0, None, "-0.01"),), "incentives.rate_negative"),
    ((Bracket(0, 100 * YUAN, "0.02"),), "incentives.bracket_last_bounded"),
])
def test_bad_brackets_are_refused_and_nothing_is_saved(p: Payroll, brackets, code) -> None:
    before = incentives.list_schemes(p.db, p.owner)
    with pytest.raises(FieldErrors) as e:
        incentives.save_position_scheme(p.db, p.owner, p.positions["desk"], PayScheme(
            base_pay=100, commission=CommissionRule(tuple(brackets))))
    assert e.value.errors["brackets"].code == code
    assert incentives.list_schemes(p.db, p.owner) == before


def test_negative_base_pay_and_unknown_position(p: Payroll) -> None:
    with pytest.raises(FieldErrors) as e:
        incentives.save_position_scheme(p.db, p.owner, p.positions["desk"],
                                        PayScheme(base_pay=-1))
    assert e.value.errors["base_pay"].code == "money.negative"
    with pytest.raises(ValidationError) as e2:
        incentives.save_position_scheme(p.db, p.owner, 9999, PayScheme(base_pay=1))
    assert e2.value.code == "pay.unknown_position"


# ----------------------------------------------------------------------------- assessment


def test_assessment_weights_must_sum_to_100_nothing_saved(p: Payroll) -> None:
    before = assessments.get_template(p.db, p.owner)
    with pytest.raises(ValidationError) as e:
        assessments.save_template(p.db, p.owner, [
            assessments.ItemInput("visits", 50, default_target=60),
            assessments.ItemInput("attitude", 40, "manual", cap=1, default_target=10)])
    assert e.value.code == "assessment.weights_sum" and e.value.params["actual"] == "90"
    assert assessments.get_template(p.db, p.owner) == before


def test_default_template_is_seed_004(p: Payroll) -> None:
    items = assessments.get_template(p.db, p.owner)
    assert [(i.code, i.weight) for i in items] == [
        ("visits", 20), ("effective_visits", 20), ("new_customers", 20),
        ("second_follow_ups", 15), ("revenue_attainment", 15), ("attitude", 10)]
    assert sum(i.weight for i in items) == 100


def test_manual_item_scores_and_breakdown_kept(p: Payroll) -> None:
    view = assessments.set_manual(p.db, p.manager, p.seller.staff_id, YEAR, MONTH,
                                  {"attitude": 8})
    att = next(ln for ln in view.lines if ln.code == "attitude")
    assert (att.actual, att.target, att.score) == (8, 10, Decimal("8.00"))
    # No visits, no plan: every automatic item scores 0; revenue has no target at all.
    rev = next(ln for ln in view.lines if ln.code == "revenue_attainment")
    assert rev.target is None and rev.score == 0
    assert view.score == Decimal("8.00")
    kept = assessments.month_assessments(p.db, p.manager, YEAR, MONTH)
    assert [(a.staff_id, a.score) for a in kept] == [(p.seller.staff_id, Decimal("8.00"))]
    with pytest.raises(FieldErrors) as e:
        assessments.set_manual(p.db, p.manager, p.seller.staff_id, YEAR, MONTH, {"visits": 3})
    assert e.value.errors["visits"].code == "assessment.not_manual"


def test_sales_see_only_their_own_assessment(p: Payroll) -> None:
    score_attitude(p)
    own = assessments.month_assessments(p.db, p.seller, YEAR, MONTH)
    assert [a.staff_id for a in own] == [p.seller.staff_id]


# ----------------------------------------------------------------------------- the run


def test_draft_blocks_until_assessments_are_complete(p: Payroll) -> None:
    march_sales(p)
    summary = pay_runs.draft_run(p.db, p.owner, YEAR, MONTH)
    assert summary.slips == 4 and summary.blocked == 4
    view = pay_runs.get_run(p.db, p.owner, YEAR, MONTH)
    assert slip_of(view, p.seller.staff_id).problems[0][0] == "incentives.score_missing"
    with pytest.raises(Conflict) as e:
        pay_runs.lock_run(p.db, p.owner, YEAR, MONTH)
    assert e.value.code == "pay_run.incomplete" and "张伟" in e.value.params["names"]


def test_full_run_figures_to_the_fen(p: Payroll) -> None:
    march_sales(p)
    score_attitude(p)
    summary = pay_runs.draft_run(p.db, p.owner, YEAR, MONTH)
    assert summary.blocked == 0
    view = pay_runs.get_run(p.db, p.owner, YEAR, MONTH)
    z = slip_of(view, p.seller.staff_id)
    a = amounts(z)
    assert a[PayKind.BASE] == 300_000
    assert a[PayKind.COMMISSION] == 936_000  # ¥312,000.00 × 3 % = ¥9,360.00
    com = next(ln for ln in z.lines if ln.kind is PayKind.COMMISSION).basis
    assert com.template == "pay.commission.step"
    assert (com["base"], com["rate"], com["amount"]) == (31_200_000, Fraction(3, 100), 936_000)
    assert a[PayKind.NEW_MEMBER_BONUS] == 2 * 5000
    # Assessment: attitude 10 of 10 = 10 points, new customers none (no visits) -> 10.00
    assert z.assessment_score == Decimal("10.00")
    assert a[PayKind.PERFORMANCE] == 10_000  # ¥1,000.00 × 10 %
    # Mentor: 孙磊 has no plan target -> subsidy only, marked "no target".
    assert a[PayKind.MENTOR_SUBSIDY] == 30_000 and PayKind.MENTOR_CUT not in a
    assert pay_runs.NOTE_NO_TARGET in z.notes
    assert z.total == sum(a.values()) == 300_000 + 936_000 + 10_000 + 10_000 + 30_000
    # The apprentice joined on 16 March: 16 of 31 days of base pay, performance pro rata too.
    ap = slip_of(view, p.apprentice.staff_id)
    assert (ap.days_employed, ap.days_in_month) == (16, 31)
    assert amounts(ap)[PayKind.BASE] == 154_839  # 300,000 × 16 / 31 = 154,838.7 -> half up
    prorated = next(ln for ln in ap.lines if ln.kind is PayKind.BASE).basis
    assert prorated.template == "pay.prorated"
    assert view.summary.total == sum(x.total for x in view.slips)


def test_refunds_reduce_the_month_they_are_paid_in(p: Payroll) -> None:
    ids = march_sales(p)
    score_attitude(p)
    with clock.frozen(datetime(2026, 3, 20, 10, 0)):
        sales.refund_sale(p.db, p.owner, ids[0], new_operation_id(), "客户退款")
    pay_runs.draft_run(p.db, p.owner, YEAR, MONTH)
    z = slip_of(pay_runs.get_run(p.db, p.owner, YEAR, MONTH), p.seller.staff_id)
    com = next(ln for ln in z.lines if ln.kind is PayKind.COMMISSION).basis
    assert com["refunds"] == 10_400_000 and com["base"] == 20_800_000
    assert com["amount"] == 624_000  # ¥208,000.00 × 3 %


def test_zero_sales_still_show_a_commission_line_of_zero(p: Payroll) -> None:
    score_attitude(p)
    pay_runs.draft_run(p.db, p.owner, YEAR, MONTH)
    z = slip_of(pay_runs.get_run(p.db, p.owner, YEAR, MONTH), p.seller.staff_id)
    assert amounts(z)[PayKind.COMMISSION] == 0


def _plan(p: Payroll, revenue: dict[int, int]) -> None:
    with p.db.write() as s:
        plan = TargetPlan(store_id=p.owner.store_id, year=YEAR, version=1, note="", settings="{}")
        s.add(plan)
        s.flush()
        for sid, amount in revenue.items():
            for m in range(1, 13):
                s.add(TargetPlanMonth(plan_id=plan.id, indicator="revenue", staff_id=sid,
                                      month=m, amount=amount, days=""))


def test_attainment_brackets_use_the_plan_and_mentor_rule_applies(p: Payroll) -> None:
    march_sales(p)
    sell(p, p.apprentice, datetime(2026, 3, 20, 10, 0), 1)  # 孙磊 ¥104,000
    score_attitude(p)
    incentives.save_position_scheme(p.db, p.owner, p.positions["consultant"], PayScheme(
        base_pay=300_000, mentor=CONSULTANT.mentor, commission=CommissionRule(
            (Bracket(0, "0.8", 0), Bracket("0.8", 1, "0.03"), Bracket(1, None, "0.05")),
            CommissionMode.STEP, bracket_by=BracketBy.ATTAINMENT)))
    _plan(p, {p.seller.staff_id: 30_000_000, p.apprentice.staff_id: 20_800_000})
    pay_runs.draft_run(p.db, p.owner, YEAR, MONTH)
    view = pay_runs.get_run(p.db, p.owner, YEAR, MONTH)
    z = slip_of(view, p.seller.staff_id)
    a = amounts(z)
    assert z.attainment == Fraction(312, 300)
    assert a[PayKind.COMMISSION] == 1_560_000  # 104 % -> 5 % of ¥312,000
    # 孙磊 at 50 % of the 100 % line: half the subsidy is cut.
    assert a[PayKind.MENTOR_SUBSIDY] == 30_000 and a[PayKind.MENTOR_CUT] == -15_000
    assert pay_runs.NOTE_NO_TARGET not in z.notes


def test_without_a_plan_attainment_brackets_count_as_zero(p: Payroll) -> None:
    march_sales(p)
    score_attitude(p)
    incentives.save_position_scheme(p.db, p.owner, p.positions["consultant"], PayScheme(
        base_pay=300_000, commission=CommissionRule(
            (Bracket(0, "0.8", "0.01"), Bracket("0.8", None, "0.05")),
            CommissionMode.STEP, bracket_by=BracketBy.ATTAINMENT)))
    pay_runs.draft_run(p.db, p.owner, YEAR, MONTH)
    z = slip_of(pay_runs.get_run(p.db, p.owner, YEAR, MONTH), p.seller.staff_id)
    assert amounts(z)[PayKind.COMMISSION] == 312_000  # 1 %: the first bracket's rate
    assert pay_runs.NOTE_NO_TARGET in z.notes and z.attainment is None


def test_deductions_adjustments_and_contest_prizes_flow_in(p: Payroll) -> None:
    march_sales(p)
    score_attitude(p)
    pay_runs.add_entry(p.db, p.owner, pay_runs.EntryInput(
        p.seller.staff_id, YEAR, MONTH, "deduction", 5000, "迟到 2 次"))
    pay_runs.add_entry(p.db, p.owner, pay_runs.EntryInput(
        p.seller.staff_id, YEAR, MONTH, "adjustment", 1234, "二月提成少算", "2026-02"))
    contests.create_contest(p.db, p.manager, contests.ContestInput(
        "三月销售 PK", "revenue", date(2026, 3, 1), date(2026, 3, 31),
        [(p.seller.staff_id, ""), (p.apprentice.staff_id, "")], [20_000, 10_000]))
    pay_runs.draft_run(p.db, p.owner, YEAR, MONTH)
    z = slip_of(pay_runs.get_run(p.db, p.owner, YEAR, MONTH), p.seller.staff_id)
    a = amounts(z)
    assert a[PayKind.DEDUCTION] == -5000 and a[PayKind.ADJUSTMENT] == 1234
    assert a[PayKind.PK_PRIZE] == 20_000
    prize = next(ln for ln in z.lines if ln.kind is PayKind.PK_PRIZE).basis
    assert (prize["contest"], prize["rank"]) == ("三月销售 PK", 1)


@pytest.mark.parametrize("entry, field, code", [
    (dict(kind="deduction", amount=100, reason=" "), "reason", "incentives.reason_required"),
    (dict(kind="deduction", amount=-5, reason="x"), "amount", "money.negative"),
    (dict(kind="adjustment", amount=5, reason="x"), "source", "pay_entry.source_required"),
    (dict(kind="bonus", amount=5, reason="x"), "kind", "pay_entry.kind_invalid"),
])
def test_bad_entries_are_refused(p: Payroll, entry, field, code) -> None:
    with pytest.raises(FieldErrors) as e:
        pay_runs.add_entry(p.db, p.owner, pay_runs.EntryInput(
            p.seller.staff_id, YEAR, MONTH, **entry))
    assert e.value.errors[field].code == code
    assert pay_runs.list_entries(p.db, p.owner, YEAR, MONTH) == []


def test_lock_makes_the_run_immutable(p: Payroll) -> None:
    march_sales(p)
    score_attitude(p)
    pay_runs.draft_run(p.db, p.owner, YEAR, MONTH)
    locked = pay_runs.lock_run(p.db, p.owner, YEAR, MONTH)
    assert locked.locked
    before = pay_runs.get_run(p.db, p.owner, YEAR, MONTH)
    n_lines = counts(p.db, PayLine)
    refusals = [
        lambda: pay_runs.draft_run(p.db, p.owner, YEAR, MONTH),
        lambda: pay_runs.lock_run(p.db, p.owner, YEAR, MONTH),
        lambda: pay_runs.add_entry(p.db, p.owner, pay_runs.EntryInput(
            p.seller.staff_id, YEAR, MONTH, "deduction", 100, "迟到")),
        lambda: assessments.set_manual(p.db, p.manager, p.seller.staff_id, YEAR, MONTH,
                                       {"attitude": 1}),
        lambda: assessments.refresh_month(p.db, p.manager, YEAR, MONTH),
    ]
    for call in refusals:
        with pytest.raises(OpsError) as e:
            call()
        assert e.value.code == "pay_run.locked"
    assert pay_runs.get_run(p.db, p.owner, YEAR, MONTH) == before
    assert counts(p.db, PayLine) == n_lines
    # A correction goes into April as an adjustment naming March.
    pay_runs.add_entry(p.db, p.owner, pay_runs.EntryInput(
        p.seller.staff_id, YEAR, 4, "adjustment", -2000, "三月多发", "2026-03"))
    with p.db.read() as s:
        actions = [a for (a,) in s.execute(select(AuditEntry.action).where(
            AuditEntry.action.like("pay_run.%")))]
    assert actions == ["pay_run.draft", "pay_run.lock"]
    report = maintenance.check(p.db)
    assert report.ok, report.problems


def test_a_tampered_locked_run_is_found_by_check(p: Payroll) -> None:
    score_attitude(p)
    pay_runs.draft_run(p.db, p.owner, YEAR, MONTH)
    pay_runs.lock_run(p.db, p.owner, YEAR, MONTH)
    with p.db.write() as s:
        line = s.scalars(select(PayLine).limit(1)).first()
        line.amount += 1
    report = maintenance.check(p.db)
    assert not report.ok
    assert any("pay run 2026-03" in x for x in report.problems)


def test_commission_carry_from_a_month_of_refunds(p: Payroll) -> None:
    ids = sell(p, p.seller, datetime(2026, 2, 10, 10, 0), 1)
    score_attitude(p)
    for m in (2, 3):
        for sid in p.people.values():
            assessments.set_manual(p.db, p.manager, sid, YEAR, m, {"attitude": 10})
    pay_runs.draft_run(p.db, p.owner, YEAR, 2)
    pay_runs.lock_run(p.db, p.owner, YEAR, 2)
    with clock.frozen(datetime(2026, 3, 2, 10, 0)):
        sales.refund_sale(p.db, p.owner, ids[0], new_operation_id(), "退")
    pay_runs.draft_run(p.db, p.owner, YEAR, 3)
    z = slip_of(pay_runs.get_run(p.db, p.owner, YEAR, 3), p.seller.staff_id)
    com = next(ln for ln in z.lines if ln.kind is PayKind.COMMISSION).basis
    assert com["base"] == 0 and com["carry_out"] == -10_400_000
    assert amounts(z)[PayKind.COMMISSION] == 0


def test_month_out_of_range(p: Payroll) -> None:
    with pytest.raises(ValidationError) as e:
        pay_runs.draft_run(p.db, p.owner, YEAR, 13)
    assert e.value.code == "pay_run.month_invalid"
    assert counts(p.db, PayRun) == 0


def test_cancelling_the_draft_writes_nothing(p: Payroll) -> None:
    score_attitude(p)

    class Stop(Exception):
        pass

    def progress(done: int, total: int) -> None:
        if done == 2:
            raise Stop

    with pytest.raises(Stop):
        pay_runs.draft_run(p.db, p.owner, YEAR, MONTH, progress)
    assert counts(p.db, PayRun) == 0 and counts(p.db, PaySlip) == 0


def test_people_without_a_scheme_are_not_on_the_payroll(db: Database, store: Actor) -> None:
    p = make_payroll(db, store, schemes=False)
    assert pay_runs.draft_run(db, store, YEAR, MONTH).slips == 0
    incentives.save_override(db, store, p.desk.staff_id, SchemeOverride(base_pay=100_000))
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(SchemeRow)) == 1
    assessments.set_manual(db, store, p.desk.staff_id, YEAR, MONTH, {"attitude": 9})
    assert pay_runs.draft_run(db, store, YEAR, MONTH).slips == 1


# ----------------------------------------------------------------------------- own slips


def test_own_slip_only_after_lock_and_only_ones_own(p: Payroll) -> None:
    score_attitude(p)
    pay_runs.draft_run(p.db, p.owner, YEAR, MONTH)
    assert pay_runs.my_slips(p.db, p.seller) == []
    pay_runs.lock_run(p.db, p.owner, YEAR, MONTH)
    mine = pay_runs.my_slips(p.db, p.seller)
    assert [x.staff_id for x in mine] == [p.seller.staff_id]
    assert pay_runs.slip(p.db, p.seller, mine[0].id).total == mine[0].total
    other = slip_of(pay_runs.get_run(p.db, p.owner, YEAR, MONTH), p.desk.staff_id)
    with pytest.raises(OpsError) as e:
        pay_runs.slip(p.db, p.seller, other.id)
    assert e.value.code == "auth.permission_denied"


# ----------------------------------------------------------------------------- promotion path


def test_promotion_candidates_after_three_months_at_100(p: Payroll) -> None:
    incentives.save_promotion_levels(p.db, p.owner, [
        incentives.LevelInput("junior", "初级顾问", 1, months=1, min_attainment="0.5"),
        incentives.LevelInput("senior", "资深顾问", 2, months=3, min_attainment=1)])
    incentives.set_staff_level(p.db, p.owner, p.seller.staff_id, "junior")
    _plan(p, {p.seller.staff_id: 10_400_000})
    for m in (1, 2, 3):
        sell(p, p.seller, datetime(2026, m, 12, 10, 0), 1)
        for sid in p.people.values():
            assessments.set_manual(p.db, p.manager, sid, YEAR, m, {"attitude": 10})
        pay_runs.draft_run(p.db, p.owner, YEAR, m)
    got = incentives.promotion_candidates(p.db, p.manager, YEAR, 3)
    assert [(c.name, c.from_level, c.to_level) for c in got] == [("张伟", "junior", "senior")]
    assert incentives.promotion_candidates(p.db, p.manager, YEAR, 2) == []
    with pytest.raises(ValidationError) as e:
        incentives.save_promotion_levels(p.db, p.owner, [
            incentives.LevelInput("a", "A", 1, months=3, min_attainment=1),
            incentives.LevelInput("a", "B", 2, months=3, min_attainment=1)])
    assert e.value.code == "promotion.duplicate_code"
    assert [lv.code for lv in incentives.promotion_levels(p.db, p.seller)] == ["junior", "senior"]


# ----------------------------------------------------------------------------- contests


def test_team_contest_leaderboard_and_shared_prize(p: Payroll) -> None:
    march_sales(p)
    sell(p, p.apprentice, datetime(2026, 3, 9, 10, 0), 1)
    cid = contests.create_contest(p.db, p.owner, contests.ContestInput(
        "团队 PK", "deals", date(2026, 3, 1), date(2026, 3, 31),
        [(p.seller.staff_id, "红队"), (p.apprentice.staff_id, "红队"), (p.desk.staff_id, "蓝队")],
        [10_001, 0], teams=True))
    board = contests.leaderboard(p.db, p.desk, cid)
    assert [(x.label, x.value, x.rank, x.prize) for x in board.standings] == [
        ("红队", 4, 1, 10_001), ("蓝队", 0, None, 0)]
    with p.db.read() as s:
        prizes = contests.prizes_for_month(s, p.owner.store_id, YEAR, MONTH)
    assert prizes[p.seller.staff_id][0].prize == 5001
    assert prizes[p.apprentice.staff_id][0].prize == 5000


def test_contest_input_errors(p: Payroll) -> None:
    with pytest.raises(FieldErrors) as e:
        contests.create_contest(p.db, p.owner, contests.ContestInput(
            "", "hugs", date(2026, 3, 31), date(2026, 3, 1), [], [-1]))
    assert {k: v.code for k, v in e.value.errors.items()} == {
        "name": "contest.name_required", "metric": "contest.metric_invalid",
        "date_to": "contest.period_invalid", "participants": "contest.no_participants",
        "prizes": "contest.prizes_invalid"}
    assert contests.list_contests(p.db, p.owner) == []
