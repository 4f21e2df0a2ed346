"""A Chinese-capable font for every PDF OpsDesk prints.

The first TrueType font found is registered with reportlab, which embeds a subset of the glyphs a
document uses, so the PDF renders the same in every viewer and on every printer. Looked for, in
order:

1. ``resources/fonts/`` (a font shipped with the app, or dropped there by the shop);
2. Windows: Microsoft YaHei (``msyh.ttc`` with ``msyhbd.ttc`` for bold), then SimHei and SimSun;
3. Linux: WenQuanYi Micro Hei / Zen Hei (Debian ``fonts-wqy-microhei``), AR PL UMing, Droid;
4. macOS: Songti / STHeiti (TrueType collections).

Noto CJK and Source Han ``.otf``/``.ttc`` files hold PostScript (CFF) outlines, which reportlab's
TrueType reader refuses; such a file is skipped, not fatal. When nothing usable is found the
built-in CID font ``STSong-Light`` is used: it needs no file but is not embedded, so a viewer
without Chinese fonts shows blanks. :func:`cjk_font` says which one is in use so a caller can warn.

Registration is cached per candidate list: registering the same TTF again for every receipt would
re-parse a 5 MB collection each time.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.colors import black
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFError, TTFont

CID_FALLBACK = "STSong-Light"


@dataclass(frozen=True)
class FontInfo:
    """The fonts registered for a document. ``bold`` equals ``regular`` when the family has no
    bold face; :func:`draw_bold` then thickens the strokes instead."""

    regular: str
    bold: str
    path: str | None  # the TrueType file, None for the CID fallback
    embedded: bool
    has_real_bold: bool


@dataclass(frozen=True)
class Candidate:
    regular: Path
    bold: Path | None = None


def _resources_fonts() -> list[Path]:
    dirs: list[Path] = []
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        dirs.append(Path(frozen) / "resources" / "fonts")
    here = Path(__file__).resolve()
    dirs += [here.parents[2] / "resources" / "fonts", here.parents[1] / "resources" / "fonts"]
    return dirs


def default_candidates() -> list[Candidate]:
    found: list[Candidate] = []
    for d in _resources_fonts():
        if d.is_dir():
            for p in sorted(d.iterdir()):
                if p.suffix.lower() in (".ttf", ".ttc") and "bold" not in p.stem.lower():
                    bold = next((q for q in d.iterdir() if q.stem.lower() in
                                 (p.stem.lower() + "-bold", p.stem.lower() + "bd")), None)
                    found.append(Candidate(p, bold))
    windir = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
    found += [
        Candidate(windir / "msyh.ttc", windir / "msyhbd.ttc"),
        Candidate(windir / "msyh.ttf", windir / "msyhbd.ttf"),
        Candidate(windir / "simhei.ttf"),
        Candidate(windir / "simsun.ttc"),
    ]
    for base in (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"),
                 Path.home() / ".local/share/fonts"):
        found += [
            Candidate(base / "truetype/wqy/wqy-microhei.ttc"),
            Candidate(base / "truetype/wqy/wqy-zenhei.ttc"),
            Candidate(base / "truetype/arphic/uming.ttc"),
            Candidate(base / "truetype/droid/DroidSansFallbackFull.ttf"),
        ]
    found += [
        Candidate(Path("/System/Library/Fonts/STHeiti Light.ttc"),
                  Path("/System/Library/Fonts/STHeiti Medium.ttc")),
        Candidate(Path("/System/Library/Fonts/Supplemental/Songti.ttc")),
    ]
    return found


_lock = threading.Lock()
_cache: dict[tuple, FontInfo] = {}


def _name_for(path: Path) -> str:
    # One registered name per file, so two candidate lists never fight over a name.
    return "CJK-" + "".join(ch if ch.isalnum() else "_" for ch in path.stem)


def _register_ttf(path: Path) -> str | None:
    name = _name_for(path)
    try:
        pdfmetrics.getFont(name)
        return name
    except KeyError:
        pass
    try:
        font = TTFont(name, str(path), subfontIndex=0)
    except (TTFError, OSError, ValueError, KeyError, IndexError):
        return None  # CFF outlines, a damaged file, or no permission to read it
    # A font without Chinese glyphs would print boxes: ask for one common character.
    if ord("会") not in font.face.charToGlyph:
        return None
    pdfmetrics.registerFont(font)
    return name


def _resolve(candidates: Iterable[Candidate]) -> FontInfo:
    for c in candidates:
        if not c.regular.is_file():
            continue
        regular = _register_ttf(c.regular)
        if regular is None:
            continue
        bold = _register_ttf(c.bold) if c.bold is not None and c.bold.is_file() else None
        return FontInfo(regular, bold or regular, str(c.regular), True, bold is not None)
    try:
        pdfmetrics.getFont(CID_FALLBACK)
    except KeyError:
        pdfmetrics.registerFont(UnicodeCIDFont(CID_FALLBACK))
    return FontInfo(CID_FALLBACK, CID_FALLBACK, None, False, False)


def cjk_font(candidates: Sequence[Candidate | Path | str] | None = None) -> FontInfo:
    """Register (once) and return the font PDFs should use. ``candidates`` replaces the default
    search list, e.g. with a font the shop chose in the settings."""
    if candidates is None:
        cands = default_candidates()
    else:
        cands = [c if isinstance(c, Candidate) else Candidate(Path(c)) for c in candidates]
    key = tuple((str(c.regular), str(c.bold)) for c in cands)
    with _lock:
        info = _cache.get(key)
        if info is None:
            info = _cache[key] = _resolve(cands)
        return info


def draw_text(canvas, info: FontInfo, x: float, y: float, text: str, size: float, *,  # noqa: ANN001
              bold: bool = False, align: str = "left", color=black) -> float:  # noqa: ANN001
    """Draw one line at baseline ``y``; ``align`` left / right / centre around ``x``. Without a
    real bold face, bold text is filled and stroked so headings still stand out on a thermal
    printer. Returns the text width."""
    font = info.bold if bold else info.regular
    width = pdfmetrics.stringWidth(text, font, size)
    if align == "right":
        x -= width
    elif align == "centre":
        x -= width / 2
    canvas.saveState()
    canvas.setFont(font, size)
    canvas.setFillColor(color)
    canvas.setStrokeColor(color)
    mode = None
    if bold and not info.has_real_bold:
        mode = 2
        canvas.setLineWidth(size * 0.03)
    canvas.drawString(x, y, text, mode=mode)
    canvas.restoreState()
    return width
