"""The dashboard's SQL on a small store whose every figure is worked out by hand below.

Customers (registered at 10:00; as of Thursday 2026-11-19, the month to date):

=====  ==========  =========  ======  ==========================================  ========
name   registered  stage      staff   history                                     source
=====  ==========  =========  ======  ==========================================  ========
A      2026-11-01  lead       mgr     nothing                                     walk_in
B      2026-11-01  target     mgr     visit 11-05 (mgr)                           walk_in
C      2026-11-01  qualified  mgr     visit 11-06 (mgr)                           walk_in
D      2026-11-01  customer   mgr     sale 11-07 facial ¥100 (desk), no visit     walk_in
E      2026-11-01  customer   mgr     visit 11-03, sale 11-08 serum ¥398 (mgr),   walk_in
                                      visit 11-10 (after the purchase)
F      2026-11-01  repeat     mgr     visit 11-04, sales 11-08 and 11-12 facial   pond
                                      ¥100 (mgr), top-up ¥1,000 11-18 (desk),
                                      gold tier, referred G
G      2026-11-15  lead       desk    referred by F                               referral
H      2026-10-20  customer   desk    visit 11-02 (desk), sale 11-02 serum ¥398   walk_in
I      2025-11-03  customer   mgr     sale 2025-11-05 ¥500, sale 2026-10-10 ¥200  walk_in
=====  ==========  =========  ======  ==========================================  ========
"""

from __future__ import annotations

import itertools
from datetime import date, datetime
from fractions import Fraction

import pytest
from sqlalchemy import update

from opsdesk.db.models import Customer, Product, Sale, SaleLine, StoredValueEntry, Visit
from opsdesk.domain.errors import PermissionDenied, ValidationError
from opsdesk.domain.metrics import Quadrant
from opsdesk.services import dashboard

YUAN = 100
AS_OF = date(2026, 11, 19)
NOV = dashboard.Filters(date(2026, 11, 1), AS_OF)
_ops = itertools.count(1)


def dt(text: str) -> datetime:
    return datetime.fromisoformat(text)


@pytest.fixture
def figures(db, shop):  # noqa: ANN001, ANN201
    mgr, desk = shop.manager.staff_id, shop.desk.staff_id
    sid = shop.owner.store_id
    ids: dict[str, int] = {}
    with db.write() as s:
        s.execute(update(Product).where(Product.id == shop.serum).values(cost=100 * YUAN))

        def customer(name, registered, stage, staff, source="walk_in", referrer=None,  # noqa: ANN001
                     tier=None):  # noqa: ANN001
            c = Customer(store_id=sid, name=name, phone=f"1380000{len(ids):04d}",
                         created_at=dt(registered + " 10:00"), stage=stage, staff_id=staff,
                         source=source, referrer_id=ids.get(referrer), tier_id=tier)
            s.add(c)
            s.flush()
            ids[name] = c.id

        def visit(name, when, staff):  # noqa: ANN001
            s.add(Visit(store_id=sid, customer_id=ids[name], staff_id=staff,
                        at=dt(when + " 15:00"), type="call"))

        def sale(name, when, staff, product, price):  # noqa: ANN001
            row = Sale(store_id=sid, operation_id=f"op{next(_ops)}", kind="sale",
                       customer_id=ids[name], list_total=price, discount=0, total=price,
                       payment_method="cash", staff_id=staff, at=dt(when + " 16:00"))
            s.add(row)
            s.flush()
            s.add(SaleLine(store_id=sid, sale_id=row.id, product_id=product, quantity=1,
                           unit_price=price, line_total=price))

        for n in "ABCDE":
            customer(n, "2026-11-01", {"A": "lead", "B": "target", "C": "qualified"}.get(
                n, "customer"), mgr)
        customer("F", "2026-11-01", "repeat", mgr, source="pond", tier=shop.gold)
        customer("G", "2026-11-15", "lead", desk, source="member_referral", referrer="F")
        customer("H", "2026-10-20", "customer", desk)
        customer("I", "2025-11-03", "customer", mgr)
        visit("B", "2026-11-05", mgr)
        visit("C", "2026-11-06", mgr)
        sale("D", "2026-11-07", desk, shop.facial, 100 * YUAN)
        visit("E", "2026-11-03", mgr)
        sale("E", "2026-11-08", mgr, shop.serum, 398 * YUAN)
        visit("E", "2026-11-10", mgr)
        visit("F", "2026-11-04", mgr)
        sale("F", "2026-11-08", mgr, shop.facial, 100 * YUAN)
        sale("F", "2026-11-12", mgr, shop.facial, 100 * YUAN)
        s.add(StoredValueEntry(store_id=sid, customer_id=ids["F"], kind="topup",
                               principal=1000 * YUAN, bonus=0, operation_id="tu1",
                               payment_method="cash", staff_id=desk, at=dt("2026-11-18 11:00")))
        visit("H", "2026-11-02", desk)
        sale("H", "2026-11-02", desk, shop.serum, 398 * YUAN)
        sale("I", "2025-11-05", mgr, shop.facial, 500 * YUAN)
        sale("I", "2026-10-10", mgr, shop.facial, 200 * YUAN)
    return ids


def counts(result) -> list[int]:  # noqa: ANN001
    return [x.count for x in result.layers]


def test_funnel_layers_by_hand(db, shop, figures):
    got = dashboard.funnel(db, shop.owner, NOV)
    # lead A-G; visited B-F (D by its purchase); qualified C-F; deal D-F; retained E (contact
    # after buying) and F (bought again); repeat F; referred F.
    assert [x.step for x in got.layers] == ["lead", "visited", "qualified", "deal", "retained",
                                            "repeat", "referred"]
    assert counts(got) == [7, 5, 4, 3, 2, 1, 1]
    assert got.layers[1].rate == Fraction(5, 7)
    assert got.layers[4].rate_from_top == Fraction(2, 7)
    assert got.weakest.step == "repeat"  # 1 of 2 retained bought again (G's 1/1 is not lower)


@pytest.mark.parametrize(("change", "expected"), [
    ({"source": "pond"}, [1, 1, 1, 1, 1, 1, 1]),
    ({"source": "member_referral"}, [1, 0, 0, 0, 0, 0, 0]),
    ({"staff": "desk"}, [1, 0, 0, 0, 0, 0, 0]),
    ({"tier": "gold"}, [1, 1, 1, 1, 1, 1, 1]),
    ({"start": date(2026, 10, 1)}, [8, 6, 5, 4, 2, 1, 1]),  # H joins: visited, bought
])
def test_funnel_filters(db, shop, figures, change, expected):
    f = dashboard.Filters(
        change.get("start", NOV.start), NOV.end,
        staff_id=shop.desk.staff_id if change.get("staff") == "desk" else None,
        source=change.get("source"), tier_id=shop.gold if change.get("tier") else None)
    assert counts(dashboard.funnel(db, shop.owner, f)) == expected


def test_people_visits_conversion_and_revenue(db, shop, figures):
    got = dashboard.people(db, shop.owner, NOV.start, NOV.end)
    by = {p.staff_id: p for p in got.people}
    mgr, desk = by[shop.manager.staff_id], by[shop.desk.staff_id]
    assert (mgr.visits, mgr.visited, mgr.deals, mgr.revenue) == (5, 4, 2, 598 * YUAN)
    assert mgr.conversion == Fraction(1, 2)
    assert (desk.visits, desk.visited, desk.deals, desk.revenue) == (1, 1, 1, 498 * YUAN)
    assert got.reading.median_visits == 3
    assert got.reading.median_conversion == Fraction(3, 4)
    assert got.reading.quadrant == {shop.manager.staff_id: Quadrant.COACH_SKILLS,
                                    shop.desk.staff_id: Quadrant.MORE_VISITS}


def test_comparisons_store_and_person(db, shop, figures):
    got = dashboard.comparisons(db, shop.owner, AS_OF)
    st = got.store
    assert (st["revenue", "mom"].current, st["revenue", "mom"].previous) == (1096 * YUAN,
                                                                             200 * YUAN)
    assert st["revenue", "yoy"].previous == 500 * YUAN
    # this week Mon 16th-Thu 19th against Mon 9th-Thu 12th: F's second purchase on the 12th
    assert (st["revenue", "wow"].current, st["revenue", "wow"].previous) == (0, 100 * YUAN)
    assert (st["deals", "mom"].current, st["deals", "mom"].previous) == (5, 1)
    # H registered on 20 October: outside the first 19 days of October
    assert (st["new_customers", "mom"].current, st["new_customers", "mom"].previous) == (7, 0)
    assert st["new_customers", "yoy"].previous == 1
    assert st["visits", "mom"].current == 6
    assert st["topups", "wow"].current == 1000 * YUAN and st["topups", "mom"].previous == 0
    by = {p.staff_id: p for p in got.people}
    mgr = by[shop.manager.staff_id].changes
    assert (mgr["revenue", "mom"].current, mgr["revenue", "mom"].previous) == (598 * YUAN,
                                                                               200 * YUAN)
    assert by[shop.desk.staff_id].changes["topups", "wow"].current == 1000 * YUAN


def test_trends_month_by_month(db, shop, figures):
    got = dashboard.trends(db, shop.owner, AS_OF)
    assert len(got.months) == 13 and got.months[0].start == date(2025, 11, 1)
    assert got.series["revenue"][0] == 500 * YUAN
    assert got.series["revenue"][11] == 200 * YUAN
    assert got.series["revenue"][12] == 1096 * YUAN
    assert got.series["new_customers"][11] == 1 and got.series["new_customers"][12] == 7


def test_growth_economics(db, shop, figures):
    got = dashboard.growth(db, shop.owner, NOV, AS_OF)
    by = {c.month: c for c in got.cohorts}
    nov = by[date(2026, 11, 1)]
    assert (nov.customers, nov.spend_30, nov.spend_365) == (7, 698 * YUAN, 698 * YUAN)
    assert nov.per_customer_30 == round(698 * YUAN / 7)
    assert (by[date(2026, 10, 1)].customers, by[date(2026, 10, 1)].spend_30) == (1, 398 * YUAN)
    first = by[date(2025, 11, 1)]
    assert (first.spend_30, first.spend_365, first.complete_30, first.complete_365) == (
        500 * YUAN, 700 * YUAN, True, False)
    r = got.rates
    assert (r.paying, r.repeat, r.customers, r.referred_in, r.referrers, r.referrers_again) == (
        5, 1, 9, 1, 1, 0)
    assert (got.levers.customers, got.levers.purchases, got.levers.revenue) == (4, 5, 1096 * YUAN)
    assert got.levers_previous.revenue == 200 * YUAN
    assert got.lever_changes.customers == 3
    roles = {x.role: x for x in got.roles}
    assert (roles["hit"].revenue, roles["hit"].quantity) == (300 * YUAN, 3)
    assert (roles["profit"].revenue, roles["profit"].cost) == (796 * YUAN, 200 * YUAN)
    assert roles["profit"].margin_rate == Fraction(596, 796)
    assert roles["brand"].revenue == 0
    tiers = {t.tier_id: t.customers for t in got.tiers}
    assert tiers == {shop.gold: 1, None: 8}
    assert {c.channel: c.new_customers for c in got.channels}["pond"] == 1


def test_overview_reports_progress(db, shop, figures):
    steps = []
    got = dashboard.overview(db, shop.owner, NOV, AS_OF, step=lambda d, t: steps.append((d, t)))
    assert counts(got.funnel)[0] == 7 and steps[-1] == (3, 3)


def test_range_that_ends_before_it_starts(db, shop):
    with pytest.raises(ValidationError) as e:
        dashboard.funnel(db, shop.owner, dashboard.Filters(date(2026, 2, 1), date(2026, 1, 1)))
    assert e.value.code == "dashboard.range_invalid" and e.value.field == "end"
    with pytest.raises(ValidationError) as e:
        dashboard.funnel(db, shop.owner, dashboard.Filters(date(2020, 1, 1), date(2026, 1, 1)))
    assert e.value.code == "dashboard.range_too_long"


def test_front_desk_may_not_read_the_dashboard(db, shop):
    with pytest.raises(PermissionDenied):
        dashboard.overview(db, shop.desk, NOV, AS_OF)
    assert dashboard.options(db, shop.manager).sources[0] == "walk_in"


def test_monthly_report_pdf_text(db, shop, figures, tmp_path):
    from pypdf import PdfReader

    from opsdesk.reports.operations import OperationsLabels, render_operations_report

    data = dashboard.month_report(db, shop.owner, 2026, 11, AS_OF)
    assert data.as_of == AS_OF and data.month == date(2026, 11, 1)
    labels = OperationsLabels(steps={"lead": "线索", "deal": "成交"},
                              quadrants={"coach_skills": "辅导技能"},
                              metrics={"revenue": "营业额"})
    out = tmp_path / "report.pdf"
    render_operations_report(data, labels, out)
    text = "\n".join(p.extract_text() for p in PdfReader(out).pages)
    assert "悦容美学馆" in text and "2026-11" in text
    assert "线索" in text and "成交" in text  # the funnel's layers, in Chinese
    assert "71.4%" in text  # visited 5 of 7 leads
    assert "辅导技能" in text  # the manager's quadrant
    assert "¥598.00" in text  # the manager's revenue in the people table
    assert "¥1,096.00" in text  # revenue this month in the comparisons and levers


def test_monthly_report_refuses_a_month_not_begun(db, shop):
    with pytest.raises(ValidationError) as e:
        dashboard.month_report(db, shop.owner, 2026, 12, AS_OF)
    assert e.value.code == "report.month_invalid"
    with pytest.raises(PermissionDenied):
        dashboard.month_report(db, shop.desk, 2026, 11, AS_OF)
