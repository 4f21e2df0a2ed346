from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from opsdesk.db.base import Base, created_at, pk


class Store(Base):
    """One shop. Every row of business data carries its ``store_id`` so a chain shares one database."""

    __tablename__ = "store"
    id: Mapped[int] = pk()
    name: Mapped[str] = mapped_column(String(100))
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    country: Mapped[str] = mapped_column(String(2), default="CN")  # ISO 3166: phone rules
    created_at: Mapped[datetime] = created_at()


class Setting(Base):
    """Business settings of a store (UI preferences live in QSettings instead)."""

    __tablename__ = "setting"
    __table_args__ = (UniqueConstraint("store_id", "key"),)
    id: Mapped[int] = pk()
    store_id: Mapped[int] = mapped_column(ForeignKey("store.id"))
    key: Mapped[str] = mapped_column(String(100))
    value: Mapped[str] = mapped_column(Text)
