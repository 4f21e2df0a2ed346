"""The demo store's sales process: visits, stage changes and follow-up tasks over the 18 months.

Runs after the member history (it reads the customers and their first two sales). The sellers
differ the way the dashboard's visits-against-conversion scatter should show: 张伟 visits a lot
and converts little, 李娜 visits little and converts well, the two juniors sit in between. A
visited customer is visited before buying (lead -> target -> qualified by the visits that moved
them); buyers get a purchase stage change at their first and second sale and often an
after-sales visit; a quarter of visits book a next follow-up, done by the customer's next visit
when there is one, still open if recent and cancelled if older. Above ``VISIT_BUDGET`` customers only a random share of
them takes part, with the same per-seller habits. Rule-based tasks are left to the follow-up
engine, which the app runs when the store is opened (on a million customers that first run lays
out a backlog of several hundred thousand tasks). Drawn from a generator seeded with the demo's
seed, like the member history, and bulk-inserted with explicit ids.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from opsdesk.services.demo import DemoContext, Progress, _drop_indexes, driver_sql, sync_ids

# login -> (visits per customer before a sale, share of effective visits)
PROFILES = {
    "zhangwei": (3.2, 0.35),  # many visits, low conversion
    "lina": (0.9, 0.8),  # few visits, high conversion
    "sunlei": (1.9, 0.5),
    "zhaomin": (1.4, 0.6),
}
DEFAULT_PROFILE = (2.0, 0.5)
STALE_DAYS = 30  # a booked follow-up left undone longer than this was given up
VISIT_BUDGET = 300_000  # customers visited at most; see the scale in step_sales_process
TYPES = ("call", "wechat", "store_visit", "meeting")
TYPE_WEIGHTS = (40, 35, 15, 10)
OUTCOMES_GOOD = ("约好周末到店体验", "对补水套餐有兴趣，发了价目表", "确认了疗程时间",
                 "介绍了银卡权益，考虑中", "带朋友一起来，已登记", "满意，答应续卡")
OUTCOMES_WEAK = ("未接通", "在忙，改天再联系", "已读未回", "暂时不需要")
NOTES = ("", "", "", "偏好晚上联系", "皮肤偏干", "对价格敏感", "老客户介绍")


def _cum(weights: tuple[int, ...]) -> list[float]:
    total, acc, out = sum(weights), 0, []
    for w in weights:
        acc += w
        out.append(acc / total)
    return out


class _Clock:
    """Times as whole minutes from an epoch, written as SQLAlchemy writes them: building a
    datetime and formatting it for each of a few million visits would take most of the step."""

    def __init__(self, epoch: date) -> None:
        self.epoch = epoch
        self.days: dict[int, str] = {}
        self.index: dict[str, int] = {}
        self.hhmm = [f" {m // 60:02d}:{m % 60:02d}:00.000000" for m in range(1440)]

    def day(self, i: int) -> str:
        got = self.days.get(i)
        if got is None:
            got = self.days[i] = (self.epoch + timedelta(days=i)).isoformat()
        return got

    def stamp(self, m: int) -> str:
        return self.day(m // 1440) + self.hhmm[m % 1440]

    def minutes(self, text: str) -> int:
        d = self.index.get(text[:10])
        if d is None:
            d = self.index[text[:10]] = (date.fromisoformat(text[:10]) - self.epoch).days
        return d * 1440 + int(text[11:13]) * 60 + int(text[14:16])


def step_sales_process(ctx: DemoContext, progress: Progress) -> None:
    if not ctx.options.sales_process:
        return
    store = ctx.owner.store_id
    with ctx.db.read() as s:
        conn = s.connection()
        staff = {r[0]: (r[1], r[2]) for r in driver_sql(conn,
            "SELECT id, login, hire_date FROM staff WHERE store_id = ?", (store,))}
        customers = driver_sql(conn,
            "SELECT id, created_at, staff_id, stage FROM customer WHERE store_id = ? "
            "ORDER BY id", (store,)).all()
        first_sales: dict[int, list[str]] = {}
        for cid, at in driver_sql(conn,
                "SELECT customer_id, at FROM (SELECT customer_id, at, row_number() OVER "
                "(PARTITION BY customer_id ORDER BY at, id) AS rn FROM sale "
                "WHERE store_id = ? AND kind = 'sale' AND customer_id IS NOT NULL) first_two "
                "WHERE rn <= 2", (store,)):
            first_sales.setdefault(cid, []).append(str(at))  # a datetime on PostgreSQL
        base_v = driver_sql(conn, "SELECT COALESCE(MAX(id), 0) FROM visit").scalar()
        base_t = driver_sql(conn, "SELECT COALESCE(MAX(id), 0) FROM followup_task").scalar()
    if not customers:
        return
    rng = random.Random(f"{ctx.options.seed}-sales-process")
    rand = rng.random
    type_cum = _cum(TYPE_WEIGHTS)
    clk = _Clock(ctx.start - timedelta(days=5 * 366))
    end_day = clk.minutes(ctx.today.isoformat() + " 00:00") // 1440
    end = end_day * 1440 + 20 * 60
    stale_before = (ctx.today - timedelta(days=STALE_DAYS)).isoformat()
    hired = {sid: clk.minutes(str(h)[:10] + " 00:00") if h else None
             for sid, (_, h) in staff.items()}
    profile = {sid: PROFILES.get(login, DEFAULT_PROFILE) for sid, (login, _) in staff.items()}
    good, weak, notes = OUTCOMES_GOOD, OUTCOMES_WEAK, NOTES
    visits: list[tuple] = []
    changes: list[tuple] = []
    tasks: list[tuple] = []
    vid, tid = base_v, base_t
    stage_updates: list[tuple[str, int]] = []
    n = len(customers)
    # Four sellers cannot have visited a million customers: a large demo store keeps each
    # seller's habit (the ratios the dashboard compares) on a smaller share of its customers,
    # which also keeps the whole demo within its time budget.
    scale = min(1.0, VISIT_BUDGET / n)
    steps = ("lead", "target", "qualified")
    for i, (cid, created_s, sid, stage) in enumerate(customers):
        if i % 100_000 == 0:
            progress("sales process", i, n)
        if sid is None:
            continue
        created = clk.minutes(str(created_s))
        per, eff_share = profile.get(sid, DEFAULT_PROFILE)
        sales = first_sales.get(cid, ())
        first = clk.minutes(sales[0]) if sales else None
        until = first if first is not None else end
        start = max(created, hired.get(sid) or created)
        if start >= until:  # a customer passed to a seller hired after the sale
            start = created
        d0, d1 = start // 1440, until // 1440
        # Visits before the sale (or until today for a prospect): a seller's habit, with
        # noise; a buyer was always visited at least once.
        if scale < 1.0 and rand() >= scale:
            continue
        k = int(per * (0.4 + 1.2 * rand()))
        if first is not None:
            k = max(k, 1)
        elif k and rand() < 0.35:
            k -= 1
        times = []
        for _ in range(k):
            m = (d0 + int(rand() * (d1 - d0 + 1))) * 1440 + 570 + int(rand() * 690)
            times.append(min(max(m, start), until - 1))
        times.sort()
        if first is not None and rand() < 0.4:  # after-sales care
            for _ in range(1 + (rand() < 0.3)):
                m = first + (3 + int(rand() * 60)) * 1440 + int(rand() * 180)
                if m < end:
                    times.append(m)
        cur = "lead"
        mine: list[list] = []
        for j, m in enumerate(times):
            vid += 1
            r = rand()
            vtype = "store_visit" if j == 0 and r < 0.1 else TYPES[
                0 if r < type_cum[0] else 1 if r < type_cum[1] else 2 if r < type_cum[2] else 3]
            effective = rand() < eff_share
            outcome = good[int(rand() * len(good))] if effective else (
                weak[int(rand() * len(weak))] if rand() < 0.6 else "")
            at = clk.stamp(m)
            new_stage = None
            if effective and cur != "qualified" and (first is None or m < first) \
                    and (first is not None or rand() < 0.5):
                new_stage = steps[steps.index(cur) + 1]
                changes.append((store, cid, cur, new_stage, sid, at, "visit", "", False))
                cur = new_stage
            next_on = clk.day(m // 1440 + 2 + int(rand() * 6)) if rand() < 0.25 else None
            mine.append([vid, store, cid, sid, at, vtype, effective, outcome, new_stage,
                         next_on, notes[int(rand() * len(notes))], j > 0, None, sid, at])
        # A booked follow-up is done by the customer's next visit; without one it is still open
        # if it fell due in the last month, and was given up (cancelled) if it is older: a
        # working shop does not carry year-old calls in its queue.
        for j, row in enumerate(mine):
            if row[9] is None:
                continue
            tid += 1
            nxt = mine[j + 1] if j + 1 < len(mine) else None
            status = "done" if nxt else "open" if row[9] >= stale_before else "cancelled"
            tasks.append((tid, store, cid, sid, "manual", f"manual:{row[0]}", row[9], row[9],
                          status, None, nxt[0] if nxt else None, "", row[4]))
            if nxt:
                nxt[12] = tid
        visits.extend(map(tuple, mine))
        if first is not None:
            changes.append((store, cid, cur, "customer", sid, sales[0], "purchase", "", False))
            if stage == "repeat" and len(sales) > 1:
                changes.append((store, cid, "customer", "repeat", sid, sales[1], "purchase",
                                "", False))
        elif cur != stage:
            stage_updates.append((cur, cid))
    with ctx.db.write() as s:
        conn = s.connection()
        _drop_indexes(conn, ctx, "visit", len(visits))
        _drop_indexes(conn, ctx, "stage_change", len(changes))
        _drop_indexes(conn, ctx, "followup_task", len(tasks))
        # Visits first without their task, then the tasks (whose done visit now exists), then
        # the link back: every foreign key is checked at once against a primary key.
        links = [(v[12], v[0]) for v in visits if v[12] is not None]
        driver_sql(conn,
            "INSERT INTO visit (id, store_id, customer_id, staff_id, at, type, effective, "
            "outcome, new_stage, next_followup_on, note, is_second_follow_up, task_id, "
            "logged_by, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,NULL,?,?)",
            [v[:12] + v[13:] for v in visits])
        progress("sales process", n // 2, n)
        driver_sql(conn,
            "INSERT INTO followup_task (id, store_id, customer_id, staff_id, rule, key, due_on, "
            "queue_on, status, snoozed_until, done_visit_id, note, created_at) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", tasks)
        driver_sql(conn, "UPDATE visit SET task_id = ? WHERE id = ?", links)
        driver_sql(conn,
            "INSERT INTO stage_change (store_id, customer_id, from_stage, to_stage, staff_id, "
            "at, source, reason, override) VALUES (?,?,?,?,?,?,?,?,?)", changes)
        driver_sql(conn, "UPDATE customer SET stage = ? WHERE id = ?", stage_updates)
        sync_ids(conn, "visit", "followup_task")
    progress("sales process", n, n)
