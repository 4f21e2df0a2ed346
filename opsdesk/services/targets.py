"""The year's plan (年度目标分解): saving and reading its versions, the targets of a person and
month, and what people actually achieved.

API (each call one transaction):

* ``person_month_targets(db, actor, year, month) -> {staff_id: {indicator: target}}`` - from the
  *current* plan of ``year`` (its highest version): each person's target for ``month`` per
  indicator of the plan (``"revenue"``, ``"gross_profit"``, ``"topups"`` in fen; ``"new_members"``,
  ``"deals"`` in units). An indicator the plan does not cover is absent; no plan → ``{}``.
  With ``targets.view_team`` everybody's; with only ``targets.view`` one's own entry.
* ``actuals(db, actor, date_from, date_to, staff_id=None) -> {staff_id: {indicator: actual}}`` -
  what was done on the days ``date_from..date_to`` (inclusive), all five indicators for every
  person with any figure (and always for ``staff_id`` when given). Definitions:

  - revenue: Σ ``sale.total`` of sales minus refunds, each refund credited to the seller of the
    sale it refunds, on the day it was made (net of refunds, as the till sees it);
  - gross profit: Σ ``line_total − quantity × product.cost`` of the same lines (refund lines are
    negative), at the product's *current* cost (sale lines keep no cost of their own);
  - deals: sales counted +1, refunds −1 (a refunded deal is no deal);
  - new members: customers registered in the period, credited to their advisor
    (``customer.staff_id``);
  - top-ups: stored-value principal topped up (bonus excluded), less reversals of top-ups,
    credited to whoever took the top-up.

  Own figures need ``targets.view``; anyone else's (or everybody's) ``targets.view_team``.
* ``save_plan(db, actor, PlanDraft) -> PlanInfo`` - ``targets.manage``; saves the plan as the
  next version of its year (versions start at 1; earlier ones stay readable).
* ``current_plan(db, actor, year) -> SavedPlan | None``, ``plan_versions(db, actor, year)``,
  ``load_plan(db, actor, plan_id)``.

Units in the saved :class:`~opsdesk.domain.targets.Plan` are people, keyed ``"staff:<id>"``.

Error codes: ``targets.unknown_staff`` (``plan``, param ``staff``); ``targets.unit_invalid``
(``plan``, param ``unit``); ``targets.plan_empty`` (``plan``); ``targets.range_reversed``
(``date_to``); the ``targets.*`` plan codes of :mod:`opsdesk.domain.targets`; ``text.*``
(``note``); ``not_found``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import and_, case, func, literal, select
from sqlalchemy.orm import Session, aliased

from opsdesk.db.engine import Database
from opsdesk.db.models import Customer, Product, Sale, SaleLine, Staff, StoredValueEntry, Visit
from opsdesk.db.models.targets import TargetPlan, TargetPlanMonth
from opsdesk.domain.errors import NotFound, ValidationError
from opsdesk.domain.roles import Permission
from opsdesk.domain.targets import (
    Indicator,
    IndicatorPlan,
    MonthPlan,
    Plan,
    UnitPlan,
    check_plan_sums,
)
from opsdesk.domain.text import clean_text
from opsdesk.services import audit
from opsdesk.services.context import Actor

INDICATORS: tuple[str, ...] = tuple(i.value for i in Indicator)
NOTE_MAX = 200


def staff_unit(staff_id: int) -> str:
    return f"staff:{staff_id}"


def unit_staff(unit: str) -> int:
    kind, _, rest = unit.partition(":")
    if kind != "staff" or not rest.isdigit():
        raise ValidationError("targets.unit_invalid", field="plan", unit=unit[:40])
    return int(rest)


def day_start(d: date) -> datetime:
    return datetime.combine(d, datetime.min.time())


# ----------------------------------------------------------------------------- permissions

def visible_staff(db: Database, actor: Actor, staff_id: int | None, action: str) -> int | None:
    """The staff filter the actor may use: anyone's with ``targets.view_team``, else their own
    (``None`` = everybody, only for the team view). Refusals are audited."""
    audit.require(db, actor, Permission.TARGETS_VIEW, action)
    if actor.can(Permission.TARGETS_VIEW_TEAM):
        return staff_id
    if actor.staff_id is None:
        audit.refuse(db, actor, Permission.TARGETS_VIEW_TEAM, action)
    if staff_id is None or staff_id == actor.staff_id:
        return actor.staff_id
    audit.refuse(db, actor, Permission.TARGETS_VIEW_TEAM, action, f"staff:{staff_id}")
    return None  # not reached


# ----------------------------------------------------------------------------- actuals in SQL

def bucket(col: Any, bounds: Sequence[datetime]) -> Any:
    """A portable SQL expression: ``i`` when ``bounds[i] <= col < bounds[i+1]`` (rows outside
    ``bounds[0]..bounds[-1]`` must be filtered out by the caller). Group by it to sum per period
    without any date function, so the same query runs on SQLite and PostgreSQL."""
    if len(bounds) < 2:
        raise ValueError("bucket needs two bounds")
    if len(bounds) == 2:
        return literal(0)
    return case(*[(col < b, i) for i, b in enumerate(bounds[1:-1])], else_=len(bounds) - 2)


Key = tuple[int | None, int]  # (staff_id or None for nobody, bucket)


def _add(out: dict[Key, dict[str, int]], key: Key, name: str, value: int) -> None:
    if value:
        row = out.setdefault(key, dict.fromkeys(INDICATORS, 0))
        row[name] = row.get(name, 0) + int(value)


def bucketed_actuals(s: Session, store_id: int, bounds: Sequence[datetime],
                     staff_id: int | None = None,
                     indicators: Iterable[str] = INDICATORS,
                     visits: bool = False) -> dict[Key, dict[str, int]]:
    """Σ of each indicator per (staff, period) for the periods ``bounds[i]..bounds[i+1]``.

    One grouped query per source table; ``visits=True`` adds a ``"visits"`` count. Definitions in
    the module docstring. A figure nobody is credited with has staff ``None``.
    """
    wanted = set(indicators)
    lo, hi = bounds[0], bounds[-1]
    out: dict[Key, dict[str, int]] = {}

    if wanted & {"revenue", "deals", "gross_profit"}:
        # One query per period rather than a CASE over the bounds grouped with the person: no
        # expression per row and smaller sorts (the year to date is most of the rows).
        orig = aliased(Sale)
        who = func.coalesce(orig.staff_id, Sale.staff_id)
        rows: list[tuple[Key, int, int, int]] = []  # (key, product, charged, quantity)
        for i in range(len(bounds) - 1):
            base = [Sale.store_id == store_id, Sale.at >= bounds[i], Sale.at < bounds[i + 1]]
            if staff_id is not None:
                base.append(who == staff_id)
            if wanted & {"revenue", "deals"}:
                q = (select(who, func.sum(Sale.total),
                            func.sum(case((Sale.kind == "sale", 1), else_=-1)))
                     .select_from(Sale).outerjoin(orig, orig.id == Sale.refunds_id)
                     .where(*base).group_by(who))
                for sid, total, deals in s.execute(q):
                    _add(out, (sid, i), "revenue", total or 0)
                    _add(out, (sid, i), "deals", deals or 0)
            if "gross_profit" in wanted:
                # Per product, the cost applied below: the lines are read from
                # ix_sale_line_sale_id alone, and no join to the product table can tempt the
                # planner into one pass over the period's sales per product.
                q = (select(who, SaleLine.product_id, func.sum(SaleLine.line_total),
                            func.sum(SaleLine.quantity))
                     .select_from(Sale).outerjoin(orig, orig.id == Sale.refunds_id)
                     .join(SaleLine, SaleLine.sale_id == Sale.id)
                     .where(*base).group_by(who, SaleLine.product_id))
                rows += [((sid, i), product, int(charged or 0), int(qty or 0))
                         for sid, product, charged, qty in s.execute(q)]
        if rows:
            cost = dict(s.execute(select(Product.id, Product.cost).where(
                Product.id.in_({r[1] for r in rows}))).all())
            gp: dict[Key, int] = {}
            for key, product, charged, qty in rows:
                gp[key] = gp.get(key, 0) + charged - qty * int(cost[product])
            for key, value in gp.items():
                _add(out, key, "gross_profit", value)

    if "new_members" in wanted:
        b = bucket(Customer.created_at, bounds)
        w = [Customer.store_id == store_id, Customer.created_at >= lo, Customer.created_at < hi]
        if staff_id is not None:
            w.append(Customer.staff_id == staff_id)
        q = select(Customer.staff_id, b, func.count()).where(*w).group_by(Customer.staff_id, b)
        for sid, i, n in s.execute(q):
            _add(out, (sid, i), "new_members", n)

    if "topups" in wanted:
        orig_e = aliased(StoredValueEntry)
        who = func.coalesce(orig_e.staff_id, StoredValueEntry.staff_id)
        b = bucket(StoredValueEntry.at, bounds)
        w = [StoredValueEntry.store_id == store_id,
             StoredValueEntry.kind.in_(("topup", "reversal")),  # ix_..._store_kind_at ranges
             StoredValueEntry.at >= lo, StoredValueEntry.at < hi,
             (StoredValueEntry.kind == "topup")
             | and_(StoredValueEntry.kind == "reversal", orig_e.kind == "topup")]
        if staff_id is not None:
            w.append(who == staff_id)
        q = (select(who, b, func.sum(StoredValueEntry.principal))
             .select_from(StoredValueEntry)
             .outerjoin(orig_e, orig_e.id == StoredValueEntry.reverses_id)
             .where(*w).group_by(who, b))
        for sid, i, total in s.execute(q):
            _add(out, (sid, i), "topups", total or 0)

    if visits:
        b = bucket(Visit.at, bounds)
        w = [Visit.store_id == store_id, Visit.at >= lo, Visit.at < hi]
        if staff_id is not None:
            w.append(Visit.staff_id == staff_id)
        q = select(Visit.staff_id, b, func.count()).where(*w).group_by(Visit.staff_id, b)
        for sid, i, n in s.execute(q):
            if n:
                row = out.setdefault((sid, i), dict.fromkeys(INDICATORS, 0))
                row["visits"] = row.get("visits", 0) + n
    return out


def actuals(db: Database, actor: Actor, date_from: date, date_to: date,
            staff_id: int | None = None) -> dict[int, dict[str, int]]:
    """What each person achieved on ``date_from..date_to`` (inclusive); see the module docstring.

    Returns ``{staff_id: {"revenue", "gross_profit", "new_members", "deals", "topups"}}`` for every
    person with a non-zero figure (and always ``staff_id`` when asked for); money in fen.
    """
    who = visible_staff(db, actor, staff_id, "targets.actuals")
    if date_to < date_from:
        raise ValidationError("targets.range_reversed", field="date_to")
    bounds = [day_start(date_from), day_start(date_to + timedelta(days=1))]
    with db.read() as s:
        got = bucketed_actuals(s, actor.store_id, bounds, who)
    out = {sid: row for (sid, _), row in got.items() if sid is not None}
    if who is not None:
        out = {who: out.get(who, dict.fromkeys(INDICATORS, 0))}
    return out


# ----------------------------------------------------------------------------- plans

@dataclass(frozen=True)
class PlanDraft:
    """A plan to save: the domain plan (units ``"staff:<id>"``) and the wizard's choices."""

    plan: Plan
    note: str = ""
    settings: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class PlanInfo:
    id: int
    year: int
    version: int
    note: str
    created_at: datetime
    created_by: str


@dataclass(frozen=True)
class SavedPlan:
    info: PlanInfo
    plan: Plan
    departments: Mapping[int, int | None]  # staff_id -> department when the plan was saved
    settings: Mapping[str, Any]


def _days_text(days: Sequence[int]) -> str:
    return ",".join(str(v) for v in days)


def _days_of(text: str) -> tuple[int, ...]:
    return tuple(int(v) for v in text.split(",")) if text else ()


def save_plan(db: Database, actor: Actor, draft: PlanDraft) -> PlanInfo:
    """Save ``draft`` as the next version of its year; nothing is written on any error."""
    audit.require(db, actor, Permission.TARGETS_MANAGE, "targets.plan_save",
                  f"year:{getattr(draft.plan, 'year', '')}")
    plan = draft.plan
    check_plan_sums(plan)
    if not plan.indicators or not any(ip.units for ip in plan.indicators):
        raise ValidationError("targets.plan_empty", field="plan")
    note = clean_text(draft.note, field="note", max_len=NOTE_MAX)
    settings = json.dumps(dict(draft.settings), ensure_ascii=False, sort_keys=True, default=str)
    wanted = {unit_staff(u.unit) for ip in plan.indicators for u in ip.units}
    with db.write() as s:
        depts = dict(s.execute(select(Staff.id, Staff.department_id).where(
            Staff.store_id == actor.store_id, Staff.id.in_(wanted))).all())
        missing = sorted(wanted - set(depts))
        if missing:
            raise ValidationError("targets.unknown_staff", field="plan", staff=missing[0])
        version = (s.scalar(select(func.max(TargetPlan.version)).where(
            TargetPlan.store_id == actor.store_id, TargetPlan.year == plan.year)) or 0) + 1
        row = TargetPlan(store_id=actor.store_id, year=plan.year, version=version, note=note,
                         settings=settings, created_by=actor.staff_id)
        s.add(row)
        s.flush()
        s.execute(TargetPlanMonth.__table__.insert(), [
            {"plan_id": row.id, "indicator": ip.indicator.value, "staff_id": unit_staff(u.unit),
             "department_id": depts[unit_staff(u.unit)], "month": m.month, "amount": m.total,
             "days": _days_text(m.days)}
            for ip in plan.indicators for u in ip.units for m in u.months])
        audit.record_as(s, actor, "targets.plan_save", f"target_plan:{row.id}",
                        {"year": plan.year, "version": version,
                         "totals": {ip.indicator.value: ip.total for ip in plan.indicators}})
        return _info(s, row)


def _info(s: Session, row: TargetPlan) -> PlanInfo:
    who = s.scalar(select(Staff.name).where(Staff.id == row.created_by)) if row.created_by else ""
    return PlanInfo(row.id, row.year, row.version, row.note, row.created_at, who or "")


def _current_id(s: Session, store_id: int, year: int) -> int | None:
    return s.scalar(select(TargetPlan.id).where(
        TargetPlan.store_id == store_id, TargetPlan.year == year)
        .order_by(TargetPlan.version.desc()).limit(1))


def _load(s: Session, plan_id: int, staff_id: int | None) -> SavedPlan:
    row = s.get(TargetPlan, plan_id)
    q = (select(TargetPlanMonth.indicator, TargetPlanMonth.staff_id,
                TargetPlanMonth.department_id, TargetPlanMonth.month, TargetPlanMonth.amount,
                TargetPlanMonth.days)
         .where(TargetPlanMonth.plan_id == plan_id)
         .order_by(TargetPlanMonth.id))
    if staff_id is not None:
        q = q.where(TargetPlanMonth.staff_id == staff_id)
    months: dict[str, dict[int, list[MonthPlan]]] = {}
    depts: dict[int, int | None] = {}
    for ind, sid, dept, month, amount, days in s.execute(q):
        months.setdefault(ind, {}).setdefault(sid, []).append(
            MonthPlan(month, amount, _days_of(days)))
        depts[sid] = dept
    indicators = []
    for ind in INDICATORS:  # a fixed order, whatever order the rows came in
        if ind not in months:
            continue
        units = tuple(UnitPlan(staff_unit(sid), sum(m.total for m in ms),
                               tuple(sorted(ms, key=lambda m: m.month)))
                      for sid, ms in months[ind].items())
        indicators.append(IndicatorPlan(Indicator(ind), sum(u.total for u in units), units))
    plan = Plan(row.year, tuple(indicators))
    try:
        settings = json.loads(row.settings or "{}")
    except ValueError:
        settings = {}
    return SavedPlan(_info(s, row), plan, depts, settings)


def _plan_filter(db: Database, actor: Actor, action: str) -> int | None:
    """``None`` (everybody) for the team view, else the actor's own staff id."""
    return visible_staff(db, actor, None, action)


def current_plan(db: Database, actor: Actor, year: int) -> SavedPlan | None:
    """The highest version of ``year``'s plan (only one's own lines without the team view)."""
    only = _plan_filter(db, actor, "targets.plan_view")
    with db.read() as s:
        pid = _current_id(s, actor.store_id, year)
        return _load(s, pid, only) if pid is not None else None


def load_plan(db: Database, actor: Actor, plan_id: int) -> SavedPlan:
    only = _plan_filter(db, actor, "targets.plan_view")
    with db.read() as s:
        row = s.get(TargetPlan, plan_id)
        if row is None or row.store_id != actor.store_id:
            raise NotFound("target_plan", plan_id)
        return _load(s, plan_id, only)


def plan_versions(db: Database, actor: Actor, year: int) -> list[PlanInfo]:
    """Every saved version of ``year``'s plan, newest first."""
    _plan_filter(db, actor, "targets.plan_view")
    with db.read() as s:
        rows = s.scalars(select(TargetPlan).where(
            TargetPlan.store_id == actor.store_id, TargetPlan.year == year)
            .order_by(TargetPlan.version.desc()))
        return [_info(s, r) for r in rows]


def plan_years(db: Database, actor: Actor) -> list[int]:
    """Years that have a plan, newest first."""
    _plan_filter(db, actor, "targets.plan_view")
    with db.read() as s:
        return list(s.scalars(select(TargetPlan.year).where(
            TargetPlan.store_id == actor.store_id).distinct().order_by(TargetPlan.year.desc())))


def person_month_targets(db: Database, actor: Actor, year: int,
                         month: int) -> dict[int, dict[str, int]]:
    """``{staff_id: {indicator: target}}`` for ``month`` of the current plan of ``year``.

    Indicators as in :class:`~opsdesk.domain.targets.Indicator` (money in fen, counts in units);
    only those the plan covers. ``{}`` when ``year`` has no plan. Everybody's with
    ``targets.view_team``; otherwise only the actor's own (``targets.view``).
    """
    if isinstance(month, bool) or not isinstance(month, int) or not 1 <= month <= 12:
        raise ValidationError("targets.invalid_month", field="month", month=str(month))
    only = _plan_filter(db, actor, "targets.person_month")
    with db.read() as s:
        pid = _current_id(s, actor.store_id, year)
        if pid is None:
            return {}
        q = select(TargetPlanMonth.staff_id, TargetPlanMonth.indicator,
                   TargetPlanMonth.amount).where(TargetPlanMonth.plan_id == pid,
                                                 TargetPlanMonth.month == month)
        if only is not None:
            q = q.where(TargetPlanMonth.staff_id == only)
        out: dict[int, dict[str, int]] = {}
        for sid, ind, amount in s.execute(q):
            out.setdefault(sid, {})[ind] = amount
        return out


# ----------------------------------------------------------------------------- planning data

HISTORY_MONTHS_MAX = 60


@dataclass(frozen=True)
class PersonInfo:
    id: int
    name: str
    role: str
    department_id: int | None
    department: str
    position_id: int | None
    position: str
    active: bool


@dataclass(frozen=True)
class DepartmentInfo:
    id: int
    name: str
    kind: str


@dataclass(frozen=True)
class PlanningData:
    """Everything the target wizard needs for ``year``, read in one transaction.

    ``store_history[indicator]`` is the store's monthly figures from its first month with any
    activity up to the last month before ``year`` that is over (at most 60 months), every month
    of that range present (0 when nothing happened) — the ``History`` of
    :mod:`opsdesk.domain.targets`. ``person_history[indicator][staff_id]`` is the same for each
    person over the same range. ``funnel[staff_id or None][(y, m)]`` is (revenue, deals, visits,
    leads) per month, where leads are the distinct customers the person visited that month;
    ``None`` is the whole store.
    """

    year: int
    today: date
    people: tuple[PersonInfo, ...]
    departments: tuple[DepartmentInfo, ...]
    positions: tuple[tuple[int, str], ...]
    store_history: Mapping[str, Mapping[tuple[int, int], int]]
    person_history: Mapping[str, Mapping[int, Mapping[tuple[int, int], int]]]
    funnel: Mapping[int | None, Mapping[tuple[int, int], tuple[int, int, int, int]]]
    previous_settings: Mapping[str, Any]
    current_version: int  # 0 when the year has no plan yet


def month_bounds(first: tuple[int, int], last: tuple[int, int]) -> list[datetime]:
    """Month starts from ``first`` to the month after ``last`` (both inclusive as months)."""
    out = []
    y, m = first
    while (y, m) <= last:
        out.append(datetime(y, m, 1))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    out.append(datetime(y, m, 1))
    return out


def planning_data(db: Database, actor: Actor, year: int, today: date | None = None) -> PlanningData:
    from opsdesk.db import clock
    from opsdesk.db.models import Department, Position

    audit.require(db, actor, Permission.TARGETS_MANAGE, "targets.planning_data", f"year:{year}")
    if isinstance(year, bool) or not isinstance(year, int) or not 2000 <= year <= 2200:
        raise ValidationError("targets.invalid_year", field="year", year=str(year))
    today = today or clock.now().date()
    # The last month that is over, and before the planned year.
    last = min((year - 1, 12), (today.year, today.month - 1) if today.month > 1
               else (today.year - 1, 12))
    with db.read() as s:
        people = tuple(PersonInfo(p.id, p.name, p.role, p.department_id, dname or "",
                                  p.position_id, pname or p.position or "", p.active)
                       for p, dname, pname in s.execute(
                           select(Staff, Department.name, Position.name)
                           .outerjoin(Department, Department.id == Staff.department_id)
                           .outerjoin(Position, Position.id == Staff.position_id)
                           .where(Staff.store_id == actor.store_id)
                           .order_by(Department.sort, Staff.id)))
        departments = tuple(DepartmentInfo(d.id, d.name, d.kind) for d in s.scalars(
            select(Department).where(Department.store_id == actor.store_id)
            .order_by(Department.sort, Department.id)))
        positions = tuple(s.execute(select(Position.id, Position.name).where(
            Position.store_id == actor.store_id).order_by(Position.sort, Position.id)).all())
        starts = [v for v in (
            s.scalar(select(func.min(Sale.at)).where(Sale.store_id == actor.store_id)),
            s.scalar(select(func.min(Customer.created_at)).where(
                Customer.store_id == actor.store_id))) if v is not None]
        store_history: dict[str, dict[tuple[int, int], int]] = {i: {} for i in INDICATORS}
        person_history: dict[str, dict[int, dict[tuple[int, int], int]]] = {
            i: {} for i in INDICATORS}
        funnel: dict[int | None, dict[tuple[int, int], tuple[int, int, int, int]]] = {}
        if starts:
            first = (min(starts).year, min(starts).month)
            lo_idx = max(first[0] * 12 + first[1] - 1, last[0] * 12 + last[1] - HISTORY_MONTHS_MAX)
            first = (lo_idx // 12, lo_idx % 12 + 1)
            if first <= last:
                bounds = month_bounds(first, last)
                months = [(b.year, b.month) for b in bounds[:-1]]
                for ind in INDICATORS:
                    store_history[ind] = dict.fromkeys(months, 0)
                got = bucketed_actuals(s, actor.store_id, bounds, visits=True)
                visits_by: dict[Key, int] = {}
                for (sid, i), row in got.items():
                    m = months[i]
                    for ind in INDICATORS:
                        v = row.get(ind, 0)
                        store_history[ind][m] += v
                        if sid is not None and v:
                            ph = person_history[ind].setdefault(sid, dict.fromkeys(months, 0))
                            ph[m] += v
                    visits_by[(sid, i)] = row.get("visits", 0)
                leads = _leads(s, actor.store_id, bounds)
                store_rows: dict[tuple[int, int], list[int]] = {}
                for (sid, i), row in got.items():
                    m = months[i]
                    rec = (row.get("revenue", 0), row.get("deals", 0), row.get("visits", 0),
                           leads.get((sid, i), 0))
                    if sid is not None:
                        funnel.setdefault(sid, {})[m] = rec
                    acc = store_rows.setdefault(m, [0, 0, 0, 0])
                    for k in range(3):
                        acc[k] += rec[k]
                store_leads = _leads(s, actor.store_id, bounds, by_staff=False)
                for i, m in enumerate(months):
                    acc = store_rows.get(m, [0, 0, 0, 0])
                    acc[3] = store_leads.get((None, i), 0)
                    funnel.setdefault(None, {})[m] = tuple(acc)  # type: ignore[assignment]
        pid = _current_id(s, actor.store_id, year) or _current_id(s, actor.store_id, year - 1)
        settings: dict[str, Any] = {}
        version = 0
        if pid is not None:
            row = s.get(TargetPlan, pid)
            try:
                settings = json.loads(row.settings or "{}")
            except ValueError:
                settings = {}
            if row.year == year:
                version = row.version
    return PlanningData(year, today, people, departments, positions, store_history,
                        person_history, funnel, settings, version)


def _leads(s: Session, store_id: int, bounds: Sequence[datetime],
           by_staff: bool = True) -> dict[Key, int]:
    """Distinct customers visited per (staff, month): the leads a person worked (the whole
    store's under staff ``None`` with ``by_staff=False``)."""
    b = bucket(Visit.at, bounds)
    who = Visit.staff_id if by_staff else literal(None)
    q = (select(who, b, func.count(func.distinct(Visit.customer_id)))
         .where(Visit.store_id == store_id, Visit.at >= bounds[0], Visit.at < bounds[-1])
         .group_by(*((Visit.staff_id, b) if by_staff else (b,))))
    return {(sid if by_staff else None, i): n for sid, i, n in s.execute(q)}
