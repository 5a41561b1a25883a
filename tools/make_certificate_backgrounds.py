"""Draw the two default certificate backgrounds (resources/images/certificate-*.png) with Qt.

    QT_QPA_PLATFORM=offscreen python tools/make_certificate_backgrounds.py

A4 landscape at 150 dpi: a double frame, a guilloche band, corner ornaments and a faint emblem (a
cog wheel with a rice sprig: industry and community), in deep blue and gold for the วุฒิบัตร and in
green and gold for the เกียรติบัตร. Nothing is downloaded; the department's own artwork can replace
these at any time (templates name their background by content hash).
"""

from __future__ import annotations

import math
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QImage, QPainter, QPainterPath, QPen, QPolygonF

ROOT = Path(__file__).resolve().parents[1]
DPI = 150
W_MM, H_MM = 297.0, 210.0
PX = DPI / 25.4

VARIANTS = {
    "certificate-completion.png": {"ink": "#1d2f6f", "gold": "#b8902f", "tint": "#f4eedb"},
    "certificate-participation.png": {"ink": "#1e5b46", "gold": "#b8902f", "tint": "#eef3e6"},
}


def mm(v: float) -> float:
    return v * PX


def frame(p: QPainter, inset: float, color: QColor, width_mm: float) -> None:
    pen = QPen(color, mm(width_mm))
    pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRect(QRectF(mm(inset), mm(inset), mm(W_MM - 2 * inset), mm(H_MM - 2 * inset)))


def guilloche_band(p: QPainter, outer: float, inner: float, color: QColor) -> None:
    """Interlaced sine waves running round the frame between two insets (in mm)."""
    mid = (outer + inner) / 2
    amp = (inner - outer) / 2 * 0.8
    pen = QPen(color, mm(0.18))
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    # perimeter of the mid rectangle, walked as a parameter t in mm
    x0, y0, x1, y1 = mid, mid, W_MM - mid, H_MM - mid
    sides = [((x0, y0), (x1, y0)), ((x1, y0), (x1, y1)), ((x1, y1), (x0, y1)), ((x0, y1), (x0, y0))]
    length = 2 * (x1 - x0) + 2 * (y1 - y0)
    waves = round(length / 6.0)
    period = length / waves
    for phase in (0.0, math.pi / 2, math.pi, 3 * math.pi / 2):
        points: list[QPointF] = []
        t_total = 0.0
        for (ax, ay), (bx, by) in sides:
            seg = math.hypot(bx - ax, by - ay)
            nx, ny = (by - ay) / seg, -(bx - ax) / seg  # outward normal (clockwise walk)
            steps = int(seg * 4)
            for i in range(steps + 1):
                u = i / steps
                t = t_total + u * seg
                off = amp * math.sin(2 * math.pi * t / period + phase)
                x = ax + (bx - ax) * u - nx * off
                y = ay + (by - ay) * u - ny * off
                points.append(QPointF(mm(x), mm(y)))
            t_total += seg
        # drawPolygon, not a QPainterPath built point by point (PySide6 6.12 crashes on that loop)
        p.drawPolygon(QPolygonF(points))


def corner(p: QPainter, cx: float, cy: float, sx: int, sy: int, ink: QColor, gold: QColor) -> None:
    """A corner ornament: a lozenge with petals, mirrored by (sx, sy)."""
    p.save()
    p.translate(mm(cx), mm(cy))
    p.scale(sx, sy)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QBrush(gold))
    diamond = QPainterPath()
    diamond.moveTo(0, mm(-5))
    diamond.lineTo(mm(5), 0)
    diamond.lineTo(0, mm(5))
    diamond.lineTo(mm(-5), 0)
    diamond.closeSubpath()
    p.drawPath(diamond)
    p.setBrush(QBrush(QColor("#ffffff")))
    p.drawEllipse(QPointF(0, 0), mm(1.6), mm(1.6))
    p.setBrush(QBrush(ink))
    p.drawEllipse(QPointF(0, 0), mm(0.9), mm(0.9))
    # two petals running along the frame
    pen = QPen(gold, mm(0.5))
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    for angle in (0, 90):
        p.save()
        p.rotate(angle)
        petal = QPainterPath()
        petal.moveTo(mm(6), 0)
        petal.cubicTo(mm(10), mm(-3.5), mm(16), mm(-3.5), mm(22), 0)
        petal.cubicTo(mm(16), mm(3.5), mm(10), mm(3.5), mm(6), 0)
        p.drawPath(petal)
        p.drawLine(QPointF(mm(22), 0), QPointF(mm(34), 0))
        p.restore()
    p.restore()


def emblem(p: QPainter, cx: float, cy: float, r: float, color: QColor) -> None:
    """A cog wheel around a rice sprig, as a watermark."""
    p.save()
    p.translate(mm(cx), mm(cy))
    teeth = 16
    outer, inner = mm(r), mm(r * 0.84)
    cog = QPainterPath()
    for i in range(teeth * 2):
        a0 = 2 * math.pi * i / (teeth * 2)
        a1 = 2 * math.pi * (i + 1) / (teeth * 2)
        rad = outer if i % 2 == 0 else inner
        if i == 0:
            cog.moveTo(rad * math.cos(a0), rad * math.sin(a0))
        else:
            cog.lineTo(rad * math.cos(a0), rad * math.sin(a0))
        cog.lineTo(rad * math.cos(a1), rad * math.sin(a1))
    cog.closeSubpath()
    hole = QPainterPath()
    hole.addEllipse(QPointF(0, 0), mm(r * 0.62), mm(r * 0.62))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QBrush(color))
    p.drawPath(cog.subtracted(hole))
    # rice sprig: a stem with grains
    pen = QPen(color, mm(r * 0.035))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    p.setPen(pen)
    stem = QPainterPath()
    stem.moveTo(0, mm(r * 0.5))
    stem.cubicTo(mm(r * 0.05), mm(r * 0.1), mm(r * 0.15), mm(-r * 0.2), mm(r * 0.32), mm(-r * 0.45))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPath(stem)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QBrush(color))
    for k in range(7):
        t = 0.25 + k * 0.1
        x = mm(r * (0.05 + 0.3 * t * t))
        y = mm(r * (0.5 - 1.0 * t))
        for side in (-1, 1):
            p.save()
            p.translate(x, y)
            p.rotate(-35 * side - 20)
            p.drawEllipse(QPointF(side * mm(r * 0.07), 0), mm(r * 0.07), mm(r * 0.03))
            p.restore()
    p.restore()


def draw(name: str, colors: dict[str, str]) -> QImage:
    w, h = round(mm(W_MM)), round(mm(H_MM))
    img = QImage(w, h, QImage.Format.Format_RGB32)
    img.setDotsPerMeterX(round(DPI / 0.0254))
    img.setDotsPerMeterY(round(DPI / 0.0254))
    img.fill(QColor("#ffffff"))
    ink, gold, tint = QColor(colors["ink"]), QColor(colors["gold"]), QColor(colors["tint"])
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    # a soft tinted band under the guilloche
    band = QPainterPath()
    band.addRect(QRectF(mm(8), mm(8), mm(W_MM - 16), mm(H_MM - 16)))
    hole = QPainterPath()
    hole.addRect(QRectF(mm(15), mm(15), mm(W_MM - 30), mm(H_MM - 30)))
    p.fillPath(band.subtracted(hole), QBrush(tint))
    frame(p, 6.5, ink, 1.2)
    frame(p, 8.0, gold, 0.45)
    guilloche_band(p, 8.6, 14.4, gold)
    frame(p, 15.0, gold, 0.45)
    frame(p, 16.2, ink, 0.25)
    for cx, cy, sx, sy in (
        (16.2, 16.2, 1, 1),
        (W_MM - 16.2, 16.2, -1, 1),
        (16.2, H_MM - 16.2, 1, -1),
        (W_MM - 16.2, H_MM - 16.2, -1, -1),
    ):
        corner(p, cx, cy, sx, sy, ink, gold)
    watermark = QColor(gold)
    watermark.setAlphaF(0.07)
    emblem(p, W_MM / 2, H_MM / 2 + 6, 52, watermark)
    p.end()
    return img


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv)
    out = ROOT / "resources" / "images"
    for name, colors in VARIANTS.items():
        img = draw(name, colors)
        if not img.save(str(out / name), "PNG"):
            print(f"could not write {name}", file=sys.stderr)
            return 1
        print(f"wrote {out / name} ({(out / name).stat().st_size:,} bytes)")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
