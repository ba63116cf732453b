"""A live drag: the dragged items ride on one carrier item, and overlaps, clearance breaches and hall exits
are found per frame from indexes built once, so a frame's work follows the selection, not the design."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from workbench.geometry.box_index import BoxGridIndex, box_pairs
from workbench.geometry.boxes import EPS_MM, side_zones
from workbench.geometry.polygons import boxes_outside_outline, is_axis_rectangle, outline_bounds
from workbench.model.blocktype import Catalog
from workbench.model.design import Design, Hall
from workbench.ui.scene.items import BLOCK_Z

F = NDArray[np.float64]


class DragCarrier(QGraphicsItem):
    """An empty parent for the dragged items: one setPos per frame moves them all.

    It sits just above the other blocks, so what is being dragged stays visible over what it crosses.
    """

    def __init__(self) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, True)
        self.setZValue(BLOCK_Z + 0.5)

    def boundingRect(self) -> QRectF:
        return QRectF()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        pass


@dataclass
class HallBounds:
    """Hall outlines reduced once per drag: rectangles as one array, other polygons kept with their bounds."""

    rects: F  # (n, 4) model boxes of the axis-aligned rectangular halls
    polygons: list[tuple[tuple[float, float, float, float], list[tuple[float, float]]]]
    any_hall: bool  # with no hall at all nothing is "outside"; with only broken outlines everything is

    @classmethod
    def of(cls, halls: list[Hall]) -> HallBounds:
        rects, polygons = [], []
        for hall in halls:
            if len(hall.outline) < 3:
                continue
            if is_axis_rectangle(hall.outline):
                rects.append(outline_bounds(hall.outline))
            else:
                polygons.append((outline_bounds(hall.outline), list(hall.outline)))
        return cls(np.asarray(rects, dtype=float).reshape(-1, 4), polygons, bool(halls))

    def outside(self, boxes: F) -> NDArray[np.bool_]:
        """True where a box is not wholly inside any hall."""
        inside = np.zeros(len(boxes), dtype=bool)
        r = self.rects
        if len(r) and len(boxes):
            inside = ((boxes[:, None, 0] >= r[None, :, 0] - EPS_MM) & (boxes[:, None, 1] >= r[None, :, 1] - EPS_MM)
                      & (boxes[:, None, 2] <= r[None, :, 2] + EPS_MM)
                      & (boxes[:, None, 3] <= r[None, :, 3] + EPS_MM)).any(axis=1)
        for (x0, y0, x1, y1), outline in self.polygons:
            # Only boxes within the polygon's bounds can be inside it: shapely sees few boxes per frame.
            near = np.flatnonzero(~inside & (boxes[:, 0] >= x0 - EPS_MM) & (boxes[:, 1] >= y0 - EPS_MM)
                                  & (boxes[:, 2] <= x1 + EPS_MM) & (boxes[:, 3] <= y1 + EPS_MM))
            if len(near):
                inside[near] = ~boxes_outside_outline(boxes[near], outline)
        return ~inside


@dataclass
class DragState:
    """A live drag: items move on screen only; the model changes once, on release."""

    ids: list[str]
    start_pos: list[QPointF]  # scene positions at the start
    moving: F  # model boxes at the start
    static: F  # model boxes of everything else
    static_ids: list[str]
    halls: HallBounds
    carrier: DragCarrier | None = None
    dx_mm: float = 0.0
    dy_mm: float = 0.0
    # Front and rear service zones (model mm) with the row of their owner in `ids` / `static_ids`.
    moving_zones: F = field(default_factory=lambda: np.zeros((0, 4)))
    moving_zone_owner: NDArray[np.int64] = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    static_zones: F = field(default_factory=lambda: np.zeros((0, 4)))
    static_zone_owner: NDArray[np.int64] = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    _index: BoxGridIndex | None = None
    _zone_index: BoxGridIndex | None = None
    _internal: set[str] = field(default_factory=set)  # findings inside the selection: a rigid move keeps them

    @property
    def id_set(self) -> set[str]:
        return set(self.ids)

    def __post_init__(self) -> None:
        pairs = box_pairs(self.moving)
        self._internal = {self.ids[k] for k in np.unique(pairs)}
        if len(self.moving_zones):
            inside = box_pairs(self.moving_zones, self.moving)
            inside = inside[self.moving_zone_owner[inside[:, 0]] != inside[:, 1]]
            self._internal |= {self.ids[k] for k in np.unique(inside[:, 1])}
            self._internal |= {self.ids[k] for k in np.unique(self.moving_zone_owner[inside[:, 0]])}
        self._index = BoxGridIndex(self.static)
        if len(self.static_zones):
            self._zone_index = BoxGridIndex(self.static_zones)

    def flagged(self, dx_mm: float, dy_mm: float) -> set[str]:
        """Ids of the blocks that would overlap or leave every hall at this offset."""
        moved = self.moving + np.array([dx_mm, dy_mm, dx_mm, dy_mm])
        pairs = self._index.pairs(moved) if self._index is not None else box_pairs(moved, self.static)
        out = set(self._internal)
        if len(pairs):
            out.update(self.ids[i] for i in np.unique(pairs[:, 0]))
            out.update(self.static_ids[j] for j in np.unique(pairs[:, 1]))
        if self.halls.any_hall and len(moved):
            out.update(self.ids[i] for i in np.flatnonzero(self.halls.outside(moved)))
        # Service clearance both ways: our zones over their blocks, our blocks in their zones.
        if len(self.moving_zones) and self._index is not None:
            hits = self._index.pairs(self.moving_zones + np.array([dx_mm, dy_mm, dx_mm, dy_mm]))
            if len(hits):
                out.update(self.ids[k] for k in np.unique(self.moving_zone_owner[hits[:, 0]]))
                out.update(self.static_ids[j] for j in np.unique(hits[:, 1]))
        if self._zone_index is not None and len(moved):
            hits = self._zone_index.pairs(moved)
            if len(hits):
                out.update(self.ids[i] for i in np.unique(hits[:, 0]))
                out.update(self.static_ids[k] for k in np.unique(self.static_zone_owner[hits[:, 1]]))
        return out


def service_zones(design: Design, catalog: Catalog, ids: list[str], boxes: F) -> tuple[F, NDArray[np.int64]]:
    """Front and rear clearance zones of the given blocks (footprints in `boxes`), and each zone's row."""
    blocks = [design.blocks[i] for i in ids]
    types = [catalog.get(b.type_id) for b in blocks]
    rotation = np.array([b.rotation_deg for b in blocks], dtype=np.int64)
    front = np.array([t.clearance_front_mm if t else 0.0 for t in types])
    rear = np.array([t.clearance_rear_mm if t else 0.0 for t in types])
    f, r = side_zones(boxes.reshape(-1, 4), rotation, front, rear)
    rows = np.arange(len(blocks), dtype=np.int64)
    keep_f, keep_r = front > 0, rear > 0  # a zero-depth zone can touch nothing
    return np.concatenate((f[keep_f], r[keep_r])).reshape(-1, 4), np.concatenate((rows[keep_f], rows[keep_r]))
