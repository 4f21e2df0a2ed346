"""The member ladder and the product matrix.

Bonus brackets are child rows rather than a JSON text column: each amount is a typed ``Money``
column that refuses a float, a check constraint keeps both amounts positive, and ``opsdesk check``
and reports can read them with plain SQL. The ladder is configuration, not a ledger: saving it
replaces a tier's brackets. Tiers are never deleted (history and sales point at them); a tier taken
off the ladder is made inactive.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
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


class Tier(Base):
    __tablename__ = "tier"
    __table_args__ = (
        CheckConstraint("kind IN ('bait', 'regular', 'partner')", name="kind"),
        CheckConstraint("discount_units > 0 AND discount_units <= 10000", name="discount"),
        CheckConstraint("price >= 0", name="price"),
    )
    id: Mapped[int] = pk()
    store_id: Mapped[int] = store_fk()
    kind: Mapped[str] = mapped_column(String(10))
    name: Mapped[str] = mapped_column(String(40))
    rank: Mapped[int] = mapped_column(Integer)
    price: Mapped[int] = mapped_column(Money, default=0)
    validity_days: Mapped[int | None] = mapped_column(Integer)
    # Ten-thousandths of the price paid: 8800 is "8.8折" (domain.tiers.discount_to_units).
    discount_units: Mapped[int] = mapped_column(Integer, default=10_000)
    privileges: Mapped[str] = mapped_column(Text, default="")
    fallback_tier_id: Mapped[int | None] = mapped_column(ForeignKey("tier.id"))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = created_at()


class TierBonusBracket(Base):
    __tablename__ = "tier_bonus_bracket"
    __table_args__ = (
        UniqueConstraint("tier_id", "min_topup"),
        CheckConstraint("min_topup > 0 AND bonus > 0 AND bonus <= min_topup", name="amounts"),
    )
    id: Mapped[int] = pk()
    store_id: Mapped[int] = store_fk()
    tier_id: Mapped[int] = mapped_column(ForeignKey("tier.id"), index=True)
    min_topup: Mapped[int] = mapped_column(Money)
    bonus: Mapped[int] = mapped_column(Money)


class UpgradeRule(Base):
    __tablename__ = "upgrade_rule"
    __table_args__ = (
        CheckConstraint("min_cumulative_spend IS NOT NULL OR min_single_topup IS NOT NULL",
                        name="trigger"),
    )
    id: Mapped[int] = pk()
    store_id: Mapped[int] = store_fk()
    target_tier_id: Mapped[int] = mapped_column(ForeignKey("tier.id"))
    from_tier_id: Mapped[int | None] = mapped_column(ForeignKey("tier.id"))
    min_cumulative_spend: Mapped[int | None] = mapped_column(Money)
    min_single_topup: Mapped[int | None] = mapped_column(Money)
    sort: Mapped[int] = mapped_column(Integer, default=0)


class Product(Base):
    __tablename__ = "product"
    __table_args__ = (
        CheckConstraint("role IN ('traffic', 'hit', 'profit', 'brand')", name="role"),
        CheckConstraint("kind IN ('product', 'service', 'membership')", name="kind"),
        CheckConstraint("(kind = 'membership') = (tier_id IS NOT NULL)", name="membership_tier"),
        CheckConstraint("price >= 0 AND cost >= 0", name="amounts"),
        Index("ix_product_store_active_role", "store_id", "active", "role"),
    )
    id: Mapped[int] = pk()
    store_id: Mapped[int] = store_fk()
    name: Mapped[str] = mapped_column(String(60))
    kind: Mapped[str] = mapped_column(String(12))
    role: Mapped[str] = mapped_column(String(10))
    price: Mapped[int] = mapped_column(Money)
    cost: Mapped[int] = mapped_column(Money, default=0)
    tier_id: Mapped[int | None] = mapped_column(ForeignKey("tier.id"))
    active: Mapped[bool] = mapped_column(default=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = created_at()


def _store() -> Mapped[int]:
    # Reached through the customer; ix_tier_change_operation leads with store_id.
    return mapped_column(ForeignKey("store.id"))


class TierChange(Base):
    """History of a customer's tier: purchases of a membership, upgrades, lapses, refunds."""

    __tablename__ = "tier_change"
    __table_args__ = (
        CheckConstraint(
            "reason IN ('membership', 'upgrade_spend', 'upgrade_topup', 'lapse', 'refund', "
            "'registration')", name="reason"),
        Index("ix_tier_change_customer", "customer_id", "id"),
        Index("ix_tier_change_operation", "store_id", "operation_id"),
    )
    id: Mapped[int] = pk()
    store_id: Mapped[int] = _store()
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"))
    at: Mapped[datetime] = mapped_column(DateTime)
    from_tier_id: Mapped[int | None] = mapped_column(ForeignKey("tier.id"))
    to_tier_id: Mapped[int | None] = mapped_column(ForeignKey("tier.id"))
    expires_on: Mapped[date | None] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(String(20))
    operation_id: Mapped[str | None] = mapped_column(String(64))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
