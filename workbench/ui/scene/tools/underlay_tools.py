"""Tools that work on the architect's drawing: align it by two pairs of points, and take a hall outline from it."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QKeyEvent

from workbench.cad.align import from_two_pairs
from workbench.cad.underlay_edits import hall_outline_edit
from workbench.cad.underlay_shapes import outline_at
from workbench.geometry.placement import hall_at
from workbench.ui.scene.hall_items import PolylinePreview
from workbench.ui.scene.tools.base import Tool, ToolEvent

Point = tuple[float, float]


class _UnderlayTool(Tool):
    cursor = Qt.CursorShape.CrossCursor

    def __init__(self, editor, underlay) -> None:  # type: ignore[no-untyped-def]
        super().__init__(editor)
        self.underlay = underlay  # the window's UnderlayController

    def point(self, event: ToolEvent) -> Point:
        """The clicked point, pulled to the drawing's end points, midpoints and crossings unless Shift is held."""
        if not event.shift:
            targets = self.underlay.snap_targets()
            if targets is not None:
                hit = targets.nearest(event.x_mm, event.y_mm, 10.0 * self.mm_per_px())
                if hit is not None:
                    return hit[0], hit[1]
        return event.x_mm, event.y_mm

    def key_press(self, event: QKeyEvent) -> bool:
        if event.key() == Qt.Key.Key_Escape:
            self.editor.select_tool()
            return True
        return False


class AlignTool(_UnderlayTool):
    """Four clicks, as CAD's ALIGN: a point on the drawing, where it belongs, a second drawing point, where it
    belongs. The drawing moves, turns and scales so both pairs meet; the change is one undo step."""

    name = "align_underlay"

    def __init__(self, editor, underlay, keep_scale: bool = False) -> None:  # type: ignore[no-untyped-def]
        super().__init__(editor, underlay)
        self.keep_scale = keep_scale
        self.picks: list[Point] = []
        self._preview: PolylinePreview | None = None

    @property
    def label(self) -> str:
        return self.editor.tr("Align underlay")

    def activate(self) -> None:
        self._preview = PolylinePreview(self.editor.scene.theme)
        self.editor.scene.addItem(self._preview)
        self._prompt()

    def deactivate(self) -> None:
        if self._preview is not None:
            self.editor.scene.removeItem(self._preview)
            self._preview = None
        self.picks = []

    def _prompt(self) -> None:
        tr = self.editor.tr
        prompts = (
            tr("Align: click a point on the drawing (it snaps to line ends and crossings)"),
            tr("Align: click where that point belongs (a hall corner, a column)"),
            tr("Align: click a second point on the drawing, far from the first"),
            tr("Align: click where the second point belongs"),
        )
        self.editor.message.emit(prompts[len(self.picks)])

    def mouse_press(self, event: ToolEvent) -> bool:
        if event.button == Qt.MouseButton.RightButton:
            self.editor.select_tool()
            return True
        if event.button != Qt.MouseButton.LeftButton:
            return False
        self.pick(self.point(event) if len(self.picks) % 2 == 0 else (event.x_mm, event.y_mm))
        return True

    def pick(self, p: Point) -> bool:
        """Take the next point; the fourth one aligns. Returns True when the alignment was pushed."""
        self.picks.append(p)
        if self._preview is not None:
            self._preview.set_points([QPointF(x, -y) for x, y in self.picks])
        if len(self.picks) < 4:
            self._prompt()
            return False
        s1, d1, s2, d2 = self.picks
        self.picks = []
        try:
            delta = from_two_pairs(s1, s2, d1, d2, keep_scale=self.keep_scale)
        except ValueError as exc:
            self.editor.message.emit(self.editor.tr("Not aligned: %1").replace("%1", str(exc)))
            return False
        done = bool(self.underlay.set_alignment(self.underlay.alignment().then(delta)))
        self.editor.select_tool()
        if done:
            self.editor.message.emit(self.editor.tr("Underlay aligned: scale %1, turned %2°").replace(
                "%1", f"{delta.scale:.4g}").replace("%2", f"{delta.rotation_deg:.2f}"))
        return done


class HallFromDrawingTool(_UnderlayTool):
    """Click inside a closed polyline of the drawing: it becomes the outline of the hall under the click, or of a
    new hall where there is none (one undo step)."""

    name = "hall_from_drawing"

    @property
    def label(self) -> str:
        return self.editor.tr("Hall from drawing")

    def activate(self) -> None:
        self.editor.message.emit(self.editor.tr(
            "Click inside a closed outline of the drawing: it becomes the hall there, or a new hall"))

    def mouse_press(self, event: ToolEvent) -> bool:
        if event.button == Qt.MouseButton.RightButton:
            self.editor.select_tool()
            return True
        if event.button != Qt.MouseButton.LeftButton:
            return False
        self.take(event.x_mm, event.y_mm)
        return True

    def take(self, x: float, y: float) -> bool:
        u = self.underlay.underlay
        if u is None:
            self.editor.message.emit(self.editor.tr("There is no underlay to take a hall from"))
            return False
        outline = outline_at(u, self.underlay.alignment(), x, y, self.underlay.visible_layers())
        if outline is None:
            self.editor.message.emit(self.editor.tr("No closed outline of the drawing around this point"))
            return False
        design = self.editor.document.design
        hall = hall_at(design, x, y)
        name = self.editor.tr("Hall %1").replace("%1", str(len(design.halls) + 1))
        try:
            edit = hall_outline_edit(design, outline, hall.id if hall is not None else None, name)
        except ValueError as exc:
            self.editor.message.emit(self.editor.tr("Hall not changed: %1").replace("%1", str(exc)))
            return False
        text = self.editor.tr("Hall outline from drawing") if hall is not None else self.editor.tr("Hall from drawing")
        return bool(self.editor.push(edit, text))
