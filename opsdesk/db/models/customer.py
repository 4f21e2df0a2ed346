from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from opsdesk.db.base import Base, Money, created_at, pk, store_fk


class Customer(Base):
    """Any person the shop knows, from lead to repeat customer; a member is one holding a tier.

    Cached columns, each checked against its source by ``opsdesk check``:
    ``balance_principal`` / ``balance_bonus`` / ``balance_total`` (the stored-value ledger),
    ``lifetime_spend`` and ``last_purchase_at`` (the customer's sales, refunds netted). They exist
    so that the member list can sort and page by them through an index on a million members.
    The search keys (``pinyin_*``, ``phone_last4``) are derived from name and phone on every write.
    """

    __tablename__ = "customer"
    __table_args__ = (
        # A named unique index, not a constraint: SQLite would give a constraint's index an
        # internal name, and the search pins its plans to indexes by name.
        Index("ix_customer_store_card", "store_id", "card_no", unique=True),
        Index("ix_customer_store_phone", "store_id", "phone"),
        Index("ix_customer_store_last4", "store_id", "phone_last4"),
        Index("ix_customer_store_initials", "store_id", "pinyin_initials"),
        Index("ix_customer_store_pinyin", "store_id", "pinyin_full"),
        # Keyset paging: every sort key ends in the id, so a page boundary is exact.
        Index("ix_customer_store_name", "store_id", "name", "id"),
        # ... carrying the staff member: new customers per person counted from the index.
        Index("ix_customer_store_created_id", "store_id", "created_at", "id", "staff_id"),
        Index("ix_customer_store_last_purchase", "store_id", "last_purchase_at", "id"),
        Index("ix_customer_store_balance", "store_id", "balance_total", "id"),
        Index("ix_customer_store_tier", "store_id", "tier_id", "id"),
        Index("ix_customer_store_stage", "store_id", "stage", "id"),
        Index("ix_customer_store_expires", "store_id", "tier_expires_on"),
        Index("ix_customer_referrer", "referrer_id"),
        Index("ix_customer_promoter", "promoter_id"),
        Index("ix_customer_pond", "pond_id"),
    )
    id: Mapped[int] = pk()
    store_id: Mapped[int] = store_fk()
    name: Mapped[str] = mapped_column(String(60))
    phone: Mapped[str] = mapped_column(String(20))
    gender: Mapped[str] = mapped_column(String(1), default="")  # '' | 'f' | 'm'
    birthday: Mapped[date | None] = mapped_column(Date)
    source: Mapped[str] = mapped_column(String(20), default="walk_in")
    referrer_id: Mapped[int | None] = mapped_column(ForeignKey("customer.id"))
    # The promoter or partner pond that brought the customer (promotion tables). A promoter row
    # points back at its customer, hence use_alter: the two tables reference each other.
    promoter_id: Mapped[int | None] = mapped_column(ForeignKey("promoter.id", use_alter=True))
    pond_id: Mapped[int | None] = mapped_column(ForeignKey("pond.id"))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), index=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = created_at()
    card_no: Mapped[str | None] = mapped_column(String(20))
    pinyin_full: Mapped[str] = mapped_column(String(200), default="", server_default="")
    pinyin_initials: Mapped[str] = mapped_column(String(60), default="", server_default="")
    phone_last4: Mapped[str] = mapped_column(String(4), default="", server_default="")
    stage: Mapped[str] = mapped_column(String(12), default="lead", server_default="lead")
    tier_id: Mapped[int | None] = mapped_column(ForeignKey("tier.id"))
    tier_since: Mapped[date | None] = mapped_column(Date)
    tier_expires_on: Mapped[date | None] = mapped_column(Date)
    last_purchase_at: Mapped[datetime | None] = mapped_column(DateTime)
    lifetime_spend: Mapped[int] = mapped_column(Money, default=0, server_default="0")
    balance_principal: Mapped[int] = mapped_column(Money, default=0, server_default="0")
    balance_bonus: Mapped[int] = mapped_column(Money, default=0, server_default="0")
    balance_total: Mapped[int] = mapped_column(Money, default=0, server_default="0")
