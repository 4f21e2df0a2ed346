"""Stored value from the member's profile on the demo store: top-up by keyboard with the tier's
bonus kept apart, one posting per dialog however often OK is pressed, spend never below zero,
refund of principal only by a manager with a reason, adjustment by the owner only."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from opsdesk.domain.errors import PermissionDenied
from opsdesk.domain.operations import new_operation_id
from opsdesk.services import auth, members, tiers
from opsdesk.services import stored_value as sv
from opsdesk.ui.pages.members.ledger_dialogs import LedgerDialog, Mode
from opsdesk.ui.pages.members.profile import MemberProfileDialog

SILVER = 2  # 银卡会员 in the demo ladder: top up ¥1,000 get ¥100, ¥3,000 get ¥360


@pytest.fixture
def db_path(demo_db_path: Path) -> Path:
    return demo_db_path


def sql(path: Path, query: str, *args: object) -> list[tuple]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return con.execute(query, args).fetchall()
    finally:
        con.close()


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


@pytest.fixture
def as_login(db, context_for):  # noqa: ANN001, ANN201
    return lambda login: context_for(auth.login(db, login, "1234"))


@pytest.fixture
def silver(db_path):  # noqa: ANN001, ANN201
    """A silver member with money on the card."""
    return sql(db_path, "SELECT id FROM customer WHERE tier_id = ? AND balance_principal > 0 "
               "ORDER BY id LIMIT 1", SILVER)[0][0]


def open_ledger(qtbot, ctx, customer_id: int, mode: Mode) -> LedgerDialog:  # noqa: ANN001
    profile = members.get_profile(ctx.db, ctx.actor, customer_id)
    tier = next((t for t in tiers.get_ladder(ctx.db, ctx.actor).tiers
                 if t.id == profile.tier_id), None)
    dlg = LedgerDialog(ctx, profile, mode, tier)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    dlg.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dlg)
    return dlg


def balance(path: Path, customer_id: int) -> tuple[int, int]:
    return sql(path, "SELECT coalesce(sum(principal), 0), coalesce(sum(bonus), 0) "
               "FROM stored_value_entry WHERE customer_id = ?", customer_id)[0]


def test_top_up_by_keyboard_keeps_principal_and_bonus_apart(qtbot, as_login, silver, db_path):
    ctx = as_login("liufang")  # the front desk tops up
    p0, b0 = balance(db_path, silver)
    dlg = open_ledger(qtbot, ctx, silver, Mode.TOP_UP)
    assert dlg.focusWidget() is dlg.amount
    assert dlg.balance.text() == (f"¥{(p0 + b0) / 100:,.2f} (principal ¥{p0 / 100:,.2f} + "
                                  f"bonus ¥{b0 / 100:,.2f})")
    qtbot.keyClicks(dlg.amount, "1,000")
    assert dlg.preview.text() == "Bonus ¥100.00 for this top-up: the card will hold ¥1,100.00 more."
    qtbot.keyClick(dlg.amount, Qt.Key.Key_Tab)
    assert dlg.focusWidget() is dlg.method
    qtbot.keyClick(dlg.method, Qt.Key.Key_Down)
    method = dlg.method.currentData()
    with qtbot.waitSignal(dlg.accepted):
        qtbot.keyClick(dlg.method, Qt.Key.Key_Return)
    assert (dlg.result.principal, dlg.result.bonus) == (100000, 10000)
    assert balance(db_path, silver) == (p0 + 100000, b0 + 10000)
    rows = sql(db_path, "SELECT kind, principal, bonus, payment_method FROM stored_value_entry "
               "WHERE operation_id = ? ORDER BY line", dlg.operation_id)
    assert sum(r[1] for r in rows) == 100000 and sum(r[2] for r in rows) == 10000
    assert {r[3] for r in rows} == {method}

    profile = MemberProfileDialog(ctx, silver)
    qtbot.addWidget(profile)
    assert profile.split.text() == f"¥{(p0 + 100000) / 100:,.2f} / ¥{(b0 + 10000) / 100:,.2f}"
    assert profile.balance.text() == f"¥{(p0 + b0 + 110000) / 100:,.2f}"
    kinds = [profile.timeline.index(i, 1).data() for i in range(5)]
    assert {"Top-up", "Top-up bonus"} <= set(kinds), kinds


def test_pressing_ok_twice_posts_once(qtbot, as_login, silver, db_path):
    ctx = as_login("owner")
    before = sql(db_path, "SELECT count(*) FROM stored_value_entry")[0][0]
    dlg = open_ledger(qtbot, ctx, silver, Mode.TOP_UP)
    qtbot.keyClicks(dlg.amount, "3000")
    ok = dlg.buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.click()
    first = dlg.result
    ok.click()  # a second click reaches the dialog before it is gone
    assert dlg.result.operation_id == first.operation_id == dlg.operation_id
    assert dlg.result.replayed
    assert (dlg.result.principal, dlg.result.bonus) == (300000, 36000)
    posted = sql(db_path, "SELECT count(*) FROM stored_value_entry")[0][0] - before
    assert posted == len(first.entries)
    assert sql(db_path, "SELECT count(*) FROM audit_entry WHERE action = 'stored_value.topup' "
               "AND detail LIKE ?", f"%{dlg.operation_id}%")[0][0] == 1


@pytest.mark.parametrize(("text", "message"), [
    ("-5", "The amount cannot be negative here."),
    ("0", "The amount must be more than zero."),
    ("12.345", "Too many decimals: this currency has 2."),
    ("abc", "“abc” is not an amount. Type digits, e.g. 1,234.50."),
])
def test_bad_amounts_are_refused_beside_the_field(qtbot, as_login, silver, db_path, text,
                                                  message):
    ctx = as_login("owner")  # logging in writes its own audit row
    before = digest(db_path)
    dlg = open_ledger(qtbot, ctx, silver, Mode.TOP_UP)
    qtbot.keyClicks(dlg.amount, text)
    qtbot.keyClick(dlg.amount, Qt.Key.Key_Return)
    assert dlg.isVisible() and dlg.result is None
    assert dlg.form.field_error("amount") == message
    assert dlg.amount.text() == text
    assert digest(db_path) == before


def test_spend_never_goes_below_zero(qtbot, as_login, silver, db_path):
    p0, b0 = balance(db_path, silver)
    ctx = as_login("liufang")
    before = digest(db_path)
    dlg = open_ledger(qtbot, ctx, silver, Mode.SPEND)
    too_much = f"{(p0 + b0) / 100 + 0.01:.2f}"
    qtbot.keyClicks(dlg.amount, too_much)
    qtbot.keyClick(dlg.amount, Qt.Key.Key_Return)
    assert dlg.isVisible() and dlg.result is None
    assert dlg.form.field_error("amount") == "Not enough stored value for this amount."
    assert dlg.amount.text() == too_much
    assert digest(db_path) == before
    # All of it is fine, and leaves exactly nothing.
    dlg.amount.setText(f"{(p0 + b0) / 100:.2f}")
    with qtbot.waitSignal(dlg.accepted):
        qtbot.keyClick(dlg.amount, Qt.Key.Key_Return)
    assert balance(db_path, silver) == (0, 0)


def test_refund_by_a_manager_returns_principal_only_and_needs_a_reason(qtbot, as_login, silver,
                                                                      db_path):
    p0, b0 = balance(db_path, silver)
    assert b0 > 0
    ctx = as_login("chenjing")
    before = digest(db_path)
    dlg = open_ledger(qtbot, ctx, silver, Mode.REFUND)
    qtbot.keyClick(dlg.amount, Qt.Key.Key_Return)  # empty amount: all the principal
    assert dlg.isVisible() and dlg.result is None
    assert dlg.form.field_error("reason") == "This field is required."
    assert dlg.focusWidget() is dlg.reason
    qtbot.keyClicks(dlg.reason, "moving away")
    dlg.amount.setFocus()
    qtbot.keyClicks(dlg.amount, f"{p0 / 100 + 0.01:.2f}")
    qtbot.keyClick(dlg.amount, Qt.Key.Key_Return)
    assert dlg.form.field_error("amount").startswith(
        "A refund cannot be more than the amount actually paid in")
    assert dlg.form.field_error("reason") == ""
    assert digest(db_path) == before
    dlg.amount.clear()
    with qtbot.waitSignal(dlg.accepted):
        qtbot.keyClick(dlg.amount, Qt.Key.Key_Return)
    assert dlg.result.principal == -p0
    assert balance(db_path, silver) == (0, 0)  # the bonus goes with the principal it came with


def test_front_desk_may_not_refund_or_adjust(qtbot, as_login, silver, db_path):
    ctx = as_login("liufang")
    profile = MemberProfileDialog(ctx, silver)
    qtbot.addWidget(profile)
    assert {"top_up", "spend"} <= set(profile.buttons)
    assert "adjust" not in profile.buttons and "refund" not in profile.buttons
    refusals = sql(db_path, "SELECT count(*) FROM audit_entry WHERE action = "
                   "'stored_value.adjust' AND outcome != 'ok'")[0][0]
    entries = sql(db_path, "SELECT count(*) FROM stored_value_entry")[0][0]
    with pytest.raises(PermissionDenied):
        sv.adjust(ctx.db, ctx.actor, silver, 100, 0, "goodwill", new_operation_id())
    assert sql(db_path, "SELECT count(*) FROM audit_entry WHERE action = "
               "'stored_value.adjust' AND outcome != 'ok'")[0][0] == refusals + 1
    assert sql(db_path, "SELECT count(*) FROM stored_value_entry")[0][0] == entries


def test_owner_adjusts_with_a_reason(qtbot, as_login, silver, db_path):
    ctx = as_login("owner")
    profile = MemberProfileDialog(ctx, silver)
    qtbot.addWidget(profile)
    assert "adjust" in profile.buttons
    p0, b0 = balance(db_path, silver)
    before = digest(db_path)
    dlg = open_ledger(qtbot, ctx, silver, Mode.ADJUST)
    qtbot.keyClicks(dlg.amount, "-10")
    dlg.bonus_amount.setFocus()
    qtbot.keyClicks(dlg.bonus_amount, "5")
    qtbot.keyClick(dlg.bonus_amount, Qt.Key.Key_Return)
    assert dlg.form.field_error("reason") == "Give a reason for the adjustment."
    assert digest(db_path) == before
    dlg.reason.setFocus()
    qtbot.keyClicks(dlg.reason, "counted the till twice")
    with qtbot.waitSignal(dlg.accepted):
        qtbot.keyClick(dlg.reason, Qt.Key.Key_Return)
    assert balance(db_path, silver) == (p0 - 1000, b0 + 500)
