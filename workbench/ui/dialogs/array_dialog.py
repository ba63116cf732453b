"""The "Place row / array" dialog: rows of one block type as hot/cold aisle pairs, placed in one step."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from workbench.model.blocktype import RACK_CATEGORIES, BlockType, Catalog
from workbench.model.design import Design
from workbench.editing.array import ArraySpec, array_blocks

TILE_MM = 600.0


def belongs_in_rows(t: BlockType) -> bool:
    """Racks, and blocks of a rack's form that line up with them: in-row coolers and CDUs, sidecars, shelves.

    A rack-form block is 1,000–1,400 mm deep and at most two tiles wide; a CRAH, a UPS or a chiller is not.
    """
    if not t.in_room:
        return False
    return t.category in RACK_CATEGORIES or (1000.0 <= t.depth_mm <= 1400.0 and t.width_mm <= 2 * TILE_MM)


def _tile_ceil(mm: float) -> float:
    return max(TILE_MM, -(-mm // TILE_MM) * TILE_MM)


class ArrayDialog(QDialog):
    """Edits an ArraySpec; spec() returns it, and the preview line counts blocks and kW."""

    def __init__(self, design: Design, catalog: Catalog, origin: tuple[float, float],
                 type_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.design = design
        self.catalog = catalog
        self.origin = origin
        self.type_box = QComboBox()
        types = sorted(catalog.types.values(),
                       key=lambda t: (t.category not in RACK_CATEGORIES, t.category, t.display_name()))
        from workbench.ui.i18n import content_language

        lang = content_language()
        for t in types:
            if belongs_in_rows(t):
                self.type_box.addItem(f"{t.display_name(lang)}  ({t.width_mm:g} × {t.depth_mm:g} mm)", t.id)
        if type_id:
            index = self.type_box.findData(type_id)
            if index >= 0:
                self.type_box.setCurrentIndex(index)
        self.count = QSpinBox()
        self.count.setRange(1, 1000)
        self.count.setValue(8)
        self.rows = QSpinBox()
        self.rows.setRange(1, 200)
        self.rows.setValue(2)
        self.pitch = self._mm_box(0, 20000)
        self.cold = self._mm_box(0, 10000)
        self.hot = self._mm_box(0, 10000)
        self.origin_x = self._mm_box(-1e7, 1e7)
        self.origin_y = self._mm_box(-1e7, 1e7)
        self.origin_x.setValue(origin[0])
        self.origin_y.setValue(origin[1])
        self.facing = QComboBox()
        self.prefix = QLineEdit("R")
        self.summary = QLabel()
        self.error = QLabel()
        self.error.setStyleSheet("color: #d13438")
        self.error.setWordWrap(True)
        self.form = QFormLayout()
        self._labels = [QLabel() for _ in range(10)]
        for label, field in zip(self._labels, (self.type_box, self.count, self.pitch, self.rows, self.cold,
                                               self.hot, self.facing, self.prefix, self.origin_x, self.origin_y)):
            self.form.addRow(label, field)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.type_box.currentIndexChanged.connect(self._on_type_changed)
        for w in (self.count, self.rows, self.pitch, self.cold, self.hot, self.origin_x, self.origin_y):
            w.valueChanged.connect(self._refresh)
        self.facing.currentIndexChanged.connect(self._refresh)
        self.retranslate_ui()
        self._on_type_changed()

    @staticmethod
    def _mm_box(lo: float, hi: float) -> QDoubleSpinBox:
        box = QDoubleSpinBox()
        box.setRange(lo, hi)
        box.setDecimals(0)
        box.setSingleStep(100)
        box.setSuffix(" mm")
        return box

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Place row / array"))
        texts = (self.tr("Block type"), self.tr("Blocks per row"), self.tr("Pitch along the row"),
                 self.tr("Rows"), self.tr("Cold aisle width"), self.tr("Hot aisle width"), self.tr("Facing"),
                 self.tr("Name prefix"), self.tr("Lower-left corner X"), self.tr("Lower-left corner Y"))
        for label, text in zip(self._labels, texts):
            label.setText(text)
        current = self.facing.currentIndex()
        self.facing.blockSignals(True)
        self.facing.clear()
        self.facing.addItem(self.tr("Pairs sharing cold aisles (fronts face each other)"), "cold_pairs")
        self.facing.addItem(self.tr("Pairs sharing hot aisles (backs face each other)"), "hot_pairs")
        self.facing.addItem(self.tr("All rows face down"), "all_down")
        self.facing.addItem(self.tr("All rows face up"), "all_up")
        self.facing.setCurrentIndex(max(current, 0))
        self.facing.blockSignals(False)
        self._refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _on_type_changed(self) -> None:
        t = self.catalog.get(self.type_box.currentData() or "")
        if t is not None:
            self.pitch.setValue(t.width_mm)
            # Aisles at least as wide as the type's service clearances, rounded up to whole tiles.
            self.cold.setValue(_tile_ceil(t.clearance_front_mm))
            self.hot.setValue(_tile_ceil(t.clearance_rear_mm))
        self._refresh()

    def spec(self) -> ArraySpec:
        return ArraySpec(type_id=str(self.type_box.currentData() or ""), count=self.count.value(),
                         pitch_mm=self.pitch.value(), rows=self.rows.value(), cold_aisle_mm=self.cold.value(),
                         hot_aisle_mm=self.hot.value(), facing=str(self.facing.currentData() or "cold_pairs"),
                         origin_x_mm=self.origin_x.value(), origin_y_mm=self.origin_y.value(),
                         name_prefix=self.prefix.text().strip() or "R")

    def _refresh(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        try:
            blocks = array_blocks(self.design, self.catalog, self.spec())
        except ValueError as exc:
            self.error.setText(str(exc))
            self.summary.setText("")
            ok.setEnabled(False)
            return
        t = self.catalog.get(self.spec().type_id)
        kw = (t.rack.it_kw if t and t.rack else 0.0) * len(blocks)
        self.error.setText("")
        text = self.tr("%1 blocks").replace("%1", str(len(blocks)))
        if kw:
            text += self.tr(", %1 kW of IT").replace("%1", f"{kw:,.0f}")
        self.summary.setText(text)
        ok.setEnabled(True)
