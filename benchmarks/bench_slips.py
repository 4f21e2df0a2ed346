"""The monthly incentive run and its slips for 200 staff (--quick: the same; the payroll is small
by nature):

* the run: ``draft_run`` for 200 people (schemes, assessments scored from the month's figures,
  commission on a month of sales) plus reading it back for review - information;
* the slips PDF: every slip on its own A4 page with the CJK font - goal with the run < 5 s, and
  <= 2x the bare baseline: plain reportlab drawing the very same strings at the same places
  with the same font into a PDF of the same pages, measured alternately in the same run.
"""

from __future__ import annotations

import random
import time
from datetime import datetime
from pathlib import Path

from benchmarks.core import Context, Goal, Result, alternate, benchmark, median

STAFF = 200
YEAR, MONTH = 2026, 3


def _store(path: Path):  # noqa: ANN202
    from sqlalchemy import insert

    from opsdesk.db.models import Position, Product, Sale, Staff
    from opsdesk.db.models.incentives import Assessment, AssessmentLine
    from opsdesk.db.opening import open_database
    from opsdesk.domain.incentives import (
        Bracket,
        CommissionMode,
        CommissionRule,
        MentorRule,
        PayScheme,
    )
    from opsdesk.services import auth, incentives, setup

    db = open_database(path).db
    setup.create_store(db, setup.NewStore(store_name="悦容美学馆", currency="CNY", country="CN",
                                          owner_name="王丽", owner_login="boss",
                                          owner_secret="2468"))
    owner = auth.login(db, "boss", "2468")
    rng = random.Random(1)
    with db.write() as s:
        pos = []
        for i, name in enumerate(("顾问", "资深顾问", "前台")):
            p = Position(store_id=owner.store_id, name=name, duties="", sort=i, active=True)
            s.add(p)
            s.flush()
            pos.append(p.id)
        s.execute(insert(Staff), [
            {"store_id": owner.store_id, "name": f"员工{i:03d}", "login": f"s{i}", "role": "sales",
             "secret_hash": "x", "position": ("顾问", "资深顾问", "前台")[i % 3],
             "position_id": pos[i % 3], "active": True, "failed_logins": 0, "notes": "",
             "phone": "", "created_at": datetime(2025, 1, 1)} for i in range(STAFF)])
        ids = [r[0] for r in s.execute(Staff.__table__.select().with_only_columns(
            Staff.id).where(Staff.role == "sales"))]
        prod = Product(store_id=owner.store_id, name="疗程", kind="service", role="hit",
                       price=88_000, cost=30_000, active=True, notes="")
        s.add(prod)
        s.flush()
        sales = []
        n = 0
        for sid in ids:
            for _ in range(rng.randint(0, 40)):
                n += 1
                amount = rng.choice((88_000, 168_000, 298_000, 1_280_000))
                sales.append({"store_id": owner.store_id, "operation_id": f"b{n}", "kind": "sale",
                              "list_total": amount, "discount": 0, "total": amount,
                              "payment_method": "cash", "staff_id": sid, "reason": "",
                              "at": datetime(YEAR, MONTH, rng.randint(1, 28), 10, 0)})
        s.execute(insert(Sale), sales)
        for sid in ids:
            a = Assessment(store_id=owner.store_id, staff_id=sid, year=YEAR, month=MONTH)
            s.add(a)
            s.flush()
            s.add(AssessmentLine(store_id=owner.store_id, assessment_id=a.id, code="attitude",
                                 source="manual", weight="10", cap="1", target="10",
                                 actual=str(rng.randint(6, 10))))
        for i, sid in enumerate(ids[3:60]):
            s.execute(Staff.__table__.update().where(Staff.id == sid).values(mentor_id=ids[i % 3]))
    consultant = PayScheme(
        base_pay=300_000, performance_base=100_000, new_member_bonus=3000,
        commission=CommissionRule((Bracket(0, 5_000_000, "0.02"), Bracket(5_000_000, None, "0.03")),
                                  CommissionMode.MARGINAL),
        mentor=MentorRule("0.8", bonus=50_000, subsidy=30_000))
    incentives.save_position_scheme(db, owner, pos[0], consultant)
    incentives.save_position_scheme(db, owner, pos[1], PayScheme(
        base_pay=350_000, performance_base=150_000, mentor=consultant.mentor,
        commission=CommissionRule((Bracket(0, 5_000_000, "0.03"), Bracket(5_000_000, None, "0.04")))))
    incentives.save_position_scheme(db, owner, pos[2], PayScheme(base_pay=280_000,
                                                                 performance_base=60_000))
    return db, owner


def _bare(slips, out: Path) -> None:  # noqa: ANN001
    """Plain reportlab: the same strings, same font, one page per slip, no layout logic."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from opsdesk.domain.money import format_money
    from opsdesk.reports.fonts import cjk_font

    f = cjk_font()
    c = Canvas(str(out), pagesize=A4, pageCompression=1)
    for d in slips:
        y = 800.0
        for text in (d.shop_name, f"{d.labels.title} · {d.month}", d.person, d.position,
                     d.labels.item, d.labels.basis, d.labels.amount):
            c.setFont(f.regular, 9.5)
            c.drawString(50, y, text)
            y -= 14
        for ln in d.lines:
            c.setFont(f.regular, 9.5)
            c.drawString(50, y, ln.label)
            c.drawRightString(540, y, format_money(ln.amount))
            c.setFont(f.regular, 8.5)
            c.drawString(140, y, ln.basis)
            y -= 14
        c.setFont(f.bold, 11)
        c.drawRightString(540, y, format_money(d.total))
        for n in d.notes:
            c.setFont(f.regular, 8)
            c.drawString(50, y, n)
            y -= 11
        c.drawString(50, y - 20, d.labels.signature)
        c.showPage()
    c.save()


@benchmark("slips", "monthly incentive run + slips PDF for 200 staff")
def run(ctx: Context) -> list[Result]:
    from opsdesk.services import pay_runs
    from opsdesk.ui.pages.pay.texts import slip_data, write_slips

    path = ctx.work / "slips.sqlite"
    db, owner = _store(path)
    repeats = ctx.repeats or (3 if ctx.quick else 5)
    pdf = ctx.work / "slips.pdf"
    bare = ctx.work / "bare.pdf"
    run_times: list[float] = []
    views_box: list = []

    def measure_all() -> float:
        t0 = time.perf_counter()
        pay_runs.draft_run(db, owner, YEAR, MONTH)
        views = pay_runs.run_rows(db, owner, YEAR, MONTH)
        t1 = time.perf_counter()
        write_slips(views, "悦容美学馆", "CNY", pdf, "one")
        t2 = time.perf_counter()
        run_times.append(t1 - t0)
        views_box[:] = views
        return t2 - t0

    measure_all()
    data = [slip_data(v, "悦容美学馆") for v in views_box if not v.blocked]

    def measure_pdf() -> float:
        t0 = time.perf_counter()
        write_slips(views_box, "悦容美学馆", "CNY", pdf, "one")
        return time.perf_counter() - t0

    def measure_bare() -> float:
        t0 = time.perf_counter()
        _bare(data, bare)
        return time.perf_counter() - t0

    totals = [measure_all() for _ in range(repeats)]
    pdf_s, bare_s = alternate(measure_pdf, measure_bare, repeats)
    db.dispose()
    n = len(data)
    return [
        Result(f"run + slips PDF, {n} staff", median(totals), "s",
               goal=Goal(max_figure=5.0), samples=totals,
               note=f"of which the run and its read-back {median(run_times[1:] or run_times):.2f} s"),
        Result(f"slips PDF alone, {n} pages", median(pdf_s), "s", baseline=median(bare_s),
               goal=Goal(max_ratio=2.0), samples=pdf_s, baseline_samples=bare_s,
               note="baseline: bare reportlab, the same strings and font"),
    ]
