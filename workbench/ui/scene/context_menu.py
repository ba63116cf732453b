"""The canvas's right-click menus: for blocks (properties, rotate, duplicate, delete, select same type) and halls.

Other parts of the window add their own entries through `HallView.context_menu_hooks`: each hook gets the
menu and the right-clicked block id (None over a hall's floor) and appends what applies, e.g. the connected
plant's Fail / Restore (what-if) in workbench/ui/plant_ui.py.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPoint
from PySide6.QtWidgets import QMenu

from workbench.geometry.placement import hall_at

if TYPE_CHECKING:
    from workbench.ui.main_window import MainWindow


def _t(text: str) -> str:
    return QCoreApplication.translate("CanvasMenu", text)


def show_properties(window: MainWindow, hall_id: str = "") -> None:
    """Bring the Properties dock forward; for a hall, on its Hall tab showing that hall."""
    dock = next((d for d in window.docks if d.objectName() == "InspectorDock"), None)
    if dock is None:
        return
    dock.show()
    dock.raise_()
    page = getattr(dock, "design_page", None)
    if hall_id and page is not None:
        page.hall_id = hall_id
        page.refresh()
        page.tabs.setCurrentIndex(0)


def canvas_menu(window: MainWindow, view_pos: QPoint) -> QMenu | None:
    """The menu for what is under `view_pos` (viewport pixels); None over empty ground outside every hall."""
    editor, scene, view = window.editor, window.scene, window.view
    block_id = scene.block_at(view.mapToScene(view_pos))
    x, y = (view.mapToScene(view_pos).x(), -view.mapToScene(view_pos).y())
    hall = hall_at(window.document.design, x, y)
    if block_id is None and hall is None:
        return None
    menu = QMenu(view)
    menu.setObjectName("canvas_menu")
    c = window.commands
    if block_id is not None:
        if block_id not in window.document.selection:
            editor.select([block_id])
        menu.addAction(_t("&Properties…"), lambda: show_properties(window)).setObjectName("properties")
        menu.addSeparator()
        for key in ("rotate", "duplicate", "delete"):
            menu.addAction(c[key])  # the window's own actions: same text, shortcut and behaviour
        menu.addSeparator()
        menu.addAction(_t("Select all of this &type"), lambda: editor.select_same_type(block_id)).setObjectName(
            "select_same_type")
    else:
        assert hall is not None
        editor.select_hall(hall.id)
        hid = hall.id
        menu.addAction(_t("&Properties…"), lambda: show_properties(window, hid)).setObjectName("properties")
        menu.addAction(_t("Re&name hall…"), lambda: editor.rename_hall(hid)).setObjectName("rename_hall")
        menu.addAction(_t("&Delete hall…"), lambda: editor.delete_hall(hid)).setObjectName("delete_hall")
        menu.addSeparator()
        menu.addAction(_t("Select the &blocks in this hall"), lambda: editor.select_hall_blocks(hid)).setObjectName(
            "select_hall_blocks")
    for hook in view.context_menu_hooks:
        hook(menu, block_id)
    return menu
