"""A date field that may be left empty (shown blank), e.g. a leaving date not yet known."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QWidget

_NONE = QDate(1900, 1, 1)


class OptionalDateEdit(QDateEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setMinimumDate(_NONE)
        self.setSpecialValueText(" ")  # the minimum stands for "no date"
        self.set_value(None)

    def value(self) -> date | None:
        d = self.date()
        return None if d == _NONE else date(d.year(), d.month(), d.day())

    def set_value(self, value: date | None) -> None:
        self.setDate(_NONE if value is None else QDate(value.year, value.month, value.day))
