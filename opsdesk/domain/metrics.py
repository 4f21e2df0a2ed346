"""The dashboard's arithmetic (seeds 001-003): the funnel and its conversions, the per-person
scatter read in four quadrants, period comparisons, the three growth levers, cohort spend,
repeat and referral rates.

Pure functions over counts and sums the service layer reads in SQL. Rates are exact
:class:`~fractions.Fraction` values (``None`` when the denominator is zero: "no data" is not
"0 %"); :func:`percent_tenths` rounds one for display, half up, at one place. Money stays integer
minor units; an average of money (an average ticket, spend per customer) is rounded half up to
the minor unit by :func:`money_average`.

Definitions
-----------
* **Funnel** (seed 003: lead -> visit -> classification -> deal -> retention -> referral ->
  repeat deal). Each layer is a count of the same cohort of customers (those registered in the
  period), and each layer lies inside the one above, so the funnel only narrows: *lead* (every
  customer of the cohort), *visited* (a logged visit, or a purchase, which is made in the shop),
  *qualified* (visited and classified qualified or beyond), *deal* (bought), *retained* (bought
  and was contacted again after the first purchase, or bought again), *repeat* (bought twice or
  more), *referred* (a repeat customer who brought someone: the top of the customer value
  ladder, seed 002). Repeat comes before referral here so that each layer is a subset of the
  previous one; the growth figures give referral rates over every paying customer. A layer's
  conversion is its count over the previous layer's (``rate``) and over the top (``rate_from_top``).
* **Person** (seed 003: performance = attitude x visits x conversion): ``visits`` logged in the
  period, ``visited`` the distinct customers among them, ``deals`` those visited customers who
  bought in the period; ``conversion = deals / visited``.
* **Quadrants**: a person is "high" on an axis at or above the team's median. Many visits and
  high conversion: a model to copy; many visits, low conversion: coach the skills (script,
  offer); few visits, high conversion: push for more visits; few visits, low conversion:
  attitude first (seed 003: without the will, skills are worth nothing).
* **Comparisons** are to date: this week so far against the same days of last week, this month
  so far against the same days of last month (clamped to its length) and of the same month last
  year. :func:`period_pairs` computes the bounds; the service sums each half-open range.
* **Growth levers** (seed 002): revenue = paying customers x average ticket x purchase
  frequency, with average ticket = revenue / purchases and frequency = purchases / customers.
* **Cohort spend**: what the customers registered in a month spent in their first 30 days and
  their first 365 days, per customer; a window not yet over is marked incomplete.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from fractions import Fraction

from opsdesk.domain.money import round_half_up


class FunnelStep(StrEnum):
    LEAD = "lead"
    VISITED = "visited"
    QUALIFIED = "qualified"
    DEAL = "deal"
    RETAINED = "retained"
    REPEAT = "repeat"
    REFERRED = "referred"


def ratio(part: int, whole: int) -> Fraction | None:
    """``part / whole`` exactly; ``None`` when ``whole`` is 0."""
    return Fraction(part, whole) if whole else None


def percent_tenths(value: Fraction | None) -> int | None:
    """A rate in tenths of a percent, half up: 1/3 -> 333 (33.3 %), 1/8 -> 125 (12.5 %)."""
    return None if value is None else round_half_up(value * 1000)


def money_average(total: int, count: int) -> int | None:
    """``total / count`` in minor units, half up; ``None`` for no count."""
    return None if not count else round_half_up(Fraction(total, count))


# ----------------------------------------------------------------------------- funnel


@dataclass(frozen=True)
class FunnelLayer:
    step: str
    count: int
    rate: Fraction | None  # over the previous layer; None for the top or after an empty layer
    rate_from_top: Fraction | None


def funnel(counts: Sequence[tuple[str, int]]) -> tuple[FunnelLayer, ...]:
    """Layers with their conversions, top first."""
    out: list[FunnelLayer] = []
    top = counts[0][1] if counts else 0
    prev: int | None = None
    for step, n in counts:
        if n < 0:
            raise ValueError(f"negative count for {step}: {n}")
        out.append(FunnelLayer(step, n, None if prev is None else ratio(n, prev),
                               ratio(n, top) if out else (Fraction(1) if top else None)))
        prev = n
    return tuple(out)


def weakest_layer(layers: Sequence[FunnelLayer]) -> FunnelLayer | None:
    """The layer with the lowest conversion from the one above (where the funnel leaks most)."""
    rated = [x for x in layers if x.rate is not None]
    return min(rated, key=lambda x: x.rate) if rated else None


# ----------------------------------------------------------------------------- people


class Quadrant(StrEnum):
    MODEL = "model"  # many visits, high conversion: a model for the team
    COACH_SKILLS = "coach_skills"  # many visits, low conversion
    MORE_VISITS = "more_visits"  # few visits, high conversion
    ATTITUDE = "attitude"  # few visits, low conversion


@dataclass(frozen=True)
class PersonFigures:
    staff_id: int
    name: str
    visits: int
    visited: int  # distinct customers visited
    deals: int  # of those, customers who bought in the period
    revenue: int  # minor units, the person's sales net of refunds
    attitude: int | None = None  # assessment score 0-100 where assessed

    @property
    def conversion(self) -> Fraction | None:
        return ratio(self.deals, self.visited)


def median(values: Iterable[Fraction | int]) -> Fraction | None:
    """The middle value (the mean of the middle two for an even count); ``None`` for none."""
    xs = sorted(Fraction(v) for v in values)
    if not xs:
        return None
    mid = len(xs) // 2
    return xs[mid] if len(xs) % 2 else (xs[mid - 1] + xs[mid]) / 2


@dataclass(frozen=True)
class QuadrantReading:
    median_visits: Fraction | None
    median_conversion: Fraction | None
    quadrant: Mapping[int, Quadrant]  # staff_id -> quadrant (people with visits only)


def quadrant_of(visits: int, conversion: Fraction, median_visits: Fraction,
                median_conversion: Fraction) -> Quadrant:
    many = visits >= median_visits
    high = conversion >= median_conversion
    if many:
        return Quadrant.MODEL if high else Quadrant.COACH_SKILLS
    return Quadrant.MORE_VISITS if high else Quadrant.ATTITUDE


def read_quadrants(people: Sequence[PersonFigures]) -> QuadrantReading:
    """Medians over the people who visited anyone, and each such person's quadrant."""
    placed = [p for p in people if p.conversion is not None]
    mv = median(p.visits for p in placed)
    mc = median(p.conversion for p in placed)  # type: ignore[misc]
    quads = {} if mv is None or mc is None else {
        p.staff_id: quadrant_of(p.visits, p.conversion, mv, mc)  # type: ignore[arg-type]
        for p in placed}
    return QuadrantReading(mv, mc, quads)


# ----------------------------------------------------------------------------- comparisons


class Comparison(StrEnum):
    WEEK = "wow"  # week on week
    MONTH = "mom"  # month on month
    YEAR = "yoy"  # year on year (the same month last year)


@dataclass(frozen=True)
class Period:
    start: date  # first day
    end: date  # the day after the last (half-open)

    @property
    def days(self) -> int:
        return (self.end - self.start).days


@dataclass(frozen=True)
class PeriodPair:
    kind: Comparison
    current: Period
    previous: Period


def month_start(d: date) -> date:
    return d.replace(day=1)


def add_months(d: date, months: int) -> date:
    """The first of the month ``months`` after ``d``'s month."""
    m = d.year * 12 + d.month - 1 + months
    return date(m // 12, m % 12 + 1, 1)


def _to_date(start: date, span_days: int, limit: date) -> Period:
    return Period(start, min(start + timedelta(days=span_days), limit))


def period_pairs(as_of: date) -> tuple[PeriodPair, ...]:
    """Week, month and year comparisons to date (``as_of`` included in the current period)."""
    week = as_of - timedelta(days=as_of.weekday())
    cur_week = Period(week, as_of + timedelta(days=1))
    prev_week = Period(week - timedelta(days=7), week - timedelta(days=7) + timedelta(
        days=cur_week.days))
    month = month_start(as_of)
    cur_month = Period(month, as_of + timedelta(days=1))
    last = add_months(month, -1)
    prev_month = _to_date(last, cur_month.days, month)
    year_ago = add_months(month, -12)
    prev_year = _to_date(year_ago, cur_month.days, add_months(year_ago, 1))
    return (PeriodPair(Comparison.WEEK, cur_week, prev_week),
            PeriodPair(Comparison.MONTH, cur_month, prev_month),
            PeriodPair(Comparison.YEAR, cur_month, prev_year))


@dataclass(frozen=True)
class Change:
    current: int
    previous: int

    @property
    def delta(self) -> int:
        return self.current - self.previous

    @property
    def rate(self) -> Fraction | None:
        """Relative change; ``None`` when there was nothing before."""
        return ratio(self.delta, abs(self.previous)) if self.previous else None


def months_back(as_of: date, n: int) -> tuple[Period, ...]:
    """The ``n`` calendar months ending with ``as_of``'s, oldest first (the last one to date)."""
    first = month_start(as_of)
    out = []
    for k in range(n - 1, -1, -1):
        start = add_months(first, -k)
        end = as_of + timedelta(days=1) if k == 0 else add_months(start, 1)
        out.append(Period(start, end))
    return tuple(out)


def trend_line(values: Sequence[int | Fraction]) -> tuple[Fraction, Fraction] | None:
    """Least-squares line through ``(i, values[i])``: ``(slope, intercept)``; ``None`` for fewer
    than two points."""
    n = len(values)
    if n < 2:
        return None
    xs = range(n)
    sx = Fraction(sum(xs))
    sy = sum(Fraction(v) for v in values)
    sxx = Fraction(sum(x * x for x in xs))
    sxy = sum(Fraction(x) * Fraction(v) for x, v in zip(xs, values, strict=True))
    slope = (n * sxy - sx * sy) / (n * sxx - sx * sx)
    return slope, (sy - slope * sx) / n


# ----------------------------------------------------------------------------- growth


@dataclass(frozen=True)
class GrowthLevers:
    """Seed 002's three levers for one period: revenue = customers x ticket x frequency."""

    customers: int  # distinct paying customers
    purchases: int
    revenue: int  # minor units

    @property
    def average_ticket(self) -> Fraction | None:
        return ratio(self.revenue, self.purchases)

    @property
    def frequency(self) -> Fraction | None:
        return ratio(self.purchases, self.customers)


@dataclass(frozen=True)
class LeverChanges:
    customers: Fraction | None
    average_ticket: Fraction | None
    frequency: Fraction | None
    revenue: Fraction | None


def _rel(cur: Fraction | int | None, prev: Fraction | int | None) -> Fraction | None:
    if cur is None or prev is None or prev == 0:
        return None
    return (Fraction(cur) - Fraction(prev)) / abs(Fraction(prev))


def lever_changes(current: GrowthLevers, previous: GrowthLevers) -> LeverChanges:
    """Month on month change of each lever (``None`` where last month had none)."""
    return LeverChanges(_rel(current.customers, previous.customers),
                        _rel(current.average_ticket, previous.average_ticket),
                        _rel(current.frequency, previous.frequency),
                        _rel(current.revenue, previous.revenue))


@dataclass(frozen=True)
class CohortSpend:
    month: date  # first of the cohort month
    customers: int
    spend_30: int  # total in the first 30 days, minor units
    spend_365: int
    complete_30: bool  # every customer's 30-day window has ended
    complete_365: bool

    @property
    def per_customer_30(self) -> int | None:
        return money_average(self.spend_30, self.customers)

    @property
    def per_customer_365(self) -> int | None:
        return money_average(self.spend_365, self.customers)


def cohort_spend(month: date, customers: int, spend_30: int, spend_365: int,
                 as_of: date) -> CohortSpend:
    """A cohort's spend with whether its windows are over: the last customer of the month
    registered on its last day, whose window ends 30 (365) days later."""
    last_day = add_months(month, 1) - timedelta(days=1)
    return CohortSpend(month, customers, spend_30, spend_365,
                       as_of >= last_day + timedelta(days=30),
                       as_of >= last_day + timedelta(days=365))


@dataclass(frozen=True)
class Rates:
    """Repeat and referral figures over the store's paying customers."""

    paying: int  # customers who bought at least once
    repeat: int  # of them, bought twice or more
    customers: int  # every customer
    referred_in: int  # customers who came by a member's referral
    referrers: int  # customers who referred at least one
    referrers_again: int  # customers who referred two or more

    @property
    def repeat_rate(self) -> Fraction | None:
        return ratio(self.repeat, self.paying)

    @property
    def referral_rate(self) -> Fraction | None:
        """Referrals per paying customer (seed 002: how many each customer brings)."""
        return ratio(self.referred_in, self.paying)

    @property
    def referrer_share(self) -> Fraction | None:
        """Share of paying customers who referred anyone."""
        return ratio(self.referrers, self.paying)

    @property
    def refer_again_share(self) -> Fraction | None:
        """Of those who referred, the share who referred again and again (two or more)."""
        return ratio(self.referrers_again, self.referrers)


@dataclass(frozen=True)
class RoleMix:
    role: str
    revenue: int
    cost: int
    quantity: int

    @property
    def margin(self) -> int:
        return self.revenue - self.cost

    @property
    def margin_rate(self) -> Fraction | None:
        return ratio(self.margin, self.revenue) if self.revenue > 0 else None


def shares(values: Mapping[str, int]) -> dict[str, Fraction | None]:
    """Each value's share of their sum."""
    total = sum(values.values())
    return {k: ratio(v, total) for k, v in values.items()}


def acquisition_cost(spend: int, new_customers: int) -> int | None:
    """What one new customer of a channel cost, minor units, half up."""
    return money_average(spend, new_customers)
