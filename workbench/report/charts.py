"""Vector charts for the report (reportlab.graphics): PUE against IT load, overhead breakdown, CAPEX by category."""

from __future__ import annotations

import math
from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Circle, Drawing, Line, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors

from reportlab.pdfbase.pdfmetrics import stringWidth

from workbench.report.fonts import LATIN, text_runs
from workbench.report.formatting import Formatter
from workbench.report.styles import ACCENT, INK, MUTED, RULE


def _text(d: Drawing, x: float, y: float, text: str, size: float, colour: colors.Color = INK,
          anchor: str = "start", bold: bool = False) -> None:
    """Add text as one String per font run, so Latin and CJK characters each get a font that has them."""
    runs = text_runs(text, bold)
    width = sum(stringWidth(run, font, size) for font, run in runs)
    x -= width / 2 if anchor == "middle" else width if anchor == "end" else 0
    for font, run in runs:
        d.add(String(x, y, run, fontName=font, fontSize=size, fillColor=colour))
        x += stringWidth(run, font, size)


def _nice_step(span: float) -> float:
    if not span > 0 or not math.isfinite(span):
        return 0.05
    exp = math.floor(math.log10(span))
    for m in (1, 2, 2.5, 5, 10):
        if m * 10**exp >= span:
            return float(m * 10**exp)
    return float(10 ** (exp + 1))


def _title(d: Drawing, text: str, height: float) -> None:
    _text(d, 0, height - 11, text, 9, INK, bold=True)


def pue_curve_chart(curve: Sequence[tuple[float, float]], point: tuple[float, float] | None, fmt: Formatter,
                    width: float, height: float = 190) -> Drawing:
    """PUE at 10 %..100 % IT load with the operating point marked."""
    t = fmt.lang.t
    d = Drawing(width, height, initialFontName=LATIN, initialFontSize=8)
    _title(d, t("chart.pue_curve"), height)
    lp = LinePlot()
    lp.x, lp.y = 46, 34
    lp.width, lp.height = width - 62, height - 62
    data = [(f * 100.0, p) for f, p in curve] or [(0.0, 1.0), (100.0, 1.0)]
    lp.data = [data]
    lp.lines[0].strokeColor = ACCENT
    lp.lines[0].strokeWidth = 1.6
    lp.lines[0].symbol = makeMarker("FilledCircle", size=3.2, fillColor=ACCENT, strokeColor=ACCENT)
    ys = [p for _, p in data if math.isfinite(p)] or [1.0]
    lo, hi = max(1.0, min(ys) - 0.02), max(ys) + 0.02
    step = _nice_step((hi - lo) / 6)  # about six gridlines whatever the range
    lo = step * math.floor(lo / step)
    top = step * math.ceil(hi / step)
    lp.xValueAxis.valueMin, lp.xValueAxis.valueMax, lp.xValueAxis.valueStep = 0, 100, 10
    lp.yValueAxis.valueMin, lp.yValueAxis.valueMax, lp.yValueAxis.valueStep = lo, top, step
    for axis in (lp.xValueAxis, lp.yValueAxis):
        axis.labels.fontName = LATIN
        axis.labels.fontSize = 7
        axis.labels.fillColor = MUTED
        axis.strokeColor = RULE
    lp.xValueAxis.labelTextFormat = lambda v: fmt.num(v, 0) + "%"
    lp.yValueAxis.labelTextFormat = lambda v: fmt.num(v, 2 if step < 0.1 else 1 if step < 1 else 0)
    lp.xValueAxis.tickDown = 2
    lp.yValueAxis.tickLeft = 2
    lp.yValueAxis.visibleGrid = True
    lp.yValueAxis.gridStrokeColor = colors.HexColor("#e3e7eb")
    lp.yValueAxis.gridStrokeWidth = 0.4
    d.add(lp)
    if point is not None:
        (x, y) = point
        ymin, ymax = lp.yValueAxis.valueMin, lp.yValueAxis.valueMax
        px = lp.x + lp.width * x * 100.0 / 100.0
        py = lp.y + lp.height * (y - ymin) / (ymax - ymin) if ymax > ymin else lp.y
        d.add(Line(px, lp.y, px, py, strokeColor=colors.HexColor("#d08a2c"), strokeWidth=0.8,
                   strokeDashArray=[2, 2]))
        d.add(Circle(px, py, 3.6, fillColor=colors.HexColor("#d08a2c"), strokeColor=colors.white,
                     strokeWidth=0.8))
        label = t("chart.operating_point", load=fmt.pct(x), pue=fmt.pue(y))
        anchor = "end" if x > 0.6 else "start"
        _text(d, px + (-6 if anchor == "end" else 6), py + 6, label, 7, INK, anchor)
    xl = t("chart.it_load_axis")
    _text(d, lp.x + lp.width / 2, 6, xl, 7.5, MUTED, "middle")
    yl = t("chart.pue_axis")
    _text(d, 4, lp.y + lp.height + 8, yl, 7.5, MUTED)
    return d


def bar_chart(title: str, items: Sequence[tuple[str, float, str]], width: float,
              colour: colors.Color = ACCENT, row_pt: float = 19) -> Drawing:
    """Horizontal bars, each (label, value, value as formatted text written at the bar's end)."""
    rows = max(len(items), 1)
    height = 38 + rows * row_pt
    d = Drawing(width, height, initialFontName=LATIN, initialFontSize=8)
    _title(d, title, height)
    labels = [lab for lab, _, _ in items] or ["—"]
    values = [max(v, 0.0) for _, v, _ in items] or [0.0]
    texts = [txt for _, _, txt in items] or [""]
    label_w = 118
    bc = HorizontalBarChart()
    bc.x, bc.y = label_w, 18
    bc.width, bc.height = width - label_w - 70, rows * row_pt
    bc.data = [list(reversed(values))]
    bc.bars[0].fillColor = colour
    bc.bars[0].strokeColor = None
    bc.barWidth = 10
    bc.groupSpacing = 8
    vmax = max(values) or 1.0
    bc.valueAxis.valueMin = 0
    bc.valueAxis.valueMax = vmax * 1.02
    bc.valueAxis.visible = False
    bc.valueAxis.visibleLabels = False
    bc.categoryAxis.categoryNames = [""] * len(labels)
    bc.categoryAxis.strokeColor = RULE
    bc.categoryAxis.labels.fontName = LATIN
    bc.valueAxis.labels.fontName = LATIN
    bc.categoryAxis.visibleTicks = False
    d.add(bc)
    step = bc.height / rows
    for i, (lab, val, text) in enumerate(zip(labels, values, texts)):
        yc = bc.y + bc.height - (i + 0.5) * step
        _text(d, label_w - 6, yc - 2.5, lab, 7.5, INK, "end")
        xv = bc.x + bc.width * val / (vmax * 1.02) + 4
        _text(d, xv, yc - 2.5, text, 7.2, MUTED)
    return d
