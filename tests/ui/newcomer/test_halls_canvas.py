"""Halls on the canvas: select, delete (asking about their blocks), rename, right-click menus, live size."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QInputDialog, QMenu, QMessageBox, QPushButton

from workbench.ui.main_window import MainWindow
from workbench.ui.scene.coords import to_scene
from workbench.ui.scene.tools import HallOutlineTool


# A popup menu on the offscreen platform: it cannot raise itself or grab the keyboard, and says so.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _vp(window: MainWindow, x: float, y: float) -> QPoint:
    return window.view.mapFromScene(to_scene(x, y))


def _when_modal(act: Callable[[object], None]) -> None:
    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, poll)
            return
        act(dialog)
    QTimer.singleShot(0, poll)


def _right_click(window: MainWindow, x: float, y: float) -> QMenu:
    pos = _vp(window, x, y)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, window.view.viewport().mapToGlobal(pos))
    QApplication.sendEvent(window.view.viewport(), event)
    menu = window.view.context_menu
    assert menu is not None
    return menu


def _entries(menu: QMenu) -> list[str]:
    return [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]


def test_click_on_a_halls_floor_selects_it_and_delete_asks_about_its_blocks(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    doc = window.document
    window.view.fit_hall()
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=_vp(window, 3000, 44000))
    assert window.editor.selected_hall_id == "plant-yard" and window.scene.hall_items["plant-yard"].selected
    inspector = next(d for d in window.docks if d.objectName() == "InspectorDock")
    assert inspector.design_page.hall_id == "plant-yard"
    n = len(doc.design.blocks)
    asked: list[str] = []

    def keep(box: object) -> None:
        assert isinstance(box, QMessageBox)
        asked.append(box.text())
        box.findChild(QPushButton, "keep_blocks").click()

    _when_modal(keep)
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert "Plant yard" in asked[0] and "13 blocks" in asked[0]
    assert [h.name for h in doc.design.halls] == ["Data hall 1"] and len(doc.design.blocks) == n
    assert doc.undo_stack.undoText() == "Delete hall Plant yard"
    doc.undo_stack.undo()
    assert len(doc.design.halls) == 2

    def with_blocks(box: object) -> None:
        box.findChild(QPushButton, "with_blocks").click()  # type: ignore[attr-defined]

    window.editor.select_hall("plant-yard")
    _when_modal(with_blocks)
    window.commands["delete"].trigger()
    assert len(doc.design.halls) == 1 and len(doc.design.blocks) == n - 13


def test_a_new_designs_hall_can_be_deleted(empty_window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    doc = empty_window.document
    hall = doc.design.halls[0]
    empty_window.editor.select_hall(hall.id)
    empty_window.commands["delete"].trigger()  # no blocks: nothing to ask
    assert doc.design.halls == []
    doc.undo_stack.undo()
    assert [h.id for h in doc.design.halls] == [hall.id]


def test_right_click_a_block(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    doc = window.document
    window.view.fit_hall()
    rack = next(b for b in doc.design.blocks.values() if b.name == "RA03")
    menu = _right_click(window, rack.x_mm, rack.y_mm)
    assert doc.selection == {rack.id}
    entries = _entries(menu)
    for wanted in ("Properties…", "Rotate 90°", "Duplicate", "Delete", "Select all of this type"):
        assert wanted in entries, entries
    assert any("Fail" in e for e in entries)  # the connected plant's what-if entry, through the hook
    menu.findChild(object, "select_same_type").trigger()
    assert doc.selection == {b.id for b in doc.design.blocks.values() if b.type_id == rack.type_id}
    menu.close()


def test_right_click_a_hall_to_rename_it(window: MainWindow, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    doc = window.document
    window.view.fit_hall()
    menu = _right_click(window, 3000, 44000)
    assert _entries(menu)[:3] == ["Properties…", "Rename hall…", "Delete hall…"]
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Utility yard", True))
    next(a for a in menu.actions() if a.objectName() == "rename_hall").trigger()
    assert doc.design.hall("plant-yard").name == "Utility yard"  # type: ignore[union-attr]
    assert doc.undo_stack.undoText() == "Rename hall Utility yard"
    menu.close()
    # F2 renames the selected hall too.
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Yard", True))
    window.editor.select_hall("plant-yard")
    qtbot.keyClick(window.view, Qt.Key.Key_F2)
    assert doc.design.hall("plant-yard").name == "Yard"  # type: ignore[union-attr]


def test_drawing_a_hall_shows_its_live_width_and_depth(empty_window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = empty_window
    w.editor.set_tool(HallOutlineTool(w.editor))
    w.view.fit_rect(w.scene.sceneRect().adjusted(30000, 30000, -30000, -30000))
    vp = w.view.viewport()
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, _vp(w, 24000, 0))
    qtbot.mouseMove(vp, _vp(w, 28000, 3000))
    qtbot.mouseMove(vp, _vp(w, 36000, 8400))
    preview = w.editor.tool._preview  # type: ignore[attr-defined]
    assert preview.label == "12.00 m × 8.40 m"
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, _vp(w, 36000, 8400))
    assert preview.label == "" or not preview.points
