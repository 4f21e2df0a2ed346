"""The Members page on the demo store: the one search box (full phone, last 4 digits, name,
pinyin initials, card number; Enter opens the first hit), and the paged member list with its
filters, compared with the database counted directly."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from opsdesk.services import auth, members
from opsdesk.ui.pages.members.page import MembersPage
from opsdesk.ui.pages.members.profile import MemberProfileDialog

AS_OF = date(2026, 11, 1)


@pytest.fixture
def db_path(demo_db_path: Path) -> Path:
    return demo_db_path


@pytest.fixture
def ctx(db, context_for):  # noqa: ANN001, ANN201
    return context_for(auth.login(db, "owner", "1234"))


@pytest.fixture
def zhang_san(ctx):  # noqa: ANN001, ANN201
    return members.register(ctx.db, ctx.actor, members.MemberInput(
        phone="13912345678", name="张三", gender="m"))


@pytest.fixture
def page(qtbot, ctx):  # noqa: ANN001, ANN201
    p = MembersPage(ctx)
    qtbot.addWidget(p)
    p.resize(1100, 600)
    p.show()
    qtbot.waitExposed(p)
    p.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is p)
    return p


def sql(path: Path, query: str, *args: object) -> list[tuple]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return con.execute(query, args).fetchall()
    finally:
        con.close()


def type_text(w: QWidget, text: str) -> None:
    for ch in text:
        QTest.sendKeyEvent(QTest.KeyAction.Click, w, Qt.Key.Key_unknown, ch,
                           Qt.KeyboardModifier.NoModifier)


def search_for(qtbot, page: MembersPage, text: str) -> list:  # noqa: ANN001
    """Type into the box as a person does and wait for the query that follows the pause."""
    page.search.clear()
    page.search.setFocus()
    with qtbot.waitSignal(page.search.search, timeout=3000) as blocker:
        if text.isascii():
            qtbot.keyClicks(page.search, text)
        else:
            type_text(page.search, text)
    assert blocker.args == [text.strip()]
    return [page.model.row_at(i) for i in range(page.model.rowCount())]


def all_rows(page: MembersPage) -> list:
    while page.model.canFetchMore():
        page.model.fetchMore()
    return [page.model.row_at(i) for i in range(page.model.rowCount())]


# --- search ---------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["13912345678", "+86 139 1234 5678", "139-1234-5678"])
def test_full_phone_finds_exactly_the_member(qtbot, page, zhang_san, text):
    hits = search_for(qtbot, page, text)
    assert [h.id for h in hits] == [zhang_san.id]
    assert page.count.text() == "1 found"
    assert page.table.selectionModel().selectedRows()[0].row() == 0


def test_last_four_digits(qtbot, page, zhang_san, db_path):
    hits = search_for(qtbot, page, "5678")
    expected = {r[0] for r in sql(db_path, "SELECT id FROM customer WHERE phone LIKE '%5678'")}
    assert zhang_san.id in expected
    assert {h.id for h in hits} == expected


@pytest.mark.parametrize("text", ["张三", "zs", "zhangs", "zhangsan", "ZS"])
def test_name_and_pinyin_find_zhang_san(qtbot, page, zhang_san, text):
    hits = search_for(qtbot, page, text)
    assert zhang_san.id in [h.id for h in hits]
    for h in hits:  # nothing unrelated
        assert h.name.startswith("张") or h.name.startswith("章") or h.name.startswith(text)


def test_card_number(qtbot, page, zhang_san):
    hits = search_for(qtbot, page, zhang_san.card_no)
    assert hits[0].id == zhang_san.id
    assert page.model.index(0, 2).data() == zhang_san.card_no
    hits = search_for(qtbot, page, zhang_san.card_no.lower())
    assert hits[0].id == zhang_san.id


def test_nothing_found_and_clearing_brings_the_list_back(qtbot, page, zhang_san):
    assert search_for(qtbot, page, "zzzzq") == []
    assert page.count.text() == "0 found"
    with qtbot.waitSignal(page.search.search):
        page.search.clear()
        page.search.textEdited.emit("")
    assert page.model.rowCount() == 200
    assert page.count.text() == "200+ shown"


def test_enter_opens_the_first_hit(qtbot, page, zhang_san):
    search_for(qtbot, page, "zhangs")
    first = page.model.row_at(0)
    seen = []

    def look_and_close(dlg: MemberProfileDialog) -> None:
        seen.append((dlg.customer_id, dlg.name.text()))
        qtbot.keyClick(dlg, Qt.Key.Key_Escape)

    timer = when_modal(page, MemberProfileDialog, look_and_close)
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    timer.stop()
    assert seen == [(first.id, first.name)]


def test_profile_of_a_hit(qtbot, page, zhang_san):
    search_for(qtbot, page, "zs")
    row = next(r for r in all_rows(page) if r.id == zhang_san.id)
    dlg = MemberProfileDialog(page.ctx, row.id)
    qtbot.addWidget(dlg)
    assert dlg.name.text() == "张三"
    assert dlg.tier_badge.text() == "No tier (lead)"
    assert "139 1234 5678" in dlg.details.text() or "13912345678" in dlg.details.text()
    assert zhang_san.card_no in dlg.details.text()
    assert dlg.balance.text() == "¥0.00"


def when_modal(parent: QWidget, cls: type, act: Callable[[QWidget], None]) -> QTimer:
    timer = QTimer(parent)
    timer.setInterval(5)

    def poll() -> None:
        dlg = QApplication.activeModalWidget()
        if isinstance(dlg, cls):
            timer.stop()
            act(dlg)

    timer.timeout.connect(poll)
    timer.start()
    return timer


# --- the list -------------------------------------------------------------------------------


@pytest.mark.parametrize(("combo", "value"), [("f_tier", None), ("f_tier", 2),
                                             ("f_stage", "repeat")])
def test_member_list_model_passes_the_model_tester(qtmodeltester, page, combo, value):
    page.model.PAGE = 50
    box = getattr(page, combo)
    box.setCurrentIndex(box.findData(value))
    qtmodeltester.check(page.model)
    # The tester stays attached and watches the pages fetched as the list is scrolled.
    rows = all_rows(page)
    assert len({r.id for r in rows}) == len(rows) > 0


def test_list_shows_the_demo_members_by_name(page, db_path):
    rows = all_rows(page)
    assert len(rows) == sql(db_path, "SELECT count(*) FROM customer")[0][0] == 200
    assert page.model.columnCount() == 10
    assert page.model.headerData(0, Qt.Orientation.Horizontal) == "Name"
    first = rows[0]
    assert page.model.index(0, 0).data() == first.name
    assert page.model.index(0, 2).data() == first.card_no


@pytest.mark.parametrize(("combo", "value", "where"), [
    ("f_tier", 2, "tier_id = 2"),
    ("f_tier", 0, "tier_id IS NULL"),
    ("f_stage", "repeat", "stage = 'repeat'"),
    ("f_stage", "lead", "stage = 'lead'"),
    ("f_staff", 4, "staff_id = 4"),
    ("f_source", "member_referral", "source = 'member_referral'"),
    ("f_source", "walk_in", "source = 'walk_in'"),
])
def test_filters_change_the_rows(qtbot, page, db_path, combo, value, where):
    expected = {r[0] for r in sql(db_path, f"SELECT id FROM customer WHERE {where}")}
    assert 0 < len(expected) < 200  # the filter must make a difference on the demo store
    box = getattr(page, combo)
    with qtbot.waitSignal(page.model.modelReset):
        box.setCurrentIndex(box.findData(value))
    assert {r.id for r in all_rows(page)} == expected
    assert page.count.text() in (f"{len(expected)} shown", f"{len(expected)}+ shown")


def test_filters_combine(qtbot, page, db_path):
    page.f_tier.setCurrentIndex(page.f_tier.findData(2))
    page.f_source.setCurrentIndex(page.f_source.findData("walk_in"))
    expected = {r[0] for r in sql(
        db_path, "SELECT id FROM customer WHERE tier_id = 2 AND source = 'walk_in'")}
    assert {r.id for r in all_rows(page)} == expected


def test_dormant_since(qtbot, page, db_path):
    day = date(2026, 8, 1)
    expected = {r[0] for r in sql(db_path, "SELECT id FROM customer WHERE last_purchase_at < ?",
                                  "2026-08-01 00:00:00.000000")}
    assert 0 < len(expected) < 200
    with qtbot.waitSignal(page.model.modelReset):
        page.f_dormant.set_value(day)
    rows = all_rows(page)
    assert {r.id for r in rows} == expected
    assert all(r.last_purchase_at is not None and r.last_purchase_at.date() < day for r in rows)
    with qtbot.waitSignal(page.model.modelReset):
        page.f_dormant.set_value(None)
    assert len(all_rows(page)) == 200


def test_scrolling_fetches_more_without_duplicates(qtbot, page, db_path):
    page.model.PAGE = 23  # several pages out of 200 members
    with qtbot.waitSignal(page.model.modelReset):
        page.sort.setCurrentIndex(page.sort.findData("balance"))
    assert page.model.rowCount() == 23
    assert page.model.canFetchMore()
    bar = page.table.verticalScrollBar()
    fetched = 0
    while page.model.canFetchMore():
        before = page.model.rowCount()
        with qtbot.waitSignal(page.model.rowsInserted):
            page.table.scrollToBottom()
            bar.setValue(bar.maximum())
        assert page.model.rowCount() > before
        fetched += 1
    rows = [page.model.row_at(i) for i in range(page.model.rowCount())]
    ids = [r.id for r in rows]
    assert len(ids) == len(set(ids)) == 200
    assert fetched >= 8
    balances = [r.balance_total for r in rows]
    assert balances == sorted(balances)
    assert balances == sorted(r[0] for r in sql(db_path, "SELECT balance_total FROM customer"))


def test_descending_sort_reverses_the_order(qtbot, page):
    page.sort.setCurrentIndex(page.sort.findData("created"))
    asc = [r.id for r in all_rows(page)]
    page.descending.setChecked(True)
    desc = [r.id for r in all_rows(page)]
    assert desc == list(reversed(asc))
