"""The layout editor's docks: palette, property inspector, metrics, checks and history."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow

from workbench.ui.docks.checks import ChecksDock
from workbench.ui.docks.history import HistoryDock
from workbench.ui.docks.inspector import InspectorDock
from workbench.ui.docks.metrics import MetricsDock
from workbench.ui.docks.palette import BLOCK_TYPE_MIME, PaletteDock, block_type_mime
from workbench.ui.document import Document

__all__ = [
    "BLOCK_TYPE_MIME", "ChecksDock", "HistoryDock", "InspectorDock", "MetricsDock", "PaletteDock",
    "block_type_mime", "create_docks",
]

# Where each dock starts; the window's saved state (QSettings) overrides this.
DEFAULT_AREAS = {
    "PaletteDock": Qt.DockWidgetArea.LeftDockWidgetArea,
    "HistoryDock": Qt.DockWidgetArea.LeftDockWidgetArea,
    "InspectorDock": Qt.DockWidgetArea.RightDockWidgetArea,
    "MetricsDock": Qt.DockWidgetArea.RightDockWidgetArea,
    "ChecksDock": Qt.DockWidgetArea.BottomDockWidgetArea,
}


def create_docks(main_window: QMainWindow, document: Document) -> list[QDockWidget]:
    """Build every dock for main_window (needs .document, .place_block_at_center, .select_and_center).

    The docks are returned in their default order and are not yet added; call add_default_docks()
    or main_window.addDockWidget(DEFAULT_AREAS[dock.objectName()], dock) for each.
    """
    return [
        PaletteDock(main_window, document),
        InspectorDock(main_window, document),
        MetricsDock(main_window, document),
        ChecksDock(main_window, document),
        HistoryDock(main_window, document),
    ]


def add_default_docks(main_window: QMainWindow, docks: list[QDockWidget]) -> None:
    """Place docks at their default areas; the metrics dock is tabbed with the inspector."""
    by_name = {d.objectName(): d for d in docks}
    for dock in docks:
        main_window.addDockWidget(DEFAULT_AREAS.get(dock.objectName(), Qt.DockWidgetArea.RightDockWidgetArea), dock)
    if "PaletteDock" in by_name and "HistoryDock" in by_name:
        main_window.splitDockWidget(by_name["PaletteDock"], by_name["HistoryDock"], Qt.Orientation.Vertical)
    if "InspectorDock" in by_name and "MetricsDock" in by_name:
        main_window.splitDockWidget(by_name["InspectorDock"], by_name["MetricsDock"], Qt.Orientation.Vertical)
