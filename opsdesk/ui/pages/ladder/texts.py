"""How the ladder's figures read to a shop owner: "8.8折 (88%)", "充¥1,000送¥200", "365 days".

Shared by the ladder page, its dialogs and the checkout, so the explicit context ``LadderText`` is
used (``tr`` would file the strings under each caller's class name)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QLocale

from opsdesk.domain.money import Currency, format_money
from opsdesk.domain.tiers import BonusBracket, Tier, UpgradeRule


def _plain(d: Decimal) -> str:
    # 8.80 -> "8.8", 9.0 -> "9": the way the poster on the wall writes it.
    text = format(d.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def short_money(minor: int, cur: Currency) -> str:
    """"¥1,000" rather than "¥1,000.00" for whole amounts, as a price list on the wall reads."""
    text = format_money(minor, cur)
    if cur.digits and minor % cur.factor == 0:
        text = text[: -(cur.digits + 1)]
    return text


def discount_input(discount: Decimal) -> str:
    """The discount put back into its field the way the person reading it writes it."""
    if discount >= 1:
        return ""
    if QLocale().language() == QLocale.Language.Chinese:
        return _plain(discount * 10) + "\u6298"  # 折
    return _plain(discount * 100) + "%"


def discount_text(discount: Decimal) -> str:
    if discount >= 1:
        return QCoreApplication.translate("LadderText", "No discount")
    return (QCoreApplication.translate("LadderText", "%1折 (pays %2%)")
            .replace("%1", _plain(discount * 10))
            .replace("%2", _plain(discount * 100)))


def validity_text(days: int | None) -> str:
    if days is None:
        return QCoreApplication.translate("LadderText", "No end")
    return QCoreApplication.translate("LadderText", "%n day(s)", "", days)


def bracket_text(b: BonusBracket, cur: Currency) -> str:
    return (QCoreApplication.translate("LadderText", "top up %1, get %2")
            .replace("%1", short_money(b.min_topup, cur))
            .replace("%2", short_money(b.bonus, cur)))


def brackets_text(brackets: tuple[BonusBracket, ...], cur: Currency) -> str:
    """One bracket per line, lowest first."""
    if not brackets:
        return QCoreApplication.translate("LadderText", "None")
    return "\n".join(bracket_text(b, cur) for b in brackets)


def tier_name(tiers: dict[int, Tier], tier_id: int | None, none: str) -> str:
    t = tiers.get(tier_id) if tier_id is not None else None
    return t.name if t is not None else none


def rule_condition_text(rule: UpgradeRule, cur: Currency) -> str:
    parts = []
    if rule.min_cumulative_spend is not None:
        parts.append(QCoreApplication.translate("LadderText", "spent %1 or more in the tier")
                     .replace("%1", short_money(rule.min_cumulative_spend, cur)))
    if rule.min_single_topup is not None:
        parts.append(QCoreApplication.translate("LadderText", "tops up %1 or more at once")
                     .replace("%1", short_money(rule.min_single_topup, cur)))
    return QCoreApplication.translate("LadderText", " or ").join(parts)


def no_tier_text() -> str:
    return QCoreApplication.translate("LadderText", "no tier (plain customer)")


def any_tier_text() -> str:
    return QCoreApplication.translate("LadderText", "anyone (any tier or none)")
