"""Compare scenarios: the figures side by side with winners marked, the BOM difference, cost over the years
and a plan of what moved between two options."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workbench.calc.money import BASE_CURRENCY, convert, display_fx
from workbench.io.scenario_state import BASE
from workbench.model.design import Design
from workbench.scenarios.compare import MONEY, Comparison, compare
from workbench.ui import i18n
from workbench.ui.document import Document

MAX_OPTIONS = 6
DIFFERS = QColor(255, 243, 205)  # a row whose figures differ between options
WINNER = QColor(212, 237, 218)  # the best option of a ranked row


def tr(text: str) -> str:
    return QCoreApplication.translate("CompareDialog", text)


def row_labels() -> dict[str, str]:
    return {
        "it_load_kw": tr("IT load (kW)"), "pue": tr("PUE, annualised"),
        "capex_compute": tr("CAPEX: compute"), "capex_network": tr("CAPEX: network"),
        "capex_storage": tr("CAPEX: storage"), "capex_power": tr("CAPEX: power"),
        "capex_cooling": tr("CAPEX: cooling"), "capex_structure": tr("CAPEX: structure"),
        "capex_total": tr("CAPEX: total"), "opex_per_year": tr("OPEX per year (first year)"),
        "tco": tr("TCO over the analysis period"), "npv_cost": tr("NPV of costs"),
        "cost_per_kw_month": tr("Cost per kW of IT per month"), "energy_mwh_per_year": tr("Energy (MWh/yr)"),
        "water_m3_per_year": tr("Water (m³/yr)"), "co2_t_per_year": tr("CO₂ (t/yr)"),
        "white_space_m2": tr("White space (m²)"), "racks": tr("Racks"), "check_errors": tr("Check errors"),
        "check_warnings": tr("Check warnings"), "redundancy_unmet": tr("Redundancy not met (systems)"),
        "single_points_of_failure": tr("Single points of failure (N-1)"), "it_kw_at_risk": tr("Largest IT loss on one failure (kW)"),
        "concurrently_maintainable": tr("Concurrently maintainable"), "fault_tolerant": tr("Fault tolerant"),
    }


VERDICT_ROWS = ("concurrently_maintainable", "fault_tolerant")


class CompareDialog(QDialog):
    """Non-modal: pick two to six options; the tables and the chart follow the choice."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CompareDialog")
        self.setWindowTitle(tr("Compare scenarios"))
        self.document = document
        self.comparison: Comparison | None = None
        self.picker = QListWidget()
        self.picker.setMaximumWidth(220)
        design = document.design
        for sid, name in [(BASE, tr("Base design"))] + [(s.id, s.name) for s in design.scenarios]:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, sid)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if self.picker.count() < MAX_OPTIONS else Qt.CheckState.Unchecked)
            self.picker.addItem(item)
        self.picker.itemChanged.connect(lambda _item: self.refresh())
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.table = QTableWidget()
        self.table.setObjectName("CompareTable")
        self.bom = QTableWidget()
        self.bom.setObjectName("CompareBom")
        self.chart = self._make_chart()
        self.plan_a, self.plan_b = QComboBox(), QComboBox()
        self.plan_scene = QGraphicsScene(self)
        self.plan = QGraphicsView(self.plan_scene)
        self.plan.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.plan_a.currentIndexChanged.connect(lambda _i: self._draw_plan())
        self.plan_b.currentIndexChanged.connect(lambda _i: self._draw_plan())
        plan_page = QWidget()
        plan_layout = QVBoxLayout(plan_page)
        pick = QHBoxLayout()
        pick.addWidget(QLabel(tr("From")))
        pick.addWidget(self.plan_a)
        pick.addWidget(QLabel(tr("to")))
        pick.addWidget(self.plan_b)
        pick.addStretch(1)
        self.legend = QLabel(tr("Grey: unchanged · orange: moved (dashed where it was) · green: added · red: removed"))
        plan_layout.addLayout(pick)
        plan_layout.addWidget(self.plan, 1)
        plan_layout.addWidget(self.legend)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.table, tr("Figures"))
        self.tabs.addTab(self.bom, tr("BOM difference"))
        self.tabs.addTab(self.chart, tr("Cost over the years"))
        self.tabs.addTab(plan_page, tr("Plan difference"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        left = QVBoxLayout()
        left.addWidget(QLabel(tr("Options (two to six):")))
        left.addWidget(self.picker, 1)
        body = QHBoxLayout()
        body.addLayout(left)
        right = QVBoxLayout()
        right.addWidget(self.note)
        right.addWidget(self.tabs, 1)
        body.addLayout(right, 1)
        outer = QVBoxLayout(self)
        outer.addLayout(body, 1)
        outer.addWidget(buttons)
        self.resize(1100, 680)
        self.refresh()

    # --- data --------------------------------------------------------------------------------
    def chosen(self) -> list[str]:
        return [str(self.picker.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.picker.count())
                if self.picker.item(i).checkState() == Qt.CheckState.Checked]

    def refresh(self) -> None:
        ids = self.chosen()
        if not 2 <= len(ids) <= MAX_OPTIONS:
            self.note.setText(tr("Tick two to six options to compare."))
            self.comparison = None
            self.table.clear()
            self.bom.clear()
            return
        catalog = self.document.catalog
        self.fx = display_fx(self.document.design.site.currency, catalog.fx_rates, catalog.fx_source)
        self.comparison = compare(self.document.design, catalog, ids)
        stale = sum(len(o.stale) for o in self.comparison.options)
        if self.comparison.options[0].n1 is None:
            text_n1 = " " + tr("N-1 verdicts are left to the Contingency panel at this size.")
        else:
            text_n1 = ""
        text = tr("Money in %1. Green: the best option of a row; yellow: the figures differ.").replace("%1", self.fx.currency)
        if stale:
            text += " " + tr("%1 differences of the scenarios no longer apply to the base (see File problems).").replace("%1", str(stale))
        text += text_n1
        self.note.setText(text)
        self._fill_table()
        self._fill_bom()
        self._fill_chart()
        names = [o.name for o in self.comparison.options]
        for combo, index in ((self.plan_a, 0), (self.plan_b, 1)):
            combo.blockSignals(True)
            combo.clear()
            combo.addItems(names)
            combo.setCurrentIndex(index)
            combo.blockSignals(False)
        self._draw_plan()

    def _money(self, row: str, value: float | None) -> float | None:
        if value is None or not row.startswith(MONEY):
            return value
        return convert(value, BASE_CURRENCY, self.fx, self.document.catalog.fx_rates)

    def _fill_table(self) -> None:
        c = self.comparison
        assert c is not None
        labels = row_labels()
        self.table.clear()
        self.table.setColumnCount(len(c.options))
        self.table.setRowCount(len(c.rows))
        self.table.setHorizontalHeaderLabels([o.name for o in c.options])
        self.table.setVerticalHeaderLabels([labels.get(r, r) for r in c.rows])
        bold = QFont()
        bold.setBold(True)
        for i, row in enumerate(c.rows):
            for j, value in enumerate(c.values[row]):
                shown = self._money(row, value)
                if shown is None:
                    text = "—"
                elif row in VERDICT_ROWS:
                    text = tr("yes") if shown else tr("no")
                else:
                    text = f"{shown:,.3f}" if row == "pue" else f"{shown:,.0f}"
                if j in c.winners.get(row, ()):
                    text = "★ " + text
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                if j in c.winners.get(row, ()):
                    item.setBackground(QBrush(WINNER))
                    item.setFont(bold)
                elif c.differs.get(row):
                    item.setBackground(QBrush(DIFFERS))
                self.table.setItem(i, j, item)
        self.table.resizeColumnsToContents()

    def _fill_bom(self) -> None:
        c = self.comparison
        assert c is not None
        language = i18n.content_language()
        types = self.document.catalog.types
        self.bom.clear()
        self.bom.setColumnCount(len(c.options) + 1)
        self.bom.setHorizontalHeaderLabels([tr("Block type")] + [o.name for o in c.options])
        self.bom.setRowCount(len(c.bom_diff))
        for i, (type_id, counts) in enumerate(c.bom_diff.items()):
            t = types.get(type_id)
            self.bom.setItem(i, 0, QTableWidgetItem(t.name.get(language, t.name["en"]) if t else type_id))
            for j, n in enumerate(counts):
                item = QTableWidgetItem(f"{n:,}")
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.bom.setItem(i, j + 1, item)
        self.bom.resizeColumnsToContents()

    def _make_chart(self) -> QWidget:
        import pyqtgraph as pg

        plot = pg.PlotWidget()
        plot.setBackground("w")
        plot.showGrid(x=True, y=True, alpha=0.3)
        plot.setLabel("bottom", tr("Year"))
        plot.addLegend(offset=(10, 10))
        self._plot = plot
        return plot

    def _fill_chart(self) -> None:
        import pyqtgraph as pg

        c = self.comparison
        assert c is not None
        self._plot.clear()
        self._plot.setLabel("left", tr("Cumulative cost (%1, millions)").replace("%1", self.fx.currency))
        colours = ("#1f5fa8", "#b26a00", "#2e7d32", "#8e24aa", "#c62828", "#00838f")
        for k, o in enumerate(c.options):
            ys = [(self._money("tco", v) or 0.0) / 1e6 for v in o.economics.cumulative]
            self._plot.plot(list(range(len(ys))), ys, name=o.name, pen=pg.mkPen(colours[k % len(colours)], width=2),
                            symbol="o", symbolSize=5, symbolBrush=colours[k % len(colours)])

    # --- plan difference ----------------------------------------------------------------------
    def _draw_plan(self) -> None:
        self.plan_scene.clear()
        c = self.comparison
        if c is None or self.plan_a.currentIndex() < 0 or self.plan_b.currentIndex() < 0:
            return
        a = c.options[self.plan_a.currentIndex()].design
        b = c.options[self.plan_b.currentIndex()].design
        counts = draw_plan_difference(self.plan_scene, a, b, self.document.catalog)
        self.legend.setText(tr("Grey: unchanged · orange: moved (dashed where it was) · green: added · red: removed")
                            + "  —  " + tr("%1 moved, %2 added, %3 removed").replace("%1", str(counts["moved"]))
                            .replace("%2", str(counts["added"])).replace("%3", str(counts["removed"])))
        self.plan.fitInView(self.plan_scene.itemsBoundingRect(), Qt.AspectRatioMode.KeepAspectRatio)


def draw_plan_difference(scene: QGraphicsScene, a: Design, b: Design, catalog: object) -> dict[str, int]:
    """Halls of ``b``; blocks coloured by what happened between ``a`` and ``b``; returns the counts."""
    types = getattr(catalog, "types", {})
    wall = QPen(QColor("#444444"), 0)
    for hall in b.halls:
        scene.addPolygon(QPolygonF([QPointF(x, -y) for x, y in hall.outline]), wall, QBrush(QColor("#f4f4f4")))
    counts = {"unchanged": 0, "moved": 0, "added": 0, "removed": 0}

    def rect(block: object) -> QRectF:
        t = types.get(block.type_id)  # type: ignore[attr-defined]
        w, d = (t.width_mm, t.depth_mm) if t else (600.0, 1200.0)
        if block.rotation_deg in (90, 270):  # type: ignore[attr-defined]
            w, d = d, w
        return QRectF(block.x_mm - w / 2, -block.y_mm - d / 2, w, d)  # type: ignore[attr-defined]

    grey, orange = QColor("#9e9e9e"), QColor("#ef6c00")
    for bid, blk in b.blocks.items():
        old = a.blocks.get(bid)
        if old is None:
            scene.addRect(rect(blk), QPen(QColor("#1b5e20"), 0), QBrush(QColor("#66bb6a")))
            counts["added"] += 1
        elif (old.x_mm, old.y_mm, old.rotation_deg) != (blk.x_mm, blk.y_mm, blk.rotation_deg):
            dashed = QPen(orange, 0, Qt.PenStyle.DashLine)
            scene.addRect(rect(old), dashed)
            scene.addRect(rect(blk), QPen(orange.darker(), 0), QBrush(orange))
            counts["moved"] += 1
        else:
            scene.addRect(rect(blk), QPen(grey.darker(), 0), QBrush(grey.lighter(130)))
            counts["unchanged"] += 1
    for bid, blk in a.blocks.items():
        if bid not in b.blocks:
            scene.addRect(rect(blk), QPen(QColor("#b71c1c"), 0, Qt.PenStyle.DashLine), QBrush(QColor(229, 115, 115, 160)))
            counts["removed"] += 1
    return counts
