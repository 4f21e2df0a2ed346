"""Reading CSV and xlsx tables from real files."""

from __future__ import annotations

import codecs
import zipfile
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from opsdesk.domain.errors import EnvironmentProblem
from opsdesk.io.tabular import open_table, sniff_delimiter


@pytest.mark.parametrize("delim", [",", ";", "\t", "|"])
def test_delimiter_is_sniffed(tmp_path: Path, delim: str) -> None:
    p = tmp_path / "m.csv"
    p.write_text(delim.join(["姓名", "手机", "备注"]) + "\n"
                 + delim.join(["张三", "13812345678", '"a, b; c"']) + "\n", encoding="utf-8")
    with open_table(p) as t:
        assert t.delimiter == delim
        assert t.headers == ("姓名", "手机", "备注")
        assert list(t.rows()) == [(2, ("张三", "13812345678", "a, b; c"))]


def test_one_column_file_reads_as_one_column() -> None:
    assert sniff_delimiter("手机\n13812345678\n13912345678\n") == ","


def test_row_numbers_match_the_spreadsheet(tmp_path: Path) -> None:
    p = tmp_path / "m.csv"
    p.write_bytes(codecs.BOM_UTF8 + "\n姓名,备注\n张三,\"两行\n备注\"\n\n ,  \n李四,x\n".encode())
    with open_table(p) as t:
        assert t.encoding == "utf-8-sig"
        assert t.headers == ("姓名", "备注")
        assert list(t.rows()) == [(3, ("张三", "两行\n备注")), (6, ("李四", "x"))]
        assert t.fraction_done() == 1.0


def test_gbk_csv(tmp_path: Path) -> None:
    p = tmp_path / "gbk.csv"
    p.write_bytes("姓名,手机\r\n王五,13812345678\r\n".encode("gbk"))
    with open_table(p) as t:
        assert t.encoding == "gb18030"
        assert list(t.rows()) == [(2, ("王五", "13812345678"))]


def test_xlsx_keeps_cell_types_and_numbers_rows(tmp_path: Path) -> None:
    p = tmp_path / "m.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "会员"
    ws.append(["姓名", "手机", "生日", None])
    ws.append(["  张三 ", 13812345678, datetime(1990, 5, 3)])
    ws.append([])
    ws.append(["李四", "13912345678", None])
    wb.save(p)
    with open_table(p) as t:
        assert t.kind == "xlsx" and t.sheet == "会员"
        assert t.headers == ("姓名", "手机", "生日")
        rows = list(t.rows())
    assert rows[0] == (2, ("张三", 13812345678, datetime(1990, 5, 3)))
    assert rows[1][0] == 4 and rows[1][1][:2] == ("李四", "13912345678")


def test_xlsx_saved_under_a_csv_name_is_read_as_a_workbook(tmp_path: Path) -> None:
    p = tmp_path / "really.csv"
    wb = openpyxl.Workbook()
    wb.active.append(["name", "phone"])
    wb.active.append(["Ann", "13812345678"])
    wb.save(p)
    with open_table(p) as t:
        assert t.kind == "xlsx" and list(t.rows()) == [(2, ("Ann", "13812345678"))]


def junk_zip(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "not a workbook")
    return path


@pytest.mark.parametrize(("name", "data", "code"), [
    ("junk.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "import.binary_file"),
    ("text.xlsx", "姓名,手机\n张三,1\n".encode(), "import.not_xlsx"),
    ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), "import.xls_not_supported"),
    ("locked.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), "import.xls_not_supported"),
    ("empty.csv", b"", "import.empty_file"),
    ("blank.csv", b"\r\n , \r\n\r\n", "import.empty_file"),
    ("members.pdf", b"%PDF-1.4", "import.unsupported_type"),
    ("truncated.xlsx", b"PK\x03\x04" + bytes(100), "import.xlsx_damaged"),
])
def test_files_that_are_not_tables_are_refused(tmp_path: Path, name: str, data: bytes,
                                                code: str) -> None:
    p = tmp_path / name
    p.write_bytes(data)
    with pytest.raises(EnvironmentProblem) as e:
        open_table(p)
    assert e.value.code == code


def test_a_zip_that_is_not_a_workbook_is_refused(tmp_path: Path) -> None:
    with pytest.raises(EnvironmentProblem) as e:
        open_table(junk_zip(tmp_path / "archive.xlsx"))
    assert e.value.code == "import.xlsx_damaged"


def test_empty_workbook_and_missing_sheet(tmp_path: Path) -> None:
    p = tmp_path / "empty.xlsx"
    openpyxl.Workbook().save(p)
    with pytest.raises(EnvironmentProblem) as e:
        open_table(p)
    assert e.value.code == "import.empty_file"
    with pytest.raises(EnvironmentProblem) as e:
        open_table(p, sheet="没有")
    assert e.value.code == "import.sheet_not_found"


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(EnvironmentProblem) as e:
        open_table(tmp_path / "gone.csv")
    assert e.value.code == "import.not_found"


def test_rows_are_streamed_with_progress(tmp_path: Path) -> None:
    p = tmp_path / "big.csv"
    with open(p, "w", encoding="utf-8") as f:
        f.write("name,phone\n")
        for i in range(50_000):
            f.write(f"会员{i},138{i:08d}\n")
    with open_table(p) as t:
        it = t.rows()
        next(it)
        early = t.fraction_done()
        assert early is not None and early < 0.5  # not read whole up front
        assert sum(1 for _ in it) == 49_999
        assert t.fraction_done() == 1.0
