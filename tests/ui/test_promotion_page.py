"""The promotion page: a manager sets up a level and enrols a promoter; the owner settles and
locks a pond's month and prints its statement; bad input shows beside its field."""

from __future__ import annotations

import subprocess
from datetime import date, datetime

from PySide6.QtCore import Qt

from opsdesk.db import clock
from opsdesk.domain.incentives import Bracket
from opsdesk.domain.ponds import PondTerms
from opsdesk.domain.promoters import CommissionPlan
from opsdesk.services import member_search, members, ponds, promoters
from opsdesk.ui.pages.promotion.page import PromotionPage


def make_page(qtbot, ctx) -> PromotionPage:  # noqa: ANN001
    page = PromotionPage(ctx)
    qtbot.addWidget(page)
    page.resize(1400, 900)
    page.show()
    qtbot.waitExposed(page)
    return page


def hit(db, actor, cid):  # noqa: ANN001, ANN201
    p = members.get_profile(db, actor, cid)
    return member_search.MemberHit(cid, p.name, p.phone, p.card_no, None, "", "lead", 0,
                                   None)  # type: ignore[arg-type]


def test_level_then_enrol_a_promoter(qtbot, db, ctx, monkeypatch):  # noqa: ANN001
    monkeypatch.setenv("OPSDESK_NO_VIEWER", "1")
    cid = members.register(db, ctx.actor, members.MemberInput(phone="13800000001",
                                                               name="周婷")).id
    page = make_page(qtbot, ctx)
    page.tabs.setCurrentWidget(page.promoters)
    tab = page.promoters
    tab.level_name.setText("推广员")
    tab.level_rates.setText("150%")
    assert tab.save_level() is None
    assert "100%" in tab.level_form.field_error("brackets")
    tab.level_rates.setText("0=10%, 1000=15%")
    tab.level_fee.setText("199")
    lv = tab.save_level()
    assert lv is not None and len(lv.plan.brackets) == 2 and lv.enrolment_fee == 19900
    assert tab.enrol_level.count() == 1
    assert tab.enrol() is None
    assert tab.enrol_form.field_error("customer_id")
    tab.enrol_member.choose(hit(db, ctx.actor, cid))
    tab.enrol_pay.setChecked(True)
    r = tab.enrol()
    assert r is not None and r.enrolment_sale_id is not None
    assert "周婷" in tab.enrol_said.text()
    assert tab.promoter_model.rowCount() == 1
    tab.enrol_member.choose(hit(db, ctx.actor, cid))
    assert tab.enrol() is None
    assert "already a promoter" in tab.enrol_form.field_error("customer_id")
    assert promoters.list_promoters(db, ctx.actor)[0].customer_id == cid


def test_settle_and_lock_a_pond_month(qtbot, db, ctx, monkeypatch, tmp_path):  # noqa: ANN001
    monkeypatch.setenv("OPSDESK_NO_VIEWER", "1")
    monkeypatch.setenv("OPSDESK_PDF_DIR", str(tmp_path))
    with clock.frozen(datetime(2025, 1, 5, 9)):
        p = ponds.save_pond(db, ctx.actor, ponds.PondInput(None, "瑜伽馆", "林老板"))
        ponds.add_contract(db, ctx.actor, p.id, PondTerms(date(2025, 1, 1), fee_per_customer=3000))
    with clock.frozen(datetime(2025, 2, 10, 9)):
        c = members.register(db, ctx.actor, members.MemberInput(phone="13700000001", name="甲"))
    with db.write() as s:
        from opsdesk.db.models import Customer

        s.get(Customer, c.id).pond_id = p.id
    with clock.frozen(datetime(2025, 3, 3, 9)):
        page = make_page(qtbot, ctx)
        page.tabs.setCurrentWidget(page.ponds)
        tab = page.ponds
        assert tab.pond_model.rowCount() == 1
        tab.s_year.setValue(2025)
        tab.s_month.setValue(2)
        assert tab.view is not None and tab.view.id is None and tab.view.owed == 3000
        qtbot.mouseClick(tab.lock_btn, Qt.MouseButton.LeftButton)
        assert tab.view.id is not None and not tab.lock_btn.isEnabled()
        assert tab.settled_model.rowCount() == 1
        assert tab.lock() is None  # the month is locked: said, nothing written
        assert "locked" in tab.summary.text()
        job = tab.statement_pdf()
        qtbot.waitUntil(lambda: tab.last_pdf is not None, timeout=20000)
    assert job is not None
    text = subprocess.run(["pdftotext", str(tab.last_pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "瑜伽馆" in text and "¥30.00" in text


def test_rules_and_tree(qtbot, db, ctx):  # noqa: ANN001
    a = members.register(db, ctx.actor, members.MemberInput(phone="13800000001", name="王丽")).id
    members.register(db, ctx.actor, members.MemberInput(
        phone="13800000002", name="李娜", referrer_id=a, source="member_referral"))
    page = make_page(qtbot, ctx)
    tab = page.referrals
    tab.min_amount.setText("0")
    assert not tab.add_rule() and tab.rule_form.field_error("min_amount")
    tab.min_amount.setText("500")
    tab.bonus.setText("30")
    assert tab.add_rule()
    assert tab.save_rules()
    job = tab.show_tree(a)
    qtbot.waitUntil(lambda: tab.tree_model.rowCount() == 1, timeout=10000)
    assert job is not None
    root = tab.tree_model.item(0, 0)
    assert root.text() == "王丽" and root.child(0, 0).text() == "李娜"
    assert tab.figures is not None and tab.figures.referred == 1


def test_plan_parsing_helper():
    from opsdesk.domain.money import CNY
    from opsdesk.ui.pages.promotion.promoters_tab import parse_rates

    assert parse_rates("5%", CNY) == (Bracket(0, None, "5%"),)
    got = parse_rates("1000=15%, 0=10%", CNY)
    assert [(b.lower, b.upper) for b in got] == [(0, 100000), (100000, None)]
    assert CommissionPlan(brackets=got).brackets == got
