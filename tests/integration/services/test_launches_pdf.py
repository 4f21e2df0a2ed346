"""The launch summary PDF: its text extracted and checked against figures worked out here."""

from __future__ import annotations

import shutil
import subprocess
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from opsdesk.db import clock
from opsdesk.reports.launches import LABELS_ZH, LaunchReport, percent, render_launch_summary
from opsdesk.services import launches
from tests.integration.services.launch_helpers import DAY, DEADLINE, YUAN, customer, op, open_launch

pypdf = pytest.importorskip("pypdf")


def summary_report(s: launches.LaunchSummary) -> LaunchReport:
    ln, mo = s.launch, s.money
    return LaunchReport(
        store_name=s.store_name, name=ln.name, product=ln.product_name, status="进行中",
        entry_opens=ln.entry_opens, lock_deadline=ln.lock_deadline, delivery=ln.delivery,
        entry_fee=ln.entry_fee, deposit=ln.deposit, price=ln.price, capacity=ln.capacity,
        entries=s.funnel.entries, locks=s.funnel.locks, deals=s.funnel.deals,
        entry_fees=mo.entry_fees, entry_refunds=mo.entry_refunds,
        deposits_paid=mo.deposits_paid, deposits_refunded=mo.deposits_refunded,
        deposits_forfeited=mo.deposits_forfeited, deposits_applied=mo.deposits_applied,
        balances=mo.balances, locks_held=s.locks_held, early_locks=s.early_locks,
        refunds=s.refunds, waiting=len(s.waiting), as_of=s.as_of, early_until=ln.early_until,
        early_perks=ln.early_gifts, labels=LABELS_ZH,
        unpaid=tuple(__import__("opsdesk.reports.launches", fromlist=["x"]).UnpaidLine(
            u.customer_name, u.phone, u.staff_name, u.locked_on, u.held, u.due)
            for u in s.unpaid))


def test_summary_pdf_shows_the_counts_money_and_unpaid_locks(db, store, tmp_path: Path) -> None:  # noqa: ANN001
    lid = open_launch(db, store, capacity=None)
    cs = [customer(db, store, i) for i in range(1, 6)]
    with clock.frozen(DAY):
        for c in cs:
            launches.record_entry(db, store, lid, c, "cash", op())
        for c in cs[:3]:
            launches.record_lock(db, store, lid, c, "wechat", op())
        launches.record_deal(db, store, lid, cs[0], "cash", op())
        launches.refund_entry(db, store, lid, cs[4], None, op())
    with clock.frozen(datetime.combine(DEADLINE + timedelta(2), datetime.min.time())):
        launches.cancel_lock(db, store, lid, cs[2], None, op())
        s = launches.launch_summary(db, store, lid)
    out = tmp_path / "launch.pdf"
    render_launch_summary(summary_report(s), out)
    text = "".join(p.extract_text() for p in pypdf.PdfReader(str(out)).pages)
    flat = text.replace(" ", "").replace("\n", "")
    assert "发售总结" in text and "春季抗衰疗程首发" in text
    # 5 entries, 3 locks, 1 deal: 60.0 %, 33.3 %, 20.0 %.
    assert (s.funnel.entries, s.funnel.locks, s.funnel.deals) == (5, 3, 1)
    for figure in ("60.0%", "33.3%", "20.0%"):
        assert figure in flat
    assert percent(1, 3) == "33.3%" and percent(0, 0) == "—"
    # Fees 5 × 99 - 99 refunded; deposit 3 × 1,000; one refunded half after the deadline, half
    # kept; one applied; balance 5,800. Held: 1,000 (cs[1]).
    assert s.money.deposits_held == 1000 * YUAN
    revenue = 4 * 99 * YUAN + 500 * YUAN + 1000 * YUAN + 5800 * YUAN
    assert s.money.revenue == revenue
    for amount in ("¥495.00", "¥3,000.00", "¥500.00", "¥5,800.00", "¥1,000.00", "¥7,696.00"):
        assert amount in flat, amount
    assert "已锁定未付全款(1)" in flat.replace("（", "(").replace("）", ")")
    assert "顾客2" in text and "138****0002" in flat
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(out),
                        str(tmp_path / "page")], check=True)
        assert list(tmp_path.glob("page*.png"))
