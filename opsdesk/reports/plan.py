"""The year's plan and the tracking view as a PDF (A4 landscape, Chinese through the embedded CJK
font of :mod:`opsdesk.reports.fonts`).

The caller hands over finished text: a title, a few lines under it, and sections, each a table
of strings with an optional status per cell (``"green"`` / ``"amber"`` / ``"red"``) that colours
the cell's background. The same :class:`PlanReport` feeds the ``.xlsx`` export, so both files
show the same figures.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from opsdesk.reports.styles import INK, RULE, escape, make_styles

STATUS_COLOURS = {"green": HexColor("#d7f0dc"), "amber": HexColor("#fff0c2"),
                  "red": HexColor("#f9d0d0")}
HEADER_BG = HexColor("#eef1f4")


@dataclass(frozen=True)
class Section:
    heading: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    # (row, column) -> status for coloured cells; rows counted without the header
    status: dict[tuple[int, int], str] = field(default_factory=dict)
    bold_rows: frozenset[int] = frozenset()
    numeric_from: int = 1  # columns from this one are right-aligned


@dataclass(frozen=True)
class PlanReport:
    title: str
    lines: tuple[str, ...]
    sections: tuple[Section, ...]
    footer: str = ""


def render_plan(report: PlanReport, out: str | Path | BinaryIO) -> None:
    s = make_styles(8.5)
    small = make_styles(7)  # a year of months: 14 columns across the page
    doc = SimpleDocTemplate(out if not isinstance(out, Path) else str(out),
                            pagesize=landscape(A4), leftMargin=12 * mm, rightMargin=12 * mm,
                            topMargin=12 * mm, bottomMargin=12 * mm, title=report.title,
                            author="OpsDesk")
    width = landscape(A4)[0] - 24 * mm
    story: list = [Paragraph(escape(report.title), s.title)]
    for line in report.lines:
        story.append(Paragraph(escape(line), s.small_centre))
    story.append(Spacer(1, 4 * mm))
    heading = ParagraphStyle("plan_heading", parent=s.heading, keepWithNext=1)
    for sec in report.sections:
        story.append(Paragraph(escape(sec.heading), heading))
        story.append(Spacer(1, 1.5 * mm))
        story.append(_table(sec, s if len(sec.headers) <= 10 else small, width))
        story.append(Spacer(1, 5 * mm))
    if report.footer:
        story.append(Paragraph(escape(report.footer), s.small))
    doc.build(story)


def _table(sec: Section, s, width: float) -> Table:  # noqa: ANN001
    def cell(text: str, col: int, header: bool = False, bold: bool = False) -> Paragraph:
        if header:
            style = s.body if col < sec.numeric_from else s.body_right
            return Paragraph(f"<b>{escape(text)}</b>", style)
        style = s.body if col < sec.numeric_from else s.body_right
        return Paragraph(f"<b>{escape(text)}</b>" if bold else escape(text), style)

    data = [[cell(h, c, header=True) for c, h in enumerate(sec.headers)]]
    for r, row in enumerate(sec.rows):
        data.append([cell(v, c, bold=r in sec.bold_rows) for c, v in enumerate(row)])
    n = max(1, len(sec.headers))
    first = (24 * mm if n > 10 else min(width * 0.22, 45 * mm)) if n > 2 else width / n
    rest = (width - first) / max(1, n - 1)
    t = Table(data, colWidths=[first] + [rest] * (n - 1), repeatRows=1)
    style: list[Sequence] = [
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, INK),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    for (r, c), status in sec.status.items():
        colour = STATUS_COLOURS.get(status)
        if colour is not None:
            style.append(("BACKGROUND", (c, r + 1), (c, r + 1), colour))
    t.setStyle(TableStyle(style))
    return t


def report_rows(report: PlanReport) -> list[list[str]]:
    """The report flattened for a spreadsheet: title lines, then each section's heading, header
    row and rows, a blank row between sections."""
    out: list[list[str]] = [[line] for line in report.lines]
    for sec in report.sections:
        out.append([])
        out.append([sec.heading])
        out.append(list(sec.headers))
        out.extend(list(r) for r in sec.rows)
    return out
