"""Regenerate the raster resources from their sources (developers only).

    python packaging/make_resources.py

- resources/tierslieu.svg (hand-written, the source) is copied into the package as
  src/tierslieu_desktop/ui/icons/app.svg (the window icon of an installed wheel);
- resources/tierslieu.png (256 px) and resources/tierslieu.ico (Windows executable and
  installer) are rendered from it;
- resources/demo-logo.png, the logo of the demo structure, is drawn here with QPainter
  and copied to src/tierslieu_desktop/resources/demo-logo.png for the demo generator.

The outputs are committed: building a wheel or an installer does not need this script.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
)
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "resources"
PKG = ROOT / "src" / "tierslieu_desktop"
APP_SVG = RESOURCES / "tierslieu.svg"

TEAL = QColor("#00796b")
ORANGE = QColor("#f0a830")
INK = QColor("#263238")

DEMO_NAME = ("Tiers-lieu numérique", "du Pays de Saint-Céré")


def render_svg(svg: Path, size: int) -> QImage:
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: invalid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def _fitted_font(text: str, family: str, bold: bool, px: int, width: float) -> QFont:
    font = QFont(family)
    font.setBold(bold)
    while px > 8:
        font.setPixelSize(px)
        if QFontMetricsF(font).horizontalAdvance(text) <= width:
            break
        px -= 1
    return font


def demo_logo(width: int = 400, height: int = 160) -> QImage:
    """Rolling hills under a sun (the Ségala and the Causses) beside the structure's name."""
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing)

    # The mark: a teal disc, an orange sun, two white hills.
    mark = QRectF(12, 20, 120, 120)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(TEAL)
    p.drawEllipse(mark)
    p.setBrush(ORANGE)
    p.drawEllipse(QPointF(mark.center().x() + 18, mark.top() + 44), 15, 15)
    clip = QPainterPath()
    clip.addEllipse(mark)
    p.setClipPath(clip)
    for dy, shade in ((0, QColor("#b2dfdb")), (18, QColor("#4db6ac"))):
        hill = QPainterPath(QPointF(mark.left(), mark.bottom()))
        hill.lineTo(mark.left(), mark.top() + 78 + dy)
        hill.cubicTo(
            QPointF(mark.left() + 35, mark.top() + 50 + dy),
            QPointF(mark.left() + 70, mark.top() + 95 + dy),
            QPointF(mark.right(), mark.top() + 64 + dy),
        )
        hill.lineTo(mark.right(), mark.bottom())
        hill.closeSubpath()
        p.setBrush(shade)
        p.drawPath(hill)
    p.setClipping(False)

    # The name, on two lines, and a thin orange rule.
    left, text_width = 148.0, width - 148.0 - 8
    first = _fitted_font(DEMO_NAME[0], "DejaVu Sans", True, 26, text_width)
    second = _fitted_font(DEMO_NAME[1], "DejaVu Sans", False, 24, text_width)
    p.setPen(INK)
    p.setFont(first)
    p.drawText(QPointF(left, 70), DEMO_NAME[0])
    rule = QPen(ORANGE, 3)
    rule.setCapStyle(Qt.PenCapStyle.RoundCap)
    p.setPen(rule)
    p.drawLine(QPointF(left + 1, 84), QPointF(left + 60, 84))
    p.setPen(TEAL)
    p.setFont(second)
    p.drawText(QPointF(left, 114), DEMO_NAME[1])
    p.end()
    return image


def save(image: QImage, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(path)):
        raise SystemExit(f"cannot write {path}")
    print(f"wrote {path.relative_to(ROOT)}")


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    shutil.copyfile(APP_SVG, PKG / "ui" / "icons" / "app.svg")
    print("wrote src/tierslieu_desktop/ui/icons/app.svg")
    save(render_svg(APP_SVG, 256), RESOURCES / "tierslieu.png")
    save(render_svg(APP_SVG, 256), RESOURCES / "tierslieu.ico")
    logo = demo_logo()
    save(logo, RESOURCES / "demo-logo.png")
    save(logo, PKG / "resources" / "demo-logo.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
