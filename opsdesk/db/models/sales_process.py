"""The sales process: pipeline stages with their scripts and offers, stage history, visits and
follow-up tasks.

The five pipeline stages are the customer lifecycle classes of ``domain.members.Stage``; their
rows only hold what a shop configures (name, goal, script, order). A stage without a row shows
the defaults, so a new store needs no seeding.

``visit.task_id`` and ``followup_task.done_visit_id`` point at each other: a visit may complete a
task, and a done task names the visit that completed it (``opsdesk check`` verifies both sides).

A task's ``key`` is the domain's ``task_key`` (unique per store), which is what makes generation
idempotent; ``queue_on`` is the day the task shows in the work queue: the due date, or the day it
was snoozed to, so the queue is one index range whatever the status history.
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

from opsdesk.db.base import Base, created_at, pk, store_fk
from opsdesk.db.models.customer import Customer

STAGES_SQL = "('lead', 'target', 'qualified', 'customer', 'repeat')"
VISIT_TYPES_SQL = "('call', 'meeting', 'store_visit', 'wechat')"
TASK_STATUS_SQL = "('open', 'done', 'snoozed', 'cancelled')"


class PipelineStage(Base):
    __tablename__ = "pipeline_stage"
    __table_args__ = (
        UniqueConstraint("store_id", "code"),
        CheckConstraint(f"code IN {STAGES_SQL}", name="code"),
    )
    id: Mapped[int] = pk()
    store_id: Mapped[int] = store_fk()
    code: Mapped[str] = mapped_column(String(12))
    name: Mapped[str] = mapped_column(String(40), default="")  # '': the app's label for code
    goal: Mapped[str] = mapped_column(Text, default="")
    script: Mapped[str] = mapped_column(Text, default="")  # rich text (HTML)
    sort: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = created_at()


class Offer(Base):
    """An irresistible offer (主张) used at a stage: price arrangement, gifts, privileges."""

    __tablename__ = "offer"
    __table_args__ = (
        CheckConstraint(f"stage IN {STAGES_SQL}", name="stage"),
        CheckConstraint("valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to",
                        name="valid_dates"),
        Index("ix_offer_store_stage", "store_id", "stage", "sort"),
    )
    id: Mapped[int] = pk()
    store_id: Mapped[int] = mapped_column(ForeignKey("store.id"))
    stage: Mapped[str] = mapped_column(String(12))
    name: Mapped[str] = mapped_column(String(60))
    price_text: Mapped[str] = mapped_column(Text, default="")
    gifts: Mapped[str] = mapped_column(Text, default="")
    privileges: Mapped[str] = mapped_column(Text, default="")
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    sort: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = created_at()


class StageChange(Base):
    """Append-only history of a customer's stage. ``override``: set by hand against the facts
    (purchases), with a reason."""

    __tablename__ = "stage_change"
    __table_args__ = (
        CheckConstraint(f"to_stage IN {STAGES_SQL}", name="to_stage"),
        CheckConstraint("source IN ('manual', 'visit', 'purchase')", name="source"),
        Index("ix_stage_change_customer", "customer_id", "at", "id"),
        Index("ix_stage_change_store_at", "store_id", "at"),
    )
    id: Mapped[int] = pk()
    store_id: Mapped[int] = mapped_column(ForeignKey("store.id"))
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"))
    from_stage: Mapped[str | None] = mapped_column(String(12))
    to_stage: Mapped[str] = mapped_column(String(12))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    at: Mapped[datetime] = mapped_column(DateTime)
    source: Mapped[str] = mapped_column(String(10), default="manual")
    reason: Mapped[str] = mapped_column(String(200), default="")
    override: Mapped[bool] = mapped_column(Boolean, default=False)


class FollowUpRuleRow(Base):
    """A store's settings of one follow-up rule; a rule without a row uses the domain defaults."""

    __tablename__ = "followup_rule"
    __table_args__ = (UniqueConstraint("store_id", "kind"),)
    id: Mapped[int] = pk()
    store_id: Mapped[int] = mapped_column(ForeignKey("store.id"))
    kind: Mapped[str] = mapped_column(String(20))
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    offsets: Mapped[str] = mapped_column(String(100))  # ascending, comma-separated
    updated_at: Mapped[datetime] = created_at()


class FollowUpTask(Base):
    __tablename__ = "followup_task"
    __table_args__ = (
        UniqueConstraint("store_id", "key"),
        CheckConstraint(f"status IN {TASK_STATUS_SQL}", name="status"),
        CheckConstraint("(status = 'done') = (done_visit_id IS NOT NULL)", name="done_visit"),
        Index("ix_followup_task_staff_queue", "staff_id", "status", "queue_on", "id"),
        Index("ix_followup_task_store_queue", "store_id", "status", "queue_on", "id"),
        Index("ix_followup_task_customer", "customer_id", "status"),
    )
    id: Mapped[int] = pk()
    store_id: Mapped[int] = mapped_column(ForeignKey("store.id"))
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    rule: Mapped[str] = mapped_column(String(20))  # a RuleKind, or 'manual'
    key: Mapped[str] = mapped_column(String(120))
    due_on: Mapped[date] = mapped_column(Date)
    queue_on: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(10), default="open")
    snoozed_until: Mapped[date | None] = mapped_column(Date)
    done_visit_id: Mapped[int | None] = mapped_column(
        ForeignKey("visit.id", use_alter=True, name="fk_followup_task_done_visit_id_visit"))
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = created_at()


class FollowUpState(Base):
    """How far task generation has covered one rule of a store: the ``today`` of its last run, the
    rule's settings then (``settings``: a signature; a change re-evaluates the rule in full), and
    the highest ids of the fact rows it had seen. The next run reads only rows above these ids and
    the days that newly entered the rule's window since ``covered_on``."""

    __tablename__ = "followup_state"
    __table_args__ = (UniqueConstraint("store_id", "kind"),)
    id: Mapped[int] = pk()
    store_id: Mapped[int] = mapped_column(ForeignKey("store.id"))
    kind: Mapped[str] = mapped_column(String(20))
    settings: Mapped[str] = mapped_column(String(120))
    covered_on: Mapped[date] = mapped_column(Date)
    sale_id: Mapped[int] = mapped_column(Integer, default=0)
    visit_id: Mapped[int] = mapped_column(Integer, default=0)
    customer_id: Mapped[int] = mapped_column(Integer, default=0)
    stage_change_id: Mapped[int] = mapped_column(Integer, default=0)
    audit_id: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = created_at()


# The follow-up generator finds the birthdays of a day by seeking their dates (one per birth
# year); declared here, beside the generator's other tables, rather than in the customer model.
Index("ix_customer_store_birthday", Customer.store_id, Customer.birthday)


class Visit(Base):
    __tablename__ = "visit"
    __table_args__ = (
        CheckConstraint(f"type IN {VISIT_TYPES_SQL}", name="type"),
        CheckConstraint(f"new_stage IS NULL OR new_stage IN {STAGES_SQL}", name="new_stage"),
        # Keyset paging: every list order ends in the id.
        # ... and carries who and whom, so a period's visits per person and customer are
        # counted from the index alone (dashboard).
        Index("ix_visit_store_at", "store_id", "at", "id", "staff_id", "customer_id"),
        Index("ix_visit_staff_at", "staff_id", "at", "id"),
        Index("ix_visit_customer_at", "customer_id", "at", "id"),
    )
    id: Mapped[int] = pk()
    store_id: Mapped[int] = mapped_column(ForeignKey("store.id"))
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"))
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    at: Mapped[datetime] = mapped_column(DateTime)
    type: Mapped[str] = mapped_column(String(12))
    effective: Mapped[bool] = mapped_column(Boolean, default=False)
    outcome: Mapped[str] = mapped_column(Text, default="")
    new_stage: Mapped[str | None] = mapped_column(String(12))
    next_followup_on: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    is_second_follow_up: Mapped[bool] = mapped_column(Boolean, default=False)
    task_id: Mapped[int | None] = mapped_column(ForeignKey("followup_task.id"))
    logged_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    created_at: Mapped[datetime] = created_at()
