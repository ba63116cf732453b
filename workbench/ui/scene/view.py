"""The hall view: zoom at the cursor, pan, fit, a scale bar, cursor coordinates and palette drops."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPen,
    QWheelEvent,
)
from PySide6.QtWidgets import QFrame, QGraphicsView, QMenu, QWidget

from workbench.ui.scene.coords import to_model
from workbench.ui.scene.hall_scene import HallScene
from workbench.ui.scene.items import pixel_font
from workbench.ui.scene.tools.base import Tool, ToolEvent

if TYPE_CHECKING:
    from workbench.ui.scene.drop_preview import DropPreview

BLOCK_TYPE_MIME = "application/x-datahall-block-type"
MIN_PX_PER_MM = 0.0002  # a 5 km campus still fits on a 1,000-pixel view (a 10,000-block campus is 1.7 km)
MAX_PX_PER_MM = 2.0  # 2 px per mm: enough to read a rack's front mark in detail
SCREEN_MM_PER_PX = 25.4 / 96.0  # for the drawing-scale read-out, on a nominal 96 dpi screen
# The view may scroll this far from the origin (200 km), so a zoom can always keep the point under the cursor
# still: bounded by the halls, Qt centres a small scene and the hall jumps. At the largest zoom (2 px/mm) the
# scroll range stays inside the scroll bars' 32-bit integers.
VIEW_REACH_MM = 2.0e8

DropHandler = Callable[[str, float, float], None]


class HallView(QGraphicsView):
    """A CAD-style view; mouse gestures go to the current tool, panning and zoom stay here."""

    cursor_moved = Signal(float, float)  # model mm
    zoom_changed = Signal(float)  # px per mm

    def __init__(self, scene: HallScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.hall_scene = scene  # keep a Python reference: a scene without one gets freed
        self.tool: Tool | None = None
        self.drop_handler: DropHandler | None = None
        self.imperial = False
        self.last_model_pos: tuple[float, float] | None = None
        self._pan_from: QPoint | None = None
        self._space = False
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheBackground)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing, True)
        # Zoom anchors itself (zoom_at): Qt's AnchorUnderMouse uses the last *move* position, stale after a
        # wheel turn over a point never hovered, and cannot hold the point when the scene is smaller than the view.
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setSceneRect(QRectF(-VIEW_REACH_MM, -VIEW_REACH_MM, 2 * VIEW_REACH_MM, 2 * VIEW_REACH_MM))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setDragMode(QGraphicsView.DragMode.NoDrag)
        self.setMouseTracking(True)
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._hint_shown = False
        # (menu, right-clicked block id or None) -> None: other parts of the window add canvas menu entries here.
        self.context_menu_hooks: list[Callable[[QMenu, str | None], None]] = []
        self.context_menu: QMenu | None = None  # the last one shown (tests drive it)
        self.drop_preview: DropPreview | None = None  # a palette block being dragged over the canvas
        self.drop_grid_mm: Callable[[], float] = lambda: 600.0  # the editor's snap step (0: off)
        scene.document.undo_stack.indexChanged.connect(self._on_history_changed)
        scene.document.design_replaced.connect(self._on_history_changed)

    # --- zoom and fit --------------------------------------------------------------------
    def px_per_mm(self) -> float:
        return self.transform().m11()

    def mm_per_px(self) -> float:
        return 1.0 / max(self.px_per_mm(), 1e-12)

    def scale_text(self) -> str:
        """The drawing scale on screen, as CAD users read it (1:200)."""
        return f"1:{self.mm_per_px() / SCREEN_MM_PER_PX:,.0f}"

    def set_px_per_mm(self, value: float, anchor: QPointF | None = None) -> None:
        """Zoom to `value`, keeping the scene point under the viewport position `anchor` (default: the centre)."""
        value = min(max(value, MIN_PX_PER_MM), MAX_PX_PER_MM)
        factor = value / self.px_per_mm()
        if abs(factor - 1.0) <= 1e-12:
            return
        at = QPointF(self.viewport().rect().center()) if anchor is None else anchor
        inverse, _ok = self.viewportTransform().inverted()
        fixed = inverse.map(at)
        self.scale(factor, factor)
        moved = self.viewportTransform().map(fixed) - at
        h, v = self.horizontalScrollBar(), self.verticalScrollBar()
        h.setValue(h.value() + round(moved.x()))
        v.setValue(v.value() + round(moved.y()))
        self.zoom_changed.emit(self.px_per_mm())

    def zoom_by(self, factor: float, anchor: QPointF | None = None) -> None:
        self.set_px_per_mm(self.px_per_mm() * factor, anchor)

    def fit_rect(self, rect: QRectF, margin_px: float = 40.0) -> None:
        """Show a scene rectangle whole, centred, with a margin in pixels."""
        if rect.isEmpty():
            rect = rect.adjusted(-3000, -3000, 3000, 3000)
        vp = self.viewport().rect()
        avail_w, avail_h = max(vp.width() - 2 * margin_px, 50), max(vp.height() - 2 * margin_px, 50)
        target = min(avail_w / rect.width(), avail_h / rect.height())
        self.set_px_per_mm(target)
        self.centerOn(rect.center())

    def fit_hall(self) -> None:
        """Home: every hall in view."""
        self.fit_rect(self.hall_scene.halls_rect())

    def center_on_model(self, x_mm: float, y_mm: float) -> None:
        self.centerOn(QPointF(x_mm, -y_mm))

    def view_center_model(self) -> tuple[float, float]:
        return to_model(self.mapToScene(self.viewport().rect().center()))

    # --- events to tools -----------------------------------------------------------------
    def _tool_event(self, event: QMouseEvent) -> ToolEvent:
        pos = event.position()
        x, y = to_model(self.mapToScene(pos.toPoint()))
        return ToolEvent(x, y, event.button(), event.modifiers(), pos.x(), pos.y())

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.MiddleButton or (
                event.button() == Qt.MouseButton.LeftButton and self._space):
            self._pan_from = event.position().toPoint()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        if self.tool is not None and self.tool.mouse_press(self._tool_event(event)):
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        tool_event = self._tool_event(event)
        self.last_model_pos = (tool_event.x_mm, tool_event.y_mm)
        self.cursor_moved.emit(tool_event.x_mm, tool_event.y_mm)
        if self._pan_from is not None:
            p = event.position().toPoint()
            delta = p - self._pan_from
            self._pan_from = p
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
            event.accept()
            return
        if self.tool is not None and self.tool.mouse_move(tool_event):
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None and event.button() in (Qt.MouseButton.MiddleButton, Qt.MouseButton.LeftButton):
            self._pan_from = None
            self._restore_cursor()
            event.accept()
            return
        if self.tool is not None and self.tool.mouse_release(self._tool_event(event)):
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if self.tool is not None and self.tool.mouse_double_click(self._tool_event(event)):
            event.accept()
            return
        # A double-click is also a press for tools that count clicks.
        if self.tool is not None and self.tool.mouse_press(self._tool_event(event)):
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120.0
        if steps:
            self.zoom_by(1.2 ** steps, event.position())
        event.accept()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """Right-click with the select tool: the block's or the hall's menu (other tools use the button)."""
        from workbench.ui.scene.context_menu import canvas_menu
        from workbench.ui.scene.tools.select import SelectTool

        window = self.window()
        if not isinstance(self.tool, SelectTool) or not hasattr(window, "commands"):
            super().contextMenuEvent(event)
            return
        menu = canvas_menu(window, event.pos())  # type: ignore[arg-type]
        if menu is None:
            event.ignore()
            return
        if self.context_menu is not None:
            self.context_menu.deleteLater()
        self.context_menu = menu
        menu.popup(event.globalPos())
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space:
            if not event.isAutoRepeat():
                self._space = True
                self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            event.accept()
            return
        if self.tool is not None and self.tool.key_press(event):
            event.accept()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = False
            self._restore_cursor()
            event.accept()
            return
        super().keyReleaseEvent(event)

    def _restore_cursor(self) -> None:
        shape = self.tool.cursor if self.tool is not None else Qt.CursorShape.ArrowCursor
        self.viewport().setCursor(Qt.CursorShape.OpenHandCursor if self._space else shape)

    def set_tool(self, tool: Tool) -> None:
        self.tool = tool
        self._restore_cursor()

    # --- palette drops -------------------------------------------------------------------
    def _end_drop_preview(self) -> None:
        if self.drop_preview is not None:
            self.drop_preview.remove()
            self.drop_preview = None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        mime = event.mimeData()
        if not mime.hasFormat(BLOCK_TYPE_MIME):
            event.ignore()
            return
        from workbench.ui.scene.drop_preview import DropPreview

        self._end_drop_preview()
        type_id = bytes(mime.data(BLOCK_TYPE_MIME).data()).decode("utf-8", errors="replace").strip()
        if self.hall_scene.document.catalog.get(type_id) is not None:
            self.drop_preview = DropPreview(self.hall_scene, type_id, self.drop_grid_mm())
            self._move_drop_preview(event)
        event.acceptProposedAction()

    def _move_drop_preview(self, event: QDragEnterEvent | QDragMoveEvent) -> None:
        if self.drop_preview is not None:
            x, y = to_model(self.mapToScene(event.position().toPoint()))
            snap = not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            self.drop_preview.move_to(x, y, snap)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if event.mimeData().hasFormat(BLOCK_TYPE_MIME):
            self._move_drop_preview(event)
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        # Not passed on: the enter never reached QGraphicsView's scene handling, and it warns about a leave.
        self._end_drop_preview()
        event.accept()

    def dropEvent(self, event: QDropEvent) -> None:
        self._end_drop_preview()
        mime = event.mimeData()
        if not mime.hasFormat(BLOCK_TYPE_MIME) or self.drop_handler is None:
            event.ignore()
            return
        type_id = bytes(mime.data(BLOCK_TYPE_MIME).data()).decode("utf-8", errors="replace").strip()
        x, y = to_model(self.mapToScene(event.position().toPoint()))
        event.acceptProposedAction()
        self.drop_handler(type_id, x, y)

    # --- overlay -------------------------------------------------------------------------
    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:
        """The scale bar, in viewport pixels at the lower left."""
        painter.save()
        painter.resetTransform()
        px_per_mm = self.px_per_mm()
        unit_mm, unit = (304.8, "ft") if self.imperial else (1000.0, "m")
        length_units = _nice_length(140.0 / (px_per_mm * unit_mm))
        bar_px = length_units * unit_mm * px_per_mm
        theme = self.hall_scene.theme
        color = QColor(theme.scale_bar)
        x0, y0 = 18.0, self.viewport().height() - 22.0
        back = QColor(theme.canvas)
        back.setAlpha(210)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(back)
        painter.drawRoundedRect(QRectF(x0 - 8, y0 - 24, bar_px + 56, 36), 4, 4)
        for k in range(4):
            seg = QRectF(x0 + k * bar_px / 4, y0, bar_px / 4, 6)
            painter.setBrush(color if k % 2 == 0 else QColor(theme.floor))
            painter.drawRect(seg)
        painter.setPen(QPen(color, 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(x0, y0, bar_px, 6))
        painter.setFont(pixel_font(11))
        painter.drawText(QPointF(x0, y0 - 6), "0")
        label = f"{length_units:g} {unit}"
        painter.drawText(QPointF(x0 + bar_px - 4, y0 - 6), label)
        self._hint_shown = self.shows_empty_hint()
        if self._hint_shown:
            self._draw_empty_hint(painter)
        painter.restore()

    def empty_hint(self) -> str:
        """What to do next on an empty design (shown centred on the canvas)."""
        return self.tr("This design has no blocks yet.\n"
                       "Drag equipment from the Block palette onto the hall, or double-click it;\n"
                       "Insert → Module… drops a whole pod; File → New from template… starts from a proven hall.\n"
                       "Help → Getting started walks you through the first five minutes.")

    def _on_history_changed(self, *_: object) -> None:
        # The hint is drawn over the whole view: repaint all of it when it comes or goes, or parts would stay.
        if self.shows_empty_hint() != self._hint_shown:
            self.viewport().update()

    def shows_empty_hint(self) -> bool:
        """Only on a design with no blocks that has not been edited yet: once the user draws a hall (or does
        anything), the hint has done its job and must not cover what they drew."""
        document = self.hall_scene.document
        try:
            return not document.design.blocks and document.undo_stack.index() == 0
        except RuntimeError:  # the window is closing: the document's undo stack went first
            return False

    def empty_hint_rect(self) -> QRectF:
        """Where the empty-design hint goes: centred, unless a hall is there; then above or below the halls."""
        from PySide6.QtGui import QFontMetricsF

        box = QRectF(self.viewport().rect()).adjusted(40, 40, -40, -40)
        metrics = QFontMetricsF(pixel_font(14))
        size = metrics.boundingRect(box, int(Qt.AlignmentFlag.AlignCenter), self.empty_hint()).size()
        w, h = size.width() + 36, size.height() + 28
        halls = self.mapFromScene(self.hall_scene.halls_rect()).boundingRect()
        halls_rect = QRectF(halls)
        vp = QRectF(self.viewport().rect())
        centre = QRectF(vp.center().x() - w / 2, vp.center().y() - h / 2, w, h)
        if halls_rect.isEmpty() or not centre.intersects(halls_rect):
            return centre
        above = QRectF(vp.center().x() - w / 2, max(halls_rect.top() - h - 12, 8.0), w, h)
        below = QRectF(vp.center().x() - w / 2, min(halls_rect.bottom() + 12, vp.bottom() - h - 40), w, h)
        # The side with more room, so the hint never covers the hall the user just drew.
        room_above, room_below = halls_rect.top() - vp.top(), vp.bottom() - 40 - halls_rect.bottom()
        return above if room_above >= room_below else below

    def _draw_empty_hint(self, painter: QPainter) -> None:
        theme = self.hall_scene.theme
        rect = self.empty_hint_rect()
        painter.setFont(pixel_font(14))
        back = QColor(theme.canvas)
        back.setAlpha(225)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(back)
        painter.drawRoundedRect(rect, 6, 6)
        painter.setPen(QColor(theme.scale_bar))
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), self.empty_hint())


def _nice_length(target: float) -> float:
    """The largest 1, 2, 5 × 10^k not above target (at least a small positive length)."""
    if target <= 0:
        return 1.0
    exp = math.floor(math.log10(target))
    for m in (5, 2, 1):
        value = m * 10 ** exp
        if value <= target:
            return float(value)
    return float(10 ** exp)

