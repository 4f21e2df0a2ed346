"""The launch page: recording a lock and the final payment for a customer, errors beside their
field, the launch editor, the funnel and the lists, and the models under the model tester."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt

from opsdesk.db import clock
from opsdesk.domain.launches import Funnel
from opsdesk.domain.operations import new_operation_id
from opsdesk.services import launches, member_search, members, stored_value
from opsdesk.ui.pages.launches.dialog import LaunchDialog
from opsdesk.ui.pages.launches.page import LaunchesPage

YUAN = 100
NOW = datetime(2026, 3, 5, 10, 0)


@pytest.fixture
def launch_id(ctx):  # noqa: ANN001, ANN201
    with clock.frozen(datetime(2026, 2, 20, 9)):
        row = launches.create_launch(ctx.db, ctx.actor, launches.LaunchInput(
            name="春季抗衰疗程首发", entry_opens=date(2026, 3, 1),
            lock_deadline=date(2026, 3, 20), delivery=date(2026, 4, 10), entry_fee=99 * YUAN,
            deposit=1000 * YUAN, price=6800 * YUAN, capacity=1, early_until=date(2026, 3, 8),
            early_gifts="赠面部护理 2 次"))
        launches.set_status(ctx.db, ctx.actor, row.id, "open")
    return row.id


def member(ctx, phone: str, name: str, topup: int = 0):  # noqa: ANN001, ANN201
    ref = members.register(ctx.db, ctx.actor, members.MemberInput(phone=phone, name=name))
    if topup:
        stored_value.top_up(ctx.db, ctx.actor, ref.id, topup, "cash", new_operation_id())
    return member_search.search(ctx.db, ctx.actor, phone)[0]


def pick(page: LaunchesPage, hit, method: str) -> None:  # noqa: ANN001
    page.customer.choose(hit)
    page.method.setCurrentIndex(page.method.findData(method))


def test_recording_a_lock_then_the_final_payment(qtbot, ctx, launch_id) -> None:  # noqa: ANN001
    hit = member(ctx, "13800001111", "林小美", topup=3000 * YUAN)
    with clock.frozen(NOW):
        page = LaunchesPage(ctx)
        qtbot.addWidget(page)
        assert page.current is not None and page.current.id == launch_id
        pick(page, hit, "stored_value")
        assert page.lock_button.isEnabled() and not page.deal_button.isEnabled()
        qtbot.mouseClick(page.lock_button, Qt.MouseButton.LeftButton)
        r = page.last_result
        assert (r.action, r.amount, r.early) == ("lock", 1000 * YUAN, True)
        assert "¥1,000.00" in page.result_line.text()
        assert stored_value.get_balance(ctx.db, ctx.actor, hit.id).total == 2000 * YUAN
        assert page.unpaid_model.rowCount() == 1
        assert page.count_labels["locks"].text() == "1"
        assert "¥5,800.00" in page.deal_button.text()
        pick(page, hit, "wechat")
        qtbot.mouseClick(page.deal_button, Qt.MouseButton.LeftButton)
        r = page.last_result
        assert (r.action, r.amount, r.applied) == ("deal", 5800 * YUAN, 1000 * YUAN)
        assert page.unpaid_model.rowCount() == 0
        assert page.count_labels["deals"].text() == "1"
        assert not page.deal_button.isEnabled()
    assert launches.funnel_report(ctx.db, ctx.actor, launch_id).total == Funnel(1, 1, 1)


def test_full_launch_puts_the_next_lock_on_the_waiting_list(qtbot, ctx, launch_id) -> None:  # noqa: ANN001
    a, b = member(ctx, "13800001111", "林小美"), member(ctx, "13800002222", "周晓")
    with clock.frozen(NOW):
        page = LaunchesPage(ctx)
        qtbot.addWidget(page)
        pick(page, a, "cash")
        page.record("lock")
        pick(page, b, "cash")
        r = page.record("lock")
        assert (r.action, r.waitlist_position, r.amount) == ("waitlist", 1, 0)
        assert page.wait_model.rowCount() == 1
        assert "1" in page.tabs.tabText(4)


def test_errors_show_beside_their_field_and_nothing_is_posted(qtbot, ctx, launch_id) -> None:  # noqa: ANN001
    hit = member(ctx, "13800001111", "林小美")
    with clock.frozen(NOW):
        page = LaunchesPage(ctx)
        qtbot.addWidget(page)
        assert page.record("lock") is None
        assert page.form.field_error("customer_id")
        pick(page, hit, "cash")
        assert page.record("deal") is None  # the launch needs a lock first
        assert "lock" in page.form.general.text()
        page.record("entry")
        page.refund_amount.setText("100")
        assert page.record("entry_refund") is None
        assert "¥99.00" in page.refund_form.field_error("amount")
        assert page.refund_amount.text() == "100"  # what was typed is kept
    assert [p.step for p in launches.participants(ctx.db, ctx.actor, launch_id)] == ["entered"]


def test_editor_refuses_a_deposit_over_the_price_beside_the_field(qtbot, ctx) -> None:  # noqa: ANN001
    dlg = LaunchDialog(ctx)
    qtbot.addWidget(dlg)
    dlg.name.setText("夏季塑形营")
    dlg.entry_opens.set_value(date(2026, 6, 1))
    dlg.lock_deadline.set_value(date(2026, 6, 20))
    dlg.delivery.set_value(date(2026, 7, 1))
    dlg.deposit.setText("5000")
    dlg.price.setText("3980")
    dlg.save()
    assert dlg.saved is None
    assert dlg.form.field_error("deposit")
    dlg.deposit.setText("500")
    dlg.save()
    assert dlg.saved is not None
    assert (dlg.saved.deposit, dlg.saved.price, dlg.saved.entry_fee) == (50000, 398000, 0)
    assert dlg.saved.deposit_refund_after == pytest.approx(0.5)


def test_models_pass_the_model_tester(qtmodeltester, qtbot, ctx, launch_id) -> None:  # noqa: ANN001
    hit = member(ctx, "13800001111", "林小美")
    with clock.frozen(NOW):
        page = LaunchesPage(ctx)
        qtbot.addWidget(page)
        pick(page, hit, "cash")
        page.record("lock")
    for model in (page.list_model, page.staff_model, page.part_model, page.unpaid_model,
                  page.wait_model):
        qtmodeltester.check(model)
