"""Hall outline tool: drag a rectangle or click a polygon to add a hall; drag a corner to reshape one."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QKeyEvent

from workbench.geometry.polygons import is_axis_rectangle, outline_problem, polygon_area_mm2
from workbench.geometry.snapping import snap_value
from workbench.model.design import Hall
from workbench.model.edits import AddHall, SetHallField
from workbench.ui.scene.coords import to_scene
from workbench.ui.scene.hall_items import HANDLE_PX, PolylinePreview
from workbench.ui.scene.tools.base import Tool, ToolEvent

MIN_HALL_MM = 1000.0


class HallOutlineTool(Tool):
    name = "hall"
    cursor = Qt.CursorShape.CrossCursor

    def __init__(self, editor) -> None:  # type: ignore[no-untyped-def]
        super().__init__(editor)
        self._points: list[tuple[float, float]] = []  # polygon being clicked
        self._rect_start: tuple[float, float] | None = None
        self._press: ToolEvent | None = None
        self._vertex: tuple[str, int, list[tuple[float, float]]] | None = None  # hall, index, outline
        self._preview: PolylinePreview | None = None

    @property
    def label(self) -> str:
        return self.editor.tr("Hall outline")

    def activate(self) -> None:
        for item in self.editor.scene.hall_items.values():
            item.set_show_handles(True)
        self._preview = PolylinePreview(self.editor.scene.theme)
        self.editor.scene.addItem(self._preview)
        self.editor.message.emit(self.editor.tr(
            "Drag to draw a rectangular hall, or click corners and double-click to close a polygon; "
            "drag a corner handle to reshape a hall"))

    def deactivate(self) -> None:
        for item in self.editor.scene.hall_items.values():
            item.set_show_handles(False)
        if self._preview is not None:
            self.editor.scene.removeItem(self._preview)
            self._preview = None
        self._points = []
        self._vertex = None
        self._press = None

    def _snap(self, event: ToolEvent) -> tuple[float, float]:
        if not self.editor.snap_enabled or event.shift:
            return event.x_mm, event.y_mm
        g = self.editor.grid_mm
        return snap_value(event.x_mm, g), snap_value(event.y_mm, g)

    def _vertex_at(self, event: ToolEvent) -> tuple[str, int] | None:
        tol = HANDLE_PX * self.mm_per_px()
        for hall in self.editor.document.design.halls:
            for i, (x, y) in enumerate(hall.outline):
                if abs(x - event.x_mm) <= tol and abs(y - event.y_mm) <= tol:
                    return hall.id, i
        return None

    # --- gestures ------------------------------------------------------------------------
    def mouse_press(self, event: ToolEvent) -> bool:
        if event.button == Qt.MouseButton.RightButton:
            if self._points:
                self._points = []
                self._show([])
            else:
                self.editor.select_tool()
            return True
        if event.button != Qt.MouseButton.LeftButton:
            return False
        self._press = event
        hit = self._vertex_at(event) if not self._points else None
        if hit is not None:
            hall = self.editor.document.design.hall(hit[0])
            assert hall is not None
            self._vertex = (hit[0], hit[1], list(hall.outline))
        return True

    def mouse_move(self, event: ToolEvent) -> bool:
        x, y = self._snap(event)
        if self._vertex is not None:
            self._show([to_scene(px, py) for px, py in self._moved_outline(x, y)], closed=True)
        elif self._press is not None and not self._points and self._far(event):
            x0, y0 = self._snap(self._press)
            self._rect_start = (x0, y0)
            self._show([to_scene(x0, y0), to_scene(x, y0), to_scene(x, y), to_scene(x0, y)], closed=True)
        elif self._points:
            self._show([to_scene(px, py) for px, py in [*self._points, (x, y)]])
        return True

    def mouse_release(self, event: ToolEvent) -> bool:
        press, self._press = self._press, None
        if press is None:
            return False
        x, y = self._snap(event)
        if self._vertex is not None:
            hall_id = self._vertex[0]
            outline = self._moved_outline(x, y)
            self._vertex = None
            self._show([])
            self._commit_outline(hall_id, outline)
        elif self._rect_start is not None:
            x0, y0 = self._rect_start
            self._rect_start = None
            self._show([])
            self.add_hall([(min(x0, x), min(y0, y)), (max(x0, x), min(y0, y)), (max(x0, x), max(y0, y)),
                           (min(x0, x), max(y0, y))])
        else:
            if not self._points or self._points[-1] != (x, y):
                self._points.append((x, y))
            self._show([to_scene(px, py) for px, py in self._points])
        return True

    def mouse_double_click(self, event: ToolEvent) -> bool:
        self.finish_polygon()
        return True

    def key_press(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.finish_polygon()
            return True
        if key == Qt.Key.Key_Backspace and self._points:
            self._points.pop()
            self._show([to_scene(px, py) for px, py in self._points])
            return True
        if key == Qt.Key.Key_Escape:
            if self._points or self._vertex:
                self._points, self._vertex = [], None
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

    def add_hall(self, outline: list[tuple[float, float]]) -> bool:
        problem = outline_problem(outline)
        if problem is None and polygon_area_mm2(outline) < MIN_HALL_MM ** 2:
            problem = self.editor.tr("the hall is smaller than 1 m × 1 m")
        if problem:
            self.editor.message.emit(self.editor.tr("Hall not added: %1").replace("%1", problem))
            return False
        n = len(self.editor.document.design.halls) + 1
        hall = Hall(name=self.editor.tr("Hall %1").replace("%1", str(n)), outline=outline)
        return self.editor.push(AddHall(hall, text=self.editor.tr("Add hall")))

    def _commit_outline(self, hall_id: str, outline: list[tuple[float, float]]) -> None:
        problem = outline_problem(outline)
        if problem:
            self.editor.message.emit(self.editor.tr("Outline not changed: %1").replace("%1", problem))
            return
        self.editor.push(SetHallField(hall_id, "outline", outline, text=self.editor.tr("Reshape hall")))

    def _moved_outline(self, x: float, y: float) -> list[tuple[float, float]]:
        assert self._vertex is not None
        _, index, outline = self._vertex
        pts = list(outline)
        if is_axis_rectangle(outline):
            # Keep a rectangle rectangular: the neighbours share the moved corner's x or y.
            ox, oy = pts[index]
            pts = [(x if px == ox else px, y if py == oy else py) for px, py in pts]
        else:
            pts[index] = (x, y)
        return pts

    def _far(self, event: ToolEvent) -> bool:
        p = self._press
        return p is not None and abs(event.view_x - p.view_x) + abs(event.view_y - p.view_y) >= 6

    def _show(self, points: list[QPointF], closed: bool = False) -> None:
        if self._preview is not None:
            self._preview.set_points(points + ([points[0]] if closed and points else []))
