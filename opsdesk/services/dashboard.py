"""The KPI dashboard (seed 003: the data dashboard is the steering wheel).

API for screens and the monthly report (each call one read transaction; permission
``DASHBOARD_VIEW``, owner and manager):

* ``options(db, actor) -> FilterOptions`` - staff, tiers and source channels for the filters.
* ``funnel(db, actor, filters) -> FunnelResult`` - lead -> visited -> qualified -> deal ->
  retained -> referred -> repeat deal over the customers registered in the date range
  (optionally one staff member's, one source channel, one tier); see ``domain.metrics``.
* ``people(db, actor, start, end) -> PeopleResult`` - per person visits, conversion, revenue and
  attitude (where assessed), with the medians and quadrants.
* ``comparisons(db, actor, as_of) -> ComparisonResult`` - revenue, deals, new customers,
  visits, top-ups: week on week, month on month, year on year, for the store and each person.
* ``trends(db, actor, as_of, months=13) -> TrendResult`` - the same metrics month by month.
* ``growth(db, actor, filters, as_of) -> GrowthResult`` - cohort spend (first 30 days, first
  year), repeat and referral rates, the three growth levers and their month-on-month change,
  tier distribution, product-role mix with margin, acquisition cost per channel (from
  ``services.channels`` when it is installed).
* ``overview(db, actor, filters, as_of, step=None) -> Overview`` - one refresh of the first tab:
  funnel, people and comparisons; ``step(done, total)`` is called between the parts (it may raise
  to stop the work).

Definitions of every figure are in ``opsdesk.domain.metrics``. Dates are local calendar days;
``Filters.end`` is the last day included.

Error codes: ``dashboard.range_invalid`` (field ``end``; params ``start``, ``end``) when the
range ends before it starts; ``dashboard.range_too_long`` (field ``start``; param ``days``) for a
range of more than ``MAX_RANGE_DAYS``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from fractions import Fraction
from typing import Any

from opsdesk.db.engine import Database
from opsdesk.db.queries import dashboard as q
from opsdesk.domain import metrics as m
from opsdesk.domain.errors import ValidationError
from opsdesk.domain.members import Source
from opsdesk.domain.money import round_half_up
from opsdesk.domain.roles import Permission
from opsdesk.services import audit
from opsdesk.services.context import Actor

MAX_RANGE_DAYS = 3 * 366
COHORT_MONTHS = 13
TREND_MONTHS = 13
METRICS = q.METRICS

Step = Callable[[int, int], None]


def at(d: date) -> datetime:
    """Midnight at the start of ``d``: a day's lower bound for the datetime columns."""
    return datetime.combine(d, time.min)


@dataclass(frozen=True)
class Filters:
    start: date
    end: date  # the last day included
    staff_id: int | None = None
    source: str | None = None
    tier_id: int | None = None

    def bounds(self) -> tuple[datetime, datetime]:
        return at(self.start), at(self.end + timedelta(days=1))


def month_to_date(as_of: date) -> Filters:
    return Filters(as_of.replace(day=1), as_of)


def check_filters(f: Filters) -> Filters:
    if f.end < f.start:
        raise ValidationError("dashboard.range_invalid", field="end", start=f.start.isoformat(),
                              end=f.end.isoformat())
    if (f.end - f.start).days + 1 > MAX_RANGE_DAYS:
        raise ValidationError("dashboard.range_too_long", field="start", days=MAX_RANGE_DAYS)
    return f


@dataclass(frozen=True)
class Option:
    id: int
    name: str
    active: bool


@dataclass(frozen=True)
class FilterOptions:
    staff: tuple[Option, ...]
    tiers: tuple[Option, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class FunnelResult:
    filters: Filters
    layers: tuple[m.FunnelLayer, ...]

    @property
    def weakest(self) -> m.FunnelLayer | None:
        return m.weakest_layer(self.layers)


@dataclass(frozen=True)
class PeopleResult:
    start: date
    end: date
    people: tuple[m.PersonFigures, ...]  # everyone with visits or sales in the period
    reading: m.QuadrantReading
    attitude_available: bool  # assessments exist in this database


@dataclass(frozen=True)
class PersonChanges:
    staff_id: int | None
    name: str
    changes: Mapping[tuple[str, str], m.Change]  # (metric, comparison) -> change


@dataclass(frozen=True)
class ComparisonResult:
    as_of: date
    pairs: tuple[m.PeriodPair, ...]
    store: Mapping[tuple[str, str], m.Change]
    people: tuple[PersonChanges, ...]


@dataclass(frozen=True)
class TrendResult:
    months: tuple[m.Period, ...]
    series: Mapping[str, tuple[int, ...]]  # metric -> one value per month


@dataclass(frozen=True)
class TierCount:
    tier_id: int | None
    name: str  # '' for customers holding no tier
    kind: str
    customers: int


@dataclass(frozen=True)
class ChannelCost:
    channel: str  # a Source value
    new_customers: int  # registered in the range
    spend: int | None  # what the channel cost (spend, commissions, pond fees, referral
    #                    rewards) in minor units; None while channel costs cannot be read
    new_paying: int | None = None  # new customers who paid, as the promotion module counts them
    per_paying: int | None = None  # its acquisition cost per new paying customer

    @property
    def cost_per_customer(self) -> int | None:
        if self.per_paying is not None:
            return self.per_paying
        return None if self.spend is None else m.acquisition_cost(self.spend, self.new_customers)


@dataclass(frozen=True)
class GrowthResult:
    as_of: date
    filters: Filters
    cohorts: tuple[m.CohortSpend, ...]  # oldest first
    rates: m.Rates
    levers: m.GrowthLevers  # this month to date
    levers_previous: m.GrowthLevers  # the same days of last month
    lever_changes: m.LeverChanges
    tiers: tuple[TierCount, ...]
    roles: tuple[m.RoleMix, ...]  # traffic, hit, profit, brand
    channels: tuple[ChannelCost, ...]
    channel_spend_available: bool  # channel spend can be recorded in this database


@dataclass(frozen=True)
class Overview:
    funnel: FunnelResult
    people: PeopleResult
    comparisons: ComparisonResult


def _require(db: Database, actor: Actor) -> None:
    audit.require(db, actor, Permission.DASHBOARD_VIEW, "dashboard.view")


# ----------------------------------------------------------------------------- options


def options(db: Database, actor: Actor) -> FilterOptions:
    _require(db, actor)
    with db.read() as s:
        staff = tuple(Option(i, n, a) for i, n, _r, a in q.staff_names(s, actor.store_id))
        tiers = tuple(Option(i, n, a) for i, n, _k, a in q.tiers(s, actor.store_id))
    return FilterOptions(staff, tiers, tuple(x.value for x in Source))


# ----------------------------------------------------------------------------- funnel


def _funnel(s, store_id: int, f: Filters) -> FunnelResult:  # noqa: ANN001
    t0, t1 = f.bounds()
    counts = q.funnel_counts(s, store_id, q.CohortFilter(t0, t1, f.staff_id, f.source, f.tier_id))
    return FunnelResult(f, m.funnel([(k.value, counts[k.value]) for k in m.FunnelStep]))


def funnel(db: Database, actor: Actor, filters: Filters) -> FunnelResult:
    _require(db, actor)
    f = check_filters(filters)
    with db.read() as s:
        return _funnel(s, actor.store_id, f)


# ----------------------------------------------------------------------------- people


def attitude_scores(db: Database, actor: Actor, start: date, end: date) -> dict[int, int] | None:
    """Each assessed person's attitude (the manager-scored ``attitude`` item of the monthly
    assessment, ``services.assessments``) as a whole percent of its target, from the latest
    month of ``start..end`` that has one; ``None`` while assessments are not installed or
    cannot be read."""
    try:
        from opsdesk.services import assessments
    except ImportError:
        return None
    reader = getattr(assessments, "month_assessments", None)
    if reader is None:
        return None
    out: dict[int, int] = {}
    month = m.month_start(end)
    try:
        while month >= m.month_start(start):
            for a in reader(db, actor, month.year, month.month):
                if a.staff_id in out:
                    continue
                for line in a.lines:
                    if line.code == "attitude" and line.actual is not None and line.target:
                        out[a.staff_id] = round_half_up(Fraction(line.actual) / line.target * 100)
            month = m.add_months(month, -1)
    except Exception:  # noqa: BLE001 - a half-built neighbour must not take the dashboard down
        return None
    return out


def _people(s, store_id: int, start: date, end: date,  # noqa: ANN001
            attitude: Mapping[int, int] | None) -> PeopleResult:
    t0, t1 = at(start), at(end + timedelta(days=1))
    names = {i: n for i, n, _r, _a in q.staff_names(s, store_id)}
    visits = {r.staff_id: r for r in q.people_visits(s, store_id, t0, t1)}
    revenue = q.revenue_by_staff(s, store_id, t0, t1)
    ids = sorted({*visits, *(k for k in revenue if k is not None)},
                 key=lambda i: (names.get(i, ""), i))
    people = []
    for i in ids:
        v = visits.get(i)
        people.append(m.PersonFigures(
            i, names.get(i, "?"), v.visits if v else 0, v.visited if v else 0,
            v.deals if v else 0, revenue.get(i, (0, 0))[0],
            None if attitude is None else attitude.get(i)))
    return PeopleResult(start, end, tuple(people), m.read_quadrants(people), attitude is not None)


def people(db: Database, actor: Actor, start: date, end: date) -> PeopleResult:
    _require(db, actor)
    check_filters(Filters(start, end))
    attitude = attitude_scores(db, actor, start, end)
    with db.read() as s:
        return _people(s, actor.store_id, start, end, attitude)


# ----------------------------------------------------------------------------- comparisons


def _sum_period(values: Mapping[tuple[int, int | None], int], bounds: list[datetime],
                period: m.Period, staff: int | None | type = object) -> int:
    lo, hi = at(period.start), at(period.end)
    total = 0
    for (b, sid), v in values.items():
        if staff is not object and sid != staff:
            continue
        if lo <= bounds[b] and bounds[b + 1] <= hi:
            total += v
    return total


def _comparisons(s, store_id: int, as_of: date) -> ComparisonResult:  # noqa: ANN001
    pairs = m.period_pairs(as_of)
    recent: set[date] = set()
    year_ago: set[date] = set()
    for p in pairs:
        recent.update((p.current.start, p.current.end))
        (year_ago if p.kind is m.Comparison.YEAR else recent).update(
            (p.previous.start, p.previous.end))
    blocks = []
    for days in (recent, year_ago):
        bounds = [at(d) for d in sorted(days)]
        blocks.append((bounds, q.bucketed(s, store_id, bounds, by_staff=True)))
    names = {i: n for i, n, _r, _a in q.staff_names(s, store_id)}

    def value(metric: str, period: m.Period, staff: int | None | type = object) -> int:
        total = 0
        for bounds, data in blocks:
            if at(period.start) >= bounds[0] and at(period.end) <= bounds[-1]:
                total = _sum_period(data[metric], bounds, period, staff)
        return total

    store = {(metric, p.kind.value): m.Change(value(metric, p.current), value(metric, p.previous))
             for metric in METRICS for p in pairs}
    staff_ids = {sid for _b, data in blocks for vals in data.values() for (_k, sid) in vals}
    people_out = []
    for sid in sorted(staff_ids, key=lambda i: (i is None, names.get(i, ""), i or 0)):
        changes = {(metric, p.kind.value): m.Change(value(metric, p.current, sid),
                                                    value(metric, p.previous, sid))
                   for metric in METRICS for p in pairs}
        people_out.append(PersonChanges(sid, names.get(sid, "") if sid else "", changes))
    return ComparisonResult(as_of, pairs, store, tuple(people_out))


def comparisons(db: Database, actor: Actor, as_of: date) -> ComparisonResult:
    _require(db, actor)
    with db.read() as s:
        return _comparisons(s, actor.store_id, as_of)


def trends(db: Database, actor: Actor, as_of: date, months: int = TREND_MONTHS) -> TrendResult:
    _require(db, actor)
    periods = m.months_back(as_of, months)
    bounds = [at(p.start) for p in periods] + [at(periods[-1].end)]
    with db.read() as s:
        data = q.bucketed(s, actor.store_id, bounds, by_staff=False)
    series = {metric: tuple(data[metric].get((i, None), 0) for i in range(len(periods)))
              for metric in METRICS}
    return TrendResult(periods, series)


# ----------------------------------------------------------------------------- growth


def channel_costs(db: Database, actor: Actor, start: date, end: date) -> dict[str, Any] | None:
    """Acquisition cost per channel from the promotion module (``services.channels``): channel
    -> its ``ChannelCost`` (spend, commissions, pond fees, referral rewards, new paying
    customers, cost per new paying customer), or ``None`` while that module is absent or cannot
    answer for this person or range."""
    try:
        from opsdesk.services import channels
    except ImportError:
        return None
    reader = getattr(channels, "acquisition", None)
    if reader is None:
        return None
    try:
        return {str(c.channel): c for c in reader(db, actor, start, end).costs}
    except Exception:  # noqa: BLE001 - a half-built neighbour must not take the dashboard down
        return None


def _cohort_days(as_of: date, months: int) -> list[tuple[int, datetime, datetime, datetime,
                                                         datetime]]:
    rows = []
    for k, p in enumerate(m.months_back(as_of, months)):
        d = p.start
        while d < p.end:
            rows.append((k, at(d), at(d + timedelta(days=1)), at(d + timedelta(days=30)),
                         at(d + timedelta(days=365))))
            d += timedelta(days=1)
    return rows


def growth(db: Database, actor: Actor, filters: Filters, as_of: date,
           step: Step | None = None) -> GrowthResult:
    _require(db, actor)
    f = check_filters(filters)
    costs = channel_costs(db, actor, f.start, f.end)
    pairs = {p.kind: p for p in m.period_pairs(as_of)}
    month = pairs[m.Comparison.MONTH]
    t0, t1 = f.bounds()
    total = 5
    with db.read() as s:
        sid = actor.store_id
        raw = q.cohort_spend(s, sid, _cohort_days(as_of, COHORT_MONTHS))
        periods = m.months_back(as_of, COHORT_MONTHS)
        cohorts = tuple(m.cohort_spend(p.start, *raw.get(k, (0, 0, 0)), as_of)
                        for k, p in enumerate(periods))
        if step:
            step(1, total)
        rates = m.Rates(*q.customer_rates(s, sid))
        if step:
            step(2, total)
        cur = m.GrowthLevers(*q.levers(s, sid, at(month.current.start), at(month.current.end)))
        prev = m.GrowthLevers(*q.levers(s, sid, at(month.previous.start),
                                        at(month.previous.end)))
        if step:
            step(3, total)
        tier_names = {i: (n, k) for i, n, k, _a in q.tiers(s, sid)}
        tiers = tuple(TierCount(t, *(tier_names.get(t, ("", "")) if t else ("", "")), n)
                      for t, n in sorted(q.tier_distribution(s, sid),
                                         key=lambda x: (x[0] is None, x[0] or 0)))
        got = {r: (a, b, c) for r, a, b, c in q.role_mix(s, sid, t0, t1)}
        roles = tuple(m.RoleMix(r, *got.get(r, (0, 0, 0)))
                      for r in ("traffic", "hit", "profit", "brand"))
        if step:
            step(4, total)
        new = q.new_by_source(s, sid, t0, t1)
        channels = []
        for src in Source:
            c = None if costs is None else costs.get(src.value)
            channels.append(ChannelCost(
                src.value, new.get(src.value, 0),
                None if costs is None else (c.total if c is not None else 0),
                None if c is None else c.new_paying, None if c is None else c.per_customer))
        if step:
            step(5, total)
    return GrowthResult(as_of, f, cohorts, rates, cur, prev, m.lever_changes(cur, prev), tiers,
                        roles, tuple(channels), costs is not None)


# ----------------------------------------------------------------------------- overview


def overview(db: Database, actor: Actor, filters: Filters, as_of: date,
             step: Step | None = None) -> Overview:
    """Funnel, people and comparisons in one read transaction (one consistent snapshot)."""
    _require(db, actor)
    f = check_filters(filters)
    attitude = attitude_scores(db, actor, f.start, f.end)
    with db.read() as s:
        if step:
            step(0, 3)
        fun = _funnel(s, actor.store_id, f)
        if step:
            step(1, 3)
        ppl = _people(s, actor.store_id, f.start, f.end, attitude)
        if step:
            step(2, 3)
        cmp_ = _comparisons(s, actor.store_id, as_of)
        if step:
            step(3, 3)
    return Overview(fun, ppl, cmp_)


# ----------------------------------------------------------------------------- monthly report


@dataclass(frozen=True)
class MonthReport:
    store_name: str
    currency: str
    month: date  # first of the month
    as_of: date  # the month's last day, or today while the month runs
    overview: Overview
    trends: TrendResult
    growth: GrowthResult


def month_report(db: Database, actor: Actor, year: int, month: int, today: date,
                 step: Step | None = None) -> MonthReport:
    """Everything the monthly operations report prints, for ``year``-``month`` (permission
    ``REPORTS_EXPORT`` as well as ``DASHBOARD_VIEW``). Error code ``report.month_invalid``
    (field ``month``) for a month that does not exist or has not begun."""
    audit.require(db, actor, Permission.REPORTS_EXPORT, "reports.operations")
    try:
        first = date(year, month, 1)
    except ValueError:
        raise ValidationError("report.month_invalid", field="month",
                              month=f"{year}-{month}") from None
    if first > today:
        raise ValidationError("report.month_invalid", field="month", month=first.isoformat()[:7])
    last = m.add_months(first, 1) - timedelta(days=1)
    as_of = min(last, today)
    f = Filters(first, as_of)
    ov = overview(db, actor, f, as_of)
    if step:
        step(1, 3)
    tr = trends(db, actor, as_of)
    if step:
        step(2, 3)
    gr = growth(db, actor, f, as_of)
    if step:
        step(3, 3)
    from opsdesk.services import setup

    info = setup.get_store(db, actor.store_id)
    return MonthReport(info.name, info.currency, first, as_of, ov, tr, gr)
