"""Member cards: one CR80 card (85.6 x 54 mm) per page for a card printer, or ten to an A4 sheet
with crop marks for a shop that prints on card stock and cuts.

A card shows the shop name on a band coloured by the tier kind (bait: coral, regular: blue,
partner: black and gold), the member's name, the tier, the card number and a QR code that carries
the card number, which the search box understands when a scanner types it.

Error codes (``ValidationError``): ``card.none`` (nothing to print), ``card.layout_invalid``
(param ``layout``), ``card.tier_kind_invalid`` (param ``kind``), ``card.number_missing``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import BinaryIO

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.colors import Color, HexColor, white
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from opsdesk.domain.errors import ValidationError
from opsdesk.domain.tiers import TierKind
from opsdesk.reports.fonts import FontInfo, cjk_font, draw_text
from opsdesk.reports.styles import INK, MUTED

CARD_W = 85.6 * mm
CARD_H = 54 * mm
SAFE = 4.5 * mm  # card printers and cutters are not exact: text keeps this far from the edge
BAND_H = 17 * mm
QR_SIZE = 21 * mm

SHEET_COLS, SHEET_ROWS = 2, 5
SHEET_GAP_X = 6 * mm
# Rows touch so ten cards fit with margins wide enough for crop marks a printer can reach.
SHEET_GAP_Y = 0.0
CROP_LEN = 6 * mm
CROP_OFFSET = 2 * mm


@dataclass(frozen=True)
class Palette:
    band_from: Color
    band_to: Color
    accent: Color  # the tier pill and the thin stripe at the bottom
    on_band: Color
    on_accent: Color


PALETTES: dict[TierKind, Palette] = {
    TierKind.BAIT: Palette(HexColor("#e8590c"), HexColor("#f59f00"), HexColor("#e8590c"),
                           white, white),
    TierKind.REGULAR: Palette(HexColor("#1864ab"), HexColor("#1098ad"), HexColor("#1971c2"),
                              white, white),
    TierKind.PARTNER: Palette(HexColor("#15181c"), HexColor("#3a3f45"), HexColor("#c9a227"),
                              HexColor("#e9c96b"), HexColor("#15181c")),
}


@dataclass(frozen=True)
class CardLabels:
    card: str = "MEMBER CARD"
    valid_until: str = "Valid until {date}"


LABELS_ZH = CardLabels(card="会员卡 · MEMBER CARD", valid_until="有效期至 {date}")


@dataclass(frozen=True)
class CardData:
    shop_name: str
    member_name: str
    tier_name: str
    tier_kind: str  # a TierKind value: bait / regular / partner
    card_no: str  # "M000123"; the QR code carries it
    valid_until: date | None = None
    labels: CardLabels = field(default_factory=CardLabels)


def _palette(card: CardData) -> Palette:
    try:
        return PALETTES[TierKind(card.tier_kind)]
    except ValueError:
        raise ValidationError("card.tier_kind_invalid", field="tier_kind",
                              kind=str(card.tier_kind)[:20]) from None


def _fit(text: str, font: str, size: float, width: float, min_size: float) -> tuple[str, float]:
    """Shrink to fit ``width``; below ``min_size`` cut the text and end it with an ellipsis."""
    while size > min_size and stringWidth(text, font, size) > width:
        size -= 0.5
    if stringWidth(text, font, size) <= width:
        return text, size
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…", size


def _qr(canvas: Canvas, value: str, x: float, y: float, size: float) -> None:
    widget = QrCodeWidget(value, barLevel="M", barBorder=0)
    x0, y0, x1, y1 = widget.getBounds()
    d = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
    d.add(widget)
    renderPDF.draw(d, canvas, x, y)


def _draw_card(canvas: Canvas, card: CardData, font: FontInfo, x: float, y: float) -> None:
    """One card with its lower left corner at (x, y)."""
    pal = _palette(card)
    canvas.saveState()
    p = canvas.beginPath()
    p.rect(x, y, CARD_W, CARD_H)
    canvas.clipPath(p, stroke=0, fill=0)
    canvas.setFillColor(white)
    canvas.rect(x, y, CARD_W, CARD_H, stroke=0, fill=1)

    band_y = y + CARD_H - BAND_H
    canvas.saveState()
    b = canvas.beginPath()
    b.rect(x, band_y, CARD_W, BAND_H)
    canvas.clipPath(b, stroke=0, fill=0)
    canvas.linearGradient(x, band_y, x + CARD_W, band_y + BAND_H,
                          (pal.band_from, pal.band_to), extend=True)
    canvas.restoreState()
    # A sweep of lighter colour across the band: the look of a printed plastic card.
    canvas.saveState()
    canvas.setFillColor(white, alpha=0.08)
    canvas.circle(x + CARD_W * 0.92, band_y - 6 * mm, 26 * mm, stroke=0, fill=1)
    canvas.restoreState()

    inner = CARD_W - 2 * SAFE
    shop, size = _fit(card.shop_name, font.bold, 13, inner, 8)
    draw_text(canvas, font, x + SAFE, band_y + BAND_H - SAFE - size * 0.8, shop, size,
              bold=True, color=pal.on_band)
    draw_text(canvas, font, x + SAFE, band_y + 2.6 * mm, card.labels.card, 6.5, color=pal.on_band)

    # The QR sits bottom right inside the safe area, on white so a scanner sees a quiet zone.
    qr_x = x + CARD_W - SAFE - QR_SIZE
    qr_y = y + SAFE - 0.5 * mm
    _qr(canvas, card.card_no, qr_x, qr_y, QR_SIZE)

    left_w = qr_x - (x + SAFE) - 3 * mm
    name, nsize = _fit(card.member_name, font.bold, 15, left_w, 9)
    name_y = band_y - 4 * mm - nsize * 0.8
    draw_text(canvas, font, x + SAFE, name_y, name, nsize, bold=True, color=INK)

    tier, tsize = _fit(card.tier_name, font.regular, 7.5, left_w - 4 * mm, 6)
    pill_w = stringWidth(tier, font.regular, tsize) + 4 * mm
    pill_h = tsize + 2.4 * mm
    pill_y = name_y - 3 * mm - pill_h
    canvas.setFillColor(pal.accent)
    canvas.roundRect(x + SAFE, pill_y, pill_w, pill_h, pill_h / 2, stroke=0, fill=1)
    draw_text(canvas, font, x + SAFE + 2 * mm, pill_y + (pill_h - tsize * 0.72) / 2, tier, tsize,
              color=pal.on_accent)

    number_y = y + SAFE + (2.6 * mm if card.valid_until else 0)
    canvas.saveState()
    canvas.setFillColor(INK)
    canvas.setFont(font.regular, 11)
    canvas.drawString(x + SAFE, number_y, card.card_no, charSpace=1.2)
    canvas.restoreState()
    if card.valid_until:
        text = card.labels.valid_until.format(date=card.valid_until.isoformat())
        draw_text(canvas, font, x + SAFE, y + SAFE - 1.2 * mm, text, 6, color=MUTED)

    canvas.setFillColor(pal.accent)
    canvas.rect(x, y, CARD_W, 1.2 * mm, stroke=0, fill=1)
    canvas.restoreState()


def _crop_marks(canvas: Canvas, xs: list[float], ys: list[float], left: float, right: float,
                bottom: float, top: float) -> None:
    canvas.saveState()
    canvas.setLineWidth(0.3)
    canvas.setStrokeColor(MUTED)
    for cx in xs:
        canvas.line(cx, top + CROP_OFFSET, cx, top + CROP_OFFSET + CROP_LEN)
        canvas.line(cx, bottom - CROP_OFFSET, cx, bottom - CROP_OFFSET - CROP_LEN)
    for cy in ys:
        canvas.line(left - CROP_OFFSET, cy, left - CROP_OFFSET - CROP_LEN, cy)
        canvas.line(right + CROP_OFFSET, cy, right + CROP_OFFSET + CROP_LEN, cy)
    canvas.restoreState()


def render_member_cards(cards: list[CardData], out: str | Path | BinaryIO, *,
                        layout: str = "single") -> None:
    """``layout="single"``: one card-sized page per card. ``"a4_sheet"``: ten cards per A4 page
    with crop marks at every cut line."""
    if not cards:
        raise ValidationError("card.none", field="cards")
    if layout not in ("single", "a4_sheet"):
        raise ValidationError("card.layout_invalid", field="layout", layout=str(layout)[:20])
    for c in cards:
        _palette(c)
        if not c.card_no.strip():
            raise ValidationError("card.number_missing", field="card_no")
    font = cjk_font()
    target = str(out) if isinstance(out, Path) else out
    if layout == "single":
        canvas = Canvas(target, pagesize=(CARD_W, CARD_H))
        for c in cards:
            _draw_card(canvas, c, font, 0, 0)
            canvas.showPage()
    else:
        canvas = Canvas(target, pagesize=A4)
        grid_w = SHEET_COLS * CARD_W + (SHEET_COLS - 1) * SHEET_GAP_X
        grid_h = SHEET_ROWS * CARD_H + (SHEET_ROWS - 1) * SHEET_GAP_Y
        left = (A4[0] - grid_w) / 2
        bottom = (A4[1] - grid_h) / 2
        xs = sorted({left + col * (CARD_W + SHEET_GAP_X) + dx
                     for col in range(SHEET_COLS) for dx in (0, CARD_W)})
        ys = sorted({bottom + row * (CARD_H + SHEET_GAP_Y) + dy
                     for row in range(SHEET_ROWS) for dy in (0, CARD_H)})
        per_page = SHEET_COLS * SHEET_ROWS
        for start in range(0, len(cards), per_page):
            for i, c in enumerate(cards[start:start + per_page]):
                row, col = divmod(i, SHEET_COLS)
                x = left + col * (CARD_W + SHEET_GAP_X)
                y = bottom + grid_h - (row + 1) * CARD_H - row * SHEET_GAP_Y
                _draw_card(canvas, c, font, x, y)
            _crop_marks(canvas, xs, ys, left, left + grid_w, bottom, bottom + grid_h)
            canvas.showPage()
    canvas.setTitle(cards[0].shop_name)
    canvas.save()
