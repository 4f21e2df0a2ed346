"""Words for launch statuses, steps and actions, and error parameters put in the reader's
language (a status, an action, an amount in fen) before the message is shown."""

from __future__ import annotations

from fractions import Fraction

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from opsdesk.domain.errors import FieldErrors, OpsError
from opsdesk.domain.money import Currency, format_money, round_half_up

CTX = "Launches"

STATUSES = {
    "draft": QT_TRANSLATE_NOOP("Launches", "Draft"),
    "open": QT_TRANSLATE_NOOP("Launches", "Open"),
    "closed": QT_TRANSLATE_NOOP("Launches", "Closed"),
}
ACTIONS = {
    "entry": QT_TRANSLATE_NOOP("Launches", "an entry"),
    "lock": QT_TRANSLATE_NOOP("Launches", "a lock"),
    "deal": QT_TRANSLATE_NOOP("Launches", "a full payment"),
    "refund": QT_TRANSLATE_NOOP("Launches", "a refund"),
}
STEPS = {
    "entered": QT_TRANSLATE_NOOP("Launches", "Entered"),
    "locked": QT_TRANSLATE_NOOP("Launches", "Locked"),
    "dealt": QT_TRANSLATE_NOOP("Launches", "Paid in full"),
    "cancelled": QT_TRANSLATE_NOOP("Launches", "Lock cancelled"),
    "waiting": QT_TRANSLATE_NOOP("Launches", "Waiting list"),
}
STATUS_LOWER = {
    "draft": QT_TRANSLATE_NOOP("Launches", "a draft"),
    "open": QT_TRANSLATE_NOOP("Launches", "open"),
    "closed": QT_TRANSLATE_NOOP("Launches", "closed"),
}


def tr(table: dict[str, str], key: str) -> str:
    text = table.get(str(key))
    return QCoreApplication.translate(CTX, text) if text else str(key)


def percent(rate: Fraction | None) -> str:
    """One decimal, half up; "—" when there is no rate (nothing to divide by)."""
    if rate is None:
        return "—"
    tenths = round_half_up(rate * 1000)
    return f"{tenths // 10}.{tenths % 10}%"


_MONEY_PARAMS = {"max", "held", "deposit", "price"}


def readable(error: OpsError, cur: Currency) -> OpsError:
    """The same error with its parameters in words: statuses and actions translated, amounts
    formatted (the launch rules carry fen)."""
    if isinstance(error, FieldErrors):
        return FieldErrors({k: readable(e, cur) for k, e in error.errors.items()})
    if not error.code.startswith("launch."):
        return error
    params = dict(error.params)
    for k, v in params.items():
        if k in _MONEY_PARAMS and isinstance(v, int) and not (
                error.code == "launch.capacity_below_locks"):
            params[k] = format_money(v, cur)
        elif k in ("status", "from_status", "to_status"):
            params[k] = tr(STATUS_LOWER, v)
        elif k == "action":
            params[k] = tr(ACTIONS, v)
    out = type(error).__new__(type(error))
    OpsError.__init__(out, error.code, field=error.field, **params)
    return out
