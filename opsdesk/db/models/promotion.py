"""Promotion tables: referral reward rules and rewards, promoters with their levels and the
commission ledger, partner ponds with contracts and locked monthly settlements, channel spend.

Append-only: ``referral_reward`` (a reversal is a new row pointing at the grant),
``commission_entry`` (clawbacks and payouts are new rows), ``pond_settlement`` and its lines (a
row exists only once the month is locked, and is never changed). Rules, levels, ponds, contracts
and channel spend are settings the shop edits; what was computed from them keeps its own figures.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from opsdesk.db.base import Base, Money, created_at, pk, store_fk


class ReferralRule(Base):
    """One reward rule; saving a rule set retires the old rows (``active = False``) so that a
    reward keeps pointing at the rule that granted it."""

    __tablename__ = "referral_rule"
    __table_args__ = (
        CheckConstraint("trigger IN ('first_topup', 'first_purchase')", name="trigger"),
        CheckConstraint("min_amount > 0 AND bonus >= 0", name="amounts"),
    )
    id: Mapped[int] = pk()
    store_id: Mapped[int] = store_fk()
    trigger: Mapped[str] = mapped_column(String(16))
    min_amount: Mapped[int] = mapped_column(Money)
    bonus: Mapped[int] = mapped_column(Money, default=0)
    gift: Mapped[str] = mapped_column(String(100), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = created_at()


class ReferralReward(Base):
    """A reward granted to a referrer (``kind = 'grant'``, bonus > 0 or a gift) or its reversal
    (``kind = 'reversal'``, bonus <= 0, ``reverses_id`` set). One grant and at most one reversal
    per referred customer and trigger."""

    __tablename__ = "referral_reward"
    __table_args__ = (
        UniqueConstraint("store_id", "customer_id", "trigger", "kind"),
        CheckConstraint("kind IN ('grant', 'reversal')", name="kind"),
        CheckConstraint("(kind = 'reversal') = (reverses_id IS NOT NULL)", name="reversal_link"),
        CheckConstraint("(kind = 'grant' AND bonus >= 0) OR (kind = 'reversal' AND bonus <= 0)",
                        name="bonus_sign"),
        Index("ix_referral_reward_referrer", "referrer_id", "id"),
        Index("ix_referral_reward_store_at", "store_id", "at"),
    )
    id: Mapped[int] = pk()
    store_id: Mapped[int] = store_fk()
    kind: Mapped[str] = mapped_column(String(10))
    referrer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"))
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"))
    trigger: Mapped[str] = mapped_column(String(16))
    rule_id: Mapped[int | None] = mapped_column(ForeignKey("referral_rule.id"))
    min_amount: Mapped[int] = mapped_column(Money)
    qualifying_amount: Mapped[int] = mapped_column(Money)
    bonus: Mapped[int] = mapped_column(Money)
    gift: Mapped[str] = mapped_column(String(100), default="")
    written_off: Mapped[int] = mapped_column(Money, default=0)
    gift_to_return: Mapped[bool] = mapped_column(Boolean, default=False)
    payment_operation_id: Mapped[str] = mapped_column(String(64))  # the qualifying payment
    sv_operation_id: Mapped[str | None] = mapped_column(String(64))  # the bonus posting
    reverses_id: Mapped[int | None] = mapped_column(ForeignKey("referral_reward.id"), unique=True)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    at: Mapped[datetime] = mapped_column(DateTime)


class PromoterLevel(Base):
    """A promoter level and its commission plan. ``brackets`` is JSON ``[[lower, upper, rate],
    ...]`` with bounds in fen (upper ``null`` for the last) and rates as exact decimal text."""

    __tablename__ = "promoter_level"
    __table_args__ = (
        UniqueConstraint("store_id", "name"),
        CheckConstraint("mode IN ('step', 'marginal')", name="mode"),
        CheckConstraint("scope IN ('first', 'all')", name="scope"),
        CheckConstraint("member_bonus_on IN ('first_purchase', 'registration')",
                        name="member_bonus_on"),
        CheckConstraint("enrolment_fee >= 0 AND per_new_member >= 0", name="amounts"),
    )
    id: Mapped[int] = pk()
    store_id: Mapped[int] = store_fk()
    name: Mapped[str] = mapped_column(String(40))
    rank: Mapped[int] = mapped_column(Integer)
    enrolment_fee: Mapped[int] = mapped_column(Money, default=0)
    product_id: Mapped[int | None] = mapped_column(ForeignKey("product.id"))  # the fee's product
    brackets: Mapped[str] = mapped_column(Text)
    mode: Mapped[str] = mapped_column(String(10), default="step")
    window_days: Mapped[int | None] = mapped_column(Integer)
    scope: Mapped[str] = mapped_column(String(8), default="all")
    per_new_member: Mapped[int] = mapped_column(Money, default=0)
    member_bonus_on: Mapped[str] = mapped_column(String(16), default="first_purchase")
    refund_window_days: Mapped[int] = mapped_column(Integer, default=7)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[datetime] = created_at()


class Promoter(Base):
    __tablename__ = "promoter"
    __table_args__ = (UniqueConstraint("customer_id"),)
    id: Mapped[int] = pk()
    store_id: Mapped[int] = store_fk()
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"))
    level_id: Mapped[int] = mapped_column(ForeignKey("promoter_level.id"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    enrolled_at: Mapped[datetime] = mapped_column(DateTime)
    enrolment_sale_id: Mapped[int | None] = mapped_column(ForeignKey("sale.id"))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))


class CommissionEntry(Base):
    """The commission ledger: accruals (> 0, with ``source`` and ``available_on``), clawbacks
    (< 0, ``reverses_id`` the accrual they reduce) and payouts (< 0, with ``method``)."""

    __tablename__ = "commission_entry"
    __table_args__ = (
        UniqueConstraint("store_id", "operation_id", "line"),
        CheckConstraint("kind IN ('accrual', 'clawback', 'payout')", name="kind"),
        CheckConstraint("(kind = 'accrual' AND amount > 0) OR (kind <> 'accrual' AND amount < 0)",
                        name="amount_sign"),
        CheckConstraint("(kind = 'clawback') = (reverses_id IS NOT NULL)", name="clawback_link"),
        CheckConstraint("(kind = 'payout') = (method IS NOT NULL)", name="payout_method"),
        Index("ix_commission_entry_promoter", "promoter_id", "id"),
        Index("ix_commission_entry_sale", "sale_id"),
        Index("ix_commission_entry_store_posted", "store_id", "posted_on"),
    )
    id: Mapped[int] = pk()
    store_id: Mapped[int] = store_fk()
    promoter_id: Mapped[int] = mapped_column(ForeignKey("promoter.id"))
    kind: Mapped[str] = mapped_column(String(10))
    amount: Mapped[int] = mapped_column(Money)
    posted_on: Mapped[date] = mapped_column(Date)
    available_on: Mapped[date | None] = mapped_column(Date)
    source: Mapped[str | None] = mapped_column(String(40))  # "sale:12" | "registration:34"
    sale_id: Mapped[int | None] = mapped_column(ForeignKey("sale.id"))
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customer.id"))  # referred
    eligible_amount: Mapped[int] = mapped_column(Money, default=0)
    rate_amount: Mapped[int] = mapped_column(Money, default=0)
    member_bonus: Mapped[int] = mapped_column(Money, default=0)
    method: Mapped[str | None] = mapped_column(String(12))
    reverses_id: Mapped[int | None] = mapped_column(ForeignKey("commission_entry.id"))
    operation_id: Mapped[str] = mapped_column(String(64))
    line: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str] = mapped_column(String(200), default="")
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    at: Mapped[datetime] = mapped_column(DateTime)


class Pond(Base):
    __tablename__ = "pond"
    __table_args__ = (UniqueConstraint("store_id", "name"),)
    id: Mapped[int] = pk()
    store_id: Mapped[int] = store_fk()
    name: Mapped[str] = mapped_column(String(60))
    owner: Mapped[str] = mapped_column(String(60), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = created_at()


class PondContract(Base):
    __tablename__ = "pond_contract"
    __table_args__ = (
        CheckConstraint("valid_to IS NULL OR valid_from <= valid_to", name="validity"),
        CheckConstraint("fee_per_customer >= 0 AND monthly_minimum >= 0 AND share_months >= 0",
                        name="amounts"),
        Index("ix_pond_contract_pond", "pond_id", "valid_from"),
    )
    id: Mapped[int] = pk()
    store_id: Mapped[int] = store_fk()
    pond_id: Mapped[int] = mapped_column(ForeignKey("pond.id"))
    valid_from: Mapped[date] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)
    fee_per_customer: Mapped[int] = mapped_column(Money, default=0)
    share_rate: Mapped[str] = mapped_column(String(20), default="0")  # exact decimal text
    share_months: Mapped[int] = mapped_column(Integer, default=0)
    monthly_minimum: Mapped[int] = mapped_column(Money, default=0)
    created_at: Mapped[datetime] = created_at()


class PondSettlement(Base):
    """A locked month of a pond: written once, never changed."""

    __tablename__ = "pond_settlement"
    __table_args__ = (
        UniqueConstraint("pond_id", "year", "month"),
        UniqueConstraint("store_id", "operation_id"),
        CheckConstraint("owed = fee_total + share + minimum_topup", name="owed"),
        CheckConstraint("fee_total >= 0 AND share >= 0 AND minimum_topup >= 0", name="amounts"),
    )
    id: Mapped[int] = pk()
    store_id: Mapped[int] = store_fk()
    pond_id: Mapped[int] = mapped_column(ForeignKey("pond.id"))
    year: Mapped[int] = mapped_column(Integer)
    month: Mapped[int] = mapped_column(Integer)
    covered_days: Mapped[int] = mapped_column(Integer)
    new_customers: Mapped[int] = mapped_column(Integer)
    fee_total: Mapped[int] = mapped_column(Money)
    share_base: Mapped[int] = mapped_column(Money)
    share: Mapped[int] = mapped_column(Money)
    minimum: Mapped[int] = mapped_column(Money)
    minimum_topup: Mapped[int] = mapped_column(Money)
    owed: Mapped[int] = mapped_column(Money)
    operation_id: Mapped[str] = mapped_column(String(64))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    locked_at: Mapped[datetime] = mapped_column(DateTime)


class PondSettlementLine(Base):
    __tablename__ = "pond_settlement_line"
    id: Mapped[int] = pk()
    store_id: Mapped[int] = mapped_column(ForeignKey("store.id"))
    settlement_id: Mapped[int] = mapped_column(ForeignKey("pond_settlement.id"), index=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("pond_contract.id"))
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"))
    registered_on: Mapped[date] = mapped_column(Date)
    new: Mapped[bool] = mapped_column(Boolean)
    fee: Mapped[int] = mapped_column(Money)
    share_base: Mapped[int] = mapped_column(Money)
    share: Mapped[int] = mapped_column(Money)


class ChannelSpend(Base):
    """What the shop paid for a channel in a month (ads, events, flyers, ...)."""

    __tablename__ = "channel_spend"
    __table_args__ = (
        UniqueConstraint("store_id", "channel", "kind", "year", "month"),
        CheckConstraint("amount >= 0", name="amount"),
    )
    id: Mapped[int] = pk()
    store_id: Mapped[int] = store_fk()
    channel: Mapped[str] = mapped_column(String(20))  # a customer source
    kind: Mapped[str] = mapped_column(String(12))  # ads | event | flyer | other
    year: Mapped[int] = mapped_column(Integer)
    month: Mapped[int] = mapped_column(Integer)
    amount: Mapped[int] = mapped_column(Money)
    note: Mapped[str] = mapped_column(String(200), default="")
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    updated_at: Mapped[datetime] = created_at()
