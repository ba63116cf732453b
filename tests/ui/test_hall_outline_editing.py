"""Hall size typed in the inspector, and outline editing on the canvas: add, remove and drag corners and walls."""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from workbench.model.design import Block
from workbench.model.edits import AddBlocks, SetHallField
from workbench.ui.docks import InspectorDock
from workbench.ui.main_window import MainWindow
from workbench.ui.scene.coords import to_scene
from workbench.ui.scene.tools import HallOutlineTool
from workbench.ui.scene.tools.hall_outline import moved_edge, point_on_edge

RECT = [(0.0, 0.0), (20000.0, 0.0), (20000.0, 12000.0), (0.0, 12000.0)]
L_SHAPE = [(0, 0), (20000, 0), (20000, 6000), (9000, 6000), (9000, 12000), (0, 12000)]


def _inspector(window: MainWindow) -> InspectorDock:
    dock = next(d for d in window.docks if isinstance(d, InspectorDock))
    window.document.set_selection(set())
    return dock


def _outline(window: MainWindow) -> list[tuple[float, float]]:
    return [(float(x), float(y)) for x, y in window.document.design.halls[0].outline]


def _vp(window: MainWindow, x_mm: float, y_mm: float) -> QPoint:
    return window.view.mapFromScene(to_scene(x_mm, y_mm))


def _send(window: MainWindow, kind: QEvent.Type, p: QPoint, button: Qt.MouseButton,
          buttons: Qt.MouseButton) -> None:
    vp = window.view.viewport()
    QApplication.sendEvent(vp, QMouseEvent(kind, QPointF(p), QPointF(vp.mapToGlobal(p)), button, buttons,
                                           Qt.KeyboardModifier.NoModifier))


def _drag(window: MainWindow, start: QPoint, end: QPoint) -> None:
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    _send(window, QEvent.Type.MouseButtonPress, start, left, left)
    for p in (start + QPoint(6, 6), (start + end) / 2, end):
        _send(window, QEvent.Type.MouseMove, p, none, left)
    _send(window, QEvent.Type.MouseButtonRelease, end, left, none)


def _double_click(window: MainWindow, p: QPoint) -> None:
    """What a mouse really sends: press, release, double-click, release."""
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    for kind, buttons in ((QEvent.Type.MouseButtonPress, left), (QEvent.Type.MouseButtonRelease, none),
                          (QEvent.Type.MouseButtonDblClick, left), (QEvent.Type.MouseButtonRelease, none)):
        _send(window, kind, p, left, buttons)


def _hall_tool(window: MainWindow) -> HallOutlineTool:
    window.commands["hall_tool"].trigger()
    assert isinstance(window.editor.tool, HallOutlineTool)
    return window.editor.tool


# --- the inspector ---------------------------------------------------------------------------
def test_typed_width_and_depth_resize_the_rectangle_as_one_undo_step(empty_window: MainWindow, qtbot, type_into) -> None:  # type: ignore[no-untyped-def]
    w = empty_window
    page = _inspector(w).design_page
    fields = page.hall_form.fields
    assert _outline(w) == RECT
    assert fields["width_mm"].edit.text() == "20,000" and fields["depth_mm"].edit.text() == "12,000"
    assert fields["area_m2"].value_label.text() == "240.0"
    assert fields["x_range"].value_label.text() == "0 … 20,000"
    steps = w.document.undo_stack.count()
    type_into(fields["width_mm"], "36000")
    assert _outline(w) == [(0, 0), (36000, 0), (36000, 12000), (0, 12000)]
    assert w.document.undo_stack.count() == steps + 1
    assert fields["area_m2"].value_label.text() == "432.0"
    type_into(fields["depth_mm"], "24 000")
    assert _outline(w) == [(0, 0), (36000, 0), (36000, 24000), (0, 24000)]
    assert w.document.undo_stack.count() == steps + 2
    w.document.undo_stack.undo()
    w.document.undo_stack.undo()
    assert _outline(w) == RECT
    assert fields["width_mm"].edit.text() == "20,000"  # the field follows the undo
    w.document.undo_stack.redo()
    assert _outline(w)[1] == (36000, 0)


def test_bad_sizes_are_refused_inline_and_change_nothing(empty_window: MainWindow, qtbot, type_into) -> None:  # type: ignore[no-untyped-def]
    w = empty_window
    field = _inspector(w).design_page.hall_form.fields["width_mm"]
    steps = w.document.undo_stack.count()
    for text, message in (("0", "Must be at least 1,000 mm."), ("-5000", "Must be at least 1,000 mm."),
                          ("wide", "“wide” is not a number."), ("5e9", "Must be at most 1,000,000 mm.")):
        type_into(field, text)
        assert field.has_error and field.error.text() == message, text
        assert _outline(w) == RECT and w.document.undo_stack.count() == steps
    type_into(field, "24000")
    assert not field.has_error and _outline(w)[1] == (24000, 0)


def test_shrinking_leaves_blocks_where_they_are_and_checks_flag_them(empty_window: MainWindow, qtbot, type_into) -> None:  # type: ignore[no-untyped-def]
    w = empty_window
    hall = w.document.design.halls[0]
    rack = Block("rack.gb200-nvl72", 17000.0, 6000.0, hall_id=hall.id)
    w.document.push(AddBlocks([rack]))
    assert not [c for c in w.document.recalculate_now().checks if c.code == "outside_hall"]
    type_into(_inspector(w).design_page.hall_form.fields["width_mm"], "12000")
    assert _outline(w)[1] == (12000, 0)
    assert (rack.x_mm, rack.y_mm) == (17000.0, 6000.0)
    assert [c.blocks for c in w.document.recalculate_now().checks if c.code == "outside_hall"] == [(rack.id,)]


def test_non_rectangular_hall_shows_its_extent_read_only(empty_window: MainWindow) -> None:
    w = empty_window
    page = _inspector(w).design_page
    w.document.push(SetHallField(w.document.design.halls[0].id, "outline", L_SHAPE))
    fields = page.hall_form.fields
    assert not fields["width_mm"].edit.isEnabled() and fields["width_mm"].edit.text() == "20,000"
    assert fields["area_m2"].value_label.text() == "174.0"  # 20 × 6 + 9 × 6
    assert fields["y_range"].value_label.text() == "0 … 12,000"
    assert page.size_hint.text().startswith("Not a rectangle")
    w.document.undo_stack.undo()
    assert fields["width_mm"].edit.isEnabled() and page.size_hint.text().startswith("Typing a width")


# --- the canvas ------------------------------------------------------------------------------
def test_double_click_on_a_wall_adds_a_snapped_corner_and_right_click_removes_it(empty_window: MainWindow) -> None:
    w = empty_window
    _hall_tool(w)
    assert "point at a hall's corner or wall to reshape it" in w.statusBar().currentMessage()
    none = Qt.MouseButton.NoButton
    _send(w, QEvent.Type.MouseMove, _vp(w, 7130, 0), none, none)  # hovering a wall says what it can do
    assert w.statusBar().currentMessage().startswith("Wall: drag to move it")
    assert w.view.viewport().cursor().shape() == Qt.CursorShape.SizeVerCursor
    steps = w.document.undo_stack.count()
    _double_click(w, _vp(w, 7130, 0))
    assert _outline(w) == [(0, 0), (7200, 0), (20000, 0), (20000, 12000), (0, 12000)]
    assert w.document.undo_stack.count() == steps + 1
    assert len(w.document.design.halls) == 1  # no stray polygon or hall from the clicks
    # Right-click the new corner: it goes, as its own undo step.
    p = _vp(w, 7200, 0)
    _send(w, QEvent.Type.MouseButtonPress, p, Qt.MouseButton.RightButton, Qt.MouseButton.RightButton)
    _send(w, QEvent.Type.MouseButtonRelease, p, Qt.MouseButton.RightButton, Qt.MouseButton.NoButton)
    assert _outline(w) == RECT and w.document.undo_stack.count() == steps + 2
    assert isinstance(w.editor.tool, HallOutlineTool)  # the right-click did not leave the tool
    w.document.undo_stack.undo()
    assert len(_outline(w)) == 5
    w.document.undo_stack.undo()
    assert _outline(w) == RECT


def test_selected_corner_is_removed_by_delete_not_the_selected_block(empty_window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = empty_window
    rack = Block("rack.gb200-nvl72", 3300.0, 3600.0, hall_id=w.document.design.halls[0].id)
    w.document.push(AddBlocks([rack]))
    w.document.set_selection({rack.id})
    _hall_tool(w)
    qtbot.mouseClick(w.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     _vp(w, 0, 12000))
    assert _outline(w) == RECT  # a click on a corner selects it, it is no edit
    assert w.scene.hall_items[w.document.design.halls[0].id].selected_corner == to_scene(0, 12000)
    qtbot.keyClick(w.view, Qt.Key.Key_Delete)
    assert _outline(w) == RECT[:3]
    assert rack.id in w.document.design.blocks  # the window's Delete shortcut did not fire
    # A triangle keeps its corners, with a message.
    qtbot.mouseClick(w.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     _vp(w, 20000, 12000))
    qtbot.keyClick(w.view, Qt.Key.Key_Delete)
    assert _outline(w) == RECT[:3]
    assert "at least three corners" in w.statusBar().currentMessage()
    # With no corner picked, Delete is the window's again: it deletes the selected block.
    qtbot.keyClick(w.view, Qt.Key.Key_Escape)
    qtbot.keyClick(w.view, Qt.Key.Key_Delete)
    assert rack.id not in w.document.design.blocks


def test_dragging_a_wall_moves_it_along_its_normal_keeping_right_angles(empty_window: MainWindow) -> None:
    w = empty_window
    _hall_tool(w)
    steps = w.document.undo_stack.count()
    _drag(w, _vp(w, 20000, 6000), _vp(w, 23350, 7400))
    assert _outline(w) == [(0, 0), (23400, 0), (23400, 12000), (0, 12000)]  # only x moves, onto the grid
    assert w.document.undo_stack.count() == steps + 1
    w.document.undo_stack.undo()
    assert _outline(w) == RECT
    # Half of a split wall pushed out makes a step with square corners, not a slope.
    _double_click(w, _vp(w, 7200, 0))
    _drag(w, _vp(w, 3000, 0), _vp(w, 3100, -2350))
    assert _outline(w) == [(0, -2400), (7200, -2400), (7200, 0), (20000, 0), (20000, 12000), (0, 12000)]


def test_self_crossing_and_collapsed_outlines_are_refused(empty_window: MainWindow) -> None:
    w = empty_window
    _hall_tool(w)
    _double_click(w, _vp(w, 7200, 0))
    before, steps = _outline(w), w.document.undo_stack.count()
    _drag(w, _vp(w, 7200, 0), _vp(w, 7200, 15000))  # the corner pulled through the far wall
    assert _outline(w) == before and w.document.undo_stack.count() == steps
    assert "not a simple polygon" in w.statusBar().currentMessage()
    w.statusBar().clearMessage()
    _drag(w, _vp(w, 20000, 6000), _vp(w, 0, 6000))  # the right wall onto the left one
    assert _outline(w) == before and w.document.undo_stack.count() == steps
    assert w.statusBar().currentMessage().startswith("Outline not changed: ")


def test_outline_geometry_helpers() -> None:
    slanted = [(0.0, 0.0), (10000.0, 5000.0), (0.0, 8000.0)]
    x, y = point_on_edge(slanted, 0, 4100, 2400, 600.0) or (0, 0)
    assert (x, y) == (4200, 2100)  # x on the grid, y still on the wall
    assert point_on_edge(RECT, 0, 100, 0, 600.0) == (100, 0)  # snapping onto a corner is no new corner
    # A slanted wall moves by the part of the drag across it; the drag along it is dropped.
    length = math.hypot(10000, 5000)
    nx, ny = -5000 / length, 10000 / length
    across = -300 * nx + 600 * ny
    moved = moved_edge(slanted, 0, -300 + 2 * 10000 / length, 600 + 2 * 5000 / length, 0.0)
    expected = [(x + across * nx, y + across * ny) for x, y in slanted[:2]]
    assert all(math.isclose(a, b, abs_tol=1e-6) for p, q in zip(moved[:2], expected, strict=True)
               for a, b in zip(p, q, strict=True))
    assert moved[2] == slanted[2]
