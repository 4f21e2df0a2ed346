"""incentives tables: pay schemes, assessments, monthly pay runs with their slips and lines,
entries for a month (deductions, adjustments), PK contests and the promotion path.

Exact numbers (rates, caps, shares, attainments, scores) are stored as decimal text ("0.03",
"1.2", "87.50"), never as REAL, and read back with ``domain.incentives.to_ratio``; amounts are
``Money`` (integer fen).

A pay scheme row belongs either to a position (the position's rules) or to one person (the
person's overrides: ``overridden`` lists the fields it sets, every other field is inherited).
``commission`` and ``mentor`` hold a small JSON document, or NULL for "none".

A pay run, once ``status = 'locked'``, is immutable: services refuse to change it and its slips
and lines, and ``opsdesk check`` verifies that each locked run's total is the sum of its slips
and each slip's total the sum of its lines. Corrections go into a later month's run as
adjustments (``pay_entry.kind = 'adjustment'``, ``source`` naming the locked month).
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

RUN_STATUS_SQL = "('draft', 'locked')"
ENTRY_KINDS_SQL = "('deduction', 'adjustment')"
METRICS_SQL = "('visits', 'deals', 'revenue', 'new_members')"


class PayScheme(Base):
    __tablename__ = "pay_scheme"
    __table_args__ = (
        UniqueConstraint("store_id", "position_id"),
        UniqueConstraint("store_id", "staff_id"),
        CheckConstraint("(position_id IS NULL) <> (staff_id IS NULL)", name="owner"),
        CheckConstraint("annual_bonus_month IS NULL OR annual_bonus_month BETWEEN 1 AND 12",
                        name="annual_bonus_month"),
    )
    id: Mapped[int] = pk()
    store_id: Mapped[int] = store_fk()
    position_id: Mapped[int | None] = mapped_column(ForeignKey("position.id"))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    base_pay: Mapped[int | None] = mapped_column(Money)
    responsibility_pay: Mapped[int | None] = mapped_column(Money)
    performance_base: Mapped[int | None] = mapped_column(Money)
    performance_cap: Mapped[str | None] = mapped_column(String(20))
    commission: Mapped[str | None] = mapped_column(Text)  # JSON, NULL: no commission
    new_member_bonus: Mapped[int | None] = mapped_column(Money)
    mentor: Mapped[str | None] = mapped_column(Text)  # JSON, NULL: no mentor rule
    annual_bonus_share: Mapped[str | None] = mapped_column(String(20))
    annual_bonus_month: Mapped[int | None] = mapped_column(Integer)
    overridden: Mapped[str] = mapped_column(String(300), default="")  # person rows
    updated_at: Mapped[datetime] = created_at()
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))


class AssessmentItem(Base):
    """An assessment template: KPI items whose weights add up to 100. ``position_id`` NULL: the
    store's template (for every position without its own); else that position's own template."""

    __tablename__ = "assessment_item"
    __table_args__ = (
        UniqueConstraint("store_id", "position_id", "code"),
        CheckConstraint("source IN ('auto', 'manual')", name="source"),
    )
    id: Mapped[int] = pk()
    store_id: Mapped[int] = store_fk()
    position_id: Mapped[int | None] = mapped_column(ForeignKey("position.id"), index=True)
    code: Mapped[str] = mapped_column(String(40))
    weight: Mapped[str] = mapped_column(String(20))
    source: Mapped[str] = mapped_column(String(10), default="auto")
    cap: Mapped[str] = mapped_column(String(20), default="1.2")
    default_target: Mapped[str] = mapped_column(String(30))  # used when the plan has none
    sort: Mapped[int] = mapped_column(Integer, default=0)


class Assessment(Base):
    """One person's assessment for one month: the score and its per-item breakdown."""

    __tablename__ = "assessment"
    __table_args__ = (UniqueConstraint("store_id", "staff_id", "year", "month"),)
    id: Mapped[int] = pk()
    store_id: Mapped[int] = store_fk()
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    year: Mapped[int] = mapped_column(Integer)
    month: Mapped[int] = mapped_column(Integer)
    score: Mapped[str | None] = mapped_column(String(20))  # NULL: not complete yet
    updated_at: Mapped[datetime] = created_at()
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))


class AssessmentLine(Base):
    __tablename__ = "assessment_line"
    __table_args__ = (UniqueConstraint("assessment_id", "code"),)
    id: Mapped[int] = pk()
    store_id: Mapped[int] = mapped_column(ForeignKey("store.id"))
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessment.id"))
    code: Mapped[str] = mapped_column(String(40))
    source: Mapped[str] = mapped_column(String(10))
    weight: Mapped[str] = mapped_column(String(20))
    cap: Mapped[str] = mapped_column(String(20))
    target: Mapped[str | None] = mapped_column(String(30))
    actual: Mapped[str | None] = mapped_column(String(30))  # NULL: a manual item not scored yet
    score: Mapped[str | None] = mapped_column(String(20))


class PayRun(Base):
    __tablename__ = "pay_run"
    __table_args__ = (
        UniqueConstraint("store_id", "year", "month"),
        CheckConstraint(f"status IN {RUN_STATUS_SQL}", name="status"),
        CheckConstraint("month BETWEEN 1 AND 12", name="month"),
        CheckConstraint("(status = 'locked') = (locked_at IS NOT NULL)", name="locked_at"),
    )
    id: Mapped[int] = pk()
    store_id: Mapped[int] = store_fk()
    year: Mapped[int] = mapped_column(Integer)
    month: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(10), default="draft")
    total: Mapped[int] = mapped_column(Money, default=0)
    slips: Mapped[int] = mapped_column(Integer, default=0)
    notes: Mapped[str] = mapped_column(Text, default="")  # what the draft could not know
    created_at: Mapped[datetime] = created_at()
    created_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    locked_at: Mapped[datetime | None] = mapped_column(DateTime)
    locked_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))


class PaySlip(Base):
    """One person's pay in a run. Names are copied so a locked slip reprints as it was."""

    __tablename__ = "pay_slip"
    __table_args__ = (UniqueConstraint("run_id", "staff_id"),)
    id: Mapped[int] = pk()
    store_id: Mapped[int] = mapped_column(ForeignKey("store.id"))
    run_id: Mapped[int] = mapped_column(ForeignKey("pay_run.id"))
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"), index=True)
    staff_name: Mapped[str] = mapped_column(String(60))
    position: Mapped[str] = mapped_column(String(60), default="")
    department: Mapped[str] = mapped_column(String(60), default="")
    total: Mapped[int] = mapped_column(Money)
    days_employed: Mapped[int] = mapped_column(Integer)
    days_in_month: Mapped[int] = mapped_column(Integer)
    assessment_score: Mapped[str | None] = mapped_column(String(20))
    attainment: Mapped[str | None] = mapped_column(String(30))  # revenue / target; NULL: no plan
    commission_carry_out: Mapped[int] = mapped_column(Money, default=0)
    annual_accrual: Mapped[int] = mapped_column(Money, default=0)  # provision, not paid
    annual_accrued_to_date: Mapped[int] = mapped_column(Money, default=0)
    notes: Mapped[str] = mapped_column(Text, default="")


class PayLine(Base):
    __tablename__ = "pay_line"
    __table_args__ = (
        UniqueConstraint("slip_id", "seq"),
        Index("ix_pay_line_run", "run_id"),
    )
    id: Mapped[int] = pk()
    store_id: Mapped[int] = mapped_column(ForeignKey("store.id"))
    run_id: Mapped[int] = mapped_column(ForeignKey("pay_run.id"))
    slip_id: Mapped[int] = mapped_column(ForeignKey("pay_slip.id"))
    seq: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))
    amount: Mapped[int] = mapped_column(Money)
    basis: Mapped[str] = mapped_column(Text)  # JSON: template id, typed values, parts


class PayEntry(Base):
    """A deduction or an adjustment for one person's month, entered before the run is locked."""

    __tablename__ = "pay_entry"
    __table_args__ = (
        CheckConstraint(f"kind IN {ENTRY_KINDS_SQL}", name="kind"),
        CheckConstraint("amount <> 0", name="amount"),
        CheckConstraint("month BETWEEN 1 AND 12", name="month"),
        Index("ix_pay_entry_month", "store_id", "year", "month"),
    )
    id: Mapped[int] = pk()
    store_id: Mapped[int] = mapped_column(ForeignKey("store.id"))
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    year: Mapped[int] = mapped_column(Integer)
    month: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(12))
    amount: Mapped[int] = mapped_column(Money)  # deduction: > 0, taken off; adjustment: any sign
    reason: Mapped[str] = mapped_column(String(200))
    source: Mapped[str] = mapped_column(String(60), default="")  # adjustment: the month corrected
    created_at: Mapped[datetime] = created_at()
    created_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))


class Contest(Base):
    """A PK contest: people or teams compete on one metric over a period for prizes, which are
    paid in the run of the month the contest ends."""

    __tablename__ = "contest"
    __table_args__ = (
        CheckConstraint(f"metric IN {METRICS_SQL}", name="metric"),
        CheckConstraint("date_from <= date_to", name="period"),
    )
    id: Mapped[int] = pk()
    store_id: Mapped[int] = store_fk()
    name: Mapped[str] = mapped_column(String(60))
    metric: Mapped[str] = mapped_column(String(12))
    date_from: Mapped[date] = mapped_column(Date)
    date_to: Mapped[date] = mapped_column(Date)
    teams: Mapped[bool] = mapped_column(Boolean, default=False)
    prizes: Mapped[str] = mapped_column(String(200))  # fen per rank, comma-separated
    created_at: Mapped[datetime] = created_at()
    created_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))


class ContestParticipant(Base):
    __tablename__ = "contest_participant"
    __table_args__ = (UniqueConstraint("contest_id", "staff_id"),)
    id: Mapped[int] = pk()
    store_id: Mapped[int] = mapped_column(ForeignKey("store.id"))
    contest_id: Mapped[int] = mapped_column(ForeignKey("contest.id"))
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    team: Mapped[str] = mapped_column(String(60), default="")


class PromotionLevel(Base):
    """A level on the promotion path with its criteria (all must hold)."""

    __tablename__ = "promotion_level"
    __table_args__ = (UniqueConstraint("store_id", "code"), UniqueConstraint("store_id", "rank"))
    id: Mapped[int] = pk()
    store_id: Mapped[int] = store_fk()
    code: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(60))
    rank: Mapped[int] = mapped_column(Integer)
    months: Mapped[int | None] = mapped_column(Integer)  # consecutive months at min_attainment
    min_attainment: Mapped[str | None] = mapped_column(String(20))
    min_new_members: Mapped[int | None] = mapped_column(Integer)  # in the quarter to date


class StaffLevel(Base):
    """The level a person holds on the promotion path."""

    __tablename__ = "staff_level"
    __table_args__ = (UniqueConstraint("store_id", "staff_id"),)
    id: Mapped[int] = pk()
    store_id: Mapped[int] = mapped_column(ForeignKey("store.id"))
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    level_code: Mapped[str] = mapped_column(String(40))
    since: Mapped[date] = mapped_column(Date)
