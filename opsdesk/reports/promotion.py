"""A4 statements of the promotion system: a promoter's monthly commission statement and a partner
pond's locked monthly settlement.

Like the receipts, this layer has no translations: the caller passes the labels in the user's
language. The data objects are the services' results (``services.promoters.Statement``,
``services.ponds.SettlementView``), read by attribute, so this module depends on no service.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from opsdesk.domain.money import Currency, currency, format_money
from opsdesk.domain.phone import mask_mobile
from opsdesk.reports.styles import INK, MUTED, RULE, escape, make_styles

MARGIN = 16 * mm


@dataclass(frozen=True)
class PromoterStatementLabels:
    title: str = "Promoter commission statement"
    promoter: str = "Promoter"
    level: str = "Level"
    month: str = "Month"
    opening: str = "Opening balance"
    accrued: str = "Commission accrued"
    clawed_back: str = "Clawed back (refunds)"
    paid: str = "Paid out"
    closing: str = "Closing balance"
    frozen: str = "of which frozen (refund window)"
    available: str = "of which available"
    referred_revenue: str = "Referred customers' spend"
    new_members: str = "New customers brought"
    date: str = "Date"
    kind: str = "Entry"
    customer: str = "Customer"
    available_on: str = "Available from"
    amount: str = "Amount"
    no_entries: str = "No entries this month."
    printed: str = "Printed"
    kinds: tuple[tuple[str, str], ...] = (("accrual", "Commission"), ("clawback", "Clawback"),
                                          ("payout", "Payout"))
    methods: tuple[tuple[str, str], ...] = (("cash", "cash"), ("stored_value", "stored value"))


@dataclass(frozen=True)
class PondStatementLabels:
    title: str = "Partner pond settlement"
    pond: str = "Pond"
    owner: str = "Owner"
    month: str = "Month"
    status_locked: str = "Locked"
    status_preview: str = "Preview (not locked)"
    covered_days: str = "Days under contract"
    new_customers: str = "New customers"
    fee_total: str = "Fee for new customers"
    share_base: str = "Their spend in the share window"
    share: str = "Revenue share"
    minimum: str = "Monthly minimum"
    minimum_topup: str = "Top-up to the minimum"
    owed: str = "Owed to the pond"
    customer: str = "Customer"
    phone: str = "Phone"
    registered: str = "Registered"
    new: str = "New"
    fee: str = "Fee"
    yes: str = "yes"
    no_lines: str = "No customer of the pond is due anything this month."
    printed: str = "Printed"
    signature_shop: str = "For the shop"
    signature_pond: str = "For the pond"


def _money(amount: int, cur: Currency) -> str:
    return format_money(amount, cur)


def _table(rows: list[list[Any]], widths: list[float], *, header: bool = True,
           right_from: int = 99) -> Table:
    t = Table(rows, colWidths=widths, repeatRows=1 if header else 0)
    style = [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("ALIGN", (right_from, 0), (-1, -1), "RIGHT"),
    ]
    if header:
        style += [("LINEBELOW", (0, 0), (-1, 0), 0.6, RULE),
                  ("LINEBELOW", (0, -1), (-1, -1), 0.4, RULE)]
    t.setStyle(TableStyle(style))
    return t


def _doc(out: str | Path | BinaryIO, title: str) -> SimpleDocTemplate:
    target = str(out) if isinstance(out, Path) else out
    return SimpleDocTemplate(target, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN,
                             topMargin=MARGIN, bottomMargin=MARGIN, title=title)


def render_promoter_statement(data: Any, out: str | Path | BinaryIO, *,
                              labels: PromoterStatementLabels = PromoterStatementLabels(),
                              currency_code: str = "CNY") -> None:
    cur = currency(currency_code)
    s = make_styles(10)
    kinds, methods = dict(labels.kinds), dict(labels.methods)
    width = A4[0] - 2 * MARGIN
    story: list[Any] = [
        Paragraph(escape(data.store_name), s.small_centre),
        Paragraph(escape(labels.title), s.title), Spacer(1, 4 * mm)]
    head = [[Paragraph(escape(labels.promoter), s.small),
             Paragraph(escape(f"{data.name}  {data.card_no or ''}"), s.body),
             Paragraph(escape(labels.month), s.small),
             Paragraph(f"{data.year}-{data.month:02d}", s.body)],
            [Paragraph(escape(labels.level), s.small), Paragraph(escape(data.level), s.body),
             "", ""]]
    story += [_table(head, [width * 0.16, width * 0.44, width * 0.14, width * 0.26],
                     header=False), Spacer(1, 4 * mm)]

    def row(label: str, amount: int, bold: bool = False) -> list[Any]:
        st, st_r = (s.total, s.total_right) if bold else (s.body, s.body_right)
        return [Paragraph(escape(label), st), Paragraph(_money(amount, cur), st_r)]

    opening = data.opening.frozen + data.opening.available
    closing = data.closing.frozen + data.closing.available
    summary = [
        row(labels.opening, opening), row(labels.accrued, data.accrued),
        row(labels.clawed_back, -data.clawed_back), row(labels.paid, -data.paid),
        row(labels.closing, closing, bold=True),
        row(labels.frozen, data.closing.frozen), row(labels.available, data.closing.available),
        [Paragraph(escape(labels.referred_revenue), s.small),
         Paragraph(_money(data.referred_revenue, cur), s.small_right)],
        [Paragraph(escape(labels.new_members), s.small),
         Paragraph(str(data.new_members), s.small_right)]]
    t = _table(summary, [width * 0.7, width * 0.3], header=False)
    t.setStyle(TableStyle([("LINEABOVE", (0, 4), (-1, 4), 0.6, RULE)]))
    story += [t, Spacer(1, 6 * mm)]
    rows: list[list[Any]] = [[Paragraph(escape(x), s.small) for x in (
        labels.date, labels.kind, labels.customer, labels.available_on)]
        + [Paragraph(escape(labels.amount), s.small_right)]]
    for e in data.entries:
        kind = kinds.get(str(e.kind), str(e.kind))
        if e.method:
            kind = f"{kind} ({methods.get(str(e.method), str(e.method))})"
        rows.append([Paragraph(e.posted_on.isoformat(), s.body), Paragraph(escape(kind), s.body),
                     Paragraph(escape(e.customer_name or e.note or ""), s.body),
                     Paragraph(e.available_on.isoformat() if e.available_on else "", s.body),
                     Paragraph(_money(e.amount, cur), s.body_right)])
    if data.entries:
        story.append(_table(rows, [width * 0.17, width * 0.22, width * 0.26, width * 0.17,
                                   width * 0.18]))
    else:
        story.append(Paragraph(escape(labels.no_entries), s.small))
    story += [Spacer(1, 8 * mm), Paragraph(
        escape(f"{labels.printed} {data.printed_at:%Y-%m-%d %H:%M}"), s.small)]
    _doc(out, labels.title).build(story)


def render_pond_statement(data: Any, out: str | Path | BinaryIO, *,
                          labels: PondStatementLabels = PondStatementLabels(),
                          currency_code: str = "CNY", printed_at: Any = None) -> None:
    cur = currency(currency_code)
    s = make_styles(10)
    width = A4[0] - 2 * MARGIN
    status = labels.status_locked if data.id is not None else labels.status_preview
    story: list[Any] = [
        Paragraph(escape(data.store_name), s.small_centre),
        Paragraph(escape(labels.title), s.title), Spacer(1, 4 * mm)]
    head = [[Paragraph(escape(labels.pond), s.small), Paragraph(escape(data.pond_name), s.body),
             Paragraph(escape(labels.month), s.small),
             Paragraph(f"{data.year}-{data.month:02d}", s.body)],
            [Paragraph(escape(labels.owner), s.small), Paragraph(escape(data.pond_owner), s.body),
             "", Paragraph(escape(status), s.small)]]
    story += [_table(head, [width * 0.16, width * 0.44, width * 0.14, width * 0.26],
                     header=False), Spacer(1, 4 * mm)]

    def row(label: str, value: str, bold: bool = False) -> list[Any]:
        st, st_r = (s.total, s.total_right) if bold else (s.body, s.body_right)
        return [Paragraph(escape(label), st), Paragraph(escape(value), st_r)]

    rate = f"{float(data.share_rate) * 100:.2f}".rstrip("0").rstrip(".") + "%" \
        if data.share_rate else ""
    summary = [
        row(labels.covered_days, str(data.covered_days)),
        row(labels.new_customers, str(data.new_customers)),
        row(labels.fee_total, _money(data.fee_total, cur)),
        row(labels.share_base, _money(data.share_base, cur)),
        row(f"{labels.share} {rate}".strip(), _money(data.share, cur)),
        row(labels.minimum, _money(data.minimum, cur)),
        row(labels.minimum_topup, _money(data.minimum_topup, cur)),
        row(labels.owed, _money(data.owed, cur), bold=True)]
    t = _table(summary, [width * 0.7, width * 0.3], header=False)
    t.setStyle(TableStyle([("LINEABOVE", (0, 7), (-1, 7), 0.6, RULE)]))
    story += [t, Spacer(1, 6 * mm)]
    rows: list[list[Any]] = [[Paragraph(escape(x), s.small) for x in (
        labels.customer, labels.phone, labels.registered, labels.new)]
        + [Paragraph(escape(x), s.small_right) for x in (labels.fee, labels.share_base,
                                                          labels.share)]]
    for ln in data.lines:
        rows.append([Paragraph(escape(ln.name), s.body),
                     Paragraph(escape(mask_mobile(ln.phone)) if ln.phone else "", s.body),
                     Paragraph(ln.registered_on.isoformat(), s.body),
                     Paragraph(escape(labels.yes) if ln.new else "", s.body),
                     Paragraph(_money(ln.fee, cur), s.body_right),
                     Paragraph(_money(ln.share_base, cur), s.body_right),
                     Paragraph(_money(ln.share, cur), s.body_right)])
    if data.lines:
        story.append(_table(rows, [width * 0.16, width * 0.17, width * 0.15, width * 0.08,
                                   width * 0.14, width * 0.16, width * 0.14]))
    else:
        story.append(Paragraph(escape(labels.no_lines), s.small))
    sign = Table([[Paragraph(escape(labels.signature_shop), s.small),
                   Paragraph(escape(labels.signature_pond), s.small)]],
                 colWidths=[width / 2, width / 2], rowHeights=[18 * mm])
    sign.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                              ("TEXTCOLOR", (0, 0), (-1, -1), MUTED)]))
    story += [Spacer(1, 8 * mm), sign]
    when = printed_at or data.locked_at
    if when is not None:
        story.append(Paragraph(escape(f"{labels.printed} {when:%Y-%m-%d %H:%M}"), s.small))
    _doc(out, labels.title).build(story)
