"""Target decomposition (年度目标分解): baselines, splits to people, months, days and weeks, the
reverse calculation from a target to the deals, visits and leads it needs, and the year's plan.

Seed 001: a ¥10,000,000 year with 10 sellers is about ¥1,000,000 each, weighted by ability and
position; each person's share is split by slow and peak season into months, then weeks and days.
Seed 004: a target is chosen against three baselines, the historical peak (历史峰值), the starting
line (起跑线) and the forecast line (预测线).

Amounts are integers: fen for the money indicators (revenue, gross profit, stored-value top-ups),
units for the counts (new members, deals). Every split below is
:func:`opsdesk.domain.money.split` (largest remainder), so every level adds up exactly to its parent.

History
    ``Mapping[(year, month), int]``: one figure per calendar month. The known range runs from the
    first to the last month in the mapping (before the planned year); a month missing *inside* that
    range counts as 0 (the shop was open and did nothing), months outside it are unknown (the shop
    did not exist yet, or the month is not over).

Baselines (:func:`baselines`) for year ``Y``
    * starting line = the actual total of ``Y-1``. When only ``n < 12`` months of ``Y-1`` are known
      (the shop opened during the year) it is annualised: ``round_half_up(sum × 12 / n)``, and
      :attr:`Baseline.annualised` says so. No month of ``Y-1`` known → ``targets.no_history``.
    * historical peak = the best total of any 12 consecutive known months before ``Y`` (a rolling
      year, so a shop that opened in March still has a peak); ties go to the later window. With
      fewer than 12 known months, the annualised total of all of them.
    * forecast line = starting line × (1 + g), where g is the *median* year-on-year growth of the
      last 12 known months: for each such month with the same month a year earlier known and above
      zero, ``this month / same month last year − 1``. The median ignores one freak month (a
      renovation, a one-off group order) that an average would carry into the whole year. No such
      pair (less than 13 months of history) → g = 0 and the forecast equals the starting line; a
      starting line at or below zero is not grown; the forecast is never below zero.

Splits
    * :func:`split_by_weights` — a total to departments or people by weights. The weights come from
      ability, position, last year's share (:func:`last_year_share_weights`) or are typed in; the
      function only sees the numbers. A weight of 0 gets exactly 0.
    * months — :func:`split_to_months` with weights from :func:`seasonality_last_year` (last
      year's monthly distribution), :data:`FLAT` (equal months) or
      :func:`seasonality_from_percent` (12 percentages that sum to exactly 100).
    * days — :func:`split_month_to_days`: each day weighs its weekday's weight (Mon..Sun), a closed
      weekday weighs 0, and so does every date in ``closed`` (holidays). A month whose amount is
      zero may have no working day; any other amount needs one (``targets.no_working_days``).
    * weeks — ISO weeks (Monday to Sunday), each the sum of its days. A week that crosses a month
      boundary is shown as two rows, one in each month, each holding only that month's days and
      flagged ``partial``; so each month's rows add up to the month, and the two parts of a week to
      the week (:func:`week_rows` per month, :func:`week_totals` for whole weeks).

Reverse calculation (倒推, :func:`reverse_calculate`)
    From a history window (seed 001 uses the same month last year) of revenue, deals, visits and
    leads: average ticket = revenue / deals, conversion = deals / visits, visits per lead =
    visits / leads. Then ``deals = ceil(revenue target / average ticket)``,
    ``visits = ceil(deals / conversion)``, ``leads = ceil(visits / visits per lead)``; a deals
    target skips the first step. Each ratio the person's own history cannot give (no deals, no
    visits, no leads) is taken from the store's, and the result says which source each ratio came
    from. The ceilings are deliberate, not a rounding rule: a requirement rounded to nearest could
    fall short of the target, so ``deals × average ticket >= target`` always holds. Each period is
    computed on its own, so the days of a month may need slightly more in total than the month.

Plan (:class:`Plan`)
    year → indicator → unit (a person or department key chosen by the caller, e.g. ``"staff:12"``)
    → month (all 12) → day (every day of the month). :func:`check_plan_sums` proves each level
    sums exactly to its parent; :meth:`Plan.to_dict` / :meth:`Plan.from_dict` give a JSON-able form.

Error codes (``ValidationError.code``: suggested English message; params):

* ``targets.invalid_number``: "Enter a number." (``text``)
* ``targets.negative_total``: "The target cannot be negative." (``value``)
* ``targets.too_large``: "The target is too large." (``max``)
* ``targets.invalid_year``: "Enter a year between 1 and 9999." (``year``)
* ``targets.invalid_month``: "Enter a month from 1 to 12." (``month``)
* ``targets.history_invalid``: "The history has a malformed entry." (``key``)
* ``targets.no_history``: "There is no history for {year} to base this on." (``year``)
* ``targets.no_units``: "Add at least one person or department."
* ``targets.negative_weight``: "Weights cannot be negative." (``unit`` / ``month`` / ``weekday``)
* ``targets.zero_weights``: "At least one weight must be above zero."
* ``targets.month_count``: "Give a figure for each of the 12 months." (``count``)
* ``targets.negative_percent``: "Percentages cannot be negative." (``month``)
* ``targets.percent_sum``: "The months add up to {sum}%, not 100%." (``sum``)
* ``targets.weekday_count``: "Give a weight for each day of the week, Monday to Sunday." (``count``)
* ``targets.no_working_days``: "{year}-{month} has no working day to carry its target." (``year``,
  ``month``)
* ``targets.history_negative``: "History figures cannot be negative." (``which``)
* ``targets.no_ratio``: "Neither this person nor the store has the history to work out {ratio}."
  (``ratio``: ``average_ticket`` / ``conversion`` / ``visits_per_lead``)
* ``targets.reverse_unsupported``: "The reverse calculation works from revenue or deals only."
  (``indicator``)
* ``targets.plan_invalid``: "The saved plan is damaged." (``path``)
* ``targets.plan_duplicate``: "The plan lists the same entry twice." (``indicator``, ``unit``)
* ``targets.plan_months``: "The plan needs all 12 months, January to December." (``indicator``,
  ``unit``)
* ``targets.plan_days``: "The plan has the wrong number of days for the month." (``indicator``,
  ``unit``, ``month``, ``expected``, ``actual``; from :func:`week_rows` ``year`` instead of
  ``indicator`` and ``unit``)
* ``targets.plan_negative``: "The plan has a negative amount." (``indicator``, ``unit``, ``month``)
* ``targets.plan_sum_mismatch``: "The parts add up to {actual}, not {expected}." (``level``:
  ``indicator`` / ``unit`` / ``month``; ``indicator``, ``unit``, ``month``, ``expected``,
  ``actual``)
"""

from __future__ import annotations

import calendar
import math
from collections.abc import Collection, Hashable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from fractions import Fraction
from statistics import median
from typing import Any, TypeVar

from opsdesk.domain.errors import ValidationError
from opsdesk.domain.money import MAX_MINOR, apply_rate, round_half_up, split

Month = tuple[int, int]  # (year, month)
Number = int | Fraction | Decimal | str | float
K = TypeVar("K", bound=Hashable)
P = TypeVar("P", bound=Hashable)

PLAN_FORMAT = 1


class Indicator(StrEnum):
    REVENUE = "revenue"
    GROSS_PROFIT = "gross_profit"
    NEW_MEMBERS = "new_members"
    DEALS = "deals"
    TOPUPS = "topups"  # stored-value top-ups (储值)

    @property
    def is_money(self) -> bool:
        """True when amounts are fen; False when they are counted units."""
        return self in (Indicator.REVENUE, Indicator.GROSS_PROFIT, Indicator.TOPUPS)


class WeightSource(StrEnum):
    """Where the weights of a split to people came from; recorded with the plan."""

    ABILITY = "ability"
    POSITION = "position"
    LAST_YEAR_SHARE = "last_year_share"
    CUSTOM = "custom"


class Seasonality(StrEnum):
    LAST_YEAR = "last_year"
    FLAT = "flat"
    CUSTOM = "custom"


class RatioSource(StrEnum):
    PERSON = "person"
    STORE = "store"


# ----------------------------------------------------------------------------- input checks

def as_fraction(value: Number, *, field: str | None = None,
                code: str = "targets.invalid_number") -> Fraction:
    """An exact rational from what a form or the service hands over.

    A float goes through its shortest decimal text (``0.1`` -> 1/10), which is the number the
    person typed into a spin box, not the binary approximation.
    """
    if isinstance(value, bool):
        raise ValidationError(code, field=field, text=repr(value))
    if isinstance(value, Fraction):
        return value
    if isinstance(value, int):
        return Fraction(value)
    if isinstance(value, Decimal | str | float):
        try:
            d = Decimal(str(value).strip())
        except InvalidOperation:
            raise ValidationError(code, field=field, text=str(value)[:40]) from None
        if d.is_finite():
            return Fraction(d)
    raise ValidationError(code, field=field, text=str(value)[:40])


def check_total(total: int, *, field: str | None = "total") -> int:
    """A target amount: an int (fen or units), zero or more, at most ``MAX_MINOR``."""
    if isinstance(total, bool) or not isinstance(total, int):
        raise ValidationError("targets.invalid_number", field=field, text=repr(total)[:40])
    if total < 0:
        raise ValidationError("targets.negative_total", field=field, value=total)
    if total > MAX_MINOR:
        raise ValidationError("targets.too_large", field=field, max=MAX_MINOR)
    return total


def _check_year(year: int, field: str = "year") -> None:
    if isinstance(year, bool) or not isinstance(year, int) or not 1 <= year <= 9999:
        raise ValidationError("targets.invalid_year", field=field, year=str(year))


def _check_month(year: int, month: int) -> None:
    _check_year(year)
    if isinstance(month, bool) or not isinstance(month, int) or not 1 <= month <= 12:
        raise ValidationError("targets.invalid_month", field="month", month=str(month))


def _check_history(history: Mapping[Month, int]) -> None:
    for key, value in history.items():
        ok = (isinstance(key, tuple) and len(key) == 2
              and all(isinstance(k, int) and not isinstance(k, bool) for k in key)
              and 1 <= key[0] <= 9999 and 1 <= key[1] <= 12
              and isinstance(value, int) and not isinstance(value, bool))
        if not ok:
            raise ValidationError("targets.history_invalid", field="history", key=str(key)[:40])


def _fmt(value: Fraction) -> str:
    # Messages show at most two decimals ("99.5", "100.01"); the comparison itself stays exact.
    d = (Decimal(value.numerator) / Decimal(value.denominator)).quantize(Decimal("0.01"))
    text = format(d, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _idx(m: Month) -> int:
    return m[0] * 12 + m[1] - 1


def _month_of(i: int) -> Month:
    return (i // 12, i % 12 + 1)


def days_in_month(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


# ----------------------------------------------------------------------------- baselines

@dataclass(frozen=True)
class Baseline:
    value: int
    first: Month  # the months the figure is based on, inclusive
    last: Month
    months: int  # how many months of history are behind it (12 for a full year)
    annualised: bool  # True when fewer than 12 months were scaled up to a year


@dataclass(frozen=True)
class Baselines:
    year: int
    peak: Baseline
    starting: Baseline
    forecast: Baseline
    growth: Fraction  # g of the forecast: 1/10 = +10 %; 0 when no pair of months was known
    growth_samples: int  # month pairs behind g


def known_series(history: Mapping[Month, int], before_year: int) -> list[tuple[Month, int]]:
    """The known range of ``history`` before ``before_year``, gaps inside it filled with 0."""
    _check_history(history)
    keys = [k for k in history if k < (before_year, 1)]
    if not keys:
        return []
    lo, hi = _idx(min(keys)), _idx(max(keys))
    return [(_month_of(i), history.get(_month_of(i), 0)) for i in range(lo, hi + 1)]


def _annualise(total: int, months: int) -> int:
    return total if months == 12 else round_half_up(Fraction(total * 12, months))


def baselines(history: Mapping[Month, int], year: int) -> Baselines:
    """The three baselines of seed 004 for planning ``year``; formulas in the module docstring.

    Raises ``targets.no_history`` (param ``year`` = ``year - 1``) when no month of the year
    before is known.
    """
    _check_year(year)
    series = known_series(history, year)
    last_year = [(m, v) for m, v in series if m[0] == year - 1]
    if not last_year:
        raise ValidationError("targets.no_history", field="history", year=year - 1)

    n = len(last_year)
    start_value = _annualise(sum(v for _, v in last_year), n)
    starting = Baseline(start_value, last_year[0][0], last_year[-1][0], n, n < 12)

    if len(series) >= 12:
        best_total, best_at = None, 0
        for i in range(len(series) - 11):
            total = sum(v for _, v in series[i:i + 12])
            if best_total is None or total >= best_total:
                best_total, best_at = total, i
        assert best_total is not None
        peak = Baseline(best_total, series[best_at][0], series[best_at + 11][0], 12, False)
    else:
        peak = Baseline(_annualise(sum(v for _, v in series), len(series)),
                        series[0][0], series[-1][0], len(series), True)

    known = dict(series)
    ratios: list[Fraction] = []
    for (y, m), v in series[-12:]:
        before = known.get((y - 1, m))
        if before is not None and before > 0:
            ratios.append(Fraction(v, before) - 1)
    growth = Fraction(median(ratios)) if ratios else Fraction(0)
    if start_value > 0:
        forecast_value = max(0, apply_rate(start_value, 1 + growth))
    else:
        forecast_value = start_value
    forecast = Baseline(forecast_value, starting.first, starting.last, n, n < 12)
    return Baselines(year, peak, starting, forecast, growth, len(ratios))


# ----------------------------------------------------------------------------- split to units

def _weights(weights: Sequence[Number], field: str, param: str, first: int = 0) -> list[Fraction]:
    out = []
    for i, w in enumerate(weights):
        f = as_fraction(w, field=field)
        if f < 0:
            raise ValidationError("targets.negative_weight", field=field, **{param: i + first})
        out.append(f)
    return out


def split_by_weights(total: int, weights: Mapping[K, Number], *,
                     field: str = "weights") -> dict[K, int]:
    """``total`` shared among departments or people in proportion to ``weights``.

    ``part_i = total × w_i / Σw`` by the largest-remainder method, so ``Σ part_i == total`` to the
    fen; a weight of 0 gets exactly 0; ties in the remainders go to the earlier key.
    Errors: ``targets.no_units``, ``targets.negative_weight`` (param ``unit``),
    ``targets.zero_weights``, and those of :func:`check_total`.
    """
    check_total(total)
    if not weights:
        raise ValidationError("targets.no_units", field=field)
    fr: list[Fraction] = []
    for unit, w in weights.items():
        f = as_fraction(w, field=field)
        if f < 0:
            raise ValidationError("targets.negative_weight", field=field, unit=str(unit))
        fr.append(f)
    if sum(fr) == 0:
        raise ValidationError("targets.zero_weights", field=field)
    return dict(zip(weights, split(total, fr), strict=True))


def last_year_share_weights(unit_history: Mapping[K, Mapping[Month, int]],
                            year: int) -> dict[K, int]:
    """Weights for "last year's share": each unit's total over the 12 months of ``year``.

    A negative total (a gross-profit loss) weighs 0: a share of a target cannot be negative. A unit
    with no history in ``year`` (a new hire) also weighs 0; give it a custom weight instead.
    All zero → ``targets.no_history`` (param ``year``).
    """
    _check_year(year)
    out: dict[K, int] = {}
    for unit, history in unit_history.items():
        _check_history(history)
        out[unit] = max(0, sum(v for (y, _), v in history.items() if y == year))
    if not any(out.values()):
        raise ValidationError("targets.no_history", field="weights", year=year)
    return out


# ----------------------------------------------------------------------------- split to months

FLAT: tuple[int, ...] = (1,) * 12
"""Flat seasonality: every month weighs the same, whatever its length."""


def seasonality_last_year(history: Mapping[Month, int], year: int) -> tuple[int, ...]:
    """Month weights = the 12 monthly figures of ``year`` (a loss month weighs 0).

    All zero or unknown → ``targets.no_history`` (param ``year``).
    """
    _check_year(year)
    _check_history(history)
    weights = tuple(max(0, history.get((year, m), 0)) for m in range(1, 13))
    if not any(weights):
        raise ValidationError("targets.no_history", field="seasonality", year=year)
    return weights


def seasonality_from_percent(percents: Sequence[Number]) -> tuple[Fraction, ...]:
    """Custom month percentages, January first: 12 of them, none negative, summing to exactly 100.

    Errors: ``targets.month_count`` (``count``), ``targets.invalid_number``,
    ``targets.negative_percent`` (``month``, 1-based), ``targets.percent_sum`` (``sum``).
    """
    if len(percents) != 12:
        raise ValidationError("targets.month_count", field="seasonality", count=len(percents))
    out = []
    for i, p in enumerate(percents):
        f = as_fraction(p, field="seasonality")
        if f < 0:
            raise ValidationError("targets.negative_percent", field="seasonality", month=i + 1)
        out.append(f)
    total = sum(out)
    if total != 100:
        raise ValidationError("targets.percent_sum", field="seasonality", sum=_fmt(Fraction(total)))
    return tuple(out)


def split_to_months(total: int, weights: Sequence[Number], *,
                    field: str = "seasonality") -> tuple[int, ...]:
    """``total`` to January..December: ``month_m = total × w_m / Σw``, largest remainder.

    Errors: ``targets.month_count``, ``targets.negative_weight`` (``month``),
    ``targets.zero_weights``, and those of :func:`check_total`.
    """
    check_total(total)
    if len(weights) != 12:
        raise ValidationError("targets.month_count", field=field, count=len(weights))
    fr = _weights(weights, field, "month", first=1)
    if sum(fr) == 0:
        raise ValidationError("targets.zero_weights", field=field)
    return tuple(split(total, fr))


# ----------------------------------------------------------------------------- days and weeks

EVERY_DAY: tuple[int, ...] = (1,) * 7
"""Weekday weights Monday..Sunday: every day the same."""


def day_weights(year: int, month: int, weekday_weights: Sequence[Number] = EVERY_DAY,
                closed: Collection[date] = ()) -> tuple[Fraction, ...]:
    """The weight of each day of the month: its weekday's weight, or 0 on a closed date."""
    _check_month(year, month)
    if len(weekday_weights) != 7:
        raise ValidationError("targets.weekday_count", field="weekday_weights",
                              count=len(weekday_weights))
    ww = _weights(weekday_weights, "weekday_weights", "weekday")
    shut = set(closed)
    first = date(year, month, 1)
    return tuple(
        Fraction(0) if d in shut else ww[d.weekday()]
        for d in (first + timedelta(days=i) for i in range(days_in_month(year, month)))
    )


def split_month_to_days(amount: int, year: int, month: int,
                        weekday_weights: Sequence[Number] = EVERY_DAY,
                        closed: Collection[date] = ()) -> tuple[int, ...]:
    """A month's amount to its days, index 0 = the 1st: ``day_d = amount × w_d / Σw``.

    ``w_d`` is from :func:`day_weights`. A zero amount is all zeros even in a month with no
    working day (a month closed for renovation); any other amount in such a month raises
    ``targets.no_working_days`` (``year``, ``month``).
    """
    check_total(amount, field="amount")
    weights = day_weights(year, month, weekday_weights, closed)
    if amount == 0:
        return (0,) * len(weights)
    if sum(weights) == 0:
        raise ValidationError("targets.no_working_days", field="weekday_weights",
                              year=year, month=month)
    return tuple(split(amount, weights))


def dated(year: int, month: int, days: Sequence[int]) -> dict[date, int]:
    """Day amounts (index 0 = the 1st) keyed by their date."""
    return {date(year, month, i + 1): v for i, v in enumerate(days)}


@dataclass(frozen=True)
class WeekRow:
    """One ISO week's days inside one calendar month."""

    iso_year: int
    iso_week: int
    year: int  # the calendar month the row belongs to
    month: int
    first: date
    last: date
    amount: int

    @property
    def partial(self) -> bool:
        """True when the week continues in the month before or after."""
        return (self.last - self.first).days < 6


def week_rows(year: int, month: int, days: Sequence[int]) -> tuple[WeekRow, ...]:
    """The month's days grouped by ISO week, in date order; each row sums its days."""
    _check_month(year, month)
    if len(days) != days_in_month(year, month):
        raise ValidationError("targets.plan_days", field="days", year=year, month=month,
                              expected=days_in_month(year, month), actual=len(days))
    rows: list[WeekRow] = []
    for d, amount in dated(year, month, days).items():
        iso = d.isocalendar()
        if rows and (rows[-1].iso_year, rows[-1].iso_week) == (iso.year, iso.week):
            r = rows[-1]
            rows[-1] = WeekRow(r.iso_year, r.iso_week, year, month, r.first, d, r.amount + amount)
        else:
            rows.append(WeekRow(iso.year, iso.week, year, month, d, d, amount))
    return tuple(rows)


def week_totals(daily: Mapping[date, int]) -> dict[tuple[int, int], int]:
    """Whole ISO weeks ``(iso_year, iso_week) -> Σ day``, both parts of a split week together."""
    out: dict[tuple[int, int], int] = {}
    for d in sorted(daily):
        iso = d.isocalendar()
        out[(iso.year, iso.week)] = out.get((iso.year, iso.week), 0) + daily[d]
    return out


# ----------------------------------------------------------------------------- reverse calculation

@dataclass(frozen=True)
class FunnelHistory:
    """What one person (or the whole store) did over a history window."""

    revenue: int  # fen
    deals: int
    visits: int
    leads: int

    def __post_init__(self) -> None:
        for name in ("revenue", "deals", "visits", "leads"):
            v = getattr(self, name)
            if isinstance(v, bool) or not isinstance(v, int):
                raise ValidationError("targets.invalid_number", field=name, text=repr(v)[:40])
            if v < 0:
                raise ValidationError("targets.history_negative", field=name, which=name)

    @property
    def average_ticket(self) -> Fraction | None:
        """revenue / deals (fen per deal); None without deals or revenue."""
        return Fraction(self.revenue, self.deals) if self.deals and self.revenue else None

    @property
    def conversion(self) -> Fraction | None:
        """deals / visits; None without both."""
        return Fraction(self.deals, self.visits) if self.deals and self.visits else None

    @property
    def visits_per_lead(self) -> Fraction | None:
        """visits / leads; None without both."""
        return Fraction(self.visits, self.leads) if self.visits and self.leads else None


@dataclass(frozen=True)
class FunnelRatios:
    """The ratios a reverse calculation uses, each with where it came from."""

    average_ticket: Fraction
    conversion: Fraction
    visits_per_lead: Fraction
    ticket_source: RatioSource
    conversion_source: RatioSource
    lead_source: RatioSource

    @property
    def uses_store(self) -> bool:
        return RatioSource.STORE in (self.ticket_source, self.conversion_source, self.lead_source)


def choose_ratios(person: FunnelHistory | None, store: FunnelHistory) -> FunnelRatios:
    """Each ratio from the person's own history when it has one, else from the store's.

    ``targets.no_ratio`` (``ratio``) when neither has it.
    """
    chosen: list[tuple[Fraction, RatioSource]] = []
    for name in ("average_ticket", "conversion", "visits_per_lead"):
        own = getattr(person, name) if person is not None else None
        if own is not None:
            chosen.append((own, RatioSource.PERSON))
            continue
        shop = getattr(store, name)
        if shop is None:
            raise ValidationError("targets.no_ratio", field="history", ratio=name)
        chosen.append((shop, RatioSource.STORE))
    (t, ts), (c, cs), (v, vs) = chosen
    return FunnelRatios(t, c, v, ts, cs, vs)


@dataclass(frozen=True)
class Requirement:
    """What a target needs: deals, visits and leads, each rounded up."""

    indicator: Indicator
    target: int
    deals: int
    visits: int
    leads: int
    ratios: FunnelRatios


def required(target: int, ratios: FunnelRatios,
             indicator: Indicator = Indicator.REVENUE) -> Requirement:
    """``deals = ceil(target / ticket)`` (a deals target is the deals), ``visits = ceil(deals /
    conversion)``, ``leads = ceil(visits / visits_per_lead)``; exact rationals, then ceilings."""
    check_total(target, field="target")
    if indicator is Indicator.REVENUE:
        deals = math.ceil(target / ratios.average_ticket)
    elif indicator is Indicator.DEALS:
        deals = target
    else:
        raise ValidationError("targets.reverse_unsupported", field="indicator",
                              indicator=str(indicator))
    visits = math.ceil(deals / ratios.conversion)
    leads = math.ceil(visits / ratios.visits_per_lead)
    return Requirement(indicator, target, deals, visits, leads, ratios)


def reverse_calculate(target: int, person: FunnelHistory | None, store: FunnelHistory,
                      indicator: Indicator = Indicator.REVENUE) -> Requirement:
    """One period's requirement from the person's ratios, falling back to the store's."""
    return required(target, choose_ratios(person, store), indicator)


def reverse_by_period(targets: Mapping[P, int], person: FunnelHistory | None,
                      store: FunnelHistory,
                      indicator: Indicator = Indicator.REVENUE) -> dict[P, Requirement]:
    """:func:`reverse_calculate` for each period (month, ISO week, date) on its own."""
    ratios = choose_ratios(person, store)
    return {p: required(t, ratios, indicator) for p, t in targets.items()}


# ----------------------------------------------------------------------------- the plan

@dataclass(frozen=True)
class MonthPlan:
    month: int
    total: int
    days: tuple[int, ...]  # index 0 = the 1st


@dataclass(frozen=True)
class UnitPlan:
    unit: str  # the caller's key for a person or department, e.g. "staff:12"
    total: int
    months: tuple[MonthPlan, ...]  # January..December


@dataclass(frozen=True)
class IndicatorPlan:
    indicator: Indicator
    total: int
    units: tuple[UnitPlan, ...]

    def unit(self, key: str) -> UnitPlan:
        for u in self.units:
            if u.unit == key:
                return u
        raise KeyError(key)


@dataclass(frozen=True)
class Plan:
    year: int
    indicators: tuple[IndicatorPlan, ...]

    def indicator(self, indicator: Indicator) -> IndicatorPlan:
        for p in self.indicators:
            if p.indicator is indicator:
                return p
        raise KeyError(indicator)

    def daily(self, indicator: Indicator, unit: str | None = None) -> dict[date, int]:
        """Every day of the year -> planned amount, for one unit or (``None``) all units."""
        ip = self.indicator(indicator)
        units = ip.units if unit is None else (ip.unit(unit),)
        out: dict[date, int] = {}
        for u in units:
            for mp in u.months:
                for d, v in dated(self.year, mp.month, mp.days).items():
                    out[d] = out.get(d, 0) + v
        return out

    def to_dict(self) -> dict[str, Any]:
        """A JSON-able form: lists keep the order the owner arranged units in."""
        return {
            "format": PLAN_FORMAT,
            "year": self.year,
            "indicators": [
                {"indicator": ip.indicator.value, "total": ip.total, "units": [
                    {"unit": u.unit, "total": u.total, "months": [
                        {"month": m.month, "total": m.total, "days": list(m.days)}
                        for m in u.months]}
                    for u in ip.units]}
                for ip in self.indicators],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Plan:
        """The inverse of :meth:`to_dict`; a malformed or inconsistent plan is refused
        (``targets.plan_invalid`` with the ``path`` of the bad part, or a
        :func:`check_plan_sums` code)."""

        def need(cond: bool, path: str) -> None:
            if not cond:
                raise ValidationError("targets.plan_invalid", field="plan", path=path)

        def integer(v: Any, path: str) -> int:
            need(isinstance(v, int) and not isinstance(v, bool), path)
            return v

        def items(v: Any, path: str) -> list[Any]:
            need(isinstance(v, list), path)
            return v

        need(isinstance(data, Mapping), "")
        need(data.get("format") == PLAN_FORMAT, "format")
        indicators = []
        for i, ip in enumerate(items(data.get("indicators"), "indicators")):
            p = f"indicators[{i}]"
            need(isinstance(ip, Mapping), p)
            try:
                ind = Indicator(ip.get("indicator"))
            except ValueError:
                raise ValidationError("targets.plan_invalid", field="plan",
                                      path=f"{p}.indicator") from None
            units = []
            for j, u in enumerate(items(ip.get("units"), f"{p}.units")):
                q = f"{p}.units[{j}]"
                need(isinstance(u, Mapping) and isinstance(u.get("unit"), str), q)
                months = []
                for k, m in enumerate(items(u.get("months"), f"{q}.months")):
                    r = f"{q}.months[{k}]"
                    need(isinstance(m, Mapping), r)
                    days = tuple(integer(v, f"{r}.days")
                                 for v in items(m.get("days"), f"{r}.days"))
                    months.append(MonthPlan(integer(m.get("month"), f"{r}.month"),
                                            integer(m.get("total"), f"{r}.total"), days))
                units.append(UnitPlan(u["unit"], integer(u.get("total"), f"{q}.total"),
                                      tuple(months)))
            indicators.append(IndicatorPlan(ind, integer(ip.get("total"), f"{p}.total"),
                                            tuple(units)))
        plan = cls(integer(data.get("year"), "year"), tuple(indicators))
        check_plan_sums(plan)
        return plan


def _mismatch(level: str, expected: int, actual: int, indicator: Indicator,
              unit: str | None = None, month: int | None = None) -> ValidationError:
    return ValidationError("targets.plan_sum_mismatch", field="plan", level=level,
                           indicator=indicator.value, unit=unit, month=month,
                           expected=expected, actual=actual)


def check_plan_sums(plan: Plan) -> None:
    """Proves the plan adds up: Σ units = indicator total, Σ months = unit total, Σ days = month
    total, with all 12 months, every day of each month, no amount negative and no entry twice.
    Raises the first problem found (codes in the module docstring)."""
    _check_year(plan.year)
    seen_ind: set[Indicator] = set()
    for ip in plan.indicators:
        ind = ip.indicator
        if ind in seen_ind:
            raise ValidationError("targets.plan_duplicate", field="plan", indicator=ind.value,
                                  unit=None)
        seen_ind.add(ind)
        seen_unit: set[str] = set()
        for u in ip.units:
            if u.unit in seen_unit:
                raise ValidationError("targets.plan_duplicate", field="plan",
                                      indicator=ind.value, unit=u.unit)
            seen_unit.add(u.unit)
            if tuple(m.month for m in u.months) != tuple(range(1, 13)):
                raise ValidationError("targets.plan_months", field="plan", indicator=ind.value,
                                      unit=u.unit)
            for m in u.months:
                n = days_in_month(plan.year, m.month)
                if len(m.days) != n:
                    raise ValidationError("targets.plan_days", field="plan", indicator=ind.value,
                                          unit=u.unit, month=m.month, expected=n,
                                          actual=len(m.days))
                if m.total < 0 or any(v < 0 for v in m.days):
                    raise ValidationError("targets.plan_negative", field="plan",
                                          indicator=ind.value, unit=u.unit, month=m.month)
                if sum(m.days) != m.total:
                    raise _mismatch("month", m.total, sum(m.days), ind, u.unit, m.month)
            if sum(m.total for m in u.months) != u.total:
                raise _mismatch("unit", u.total, sum(m.total for m in u.months), ind, u.unit)
        if sum(u.total for u in ip.units) != ip.total:
            raise _mismatch("indicator", ip.total, sum(u.total for u in ip.units), ind)


def plan_unit(year: int, unit: str, total: int, month_weights: Sequence[Number] = FLAT,
              weekday_weights: Sequence[Number] = EVERY_DAY,
              closed: Collection[date] = ()) -> UnitPlan:
    """One unit's year: ``total`` to months by ``month_weights``, each month to its days."""
    months = split_to_months(total, month_weights)
    return UnitPlan(unit, total, tuple(
        MonthPlan(m, amount, split_month_to_days(amount, year, m, weekday_weights, closed))
        for m, amount in enumerate(months, start=1)))


def plan_indicator(year: int, indicator: Indicator, total: int,
                   unit_weights: Mapping[str, Number],
                   month_weights: Sequence[Number] | Mapping[str, Sequence[Number]] = FLAT,
                   weekday_weights: Sequence[Number] = EVERY_DAY,
                   closed: Collection[date] = ()) -> IndicatorPlan:
    """The whole cascade for one indicator: total → units → months → days.

    ``month_weights`` is one seasonality for everyone or a mapping unit -> its own (each person's
    last-year distribution); a unit missing from the mapping is split flat.
    """
    _check_year(year)
    shares = split_by_weights(total, unit_weights)
    units = []
    for unit, amount in shares.items():
        mw = (month_weights.get(unit, FLAT) if isinstance(month_weights, Mapping)
              else month_weights)
        units.append(plan_unit(year, unit, amount, mw, weekday_weights, closed))
    return IndicatorPlan(Indicator(indicator), total, tuple(units))


def split_by_groups(total: int, group_weights: Mapping[K, Number],
                    member_weights: Mapping[K, Mapping[str, Number]]) -> dict[str, int]:
    """Two levels: ``total`` to groups (departments) by ``group_weights``, then each group's part
    to its members (people) by their weights, both largest remainder, so the members' parts add
    up exactly to ``total``.

    A group with a weight of 0 gets 0 and its members 0. A group with a part above 0 needs at least
    one member (``targets.no_units``, param ``group``) with a weight above 0
    (``targets.zero_weights``, param ``group``). Returns member -> part, in group order.
    """
    shares = split_by_weights(total, group_weights, field="department_weights")
    out: dict[str, int] = {}
    for group, share in shares.items():
        members = member_weights.get(group, {})
        if share == 0:
            out.update(dict.fromkeys(members, 0))
            continue
        if not members:
            raise ValidationError("targets.no_units", field="weights", group=str(group))
        try:
            out.update(split_by_weights(share, members))
        except ValidationError as e:
            e.params = {**e.params, "group": str(group)}
            raise
    return out


def plan_indicator_split(year: int, indicator: Indicator, shares: Mapping[str, int],
                         month_weights: Sequence[Number] | Mapping[str, Sequence[Number]] = FLAT,
                         weekday_weights: Sequence[Number] = EVERY_DAY,
                         closed: Collection[date] = ()) -> IndicatorPlan:
    """:func:`plan_indicator` from shares already worked out (e.g. by :func:`split_by_groups`):
    each unit's share to months, each month to days."""
    _check_year(year)
    units = []
    for unit, amount in shares.items():
        mw = (month_weights.get(unit, FLAT) if isinstance(month_weights, Mapping)
              else month_weights)
        units.append(plan_unit(year, unit, check_total(amount), mw, weekday_weights, closed))
    return IndicatorPlan(Indicator(indicator), sum(shares.values()), tuple(units))


def seasonality_latest(history: Mapping[Month, int], year: int) -> tuple[int, ...]:
    """Month weights for ``year`` from the latest 12 known months before it, each month's
    figure given to its calendar month (a loss month weighs 0).

    This is "last year's distribution" for a plan made before last year is over: planning 2027
    in November 2026 takes December 2025 and January..October 2026. Fewer than 12 known months
    or all zero → ``targets.no_history`` (``year`` = ``year - 1``).
    """
    _check_year(year)
    series = known_series(history, year)
    if len(series) < 12:
        raise ValidationError("targets.no_history", field="seasonality", year=year - 1)
    weights = [0] * 12
    for (_, m), v in series[-12:]:
        weights[m - 1] = max(0, v)
    if not any(weights):
        raise ValidationError("targets.no_history", field="seasonality", year=year - 1)
    return tuple(weights)
