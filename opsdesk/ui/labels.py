"""Translated names for the domain's enums (stage, source, gender, payment method, tier kind,
product role), shared by every page so one word means one thing everywhere."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from opsdesk.domain.members import Gender, ProductRole, Source, Stage
from opsdesk.domain.payments import PaymentMethod
from opsdesk.domain.tiers import TierKind

_CTX = "Labels"

STAGES = {
    Stage.LEAD: QT_TRANSLATE_NOOP("Labels", "Lead"),
    Stage.TARGET: QT_TRANSLATE_NOOP("Labels", "Target"),
    Stage.QUALIFIED: QT_TRANSLATE_NOOP("Labels", "Qualified"),
    Stage.CUSTOMER: QT_TRANSLATE_NOOP("Labels", "Customer"),
    Stage.REPEAT: QT_TRANSLATE_NOOP("Labels", "Repeat customer"),
}
SOURCES = {
    Source.WALK_IN: QT_TRANSLATE_NOOP("Labels", "Walk-in"),
    Source.MEMBER_REFERRAL: QT_TRANSLATE_NOOP("Labels", "Member referral"),
    Source.PROMOTER: QT_TRANSLATE_NOOP("Labels", "Promoter"),
    Source.POND: QT_TRANSLATE_NOOP("Labels", "Partner pond"),
    Source.LAUNCH: QT_TRANSLATE_NOOP("Labels", "Launch"),
    Source.OTHER: QT_TRANSLATE_NOOP("Labels", "Other"),
}
GENDERS = {
    Gender.UNKNOWN: QT_TRANSLATE_NOOP("Labels", "Not given"),
    Gender.FEMALE: QT_TRANSLATE_NOOP("Labels", "Female"),
    Gender.MALE: QT_TRANSLATE_NOOP("Labels", "Male"),
}
PAYMENT_METHODS = {
    PaymentMethod.CASH: QT_TRANSLATE_NOOP("Labels", "Cash"),
    PaymentMethod.WECHAT: QT_TRANSLATE_NOOP("Labels", "WeChat Pay"),
    PaymentMethod.ALIPAY: QT_TRANSLATE_NOOP("Labels", "Alipay"),
    PaymentMethod.BANK_CARD: QT_TRANSLATE_NOOP("Labels", "Bank card"),
    PaymentMethod.STORED_VALUE: QT_TRANSLATE_NOOP("Labels", "Stored value"),
}
TIER_KINDS = {
    TierKind.BAIT: QT_TRANSLATE_NOOP("Labels", "Bait member"),
    TierKind.REGULAR: QT_TRANSLATE_NOOP("Labels", "Regular member"),
    TierKind.PARTNER: QT_TRANSLATE_NOOP("Labels", "Partner member"),
}
PRODUCT_ROLES = {
    ProductRole.TRAFFIC: QT_TRANSLATE_NOOP("Labels", "Traffic"),
    ProductRole.HIT: QT_TRANSLATE_NOOP("Labels", "Hit"),
    ProductRole.PROFIT: QT_TRANSLATE_NOOP("Labels", "Profit"),
    ProductRole.BRAND: QT_TRANSLATE_NOOP("Labels", "Brand"),
}
TIMELINE_KINDS = {
    "purchase": QT_TRANSLATE_NOOP("Labels", "Purchase"),
    "refund": QT_TRANSLATE_NOOP("Labels", "Refund of a purchase"),
    "topup": QT_TRANSLATE_NOOP("Labels", "Top-up"),
    "bonus": QT_TRANSLATE_NOOP("Labels", "Top-up bonus"),
    "spend": QT_TRANSLATE_NOOP("Labels", "Spent from stored value"),
    "sv_refund": QT_TRANSLATE_NOOP("Labels", "Stored value refunded"),
    "adjust": QT_TRANSLATE_NOOP("Labels", "Adjustment"),
    "reversal": QT_TRANSLATE_NOOP("Labels", "Reversal"),
    "tier": QT_TRANSLATE_NOOP("Labels", "Tier change"),
    "visit": QT_TRANSLATE_NOOP("Labels", "Visit"),
}


def label(table: dict, key: object) -> str:
    """The translated name of ``key``; an unknown key shows as itself rather than failing."""
    for k, text in table.items():
        if k == key:
            return QCoreApplication.translate(_CTX, text)
    return str(key or "")
