"""The product matrix page and item dialog on a real store."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from opsdesk.domain.members import ProductKind, ProductRole
from opsdesk.domain.money import CNY
from opsdesk.domain.roles import Role
from opsdesk.services import auth
from opsdesk.services import products as products_service
from opsdesk.services import staff as staff_service
from opsdesk.services import tiers as tiers_service
from opsdesk.services.products import ProductInput
from opsdesk.services.tiers import TierInput
from opsdesk.ui.models.product_table import COLUMNS, ProductTableModel
from opsdesk.ui.pages.products.dialog import ProductDialog
from opsdesk.ui.pages.products.page import ProductsPage


@pytest.fixture
def matrix(ctx):  # noqa: ANN001, ANN201
    ladder = tiers_service.save_ladder(ctx.db, ctx.actor, [
        TierInput(-1, "regular", "银卡", 1, 29900, 365, "9折")])
    add = lambda *a, **k: products_service.create_product(ctx.db, ctx.actor,  # noqa: E731
                                                          ProductInput(*a, **k))
    add("皮肤检测", "service", "traffic", 0, 500)
    add("清洁焕肤", "service", "hit", 19800, 4000)
    add("精华套装", "product", "profit", 128000, 42000)
    add("银卡年卡", "membership", "hit", 29900, 0, tier_id=ladder.tiers[0].id)
    add("旧套餐", "service", "brand", 9900, 12000, active=False)
    return ladder


def names(ctx, inactive=False) -> list[str]:  # noqa: ANN001
    return [r.name for r in products_service.list_products(ctx.db, ctx.actor,
                                                           include_inactive=inactive)]


def test_model_passes_the_model_tester(qtmodeltester, ctx, matrix):
    m = ProductTableModel(CNY)
    m.set_rows(products_service.list_products(ctx.db, ctx.actor, include_inactive=True),
               {t.id: t.name for t in matrix.tiers})
    qtmodeltester.check(m)


def test_page_filters_by_role_and_shows_margin(qtbot, ctx, matrix):
    page = ProductsPage(ctx)
    qtbot.addWidget(page)
    col = {key: i for i, (key, _t) in enumerate(COLUMNS)}
    assert page.model.rowCount() == 4  # the stopped item is hidden
    assert page.role_buttons[""].text() == "All (4)"
    assert page.role_buttons["hit"].text() == "Hit (2)"
    page.role_buttons["hit"].click()
    shown = [page.model.row_at(i).name for i in range(page.model.rowCount())]
    assert shown == ["清洁焕肤", "银卡年卡"]
    assert page.model.index(0, col["margin"]).data() == "79.8%"
    assert page.model.index(1, col["tier"]).data() == "银卡"
    page.role_buttons[""].click()
    page.show_stopped.setChecked(True)
    assert page.model.rowCount() == 5
    old = next(i for i in range(5) if page.model.row_at(i).name == "旧套餐")
    assert page.model.index(old, col["margin"]).data() == "-21.2%"
    assert page.model.index(old, col["status"]).data() == "Stopped"
    assert page.model.index(0, col["margin"]).data() == "—"  # free item: no margin


def test_add_an_item_by_keyboard(qtbot, ctx, matrix):
    dlg = ProductDialog(ctx, list(matrix.tiers), None)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    assert dlg.focusWidget() is dlg.name
    qtbot.keyClicks(dlg.name, "Deep cleanse")
    dlg.role.setCurrentIndex(dlg.role.findData(ProductRole.PROFIT.value))
    qtbot.keyClicks(dlg.price, "388")
    qtbot.keyClicks(dlg.cost, "97")
    assert dlg.margin.text() == "75.0% of the price"
    with qtbot.waitSignal(dlg.accepted):
        qtbot.keyClick(dlg.cost, Qt.Key.Key_Return)
    row = next(r for r in products_service.list_products(ctx.db, ctx.actor)
               if r.name == "Deep cleanse")
    assert (row.kind, row.role, row.price, row.cost, row.active) \
        == (ProductKind.PRODUCT, ProductRole.PROFIT, 38800, 9700, True)


def test_membership_picks_its_tier_and_errors_stay_beside_the_fields(qtbot, ctx, matrix):
    dlg = ProductDialog(ctx, list(matrix.tiers), None)
    qtbot.addWidget(dlg)
    before = names(ctx, inactive=True)
    dlg.name.setText("清洁焕肤")  # taken
    dlg.kind.setCurrentIndex(dlg.kind.findData(ProductKind.MEMBERSHIP.value))
    assert dlg.tier.isEnabled()
    dlg.price.setText("12.345")
    dlg.save()
    assert dlg.form.field_error("price") == "Too many decimals: this currency has 2."
    dlg.price.setText("")
    dlg.tier.setCurrentIndex(dlg.tier.findText("银卡"))
    assert dlg.price.text() == "299.00"  # the tier's own price is offered
    dlg.tier.setCurrentIndex(0)
    dlg.save()
    assert dlg.form.field_error("tier_id") == "A membership product needs the tier it grants."
    assert dlg.form.field_error("name") == "Another product already has this name."
    assert dlg.name.text() == "清洁焕肤"
    assert names(ctx, inactive=True) == before


def test_front_desk_reads_but_does_not_edit(qtbot, ctx, matrix, context_for):
    staff_service.create_staff(ctx.db, ctx.actor, staff_service.StaffInput(
        name="Desk", login="desk", role=Role.FRONT_DESK, secret="1357"))
    page = ProductsPage(context_for(auth.login(ctx.db, "desk", "1357")))
    qtbot.addWidget(page)
    assert page.model.rowCount() == 4
    assert not page.add_button.isVisibleTo(page) and not page.edit_button.isVisibleTo(page)
