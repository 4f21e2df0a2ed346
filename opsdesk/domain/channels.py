"""Channel economics (seed 002): what a new paying customer costs by channel, and what new
customers spend in their first 30 days and their first year.

A **channel** is the way a customer came: the three promotion systems (:data:`REFERRAL`,
:data:`PROMOTER`, :data:`POND`) and whatever the shop records spend for (ads, events, printed
flyers, walk-in). It is a plain string key so a shop can add its own; a service may also use
finer keys such as ``"pond:3"``.

Formulas
--------
* **New paying customer** of a channel in a period ``[start, end]``: a customer of that channel
  whose *first paid purchase* falls in the period. Each customer is counted once, in the period
  they started paying, so the months of a year add up to the year.
* **Cost** of a channel in the period = ``spend + commissions + pond fees + referral rewards``
  attributed to it (:class:`CostItem` rows, summed; every item >= 0: pass net figures).
* **Acquisition cost** = ``round_half_up(cost / new paying customers)`` in fen; ``None`` when the
  channel won no paying customer (never a division by zero). A channel with customers and no
  cost costs 0 per customer.
* **First 30 days** of a customer registered on ``R``: the days ``R .. R + 29`` (30 calendar
  days, the registration day being the first). **First year**: from ``R`` up to the day before
  the first anniversary (29 February's anniversary in a common year is 1 March).
* **Spend per new customer** (:func:`early_spend`), by channel, optionally by cohort month (the
  month of registration): only customers whose window has ended by ``as_of`` count (a window
  still running would understate the figure); ``per_customer = round_half_up(spend / customers)``
  over every such customer, ``per_paying = round_half_up(spend / paying)`` over those who spent
  more than 0 in the window; each ``None`` when its count is 0. Spend is net of refunds (a refund
  is a negative amount on its own day); dated before the registration it is ignored.

Error codes (``ValidationError.code``), suggested English messages:

* ``channel.period_invalid`` - "The period ends before it starts."
* ``channel.key_invalid`` - "Choose a channel."
* ``channel.cost_kind_invalid`` - "Choose the kind of cost."
* ``channel.duplicate_customer`` (``customer``) - "A customer is listed twice."
* ``money.invalid`` / ``money.negative`` / ``money.too_large`` - as in
  :mod:`opsdesk.domain.money` (a cost item or a spend amount).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from fractions import Fraction

from opsdesk.domain.errors import ValidationError
from opsdesk.domain.money import check_amount, round_half_up

CustomerId = Hashable

REFERRAL = "referral"  # member referral (裂变)
PROMOTER = "promoter"  # 推广员
POND = "pond"  # 鱼塘
FIRST_DAYS = 30


class CostKind(StrEnum):
    SPEND = "spend"  # ads, events, flyers: what the shop paid out for the channel
    COMMISSION = "commission"  # promoters' commission accrued net of clawbacks
    POND_FEE = "pond_fee"  # pond settlements
    REFERRAL_REWARD = "referral_reward"  # referral rewards net of reversals


@dataclass(frozen=True)
class CostItem:
    channel: str
    kind: CostKind
    amount: int  # fen, >= 0, already limited to the period by the caller


@dataclass(frozen=True)
class ChannelCustomer:
    customer_id: CustomerId
    channel: str
    registered_on: date
    first_paid_on: date | None = None  # None: has not paid yet


@dataclass(frozen=True)
class ChannelCost:
    channel: str
    spend: int
    commissions: int
    pond_fees: int
    referral_rewards: int
    new_paying: int
    per_customer: int | None  # round_half_up(total / new_paying); None for no customer

    @property
    def total(self) -> int:
        return self.spend + self.commissions + self.pond_fees + self.referral_rewards


def _check_channel(key: object) -> str:
    if not isinstance(key, str) or not key.strip():
        raise ValidationError("channel.key_invalid", field="channel")
    return key


def _check_period(start: date, end: date) -> None:
    if end < start:
        raise ValidationError("channel.period_invalid", field="end")


def per_head(total: int, count: int) -> int | None:
    """``round_half_up(total / count)``; ``None`` when ``count`` is 0."""
    return round_half_up(Fraction(total, count)) if count else None


def acquisition_costs(costs: Iterable[CostItem], customers: Iterable[ChannelCustomer],
                      start: date, end: date) -> tuple[ChannelCost, ...]:
    """Acquisition cost per new paying customer for every channel that had a cost or a new
    paying customer in ``[start, end]`` (formulas in the module docstring), by channel key."""
    _check_period(start, end)
    sums: dict[str, dict[CostKind, int]] = defaultdict(lambda: dict.fromkeys(CostKind, 0))
    for item in costs:
        channel = _check_channel(item.channel)
        try:
            kind = CostKind(item.kind)
        except ValueError:
            raise ValidationError("channel.cost_kind_invalid", field="kind") from None
        check_amount(item.amount, field="amount")
        sums[channel][kind] += item.amount
    paying: dict[str, int] = defaultdict(int)
    seen: set[CustomerId] = set()
    for c in customers:
        if c.customer_id in seen:
            raise ValidationError("channel.duplicate_customer", customer=str(c.customer_id))
        seen.add(c.customer_id)
        channel = _check_channel(c.channel)
        if c.first_paid_on is not None and start <= c.first_paid_on <= end:
            paying[channel] += 1
    out = []
    for channel in sorted(set(sums) | set(paying)):
        s = sums[channel]
        n = paying.get(channel, 0)
        total = sum(s.values())
        out.append(ChannelCost(channel, s[CostKind.SPEND], s[CostKind.COMMISSION],
                               s[CostKind.POND_FEE], s[CostKind.REFERRAL_REWARD], n,
                               per_head(total, n)))
    return tuple(out)


# ----------------------------------------------------------------------------- early spend


@dataclass(frozen=True)
class Purchase:
    customer_id: CustomerId
    on: date
    amount: int  # fen, net paid that day; a refund is negative


def anniversary(day: date) -> date:
    """The same date a year later; 29 February -> 1 March in a common year."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return date(day.year + 1, 3, 1)


def first_days_end(registered_on: date, days: int = FIRST_DAYS) -> date:
    """The first day after the first ``days`` days (registration day included)."""
    return registered_on + timedelta(days=days)


@dataclass(frozen=True)
class SpendFigure:
    customers: int  # customers whose window has ended by as_of
    paying: int  # of those, the ones who spent more than 0 in it
    spend: int  # their spend in the window, fen
    per_customer: int | None
    per_paying: int | None


@dataclass(frozen=True)
class EarlySpend:
    channel: str
    cohort: tuple[int, int] | None  # (year, month) of registration; None: every cohort
    registered: int  # customers of the group, whatever their window
    first_30_days: SpendFigure
    first_year: SpendFigure


def _figure(totals: Sequence[int]) -> SpendFigure:
    spend = sum(totals)
    paying = sum(1 for t in totals if t > 0)
    return SpendFigure(len(totals), paying, spend, per_head(spend, len(totals)),
                       per_head(spend, paying))


def early_spend(customers: Iterable[ChannelCustomer], purchases: Iterable[Purchase],
                as_of: date, *, by_cohort: bool = False) -> tuple[EarlySpend, ...]:
    """First-30-day and first-year spend per new customer, by channel (and cohort month when
    ``by_cohort``); formulas in the module docstring. Purchases of customers not listed are
    ignored, so the caller may pass a wider list."""
    by_id: dict[CustomerId, ChannelCustomer] = {}
    for c in customers:
        if c.customer_id in by_id:
            raise ValidationError("channel.duplicate_customer", customer=str(c.customer_id))
        _check_channel(c.channel)
        by_id[c.customer_id] = c
    in30: dict[CustomerId, int] = defaultdict(int)
    in_year: dict[CustomerId, int] = defaultdict(int)
    for p in purchases:
        c = by_id.get(p.customer_id)
        if c is None:
            continue
        check_amount(p.amount, allow_negative=True, field="amount")
        if p.on < c.registered_on:
            continue
        if p.on < first_days_end(c.registered_on):
            in30[p.customer_id] += p.amount
        if p.on < anniversary(c.registered_on):
            in_year[p.customer_id] += p.amount
    groups: dict[tuple[str, tuple[int, int] | None], list[ChannelCustomer]] = defaultdict(list)
    for c in by_id.values():
        cohort = (c.registered_on.year, c.registered_on.month) if by_cohort else None
        groups[(c.channel, cohort)].append(c)
    out = []
    for (channel, cohort), members in sorted(groups.items(),
                                             key=lambda kv: (kv[0][0], kv[0][1] or (0, 0))):
        t30 = [in30[c.customer_id] for c in members
               if first_days_end(c.registered_on) <= as_of + timedelta(days=1)]
        ty = [in_year[c.customer_id] for c in members
              if anniversary(c.registered_on) <= as_of + timedelta(days=1)]
        out.append(EarlySpend(channel, cohort, len(members), _figure(t30), _figure(ty)))
    return tuple(out)
