"""Paragraph styles shared by every printed document, built on the registered CJK font.

``wordWrap="CJK"`` lets a line break between any two Chinese characters (there are no spaces to
break at) while keeping Latin words whole.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from opsdesk.reports.fonts import FontInfo, cjk_font

INK = HexColor("#1f2328")
MUTED = HexColor("#6e7781")
RULE = HexColor("#8c959f")


@dataclass(frozen=True)
class Styles:
    font: FontInfo
    title: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    body_right: ParagraphStyle
    small: ParagraphStyle
    small_right: ParagraphStyle
    small_centre: ParagraphStyle
    total: ParagraphStyle
    total_right: ParagraphStyle


def _style(name: str, font: str, size: float, *, align: int = TA_LEFT, leading: float = 1.3,
           color: Color = INK, space_after: float = 0) -> ParagraphStyle:
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=round(size * leading, 1),
                          alignment=align, textColor=color, wordWrap="CJK",
                          spaceAfter=space_after)


@lru_cache(maxsize=8)
def make_styles(base: float = 9, font: FontInfo | None = None) -> Styles:
    """Styles scaled from the body size ``base`` (points): 8-9 on a thermal roll, 10 on A4."""
    f = font or cjk_font()
    return Styles(
        font=f,
        title=_style("title", f.bold, base * 1.6, align=TA_CENTER, leading=1.25),
        heading=_style("heading", f.bold, base * 1.15),
        body=_style("body", f.regular, base),
        body_right=_style("body_right", f.regular, base, align=TA_RIGHT),
        small=_style("small", f.regular, base * 0.85, color=MUTED),
        small_right=_style("small_right", f.regular, base * 0.85, align=TA_RIGHT, color=MUTED),
        small_centre=_style("small_centre", f.regular, base * 0.85, align=TA_CENTER, color=MUTED),
        total=_style("total", f.bold, base * 1.35),
        total_right=_style("total_right", f.bold, base * 1.35, align=TA_RIGHT),
    )


def escape(text: str) -> str:
    """Paragraph text is a small XML dialect: a name like ``A&B <VIP>`` must not be parsed."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
