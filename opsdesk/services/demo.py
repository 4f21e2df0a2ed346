"""The demo store: a believable beauty salon with 18 months of history, the same every time for
the same seed and reference date. Each capability adds its own step to ``STEPS``.

Staff log in with the PIN ``DEMO_PIN``; the owner's login is ``owner``.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import select

from opsdesk.db import clock
from opsdesk.db.engine import Database
from opsdesk.db.models import Department, Staff
from opsdesk.domain.demo import DEMO_OWNER, DEMO_PIN
from opsdesk.domain.errors import Conflict
from opsdesk.domain.roles import Role
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
        sql = ("INSERT INTO customer (store_id, name, phone, gender, birthday, source, "
               "referrer_id, staff_id, notes, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)")
        chunk = 50_000
        for k in range(0, n, chunk):
            part = [r[:6] + ((r[6] + base) if r[6] else None,) + r[7:]
                    for r in rows[k:k + chunk]]
            conn.exec_driver_sql(sql, part)
            progress("customers", min(k + chunk, n), n)


STEPS: list[Callable[[DemoContext, Progress], None]] = [step_store_and_staff, step_customers]


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
        for step in STEPS:
            step(ctx, report)
    return owner
