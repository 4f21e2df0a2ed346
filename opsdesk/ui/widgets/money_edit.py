"""An amount field: accepts what people type ("1,234.5", "¥12", full-width digits) and says
beside itself what is wrong, as they type. The value is an int of minor units, never a float."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from opsdesk.domain.errors import ValidationError
from opsdesk.domain.money import CNY, Currency, parse_money, to_input_text
from opsdesk.ui.messages import message_for


class MoneyEdit(QLineEdit):
    value_changed = Signal(object)  # int minor units, or None while the text is not an amount

    def __init__(self, currency: Currency = CNY, *, allow_negative: bool = False,
                 allow_zero: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currency = currency
        self.allow_negative = allow_negative
        self.allow_zero = allow_zero
        self.setMaxLength(24)
        self.setPlaceholderText("0.00" if currency.digits == 2 else "0")
        self.textChanged.connect(self._changed)

    def _changed(self, _text: str) -> None:
        self.value_changed.emit(self.value_or_none())

    def value(self) -> int:
        """The amount in minor units; raises ValidationError (with ``field``) when it is not one."""
        return parse_money(self.text(), self.currency, allow_negative=self.allow_negative,
                           allow_zero=self.allow_zero, field=self.objectName() or None)

    def value_or_none(self) -> int | None:
        try:
            return self.value()
        except ValidationError:
            return None

    def problem(self) -> str:
        """The message for what is typed now ('' when it is a valid amount or empty)."""
        if not self.text().strip():
            return ""
        try:
            self.value()
        except ValidationError as e:
            return message_for(e)
        return ""

    def set_value(self, minor: int | None) -> None:
        self.setText("" if minor is None else to_input_text(minor, self.currency))
