"""The bad-input corpus (``tests/data/bad_inputs/``) through the real services and the member
importer: every input is refused with its own error code, and the database is byte-for-byte the
same afterwards (a digest of every table's rows, taken before and after).

``fields.json``: one case per line of a form: the service call, the field made bad, the value
(``{"repeat": s, "times": n}`` builds a long string here instead of committing it) and the code
expected. Import files are in ``import/``; a very large file is generated at test time.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from opsdesk.db.engine import Database
from opsdesk.domain.errors import FieldErrors, OpsError
from opsdesk.domain.roles import Role
from opsdesk.io import members_import as mi
from opsdesk.services import member_import, members, setup, staff, stored_value
from opsdesk.services.context import Actor

CORPUS = Path(__file__).resolve().parents[1] / "data" / "bad_inputs"
CASES = json.loads((CORPUS / "fields.json").read_text(encoding="utf-8"))


def digest(db: Database) -> str:
    h = hashlib.sha256()
    with db.read() as s:
        for table in sorted(inspect(s.connection()).get_table_names()):
            h.update(table.encode())
            for row in s.execute(text(f'SELECT * FROM "{table}" ORDER BY 1')):
                h.update(repr(tuple(row)).encode())
    return h.hexdigest()


def value_of(raw):  # noqa: ANN001, ANN201
    if isinstance(raw, dict):
        return raw["repeat"] * raw["times"]
    return raw


def attempt(db: Database, owner: Actor, customer: int, case: dict) -> str:
    field, value = case["field"], value_of(case["value"])
    call = case["call"]
    try:
        if call == "members.register":
            good = {"phone": "13900000009", "name": "新客", "notes": ""}
            members.register(db, owner, members.MemberInput(**{**good, field: value}))
        elif call == "stored_value.top_up":
            args = {"amount": 1000, "operation_id": "op-good", **{field: value}}
            stored_value.top_up(db, owner, customer, args["amount"], "cash", args["operation_id"])
        elif call == "setup.create_store":
            good = dict(store_name="分店", currency="CNY", country="CN", owner_name="李",
                        owner_login="li", owner_secret="1357")
            setup.create_store(db, setup.NewStore(**{**good, field: value}), first_run=False)
        elif call == "staff.create_staff":
            good = dict(name="新人", login="newbie", role=Role.SALES, secret="2580", phone="",
                        position="")
            staff.create_staff(db, owner, staff.StaffInput(**{**good, field: value}))
        else:
            raise AssertionError(f"unknown call {call}")
    except FieldErrors as e:
        assert list(e.errors) == [field], e.errors
        return e.errors[field].code
    except OpsError as e:
        return e.code
    return "accepted"


@pytest.fixture
def customer(db: Database, store: Actor) -> int:
    return members.register(db, store, members.MemberInput(phone="13800000001", name="王丽")).id


def test_every_bad_field_gets_its_code_and_writes_nothing(db: Database, store: Actor,
                                                          customer: int) -> None:
    before = digest(db)
    got = [attempt(db, store, customer, c) for c in CASES]
    wrong = [f"{c['call']} {c['field']}={json.dumps(c['value'])[:40]}: expected {c['code']}, "
             f"got {g}" for c, g in zip(CASES, got, strict=True) if g != c["code"]]
    assert not wrong, "\n".join(wrong)
    assert digest(db) == before
    assert len(CASES) >= 70


# file -> the codes its import ends with: one file error, or the row errors of every row.
IMPORT_FILES = {
    "empty.csv": ["import.empty_file"],
    "binary_junk.csv": ["import.binary_file"],
    "binary_junk.xlsx": ["import.not_xlsx"],
    "zip_without_workbook.xlsx": ["import.xlsx_damaged"],
    "old_xls_renamed.csv": ["import.xls_not_supported"],
    # Its BOM starts like UTF-16's: read so, every header holds NULs and none is recognised.
    "utf32.csv": ["import.missing_columns"],
    "control_char.csv": ["import.binary_file"],
    "latin1_not_utf8_nor_gbk.csv": ["import.unknown_encoding"],
    "missing_columns.csv": ["import.missing_columns"],
    "formulas.csv": ["phone.invalid_chars", "phone.invalid_chars", "phone.invalid_chars"],
    "rtl_emoji.csv": ["text.bidi_control", "text.emoji"],
}


def import_codes(db: Database, owner: Actor, path: Path) -> list[str]:
    """The import as the screens and ``opsdesk import`` run it: preview, parse, write."""
    try:
        pv = mi.preview(path, country="CN")
        if pv.missing:
            return ["import.missing_columns"]
        items = list(mi.parse_all(path, pv.mapping, country="CN"))
    except OpsError as e:
        return [e.code]
    good = [r for r in items if isinstance(r, mi.ImportRow)]
    if good:
        member_import.import_members(db, owner, good, "skip")
    return [r.code for r in items if not isinstance(r, mi.ImportRow)]


def test_every_bad_import_file_is_refused_and_writes_nothing(db: Database, store: Actor,
                                                             customer: int) -> None:
    before = digest(db)
    got = {name: import_codes(db, store, CORPUS / "import" / name) for name in IMPORT_FILES}
    assert got == IMPORT_FILES
    assert digest(db) == before


def test_a_huge_file_of_bad_rows_lists_every_row(db: Database, store: Actor, customer: int,
                                                 tmp_path: Path) -> None:
    rows = 100_000
    path = tmp_path / "huge.csv"
    with path.open("w", encoding="utf-8") as f:
        f.write("姓名,手机号码,备注\n")
        for i in range(rows):
            f.write(f"顾客{i},{12345 + i % 7},第{i}行\n")
    before = digest(db)
    codes = import_codes(db, store, path)
    assert len(codes) == rows and set(codes) == {"phone.wrong_length"}
    assert digest(db) == before
