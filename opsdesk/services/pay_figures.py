"""The month's figures per person that pay, assessments, contests and the promotion path count
from: one aggregate query each (SQLAlchemy Core, portable to PostgreSQL), never a loop over
customers or sales.

Definitions (the same everywhere a slip, a leaderboard or an assessment shows them):

* **revenue** - the totals of the person's sales (``sale.kind = 'sale'``, ``staff_id``) made in
  the period;
* **refunds** - refunds paid out in the period on sales the person made, whatever month the sale
  was in (a locked month is never reopened: the refund reduces the month it is paid in);
* **cost of sales** - quantity × the product's cost over the sale lines of the person's sales in
  the period, net of refunded lines in the period;
* **deals** - the number of the person's sales in the period (refunds not subtracted);
* **new members** - customers registered in the period with the person as their consultant
  (``customer.staff_id``);
* **visits**, **effective visits**, **second follow-ups**, **new customers** - as
  ``services.visits.norm_counts`` counts them (a new customer is one whose first visit ever the
  person made in the period).

Targets come from the plan (``services.targets.person_month_targets``) when that service exists
and the store has a plan for the month; otherwise :func:`plan_targets` returns ``{}`` and what
depends on attainment is shown as "no target".
"""

from __future__ import annotations

import calendar
import logging
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session, aliased

from opsdesk.db.engine import Database
from opsdesk.db.models import Customer, Product, Sale, SaleLine, Visit
from opsdesk.domain.errors import OpsError
from opsdesk.services.context import Actor

log = logging.getLogger(__name__)

# Names a plan may use for the month's revenue target, first found wins.
REVENUE_KEYS = ("revenue", "sales", "revenue_target")


def month_range(year: int, month: int) -> tuple[datetime, datetime]:
    lo = datetime(year, month, 1)
    hi = datetime(year + 1, 1, 1) if month == 12 else datetime(year, month + 1, 1)
    return lo, hi


def days_range(date_from: date, date_to: date) -> tuple[datetime, datetime]:
    from datetime import timedelta

    return (datetime.combine(date_from, datetime.min.time()),
            datetime.combine(date_to + timedelta(days=1), datetime.min.time()))


def last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


@dataclass
class Figures:
    revenue: dict[int, int] = field(default_factory=dict)
    refunds: dict[int, int] = field(default_factory=dict)
    cost: dict[int, int] = field(default_factory=dict)
    deals: dict[int, int] = field(default_factory=dict)
    new_members: dict[int, int] = field(default_factory=dict)
    visits: dict[int, int] = field(default_factory=dict)
    effective_visits: dict[int, int] = field(default_factory=dict)
    second_follow_ups: dict[int, int] = field(default_factory=dict)
    new_customers: dict[int, int] = field(default_factory=dict)

    def net(self, staff_id: int) -> int:
        return self.revenue.get(staff_id, 0) - self.refunds.get(staff_id, 0)


def sales_by_staff(s: Session, store_id: int, lo: datetime, hi: datetime) -> tuple[
        dict[int, int], dict[int, int]]:
    """(revenue, deals) per person over [lo, hi)."""
    rows = s.execute(select(Sale.staff_id, func.sum(Sale.total), func.count())
                     .where(Sale.store_id == store_id, Sale.kind == "sale", Sale.at >= lo,
                            Sale.at < hi, Sale.staff_id.is_not(None))
                     .group_by(Sale.staff_id)).all()
    return ({r[0]: int(r[1] or 0) for r in rows}, {r[0]: int(r[2]) for r in rows})


def refunds_by_staff(s: Session, store_id: int, lo: datetime, hi: datetime) -> dict[int, int]:
    orig = aliased(Sale)
    rows = s.execute(select(orig.staff_id, func.sum(Sale.total))
                     .join(orig, orig.id == Sale.refunds_id)
                     .where(Sale.store_id == store_id, Sale.kind == "refund", Sale.at >= lo,
                            Sale.at < hi, orig.staff_id.is_not(None))
                     .group_by(orig.staff_id)).all()
    return {r[0]: -int(r[1] or 0) for r in rows}


def cost_by_staff(s: Session, store_id: int, lo: datetime, hi: datetime) -> dict[int, int]:
    orig = aliased(Sale)
    rows = s.execute(select(orig.staff_id, func.sum(SaleLine.quantity * Product.cost))
                     .select_from(SaleLine)
                     .join(Sale, Sale.id == SaleLine.sale_id)
                     .join(orig, orig.id == func.coalesce(Sale.refunds_id, Sale.id))
                     .join(Product, Product.id == SaleLine.product_id)
                     .where(Sale.store_id == store_id, Sale.at >= lo, Sale.at < hi,
                            orig.staff_id.is_not(None))
                     .group_by(orig.staff_id)).all()
    return {r[0]: max(0, int(r[1] or 0)) for r in rows}


def new_members_between(s: Session, store_id: int, lo: datetime, hi: datetime) -> dict[int, int]:
    rows = s.execute(select(Customer.staff_id, func.count())
                     .where(Customer.store_id == store_id, Customer.created_at >= lo,
                            Customer.created_at < hi, Customer.staff_id.is_not(None))
                     .group_by(Customer.staff_id)).all()
    return {r[0]: int(r[1]) for r in rows}


def store_new_members(s: Session, store_id: int, lo: datetime, hi: datetime) -> int:
    """Every member registered in the store over [lo, hi), whoever looks after them."""
    return int(s.scalar(select(func.count()).select_from(Customer).where(
        Customer.store_id == store_id, Customer.created_at >= lo, Customer.created_at < hi)) or 0)


def new_members_by_staff(s: Session, store_id: int, year: int, month: int) -> dict[int, int]:
    return new_members_between(s, store_id, *month_range(year, month))


def visit_norms(s: Session, store_id: int, lo: datetime, hi: datetime) -> dict[int, tuple[
        int, int, int, int]]:
    """(visits, effective, second follow-ups, new customers) per person over [lo, hi)."""
    first = aliased(Visit)
    first_id = (select(first.id).where(first.customer_id == Visit.customer_id)
                .order_by(first.at, first.id).limit(1).scalar_subquery())
    rows = s.execute(select(
        Visit.staff_id, func.count(),
        func.sum(case((Visit.effective.is_(True), 1), else_=0)),
        func.sum(case((Visit.is_second_follow_up.is_(True), 1), else_=0)),
        func.sum(case((Visit.id == first_id, 1), else_=0)))
        .where(Visit.store_id == store_id, Visit.at >= lo, Visit.at < hi)
        .group_by(Visit.staff_id)).all()
    return {r[0]: (int(r[1]), int(r[2] or 0), int(r[3] or 0), int(r[4] or 0)) for r in rows}


def gather(s: Session, store_id: int, lo: datetime, hi: datetime, *, cost: bool = False,
           visits: bool = True) -> Figures:
    f = Figures()
    f.revenue, f.deals = sales_by_staff(s, store_id, lo, hi)
    f.refunds = refunds_by_staff(s, store_id, lo, hi)
    if cost:
        f.cost = cost_by_staff(s, store_id, lo, hi)
    f.new_members = new_members_between(s, store_id, lo, hi)
    if visits:
        for sid, (n, eff, second, new) in visit_norms(s, store_id, lo, hi).items():
            f.visits[sid], f.effective_visits[sid] = n, eff
            f.second_follow_ups[sid], f.new_customers[sid] = second, new
    return f


def plan_targets(db: Database, actor: Actor, year: int, month: int) -> dict[int, dict[str, int]]:
    """The plan's per-person targets for the month, or ``{}`` when there is no plan (or the
    targets service is not there)."""
    try:
        from opsdesk.services import targets
    except ImportError:
        return {}
    fn = getattr(targets, "person_month_targets", None)
    if fn is None:
        return {}
    try:
        got = fn(db, actor, year, month) or {}
    except OpsError as e:
        log.info("no plan targets for %s-%02d: %s", year, month, e.code)
        return {}
    return {int(k): dict(v) for k, v in got.items()}


def revenue_target(targets: dict[str, int] | None) -> int | None:
    if not targets:
        return None
    for k in REVENUE_KEYS:
        v = targets.get(k)
        if v:
            return int(v)
    return None


def employed_clause(first: date, last: date):  # noqa: ANN201
    from opsdesk.db.models import Staff

    return and_((Staff.hire_date.is_(None)) | (Staff.hire_date <= last),
                (Staff.leave_date.is_(None)) | (Staff.leave_date >= first),
                (Staff.active.is_(True)) | (Staff.leave_date.is_not(None)))
