"""Small inputs shared by the pay settings tabs: percentages typed as people say them ("3", "3%",
"2.5", full-width digits) read back exactly, and a month picker."""

from __future__ import annotations

import unicodedata
from datetime import date
from decimal import Decimal, InvalidOperation
from fractions import Fraction

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QWidget

from opsdesk.domain.errors import ValidationError
from opsdesk.services.incentives import ratio_text

ERROR_BG = "#fdecea"


def percent_text(value: Fraction | int | None) -> str:
    """A ratio (0.03) shown as the percentage people type (3); "" for None."""
    if value is None:
        return ""
    return ratio_text(Fraction(value) * 100)


def parse_percent(text: str, field: str | None = None, *, required: bool = True) -> Fraction | None:
    """ "3", "3%", "2.5 %", "100/3" -> the exact ratio (0.03 ...); None for an empty field that
    is not required; raises ``rate.invalid`` for anything else."""
    s = unicodedata.normalize("NFKC", text or "").strip().rstrip("%").strip()
    if not s:
        if required:
            raise ValidationError("text.required", field=field)
        return None
    try:
        x = Fraction(s) if "/" in s else Fraction(Decimal(s.replace(",", "")))
    except (InvalidOperation, ValueError, ZeroDivisionError):
        raise ValidationError("rate.invalid", field=field, text=s[:40]) from None
    return x / 100


def month_edit(parent: QWidget | None = None, today: date | None = None) -> QDateEdit:
    w = QDateEdit(parent)
    w.setDisplayFormat("yyyy-MM")
    w.setCalendarPopup(False)
    d = today or date.today()
    w.setDate(QDate(d.year, d.month, 1))
    return w


def year_month(w: QDateEdit) -> tuple[int, int]:
    d = w.date()
    return d.year(), d.month()
