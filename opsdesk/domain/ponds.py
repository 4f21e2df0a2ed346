"""Partner ponds (鱼塘): contract terms with a partner business and the monthly settlement of
what the shop owes its owner (塘主).

The pond owner hands over their customers; the shop pays for them by the :class:`PondTerms`:
a fee per customer registered, a share of those customers' spend for their first M months, and a
monthly minimum, all within the contract's validity.

Formulas (:func:`settle_month`, one calendar month)
---------------------------------------------------
* **Coverage**: the days of the month inside the validity ``[valid_from, valid_to]`` (both
  inclusive; ``valid_to = None``: open-ended). ``covered_days`` of ``days_in_month``; a month the
  contract does not touch owes nothing.
* **Covered customer**: a customer of the pond registered on a day inside the validity. One
  registered before the contract or after its end was not handed over under it.
* **Fee** = ``fee_per_customer × covered customers registered in the month``.
* **Share window** of a customer registered on ``R``: ``[R, add_months(R, M))``, the same day of
  the month M months later, excluded (clamped to the month's last day when that day does not
  exist: 31 January + 1 month ends on 28/29 February). Spend is taken by its date, so the
  window and the validity are exact to the day, whatever day the customer registered.
* **Share base** of a customer = ``max(0, Σ their spend dated in the month, in their window and
  in the validity)``. Spend is net (a refund is a negative amount on its own day); a customer's
  month never counts below zero, so one customer's refund cannot cut the pond's share of another.
  A refund in a later month of a sale settled in a locked month is not taken back from the pond:
  that month is closed (corrections go into the next settlement as agreed with the owner).
* **Share** = ``round_half_up(Σ share bases × share_rate)``, rounded once; each customer's line
  gets a part of it by :func:`opsdesk.domain.money.split` in proportion to their base, so the
  lines add up to the share exactly.
* **Minimum** (prorated) = ``round_half_up(monthly_minimum × covered_days / days_in_month)``: a
  contract that starts or ends mid-month guarantees the minimum only for the days it runs.
* **Owed** = ``max(fee + share, minimum)``; ``minimum_topup = owed − (fee + share)`` (>= 0).
  Nothing is negative: fees, rates and minimums are >= 0 and bases are floored at 0.
* **Conversion** (:func:`pond_conversion`): ``paying / handed over`` among the pond's customers
  (optionally those registered in a date range); ``None`` when none were handed over.

Locking a settlement is the service's business (a locked month is immutable); the helpers
:func:`settlement_period`, :func:`period_of` and :func:`check_settleable` give it one definition
of a period and of when it may be settled.

Error codes (``ValidationError.code``; :func:`validate_terms` raises them together as
``validation.fields``), suggested English messages:

* ``pond.validity_invalid`` - "The contract ends before it starts."
* ``pond.rate_negative`` (``rate``) - "The revenue share cannot be negative."
* ``pond.rate_over_100`` (``rate``) - "The revenue share cannot exceed 100%."
* ``rate.invalid`` (``text``) - "Enter a number such as 0.1 or 10%."
* ``pond.share_months_invalid`` (``min``, ``max``) - "Enter a number of months from {min} to
  {max}."
* ``pond.share_months_required`` - "A revenue share needs the number of months it runs."
* ``pond.month_invalid`` - "Choose a month from 1 to 12 of a year from 1900 to 9999."
* ``pond.duplicate_customer`` (``customer``) - "A customer is listed twice."
* ``pond.unknown_customer`` (``customer``) - "Spend was given for a customer who is not the
  pond's."
* ``pond.settlement_locked`` (``year``, ``month``) - "The settlement of {year}-{month} is locked;
  corrections go into the next month."
* ``pond.period_not_ended`` (``year``, ``month``) - "{year}-{month} has not ended yet."
* ``money.invalid`` / ``money.negative`` / ``money.too_large`` - as in
  :mod:`opsdesk.domain.money` (fee, minimum, a spend amount).
"""

from __future__ import annotations

import calendar
from collections.abc import Collection, Hashable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from opsdesk.domain.errors import Collector, ValidationError
from opsdesk.domain.incentives import Ratio, to_ratio
from opsdesk.domain.money import check_amount, round_half_up, split

CustomerId = Hashable
MAX_SHARE_MONTHS = 120


# ----------------------------------------------------------------------------- periods


@dataclass(frozen=True, order=True)
class Period:
    """A calendar month: the unit of settlement."""

    year: int
    month: int

    @property
    def first(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def last(self) -> date:
        return date(self.year, self.month, self.days)

    @property
    def days(self) -> int:
        return calendar.monthrange(self.year, self.month)[1]

    def contains(self, day: date) -> bool:
        return (day.year, day.month) == (self.year, self.month)

    def next(self) -> Period:
        return Period(self.year + self.month // 12, self.month % 12 + 1)

    def previous(self) -> Period:
        return Period(self.year - (self.month == 1), (self.month - 2) % 12 + 1)


def settlement_period(year: int, month: int) -> Period:
    """The period of ``year``-``month``, checked."""
    for v in (year, month):
        if isinstance(v, bool) or not isinstance(v, int):
            raise ValidationError("pond.month_invalid", field="month")
    if not (1 <= month <= 12 and 1900 <= year <= 9999):
        raise ValidationError("pond.month_invalid", field="month")
    return Period(year, month)


def period_of(day: date) -> Period:
    return Period(day.year, day.month)


def check_settleable(period: Period, today: date, locked: Collection[Period] = ()) -> None:
    """A month may be settled once it has ended (``today > last day``) and while it is not
    locked."""
    if period in locked:
        raise ValidationError("pond.settlement_locked", field="month", year=period.year,
                              month=period.month)
    if today <= period.last:
        raise ValidationError("pond.period_not_ended", field="month", year=period.year,
                              month=period.month)


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, clamped to the last day of a shorter month."""
    m = day.month - 1 + months
    y, m = day.year + m // 12, m % 12 + 1
    return date(y, m, min(day.day, calendar.monthrange(y, m)[1]))


# ----------------------------------------------------------------------------- terms


@dataclass(frozen=True)
class PondTerms:
    valid_from: date
    valid_to: date | None = None  # inclusive; None: no end
    fee_per_customer: int = 0  # fen per customer registered
    share_rate: Ratio = 0  # of the customers' spend, 0.1 = 10 %
    share_months: int = 0  # M: months of each customer's spend that are shared
    monthly_minimum: int = 0  # fen owed at least for a whole month of validity

    def valid_on(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)


def _check_rate(value: Ratio) -> Fraction:
    r = to_ratio(value, field="share_rate")
    if r < 0:
        raise ValidationError("pond.rate_negative", field="share_rate", rate=str(value))
    if r > 1:
        raise ValidationError("pond.rate_over_100", field="share_rate", rate=str(value))
    return r


def _check_months(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) \
            or not 0 <= value <= MAX_SHARE_MONTHS:
        raise ValidationError("pond.share_months_invalid", field="share_months", min=0,
                              max=MAX_SHARE_MONTHS)
    return value


def _check_validity(terms: PondTerms) -> None:
    if terms.valid_to is not None and terms.valid_to < terms.valid_from:
        raise ValidationError("pond.validity_invalid", field="valid_to")


def validate_terms(terms: PondTerms) -> Fraction:
    """Check every field; returns the exact share rate. Raises ``FieldErrors``."""
    c = Collector()
    c.take("valid_to", _check_validity, terms)
    c.take("fee_per_customer", check_amount, terms.fee_per_customer, field="fee_per_customer")
    c.take("monthly_minimum", check_amount, terms.monthly_minimum, field="monthly_minimum")
    rate = c.take("share_rate", _check_rate, terms.share_rate)
    months = c.take("share_months", _check_months, terms.share_months)
    if rate and months == 0:
        c.errors.setdefault("share_months", ValidationError("pond.share_months_required",
                                                            field="share_months"))
    c.done()
    assert rate is not None
    return rate


# ----------------------------------------------------------------------------- settlement


@dataclass(frozen=True)
class PondCustomer:
    customer_id: CustomerId
    registered_on: date


@dataclass(frozen=True)
class Spend:
    customer_id: CustomerId
    on: date
    amount: int  # fen, net paid that day; a refund is negative


@dataclass(frozen=True)
class SettlementLine:
    customer_id: CustomerId
    registered_on: date
    new: bool  # registered (and covered) this month: a fee is due
    fee: int
    share_base: int  # max(0, spend in the window and the validity this month)
    share: int


@dataclass(frozen=True)
class PondSettlement:
    period: Period
    covered_days: int
    new_customers: int
    fee_total: int
    share_base: int
    share_rate: Fraction
    share: int
    minimum: int  # prorated to the covered days
    minimum_topup: int  # what the minimum adds: owed − (fee_total + share)
    owed: int
    lines: tuple[SettlementLine, ...]  # customers with a fee or a share base, by registration

    @property
    def subtotal(self) -> int:
        return self.fee_total + self.share


def covered_days(terms: PondTerms, period: Period) -> int:
    """Days of ``period`` inside the validity."""
    start = max(period.first, terms.valid_from)
    end = period.last if terms.valid_to is None else min(period.last, terms.valid_to)
    return max(0, (end - start).days + 1)


def share_window(terms: PondTerms, registered_on: date) -> tuple[date, date]:
    """``[start, end)`` of a customer's shared spend."""
    return registered_on, add_months(registered_on, terms.share_months)


def settle_month(terms: PondTerms, period: Period, customers: Sequence[PondCustomer],
                 spend: Iterable[Spend]) -> PondSettlement:
    """What the shop owes the pond for ``period`` (formulas in the module docstring).

    ``customers``: every customer handed over by the pond (any registration date); ``spend``:
    their spend, any dates (only the period's counts)."""
    rate = validate_terms(terms)
    period = settlement_period(period.year, period.month)
    by_id: dict[CustomerId, PondCustomer] = {}
    for c in customers:
        if c.customer_id in by_id:
            raise ValidationError("pond.duplicate_customer", field="customers",
                                  customer=str(c.customer_id))
        by_id[c.customer_id] = c
    base: dict[CustomerId, int] = {}
    for s in spend:
        if s.customer_id not in by_id:
            raise ValidationError("pond.unknown_customer", field="spend",
                                  customer=str(s.customer_id))
        check_amount(s.amount, allow_negative=True, field="spend")
        c = by_id[s.customer_id]
        lo, hi = share_window(terms, c.registered_on)
        if (period.contains(s.on) and terms.valid_on(c.registered_on) and terms.valid_on(s.on)
                and lo <= s.on < hi):
            base[s.customer_id] = base.get(s.customer_id, 0) + s.amount
    days = covered_days(terms, period)
    if rate == 0:
        base.clear()
    rows: list[tuple[PondCustomer, bool, int]] = []
    for c in sorted(by_id.values(), key=lambda c: (c.registered_on, str(c.customer_id))):
        new = period.contains(c.registered_on) and terms.valid_on(c.registered_on)
        b = max(0, base.get(c.customer_id, 0))
        if new or b:
            rows.append((c, new, b))
    share_base = sum(b for _, _, b in rows)
    share = round_half_up(share_base * rate)
    parts = split(share, [b for _, _, b in rows]) if share else [0] * len(rows)
    lines = tuple(
        SettlementLine(c.customer_id, c.registered_on, new, terms.fee_per_customer if new else 0,
                       b, part)
        for (c, new, b), part in zip(rows, parts, strict=True))
    new_count = sum(1 for line in lines if line.new)
    fee_total = new_count * terms.fee_per_customer
    minimum = round_half_up(Fraction(terms.monthly_minimum * days, period.days))
    owed = max(fee_total + share, minimum)
    return PondSettlement(period, days, new_count, fee_total, share_base, rate, share, minimum,
                          owed - fee_total - share, owed, lines)


def contract_periods(terms: PondTerms, until: date) -> tuple[Period, ...]:
    """The months the contract touches, from its first up to the month of ``until`` (or of
    ``valid_to`` if earlier): the settlements a pond has or will have."""
    end = until if terms.valid_to is None else min(until, terms.valid_to)
    out: list[Period] = []
    p = period_of(terms.valid_from)
    while p.first <= end:
        out.append(p)
        p = p.next()
    return tuple(out)


# ----------------------------------------------------------------------------- conversion


@dataclass(frozen=True)
class Conversion:
    handed_over: int
    paying: int
    rate: Fraction | None  # paying / handed_over


def pond_conversion(customers: Iterable[PondCustomer], paying: Collection[CustomerId],
                    start: date | None = None, end: date | None = None) -> Conversion:
    """How many of the pond's customers (registered in ``[start, end]`` when given) became
    paying customers; ``paying`` holds the ids of customers with at least one paid purchase."""
    handed = conv = 0
    for c in customers:
        if (start and c.registered_on < start) or (end and c.registered_on > end):
            continue
        handed += 1
        conv += c.customer_id in paying
    return Conversion(handed, conv, Fraction(conv, handed) if handed else None)
