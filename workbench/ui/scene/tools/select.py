"""Select and move: click, Ctrl+click, window/crossing rubber band, drag with grid and edge snapping."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QKeyEvent

from workbench.editing.selection import expand_modules, movable
from workbench.geometry.placement import hall_at
from workbench.editing.snapping import drag_offset
from workbench.model.edits import MoveBlocks
from workbench.ui.scene.coords import scene_rect_to_box
from workbench.ui.scene.hall_items import RubberBand
from workbench.ui.scene.tools.base import Tool, ToolEvent

EDGE_SNAP_PX = 8.0  # neighbour edges within this many screen pixels pull the dragged block


class SelectTool(Tool):
    name = "select"

    def __init__(self, editor) -> None:  # type: ignore[no-untyped-def]
        super().__init__(editor)
        self._press: ToolEvent | None = None
        self._anchor: str | None = None
        self._dragging = False
        self._band: RubberBand | None = None

    @property
    def label(self) -> str:
        return self.editor.tr("Select")

    # --- gestures ------------------------------------------------------------------------
    def mouse_press(self, event: ToolEvent) -> bool:
        if event.button != Qt.MouseButton.LeftButton:
            return False
        doc = self.editor.document
        self._press = event
        self._dragging = False
        hit = self.editor.scene.block_at(event.scene_pos)
        self._anchor = hit
        if hit is None:
            return True
        group = expand_modules(doc.design, {hit})
        if event.ctrl:
            sel = set(doc.selection)
            doc.set_selection(sel - group if hit in sel else sel | group)
            self._anchor = None  # Ctrl+click toggles; it never starts a drag
        elif hit not in doc.selection:
            doc.set_selection(group)
        return True

    def mouse_move(self, event: ToolEvent) -> bool:
        press = self._press
        if press is None:
            return False
        far = abs(event.view_x - press.view_x) + abs(event.view_y - press.view_y) >= self.drag_threshold_px
        if self._anchor is not None:
            if not self._dragging and far:
                self._start_drag()
            if self._dragging:
                dx, dy = self.snapped_delta(event.x_mm - press.x_mm, event.y_mm - press.y_mm, event.shift)
                self.editor.scene.drag_to(dx, dy)
            return True
        if far or self._band is not None:
            self._update_band(press, event)
        return True

    def mouse_release(self, event: ToolEvent) -> bool:
        press = self._press
        if press is None:
            return False
        self._press = None
        if self._dragging:
            self._dragging = False
            self._finish_drag()
        elif self._band is not None:
            self._finish_band(press, event)
        elif self._anchor is None and not event.ctrl and self.editor.scene.block_at(event.scene_pos) is None:
            self.editor.document.set_selection(set())
            # A click on a hall's empty floor selects the hall (Delete, F2 and its menu then act on it).
            hall = hall_at(self.editor.document.design, event.x_mm, event.y_mm)
            self.editor.select_hall(hall.id if hall is not None else "")
        self._anchor = None
        return True

    def key_press(self, event: QKeyEvent) -> bool:
        if event.key() == Qt.Key.Key_F2 and self.editor.selected_hall_id:
            self.editor.rename_hall(self.editor.selected_hall_id)
            return True
        if event.key() == Qt.Key.Key_Escape:
            self.editor.select_hall("")
            if self._dragging:
                self.cancel()
            else:
                self.editor.document.set_selection(set())
            return True
        return False

    def deactivate(self) -> None:
        self.cancel()

    def cancel(self) -> None:
        if self._dragging:
            self.editor.scene.cancel_drag()
        self._dragging = False
        self._press = None
        self._anchor = None
        self._remove_band()

    # --- moving --------------------------------------------------------------------------
    def _start_drag(self) -> None:
        doc = self.editor.document
        ids = movable(doc.design, doc.selection)
        if not ids:
            self.editor.message.emit(self.editor.tr("The selection is locked; unlock it to move it"))
            self._anchor = None
            self._press = None
            return
        if self._anchor not in ids:
            self._anchor = ids[0]
        self.editor.scene.begin_drag(ids)
        self._dragging = True

    def snapped_delta(self, dx: float, dy: float, suspend: bool = False) -> tuple[float, float]:
        """The drag offset with the anchor block's corner on the grid, then pulled to neighbour edges."""
        scene, editor = self.editor.scene, self.editor
        drag = scene.drag
        if drag is None or not editor.snap_enabled or suspend:
            return dx, dy
        row = drag.ids.index(self._anchor) if self._anchor in drag.ids else 0
        x0, y0, x1, y1 = (float(v) for v in drag.moving[row])
        return drag_offset((x0, y0, x1, y1), drag.static, dx, dy, editor.grid_mm, EDGE_SNAP_PX * self.mm_per_px())

    def _finish_drag(self) -> None:
        scene, doc = self.editor.scene, self.editor.document
        drag = scene.end_drag()
        if drag is None:
            return
        dx, dy = drag.dx_mm, drag.dy_mm
        if abs(dx) < 1e-9 and abs(dy) < 1e-9:
            scene.cancel_drag()
            return
        blocks = doc.design.blocks
        pos = [(blocks[i].x_mm + dx, blocks[i].y_mm + dy) for i in drag.ids]
        if not self.editor.push(MoveBlocks(drag.ids, pos)):  # named "Move 3 blocks" by ui/edit_text.py
            # Refused (read-only): put the items back where the model says they are.
            for bid, p in zip(drag.ids, drag.start_pos):
                scene.block_items[bid].setPos(p)
        scene.clearance.setPos(0, 0)

    # --- rubber band ---------------------------------------------------------------------
    def _update_band(self, press: ToolEvent, event: ToolEvent) -> None:
        if self._band is None:
            self._band = RubberBand(self.editor.scene.theme)
            self.editor.scene.addItem(self._band)
        crossing = event.view_x < press.view_x  # right to left: crossing, as in AutoCAD
        self._band.set_rect(QRectF(press.scene_pos, event.scene_pos), crossing)

    def _finish_band(self, press: ToolEvent, event: ToolEvent) -> None:
        crossing = event.view_x < press.view_x
        box = scene_rect_to_box(QRectF(press.scene_pos, event.scene_pos))
        self._remove_band()
        doc = self.editor.document
        ids = expand_modules(doc.design, self.editor.scene.ids_in_box(box, crossing))
        doc.set_selection(set(doc.selection) | ids if event.ctrl else ids)

    def _remove_band(self) -> None:
        if self._band is not None:
            self.editor.scene.removeItem(self._band)
            self._band = None

