"""Summary of a launch (发售) on A4: terms, the three counts with their conversions, money
(deposits held apart from revenue), one row per seller, and the customers who locked without
paying in full.

Every text comes from :class:`LaunchReport` and its :class:`LaunchReportLabels` (the caller's
language); this layer has no translations. Conversions are exact fractions, printed here as
percentages with one decimal ("—" when there is no denominator).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from fractions import Fraction
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from opsdesk.domain.money import Currency, currency, format_money, round_half_up
from opsdesk.domain.phone import mask_mobile
from opsdesk.reports.styles import INK, MUTED, RULE, Styles, escape, make_styles


@dataclass(frozen=True)
class LaunchReportLabels:
    title: str = "Launch summary"
    as_of: str = "As of {date}"
    product: str = "Product"
    status: str = "Status"
    dates: str = "Entry opens {opens} · lock deadline {deadline} · delivery {delivery}"
    prices: str = "Entry fee {fee} · deposit {deposit} · full price {price}"
    capacity: str = "Capacity"
    no_limit: str = "no limit"
    early: str = "Early locks (until {date})"
    funnel: str = "Funnel"
    step: str = "Step"
    customers: str = "Customers"
    conversion: str = "Conversion"
    entries: str = "Entries"
    locks: str = "Locks"
    deals: str = "Deals"
    entry_to_lock: str = "entry → lock"
    lock_to_deal: str = "lock → deal"
    entry_to_deal: str = "entry → deal"
    money: str = "Money"
    entry_fees: str = "Entry fees collected"
    entry_refunds: str = "Entry fees refunded"
    deposits_paid: str = "Deposits paid"
    deposits_refunded: str = "Deposits refunded"
    deposits_forfeited: str = "Deposits kept (forfeited)"
    deposits_applied: str = "Deposits applied to deals"
    balances: str = "Balance payments"
    deposits_held: str = "Deposits held (not revenue yet)"
    revenue: str = "Revenue"
    locks_held: str = "Locks held now"
    early_locks: str = "Early locks"
    refunds: str = "Refunds made"
    waiting: str = "On the waiting list"
    by_staff: str = "By staff member"
    staff: str = "Staff"
    nobody: str = "(nobody)"
    unpaid: str = "Locked, not paid in full"
    customer: str = "Customer"
    phone: str = "Phone"
    locked_on: str = "Locked on"
    held: str = "Deposit held"
    due: str = "Still due"
    none: str = "None."
    page: str = "Page {page}"


LABELS_ZH = LaunchReportLabels(
    title="发售总结", as_of="截至 {date}", product="产品", status="状态",
    dates="进入开放 {opens} · 锁定截止 {deadline} · 交付 {delivery}",
    prices="进入费 {fee} · 定金 {deposit} · 全款 {price}", capacity="名额", no_limit="不限",
    early="早鸟锁定（截至 {date}）", funnel="漏斗", step="环节", customers="人数",
    conversion="转化率", entries="进入量", locks="锁定量", deals="成交量",
    entry_to_lock="进入 → 锁定", lock_to_deal="锁定 → 成交", entry_to_deal="进入 → 成交",
    money="资金", entry_fees="已收进入费", entry_refunds="已退进入费", deposits_paid="已收定金",
    deposits_refunded="已退定金", deposits_forfeited="没收定金", deposits_applied="定金转成交",
    balances="尾款", deposits_held="在押定金（尚非收入）", revenue="收入", locks_held="当前锁定",
    early_locks="早鸟锁定", refunds="退款笔数", waiting="候补人数", by_staff="按员工",
    staff="员工", nobody="（未指定）", unpaid="已锁定未付全款", customer="客户", phone="电话",
    locked_on="锁定日期", held="在押定金", due="待付", none="无。", page="第 {page} 页",
)


@dataclass(frozen=True)
class StaffLine:
    name: str  # '' when nobody was credited
    entries: int
    locks: int
    deals: int


@dataclass(frozen=True)
class UnpaidLine:
    customer: str
    phone: str
    staff: str
    locked_on: date
    held: int
    due: int


@dataclass(frozen=True)
class LaunchReport:
    store_name: str
    name: str
    product: str
    status: str  # already in the reader's language
    entry_opens: date
    lock_deadline: date
    delivery: date
    entry_fee: int
    deposit: int
    price: int
    capacity: int | None
    entries: int
    locks: int
    deals: int
    entry_fees: int
    entry_refunds: int
    deposits_paid: int
    deposits_refunded: int
    deposits_forfeited: int
    deposits_applied: int
    balances: int
    locks_held: int
    early_locks: int
    refunds: int
    waiting: int
    as_of: datetime
    early_until: date | None = None
    early_perks: str = ""
    staff: tuple[StaffLine, ...] = ()
    unpaid: tuple[UnpaidLine, ...] = ()
    currency_code: str = "CNY"
    labels: LaunchReportLabels = field(default_factory=LaunchReportLabels)

    @property
    def deposits_held(self) -> int:
        return (self.deposits_paid - self.deposits_refunded - self.deposits_forfeited
                - self.deposits_applied)

    @property
    def revenue(self) -> int:
        return (self.entry_fees - self.entry_refunds + self.deposits_forfeited
                + self.deposits_applied + self.balances)


def percent(numerator: int, denominator: int) -> str:
    """``numerator / denominator`` as a percentage with one decimal, half up; "—" for 0/0."""
    if denominator == 0:
        return "—"
    tenths = round_half_up(Fraction(numerator * 1000, denominator))
    return f"{tenths // 10}.{tenths % 10}%"


def _table(rows: list[list], widths: list[float], *, header: bool = True,
           right_from: int = 1, bold_last: bool = False, s: Styles) -> Table:
    t = Table(rows, colWidths=widths, repeatRows=1 if header else 0)
    style = [
        ("FONT", (0, 0), (-1, -1), s.font.regular, 9.5),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("ALIGN", (right_from, 0), (-1, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("LINEBELOW", (0, -1), (-1, -1), 0.5, RULE),
    ]
    if header:
        style += [("FONT", (0, 0), (-1, 0), s.font.bold, 9.5),
                  ("TEXTCOLOR", (0, 0), (-1, 0), MUTED),
                  ("LINEBELOW", (0, 0), (-1, 0), 0.5, RULE)]
    if bold_last:
        style += [("FONT", (0, -1), (-1, -1), s.font.bold, 10.5),
                  ("LINEABOVE", (0, -1), (-1, -1), 0.5, RULE)]
    t.setStyle(TableStyle(style))
    return t


def render_launch_summary(data: LaunchReport, out: str | Path | BinaryIO) -> None:
    lb, cur = data.labels, currency(data.currency_code)
    s = make_styles(10)

    def m(v: int, c: Currency = cur) -> str:
        return format_money(v, c)

    width = A4[0] - 36 * mm
    story: list = [
        Paragraph(escape(data.store_name), s.small_centre),
        Paragraph(escape(f"{lb.title} · {data.name}"), s.title),
        Paragraph(escape(lb.as_of.format(date=data.as_of.strftime("%Y-%m-%d %H:%M"))),
                  s.small_centre),
        Spacer(1, 5 * mm),
    ]
    facts = [
        [lb.product, data.product or "—", lb.status, data.status],
        [lb.capacity, str(data.capacity) if data.capacity else lb.no_limit, "", ""],
    ]
    story += [_table([[Paragraph(escape(str(c)), s.body) for c in r] for r in facts],
                     [width * 0.15, width * 0.45, width * 0.15, width * 0.25], header=False,
                     right_from=99, s=s),
              Paragraph(escape(lb.dates.format(opens=data.entry_opens, deadline=data.lock_deadline,
                                               delivery=data.delivery)), s.body),
              Paragraph(escape(lb.prices.format(fee=m(data.entry_fee), deposit=m(data.deposit),
                                                price=m(data.price))), s.body)]
    if data.early_until is not None:
        story.append(Paragraph(escape(lb.early.format(date=data.early_until) + ": "
                                      + (data.early_perks or "—")), s.body))
    story += [Spacer(1, 5 * mm), Paragraph(escape(lb.funnel), s.heading), Spacer(1, 2 * mm)]
    funnel_rows = [
        [lb.step, lb.customers, lb.conversion],
        [lb.entries, str(data.entries), ""],
        [lb.locks, str(data.locks), f"{lb.entry_to_lock}  {percent(data.locks, data.entries)}"],
        [lb.deals, str(data.deals), f"{lb.lock_to_deal}  {percent(data.deals, data.locks)}"],
        ["", "", f"{lb.entry_to_deal}  {percent(data.deals, data.entries)}"],
    ]
    story.append(_table(funnel_rows, [width * 0.3, width * 0.2, width * 0.5], s=s))
    story += [Spacer(1, 5 * mm), Paragraph(escape(lb.money), s.heading), Spacer(1, 2 * mm)]
    money_rows = [
        [lb.entry_fees, m(data.entry_fees), lb.locks_held, str(data.locks_held)],
        [lb.entry_refunds, m(-data.entry_refunds) if data.entry_refunds else m(0),
         lb.early_locks, str(data.early_locks)],
        [lb.deposits_paid, m(data.deposits_paid), lb.refunds, str(data.refunds)],
        [lb.deposits_refunded, m(-data.deposits_refunded) if data.deposits_refunded else m(0),
         lb.waiting, str(data.waiting)],
        [lb.deposits_forfeited, m(data.deposits_forfeited), "", ""],
        [lb.deposits_applied, m(data.deposits_applied), "", ""],
        [lb.balances, m(data.balances), "", ""],
        [lb.deposits_held, m(data.deposits_held), "", ""],
        [lb.revenue, m(data.revenue), "", ""],
    ]
    t = _table(money_rows, [width * 0.34, width * 0.22, width * 0.28, width * 0.16],
               header=False, bold_last=True, s=s)
    story.append(t)
    story += [Spacer(1, 5 * mm), Paragraph(escape(lb.by_staff), s.heading), Spacer(1, 2 * mm)]
    staff_rows = [[lb.staff, lb.entries, lb.locks, lb.deals, lb.entry_to_lock, lb.lock_to_deal]]
    for x in data.staff:
        staff_rows.append([Paragraph(escape(x.name or lb.nobody), s.body), str(x.entries),
                           str(x.locks), str(x.deals), percent(x.locks, x.entries),
                           percent(x.deals, x.locks)])
    if len(staff_rows) == 1:
        story.append(Paragraph(escape(lb.none), s.small))
    else:
        story.append(_table(staff_rows, [width * 0.28] + [width * 0.12] * 3
                            + [width * 0.18] * 2, s=s))
    story += [Spacer(1, 5 * mm), Paragraph(escape(f"{lb.unpaid} ({len(data.unpaid)})"),
                                           s.heading), Spacer(1, 2 * mm)]
    if not data.unpaid:
        story.append(Paragraph(escape(lb.none), s.small))
    else:
        rows = [[lb.customer, lb.phone, lb.staff, lb.locked_on, lb.held, lb.due]]
        for u in data.unpaid:
            rows.append([Paragraph(escape(u.customer), s.body), mask_mobile(u.phone),
                         Paragraph(escape(u.staff or lb.nobody), s.body),
                         u.locked_on.isoformat(), m(u.held), m(u.due)])
        story.append(_table(rows, [width * 0.2, width * 0.17, width * 0.15, width * 0.15,
                                   width * 0.16, width * 0.17], right_from=4, s=s))

    def footer(canvas, doc) -> None:  # noqa: ANN001
        canvas.saveState()
        canvas.setFont(s.font.regular, 8)
        canvas.setFillColor(MUTED)
        canvas.drawRightString(A4[0] - 18 * mm, 10 * mm, lb.page.format(page=doc.page))
        canvas.restoreState()

    target = str(out) if isinstance(out, Path) else out  # reportlab takes a str or a file
    doc = SimpleDocTemplate(target, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm,
                            topMargin=16 * mm, bottomMargin=18 * mm, title=data.name,
                            author=data.store_name)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
