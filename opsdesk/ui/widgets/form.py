"""A form whose errors appear beside the field they belong to.

Services raise coded errors naming a field; ``show_error`` puts the translated message under that
field (or in the form's general line) and focuses the first bad field. What the person typed is
never cleared.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from opsdesk.domain.errors import FieldErrors, OpsError


def message_for(error: OpsError) -> str:
    # Loaded with the first error rather than with the first form: the login is a form.
    from opsdesk.ui.messages import message_for as text_for

    return text_for(error)

ERROR_STYLE = "color: #c0392b;"


class ErrorForm(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.general = QLabel()
        self.general.setStyleSheet(ERROR_STYLE)
        self.general.setWordWrap(True)
        self.general.hide()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(self.form)
        outer.addWidget(self.general)
        self._fields: dict[str, tuple[QWidget, QLabel, QLabel]] = {}

    def add_row(self, key: str, field: QWidget) -> QLabel:
        """Add ``field`` under ``key``; returns the row's caption label (set its text to translate)."""
        caption = QLabel()
        caption.setBuddy(field)
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(field)
        err = QLabel()
        err.setObjectName(f"error_{key}")
        err.setStyleSheet(ERROR_STYLE)
        err.setWordWrap(True)
        err.hide()
        lay.addWidget(err)
        self.form.addRow(caption, box)
        self._fields[key] = (field, err, caption)
        return caption

    def field_error(self, key: str) -> str:
        _f, err, _c = self._fields[key]
        return err.text() if not err.isHidden() else ""

    def clear_errors(self) -> None:
        for _f, err, _c in self._fields.values():
            err.clear()
            err.hide()
        self.general.clear()
        self.general.hide()

    def set_field_error(self, key: str, text: str) -> None:
        if key in self._fields:
            _f, err, _c = self._fields[key]
            err.setText(text)
            # Set here, not when the form is built: importing Qt's enum namespace is costly
            # before the first window.
            from PySide6.QtCore import Qt

            err.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            err.show()
        else:
            self.set_general_error(text)

    def set_general_error(self, text: str) -> None:
        self.general.setText(text)
        self.general.show()

    def show_error(self, error: OpsError, aliases: dict[str, str] | None = None) -> None:
        """Show a service error; ``aliases`` maps service field names to this form's keys."""
        self.clear_errors()
        aliases = aliases or {}
        items = error.errors.items() if isinstance(error, FieldErrors) else [(error.field, error)]
        first: QWidget | None = None
        for field, e in items:
            key = aliases.get(field or "", field or "")
            self.set_field_error(key, message_for(e))
            if key in self._fields and first is None:
                first = self._fields[key][0]
        if first is not None:
            from PySide6.QtCore import Qt

            first.setFocus(Qt.FocusReason.OtherFocusReason)
