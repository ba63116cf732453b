"""The metrics dock: IT load, PUE, capacity under redundancy, overhead and cost, redrawn on results_ready."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QPaintEvent, QPalette, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QScrollArea,
    QSlider,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workbench.calc.results import Results
from workbench.calc.sections import CoolingGroup, PowerSystem
from workbench.ui.docks.base import WorkbenchDock
from workbench.ui.docks.colors import CATEGORY_COLORS, card_color, muted_text, rule_color, text_color
from workbench.ui.docks.formatting import fmt_money, fmt_number
from workbench.ui.docks.lazy_tabs import scroll
from workbench.ui.docks.metrics_climate import ClimatePanel
from workbench.ui.docks.metrics_widgets import CapacityPanel, CapacityRow, OverheadChart
from workbench.calc.money import BASE_CURRENCY, convert, display_fx
from workbench.calc.project_capex import project_capex
from workbench.ui.document import Document

if TYPE_CHECKING:
    from workbench.ui.docks.metrics_plots import PueChart



def tile_style(palette: QPalette) -> str:
    """Cards, headings and key figures in the palette's colours, so the dark theme gets dark cards."""
    text, muted, rule = text_color(palette).name(), muted_text(palette).name(), rule_color(palette).name()
    return f"""
QFrame[role="tile"] {{ background: {card_color(palette).name()}; border: 1px solid {rule}; border-radius: 6px; }}
QLabel[role="tile-title"] {{ color: {muted}; font-size: 8.5pt; }}
QLabel[role="tile-value"] {{ font-size: 15pt; font-weight: 600; color: {text}; }}
QLabel[role="tile-value"][incomplete="true"] {{ color: {muted}; font-style: italic; }}
QLabel[role="pue-note"] {{ color: {muted}; }}
QLabel[role="section"] {{ font-weight: 600; color: {text}; padding-top: 10px; border-bottom: 1px solid {rule}; }}
QLabel[role="key"] {{ color: {muted}; }}
QLabel[role="value"] {{ font-weight: 600; color: {text}; }}
"""


def _tile() -> tuple[QFrame, QLabel, QLabel]:
    frame = QFrame()
    frame.setProperty("role", "tile")
    box = QVBoxLayout(frame)
    box.setContentsMargins(8, 5, 8, 6)
    box.setSpacing(0)
    title, value = QLabel(), QLabel()
    title.setProperty("role", "tile-title")
    value.setProperty("role", "tile-value")
    box.addWidget(title)
    box.addWidget(value)
    return frame, title, value


class _WheelToScrollArea(QObject):
    """Hands wheel events from child widgets that would swallow them (pyqtgraph views) to a scroll area."""

    def __init__(self, area: QScrollArea, parent: QObject) -> None:
        super().__init__(parent)
        self.area = area

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.Wheel and isinstance(event, QWheelEvent):
            bar = self.area.verticalScrollBar()
            steps = event.angleDelta().y() / 120.0
            bar.setValue(bar.value() - round(steps * bar.singleStep() * QApplication.wheelScrollLines()))
            event.accept()
            return True
        return False


class _ChartSlot(QWidget):
    """Holds the PUE chart's place; its first paint (it is on screen) asks for the chart to be made."""

    def __init__(self, make: Callable[[], object]) -> None:
        super().__init__()
        self.make = make
        self.setMinimumHeight(170)  # the chart's own height limits, so nothing moves when it arrives
        self.setMaximumHeight(220)
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(0, 0, 0, 0)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt API)
        if self.box.count() == 0:
            QTimer.singleShot(0, self, self.make)  # not from inside a paint: making it adds a child widget
        super().paintEvent(event)


class MetricsDock(WorkbenchDock):
    """Only cheap work in the results handler: label texts, one repaint per panel, setData on the chart."""

    SUMMARY_KEYS = ("racks", "blocks", "white_space", "density", "per_rack", "energy", "energy_cost", "capex",
                    "capex_equipment", "cost_per_mw")

    def __init__(self, main_window: QMainWindow, document: Document) -> None:
        super().__init__("MetricsDock", main_window, document)
        body = QWidget()
        self.styled(body, tile_style)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(4)
        tiles = QGridLayout()
        tiles.setSpacing(6)
        self.tiles: dict[str, tuple[QLabel, QLabel]] = {}
        self.tile_frames: list[QFrame] = []
        self.tile_grid = tiles
        self.tile_columns = 0
        for n, key in enumerate(("it_load", "pue", "pue_peak", "pue_at_load")):
            frame, title, value = _tile()
            tiles.addWidget(frame, n // 2, n % 2)
            self.tiles[key] = (title, value)
            self.tile_frames.append(frame)
        layout.addLayout(tiles)
        # Why the PUE is incomplete (racks without power or cooling, no heat rejection); hidden when complete.
        self.pue_note = QLabel()
        self.pue_note.setProperty("role", "pue-note")
        self.pue_note.setWordWrap(True)
        self.pue_note.hide()
        layout.addWidget(self.pue_note)
        # Utilisation: moves the operating point on the chart and the "PUE at" tile.
        self.load_label = QLabel()
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(10, 100)
        self.spin = QSpinBox()
        self.spin.setRange(10, 100)
        self.spin.setSuffix(" %")
        self.reset_button = QToolButton()
        self.slider.valueChanged.connect(self._on_load_changed)
        self.spin.valueChanged.connect(self._on_load_changed)
        self.reset_button.clicked.connect(self._on_reset_load)
        row = QHBoxLayout()
        row.addWidget(self.load_label)
        row.addWidget(self.slider, 1)
        row.addWidget(self.spin)
        row.addWidget(self.reset_button)
        self.sections: dict[str, QLabel] = {}
        layout.addWidget(self._section("capacity"))
        self.capacity = CapacityPanel()
        layout.addWidget(self.capacity)
        layout.addWidget(self._section("pue"))
        # The chart (pyqtgraph, ~0.25 s to import) is made when first shown or asked for: see `chart`.
        self._chart: PueChart | None = None
        self._chart_data: tuple[list[float], list[float], tuple[float, float] | None,
                                tuple[float, float] | None] | None = None
        self.chart_slot = _ChartSlot(lambda: self.chart)
        layout.addWidget(self.chart_slot)
        layout.addLayout(row)
        layout.addWidget(self._section("overhead"))
        self.overhead = OverheadChart()
        layout.addWidget(self.overhead)
        layout.addWidget(self._section("climate"))
        self.climate = ClimatePanel()  # ui/docks/metrics_climate.py: heat map and hours by mode
        layout.addWidget(self.climate)
        layout.addWidget(self._section("summary"))
        grid = QGridLayout()
        grid.setContentsMargins(4, 2, 4, 2)
        grid.setVerticalSpacing(3)
        self.summary: dict[str, tuple[QLabel, QLabel]] = {}
        for n, key in enumerate(self.SUMMARY_KEYS):
            k, v = QLabel(), QLabel()
            k.setProperty("role", "key")
            v.setProperty("role", "value")
            v.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            v.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(k, n, 0)
            grid.addWidget(v, n, 1)
            self.summary[key] = (k, v)
        self.summary["capex_equipment"][0].setIndent(12)  # a part of the project total above it
        grid.setColumnStretch(0, 1)
        layout.addLayout(grid)
        layout.addStretch(1)
        area = scroll(body)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(area)
        # The chart does not zoom or pan: a wheel turn over it scrolls the dock like anywhere else in it.
        self._wheel_to_dock = _WheelToScrollArea(area, self)
        self.overhead.installEventFilter(self._wheel_to_dock)
        self.results: Results | None = document.results
        document.results_ready.connect(self._on_results_ready)
        self.retranslate_ui()

    @property
    def chart(self) -> PueChart:
        """The PUE chart, made on first use with the axis labels and the curve it has missed."""
        if self._chart is None:
            from workbench.ui.docks.metrics_plots import PueChart

            chart = self._chart = PueChart()
            self.chart_slot.box.addWidget(chart)
            for widget in (chart, chart.viewport()):
                widget.installEventFilter(self._wheel_to_dock)
            chart.set_axis_labels(self.tr("IT load (kW)"), self.tr("PUE"))
            if self._chart_data is not None:
                chart.set_curve(*self._chart_data)
        return self._chart

    # --- layout --------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self.reflow_tiles()

    def reflow_tiles(self) -> None:
        """Four figure cards in a row, two or one, whatever the dock's width lets show without cutting a figure."""
        area = self.widget()
        width = area.viewport().width() if isinstance(area, QScrollArea) else self.width()
        width -= 16  # the body's margins
        need = max(max(t.sizeHint().width(), v.sizeHint().width()) for t, v in self.tiles.values()) + 24
        spacing = self.tile_grid.spacing()
        columns = next((c for c in (4, 2) if c * need + (c - 1) * spacing <= width), 1)
        if columns == self.tile_columns:
            return
        self.tile_columns = columns
        for frame in self.tile_frames:
            self.tile_grid.removeWidget(frame)
        for n, frame in enumerate(self.tile_frames):
            self.tile_grid.addWidget(frame, n // columns, n % columns)

    def _section(self, key: str) -> QLabel:
        label = QLabel()
        label.setProperty("role", "section")
        self.sections[key] = label
        return label

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Metrics"))
        titles = {"capacity": self.tr("Load against capacity"), "pue": self.tr("PUE against IT load"),
                  "overhead": self.tr("Facility overhead by subsystem"), "summary": self.tr("Key figures"),
                  "climate": self.tr("The year at the site")}
        for key, label in self.sections.items():
            label.setText(titles[key])
        self.climate.retranslate_ui()
        self.tiles["it_load"][0].setText(self.tr("IT load (design)"))
        self.tiles["pue"][0].setText(self.tr("PUE, annualised"))
        self.tiles["pue_peak"][0].setText(self.tr("PUE, design day"))
        self.load_label.setText(self.tr("Utilisation"))
        self.reset_button.setText(self.tr("Design"))
        self.reset_button.setToolTip(self.tr("Back to the design's IT utilisation assumption"))
        self.slider.setToolTip(self.tr("IT utilisation for the operating point: sets the load the PUE is evaluated at"))
        keys = {
            "racks": self.tr("Racks (compute / network / storage)"), "blocks": self.tr("Blocks placed"),
            "white_space": self.tr("White space"), "density": self.tr("Power density"),
            "per_rack": self.tr("Average per rack"), "energy": self.tr("Annual energy (facility)"),
            "energy_cost": self.tr("Annual energy cost"), "capex": self.tr("CAPEX, project total (ROM)"),
            "capex_equipment": self.tr("of which equipment"), "cost_per_mw": self.tr("Project cost per MW IT"),
        }
        for key, (k, _) in self.summary.items():
            k.setText(keys[key])
        if self._chart is not None:
            self._chart.set_axis_labels(self.tr("IT load (kW)"), self.tr("PUE"))
        self.capacity.empty_text = self.tr("No power or cooling equipment placed yet.")
        if self.results is not None:
            self._on_results_ready(self.results)

    # --- utilisation ---------------------------------------------------------------------
    def _on_load_changed(self, percent: int) -> None:
        for w in (self.slider, self.spin):
            if w.value() != percent:
                w.blockSignals(True)
                w.setValue(percent)
                w.blockSignals(False)
        fraction = percent / 100.0
        if self.document.load_fraction != fraction:
            self.document.load_fraction = fraction
            self.document.request_recalc(full=True)

    def _on_reset_load(self) -> None:
        self.document.load_fraction = None
        self.document.request_recalc(full=True)

    # --- results -------------------------------------------------------------------------
    def _on_results_ready(self, results: Results) -> None:
        self.results = results
        it_kw = results.it_load_kw
        self.tiles["it_load"][1].setText(self.tr("{0} kW").format(fmt_number(it_kw)))
        self.tiles["pue"][1].setText(self.format_pue(results.pue))
        self.tiles["pue_peak"][1].setText(self.format_pue(results.pue_peak))
        percent = round(results.load_fraction * 100)
        self.tiles["pue_at_load"][0].setText(self.tr("PUE at {0} % utilisation").format(percent))
        self.tiles["pue_at_load"][1].setText(self.format_pue(results.pue_at_load))
        self._show_pue_gaps(results)
        self.reflow_tiles()  # longer figures may need wider cards
        for w in (self.slider, self.spin):
            w.blockSignals(True)
            w.setValue(percent)
            w.blockSignals(False)
        self.reset_button.setEnabled(self.document.load_fraction is not None)
        self.capacity.set_rows(self.capacity_rows(results))
        xs = [f * it_kw for f, _ in results.pue_curve]
        ys = [p for _, p in results.pue_curve]
        operating = (results.load_fraction * it_kw, results.pue_at_load) if results.pue_at_load else None
        design = (it_kw, results.pue) if results.pue else None
        self._chart_data = (xs if it_kw > 0 else [], ys if it_kw > 0 else [], operating if it_kw > 0 else None,
                            design if it_kw > 0 else None)
        if self._chart is not None:
            self._chart.set_curve(*self._chart_data)
        self.overhead.set_items(self.overhead_items(results))
        self.climate.set_annual(results.annual)
        self._update_summary(results)

    def _show_pue_gaps(self, results: Results) -> None:
        """Grey the PUE figures and say why while part of the facility is missing from them."""
        from workbench.text.check_text import check_text

        gaps = results.pue_gaps
        reasons = list(dict.fromkeys(check_text(c, self.language) for c in gaps))
        note = ""
        if reasons:
            note = self.tr("PUE incomplete: it leaves out what is not placed yet.") + "\n" + "\n".join(
                f"• {r}" for r in reasons[:4])
        for key in ("pue", "pue_peak", "pue_at_load"):
            value = self.tiles[key][1]
            if value.property("incomplete") != bool(reasons):
                value.setProperty("incomplete", bool(reasons))
                value.style().unpolish(value)
                value.style().polish(value)
            value.setToolTip(note)
        self.pue_note.setText(note)
        self.pue_note.setVisible(bool(reasons))

    @staticmethod
    def format_pue(pue: float | None) -> str:
        """PUE to three decimals, the way the CLI and the reports print it."""
        return "—" if pue is None else f"{pue:.3f}"

    def _role_name(self, role: str) -> str:
        names = {
            "ups": self.tr("UPS"), "distribution": self.tr("Distribution"), "storage": self.tr("Battery"),
            "utility:generator": self.tr("Generators"), "utility:transformer": self.tr("Transformers"),
            "utility:mv-switchgear": self.tr("MV switchgear"), "utility:sst": self.tr("Solid-state transformers"),
            "air": self.tr("Air units"), "cdu": self.tr("CDUs"), "chiller": self.tr("Chillers"),
            "drycooler": self.tr("Dry coolers"), "tower": self.tr("Cooling towers"),
        }
        return names.get(role, role.split(":")[-1].replace("-", " ").capitalize())

    def _system_row(self, heading: str, entry: PowerSystem | CoolingGroup, show_name: bool) -> CapacityRow:
        scheme = entry.scheme
        ok = entry.redundancy_met and entry.within_installed
        label = self._role_name(entry.role)
        if show_name:
            label = f"{entry.name} · {label}"
        detail = self.tr(
            "{0}\n{1} modules, installed {2} kW, usable under {3}: {4} kW\n"
            "load {5} kW, headroom {6} kW, stranded {7} kW").format(
            label, entry.modules, fmt_number(entry.installed_kw), scheme, fmt_number(entry.usable_kw),
            fmt_number(entry.load_kw), fmt_number(entry.headroom_kw), fmt_number(entry.stranded_kw))
        status = f"{scheme} ✓" if ok else self.tr("{0} not met").format(scheme)
        return CapacityRow(heading, label, entry.load_kw, entry.usable_kw, "kW", scheme, ok, status, detail)

    def capacity_rows(self, r: Results) -> list[CapacityRow]:
        rows: list[CapacityRow] = []
        groups: tuple[tuple[str, Sequence[PowerSystem | CoolingGroup]], ...] = (
            (self.tr("Power"), r.power.systems),
            (self.tr("Air cooling"), r.cooling.air),
            (self.tr("Liquid cooling"), r.cooling.liquid),
            (self.tr("Heat rejection"), r.cooling.heat_rejection),
        )
        for heading, entries in groups:
            names = {e.name for e in entries}
            for entry in entries:
                rows.append(self._system_row(heading, entry, show_name=len(names) > 1))
        space = self.tr("Space and floor")
        for hall in r.space.halls:
            # A hall without racks (a plant yard) has no white space: its footprint counts against its own floor.
            white = hall.white_space_m2
            room = white if white > 0 else hall.floor_m2
            foot = hall.footprint_m2
            fits = foot <= room and (room > 0 or foot == 0)
            detail = (self.tr("Block footprint {0} m² of {1} m² white space") if white > 0
                      else self.tr("Block footprint {0} m² of {1} m² floor")).format(fmt_number(foot), fmt_number(room))
            rows.append(CapacityRow(space, self.tr("{0} · footprint").format(hall.name), foot, room,
                                    "m²", None, fits, self.tr("ok") if fits else self.tr("over"), detail))
        for floor in r.floor.halls:
            rating, peak = floor.rating_kn_m2, floor.max_block_kn_m2
            ok = peak <= rating
            rows.append(CapacityRow(space, self.tr("{0} · floor, heaviest block").format(floor.name), peak,
                                    rating, "kN/m²", None, ok, self.tr("ok") if ok else self.tr("overloaded"),
                                    self.tr("Heaviest block {0} kN/m² against a {1} rating of {2} kN/m²").format(
                                        fmt_number(peak, 1), floor.floor_type, fmt_number(rating, 1)),
                                    decimals=1))
        return rows

    def overhead_items(self, r: Results) -> list[tuple[str, float, str, str]]:
        o, pp = r.overhead_kw, r.ppue

        def ppue(value: float | None) -> float:
            return 1.0 if value is None else value  # no IT load: no pPUE

        return [
            (self.tr("Power losses"), o.power_losses,
             self.tr("{0} kW · pPUE {1:.3f}").format(fmt_number(o.power_losses), ppue(pp.power)),
             CATEGORY_COLORS["power"]),
            (self.tr("Cooling"), o.cooling,
             self.tr("{0} kW · pPUE {1:.3f}").format(fmt_number(o.cooling), ppue(pp.cooling)),
             CATEGORY_COLORS["cooling"]),
            (self.tr("Lighting"), o.lighting, self.tr("{0} kW").format(fmt_number(o.lighting)), "#b9a02f"),
            (self.tr("Miscellaneous"), o.misc,
             self.tr("{0} kW · pPUE {1:.3f}").format(fmt_number(o.misc), ppue(pp.lighting_misc)),
             CATEGORY_COLORS["structure"]),
        ]

    def _update_summary(self, r: Results) -> None:
        space, cost, energy = r.space, r.cost, r.energy
        racks = space.racks
        # The calculation keeps CAPEX in the base currency; the dock shows it in the design's currency.
        rates = self.document.catalog.fx_rates
        fx = display_fx(self.document.design.site.currency, rates, cost.fx_source)
        cur = fx.currency
        base = cost.currency or BASE_CURRENCY
        # Equipment plus allowances by the BOM's own rule (calc/project_capex.py), at cost: no price factor.
        capex = project_capex(self.document.design, self.document.catalog, r, fx)
        it_mw = r.it_load_kw / 1000.0
        values = {
            "racks": self.tr("{0}  ({1} / {2} / {3})").format(
                fmt_number(space.rack_count), racks.get("compute", 0), racks.get("network", 0),
                racks.get("storage", 0)),
            "blocks": fmt_number(space.block_count),
            "white_space": self.tr("{0} m²").format(fmt_number(space.white_space_m2, 0)),
            "density": self.tr("{0} kW/m²").format(fmt_number(space.kw_per_m2, 2)),
            "per_rack": self.tr("{0} kW").format(fmt_number(space.kw_per_rack, 1)),
            "energy": self.tr("{0} MWh/yr").format(fmt_number(energy.annual_facility_mwh)),
            "energy_cost": fmt_money(energy.annual_cost, energy.currency or cur),
            "capex": fmt_money(float(capex.project_total), cur),
            "capex_equipment": fmt_money(convert(cost.capex_total, base, fx, rates), cur),
            "cost_per_mw": self.tr("{0} /MW").format(fmt_money(float(capex.project_total) / it_mw, cur))
            if it_mw > 0 else "—",
        }
        for key, (k, v) in self.summary.items():
            v.setText(values[key])
        rate = self.tr("Rate {0} {1} per USD; {2}").format(fx.rate_per_usd, cur, cost.fx_source)
        self.summary["capex"][0].setToolTip(self.tr(
            "Equipment and allowances (LV boards, piping, BMS, fire protection, batteries, installation, "
            "commissioning), as the BOM's total project CAPEX at cost, without a price factor"))
        self.summary["capex"][1].setToolTip(self.tr("Equipment {0} + allowances {1}\n{2}").format(
            fmt_money(float(capex.equipment), cur), fmt_money(float(capex.allowances_total), cur), rate))
        self.summary["capex_equipment"][1].setToolTip(rate)
        self.summary["cost_per_mw"][1].setToolTip(self.tr("Equipment only: {0} /MW").format(
            fmt_money(convert(cost.cost_per_mw_it, base, fx, rates), cur)))
        self.summary["density"][1].setToolTip(self.tr("IT load per m² of white space"))
