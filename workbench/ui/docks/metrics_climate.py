"""The metrics dock's climate panel: a months × hours PUE heat map and each loop's hours by cooling mode."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPaintEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from workbench.calc.annual_results import AnnualResult
from workbench.ui.docks.colors import muted_text, rule_color
from workbench.ui.docks.formatting import fmt_number

MODE_COLORS = {"free": "#3a9d5d", "partial": "#d9a21b", "mechanical": "#c8553d"}
# Low PUE cool blue to high PUE warm red: the map reads like a weather chart.
HEAT_STOPS = ([0.0, 0.5, 1.0], [(47, 111, 214), (240, 220, 130), (200, 60, 50)])


class ModeBar(QWidget):
    """One loop's year as a bar: free, partial and mechanical hours side by side."""

    def __init__(self) -> None:
        super().__init__()
        self.hours = (0, 0, 0)
        self.setMinimumHeight(12)
        self.setMaximumHeight(12)

    def set_hours(self, free: int, partial: int, mechanical: int) -> None:
        self.hours = (free, partial, mechanical)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        total = sum(self.hours)
        painter = QPainter(self)
        x = 0.0
        width = float(self.width())
        for hours, key in zip(self.hours, ("free", "partial", "mechanical")):
            w = width * hours / total if total else 0.0
            painter.fillRect(QRectF(x, 0, w, self.height()), QColor(MODE_COLORS[key]))
            x += w
        painter.end()


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


class ClimatePanel(QWidget):
    """Shown with an hourly year; without one it says the PUE comes from the typed economizer hours."""

    def __init__(self) -> None:
        super().__init__()
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setProperty("role", "pue-note")
        box.addWidget(self.note)
        self.heatmap = HeatMap()
        box.addWidget(self.heatmap)
        self.scale = QLabel()
        self.scale.setProperty("role", "key")
        box.addWidget(self.scale)
        self.modes_title = QLabel()
        self.modes_title.setProperty("role", "key")
        box.addWidget(self.modes_title)
        self.grid = QGridLayout()
        self.grid.setVerticalSpacing(2)
        box.addLayout(self.grid)
        self.rows: list[tuple[QLabel, ModeBar, QLabel]] = []
        self.annual: AnnualResult | None = None
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.heatmap.set_labels(self.tr("Hour of day"), self.tr("Month"))
        self.modes_title.setText(self.tr("Hours by cooling mode: free · partial · mechanical"))
        self.set_annual(self.annual)

    def set_annual(self, annual: AnnualResult | None) -> None:
        self.annual = annual
        shown = annual is not None
        for w in (self.heatmap, self.scale, self.modes_title):
            w.setVisible(shown)
        if annual is None:
            self.note.setText(self.tr("No weather file: the annual PUE uses the typed economizer hours, the less "
                                      "accurate path. Choose the site's weather in the inspector's Climate tab."))
            self._set_rows([])
            return
        self.note.setText(self.tr("{0}: annual PUE {1} (Σ facility / Σ IT over {2} hours), worst hour {3}, "
                                  "peak facility {4} kW").format(
            annual.site.get("location", ""), _pue(annual.pue), fmt_number(annual.hours), _pue(annual.worst_hour_pue),
            fmt_number(annual.peak_facility_kw)))
        self.heatmap.set_map(annual.pue_heatmap)
        low, high = self.heatmap.levels
        self.scale.setText(self.tr("Colour: PUE {0} (blue) to {1} (red)").format(f"{low:.3f}", f"{high:.3f}"))
        self._set_rows([lp for lp in annual.loops if lp.kind != "condenser"])

    def _set_rows(self, loops: list) -> None:  # type: ignore[type-arg]
        while len(self.rows) < len(loops):
            name, bar, text = QLabel(), ModeBar(), QLabel()
            text.setProperty("role", "key")
            text.setWordWrap(True)
            n = len(self.rows)
            self.grid.addWidget(name, 2 * n, 0)
            self.grid.addWidget(bar, 2 * n, 1)
            self.grid.addWidget(text, 2 * n + 1, 0, 1, 2)
            self.rows.append((name, bar, text))
        self.grid.setColumnStretch(1, 1)
        for i, (name, bar, text) in enumerate(self.rows):
            visible = i < len(loops)
            for w in (name, bar, text):
                w.setVisible(visible)
            if not visible:
                continue
            lp = loops[i]
            name.setText(lp.name)
            bar.set_hours(lp.hours_free, lp.hours_partial, lp.hours_mechanical)
            line = self.tr("{0} · {1} / {2} °C · free {3} h · partial {4} h · mechanical {5} h").format(
                lp.heat_rejection, f"{lp.supply_c:g}", f"{lp.return_c:g}", fmt_number(lp.hours_free),
                fmt_number(lp.hours_partial), fmt_number(lp.hours_mechanical))
            if lp.hours_unmet:
                line += " · " + self.tr("supply not held {0} h").format(fmt_number(lp.hours_unmet))
            text.setText(line)
            bar.setToolTip(line)


def _pue(v: float | None) -> str:
    return "—" if v is None else f"{v:.3f}"


__all__ = ["ClimatePanel", "HeatMap", "ModeBar", "MODE_COLORS", "Qt"]
