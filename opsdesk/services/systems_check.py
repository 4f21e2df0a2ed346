"""The seven-systems check: collects the facts ``domain.systems_check`` judges.

API: ``run(db, actor, today) -> CheckReport`` (permission ``DASHBOARD_VIEW``; one read
transaction). Parts of the app that keep their records in tables of their own (promotion,
targets, incentives, launches) are looked up only when the database has those tables, so the
check works on a database from before they existed and reports them as not available there.

Counts (``RECENT_DAYS`` = 30, ``QUIET_DAYS`` = 90, counted back from ``today`` included):
top-ups, visits, new customers and sales in the recent days; paying customers (stage customer or
repeat) with no visit in the quiet days; overdue follow-ups (open or snoozed, queue day before
today); member referrals registered in the quiet days.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import Table, and_, func, inspect, or_, select

from opsdesk.db.base import Base
from opsdesk.db.engine import Database
from opsdesk.db.models import (
    Customer,
    FollowUpRuleRow,
    FollowUpTask,
    Offer,
    PipelineStage,
    Product,
    Sale,
    Staff,
    StoredValueEntry,
    Tier,
    TierBonusBracket,
    UpgradeRule,
    Visit,
)
from opsdesk.db.queries import dashboard as q
from opsdesk.domain import systems_check as rules
from opsdesk.domain.followups import RuleKind, default_rules
from opsdesk.domain.roles import Permission
from opsdesk.services import audit
from opsdesk.services.context import Actor
from opsdesk.services.dashboard import at


@dataclass(frozen=True)
class CheckReport:
    today: date
    findings: tuple[rules.Finding, ...]

    @property
    def top_gaps(self) -> tuple[rules.Finding, ...]:
        return rules.top_gaps(self.findings)

    def completeness(self, area: rules.Area) -> tuple[int, int]:
        return rules.completeness(self.findings, area)


def _table(s, name: str) -> Table | None:  # noqa: ANN001
    """A table of another part of the app, if both the code and this database have it."""
    table = Base.metadata.tables.get(name)
    if table is None or not inspect(s.connection()).has_table(name):
        return None
    return table


def _count(s, name: str, store_id: int, *where) -> int | None:  # noqa: ANN001
    t = _table(s, name)
    if t is None:
        return None
    conds = [t.c.store_id == store_id] if "store_id" in t.c else []
    conds += [w(t) for w in where]
    return q.count_rows(s, t, *conds)


def _followup_rules(s, store_id: int) -> tuple[int, bool]:  # noqa: ANN001
    saved = {r.kind: bool(r.enabled) for r in s.scalars(select(FollowUpRuleRow).where(
        FollowUpRuleRow.store_id == store_id))}
    enabled = {d.kind.value: saved.get(d.kind.value, d.enabled) for d in default_rules()}
    return sum(enabled.values()), enabled.get(RuleKind.AFTER_PURCHASE.value, False)


def collect(s, store_id: int, today: date) -> rules.Facts:  # noqa: ANN001
    recent = at(today - timedelta(days=rules.RECENT_DAYS - 1))
    quiet = at(today - timedelta(days=rules.QUIET_DAYS - 1))
    tomorrow = at(today + timedelta(days=1))
    tiers_by_kind = dict(s.execute(select(Tier.kind, func.count()).where(
        Tier.store_id == store_id, Tier.active.is_(True)).group_by(Tier.kind)).all())
    partner = select(Tier.id).where(Tier.store_id == store_id, Tier.active.is_(True),
                                    Tier.kind == "partner")
    with_threshold = q.count_rows(s, Tier.__table__, Tier.id.in_(partner), or_(
        Tier.id.in_(select(TierBonusBracket.tier_id)),
        Tier.id.in_(select(UpgradeRule.target_tier_id).where(
            UpgradeRule.min_single_topup.is_not(None)))))
    roles = dict(s.execute(select(Product.role, func.count()).where(
        Product.store_id == store_id, Product.active.is_(True)).group_by(Product.role)).all())
    rules_on, after_purchase = _followup_rules(s, store_id)
    paying, quiet_n = q.customers_without_contact(s, store_id, quiet)
    this_year = today.year
    prev_month = (today.replace(day=1) - timedelta(days=1))
    return rules.Facts(
        tiers_by_kind={k: int(v) for k, v in tiers_by_kind.items()},
        partner_tiers_with_threshold=with_threshold,
        products_by_role={k: int(v) for k, v in roles.items()},
        topups_recent=q.count_rows(s, StoredValueEntry.__table__,
                                   StoredValueEntry.store_id == store_id,
                                   StoredValueEntry.kind == "topup",
                                   StoredValueEntry.at >= recent, StoredValueEntry.at < tomorrow),
        referral_rules=_count(s, "referral_rule", store_id, lambda t: t.c.active.is_(True)),
        promoters=_count(s, "promoter", store_id, lambda t: t.c.active.is_(True)),
        pond_contracts=_count(s, "pond_contract", store_id),
        channel_spend_rows=_count(s, "channel_spend", store_id),
        stages_with_script=q.count_rows(s, PipelineStage.__table__,
                                        PipelineStage.store_id == store_id,
                                        PipelineStage.script != ""),
        active_offers=q.count_rows(s, Offer.__table__, Offer.store_id == store_id,
                                   Offer.active.is_(True)),
        visits_recent=q.count_rows(s, Visit.__table__, Visit.store_id == store_id,
                                   Visit.at >= recent, Visit.at < tomorrow),
        active_staff=q.count_rows(s, Staff.__table__, Staff.store_id == store_id,
                                  Staff.active.is_(True)),
        staff_without_department=q.count_rows(s, Staff.__table__, Staff.store_id == store_id,
                                              Staff.active.is_(True),
                                              Staff.department_id.is_(None)),
        mentor_pairs=q.count_rows(s, Staff.__table__, Staff.store_id == store_id,
                                  Staff.active.is_(True), Staff.mentor_id.is_not(None)),
        plans_this_year=_count(s, "target_plan", store_id, lambda t: t.c.year == this_year),
        pay_schemes=_count(s, "pay_scheme", store_id),
        assessments_recent=_count(s, "assessment", store_id, lambda t: or_(
            and_(t.c.year == today.year, t.c.month == today.month),
            and_(t.c.year == prev_month.year, t.c.month == prev_month.month))),
        launches=_count(s, "launch", store_id),
        new_customers_recent=q.count_rows(s, Customer.__table__, Customer.store_id == store_id,
                                          Customer.created_at >= recent,
                                          Customer.created_at < tomorrow),
        followup_rules_enabled=rules_on,
        after_purchase_rule_enabled=after_purchase,
        overdue_tasks=q.count_rows(s, FollowUpTask.__table__, FollowUpTask.store_id == store_id,
                                   FollowUpTask.status.in_(("open", "snoozed")),
                                   FollowUpTask.queue_on < today),
        paying_customers=paying,
        quiet_paying_customers=quiet_n,
        repeat_customers=q.count_rows(s, Customer.__table__, Customer.store_id == store_id,
                                      Customer.stage == "repeat"),
        referred_recent=q.count_rows(s, Customer.__table__, Customer.store_id == store_id,
                                     Customer.referrer_id.is_not(None),
                                     Customer.created_at >= quiet,
                                     Customer.created_at < tomorrow),
        sales_recent=q.count_rows(s, Sale.__table__, Sale.store_id == store_id,
                                  Sale.kind == "sale", Sale.at >= recent, Sale.at < tomorrow),
    )


def run(db: Database, actor: Actor, today: date) -> CheckReport:
    audit.require(db, actor, Permission.DASHBOARD_VIEW, "dashboard.systems_check")
    with db.read() as s:
        facts = collect(s, actor.store_id, today)
    return CheckReport(today, rules.check(facts))
