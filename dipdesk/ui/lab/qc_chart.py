"""The Levey-Jennings control chart of a control material: the results in time order against the
target and ±1/2/3 SD lines, each point coloured by the Westgard rules it trips (pass, 1-2s warning,
rejection) with the rules written beside a rejected point. Painted with QPainter (no chart library)."""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from dipdesk.services.lab.worksheets import ChartPoint
from dipdesk.ui.widgets import format_date

COLOURS = {"pass": QColor("#1f6fb2"), "warn": QColor("#d98c00"), "fail": QColor("#c62828")}
SD_LINES = ((3, "#c62828"), (2, "#d98c00"), (1, "#9e9e9e"))


class LeveyJenningsChart(QWidget):
    """Paints ``ChartPoint``s (oldest first) against a target and SD."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.points: list[ChartPoint] = []
        self.target = 0.0
        self.sd = 1.0
        self.title = ""
        self.unit = ""
        self.setMinimumHeight(260)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(900, 360)

    def set_series(
        self, points: Sequence[ChartPoint], target: float, sd: float, title: str = "", unit: str = ""
    ) -> None:
        self.points, self.target, self.sd, self.title, self.unit = list(points), target, sd, title, unit
        self.update()

    def _y(self, z: float, top: float, height: float) -> float:
        z = max(-4.0, min(4.0, z))
        return top + height * (4.0 - z) / 8.0

    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        p.fillRect(self.rect(), pal.base())
        fm = p.fontMetrics()
        left = fm.horizontalAdvance("+3 SD  0.0000") + 16
        top = fm.height() * 2 + 8
        right = 24
        bottom = fm.height() * 2 + 12
        area = QRectF(left, top, max(10, self.width() - left - right), max(10, self.height() - top - bottom))
        p.setPen(pal.text().color())
        p.drawText(QRectF(8, 4, self.width() - 16, fm.height() + 4), Qt.AlignmentFlag.AlignLeft, self.title)
        # the centre line and the SD lines, labelled with their values
        for k in (0, 1, 2, 3, -1, -2, -3):
            colour = "#2e7d32" if k == 0 else dict(SD_LINES)[abs(k)]
            pen = QPen(QColor(colour), 1.4 if k == 0 else 1.0)
            if k and abs(k) < 3:
                pen.setStyle(Qt.PenStyle.DashLine)
            p.setPen(pen)
            y = self._y(k, area.top(), area.height())
            p.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
            value = self.target + k * self.sd
            label = ("x̄" if k == 0 else f"{k:+d} SD") + f"  {value:.4g}"
            p.setPen(pal.text().color())
            p.drawText(
                QRectF(4, y - fm.height() / 2, left - 10, fm.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                label,
            )
        if not self.points:
            p.drawText(area, Qt.AlignmentFlag.AlignCenter, self.tr("No control results yet"))
            p.end()
            return
        n = len(self.points)
        step = area.width() / max(1, n - 1) if n > 1 else 0.0
        xs = [area.left() + (i * step if n > 1 else area.width() / 2) for i in range(n)]
        ys = [self._y(pt.z, area.top(), area.height()) for pt in self.points]
        path = QPainterPath(QPointF(xs[0], ys[0]))
        for x, y in zip(xs[1:], ys[1:], strict=True):
            path.lineTo(QPointF(x, y))
        p.setPen(QPen(pal.text().color(), 1.0))
        p.drawPath(path)
        dates = [format_date(pt.measured_at) for pt in self.points]
        slot = max(fm.horizontalAdvance(d) for d in dates) + 16  # room a date label needs
        every = max(1, math.ceil(n * slot / max(1.0, area.width())))
        fails = 0
        last_right = -1e9
        for i, (pt, x, y) in enumerate(zip(self.points, xs, ys, strict=True)):
            colour = COLOURS.get(pt.outcome, COLOURS["pass"])
            p.setPen(QPen(colour.darker(130), 1.0))
            p.setBrush(colour)
            r = 5.0 if pt.outcome == "pass" else 6.5
            p.drawEllipse(QPointF(x, y), r, r)
            if pt.outcome == "fail":
                p.setPen(colour)
                rules = " ".join(rule for rule in pt.rules if rule != "1-2s")
                w = fm.horizontalAdvance(rules) + 4
                tx = min(max(area.left(), x - w / 2), area.right() - w)
                above = fails % 2 == 0 and y > area.top() + fm.height() + 8  # neighbours take turns
                ty = y - fm.height() - 8 if above else y + 8
                fails += 1
                p.drawText(QRectF(tx, ty, w, fm.height()), Qt.AlignmentFlag.AlignCenter, rules)
            if i % every == 0 or i == n - 1:
                p.setPen(pal.text().color())
                text = dates[i]
                w = fm.horizontalAdvance(text) + 4
                tx = min(max(0.0, x - w / 2), self.width() - w)
                if tx >= last_right + 4:  # the last date only where it does not run into the one before
                    p.drawText(
                        QRectF(tx, area.bottom() + 4, w, fm.height()), Qt.AlignmentFlag.AlignCenter, text
                    )
                    last_right = tx + w
        # legend
        lx = area.right() - 4
        for key, text in (
            ("fail", self.tr("Rejected (Westgard rule)")),
            ("warn", self.tr("Warning (1-2s)")),
            ("pass", self.tr("In control")),
        ):
            w = fm.horizontalAdvance(text)
            lx -= w + 24
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(COLOURS[key])
            p.drawEllipse(QPointF(lx + 6, top - fm.height() / 2 - 4), 5, 5)
            p.setPen(pal.text().color())
            p.drawText(
                QRectF(lx + 14, top - fm.height() - 6, w + 4, fm.height() + 2),
                Qt.AlignmentFlag.AlignLeft,
                text,
            )
        p.end()
