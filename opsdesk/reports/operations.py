"""The monthly operations report (A4, PDF): the funnel, the visits-against-conversion scatter and
the comparisons with their trend, each chart with its table, then the growth economics.

``render_operations_report(data, labels, out)``: ``data`` is the month's figures as
``services.dashboard.month_report`` returns them (read by attribute: this layer does not import
the services); ``labels`` every word on the page in the reader's language (this layer has no
translations; the caller passes them). Charts are reportlab vector drawings
(:mod:`opsdesk.reports.charts`), so no window or Qt is needed. Chinese renders through the
embedded CJK font of :mod:`opsdesk.reports.fonts`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import (
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from opsdesk.domain import metrics as m
from opsdesk.domain.money import currency, format_money
from opsdesk.reports import charts
from opsdesk.reports.styles import MUTED, RULE, escape, make_styles


@dataclass(frozen=True)
class OperationsLabels:
    title: str = "Monthly operations report"
    period: str = "{start} to {end}"
    page: str = "Page {page}"
    funnel: str = "Funnel of the customers registered this month"
    funnel_note: str = "Each layer lies inside the one above; the rate is from the layer above."
    step: str = "Layer"
    count: str = "Customers"
    rate: str = "From the layer above"
    rate_top: str = "From the leads"
    of_leads: str = "{rate} of leads"
    people: str = "Visits against conversion, per person"
    person: str = "Person"
    visits: str = "Visits"
    visited: str = "Customers visited"
    deals: str = "Deals"
    conversion: str = "Conversion (%)"
    revenue: str = "Revenue"
    attitude: str = "Attitude"
    quadrant: str = "Quadrant"
    medians: str = "Team medians: {visits} visits, {conversion} conversion."
    comparisons: str = "Comparisons"
    figure: str = "Figure"
    now: str = "Now"
    before: str = "Before"
    change: str = "Change"
    trend: str = "{metric}, month by month, with its trend line"
    growth: str = "Growth economics"
    levers: str = "Three growth levers"
    paying: str = "Paying customers"
    ticket: str = "Average ticket"
    frequency: str = "Purchases per customer"
    this_month: str = "This month"
    last_month: str = "Last month, same days"
    cohort: str = "Registered in"
    new_customers: str = "New customers"
    first30: str = "First 30 days, per customer"
    first_year: str = "First year, per customer"
    incomplete: str = "(so far)"
    repeat_rate: str = "Repeat rate"
    referral_rate: str = "Referrals per paying customer"
    roles: str = "Product role"
    margin: str = "Margin"
    margin_rate: str = "Margin rate"
    steps: Mapping[str, str] = field(default_factory=dict)
    quadrants: Mapping[str, str] = field(default_factory=dict)  # short names
    readings: Mapping[str, str] = field(default_factory=dict)  # one line each
    metrics: Mapping[str, str] = field(default_factory=dict)
    kinds: Mapping[str, str] = field(default_factory=dict)  # wow / mom / yoy
    product_roles: Mapping[str, str] = field(default_factory=dict)


MONEY = {"revenue", "topups"}


def _pct(v: Fraction | None, signed: bool = False) -> str:
    t = m.percent_tenths(v)
    if t is None:
        return "—"
    s = f"{'-' if t < 0 else ''}{abs(t) // 10}.{abs(t) % 10}%"
    return ("+" + s) if signed and t > 0 else s


def render_operations_report(data: Any, labels: OperationsLabels,
                             out: str | Path | BinaryIO) -> None:
    st = make_styles(10)
    font = st.font
    cur = currency(data.currency)

    def money(v: int | None) -> str:
        return "—" if v is None else format_money(v, cur)

    def value(metric: str, v: int) -> str:
        return money(v) if metric in MONEY else f"{v:,}"

    def P(text: str, style=st.body) -> Paragraph:  # noqa: ANN001, N802
        return Paragraph(escape(text), style)

    def table(rows: list[list[str]], widths: list[float], right_from: int = 1) -> Table:
        t = Table([[P(c, st.small if r == 0 else (st.body_right if i >= right_from
                                                   else st.body)) for i, c in enumerate(row)]
                   for r, row in enumerate(rows)], colWidths=widths, repeatRows=1)
        t.setStyle(TableStyle([
            ("LINEBELOW", (0, 0), (-1, 0), 0.6, RULE),
            ("LINEBELOW", (0, -1), (-1, -1), 0.3, RULE),
            ("ROWBACKGROUNDS", (0, 1), (-1, -1), [HexColor("#ffffff"), HexColor("#f6f8fa")]),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ]))
        return t

    full = A4[0] - 36 * mm
    story: list = []
    ov = data.overview
    story.append(Paragraph(escape(f"{data.store_name} · {labels.title} · "
                                  f"{data.month.year}-{data.month.month:02d}"), st.title))
    story.append(P(labels.period.replace("{start}", data.month.isoformat())
                   .replace("{end}", data.as_of.isoformat()), st.small_centre))
    story.append(Spacer(1, 5 * mm))

    # 1. funnel
    layers = ov.funnel.layers
    names = [labels.steps.get(x.step, x.step) for x in layers]
    chart = charts.funnel([(n, x.count, _pct(x.rate),
                            labels.of_leads.replace("{rate}", _pct(x.rate_from_top)))
                           for n, x in zip(names, layers, strict=True)],
                          font.regular, font.bold, width=full, height=200)
    rows = [[labels.step, labels.count, labels.rate, labels.rate_top]]
    rows += [[n, f"{x.count:,}", _pct(x.rate), _pct(x.rate_from_top)]
             for n, x in zip(names, layers, strict=True)]
    story.append(KeepTogether([Paragraph(escape(labels.funnel), st.heading), chart,
                               P(labels.funnel_note, st.small),
                               table(rows, [full * 0.34, full * 0.22, full * 0.22, full * 0.22])]))
    story.append(Spacer(1, 5 * mm))

    # 2. people
    ppl = ov.people
    quads = ppl.reading.quadrant
    points = [(p.name, p.visits, float(p.conversion * 100), p.revenue, quads.get(p.staff_id))
              for p in ppl.people if p.conversion is not None]
    mv, mc = ppl.reading.median_visits, ppl.reading.median_conversion
    chart = charts.scatter(points, None if mv is None else float(mv),
                           None if mc is None else float(mc * 100), labels.visits,
                           labels.conversion, dict(labels.quadrants), font.regular, font.bold,
                           width=full, height=230)
    rows = [[labels.person, labels.visits, labels.visited, labels.deals, labels.conversion,
             labels.revenue, labels.attitude, labels.quadrant]]
    for p in ppl.people:
        q = quads.get(p.staff_id)
        rows.append([p.name, f"{p.visits:,}", f"{p.visited:,}", f"{p.deals:,}",
                     _pct(p.conversion), money(p.revenue),
                     "—" if p.attitude is None else str(p.attitude),
                     labels.quadrants.get(q, "—") if q else "—"])
    readings = [P(f"{labels.quadrants.get(k, k)}: {v}", st.small)
                for k, v in labels.readings.items()]
    if mv is not None:
        readings.append(P(labels.medians.replace("{visits}", f"{float(mv):.1f}")
                          .replace("{conversion}", _pct(mc)), st.small))
    w = full / 8
    story.append(PageBreak())
    story.append(KeepTogether([Paragraph(escape(labels.people), st.heading), chart, *readings]))
    story.append(Spacer(1, 2 * mm))
    story.append(table(rows, [w * 1.2, w * 0.8, w, w * 0.7, w, w * 1.3, w * 0.8, w * 1.2]))
    story.append(Spacer(1, 5 * mm))

    # 3. comparisons and the revenue trend
    cmp_ = ov.comparisons
    rows = [[labels.figure, labels.kinds.get("wow", "wow"), labels.kinds.get("mom", "mom"),
             labels.kinds.get("yoy", "yoy")]]
    for metric in ("revenue", "deals", "new_customers", "visits", "topups"):
        row = [labels.metrics.get(metric, metric)]
        for kind in ("wow", "mom", "yoy"):
            ch = cmp_.store[metric, kind]
            row.append(f"{value(metric, ch.current)} / {value(metric, ch.previous)} "
                       f"({_pct(ch.rate, signed=True)})")
        rows.append(row)
    tr = data.trends
    values = [v / cur.factor for v in tr.series["revenue"]]
    line = m.trend_line([Fraction(v, cur.factor) for v in tr.series["revenue"]])
    months = [f"{p.start.year % 100:02d}-{p.start.month:02d}" for p in tr.months]
    chart = charts.trend(months, values, line,
                         labels.trend.replace("{metric}", labels.metrics.get("revenue", "revenue"))
                         + f" ({cur.symbol})", font.regular, width=full, height=170)
    story.append(PageBreak())
    story.append(KeepTogether([Paragraph(escape(labels.comparisons), st.heading), chart,
                               Spacer(1, 2 * mm),
                               table(rows, [full * 0.16] + [full * 0.28] * 3)]))
    trows = [[labels.figure] + months[-6:]]
    for metric in ("revenue", "deals", "new_customers", "visits", "topups"):
        trows.append([labels.metrics.get(metric, metric)]
                     + [value(metric, v) for v in tr.series[metric][-6:]])
    story.append(Spacer(1, 3 * mm))
    story.append(table(trows, [full * 0.16] + [full * 0.14] * 6))
    story.append(Spacer(1, 5 * mm))

    # 4. growth economics
    g = data.growth
    lv, prev, ch = g.levers, g.levers_previous, g.lever_changes
    rows = [[labels.levers, labels.this_month, labels.last_month, labels.change],
            [labels.paying, f"{lv.customers:,}", f"{prev.customers:,}",
             _pct(ch.customers, True)],
            [labels.ticket, money(m.money_average(lv.revenue, lv.purchases)),
             money(m.money_average(prev.revenue, prev.purchases)), _pct(ch.average_ticket, True)],
            [labels.frequency, "—" if lv.frequency is None else f"{float(lv.frequency):.2f}",
             "—" if prev.frequency is None else f"{float(prev.frequency):.2f}",
             _pct(ch.frequency, True)],
            [labels.revenue, money(lv.revenue), money(prev.revenue), _pct(ch.revenue, True)]]
    story.append(KeepTogether([Paragraph(escape(labels.growth), st.heading),
                               table(rows, [full * 0.34, full * 0.22, full * 0.22, full * 0.22]),
                               Spacer(1, 2 * mm),
                               P(f"{labels.repeat_rate}: {_pct(g.rates.repeat_rate)} · "
                                 f"{labels.referral_rate}: "
                                 f"{'—' if g.rates.referral_rate is None else f'{float(g.rates.referral_rate):.2f}'}",
                                 st.body)]))
    rows = [[labels.cohort, labels.new_customers, labels.first30, labels.first_year]]
    for c in g.cohorts[-7:]:
        rows.append([f"{c.month.year}-{c.month.month:02d}", f"{c.customers:,}",
                     money(c.per_customer_30) + ("" if c.complete_30 else f" {labels.incomplete}"),
                     money(c.per_customer_365)
                     + ("" if c.complete_365 else f" {labels.incomplete}")])
    story.append(Spacer(1, 3 * mm))
    story.append(table(rows, [full * 0.2, full * 0.2, full * 0.3, full * 0.3]))
    rows = [[labels.roles, labels.revenue, labels.margin, labels.margin_rate]]
    for x in g.roles:
        rows.append([labels.product_roles.get(x.role, x.role), money(x.revenue), money(x.margin),
                     _pct(x.margin_rate)])
    story.append(Spacer(1, 3 * mm))
    story.append(table(rows, [full * 0.25] * 4))

    def footer(canvas, doc) -> None:  # noqa: ANN001
        from opsdesk.reports.fonts import draw_text

        draw_text(canvas, font, A4[0] / 2, 10 * mm,
                  labels.page.replace("{page}", str(doc.page)), 8, align="centre", color=MUTED)

    target = str(out) if isinstance(out, Path) else out
    doc = SimpleDocTemplate(target, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm,
                            topMargin=15 * mm, bottomMargin=18 * mm, title=labels.title,
                            author=data.store_name)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
