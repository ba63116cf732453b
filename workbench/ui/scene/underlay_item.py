"""The architect's drawing on the canvas: one locked, dimmed item under the halls, drawn from per-layer paths and
cached in device pixels so panning over 50,000 entities only copies pixels."""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen, QTransform
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from workbench.cad.align import Similarity
from workbench.cad.dxf_import import Underlay

UNDERLAY_Z = -100.0  # under the halls' walls (5) and blocks (10); the floor fill is the scene background
MIN_TEXT_PX = 4.0  # texts smaller than this on screen are not drawn (they would be grey noise)
MAX_TEXTS = 20000


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
        # Device-pixel cache: a pan copies the cached picture; only a zoom redraws the paths.
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self._paths: list[QPainterPath] = []
        self._circles: list[QPainterPath] = []
        self._hidden: set[int] = set()
        self._colour = QColor("#8c95a0" if dark else "#9aa3ad")
        self._text_colour = QColor("#7a838d")
        self._build()

    def _build(self) -> None:
        u = self.underlay
        n = len(u.layers)
        order = np.argsort(u.seg_layer, kind="stable")
        seg, lay = u.seg[order], u.seg_layer[order]
        bounds = np.searchsorted(lay, np.arange(n + 1))
        self._paths = [_layer_path(seg[bounds[i]:bounds[i + 1]]) for i in range(n)]
        self._circles = [QPainterPath() for _ in range(n)]
        for cx, cy, r, layer in u.circles.tolist():
            self._circles[int(layer)].addEllipse(QPointF(cx, -cy), r, r)
        box = u.bounds()
        rect = QRectF()
        if box is not None:
            rect = QRectF(box[0], -box[3], box[2] - box[0], box[3] - box[1])
        for path in self._circles:
            if not path.isEmpty():
                rect = rect.united(path.boundingRect())
        for _, x, y, h, _, _ in u.texts[:MAX_TEXTS]:
            rect = rect.united(QRectF(x, -y - h, h, h))
        self._rect = rect.adjusted(-10, -10, 10, 10)

    # --- state ----------------------------------------------------------------------------
    def set_hidden_layers(self, hidden: set[int]) -> None:
        if hidden != self._hidden:
            self._hidden = set(hidden)
            self.update()

    def set_alignment(self, t: Similarity) -> None:
        self.setTransform(scene_transform(t))

    def set_dark(self, dark: bool) -> None:
        self._colour = QColor("#8c95a0" if dark else "#9aa3ad")
        self.update()

    # --- painting -------------------------------------------------------------------------
    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        pen = QPen(self._colour, 0)  # cosmetic: one pixel at every zoom, as CAD shows an xref
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        exposed = option.exposedRect  # type: ignore[attr-defined]
        for i, path in enumerate(self._paths):
            if i in self._hidden:
                continue
            if not path.isEmpty() and path.boundingRect().intersects(exposed):
                painter.drawPath(path)
            circles = self._circles[i]
            if not circles.isEmpty() and circles.boundingRect().intersects(exposed):
                painter.drawPath(circles)
        self._paint_texts(painter, exposed)

    def _paint_texts(self, painter: QPainter, exposed: QRectF) -> None:
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        texts = self.underlay.texts
        if not texts or lod <= 0:
            return
        painter.setPen(self._text_colour)
        font = QFont()
        for layer, x, y, h, rot, text in texts[:MAX_TEXTS]:
            if layer in self._hidden or h * lod < MIN_TEXT_PX or not exposed.contains(QPointF(x, -y)):
                continue
            font.setPixelSize(max(1, round(h)))
            painter.setFont(font)
            painter.save()
            painter.translate(x, -y)
            if rot:
                painter.rotate(-rot)
            painter.drawText(QPointF(0, 0), text)
            painter.restore()
