"""Graphics items for placed blocks: a cached drawing of one block, keyed by its id only."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF, QTransform
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem, QStyleOptionGraphicsItem, QWidget

from workbench.ui.scene.block_look import BlockLook
from workbench.ui.theme import Theme

BLOCK_Z = 10.0
MIN_TEXT_PX = 22.0  # below this on-screen width a label would be unreadable: level of detail hides it
TILE_HUE_LIGHT = 0.75  # share of the category hue in a flat tile, over the floor colour
TILE_HUE_DARK = 0.8
_fonts: dict[str, QFont] = {}
# Looked up once: reaching a PySide enum member through its class costs more than the call it is for.
_NO_PEN = QPen(Qt.PenStyle.NoPen)  # shared: setPen copies it
_SELECTABLE = QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
_DEVICE_CACHE = QGraphicsItem.CacheMode.DeviceCoordinateCache


def pixel_font(size_px: int, bold: bool = False) -> QFont:
    """A font sized in device pixels, so labels keep one size at every zoom."""
    key = f"{size_px}{'b' if bold else ''}"
    font = _fonts.get(key)
    if font is None:
        font = QFont()
        font.setPixelSize(size_px)
        font.setBold(bold)
        _fonts[key] = font
    return font


@dataclass(frozen=True)
class TileState:
    """What a block's flat tile shows when it is too small for detail: its category, or one mark over it."""

    category: str
    known: bool = True
    mark: str = ""  # "" | "warning" | "error" | "selected"

    @property
    def highlight(self) -> bool:
        return bool(self.mark)


def tile_color(theme: Theme, state: TileState) -> QColor:
    """One colour per tile state, shared by a small item and the overview layers so both look the same."""
    if state.mark == "selected":
        return QColor(theme.selection)
    if state.mark in ("error", "warning"):
        return QColor(theme.error if state.mark == "error" else theme.warning)
    if not state.known:
        return QColor(theme.error).lighter(170)
    # A tile is a pixel or two: the calm fill of a detailed block would fade into the floor, so a tile
    # takes most of the category hue, as the edge and front bar of a block just above this size read.
    base = QColor(theme.categories.get(state.category, theme.categories["structure"]))
    floor = QColor(theme.floor)
    mix = TILE_HUE_DARK if theme.dark else TILE_HUE_LIGHT
    return QColor(round(base.red() * mix + floor.red() * (1 - mix)),
                  round(base.green() * mix + floor.green() * (1 - mix)),
                  round(base.blue() * mix + floor.blue() * (1 - mix)))


class BlockItem(QGraphicsRectItem):
    """One block: footprint tinted by category, front and liquid marks, label and kW, problem outline.

    A rectangle item with no pen, so Qt answers boundingRect, shape and hit tests in C++: the
    view asks for them thousands of times per frame, and each Python override costs a call into Python.
    """

    # State every item starts with, read from the class until set_problem / set_preview give it its own.
    problem_severity: str | None = None  # "error" | "warning" | None
    problem_text = ""
    preview_severity: str | None = None  # while a drag is live

    def __init__(self, block_id: str, look: BlockLook, theme: Theme) -> None:
        # A design opens with one item per block (10,000 on a campus), so this does only what each item
        # needs: every call into Qt costs about a microsecond, a new QPen more.
        rect = QRectF(-look.width_mm / 2, -look.depth_mm / 2, look.width_mm, look.depth_mm)
        super().__init__(rect)
        self.setPen(_NO_PEN)
        self.block_id = block_id
        self.look = look
        self._theme = theme
        self._rect = rect
        self.setFlag(_SELECTABLE, True)
        self.setCacheMode(_DEVICE_CACHE)
        self.setZValue(BLOCK_Z)

    # --- state from the scene ------------------------------------------------------------
    def set_look(self, look: BlockLook) -> None:
        self.look = look
        rect = QRectF(-look.width_mm / 2, -look.depth_mm / 2, look.width_mm, look.depth_mm)
        if rect != self._rect:
            self._rect = rect
            self.setRect(rect)
        self.update()

    def set_theme(self, theme: Theme) -> None:
        if theme is not self._theme:  # an update drops the item's cached drawing
            self._theme = theme
            self.update()

    def set_problem(self, severity: str | None, text: str) -> None:
        if severity != self.problem_severity or text != self.problem_text:
            self.problem_severity, self.problem_text = severity, text
            self.update()

    def set_preview(self, severity: str | None) -> None:
        if severity != self.preview_severity:
            self.preview_severity = severity
            self.update()

    @property
    def shown_severity(self) -> str | None:
        return self.preview_severity or self.problem_severity

    def tooltip_text(self) -> str:
        """What hovering shows: the scene asks when a tooltip is due (HallScene.helpEvent), so no item keeps
        a tooltip string it may never show."""
        lines = [self.look.label]
        if self.look.figure:
            lines[0] += f" — {self.look.figure}"
        if self.look.locked:
            lines.append("locked")
        if self.problem_text:
            lines.append(self.problem_text)
        return "\n".join(lines)

    # --- QGraphicsItem -------------------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        t, look, r = self._theme, self.look, self._rect
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())  # px per mm
        px = 1.0 / max(lod, 1e-9)  # one device pixel in mm
        selected = self.isSelected()
        severity = self.shown_severity
        painter.setPen(Qt.PenStyle.NoPen)
        if min(r.width(), r.height()) * lod < 4.0:
            # Zoomed far out: a flat tile with the state as its colour, as the overview layers draw it.
            mark = self.preview_severity or ("selected" if selected else (severity or ""))
            painter.setBrush(tile_color(t, TileState(look.category, look.known, mark)))
            painter.drawRect(r)
            return
        fill = t.category_fill(look.category)
        if not look.known:
            fill = QColor(t.error).lighter(170)
        painter.setBrush(fill)
        painter.drawRect(r)
        edge = t.category_edge(look.category)
        inset = r.adjusted(px / 2, px / 2, -px / 2, -px / 2)
        painter.setPen(QPen(edge, 0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(inset)
        self._paint_front(painter, r, px, edge)
        if look.liquid:
            self._paint_liquid(painter, r, px)
        if look.locked:
            self._paint_lock(painter, r, px)
        if severity:
            color = QColor(t.error if severity == "error" else t.warning)
            pen = QPen(color, 2.5 * px)
            pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
            painter.setPen(pen)
            painter.drawRect(r.adjusted(1.25 * px, 1.25 * px, -1.25 * px, -1.25 * px))
        if selected:
            sel = QColor(t.selection)
            painter.setPen(Qt.PenStyle.NoPen)
            overlay = QColor(sel)
            overlay.setAlpha(45)
            painter.setBrush(overlay)
            painter.drawRect(r)
            pen = QPen(sel, 2 * px)
            pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(r.adjusted(px, px, -px, -px))
        self._paint_text(painter, r, lod)

    def _paint_front(self, painter: QPainter, r: QRectF, px: float, edge: QColor) -> None:
        """A bar along the front face (cold-aisle side), so facing reads at a glance."""
        side = self.look.front
        thick = max(min(r.width(), r.height()) * 0.09, 1.5 * px)
        if side == "down":
            bar = QRectF(r.left(), r.bottom() - thick, r.width(), thick)
        elif side == "up":
            bar = QRectF(r.left(), r.top(), r.width(), thick)
        elif side == "right":
            bar = QRectF(r.right() - thick, r.top(), thick, r.height())
        else:
            bar = QRectF(r.left(), r.top(), thick, r.height())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(edge)
        painter.drawRect(bar)

    def _paint_liquid(self, painter: QPainter, r: QRectF, px: float) -> None:
        """A coolant drop in the rear corner: this block takes liquid cooling."""
        size = max(min(r.width(), r.height()) * 0.22, 5 * px)
        size = min(size, 14 * px)
        side = self.look.front
        margin = 2 * px
        # Rear-right corner relative to the front direction.
        x = r.right() - size - margin if side in ("down", "left") else r.left() + margin
        y = r.top() + margin if side in ("down", "right") else r.bottom() - size - margin
        drop = QPainterPath()
        drop.moveTo(x + size / 2, y)
        drop.cubicTo(x + size * 0.95, y + size * 0.45, x + size, y + size, x + size / 2, y + size)
        drop.cubicTo(x, y + size, x + size * 0.05, y + size * 0.45, x + size / 2, y)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(self._theme.liquid_mark))
        painter.drawPath(drop)

    def _paint_lock(self, painter: QPainter, r: QRectF, px: float) -> None:
        size = min(max(min(r.width(), r.height()) * 0.2, 6 * px), 12 * px)
        x, y = r.left() + 2 * px, r.top() + 2 * px
        color = QColor(self._theme.block_text_muted)
        painter.setBrush(color)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawRect(QRectF(x, y + size * 0.45, size, size * 0.55))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(color, size * 0.14))
        painter.drawArc(QRectF(x + size * 0.2, y, size * 0.6, size * 0.9), 0, 180 * 16)

    def _paint_text(self, painter: QPainter, r: QRectF, lod: float) -> None:
        w_px, h_px = r.width() * lod, r.height() * lod
        vertical = h_px > w_px * 1.3
        along, across = (h_px, w_px) if vertical else (w_px, h_px)
        if along < MIN_TEXT_PX or across < 11:
            return
        look = self.look
        two_lines = bool(look.figure) and across >= 24
        size = 9 if across < 20 else 10 if across < 30 else 11 if across < 60 else 12
        font = pixel_font(size, bold=True)
        center = painter.worldTransform().map(QPointF(0.0, 0.0))
        painter.save()
        painter.setWorldTransform(QTransform.fromTranslate(center.x(), center.y()))
        if vertical:
            painter.rotate(-90)
        painter.setPen(QColor(self._theme.block_text))
        painter.setFont(font)
        fm = QFontMetricsF(font)
        avail = along - 4
        label = fm.elidedText(look.label, Qt.TextElideMode.ElideRight, avail)
        if two_lines:
            painter.drawText(QRectF(-avail / 2, -size - 1, avail, size + 2), Qt.AlignmentFlag.AlignCenter, label)
            small = pixel_font(size - 1)
            painter.setFont(small)
            painter.setPen(QColor(self._theme.block_text_muted))
            fig = QFontMetricsF(small).elidedText(look.figure, Qt.TextElideMode.ElideRight, avail)
            painter.drawText(QRectF(-avail / 2, 1, avail, size + 2), Qt.AlignmentFlag.AlignCenter, fig)
        else:
            painter.drawText(QRectF(-avail / 2, -size, avail, 2 * size), Qt.AlignmentFlag.AlignCenter, label)
        painter.restore()


class GhostItem(QGraphicsItem):
    """The outline of a block about to be placed, following the cursor."""

    def __init__(self, width_mm: float, depth_mm: float, front: str, theme: Theme) -> None:
        super().__init__()
        self._rect = QRectF(-width_mm / 2, -depth_mm / 2, width_mm, depth_mm)
        self._front = front
        self._theme = theme
        self.setZValue(50)

    def set_size(self, width_mm: float, depth_mm: float, front: str) -> None:
        self.prepareGeometryChange()
        self._rect = QRectF(-width_mm / 2, -depth_mm / 2, width_mm, depth_mm)
        self._front = front
        self.update()

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        color = QColor(self._theme.selection)
        fill = QColor(color)
        fill.setAlpha(50)
        pen = QPen(color, 0, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(fill)
        painter.drawRect(self._rect)
        r = self._rect
        tip = {"down": (QPointF(0, r.bottom()), QPointF(-1, 0)), "up": (QPointF(0, r.top()), QPointF(1, 0)),
               "right": (QPointF(r.right(), 0), QPointF(0, 1)), "left": (QPointF(r.left(), 0), QPointF(0, -1))}
        p, _ = tip[self._front]
        c = r.center()
        size = min(r.width(), r.height()) * 0.3
        direction = QPointF(p.x() - c.x(), p.y() - c.y())
        length = max((direction.x() ** 2 + direction.y() ** 2) ** 0.5, 1e-9)
        ux, uy = direction.x() / length, direction.y() / length
        base = QPointF(p.x() - ux * size, p.y() - uy * size)
        tri = QPolygonF([p, QPointF(base.x() - uy * size / 2, base.y() + ux * size / 2),
                         QPointF(base.x() + uy * size / 2, base.y() - ux * size / 2)])
        painter.setBrush(QBrush(color))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawPolygon(tri)
