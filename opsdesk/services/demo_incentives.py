"""The demo store's incentive system: positions with pay schemes (both commission modes, a
mentor rule), the promotion path, attitude scores, a PK contest, and the pay
runs of the last three complete months, locked, with the month after them left as a draft.

Runs after the targets step when there is one (plan targets then drive attainment). Each month's
run is one aggregate pass over that month's sales, visits and registrations (``draft_run``), so
the step costs about the same on a million members as on two thousand. No scheme here has an
annual bonus: its year-to-date figures are one more pass over the year's sales per run (about
5 s on a million members), which the demo's time budget leaves out.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from sqlalchemy import select, update

from opsdesk.db import clock
from opsdesk.db.models import Position, Staff
from opsdesk.db.models.incentives import Assessment, AssessmentLine
from opsdesk.domain.assessment import KpiSource
from opsdesk.domain.incentives import (
    Bracket,
    CommissionMode,
    CommissionRule,
    MentorRule,
    PayScheme,
)
from opsdesk.services import assessments, contests, incentives, pay_runs
from opsdesk.services.demo import DemoContext, Progress, _rebuild_indexes

YUAN = 100
K = 1000 * YUAN
FRONT_DESK_TARGET = 100  # members registered in a month (the demo store: 90 to 150)

SCHEMES: dict[str, PayScheme] = {
    "店长": PayScheme(base_pay=6500 * YUAN, responsibility_pay=1500 * YUAN,
                    performance_base=2000 * YUAN),
    "计划专员": PayScheme(base_pay=4500 * YUAN, responsibility_pay=500 * YUAN,
                      performance_base=1000 * YUAN),
    "资深顾问": PayScheme(
        base_pay=3500 * YUAN, performance_base=1500 * YUAN, new_member_bonus=30 * YUAN,
        commission=CommissionRule((Bracket(0, 50 * K, "0.02"), Bracket(50 * K, 100 * K, "0.03"),
                                   Bracket(100 * K, None, "0.04")), CommissionMode.STEP),
        mentor=MentorRule("0.8", bonus=500 * YUAN, subsidy=300 * YUAN)),
    "顾问": PayScheme(
        base_pay=3000 * YUAN, performance_base=1000 * YUAN, new_member_bonus=30 * YUAN,
        commission=CommissionRule((Bracket(0, 30 * K, "0.02"), Bracket(30 * K, 80 * K, "0.03"),
                                   Bracket(80 * K, None, "0.05")), CommissionMode.MARGINAL)),
    "前台": PayScheme(base_pay=2800 * YUAN, performance_base=600 * YUAN,
                    new_member_bonus=10 * YUAN),
}
LOCKED_MONTHS = 3

_I = assessments.ItemInput
# The posts that do not sell are scored on what their job is (seed 000: assessment per department
# and position); the sellers keep the store template (seed 004's behaviour items).
TEMPLATES: dict[str, list[assessments.ItemInput]] = {
    # The manager answers for the whole store's revenue against the plan, and for running it.
    "店长": [_I("store_revenue_attainment", 40, "auto", "1.2", 0),
           _I("plan_follow_through", 30, "manual", 1, 10),
           _I("attitude", 30, "manual", 1, 10)],
    # Plan tracking: follow-through scored by the owner, and attitude.
    "计划专员": [_I("plan_follow_through", 60, "manual", 1, 10),
             _I("attitude", 40, "manual", 1, 10)],
    # The front desk registers the walk-ins as members, and greets everyone.
    "前台": [_I("store_new_members", 50, "auto", "1.2", FRONT_DESK_TARGET),
           _I("attitude", 50, "manual", 1, 10)],
}


def _months_before(today: date, n: int) -> list[tuple[int, int]]:
    y, m = today.year, today.month
    out = []
    for _ in range(n):
        y, m = (y - 1, 12) if m == 1 else (y, m - 1)
        out.append((y, m))
    return list(reversed(out))


def step_incentives(ctx: DemoContext, progress: Progress) -> None:
    db, owner = ctx.db, ctx.owner
    store = owner.store_id
    rng = random.Random(f"{ctx.options.seed}-incentives")
    progress("incentives", 0, LOCKED_MONTHS + 2)
    # The runs read sales and visits through their indexes: rebuild those a bulk load dropped
    # now rather than after the last step (the same work, done once, only earlier).
    _rebuild_indexes(ctx)
    # Positions: the ones the organisation step made, else one per job title on the staff list.
    with db.write() as s:
        by_name = {p.name: p.id for p in s.scalars(select(Position).where(
            Position.store_id == store))}
        people = s.execute(select(Staff.id, Staff.position, Staff.position_id, Staff.role)
                           .where(Staff.store_id == store).order_by(Staff.id)).all()
        for sid, title, pid, role in people:
            if pid is not None or role == "owner" or not title:
                continue
            if title not in by_name:
                p = Position(store_id=store, name=title, duties="", sort=len(by_name),
                             active=True)
                s.add(p)
                s.flush()
                by_name[title] = p.id
            s.execute(update(Staff).where(Staff.id == sid).values(position_id=by_name[title]))
    for name, scheme in SCHEMES.items():
        if name in by_name:
            incentives.save_position_scheme(db, owner, by_name[name], scheme)
    for name, items in TEMPLATES.items():
        if name in by_name:
            assessments.save_template(db, owner, items, by_name[name])
    incentives.save_promotion_levels(db, owner, [
        incentives.LevelInput("consultant", "顾问", 1, months=1, min_attainment="0.6"),
        incentives.LevelInput("senior", "资深顾问", 2, months=3, min_attainment=1),
        incentives.LevelInput("expert", "金牌顾问", 3, months=6, min_attainment="1.2",
                              min_new_members=30),
    ])
    with db.read() as s:
        staff = s.execute(select(Staff.id, Staff.login, Staff.role, Staff.position)
                          .where(Staff.store_id == store)).all()
        position_of = dict(s.execute(select(Staff.id, Staff.position_id)
                                     .where(Staff.store_id == store)).all())
    manual_items = {pid: [it for it in assessments.get_template(db, owner, pid)
                          if it.source is KpiSource.MANUAL]
                    for pid in set(position_of.values())}
    for sid, _login, role, title in staff:
        if role == "sales":
            incentives.set_staff_level(db, owner, sid,
                                       "senior" if title == "资深顾问" else "consultant")
    months = _months_before(ctx.today, LOCKED_MONTHS)
    payroll = [sid for sid, _l, role, _t in staff if role != "owner"]
    sellers = [sid for sid, _l, role, _t in staff if role == "sales"]
    # The manual scores for each month (attitude, plan follow-through: out of 10, entered by
    # the manager or the owner); the automatic items count themselves.
    with db.write() as s:
        for y, m in months + [(ctx.today.year, ctx.today.month)]:
            for sid in payroll:
                a = Assessment(store_id=store, staff_id=sid, year=y, month=m, score=None,
                               updated_by=ctx.staff_ids.get("chenjing"))
                s.add(a)
                s.flush()
                for it in manual_items[position_of.get(sid)]:
                    s.add(AssessmentLine(
                        store_id=store, assessment_id=a.id, code=it.code, source="manual",
                        weight=incentives.ratio_text(it.weight), cap=incentives.ratio_text(it.cap),
                        target=incentives.ratio_text(it.default_target),
                        actual=str(rng.choice((7, 8, 8, 9, 9, 10)))))
    # A monthly deals PK among the sellers in the last locked month.
    y, m = months[-1]
    first = date(y, m, 1)
    last = (date(y + (m == 12), m % 12 + 1, 1) - timedelta(days=1))
    if sellers:
        contests.create_contest(db, owner, contests.ContestInput(
            f"{m}月成交 PK", "deals", first, last, [(sid, "") for sid in sellers],
            [800 * YUAN, 500 * YUAN, 300 * YUAN]))
        pay_runs.add_entry(db, owner, pay_runs.EntryInput(
            sellers[-1], y, m, "deduction", 50 * YUAN, "迟到 2 次"))
    for i, (y, m) in enumerate(months, 1):
        # Drafted and locked on the 3rd of the next month, as a shop does.
        with clock.frozen(datetime(y + (m == 12), m % 12 + 1, 3, 18, 0)):
            pay_runs.draft_run(db, owner, y, m)
            pay_runs.lock_run(db, owner, y, m)
        progress("incentives", i, LOCKED_MONTHS + 2)
    # This month so far: a draft to review.
    pay_runs.draft_run(db, owner, ctx.today.year, ctx.today.month)
    progress("incentives", LOCKED_MONTHS + 2, LOCKED_MONTHS + 2)
