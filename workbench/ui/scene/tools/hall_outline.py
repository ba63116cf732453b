"""Hall outline tool: draw a hall as a rectangle or polygon, then reshape it by its corners and walls."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QKeyEvent

from workbench.geometry.polygons import is_axis_rectangle, outline_problem, polygon_area_mm2
from workbench.geometry.snapping import snap_value
from workbench.model.design import Hall
from workbench.model.edits import AddHall, SetHallField
from workbench.ui.scene.coords import format_length, to_scene
from workbench.ui.scene.hall_items import HANDLE_PX, PolylinePreview
from workbench.ui.scene.tools.base import Tool, ToolEvent

MIN_HALL_MM = 1000.0
EDGE_PICK_PX = 6.0  # how close to a wall, in screen pixels, a press grabs it
Point = tuple[float, float]


# --- outline geometry (model millimetres, pure) -----------------------------------------------
def edge_distance(outline: list[Point], index: int, x: float, y: float) -> tuple[float, float]:
    """(distance from the point to wall `index`, position 0…1 of its foot along the wall)."""
    (ax, ay), (bx, by) = outline[index], outline[(index + 1) % len(outline)]
    dx, dy = bx - ax, by - ay
    length2 = dx * dx + dy * dy
    if length2 == 0:
        return math.hypot(x - ax, y - ay), 0.0
    t = min(1.0, max(0.0, ((x - ax) * dx + (y - ay) * dy) / length2))
    return math.hypot(x - (ax + t * dx), y - (ay + t * dy)), t


def point_on_edge(outline: list[Point], index: int, x: float, y: float, grid_mm: float) -> Point | None:
    """The foot of the point on wall `index`, its main coordinate on the grid when that stays inside the wall."""
    (ax, ay), (bx, by) = outline[index], outline[(index + 1) % len(outline)]
    _, t = edge_distance(outline, index, x, y)
    if grid_mm > 0:
        # Snap the coordinate the wall mostly runs along; the other follows the wall, so the shape is kept.
        if abs(bx - ax) >= abs(by - ay):
            snapped = (snap_value(ax + t * (bx - ax), grid_mm) - ax) / (bx - ax)
        else:
            snapped = (snap_value(ay + t * (by - ay), grid_mm) - ay) / (by - ay)
        if 0.0 < snapped < 1.0:
            t = snapped
    if not 0.0 < t < 1.0:
        return None
    return ax + t * (bx - ax), ay + t * (by - ay)


def moved_edge(outline: list[Point], index: int, dx: float, dy: float, grid_mm: float) -> list[Point]:
    """Move wall `index` along its normal by the normal part of (dx, dy); its corners move together.

    An axis-aligned wall lands on the grid, and where a neighbouring wall runs straight on from it a
    new corner is kept at the old end, so the step this makes has right angles instead of a slope.
    """
    n = len(outline)
    i, j = index, (index + 1) % n
    (ax, ay), (bx, by) = outline[i], outline[j]
    length = math.hypot(bx - ax, by - ay)
    if length == 0:
        return list(outline)
    nx, ny = -(by - ay) / length, (bx - ax) / length
    offset = dx * nx + dy * ny
    if ax == bx:  # vertical wall: moves in x
        offset = (snap_value(ax + offset * nx, grid_mm) - ax) * nx if grid_mm > 0 else offset
    elif ay == by:  # horizontal wall: moves in y
        offset = (snap_value(ay + offset * ny, grid_mm) - ay) * ny if grid_mm > 0 else offset
    elif grid_mm > 0:
        offset = snap_value(offset, grid_mm)
    a, b = (ax, ay), (bx, by)
    axis = ax == bx or ay == by
    keep_a = axis and offset != 0 and _collinear(a, b, outline[(i - 1) % n])
    keep_b = axis and offset != 0 and _collinear(a, b, outline[(j + 1) % n])
    pts: list[Point] = []
    for k, p in enumerate(outline):
        if k == i:
            pts += [a] if keep_a else []
            pts.append((ax + offset * nx, ay + offset * ny))
        elif k == j:
            pts.append((bx + offset * nx, by + offset * ny))
            pts += [b] if keep_b else []
        else:
            pts.append(p)
    return pts


def _collinear(p: Point, q: Point, r: Point) -> bool:
    return abs((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])) < 1e-6


def without_vertex(outline: list[Point], index: int) -> list[Point]:
    return [p for k, p in enumerate(outline) if k != index]


class HallOutlineTool(Tool):
    name = "hall"
    cursor = Qt.CursorShape.CrossCursor

    def __init__(self, editor) -> None:  # type: ignore[no-untyped-def]
        super().__init__(editor)
        self._points: list[Point] = []  # polygon being clicked
        self._rect_start: Point | None = None
        self._press: ToolEvent | None = None
        self._vertex: tuple[str, int, list[Point]] | None = None  # hall, index, outline
        self._edge: tuple[str, int, list[Point]] | None = None  # hall, wall index, outline
        self._dragging = False
        self._selected: tuple[str, Point] | None = None  # hall and corner picked for Delete
        self._hover_kind = ""  # what the cursor is over: "", "corner" or "wall"
        self._preview: PolylinePreview | None = None

    @property
    def label(self) -> str:
        return self.editor.tr("Hall outline")

    def activate(self) -> None:
        for item in self.editor.scene.hall_items.values():
            item.set_show_handles(True)
        self._preview = PolylinePreview(self.editor.scene.theme)
        self.editor.scene.addItem(self._preview)
        self._hover_kind = ""
        self._hint("")

    def deactivate(self) -> None:
        self._select_corner(None)
        for item in self.editor.scene.hall_items.values():
            item.set_show_handles(False)
        if self._preview is not None:
            self.editor.scene.removeItem(self._preview)
            self._preview = None
        self._points = []
        self._vertex = self._edge = None
        self._press = None

    def _hint(self, kind: str) -> None:
        """The status-bar hint for what is under the cursor: nothing, a corner or a wall."""
        if kind == "corner":
            text = self.editor.tr("Corner: drag to move it; right-click it, or click it and press Delete, to remove it")
        elif kind == "wall":
            text = self.editor.tr("Wall: drag to move it square to itself; double-click to add a corner there")
        else:
            text = self.editor.tr("Drag to draw a rectangular hall, or click corners and double-click to close a "
                                  "polygon; point at a hall's corner or wall to reshape it")
        self.editor.message.emit(text)

    def delete_request(self) -> bool:
        """Delete or Backspace: take back the last point of a half-drawn outline, or remove the picked corner."""
        if self._points:
            self._points.pop()
            self._show([to_scene(px, py) for px, py in self._points])
            return True
        if self._selected is not None:
            hall_id, corner = self._selected
            outline = self._outline(hall_id)
            if corner in outline:
                self.remove_corner(hall_id, outline.index(corner))
            else:
                self._select_corner(None)
            return True
        return False

    def _grid(self, event: ToolEvent) -> float:
        return 0.0 if not self.editor.snap_enabled or event.shift else self.editor.grid_mm

    def _snap(self, event: ToolEvent) -> Point:
        on_drawing = self.drawing_point(event)
        if on_drawing is not None:
            return on_drawing
        g = self._grid(event)
        return (snap_value(event.x_mm, g), snap_value(event.y_mm, g)) if g else (event.x_mm, event.y_mm)

    def _vertex_at(self, event: ToolEvent) -> tuple[str, int] | None:
        tol = HANDLE_PX * self.mm_per_px()
        for hall in self.editor.document.design.halls:
            for i, (x, y) in enumerate(hall.outline):
                if abs(x - event.x_mm) <= tol and abs(y - event.y_mm) <= tol:
                    return hall.id, i
        return None

    def _edge_at(self, event: ToolEvent) -> tuple[str, int] | None:
        """The nearest wall within a few pixels of the event (corners are hit-tested first)."""
        best: tuple[float, str, int] | None = None
        tol = EDGE_PICK_PX * self.mm_per_px()
        for hall in self.editor.document.design.halls:
            for i in range(len(hall.outline)):
                d, _ = edge_distance(hall.outline, i, event.x_mm, event.y_mm)
                if d <= tol and (best is None or d < best[0]):
                    best = (d, hall.id, i)
        return None if best is None else (best[1], best[2])

    def _outline(self, hall_id: str) -> list[Point]:
        hall = self.editor.document.design.hall(hall_id)
        return list(hall.outline) if hall is not None else []

    # --- gestures ------------------------------------------------------------------------
    def mouse_press(self, event: ToolEvent) -> bool:
        if event.button == Qt.MouseButton.RightButton:
            hit = self._vertex_at(event) if not self._points else None
            if hit is not None:
                self.remove_corner(*hit)
            elif self._points:
                self._points = []
                self._show([])
            else:
                self.editor.select_tool()
            return True
        if event.button != Qt.MouseButton.LeftButton:
            return False
        self._press = event
        self._dragging = False
        if not self._points:
            hit = self._vertex_at(event)
            if hit is not None:
                self._vertex = (hit[0], hit[1], self._outline(hit[0]))
            elif (wall := self._edge_at(event)) is not None:
                self._edge = (wall[0], wall[1], self._outline(wall[0]))
        return True

    def mouse_move(self, event: ToolEvent) -> bool:
        if self._press is None:
            self._hover(event)
        if self._press is not None and not self._dragging and self._far(event):
            self._dragging = True
        x, y = self._snap(event)
        if self._vertex is not None:
            if self._dragging:
                self._show([to_scene(px, py) for px, py in self._moved_outline(self._vertex, x, y)], closed=True)
        elif self._edge is not None:
            if self._dragging:
                self._show([to_scene(px, py) for px, py in self._edge_outline(self._edge, self._press, event)],
                           closed=True)
        elif self._press is not None and not self._points and self._dragging:
            x0, y0 = self._snap(self._press)
            self._rect_start = (x0, y0)
            self._show([to_scene(x0, y0), to_scene(x, y0), to_scene(x, y), to_scene(x0, y)], closed=True,
                       label=self.size_text(abs(x - x0), abs(y - y0)))
        elif self._points:
            self._show([to_scene(px, py) for px, py in [*self._points, (x, y)]])
        return True

    def mouse_release(self, event: ToolEvent) -> bool:
        press, self._press = self._press, None
        if press is None:
            return False
        # The next hover hint waits for the cursor to reach something else: a refusal message stays readable.
        self._hover_kind = self._under(event)[0]
        dragged, self._dragging = self._dragging, False
        x, y = self._snap(event)
        vertex, edge, self._vertex, self._edge = self._vertex, self._edge, None, None
        if vertex is not None:
            hall_id, index, outline = vertex
            if not dragged:
                self._select_corner((hall_id, outline[index]))
                return True
            moved = self._moved_outline(vertex, x, y)
            self._show([])
            if self._commit_outline(hall_id, moved, self.editor.tr("Reshape hall")):
                self._select_corner((hall_id, moved[index]) if len(moved) == len(outline) else None)
            return True
        if edge is not None and dragged:
            moved = self._edge_outline(edge, press, event)
            self._show([])
            self._commit_outline(edge[0], moved, self.editor.tr("Move hall wall"))
            return True
        self._select_corner(None)
        if self._rect_start is not None:
            x0, y0 = self._rect_start
            self._rect_start = None
            self._show([])
            self.add_hall([(min(x0, x), min(y0, y)), (max(x0, x), min(y0, y)), (max(x0, x), max(y0, y)),
                           (min(x0, x), max(y0, y))])
        else:
            # A click on a wall still starts a polygon there: halls may share walls.
            if not self._points or self._points[-1] != (x, y):
                self._points.append((x, y))
            self._show([to_scene(px, py) for px, py in self._points])
        return True

    def mouse_double_click(self, event: ToolEvent) -> bool:
        # The double-click's first click put down one polygon point; with no polygon going, it adds a corner.
        wall = self._edge_at(event) if len(self._points) <= 1 and self._vertex_at(event) is None else None
        if wall is not None:
            self._points = []
            self._show([])
            self.insert_corner(wall[0], wall[1], event)
            return True
        self.finish_polygon()
        return True

    def key_press(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.finish_polygon()
            return True
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):  # when no window shortcut took the key first
            return self.delete_request()
        if key == Qt.Key.Key_Escape:
            if self._points or self._vertex or self._edge or self._selected:
                self._points, self._vertex, self._edge, self._press = [], None, None, None
                self._select_corner(None)
                self._show([])
            else:
                self.editor.select_tool()
            return True
        return False

    # --- edits ---------------------------------------------------------------------------
    def finish_polygon(self) -> None:
        pts = self._points
        self._points = []
        self._show([])
        # A double-click lands twice on the last corner.
        dedup = [p for i, p in enumerate(pts) if i == 0 or p != pts[i - 1]]
        if len(dedup) >= 3:
            self.add_hall(dedup)

    def add_hall(self, outline: list[Point]) -> bool:
        problem = outline_problem(outline)
        if problem is None and polygon_area_mm2(outline) < MIN_HALL_MM ** 2:
            problem = self.editor.tr("the hall is smaller than 1 m × 1 m")
        if problem:
            self.editor.message.emit(self.editor.tr("Hall not added: %1").replace("%1", problem))
            return False
        n = len(self.editor.document.design.halls) + 1
        hall = Hall(name=self.editor.tr("Hall %1").replace("%1", str(n)), outline=outline)
        return self.editor.push(AddHall(hall, text=self.editor.tr("Add hall")))

    def insert_corner(self, hall_id: str, index: int, event: ToolEvent) -> bool:
        outline = self._outline(hall_id)
        point = point_on_edge(outline, index, event.x_mm, event.y_mm, self._grid(event)) if outline else None
        if point is None:
            return False
        new = [*outline[:index + 1], point, *outline[index + 1:]]
        if self._commit_outline(hall_id, new, self.editor.tr("Add hall corner")):
            self._select_corner((hall_id, point))
            return True
        return False

    def remove_corner(self, hall_id: str, index: int) -> bool:
        outline = self._outline(hall_id)
        if len(outline) <= 3:
            self.editor.message.emit(self.editor.tr(
                "Corner not removed: a hall needs at least three corners"))
            return False
        self._select_corner(None)
        return self._commit_outline(hall_id, without_vertex(outline, index), self.editor.tr("Remove hall corner"))

    def _commit_outline(self, hall_id: str, outline: list[Point], text: str) -> bool:
        if outline == self._outline(hall_id):
            return False  # a click on a handle is not an edit
        problem = outline_problem(outline)
        if problem:
            self.editor.message.emit(self.editor.tr("Outline not changed: %1").replace("%1", problem))
            return False
        return self.editor.push(SetHallField(hall_id, "outline", outline, text=text))

    @staticmethod
    def _moved_outline(vertex: tuple[str, int, list[Point]], x: float, y: float) -> list[Point]:
        _, index, outline = vertex
        pts = list(outline)
        if is_axis_rectangle(outline):
            # Keep a rectangle rectangular: the neighbours share the moved corner's x or y.
            ox, oy = pts[index]
            pts = [(x if px == ox else px, y if py == oy else py) for px, py in pts]
        else:
            pts[index] = (x, y)
        return pts

    def _edge_outline(self, edge: tuple[str, int, list[Point]], press: ToolEvent | None,
                      event: ToolEvent) -> list[Point]:
        _, index, outline = edge
        if press is None:
            return list(outline)
        return moved_edge(outline, index, event.x_mm - press.x_mm, event.y_mm - press.y_mm, self._grid(event))

    def _select_corner(self, selected: tuple[str, Point] | None) -> None:
        self._selected = selected
        for hall_id, item in self.editor.scene.hall_items.items():
            here = selected is not None and selected[0] == hall_id
            item.set_selected_corner(to_scene(*selected[1]) if here and selected else None)

    def _under(self, event: ToolEvent) -> tuple[str, Qt.CursorShape]:
        """What a press here would grab ("", "corner" or "wall") and the cursor that shows it."""
        if self._points:
            return "", self.cursor
        if self._vertex_at(event) is not None:
            return "corner", Qt.CursorShape.SizeAllCursor
        wall = self._edge_at(event)
        if wall is None:
            return "", self.cursor
        outline = self._outline(wall[0])
        (ax, ay), (bx, by) = outline[wall[1]], outline[(wall[1] + 1) % len(outline)]
        return "wall", Qt.CursorShape.SizeHorCursor if abs(bx - ax) < abs(by - ay) else Qt.CursorShape.SizeVerCursor

    def _hover(self, event: ToolEvent) -> None:
        kind, shape = self._under(event)
        if kind != self._hover_kind:
            self._hover_kind = kind
            self._hint(kind)
        viewport = self.editor.view.viewport()
        if viewport.cursor().shape() not in (shape, Qt.CursorShape.OpenHandCursor):  # open hand: Space panning
            viewport.setCursor(shape)

    def _far(self, event: ToolEvent) -> bool:
        p = self._press
        return p is not None and abs(event.view_x - p.view_x) + abs(event.view_y - p.view_y) >= 6

    def size_text(self, width_mm: float, depth_mm: float) -> str:
        """The live width × depth of a hall being drawn, in the view's units."""
        imperial = getattr(self.editor.view, "imperial", False)
        return f"{format_length(width_mm, imperial)} × {format_length(depth_mm, imperial)}"

    def _show(self, points: list[QPointF], closed: bool = False, label: str = "") -> None:
        if self._preview is not None:
            self._preview.set_points(points + ([points[0]] if closed and points else []), label)
