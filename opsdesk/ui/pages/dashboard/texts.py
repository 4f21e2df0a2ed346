"""Words of the dashboard, the home page and the monthly report, in one place so the charts, the
tables and the PDF say the same thing. Literal strings under QT_TRANSLATE_NOOP so lupdate finds
them; ``tr_`` translates one at run time (QtCore only: the ``report`` command uses it too)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CTX = "Dashboard"


def tr_(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


def fill(text: str, params: Mapping[str, Any]) -> str:
    for k, v in params.items():
        text = text.replace("{" + k + "}", str(v))
    return text


STEPS = {
    "lead": QT_TRANSLATE_NOOP("Dashboard", "Leads"),
    "visited": QT_TRANSLATE_NOOP("Dashboard", "Visited"),
    "qualified": QT_TRANSLATE_NOOP("Dashboard", "Qualified"),
    "deal": QT_TRANSLATE_NOOP("Dashboard", "Deal"),
    "retained": QT_TRANSLATE_NOOP("Dashboard", "Retained"),
    "repeat": QT_TRANSLATE_NOOP("Dashboard", "Repeat deal"),
    "referred": QT_TRANSLATE_NOOP("Dashboard", "Referred others"),
}
QUADRANTS = {
    "model": QT_TRANSLATE_NOOP("Dashboard", "many visits, high conversion — let them mentor others"),
    "coach_skills": QT_TRANSLATE_NOOP("Dashboard", "many visits, low conversion — coach the script and the offer"),
    "more_visits": QT_TRANSLATE_NOOP("Dashboard", "few visits, high conversion — push for more visits"),
    "attitude": QT_TRANSLATE_NOOP("Dashboard", "few visits, low conversion — attitude first: talk, set daily visits"),
}
QUADRANT_SHORT = {
    "model": QT_TRANSLATE_NOOP("Dashboard", "Model"),
    "coach_skills": QT_TRANSLATE_NOOP("Dashboard", "Coach skills"),
    "more_visits": QT_TRANSLATE_NOOP("Dashboard", "More visits"),
    "attitude": QT_TRANSLATE_NOOP("Dashboard", "Attitude first"),
}
METRICS = {
    "revenue": QT_TRANSLATE_NOOP("Dashboard", "Revenue"),
    "deals": QT_TRANSLATE_NOOP("Dashboard", "Deals"),
    "new_customers": QT_TRANSLATE_NOOP("Dashboard", "New customers"),
    "visits": QT_TRANSLATE_NOOP("Dashboard", "Visits"),
    "topups": QT_TRANSLATE_NOOP("Dashboard", "Top-ups"),
}
MONEY_METRICS = {"revenue", "topups"}
# the plan's indicators (domain.targets.Indicator) by their code
INDICATORS = {
    "revenue": QT_TRANSLATE_NOOP("Dashboard", "Revenue"),
    "gross_profit": QT_TRANSLATE_NOOP("Dashboard", "Gross profit"),
    "deals": QT_TRANSLATE_NOOP("Dashboard", "Deals"),
    "new_members": QT_TRANSLATE_NOOP("Dashboard", "New customers"),
    "topups": QT_TRANSLATE_NOOP("Dashboard", "Top-ups"),
}
COMPARISONS = {
    "wow": QT_TRANSLATE_NOOP("Dashboard", "Week on week"),
    "mom": QT_TRANSLATE_NOOP("Dashboard", "Month on month"),
    "yoy": QT_TRANSLATE_NOOP("Dashboard", "Year on year"),
}
AREAS = {
    "business": QT_TRANSLATE_NOOP("Dashboard", "Business system (member ladder)"),
    "promotion": QT_TRANSLATE_NOOP("Dashboard", "Promotion system"),
    "sales_process": QT_TRANSLATE_NOOP("Dashboard", "Sales process"),
    "organisation": QT_TRANSLATE_NOOP("Dashboard", "Staff organisation"),
    "operations": QT_TRANSLATE_NOOP("Dashboard", "Operations (targets and plan)"),
    "incentives": QT_TRANSLATE_NOOP("Dashboard", "Incentive system"),
    "launches": QT_TRANSLATE_NOOP("Dashboard", "Launch system"),
    "marketing": QT_TRANSLATE_NOOP("Dashboard", "Process: marketing (new leads)"),
    "contact": QT_TRANSLATE_NOOP("Dashboard", "Process: contact (follow-ups)"),
    "selling": QT_TRANSLATE_NOOP("Dashboard", "Process: selling"),
    "delight": QT_TRANSLATE_NOOP("Dashboard", "Process: delighting customers"),
    "lifetime": QT_TRANSLATE_NOOP("Dashboard", "Process: lifetime (coming back)"),
    "referral": QT_TRANSLATE_NOOP("Dashboard", "Process: referral"),
}
# code -> (set up, missing)
FINDINGS = {
    "business.bait_tier": (
        QT_TRANSLATE_NOOP("Dashboard", "A bait member tier draws people in."),
        QT_TRANSLATE_NOOP("Dashboard", "No bait member tier: nothing cheap and irresistible draws traffic.")),
    "business.regular_tier": (
        QT_TRANSLATE_NOOP("Dashboard", "A regular member tier gives a reason to come back."),
        QT_TRANSLATE_NOOP("Dashboard", "No regular member tier: nothing gives customers a reason to come back.")),
    "business.partner_tier": (
        QT_TRANSLATE_NOOP("Dashboard", "A partner member tier is on the ladder."),
        QT_TRANSLATE_NOOP("Dashboard", "No partner member tier: big stored-value customers have nothing to aim for.")),
    "business.partner_threshold": (
        QT_TRANSLATE_NOOP("Dashboard", "A partner tier has a top-up threshold."),
        QT_TRANSLATE_NOOP("Dashboard", "No partner tier has a top-up threshold (bonus bracket or top-up upgrade rule).")),
    "business.product_roles": (
        QT_TRANSLATE_NOOP("Dashboard", "The product matrix has traffic, hit, profit and brand products."),
        QT_TRANSLATE_NOOP("Dashboard", "The product matrix lacks: {roles}.")),
    "business.topups": (
        QT_TRANSLATE_NOOP("Dashboard", "{n} stored-value top-ups in the last {days} days."),
        QT_TRANSLATE_NOOP("Dashboard", "No stored-value top-up in the last {days} days.")),
    "promotion.referral_rule": (
        QT_TRANSLATE_NOOP("Dashboard", "Members are rewarded for referrals."),
        QT_TRANSLATE_NOOP("Dashboard", "No referral reward rule: members have no reason to bring friends.")),
    "promotion.promoters": (
        QT_TRANSLATE_NOOP("Dashboard", "Promoters sell for the shop."),
        QT_TRANSLATE_NOOP("Dashboard", "No promoters enrolled.")),
    "promotion.pond_contract": (
        QT_TRANSLATE_NOOP("Dashboard", "A partner pond contract brings customers."),
        QT_TRANSLATE_NOOP("Dashboard", "No pond contract with a partner business.")),
    "promotion.channel_spend": (
        QT_TRANSLATE_NOOP("Dashboard", "Channel spend is recorded: acquisition cost is known."),
        QT_TRANSLATE_NOOP("Dashboard", "No channel spend recorded: acquisition cost per channel is unknown.")),
    "sales.scripts": (
        QT_TRANSLATE_NOOP("Dashboard", "{n} sales steps have a script."),
        QT_TRANSLATE_NOOP("Dashboard", "No sales step has a script.")),
    "sales.offer": (
        QT_TRANSLATE_NOOP("Dashboard", "An irresistible offer is active."),
        QT_TRANSLATE_NOOP("Dashboard", "No active offer for the last step of the sale.")),
    "sales.visits": (
        QT_TRANSLATE_NOOP("Dashboard", "{n} visits logged in the last {days} days."),
        QT_TRANSLATE_NOOP("Dashboard", "No visit logged in the last {days} days.")),
    "org.team": (
        QT_TRANSLATE_NOOP("Dashboard", "{n} people on the team."),
        QT_TRANSLATE_NOOP("Dashboard", "Only {n} person on the team.")),
    "org.departments": (
        QT_TRANSLATE_NOOP("Dashboard", "Everyone belongs to a department."),
        QT_TRANSLATE_NOOP("Dashboard", "{n} people belong to no department.")),
    "org.mentors": (
        QT_TRANSLATE_NOOP("Dashboard", "Mentor and apprentice pairs are set."),
        QT_TRANSLATE_NOOP("Dashboard", "No mentor and apprentice pairs.")),
    "operations.plan": (
        QT_TRANSLATE_NOOP("Dashboard", "This year's targets are split into a plan."),
        QT_TRANSLATE_NOOP("Dashboard", "No target plan for this year.")),
    "incentives.pay_scheme": (
        QT_TRANSLATE_NOOP("Dashboard", "Pay schemes are set."),
        QT_TRANSLATE_NOOP("Dashboard", "No pay scheme: pay is not tied to results.")),
    "incentives.assessments": (
        QT_TRANSLATE_NOOP("Dashboard", "Staff were assessed this month or last."),
        QT_TRANSLATE_NOOP("Dashboard", "No assessment this month or last.")),
    "launches.any": (
        QT_TRANSLATE_NOOP("Dashboard", "A launch campaign has been run."),
        QT_TRANSLATE_NOOP("Dashboard", "No launch campaign yet.")),
    "process.new_customers": (
        QT_TRANSLATE_NOOP("Dashboard", "{n} new customers in the last {days} days."),
        QT_TRANSLATE_NOOP("Dashboard", "No new customer in the last {days} days.")),
    "process.followup_rules": (
        QT_TRANSLATE_NOOP("Dashboard", "Follow-up rules are on."),
        QT_TRANSLATE_NOOP("Dashboard", "Every follow-up rule is switched off.")),
    "process.overdue": (
        QT_TRANSLATE_NOOP("Dashboard", "No follow-up is overdue."),
        QT_TRANSLATE_NOOP("Dashboard", "{n} follow-ups are overdue.")),
    "process.sales": (
        QT_TRANSLATE_NOOP("Dashboard", "{n} sales in the last {days} days."),
        QT_TRANSLATE_NOOP("Dashboard", "No sale in the last {days} days.")),
    "process.after_purchase": (
        QT_TRANSLATE_NOOP("Dashboard", "Customers are called 30/60/90 days after buying."),
        QT_TRANSLATE_NOOP("Dashboard", "The after-purchase follow-up rule is off.")),
    "process.quiet_customers": (
        QT_TRANSLATE_NOOP("Dashboard", "{percent}% of paying customers had no contact in {days} days."),
        QT_TRANSLATE_NOOP("Dashboard", "{percent}% of paying customers ({n}) had no follow-up in {days} days.")),
    "process.repeat": (
        QT_TRANSLATE_NOOP("Dashboard", "{percent}% of paying customers bought again."),
        QT_TRANSLATE_NOOP("Dashboard", "No customer has bought a second time.")),
    "process.referrals": (
        QT_TRANSLATE_NOOP("Dashboard", "{n} customers came by referral in the last {days} days."),
        QT_TRANSLATE_NOOP("Dashboard", "No customer came by referral in the last {days} days.")),
}
UNAVAILABLE = QT_TRANSLATE_NOOP("Dashboard", "Not set up yet in this version.")


def finding_text(f: Any) -> str:
    """A finding of ``domain.systems_check`` in words."""
    if f.status.value == "unavailable":
        return tr_(UNAVAILABLE)
    ok, gap = FINDINGS.get(f.code, (f.code, f.code))
    return fill(tr_(ok if f.status.value == "ok" else gap), f.params)


def step_name(step: str) -> str:
    return tr_(STEPS.get(step, step))


def metric_name(metric: str) -> str:
    return tr_(METRICS.get(metric, metric))


def percent_text(tenths: int | None) -> str:
    """A rate in tenths of a percent as text: 333 -> '33.3%'; None -> '—'."""
    if tenths is None:
        return "—"
    sign = "-" if tenths < 0 else ""
    return f"{sign}{abs(tenths) // 10}.{abs(tenths) % 10}%"
