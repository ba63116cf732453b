"""The metrics dock's climate panel: a months × hours PUE heat map and each loop's hours by cooling mode."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from workbench.calc.annual_results import AnnualResult
from workbench.ui.docks.formatting import fmt_number

if TYPE_CHECKING:
    from workbench.ui.docks.metrics_plots import HeatMap

MODE_COLORS = {"free": "#3a9d5d", "partial": "#d9a21b", "mechanical": "#c8553d"}


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


class ClimatePanel(QWidget):
    """Shown with an hourly year; without one it says the PUE comes from the typed economizer hours."""

    def __init__(self) -> None:
        super().__init__()
        self.box = box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setProperty("role", "pue-note")
        box.addWidget(self.note)
        # Made with the first hourly year (below the note): without one it stays hidden, so the start-up
        # need not import pyqtgraph for it.
        self.heatmap: HeatMap | None = None
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
        if self.heatmap is not None:
            self.heatmap.set_labels(self.tr("Hour of day"), self.tr("Month"))
        self.modes_title.setText(self.tr("Hours by cooling mode: free · partial · mechanical"))
        self.set_annual(self.annual)

    def set_annual(self, annual: AnnualResult | None) -> None:
        self.annual = annual
        shown = annual is not None
        if shown and self.heatmap is None:
            from workbench.ui.docks.metrics_plots import HeatMap

            self.heatmap = HeatMap()
            self.heatmap.set_labels(self.tr("Hour of day"), self.tr("Month"))
            self.box.insertWidget(self.box.indexOf(self.note) + 1, self.heatmap)
        for w in (self.heatmap, self.scale, self.modes_title):
            if w is not None:
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
        assert self.heatmap is not None
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


__all__ = ["ClimatePanel", "ModeBar", "MODE_COLORS", "Qt"]
