"""Exporting the member list (xlsx and csv, formula-like text neutralised) and member cards as a
PDF whose text names the member and the card number."""

from __future__ import annotations

import csv
import subprocess
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from opsdesk.db.queries import member_list
from opsdesk.services import members
from opsdesk.ui.pages.members.exporting import export_member_list
from opsdesk.ui.pages.members.printing import print_member_cards


@pytest.fixture
def people(ctx):  # noqa: ANN001, ANN201
    add = lambda phone, name: members.register(ctx.db, ctx.actor,  # noqa: E731
                                               members.MemberInput(phone=phone, name=name))
    return [add("13812345678", "张三"), add("13912345678", "=HYPERLINK(\"x\")"),
            add("13712345678", "+Li Si")]


@pytest.fixture
def parent(qtbot):  # noqa: ANN001, ANN201
    w = QWidget()
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def export_and_close_the_notice(qtbot, parent, ctx, dest: Path) -> list[str]:  # noqa: ANN001
    """The export ends with a modal 'n members written' box; read it and close it."""
    seen: list[str] = []
    timer = QTimer(parent)
    timer.setInterval(5)

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            timer.stop()
            seen.append(box.text())
            box.accept()

    timer.timeout.connect(poll)
    timer.start()
    export_member_list(parent, ctx, member_list.Filters(), member_list.Sort.NAME, False,
                       dest=str(dest))
    qtbot.waitUntil(lambda: bool(seen), timeout=10000)
    return seen


def test_export_xlsx(qtbot, parent, ctx, people, tmp_path):
    dest = tmp_path / "members.xlsx"
    seen = export_and_close_the_notice(qtbot, parent, ctx, dest)
    assert seen == [f"3 members written to {dest}"]
    ws = openpyxl.load_workbook(dest).active
    rows = [[c.value for c in r] for r in ws.iter_rows()]
    assert rows[0][:3] == ["Name", "Mobile", "Card"]
    names = {r[0] for r in rows[1:]}
    assert names == {"张三", "'=HYPERLINK(\"x\")", "'+Li Si"}
    assert all(c.data_type != "f" for r in ws.iter_rows() for c in r)
    assert {r[2] for r in rows[1:]} == {p.card_no for p in people}


def test_export_csv(qtbot, parent, ctx, people, tmp_path):
    dest = tmp_path / "members.csv"
    export_and_close_the_notice(qtbot, parent, ctx, dest)
    text = dest.read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(text.splitlines()))
    assert rows[0][:2] == ["Name", "Mobile"]
    assert {r[0] for r in rows[1:]} == {"张三", "'=HYPERLINK(\"x\")", "'+Li Si"}
    assert not any(r[0].startswith(("=", "+", "-", "@")) for r in rows[1:])


def test_member_cards_pdf(qtbot, parent, ctx, people, tmp_path, monkeypatch):
    monkeypatch.setenv("OPSDESK_NO_VIEWER", "1")
    monkeypatch.setenv("OPSDESK_PDF_DIR", str(tmp_path / "pdf"))
    print_member_cards(parent, ctx, [people[0].id])
    qtbot.waitUntil(lambda: parent.findChild(QMessageBox, "pdf_ready") is not None,
                    timeout=15000)
    pdfs = list((tmp_path / "pdf").glob("cards-*.pdf"))
    assert len(pdfs) == 1
    text = subprocess.run(["pdftotext", str(pdfs[0]), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "张三" in text
    assert people[0].card_no in text
    assert ctx.store.name in text


def test_batch_of_cards(qtbot, parent, ctx, people, tmp_path, monkeypatch):
    monkeypatch.setenv("OPSDESK_NO_VIEWER", "1")
    monkeypatch.setenv("OPSDESK_PDF_DIR", str(tmp_path / "pdf"))
    print_member_cards(parent, ctx, [p.id for p in people])
    qtbot.waitUntil(lambda: parent.findChild(QMessageBox, "pdf_ready") is not None,
                    timeout=15000)
    (pdf,) = (tmp_path / "pdf").glob("cards-*.pdf")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    for p in people:
        assert p.card_no in text
