"""Channel economics: spend per channel per month, and acquisition cost per new paying customer by
channel with the first-30-day and first-year spend of new customers (``domain.channels``).

A channel is the customer's source (walk-in, member referral, promoter, pond, launch, other);
spend is recorded against a channel with its kind (ads, event, flyer, other). The cost of a
channel in a period adds, besides the spend, what the promotion systems cost there: promoters'
commission net of clawbacks (promoter), pond settlements locked for the months of the period
(pond) and referral bonuses net of reversals (member referral).

API for screens (each call one transaction):

* ``set_spend(db, actor, SpendInput) -> SpendRow`` - manager or owner (``channels.manage``); one
  amount per channel, kind and month (setting it again replaces it; 0 clears it).
* ``spend_table(db, actor, year) -> list[SpendRow]``.
* ``acquisition(db, actor, start, end) -> Acquisition`` - cost per new paying customer by
  channel, and early spend by channel of the customers registered in the period.

Error codes: ``channel.key_invalid`` (``channel``), ``channel.spend_kind_invalid`` (``kind``),
``channel.period_invalid`` (``end``), ``channel.period_too_long`` (``end``, param ``max``),
``pond.month_invalid`` (``month``), ``money.*`` (``amount``), ``text.*`` (``note``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from sqlalchemy import func, select

from opsdesk.db import clock
from opsdesk.db.engine import Database
from opsdesk.db.models import Customer, Sale
from opsdesk.db.models.promotion import (
    ChannelSpend,
    CommissionEntry,
    PondSettlement,
    ReferralReward,
)
from opsdesk.domain.channels import (
    ChannelCost,
    ChannelCustomer,
    CostItem,
    CostKind,
    EarlySpend,
    Purchase,
    acquisition_costs,
    early_spend,
)
from opsdesk.domain.errors import Collector, ValidationError
from opsdesk.domain.members import Source
from opsdesk.domain.money import check_amount
from opsdesk.domain.ponds import settlement_period
from opsdesk.domain.roles import Permission
from opsdesk.domain.text import clean_text
from opsdesk.services import audit
from opsdesk.services.context import Actor

MAX_DAYS = 731  # the early-spend figures read every sale of the period's new customers


class SpendKind(StrEnum):
    ADS = "ads"
    EVENT = "event"
    FLYER = "flyer"
    OTHER = "other"


@dataclass(frozen=True)
class SpendInput:
    channel: Source | str
    kind: SpendKind | str
    year: int
    month: int
    amount: int
    note: str = ""


@dataclass(frozen=True)
class SpendRow:
    id: int
    channel: Source
    kind: SpendKind
    year: int
    month: int
    amount: int
    note: str


def _check_channel(value: object) -> Source:
    try:
        return Source(value)
    except ValueError:
        raise ValidationError("channel.key_invalid", field="channel") from None


def _check_kind(value: object) -> SpendKind:
    try:
        return SpendKind(value)
    except ValueError:
        raise ValidationError("channel.spend_kind_invalid", field="kind") from None


def set_spend(db: Database, actor: Actor, data: SpendInput) -> SpendRow | None:
    audit.require(db, actor, Permission.CHANNELS_MANAGE, "channel.spend")
    c = Collector()
    channel = c.take("channel", _check_channel, data.channel)
    kind = c.take("kind", _check_kind, data.kind)
    c.take("month", settlement_period, data.year, data.month)
    c.take("amount", check_amount, data.amount, field="amount")
    note = c.take("note", clean_text, data.note, field="note", max_len=200)
    c.done()
    with db.write() as s:
        row = s.scalars(select(ChannelSpend).where(
            ChannelSpend.store_id == actor.store_id, ChannelSpend.channel == channel.value,
            ChannelSpend.kind == kind.value, ChannelSpend.year == data.year,
            ChannelSpend.month == data.month)).first()
        before = row.amount if row is not None else 0
        if row is None:
            row = ChannelSpend(store_id=actor.store_id, channel=channel.value, kind=kind.value,
                               year=data.year, month=data.month)
            s.add(row)
        row.amount, row.note, row.staff_id = data.amount, note, actor.staff_id
        row.updated_at = clock.now()
        s.flush()
        audit.record_as(s, actor, "channel.spend", f"channel_spend:{row.id}", {
            "channel": channel.value, "kind": kind.value, "year": data.year,
            "month": data.month, "amount": [before, data.amount]})
        return SpendRow(row.id, channel, kind, row.year, row.month, row.amount, row.note)


def spend_table(db: Database, actor: Actor, year: int) -> list[SpendRow]:
    audit.require(db, actor, Permission.CHANNELS_MANAGE, "channel.view")
    settlement_period(year, 1)
    with db.read() as s:
        return [SpendRow(r.id, Source(r.channel), SpendKind(r.kind), r.year, r.month, r.amount,
                         r.note)
                for r in s.scalars(select(ChannelSpend).where(
                    ChannelSpend.store_id == actor.store_id, ChannelSpend.year == year,
                    ChannelSpend.amount > 0)
                    .order_by(ChannelSpend.channel, ChannelSpend.kind, ChannelSpend.month))]


@dataclass(frozen=True)
class Acquisition:
    start: date
    end: date
    costs: tuple[ChannelCost, ...]
    early: tuple[EarlySpend, ...]
    as_of: date


def _months(start: date, end: date) -> list[tuple[int, int]]:
    out, y, m = [], start.year, start.month
    while (y, m) <= (end.year, end.month):
        out.append((y, m))
        y, m = y + m // 12, m % 12 + 1
    return out


def acquisition(db: Database, actor: Actor, start: date, end: date) -> Acquisition:
    """Spend is taken for the whole months the period touches (spend is recorded by month);
    pond fees for the locked months the period touches; commissions and rewards by their day."""
    audit.require(db, actor, Permission.CHANNELS_MANAGE, "channel.view")
    if end < start:
        raise ValidationError("channel.period_invalid", field="end")
    if (end - start).days > MAX_DAYS:
        raise ValidationError("channel.period_too_long", field="end", max=MAX_DAYS)
    lo = datetime.combine(start, datetime.min.time())
    hi = datetime.combine(end + timedelta(days=1), datetime.min.time())
    months = _months(start, end)
    store = actor.store_id
    as_of = clock.now().date()
    items: list[CostItem] = []
    with db.read() as s:
        for (y, m) in months:
            for ch, amount in s.execute(select(ChannelSpend.channel, func.sum(ChannelSpend.amount))
                                        .where(ChannelSpend.store_id == store,
                                               ChannelSpend.year == y, ChannelSpend.month == m)
                                        .group_by(ChannelSpend.channel)):
                items.append(CostItem(ch, CostKind.SPEND, int(amount or 0)))
            fees = s.scalar(select(func.sum(PondSettlement.owed)).where(
                PondSettlement.store_id == store, PondSettlement.year == y,
                PondSettlement.month == m))
            if fees:
                items.append(CostItem(Source.POND.value, CostKind.POND_FEE, int(fees)))
        commission = s.scalar(select(func.sum(CommissionEntry.amount)).where(
            CommissionEntry.store_id == store, CommissionEntry.kind != "payout",
            CommissionEntry.posted_on >= start, CommissionEntry.posted_on <= end))
        if commission and commission > 0:
            items.append(CostItem(Source.PROMOTER.value, CostKind.COMMISSION, int(commission)))
        rewards = s.scalar(select(func.sum(ReferralReward.bonus)).where(
            ReferralReward.store_id == store, ReferralReward.at >= lo, ReferralReward.at < hi))
        if rewards and rewards > 0:
            items.append(CostItem(Source.MEMBER_REFERRAL.value, CostKind.REFERRAL_REWARD,
                                  int(rewards)))
        # New paying customers: first paid purchase in the period, counted per source in SQL.
        first = (select(Sale.customer_id, func.min(Sale.at).label("first_at"))
                 .where(Sale.store_id == store, Sale.kind == "sale", Sale.total > 0,
                        Sale.customer_id.is_not(None))
                 .group_by(Sale.customer_id).subquery())
        paying = s.execute(select(Customer.source, func.count()).join(
            first, first.c.customer_id == Customer.id).where(
            first.c.first_at >= lo, first.c.first_at < hi).group_by(Customer.source)).all()
        customers: list[ChannelCustomer] = []
        n = 0
        for source, count in paying:
            for _ in range(int(count)):
                n += 1
                customers.append(ChannelCustomer(("paying", n), source, start, start))
        costs = acquisition_costs(items, customers, start, end)
        cohort = [ChannelCustomer(cid, src, at.date()) for cid, src, at in s.execute(
            select(Customer.id, Customer.source, Customer.created_at).where(
                Customer.store_id == store, Customer.created_at >= lo,
                Customer.created_at < hi))]
        year_end = datetime.combine(end + timedelta(days=367), datetime.min.time())
        purchases = []
        ids = [c.customer_id for c in cohort]
        for i in range(0, len(ids), 500):
            for cid, at, total in s.execute(select(Sale.customer_id, Sale.at, Sale.total).where(
                    Sale.customer_id.in_(ids[i:i + 500]), Sale.at < year_end)):
                purchases.append(Purchase(cid, at.date(), total))
    return Acquisition(start, end, costs, early_spend(cohort, purchases, as_of), as_of)
