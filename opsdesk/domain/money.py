"""Money as integer minor units (fen for CNY), never a float.

Rounding happens in one place, :func:`round_half_up`: half away from zero (0.5 fen -> 1 fen,
-0.5 fen -> -1 fen), the rule a cashier expects. Every other function that has to round calls it.
Splits use the largest-remainder method so the parts always add up to the whole.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction

from opsdesk.domain.errors import ValidationError

# Far above any shop's turnover (10^13 yuan) yet far below 2^63, so sums of many amounts never
# overflow a BigInteger column.
MAX_MINOR = 10**15


@dataclass(frozen=True)
class Currency:
    code: str
    digits: int  # minor-unit digits: 2 for CNY (fen), 0 for JPY
    symbol: str

    @property
    def factor(self) -> int:
        return 10**self.digits


CURRENCIES: dict[str, Currency] = {
    c.code: c
    for c in (
        Currency("CNY", 2, "¥"),
        Currency("HKD", 2, "HK$"),
        Currency("TWD", 2, "NT$"),
        Currency("MOP", 2, "MOP$"),
        Currency("SGD", 2, "S$"),
        Currency("MYR", 2, "RM"),
        Currency("USD", 2, "$"),
        Currency("EUR", 2, "€"),
        Currency("GBP", 2, "£"),
        Currency("JPY", 0, "¥"),
        Currency("KRW", 0, "₩"),
        Currency("IRR", 0, "﷼"),
    )
}


def currency(code: str) -> Currency:
    try:
        return CURRENCIES[code.upper()]
    except KeyError:
        raise ValidationError("money.unknown_currency", field="currency", code=code) from None


CNY = CURRENCIES["CNY"]

# Matched after NFKC, which turns the rial sign U+FDFC into the word "ریال" (Arabic "ريال" is
# the same word with the Arabic yeh), so both spellings are listed, as a prefix and a suffix.
_RIAL = ("ریال", "ريال")
_SYMBOLS = ("HK$", "NT$", "MOP$", "S$", "RM", "US$", "$", "€", "£", "¥", "₩", *_RIAL, "元", "圆")
_SUFFIXES = ("元", "圆", *_RIAL)
_CODES = re.compile(r"^(?:RMB|CNY|HKD|TWD|USD|EUR|GBP|JPY|KRW|IRR|SGD|MYR|MOP)\s*|\s*(?:RMB|CNY|HKD|TWD|USD|EUR|GBP|JPY|KRW|IRR|SGD|MYR|MOP)$", re.I)
_GROUPED = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d*)?$")
_PLAIN = re.compile(r"^\d+(?:\.\d*)?$|^\.\d+$")


def _normalise(text: str) -> str:
    # NFKC folds full-width digits, '，', '．' and '￥' to their ASCII forms.
    s = unicodedata.normalize("NFKC", text).strip()
    s = s.replace("\u3002", ".").replace("\u2212", "-").replace(" ", "").replace("\u00a0", "")
    s = s.replace("'", "").replace("_", "")
    return s


def parse_money(
    text: str,
    cur: Currency = CNY,
    *,
    allow_negative: bool = False,
    allow_zero: bool = True,
    field: str | None = None,
) -> int:
    """Parse what a person typed ("1,234.5", "¥12", "１２３.４５", "-3") into minor units.

    Raises :class:`ValidationError` with one of the codes ``money.empty``, ``money.invalid``,
    ``money.negative``, ``money.zero``, ``money.too_many_decimals`` (param ``digits``),
    ``money.too_large`` (param ``max``).
    """
    if text is None or not str(text).strip():
        raise ValidationError("money.empty", field=field)
    s = _normalise(str(text))
    negative = False
    if s.startswith(("-", "+")):
        negative = s[0] == "-"
        s = s[1:]
    s = _CODES.sub("", s)
    for sym in _SYMBOLS:
        if s.startswith(sym):
            s = s[len(sym):]
            break
    for sym in _SUFFIXES:
        if s.endswith(sym):
            s = s[: -len(sym)]
            break
    if s.startswith("-") and not negative:  # "¥-12"
        negative, s = True, s[1:]
    if _GROUPED.match(s):
        s = s.replace(",", "")
    elif not _PLAIN.match(s):
        raise ValidationError("money.invalid", field=field, text=str(text)[:40])
    whole, _, frac = s.partition(".")
    if len(frac) > cur.digits:
        if frac.rstrip("0") and len(frac.rstrip("0")) > cur.digits:
            raise ValidationError("money.too_many_decimals", field=field, digits=cur.digits)
        frac = frac[: cur.digits]
    if len(whole) > 18:
        raise ValidationError("money.too_large", field=field, max=format_money(MAX_MINOR, cur))
    value = int(whole or "0") * cur.factor + int(frac.ljust(cur.digits, "0") or "0")
    if value > MAX_MINOR:
        raise ValidationError("money.too_large", field=field, max=format_money(MAX_MINOR, cur))
    if negative and value:
        if not allow_negative:
            raise ValidationError("money.negative", field=field)
        value = -value
    if value == 0 and not allow_zero:
        raise ValidationError("money.zero", field=field)
    return value


def check_amount(value: int, *, allow_negative: bool = False, allow_zero: bool = True,
                 field: str | None = None) -> int:
    """Validate an amount that arrives already in minor units (from a service caller)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError("money.invalid", field=field, text=repr(value)[:40])
    if abs(value) > MAX_MINOR:
        raise ValidationError("money.too_large", field=field, max=str(MAX_MINOR))
    if value < 0 and not allow_negative:
        raise ValidationError("money.negative", field=field)
    if value == 0 and not allow_zero:
        raise ValidationError("money.zero", field=field)
    return value


def format_money(
    minor: int,
    cur: Currency = CNY,
    *,
    symbol: bool = True,
    group: str = ",",
    point: str = ".",
) -> str:
    """``format_money(123450) == '¥1,234.50'``. Separators come from the UI's locale."""
    sign = "-" if minor < 0 else ""
    whole, frac = divmod(abs(minor), cur.factor)
    digits = f"{whole:,}".replace(",", group)
    if cur.digits:
        digits += point + str(frac).rjust(cur.digits, "0")
    return f"{sign}{cur.symbol if symbol else ''}{digits}"


def to_input_text(minor: int, cur: Currency = CNY) -> str:
    """The plain form put back into an edit field: ``'1234.50'``."""
    return format_money(minor, cur, symbol=False, group="")


def as_decimal(minor: int, cur: Currency | str = CNY) -> Decimal:
    """Minor units as an exact Decimal of the major unit (123450 -> 1234.50), for spreadsheets."""
    c = currency(cur) if isinstance(cur, str) else cur
    return Decimal(minor).scaleb(-c.digits)


Rate = int | Fraction | Decimal | str


def _fraction(x: Rate) -> Fraction:
    if isinstance(x, Fraction):
        return x
    if isinstance(x, int) and not isinstance(x, bool):
        return Fraction(x)
    try:
        d = Decimal(str(x))
    except InvalidOperation:
        raise ValidationError("rate.invalid", text=str(x)[:40]) from None
    if not d.is_finite():
        raise ValidationError("rate.invalid", text=str(x)[:40])
    return Fraction(d)


def round_half_up(value: Fraction | int) -> int:
    """The single rounding rule of OpsDesk: to the nearest integer, halves away from zero."""
    v = Fraction(value)
    n, d = abs(v.numerator), v.denominator
    q, r = divmod(n, d)
    if 2 * r >= d:
        q += 1
    return q if v >= 0 else -q


def apply_rate(amount: int, rate: Rate) -> int:
    """``amount × rate`` in minor units, rounded by :func:`round_half_up`. ``rate`` 0.03 = 3 %."""
    return round_half_up(amount * _fraction(rate))


def split(total: int, weights: Sequence[Rate]) -> list[int]:
    """Split ``total`` in proportion to ``weights`` so that the parts sum to ``total`` exactly.

    Largest-remainder method: every part gets the floor of its exact share; the units left over go
    one each to the parts with the largest remainders, ties to the earlier part. A negative total
    is split like its magnitude and the signs restored. Weights must be >= 0 and not all zero.
    """
    fr = [_fraction(w) for w in weights]
    if not fr:
        raise ValidationError("split.no_parts")
    if any(w < 0 for w in fr):
        raise ValidationError("split.negative_weight")
    s = sum(fr)
    if s == 0:
        raise ValidationError("split.zero_weights")
    sign = -1 if total < 0 else 1
    t = abs(total)
    exact = [t * w / s for w in fr]
    parts = [int(e) for e in exact]  # floor: e >= 0
    left = t - sum(parts)
    order = sorted(range(len(fr)), key=lambda i: (-(exact[i] - parts[i]), i))
    for i in order[:left]:
        parts[i] += 1
    return [sign * p for p in parts]
