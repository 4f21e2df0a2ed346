"""Store-level choices offered at first run: countries (for phone rules) and their currencies."""

from __future__ import annotations

from opsdesk.domain.errors import ValidationError
from opsdesk.domain.money import CURRENCIES

# ISO 3166 code -> default currency. Phone rules per country arrive with member registration.
COUNTRIES: dict[str, str] = {
    "CN": "CNY", "HK": "HKD", "MO": "MOP", "TW": "TWD", "SG": "SGD", "MY": "MYR",
    "US": "USD", "GB": "GBP", "DE": "EUR", "FR": "EUR", "JP": "JPY", "KR": "KRW", "IR": "IRR",
}

DEFAULT_DEPARTMENTS = (
    ("target_assurance", "指标保障部"),
    ("plan_tracking", "计划追踪部"),
    ("logistics", "后勤保障部"),
)


def check_country(code: str, field: str = "country") -> str:
    if code not in COUNTRIES:
        raise ValidationError("store.unknown_country", field=field, code=code)
    return code


def check_currency(code: str, field: str = "currency") -> str:
    if code not in CURRENCIES:
        raise ValidationError("store.unknown_currency", field=field, code=code)
    return code
