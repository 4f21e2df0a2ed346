"""Names and number formats shared by the targets pages, the wizard and the exports."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from opsdesk.domain.money import Currency, format_money
from opsdesk.domain.pace import PaceStatus
from opsdesk.domain.targets import Indicator

CTX = "TargetTexts"

INDICATORS = {
    Indicator.REVENUE: QT_TRANSLATE_NOOP("TargetTexts", "Revenue"),
    Indicator.GROSS_PROFIT: QT_TRANSLATE_NOOP("TargetTexts", "Gross profit"),
    Indicator.NEW_MEMBERS: QT_TRANSLATE_NOOP("TargetTexts", "New members"),
    Indicator.DEALS: QT_TRANSLATE_NOOP("TargetTexts", "Deals"),
    Indicator.TOPUPS: QT_TRANSLATE_NOOP("TargetTexts", "Stored-value top-ups"),
}
STATUS = {
    PaceStatus.GREEN: QT_TRANSLATE_NOOP("TargetTexts", "On pace"),
    PaceStatus.AMBER: QT_TRANSLATE_NOOP("TargetTexts", "Slightly behind"),
    PaceStatus.RED: QT_TRANSLATE_NOOP("TargetTexts", "Behind"),
}
PERIODS = {
    "day": QT_TRANSLATE_NOOP("TargetTexts", "Today"),
    "week": QT_TRANSLATE_NOOP("TargetTexts", "This week"),
    "month": QT_TRANSLATE_NOOP("TargetTexts", "This month"),
    "ytd": QT_TRANSLATE_NOOP("TargetTexts", "Year to date"),
}
MONTHS = (
    QT_TRANSLATE_NOOP("TargetTexts", "January"), QT_TRANSLATE_NOOP("TargetTexts", "February"),
    QT_TRANSLATE_NOOP("TargetTexts", "March"), QT_TRANSLATE_NOOP("TargetTexts", "April"),
    QT_TRANSLATE_NOOP("TargetTexts", "May"), QT_TRANSLATE_NOOP("TargetTexts", "June"),
    QT_TRANSLATE_NOOP("TargetTexts", "July"), QT_TRANSLATE_NOOP("TargetTexts", "August"),
    QT_TRANSLATE_NOOP("TargetTexts", "September"), QT_TRANSLATE_NOOP("TargetTexts", "October"),
    QT_TRANSLATE_NOOP("TargetTexts", "November"), QT_TRANSLATE_NOOP("TargetTexts", "December"),
)
WEEKDAYS = (
    QT_TRANSLATE_NOOP("TargetTexts", "Mon"), QT_TRANSLATE_NOOP("TargetTexts", "Tue"),
    QT_TRANSLATE_NOOP("TargetTexts", "Wed"), QT_TRANSLATE_NOOP("TargetTexts", "Thu"),
    QT_TRANSLATE_NOOP("TargetTexts", "Fri"), QT_TRANSLATE_NOOP("TargetTexts", "Sat"),
    QT_TRANSLATE_NOOP("TargetTexts", "Sun"),
)


def tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


def indicator_name(ind: Indicator | str) -> str:
    return tr(INDICATORS[Indicator(ind)])


def month_name(month: int) -> str:
    return tr(MONTHS[month - 1])


def amount(ind: Indicator | str, value: int, cur: Currency) -> str:
    """Fen as money for the money indicators, a plain count for the others."""
    return format_money(value, cur) if Indicator(ind).is_money else f"{value:,}"
