"""Door tool: click a hall wall to add a door; click a door to name it; drag it along walls; right-click removes."""

from __future__ import annotations

import copy
import math

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent

from workbench.geometry.snapping import snap_value
from workbench.model.design import Door, Hall
from workbench.model.edits import SetHallField
from workbench.ui.scene.tools.base import Tool, ToolEvent

DEFAULT_DOOR_MM = 1800.0  # a double door wide enough for a rack on a pallet jack
WALL_PICK_PX = 25.0


def nearest_wall(hall: Hall, x: float, y: float) -> tuple[float, float, float, int]:
    """(distance, x, y, rotation) of the closest point on the hall's walls; rotation 0 lies along x."""
    best = (math.inf, x, y, 0)
    pts = hall.outline
    for i in range(len(pts)):
        (x1, y1), (x2, y2) = pts[i], pts[(i + 1) % len(pts)]
        dx, dy = x2 - x1, y2 - y1
        length2 = dx * dx + dy * dy
        if length2 == 0:
            continue
        s = max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / length2))
        px, py = x1 + s * dx, y1 + s * dy
        dist = math.hypot(x - px, y - py)
        if dist < best[0]:
            angle = round(math.degrees(math.atan2(dy, dx)) / 90.0) * 90 % 180
            best = (dist, px, py, int(angle))
    return best


class DoorTool(Tool):
    name = "door"
    cursor = Qt.CursorShape.CrossCursor

    def __init__(self, editor) -> None:  # type: ignore[no-untyped-def]
        super().__init__(editor)
        self._moving: tuple[Hall, int] | None = None
        self._press: ToolEvent | None = None

    @property
    def label(self) -> str:
        return self.editor.tr("Door")

    def activate(self) -> None:
        self.editor.message.emit(self.editor.tr(
            "Click on a hall wall to add a door; drag a door along the walls; right-click a door to remove it"))

    def door_at(self, x: float, y: float) -> tuple[Hall, int] | None:
        tol = WALL_PICK_PX * self.mm_per_px()
        for hall in self.editor.document.design.halls:
            for i, d in enumerate(hall.doors):
                if math.hypot(d.x_mm - x, d.y_mm - y) <= d.width_mm / 2 + tol:
                    return hall, i
        return None

    def wall_point(self, x: float, y: float, shift: bool = False) -> tuple[Hall, float, float, int] | None:
        tol = WALL_PICK_PX * self.mm_per_px() + 500.0
        best: tuple[Hall, float, float, int] | None = None
        best_d = math.inf
        for hall in self.editor.document.design.halls:
            d, px, py, rot = nearest_wall(hall, x, y)
            if d < best_d and d <= tol:
                best_d, best = d, (hall, px, py, rot)
        if best is None:
            return None
        hall, px, py, rot = best
        if self.editor.snap_enabled and not shift:
            # Slide along the wall in grid steps; the cross-wall coordinate stays on the wall.
            g = self.editor.grid_mm
            px, py = (snap_value(px, g), py) if rot == 0 else (px, snap_value(py, g))
        return hall, px, py, rot

    def mouse_press(self, event: ToolEvent) -> bool:
        hit = self.door_at(event.x_mm, event.y_mm)
        if event.button == Qt.MouseButton.RightButton:
            if hit is None:
                self.editor.select_tool()
            else:
                self.remove_from_hall(*hit, "doors", self.editor.tr("Remove door"))
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
        hall, i = self._moving
        self._moving = None
        press, self._press = self._press, None
        if press is not None and (abs(event.view_x - press.view_x) + abs(event.view_y - press.view_y)
                                  < self.drag_threshold_px):
            self.show_door(hall, i)  # a click selects: the door stays where it is
            return True
        wall = self.wall_point(event.x_mm, event.y_mm, event.shift)
        if wall is None or wall[0] is not hall:
            return True
        _, x, y, rot = wall
        old = hall.doors[i]
        if (x, y) == (old.x_mm, old.y_mm):
            return True
        doors = copy.deepcopy(hall.doors)
        doors[i].x_mm, doors[i].y_mm, doors[i].rotation_deg = x, y, rot
        self.editor.push(SetHallField(hall.id, "doors", doors, text=self.editor.tr("Move door")))
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
        doors = [*copy.deepcopy(hall.doors), Door(x_mm=px, y_mm=py, width_mm=DEFAULT_DOOR_MM, rotation_deg=rot)]
        return self.editor.push(SetHallField(hall.id, "doors", doors, text=self.editor.tr("Add door")))

    def key_press(self, event: QKeyEvent) -> bool:
        if event.key() == Qt.Key.Key_Escape:
            self.editor.select_tool()
            return True
        return False
