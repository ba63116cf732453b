"""Level of detail when zoomed out: blocks a few pixels big stop painting themselves and a few cached layers
draw them as flat tiles, one drawRects call per colour, so a frame costs the same whatever the design holds."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray
from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QTransform
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from workbench.ui.scene.block_look import FootprintTable
from workbench.ui.scene.items import BLOCK_Z, TileState, tile_color

if TYPE_CHECKING:
    from workbench.ui.scene.drag import DragCarrier
    from workbench.ui.scene.hall_scene import HallScene

# A block whose narrower side is below this many device pixels is a tile in the overview layer. Below it a
# block is narrower than the anti-aliasing filter: its own drawing is a blend of its fill with the floor,
# which is what a tile gives, while its own item costs a cached-pixmap blit per block and frame.
OVERVIEW_PX = 1.5
TILE_MIN_PX = 1  # a tile covers at least one whole pixel, so rows read as crisp lines, not a faint blur
HIGHLIGHT_MIN_PX = 3  # selected and flagged tiles: one highlighted rack still reads on a campus view
STATIC_Z = BLOCK_Z - 0.25  # over the hall walls, under any detailed block
MARKS_Z = BLOCK_Z + 0.25  # over the static tiles, under the drag carrier (BLOCK_Z + 0.5)

F = NDArray[np.float64]
Tiles = list[tuple[QColor, F, int]]  # colour, model boxes (n, 4), least size in device pixels
NO_CONTENTS = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents


class TileLayer(QGraphicsItem):
    """Flat tiles snapped to device pixels, one drawRects call per colour; `tiles(px_per_mm)` says what."""

    def __init__(self, tiles: Callable[[float], Tiles], z: float, cached: bool) -> None:
        super().__init__()
        self._tiles = tiles
        self._bounds = QRectF()
        self.setZValue(z)
        self.setFlag(NO_CONTENTS, True)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)  # for the exposed rect
        if cached:
            # Redrawn only when its tiles or the zoom change; a drag frame blits it (or scrolls it when panning).
            self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    @property
    def shown(self) -> bool:
        return not self.flags() & NO_CONTENTS

    def set_shown(self, shown: bool) -> None:
        if shown != self.shown:
            self.setFlag(NO_CONTENTS, not shown)
            self.update()

    def set_bounds(self, rect: QRectF) -> None:
        if rect != self._bounds:
            self.prepareGeometryChange()
            self._bounds = QRectF(rect)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        t = painter.worldTransform()
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(t)
        tiles = self._tiles(lod)
        if not tiles:
            return
        exposed = option.exposedRect  # type: ignore[attr-defined]
        painter.setPen(Qt.PenStyle.NoPen)
        if t.type().value > QTransform.TransformationType.TxScale.value or t.m11() <= 0 or t.m22() <= 0:
            for color, boxes, _ in tiles:  # rotated or mirrored: plain rectangles, no pixel snapping
                painter.setBrush(color)
                painter.drawRects([_scene_rect(b) for b in boxes])
            return
        painter.save()
        painter.resetTransform()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)  # whole pixels: crisp, and faster
        for color, boxes, min_px in tiles:
            rects = device_rects(_exposed(boxes, exposed, (min_px + 1) / lod), t, min_px)
            if rects:
                painter.setBrush(color)
                painter.drawRects(rects)
        painter.restore()


def _exposed(boxes: F, rect: QRectF, pad_mm: float) -> F:
    """The boxes that touch a scene rectangle (grown by pad_mm); all of them when it is empty."""
    if rect.isEmpty() or not len(boxes):
        return boxes
    x0, x1 = rect.left() - pad_mm, rect.right() + pad_mm
    y0, y1 = -rect.bottom() - pad_mm, -rect.top() + pad_mm  # back to model y
    hit = (boxes[:, 2] >= x0) & (boxes[:, 0] <= x1) & (boxes[:, 3] >= y0) & (boxes[:, 1] <= y1)
    return boxes[hit]


def device_rects(boxes: F, t: QTransform, min_px: int) -> list[QRect]:
    """Model boxes as whole-pixel device rectangles, each at least min_px square, centred where the box is."""
    if not len(boxes):
        return []
    sx, sy, dx, dy = t.m11(), t.m22(), t.dx(), t.dy()
    left, right = boxes[:, 0] * sx + dx, boxes[:, 2] * sx + dx
    top, bottom = -boxes[:, 3] * sy + dy, -boxes[:, 1] * sy + dy
    w = np.maximum(np.rint(right - left), min_px)
    h = np.maximum(np.rint(bottom - top), min_px)
    # Half up, not numpy's half to even: a one-pixel tile is then always the pixel its centre falls in.
    x = np.floor((left + right - w) / 2 + 0.5)
    y = np.floor((top + bottom - h) / 2 + 0.5)
    return [QRect(*r) for r in np.column_stack((x, y, w, h)).astype(np.int64).tolist()]


def small_rows(table: FootprintTable, px_per_mm: float) -> NDArray[np.bool_]:
    """Rows whose narrower side is under OVERVIEW_PX at this zoom."""
    return small_boxes(table.boxes, px_per_mm)


def small_boxes(b: F, px_per_mm: float) -> NDArray[np.bool_]:
    return np.minimum(b[:, 2] - b[:, 0], b[:, 3] - b[:, 1]) * px_per_mm < OVERVIEW_PX


def _scene_rect(box: F) -> QRectF:
    x0, y0, x1, y1 = box.tolist()
    return QRectF(x0, -y1, x1 - x0, y1 - y0)


def _union(boxes: F) -> QRectF:
    return _scene_rect(np.array([boxes[:, 0].min(), boxes[:, 1].min(), boxes[:, 2].max(), boxes[:, 3].max()]))


class LevelOfDetail:
    """Decides, at each paint, which block items draw themselves, and feeds the tile layers the rest.

    The static layer holds every small block not being dragged; it is rebuilt when the design, the
    selection, the checks, the theme or the set of small blocks changes, never per drag frame. The
    dragged small blocks ride the drag carrier as their own layer; blocks a drag newly touches are
    marked by an uncached layer whose work follows the marks, not the design.
    """

    def __init__(self, scene: HallScene) -> None:
        self.scene = scene
        self.px_per_mm = 0.0  # of the last paint
        self.rebuilds = 0  # static layer rebuilds, for tests and benchmarks
        self.problems: dict[str, str] = {}  # block id -> "error" | "warning", from the last results
        self.static_layer = TileLayer(self._static_tiles, STATIC_Z, cached=True)
        self.marks = TileLayer(self._mark_tiles, MARKS_Z, cached=False)
        self.drag_layer: TileLayer | None = None
        scene.addItem(self.static_layer)
        scene.addItem(self.marks)
        self._flat: set[str] = set()  # ids whose items paint nothing at the last zoom
        self._sync_key: tuple[int, float] | None = None
        self._state = 0  # bumped when colours or the set of dragged blocks change
        self._moving: set[str] = set()
        self._preview: set[str] = set()
        self._codes_version = -1
        self._codes: NDArray[np.int64] = np.zeros(0, dtype=np.int64)
        self._colors: list[TileState] = []
        self._static_key: tuple[object, ...] | None = None
        self._static_groups: list[tuple[TileState, NDArray[np.int64]]] = []
        self._drag_key: tuple[object, ...] | None = None
        self._drag_groups: list[tuple[TileState, NDArray[np.int64]]] = []

    # --- state from the scene ------------------------------------------------------------
    def changed(self) -> None:
        """Colours, blocks or the selection changed: the tiles are rebuilt at the next paint."""
        self._state += 1
        self.static_layer.update()
        if self.drag_layer is not None:
            self.drag_layer.update()

    def reset(self) -> None:
        """All items are new (a design replaced): none of them has been told to stop painting."""
        self._flat.clear()
        self._sync_key = None
        self.changed()

    def forget(self, ids: list[str]) -> None:
        self._flat.difference_update(ids)

    def set_problems(self, problems: dict[str, str]) -> None:
        if problems != self.problems:
            self.problems = problems
            self.changed()

    def refresh_bounds(self) -> None:
        """The static layer covers the halls and every block; outside it nothing would be drawn."""
        rect = self.scene.sceneRect()
        t = self.scene.footprints
        if not t.dirty and len(t.ids):
            rect = rect.united(_union(t.boxes))
        self.static_layer.set_bounds(rect)

    # --- the paint-time switch -----------------------------------------------------------
    def sync(self, px_per_mm: float) -> None:
        """Turn item painting off for the blocks that are small at this zoom and on for the rest.

        Called at the start of every paint (the scene's background), before any block is drawn, so
        the first frame at a new zoom is already right; it costs nothing while zoom and design stay.
        """
        t = self.scene.table()
        key = (t.version, px_per_mm)
        if key == self._sync_key:
            return
        self._sync_key = key
        self.px_per_mm = px_per_mm
        small = small_rows(t, px_per_mm)
        flat = {t.ids[i] for i in np.flatnonzero(small)}
        items = self.scene.block_items
        for bid in flat - self._flat:
            item = items.get(bid)
            if item is not None:
                item.setFlag(NO_CONTENTS, True)
        for bid in self._flat - flat:
            item = items.get(bid)
            if item is not None:
                item.setFlag(NO_CONTENTS, False)
                item.update()
        self._flat = flat
        self.refresh_bounds()
        moving = self._moving_mask(t)
        self.static_layer.set_shown(bool((small & ~moving).any()))
        if self.drag_layer is not None:
            self.drag_layer.set_shown(bool((small & moving).any()))

    # --- a live drag ---------------------------------------------------------------------
    def begin_drag(self, ids: list[str], carrier: DragCarrier) -> None:
        self._moving = set(ids)
        self._preview = set()
        t = self.scene.table()
        rows = [t.row[i] for i in ids if i in t.row]
        layer = TileLayer(self._drag_tiles, 0.0, cached=True)  # under the dragged items that draw themselves
        layer.setParentItem(carrier)  # the carrier sits at the origin: scene coordinates, and it moves with it
        if rows:
            layer.set_bounds(_union(t.boxes[rows]))
        self.drag_layer = layer
        self._sync_key = None  # the layers' shown state depends on what is dragged
        if self.px_per_mm > 0:
            self.sync(self.px_per_mm)
        self.changed()

    def set_preview(self, flagged: set[str]) -> None:
        """The live drag marks: dragged ones recolour the drag layer, the others go to the marks layer."""
        if flagged == self._preview:
            return
        layer = self.drag_layer
        if layer is not None and layer.shown and (flagged ^ self._preview) & self._moving:
            layer.update()
        self._preview = set(flagged)
        t = self.scene.table()
        rows = np.array([t.row[i] for i in flagged - self._moving if i in t.row], dtype=np.int64)
        if len(rows) and self.px_per_mm > 0:
            rows = rows[small_boxes(t.boxes[rows], self.px_per_mm)]  # the others mark themselves
        if not len(rows) or self.px_per_mm <= 0:
            self.marks.set_shown(False)
            return
        b = t.boxes[rows]
        pad = HIGHLIGHT_MIN_PX / self.px_per_mm
        self.marks.set_bounds(_union(b).adjusted(-pad, -pad, pad, pad))
        self.marks.set_shown(True)
        self.marks.update()

    def end_drag(self) -> None:
        self._moving = set()
        self._preview = set()
        self.drag_layer = None  # it leaves the scene with the carrier
        self.marks.set_shown(False)
        self._sync_key = None
        self.changed()

    # --- tiles ---------------------------------------------------------------------------
    def _moving_mask(self, t: FootprintTable) -> NDArray[np.bool_]:
        mask = np.zeros(len(t.ids), dtype=bool)
        rows = [t.row[i] for i in self._moving if i in t.row]
        mask[rows] = True
        return mask

    def _table(self) -> FootprintTable:
        """The footprints with a colour code per row (its category), refreshed when the table changes."""
        t = self.scene.table()
        if self._codes_version != t.version:
            states: dict[TileState, int] = {}
            items = self.scene.block_items
            codes = []
            for bid in t.ids:
                look = items[bid].look if bid in items else None
                state = TileState(look.category if look else "structure", look.known if look else False)
                codes.append(states.setdefault(state, len(states)))
            self._codes = np.asarray(codes, dtype=np.int64)
            self._colors = list(states)
            self._codes_version = t.version
        return t

    def _groups(self, t: FootprintTable, rows: NDArray[np.int64],
                live: bool) -> list[tuple[TileState, NDArray[np.int64]]]:
        """The rows grouped by colour: category tiles first, then warnings, selection and errors on top.

        Only the drag layer (`live`) shows the drag's own marks; the static layer must not change per frame.
        """
        code = self._codes.copy()
        base = len(self._colors)
        warn, sel, err = base, base + 1, base + 2
        for bid, severity in self.problems.items():
            r = t.row.get(bid)
            if r is not None:
                code[r] = err if severity == "error" else warn
        for bid in self.scene.selected_ids:
            r = t.row.get(bid)
            if r is not None:
                code[r] = sel
        if live:
            for bid in self._preview & self._moving:
                r = t.row.get(bid)
                if r is not None:
                    code[r] = err
        code = code[rows]
        states = self._colors + [TileState("", True, "warning"), TileState("", True, "selected"),
                                 TileState("", True, "error")]
        return [(states[int(value)], rows[code == value]) for value in np.unique(code)]

    def _tiles(self, groups: list[tuple[TileState, NDArray[np.int64]]], t: FootprintTable) -> Tiles:
        theme = self.scene.theme
        return [(tile_color(theme, s), t.boxes[rows], HIGHLIGHT_MIN_PX if s.highlight else TILE_MIN_PX)
                for s, rows in groups]

    def _static_tiles(self, lod: float) -> Tiles:
        t = self._table()
        small = small_rows(t, lod) & ~self._moving_mask(t)
        key = (t.version, self._state, np.packbits(small).tobytes())
        if key != self._static_key:
            self._static_key = key
            self._static_groups = self._groups(t, np.flatnonzero(small), live=False)
            self.rebuilds += 1
        return self._tiles(self._static_groups, t)

    def _drag_tiles(self, lod: float) -> Tiles:
        t = self._table()
        small = small_rows(t, lod) & self._moving_mask(t)
        key = (t.version, self._state, np.packbits(small).tobytes(), frozenset(self._preview & self._moving))
        if key != self._drag_key:
            self._drag_key = key
            self._drag_groups = self._groups(t, np.flatnonzero(small), live=True)
        return self._tiles(self._drag_groups, t)

    def _mark_tiles(self, lod: float) -> Tiles:
        t = self.scene.table()
        rows = np.array([t.row[i] for i in self._preview - self._moving if i in t.row], dtype=np.int64)
        if not len(rows):
            return []
        rows = rows[small_boxes(t.boxes[rows], lod)]
        return self._tiles([(TileState("", True, "error"), rows)], t)
