"""The year's plan (年度目标分解) and its versions.

A plan is saved whole and never edited: a revision is a new ``target_plan`` row with the next
``version`` for the same store and year, so every earlier plan stays readable. The *current*
plan of a year is the one with the highest version.

``target_plan_month`` holds one row per indicator, person and month: the month's amount and its
days (``days``: the day amounts, 1st first, comma separated; they add up to ``amount``). The
department a person belonged to when the plan was made is kept on the row, so a department's
target is the sum of its rows even after someone moves. ``settings`` is the wizard's choices as
JSON (year total per indicator, baselines, weight source, seasonality, weekday weights, closed
days) so a revision can start from them.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from opsdesk.db.base import Base, Money, created_at, pk, store_fk

INDICATORS_SQL = "('revenue', 'gross_profit', 'new_members', 'deals', 'topups')"


class TargetPlan(Base):
    __tablename__ = "target_plan"
    __table_args__ = (
        UniqueConstraint("store_id", "year", "version"),
        CheckConstraint("version >= 1", name="version"),
        CheckConstraint("year >= 1 AND year <= 9999", name="year"),
    )
    id: Mapped[int] = pk()
    store_id: Mapped[int] = store_fk()
    year: Mapped[int] = mapped_column(Integer)
    version: Mapped[int] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(String(200), default="")
    settings: Mapped[str] = mapped_column(Text, default="{}")
    created_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    created_at: Mapped[datetime] = created_at()


class TargetPlanMonth(Base):
    __tablename__ = "target_plan_month"
    __table_args__ = (
        UniqueConstraint("plan_id", "indicator", "staff_id", "month"),
        CheckConstraint(f"indicator IN {INDICATORS_SQL}", name="indicator"),
        CheckConstraint("month >= 1 AND month <= 12", name="month"),
        CheckConstraint("amount >= 0", name="amount"),
        Index("ix_target_plan_month_plan_month", "plan_id", "month"),
    )
    id: Mapped[int] = pk()
    plan_id: Mapped[int] = mapped_column(ForeignKey("target_plan.id"))
    indicator: Mapped[str] = mapped_column(String(16))
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"), index=True)
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"))
    month: Mapped[int] = mapped_column(Integer)
    amount: Mapped[int] = mapped_column(Money)  # fen for money indicators, units for counts
    days: Mapped[str] = mapped_column(Text)
