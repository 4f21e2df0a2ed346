"""The demo store's organisation and plans: a position with duties for every demo post (each
staff member's ``position_id`` set), last year's plan and this year's (a first version and a
mid-year revision), both made with the domain's target functions from the demo's own history.

The history is read once with the grouped queries of ``services.targets.planning_data`` (no
loop over members or sales), so the step costs the same few aggregate scans on a million
members as on two hundred.

* last year: the target is last year's actual (annualised when the demo began during it) plus
  10 %, split among the people by their share of it, months flat (nothing earlier to learn a
  season from);
* this year: the forecast line of seed 004 (last year grown by the median month-on-month-a-year
  change), never below last year's actual nor above it by more than 30 %, split by last year's share, months by the latest
  12 known months when there are 12, weekends weighing 1.5; revised at the start of the second
  half with 5 % more.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select, update

from opsdesk.db import clock
from opsdesk.db.models import Department, Position, Staff
from opsdesk.domain.errors import ValidationError
from opsdesk.domain.money import apply_rate
from opsdesk.domain.targets import (
    FLAT,
    Indicator,
    Plan,
    baselines,
    plan_indicator,
    seasonality_latest,
)
from opsdesk.services import targets
from opsdesk.services.demo import DemoContext, Progress

# position -> (department kind, duties, sort)
POSITIONS = {
    "老板": ("plan_tracking", "定年度目标与激励方案，审核计划与工资。", 0),
    "店长": ("plan_tracking", "带团队完成月度目标，每日晨会，分配回访，考核打分。", 1),
    "计划专员": ("plan_tracking", "每天追踪计划完成度，红灯当天提醒到人，周报月报。", 2),
    "资深顾问": ("target_assurance", "完成个人指标，带一名徒弟，维护合伙人会员。", 3),
    "顾问": ("target_assurance", "邀约到店、体验转化、储值与复购，按量完成拜访。", 4),
    "前台": ("logistics", "登记会员、收银储值、预约排班、物料与环境。", 5),
}
WEEKDAYS = ("1", "1", "1", "1", "1", "1.5", "1.5")


def _positions(ctx: DemoContext) -> None:
    store = ctx.owner.store_id
    with ctx.db.write() as s:
        depts = dict(s.execute(select(Department.kind, Department.id).where(
            Department.store_id == store)).all())
        ids = {}
        for name, (kind, duties, sort) in POSITIONS.items():
            p = Position(store_id=store, department_id=depts.get(kind), name=name, duties=duties,
                         sort=sort, active=True)
            s.add(p)
            s.flush()
            ids[name] = p.id
        for name, pid in ids.items():
            s.execute(update(Staff).where(Staff.store_id == store, Staff.position == name)
                      .values(position_id=pid))


def _weights(data: targets.PlanningData, ind: str, months: list[tuple[int, int]],
             people: set[int]) -> dict[str, int]:
    out = {}
    for sid, history in data.person_history.get(ind, {}).items():
        if sid in people:
            share = max(0, sum(history.get(m, 0) for m in months))
            if share:
                out[targets.staff_unit(sid)] = share
    return out


def _plan(data: targets.PlanningData, year: int, totals: dict[str, int],
          months: list[tuple[int, int]], people: set[int], seasonal: bool) -> Plan | None:
    out = []
    for ind, total in totals.items():
        weights = _weights(data, ind, months, people)
        if not weights or total <= 0:
            continue
        mw = FLAT
        if seasonal:
            try:
                mw = seasonality_latest(data.store_history[ind], year)
            except ValidationError:
                mw = FLAT
        out.append(plan_indicator(year, Indicator(ind), total, weights, mw, WEEKDAYS))
    return Plan(year, tuple(out)) if out else None


def step_targets(ctx: DemoContext, progress: Progress) -> None:
    progress("targets", 0, 3)
    _positions(ctx)
    year = ctx.today.year
    data = targets.planning_data(ctx.db, ctx.owner, year, ctx.today)
    people = {p.id for p in data.people if p.active}
    progress("targets", 1, 3)
    last_months = [m for m in data.store_history.get("revenue", {}) if m[0] == year - 1]
    if last_months:
        totals = {}
        for ind in targets.INDICATORS:
            try:
                actual = baselines(data.store_history[ind], year).starting.value
            except ValidationError:
                continue
            totals[ind] = apply_rate(actual, "1.1")
        plan = _plan(data, year - 1, totals, last_months, people, seasonal=False)
        if plan is not None:
            made = ctx.start  # the demo's first day: last year's plan was there from the start
            with clock.frozen(datetime.combine(made, datetime.min.time()).replace(hour=20)):
                targets.save_plan(ctx.db, ctx.owner, targets.PlanDraft(
                    plan, note="去年目标：实际 +10%", settings={"source": "demo"}))
    progress("targets", 2, 3)
    latest = sorted(data.store_history.get("revenue", {}))[-12:]
    totals = {}
    for ind in targets.INDICATORS:
        try:
            b = baselines(data.store_history[ind], year)
        except ValidationError:
            continue
        # A young demo store's first months grow from nothing, which would make the trend
        # promise several times last year; a shop owner would not sign that, so at most +30 %.
        totals[ind] = max(min(b.forecast.value, apply_rate(b.starting.value, "1.3")),
                          b.starting.value)
    plan = _plan(data, year, totals, latest, people, seasonal=True)
    if plan is not None:
        first = max(ctx.start, date(year - 1, 12, 28))
        with clock.frozen(datetime.combine(first, datetime.min.time()).replace(hour=20)):
            targets.save_plan(ctx.db, ctx.owner, targets.PlanDraft(
                plan, note="年度目标：预测线", settings={"source": "demo"}))
        mid = date(year, 7, 1)
        if ctx.start <= mid <= ctx.today:
            revised = _plan(data, year, {k: apply_rate(v, "1.05") for k, v in totals.items()},
                            latest, people, seasonal=True)
            with clock.frozen(datetime.combine(mid, datetime.min.time()).replace(hour=9)):
                targets.save_plan(ctx.db, ctx.owner, targets.PlanDraft(
                    revised, note="年中上调 5%", settings={"source": "demo"}))
    progress("targets", 3, 3)
