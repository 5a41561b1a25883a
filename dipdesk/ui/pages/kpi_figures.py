"""The KPI figures the dashboard and the national panel share: the indicators' names (long and short),
how a figure is written, and the reached-against-target bar chart."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCharts import QBarCategoryAxis, QBarSet, QChart, QChartView, QHorizontalBarSeries, QValueAxis
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QMargins, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QWidget,
)

from dipdesk.core.axes import integer_axis
from dipdesk.core.kpi import format_baht
from dipdesk.services import kpi
from dipdesk.ui import theme
from dipdesk.ui.widgets import format_number

KINDS = kpi.INDICATORS
MILLION = Decimal(1_000_000)
NAMES = {
    "persons": QT_TRANSLATE_NOOP("Dashboard", "Entrepreneurs developed (people)"),
    "enterprises": QT_TRANSLATE_NOOP("Dashboard", "Enterprises developed"),
    "products": QT_TRANSLATE_NOOP("Dashboard", "Products developed"),
    "groups": QT_TRANSLATE_NOOP("Dashboard", "Groups and clusters"),
    "economic_value": QT_TRANSLATE_NOOP("Dashboard", "Economic value created (million baht)"),
}
SHORT = {
    "persons": QT_TRANSLATE_NOOP("Dashboard", "Entrepreneurs"),
    "enterprises": QT_TRANSLATE_NOOP("Dashboard", "Enterprises"),
    "products": QT_TRANSLATE_NOOP("Dashboard", "Products"),
    "groups": QT_TRANSLATE_NOOP("Dashboard", "Groups"),
    "economic_value": QT_TRANSLATE_NOOP("Dashboard", "Value (million baht)"),
}
# The department's services by their own names (the shared labels are shorter, and "testing" there is a
# lab sample's state).
SERVICES = {
    "consulting": QT_TRANSLATE_NOOP("Dashboard", "Consulting and advice"),
    "training": QT_TRANSLATE_NOOP("Dashboard", "Training"),
    "incubation": QT_TRANSLATE_NOOP("Dashboard", "Business incubation"),
    "matching": QT_TRANSLATE_NOOP("Dashboard", "Business matching"),
    "testing": QT_TRANSLATE_NOOP("Dashboard", "Raw-material and product testing"),
    "production": QT_TRANSLATE_NOOP("Dashboard", "Production-system development"),
    "design": QT_TRANSLATE_NOOP("Dashboard", "Product and packaging design"),
    "exhibition": QT_TRANSLATE_NOOP("Dashboard", "Exhibitions and showrooms"),
}
REACHED = QT_TRANSLATE_NOOP("Dashboard", "Reached")
TARGET = QT_TRANSLATE_NOOP("Dashboard", "Target")
CHART_LABEL_CHARS = 26


def translate(text: str) -> str:
    return QCoreApplication.translate("Dashboard", text)


def _million(value: Decimal | int) -> str:
    return format_baht(Decimal(value) / MILLION)


def figure(indicator: str, value: Any) -> str:
    """A figure as the dashboard and the national panel show it (economic value in million baht)."""
    if value is None:
        return "–"
    return _million(Decimal(str(value))) if indicator == "economic_value" else format_number(int(value))


def chart_value(indicator: str, value: int | Decimal | None) -> float:
    if value is None:
        return 0.0
    return float(Decimal(value) / MILLION) if indicator == "economic_value" else float(value)


def _short(text: str) -> str:
    return text if len(text) <= CHART_LABEL_CHARS else text[: CHART_LABEL_CHARS - 1] + "…"


class BarChart(QChartView):
    """Reached against target, one pair of horizontal bars per line (service kind or program)."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart_ = QChart()
        self.setChart(self.chart_)
        self.title = title
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(300)
        self.chart_.setBackgroundVisible(False)
        self.chart_.setMargins(QMargins(4, 4, 4, 4))
        self.chart_.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.categories: list[str] = []

    def show_lines(
        self, lines: list[tuple[str, int | Decimal, int | Decimal | None]], indicator: str
    ) -> None:
        """`lines`: (label, reached, target) — drawn bottom to top in the order given."""
        chart = self.chart_
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        c = theme.colors(theme.current_theme())
        font = QFont(theme.UI_FONT, 9)
        title_font = QFont(theme.UI_FONT, 10)
        title_font.setBold(True)
        chart.setTitleFont(title_font)
        chart.setTitleBrush(QBrush(QColor(c["primaryTextColor"])))
        chart.setTitle(f"{self.title}: {translate(SHORT[indicator])}")
        chart.legend().setFont(font)
        chart.legend().setLabelColor(QColor(c["primaryTextColor"]))
        reached = QBarSet(translate(REACHED))
        target = QBarSet(translate(TARGET))
        reached.setColor(QColor(c["primaryColor"]))
        target.setColor(QColor("#b0bec5"))
        self.categories = []
        for label, got, goal in reversed(lines):
            self.categories.append(_short(label))
            reached.append(chart_value(indicator, got))
            target.append(chart_value(indicator, goal))
        series = QHorizontalBarSeries()
        series.append(target)
        series.append(reached)
        series.setBarWidth(0.8)
        chart.addSeries(series)
        y = QBarCategoryAxis()
        y.append(self.categories)
        y.setLabelsFont(font)
        y.setLabelsColor(QColor(c["primaryTextColor"]))
        x = QValueAxis()
        x.setLabelsFont(font)
        x.setLabelsColor(QColor(c["primaryTextColor"]))
        x.setLabelFormat("%.0f")
        top = max(
            [reached.at(i) for i in range(reached.count())]
            + [target.at(i) for i in range(target.count())]
            + [1]
        )
        upper, ticks = integer_axis(top)  # whole-number steps: "0 1 2", never "0 1 1 2" on empty data
        x.setRange(0, upper)
        x.setTickCount(ticks)
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(y)
        series.attachAxis(x)
        self.setMinimumHeight(max(260, 90 + 34 * len(lines)))
