"""Snapping while editing: footprints' corners onto the grid, and a dragged selection onto neighbours' edges."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from workbench.geometry.snapping import snap_to_edges, snap_value

Box = tuple[float, float, float, float]


def snap_centre(x: float, y: float, w: float, d: float, grid_mm: float) -> tuple[float, float]:
    """Snap a footprint's lower-left corner to the grid, so edges sit on tile lines."""
    if grid_mm <= 0:
        return x, y
    return snap_value(x - w / 2, grid_mm) + w / 2, snap_value(y - d / 2, grid_mm) + d / 2


def drag_offset(anchor: Box, others: NDArray[np.float64], dx_mm: float, dy_mm: float, grid_mm: float,
                tolerance_mm: float) -> tuple[float, float]:
    """The drag offset with the grabbed block's lower-left corner on the grid, then pulled to neighbour edges.

    anchor is the grabbed block's footprint at the start of the drag; others are the footprints of the
    blocks that stay, and tolerance_mm how far an edge pulls (a few screen pixels at the current zoom).
    """
    x0, y0, x1, y1 = anchor
    dx = snap_value(x0 + dx_mm, grid_mm) - x0
    dy = snap_value(y0 + dy_mm, grid_mm) - y0
    tol = tolerance_mm
    box = (x0 + dx, y0 + dy, x1 + dx, y1 + dy)
    if len(others):
        # Only neighbours beside the box along one axis and near it along the other can pull it.
        near = ((others[:, 0] <= box[2] + tol) & (others[:, 2] >= box[0] - tol)
                & (others[:, 1] <= box[3] + tol * 4) & (others[:, 3] >= box[1] - tol * 4)) | (
               (others[:, 1] <= box[3] + tol) & (others[:, 3] >= box[1] - tol)
                & (others[:, 0] <= box[2] + tol * 4) & (others[:, 2] >= box[0] - tol * 4))
        ex, ey = snap_to_edges(box, others[near], tol)
        dx, dy = dx + ex, dy + ey
    return dx, dy
