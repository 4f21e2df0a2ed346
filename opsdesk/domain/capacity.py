"""Capacity planner (布局之理, seed 004): from the market to the team a shop needs, month by month.

Seed 004 measures a team by four figures: 人效 (per-person efficiency: how much work one person does
a day), 规模 (scale: how big the team must be), 周期 (cycle: how long a customer takes to close) and
时点 (timing: when to put each new person in). Its rule "测算市场容量,进而能推算团队人数" — measure the
market, then work out the headcount — is the formula below.

Inputs: ``market_size`` potential customers in reach; ``share_percent`` of them to win;
``deal_cycle_days`` from first visit to the deal; ``visits_per_deal``; ``visits_per_person_per_day``
(人效); ``working_days_per_month``; ``ramp_months`` M, the months over which the share is won.

* customers to win ``W = ceil(market_size × share_percent / 100)``
* visits needed ``V = ceil(W × visits_per_deal)``
* one person's visits a month ``C = visits_per_person_per_day × working_days_per_month``
* linear ramp: deals close in M consecutive months, growing in a straight line — month i of the
  ramp (1..M) closes ``W × i / (1 + 2 + … + M)`` deals (largest remainder), so a new team starts
  small and grows into the market, and the cumulative deals reach W in month M. Visits follow the
  same weights (V split by 1..M).
* deal cycle: a cycle reaches back ``L = deal_cycle_days // 30`` whole months before the month a
  deal closes (a cycle under 30 days stays within that month). The visits for the deals of a
  closing month are spread evenly (largest remainder) over that month and the L months before it,
  so the timeline has ``L + M`` months: the first L build the pipeline before any deal closes.
* staff in a timeline month ``= ceil(visits that month / C)``; the staff needed is the largest of
  them, reached near the end of the ramp; the month each figure first rises tells when to hire (时点).

Every ceiling is deliberate: a team sized to the nearest person would fall short of the visits.

Error codes (``ValidationError.code``: suggested English message; params):

* ``capacity.invalid_number``: "Enter a number." (``text``)
* ``capacity.not_positive``: "Enter a number above zero."
* ``capacity.share_out_of_range``: "The share must be above 0 % and at most 100 %." (``value``)
* ``capacity.out_of_range``: "Enter a whole number from {min} to {max}." (``min``, ``max``)
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

from opsdesk.domain.errors import Collector, ValidationError
from opsdesk.domain.money import MAX_MINOR, split
from opsdesk.domain.targets import Number, as_fraction

CYCLE_MONTH_DAYS = 30
MAX_RAMP_MONTHS = 120
MAX_CYCLE_DAYS = 3650


@dataclass(frozen=True)
class RampMonth:
    index: int  # 1 = the first month of the timeline
    deals: int
    cumulative_deals: int
    visits: int
    visits_per_day: int  # ceil(visits / working days): the daily visit target for the team
    staff: int


@dataclass(frozen=True)
class CapacityPlan:
    customers_to_win: int  # W
    visits_needed: int  # V
    visits_per_person_month: Fraction  # C
    lead_months: int  # L
    staff_needed: int  # the peak of the ramp
    months: tuple[RampMonth, ...]  # L + M months


def _whole(value: int, field: str, lo: int, hi: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError("capacity.invalid_number", field=field, text=repr(value)[:40])
    if not lo <= value <= hi:
        raise ValidationError("capacity.out_of_range", field=field, min=lo, max=hi)
    return value


def _positive(value: Number, field: str) -> Fraction:
    f = as_fraction(value, field=field, code="capacity.invalid_number")
    if f <= 0:
        raise ValidationError("capacity.not_positive", field=field)
    return f


def _share(value: Number) -> Fraction:
    f = as_fraction(value, field="share_percent", code="capacity.invalid_number")
    if not 0 < f <= 100:
        raise ValidationError("capacity.share_out_of_range", field="share_percent",
                              value=str(value)[:40])
    return f


def plan_capacity(*, market_size: int, share_percent: Number, deal_cycle_days: int,
                  visits_per_deal: Number, visits_per_person_per_day: Number,
                  working_days_per_month: int, ramp_months: int = 12) -> CapacityPlan:
    """Staff needed and the monthly ramp; formulas in the module docstring.

    Every bad field is reported at once (``validation.fields``), so a form can mark them all.
    """
    c = Collector()
    market = c.take("market_size", _whole, market_size, "market_size", 1, MAX_MINOR)
    share = c.take("share_percent", _share, share_percent)
    cycle = c.take("deal_cycle_days", _whole, deal_cycle_days, "deal_cycle_days", 0,
                   MAX_CYCLE_DAYS)
    vpd = c.take("visits_per_deal", _positive, visits_per_deal, "visits_per_deal")
    vppd = c.take("visits_per_person_per_day", _positive, visits_per_person_per_day,
                  "visits_per_person_per_day")
    days = c.take("working_days_per_month", _whole, working_days_per_month,
                  "working_days_per_month", 1, 31)
    ramp = c.take("ramp_months", _whole, ramp_months, "ramp_months", 1, MAX_RAMP_MONTHS)
    c.done()

    customers = math.ceil(market * share / 100)
    visits_needed = math.ceil(customers * vpd)
    per_person = vppd * days
    lead = cycle // CYCLE_MONTH_DAYS
    weights = list(range(1, ramp + 1))
    deals_by_close = split(customers, weights)
    visits_by_close = split(visits_needed, weights)

    span = lead + ramp
    visits = [0] * span
    deals = [0] * span
    for i in range(ramp):
        close = lead + i  # timeline position (0-based) of ramp month i + 1
        deals[close] = deals_by_close[i]
        for j, part in enumerate(split(visits_by_close[i], [1] * (lead + 1))):
            visits[close - lead + j] += part

    months = []
    running = 0
    for k in range(span):
        running += deals[k]
        months.append(RampMonth(k + 1, deals[k], running, visits[k],
                                math.ceil(Fraction(visits[k], days)),
                                math.ceil(visits[k] / per_person)))
    return CapacityPlan(customers, visits_needed, per_person, lead,
                        max(m.staff for m in months), tuple(months))
