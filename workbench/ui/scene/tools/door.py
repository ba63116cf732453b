"""Door tool: click a hall wall to add a door; click a door to name it; drag it along walls; right-click removes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent

from workbench.editing.hall_items import add_door_edit, door_at, move_door_edit, wall_point
from workbench.model.design import Door, Hall
from workbench.model.hall_edits import RemoveDoor
from workbench.ui.scene.tools.base import Tool, ToolEvent

WALL_PICK_PX = 25.0


class DoorTool(Tool):
    name = "door"
    cursor = Qt.CursorShape.CrossCursor

    def __init__(self, editor) -> None:  # type: ignore[no-untyped-def]
        super().__init__(editor)
        self._moving: tuple[Hall, Door] | None = None
        self._press: ToolEvent | None = None

    @property
    def label(self) -> str:
        return self.editor.tr("Door")

    def activate(self) -> None:
        self.editor.message.emit(self.editor.tr(
            "Click on a hall wall to add a door; drag a door along the walls; right-click a door to remove it"))

    def door_at(self, x: float, y: float) -> tuple[Hall, Door] | None:
        return door_at(self.editor.document.design, x, y, WALL_PICK_PX * self.mm_per_px())

    def wall_point(self, x: float, y: float, shift: bool = False) -> tuple[Hall, float, float, int] | None:
        grid = self.editor.grid_mm if self.editor.snap_enabled and not shift else 0.0
        return wall_point(self.editor.document.design, x, y, WALL_PICK_PX * self.mm_per_px() + 500.0, grid)

    def mouse_press(self, event: ToolEvent) -> bool:
        hit = self.door_at(event.x_mm, event.y_mm)
        if event.button == Qt.MouseButton.RightButton:
            if hit is None:
                self.editor.select_tool()
            else:
                self.editor.push(RemoveDoor(hit[1].id, text=self.editor.tr("Remove door")))
            return True
        if event.button != Qt.MouseButton.LeftButton:
            return False
        self._moving = hit
        self._press = event
        if hit is None:
            self.add_door(event.x_mm, event.y_mm, event.shift)
        return True

    def mouse_release(self, event: ToolEvent) -> bool:
        if self._moving is None:
            return True
        hall, door = self._moving
        self._moving = None
        press, self._press = self._press, None
        if press is not None and (abs(event.view_x - press.view_x) + abs(event.view_y - press.view_y)
                                  < self.drag_threshold_px):
            self.show_door(hall, hall.doors.index(door))  # a click selects: the door stays where it is
            return True
        wall = self.wall_point(event.x_mm, event.y_mm, event.shift)
        if wall is None or wall[0] is not hall:
            return True
        _, x, y, rot = wall
        edit = move_door_edit(door, x, y, rot, text=self.editor.tr("Move door"))
        if edit is not None:
            self.editor.push(edit)
        return True

    def show_door(self, hall: Hall, index: int) -> None:
        """Name the clicked door and its width, and say where the width is typed."""
        self.editor.message.emit(self.editor.tr(
            "Door D{0} of {1}: {2} mm wide. Type its width under Doors in the Properties panel's Hall tab.").format(
            index + 1, hall.name, f"{hall.doors[index].width_mm:,.0f}"))

    def add_door(self, x: float, y: float, shift: bool = False) -> bool:
        wall = self.wall_point(x, y, shift)
        if wall is None:
            self.editor.message.emit(self.editor.tr("Click on a hall wall to add a door"))
            return False
        hall, px, py, rot = wall
        return self.editor.push(add_door_edit(hall, px, py, rot, text=self.editor.tr("Add door")))

    def key_press(self, event: QKeyEvent) -> bool:
        if event.key() == Qt.Key.Key_Escape:
            self.editor.select_tool()
            return True
        return False
