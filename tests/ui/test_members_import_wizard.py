"""The member import wizard: a GBK CSV and an xlsx with Chinese headers show the guessed mapping,
the rows and each row's problems; nothing is written before Start; Cancel writes nothing; a file
that is not a table and a sheet without the phone column get a clear message."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtWidgets import QWizard

from opsdesk.ui.pages.members.importer import ImportWizard

GBK_CSV = ("姓名,手机号码,性别,生日,会员卡号,备注\r\n"
           "张三,138 1234 5678,男,1990-05-03,,老客户\r\n"
           "李四,+86 139-0000-1111,女,1988/7/9,,\r\n"
           "王五,010-65529988,男,,,座机\r\n"
           "赵六,13800001111,女,1999年2月30日,,\r\n")


def digest(path: Path) -> str:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        h = hashlib.sha256()
        for (table,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                    "ORDER BY name"):
            cols = [r[1] for r in con.execute(f'PRAGMA table_info("{table}")')]
            order = "id" if "id" in cols else ", ".join(f'"{c}"' for c in cols)
            for row in con.execute(f'SELECT * FROM "{table}" ORDER BY {order}'):
                h.update(repr(row).encode())
        return h.hexdigest()
    finally:
        con.close()


def customers(path: Path) -> dict[str, str]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return dict(con.execute("SELECT phone, name FROM customer"))
    finally:
        con.close()


@pytest.fixture
def wizard(qtbot, ctx):  # noqa: ANN001, ANN201
    w = ImportWizard(ctx)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.fixture
def gbk_csv(tmp_path: Path) -> Path:
    path = tmp_path / "会员.csv"
    path.write_bytes(GBK_CSV.encode("gbk"))
    return path


@pytest.fixture
def xlsx(tmp_path: Path) -> Path:
    path = tmp_path / "members.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["会员姓名", "联系电话", "性别", "出生日期", "会员等级", "备注（选填）"])
    ws.append(["陈晓", 13712345678, "女士", "1992-11-30", "", "VIP"])
    ws.append(["周杰", "13612345678", "先生", "", "", ""])
    ws.append(["", "13512345678", "女", "", "", "没有名字"])
    wb.save(path)
    return path


def to_preview(qtbot, wizard: ImportWizard, path: Path) -> None:  # noqa: ANN001
    wizard.file_page.path.setText(str(path))
    wizard.next()
    assert wizard.currentPage() is wizard.preview_page, wizard.file_page.error.text()


def preview_rows(wizard: ImportWizard) -> list[list[str]]:
    m = wizard.preview_page.rows_model
    return [[m.index(r, c).data() for c in range(m.columnCount())] for r in range(m.rowCount())]


def preview_errors(wizard: ImportWizard) -> list[list[str]]:
    m = wizard.preview_page.errors_model
    return [[m.index(r, c).data() for c in range(m.columnCount())] for r in range(m.rowCount())]


def test_gbk_csv_preview_then_start(qtbot, qtmodeltester, wizard, gbk_csv, db_path):
    before = digest(db_path)
    to_preview(qtbot, wizard, gbk_csv)
    page = wizard.preview_page
    assert page.combos["name"].currentText() == "姓名"
    assert page.combos["phone"].currentText() == "手机号码"
    assert page.combos["gender"].currentText() == "性别"
    assert page.combos["birthday"].currentText() == "生日"
    assert page.combos["notes"].currentText() == "备注"
    assert page.combos["tier"].currentData() is None
    rows = preview_rows(wizard)
    assert [r[:4] for r in rows] == [["张三", "13812345678", "Male", "1990-05-03"],
                                     ["李四", "13900001111", "Female", "1988-07-09"]]
    errors = preview_errors(wizard)
    assert [e[0] for e in errors] == ["4", "5"]
    assert errors[0][3] == "This is a landline number; enter a mobile number."
    assert errors[1][3] == "The birthday is not a date (use e.g. 1990-05-20)."
    assert "4 rows looked at, 2 with problems." in page.summary.text()
    assert "GB" in page.summary.text().upper()
    qtmodeltester.check(page.rows_model)
    qtmodeltester.check(page.errors_model)
    assert digest(db_path) == before  # a preview writes nothing

    wizard.next()
    assert wizard.currentPage() is wizard.run_page
    assert digest(db_path) == before
    with qtbot.waitSignal(wizard.run_page.completeChanged, timeout=10000):
        wizard.run_page.start.click()
    assert wizard.summary.created == 2
    assert wizard.run_page.info.text() == ("Done: 2 new members, 0 merged, 0 skipped as already "
                                           "registered, 2 rows left out for problems.")
    found = customers(db_path)
    assert found["13812345678"] == "张三" and found["13900001111"] == "李四"
    assert "01065529988" not in found and "13800001111" not in found


def test_xlsx_with_chinese_headers(qtbot, wizard, xlsx, db_path):
    before = digest(db_path)
    to_preview(qtbot, wizard, xlsx)
    page = wizard.preview_page
    assert page.combos["name"].currentText() == "会员姓名"
    assert page.combos["phone"].currentText() == "联系电话"
    assert page.combos["birthday"].currentText() == "出生日期"
    assert page.combos["notes"].currentText() == "备注（选填）"
    assert [r[:3] for r in preview_rows(wizard)] == [["陈晓", "13712345678", "Female"],
                                                      ["周杰", "13612345678", "Male"]]
    errors = preview_errors(wizard)
    assert [(e[0], e[1], e[3]) for e in errors] == [("4", "会员姓名", "This field is required.")]
    assert digest(db_path) == before
    wizard.next()
    with qtbot.waitSignal(wizard.run_page.completeChanged, timeout=10000):
        wizard.run_page.start.click()
    found = customers(db_path)
    assert (found["13712345678"], found["13612345678"]) == ("陈晓", "周杰")
    assert "13512345678" not in found


def test_cancel_after_the_preview_writes_nothing(qtbot, wizard, gbk_csv, db_path):
    before = digest(db_path)
    to_preview(qtbot, wizard, gbk_csv)
    wizard.next()
    wizard.button(QWizard.WizardButton.CancelButton).click()
    assert not wizard.isVisible()
    assert digest(db_path) == before


def test_binary_file_named_csv(qtbot, wizard, tmp_path, db_path):
    before = digest(db_path)
    path = tmp_path / "members.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    wizard.file_page.path.setText(str(path))
    wizard.next()
    assert wizard.currentPage() is wizard.file_page
    assert wizard.file_page.error.text() == "This file is not a text or spreadsheet file."
    assert digest(db_path) == before


def test_xlsx_without_a_phone_column(qtbot, wizard, tmp_path, db_path):
    before = digest(db_path)
    path = tmp_path / "no_phone.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["姓名", "性别", "备注"])
    wb.active.append(["张三", "男", ""])
    wb.save(path)
    to_preview(qtbot, wizard, path)
    page = wizard.preview_page
    assert page.combos["phone"].currentData() is None
    assert "Choose the column for: Mobile." in page.summary.text()
    assert not page.isComplete()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert preview_rows(wizard) == []
    assert digest(db_path) == before
