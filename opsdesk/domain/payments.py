"""How a customer pays. ``STORED_VALUE`` draws on the member's card through the stored-value
ledger (a SPEND entry in the same transaction as the sale); the others are money taken in at the
counter and only recorded."""

from __future__ import annotations

from enum import StrEnum

from opsdesk.domain.errors import ValidationError


class PaymentMethod(StrEnum):
    CASH = "cash"
    WECHAT = "wechat"
    ALIPAY = "alipay"
    BANK_CARD = "bank_card"
    STORED_VALUE = "stored_value"


# A top-up cannot be paid from the card it tops up.
TOPUP_METHODS = frozenset(PaymentMethod) - {PaymentMethod.STORED_VALUE}


def check_payment_method(value: object, *, field: str = "payment_method",
                         allowed: frozenset[PaymentMethod] = frozenset(PaymentMethod)
                         ) -> PaymentMethod:
    """Error code ``payment.method_invalid`` (param ``method``)."""
    try:
        method = PaymentMethod(value)
    except ValueError:
        raise ValidationError("payment.method_invalid", field=field,
                              method=str(value)[:20]) from None
    if method not in allowed:
        raise ValidationError("payment.method_invalid", field=field, method=method.value)
    return method
