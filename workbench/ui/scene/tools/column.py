"""Column tool: click to add a building column, drag one to move it, right-click to remove it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent

from workbench.editing.hall_items import add_column_edit, column_at, move_column_edit
from workbench.geometry.snapping import snap_value
from workbench.model.design import Column
from workbench.model.hall_edits import RemoveColumn
from workbench.ui.scene.tools.base import Tool, ToolEvent


class ColumnTool(Tool):
    name = "column"
    cursor = Qt.CursorShape.CrossCursor

    def __init__(self, editor) -> None:  # type: ignore[no-untyped-def]
        super().__init__(editor)
        self._moving: Column | None = None

    @property
    def label(self) -> str:
        return self.editor.tr("Column")

    def activate(self) -> None:
        self.editor.message.emit(self.editor.tr(
            "Click in a hall to add a column; drag a column to move it; right-click a column to remove it"))

    def _snap(self, event: ToolEvent) -> tuple[float, float]:
        on_drawing = self.drawing_point(event)
        if on_drawing is not None:
            return on_drawing
        if not self.editor.snap_enabled or event.shift:
            return event.x_mm, event.y_mm
        g = self.editor.grid_mm
        return snap_value(event.x_mm, g), snap_value(event.y_mm, g)

    def mouse_press(self, event: ToolEvent) -> bool:
        hit = column_at(self.editor.document.design, event.x_mm, event.y_mm)
        if event.button == Qt.MouseButton.RightButton:
            if hit is None:
                self.editor.select_tool()
            else:
                self.editor.push(RemoveColumn(hit.id, text=self.editor.tr("Remove column")))
            return True
        if event.button != Qt.MouseButton.LeftButton:
            return False
        self._moving = hit
        if hit is None:
            self.add_column(*self._snap(event))
        return True

    def mouse_release(self, event: ToolEvent) -> bool:
        column, self._moving = self._moving, None
        if column is not None:
            edit = move_column_edit(self.editor.document.design, column, *self._snap(event),
                                    text=self.editor.tr("Move column"))
            if edit is not None:
                self.editor.push(edit)
        return True

    def add_column(self, x: float, y: float) -> bool:
        edit = add_column_edit(self.editor.document.design, x, y, text=self.editor.tr("Add column"))
        if edit is None:
            self.editor.message.emit(self.editor.tr("Click inside a hall to add a column"))
            return False
        return self.editor.push(edit)

    def key_press(self, event: QKeyEvent) -> bool:
        if event.key() == Qt.Key.Key_Escape:
            self.editor.select_tool()
            return True
        return False
