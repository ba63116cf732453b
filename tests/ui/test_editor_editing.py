"""Editing on the canvas: drag with snap, rotate, nudge, delete, duplicate, clipboard, lock, selection, array."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QGuiApplication, QMouseEvent
from PySide6.QtWidgets import QApplication

from workbench.editing.array import ArraySpec, array_blocks, array_edit
from workbench.model.design import Block
from workbench.model.edits import AddBlocks, MoveBlocks
from workbench.ui.main_window import MainWindow
from workbench.ui.scene.coords import to_scene
from workbench.ui.scene.tools import ColumnTool, DoorTool, HallOutlineTool, PlaceTool

RACK = "rack.gb200-nvl72"


def _add(window: MainWindow, *blocks: Block) -> list[str]:
    window.document.push(AddBlocks(list(blocks)))
    return [b.id for b in blocks]


def _vp(window: MainWindow, x_mm: float, y_mm: float) -> QPoint:
    return window.view.mapFromScene(to_scene(x_mm, y_mm))


def _drag(qtbot, window: MainWindow, start: QPoint, end: QPoint,  # type: ignore[no-untyped-def]
          modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    vp = window.view.viewport()
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, modifiers, start)
    mid = QPoint((start.x() + end.x()) // 2, (start.y() + end.y()) // 2)
    for p in (start + QPoint(6, 6), mid, end):
        # QTest's mouseMove carries no modifier keys; send the event a held Shift would give.
        move = QMouseEvent(QEvent.Type.MouseMove, QPointF(p), QPointF(vp.mapToGlobal(p)), Qt.MouseButton.NoButton,
                           Qt.MouseButton.LeftButton, modifiers)
        QApplication.sendEvent(vp, move)
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, modifiers, end)


def test_drag_moves_with_grid_snap_as_one_undo_step(empty_window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = empty_window
    (bid,) = _add(w, Block(RACK, 3300.0, 3600.0))
    steps = w.document.undo_stack.count()
    _drag(qtbot, w, _vp(w, 3300, 3600), _vp(w, 7170, 5530))
    b = w.document.design.blocks[bid]
    assert w.document.undo_stack.count() == steps + 1
    assert ((b.x_mm - 300) % 600, (b.y_mm - 600) % 600) == (0, 0)  # corner on the tile grid
    assert abs(b.x_mm - 7170) <= 600 and abs(b.y_mm - 5530) <= 600
    assert w.scene.block_items[bid].pos() == to_scene(b.x_mm, b.y_mm)
    w.document.undo_stack.undo()
    b = w.document.design.blocks[bid]  # an edit puts a moved copy in the block's place; undo the original back
    assert (b.x_mm, b.y_mm) == (3300.0, 3600.0)
    assert w.scene.block_items[bid].pos() == to_scene(3300, 3600)
    w.document.undo_stack.redo()
    b = w.document.design.blocks[bid]
    assert (b.x_mm, b.y_mm) != (3300.0, 3600.0)


def test_shift_suspends_snap_and_snap_toggle(empty_window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = empty_window
    (bid,) = _add(w, Block(RACK, 3300.0, 3600.0))
    start, end = _vp(w, 3300, 3600), _vp(w, 8170, 5530)
    _drag(qtbot, w, start, end, Qt.KeyboardModifier.ShiftModifier)
    b = w.document.design.blocks[bid]
    assert (b.x_mm - 300) % 600 != 0 or (b.y_mm - 600) % 600 != 0
    w.commands["snap"].setChecked(False)
    assert not w.editor.snap_enabled and "off" in w.snap_label.text()
    assert w.settings.snap is False


def test_edge_snap_pulls_to_neighbour(empty_window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = empty_window
    a, b = _add(w, Block(RACK, 3300.0, 3600.0), Block(RACK, 9300.0, 3600.0))
    w.editor.grid_mm = 50.0  # a fine grid, so only the edge snap can close the gap exactly
    tol = 8 * w.view.mm_per_px()
    # Grab a and let go a third of the pull distance short of b's left edge.
    _drag(qtbot, w, _vp(w, 3300, 3600), _vp(w, 3300 + 6000 - 600 - tol / 3, 3600))
    moved = w.document.design.blocks[a]
    # Right edge of a lands on the left edge of b.
    assert (moved.x_mm + 300, moved.y_mm) == (9300 - 300, 3600.0)


def test_rotate_about_selection_centre_with_undo(empty_window: MainWindow) -> None:
    w = empty_window
    ids = _add(w, Block(RACK, 3300.0, 3600.0), Block(RACK, 3900.0, 3600.0))
    w.document.set_selection(set(ids))
    w.commands["rotate"].trigger()
    blocks = [w.document.design.blocks[i] for i in ids]
    assert [b.rotation_deg for b in blocks] == [90, 90]
    # Two racks side by side along x become two stacked along y, about the same centre.
    assert [b.x_mm for b in blocks] == [3600.0, 3600.0]
    assert sorted(b.y_mm for b in blocks) == [3300.0, 3900.0]
    item = w.scene.block_items[ids[0]]
    assert (item.look.width_mm, item.look.depth_mm, item.look.front) == (1200.0, 600.0, "right")
    w.document.undo_stack.undo()
    blocks = [w.document.design.blocks[i] for i in ids]  # an edit puts changed copies in the blocks' places
    assert [(b.x_mm, b.y_mm, b.rotation_deg) for b in blocks] == [(3300.0, 3600.0, 0), (3900.0, 3600.0, 0)]
    w.document.undo_stack.redo()
    assert [w.document.design.blocks[i].rotation_deg for i in ids] == [90, 90]


def test_arrow_nudges_merge_into_one_undo_step(empty_window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = empty_window
    (bid,) = _add(w, Block(RACK, 3300.0, 3600.0))
    w.document.set_selection({bid})
    w.view.setFocus()
    steps = w.document.undo_stack.count()
    for _ in range(3):
        qtbot.keyClick(w.view, Qt.Key.Key_Right)
    qtbot.keyClick(w.view, Qt.Key.Key_Up, Qt.KeyboardModifier.ShiftModifier)
    b = w.document.design.blocks[bid]
    assert (b.x_mm, b.y_mm) == (3300 + 3 * 600, 3600 + 10 * 600)
    assert w.document.undo_stack.count() == steps + 1
    w.document.undo_stack.undo()
    b = w.document.design.blocks[bid]
    assert (b.x_mm, b.y_mm) == (3300.0, 3600.0)


def test_delete_duplicate_and_lock(empty_window: MainWindow) -> None:
    w = empty_window
    doc = w.document
    (bid,) = _add(w, Block(RACK, 3300.0, 3600.0, name="RA01"))
    doc.set_selection({bid})
    w.commands["duplicate"].trigger()
    (copy_id,) = doc.selection
    copy = doc.design.blocks[copy_id]
    assert copy_id != bid and copy.name == "RA02" and (copy.x_mm, copy.y_mm) == (3900.0, 3600.0)
    w.commands["lock"].trigger()
    assert doc.design.blocks[copy_id].locked
    w.commands["nudge_left"].trigger()
    w.commands["delete"].trigger()
    # Locked blocks neither move nor go.
    assert copy_id in doc.design.blocks and doc.design.blocks[copy_id].x_mm == 3900.0
    w.commands["unlock"].trigger()
    w.commands["delete"].trigger()
    assert copy_id not in doc.design.blocks and copy_id not in w.scene.block_items
    doc.undo_stack.undo()
    assert copy_id in w.scene.block_items


def test_copy_paste_at_cursor_and_cut(empty_window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = empty_window
    doc = w.document
    ids = _add(w, Block(RACK, 3300.0, 3600.0, name="RA01"), Block(RACK, 3900.0, 3600.0, name="RA02"))
    doc.set_selection(set(ids))
    w.commands["copy"].trigger()
    assert QGuiApplication.clipboard().mimeData().hasFormat("application/x-datahall-blocks")
    qtbot.mouseMove(w.view.viewport(), _vp(w, 12000, 8000))
    w.commands["paste"].trigger()
    pasted = [doc.design.blocks[i] for i in doc.selection]
    assert len(pasted) == 2 and not set(ids) & doc.selection
    cx = sum(b.x_mm for b in pasted) / 2
    cy = sum(b.y_mm for b in pasted) / 2
    assert abs(cx - 12000) <= 600 and abs(cy - 8000) <= 600
    assert {b.name for b in pasted} == {"RA03", "RA04"}
    doc.set_selection(set(ids))
    w.commands["cut"].trigger()
    assert not set(ids) & set(doc.design.blocks)


def test_paste_of_foreign_clipboard_is_a_message(empty_window: MainWindow) -> None:
    w = empty_window
    QGuiApplication.clipboard().setText("not blocks")
    w.commands["paste"].trigger()
    assert "no blocks" in w.statusBar().currentMessage()


def test_click_ctrl_click_rubber_bands_and_escape(empty_window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = empty_window
    doc = w.document
    a, b, c = _add(w, Block(RACK, 3300.0, 3600.0), Block(RACK, 3900.0, 3600.0), Block(RACK, 9300.0, 3600.0))
    vp = w.view.viewport()
    qtbot.mouseClick(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, _vp(w, 3300, 3600))
    assert doc.selection == {a}
    qtbot.mouseClick(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier, _vp(w, 9300, 3600))
    assert doc.selection == {a, c}
    qtbot.mouseClick(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier, _vp(w, 3300, 3600))
    assert doc.selection == {c}
    # Window (left to right) around a and half of b: only a is enclosed.
    _drag(qtbot, w, _vp(w, 2800, 2800), _vp(w, 3800, 4400))
    assert doc.selection == {a}
    # Crossing (right to left) over the same area: a and b are touched.
    _drag(qtbot, w, _vp(w, 3800, 4400), _vp(w, 2800, 2800))
    assert doc.selection == {a, b}
    w.view.setFocus()
    qtbot.keyClick(w.view, Qt.Key.Key_Escape)
    assert doc.selection == set()
    w.commands["select_all"].trigger()
    assert doc.selection == {a, b, c}
    assert w.scene.block_items[a].isSelected()


def test_module_blocks_select_as_one(empty_window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = empty_window
    a, b, _c = _add(w, Block(RACK, 3300.0, 3600.0, module_id="m1"), Block(RACK, 3900.0, 3600.0, module_id="m1"),
                    Block(RACK, 9300.0, 3600.0))
    qtbot.mouseClick(w.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     _vp(w, 3300, 3600))
    assert w.document.selection == {a, b}


def test_array_places_hot_cold_pairs_in_one_step(empty_window: MainWindow) -> None:
    w = empty_window
    doc = w.document
    spec = ArraySpec(RACK, count=6, rows=4, cold_aisle_mm=1200, hot_aisle_mm=1200, origin_x_mm=1200,
                     origin_y_mm=1200)
    blocks = array_blocks(doc.design, doc.catalog, spec)
    assert len(blocks) == 24
    rows = sorted({b.y_mm for b in blocks})
    rot = {b.y_mm: b.rotation_deg for b in blocks}
    # Rows 1-2 face each other (cold aisle), rows 2-3 turn their backs (hot aisle).
    assert [rot[y] for y in rows] == [180, 0, 180, 0]
    assert [rows[i + 1] - rows[i] - 1200 for i in range(3)] == [1200, 1200, 1200]
    steps = doc.undo_stack.count()
    assert w.editor.push(array_edit(doc.design, doc.catalog, spec))
    assert doc.undo_stack.count() == steps + 1 and len(doc.design.blocks) == 24
    assert len(w.scene.block_items) == 24
    assert not [c for c in doc.recalculate_now().checks if c.code in ("overlap", "clearance")]
    doc.undo_stack.undo()
    assert not doc.design.blocks and not w.scene.block_items


def test_array_dialog_accept_through_the_menu(empty_window: MainWindow, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from workbench.ui.dialogs.array_dialog import ArrayDialog

    w = empty_window

    def accept_with_three(dialog: ArrayDialog) -> int:
        dialog.type_box.setCurrentIndex(dialog.type_box.findData(RACK))
        dialog.count.setValue(3)
        dialog.rows.setValue(2)
        dialog.origin_x.setValue(1200)
        dialog.origin_y.setValue(1200)
        assert "6 blocks" in dialog.summary.text()
        return ArrayDialog.DialogCode.Accepted

    monkeypatch.setattr(ArrayDialog, "exec", accept_with_three)
    w.commands["array"].trigger()
    assert len(w.document.design.blocks) == 6
    assert w.document.selection == set(w.document.design.blocks)


def test_place_tool_rotates_ghost_and_places_each_click(empty_window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = empty_window
    w.editor.set_tool(PlaceTool(w.editor, RACK))
    w.commands["rotate"].trigger()
    vp = w.view.viewport()
    for x in (3000, 6000):
        qtbot.mouseMove(vp, _vp(w, x, 4000))
        qtbot.mouseClick(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, _vp(w, x, 4000))
    assert [b.rotation_deg for b in w.document.design.blocks.values()] == [90, 90]
    qtbot.keyClick(w.view, Qt.Key.Key_Escape)
    assert w.editor.tool.name == "select"


def test_hall_outline_tool_draws_and_reshapes(empty_window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = empty_window
    doc = w.document
    w.commands["hall_tool"].trigger()
    assert isinstance(w.editor.tool, HallOutlineTool)
    w.view.fit_rect(w.scene.sceneRect().adjusted(30000, 30000, -30000, -30000))
    _drag(qtbot, w, _vp(w, 24000, 0), _vp(w, 30000, 6000))
    assert len(doc.design.halls) == 2
    assert doc.design.halls[1].outline == [(24000, 0), (30000, 0), (30000, 6000), (24000, 6000)]
    # Reshape the first hall: drag its top-right corner; the rectangle stays a rectangle.
    _drag(qtbot, w, _vp(w, 20000, 12000), _vp(w, 21650, 13180))
    assert doc.design.halls[0].outline == [(0, 0), (21600, 0), (21600, 13200), (0, 13200)]
    doc.undo_stack.undo()
    assert doc.design.halls[0].outline[2] == (20000, 12000)
    # A polygon by clicks, closed with Enter.
    vp = w.view.viewport()
    for x, y in ((24000, 8000), (30000, 8000), (27000, 12000)):
        qtbot.mouseClick(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, _vp(w, x, y))
    qtbot.keyClick(w.view, Qt.Key.Key_Return)
    assert len(doc.design.halls) == 3 and len(doc.design.halls[2].outline) == 3


def test_column_and_door_tools(empty_window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = empty_window
    hall = w.document.design.halls[0]
    w.editor.set_tool(ColumnTool(w.editor))
    vp = w.view.viewport()
    qtbot.mouseClick(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, _vp(w, 6000, 6000))
    assert [(c.x_mm, c.y_mm) for c in hall.columns] == [(6000, 6000)]
    _drag(qtbot, w, _vp(w, 6000, 6000), _vp(w, 8400, 6000))
    assert [(c.x_mm, c.y_mm) for c in hall.columns] == [(8400, 6000)]
    qtbot.mouseClick(vp, Qt.MouseButton.RightButton, Qt.KeyboardModifier.NoModifier, _vp(w, 8400, 6000))
    assert hall.columns == []
    w.editor.set_tool(DoorTool(w.editor))
    qtbot.mouseClick(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, _vp(w, 20100, 5900))
    assert [(d.x_mm, d.y_mm, d.rotation_deg) for d in hall.doors] == [(20000, 6000, 90)]
    w.document.undo_stack.undo()
    assert hall.doors == []


def test_read_only_refuses_edits_with_a_message(empty_window: MainWindow) -> None:
    w = empty_window
    (bid,) = _add(w, Block(RACK, 3300.0, 3600.0))
    w.document.read_only = True
    w.document.set_selection({bid})
    w.commands["nudge_right"].trigger()
    assert w.document.design.blocks[bid].x_mm == 3300.0
    assert "read-only" in w.statusBar().currentMessage()
    assert not w.editor.push(MoveBlocks([bid], [(0.0, 0.0)]))
