""""Is yours complete?" (seed 000 ends each of the seven systems with it; seed 002 lists the six
processes a complete system needs). The app answers from the shop's own configuration and data.

:func:`check` turns :class:`Facts` (counts read by ``services.systems_check``) into one
:class:`Finding` per rule: set up (``OK``), missing (``GAP``), or ``UNAVAILABLE`` when this
database has no place for those records yet (a part of the app not installed). Each finding
names the page that fixes it (a main-window page key) and carries the figures its sentence needs;
the UI words it. :func:`top_gaps` picks what to fix first: highest severity, then the order of
the systems.

Thresholds (parameters of :func:`check`): a customer who paid and has had no contact for
``QUIET_DAYS`` days is *quiet*; more than ``QUIET_SHARE_MAX`` of paying customers quiet is a gap.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import IntEnum, StrEnum
from fractions import Fraction
from typing import Any

from opsdesk.domain.money import round_half_up

QUIET_DAYS = 90
QUIET_SHARE_MAX = Fraction(1, 4)
RECENT_DAYS = 30


class Area(StrEnum):
    # the seven systems (seed 000)
    BUSINESS = "business"
    PROMOTION = "promotion"
    SALES_PROCESS = "sales_process"
    ORGANISATION = "organisation"
    OPERATIONS = "operations"
    INCENTIVES = "incentives"
    LAUNCHES = "launches"
    # the six processes (seed 002)
    MARKETING = "marketing"
    CONTACT = "contact"
    SELLING = "selling"
    DELIGHT = "delight"
    LIFETIME = "lifetime"
    REFERRAL = "referral"


SYSTEMS = tuple(list(Area)[:7])
PROCESSES = tuple(list(Area)[7:])


class Status(StrEnum):
    OK = "ok"
    GAP = "gap"
    UNAVAILABLE = "unavailable"


class Severity(IntEnum):
    LOW = 1
    MEDIUM = 2
    HIGH = 3


@dataclass(frozen=True)
class Finding:
    area: Area
    code: str  # e.g. "business.partner_threshold"; the UI has a sentence per code and status
    status: Status
    severity: Severity
    page: str  # the main-window page that fixes it
    params: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Facts:
    """What the rules look at. ``None``: this database cannot hold such records yet."""

    # business system
    tiers_by_kind: Mapping[str, int]  # active tiers per kind
    partner_tiers_with_threshold: int  # with a top-up bonus bracket or a top-up upgrade rule
    products_by_role: Mapping[str, int]  # active products per role
    topups_recent: int  # top-ups in the last RECENT_DAYS
    # promotion system
    referral_rules: int | None
    promoters: int | None
    pond_contracts: int | None
    channel_spend_rows: int | None
    # sales process
    stages_with_script: int
    active_offers: int
    visits_recent: int
    # organisation
    active_staff: int
    staff_without_department: int
    mentor_pairs: int
    # operations
    plans_this_year: int | None
    # incentives
    pay_schemes: int | None
    assessments_recent: int | None  # this month's or last month's
    # launches
    launches: int | None
    # the six processes
    new_customers_recent: int
    followup_rules_enabled: int
    after_purchase_rule_enabled: bool
    overdue_tasks: int
    paying_customers: int
    quiet_paying_customers: int  # no visit in QUIET_DAYS
    repeat_customers: int
    referred_recent: int  # customers registered by a member's referral in the last QUIET_DAYS
    sales_recent: int


def _pct(part: int, whole: int) -> int:
    return round_half_up(Fraction(part * 100, whole)) if whole else 0


def check(f: Facts, quiet_share_max: Fraction = QUIET_SHARE_MAX) -> tuple[Finding, ...]:
    out: list[Finding] = []

    def add(area: Area, code: str, ok: bool | None, sev: Severity, page: str,
            **params: Any) -> None:
        status = Status.UNAVAILABLE if ok is None else (Status.OK if ok else Status.GAP)
        out.append(Finding(area, code, status, sev, page, params))

    def known(x: int | None, ok: bool) -> bool | None:
        return None if x is None else ok

    H, M, L = Severity.HIGH, Severity.MEDIUM, Severity.LOW
    # 1. business: three qualifications and a product for every layer
    tk = f.tiers_by_kind
    add(Area.BUSINESS, "business.bait_tier", tk.get("bait", 0) > 0, M, "ladder")
    add(Area.BUSINESS, "business.regular_tier", tk.get("regular", 0) > 0, M, "ladder")
    add(Area.BUSINESS, "business.partner_tier", tk.get("partner", 0) > 0, H, "ladder")
    if tk.get("partner", 0):
        add(Area.BUSINESS, "business.partner_threshold", f.partner_tiers_with_threshold > 0, H,
            "ladder")
    missing = [r for r in ("traffic", "hit", "profit", "brand") if not f.products_by_role.get(r)]
    add(Area.BUSINESS, "business.product_roles", not missing, M, "products",
        roles=",".join(missing))
    add(Area.BUSINESS, "business.topups", f.topups_recent > 0, L, "members",
        days=RECENT_DAYS, n=f.topups_recent)
    # 2. promotion: members, promoters, ponds
    add(Area.PROMOTION, "promotion.referral_rule",
        known(f.referral_rules, bool(f.referral_rules)), M, "promotion")
    add(Area.PROMOTION, "promotion.promoters", known(f.promoters, bool(f.promoters)), M,
        "promotion")
    add(Area.PROMOTION, "promotion.pond_contract",
        known(f.pond_contracts, bool(f.pond_contracts)), M, "promotion")
    add(Area.PROMOTION, "promotion.channel_spend",
        known(f.channel_spend_rows, bool(f.channel_spend_rows)), L, "promotion")
    # 3. sales process: steps with scripts, an offer, visits
    add(Area.SALES_PROCESS, "sales.scripts", f.stages_with_script > 0, M, "pipeline",
        n=f.stages_with_script)
    add(Area.SALES_PROCESS, "sales.offer", f.active_offers > 0, M, "pipeline")
    add(Area.SALES_PROCESS, "sales.visits", f.visits_recent > 0, H, "visits", days=RECENT_DAYS,
        n=f.visits_recent)
    # 4. organisation
    add(Area.ORGANISATION, "org.team", f.active_staff >= 2, M, "staff", n=f.active_staff)
    add(Area.ORGANISATION, "org.departments", f.staff_without_department == 0, L, "organisation",
        n=f.staff_without_department)
    add(Area.ORGANISATION, "org.mentors", f.mentor_pairs > 0, L, "staff")
    # 5. operations: a plan for the year
    add(Area.OPERATIONS, "operations.plan", known(f.plans_this_year, bool(f.plans_this_year)), H,
        "targets")
    # 6. incentives
    add(Area.INCENTIVES, "incentives.pay_scheme", known(f.pay_schemes, bool(f.pay_schemes)), M,
        "pay")
    add(Area.INCENTIVES, "incentives.assessments",
        known(f.assessments_recent, bool(f.assessments_recent)), L, "pay")
    # 7. launches
    add(Area.LAUNCHES, "launches.any", known(f.launches, bool(f.launches)), L, "launches")
    # the six processes
    add(Area.MARKETING, "process.new_customers", f.new_customers_recent > 0, H, "members",
        days=RECENT_DAYS, n=f.new_customers_recent)
    add(Area.CONTACT, "process.followup_rules", f.followup_rules_enabled > 0, H, "followups")
    add(Area.CONTACT, "process.overdue", f.overdue_tasks == 0, M, "followups",
        n=f.overdue_tasks)
    add(Area.SELLING, "process.sales", f.sales_recent > 0, H, "members", days=RECENT_DAYS,
        n=f.sales_recent)
    add(Area.DELIGHT, "process.after_purchase", f.after_purchase_rule_enabled, M, "followups")
    quiet_ok = (not f.paying_customers
                or Fraction(f.quiet_paying_customers, f.paying_customers) <= quiet_share_max)
    add(Area.LIFETIME, "process.quiet_customers", quiet_ok, H, "followups",
        percent=_pct(f.quiet_paying_customers, f.paying_customers),
        n=f.quiet_paying_customers, days=QUIET_DAYS)
    add(Area.LIFETIME, "process.repeat", f.repeat_customers > 0, M, "dashboard",
        percent=_pct(f.repeat_customers, f.paying_customers))
    add(Area.REFERRAL, "process.referrals", f.referred_recent > 0, M, "promotion",
        days=QUIET_DAYS, n=f.referred_recent)
    return tuple(out)


def top_gaps(findings: Sequence[Finding], n: int = 3) -> tuple[Finding, ...]:
    """The ``n`` gaps to fix first: the most severe, then in the order of the systems."""
    order = {a: i for i, a in enumerate(Area)}
    gaps = [(i, x) for i, x in enumerate(findings) if x.status is Status.GAP]
    gaps.sort(key=lambda p: (-p[1].severity, order[p[1].area], p[0]))
    return tuple(x for _i, x in gaps[:n])


def completeness(findings: Sequence[Finding], area: Area) -> tuple[int, int]:
    """(set up, checked) for one area, leaving out what cannot be recorded yet."""
    mine = [x for x in findings if x.area is area and x.status is not Status.UNAVAILABLE]
    return sum(1 for x in mine if x.status is Status.OK), len(mine)
