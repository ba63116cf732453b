"""The metrics dock's pyqtgraph plots (PUE curve, PUE heat map): imported when a plot is first shown, as
pyqtgraph's import costs ~0.25 s of every start."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QRectF, Qt
from PySide6.QtGui import QPalette

from workbench.ui.docks.colors import muted_text, rule_color

# Low PUE cool blue to high PUE warm red: the map reads like a weather chart.
HEAT_STOPS = ([0.0, 0.5, 1.0], [(47, 111, 214), (240, 220, 130), (200, 60, 50)])


class ThousandsAxis(pg.AxisItem):
    """Tick labels with thousands separators (2,000 not 2000)."""

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        decimals = 0 if spacing >= 1 else 2 if spacing >= 0.01 else 3
        return [f"{v * scale:,.{decimals}f}" for v in values]


class PueChart(pg.PlotWidget):
    """PUE against IT load with the operating point; items are made once and only get setData."""

    def __init__(self) -> None:
        super().__init__(axisItems={"bottom": ThousandsAxis("bottom"), "left": ThousandsAxis("left")})
        self.setMinimumHeight(170)
        self.setMaximumHeight(220)
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        plot = self.getPlotItem()
        plot.showGrid(x=True, y=True, alpha=0.25)
        self.curve = pg.PlotDataItem(pen=pg.mkPen("#2f6fd6", width=2), antialias=True)
        self.point = pg.ScatterPlotItem(size=10, brush=pg.mkBrush("#e07b1a"))
        self.design = pg.ScatterPlotItem(size=7)
        self.marker = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen("#e07b1a", width=1, style=Qt.PenStyle.DashLine))
        for item in (self.curve, self.marker, self.design, self.point):
            plot.addItem(item)
        self.apply_palette()

    def apply_palette(self) -> None:
        """Background, axes and marker rims from the application palette (light or dark theme)."""
        palette = self.palette()
        base = palette.color(QPalette.ColorRole.Base)
        self.setBackground(base)
        plot = self.getPlotItem()
        for name in ("left", "bottom"):
            axis = plot.getAxis(name)
            axis.setPen(pg.mkPen(rule_color(palette)))
            axis.setTextPen(pg.mkPen(muted_text(palette)))
        self.point.setPen(pg.mkPen(base, width=1.5))
        self.design.setPen(pg.mkPen("#2f6fd6", width=1.5))
        self.design.setBrush(pg.mkBrush(base))

    def changeEvent(self, event: QEvent) -> None:
        # pyqtgraph changes roles while it builds the plot: only a finished chart restyles.
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange) and hasattr(self, "design"):
            self.apply_palette()
        super().changeEvent(event)

    def set_axis_labels(self, x_label: str, y_label: str) -> None:
        plot = self.getPlotItem()
        plot.setLabel("bottom", x_label)
        plot.setLabel("left", y_label)

    def set_curve(self, xs: list[float], ys: list[float], operating: tuple[float, float] | None,
                  design: tuple[float, float] | None) -> None:
        self.curve.setData(xs, ys)
        if operating is None:
            self.point.setData([], [])
            self.marker.hide()
        else:
            self.point.setData([operating[0]], [operating[1]])
            self.marker.setPos(operating[0])
            self.marker.show()
        self.design.setData([design[0]] if design else [], [design[1]] if design else [])
        if ys:
            low, high = min(ys), max(ys)
            pad = max(0.02, (high - low) * 0.08)
            self.getPlotItem().setYRange(max(1.0, low - pad), high + pad, padding=0)
            self.getPlotItem().setXRange(0, max(xs) * 1.02, padding=0)


class HeatMap(pg.PlotWidget):
    """PUE by month (rows) and hour of day (columns), a ratio of sums in each cell."""

    def __init__(self) -> None:
        super().__init__()
        self.setMinimumHeight(190)
        self.setMaximumHeight(230)
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        self.image = pg.ImageItem()
        self.image.setLookupTable(pg.ColorMap(*HEAT_STOPS).getLookupTable(nPts=256))
        plot = self.getPlotItem()
        plot.addItem(self.image)
        plot.invertY(True)
        plot.getAxis("left").setTicks([[(m + 0.5, str(m + 1)) for m in range(12)]])
        plot.getAxis("bottom").setTicks([[(h + 0.5, str(h)) for h in range(0, 24, 3)]])
        plot.setXRange(0, 24, padding=0)
        plot.setYRange(0, 12, padding=0)
        self.levels = (1.0, 1.0)
        self.apply_palette()

    def apply_palette(self) -> None:
        palette = self.palette()
        self.setBackground(palette.color(QPalette.ColorRole.Base))
        for name in ("left", "bottom"):
            axis = self.getPlotItem().getAxis(name)
            axis.setPen(pg.mkPen(rule_color(palette)))
            axis.setTextPen(pg.mkPen(muted_text(palette)))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange) and hasattr(self, "image"):
            self.apply_palette()
        super().changeEvent(event)

    def set_labels(self, x_label: str, y_label: str) -> None:
        self.getPlotItem().setLabel("bottom", x_label)
        self.getPlotItem().setLabel("left", y_label)

    def set_map(self, rows: tuple[tuple[float | None, ...], ...]) -> None:
        grid = np.asarray([[np.nan if v is None else v for v in r] for r in rows], dtype=float)
        finite = grid[np.isfinite(grid)]
        low, high = (float(finite.min()), float(finite.max())) if finite.size else (1.0, 1.0)
        if high - low < 1e-6:
            high = low + 1e-3
        self.levels = (low, high)
        # ImageItem indexes [x, y]: hours across, months down.
        self.image.setImage(np.nan_to_num(grid, nan=low).T, levels=self.levels, autoLevels=False)
        self.image.setRect(QRectF(0, 0, 24, 12))
