from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from opsdesk.db.base import Base, created_at, pk, store_fk

ROLES = ("owner", "manager", "front_desk", "sales")


class Department(Base):
    """指标保障 / 计划追踪 / 后勤保障 by default; ``kind`` keeps the meaning when the name is edited."""

    __tablename__ = "department"
    __table_args__ = (UniqueConstraint("store_id", "name"),)
    id: Mapped[int] = pk()
    store_id: Mapped[int] = store_fk()
    name: Mapped[str] = mapped_column(String(60))
    kind: Mapped[str] = mapped_column(String(30), default="custom")
    sort: Mapped[int] = mapped_column(Integer, default=0)


class Position(Base):
    """A post in the organisation (店长, 顾问, 前台…) with its duties; pay schemes hang on it."""

    __tablename__ = "position"
    __table_args__ = (UniqueConstraint("store_id", "name"),)
    id: Mapped[int] = pk()
    store_id: Mapped[int] = store_fk()
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"), index=True)
    name: Mapped[str] = mapped_column(String(60))
    duties: Mapped[str] = mapped_column(Text, default="")
    sort: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(default=True)


class Staff(Base):
    __tablename__ = "staff"
    __table_args__ = (
        UniqueConstraint("store_id", "login"),
        CheckConstraint(f"role IN {ROLES!r}", name="role"),
        CheckConstraint("failed_logins >= 0", name="failed_logins"),
    )
    id: Mapped[int] = pk()
    store_id: Mapped[int] = store_fk()
    name: Mapped[str] = mapped_column(String(60))
    login: Mapped[str] = mapped_column(String(40))
    role: Mapped[str] = mapped_column(String(20))
    secret_hash: Mapped[str] = mapped_column(String(200))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"), index=True)
    position: Mapped[str] = mapped_column(String(60), default="")
    # The structured post; ``position`` above stays as the free-text title shown on slips.
    position_id: Mapped[int | None] = mapped_column(ForeignKey("position.id"), index=True)
    mentor_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    phone: Mapped[str] = mapped_column(String(20), default="")
    hire_date: Mapped[date | None] = mapped_column(Date)
    leave_date: Mapped[date | None] = mapped_column(Date)
    active: Mapped[bool] = mapped_column(default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = created_at()
