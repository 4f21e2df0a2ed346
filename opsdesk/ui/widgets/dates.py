"""A date field that may be left empty, typed by keyboard (2026-11-23, 2026/11/23, 20261123,
2026年11月23日, full-width digits) or picked from a calendar (the button at its end, or Alt+Down).
Tab leaves it like any line edit; a date that cannot be read is said beside the field by the
form, as every other field's error."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QStyle, QWidget

from opsdesk.domain.errors import ValidationError

_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


def parse_date(text: str, field: str | None = None) -> date | None:
    """None for an empty field; raises ``date.invalid`` for text that is not a date."""
    s = unicodedata.normalize("NFKC", text or "").strip()
    if not s:
        return None
    m = _DATE.match(s) or _COMPACT.match(s)
    if m:
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            pass
    raise ValidationError("date.invalid", field=field, text=s[:20])


class OptionalDateEdit(QLineEdit):
    dateChanged = Signal(object)  # the new date, or None when cleared  # noqa: N815 (Qt style)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(QCoreApplication.translate("DateEdit", "YYYY-MM-DD"))
        self.setMaxLength(20)
        self._last: date | None = None
        self._calendar: QCalendarWidget | None = None
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowDown)
        self._pick = QAction(icon, "", self)
        self._pick.triggered.connect(self.show_calendar)
        self.addAction(self._pick, QLineEdit.ActionPosition.TrailingPosition)
        self.editingFinished.connect(self._finished)
        self.setClearButtonEnabled(True)

    def value(self) -> date | None:
        return parse_date(self.text(), self.objectName() or None)

    def value_or_none(self) -> date | None:
        try:
            return self.value()
        except ValidationError:
            return None

    def set_value(self, value: date | None) -> None:
        self.setText(value.isoformat() if value else "")
        self._emit_if_changed()

    def _finished(self) -> None:
        d = self.value_or_none()
        if d is not None:
            self.setText(d.isoformat())  # show what was understood
        self._emit_if_changed()

    def _emit_if_changed(self) -> None:
        d = self.value_or_none() if self.text().strip() else None
        if (d is not None or not self.text().strip()) and d != self._last:
            self._last = d
            self.dateChanged.emit(d)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        if event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier:
            self.show_calendar()
            return
        super().keyPressEvent(event)

    def show_calendar(self) -> None:
        cal = QCalendarWidget(self)
        cal.setWindowFlags(Qt.WindowType.Popup)
        current = self.value_or_none() or date.today()
        cal.setSelectedDate(QDate(current.year, current.month, current.day))
        cal.activated.connect(self._picked)
        cal.clicked.connect(self._picked)
        cal.installEventFilter(_CloseOnEscape(cal))
        cal.move(self.mapToGlobal(self.rect().bottomLeft()))
        cal.show()
        cal.setFocus()
        self._calendar = cal

    def _picked(self, qd: QDate) -> None:
        self.set_value(date(qd.year(), qd.month(), qd.day()))
        if self._calendar is not None:
            self._calendar.close()
            self._calendar.deleteLater()
            self._calendar = None
        self.setFocus()


class _CloseOnEscape(QObject):
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape:
            obj.close()
            return True
        return False
