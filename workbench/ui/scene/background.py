"""The background drawn once per view, zoom and design change and blitted after that, as the view's own cache does."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter, QTransform

Draw = Callable[[QPainter, QRectF], None]
MAX_CACHED_PX = 4096 * 4096  # a larger exposed area (a print or a poster export) is drawn directly


class BackgroundCache:
    """The last background drawn, as an image in device pixels.

    The view's CacheBackground only serves its own repaints; a render into an image (exports,
    thumbnails, the benchmark) and every frame of a live drag would otherwise redraw the floor,
    the aisles and thousands of grid lines although none of them moved. The key holds all that
    the picture depends on: the device transform, the exposed rectangle, the render hints and
    a generation number the scene bumps whenever the floor, the aisles, the grid or the theme change.
    """

    def __init__(self) -> None:
        self.generation = 0
        self._key: tuple[object, ...] | None = None
        self._image: QImage | None = None

    def invalidate(self) -> None:
        self.generation += 1
        self._key = None
        self._image = None

    def paint(self, painter: QPainter, rect: QRectF, base: QColor, draw: Draw) -> None:
        t = painter.worldTransform()
        if t.type().value > QTransform.TransformationType.TxScale.value:  # rotated or sheared: draw directly
            draw(painter, rect)
            return
        target = t.mapRect(rect).toAlignedRect()
        dpr = painter.device().devicePixelRatio() if painter.device() is not None else 1.0
        w, h = round(target.width() * dpr), round(target.height() * dpr)
        if w <= 0 or h <= 0 or w * h > MAX_CACHED_PX:
            draw(painter, rect)
            return
        key = (self.generation, t.m11(), t.m22(), t.dx(), t.dy(), target.x(), target.y(), w, h, dpr,
               rect.x(), rect.y(), rect.width(), rect.height(), int(painter.renderHints().value))
        if key != self._key or self._image is None:
            image = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
            image.setDevicePixelRatio(dpr)
            image.fill(base)  # the edge pixels a fractional rectangle only partly covers
            p = QPainter(image)
            p.setRenderHints(painter.renderHints())
            p.setWorldTransform(t * QTransform.fromTranslate(-target.x(), -target.y()))
            draw(p, rect)
            p.end()
            self._image, self._key = image, key
        painter.save()
        painter.resetTransform()
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)  # opaque: a plain copy
        painter.drawImage(target.topLeft(), self._image)
        painter.restore()
