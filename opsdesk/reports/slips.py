"""Incentive slips (工资条 / 激励单): A4, one person per page or three per page with cut lines.

Each slip shows the shop, the month, the person (position, department, days employed, assessment
score), every pay component with its basis ("提成：¥312,000.00 × 3% = ¥9,360.00"), the total,
notes, and a line for the employee's signature and the date. This layer has no translations: the
caller passes every text in the reader's language (:class:`SlipLabels`, the line labels and the
basis already formatted, e.g. by :func:`format_basis` with translated templates).

:func:`format_basis` turns a line's :class:`~opsdesk.domain.incentives.Basis` into text with a
template per basis id: money as the currency shows it, ratios as percentages (up to two decimals,
half up, trailing zeros dropped), scores with up to two decimals, counts as integers; a marginal
commission lists its slices after the sum.

Drawn straight on the canvas (no flowables): a batch of 200 slips costs little more than
writing the same text bare. A slip that does not fit a third of a page in the three-per-page
layout takes a page of its own.

Error codes (``ValidationError``): ``slip.total_mismatch`` (params ``person``, ``expected``,
``got``: formatted money), ``slip.layout_invalid`` (``layout``), ``slip.none`` - nothing to print.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from opsdesk.domain.errors import ValidationError
from opsdesk.domain.incentives import TEMPLATES, Basis, ValueKind
from opsdesk.domain.money import Currency, currency, format_money
from opsdesk.reports.fonts import FontInfo, cjk_font
from opsdesk.reports.styles import INK, MUTED, RULE

# ----------------------------------------------------------------------------- basis text


def percent_text(x: Fraction) -> str:
    d = (Decimal(x.numerator) * 100 / Decimal(x.denominator)).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_UP)
    text = format(d.normalize(), "f")
    return f"{text}%"


def score_text(x: Fraction | Decimal) -> str:
    if isinstance(x, Fraction):
        x = Decimal(x.numerator) / Decimal(x.denominator)
    d = x.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return format(d.normalize(), "f")


def _value_text(kind: ValueKind, value: object, cur: Currency) -> str:
    if kind is ValueKind.MONEY:
        return format_money(int(value), cur)  # type: ignore[arg-type]
    if kind is ValueKind.RATIO:
        return percent_text(Fraction(value))  # type: ignore[arg-type]
    if kind is ValueKind.SCORE:
        return score_text(Fraction(value))  # type: ignore[arg-type]
    return str(value)


class _Values(dict):
    def __missing__(self, key: str) -> str:
        return "?"


def format_basis(basis: Basis, templates: Mapping[str, str] | None = None,
                 cur: Currency | str = "CNY",
                 money: Callable[[int], str] | None = None) -> str:
    """The basis in words with ``templates`` (id -> pattern; the English ones by default)."""
    c = currency(cur) if isinstance(cur, str) else cur
    pats = templates or TEMPLATES
    vals = _Values()
    for name, v in basis.values:
        if v.kind is ValueKind.MONEY and money is not None:
            vals[name] = money(int(v.value))  # type: ignore[arg-type]
        else:
            vals[name] = _value_text(v.kind, v.value, c)
    text = pats.get(basis.template, TEMPLATES.get(basis.template, basis.template))
    out = text.format_map(vals)
    if basis.parts:
        out += "：" if any("\u4e00" <= ch <= "\u9fff" for ch in text) else ": "
        out += "; ".join(format_basis(p, pats, c, money) for p in basis.parts)
    return out


# ----------------------------------------------------------------------------- data


@dataclass(frozen=True)
class SlipLabels:
    title: str = "Incentive slip"
    month: str = "Month"
    person: str = "Name"
    position: str = "Position"
    department: str = "Department"
    days: str = "Days employed"
    days_value: str = "{days}/{of}"
    score: str = "Assessment"
    item: str = "Item"
    basis: str = "Basis"
    amount: str = "Amount"
    total: str = "Total"
    signature: str = "Employee's signature"
    date: str = "Date"
    notes: str = "Notes"
    cut: str = "cut here"
    page: str = "Page {page}"


LABELS_ZH = SlipLabels(
    title="工资条", month="月份", person="姓名", position="职位", department="部门",
    days="出勤天数", days_value="{days}/{of} 天", score="考核得分", item="项目", basis="计算依据",
    amount="金额", total="实发合计", signature="员工签字", date="日期", notes="说明",
    cut="沿虚线剪开", page="第 {page} 页")


@dataclass(frozen=True)
class SlipLine:
    label: str  # "提成"
    basis: str  # "¥312,000.00 × 3% = ¥9,360.00"
    amount: int  # fen


@dataclass(frozen=True)
class SlipData:
    shop_name: str
    month: str  # "2026年3月"
    person: str
    lines: tuple[SlipLine, ...]
    total: int
    position: str = ""
    department: str = ""
    days_employed: int | None = None
    days_in_month: int | None = None
    score: str | None = None  # formatted
    notes: tuple[str, ...] = ()
    currency: str = "CNY"
    status: str = ""  # e.g. "草稿" on a draft run's slip
    labels: SlipLabels = field(default_factory=SlipLabels)


def check_slip(data: SlipData) -> None:
    got = sum(x.amount for x in data.lines)
    if got != data.total:
        cur = currency(data.currency)
        raise ValidationError("slip.total_mismatch", field="total", person=data.person,
                              expected=format_money(got, cur), got=format_money(data.total, cur))


# ----------------------------------------------------------------------------- drawing

PAGE_W, PAGE_H = A4
MARGIN_X = 16 * mm
MARGIN_Y = 12 * mm
THIRD = (PAGE_H - 2 * MARGIN_Y) / 3
BODY = 9.5
SMALL = 8
LEAD = 4.6 * mm
LABEL_W = 30 * mm
AMOUNT_W = 32 * mm


class _Writer:
    """Draws text, setting the font and the colour only when they change (a page of slips
    repeats a handful of styles; every redundant operator costs bytes and time)."""

    def __init__(self, c: Canvas, font: FontInfo) -> None:
        self.c = c
        self.f = font
        self._font: tuple[str, float] | None = None
        self._color = None

    def reset(self) -> None:  # a new page starts from the default graphics state
        self._font = None
        self._color = None

    def text(self, x: float, y: float, s: str, size: float = BODY, *, bold: bool = False,
             align: str = "left", color=INK) -> None:  # noqa: ANN001
        name = self.f.bold if bold else self.f.regular
        c = self.c
        if self._font != (name, size):
            c.setFont(name, size)
            self._font = (name, size)
        if self._color is not color:
            c.setFillColor(color)
            self._color = color
        if bold and not self.f.has_real_bold:
            c.setStrokeColor(color)
            c.setLineWidth(size * 0.03)
            mode = 2
        else:
            mode = None
        if align == "right":
            c.drawRightString(x, y, s, mode=mode)
        elif align == "centre":
            c.drawCentredString(x, y, s, mode=mode)
        else:
            c.drawString(x, y, s, mode=mode)

    def wrap(self, s: str, width: float, size: float = BODY) -> list[str]:
        if self.c.stringWidth(s, self.f.regular, size) <= width:
            return [s]
        return simpleSplit(s, self.f.regular, size, width) or [""]


def _layout(w: _Writer, d: SlipData, width: float) -> tuple[float, list[list[str]], list[str]]:
    """The height a slip needs, with its wrapped basis lines and notes."""
    basis_w = width - LABEL_W - AMOUNT_W - 4 * mm
    wrapped = [w.wrap(x.basis, basis_w, SMALL + 0.5) for x in d.lines]
    notes = [ln for n in d.notes for ln in w.wrap(n, width, SMALL)]
    h = 0.0
    h += 7 * mm  # shop name
    h += 5.5 * mm  # title and month
    h += 6.5 * mm  # facts row
    h += 6 * mm  # header
    h += sum(max(1, len(x)) * (LEAD * 0.86) + 1.4 * mm for x in wrapped)
    h += 8 * mm  # total
    h += len(notes) * 3.8 * mm + (1.5 * mm if notes else 0)
    h += 9.5 * mm  # signature
    return h, wrapped, notes


def _draw(w: _Writer, d: SlipData, x0: float, top: float, width: float,
          wrapped: list[list[str]], notes: list[str]) -> None:
    c = w.c
    lb = d.labels
    cur = currency(d.currency)
    y = top - 5 * mm
    w.text(x0 + width / 2, y, d.shop_name, 13, bold=True, align="centre")
    y -= 5.5 * mm
    title = f"{lb.title} · {d.month}" + (f" · {d.status}" if d.status else "")
    w.text(x0 + width / 2, y, title, BODY + 0.5, align="centre", color=MUTED)
    y -= 6.5 * mm
    facts = [(lb.person, d.person)]
    if d.position:
        facts.append((lb.position, d.position))
    if d.department:
        facts.append((lb.department, d.department))
    if d.days_employed is not None and d.days_in_month is not None:
        facts.append((lb.days, lb.days_value.format(days=d.days_employed, of=d.days_in_month)))
    if d.score is not None:
        facts.append((lb.score, d.score))
    x = x0
    step = width / max(len(facts), 1)
    for k, v in facts:
        w.text(x, y, f"{k}：" if _cjk(k) else f"{k}: ", SMALL, color=MUTED)
        kw = c.stringWidth(f"{k}：" if _cjk(k) else f"{k}: ", w.f.regular, SMALL)
        w.text(x + kw, y, v, BODY, bold=(k == lb.person))
        x += step
    y -= 3 * mm
    c.setStrokeColor(INK)
    c.setLineWidth(0.8)
    c.line(x0, y, x0 + width, y)
    y -= 4 * mm
    w.text(x0, y, lb.item, SMALL, color=MUTED)
    w.text(x0 + LABEL_W, y, lb.basis, SMALL, color=MUTED)
    w.text(x0 + width, y, lb.amount, SMALL, color=MUTED, align="right")
    y -= 2 * mm
    c.setStrokeColor(RULE)
    c.setLineWidth(0.3)
    c.line(x0, y, x0 + width, y)
    for line, parts in zip(d.lines, wrapped, strict=True):
        y -= LEAD * 0.86
        w.text(x0, y, line.label, BODY)
        w.text(x0 + width, y, format_money(line.amount, cur), BODY, align="right")
        for i, part in enumerate(parts):
            w.text(x0 + LABEL_W, y - i * LEAD * 0.86, part, SMALL + 0.5, color=MUTED)
        y -= (len(parts) - 1) * LEAD * 0.86 + 1.4 * mm
    y -= 1 * mm
    c.setStrokeColor(INK)
    c.setLineWidth(0.8)
    c.line(x0, y + 1 * mm, x0 + width, y + 1 * mm)
    y -= 5.5 * mm
    w.text(x0, y, lb.total, 11, bold=True)
    w.text(x0 + width, y, format_money(d.total, cur), 12, bold=True, align="right")
    if notes:
        y -= 2 * mm
        for n in notes:
            y -= 3.8 * mm
            w.text(x0, y, n, SMALL, color=MUTED)
    y -= 8 * mm
    sig = f"{lb.signature}："if _cjk(lb.signature) else f"{lb.signature}: "
    w.text(x0, y, sig, BODY)
    sx = x0 + c.stringWidth(sig, w.f.regular, BODY) + 1 * mm
    c.setStrokeColor(INK)
    c.setLineWidth(0.5)
    c.line(sx, y - 1, sx + 55 * mm, y - 1)
    dl = f"{lb.date}：" if _cjk(lb.date) else f"{lb.date}: "
    dx = x0 + width - 45 * mm
    w.text(dx, y, dl, BODY)
    c.line(dx + c.stringWidth(dl, w.f.regular, BODY) + 1 * mm, y - 1, x0 + width, y - 1)


def _cjk(s: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in s)


def _cut_line(w: _Writer, y: float, label: str) -> None:
    c = w.c
    c.saveState()
    c.setStrokeColor(MUTED)
    c.setLineWidth(0.5)
    c.setDash(3, 2)
    c.line(6 * mm, y, PAGE_W - 6 * mm, y)
    c.restoreState()
    w.text(PAGE_W - 8 * mm, y + 1.2 * mm, label, 6, color=MUTED, align="right")


def render_slips(slips: Sequence[SlipData], out: str | Path | BinaryIO, *,
                 layout: str = "one", title: str = "",
                 progress: Callable[[int, int], None] | None = None,
                 font: FontInfo | None = None) -> int:
    """Write the slips as one PDF; returns the number of pages. ``layout`` is ``"one"`` (a page
    per person) or ``"three"`` (three per page, cut lines between them). ``progress(done,
    total)`` is called per slip and may raise to stop."""
    if layout not in ("one", "three"):
        raise ValidationError("slip.layout_invalid", field="layout", layout=str(layout)[:20])
    if not slips:
        raise ValidationError("slip.none", field="slips")
    for d in slips:
        check_slip(d)
    f = font or cjk_font()
    target = str(out) if isinstance(out, Path) else out
    c = Canvas(target, pagesize=A4, pageCompression=1)
    c.setTitle(title or slips[0].shop_name)
    c.setAuthor(slips[0].shop_name)
    w = _Writer(c, f)
    width = PAGE_W - 2 * MARGIN_X
    pages = 0
    slot = 0  # slips on the current page (three-per-page)
    top = PAGE_H - MARGIN_Y
    for i, d in enumerate(slips):
        if progress is not None:
            progress(i, len(slips))
        h, wrapped, notes = _layout(w, d, width)
        if layout == "one" or h > THIRD - 2 * mm:
            if slot or (pages and layout == "one") or (pages and layout == "three"):
                c.showPage()
                w.reset()
            pages += 1
            _draw(w, d, MARGIN_X, PAGE_H - MARGIN_Y, width, wrapped, notes)
            _footer(w, d, pages)
            slot = 3 if layout == "three" else 0  # a full-page slip fills the page
            continue
        if slot == 0 or slot >= 3:
            if pages:
                c.showPage()
                w.reset()
            pages += 1
            slot = 0
            _footer(w, d, pages)
        top = PAGE_H - MARGIN_Y - slot * THIRD
        if slot:
            _cut_line(w, top + 1 * mm, d.labels.cut)
        _draw(w, d, MARGIN_X, top - 2 * mm, width, wrapped, notes)
        slot += 1
    c.showPage()
    c.save()
    if progress is not None:
        progress(len(slips), len(slips))
    return pages


def _footer(w: _Writer, d: SlipData, page: int) -> None:
    w.text(PAGE_W - MARGIN_X, 6 * mm, f"{d.shop_name} · {d.month} · "
           f"{d.labels.page.format(page=page)}", 7, color=MUTED, align="right")
