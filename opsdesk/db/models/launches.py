"""Launches (发售): a launch's terms, its money rows and its waiting list.

Two append-only ledgers, per launch and customer:

* ``launch_payment``: money that is revenue at once or paid back: entry fees (``entry``, >= 0; 0
  for a free entry, which still records that the customer entered), refunds of them
  (``entry_refund``, < 0, ``refunds_id`` names the fee) and the deal's balance payment
  (``balance``, >= 0; 0 when the deposit was the whole price).
* ``launch_deposit``: deposits held until they become revenue or are refunded, in the signed
  kinds of ``domain.launches.DepositKind``. ``held`` is the sum; ``opsdesk check`` replays it.

Launch money is kept apart from ``sale``: a launch refunds part of a fee or a deposit by the
window it falls in, and a sale only refunds whole. What came from a member's stored value is
posted on the stored-value ledger in the same transaction, under the same operation id.

Refund shares are stored in basis points (10000 = 100 %), exact for any share the editor takes.
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

from opsdesk.db.base import Base, Money, created_at, pk

LAUNCH_STATUS_SQL = "('draft', 'open', 'closed')"
PAYMENT_KINDS_SQL = "('entry', 'entry_refund', 'balance')"
DEPOSIT_KINDS_SQL = "('deposit', 'refund', 'forfeited', 'applied')"
METHODS_SQL = "('cash', 'wechat', 'alipay', 'bank_card', 'stored_value')"
WAIT_STATUS_SQL = "('waiting', 'offered', 'locked', 'withdrawn')"


class Launch(Base):
    __tablename__ = "launch"
    __table_args__ = (
        CheckConstraint(f"status IN {LAUNCH_STATUS_SQL}", name="status"),
        CheckConstraint("entry_fee >= 0 AND deposit > 0 AND deposit <= price", name="amounts"),
        CheckConstraint("capacity IS NULL OR capacity >= 1", name="capacity"),
        CheckConstraint("entry_opens <= lock_deadline AND lock_deadline < delivery",
                        name="dates"),
        CheckConstraint("0 <= entry_refund_after_bp AND entry_refund_after_bp <= "
                        "entry_refund_until_bp AND entry_refund_until_bp <= 10000",
                        name="entry_refund"),
        CheckConstraint("0 <= deposit_refund_after_bp AND deposit_refund_after_bp <= "
                        "deposit_refund_until_bp AND deposit_refund_until_bp <= 10000",
                        name="deposit_refund"),
        Index("ix_launch_store_status", "store_id", "status", "entry_opens"),
    )
    id: Mapped[int] = pk()
    store_id: Mapped[int] = mapped_column(ForeignKey("store.id"))
    name: Mapped[str] = mapped_column(String(60))
    product_id: Mapped[int | None] = mapped_column(ForeignKey("product.id"))
    product_text: Mapped[str] = mapped_column(String(200), default="")  # what is pre-sold
    status: Mapped[str] = mapped_column(String(8), default="draft")
    entry_opens: Mapped[date] = mapped_column(Date)
    lock_deadline: Mapped[date] = mapped_column(Date)
    delivery: Mapped[date] = mapped_column(Date)
    entry_fee: Mapped[int] = mapped_column(Money)
    deposit: Mapped[int] = mapped_column(Money)
    price: Mapped[int] = mapped_column(Money)
    capacity: Mapped[int | None] = mapped_column(Integer)
    requires_lock: Mapped[bool] = mapped_column(Boolean, default=True)
    entry_refund_until_bp: Mapped[int] = mapped_column(Integer, default=10000)
    entry_refund_after_bp: Mapped[int] = mapped_column(Integer, default=0)
    deposit_refund_until_bp: Mapped[int] = mapped_column(Integer, default=10000)
    deposit_refund_after_bp: Mapped[int] = mapped_column(Integer, default=5000)
    # Early locks: those made on or before early_until get the gifts and privileges.
    early_until: Mapped[date | None] = mapped_column(Date)
    early_gifts: Mapped[str] = mapped_column(Text, default="")
    early_privileges: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    created_at: Mapped[datetime] = created_at()


class LaunchPayment(Base):
    __tablename__ = "launch_payment"
    __table_args__ = (
        UniqueConstraint("store_id", "operation_id"),
        CheckConstraint(f"kind IN {PAYMENT_KINDS_SQL}", name="kind"),
        CheckConstraint(f"payment_method IN {METHODS_SQL}", name="payment_method"),
        CheckConstraint("(amount = 0) = (payment_method IS NULL)", name="method_when_paid"),
        CheckConstraint("(kind = 'entry_refund' AND amount < 0 AND refunds_id IS NOT NULL) OR "
                        "(kind <> 'entry_refund' AND amount >= 0 AND refunds_id IS NULL)",
                        name="sign"),
        Index("ix_launch_payment_launch", "launch_id", "customer_id", "id"),
    )
    id: Mapped[int] = pk()
    store_id: Mapped[int] = mapped_column(ForeignKey("store.id"))
    launch_id: Mapped[int] = mapped_column(ForeignKey("launch.id"))
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"))
    kind: Mapped[str] = mapped_column(String(12))
    amount: Mapped[int] = mapped_column(Money)
    payment_method: Mapped[str | None] = mapped_column(String(12))  # none when nothing was paid
    refunds_id: Mapped[int | None] = mapped_column(ForeignKey("launch_payment.id"))
    operation_id: Mapped[str] = mapped_column(String(64))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))  # credited seller
    recorded_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    reason: Mapped[str] = mapped_column(String(200), default="")
    at: Mapped[datetime] = mapped_column(DateTime)


class LaunchDeposit(Base):
    __tablename__ = "launch_deposit"
    __table_args__ = (
        UniqueConstraint("store_id", "operation_id", "line"),
        CheckConstraint(f"kind IN {DEPOSIT_KINDS_SQL}", name="kind"),
        CheckConstraint("(kind = 'deposit' AND amount > 0) OR (kind <> 'deposit' AND amount < 0)",
                        name="sign"),
        CheckConstraint(f"payment_method IS NULL OR payment_method IN {METHODS_SQL}",
                        name="payment_method"),
        Index("ix_launch_deposit_launch", "launch_id", "customer_id", "id"),
    )
    id: Mapped[int] = pk()
    store_id: Mapped[int] = mapped_column(ForeignKey("store.id"))
    launch_id: Mapped[int] = mapped_column(ForeignKey("launch.id"))
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"))
    kind: Mapped[str] = mapped_column(String(10))
    amount: Mapped[int] = mapped_column(Money)
    # How the deposit came in, or how a refund went out (forfeits and applications: none).
    payment_method: Mapped[str | None] = mapped_column(String(12))
    operation_id: Mapped[str] = mapped_column(String(64))
    line: Mapped[int] = mapped_column(Integer, default=0)
    early: Mapped[bool] = mapped_column(Boolean, default=False)  # a lock within early_until
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    recorded_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    reason: Mapped[str] = mapped_column(String(200), default="")
    at: Mapped[datetime] = mapped_column(DateTime)


class LaunchWaitlist(Base):
    """Customers who asked for a lock when the launch was full, first come first served.
    ``offered``: a seat freed and is kept for them until they lock or withdraw."""

    __tablename__ = "launch_waitlist"
    __table_args__ = (
        CheckConstraint(f"status IN {WAIT_STATUS_SQL}", name="status"),
        Index("ix_launch_waitlist_launch", "launch_id", "status", "id"),
    )
    id: Mapped[int] = pk()
    store_id: Mapped[int] = mapped_column(ForeignKey("store.id"))
    launch_id: Mapped[int] = mapped_column(ForeignKey("launch.id"))
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    status: Mapped[str] = mapped_column(String(10), default="waiting")
    at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    # The lock request that queued the customer, so its retry is recognised (None: queued by
    # the demo or before operation ids were kept here).
    operation_id: Mapped[str | None] = mapped_column(String(64))
