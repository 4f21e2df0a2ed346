"""The home page: today at a glance for the person who logged in.

API: ``today(db, actor, day) -> HomeData`` (one read transaction for the day's figures; the
follow-up queue and the plan are read through their own services). Everyone has a home page, so
no permission is needed for the part that is one's own; the store's figures follow the role:

* front desk: the store's registrations, top-ups and sales today, and the follow-ups due in
  one's own queue (overdue and today, the first few by name);
* sales: the same figures for what one did oneself, and one's queue;
* owner and manager (``DASHBOARD_VIEW``): the store's figures, the team's follow-ups due, today's
  revenue and the month to date against the plan's pace (``domain.pace``) when a plan for the
  year exists, else against the same days of last month; and the plan's red cells (a person and
  an indicator behind pace this month) when plan tracking exists. The seven-systems check's top
  gaps come from ``services.systems_check.run``, loaded separately because it reads more.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from opsdesk.db.engine import Database
from opsdesk.db.queries import dashboard as q
from opsdesk.domain import metrics
from opsdesk.domain.pace import Pace, PaceStatus, pace
from opsdesk.domain.roles import Permission, Role
from opsdesk.services import followups
from opsdesk.services.context import Actor
from opsdesk.services.dashboard import at

LATEST = 6  # newest registrations listed
DUE_ROWS = 8  # follow-ups listed by name


@dataclass(frozen=True)
class Registration:
    customer_id: int
    name: str
    at: datetime
    source: str


@dataclass(frozen=True)
class DayFigures:
    registrations: int
    topups: int
    topup_amount: int
    sales: int
    revenue: int
    latest: tuple[Registration, ...]
    own: bool  # one person's figures (sales staff) rather than the store's


@dataclass(frozen=True)
class FollowUpsDue:
    overdue: int
    today: int
    rows: tuple[followups.TaskRow, ...]  # overdue first, then today's
    team: bool


@dataclass(frozen=True)
class RevenuePace:
    today: int
    month_to_date: int
    last_month_same_days: int
    pace: Pace | None  # None: no plan with a revenue target this year
    plan_readable: bool  # this version can read plans

    @property
    def change(self) -> metrics.Change:
        return metrics.Change(self.month_to_date, self.last_month_same_days)


@dataclass(frozen=True)
class RedCell:
    staff_id: int
    name: str
    indicator: str
    actual: int
    due: int
    percent: int | None


@dataclass(frozen=True)
class HomeData:
    day: date
    role: Role
    figures: DayFigures
    followups: FollowUpsDue | None  # None: the person works no follow-up queue
    revenue: RevenuePace | None  # owner and manager
    red_cells: tuple[RedCell, ...] | None  # None: no plan tracking (module or plan) yet
    shows_store: bool  # owner and manager: the store's figures and its systems check


def _followups(db: Database, actor: Actor, day: date) -> FollowUpsDue | None:
    if not actor.can(Permission.FOLLOWUPS_WORK):
        return None
    team = actor.can(Permission.FOLLOWUPS_TEAM)
    scope = followups.Scope.TEAM if team else followups.Scope.MINE
    counts = followups.queue_counts(db, actor, day, scope)
    rows: list[followups.TaskRow] = []
    for bucket in (followups.Bucket.OVERDUE, followups.Bucket.TODAY):
        if len(rows) >= DUE_ROWS:
            break
        page = followups.queue(db, actor, day, bucket, scope, limit=DUE_ROWS - len(rows))
        rows.extend(page.rows)
    return FollowUpsDue(counts.overdue, counts.today, tuple(rows), team)


def _plan(db: Database, actor: Actor, day: date):  # noqa: ANN202
    """The year's current plan through the targets service, or None (no module, no plan)."""
    try:
        from opsdesk.services import targets
    except ImportError:
        return None, False
    try:
        return targets.current_plan(db, actor, day.year), True
    except Exception:  # noqa: BLE001 - a half-built neighbour must not take the home page down
        return None, True


def _revenue_pace(db: Database, actor: Actor, day: date, saved, month_to_date: int,  # noqa: ANN001
                  today_revenue: int, last_month: int, readable: bool) -> RevenuePace:
    p = None
    if saved is not None:
        try:
            from opsdesk.domain.targets import Indicator

            daily = saved.plan.daily(Indicator.REVENUE)
            p = pace(daily, month_to_date, day, start=day.replace(day=1),
                     end=metrics.add_months(day, 1) - timedelta(days=1))
        except (KeyError, ImportError, AttributeError):
            p = None
    return RevenuePace(today_revenue, month_to_date, last_month, p, readable)


def _red_cells(db: Database, actor: Actor, day: date, saved, names: dict[int, str]  # noqa: ANN001
               ) -> tuple[RedCell, ...] | None:
    """Each (person, indicator) of the plan behind pace this month, most behind first."""
    if saved is None:
        return None
    try:
        from opsdesk.domain.targets import Indicator
        from opsdesk.services import targets

        start = day.replace(day=1)
        end = metrics.add_months(day, 1) - timedelta(days=1)
        done = targets.actuals(db, actor, start, day)
        out = []
        for ip in saved.plan.indicators:
            for u in ip.units:
                try:
                    sid = targets.unit_staff(u.unit)
                except Exception:  # noqa: BLE001 - a department unit: not a person's cell
                    continue
                daily = saved.plan.daily(Indicator(ip.indicator), u.unit)
                actual = int(done.get(sid, {}).get(ip.indicator.value, 0))
                p = pace(daily, actual, day, start=start, end=end)
                if p.status is PaceStatus.RED:
                    out.append(RedCell(sid, names.get(sid, "?"), ip.indicator.value, actual,
                                       p.due, p.percent))
    except Exception:  # noqa: BLE001 - plan tracking still being built: show it as not set up
        return None
    out.sort(key=lambda c: (c.percent if c.percent is not None else 0, c.name))
    return tuple(out)


def today(db: Database, actor: Actor, day: date) -> HomeData:
    store_view = actor.can(Permission.DASHBOARD_VIEW)
    own = actor.role is Role.SALES
    t0, t1 = at(day), at(day + timedelta(days=1))
    mine = actor.staff_id if own else None
    pairs = {p.kind: p for p in metrics.period_pairs(day)}
    month = pairs[metrics.Comparison.MONTH]
    with db.read() as s:
        reg, tn, tsum, sn, rev = q.today_figures(s, actor.store_id, t0, t1, mine)
        latest = () if own else tuple(Registration(*r) for r in q.latest_registrations(
            s, actor.store_id, t0, t1, LATEST))
        names = {i: n for i, n, _r, _a in q.staff_names(s, actor.store_id)}
        mtd = last = 0
        if store_view:
            last = sum(v[0] for v in q.revenue_by_staff(
                s, actor.store_id, at(month.previous.start), at(month.previous.end)).values())
            mtd = sum(v[0] for v in q.revenue_by_staff(
                s, actor.store_id, at(month.current.start), at(month.current.end)).values())
    figures = DayFigures(reg, tn, tsum, sn, rev, latest, own)
    due = _followups(db, actor, day)
    revenue = red = None
    if store_view:
        saved, readable = _plan(db, actor, day)
        revenue = _revenue_pace(db, actor, day, saved, mtd, rev, last, readable)
        red = _red_cells(db, actor, day, saved, names)
    return HomeData(day, actor.role, figures, due, revenue, red, store_view)
