"""Columns and doors: finding one under the pointer, the wall point a door snaps to, and their add/move/remove edits."""

from __future__ import annotations

import math

from workbench.geometry.placement import hall_at
from workbench.geometry.snapping import snap_value
from workbench.model.design import Column, Design, Door, Hall
from workbench.model.hall_edits import AddColumn, AddDoor, MoveColumn, MoveDoor

DEFAULT_COLUMN_MM = 600.0  # a typical 600 × 600 mm concrete column; editable per column in the file
DEFAULT_DOOR_MM = 1800.0  # a double door wide enough for a rack on a pallet jack


def column_at(design: Design, x: float, y: float) -> Column | None:
    """The column whose footprint holds the point."""
    for hall in design.halls:
        for c in hall.columns:
            if abs(c.x_mm - x) <= c.width_mm / 2 and abs(c.y_mm - y) <= c.depth_mm / 2:
                return c
    return None


def add_column_edit(design: Design, x: float, y: float, text: str = "Add column") -> AddColumn | None:
    """A default-size column at (x, y) in the hall under it; None outside every hall."""
    hall = hall_at(design, x, y)
    if hall is None:
        return None
    return AddColumn(hall.id, Column(x_mm=x, y_mm=y, width_mm=DEFAULT_COLUMN_MM, depth_mm=DEFAULT_COLUMN_MM), text)


def move_column_edit(design: Design, column: Column, x: float, y: float, text: str = "Move column") -> MoveColumn | None:
    """Move a column; None when it already stands there."""
    if (x, y) == (column.x_mm, column.y_mm):
        return None
    return MoveColumn(column.id, x, y, text)


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


def wall_point(design: Design, x: float, y: float, tolerance_mm: float,
               grid_mm: float = 0.0) -> tuple[Hall, float, float, int] | None:
    """(hall, x, y, rotation) of the wall point nearest (x, y) within tolerance, slid along the wall in grid steps."""
    best: tuple[Hall, float, float, int] | None = None
    best_d = math.inf
    for hall in design.halls:
        d, px, py, rot = nearest_wall(hall, x, y)
        if d < best_d and d <= tolerance_mm:
            best_d, best = d, (hall, px, py, rot)
    if best is None:
        return None
    hall, px, py, rot = best
    if grid_mm > 0:  # the cross-wall coordinate stays on the wall
        px, py = (snap_value(px, grid_mm), py) if rot == 0 else (px, snap_value(py, grid_mm))
    return hall, px, py, rot


def door_at(design: Design, x: float, y: float, tolerance_mm: float) -> tuple[Hall, Door] | None:
    """The door within its half-width plus tolerance of the point, with its hall."""
    for hall in design.halls:
        for d in hall.doors:
            if math.hypot(d.x_mm - x, d.y_mm - y) <= d.width_mm / 2 + tolerance_mm:
                return hall, d
    return None


def add_door_edit(hall: Hall, x: float, y: float, rotation_deg: int, text: str = "Add door") -> AddDoor:
    """A default-width door at a wall point (see wall_point)."""
    return AddDoor(hall.id, Door(x_mm=x, y_mm=y, width_mm=DEFAULT_DOOR_MM, rotation_deg=rotation_deg), text)


def move_door_edit(door: Door, x: float, y: float, rotation_deg: int, text: str = "Move door") -> MoveDoor | None:
    """Move a door to another wall point; None when it already stands there."""
    if (x, y) == (door.x_mm, door.y_mm):
        return None
    return MoveDoor(door.id, x, y, rotation_deg, text)
