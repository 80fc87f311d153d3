"""Charts for the supervisor's summary, drawn with reportlab.graphics so they are vectors in the PDF (sharp
when printed, and their labels are real text in the embedded Hangul face)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, String

from .fonts import REGULAR, register_fonts
from .formatting import short_date
from .layout import ACCENT, INK, MUTED, RULE


def _axis(value: int) -> tuple[int, int]:
    """A round top for the value axis and its tick step: the step is 1, 2 or 5 times a power of ten with at
    most six ticks, and the top the first tick at or above the tallest value (6 → 6 by 1, 7 → 8 by 2,
    23 → 25 by 5, 1,840 → 2,000 by 500): the bars fill the chart instead of stopping at 60 % of it."""
    if value <= 5:
        return 5, 1
    magnitude = 1
    while True:
        for factor in (1, 2, 5):
            step = factor * magnitude
            if -(-value // step) <= 6:
                return -(-value // step) * step, step
        magnitude *= 10


def _empty(width: float, height: float) -> Drawing:
    drawing = Drawing(width, height)
    drawing.add(
        String(
            width / 2,
            height / 2,
            "해당 기간에 접수된 민원이 없습니다",
            fontName=REGULAR,
            fontSize=9,
            fillColor=MUTED,
            textAnchor="middle",
        )
    )
    return drawing


def _style_counts(chart: VerticalBarChart | HorizontalBarChart, largest: int) -> None:
    """The value axis, grid, bars and bar labels every count chart of the summary shares."""
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax, chart.valueAxis.valueStep = _axis(largest)
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = 7.5
    chart.valueAxis.labelTextFormat = lambda v: f"{int(v):,}"
    chart.valueAxis.strokeColor = RULE
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = RULE
    chart.valueAxis.gridStrokeWidth = 0.25
    chart.bars[0].fillColor = ACCENT
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = lambda v: f"{int(v):,}"
    chart.barLabels.fontName = REGULAR
    chart.barLabels.fontSize = 7.5


def vertical_bars(rows: Sequence[tuple[str, int]], width: float, height: float) -> Drawing:
    register_fonts()
    if not any(count for _label, count in rows):
        return _empty(width, height)
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 34, 28
    chart.width, chart.height = width - 44, height - 40
    chart.data = [[count for _label, count in rows]]
    chart.categoryAxis.categoryNames = [label for label, _count in rows]
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.dy = -3
    chart.categoryAxis.strokeColor = RULE
    _style_counts(chart, max(count for _label, count in rows))
    chart.barLabels.fillColor = INK
    chart.barLabels.nudge = 6
    drawing.add(chart)
    return drawing


def horizontal_bars(
    rows: Sequence[tuple[str, int]], width: float, height: float, label_width: float = 88
) -> Drawing:
    register_fonts()
    if not any(count for _label, count in rows):
        return _empty(width, height)
    drawing = Drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = label_width, 18
    chart.width, chart.height = width - label_width - 30, height - 24
    # Bars run top-down in the order given, as a reader expects a ranked list to.
    chart.data = [[count for _label, count in reversed(rows)]]
    chart.categoryAxis.categoryNames = [label for label, _count in reversed(rows)]
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.dx = -4
    chart.categoryAxis.labels.textAnchor = "end"
    chart.categoryAxis.strokeColor = RULE
    _style_counts(chart, max(count for _label, count in rows))
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    return drawing


def daily_line(
    points: Sequence[tuple[date, int]],
    width: float,
    height: float,
    label: Callable[[date], str] = short_date,
) -> Drawing:
    register_fonts()
    if not any(count for _day, count in points):
        return _empty(width, height)
    drawing = Drawing(width, height)
    chart = HorizontalLineChart()
    chart.x, chart.y = 34, 28
    chart.width, chart.height = width - 44, height - 40
    chart.data = [[count for _day, count in points]]
    # Label about eight days along the axis however long the period, so the labels never collide.
    every = max(1, round(len(points) / 8))
    chart.categoryAxis.categoryNames = [label(day) if i % every == 0 else "" for i, (day, _c) in enumerate(points)]
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.dy = -3
    chart.categoryAxis.strokeColor = RULE
    chart.categoryAxis.tickDown = 2
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax, chart.valueAxis.valueStep = _axis(max(count for _day, count in points))
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = 7.5
    chart.valueAxis.labelTextFormat = lambda v: f"{int(v):,}"
    chart.valueAxis.strokeColor = RULE
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = RULE
    chart.valueAxis.gridStrokeWidth = 0.25
    chart.lines[0].strokeColor = ACCENT
    chart.lines[0].strokeWidth = 1.6
    drawing.add(chart)
    return drawing
