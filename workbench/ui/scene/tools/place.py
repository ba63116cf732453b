"""Place tool: a ghost of the chosen block type follows the cursor; each click lays one block."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent

from workbench.model.design import Block
from workbench.geometry.footprint import rotated_size_mm
from workbench.ui.scene.coords import to_scene
from workbench.ui.scene.items import GhostItem
from workbench.editing.snapping import snap_centre
from workbench.ui.scene.tools.base import Tool, ToolEvent

_FRONT = {0: "down", 90: "right", 180: "up", 270: "left"}


class PlaceTool(Tool):
    name = "place"
    cursor = Qt.CursorShape.CrossCursor

    def __init__(self, editor, type_id: str) -> None:  # type: ignore[no-untyped-def]
        super().__init__(editor)
        self.type_id = type_id
        self.rotation_deg = 0
        self._ghost: GhostItem | None = None

    @property
    def label(self) -> str:
        t = self.editor.document.catalog.get(self.type_id)
        return self.editor.tr("Place %1").replace("%1", t.display_name() if t else self.type_id)

    def _size(self) -> tuple[float, float]:
        t = self.editor.document.catalog.get(self.type_id)
        return rotated_size_mm(Block(self.type_id, rotation_deg=self.rotation_deg), t)

    def activate(self) -> None:
        w, d = self._size()
        self._ghost = GhostItem(w, d, _FRONT[self.rotation_deg], self.editor.scene.theme)
        self._ghost.setVisible(False)
        self.editor.scene.addItem(self._ghost)

    def deactivate(self) -> None:
        if self._ghost is not None:
            self.editor.scene.removeItem(self._ghost)
            self._ghost = None

    def _snapped(self, event: ToolEvent) -> tuple[float, float]:
        w, d = self._size()
        grid = self.editor.grid_mm if self.editor.snap_enabled and not event.shift else 0.0
        return snap_centre(event.x_mm, event.y_mm, w, d, grid)

    def mouse_move(self, event: ToolEvent) -> bool:
        if self._ghost is not None:
            x, y = self._snapped(event)
            self._ghost.setPos(to_scene(x, y))
            self._ghost.setVisible(True)
        return True

    def mouse_press(self, event: ToolEvent) -> bool:
        if event.button == Qt.MouseButton.RightButton:
            self.editor.select_tool()
            return True
        if event.button != Qt.MouseButton.LeftButton:
            return False
        x, y = self._snapped(event)
        # Already snapped: place exactly here.
        self.editor.place_block(self.type_id, x, y, rotation_deg=self.rotation_deg, snap=False)
        return True

    def key_press(self, event: QKeyEvent) -> bool:
        if event.key() == Qt.Key.Key_Escape:
            self.editor.select_tool()
            return True
        return False

    def rotate_request(self) -> bool:
        self.rotation_deg = (self.rotation_deg + 90) % 360
        if self._ghost is not None:
            w, d = self._size()
            self._ghost.set_size(w, d, _FRONT[self.rotation_deg])
        return True
