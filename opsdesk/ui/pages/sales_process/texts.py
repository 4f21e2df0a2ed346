"""Translated names for the sales process: visit types, follow-up rules, how a stage changed.
One word per thing on every page of the area."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from opsdesk.domain.followups import RuleKind
from opsdesk.services.visits import VisitType

CTX = "SalesLabels"

VISIT_TYPES = {
    VisitType.CALL: QT_TRANSLATE_NOOP("SalesLabels", "Call"),
    VisitType.MEETING: QT_TRANSLATE_NOOP("SalesLabels", "Meeting"),
    VisitType.STORE_VISIT: QT_TRANSLATE_NOOP("SalesLabels", "Store visit"),
    VisitType.WECHAT: QT_TRANSLATE_NOOP("SalesLabels", "WeChat"),
}
RULES = {
    RuleKind.TRIAL_24H: QT_TRANSLATE_NOOP("SalesLabels", "24 h after a trial or first visit"),
    RuleKind.AFTER_PURCHASE: QT_TRANSLATE_NOOP("SalesLabels", "After a purchase"),
    RuleKind.REACTIVATION: QT_TRANSLATE_NOOP("SalesLabels", "Reactivate an idle customer"),
    RuleKind.BIRTHDAY: QT_TRANSLATE_NOOP("SalesLabels", "Birthday coming"),
    RuleKind.LEAD_IDLE: QT_TRANSLATE_NOOP("SalesLabels", "Lead not contacted"),
    RuleKind.DEPOSIT_UNPAID: QT_TRANSLATE_NOOP("SalesLabels", "Deposit not paid in full"),
    "manual": QT_TRANSLATE_NOOP("SalesLabels", "Agreed at the last visit"),
}
CHANGE_SOURCES = {
    "manual": QT_TRANSLATE_NOOP("SalesLabels", "Set by hand"),
    "visit": QT_TRANSLATE_NOOP("SalesLabels", "At a visit"),
    "purchase": QT_TRANSLATE_NOOP("SalesLabels", "By a purchase"),
}
UNITS = {
    "days": QT_TRANSLATE_NOOP("SalesLabels", "days"),
    "months": QT_TRANSLATE_NOOP("SalesLabels", "months"),
}


def name(table: dict, key: object) -> str:
    """The translated name of ``key``; an unknown key shows as itself rather than failing."""
    for k, text in table.items():
        if k == key:
            return QCoreApplication.translate(CTX, text)
    return str(key or "")

