"""The demo store's promotion system: referral rules and chains, 20 promoters on two levels with
the customers they brought and their commission ledgers, three partner ponds with contracts and
every past month settled and locked, and channel spend per month.

Runs after the member history and works on a bounded sample of customers (``SAMPLE``), so that a
store of a million members costs the same few seconds as a small one: the sample's sales are read
in one pass, the commission and settlements are computed by the domain functions the services use
and bulk-inserted with the driver (payouts are cash; locked months are all but the last).
Deterministic: drawn from a generator seeded with the demo's seed.
"""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date, datetime, timedelta

from opsdesk.db import clock
from opsdesk.domain.incentives import Bracket
from opsdesk.domain.members import Source
from opsdesk.domain.ponds import PondCustomer, PondTerms, Spend, period_of, settle_month
from opsdesk.domain.promoters import (
    CommissionPlan,
    LedgerEntry,
    LedgerKind,
    PayoutMethod,
    PurchaseScope,
    ReferredSale,
    accrue_month,
    commission_balance,
)
from opsdesk.domain.referrals import RewardRule, Trigger
from opsdesk.services import channels, ponds, promoters, referrals
from opsdesk.services.demo import DemoContext, Progress, driver_sql, sync_ids

SAMPLE = 3000  # customers the step touches at most
PROMOTERS = 20
PONDS = (("悦动瑜伽馆", "林小雨", "13912340001", 3000, "0.05", 3, 20000),
         ("小白鲸亲子游泳", "赵海", "13912340002", 5000, "0", 0, 0),
         ("遇见咖啡", "孙悦", "13912340003", 2000, "0.08", 6, 10000))


def _plain(v):  # noqa: ANN001, ANN202
    if isinstance(v, datetime):
        return v.isoformat(" ", timespec="microseconds")
    if isinstance(v, date):
        return v.isoformat()
    return v


def _insert(conn, table: str, rows: list[dict]) -> None:  # noqa: ANN001
    if not rows:
        return
    cols = list(rows[0])
    driver_sql(conn, f"INSERT INTO {table} ({', '.join(cols)}) VALUES "
                     f"({', '.join(['?'] * len(cols))})",
               [tuple(_plain(r[c]) for c in cols) for r in rows])
    # Rows come with their ids; a server database's id sequence must continue above them.
    if "id" in cols:
        sync_ids(conn, table)


def step_promotion(ctx: DemoContext, progress: Progress) -> None:
    store, owner = ctx.owner.store_id, ctx.owner
    rng = random.Random(f"{ctx.options.seed}-promotion")
    with ctx.db.read() as s:
        conn = s.connection()
        total = driver_sql(conn, "SELECT COUNT(*) FROM customer WHERE store_id = ?",
                                     (store,)).scalar() or 0
        if total < 50:
            return
        # A sample spread over the id range, found through the primary key.
        step = max(1, total // SAMPLE)
        sample = driver_sql(conn,
            "SELECT id, created_at FROM customer WHERE store_id = ? AND id % ? = 0 "
            "ORDER BY id LIMIT ?", (store, step, SAMPLE)).all()
    progress("promotion", 0, 4)
    sample = [(cid, at if isinstance(at, datetime) else datetime.fromisoformat(str(at)))
              for cid, at in sample]
    rng.shuffle(sample)
    n = len(sample)
    promoter_people = sample[:PROMOTERS]
    pond_people = sample[PROMOTERS:PROMOTERS + n // 4]
    promo_people = sample[PROMOTERS + n // 4:PROMOTERS + n // 2]
    referral_people = sorted(sample[PROMOTERS + n // 2:], key=lambda x: x[1])

    # --- referral rules and chains: about a third of the sample were brought by an earlier one.
    referrals.save_rules(ctx.db, owner, (
        RewardRule(0, 50000, Trigger.FIRST_TOPUP, bonus=3000),
        RewardRule(0, 100000, Trigger.FIRST_TOPUP, bonus=8000),
        RewardRule(0, 30000, Trigger.FIRST_PURCHASE, gift="护手霜一支")))
    links: list[tuple[int, int]] = []
    for i, (cid, _at) in enumerate(referral_people):
        if i > 10 and rng.random() < 0.4:
            # Happy members bring several: earlier ones are drawn more often.
            j = int(rng.random() ** 2 * i)
            links.append((referral_people[j][0], cid))
    with ctx.db.write() as s:
        driver_sql(s.connection(),
            "UPDATE customer SET referrer_id = ?, source = 'member_referral' WHERE id = ?", links)
    progress("promotion", 1, 4)

    # --- promoters: two levels, 20 promoters, the customers they brought and the commission.
    with clock.frozen(datetime.combine(ctx.start, datetime.min.time()) + timedelta(hours=9)):
        lv1 = promoters.save_level(ctx.db, owner, promoters.LevelInput(
            None, "推广员", 1, CommissionPlan(brackets=(Bracket(0, None, "0.08"),),
                                              window_days=90, scope=PurchaseScope.ALL,
                                              per_new_member=2000, refund_window_days=7),
            enrolment_fee=19900))
        lv2 = promoters.save_level(ctx.db, owner, promoters.LevelInput(
            None, "金牌推广员", 2, CommissionPlan(
                brackets=(Bracket(0, 500000, "0.10"), Bracket(500000, None, "0.15")),
                window_days=180, scope=PurchaseScope.ALL, per_new_member=5000,
                refund_window_days=7), enrolment_fee=99900))
        pond_ids, terms = [], []
        for name, owner_name, phone, fee, rate, months, minimum in PONDS:
            row = ponds.save_pond(ctx.db, owner, ponds.PondInput(None, name, owner_name, phone))
            t = PondTerms(ctx.start.replace(day=1), None, fee, rate, months, minimum)
            ponds.add_contract(ctx.db, owner, row.id, t)
            pond_ids.append(row.id)
            terms.append(t)
    levels = {lv1.id: lv1, lv2.id: lv2}
    pids: list[int] = []
    with ctx.db.write() as s:
        conn = s.connection()
        base = driver_sql(conn, "SELECT COALESCE(MAX(id), 0) FROM promoter").scalar()
        rows = []
        for i, (cid, at) in enumerate(promoter_people):
            pid = base + i + 1
            pids.append(pid)
            rows.append(dict(id=pid, store_id=store, customer_id=cid,
                             level_id=lv2.id if i < 5 else lv1.id, active=True,
                             enrolled_at=at, enrolment_sale_id=None, staff_id=None))
        _insert(conn, "promoter", rows)
        # Top promoters bring many, most a few (a long tail the leaderboard should show).
        weights = [1 / (k + 1) ** 0.8 for k in range(len(pids))]
        promoter_of: dict[int, int] = {}
        for cid, _at in promo_people:
            promoter_of[cid] = rng.choices(pids, weights)[0]
        driver_sql(conn, "UPDATE customer SET promoter_id = ?, source = 'promoter' "
                             "WHERE id = ?", [(p, c) for c, p in promoter_of.items()])
        pond_of = {cid: pond_ids[i % 3] for i, (cid, _at) in enumerate(pond_people)}
        driver_sql(conn, "UPDATE customer SET pond_id = ?, source = 'pond' WHERE id = ?",
                             [(p, c) for c, p in pond_of.items()])
        # The sample's sales in one pass over the sale table (its indexes may be deferred on a
        # large demo store: one scan joined to the sample beats a lookup per customer).
        driver_sql(conn, "CREATE TEMP TABLE demo_promo_sample (id INTEGER PRIMARY KEY)")
        driver_sql(conn, "INSERT INTO demo_promo_sample (id) VALUES (?)",
                             [(c,) for c in (*promoter_of, *pond_of)])
        sales = driver_sql(conn,
            "SELECT s.id, s.customer_id, s.at, s.total, s.kind, s.operation_id FROM sale s "
            "JOIN demo_promo_sample t ON t.id = s.customer_id").all()
        driver_sql(conn, "DROP TABLE demo_promo_sample")
        registered = dict(sample)
        parsed = sorted(((sid, cid, at if isinstance(at, datetime) else
                          datetime.fromisoformat(str(at)), total, kind, op)
                         for sid, cid, at, total, kind, op in sales), key=lambda x: (x[2], x[0]))
        # Commission, accrued month by month as the service would have.
        seen: set[int] = set()
        by_month: dict[tuple[int, tuple[int, int]], list] = defaultdict(list)
        for sid, cid, at, total, kind, op in parsed:
            if kind != "sale" or cid not in promoter_of:
                continue
            first = cid not in seen
            seen.add(cid)
            if total > 0:
                by_month[(promoter_of[cid], (at.year, at.month))].append(
                    (ReferredSale(sid, at.date(), total, registered[cid].date(), first), at, op,
                     cid))
        level_of = {r["id"]: r["level_id"] for r in rows}
        entries: list[dict] = []
        next_id = driver_sql(conn,
            "SELECT COALESCE(MAX(id), 0) FROM commission_entry").scalar()
        for (pid, _m), items in sorted(by_month.items()):
            info = {x[0].sale_id: x for x in items}
            for a in accrue_month(levels[level_of[pid]].plan, [x[0] for x in items]):
                if a.amount:
                    _s, at, op, cid = info[a.sale_id]
                    next_id += 1
                    entries.append(dict(
                        id=next_id, store_id=store, promoter_id=pid, kind="accrual",
                        amount=a.amount, posted_on=a.sold_on, available_on=a.available_on,
                        source=f"sale:{a.sale_id}", sale_id=a.sale_id, customer_id=cid,
                        eligible_amount=a.eligible_amount, rate_amount=a.rate_amount,
                        member_bonus=a.member_bonus, method=None, reverses_id=None,
                        operation_id=op, line=0, note="", staff_id=None, at=at))
        # Paid out in cash on the 5th of each month, everything available then.
        posted: dict[int, list[LedgerEntry]] = defaultdict(list)
        for e in entries:
            posted[e["promoter_id"]].append(LedgerEntry(LedgerKind.ACCRUAL, e["amount"],
                                                        e["posted_on"], e["source"],
                                                        e["available_on"]))
        payouts: list[dict] = []
        p = period_of(ctx.start)
        while p.next().first <= ctx.today:
            day = p.next().first + timedelta(days=4)
            for pid in pids:
                b = commission_balance(posted[pid], day)
                if b.available > 0 and day < ctx.today:
                    e = LedgerEntry(LedgerKind.PAYOUT, -b.available, day,
                                    method=PayoutMethod.CASH)
                    posted[pid].append(e)
                    next_id += 1
                    payouts.append(dict(
                        id=next_id, store_id=store, promoter_id=pid, kind="payout",
                        amount=e.amount, posted_on=day, available_on=None, source=None,
                        sale_id=None, customer_id=None, eligible_amount=0, rate_amount=0,
                        member_bonus=0, method="cash", reverses_id=None,
                        operation_id=f"demo-payout-{pid}-{day.isoformat()}", line=0,
                        note="", staff_id=None,
                        at=datetime.combine(day, datetime.min.time()) + timedelta(hours=18)))
            p = p.next()
        _insert(conn, "commission_entry", entries + payouts)
        progress("promotion", 2, 4)

        # Ponds: every ended month but the last settled and locked, as the owner would have.
        pond_customers = defaultdict(list)
        for cid, pid in pond_of.items():
            pond_customers[pid].append(PondCustomer(cid, registered[cid].date()))
        spend = defaultdict(list)
        for _sid, cid, at, total, _kind, _op in parsed:
            if cid in pond_of:
                spend[pond_of[cid]].append(Spend(cid, at.date(), total))
        contract_of = dict(driver_sql(conn,
            "SELECT pond_id, id FROM pond_contract WHERE store_id = ?", (store,)).all())
        sid = driver_sql(conn, "SELECT COALESCE(MAX(id), 0) FROM pond_settlement").scalar()
        heads, lines = [], []
        last = period_of(ctx.today).previous()
        for pid, t in zip(pond_ids, terms, strict=True):
            p = period_of(t.valid_from)
            while p < last:
                r = settle_month(t, p, pond_customers[pid], spend[pid])
                sid += 1
                heads.append(dict(
                    id=sid, store_id=store, pond_id=pid, year=p.year, month=p.month,
                    covered_days=r.covered_days, new_customers=r.new_customers,
                    fee_total=r.fee_total, share_base=r.share_base, share=r.share,
                    minimum=r.minimum, minimum_topup=r.minimum_topup, owed=r.owed,
                    operation_id=f"demo-pond-{pid}-{p.year}-{p.month}", staff_id=None,
                    locked_at=datetime.combine(p.next().first, datetime.min.time())
                    + timedelta(days=2, hours=10)))
                lines += [dict(store_id=store, settlement_id=sid, contract_id=contract_of[pid],
                               customer_id=ln.customer_id, registered_on=ln.registered_on,
                               new=ln.new, fee=ln.fee, share_base=ln.share_base,
                               share=ln.share) for ln in r.lines]
                p = p.next()
        _insert(conn, "pond_settlement", heads)
        _insert(conn, "pond_settlement_line", lines)
    progress("promotion", 3, 4)

    # --- channel spend per month.
    p = period_of(ctx.start)
    while p <= period_of(ctx.today):
        for channel, kind, lo, hi in ((Source.WALK_IN, "flyer", 300, 900),
                                      (Source.OTHER, "ads", 1500, 5000),
                                      (Source.LAUNCH, "event", 0, 3000),
                                      (Source.POND, "event", 0, 800)):
            amount = rng.randint(lo, hi) * 100
            if amount:
                channels.set_spend(ctx.db, owner, channels.SpendInput(
                    channel, kind, p.year, p.month, amount))
        p = p.next()
    progress("promotion", 4, 4)
