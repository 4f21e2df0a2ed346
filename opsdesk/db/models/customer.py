from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from opsdesk.db.base import Base, created_at, pk, store_fk


class Customer(Base):
    """Any person the shop knows, from lead to repeat customer; a member is one holding a tier."""

    __tablename__ = "customer"
    __table_args__ = (
        Index("ix_customer_store_phone", "store_id", "phone"),
        Index("ix_customer_store_created", "store_id", "created_at"),
    )
    id: Mapped[int] = pk()
    store_id: Mapped[int] = store_fk()
    name: Mapped[str] = mapped_column(String(60))
    phone: Mapped[str] = mapped_column(String(20))
    gender: Mapped[str] = mapped_column(String(1), default="")  # '' | 'f' | 'm'
    birthday: Mapped[date | None] = mapped_column(Date)
    source: Mapped[str] = mapped_column(String(20), default="walk_in")
    referrer_id: Mapped[int | None] = mapped_column(ForeignKey("customer.id"))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), index=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = created_at()
