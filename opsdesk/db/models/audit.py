from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from opsdesk.db.base import Base, pk


class AuditEntry(Base):
    """Append-only. Each entry's ``hash`` covers its content and the previous entry's hash, so an
    edit or deletion made outside the app breaks the chain and ``opsdesk check`` reports it."""

    __tablename__ = "audit_entry"
    id: Mapped[int] = pk()
    store_id: Mapped[int | None] = mapped_column(ForeignKey("store.id"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    action: Mapped[str] = mapped_column(String(60))
    outcome: Mapped[str] = mapped_column(String(10))  # ok | refused
    target: Mapped[str] = mapped_column(String(100), default="")
    detail: Mapped[str] = mapped_column(Text, default="{}")  # canonical JSON
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
