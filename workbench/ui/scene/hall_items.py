"""Graphics items for the building: hall walls with name, columns and doors, and editing overlays."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QPolygonF, QTransform
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from workbench.geometry.placement import door_inward
from workbench.model.design import Hall
from workbench.ui.scene.coords import to_scene
from workbench.ui.scene.items import pixel_font
from workbench.ui.theme import Theme

HALL_Z = 5.0
OVERLAY_Z = 30.0
HANDLE_PX = 9.0
CLEARANCE_MIN_PX_PER_M = 2.0  # zoomed out further, service zones are not drawn
CLEARANCE_OUTLINE_PX_PER_M = 4.0  # and below this they are a tint without dashed outlines


def hall_polygon(hall: Hall) -> QPolygonF:
    return QPolygonF([to_scene(x, y) for x, y in hall.outline])


class HallItem(QGraphicsItem):
    """Walls, name, columns and doors of one hall, drawn from a copy of its geometry."""

    def __init__(self, hall: Hall, theme: Theme) -> None:
        super().__init__()
        self.hall_id = hall.id
        self._theme = theme
        self.show_handles = False
        self.selected = False  # the hall itself is selected (click on its empty floor): outlined in the selection colour
        self.selected_corner: QPointF | None = None  # scene point of the corner the outline tool selected
        self.setZValue(HALL_Z)
        # No device cache: a hall is usually larger than the view when zoomed in, and Qt then caches only the
        # exposed part, so after a zoom a wall came back partly drawn. Walls, doors and columns are cheap to paint.
        self.setCacheMode(QGraphicsItem.CacheMode.NoCache)
        self.set_hall(hall)

    def set_hall(self, hall: Hall) -> None:
        self.prepareGeometryChange()
        self.name = hall.name
        self.polygon = hall_polygon(hall)
        self.columns = [QRectF(c.x_mm - c.width_mm / 2, -c.y_mm - c.depth_mm / 2, c.width_mm, c.depth_mm)
                        for c in hall.columns]
        # Each door with the way into the hall (geometry/placement.py door_inward, as its clear zone), y down.
        self.doors = [(to_scene(d.x_mm, d.y_mm), d.width_mm, d.rotation_deg, door_inward(hall.outline, d.x_mm, d.y_mm,
                                                                                          d.rotation_deg))
                      for d in hall.doors]
        self._bounds = self.polygon.boundingRect().adjusted(-2500, -2500, 2500, 2500)
        for c in self.columns:
            self._bounds = self._bounds.united(c)
        self.update()

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self.update()

    def set_selected(self, selected: bool) -> None:
        if selected != self.selected:
            self.selected = selected
            self.update()

    def set_show_handles(self, show: bool) -> None:
        self.show_handles = show
        self.update()

    def set_selected_corner(self, point: QPointF | None) -> None:
        """Fill the handle at this scene point (a corner picked for Delete); None clears it."""
        if point != self.selected_corner:
            self.selected_corner = point
            self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        t = self._theme
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        px = 1.0 / max(lod, 1e-9)
        wall = QColor(t.wall)
        pen = QPen(wall, max(200.0, 2.5 * px))  # a 200 mm wall, at least visible when zoomed out
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPolygon(self.polygon)
        if self.selected:
            mark = QPen(QColor(t.selection), 3 * px, Qt.PenStyle.DashLine)
            mark.setCosmetic(False)
            painter.setPen(mark)
            painter.drawPolygon(self.polygon)
        self._paint_columns(painter, px)
        self._paint_doors(painter, px)
        if self.show_handles:
            painter.setPen(QPen(QColor(t.handle), 0))
            painter.setBrush(QColor(t.floor))
            h = HANDLE_PX * px
            for p in self.polygon:
                painter.drawRect(QRectF(p.x() - h / 2, p.y() - h / 2, h, h))
            if self.selected_corner is not None:
                c = self.selected_corner
                painter.setBrush(QColor(t.handle))
                painter.drawRect(QRectF(c.x() - h * 0.7, c.y() - h * 0.7, h * 1.4, h * 1.4))
        self._paint_name(painter, lod)

    def _paint_columns(self, painter: QPainter, px: float) -> None:
        color = QColor(self._theme.column)
        painter.setPen(QPen(color, 0))
        brush = QBrush(color, Qt.BrushStyle.BDiagPattern)
        for c in self.columns:
            painter.setBrush(QColor(self._theme.floor))
            painter.drawRect(c)
            painter.setBrush(brush)
            painter.drawRect(c)
            painter.drawLine(c.topLeft(), c.bottomRight())
            painter.drawLine(c.topRight(), c.bottomLeft())

    def _paint_doors(self, painter: QPainter, px: float) -> None:
        """An opening in the wall with the leaf's swing drawn into the hall, as on architects' plans."""
        floor = QColor(self._theme.floor)
        door = QColor(self._theme.door)
        for centre, width, rotation, (inward_x, inward_y) in self.doors:
            angle = math.radians(rotation)
            ux, uy = math.cos(angle), -math.sin(angle)  # along the wall, in scene axes (y down)
            nx, ny = inward_x, -inward_y
            a = QPointF(centre.x() - ux * width / 2, centre.y() - uy * width / 2)
            b = QPointF(centre.x() + ux * width / 2, centre.y() + uy * width / 2)
            gap = QPen(floor, max(260.0, 4 * px))
            gap.setCapStyle(Qt.PenCapStyle.FlatCap)
            painter.setPen(gap)
            painter.drawLine(a, b)
            painter.setPen(QPen(door, 0))
            # Two leaves: each hinged at a jamb, swinging a quarter circle inwards.
            half = width / 2
            for hinge, sign in ((a, 1.0), (b, -1.0)):
                tip = QPointF(hinge.x() + nx * half, hinge.y() + ny * half)
                painter.drawLine(hinge, tip)
                path = QPainterPath(tip)
                steps = 12
                for k in range(1, steps + 1):
                    phi = (math.pi / 2) * k / steps
                    vx = nx * math.cos(phi) + sign * ux * math.sin(phi)
                    vy = ny * math.cos(phi) + sign * uy * math.sin(phi)
                    path.lineTo(hinge.x() + vx * half, hinge.y() + vy * half)
                dash = QPen(door, 0, Qt.PenStyle.DashLine)
                painter.setPen(dash)
                painter.drawPath(path)
                painter.setPen(QPen(door, 0))

    def _paint_name(self, painter: QPainter, lod: float) -> None:
        rect = self.polygon.boundingRect()
        if rect.width() * lod < 60:
            return
        anchor = painter.worldTransform().map(rect.topLeft())
        painter.save()
        painter.setWorldTransform(QTransform())
        font = pixel_font(13, bold=True)
        painter.setFont(font)
        painter.setPen(QColor(self._theme.hall_label))
        painter.drawText(QPointF(anchor.x(), anchor.y() - 9), self.name)
        painter.restore()


class ClearanceOverlay(QGraphicsItem):
    """Service clearance zones of the selected blocks: dashed rectangles that move with a drag."""

    def __init__(self, theme: Theme) -> None:
        super().__init__()
        self._theme = theme
        self.rects: list[QRectF] = []
        self._bounds = QRectF()
        self.setZValue(OVERLAY_Z - 1)
        # A drag moves the zones by whole pixels: the cached drawing is blitted, not redrawn.
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def set_rects(self, rects: list[QRectF]) -> None:
        self.prepareGeometryChange()
        self.rects = rects
        bounds = QRectF()
        for r in rects:
            bounds = bounds.united(r)
        self._bounds = bounds
        self.setPos(0, 0)
        self.update()

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        px_per_m = 1000.0 * QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        if px_per_m < CLEARANCE_MIN_PX_PER_M:
            return  # a zone of a metre or so is under two pixels: its outlines would only hide the selection
        color = QColor(self._theme.clearance)
        fill = QColor(color)
        fill.setAlpha(40)
        dashed = px_per_m >= CLEARANCE_OUTLINE_PX_PER_M
        painter.setPen(QPen(color, 0, Qt.PenStyle.DashLine) if dashed else Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRects(self.rects)


class RubberBand(QGraphicsItem):
    """The selection rectangle: solid blue for a window (left to right), dashed green for crossing."""

    def __init__(self, theme: Theme) -> None:
        super().__init__()
        self._theme = theme
        self.rect = QRectF()
        self.crossing = False
        self.setZValue(OVERLAY_Z + 5)

    def set_rect(self, rect: QRectF, crossing: bool) -> None:
        self.prepareGeometryChange()
        self.rect = rect.normalized()
        self.crossing = crossing
        self.update()

    def boundingRect(self) -> QRectF:
        return self.rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        color = QColor(self._theme.rubber_crossing if self.crossing else self._theme.rubber_window)
        fill = QColor(color)
        fill.setAlpha(35)
        painter.setPen(QPen(color, 0, Qt.PenStyle.DashLine if self.crossing else Qt.PenStyle.SolidLine))
        painter.setBrush(fill)
        painter.drawRect(self.rect)


class PolylinePreview(QGraphicsItem):
    """A hall outline being drawn: placed points, and the rubber segment to the cursor."""

    def __init__(self, theme: Theme) -> None:
        super().__init__()
        self._theme = theme
        self.points: list[QPointF] = []
        self.label = ""  # the live size while a rectangle is drawn ("20.0 × 12.0 m"), at its centre
        self.setZValue(OVERLAY_Z + 5)

    def set_points(self, points: list[QPointF], label: str = "") -> None:
        self.prepareGeometryChange()
        self.points = list(points)
        self.label = label
        self.update()

    def boundingRect(self) -> QRectF:
        if not self.points:
            return QRectF()
        return QPolygonF(self.points).boundingRect().adjusted(-500, -500, 500, 500)

    def _paint_label(self, painter: QPainter) -> None:
        centre = painter.worldTransform().map(QPolygonF(self.points).boundingRect().center())
        painter.save()
        painter.setWorldTransform(QTransform())
        painter.setFont(pixel_font(13, bold=True))
        box = painter.boundingRect(QRectF(centre.x() - 150, centre.y() - 12, 300, 24),
                                   int(Qt.AlignmentFlag.AlignCenter), self.label)
        back = QColor(self._theme.canvas)
        back.setAlpha(220)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(back)
        painter.drawRoundedRect(box.adjusted(-6, -3, 6, 3), 4, 4)
        painter.setPen(QColor(self._theme.handle))
        painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), self.label)
        painter.restore()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        color = QColor(self._theme.handle)
        painter.setPen(QPen(color, 0, Qt.PenStyle.DashLine))
        fill = QColor(color)
        fill.setAlpha(30)
        painter.setBrush(fill)
        if len(self.points) >= 3:
            painter.drawPolygon(QPolygonF(self.points))
        else:
            painter.drawPolyline(QPolygonF(self.points))
        if self.label and self.points:
            self._paint_label(painter)
