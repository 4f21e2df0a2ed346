"""Stored value and sales: append-only. A correction is a new row linked to the one it undoes.

An operation (a top-up, a sale, a refund...) carries the caller's ``operation_id``; the unique
constraints make a second post of the same operation fail in the database even if a service
forgot to look first, so a double click can never post twice.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from opsdesk.db.base import Base, Money, pk

ENTRY_KINDS = ("topup", "bonus", "spend", "refund", "adjust", "reversal")
PAYMENT_METHODS = ("cash", "wechat", "alipay", "bank_card", "stored_value")


def _store() -> Mapped[int]:
    # No index of its own: these tables are reached through the customer or the sale, and
    # ix_sale_store_at leads with store_id; a millionth-row ledger pays for every index it keeps.
    return mapped_column(ForeignKey("store.id"))


class StoredValueEntry(Base):
    __tablename__ = "stored_value_entry"
    __table_args__ = (
        UniqueConstraint("store_id", "operation_id", "line"),
        CheckConstraint(f"kind IN {ENTRY_KINDS!r}", name="kind"),
        CheckConstraint("(kind = 'reversal') = (reverses_id IS NOT NULL)", name="reversal_link"),
        Index("ix_stored_value_entry_customer", "customer_id", "id"),
        # Top-ups of a period per person (dashboard, plan tracking) without reading the rows.
        Index("ix_stored_value_entry_store_kind_at", "store_id", "kind", "at", "staff_id",
              "principal"),
    )
    id: Mapped[int] = pk()
    store_id: Mapped[int] = _store()
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"))
    kind: Mapped[str] = mapped_column(String(10))
    principal: Mapped[int] = mapped_column(Money)
    bonus: Mapped[int] = mapped_column(Money)
    operation_id: Mapped[str] = mapped_column(String(64))
    line: Mapped[int] = mapped_column(Integer, default=0)  # rows of one operation: 0, 1, ...
    reverses_id: Mapped[int | None] = mapped_column(ForeignKey("stored_value_entry.id"),
                                                    unique=True)
    payment_method: Mapped[str | None] = mapped_column(String(12))  # how a top-up was paid in
    sale_id: Mapped[int | None] = mapped_column(ForeignKey("sale.id"))
    reason: Mapped[str] = mapped_column(String(200), default="")
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    at: Mapped[datetime] = mapped_column(DateTime)


class Sale(Base):
    """A sale, or (``kind = 'refund'``) the reversing sale that refunds one: its lines and totals
    are the original's negated, ``refunds_id`` points at the original, one refund per sale."""

    __tablename__ = "sale"
    __table_args__ = (
        UniqueConstraint("store_id", "operation_id"),
        CheckConstraint("kind IN ('sale', 'refund')", name="kind"),
        CheckConstraint(f"payment_method IN {PAYMENT_METHODS!r}", name="payment_method"),
        CheckConstraint("(kind = 'refund') = (refunds_id IS NOT NULL)", name="refund_link"),
        CheckConstraint("(kind = 'sale' AND total >= 0) OR (kind = 'refund' AND total <= 0)",
                        name="total_sign"),
        Index("ix_sale_customer", "customer_id", "id"),
        # A period's sales per person (dashboard, plan tracking) read from the index alone.
        Index("ix_sale_store_at", "store_id", "at", "staff_id", "kind", "total", "refunds_id",
              "customer_id"),
        # The follow-up generator's per-customer purchase days (latest purchase, superseding).
        Index("ix_sale_customer_at", "customer_id", "at"),
    )
    id: Mapped[int] = pk()
    store_id: Mapped[int] = _store()
    operation_id: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(8), default="sale")
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customer.id"))
    refunds_id: Mapped[int | None] = mapped_column(ForeignKey("sale.id"), unique=True)
    tier_id: Mapped[int | None] = mapped_column(ForeignKey("tier.id"))  # whose discount applied
    list_total: Mapped[int] = mapped_column(Money)
    discount: Mapped[int] = mapped_column(Money)  # list_total - total
    total: Mapped[int] = mapped_column(Money)
    payment_method: Mapped[str] = mapped_column(String(12))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    reason: Mapped[str] = mapped_column(String(200), default="")
    at: Mapped[datetime] = mapped_column(DateTime)


class SaleLine(Base):
    __tablename__ = "sale_line"
    __table_args__ = (
        CheckConstraint("quantity <> 0", name="quantity"),
        # A sale's lines with what gross profit needs, without reading the line rows.
        Index("ix_sale_line_sale_id", "sale_id", "product_id", "quantity", "line_total"),
    )
    id: Mapped[int] = pk()
    store_id: Mapped[int] = _store()
    sale_id: Mapped[int] = mapped_column(ForeignKey("sale.id"))
    product_id: Mapped[int] = mapped_column(ForeignKey("product.id"))
    quantity: Mapped[int] = mapped_column(Integer)
    unit_price: Mapped[int] = mapped_column(Money)  # list price
    discount_units: Mapped[int] = mapped_column(Integer, default=10_000)
    line_total: Mapped[int] = mapped_column(Money)  # what was charged for the line
