"""Member import: mapping guesses, cell rules, per-row errors, duplicates, progress and cancel."""

from __future__ import annotations

import codecs
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from opsdesk.domain.errors import ValidationError
from opsdesk.io.members_import import (
    ImportCancelled,
    ImportRow,
    RowError,
    guess_mapping,
    parse_all,
    parse_birthday,
    preview,
)

TODAY = date(2024, 6, 1)


def xlsx(path: Path, rows: list[list]) -> Path:
    wb = openpyxl.Workbook()
    for r in rows:
        wb.active.append(r)
    wb.save(path)
    return path


@pytest.mark.parametrize(("headers", "expected"), [
    (["姓名", "手机", "性别", "生日", "会员卡号", "备注", "来源", "等级"],
     {"name": 0, "phone": 1, "gender": 2, "birthday": 3, "card_no": 4, "notes": 5, "source": 6,
      "tier": 7}),
    (["Name", "Mobile", "Sex", "Date of Birth", "Card No.", "Remarks"],
     {"name": 0, "phone": 1, "gender": 2, "birthday": 3, "card_no": 4, "notes": 5}),
    (["序号", "会员姓名*", "推荐人手机", "手机号码（必填）", "会员生日"],
     {"name": 1, "phone": 3, "birthday": 4}),
    (["客户", "联系电话", "紧急联系电话", "出生年月", "会员等级"],
     {"name": 0, "phone": 1, "birthday": 3, "tier": 4}),
    (["编号", "地址"], {}),
])
def test_mapping_is_guessed_from_headers(headers: list[str], expected: dict) -> None:
    assert guess_mapping(headers) == expected


@pytest.mark.parametrize(("value", "expected"), [
    ("1990/5/3", date(1990, 5, 3)), ("1990-05-03", date(1990, 5, 3)),
    ("19900503", date(1990, 5, 3)), ("1990.5.3", date(1990, 5, 3)),
    ("1990年5月3日", date(1990, 5, 3)), ("1990-05-03 00:00:00", date(1990, 5, 3)),
    ("１９９０／５／３", date(1990, 5, 3)),
    (33361, date(1991, 5, 3)), ("33361", date(1991, 5, 3)), (33361.0, date(1991, 5, 3)),
    (19900503, date(1990, 5, 3)),
    (datetime(1990, 5, 3, 0, 0), date(1990, 5, 3)), (date(1990, 5, 3), date(1990, 5, 3)),
    (None, None), ("  ", None),
])
def test_birthday_forms(value: object, expected: date | None) -> None:
    assert parse_birthday(value, today=TODAY) == expected


@pytest.mark.parametrize(("value", "code"), [
    ("03/05/1990", "import.birthday_invalid"), ("1990-02-30", "import.birthday_invalid"),
    ("yesterday", "import.birthday_invalid"), (12.5, "import.birthday_invalid"),
    (True, "import.birthday_invalid"), ("2030-01-01", "import.birthday_out_of_range"),
    ("1899-12-31", "import.birthday_out_of_range"), (60, "import.birthday_invalid"),
])
def test_bad_birthdays(value: object, code: str) -> None:
    with pytest.raises(ValidationError) as e:
        parse_birthday(value, today=TODAY)
    assert e.value.code == code


def sample_csv(path: Path, encoding: str = "gb18030") -> Path:
    text = (
        "姓名,手机,性别,生日,会员卡号,备注,来源,等级\r\n"
        "张三,+86 138-1234-5678,男,1990/5/3,m12,老客户,转介绍,金卡\r\n"
        "李四,010-12345678,女,,,,,\r\n"
        ",13912345678,女士,,,,,\r\n"
        "王五,13812345678,未知,,,,,\r\n"
        "赵六,1.38123E+10,,,,,,\r\n"
        "孙七,13712345678,X?,1990-13-01,abc,,美团,\r\n"
        "周八,13612345678,F,19851212,123,,walk-in,\r\n"
        "A&B 😀,13512345678,,,,,,\r\n"
    )
    path.write_bytes(text.encode(encoding) if encoding != "utf-8-sig"
                     else codecs.BOM_UTF8 + text.encode())
    return path


@pytest.mark.parametrize("encoding", ["gb18030", "utf-8-sig", "utf-8"])
def test_preview_of_a_csv(tmp_path: Path, encoding: str) -> None:
    p = preview(sample_csv(tmp_path / "m.csv", encoding), today=TODAY)
    assert p.missing == ()
    assert p.mapping["phone"] == 1 and p.kind == "csv"
    assert p.rows_read == 8
    assert [r.name for r in p.rows] == ["张三", "周八"]
    first = p.rows[0]
    assert first == ImportRow(row_no=2, name="张三", phone="13812345678", gender="m",
                              birthday=date(1990, 5, 3), card_no="M000012", notes="老客户",
                              source="member_referral", source_text="", tier_name="金卡")
    assert p.rows[1].card_no == "M000123" and p.rows[1].source == "walk_in"
    assert p.rows[1].gender == "f" and p.rows[1].birthday == date(1985, 12, 12)
    errors = {(e.row_no, e.field, e.code) for e in p.errors}
    assert errors == {
        (3, "phone", "phone.landline"),
        (4, "name", "text.required"),
        (5, "phone", "import.duplicate_in_file"),
        (6, "phone", "import.phone_scientific"),
        (7, "gender", "member.gender_invalid"),
        (7, "birthday", "import.birthday_invalid"),
        (7, "card_no", "card.invalid"),
        (9, "name", "text.emoji"),
    }
    dup = next(e for e in p.errors if e.code == "import.duplicate_in_file")
    assert dup.params == {"first_row": 2} and dup.column == "手机" and dup.value == "13812345678"


def test_unknown_source_is_other_and_keeps_its_text(tmp_path: Path) -> None:
    p = tmp_path / "s.csv"
    p.write_text("姓名,手机,来源\n张三,13812345678,美团\n", encoding="utf-8")
    (row,) = preview(p).rows
    assert (row.source, row.source_text) == ("other", "美团")


def test_preview_limit(tmp_path: Path) -> None:
    p = tmp_path / "many.csv"
    p.write_text("name,phone\n" + "".join(f"N{i},138{i:08d}\n" for i in range(100)),
                 encoding="utf-8")
    pv = preview(p, limit=10)
    assert pv.rows_read == 10 and len(pv.rows) == 10 and pv.rows[-1].row_no == 11


def test_xlsx_with_number_cells_and_dates(tmp_path: Path) -> None:
    path = xlsx(tmp_path / "m.xlsx", [
        ["会员姓名", "手机号", "出生日期", "卡号"],
        ["张三", 13812345678, datetime(1990, 5, 3), 7],
        ["李四", 13912345678.0, 33361, "M000008"],
    ])
    rows = list(parse_all(path, guess_mapping(["会员姓名", "手机号", "出生日期", "卡号"]),
                          today=TODAY))
    assert [(r.phone, r.birthday, r.card_no) for r in rows] == [
        ("13812345678", date(1990, 5, 3), "M000007"),
        ("13912345678", date(1991, 5, 3), "M000008"),
    ]


def test_xlsx_missing_the_phone_column(tmp_path: Path) -> None:
    path = xlsx(tmp_path / "m.xlsx", [["姓名", "地址"], ["张三", "深圳"]])
    pv = preview(path)
    assert pv.missing == ("phone",) and pv.rows == () and pv.errors == ()
    with pytest.raises(ValidationError) as e:
        list(parse_all(path, pv.mapping))
    assert e.value.code == "import.missing_columns"
    assert e.value.params["columns"] == "phone"


def test_a_chosen_mapping_is_checked(tmp_path: Path) -> None:
    path = xlsx(tmp_path / "m.xlsx", [["a", "b"], ["张三", "13812345678"]])
    assert preview(path).missing == ("name", "phone")
    assert [r.name for r in preview(path, {"name": 0, "phone": 1}).rows] == ["张三"]
    for bad in ({"name": 0, "phone": 5}, {"name": 0, "phone": 0}, {"nickname": 0, "phone": 1}):
        with pytest.raises(ValidationError) as e:
            preview(path, bad)
        assert e.value.code == "import.mapping_invalid"


def test_duplicate_card_numbers_in_the_file(tmp_path: Path) -> None:
    p = tmp_path / "c.csv"
    p.write_text("姓名,手机,卡号\n甲,13812345678,M1\n乙,13912345678,1\n", encoding="utf-8")
    out = list(parse_all(p, {"name": 0, "phone": 1, "card_no": 2}))
    assert isinstance(out[0], ImportRow)
    assert isinstance(out[1], RowError) and out[1].code == "import.duplicate_card_in_file"
    assert out[1].params == {"first_row": 2}


def test_hong_kong_store_reads_local_numbers(tmp_path: Path) -> None:
    p = tmp_path / "hk.csv"
    p.write_text("name,phone\nChan Tai Man,9123 4567\nWong,+86 13812345678\n", encoding="utf-8")
    rows = list(parse_all(p, {"name": 0, "phone": 1}, country="HK"))
    assert [r.phone for r in rows] == ["91234567", "+8613812345678"]


def big_csv(path: Path, n: int) -> Path:
    with open(path, "w", encoding="utf-8") as f:
        f.write("name,phone\n")
        for i in range(n):
            f.write(f"会员{i},138{i:08d}\n")
    return path


def test_progress_is_reported_and_ends_at_one(tmp_path: Path) -> None:
    calls: list[tuple[int, float | None]] = []
    rows = list(parse_all(big_csv(tmp_path / "b.csv", 2_000), {"name": 0, "phone": 1},
                          progress=lambda n, f: calls.append((n, f)), report_every=500))
    assert len(rows) == 2_000
    assert [n for n, _ in calls] == [500, 1000, 1500, 2000, 2000]
    fractions = [f for _, f in calls]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0


def test_cancel_stops_the_iteration(tmp_path: Path) -> None:
    seen = []
    asked = iter([False, False, True])
    with pytest.raises(ImportCancelled) as e:
        for item in parse_all(big_csv(tmp_path / "b.csv", 5_000), {"name": 0, "phone": 1},
                              should_cancel=lambda: next(asked), report_every=100):
            seen.append(item)
    assert e.value.code == "import.cancelled"
    assert e.value.params["rows_done"] == 200
    assert len(seen) == 200


def test_cancel_before_the_first_row(tmp_path: Path) -> None:
    with pytest.raises(ImportCancelled):
        next(parse_all(big_csv(tmp_path / "b.csv", 10), {"name": 0, "phone": 1},
                       should_cancel=lambda: True))
