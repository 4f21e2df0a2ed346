"""Mobile numbers: normalise what the front desk types, refuse what cannot be a member's mobile.

The stored form (what :func:`normalize_mobile` returns and the database keeps unique) is

* the national significant number, digits only, for a number of the store's own country:
  ``"13812345678"`` in a Chinese store, ``"91234567"`` in a Hong Kong store;
* E.164 (``"+85291234567"``) for a number of another country in the table, so that a Shenzhen
  shop can register a Hong Kong customer without the two numbering plans colliding.

China (the default) accepts ``+86``, ``0086`` and a bare ``86`` before the 11 digits, spaces,
dashes, dots, brackets and full-width digits; also a stray trunk ``0`` before a mobile
(``013812345678``, an old long-distance habit: unambiguous, since Beijing's ``010`` is the only area
code starting ``01``). The assigned mobile blocks (MIIT numbering plan, checked against public
listings: 190/192/196/197 were issued on 2019-12-24, leaving 194 the only 19x block not issued) are
13x, 145-149, 150-153, 155-159, 162, 165-167, 170-178, 180-189, 190-193, 195-199. Left out on
purpose: 140-144 (13-digit IoT numbers, or not issued), 154, 160/161/163/164/168/169, 179 and 194
(no personal mobiles), 10x/11x/12x (service and emergency codes). 170/171/162/165/167 are virtual operators, 172 is an
IoT block and 174 satellite phones: all real numbers a person may hold, so they are accepted;
refusing a real number blocks a registration, while accepting a rare one costs nothing.

The other countries get simpler length-and-prefix rules (see :data:`RULES`); in the US a mobile
cannot be told from a landline, so any valid NANP number passes.

Error codes (``ValidationError.code``; ``field`` is the ``field`` argument, ``"phone"`` by default):

* ``phone.empty`` - nothing typed.
* ``phone.invalid_chars`` - a letter or a symbol other than space ``-`` ``.`` ``(`` ``)`` ``/``
  and a leading ``+``; param ``char``.
* ``phone.landline`` - a fixed-line or service number (``010-12345678``, ``0755 ...``, ``400 ...``).
* ``phone.wrong_length`` - params ``expected`` (e.g. ``"11"`` or ``"9-10"``) and ``got``.
* ``phone.unassigned_prefix`` - right length, but no operator holds that block; param ``prefix``.
* ``phone.unknown_calling_code`` - ``+`` / ``00`` followed by a code not in the table;
  param ``calling_code``.
* ``phone.unknown_country`` - the store's country has no rule; param ``country``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from opsdesk.domain.errors import ValidationError

DEFAULT_COUNTRY = "CN"

# Anything longer is not a phone number but a paste accident; refusing it early keeps the
# regexes below from ever seeing a megabyte of digits.
_MAX_INPUT = 40

_NEVER = re.compile(r"(?!)")


@dataclass(frozen=True)
class MobileRule:
    """How one country writes its mobile numbers.

    ``mobile`` and ``fixed`` are matched against the national significant number (NSN: no
    country code, no trunk prefix). ``lengths`` are the NSN lengths a mobile can have.
    ``trunk`` is the digit dialled before an NSN inside the country (``"0"`` in most places);
    ``display_prefix`` is the part of it that a printed national number shows (China dials
    mobiles without the ``0``). ``groups`` split the national display form into blocks.
    """

    country: str
    calling_code: str
    lengths: frozenset[int]
    mobile: re.Pattern[str]
    fixed: re.Pattern[str] = _NEVER
    trunk: str = ""
    display_prefix: str = ""
    groups: tuple[int, ...] = (4, 4)

    @property
    def expected(self) -> str:
        lo, hi = min(self.lengths), max(self.lengths)
        return str(lo) if lo == hi else f"{lo}-{hi}"


def _rule(country: str, cc: str, lengths: set[int], mobile: str, fixed: str | None = None,
          trunk: str = "", display_prefix: str = "", groups: tuple[int, ...] = (4, 4)) -> MobileRule:
    return MobileRule(country, cc, frozenset(lengths), re.compile(mobile),
                      re.compile(fixed) if fixed else _NEVER, trunk, display_prefix, groups)


RULES: dict[str, MobileRule] = {r.country: r for r in (
    _rule("CN", "86", {11},
          r"1(?:3\d|4[5-9]|5[0-35-9]|6[2567]|7[0-8]|8\d|9[0-35-9])\d{8}",
          # Area code (10, 2x, 3-digit) + 7-8 digit local number, a local number alone, or a
          # 400/800 service number: none of them reaches a mobile phone.
          r"(?:10|2\d|[3-9]\d\d)\d{7,8}|[2-9]\d{6,7}|[48]00\d{7}",
          trunk="0", groups=(3, 4, 4)),
    # 2x/3x are fixed lines; 80x is toll-free. 4x mobiles were opened in 2018.
    _rule("HK", "852", {8}, r"(?:[4-79]\d|8[1-9])\d{6}", r"[23]\d{7}"),
    _rule("MO", "853", {8}, r"6\d{7}", r"28\d{6}"),
    _rule("TW", "886", {9}, r"9\d{8}", r"[2-8]\d{7,8}", trunk="0", display_prefix="0",
          groups=(4, 3, 3)),
    _rule("SG", "65", {8}, r"[89]\d{7}", r"6\d{7}"),
    _rule("MY", "60", {9, 10}, r"1(?:1\d{8}|[02-46-9]\d{7})", r"[3-9]\d{7,8}", trunk="0",
          display_prefix="0", groups=(3, 3, 4)),
    # NANP: area code and exchange both start 2-9; mobiles share the landline numbering.
    _rule("US", "1", {10}, r"[2-9]\d\d[2-9]\d{6}", trunk="1", groups=(3, 3, 4)),
    _rule("GB", "44", {10}, r"7[1-57-9]\d{8}", r"[1-3]\d{8,9}", trunk="0", display_prefix="0",
          groups=(5, 6)),
    _rule("DE", "49", {10, 11}, r"1[5-7]\d{8,9}", r"[2-9]\d{5,10}", trunk="0",
          display_prefix="0", groups=(4, 8)),
    _rule("FR", "33", {9}, r"[67]\d{8}", r"[1-59]\d{8}", trunk="0", display_prefix="0",
          groups=(2, 2, 2, 2, 2)),
    _rule("JP", "81", {10}, r"[789]0\d{8}", r"[1-9]\d{8}", trunk="0", display_prefix="0",
          groups=(3, 4, 4)),
    _rule("KR", "82", {9, 10}, r"10\d{8}|1[16-9]\d{7,8}", r"(?:2|[3-6][1-5])\d{7,8}",
          trunk="0", display_prefix="0", groups=(3, 4, 4)),
    _rule("IR", "98", {10}, r"9\d{9}", r"[1-8]\d{9}", trunk="0", display_prefix="0",
          groups=(4, 3, 4)),
)}

_BY_CALLING_CODE: dict[str, MobileRule] = {r.calling_code: r for r in RULES.values()}

# Separators people type or paste between digit groups. NFKC has already folded the full-width
# forms (U+FF0D '－', U+FF08 '（', U+3000) into these.
_SEPARATORS = frozenset(" -.()/\t\u00a0\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u30fc")


def rule_for(country: str = DEFAULT_COUNTRY, *, field: str | None = "phone") -> MobileRule:
    try:
        return RULES[country.upper()]
    except KeyError:
        raise ValidationError("phone.unknown_country", field=field, country=country) from None


def _clean(text: str | None, field: str | None, expected: str) -> tuple[bool, str]:
    """(had a leading '+', digits only) or a ValidationError."""
    if text is None or not str(text).strip():
        raise ValidationError("phone.empty", field=field)
    s = unicodedata.normalize("NFKC", str(text)).strip()
    if len(s) > _MAX_INPUT:
        raise ValidationError("phone.wrong_length", field=field, expected=expected, got=len(s))
    plus = s.startswith("+")
    if plus:
        s = s[1:]
    digits = []
    for ch in s:
        # isdecimal() would also pass Arabic-Indic and other scripts' digits, which NFKC keeps;
        # unicodedata.decimal folds them to ASCII so a Persian-typed number still works.
        if ch.isdecimal():
            digits.append(str(unicodedata.decimal(ch)))
        elif ch not in _SEPARATORS:
            raise ValidationError("phone.invalid_chars", field=field, char=ch)
    if not digits:
        raise ValidationError("phone.empty", field=field)
    return plus, "".join(digits)


def _split_calling_code(digits: str, field: str | None) -> tuple[MobileRule, str]:
    # Calling codes are prefix-free (ITU E.164), so the first match is the only one.
    for n in (1, 2, 3):
        rule = _BY_CALLING_CODE.get(digits[:n])
        if rule is not None:
            return rule, digits[n:]
    raise ValidationError("phone.unknown_calling_code", field=field, calling_code=digits[:3])


def _check_nsn(nsn: str, rule: MobileRule, field: str | None) -> str:
    if rule.mobile.fullmatch(nsn):
        return nsn
    if rule.fixed.fullmatch(nsn):
        raise ValidationError("phone.landline", field=field)
    if len(nsn) not in rule.lengths:
        raise ValidationError("phone.wrong_length", field=field, expected=rule.expected,
                              got=len(nsn))
    raise ValidationError("phone.unassigned_prefix", field=field, prefix=nsn[:3])


def _strip_trunk(rest: str, rule: MobileRule) -> str:
    if rule.trunk and rest.startswith(rule.trunk):
        return rest[len(rule.trunk):]
    return rest


@dataclass(frozen=True)
class Mobile:
    """A validated mobile number: its country's rule and its NSN."""

    country: str
    nsn: str

    @property
    def rule(self) -> MobileRule:
        return RULES[self.country]

    @property
    def e164(self) -> str:
        return f"+{self.rule.calling_code}{self.nsn}"

    def stored(self, store_country: str = DEFAULT_COUNTRY) -> str:
        return self.nsn if self.country == store_country.upper() else self.e164


def parse_mobile(text: str | None, country: str = DEFAULT_COUNTRY, *,
                 field: str | None = "phone") -> Mobile:
    """Validate ``text`` as a mobile number of ``country`` (or, with ``+``/``00``, of any
    country in :data:`RULES`). Raises the ``phone.*`` codes listed in the module docstring."""
    home = rule_for(country, field=field)
    plus, digits = _clean(text, field, home.expected)
    if not plus and digits.startswith("00"):
        plus, digits = True, digits[2:]
    if plus:
        rule, rest = _split_calling_code(digits, field)
        # "+44 (0)7911 ..." carries the trunk after the country code; drop it.
        nsn = _strip_trunk(rest, rule)
        return Mobile(rule.country, _check_nsn(nsn, rule, field))
    cc = home.calling_code
    if digits.startswith(cc) and home.mobile.fullmatch(digits[len(cc):]):
        return Mobile(home.country, digits[len(cc):])
    return Mobile(home.country, _check_nsn(_strip_trunk(digits, home), home, field))


def normalize_mobile(text: str | None, country: str = DEFAULT_COUNTRY, *,
                     field: str | None = "phone") -> str:
    """The stored form: ``normalize_mobile("+86 138-1234-5678") == "13812345678"``."""
    return parse_mobile(text, country, field=field).stored(country)


def is_mobile(text: str | None, country: str = DEFAULT_COUNTRY) -> bool:
    try:
        parse_mobile(text, country)
    except ValidationError:
        return False
    return True


def _digits(stored: str) -> str:
    return "".join(ch for ch in stored if ch.isdigit())


def last4(stored: str) -> str:
    """The last four digits (尾号), what customers say at the counter."""
    d = _digits(stored)
    if len(d) < 4:
        raise ValidationError("phone.wrong_length", field="phone", expected="4", got=len(d))
    return d[-4:]


def _group(s: str, sizes: tuple[int, ...]) -> str:
    parts, i = [], 0
    for n in sizes[:-1]:
        if i >= len(s):
            break
        parts.append(s[i:i + n])
        i += n
    if i < len(s):
        parts.append(s[i:])  # the last group takes whatever is left: lengths vary in MY, DE, KR
    return " ".join(parts)


def _mobile_of_stored(stored: str, country: str) -> Mobile:
    if stored.startswith("+"):
        rule, nsn = _split_calling_code(stored[1:], "phone")
        return Mobile(rule.country, nsn)
    return Mobile(rule_for(country).country, stored)


def format_mobile(stored: str, country: str = DEFAULT_COUNTRY) -> str:
    """Display form of a stored number: ``"138 1234 5678"``, ``"07911 123456"`` in a British
    store, ``"+852 9123 4567"`` for a foreign number. Never raises on a stored value from an
    older rule set: anything unrecognised is shown as it was stored."""
    body = stored[1:] if stored.startswith("+") else stored
    if not (body.isascii() and body.isdigit()):
        return stored
    try:
        m = _mobile_of_stored(stored, country)
    except ValidationError:
        return stored
    rule = m.rule
    if m.country == country.upper() and not stored.startswith("+"):
        return _group(rule.display_prefix + m.nsn, rule.groups)
    # International form drops the trunk, so the first block loses its width.
    first = rule.groups[0] - len(rule.display_prefix)
    sizes = ((first,) if first > 0 else ()) + rule.groups[1:]
    return f"+{rule.calling_code} {_group(m.nsn, sizes)}"


def mask_mobile(stored: str) -> str:
    """``"138****5678"`` for receipts and printed lists: the customer recognises it, a stranger
    reading the slip cannot call it. Keeps the first three and the last four digits."""
    d = _digits(stored)
    sign = "+" if stored.startswith("+") else ""
    hidden = len(d) - 7
    if hidden <= 0:
        return "*" * max(len(d) - 4, 0) + d[-4:]
    return sign + d[:3] + "*" * hidden + d[-4:]
