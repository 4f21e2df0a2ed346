"""Members from a spreadsheet: guess which column is which, preview, then validate every row.

Nothing here writes to the database. :func:`preview` shows the guessed mapping and the first
rows; :func:`parse_all` streams every row as an :class:`ImportRow` or :class:`RowError` items for
a service to write in batches once the user has confirmed, with progress and cooperative cancel.

A mapping is a plain ``dict`` field -> 0-based column index, over :data:`FIELDS`; ``name`` and
``phone`` are required. Header guessing ignores case, spaces, punctuation and anything in
brackets (``手机号码（必填）`` is ``手机号码``); an exact synonym beats a header that merely
contains one (``会员姓名`` contains ``姓名``), and ``推荐人手机`` (the referrer's phone) is not the
member's phone.

Cell rules:

* phone: :func:`opsdesk.domain.phone.normalize_mobile` in the store's country; a number cell
  (``13812345678`` or ``1.3812345678E10``) is read as its digits, but a CSV text like
  ``1.38123E+10`` has lost digits in Excel and is refused (``import.phone_scientific``).
* name: :func:`opsdesk.domain.text.clean_name` (``text.*`` codes).
* gender: 男/男性/先生/M/male and 女/女性/女士/小姐/F/female; blank, 未知, 保密 -> unknown.
* birthday: a date cell, an Excel serial number (``33361``), or text ``1990-05-03``,
  ``1990/5/3``, ``1990.5.3``, ``19900503``, ``1990年5月3日`` (a time part is ignored). Day-month
  orders (``03/05/1990``) are ambiguous and refused.
* card: ``M000123``, ``m123`` or digits from an older system (``123`` -> ``M000123``).
* source: 到店/自然进店/walk-in, 转介绍/会员推荐/referral, 推广员/promoter, 鱼塘/合作/pond,
  发售/活动/launch; anything else is ``other`` and the text is kept in ``source_text``.
* tier: the tier's name as text; the service looks it up.

Error codes: on a :class:`RowError` - ``phone.*``, ``text.*``, ``card.invalid``,
``member.gender_invalid``, ``import.phone_scientific``, ``import.birthday_invalid``,
``import.birthday_out_of_range`` (params ``min``, ``max``), ``import.duplicate_in_file``
(param ``first_row``), ``import.duplicate_card_in_file`` (param ``first_row``). Raised:
``ValidationError("import.missing_columns", field="mapping", columns="name,phone")``,
``ValidationError("import.mapping_invalid", field="mapping", field_name=..., column=...)``,
:class:`ImportCancelled` (``import.cancelled``), and the file errors of
:mod:`opsdesk.io.tabular`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from opsdesk.domain.errors import OpsError, ValidationError
from opsdesk.domain.members import Gender, Source
from opsdesk.domain.phone import DEFAULT_COUNTRY, normalize_mobile
from opsdesk.domain.search_keys import format_card_number, parse_card_number
from opsdesk.domain.text import clean_name, clean_text
from opsdesk.io.tabular import Cell, open_table

FIELDS = ("name", "phone", "gender", "birthday", "card_no", "notes", "source", "tier")
REQUIRED = ("name", "phone")
NOTES_MAX = 500
TIER_MAX = 40

SYNONYMS: dict[str, tuple[str, ...]] = {
    "name": ("姓名", "名字", "会员姓名", "客户姓名", "顾客姓名", "会员名", "客户名", "称呼",
             "name", "fullname", "customername", "membername", "客户", "会员", "顾客"),
    "phone": ("手机", "手机号", "手机号码", "电话", "电话号码", "联系电话", "联系方式", "移动电话",
              "会员手机", "客户手机", "phone", "mobile", "mobilephone", "cell", "cellphone", "tel",
              "telephone", "phonenumber", "mobilenumber"),
    "gender": ("性别", "gender", "sex"),
    "birthday": ("生日", "出生日期", "出生年月", "出生年月日", "生日日期", "birthday", "birthdate",
                 "dateofbirth", "dob"),
    "card_no": ("会员卡号", "卡号", "会员卡", "会员编号", "会员号", "card", "cardno", "cardnumber",
                "memberno", "membernumber", "membershipnumber", "memberid"),
    "notes": ("备注", "说明", "附注", "备忘", "notes", "note", "remark", "remarks", "comment",
              "comments", "memo"),
    "source": ("来源", "客户来源", "会员来源", "渠道", "来源渠道", "获客渠道", "source", "channel"),
    "tier": ("等级", "会员等级", "级别", "会员级别", "卡类型", "会员类型", "卡种", "tier", "level",
             "membership", "grade", "membershiplevel", "cardtype", "membershiptype"),
}
# Too general to count when merely contained in a header: "会员生日" is not a name column.
_EXACT_ONLY = frozenset(("客户", "会员", "顾客", "name", "card", "cell", "tel", "sex", "level",
                         "grade", "note", "memo"))
# A header containing one of these is about another person (the referrer, an emergency contact).
_OTHER_PERSON = ("推荐", "介绍人", "紧急", "联系人", "referr", "emergency", "contact person")

_GENDERS: dict[str, Gender] = {
    **dict.fromkeys(("男", "男性", "先生", "m", "male", "man", "boy"), Gender.MALE),
    **dict.fromkeys(("女", "女性", "女士", "小姐", "f", "female", "woman", "girl"), Gender.FEMALE),
    **dict.fromkeys(("", "未知", "保密", "不详", "-", "unknown", "n/a", "na", "x"), Gender.UNKNOWN),
}
_SOURCES: dict[str, Source] = {
    **dict.fromkeys(("到店", "自然到店", "自然进店", "进店", "路过", "walkin", "walk_in", "门店"),
                    Source.WALK_IN),
    **dict.fromkeys(("转介绍", "会员推荐", "老带新", "推荐", "会员转介绍", "referral",
                     "memberreferral", "member_referral"), Source.MEMBER_REFERRAL),
    **dict.fromkeys(("推广员", "推广", "promoter"), Source.PROMOTER),
    **dict.fromkeys(("鱼塘", "合作", "异业合作", "合作商家", "pond", "partner"), Source.POND),
    **dict.fromkeys(("发售", "活动", "发售活动", "launch", "event"), Source.LAUNCH),
    **dict.fromkeys(("其他", "其它", "other"), Source.OTHER),
}
_BRACKETS = re.compile(r"[(（\[【<《].*?[)）\]】>》]")
_NOT_WORD = re.compile(r"[\s_\-*:：/.#]+")
_SCIENTIFIC = re.compile(r"^\d(?:\.\d+)?[eE]\+?\d+$")
_DATE_TEXT = re.compile(
    r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_EXCEL_EPOCH = date(1899, 12, 30)  # serial 1 is 1900-01-01 once Excel's phantom 1900-02-29 is skipped
MIN_BIRTHDAY = date(1900, 1, 1)


@dataclass(frozen=True)
class ImportRow:
    row_no: int
    name: str
    phone: str  # stored form
    gender: str = Gender.UNKNOWN.value
    birthday: date | None = None
    card_no: str | None = None
    notes: str = ""
    source: str = Source.OTHER.value
    source_text: str = ""  # as written in the file, when it was not one of the known sources
    tier_name: str | None = None


@dataclass(frozen=True)
class RowError:
    row_no: int
    field: str | None
    column: str | None  # the header text of the column, for the error list
    code: str
    params: Mapping[str, Any] = field(default_factory=dict)
    value: str = ""


@dataclass(frozen=True)
class Preview:
    headers: tuple[str, ...]
    mapping: dict[str, int]
    missing: tuple[str, ...]  # required fields without a column
    rows: tuple[ImportRow, ...]
    errors: tuple[RowError, ...]
    rows_read: int  # data rows looked at for this preview
    kind: str  # "csv" | "xlsx"
    encoding: str | None
    delimiter: str | None
    sheet: str | None


class ImportCancelled(OpsError):
    def __init__(self, rows_done: int) -> None:
        super().__init__("import.cancelled", rows_done=rows_done)


def _header_key(text: str) -> str:
    s = unicodedata.normalize("NFKC", text or "").casefold()
    s = _BRACKETS.sub("", s)
    return _NOT_WORD.sub("", s)


def guess_mapping(headers: tuple[str, ...] | list[str]) -> dict[str, int]:
    """Field -> column index for every field a header names; each column used once."""
    keys = [_header_key(h) for h in headers]
    mapping: dict[str, int] = {}
    used: set[int] = set()
    for exact in (True, False):
        for fld in FIELDS:
            if fld in mapping:
                continue
            for i, (key, raw) in enumerate(zip(keys, headers, strict=True)):
                if i in used or not key:
                    continue
                if exact:
                    hit = key in SYNONYMS[fld]
                else:
                    if any(w in raw.casefold() for w in _OTHER_PERSON):
                        continue
                    hit = any(s not in _EXACT_ONLY and s in key for s in SYNONYMS[fld])
                if hit:
                    mapping[fld] = i
                    used.add(i)
                    break
    return mapping


def check_mapping(mapping: Mapping[str, int], headers: tuple[str, ...]) -> dict[str, int]:
    clean: dict[str, int] = {}
    seen: set[int] = set()
    for fld, col in mapping.items():
        if fld not in FIELDS or not isinstance(col, int) or not 0 <= col < len(headers) \
                or col in seen:
            raise ValidationError("import.mapping_invalid", field="mapping", field_name=str(fld),
                                  column=str(col))
        seen.add(col)
        clean[fld] = col
    missing = [f for f in REQUIRED if f not in clean]
    if missing:
        raise ValidationError("import.missing_columns", field="mapping", columns=",".join(missing))
    return clean


def _text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    return str(value).strip()


def _phone(value: Cell, country: str) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    text = _text(value)
    if _SCIENTIFIC.match(text):
        raise ValidationError("import.phone_scientific", field="phone")
    return normalize_mobile(text, country, field="phone")


def _gender(value: Cell) -> str:
    key = _text(value).casefold().replace(" ", "")
    try:
        return _GENDERS[key].value
    except KeyError:
        raise ValidationError("member.gender_invalid", field="gender") from None


def _valid_date(y: int, m: int, d: int) -> date:
    try:
        return date(y, m, d)
    except ValueError:
        raise ValidationError("import.birthday_invalid", field="birthday") from None


def _serial(n: float) -> date:
    # 60 is Excel's 1900-02-29, a day that never was; earlier serials are a day off as well.
    if not 61 <= n < 2958466:
        raise ValidationError("import.birthday_invalid", field="birthday")
    return _EXCEL_EPOCH + timedelta(days=int(n))


def parse_birthday(value: Cell, *, today: date | None = None) -> date | None:
    """The accepted forms are listed in the module docstring; ``None`` for a blank cell."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        d = value.date()
    elif isinstance(value, date):
        d = value
    elif isinstance(value, bool):
        raise ValidationError("import.birthday_invalid", field="birthday")
    elif isinstance(value, int | float):
        if isinstance(value, float) and not value.is_integer():
            raise ValidationError("import.birthday_invalid", field="birthday")
        n = int(value)
        d = _valid_date(n // 10000, n // 100 % 100, n % 100) if 10**7 <= n < 10**8 \
            else _serial(n)
    else:
        s = unicodedata.normalize("NFKC", str(value)).strip()
        s = s.split(" ")[0].split("T")[0] if re.match(r"^\d{4}\D", s) else s
        m = _DATE_TEXT.match(s)
        if m:
            d = _valid_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        elif re.fullmatch(r"\d{8}", s):
            d = _valid_date(int(s[:4]), int(s[4:6]), int(s[6:]))
        elif re.fullmatch(r"\d{5}", s):
            d = _serial(int(s))
        else:
            raise ValidationError("import.birthday_invalid", field="birthday")
    latest = today or date.today()
    if not MIN_BIRTHDAY <= d <= latest:
        raise ValidationError("import.birthday_out_of_range", field="birthday",
                              min=MIN_BIRTHDAY.isoformat(), max=latest.isoformat())
    return d


def _card(value: Cell) -> str | None:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return format_card_number(value)
    text = _text(value)
    if not text:
        return None
    if text.isdigit():
        return format_card_number(int(text))
    return parse_card_number(text)


def _source(value: Cell) -> tuple[str, str]:
    raw = clean_text(_text(value), field="source", max_len=60)
    key = unicodedata.normalize("NFKC", raw).casefold().replace(" ", "").replace("-", "")
    if not key:
        return Source.OTHER.value, ""
    src = _SOURCES.get(key)
    return (src.value, "") if src else (Source.OTHER.value, raw)


class _RowParser:
    """Validates rows one by one and remembers phones and cards seen, for duplicates in the file."""

    def __init__(self, headers: tuple[str, ...], mapping: Mapping[str, int], country: str,
                 today: date | None) -> None:
        self.headers = headers
        self.mapping = dict(mapping)
        self.country = country
        self.today = today
        self.phones: dict[str, int] = {}
        self.cards: dict[str, int] = {}

    def _cell(self, values: tuple[Cell, ...], fld: str) -> Cell:
        col = self.mapping.get(fld)
        if col is None or col >= len(values):
            return None
        return values[col]

    def parse(self, row_no: int, values: tuple[Cell, ...]) -> ImportRow | list[RowError]:
        errors: list[RowError] = []
        out: dict[str, Any] = {}

        def take(fld: str, fn: Callable[[Cell], Any]) -> None:
            raw = self._cell(values, fld)
            try:
                out[fld] = fn(raw)
            except ValidationError as e:
                col = self.mapping.get(fld)
                errors.append(RowError(row_no, fld, self.headers[col] if col is not None
                                       else None, e.code, dict(e.params), _text(raw)[:40]))

        take("name", lambda v: clean_name(_text(v), field="name"))
        take("phone", lambda v: _phone(v, self.country))
        take("gender", _gender)
        take("birthday", lambda v: parse_birthday(v, today=self.today))
        take("card_no", _card)
        take("notes", lambda v: clean_text(_text(v), field="notes", max_len=NOTES_MAX,
                                           multiline=True))
        take("source", _source)
        take("tier", lambda v: clean_text(_text(v), field="tier", max_len=TIER_MAX) or None)

        phone = out.get("phone")
        if phone is not None:
            first = self.phones.get(phone)
            if first is not None:
                errors.append(RowError(row_no, "phone", self.headers[self.mapping["phone"]],
                                       "import.duplicate_in_file", {"first_row": first},
                                       _text(self._cell(values, "phone"))[:40]))
        card = out.get("card_no")
        if card is not None:
            first = self.cards.get(card)
            if first is not None:
                errors.append(RowError(row_no, "card_no", self.headers[self.mapping["card_no"]],
                                       "import.duplicate_card_in_file", {"first_row": first},
                                       card))
        if errors:
            return errors
        self.phones[phone] = row_no
        if card is not None:
            self.cards[card] = row_no
        source, source_text = out["source"]
        return ImportRow(row_no=row_no, name=out["name"], phone=phone, gender=out["gender"],
                         birthday=out["birthday"], card_no=card, notes=out["notes"],
                         source=source, source_text=source_text, tier_name=out["tier"])


def preview(path: str | Path, mapping: Mapping[str, int] | None = None, *,
            country: str = DEFAULT_COUNTRY, limit: int = 50, sheet: str | None = None,
            today: date | None = None) -> Preview:
    """Open the file, guess (or check) the mapping and parse the first ``limit`` data rows.
    Missing required columns are reported in ``missing``, not raised, so the user can fix the
    mapping on the same screen."""
    with open_table(path, sheet=sheet) as table:
        headers = table.headers
        if mapping is None:
            used = guess_mapping(headers)
        else:
            used = dict(mapping)
            try:
                check_mapping(used, headers)
            except ValidationError as e:
                if e.code != "import.missing_columns":
                    raise
        missing = tuple(f for f in REQUIRED if f not in used)
        rows: list[ImportRow] = []
        errors: list[RowError] = []
        read = 0
        parser = _RowParser(headers, used, country, today)
        if not missing:
            for row_no, values in table.rows():
                if read >= limit:
                    break
                read += 1
                result = parser.parse(row_no, values)
                if isinstance(result, ImportRow):
                    rows.append(result)
                else:
                    errors.extend(result)
        return Preview(headers, used, missing, tuple(rows), tuple(errors), read, table.kind,
                       table.encoding, table.delimiter, table.sheet)


def parse_all(path: str | Path, mapping: Mapping[str, int], *, country: str = DEFAULT_COUNTRY,
              progress: Callable[[int, float | None], None] | None = None,
              should_cancel: Callable[[], bool] | None = None, sheet: str | None = None,
              today: date | None = None, report_every: int = 500
              ) -> Iterator[ImportRow | RowError]:
    """Every data row as an :class:`ImportRow`, or one :class:`RowError` per failed cell.

    ``progress(rows_done, fraction)`` is called every ``report_every`` rows and once at the end
    (``fraction`` None when the file does not say its size). ``should_cancel()`` is asked as
    often; when it returns True the iteration raises :class:`ImportCancelled`, so a caller that
    writes in batches can roll back its open batch.
    """
    with open_table(path, sheet=sheet) as table:
        checked = check_mapping(mapping, table.headers)
        parser = _RowParser(table.headers, checked, country, today)
        done = 0
        if should_cancel is not None and should_cancel():
            raise ImportCancelled(0)
        for row_no, values in table.rows():
            result = parser.parse(row_no, values)
            if isinstance(result, ImportRow):
                yield result
            else:
                yield from result
            done += 1
            if done % report_every == 0:
                if progress is not None:
                    progress(done, table.fraction_done())
                if should_cancel is not None and should_cancel():
                    raise ImportCancelled(done)
        if progress is not None:
            progress(done, 1.0)
