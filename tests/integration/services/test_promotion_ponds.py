"""Partner ponds: contracts, import tagged with the pond, settle → lock (immutable), conversion;
channel spend and acquisition cost."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select, text

from opsdesk.db import clock
from opsdesk.db.engine import Database
from opsdesk.db.models import Customer
from opsdesk.domain.errors import Conflict, FieldErrors, PermissionDenied, ValidationError
from opsdesk.domain.ponds import PondTerms
from opsdesk.io.members_import import parse_all
from opsdesk.services import channels, maintenance, ponds, sales

Y = 100
TERMS = PondTerms(date(2025, 1, 1), None, fee_per_customer=30 * Y, share_rate="10%",
                  share_months=3, monthly_minimum=100 * Y)


def counts(db: Database) -> tuple:
    with db.read() as s:
        return tuple(s.execute(text(f"SELECT COUNT(*) FROM {t}")).scalar() for t in (
            "pond", "pond_contract", "pond_settlement", "pond_settlement_line", "customer"))


def import_rows(db: Database, actor, pond_id: int, lines: list[tuple[str, str]]):  # noqa: ANN001, ANN201
    import tempfile
    from pathlib import Path

    from opsdesk.io.members_import import guess_mapping

    path = Path(tempfile.mkdtemp()) / "pond.csv"
    path.write_text("姓名,手机\n" + "".join(f"{n},{p}\n" for n, p in lines), encoding="utf-8")
    rows = list(parse_all(path, guess_mapping(["姓名", "手机"])))
    return ponds.import_customers(db, actor, pond_id, rows, "skip")


@pytest.fixture
def pond(db: Database, shop) -> int:  # noqa: ANN001
    p = ponds.save_pond(db, shop.manager, ponds.PondInput(None, "瑜伽馆", "林老板", "13900000000"))
    ponds.add_contract(db, shop.manager, p.id, TERMS)
    return p.id


def test_import_tags_customers_with_the_pond(db: Database, shop, pond: int) -> None:  # noqa: ANN001
    with clock.frozen(datetime(2025, 2, 10, 10)):
        summary = import_rows(db, shop.manager, pond, [("甲", "13700000001"),
                                                       ("乙", "13700000002")])
    assert summary.created == 2
    with db.read() as s:
        rows = s.execute(select(Customer.source, Customer.pond_id)).all()
    assert rows == [("pond", pond), ("pond", pond)]


def test_settle_lock_and_refuse_a_second_lock(db: Database, shop, pond: int) -> None:  # noqa: ANN001
    with clock.frozen(datetime(2025, 2, 10, 10)):
        import_rows(db, shop.manager, pond, [("甲", "13700000001"), ("乙", "13700000002")])
    with db.read() as s:
        a = s.scalars(select(Customer.id).order_by(Customer.id)).first()
    with clock.frozen(datetime(2025, 2, 12, 10)):
        sales.sell(db, shop.desk, sales.SaleInput(a, (sales.SaleLineInput(shop.serum, 1),),
                                                  "cash", "s1"))
    with clock.frozen(datetime(2025, 3, 2, 10)):
        pre = ponds.preview(db, shop.manager, pond, 2025, 2)
        assert pre.id is None and pre.new_customers == 2
        assert (pre.fee_total, pre.share, pre.owed) == (60 * Y, 3980, 100 * Y)  # the minimum
        assert pre.minimum_topup == 100 * Y - 60 * Y - 3980
        with pytest.raises(PermissionDenied):
            ponds.lock(db, shop.manager, pond, 2025, 2, "lock-1")
        locked = ponds.lock(db, shop.owner, pond, 2025, 2, "lock-1")
        assert locked.id is not None and locked.owed == pre.owed
        assert sum(ln.fee + ln.share for ln in locked.lines) == locked.fee_total + locked.share
        again = ponds.lock(db, shop.owner, pond, 2025, 2, "lock-1")
        assert again.replayed and again.id == locked.id
        before = counts(db)
        with pytest.raises(ValidationError) as e:
            ponds.lock(db, shop.owner, pond, 2025, 2, "lock-2")
        assert e.value.code == "pond.settlement_locked"
        with pytest.raises(ValidationError) as e:
            ponds.lock(db, shop.owner, pond, 2025, 3, "lock-3")
        assert e.value.code == "pond.period_not_ended"
        assert counts(db) == before
        # A refund after the lock leaves the locked month as it was.
        sales.refund_sale(db, shop.manager, 1, "rf", "退货")
    assert ponds.preview(db, shop.manager, pond, 2025, 2).owed == locked.owed
    assert [r.owed for r in ponds.settlements(db, shop.manager, pond)] == [locked.owed]
    conv = ponds.conversion(db, shop.manager, pond)
    assert (conv.handed_over, conv.paying) == (2, 1)
    assert maintenance.check(db).ok


def test_minimum_applies_when_little_comes_in(db: Database, shop, pond: int) -> None:  # noqa: ANN001
    with clock.frozen(datetime(2025, 5, 1)):
        locked = ponds.lock(db, shop.owner, pond, 2025, 4, "l4")
    assert (locked.new_customers, locked.minimum_topup, locked.owed) == (0, 100 * Y, 100 * Y)


def test_bad_contracts_are_refused_and_nothing_saved(db: Database, shop, pond: int) -> None:  # noqa: ANN001
    before = counts(db)
    with pytest.raises(FieldErrors) as e:
        ponds.add_contract(db, shop.manager, pond, PondTerms(
            date(2026, 1, 1), date(2025, 1, 1), share_rate="120%", share_months=1))
    assert e.value.errors["share_rate"].code == "pond.rate_over_100"
    assert e.value.errors["valid_to"].code == "pond.validity_invalid"
    with pytest.raises(ValidationError) as e:
        ponds.add_contract(db, shop.manager, pond, PondTerms(date(2025, 6, 1)))
    assert e.value.code == "pond.contract_overlap"
    with pytest.raises(Conflict) as e:
        ponds.save_pond(db, shop.manager, ponds.PondInput(None, "瑜伽馆"))
    assert e.value.code == "pond.name_taken"
    assert counts(db) == before


def test_channel_spend_and_acquisition_cost(db: Database, shop, pond: int) -> None:  # noqa: ANN001
    with pytest.raises(PermissionDenied):
        channels.set_spend(db, shop.desk, channels.SpendInput("walk_in", "flyer", 2025, 2, 1))
    with pytest.raises(FieldErrors) as e:
        channels.set_spend(db, shop.manager, channels.SpendInput("tv", "ads", 2025, 13, -1))
    assert set(e.value.errors) == {"channel", "month", "amount"}
    channels.set_spend(db, shop.manager, channels.SpendInput("walk_in", "flyer", 2025, 2, 300 * Y))
    channels.set_spend(db, shop.manager, channels.SpendInput("walk_in", "flyer", 2025, 2, 500 * Y))
    assert [r.amount for r in channels.spend_table(db, shop.manager, 2025)] == [500 * Y]
    with clock.frozen(datetime(2025, 2, 10, 10)):
        import_rows(db, shop.manager, pond, [("甲", "13700000001"), ("乙", "13700000002")])
        from opsdesk.services import members
        w = members.register(db, shop.desk, members.MemberInput(phone="13800000009",
                                                                name="散客")).id
    with db.read() as s:
        a = s.scalars(select(Customer.id).where(Customer.pond_id == pond)).first()
    with clock.frozen(datetime(2025, 2, 12, 10)):
        for cid, op in ((a, "s1"), (w, "s2")):
            sales.sell(db, shop.desk, sales.SaleInput(
                cid, (sales.SaleLineInput(shop.facial, 1),), "cash", op))
    with clock.frozen(datetime(2025, 3, 2, 10)):
        ponds.lock(db, shop.owner, pond, 2025, 2, "l2")
        got = channels.acquisition(db, shop.manager, date(2025, 2, 1), date(2025, 2, 28))
    by = {c.channel: c for c in got.costs}
    assert (by["walk_in"].spend, by["walk_in"].new_paying, by["walk_in"].per_customer) == \
        (500 * Y, 1, 500 * Y)
    assert by["pond"].pond_fees == 100 * Y and by["pond"].new_paying == 1
    early = {e.channel: e for e in got.early}
    assert early["pond"].registered == 2 and early["pond"].first_30_days.customers == 0
    with pytest.raises(ValidationError):
        channels.acquisition(db, shop.manager, date(2025, 3, 1), date(2025, 2, 1))


def test_settlement_pdf_text_matches_the_figures(db: Database, shop, pond: int,  # noqa: ANN001
                                                 tmp_path) -> None:  # noqa: ANN001
    import subprocess

    from opsdesk.domain.money import format_money
    from opsdesk.reports.promotion import PondStatementLabels, render_pond_statement

    with clock.frozen(datetime(2025, 2, 10, 10)):
        import_rows(db, shop.manager, pond, [("甲", "13700000001"), ("乙", "13700000002")])
    with clock.frozen(datetime(2025, 3, 2, 10)):
        v = ponds.lock(db, shop.owner, pond, 2025, 2, "l")
    out = tmp_path / "pond.pdf"
    render_pond_statement(v, out, labels=PondStatementLabels(title="鱼塘结算单"))
    txt = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True,
                         text=True, check=True).stdout
    assert "鱼塘结算单" in txt and "瑜伽馆" in txt and "林老板" in txt and "2025-02" in txt
    for amount in (v.fee_total, v.minimum_topup, v.owed):
        assert format_money(amount) in txt
    assert "137****0001" in txt
