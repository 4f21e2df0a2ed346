"""Export to xlsx and CSV: Chinese readable, formulas neutralised, numbers kept as numbers."""

from __future__ import annotations

import codecs
import csv
from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from opsdesk.domain.errors import EnvironmentProblem, ValidationError
from opsdesk.io.export import ExportCancelled, export_rows, money_cell, neutralise
from opsdesk.io.tabular import open_table

HEADERS = ["姓名", "手机", "余额", "变动", "生日", "备注"]
ROWS = [
    ["张三", "13812345678", money_cell(123450), -25, date(1990, 5, 3), "=HYPERLINK(\"x\")"],
    ["+李四", "+8613812345678", money_cell(-50), 3.5, None, "@SUM(A1:A9)"],
    ["-王五", "\t13912345678", money_cell(0), 0, None, "\r=1+1"],
    ["赵六", "13712345678", money_cell(1), -1.25, None, "普通备注 = 没问题"],
]


def test_neutralise() -> None:
    assert [neutralise(v) for v in ("=1", "+1", "-1", "@a", "\tx", "\rx", "a=1", "", None,
                                    -1, -1.5, Decimal("-2.50"))] == [
        "'=1", "'+1", "'-1", "'@a", "'\tx", "'\rx", "a=1", "", None, -1, -1.5, Decimal("-2.50")]


def test_xlsx(tmp_path: Path) -> None:
    out = tmp_path / "members.xlsx"
    assert export_rows(out, HEADERS, ROWS, sheet_title="会员") == 4
    wb = openpyxl.load_workbook(out)
    ws = wb["会员"]
    got = list(ws.iter_rows(values_only=True))
    assert got[0] == tuple(HEADERS)
    assert got[1][:4] == ("张三", "13812345678", 1234.5, -25)
    assert got[1][4].date() == date(1990, 5, 3)
    assert got[1][5] == "'=HYPERLINK(\"x\")"
    assert got[2][:4] == ("'+李四", "'+8613812345678", -0.5, 3.5)
    assert got[2][5] == "'@SUM(A1:A9)"
    assert got[3][:2] == ("'-王五", "'\t13912345678")
    # XML turns a stored CR into LF on reading; the apostrophe in front is what matters.
    assert got[3][5] in ("'\r=1+1", "'\n=1+1")
    assert got[4][3] == -1.25 and got[4][5] == "普通备注 = 没问题"
    # No cell became a formula, money is a number shown with two decimals.
    assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)
    assert ws["C2"].number_format == "#,##0.00" and ws["C2"].data_type == "n"


def test_csv_has_a_bom_and_reads_back(tmp_path: Path) -> None:
    out = tmp_path / "members.csv"
    export_rows(out, HEADERS, ROWS)
    raw = out.read_bytes()
    assert raw.startswith(codecs.BOM_UTF8) and b"\r\n" in raw
    with open(out, encoding="utf-8-sig", newline="") as f:
        got = list(csv.reader(f))
    assert got[0] == HEADERS
    assert got[1] == ["张三", "13812345678", "1234.50", "-25", "1990-05-03",
                      "'=HYPERLINK(\"x\")"]
    assert got[2][:3] == ["'+李四", "'+8613812345678", "-0.50"]
    assert got[3][1] == "'\t13912345678" and got[3][5] == "'\r=1+1"
    assert got[4][2:4] == ["0.01", "-1.25"]
    with open_table(out) as t:  # our own reader detects it
        assert t.encoding == "utf-8-sig" and t.headers == tuple(HEADERS)


def test_unsupported_extension(tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as e:
        export_rows(tmp_path / "x.pdf", HEADERS, ROWS)
    assert e.value.code == "export.unsupported_type"


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(EnvironmentProblem) as e:
        export_rows(tmp_path / "no" / "x.csv", HEADERS, ROWS)
    assert e.value.code == "export.cannot_write"


@pytest.mark.parametrize("ext", [".csv", ".xlsx"])
def test_cancel_leaves_the_previous_file_untouched(tmp_path: Path, ext: str) -> None:
    out = tmp_path / f"m{ext}"
    export_rows(out, HEADERS, ROWS)
    before = out.read_bytes()
    rows = ([f"会员{i}", "13812345678", money_cell(i), i, None, ""] for i in range(10_000))
    with pytest.raises(ExportCancelled) as e:
        export_rows(out, HEADERS, rows, should_cancel=lambda: True, report_every=1000)
    assert e.value.params["rows_done"] == 1000
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"m{ext}"]


def test_progress(tmp_path: Path) -> None:
    seen: list[int] = []
    rows = ([f"会员{i}", "1"] for i in range(2500))
    assert export_rows(tmp_path / "p.csv", ["a", "b"], rows, progress=seen.append,
                       report_every=1000) == 2500
    assert seen == [1000, 2000]
