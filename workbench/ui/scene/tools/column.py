"""Column tool: click to add a building column, drag one to move it, right-click to remove it."""

from __future__ import annotations

import copy

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent

from workbench.geometry.snapping import snap_value
from workbench.model.design import Column, Hall
from workbench.model.edits import SetHallField
from workbench.geometry.placement import hall_at
from workbench.ui.scene.tools.base import Tool, ToolEvent

DEFAULT_COLUMN_MM = 600.0  # a typical 600 × 600 mm concrete column; editable per column in the file


class ColumnTool(Tool):
    name = "column"
    cursor = Qt.CursorShape.CrossCursor

    def __init__(self, editor) -> None:  # type: ignore[no-untyped-def]
        super().__init__(editor)
        self._moving: tuple[Hall, int] | None = None

    @property
    def label(self) -> str:
        return self.editor.tr("Column")

    def activate(self) -> None:
        self.editor.message.emit(self.editor.tr(
            "Click in a hall to add a column; drag a column to move it; right-click a column to remove it"))

    def _snap(self, event: ToolEvent) -> tuple[float, float]:
        if not self.editor.snap_enabled or event.shift:
            return event.x_mm, event.y_mm
        g = self.editor.grid_mm
        return snap_value(event.x_mm, g), snap_value(event.y_mm, g)

    def column_at(self, x: float, y: float) -> tuple[Hall, int] | None:
        for hall in self.editor.document.design.halls:
            for i, c in enumerate(hall.columns):
                if abs(c.x_mm - x) <= c.width_mm / 2 and abs(c.y_mm - y) <= c.depth_mm / 2:
                    return hall, i
        return None

    def mouse_press(self, event: ToolEvent) -> bool:
        hit = self.column_at(event.x_mm, event.y_mm)
        if event.button == Qt.MouseButton.RightButton:
            if hit is None:
                self.editor.select_tool()
            else:
                self.remove_from_hall(*hit, "columns", self.editor.tr("Remove column"))
            return True
        if event.button != Qt.MouseButton.LeftButton:
            return False
        self._moving = hit
        if hit is None:
            self.add_column(*self._snap(event))
        return True

    def mouse_release(self, event: ToolEvent) -> bool:
        if self._moving is None:
            return True
        hall, i = self._moving
        self._moving = None
        x, y = self._snap(event)
        c = hall.columns[i]
        if (x, y) == (c.x_mm, c.y_mm):
            return True
        cols = copy.deepcopy(hall.columns)
        cols[i].x_mm, cols[i].y_mm = x, y
        self.editor.push(SetHallField(hall.id, "columns", cols, text=self.editor.tr("Move column")))
        return True

    def add_column(self, x: float, y: float) -> bool:
        hall = hall_at(self.editor.document.design, x, y)
        if hall is None:
            self.editor.message.emit(self.editor.tr("Click inside a hall to add a column"))
            return False
        cols = [*copy.deepcopy(hall.columns), Column(x_mm=x, y_mm=y, width_mm=DEFAULT_COLUMN_MM,
                                                     depth_mm=DEFAULT_COLUMN_MM)]
        return self.editor.push(SetHallField(hall.id, "columns", cols, text=self.editor.tr("Add column")))

    def key_press(self, event: QKeyEvent) -> bool:
        if event.key() == Qt.Key.Key_Escape:
            self.editor.select_tool()
            return True
        return False
