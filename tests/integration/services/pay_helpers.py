"""A small payroll for the incentive tests: three positions with schemes, five people, March 2026
sales. 张伟 sells ¥312,000.00 (3 × ¥104,000.00) in March, so his step commission at 3 % is
¥9,360.00; 孙磊 is his apprentice and joined on 16 March (16 of 31 days)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import update

from opsdesk.db import clock
from opsdesk.db.engine import Database
from opsdesk.db.models import Position, Staff
from opsdesk.domain.incentives import (
    Bracket,
    CommissionMode,
    CommissionRule,
    MentorRule,
    PayScheme,
)
from opsdesk.domain.operations import new_operation_id
from opsdesk.domain.roles import Role
from opsdesk.services import assessments, auth, incentives, members, products, sales, staff
from opsdesk.services.context import Actor

YUAN = 100
YEAR, MONTH = 2026, 3

CONSULTANT = PayScheme(
    base_pay=3000 * YUAN, performance_base=1000 * YUAN,
    commission=CommissionRule((Bracket(0, 100_000 * YUAN, "0.02"),
                               Bracket(100_000 * YUAN, None, "0.03")), CommissionMode.STEP),
    new_member_bonus=50 * YUAN, mentor=MentorRule("1", bonus=500 * YUAN, subsidy=300 * YUAN))
DESK = PayScheme(base_pay=2500 * YUAN, performance_base=500 * YUAN)
MANAGER = PayScheme(base_pay=6000 * YUAN, responsibility_pay=1000 * YUAN,
                    performance_base=2000 * YUAN)


@dataclass
class Payroll:
    db: Database
    owner: Actor
    manager: Actor
    desk: Actor
    seller: Actor  # 张伟
    apprentice: Actor  # 孙磊
    positions: dict[str, int]
    product: int
    customer: int

    @property
    def people(self) -> dict[str, int]:
        return {"manager": self.manager.staff_id, "desk": self.desk.staff_id,
                "seller": self.seller.staff_id, "apprentice": self.apprentice.staff_id}


def make_payroll(db: Database, owner: Actor, *, schemes: bool = True) -> Payroll:
    people = (("陈静", "chenjing", Role.MANAGER, "8642"), ("刘芳", "liufang", Role.FRONT_DESK, "1357"),
              ("张伟", "zhangwei", Role.SALES, "5678"), ("孙磊", "sunlei", Role.SALES, "2468"))
    for name, login, role, pin in people:
        staff.create_staff(db, owner, staff.StaffInput(name=name, login=login, role=role,
                                                       secret=pin))
    actors = {login: auth.login(db, login, pin) for _n, login, _r, pin in people}
    with db.write() as s:
        pos = {}
        for i, (key, name) in enumerate((("consultant", "顾问"), ("desk", "前台"),
                                         ("manager", "店长"))):
            p = Position(store_id=owner.store_id, name=name, duties="", sort=i, active=True)
            s.add(p)
            s.flush()
            pos[key] = p.id
        for login, key, title, hired in (("chenjing", "manager", "店长", date(2024, 1, 1)),
                                         ("liufang", "desk", "前台", date(2025, 5, 1)),
                                         ("zhangwei", "consultant", "资深顾问", date(2024, 3, 1)),
                                         ("sunlei", "consultant", "顾问", date(2026, 3, 16))):
            s.execute(update(Staff).where(Staff.id == actors[login].staff_id).values(
                position_id=pos[key], position=title, hire_date=hired))
        s.execute(update(Staff).where(Staff.id == actors["sunlei"].staff_id).values(
            mentor_id=actors["zhangwei"].staff_id))
    if schemes:
        incentives.save_position_scheme(db, owner, pos["consultant"], CONSULTANT)
        incentives.save_position_scheme(db, owner, pos["desk"], DESK)
        incentives.save_position_scheme(db, owner, pos["manager"], MANAGER)
    product = products.create_product(db, owner, products.ProductInput(
        name="年卡疗程", kind="service", role="profit", price=104_000 * YUAN,
        cost=40_000 * YUAN)).id
    with clock.frozen(datetime(2026, 2, 10, 10, 0)):
        customer = members.register(db, owner, members.MemberInput(
            phone="13800000001", name="王女士")).id
    return Payroll(db, owner, actors["chenjing"], actors["liufang"], actors["zhangwei"],
                   actors["sunlei"], pos, product, customer)


def sell(p: Payroll, who: Actor, at: datetime, n: int = 1) -> list[int]:
    out = []
    with clock.frozen(at):
        for _ in range(n):
            out.append(sales.sell(p.db, who, sales.SaleInput(
                p.customer, (sales.SaleLineInput(p.product),), "cash",
                new_operation_id())).sale_id)
    return out


def march_sales(p: Payroll) -> list[int]:
    """张伟: 3 sales in March; two new members registered for him in March."""
    ids = sell(p, p.seller, datetime(2026, 3, 5, 11, 0), 3)
    with clock.frozen(datetime(2026, 3, 8, 15, 0)):
        for i in range(2):
            members.register(p.db, p.owner, members.MemberInput(
                phone=f"1390000{i:04d}", name=f"新会员{i}", staff_id=p.seller.staff_id))
    return ids


def score_attitude(p: Payroll, value: int = 10) -> None:
    for sid in p.people.values():
        assessments.set_manual(p.db, p.manager, sid, YEAR, MONTH, {"attitude": value})
