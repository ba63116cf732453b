"""A live drag: the dragged items ride on one carrier item, and the placement rules are evaluated per frame
from indexes built once, so a frame's work follows the selection, not the design."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from workbench.geometry.placement import MovingPreview
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
class DragState:
    """A live drag: items move on screen only; the model changes once, on release.

    What turns red is decided by the placement rules (geometry/placement.py), the same the checks run.
    """

    ids: list[str]
    start_pos: list[QPointF]  # scene positions at the start
    moving: F  # model boxes at the start (snapping reads them)
    static: F  # model boxes of everything else
    preview: MovingPreview
    carrier: DragCarrier | None = None
    dx_mm: float = 0.0
    dy_mm: float = 0.0

    @property
    def id_set(self) -> set[str]:
        return set(self.ids)

    def flagged(self, dx_mm: float, dy_mm: float) -> set[str]:
        """Ids of the blocks the checks would flag with a moving block at this offset."""
        return self.preview.flagged_ids(dx_mm, dy_mm)

    def severities(self, dx_mm: float, dy_mm: float) -> dict[str, str]:
        """Those ids with the severity the checks would give them ("error", or "warning" for clearance only)."""
        return self.preview.severities(dx_mm, dy_mm)
