"""The checkout and refund dialogs on a real store: keyboard flow, member price preview equal to
what the service charges, the notice of what changed, one sale per dialog, errors in place."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from opsdesk.db.models import Sale
from opsdesk.domain.money import CNY
from opsdesk.domain.operations import new_operation_id
from opsdesk.domain.payments import PaymentMethod
from opsdesk.domain.roles import Role
from opsdesk.services import auth, members, stored_value
from opsdesk.services import products as products_service
from opsdesk.services import sales as sales_service
from opsdesk.services import staff as staff_service
from opsdesk.services import tiers as tiers_service
from opsdesk.services.products import ProductInput
from opsdesk.services.tiers import RuleInput, TierInput
from opsdesk.ui.models.checkout_tables import CartModel, PickModel
from opsdesk.ui.pages.sales.checkout import CheckoutDialog, RefundSaleDialog


@pytest.fixture
def shop(ctx):  # noqa: ANN001, ANN201
    ladder = tiers_service.save_ladder(ctx.db, ctx.actor, [
        TierInput(-1, "regular", "银卡", 1, 29900, 365, "9折"),
        TierInput(-2, "regular", "金卡", 2, 99900, 365, "8折"),
    ], [RuleInput(-2, 50000, None, -1)])
    add = lambda *a, **k: products_service.create_product(ctx.db, ctx.actor,  # noqa: E731
                                                          ProductInput(*a, **k))
    facial = add("Facial", "service", "hit", 19800, 4000)
    serum = add("Serum", "product", "profit", 35000, 9000)
    card = add("Silver card", "membership", "hit", 29900, tier_id=ladder.tiers[0].id)
    member = members.register(ctx.db, ctx.actor, members.MemberInput(
        phone="13800138000", name="张三", tier_id=ladder.tiers[0].id))
    return {"ladder": ladder, "facial": facial, "serum": serum, "card": card, "member": member}


def sales_count(ctx) -> int:  # noqa: ANN001
    with ctx.db.read() as s:
        return s.scalar(select(func.count()).select_from(Sale))


def open_checkout(qtbot, ctx, customer_id):  # noqa: ANN001, ANN201
    dlg = CheckoutDialog(ctx, customer_id)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    return dlg


def test_models_pass_the_model_tester(qtmodeltester, ctx, shop):
    tier = shop["ladder"].tiers[0]
    picks = PickModel(CNY, tier)
    picks.set_rows(products_service.list_products(ctx.db, ctx.actor))
    qtmodeltester.check(picks)
    cart = CartModel(CNY, tier)
    cart.add(shop["facial"])
    cart.add(shop["serum"])
    cart.add(shop["facial"])
    qtmodeltester.check(cart)
    assert [ln.quantity for ln in cart.lines()] == [2, 1]
    assert (cart.list_total(), cart.total()) == (74600, 67140)


def test_sell_by_keyboard_with_the_member_discount_and_an_upgrade(qtbot, ctx, shop):
    dlg = open_checkout(qtbot, ctx, shop["member"].id)
    assert dlg.focusWidget() is dlg.search
    assert "张三" in dlg.customer.text() and "9折" in dlg.customer.text()
    qtbot.keyClicks(dlg.search, "seru")
    assert dlg.pick_model.rowCount() == 1
    qtbot.keyClick(dlg.search, Qt.Key.Key_Return)  # adds, does not pay
    qtbot.keyClick(dlg.search, Qt.Key.Key_Return)  # one more of the same
    assert sales_count(ctx) == 0
    assert [(ln.product.name, ln.quantity) for ln in dlg.cart.lines()] == [("Serum", 2)]
    assert dlg.cart.total() == 63000  # 2 x 350.00 at 9折
    assert dlg.pay_button.text() == "&Pay ¥630.00"
    qtbot.keyClick(dlg.search, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    r = dlg.sale_result
    assert r is not None and r.total == 63000 and r.discount == 7000
    assert r.payment_method is PaymentMethod.CASH
    # 630 spent in silver reaches the 500 rule: the notice says so, and the first purchase too.
    text = dlg.notice.text()
    assert "Paid ¥630.00 by Cash" in text
    assert "Tier: 银卡 → 金卡 (upgraded by spending)" in text
    assert "First purchase: 张三 is now a customer." in text
    assert members.get_profile(ctx.db, ctx.actor, shop["member"].id).tier == "金卡"
    assert dlg.stack.currentIndex() == 1 and dlg.focusWidget() is dlg.close_button


def test_paying_twice_posts_one_sale(qtbot, ctx, shop):
    dlg = open_checkout(qtbot, ctx, shop["member"].id)
    dlg.add_row(0)
    dlg.pay()
    dlg.pay()
    dlg.pay_button.click()
    assert sales_count(ctx) == 1
    # The same operation id sent again by the service returns the first sale.
    again = sales_service.sell(ctx.db, ctx.actor, sales_service.SaleInput(
        shop["member"].id, (sales_service.SaleLineInput(dlg.cart.lines()[0].product.id),),
        PaymentMethod.CASH, dlg.operation_id))
    assert again.replayed and again.sale_id == dlg.sale_result.sale_id
    assert sales_count(ctx) == 1


def test_stored_value_shows_the_balance_and_refuses_too_little(qtbot, ctx, shop):
    cid = shop["member"].id
    stored_value.top_up(ctx.db, ctx.actor, cid, 10000, "cash", new_operation_id())
    dlg = open_checkout(qtbot, ctx, cid)
    sv = dlg.method_buttons[PaymentMethod.STORED_VALUE]
    assert sv.text() == "Stored value (balance ¥100.00)"
    sv.setChecked(True)
    for name in ("Facial", "Serum"):
        dlg.add_row(next(i for i in range(dlg.pick_model.rowCount())
                         if dlg.pick_model.row_at(i).name == name))
    dlg.pay()
    assert dlg.sale_result is None
    assert dlg.form.field_error("payment_method") == "Not enough stored value for this amount."
    assert sales_count(ctx) == 0 and len(dlg.cart.lines()) == 2  # nothing lost

    dlg.method_buttons[PaymentMethod.WECHAT].setChecked(True)
    dlg.pay()
    assert dlg.sale_result is not None and dlg.sale_result.payment_method is PaymentMethod.WECHAT


def test_walk_in_has_no_stored_value_and_membership_needs_a_customer(qtbot, ctx, shop):
    dlg = open_checkout(qtbot, ctx, None)
    assert PaymentMethod.STORED_VALUE not in dlg.method_buttons
    assert dlg.customer.text() == "Walk-in customer: list prices, no member discount."
    card = next(i for i in range(dlg.pick_model.rowCount())
                if dlg.pick_model.row_at(i).name == "Silver card")
    dlg.add_row(card)
    dlg.pay()
    assert dlg.sale_result is None and sales_count(ctx) == 0
    assert "choose the customer first" in dlg.form.general.text()
    dlg.pay()  # an empty sale is refused beside the lines
    dlg.remove_current()
    dlg.pay()
    assert dlg.form.field_error("lines") == "Add at least one product to the sale."


def test_receipt_is_written(qtbot, ctx, shop, tmp_path, monkeypatch):
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QFileDialog

    dlg = open_checkout(qtbot, ctx, shop["member"].id)
    if dlg.receipts is None:
        assert not dlg.receipt_button.isVisibleTo(dlg)
        return
    dlg.add_row(0)
    dlg.pay()
    out = tmp_path / "r.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url))
    dlg.receipt_button.click()
    assert out.read_bytes().startswith(b"%PDF") and opened
    roll = out.read_bytes()
    dlg.receipt_a4_button.click()
    a4 = out.read_bytes()
    assert a4.startswith(b"%PDF") and a4 != roll and len(opened) == 2


def test_refund_with_a_reason_and_only_by_a_manager(qtbot, ctx, shop, context_for):
    dlg = open_checkout(qtbot, ctx, shop["member"].id)
    dlg.add_row(0)
    dlg.pay()
    sale_id = dlg.sale_result.sale_id

    staff_service.create_staff(ctx.db, ctx.actor, staff_service.StaffInput(
        name="Desk", login="desk", role=Role.FRONT_DESK, secret="1357"))
    desk = RefundSaleDialog(context_for(auth.login(ctx.db, "desk", "1357")), sale_id)
    qtbot.addWidget(desk)
    assert not desk.refund_button.isEnabled() and desk.refused.isVisibleTo(desk)

    ref = RefundSaleDialog(ctx, sale_id)
    qtbot.addWidget(ref)
    ref.show()
    qtbot.waitExposed(ref)
    assert ref.focusWidget() is ref.reason
    qtbot.keyClicks(ref.reason, "changed her mind")
    qtbot.keyClick(ref.reason, Qt.Key.Key_Return)
    r = ref.sale_result
    assert r is not None and r.kind == "refund" and r.total == -dlg.sale_result.total
    assert "Refunded" in ref.notice.text()
    ref.refund()  # the button now closes; nothing is refunded twice
    assert sales_count(ctx) == 2
    again = RefundSaleDialog(ctx, sale_id)
    qtbot.addWidget(again)
    again.refund()
    assert again.form.general.text() == "This sale has already been refunded."


def test_enter_on_the_payment_choice_pays(qtbot, ctx, shop):
    dlg = open_checkout(qtbot, ctx, shop["member"].id)
    dlg.add_row(0)
    qtbot.keyClick(dlg.search, Qt.Key.Key_Down)
    assert dlg.focusWidget() is dlg.picks
    qtbot.keyClick(dlg.picks, Qt.Key.Key_Return)  # Enter in the list adds too
    assert dlg.cart.lines()[0].quantity == 2
    cash = dlg.method_buttons[PaymentMethod.CASH]
    cash.setFocus()
    qtbot.keyClick(cash, Qt.Key.Key_Return)
    assert dlg.sale_result is not None and sales_count(ctx) == 1
