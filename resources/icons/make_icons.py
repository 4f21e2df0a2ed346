"""Render opsdesk.svg into the raster icons the builds need: opsdesk.png (256 px, window icon and
Linux) and opsdesk.ico (16-256 px, Windows executable and installer).

    python resources/icons/make_icons.py

Qt draws the SVG (QtSvg ships in PySide6-Essentials); Pillow packs the sizes into one .ico,
which Qt cannot do. Run it again after editing the SVG and commit the three files together.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)


def render(size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    svg = QSvgRenderer(str(HERE / "opsdesk.svg"))
    if not svg.isValid():
        raise SystemExit("opsdesk.svg could not be read")
    img = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(Qt.GlobalColor.transparent)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    svg.render(p)
    p.end()
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    img.save(buf, "PNG")
    return bytes(data)


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication(sys.argv[:1])  # noqa: F841 (QImage text and SVG need an instance)
    images = {s: Image.open(io.BytesIO(render(s))).convert("RGBA") for s in SIZES}
    images[256].save(HERE / "opsdesk.png", optimize=True)
    # Each size drawn by Qt at that size (sharper than Pillow's downscaling of the largest).
    images[256].save(HERE / "opsdesk.ico", format="ICO", sizes=[(s, s) for s in SIZES],
                     append_images=[images[s] for s in SIZES if s != 256])
    print(f"wrote {HERE / 'opsdesk.png'} and {HERE / 'opsdesk.ico'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
