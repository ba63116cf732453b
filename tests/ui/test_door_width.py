"""Door widths typed in the inspector's Hall tab: one undo step, bad input refused, the door check follows."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from workbench.model.design import Block, Door
from workbench.model.edits import AddBlocks, SetHallField
from workbench.ui.docks import InspectorDock
from workbench.ui.docks.fields import NumberField
from workbench.ui.docks.inspector_design import DesignPage
from workbench.ui.main_window import MainWindow
from workbench.ui.scene.coords import to_scene
from workbench.ui.scene.tools import DoorTool
from workbench.editing.hall_items import DEFAULT_DOOR_MM

RACK = "rack.gb200-nvl72"  # 600 mm wide


def _page(window: MainWindow) -> DesignPage:
    dock = next(d for d in window.docks if isinstance(d, InspectorDock))
    window.document.set_selection(set())
    return dock.design_page


def _vp(window: MainWindow, x_mm: float, y_mm: float) -> QPoint:
    return window.view.mapFromScene(to_scene(x_mm, y_mm))


def _door_field(window: MainWindow, index: int = 0) -> NumberField:
    field = _page(window).doors_form.fields[f"door:{index}"]
    assert isinstance(field, NumberField)
    return field


def _blocked(window: MainWindow) -> list[tuple[str, ...]]:
    return [c.blocks for c in window.document.recalculate_now().checks if c.code == "door_blocked"]


def _door_with_rack(window: MainWindow, qtbot) -> tuple[Door, str]:  # type: ignore[no-untyped-def]
    """A door placed with the Door tool on the bottom wall, and a rack whose edge is 200 mm inside its zone."""
    hall = window.document.design.halls[0]
    window.editor.set_tool(DoorTool(window.editor))
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     _vp(window, 6000, 150))
    (door,) = hall.doors
    assert (door.y_mm, door.width_mm) == (0.0, DEFAULT_DOOR_MM)
    rack = Block(RACK, door.x_mm + DEFAULT_DOOR_MM / 2 + 100, 1000.0, hall_id=hall.id, name="R12")
    window.document.push(AddBlocks([rack]))
    return door, rack.id


def test_typed_door_width_is_one_undo_step_and_the_check_follows(empty_window: MainWindow, qtbot, type_into) -> None:  # type: ignore[no-untyped-def]
    w = empty_window
    hall = w.document.design.halls[0]
    door, rack = _door_with_rack(w, qtbot)
    assert _blocked(w) == [(rack,)]
    assert w.scene.block_items[rack].problem_severity == "error"  # the canvas marks it like an overlap
    field = _door_field(w)
    assert (field.label.text(), field.unit.text(), field.edit.text()) == ("Door D1 width", "mm", "1,800")
    steps = w.document.undo_stack.count()
    type_into(field, "1200")  # the rack's edge is now 100 mm clear of the door's span
    assert not field.has_error
    assert hall.doors[0].width_mm == 1200.0 and hall.doors[0].id == door.id
    assert (hall.doors[0].x_mm, hall.doors[0].y_mm) == (door.x_mm, door.y_mm)
    assert w.document.undo_stack.count() == steps + 1
    assert w.document.undo_stack.undoText() == "Set width of door D1 of Hall 1 to 1,200 mm"
    assert _blocked(w) == []
    assert w.scene.block_items[rack].problem_severity is None
    w.document.undo_stack.undo()
    assert hall.doors[0].width_mm == DEFAULT_DOOR_MM
    assert _door_field(w).edit.text() == "1,800"
    assert _blocked(w) == [(rack,)]
    w.document.undo_stack.redo()
    assert hall.doors[0].width_mm == 1200.0 and _door_field(w).edit.text() == "1,200"


def test_bad_door_width_is_refused_inline(empty_window: MainWindow, qtbot, type_into) -> None:  # type: ignore[no-untyped-def]
    w = empty_window
    hall = w.document.design.halls[0]
    w.document.push(SetHallField(hall.id, "doors", [Door(x_mm=6000.0, y_mm=0.0, width_mm=1800.0)]))
    field = _door_field(w)
    steps = w.document.undo_stack.count()
    for text, message in (("300", "Must be at least 600 mm."), ("7000", "Must be at most 6,000 mm."),
                          ("wide", "“wide” is not a number."), ("", "Enter a number.")):
        type_into(field, text)
        assert field.has_error and field.error.text() == message, text
        assert field.editor.property("invalid") is True
        assert hall.doors[0].width_mm == 1800.0 and w.document.undo_stack.count() == steps
    # A recalculation meanwhile keeps the refused text for the user to fix; a good value then goes through.
    type_into(field, "abc")
    w.document.recalculate_now()
    assert field.edit.text() == "abc" and field.has_error
    type_into(field, "2400")
    assert not field.has_error and hall.doors[0].width_mm == 2400.0
    assert w.document.undo_stack.count() == steps + 1


def test_doors_list_follows_the_hall_and_a_click_names_the_door(empty_window: MainWindow, qtbot, type_into) -> None:  # type: ignore[no-untyped-def]
    w = empty_window
    page = _page(w)
    hall = w.document.design.halls[0]
    assert page.doors_form.fields == {} and page.doors_hint.text().startswith("No doors")
    w.document.push(SetHallField(hall.id, "doors", [Door(x_mm=6000.0, y_mm=0.0, width_mm=1800.0),
                                                    Door(x_mm=20000.0, y_mm=6000.0, width_mm=2400.0,
                                                         rotation_deg=90)]))
    assert [f.edit.text() for f in page.doors_form.fields.values()] == ["1,800", "2,400"]  # type: ignore[attr-defined]
    assert "1,500 mm deep" in page.doors_hint.text()
    assert "x 20,000 mm" in _door_field(w, 1).edit.toolTip()
    # With the Door tool, clicking a door selects it: the status bar names it, and it does not move.
    w.editor.set_tool(DoorTool(w.editor))
    steps = w.document.undo_stack.count()
    qtbot.mouseClick(w.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     _vp(w, 20000, 6100))
    assert w.statusBar().currentMessage().startswith("Door D2 of Hall 1: 2,400 mm wide.")
    assert w.document.undo_stack.count() == steps and hall.doors[1].y_mm == 6000.0
    # The clear depth is an assumption under Layout; typing it changes the hint.
    depth = page.assumption_form.fields["door_clear_depth_mm"]
    assert isinstance(depth, NumberField)
    type_into(depth, "2000")
    assert w.document.design.assumptions.values["door_clear_depth_mm"] == 2000.0
    assert "2,000 mm deep" in page.doors_hint.text()
