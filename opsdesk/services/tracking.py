"""Plan tracking (计划追踪): target against actual per person, department and store for the day,
the ISO week, the month and the year to date, with the pace of :mod:`opsdesk.domain.pace`
(what should be done by today) and its red / amber / green.

API (each call one read transaction):

* ``tracking(db, actor, today, green=1, amber=0.9) -> TrackingView | None`` - ``None`` when the
  year of ``today`` has no plan. With ``targets.view_team`` the store row, one row per
  department and one per person of the plan; with only ``targets.view`` one's own row.
  The actuals are grouped in SQL: one query per source table (sales, sale lines, customers,
  stored value) with the periods as ``CASE`` buckets computed in Python, so nothing is read row
  by row and the SQL is the same on SQLite and PostgreSQL.
* ``person_sales(db, actor, staff_id, date_from, date_to, limit=500) -> list[SaleBrief]`` - the
  sales and refunds credited to a person over the days, newest first (the drill from a red
  cell; visits come from ``services.visits.list_visits``).

Periods: ``day`` = today; ``week`` = Monday..Sunday of today's ISO week (only its days inside
the plan's year count); ``month``; ``ytd`` = 1 January..today. For each, ``target`` is the whole
period's plan, ``due`` the plan up to and including today, ``actual`` what was done from the
period's start up to and including today.

Error codes: those of ``services.targets`` and ``pace.thresholds_invalid``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from opsdesk.db.engine import Database
from opsdesk.db.models import Customer, Department, Sale, Staff
from opsdesk.domain.errors import ValidationError
from opsdesk.domain.pace import DEFAULT_AMBER, DEFAULT_GREEN, Pace, pace
from opsdesk.domain.targets import Indicator, Number
from opsdesk.services import targets as targets_service
from opsdesk.services.targets import _current_id, _load, bucketed_actuals, day_start

PERIODS: tuple[str, ...] = ("day", "week", "month", "ytd")


@dataclass(frozen=True)
class TrackingRow:
    level: str  # store | department | person
    key: int | None  # staff or department id; None for the store
    name: str
    department: str
    cells: dict[tuple[str, str], Pace]  # (indicator, period) -> pace


@dataclass(frozen=True)
class TrackingView:
    today: date
    year: int
    plan_version: int
    indicators: tuple[str, ...]
    periods: dict[str, tuple[date, date]]
    rows: tuple[TrackingRow, ...]


def periods_for(today: date) -> dict[str, tuple[date, date]]:
    jan1, dec31 = date(today.year, 1, 1), date(today.year, 12, 31)
    monday = today - timedelta(days=today.weekday())
    nxt = date(today.year + (today.month == 12), today.month % 12 + 1, 1)
    return {
        "day": (today, today),
        "week": (max(monday, jan1), min(monday + timedelta(days=6), dec31)),
        "month": (today.replace(day=1), nxt - timedelta(days=1)),
        "ytd": (jan1, today),
    }


def tracking(db: Database, actor, today: date, green: Number = DEFAULT_GREEN,  # noqa: ANN001
             amber: Number = DEFAULT_AMBER) -> TrackingView | None:
    only = targets_service.visible_staff(db, actor, None, "targets.tracking")
    periods = periods_for(today)
    starts = sorted({lo for lo, _ in periods.values()})
    bounds = [day_start(d) for d in starts] + [day_start(today + timedelta(days=1))]
    with db.read() as s:
        pid = _current_id(s, actor.store_id, today.year)
        if pid is None:
            return None
        saved = _load(s, pid, only)
        inds = tuple(ip.indicator.value for ip in saved.plan.indicators)
        got = bucketed_actuals(s, actor.store_id, bounds, only, inds)
        names = dict(s.execute(select(Staff.id, Staff.name).where(
            Staff.store_id == actor.store_id)).all())
        depts = list(s.execute(select(Department.id, Department.name).where(
            Department.store_id == actor.store_id).order_by(Department.sort, Department.id)))

    def actual_for(ind: str, who: set[int] | None, period: str) -> int:
        lo = day_start(periods[period][0])
        total = 0
        for (sid, i), row in got.items():
            if bounds[i] >= lo and (who is None or sid in who):
                total += row.get(ind, 0)
        return total

    plan = saved.plan
    people: list[int] = []
    for ip in plan.indicators:
        for u in ip.units:
            sid = targets_service.unit_staff(u.unit)
            if sid not in people and u.total:  # someone the plan gives nothing is not tracked
                people.append(sid)

    def cells(who: set[int] | None, units: list[int]) -> dict[tuple[str, str], Pace]:
        out = {}
        for ip in plan.indicators:
            daily: dict[date, int] = {}
            keys = {u.unit for u in ip.units}
            for sid in units:
                unit = targets_service.staff_unit(sid)
                if unit in keys:
                    for d, v in plan.daily(ip.indicator, unit).items():
                        daily[d] = daily.get(d, 0) + v
            for period, (lo, hi) in periods.items():
                out[(ip.indicator.value, period)] = pace(
                    daily, actual_for(ip.indicator.value, who, period), today, start=lo, end=hi,
                    green=green, amber=amber)
        return out

    rows: list[TrackingRow] = []
    dept_name = dict(depts)
    if only is None:
        rows.append(TrackingRow("store", None, "", "", cells(None, people)))
        for did, dname in [*depts, (None, "")]:
            members = [p for p in people if saved.departments.get(p) == did]
            if members:
                rows.append(TrackingRow("department", did, dname, dname,
                                        cells(set(members), members)))
    for sid in people:
        rows.append(TrackingRow("person", sid, names.get(sid, ""),
                                dept_name.get(saved.departments.get(sid), ""),
                                cells({sid}, [sid])))
    return TrackingView(today, today.year, saved.info.version, inds, periods, tuple(rows))


@dataclass(frozen=True)
class SaleBrief:
    id: int
    at: datetime
    kind: str  # sale | refund
    customer: str
    total: int


def person_sales(db: Database, actor, staff_id: int, date_from: date,  # noqa: ANN001
                 date_to: date, limit: int = 500) -> list[SaleBrief]:
    who = targets_service.visible_staff(db, actor, staff_id, "targets.person_sales")
    if date_to < date_from:
        raise ValidationError("targets.range_reversed", field="date_to")
    orig = aliased(Sale)
    credited = func.coalesce(orig.staff_id, Sale.staff_id)
    q = (select(Sale.id, Sale.at, Sale.kind, Customer.name, Sale.total)
         .select_from(Sale).outerjoin(orig, orig.id == Sale.refunds_id)
         .outerjoin(Customer, Customer.id == Sale.customer_id)
         .where(Sale.store_id == actor.store_id, credited == who,
                Sale.at >= day_start(date_from), Sale.at < day_start(date_to + timedelta(days=1)))
         .order_by(Sale.at.desc(), Sale.id.desc()).limit(max(1, min(limit, 5000))))
    with db.read() as s:
        return [SaleBrief(i, at, k, c or "", t) for i, at, k, c, t in s.execute(q)]


__all__ = ["PERIODS", "Indicator", "SaleBrief", "TrackingRow", "TrackingView", "periods_for",
           "person_sales", "tracking"]
