"""About: versions and paths on show, and the consistency check run from its button."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt

from opsdesk import __version__
from opsdesk.services.maintenance import CheckReport
from opsdesk.ui.pages.about.page import AboutPage


def about_page(qtbot, ctx) -> AboutPage:  # noqa: ANN001
    page = AboutPage(ctx)
    qtbot.addWidget(page)
    page.show()
    return page


def test_about_shows_version_and_database(qtbot, ctx, db_path):
    page = about_page(qtbot, ctx)
    assert page.findChild(type(page.title), "about_version").text() == __version__
    assert page.findChild(type(page.title), "about_database").text() == str(db_path)
    assert page.findChild(type(page.title), "about_log").text() == "—"


def test_check_button_reports_a_clean_store(qtbot, ctx):
    page = about_page(qtbot, ctx)
    with qtbot.waitSignal(page.check_finished, timeout=30_000) as done:
        qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    report = done.args[0]
    assert isinstance(report, CheckReport) and report.ok
    assert page.check_result.text() == f"No problems found ({len(report.checks_run)} checks)."


def test_check_button_lists_the_problems(qtbot, ctx, db_path):
    con = sqlite3.connect(db_path)
    with con:
        first = con.execute("SELECT min(id) FROM audit_entry").fetchone()[0]
        con.execute("""UPDATE audit_entry SET detail = '{"name": "someone else"}' WHERE id = ?""",
                    (first,))
    con.close()
    page = about_page(qtbot, ctx)
    with qtbot.waitSignal(page.check_finished, timeout=30_000) as done:
        qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    assert not done.args[0].ok
    lines = page.check_result.text().splitlines()
    assert lines[0] == "Problems found:"
    assert f"audit entry {first}: content changed after it was written" in lines
