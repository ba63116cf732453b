"""The Underlay dock: the drawing's file and status, units, per-layer show/hide, and the commands that use it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench.cad.underlay_edits import columns_edit
from workbench.cad.underlay_shapes import columns_on_layer
from workbench.ui.docks.base import WorkbenchDock
from workbench.ui.underlay import UnderlayController

UNITS = ("", "mm", "cm", "m", "in", "ft")


class UnderlayDock(WorkbenchDock):
    def __init__(self, main_window: QMainWindow, controller: UnderlayController) -> None:
        super().__init__("UnderlayDock", main_window, controller.document)
        self.controller = controller
        body = QWidget(self)
        layout = QVBoxLayout(body)
        self.file_label = QLabel()
        self.file_label.setWordWrap(True)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setStyleSheet("color: #c0392b")
        self.units = QComboBox()
        self.visible = QCheckBox()
        self.in_report = QCheckBox()
        self.in_report.setObjectName("underlay_in_report")
        self.snap = QCheckBox()
        self.layers = QListWidget()
        self.layers.setObjectName("underlay_layers")
        self.layers.setMinimumHeight(120)
        self.align_button = QPushButton()
        self.hall_button = QPushButton()
        self.columns_button = QPushButton()
        self.relink_button = QPushButton()
        self.remove_button = QPushButton()
        self.attach_button = QPushButton()
        units_row = QHBoxLayout()
        self.units_label = QLabel()
        units_row.addWidget(self.units_label)
        units_row.addWidget(self.units, 1)
        for w in (self.file_label, self.status_label):
            layout.addWidget(w)
        layout.addLayout(units_row)
        layout.addWidget(self.visible)
        layout.addWidget(self.in_report)
        layout.addWidget(self.snap)
        self.layers_label = QLabel()
        layout.addWidget(self.layers_label)
        layout.addWidget(self.layers, 1)
        for b in (self.align_button, self.hall_button, self.columns_button, self.relink_button, self.remove_button,
                  self.attach_button):
            layout.addWidget(b)
        self.setWidget(body)
        self.units.currentIndexChanged.connect(self._on_units)
        self.visible.toggled.connect(self._on_visible)
        self.in_report.toggled.connect(self._on_in_report)
        self.layers.itemChanged.connect(self._on_layer_item)
        self.align_button.clicked.connect(self.start_align)
        self.hall_button.clicked.connect(self.start_hall_from_drawing)
        self.columns_button.clicked.connect(self.columns_from_layer)
        self.relink_button.clicked.connect(self._relink)
        self.remove_button.clicked.connect(controller.remove)
        self.attach_button.clicked.connect(self._attach)
        controller.changed.connect(self.refresh)
        self._filling = False
        self.retranslate_ui()

    # --- commands --------------------------------------------------------------------------
    def start_align(self) -> None:
        from workbench.ui.scene.tools.underlay_tools import AlignTool

        editor = self.main_window.editor  # type: ignore[attr-defined]
        editor.set_tool(AlignTool(editor, self.controller))

    def start_hall_from_drawing(self) -> None:
        from workbench.ui.scene.tools.underlay_tools import HallFromDrawingTool

        editor = self.main_window.editor  # type: ignore[attr-defined]
        editor.set_tool(HallFromDrawingTool(editor, self.controller))

    def columns_from_layer(self) -> bool:
        """Circles and block inserts on the selected layer become columns of the halls they stand in."""
        u = self.controller.underlay
        item = self.layers.currentItem()
        if u is None or item is None:
            self.controller.message.emit(self.tr("Select the drawing's column layer in the list first"))
            return False
        layer = int(item.data(Qt.ItemDataRole.UserRole))
        shapes = columns_on_layer(u, self.controller.alignment(), layer)
        edit, added, outside = columns_edit(self.document.design, shapes)
        if edit is None:
            self.controller.message.emit(self.tr("No new columns on layer %1 inside a hall (%2 outside the halls)")
                                         .replace("%1", u.layers[layer]).replace("%2", str(outside)))
            return False
        editor = self.main_window.editor  # type: ignore[attr-defined]
        done = bool(editor.push(edit, self.tr("Columns from layer %1").replace("%1", u.layers[layer])))
        if done:
            self.controller.message.emit(self.tr("%1 columns added from layer %2 (%3 outside the halls)")
                                         .replace("%1", str(added)).replace("%2", u.layers[layer])
                                         .replace("%3", str(outside)))
        return done

    def _attach(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import DXF underlay"), "", self.tr("DXF drawings (*.dxf)"))
        if path:
            self.controller.attach(Path(path))

    def _relink(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Find the underlay file"), "",
                                              self.tr("DXF drawings (*.dxf)"))
        if path:
            self.controller.relink(Path(path))

    # --- following the controller ---------------------------------------------------------
    def _on_units(self, index: int) -> None:
        if not self._filling and self.controller.ref is not None:
            self.controller.set_units(UNITS[index])

    def _on_visible(self, on: bool) -> None:
        if not self._filling and self.controller.ref is not None and self.controller.ref.visible != on:
            self.controller.change(self.tr("Show underlay") if on else self.tr("Hide underlay"), visible=on)

    def _on_in_report(self, on: bool) -> None:
        if not self._filling and self.controller.ref is not None and self.controller.ref.in_report != on:
            text = self.tr("Show underlay in reports") if on else self.tr("Leave underlay out of reports")
            self.controller.change(text, in_report=on)

    def _on_layer_item(self, item: QListWidgetItem) -> None:
        if not self._filling:
            hidden = item.checkState() != Qt.CheckState.Checked
            self.controller.set_layer_hidden(item.text(), hidden)

    def refresh(self) -> None:
        c = self.controller
        ref, u = c.ref, c.underlay
        self._filling = True
        try:
            has = ref is not None
            for w in (self.units, self.visible, self.in_report, self.align_button, self.hall_button,
                      self.columns_button, self.relink_button, self.remove_button, self.layers):
                w.setEnabled(has)
            self.attach_button.setVisible(not has)
            if ref is None:
                self.file_label.setText(self.tr("No underlay. Use File → Import → DXF underlay…"))
                self.in_report.setChecked(False)
            else:
                text = Path(ref.path).name
                if u is not None:
                    text += " — " + self.tr("%1 entities, units %2").replace("%1", f"{u.entity_count:,}").replace(
                        "%2", u.units)
                    if u.skipped_count:
                        text += ", " + self.tr("%1 skipped").replace("%1", f"{u.skipped_count:,}")
                self.file_label.setText(text)
                self.units.setCurrentIndex(UNITS.index(ref.units) if ref.units in UNITS else 0)
                self.visible.setChecked(ref.visible)
                self.in_report.setChecked(ref.in_report)
            self.status_label.setText(c.status)
            self.status_label.setVisible(bool(c.status))
            self.layers.clear()
            if u is not None and ref is not None:
                hidden = set(ref.hidden_layers)
                for i, name in enumerate(u.layers):
                    item = QListWidgetItem(name)
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    item.setCheckState(Qt.CheckState.Unchecked if name in hidden else Qt.CheckState.Checked)
                    item.setData(Qt.ItemDataRole.UserRole, i)
                    self.layers.addItem(item)
        finally:
            self._filling = False

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Underlay"))
        self.units_label.setText(self.tr("Units:"))
        self._filling = True
        index = self.units.currentIndex()
        self.units.clear()
        self.units.addItems([self.tr("From the file"), "mm", "cm", "m", "in", "ft"])
        self.units.setCurrentIndex(max(index, 0))
        self._filling = False
        self.visible.setText(self.tr("Show the drawing"))
        self.in_report.setText(self.tr("Show in reports"))
        self.in_report.setToolTip(self.tr("Draw the drawing's shown layers in thin grey under the halls of the "
                                          "report's floor plans"))
        self.snap.setText(self.tr("Snap to the drawing (F10)"))
        self.layers_label.setText(self.tr("Layers (tick to show):"))
        self.align_button.setText(self.tr("Align by two points…"))
        self.hall_button.setText(self.tr("Hall from a closed outline"))
        self.columns_button.setText(self.tr("Columns from the selected layer"))
        self.relink_button.setText(self.tr("Find the file…"))
        self.remove_button.setText(self.tr("Remove the underlay"))
        self.attach_button.setText(self.tr("Import DXF underlay…"))
        self.refresh()
