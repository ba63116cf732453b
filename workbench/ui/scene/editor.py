"""The editor: current tool, snap and grid state, and every selection command, pushed as model edits."""

from __future__ import annotations

from PySide6.QtCore import QObject, QRectF, Signal
from PySide6.QtGui import QGuiApplication

from workbench.model.edits import Edit
from workbench.ui.document import Document
from workbench.editing.blocks import delete_edit, duplicate_edit, lock_edit, nudge_edit, place_edit, rotate_edit
from workbench.editing.clipboard import paste_edit
from workbench.editing.selection import bounds, expand_modules
from workbench.ui.scene.clipboard import BLOCKS_MIME, blocks_mime
from workbench.ui.scene.coords import box_to_scene
from workbench.ui.scene.hall_scene import HallScene
from workbench.ui.scene.tools.base import Tool
from workbench.ui.scene.tools.select import SelectTool
from workbench.ui.scene.view import HallView

NUDGE_BIG_STEPS = 10  # Shift+arrow moves ten grid steps
CHECK_MARGIN_MM = 2500.0  # around the blocks of a check when the Checks list zooms to them


class Editor(QObject):
    """Glue between the view's gestures, the selection and the Document's undo stack."""

    message = Signal(str)  # for the status bar
    hall_selected = Signal(str)  # a hall picked on the canvas ("" when none): the inspector shows it
    tool_changed = Signal(str)  # the tool's label
    snap_changed = Signal(bool)

    def __init__(self, document: Document, scene: HallScene, view: HallView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.scene = scene
        self.view = view
        self.snap_enabled = True
        self.grid_mm = 600.0
        self.tool: Tool = SelectTool(self)
        self.selected_hall_id = ""
        document.selection_changed.connect(self._on_block_selection_changed)
        document.design_replaced.connect(lambda: self.select_hall(""))
        view.drop_handler = self._on_drop
        view.drop_grid_mm = lambda: self.grid_mm if self.snap_enabled else 0.0  # the preview snaps as the drop
        view.set_tool(self.tool)

    # --- tools ---------------------------------------------------------------------------
    def set_tool(self, tool: Tool) -> None:
        self.tool.deactivate()
        self.tool = tool
        tool.activate()
        self.view.set_tool(tool)
        self.tool_changed.emit(tool.label)

    def select_tool(self) -> None:
        if not isinstance(self.tool, SelectTool):
            self.set_tool(SelectTool(self))

    def set_snap(self, on: bool) -> None:
        if on != self.snap_enabled:
            self.snap_enabled = on
            self.snap_changed.emit(on)

    def set_grid_mm(self, grid_mm: float) -> None:
        if grid_mm > 0:
            self.grid_mm = grid_mm
            self.scene.set_grid(self.scene.grid_visible, grid_mm)

    # --- pushing -------------------------------------------------------------------------
    def push(self, edit: Edit | None, text: str | None = None) -> bool:
        """Push one undo step; a refused edit becomes a status message, never an exception."""
        if edit is None:
            return False
        if self.document.read_only:
            self.message.emit(self.tr("The design is open read-only; use Save As to edit a copy"))
            return False
        try:
            self.document.push(edit, text)
        except (ValueError, KeyError, PermissionError) as exc:
            self.message.emit(self.tr("Not done: %1").replace("%1", str(exc)))
            return False
        return True

    @property
    def selection(self) -> set[str]:
        return set(self.document.selection)

    # --- selection -----------------------------------------------------------------------
    def select(self, ids: list[str] | set[str]) -> None:
        self.document.set_selection(expand_modules(self.document.design, ids))

    def select_all(self) -> None:
        self.document.set_selection(set(self.document.design.blocks))

    def clear_selection(self) -> None:
        self.document.set_selection(set())

    def zoom_to_selection(self) -> None:
        box = bounds(self.document.design, self.document.catalog, self.selection)
        if box is None:
            self.message.emit(self.tr("Nothing selected"))
            return
        rect = box_to_scene(*box)
        self.view.fit_rect(rect.adjusted(-1500, -1500, 1500, 1500))

    def select_and_center(self, ids: list[str] | tuple[str, ...]) -> None:
        """Select the blocks (with their modules) and zoom to fit them, with room around to see what they touch."""
        known = [i for i in ids if i in self.document.design.blocks]
        self.select(known)
        box = bounds(self.document.design, self.document.catalog, known)
        if box is None:
            return
        rect = box_to_scene(*box)
        # A margin of a few metres (at least half the blocks' own size) shows the neighbours a check is about.
        margin = max(CHECK_MARGIN_MM, 0.25 * max(rect.width(), rect.height()))
        self.view.fit_rect(rect.adjusted(-margin, -margin, margin, margin))

    # --- placing -------------------------------------------------------------------------
    def place_block(self, type_id: str, x_mm: float, y_mm: float, rotation_deg: int = 0,
                    snap: bool = True) -> str | None:
        """Add one block centred near (x, y), its corner snapped to the grid; returns its id."""
        try:
            edit, block_id = place_edit(self.document.design, self.document.catalog, type_id, x_mm, y_mm,
                                        self.grid_mm if snap and self.snap_enabled else 0.0, rotation_deg)
        except ValueError as exc:
            self.message.emit(str(exc))
            return None
        if not self.push(edit):
            return None
        self.document.set_selection({block_id})
        return block_id

    def place_block_at_center(self, type_id: str) -> str | None:
        x, y = self.view.view_center_model()
        return self.place_block(type_id, x, y)

    def _on_drop(self, type_id: str, x_mm: float, y_mm: float) -> None:
        self.place_block(type_id, x_mm, y_mm)
        self.view.setFocus()

    # --- commands on the selection -------------------------------------------------------
    def nudge(self, dx_steps: int, dy_steps: int) -> bool:
        step = self.grid_mm
        return self.push(nudge_edit(self.document.design, list(self.selection), dx_steps * step, dy_steps * step))

    def rotate(self) -> bool:
        if self.tool.rotate_request():
            return True
        if not self.selection:
            return False
        edit = rotate_edit(self.document.design, self.document.catalog, list(self.selection))
        if edit is None:
            self.message.emit(self.tr("The selection is locked"))
        return self.push(edit)

    def delete(self) -> bool:
        if self.tool.delete_request():
            return True
        if not self.selection and self.selected_hall_id:
            return self.delete_hall(self.selected_hall_id)
        if not self.selection:
            return False
        edit = delete_edit(self.document.design, self.selection)
        if edit is None:
            self.message.emit(self.tr("Locked blocks are not deleted; unlock them first"))
        return self.push(edit)

    def duplicate(self) -> bool:
        if not self.selection:
            return False
        made = duplicate_edit(self.document.design, self.document.catalog, self.selection)
        if made is None:
            self.message.emit(self.tr("No free spot for a copy in this hall: every place nearby overlaps "
                                      "equipment, a column, a door zone or a service clearance"))
            return False
        edit, ids = made
        if self.push(edit):
            self.document.set_selection(set(ids))
            return True
        return False

    # --- halls ---------------------------------------------------------------------------
    def select_hall(self, hall_id: str) -> None:
        """Select a hall (its outline is marked and the inspector shows it); "" selects none."""
        if hall_id and self.document.design.hall(hall_id) is None:
            hall_id = ""
        if hall_id and self.document.selection:
            self.document.set_selection(set())
        self.selected_hall_id = hall_id
        for hid, item in self.scene.hall_items.items():
            item.set_selected(hid == hall_id)
        self.hall_selected.emit(hall_id)

    def _on_block_selection_changed(self) -> None:
        if self.document.selection and self.selected_hall_id:
            self.select_hall("")

    def delete_hall(self, hall_id: str) -> bool:
        """Delete a hall after asking what becomes of its blocks (deleted with it, or kept where they stand)."""
        from PySide6.QtWidgets import QMessageBox

        from workbench.editing.halls import blocks_in_hall, delete_hall_edit

        hall = self.document.design.hall(hall_id)
        if hall is None:
            return False
        n = len(blocks_in_hall(self.document.design, hall_id))
        keep = False
        if n:
            box = QMessageBox(QMessageBox.Icon.Question, self.tr("Delete hall"),
                              self.tr("“{0}” holds {1} blocks. What should happen to them?").format(hall.name, n),
                              QMessageBox.StandardButton.Cancel, self.view)
            box.setObjectName("DeleteHallBox")
            with_blocks = box.addButton(self.tr("Delete the hall and its blocks"), QMessageBox.ButtonRole.DestructiveRole)
            keep_button = box.addButton(self.tr("Delete the hall, keep the blocks"), QMessageBox.ButtonRole.AcceptRole)
            with_blocks.setObjectName("with_blocks")
            keep_button.setObjectName("keep_blocks")
            box.setDefaultButton(QMessageBox.StandardButton.Cancel)
            box.exec()
            clicked = box.clickedButton()
            box.deleteLater()
            if clicked not in (with_blocks, keep_button):
                return False
            keep = clicked is keep_button
        if not self.push(delete_hall_edit(self.document.design, hall_id, keep_blocks=keep)):
            return False
        self.select_hall("")
        if keep:
            self.message.emit(self.tr("The blocks stay where they are; the checks list those outside every hall"))
        return True

    def rename_hall(self, hall_id: str) -> bool:
        from PySide6.QtWidgets import QInputDialog

        from workbench.editing.halls import rename_hall_edit

        hall = self.document.design.hall(hall_id)
        if hall is None:
            return False
        name, ok = QInputDialog.getText(self.view, self.tr("Rename hall"), self.tr("Hall name:"), text=hall.name)
        return ok and self.push(rename_hall_edit(self.document.design, hall_id, name))

    def select_same_type(self, block_id: str) -> None:
        """Every block of the clicked block's type, in every hall."""
        design = self.document.design
        block = design.blocks.get(block_id)
        if block is not None:
            self.document.set_selection({b.id for b in design.blocks.values() if b.type_id == block.type_id})

    def select_hall_blocks(self, hall_id: str) -> None:
        from workbench.editing.halls import blocks_in_hall

        self.document.set_selection(set(blocks_in_hall(self.document.design, hall_id)))

    def set_locked(self, locked: bool) -> bool:
        return self.push(lock_edit(self.document.design, self.selection, locked))

    def copy(self) -> bool:
        mime = blocks_mime(self.document.design, self.selection)
        if mime is None:
            return False
        QGuiApplication.clipboard().setMimeData(mime)
        n = len(self.selection)
        self.message.emit(self.tr("Copied 1 block") if n == 1 else self.tr("Copied {0} blocks").format(n))
        return True

    def cut(self) -> bool:
        return self.copy() and self.delete()

    def paste(self, at: tuple[float, float] | None = None) -> bool:
        """Paste the clipboard's blocks centred at the cursor (or the view centre)."""
        mime = QGuiApplication.clipboard().mimeData()
        if mime is None or not mime.hasFormat(BLOCKS_MIME):
            self.message.emit(self.tr("The clipboard holds no blocks"))
            return False
        x, y = at or self.cursor_or_center()
        try:
            edit, ids = paste_edit(self.document.design, self.document.catalog,
                                   bytes(mime.data(BLOCKS_MIME).data()), x, y,
                                   self.grid_mm if self.snap_enabled else 0.0)
        except ValueError as exc:
            self.message.emit(str(exc))
            return False
        if self.push(edit):
            self.document.set_selection(set(ids))
            return True
        return False

    def cursor_or_center(self) -> tuple[float, float]:
        """The last cursor position if it is inside the view, else the view centre."""
        pos = self.view.last_model_pos
        if pos is not None:
            visible = self.view.mapToScene(self.view.viewport().rect()).boundingRect()
            if visible.contains(QRectF(pos[0], -pos[1], 0, 0).topLeft()):
                return pos
        return self.view.view_center_model()
