"""The architect's drawing on the canvas: one locked, dimmed item under the halls, drawn from tiled per-layer paths
into a cached image of the view and a margin around it, so panning over 50,000 entities only copies pixels."""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPainterPath, QPen, QTransform
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from workbench.cad.align import Similarity
from workbench.cad.dxf_import import Underlay

UNDERLAY_Z = -100.0  # under the halls' walls (5) and blocks (10); the floor fill is the scene background
MIN_TEXT_PX = 4.0  # texts smaller than this on screen are not drawn (they would be grey noise)
MAX_TEXTS = 20000
TILES = 24  # tiles across the drawing's longer side


def _layer_path(seg: np.ndarray) -> QPainterPath:
    """Segments (drawing mm, y up) as one path in item coordinates (y down), built from arrays in C."""
    import pyqtgraph as pg

    if not len(seg):
        return QPainterPath()
    x = np.ascontiguousarray(seg[:, [0, 2]].ravel())
    y = np.ascontiguousarray(-seg[:, [1, 3]].ravel())
    return pg.arrayToQPath(x, y, connect="pairs", finiteCheck=False)


def scene_transform(t: Similarity) -> QTransform:
    """The alignment as a QTransform from item coordinates (drawing mm, y down) to the scene (model mm, y down)."""
    a = math.radians(t.rotation_deg)
    c, s = t.scale * math.cos(a), t.scale * math.sin(a)
    return QTransform(c, -s, s, c, t.dx_mm, -t.dy_mm)


class UnderlayItem(QGraphicsItem):
    """Draws an Underlay; never selectable, never moved by the mouse (the alignment tool moves it)."""

    def __init__(self, underlay: Underlay, dark: bool = False) -> None:
        super().__init__()
        self.underlay = underlay
        self.setZValue(UNDERLAY_Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, False)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, False)
        # exposedRect is the part to repaint only with this flag; without it every paint draws every tile.
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)
        # Its own cache (ImageCache below), not Qt's DeviceCoordinateCache: the hall view repaints its whole
        # viewport on every scroll, and Qt then re-renders a device cache the size of the view each frame.
        self.setCacheMode(QGraphicsItem.CacheMode.NoCache)
        self._cache = ImageCache()
        self._paths: list[QPainterPath] = []
        self._circles: list[QPainterPath] = []
        self._hidden: set[int] = set()
        self._colour = QColor("#8c95a0" if dark else "#9aa3ad")
        self._text_colour = QColor("#7a838d")
        self._build()

    def _build(self) -> None:
        u = self.underlay
        n = len(u.layers)
        box = u.bounds()
        rect = QRectF()
        if box is not None:
            rect = QRectF(box[0], -box[3], box[2] - box[0], box[3] - box[1])
        # Segments are grouped into tiles (by midpoint) and layers: a pan that exposes a strip of the view
        # redraws only the tiles under the strip, not all 100,000 segments of a layer clipped to it.
        self._tiles: list[tuple[QRectF, int, QPainterPath]] = []
        seg = u.seg
        if len(seg):
            x0, y0, x1, y1 = box  # type: ignore[misc]
            cell = max(x1 - x0, y1 - y0, 1.0) / TILES
            mx = ((seg[:, 0] + seg[:, 2]) / 2 - x0) // cell
            my = ((seg[:, 1] + seg[:, 3]) / 2 - y0) // cell
            key = (np.clip(my, 0, TILES) * (TILES + 1) + np.clip(mx, 0, TILES)).astype(np.int64) * n + u.seg_layer
            order = np.argsort(key, kind="stable")
            key, seg = key[order], seg[order]
            starts = np.flatnonzero(np.r_[True, key[1:] != key[:-1]])
            ends = np.r_[starts[1:], len(key)]
            for a, b in zip(starts.tolist(), ends.tolist()):
                part = seg[a:b]
                bx0 = float(min(part[:, 0].min(), part[:, 2].min()))
                bx1 = float(max(part[:, 0].max(), part[:, 2].max()))
                by0 = float(min(part[:, 1].min(), part[:, 3].min()))
                by1 = float(max(part[:, 1].max(), part[:, 3].max()))
                self._tiles.append((QRectF(bx0, -by1, bx1 - bx0, by1 - by0), int(key[a] % n), _layer_path(part)))
        self._tile_boxes = np.array([[r.left(), r.top(), r.right(), r.bottom()] for r, _, _ in self._tiles]).reshape(-1, 4)
        self._tile_layers = np.array([layer for _, layer, _ in self._tiles], dtype=np.int64)
        self._circles = [QPainterPath() for _ in range(n)]
        for cx, cy, r, layer in u.circles.tolist():
            self._circles[int(layer)].addEllipse(QPointF(cx, -cy), r, r)
        for path in self._circles:
            if not path.isEmpty():
                rect = rect.united(path.boundingRect())
        texts = u.texts[:MAX_TEXTS]
        self._texts = texts
        self._text_xy = np.array([(x, -y, h, layer) for layer, x, y, h, _, _ in texts], dtype=float).reshape(-1, 4)
        for _, x, y, h, _, _ in texts:
            rect = rect.united(QRectF(x, -y - h, h, h))
        self._rect = rect.adjusted(-10, -10, 10, 10)

    # --- state ----------------------------------------------------------------------------
    def set_hidden_layers(self, hidden: set[int]) -> None:
        if hidden != self._hidden:
            self._hidden = set(hidden)
            self._cache.clear()
            self.update()

    def set_alignment(self, t: Similarity) -> None:
        self.setTransform(scene_transform(t))

    def set_dark(self, dark: bool) -> None:
        self._colour = QColor("#8c95a0" if dark else "#9aa3ad")
        self._cache.clear()
        self.update()

    # --- painting -------------------------------------------------------------------------
    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        exposed = option.exposedRect  # type: ignore[attr-defined]
        key = (frozenset(self._hidden), self._colour.rgba())
        if not self._cache.paint(painter, exposed.intersected(self._rect), self._rect, key, self.draw):
            self.draw(painter, exposed)

    def draw(self, painter: QPainter, exposed: QRectF) -> None:
        """The drawing's lines, circles and readable texts inside `exposed` (item coordinates)."""
        pen = QPen(self._colour, 0)  # cosmetic: one pixel at every zoom, as CAD shows an xref
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        ex0, ey0, ex1, ey1 = exposed.left(), exposed.top(), exposed.right(), exposed.bottom()
        b = self._tile_boxes
        if len(b):
            hit = (b[:, 0] <= ex1) & (b[:, 2] >= ex0) & (b[:, 1] <= ey1) & (b[:, 3] >= ey0)
            if self._hidden:
                hit &= ~np.isin(self._tile_layers, sorted(self._hidden))
            tiles = self._tiles
            for i in np.flatnonzero(hit).tolist():
                painter.drawPath(tiles[i][2])
        for i, circles in enumerate(self._circles):
            if i not in self._hidden and not circles.isEmpty() and circles.boundingRect().intersects(exposed):
                painter.drawPath(circles)
        self._paint_texts(painter, exposed)

    def _paint_texts(self, painter: QPainter, exposed: QRectF) -> None:
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        xy = self._text_xy
        if not len(xy) or lod <= 0:
            return
        show = ((xy[:, 2] * lod >= MIN_TEXT_PX) & (xy[:, 0] >= exposed.left() - xy[:, 2] * 20)
                & (xy[:, 0] <= exposed.right()) & (xy[:, 1] >= exposed.top()) & (xy[:, 1] <= exposed.bottom() + xy[:, 2]))
        if self._hidden:
            show &= ~np.isin(xy[:, 3].astype(np.int64), sorted(self._hidden))
        painter.setPen(self._text_colour)
        font = QFont()
        for i in np.flatnonzero(show).tolist():
            _, x, y, h, rot, text = self._texts[i]
            font.setPixelSize(max(1, round(h)))
            painter.setFont(font)
            painter.save()
            painter.translate(x, -y)
            if rot:
                painter.rotate(-rot)
            painter.drawText(QPointF(0, 0), text)
            painter.restore()


class ImageCache:
    """The item drawn once into an image at the current zoom, covering the view and half a view around it.

    A pan within that margin draws the image at its new place (a copy of pixels); a zoom, a rotation of
    the view, or a pan beyond the margin draws the paths again into a new image.
    """

    MARGIN = 0.5  # of the exposed width and height, on every side
    MAX_PX = 4096 * 4096

    def __init__(self) -> None:
        self._image: QImage | None = None
        self._linear: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)
        self._covered = QRectF()  # item rectangle the image holds
        self._origin = QPointF()  # device position of the covered rectangle's top-left when drawn
        self._key: object = None

    def clear(self) -> None:
        self._image = None

    def paint(self, painter: QPainter, exposed: QRectF, bounds: QRectF, key: object, draw) -> bool:  # type: ignore[no-untyped-def]
        """Draw `exposed` from the cache (filling it first if needed); False when it cannot be cached."""
        if exposed.isEmpty():
            return True
        t = painter.worldTransform()
        linear = (round(t.m11(), 12), round(t.m12(), 12), round(t.m21(), 12), round(t.m22(), 12))
        if (self._image is None or linear != self._linear or key != self._key
                or not self._covered.contains(exposed)):
            mx, my = exposed.width() * self.MARGIN, exposed.height() * self.MARGIN
            covered = exposed.adjusted(-mx, -my, mx, my).intersected(bounds)
            device = t.mapRect(covered)
            dpr = painter.device().devicePixelRatio() if painter.device() is not None else 1.0
            w, h = math.ceil(device.width() * dpr) + 2, math.ceil(device.height() * dpr) + 2
            if w * h > self.MAX_PX or w <= 0 or h <= 0:
                return False
            image = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
            image.setDevicePixelRatio(dpr)
            image.fill(Qt.GlobalColor.transparent)
            p = QPainter(image)
            p.setRenderHints(painter.renderHints())
            origin = device.topLeft()
            p.setWorldTransform(t * QTransform.fromTranslate(-origin.x(), -origin.y()))
            draw(p, covered)
            p.end()
            self._image, self._linear, self._covered, self._key = image, linear, covered, key
        # Where the covered rectangle lands now: the linear part is unchanged, so only the offset has moved.
        device_box = t.mapRect(self._covered)
        painter.save()
        painter.resetTransform()
        painter.drawImage(QPointF(round(device_box.left()), round(device_box.top())), self._image)
        painter.restore()
        return True
