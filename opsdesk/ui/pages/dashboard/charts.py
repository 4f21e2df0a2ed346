"""pyqtgraph charts of the dashboard, fed with plain figures (no service calls here).

* :class:`FunnelChart` - centred horizontal bars, widest at the top, each with its name and count
  inside and its conversion from the layer above at the right.
* :class:`ScatterChart` - visits (x) against conversion (y) per person; point size by revenue,
  colour by quadrant, names beside the points, dashed median lines cutting four quadrants.
* :class:`TrendChart` - monthly bars with a least-squares trend line.
* :class:`CohortChart` - spend per new customer by cohort month: first 30 days (bars) and first
  year (line).

Every chart is a ``pg.PlotWidget``; :func:`export_png` saves what is on screen.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsPathItem, QWidget

FUNNEL_COLOURS = ("#1e88e5", "#3949ab", "#5e35b1", "#8e24aa", "#d81b60", "#f4511e", "#fb8c00")
QUADRANT_COLOURS = {"model": "#2e7d32", "coach_skills": "#ef6c00", "more_visits": "#1565c0",
                    "attitude": "#c62828", None: "#757575"}
INK = "#1f2328"
MUTED = "#57606a"


def _font(size: float, bold: bool = False) -> QFont:
    f = QFont()
    f.setPointSizeF(size)
    f.setBold(bold)
    return f


def _plot(background: str = "w") -> pg.PlotWidget:
    w = pg.PlotWidget(background=background)
    w.setMenuEnabled(False)
    w.setMouseEnabled(False, False)
    w.hideButtons()
    w.setMinimumHeight(260)
    return w


def _text(html: str, anchor: tuple[float, float], colour: str = INK, size: float = 9.5,
          bold: bool = False) -> pg.TextItem:
    t = pg.TextItem(anchor=anchor, color=colour)
    t.setText(html)
    t.setFont(_font(size, bold))
    return t


def export_png(widget: QWidget, path: str) -> bool:
    """Save the chart as it is shown (what the owner sees is what the file holds)."""
    return widget.grab().save(path, "PNG")


class _StillChart(pg.PlotWidget):
    """A chart to read, not to explore: white, no context menu, no panning or zooming."""

    def __init__(self) -> None:
        super().__init__(background="w")
        self.setMenuEnabled(False)
        self.setMouseEnabled(False, False)
        self.hideButtons()


class FunnelChart(_StillChart):
    def __init__(self) -> None:
        super().__init__()
        self.setMinimumHeight(200)
        self.hideAxis("left")
        self.hideAxis("bottom")
        self.labels: list[str] = []  # what the chart says, one line per layer (for tests)

    def show_layers(self, layers: Sequence[tuple[str, int, str, str]]) -> None:
        """``(name, count, rate text from the layer above, rate text from the top)`` per layer,
        top first."""
        self.clear()
        self.labels = []
        n = len(layers)
        if not n:
            return
        top = max(c for _n, c, _r, _t in layers) or 1
        widths = [max(c / top, 0.06) for _n, c, _r, _t in layers]
        for i, ((name, count, rate, from_top), w) in enumerate(zip(layers, widths, strict=True)):
            y = n - 1 - i
            below = widths[i + 1] if i + 1 < n else w * 0.9
            # a trapezoid from this layer's width down towards the next one's
            poly = QPolygonF([QPointF(-w / 2, y + 0.42), QPointF(w / 2, y + 0.42),
                              QPointF(max(below, 0.04) / 2, y - 0.42),
                              QPointF(-max(below, 0.04) / 2, y - 0.42)])
            path = QPainterPath()
            path.addPolygon(poly)
            item = QGraphicsPathItem(path)
            colour = QColor(FUNNEL_COLOURS[i % len(FUNNEL_COLOURS)])
            colour.setAlpha(210)
            item.setBrush(QBrush(colour))
            item.setPen(QPen(Qt.PenStyle.NoPen))
            self.addItem(item)
            # the layer's name at the left, its count on the bar, its conversion at the right
            left = _text(name, (0, 0.5), INK, 10, True)
            left.setPos(-1.12, y)
            self.addItem(left)
            num = _text(f"{count:,}", (0.5, 0.5), "#ffffff" if w > 0.16 else INK, 10.5, True)
            num.setPos(0 if w > 0.16 else w / 2 + 0.08, y)
            if w <= 0.16:
                num.setAnchor((0, 0.5))
            self.addItem(num)
            right = _text(rate if i else "100%", (0, 0.5), INK, 10)
            right.setPos(0.56, y + 0.1)
            self.addItem(right)
            if i:
                sub = _text(from_top, (0, 0.5), MUTED, 8.5)
                sub.setPos(0.56, y - 0.22)
                self.addItem(sub)
            self.labels.append(f"{name} {count} {rate if i else from_top}")
        self.setXRange(-1.14, 1.0, padding=0)
        self.setYRange(-0.6, n - 0.4, padding=0)


class ScatterChart(_StillChart):
    def __init__(self) -> None:
        super().__init__()
        self.setMinimumHeight(200)
        self.showGrid(x=True, y=True, alpha=0.15)
        self.names: list[str] = []

    def show_people(self, points: Sequence[tuple[str, int, float, int, str | None]],
                    median_x: float | None, median_y: float | None, x_title: str,
                    y_title: str, corner_texts: dict[str, str]) -> None:
        """``(label, visits, conversion in %, revenue, quadrant)`` per person."""
        self.clear()
        self.names = []
        for axis, title in (("bottom", x_title), ("left", y_title)):
            self.setLabel(axis, title)
            self.getAxis(axis).setTextPen(pg.mkPen(INK))
            self.getAxis(axis).label.setFont(_font(9.5))
        if not points:
            return
        top_rev = max(max(p[3] for p in points), 1)
        spots = []
        for _name, x, y, rev, quad in points:
            size = 12 + 30 * (max(rev, 0) / top_rev) ** 0.5
            colour = QColor(QUADRANT_COLOURS.get(quad, "#757575"))
            colour.setAlpha(190)
            spots.append({"pos": (x, y), "size": size, "brush": QBrush(colour),
                          "pen": pg.mkPen("w", width=1.5)})
        self.addItem(pg.ScatterPlotItem(spots=spots))
        max_x = max(p[1] for p in points) or 1
        max_y = max(max(p[2] for p in points), 10)
        for name, x, y, _rev, _quad in points:
            t = _text(name, (0, 1), INK, 9.5)
            t.setPos(x + max_x * 0.015, y + max_y * 0.015)
            self.addItem(t)
            self.names.append(name)
        pen = pg.mkPen("#8c959f", width=1.2, style=Qt.PenStyle.DashLine)
        if median_x is not None:
            self.addItem(pg.InfiniteLine(pos=median_x, angle=90, pen=pen))
        if median_y is not None:
            self.addItem(pg.InfiniteLine(pos=median_y, angle=0, pen=pen))
        x_hi, y_hi = max_x * 1.25, min(max_y * 1.2, 130)
        # a band below 0 % holds the lower corner labels, clear of the points
        y_lo = -y_hi * 0.12
        self.setXRange(0, x_hi, padding=0)
        self.setYRange(y_lo, y_hi, padding=0)
        corners = {"more_visits": ((0, 0), 0.01, 0.99), "model": ((1, 0), 0.99, 0.99),
                   "attitude": ((0, 1), 0.01, None), "coach_skills": ((1, 1), 0.99, None)}
        for quad, (anchor, fx, fy) in corners.items():
            t = _text(corner_texts.get(quad, ""), anchor, QUADRANT_COLOURS[quad], 9, True)
            t.setPos(x_hi * fx, y_lo * 0.1 if fy is None else y_hi * fy)
            self.addItem(t)


class TrendChart(_StillChart):
    def __init__(self) -> None:
        super().__init__()
        self.setMinimumHeight(180)
        self.showGrid(y=True, alpha=0.15)

    def show_series(self, months: Sequence[str], values: Sequence[float],
                    trend: tuple[Fraction, Fraction] | None, y_title: str) -> None:
        self.clear()
        xs = list(range(len(values)))
        self.addItem(pg.BarGraphItem(x=xs, height=list(values), width=0.6,
                                     brush=QColor("#64b5f6"), pen=pg.mkPen(None)))
        if trend is not None:
            slope, icept = trend
            self.plot(xs, [float(slope * x + icept) for x in xs],
                      pen=pg.mkPen("#d81b60", width=2.5))
        ax = self.getAxis("bottom")
        step = 1 if len(months) <= 13 else 2
        ax.setTicks([[(i, m) for i, m in enumerate(months) if i % step == 0]])
        ax.setTextPen(pg.mkPen(INK))
        self.getAxis("left").setTextPen(pg.mkPen(INK))
        self.setLabel("left", y_title)
        self.setXRange(-0.6, len(values) - 0.4, padding=0)
        hi = max([*values, 1])
        self.setYRange(min(0, min(values, default=0)), hi * 1.1, padding=0)


class CohortChart(_StillChart):
    def __init__(self) -> None:
        super().__init__()
        self.setMinimumHeight(180)
        self.showGrid(y=True, alpha=0.15)

    def show_cohorts(self, months: Sequence[str], first30: Sequence[float | None],
                     first_year: Sequence[float | None], y_title: str,
                     legend: tuple[str, str]) -> None:
        self.clear()
        if self.plotItem.legend is not None:
            self.plotItem.legend.clear()
        else:
            self.addLegend(offset=(10, 5), labelTextColor=INK)
        xs = list(range(len(months)))
        bars = pg.BarGraphItem(x=xs, height=[v or 0 for v in first30], width=0.6,
                               brush=QColor("#81c784"), pen=pg.mkPen(None), name=legend[0])
        self.addItem(bars)
        pts = [(x, v) for x, v in zip(xs, first_year, strict=True) if v is not None]
        if pts:
            self.plot([p[0] for p in pts], [p[1] for p in pts], pen=pg.mkPen("#6a1b9a", width=2.5),
                      symbol="o", symbolBrush="#6a1b9a", symbolSize=6, name=legend[1])
        ax = self.getAxis("bottom")
        ax.setTicks([[(i, m) for i, m in enumerate(months)]])
        ax.setTextPen(pg.mkPen(INK))
        self.getAxis("left").setTextPen(pg.mkPen(INK))
        self.setLabel("left", y_title)
        hi = max([v or 0 for v in [*first30, *first_year]] + [1])
        self.setXRange(-0.6, len(months) - 0.4, padding=0)
        self.setYRange(0, hi * 1.15, padding=0)
