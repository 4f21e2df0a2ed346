"""The demo store: a believable beauty salon with 18 months of history, the same every time for
the same seed and reference date. Each capability adds its own step to ``STEPS``.

Staff log in with the PIN ``DEMO_PIN``; the owner's login is ``owner``.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import select

from opsdesk.db import clock
from opsdesk.db.engine import Database
from opsdesk.db.models import Department, Staff
from opsdesk.domain.demo import DEMO_OWNER, DEMO_PIN
from opsdesk.domain.errors import Conflict
from opsdesk.domain.roles import Role
from opsdesk.domain.search_keys import format_card_number, name_keys
from opsdesk.services import setup
from opsdesk.services import staff as staff_service
from opsdesk.services.context import Actor

HISTORY_MONTHS = 18

Progress = Callable[[str, int, int], None]  # (step, done, total)


@dataclass(frozen=True)
class DemoOptions:
    members: int = 2000
    seed: int = 1
    as_of: date | None = None  # "today" of the demo; defaults to the real today
    # Visits, stage changes and booked follow-ups; off gives a store whose sales process
    # starts empty (tests that count what they log themselves).
    sales_process: bool = True


@dataclass
class DemoContext:
    db: Database
    options: DemoOptions
    rng: random.Random
    today: date
    start: date
    owner: Actor
    staff_ids: dict[str, int] = field(default_factory=dict)  # login -> id
    sales_ids: list[int] = field(default_factory=list)
    # (id, created_at, staff_id) of every demo customer, in id order, for the member history.
    customers: list[tuple[int, datetime, int]] = field(default_factory=list)
    # Index definitions dropped for a bulk load and not yet rebuilt (see _drop_indexes).
    deferred_indexes: list[str] = field(default_factory=list)


SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡"
            "余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯")
GIVEN_F = "婷娜静丽敏燕艳娟霞芳玲琳雪梅颖洁欣怡悦佳慧晶蕾倩莉萍红玉兰月彤诗梦晓雨琪瑶璐"
GIVEN_M = "伟强磊军洋勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆晨阳博文哲睿"
MOBILE_PREFIXES = ("130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151",
                   "152", "153", "155", "156", "157", "158", "159", "166", "170", "173", "175",
                   "176", "177", "178", "180", "181", "182", "183", "185", "186", "187", "188",
                   "189", "191", "193", "195", "198", "199")

# (login, name, role, department kind, position, mentor login, months before the demo's start)
STAFF = (
    ("owner", "王丽", Role.OWNER, "plan_tracking", "老板", None, 30),
    ("chenjing", "陈静", Role.MANAGER, "plan_tracking", "店长", None, 26),
    ("zhouting", "周婷", Role.MANAGER, "plan_tracking", "计划专员", None, 8),
    ("zhangwei", "张伟", Role.SALES, "target_assurance", "资深顾问", None, 24),
    ("lina", "李娜", Role.SALES, "target_assurance", "资深顾问", None, 20),
    ("sunlei", "孙磊", Role.SALES, "target_assurance", "顾问", "zhangwei", -4),
    ("zhaomin", "赵敏", Role.SALES, "target_assurance", "顾问", "lina", -9),
    ("liufang", "刘芳", Role.FRONT_DESK, "logistics", "前台", None, 12),
)

SOURCES = (("walk_in", 40), ("member_referral", 25), ("promoter", 12), ("pond", 10),
           ("launch", 5), ("other", 8))


def _month_start(d: date, months_back: int) -> date:
    y, m = divmod(d.year * 12 + d.month - 1 - months_back, 12)
    return date(y, m + 1, 1)


def step_store_and_staff(ctx: DemoContext, progress: Progress) -> None:
    with ctx.db.read() as s:
        depts = {d.kind: d.id for d in s.scalars(select(Department).where(
            Department.store_id == ctx.owner.store_id))}
        owner_id = s.scalar(select(Staff.id).where(Staff.login == DEMO_OWNER))
    ctx.staff_ids[DEMO_OWNER] = owner_id
    with ctx.db.write() as s:
        owner = s.get(Staff, owner_id)
        owner.department_id = depts["plan_tracking"]
        owner.position = "老板"
        owner.hire_date = _month_start(ctx.start, 30)
    for i, (login, name, role, dept, position, mentor, months) in enumerate(STAFF[1:], 1):
        hired = _month_start(ctx.start, months) + timedelta(days=ctx.rng.randrange(0, 20))
        row = staff_service.create_staff(ctx.db, ctx.owner, staff_service.StaffInput(
            name=name, login=login, role=role, department_id=depts[dept], position=position,
            mentor_id=ctx.staff_ids.get(mentor) if mentor else None,
            phone=f"1{ctx.rng.choice('3578')}{ctx.rng.randrange(10**8, 10**9)}",
            hire_date=hired, secret=DEMO_PIN))
        ctx.staff_ids[login] = row.id
        if role is Role.SALES:
            ctx.sales_ids.append(row.id)
        progress("staff", i, len(STAFF) - 1)


def _seasonal_weight(d: date) -> float:
    # Beauty salons peak before Spring Festival, in May and before National Day; August is slow.
    return {1: 1.4, 2: 0.8, 3: 1.0, 4: 1.0, 5: 1.25, 6: 1.0, 7: 0.85, 8: 0.75, 9: 1.05,
            10: 1.2, 11: 1.1, 12: 1.3}[d.month]


def step_customers(ctx: DemoContext, progress: Progress) -> None:
    n = ctx.options.members
    if n <= 0:
        return
    rng = ctx.rng
    days = (ctx.today - ctx.start).days + 1
    # Registrations per day grow ~60 % over the period and follow the seasons.
    weights = [(1 + 0.6 * i / days) * _seasonal_weight(ctx.start + timedelta(days=i))
               for i in range(days)]
    day_index = rng.choices(range(days), weights=weights, k=n)
    day_index.sort()
    src_names = [s for s, _ in SOURCES]
    src_weights = [w for _, w in SOURCES]
    sources = rng.choices(src_names, weights=src_weights, k=n)
    sales = ctx.sales_ids or [ctx.staff_ids[DEMO_OWNER]]
    # Unique mobile numbers: a random permutation step over the 8-digit suffix space.
    used: set[str] = set()
    rows = []
    for i in range(n):
        while True:
            phone = rng.choice(MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}"
            if phone not in used:
                used.add(phone)
                break
        female = rng.random() < 0.78  # a beauty salon's clientele
        given = "".join(rng.choice(GIVEN_F if female else GIVEN_M)
                        for _ in range(rng.choice((1, 2, 2))))
        name = rng.choice(SURNAMES) + given
        created = datetime.combine(ctx.start + timedelta(days=day_index[i]), datetime.min.time()) \
            + timedelta(minutes=rng.randrange(9 * 60 + 30, 21 * 60))
        age = rng.randrange(19, 62)
        birthday = date(ctx.today.year - age, rng.randrange(1, 13), rng.randrange(1, 29)) \
            if rng.random() < 0.85 else None
        source = sources[i]
        referrer = rng.randrange(1, i + 1) if source == "member_referral" and i > 0 else None
        if referrer is None and source == "member_referral":
            source = "walk_in"
        rows.append((ctx.owner.store_id, name, phone, "f" if female else "m", birthday, source,
                     referrer, rng.choice(sales), "", created))
    with ctx.db.write() as s:
        conn = s.connection()
        # Ids are assigned 1..n in order, so a referrer index is an earlier customer's id.
        base = conn.exec_driver_sql("SELECT COALESCE(MAX(id), 0) FROM customer").scalar()
        keys = _NameKeys()
        sql = ("INSERT INTO customer (store_id, name, phone, gender, birthday, source, "
               "referrer_id, staff_id, notes, created_at, card_no, pinyin_full, pinyin_initials, "
               "phone_last4) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
        chunk = 50_000
        # The member history step updates these rows once more; the indexes are rebuilt once,
        # after the last step (generate), not after each.
        _drop_indexes(conn, ctx, "customer", n)
        for k in range(0, n, chunk):
            part = []
            for j, r in enumerate(rows[k:k + chunk], k + 1 + base):
                full, initials = keys(r[1])
                part.append(r[:6] + ((r[6] + base) if r[6] else None,) + r[7:9]
                            + (stamp(r[9]), format_card_number(j), full, initials,
                               r[2][-4:]))
                ctx.customers.append((j, r[9], r[7]))
            driver_sql(conn, sql, part)
            progress("customers", min(k + chunk, n), n)


def driver_sql(conn, sql: str, params=None):  # noqa: ANN001, ANN201
    """``conn.exec_driver_sql`` for SQL written with SQLite's ``?`` marks: psycopg (PostgreSQL)
    takes ``%s``. The bulk loads below bypass SQLAlchemy's compiler to stay fast on SQLite."""
    if conn.dialect.paramstyle != "qmark":
        sql = sql.replace("%", "%%").replace("?", "%s")
    return conn.exec_driver_sql(sql) if params is None else conn.exec_driver_sql(sql, params)


def sync_ids(conn, *tables: str) -> None:  # noqa: ANN001
    """After rows inserted with explicit ids, PostgreSQL's id sequences must continue above them
    (SQLite takes the next rowid from the table itself)."""
    if conn.dialect.name != "postgresql":
        return
    for t in tables:
        conn.exec_driver_sql(f"SELECT setval(pg_get_serial_sequence('{t}', 'id'), "
                             f"COALESCE(MAX(id), 0) + 1, false) FROM {t}")


def stamp(at: datetime) -> str:
    """A time as SQLAlchemy's DateTime writes it to SQLite. Rows inserted in bulk must use the
    same text, or comparisons (keyset paging, the check of cached last purchases) would see
    '09:30:00' and '09:30:00.000000' as different times."""
    text = at.isoformat(" ")  # strftime is ten times slower, and this runs millions of times
    return text if at.microsecond else text + ".000000"


class _NameKeys:
    """Search keys of demo names, cached per surname and per given name: pinyin for 185,000
    distinct names of a million members takes ~45 s, for the ~2,700 parts under a second. The
    given name is read after a neutral first character (〇, "ling") so it is never taken for a
    surname; the result equals ``name_keys`` of the whole name (a test checks a sample)."""

    def __init__(self) -> None:
        self.parts: dict[str, tuple[str, str]] = {}

    def _part(self, text: str, as_given: bool) -> tuple[str, str]:
        got = self.parts.get(text if not as_given else "\0" + text)
        if got is None:
            if as_given:
                k = name_keys("\u3007" + text)
                got = (k.full[4:], k.initials[1:])
            else:
                k = name_keys(text)
                got = (k.full, k.initials)
            self.parts[text if not as_given else "\0" + text] = got
        return got

    def __call__(self, name: str) -> tuple[str, str]:
        sf, si = self._part(name[0], False)
        gf, gi = self._part(name[1:], True)
        return sf + gf, si + gi


def _drop_indexes(conn, ctx: DemoContext, table: str, rows: int) -> None:  # noqa: ANN001
    """Drop ``table``'s secondary indexes until ``generate`` rebuilds them after the last step."""
    if rows < 20_000 or conn.dialect.name != "sqlite":
        return
    found = conn.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
        "AND sql IS NOT NULL", (table,)).all()
    for name, sql in found:
        conn.exec_driver_sql(f'DROP INDEX "{name}"')
        ctx.deferred_indexes.append(sql)


def _rebuild_indexes(ctx: DemoContext) -> None:
    if not ctx.deferred_indexes:
        return
    with ctx.db.write() as s:
        conn = s.connection()
        cache = conn.exec_driver_sql("PRAGMA cache_size").scalar()
        conn.exec_driver_sql("PRAGMA cache_size = -262144")
        try:
            for sql in ctx.deferred_indexes:
                conn.exec_driver_sql(sql)
        finally:
            conn.exec_driver_sql(f"PRAGMA cache_size = {int(cache)}")
    ctx.deferred_indexes.clear()


@contextmanager
def _bulk_load(conn, table: str, rows: int) -> Iterator[None]:  # noqa: ANN001
    """Drop a table's secondary indexes for a large bulk write and build them again after:
    SQLite builds an index from sorted data many times faster than it maintains it row by row
    (a million customers: ~75 s with the search and paging indexes in place, far less without).
    Everything happens in the caller's transaction, so a failure leaves the indexes as they were."""
    if rows < 20_000 or conn.dialect.name != "sqlite":
        yield
        return
    found = conn.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
        "AND sql IS NOT NULL", (table,)).all()
    cache = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    # Building an index sorts the whole table; with the default 2 MB cache the sort spills to
    # temporary files and takes several times longer.
    conn.exec_driver_sql("PRAGMA cache_size = -262144")
    try:
        for name, _ in found:
            conn.exec_driver_sql(f'DROP INDEX "{name}"')
        yield
        for _, sql in found:
            conn.exec_driver_sql(sql)
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size = {int(cache)}")


Y = 100  # fen per yuan

# The ladder of the demo salon: bait entry, regular card, partner by top-up.
DEMO_TIERS = (
    # ref, kind, name, rank, price, validity days, discount, brackets (yuan), privileges, fallback
    (-1, "bait", "体验会员", 10, 99 * Y, 30, "1", (), "30天内补水体验3次、免费皮肤检测", None),
    (-2, "regular", "银卡会员", 20, 1980 * Y, 365, "9.5折", ((1000, 100), (3000, 360)),
     "全场9.5折、生日月赠送补水护理一次", None),
    (-3, "partner", "金卡合伙人", 30, 0, 365, "8.8折", ((5000, 600), (10000, 1500), (30000, 6000)),
     "全场8.8折、推荐新会员享返利、专属顾问", -2),
)
# Top up >= 10,000 in one go: partner. Spend >= 5,000 since entering the tier: regular.
DEMO_RULES = ((-3, None, 10000 * Y, None), (-2, 5000 * Y, None, None))

# name, kind, role, price (fen), cost (fen), tier ref for a membership
DEMO_PRODUCTS = (
    ("皮肤检测", "service", "traffic", 0, 500, None),
    ("补水体验", "service", "traffic", 990, 1500, None),
    ("体验会员卡", "membership", "traffic", 99 * Y, 0, -1),
    ("补水套餐", "service", "hit", 298 * Y, 60 * Y, None),
    ("清洁焕肤", "service", "hit", 198 * Y, 40 * Y, None),
    ("银卡年卡", "membership", "hit", 1980 * Y, 0, -2),
    ("抗衰疗程", "service", "profit", 3980 * Y, 900 * Y, None),
    ("精华套装", "product", "profit", 1280 * Y, 420 * Y, None),
    ("定制年卡", "service", "brand", 12800 * Y, 3000 * Y, None),
)


def step_ladder_and_products(ctx: DemoContext, progress: Progress) -> None:
    from decimal import Decimal

    from opsdesk.domain.tiers import BonusBracket, parse_discount
    from opsdesk.services import products, tiers

    ladder = tiers.save_ladder(ctx.db, ctx.owner, [
        tiers.TierInput(ref, kind, name, rank, price, days,
                        parse_discount(disc) if disc != "1" else Decimal(1),
                        tuple(BonusBracket(a * Y, b * Y) for a, b in brackets), priv, fallback)
        for ref, kind, name, rank, price, days, disc, brackets, priv, fallback in DEMO_TIERS
    ], [tiers.RuleInput(t, spend, topup, src) for t, spend, topup, src in DEMO_RULES])
    by_rank = {t.rank: t.id for t in ladder.tiers}
    ref_to_id = {ref: by_rank[rank] for ref, _k, _n, rank, *_ in DEMO_TIERS}
    for i, (name, kind, role, price, cost, tier_ref) in enumerate(DEMO_PRODUCTS, 1):
        products.create_product(ctx.db, ctx.owner, products.ProductInput(
            name=name, kind=kind, role=role, price=price, cost=cost,
            tier_id=ref_to_id[tier_ref] if tier_ref else None))
        progress("products", i, len(DEMO_PRODUCTS))


def step_member_history(ctx: DemoContext, progress: Progress) -> None:
    """Sales, top-ups, tier changes and a few refunds for every demo customer, simulated in
    memory by the same domain rules the services use (discount, brackets, proportional spend,
    lapse) and bulk-inserted; the cached customer columns are written from the same simulation,
    so ``opsdesk check`` finds the ledgers and the caches in agreement."""
    from opsdesk.domain.money import split
    from opsdesk.domain.tiers import expiry, price_with_discount
    from opsdesk.services import products as product_service
    from opsdesk.services import tiers as tier_service

    if not ctx.customers:
        return
    ladder = tier_service.get_ladder(ctx.db, ctx.owner)
    bait, silver, gold = (sorted(ladder.tiers, key=lambda t: t.rank) + [None] * 3)[:3]
    catalogue = {p.name: p for p in product_service.list_products(ctx.db, ctx.owner)}
    rng = random.Random(f"{ctx.options.seed}-members")
    store = ctx.owner.store_id
    today_end = datetime.combine(ctx.today, datetime.min.time()) + timedelta(hours=21)
    price_cache: dict[tuple[int, int, int | None], int] = {}

    def charged(price: int, qty: int, tier) -> int:  # noqa: ANN001
        key = (price, qty, tier.id if tier else None)
        got = price_cache.get(key)
        if got is None:
            got = price_cache[key] = price_with_discount(tier, price * qty)
        return got

    later = [catalogue[n] for n in ("补水套餐", "清洁焕肤", "抗衰疗程", "精华套装", "补水体验",
                                    "定制年卡")]
    later_w = [40, 30, 8, 12, 8, 1]
    first = [catalogue[n] for n in ("皮肤检测", "补水体验", "补水套餐", "清洁焕肤")]
    sale_id = sale_line_id = entry_id = change_id = 0
    sales, lines, entries, changes, updates = [], [], [], [], []
    n = len(ctx.customers)
    for idx, (cid, created, staff_id) in enumerate(ctx.customers):
        if rng.random() >= 0.62:  # leads who never bought
            continue
        at = created + timedelta(minutes=rng.randrange(10, 60 * 24 * 10))
        tier = None
        since = expires = None
        bal_p = bal_b = 0
        lifetime = 0
        last = None
        count = 0
        stage = "lead"
        visits = 1 + min(int(rng.expovariate(0.7)), 8)
        for v in range(visits):
            if at > today_end:
                break
            # A lapse is settled when the member next shows up, as the services do.
            if tier is not None and expires is not None and at.date() > expires:
                fb = ladder.tier(tier.fallback_tier_id)
                new_exp = expiry(fb, expires + timedelta(days=1)) if fb else None
                if fb is not None and new_exp is not None and at.date() > new_exp:
                    fb, new_exp = None, None
                change_id += 1
                changes.append((change_id, store, cid, stamp(at), tier.id, fb.id if fb else None,
                                new_exp, "lapse", None, staff_id))
                tier, expires = fb, new_exp
                since = (expires - timedelta(days=(fb.validity_days or 1) - 1)) if fb else None
            op_base = f"demo-{cid}-{v}"
            # Top-ups: regular members now and then, and a few big ones that make partners.
            r = rng.random()
            if (tier is silver and r < 0.18) or (tier is bait and r < 0.03) \
                    or (tier is gold and r < 0.12):
                amount = rng.choice((1000, 3000, 5000, 5000, 10000, 10000, 30000)) * Y
                after = tier
                if amount >= 10000 * Y and tier is not gold:
                    change_id += 1
                    exp = expiry(gold, at.date())
                    changes.append((change_id, store, cid, stamp(at), tier.id if tier else None,
                                    gold.id, exp, "upgrade_topup", op_base + "-t", staff_id))
                    after, since, expires = gold, at.date(), exp
                tier = after
                bonus = max((b.bonus for b in (tier.bonus_brackets if tier else ())
                             if amount >= b.min_topup), default=0)
                method = rng.choice(("wechat", "alipay", "bank_card", "cash"))
                entry_id += 1
                entries.append((entry_id, store, cid, "topup", amount, 0, op_base + "-t", 0, None,
                                method, None, "", staff_id, stamp(at)))
                if bonus:
                    entry_id += 1
                    entries.append((entry_id, store, cid, "bonus", 0, bonus, op_base + "-t", 1,
                                    None, method, None, "", staff_id, stamp(at)))
                bal_p += amount
                bal_b += bonus
                at += timedelta(minutes=5)
            # What is bought on this visit.
            basket: list = []
            if v == 0:
                basket.append(rng.choice(first))
                if rng.random() < 0.35:
                    basket.append(catalogue["体验会员卡"])
                elif rng.random() < 0.12:
                    basket.append(catalogue["银卡年卡"])
            else:
                basket.append(rng.choices(later, later_w)[0])
                if rng.random() < 0.2:
                    basket.append(rng.choices(later, later_w)[0])
                if (tier is None or tier is bait) and rng.random() < 0.15:
                    basket.append(catalogue["银卡年卡"])
            sale_id += 1
            list_total = total = 0
            op = op_base + "-s"
            bought = None
            for p in basket:
                qty = 1
                member = p.kind.value != "membership" and tier is not None
                paid = charged(p.price, qty, tier) if member else p.price * qty
                units = int(tier.discount * 10000) if member else 10000
                sale_line_id += 1
                lines.append((sale_line_id, store, sale_id, p.id, qty, p.price, units, paid))
                list_total += p.price * qty
                total += paid
                if p.kind.value == "membership":
                    bought = ladder.tier(p.tier_id)
            method = rng.choice(("wechat", "wechat", "alipay", "cash", "bank_card"))
            if total and bal_p + bal_b >= total and rng.random() < 0.85:
                method = "stored_value"
                from_p, from_b = split(total, [bal_p, bal_b])
                entry_id += 1
                entries.append((entry_id, store, cid, "spend", -from_p, -from_b, op, 0, None,
                                None, sale_id, "", staff_id, stamp(at)))
                bal_p -= from_p
                bal_b -= from_b
            sales.append((sale_id, store, op, "sale", cid, None, tier.id if tier else None,
                          list_total, list_total - total, total, method, staff_id, "", stamp(at)))
            if bought is not None and (tier is None or bought.rank >= tier.rank):
                start = at.date()
                if tier is bought and expires is not None and expires >= start:
                    start = expires + timedelta(days=1)
                else:
                    since = at.date()
                exp = expiry(bought, start)
                change_id += 1
                changes.append((change_id, store, cid, stamp(at), tier.id if tier else None,
                                bought.id, exp, "membership", op, staff_id))
                tier, expires = bought, exp
            lifetime += total
            last = at
            stage = "customer" if count == 0 else "repeat"
            count += 1
            # One sale in a hundred paid at the counter is refunded a few days later.
            if method != "stored_value" and bought is None and rng.random() < 0.01:
                back = at + timedelta(days=rng.randrange(1, 4))
                if back <= today_end:
                    orig = sale_id
                    sale_id += 1
                    sales.append((sale_id, store, op_base + "-r", "refund", cid, orig,
                                  tier.id if tier else None, -list_total, -(list_total - total),
                                  -total, method, staff_id, "顾客不满意", stamp(back)))
                    for ln in [ln for ln in lines[-len(basket):]]:
                        sale_line_id += 1
                        lines.append((sale_line_id, store, sale_id, ln[3], -ln[4], ln[5], ln[6],
                                      -ln[7]))
                    lifetime -= total
            at += timedelta(days=rng.randrange(7, 120), minutes=rng.randrange(-120, 120))
        if count:
            updates.append((stage, tier.id if tier else None, since, expires, stamp(last),
                            lifetime, bal_p, bal_b, bal_p + bal_b, cid))
        if idx % 50_000 == 0:
            progress("member history", idx, n)
    with ctx.db.write() as s:
        conn = s.connection()
        # Ids are given explicitly, so they must start above anything already there.
        for table in ("sale", "sale_line", "stored_value_entry", "tier_change"):
            if conn.exec_driver_sql(f"SELECT COUNT(*) FROM {table}").scalar():
                raise Conflict("demo.not_empty")
        with _bulk_load(conn, "sale", len(sales)):
            driver_sql(conn,
                "INSERT INTO sale (id, store_id, operation_id, kind, customer_id, refunds_id, "
                "tier_id, list_total, discount, total, payment_method, staff_id, reason, at) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", sales)
        progress("member history", n // 4, n)
        with _bulk_load(conn, "sale_line", len(lines)):
            driver_sql(conn,
                "INSERT INTO sale_line (id, store_id, sale_id, product_id, quantity, unit_price, "
                "discount_units, line_total) VALUES (?,?,?,?,?,?,?,?)", lines)
        with _bulk_load(conn, "stored_value_entry", len(entries)):
            driver_sql(conn,
                "INSERT INTO stored_value_entry (id, store_id, customer_id, kind, principal, "
                "bonus, operation_id, line, reverses_id, payment_method, sale_id, reason, "
                "staff_id, at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", entries)
        with _bulk_load(conn, "tier_change", len(changes)):
            driver_sql(conn,
                "INSERT INTO tier_change (id, store_id, customer_id, at, from_tier_id, "
                "to_tier_id, expires_on, reason, operation_id, staff_id) "
                "VALUES (?,?,?,?,?,?,?,?,?,?)", changes)
        sync_ids(conn, "sale", "sale_line", "stored_value_entry", "tier_change")
        progress("member history", n // 2, n)
        driver_sql(conn,
            "UPDATE customer SET stage = ?, tier_id = ?, tier_since = ?, tier_expires_on = ?, "
            "last_purchase_at = ?, lifetime_spend = ?, balance_principal = ?, "
            "balance_bonus = ?, balance_total = ? WHERE id = ?", updates)
        progress("member history", n, n)


STEPS: list[Callable[[DemoContext, Progress], None]] = [
    step_store_and_staff, step_customers, step_ladder_and_products, step_member_history]


def generate(db: Database, options: DemoOptions = DemoOptions(),
             progress: Progress | None = None) -> Actor:
    """Fill an empty database with the demo store; returns the demo owner as an Actor."""
    if setup.has_store(db):
        raise Conflict("demo.not_empty")
    today = options.as_of or date.today()
    rng = random.Random(options.seed)
    start = _month_start(today, HISTORY_MONTHS - 1)
    begin = datetime.combine(_month_start(start, 30), datetime.min.time()) + timedelta(hours=9)
    with clock.frozen(begin):
        info = setup.create_store(db, setup.NewStore(
            store_name="悦容美学馆", currency="CNY", country="CN", owner_name="王丽",
            owner_login=DEMO_OWNER, owner_secret=DEMO_PIN))
    with db.read() as s:
        owner_id = s.scalar(select(Staff.id).where(Staff.login == DEMO_OWNER,
                                                   Staff.store_id == info.id))
    owner = Actor(store_id=info.id, staff_id=owner_id, role=Role.OWNER, name="王丽")
    ctx = DemoContext(db=db, options=options, rng=rng, today=today, start=start, owner=owner)
    report = progress or (lambda *_: None)
    with clock.frozen(datetime.combine(start, datetime.min.time()) + timedelta(hours=9)):
        try:
            for step in STEPS:
                step(ctx, report)
        finally:
            _rebuild_indexes(ctx)
    return owner


def _extend_steps() -> None:
    # Capabilities that build on the members' history add their steps here; their modules
    # import this one, so they are imported at the end rather than at the top.
    from opsdesk.services.demo_sales_process import step_sales_process

    STEPS.append(step_sales_process)
    STEPS.append(__import__("opsdesk.services.demo_launches", fromlist=["x"]).step_launches)
    STEPS.append(__import__("opsdesk.services.demo_targets", fromlist=["x"]).step_targets)
    STEPS.append(__import__("opsdesk.services.demo_promotion", fromlist=["x"]).step_promotion)
    STEPS.append(__import__("opsdesk.services.demo_incentives", fromlist=["x"]).step_incentives)


_extend_steps()
