"""Promoters: levels, enrolment paid as a sale, accrual with the referred sale, freeze, clawback on
refund, payout by cash or stored value, leaderboard and statement."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import text

from opsdesk.db import clock
from opsdesk.db.engine import Database
from opsdesk.domain.errors import Conflict, FieldErrors, PermissionDenied, ValidationError
from opsdesk.domain.incentives import Bracket
from opsdesk.domain.promoters import CommissionPlan, MemberBonusOn, PurchaseScope
from opsdesk.services import maintenance, members, promoters, sales, stored_value

Y = 100
PLAN = CommissionPlan(brackets=(Bracket(0, 1000 * Y, "0.10"), Bracket(1000 * Y, None, "0.15")),
                      window_days=30, scope=PurchaseScope.ALL, per_new_member=20 * Y,
                      refund_window_days=7)


def reg(db: Database, actor, phone: str, name: str) -> int:  # noqa: ANN001
    return members.register(db, actor, members.MemberInput(phone=phone, name=name)).id


def counts(db: Database) -> tuple:
    with db.read() as s:
        return tuple(s.execute(text(f"SELECT COUNT(*) FROM {t}")).scalar() for t in (
            "promoter_level", "promoter", "commission_entry", "sale", "stored_value_entry"))


@pytest.fixture
def setup_promoter(db: Database, shop):  # noqa: ANN001, ANN201
    with clock.frozen(datetime(2025, 3, 1, 9)):
        lv = promoters.save_level(db, shop.owner, promoters.LevelInput(
            None, "金牌推广员", 2, PLAN, enrolment_fee=199 * Y))
        p_cust = reg(db, shop.desk, "13800000001", "周婷")
        p = promoters.enrol(db, shop.manager, promoters.EnrolInput(
            p_cust, lv.id, "enrol-1", pay_fee=True, payment_method="wechat"))
        friend = reg(db, shop.desk, "13800000002", "孙磊")
        promoters.attach_customer(db, shop.manager, friend, p.id)
    return lv, p, friend


def sell(db, actor, customer, product, op, q=1):  # noqa: ANN001, ANN201
    return sales.sell(db, actor, sales.SaleInput(customer, (sales.SaleLineInput(product, q),),
                                                 "cash", op))


def test_enrolment_fee_is_a_sale_and_a_retry_sells_once(db: Database, shop,  # noqa: ANN001
                                                        setup_promoter) -> None:
    lv, p, _friend = setup_promoter
    assert p.enrolment_sale_id is not None and p.level == "金牌推广员"
    got = sales.get_sale(db, shop.desk, p.enrolment_sale_id)
    assert got.total == 199 * Y and got.customer_id == p.customer_id
    before = counts(db)
    again = promoters.enrol(db, shop.manager, promoters.EnrolInput(
        p.customer_id, lv.id, "enrol-1", pay_fee=True, payment_method="wechat"))
    assert again.replayed and again.id == p.id and counts(db) == before
    with pytest.raises(Conflict) as e:
        promoters.enrol(db, shop.manager, promoters.EnrolInput(p.customer_id, lv.id, "enrol-2"))
    assert e.value.code == "promoter.already_enrolled"
    assert counts(db) == before


def test_enrolment_and_its_fee_are_one_transaction(db: Database, shop,  # noqa: ANN001
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    lv = promoters.save_level(db, shop.owner, promoters.LevelInput(
        None, "推广员", 1, PLAN, enrolment_fee=99 * Y))
    cust = reg(db, shop.desk, "13800000009", "钱芳")
    before = counts(db)
    real = promoters.audit.record_as

    def fail_at_enrolment(s, actor, action, *a, **k):  # noqa: ANN001, ANN002, ANN003, ANN202
        if action == "promoter.enrol":  # after the fee was sold, before the promoter is made
            raise RuntimeError("power cut")
        return real(s, actor, action, *a, **k)

    monkeypatch.setattr(promoters.audit, "record_as", fail_at_enrolment)
    with pytest.raises(RuntimeError):
        promoters.enrol(db, shop.manager, promoters.EnrolInput(
            cust, lv.id, "enrol-9", pay_fee=True, payment_method="cash"))
    assert counts(db) == before  # no fee sold without the enrolment
    monkeypatch.setattr(promoters.audit, "record_as", real)
    p = promoters.enrol(db, shop.manager, promoters.EnrolInput(
        cust, lv.id, "enrol-9", pay_fee=True, payment_method="cash"))
    assert sales.get_sale(db, shop.desk, p.enrolment_sale_id).total == 99 * Y
    assert counts(db)[1] == before[1] + 1 and counts(db)[3] == before[3] + 1


def test_accrual_freeze_clawback_payout(db: Database, shop, setup_promoter) -> None:  # noqa: ANN001
    _lv, p, friend = setup_promoter
    with clock.frozen(datetime(2025, 3, 5, 10)):
        s1 = sell(db, shop.desk, friend, shop.serum, "s1", 2)  # 796: 10% + 20 new member
        s2 = sell(db, shop.desk, friend, shop.serum, "s2", 1)  # 398: month crosses 1,000
    rows = promoters.ledger(db, shop.manager, p.id)
    # STEP: C(796) = 79.60; C(1194) = 179.10 -> the second sale carries the catch-up
    assert [(r.kind, r.amount) for r in rows] == [("accrual", 7960 + 2000),
                                                  ("accrual", 17910 - 7960)]
    b = promoters.balance(db, shop.manager, p.id, date(2025, 3, 11))
    assert (b.frozen, b.available) == (17910 + 2000, 0)
    with clock.frozen(datetime(2025, 3, 12, 10)):
        sales.refund_sale(db, shop.manager, s2.sale_id, "rf2", "退货")
    b = promoters.balance(db, shop.manager, p.id, date(2025, 3, 12))
    assert (b.frozen, b.available, b.clawed_back) == (0, 7960 + 2000, 17910 - 7960)
    with clock.frozen(datetime(2025, 3, 12, 11)):
        with pytest.raises(ValidationError) as e:
            promoters.payout(db, shop.manager, p.id, 99_999 * Y, "cash", "po0")
        assert e.value.code == "promoter.payout_exceeds_available"
        with pytest.raises(PermissionDenied):
            promoters.payout(db, shop.desk, p.id, 10 * Y, "cash", "po0")
        r = promoters.payout(db, shop.manager, p.id, 50 * Y, "stored_value", "po1")
        again = promoters.payout(db, shop.manager, p.id, 50 * Y, "stored_value", "po1")
        assert again.replayed and again.id == r.id
        promoters.payout(db, shop.manager, p.id, None, "cash", "po2")
    bal = stored_value.get_balance(db, shop.desk, p.customer_id)
    assert (bal.principal, bal.bonus) == (50 * Y, 0)
    b = promoters.balance(db, shop.manager, p.id, date(2025, 3, 12))
    assert (b.available, b.paid) == (0, 7960 + 2000)
    with clock.frozen(datetime(2025, 3, 13, 10)):
        with pytest.raises(ValidationError) as e:
            promoters.payout(db, shop.manager, p.id, None, "cash", "po3")
        assert e.value.code == "promoter.nothing_available"
        sales.refund_sale(db, shop.manager, s1.sale_id, "rf1", "退货")
    b = promoters.balance(db, shop.manager, p.id, date(2025, 3, 13))
    assert b.available == -(7960 + 2000)  # owed from future commission, never a cash debt
    assert maintenance.check(db).ok


def test_sale_outside_window_or_not_first_earns_nothing(db: Database, shop) -> None:  # noqa: ANN001
    with clock.frozen(datetime(2025, 3, 1, 9)):
        lv = promoters.save_level(db, shop.owner, promoters.LevelInput(
            None, "推广员", 1, CommissionPlan(brackets=(Bracket(0, None, "5%"),),
                                              window_days=10, scope=PurchaseScope.FIRST,
                                              per_new_member=10 * Y,
                                              member_bonus_on=MemberBonusOn.REGISTRATION)))
        pc = reg(db, shop.desk, "13800000001", "周婷")
        p = promoters.enrol(db, shop.manager, promoters.EnrolInput(pc, lv.id, "e1"))
        f = reg(db, shop.desk, "13800000002", "孙磊")
        promoters.attach_customer(db, shop.manager, f, p.id)  # registration pays 10 at once
        sell(db, shop.desk, f, shop.facial, "s1")  # first purchase: 5 %
        sell(db, shop.desk, f, shop.facial, "s2")  # not first: nothing
    with clock.frozen(datetime(2025, 3, 20, 9)):
        g = reg(db, shop.desk, "13800000003", "赵敏")
    with clock.frozen(datetime(2025, 4, 20, 9)):
        promoters.attach_customer(db, shop.manager, g, p.id)
        sell(db, shop.desk, g, shop.facial, "s3")  # 31 days after registration: outside
    rows = promoters.ledger(db, shop.manager, p.id)
    assert [(r.kind, r.amount, r.source.split(":")[0]) for r in rows] == [
        ("accrual", 10 * Y, "registration"), ("accrual", 5 * Y, "sale"),
        ("accrual", 10 * Y, "registration")]


def test_bad_levels_are_refused_and_nothing_saved(db: Database, shop) -> None:  # noqa: ANN001
    before = counts(db)
    with pytest.raises(FieldErrors) as e:
        promoters.save_level(db, shop.owner, promoters.LevelInput(
            None, "超额", 1, CommissionPlan(brackets=(Bracket(0, None, "1.5"),))))
    assert e.value.errors["plan"].errors["brackets"].code == "promoter.rate_over_100"
    promoters.save_level(db, shop.owner, promoters.LevelInput(None, "A", 1, PLAN))
    with pytest.raises(ValidationError) as e:
        promoters.save_level(db, shop.owner, promoters.LevelInput(None, "a", 2, PLAN))
    assert e.value.code == "promoter.level_duplicate"
    with pytest.raises(PermissionDenied):
        promoters.save_level(db, shop.desk, promoters.LevelInput(None, "B", 3, PLAN))
    assert counts(db)[0] == before[0] + 1


def test_promoter_cannot_bring_themself(db: Database, shop, setup_promoter) -> None:  # noqa: ANN001
    _lv, p, _friend = setup_promoter
    before = counts(db)
    with pytest.raises(ValidationError) as e:
        promoters.attach_customer(db, shop.manager, p.customer_id, p.id)
    assert e.value.code == "promoter.self_referral"
    assert counts(db) == before


def test_leaderboard_and_statement(db: Database, shop, setup_promoter) -> None:  # noqa: ANN001
    _lv, p, friend = setup_promoter
    with clock.frozen(datetime(2025, 3, 5, 10)):
        sell(db, shop.desk, friend, shop.serum, "s1", 2)
    board = promoters.leaderboard(db, shop.manager, date(2025, 3, 1), date(2025, 3, 31))
    assert [(r.rank, r.name, r.referred_revenue, r.new_members, r.commission)
            for r in board] == [(1, "周婷", 796 * Y, 1, 7960 + 2000)]
    st = promoters.statement(db, shop.manager, p.id, 2025, 3)
    assert (st.accrued, st.clawed_back, st.paid) == (9960, 0, 0)
    assert st.closing.frozen + st.closing.available == 9960
    assert st.opening.earned == 0


def test_statement_pdf_text_matches_the_figures(db: Database, shop, setup_promoter,  # noqa: ANN001
                                                tmp_path) -> None:  # noqa: ANN001
    import subprocess

    from opsdesk.domain.money import format_money
    from opsdesk.reports.promotion import PromoterStatementLabels, render_promoter_statement

    _lv, p, friend = setup_promoter
    with clock.frozen(datetime(2025, 3, 5, 10)):
        sell(db, shop.desk, friend, shop.serum, "s1", 2)
    with clock.frozen(datetime(2025, 3, 20, 10)):
        promoters.payout(db, shop.manager, p.id, 30 * Y, "cash", "po")
    st = promoters.statement(db, shop.manager, p.id, 2025, 3)
    out = tmp_path / "st.pdf"
    render_promoter_statement(st, out, labels=PromoterStatementLabels(title="推广员佣金对账单"))
    txt = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True,
                         text=True, check=True).stdout
    assert "推广员佣金对账单" in txt and "周婷" in txt and "2025-03" in txt
    for amount in (st.accrued, -st.paid, st.closing.available + st.closing.frozen):
        assert format_money(amount) in txt
    assert st.closing.available + st.closing.frozen == 9960 - 30 * Y
