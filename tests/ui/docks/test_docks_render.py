"""Render the docks around an empty central widget to PNG (run as a script to refresh docs/screenshot-docks.png)."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel

from tests.ui.docks.conftest import StandInWindow
from workbench.model.edits import MoveBlocks, SetBlockField
from workbench.paths import sample_design_path
from workbench.ui.docks import create_docks
from workbench.ui.document import Document


def stage_window(document: Document) -> tuple[StandInWindow, dict[str, QDockWidget]]:
    """The sample after two edits (a rename and a move that overlaps two racks), one rack selected."""
    window = StandInWindow(document)
    canvas = QLabel("canvas (main window)")
    canvas.setAlignment(Qt.AlignmentFlag.AlignCenter)
    canvas.setStyleSheet("background: #fafbfc; color: #9aa1a9;")
    window.setCentralWidget(canvas)
    docks = {d.objectName(): d for d in create_docks(window, document)}
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, docks["PaletteDock"])
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, docks["HistoryDock"])
    window.splitDockWidget(docks["PaletteDock"], docks["HistoryDock"], Qt.Orientation.Vertical)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, docks["InspectorDock"])
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, docks["MetricsDock"])
    window.splitDockWidget(docks["InspectorDock"], docks["MetricsDock"], Qt.Orientation.Horizontal)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, docks["ChecksDock"])
    window.resize(1720, 1120)
    window.resizeDocks([docks["PaletteDock"], docks["InspectorDock"], docks["MetricsDock"]], [320, 380, 420],
                       Qt.Orientation.Horizontal)
    window.resizeDocks([docks["PaletteDock"], docks["HistoryDock"]], [700, 200], Qt.Orientation.Vertical)
    window.resizeDocks([docks["ChecksDock"]], [130], Qt.Orientation.Vertical)
    racks = [b for b in document.design.blocks.values() if b.type_id == "rack.gb200-nvl72"]
    document.push(SetBlockField([racks[0].id], "name", ["RA01 (spare)"]), "Rename RA01")
    document.push(MoveBlocks([racks[1].id], [(racks[0].x_mm + 300, racks[0].y_mm)]), "Move RA02")
    document.set_selection([racks[0].id])
    document.recalculate_now()
    return window, docks


def _is_drawn(path: Path) -> bool:
    image = QImage(str(path))
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    return image.width() > 100 and len(colours) > 20


def test_every_dock_renders(qtbot, sample_document: Document, tmp_path: Path) -> None:
    window, docks = stage_window(sample_document)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert any(c.code == "overlap" for c in docks["ChecksDock"].visible_checks())
    whole = tmp_path / "docks.png"
    assert window.grab().save(str(whole))
    assert _is_drawn(whole)
    for name, dock in docks.items():
        path = tmp_path / f"{name}.png"
        assert dock.grab().save(str(path))
        assert _is_drawn(path), name


if __name__ == "__main__":
    app = QApplication(sys.argv)
    doc = Document()
    doc.open(sample_design_path())
    win, _ = stage_window(doc)
    win.show()
    for _ in range(5):
        app.processEvents()
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshot-docks.png")
    win.grab().save(str(target))
    print(target)
