"""The Targets page on the demo store: the tracking view with red / amber / green, the drill from
a red cell to the person's visits and sales, the plan tab and its versions, the export to .xlsx
and PDF, the capacity planner; screenshots of the wizard's split page and the tracking view in
Chinese (saved into $OPSDESK_SCREENSHOTS when set, else into tmp_path)."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from opsdesk.db import clock
from opsdesk.db.engine import Database
from opsdesk.domain.demo import DEMO_OWNER, DEMO_PIN
from opsdesk.domain.targets import Indicator, Seasonality
from opsdesk.services import auth, targets
from opsdesk.ui import i18n, tasks
from opsdesk.ui.context import AppContext
from opsdesk.ui.pages.targets.draft import Draft
from opsdesk.ui.pages.targets.page import DrillDialog, TargetsPage

DEMO_AS_OF = date(2026, 11, 1)  # as in tests/ui/conftest.py
TODAY = date(2026, 10, 28)


@pytest.fixture
def db_path(demo_db_path: Path) -> Path:
    return demo_db_path


@pytest.fixture(autouse=True)
def frozen_day():  # noqa: ANN201
    with clock.frozen(datetime.combine(TODAY, datetime.min.time()).replace(hour=18)):
        yield


@pytest.fixture
def owner_ctx(db: Database, context_for: Callable) -> AppContext:
    ctx = context_for(auth.login(db, DEMO_OWNER, DEMO_PIN))
    data = targets.planning_data(db, ctx.actor, 2026, DEMO_AS_OF)
    draft = Draft(data, indicators=[Indicator.REVENUE, Indicator.DEALS],
                  seasonality=Seasonality.FLAT)
    draft.targets[Indicator.REVENUE] = 150_000_00
    draft.targets[Indicator.DEALS] = 300
    targets.save_plan(db, ctx.actor, targets.PlanDraft(draft.build(), note="第一版"))
    draft.targets[Indicator.REVENUE] = 160_000_00
    targets.save_plan(db, ctx.actor, targets.PlanDraft(draft.build(), note="上调"))
    return ctx


def _page(qtbot, ctx: AppContext) -> TargetsPage:  # noqa: ANN001
    page = TargetsPage(ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.table.rowCount() > 0, timeout=10_000)
    return page


def test_tracking_view_and_drill(qtbot, owner_ctx: AppContext) -> None:  # noqa: ANN001
    page = _page(qtbot, owner_ctx)
    t = page.table
    assert t.item(0, 0).text() == "Store"
    levels = [t.item(r, 0).data(256)[0] for r in range(t.rowCount())]
    assert levels[0] == "store" and "department" in levels and levels.count("person") == 4
    assert "version 4" in page.caption.text()  # the demo made 1 and 2; this test 3 and 4
    statuses = {t.item(r, c).data(256) for r in range(t.rowCount()) for c in (4, 8, 12, 16)}
    assert "red" in statuses
    # drill from a red cell of a person
    red = next((r, c) for r in range(t.rowCount()) for c in (4, 8, 12, 16)
               if t.item(r, 0).data(256)[0] == "person" and t.item(r, c).data(256) == "red")
    page.drill(*red)
    dlg = page._drill
    assert isinstance(dlg, DrillDialog)
    staff_id = t.item(red[0], 0).data(256)[1]
    assert dlg.visits.f_staff.currentData() == staff_id
    qtbot.waitUntil(lambda: dlg.visits.model.rowCount() >= 0)
    assert dlg.sales.columnCount() == 4
    dlg.close()
    # the plan tab lists both versions, newest first
    assert page.plan_version.count() == 4
    assert page.plan_version.itemText(0).startswith("Version 4")
    assert page.plan_table.rowCount() == 5  # four sellers and the store


def test_a_seller_sees_only_their_own_row(qtbot, owner_ctx: AppContext,  # noqa: ANN001
                                          db: Database, context_for: Callable) -> None:
    ctx = context_for(auth.login(db, "zhangwei", DEMO_PIN))
    page = _page(qtbot, ctx)
    assert page.table.rowCount() == 1
    assert page.table.item(0, 0).text().strip() == "张伟"
    assert not page.new_plan.isVisible()


def test_export_xlsx_and_pdf(qtbot, owner_ctx: AppContext, tmp_path: Path) -> None:  # noqa: ANN001
    page = _page(qtbot, owner_ctx)
    for name in ("plan.xlsx", "plan.pdf"):
        job = page.export_to(str(tmp_path / name), 2026)
        qtbot.waitUntil(lambda j=job: j.result is not None or j.error is not None, timeout=20_000)
        assert job.error is None
    from openpyxl import load_workbook

    ws = load_workbook(tmp_path / "plan.xlsx").active
    texts = [c.value for row in ws.iter_rows() for c in row if c.value]
    assert "Plan: Revenue" in texts and "Tracking: Deals" in texts
    out = subprocess.run(["pdftotext", str(tmp_path / "plan.pdf"), "-"], capture_output=True,
                         text=True, check=True).stdout
    assert "张伟" in out and "¥160,000.00" in out


def test_capacity_planner(qtbot, owner_ctx: AppContext) -> None:  # noqa: ANN001
    page = _page(qtbot, owner_ctx)
    cap = page.capacity_tab
    assert "people" in cap.summary.text()
    assert cap.table.rowCount() == 12 + 1  # a 45-day cycle adds one lead month
    cap.edits["share_percent"].setText("150")
    assert cap.errors["share_percent"].text()
    assert cap.table.rowCount() == 0
    cap.edits["share_percent"].setText("5")
    cap.edits["visits_per_deal"].setText("abc")
    assert cap.errors["visits_per_deal"].text()


def _folder(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("OPSDESK_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_screenshots_in_chinese(qtbot, qapp, resources, owner_ctx: AppContext,  # noqa: ANN001
                                tmp_path: Path) -> None:
    i18n.install(qapp, "zh_CN", resources)
    page = TargetsPage(owner_ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.table.rowCount() > 0, timeout=10_000)
    page.resize(1280, 640)
    page.show()
    qtbot.waitExposed(page)
    qtbot.wait(50)
    out = _folder(tmp_path) / "targets_tracking_zh_CN.png"
    assert page.grab().save(str(out))
    assert QImage(str(out)).width() == 1280

    from opsdesk.ui.pages.targets.wizard import TargetWizard

    clock_day = datetime.combine(DEMO_AS_OF, datetime.min.time()).replace(hour=10)
    with clock.frozen(clock_day):
        wiz = TargetWizard(owner_ctx, 2027)
        qtbot.addWidget(wiz)
        wiz.show()
        wiz.next()
        qtbot.waitUntil(lambda: wiz.currentPage() is wiz.targets_page, timeout=10_000)
        wiz.targets_page.edits[Indicator.REVENUE].setText("1800000")
        wiz.next()
        qtbot.waitUntil(lambda: wiz.currentPage() is wiz.split_page, timeout=10_000)
        wiz.split_page.people.item(0, 3).setText("7")
        qtbot.wait(50)
        out = _folder(tmp_path) / "target_wizard_split_zh_CN.png"
        assert wiz.grab().save(str(out))
    tasks.wait_all()
