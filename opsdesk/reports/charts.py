"""The dashboard's charts drawn with reportlab graphics (vector, no Qt, no window): the same
funnel, scatter and trend the screen shows, for the monthly report. Every text is passed in."""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, Rect, String
from reportlab.lib.colors import Color, HexColor
from reportlab.pdfbase.pdfmetrics import stringWidth

FUNNEL = ("#1e88e5", "#3949ab", "#5e35b1", "#8e24aa", "#d81b60", "#f4511e", "#fb8c00")
QUADRANT = {"model": "#2e7d32", "coach_skills": "#ef6c00", "more_visits": "#1565c0",
            "attitude": "#c62828", None: "#757575"}
INK = HexColor("#1f2328")
MUTED = HexColor("#57606a")
GRID = HexColor("#d0d7de")


def _s(x: float, y: float, text: str, font: str, size: float, colour: Color = INK,
       anchor: str = "start") -> String:
    return String(x, y, text, fontName=font, fontSize=size, fillColor=colour, textAnchor=anchor)


def funnel(layers: Sequence[tuple[str, int, str, str]], font: str, bold: str,
           width: float = 480, height: float = 230) -> Drawing:
    """``(name, count, rate from the layer above, rate from the top)`` per layer, top first."""
    d = Drawing(width, height)
    n = len(layers)
    if not n:
        return d
    top = max(c for _n, c, _r, _t in layers) or 1
    row = height / n
    left, mid, bar_max = 110, width * 0.5, width * 0.42
    ws = [max(c / top, 0.05) * bar_max for _n, c, _r, _t in layers]
    for i, (name, count, rate, from_top) in enumerate(layers):
        y = height - (i + 1) * row
        w = ws[i]
        below = ws[i + 1] if i + 1 < n else w * 0.9
        d.add(Polygon([mid - w / 2, y + row * 0.92, mid + w / 2, y + row * 0.92,
                       mid + below / 2, y + row * 0.08, mid - below / 2, y + row * 0.08],
                      fillColor=HexColor(FUNNEL[i % len(FUNNEL)]), strokeColor=None))
        cy = y + row / 2 - 3.5
        d.add(_s(4, cy, name, bold, 9.5))
        if w > 40:
            d.add(_s(mid, cy, f"{count:,}", bold, 10, HexColor("#ffffff"), "middle"))
        else:
            d.add(_s(mid + w / 2 + 4, cy, f"{count:,}", bold, 10))
        d.add(_s(width - 92, cy + 3, rate if i else "100%", font, 9.5))
        if i:
            d.add(_s(width - 92, cy - 7, from_top, font, 7.5, MUTED))
    del left
    return d


def scatter(points: Sequence[tuple[str, int, float, int, str | None]], median_x: float | None,
            median_y: float | None, x_title: str, y_title: str, corners: dict[str, str],
            font: str, bold: str, width: float = 480, height: float = 250) -> Drawing:
    """``(label, visits, conversion %, revenue, quadrant)`` per person."""
    d = Drawing(width, height)
    x0, y0, x1, y1 = 40, 30, width - 10, height - 16
    d.add(Rect(x0, y0, x1 - x0, y1 - y0, fillColor=None, strokeColor=GRID, strokeWidth=0.8))
    d.add(_s((x0 + x1) / 2, 4, x_title, font, 8.5, MUTED, "middle"))
    d.add(_s(x0, height - 10, y_title, font, 8.5, MUTED))
    if not points:
        return d
    max_x = max(p[1] for p in points) * 1.25 or 1
    max_y = min(max(max(p[2] for p in points), 10) * 1.2, 130)
    y0 += 12  # a band below 0 % holds the lower corner labels, clear of the points
    top_rev = max(max(p[3] for p in points), 1)

    def px(v: float) -> float:
        return x0 + (x1 - x0) * v / max_x

    def py(v: float) -> float:
        return y0 + (y1 - y0) * v / max_y

    for k in range(1, 5):  # light grid and tick labels
        vx, vy = max_x * k / 5, max_y * k / 5
        d.add(Line(px(vx), y0, px(vx), y1, strokeColor=GRID, strokeWidth=0.3))
        d.add(Line(x0, py(vy), x1, py(vy), strokeColor=GRID, strokeWidth=0.3))
        d.add(_s(px(vx), y0 - 10, f"{vx:.0f}", font, 7, MUTED, "middle"))
        d.add(_s(x0 - 3, py(vy) - 2.5, f"{vy:.0f}%", font, 7, MUTED, "end"))
    if median_x is not None:
        d.add(Line(px(median_x), y0, px(median_x), y1, strokeColor=MUTED, strokeWidth=0.8,
                   strokeDashArray=[3, 2]))
    if median_y is not None:
        d.add(Line(x0, py(median_y), x1, py(median_y), strokeColor=MUTED, strokeWidth=0.8,
                   strokeDashArray=[3, 2]))
    for name, x, y, rev, quad in points:
        r = 4 + 10 * (max(rev, 0) / top_rev) ** 0.5
        c = HexColor(QUADRANT.get(quad, "#757575"))
        d.add(Circle(px(x), py(y), r, fillColor=Color(c.red, c.green, c.blue, 0.75),
                     strokeColor=HexColor("#ffffff"), strokeWidth=0.8))
        d.add(_s(px(x) + r + 2, py(y) + r * 0.4, name, font, 8))
    for quad, (x, y, anchor) in {"more_visits": (x0 + 4, y1 - 11, "start"),
                                 "model": (x1 - 4, y1 - 11, "end"),
                                 "attitude": (x0 + 4, y0 - 10, "start"),
                                 "coach_skills": (x1 - 4, y0 - 10, "end")}.items():
        d.add(_s(x, y, corners.get(quad, ""), bold, 8.5, HexColor(QUADRANT[quad]), anchor))
    return d


def trend(months: Sequence[str], values: Sequence[float], line: tuple[Fraction, Fraction] | None,
          title: str, font: str, width: float = 480, height: float = 170) -> Drawing:
    d = Drawing(width, height)
    x0, y0, x1, y1 = 48, 18, width - 6, height - 16
    d.add(_s(x0, height - 10, title, font, 8.5, MUTED))
    n = len(values)
    if not n:
        return d
    lo = min(0.0, min(values))
    hi = max(max(values), 1.0) * 1.1
    step = (x1 - x0) / n

    def py(v: float) -> float:
        return y0 + (y1 - y0) * (v - lo) / (hi - lo)

    d.add(Line(x0, py(0), x1, py(0), strokeColor=GRID, strokeWidth=0.8))
    for k in range(1, 4):
        v = lo + (hi - lo) * k / 4
        d.add(Line(x0, py(v), x1, py(v), strokeColor=GRID, strokeWidth=0.3))
        d.add(_s(x0 - 3, py(v) - 2.5, f"{v:,.0f}", font, 7, MUTED, "end"))
    for i, v in enumerate(values):
        x = x0 + step * i + step * 0.2
        d.add(Rect(x, min(py(0), py(v)), step * 0.6, abs(py(v) - py(0)),
                   fillColor=HexColor("#64b5f6"), strokeColor=None))
        d.add(_s(x + step * 0.3, 5, months[i], font, 6.5, MUTED, "middle"))
    if line is not None:
        slope, icept = line
        ya, yb = float(icept), float(slope * (n - 1) + icept)
        d.add(Line(x0 + step * 0.5, py(ya), x0 + step * (n - 0.5), py(yb),
                   strokeColor=HexColor("#d81b60"), strokeWidth=1.6))
    return d


def text_width(text: str, font: str, size: float) -> float:
    return stringWidth(text, font, size)
