"""Roles and what each may do. The service layer checks these; the UI only hides what is refused.

The matrix follows PRODUCT.md "Who uses it": the front desk never sees pay and deletes nothing;
sales staff see only their own pay and targets; a manager cannot change locked pay runs.
"""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    OWNER = "owner"
    MANAGER = "manager"
    FRONT_DESK = "front_desk"
    SALES = "sales"


class Permission(StrEnum):
    STAFF_VIEW = "staff.view"
    STAFF_MANAGE = "staff.manage"  # create, edit, deactivate people
    ROLES_MANAGE = "roles.manage"  # give or take a role (owner only)
    STORE_SETTINGS = "store.settings"
    BACKUP = "db.backup"
    RESTORE = "db.restore"
    AUDIT_VIEW = "audit.view"
    PAY_VIEW = "pay.view"
    PAY_MANAGE = "pay.manage"
    LADDER_MANAGE = "ladder.manage"  # tiers, bonus brackets, upgrade rules (owner only)
    PRODUCTS_MANAGE = "products.manage"
    MEMBERS_VIEW = "members.view"
    MEMBERS_REGISTER = "members.register"
    MEMBERS_EDIT = "members.edit"
    STORED_VALUE_TOPUP = "stored_value.topup"
    STORED_VALUE_SPEND = "stored_value.spend"
    STORED_VALUE_REFUND = "stored_value.refund"  # money paid back out of the till
    STORED_VALUE_REVERSE = "stored_value.reverse"
    STORED_VALUE_ADJUST = "stored_value.adjust"  # owner only, reason required
    SALES_SELL = "sales.sell"
    SALES_REFUND = "sales.refund"
    TIERS_RUN_LAPSES = "tiers.run_lapses"
    # The sales process. Logging and working follow-ups are everyone's; seeing and steering the
    # team's work is a manager's (sales staff see their own by default).
    PIPELINE_MANAGE = "pipeline.manage"  # stages, scripts, offers
    STAGE_SET = "pipeline.set_stage"
    VISITS_LOG = "visits.log"  # a visit one made oneself
    VISITS_LOG_OTHERS = "visits.log_others"  # on behalf of a colleague (the front desk does)
    VISITS_VIEW_TEAM = "visits.view_team"
    FOLLOWUPS_RULES = "followups.rules"
    FOLLOWUPS_GENERATE = "followups.generate"
    FOLLOWUPS_WORK = "followups.work"  # complete and snooze one's own tasks
    FOLLOWUPS_TEAM = "followups.team"  # the team's queue, others' tasks, reassigning
    HANDOVER = "staff.handover"
    # Organisation and targets. Everyone sees their own targets; the team's plan is a manager's.
    ORG_MANAGE = "org.manage"  # departments and positions
    TARGETS_VIEW = "targets.view"  # one's own targets and tracking
    TARGETS_VIEW_TEAM = "targets.view_team"
    TARGETS_MANAGE = "targets.manage"  # the year's plan, its versions, the capacity planner
    # Incentives. PAY_VIEW / PAY_MANAGE above cover everyone's pay; these are the rest.
    PAY_VIEW_OWN = "pay.view_own"
    CONTESTS_MANAGE = "contests.manage"
    ASSESSMENTS_SCORE = "assessments.score"  # the team's assessments; manual items by hand
    # Promotion.
    REFERRALS_MANAGE = "referrals.manage"  # reward rules
    PROMOTERS_MANAGE = "promoters.manage"  # enrolment, levels, commission plans
    PROMOTERS_PAYOUT = "promoters.payout"
    PONDS_MANAGE = "ponds.manage"  # partners, contracts, imports
    PONDS_SETTLE = "ponds.settle"  # monthly settlement and its lock
    CHANNELS_MANAGE = "channels.manage"  # spend per channel
    # Launches.
    LAUNCHES_MANAGE = "launches.manage"
    LAUNCHES_RECORD = "launches.record"  # entries, locks, deals
    LAUNCHES_REFUND = "launches.refund"
    # Dashboard and reports.
    DASHBOARD_VIEW = "dashboard.view"  # the store's figures (everyone has a home page)
    REPORTS_EXPORT = "reports.export"


_ALL = frozenset(Permission)

# The front desk's day: register, look up, top up, take payment, and sell.
_DESK = frozenset({
    Permission.STAGE_SET,
    Permission.VISITS_LOG,
    Permission.VISITS_LOG_OTHERS,
    Permission.FOLLOWUPS_GENERATE,
    Permission.FOLLOWUPS_WORK,
    Permission.MEMBERS_VIEW,
    Permission.MEMBERS_REGISTER,
    Permission.MEMBERS_EDIT,
    Permission.STORED_VALUE_TOPUP,
    Permission.STORED_VALUE_SPEND,
    Permission.SALES_SELL,
    Permission.TIERS_RUN_LAPSES,
    Permission.TARGETS_VIEW,
    Permission.PAY_VIEW_OWN,
    Permission.LAUNCHES_RECORD,
})

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.OWNER: _ALL,
    Role.MANAGER: frozenset({
        Permission.STAFF_VIEW,
        Permission.STAFF_MANAGE,
        Permission.BACKUP,
        Permission.AUDIT_VIEW,
        Permission.PRODUCTS_MANAGE,
        *_DESK,
        Permission.STORED_VALUE_REFUND,
        Permission.STORED_VALUE_REVERSE,
        Permission.SALES_REFUND,
        Permission.PIPELINE_MANAGE,
        Permission.VISITS_VIEW_TEAM,
        Permission.FOLLOWUPS_RULES,
        Permission.FOLLOWUPS_TEAM,
        Permission.HANDOVER,
        Permission.ORG_MANAGE,
        Permission.TARGETS_VIEW_TEAM,
        Permission.TARGETS_MANAGE,
        Permission.CONTESTS_MANAGE,
        Permission.ASSESSMENTS_SCORE,
        Permission.PROMOTERS_MANAGE,
        Permission.PROMOTERS_PAYOUT,
        Permission.PONDS_MANAGE,
        Permission.CHANNELS_MANAGE,
        Permission.LAUNCHES_MANAGE,
        Permission.LAUNCHES_REFUND,
        Permission.DASHBOARD_VIEW,
        Permission.REPORTS_EXPORT,
    }),
    # Money leaves the till only by a manager's or the owner's hand: refunds and reversals.
    Role.FRONT_DESK: frozenset({Permission.STAFF_VIEW, Permission.BACKUP, *_DESK}),
    Role.SALES: frozenset({Permission.STAFF_VIEW, Permission.MEMBERS_VIEW,
                           Permission.MEMBERS_REGISTER, Permission.MEMBERS_EDIT,
                           Permission.SALES_SELL, Permission.STAGE_SET, Permission.VISITS_LOG,
                           Permission.FOLLOWUPS_GENERATE, Permission.FOLLOWUPS_WORK,
                           Permission.TARGETS_VIEW, Permission.PAY_VIEW_OWN,
                           Permission.LAUNCHES_RECORD}),
}


def allowed(role: Role, permission: Permission) -> bool:
    return permission in ROLE_PERMISSIONS[role]


def may_assign(actor: Role, target_role: Role) -> bool:
    """Who may give a role to someone: the owner any; a manager only front desk and sales."""
    if actor is Role.OWNER:
        return True
    if actor is Role.MANAGER:
        return target_role in (Role.FRONT_DESK, Role.SALES)
    return False
