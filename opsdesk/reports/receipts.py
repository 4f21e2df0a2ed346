"""Receipts for a sale or a top-up: an 80 mm thermal roll or an A4 page.

The roll page is exactly as tall as its content (a thermal printer cuts after the last line), and
the printable width is 72 mm, what 80 mm printers actually reach. Every text on the page comes
from :class:`ReceiptData` and its :class:`ReceiptLabels`: this layer has no translations, so the
caller passes the labels in the user's language (:data:`LABELS_ZH` is the Chinese set).

Error codes (``ValidationError``): ``receipt.no_lines``; ``receipt.line_mismatch`` (params
``line`` 1-based, ``expected`` = quantity x unit price - discount, ``got``);
``receipt.total_mismatch`` (params ``expected``, ``got``); ``receipt.paper_invalid``
(param ``paper``); ``receipt.balance_incomplete`` (principal given without bonus or the reverse).
Amounts in the params are formatted money.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    HRFlowable,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from opsdesk.domain.errors import ValidationError
from opsdesk.domain.money import Currency, currency, format_money
from opsdesk.domain.phone import mask_mobile
from opsdesk.reports.styles import INK, MUTED, RULE, Styles, escape, make_styles

ROLL_WIDTH = 80 * mm
ROLL_MARGIN_X = 4 * mm  # 80 mm printers print 72 mm wide
ROLL_MARGIN_Y = 5 * mm
# PDF pages cannot exceed 200 inches; a longer receipt continues on a second roll page.
ROLL_MAX_HEIGHT = 5000 * mm


@dataclass(frozen=True)
class ReceiptLabels:
    title: str = "Receipt"
    receipt_no: str = "No."
    date: str = "Date"
    cashier: str = "Cashier"
    member: str = "Member"
    tier: str = "Tier"
    item: str = "Item"
    quantity: str = "Qty"
    unit_price: str = "Price"
    discount: str = "Discount"
    amount: str = "Amount"
    subtotal: str = "Subtotal"
    total: str = "Total"
    payment: str = "Paid by"
    balance: str = "Stored value balance"
    principal: str = "Principal"
    bonus: str = "Bonus"
    page: str = "Page {page}"


LABELS_ZH = ReceiptLabels(
    title="收款小票", receipt_no="单号", date="时间", cashier="收银员", member="会员",
    tier="等级", item="项目", quantity="数量", unit_price="单价", discount="优惠",
    amount="金额", subtotal="原价合计", total="实收", payment="支付方式",
    balance="储值余额", principal="本金", bonus="赠送", page="第 {page} 页",
)


@dataclass(frozen=True)
class ReceiptLine:
    name: str
    quantity: int
    unit_price: int  # minor units
    amount: int  # what the line costs after its discount
    discount: int = 0  # taken off the line, >= 0


@dataclass(frozen=True)
class ReceiptData:
    shop_name: str
    receipt_no: str  # the operation number, so a reprint or a dispute finds the sale
    issued_at: datetime
    lines: tuple[ReceiptLine, ...]
    total: int
    payment_method: str  # already in the reader's language: "微信支付"
    currency: str = "CNY"
    member_name: str | None = None
    member_phone: str | None = None  # stored form; printed masked
    tier_name: str | None = None
    balance_principal: int | None = None  # after this operation
    balance_bonus: int | None = None
    cashier: str | None = None
    shop_address: str | None = None
    shop_phone: str | None = None
    footer: str | None = None
    labels: ReceiptLabels = field(default_factory=ReceiptLabels)


def _check(data: ReceiptData, cur: Currency) -> None:
    if not data.lines:
        raise ValidationError("receipt.no_lines", field="lines")
    for i, line in enumerate(data.lines, 1):
        expected = line.quantity * line.unit_price - line.discount
        if line.amount != expected:
            raise ValidationError("receipt.line_mismatch", field="lines", line=i,
                                  expected=format_money(expected, cur),
                                  got=format_money(line.amount, cur))
    total = sum(line.amount for line in data.lines)
    if total != data.total:
        raise ValidationError("receipt.total_mismatch", field="total",
                              expected=format_money(total, cur),
                              got=format_money(data.total, cur))
    if (data.balance_principal is None) != (data.balance_bonus is None):
        raise ValidationError("receipt.balance_incomplete", field="balance")


class _Doc(BaseDocTemplate):
    def __init__(self, out: str | BinaryIO, pagesize: tuple[float, float], margin_x: float,
                 margin_y: float, footer: str | None, styles: Styles) -> None:
        super().__init__(out, pagesize=pagesize, leftMargin=margin_x, rightMargin=margin_x,
                         topMargin=margin_y, bottomMargin=margin_y)
        frame = Frame(margin_x, margin_y, pagesize[0] - 2 * margin_x,
                      pagesize[1] - 2 * margin_y, leftPadding=0, rightPadding=0,
                      topPadding=0, bottomPadding=0, id="body")
        self._footer = footer
        self._styles = styles
        self.addPageTemplates([PageTemplate("page", [frame], onPage=self._on_page)])

    def _on_page(self, canvas, doc) -> None:  # noqa: ANN001
        if self._footer is None:
            return
        canvas.saveState()
        canvas.setFont(self._styles.font.regular, 7.5)
        canvas.setFillColor(MUTED)
        canvas.drawRightString(self.pagesize[0] - self.rightMargin, 9 * mm,
                               self._footer.format(page=doc.page))
        canvas.restoreState()


def _rule(dashed: bool = True, space: float = 2.2 * mm) -> HRFlowable:
    return HRFlowable(width="100%", thickness=0.6, color=RULE, spaceBefore=space,
                      spaceAfter=space, dash=(1.5, 1.5) if dashed else None)


def _kv_table(rows: list[tuple[str, str]], s: Styles, width: float, *, big_last: bool = False,
              label_share: float = 0.42) -> Table:
    data = []
    for i, (k, v) in enumerate(rows):
        big = big_last and i == len(rows) - 1
        data.append([Paragraph(escape(k), s.total if big else s.body),
                     Paragraph(escape(v), s.total_right if big else s.body_right)])
    t = Table(data, colWidths=[width * label_share, width * (1 - label_share)])
    t.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0.6), ("BOTTOMPADDING", (0, 0), (-1, -1), 0.6),
    ]))
    return t


def _header(data: ReceiptData, s: Styles) -> list[Flowable]:
    story: list[Flowable] = [Paragraph(escape(data.shop_name), s.title)]
    contact = " · ".join(x for x in (data.shop_address, data.shop_phone) if x)
    if contact:
        story.append(Paragraph(escape(contact), s.small_centre))
    story.append(Spacer(1, 1 * mm))
    story.append(Paragraph(escape(data.labels.title), s.small_centre))
    return story


def _info_rows(data: ReceiptData) -> list[tuple[str, str]]:
    lb = data.labels
    rows = [(lb.receipt_no, data.receipt_no),
            (lb.date, data.issued_at.strftime("%Y-%m-%d %H:%M"))]
    if data.cashier:
        rows.append((lb.cashier, data.cashier))
    if data.member_name or data.member_phone:
        who = " ".join(x for x in (data.member_name,
                                   mask_mobile(data.member_phone) if data.member_phone else None)
                       if x)
        rows.append((lb.member, who))
    if data.tier_name:
        rows.append((lb.tier, data.tier_name))
    return rows


def _totals(data: ReceiptData, cur: Currency) -> list[tuple[str, str]]:
    lb = data.labels
    gross = sum(line.quantity * line.unit_price for line in data.lines)
    discount = sum(line.discount for line in data.lines)
    rows: list[tuple[str, str]] = []
    if discount:
        rows += [(lb.subtotal, format_money(gross, cur)),
                 (lb.discount, format_money(-discount, cur))]
    rows.append((lb.total, format_money(data.total, cur)))
    return rows


def _after_totals(data: ReceiptData, cur: Currency, s: Styles, width: float) -> list[Flowable]:
    lb = data.labels
    story: list[Flowable] = [_kv_table([(lb.payment, data.payment_method)], s, width)]
    if data.balance_principal is not None and data.balance_bonus is not None:
        story.append(_rule())
        story.append(_kv_table([
            (lb.balance, format_money(data.balance_principal + data.balance_bonus, cur)),
            (lb.principal, format_money(data.balance_principal, cur)),
            (lb.bonus, format_money(data.balance_bonus, cur)),
        ], s, width, label_share=0.55))
    if data.footer:
        story.append(_rule())
        story.append(Paragraph(escape(data.footer), s.small_centre))
    return story


def _roll_lines(data: ReceiptData, cur: Currency, s: Styles, width: float) -> Table:
    """Two rows per item: the name across the roll, then quantity x price, discount, amount."""
    lb = data.labels
    rows = [[Paragraph(escape(lb.item), s.small), "",
             Paragraph(escape(lb.amount), s.small_right)]]
    style = [
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0.4), ("BOTTOMPADDING", (0, 0), (-1, -1), 0.4),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("SPAN", (0, 0), (1, 0)),
    ]
    for line in data.lines:
        r = len(rows)
        rows.append([Paragraph(escape(line.name), s.body), "", ""])
        style += [("SPAN", (0, r), (-1, r)), ("TOPPADDING", (0, r), (-1, r), 2.2)]
        qty = f"{line.quantity} × {format_money(line.unit_price, cur)}"
        disc = f"{lb.discount} {format_money(-line.discount, cur)}" if line.discount else ""
        rows.append([Paragraph(escape(qty), s.small), Paragraph(escape(disc), s.small_right),
                     Paragraph(escape(format_money(line.amount, cur)), s.body_right)])
    t = Table(rows, colWidths=[width * 0.40, width * 0.30, width * 0.30])
    t.setStyle(TableStyle(style))
    return t


def _a4_lines(data: ReceiptData, cur: Currency, s: Styles, width: float) -> Table:
    lb = data.labels
    head = [Paragraph(escape(lb.item), s.heading)] + [
        Paragraph(escape(x), s.body_right) for x in
        (lb.quantity, lb.unit_price, lb.discount, lb.amount)]
    rows = [head]
    for line in data.lines:
        rows.append([
            Paragraph(escape(line.name), s.body),
            Paragraph(str(line.quantity), s.body_right),
            Paragraph(escape(format_money(line.unit_price, cur)), s.body_right),
            Paragraph(escape(format_money(-line.discount, cur)) if line.discount else "",
                      s.body_right),
            Paragraph(escape(format_money(line.amount, cur)), s.body_right),
        ])
    widths = [0.40, 0.10, 0.16, 0.16, 0.18]
    t = Table(rows, colWidths=[width * w for w in widths], repeatRows=1)
    t.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
        ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (0, -1), 0), ("RIGHTPADDING", (-1, 0), (-1, -1), 0),
    ]))
    return t


def _story_height(story: list[Flowable], width: float) -> float:
    total = 0.0
    for f in story:
        _, h = f.wrap(width, ROLL_MAX_HEIGHT)
        total += h + f.getSpaceBefore() + f.getSpaceAfter()
    return total


def render_receipt(data: ReceiptData, out: str | Path | BinaryIO, *, paper: str = "80mm") -> None:
    """Write the receipt as a PDF to ``out`` (a path or a binary file object)."""
    cur = currency(data.currency)
    _check(data, cur)
    target = str(out) if isinstance(out, Path) else out
    if paper == "80mm":
        s = make_styles(8.5)
        width = ROLL_WIDTH - 2 * ROLL_MARGIN_X
        story = _header(data, s) + [
            _rule(), _kv_table(_info_rows(data), s, width, label_share=0.3), _rule(),
            _roll_lines(data, cur, s, width), _rule(),
            _kv_table(_totals(data, cur), s, width, big_last=True),
            *_after_totals(data, cur, s, width),
        ]
        # Measuring wraps every flowable once; the document wraps them again when it lays out
        # the page, which costs little next to a page that fits its content exactly.
        height = _story_height(story, width) + 2 * ROLL_MARGIN_Y + 3 * mm
        doc = _Doc(target, (ROLL_WIDTH, min(height, ROLL_MAX_HEIGHT)), ROLL_MARGIN_X,
                   ROLL_MARGIN_Y, None, s)
    elif paper == "a4":
        s = make_styles(10)
        margin = 18 * mm
        width = A4[0] - 2 * margin
        gap = 8 * mm
        half = width / 2 - gap
        info = _info_rows(data)
        left, right = info[:2 + bool(data.cashier)], info[2 + bool(data.cashier):]
        top = Table([[_kv_table(left, s, half, label_share=0.3),
                      _kv_table(right, s, half, label_share=0.3) if right else ""]],
                    colWidths=[width / 2, width / 2])
        top.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                 ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                 ("LEFTPADDING", (1, 0), (1, 0), gap),
                                 ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
        totals_w = width * 0.45
        block = Table([[ "", [_kv_table(_totals(data, cur), s, totals_w, big_last=True),
                              *_after_totals(data, cur, s, totals_w)]]],
                      colWidths=[width - totals_w, totals_w])
        block.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
        story = _header(data, s) + [_rule(dashed=False, space=4 * mm), top,
                                    Spacer(1, 5 * mm), _a4_lines(data, cur, s, width),
                                    Spacer(1, 4 * mm), block]
        footer = f"{data.shop_name} · {data.labels.receipt_no} {data.receipt_no} · " \
                 f"{data.labels.page}"
        doc = _Doc(target, A4, margin, margin, footer.replace("{", "{{").replace("}", "}}")
                   .replace("{{page}}", "{page}"), s)
    else:
        raise ValidationError("receipt.paper_invalid", field="paper", paper=str(paper)[:20])
    doc.title = f"{data.shop_name} {data.receipt_no}"
    doc.build(story)
