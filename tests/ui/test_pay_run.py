"""The Pay page: draft the month in the background, review each line with its basis, lock, print
and export; a salesperson sees only their own slips of locked months."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QMessageBox

from opsdesk.db.engine import Database
from opsdesk.services import pay_runs
from opsdesk.services.context import Actor
from opsdesk.ui import tasks
from opsdesk.ui.context import AppContext
from opsdesk.ui.pages.pay.page import PayPage
from tests.integration.services.pay_helpers import (
    MONTH,
    YEAR,
    Payroll,
    make_payroll,
    march_sales,
    score_attitude,
)


@pytest.fixture
def payroll(db: Database, store: Actor) -> Payroll:
    p = make_payroll(db, store)
    march_sales(p)
    return p


@pytest.fixture(autouse=True)
def pdf_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("OPSDESK_PDF_DIR", str(tmp_path / "pdf"))
    monkeypatch.setenv("OPSDESK_NO_VIEWER", "1")
    return tmp_path / "pdf"


def open_page(qtbot, ctx: AppContext) -> PayPage:  # noqa: ANN001
    page = PayPage(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 650)
    page.month.setDate(QDate(YEAR, MONTH, 1))
    return page


def draft(qtbot, page: PayPage) -> None:  # noqa: ANN001
    page.draft_btn.click()
    assert page.job is not None
    with qtbot.waitSignal(page.job.signals.finished, timeout=30_000):
        pass
    tasks.wait_all()


def basis_cells(page: PayPage) -> list[tuple[str, str, str]]:
    t = page.detail.lines
    return [tuple(t.item(r, c).text() for c in range(3)) for r in range(t.rowCount())]


def test_review_and_lock_flow(qtbot, payroll: Payroll, ctx: AppContext,  # noqa: ANN001
                              monkeypatch: pytest.MonkeyPatch, qtmodeltester) -> None:  # noqa: ANN001
    page = open_page(qtbot, ctx)
    assert "No run" in page.status.text()
    assert page.draft_btn.isEnabled() and not page.lock_btn.isEnabled()
    draft(qtbot, page)
    qtmodeltester.check(page.model)
    assert page.model.rowCount() == 4
    # Nobody's attitude was scored: every slip needs attention, the run cannot be locked.
    assert "4 need attention" in page.status.text()
    assert not page.lock_btn.isEnabled()
    assert "assessment" in page.detail.notes.text().lower()

    score_attitude(payroll)
    draft(qtbot, page)
    assert not page.lock_btn.isHidden() and page.lock_btn.isEnabled()
    row = next(r for r in range(page.model.rowCount())
               if page.model.row_at(r).staff_name == "张伟")
    page.table.selectRow(row)
    cells = basis_cells(page)
    assert ("Sales commission", "¥312,000.00 × 3% = ¥9,360.00", "¥9,360.00") in cells
    assert any(c[0] == "Base pay" and c[2] == "¥3,000.00" for c in cells)
    assert "¥" in page.detail.total.text()

    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.No)
    page.lock_btn.click()
    assert not pay_runs.get_run(ctx.db, ctx.actor, YEAR, MONTH).summary.locked
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.lock_btn.click()
    assert pay_runs.get_run(ctx.db, ctx.actor, YEAR, MONTH).summary.locked
    assert "Locked on" in page.status.text()
    assert not page.draft_btn.isEnabled() and not page.lock_btn.isEnabled()


def test_print_and_export(qtbot, payroll: Payroll, ctx: AppContext, pdf_dir: Path,  # noqa: ANN001
                          tmp_path: Path) -> None:
    score_attitude(payroll)
    page = open_page(qtbot, ctx)
    draft(qtbot, page)
    page.layout_box.setCurrentIndex(1)
    job = page.print_slips()
    with qtbot.waitSignal(job.signals.finished, timeout=30_000):
        pass
    pdfs = list(pdf_dir.glob("slips-2026-03-*.pdf"))
    assert len(pdfs) == 1
    from pypdf import PdfReader

    assert len(PdfReader(str(pdfs[0])).pages) == 2
    out = tmp_path / "run.xlsx"
    page.export(str(out))
    from openpyxl import load_workbook

    ws = load_workbook(out).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][0] == "Name"
    assert any(r[0] == "张伟" and r[4] == "¥312,000.00 × 3% = ¥9,360.00" for r in rows[1:])


def test_sales_see_only_their_own_locked_slips(qtbot, payroll: Payroll,  # noqa: ANN001
                                               context_for: Callable[[Actor], AppContext]) -> None:
    score_attitude(payroll)
    page = open_page(qtbot, context_for(payroll.seller))
    assert page.model.rowCount() == 0 and page.draft_btn.isHidden()
    assert page.export_btn.isHidden()
    pay_runs.draft_run(payroll.db, payroll.owner, YEAR, MONTH)
    page.reload()
    assert page.model.rowCount() == 0  # a draft is not shown to the employee
    pay_runs.lock_run(payroll.db, payroll.owner, YEAR, MONTH)
    page.reload()
    assert [page.model.row_at(r).staff_name for r in range(page.model.rowCount())] == ["张伟"]
    assert page.print_btn.isEnabled()


def test_manager_sees_pay_only_when_the_owner_allows(qtbot, payroll: Payroll,  # noqa: ANN001
                                                    context_for) -> None:  # noqa: ANN001
    from opsdesk.services import incentives

    score_attitude(payroll)
    pay_runs.draft_run(payroll.db, payroll.owner, YEAR, MONTH)
    page = open_page(qtbot, context_for(payroll.manager))
    assert page.model.rowCount() == 0  # own slips only, none locked
    incentives.set_manager_pay_access(payroll.db, payroll.owner, True)
    page = open_page(qtbot, context_for(payroll.manager))
    page.reload()
    assert page.model.rowCount() == 4 and page.draft_btn.isHidden()
