"""Axis-aligned footprints and clearance zones as numpy arrays."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

Array = NDArray[np.float64]
EPS_MM = 1.0  # blocks that merely touch (rows of racks) do not overlap


def rotated_size(width: Array, depth: Array, rotation: NDArray[np.int64]) -> tuple[Array, Array]:
    """Width along x and depth along y after a 0/90/180/270 degree rotation."""
    quarter = (rotation // 90) % 2 == 1
    return np.where(quarter, depth, width), np.where(quarter, width, depth)


def footprints(x: Array, y: Array, width: Array, depth: Array, rotation: NDArray[np.int64]) -> Array:
    """Rows of [xmin, ymin, xmax, ymax] for blocks centred at (x, y)."""
    w, d = rotated_size(width, depth, rotation)
    return np.column_stack((x - w / 2, y - d / 2, x + w / 2, y + d / 2))


def boxes_outside(boxes: Array, bounds: tuple[float, float, float, float], eps: float = EPS_MM) -> NDArray[np.bool_]:
    """True where a box pokes outside an axis-aligned rectangle."""
    x0, y0, x1, y1 = bounds
    return (
        (boxes[:, 0] < x0 - eps) | (boxes[:, 1] < y0 - eps)
        | (boxes[:, 2] > x1 + eps) | (boxes[:, 3] > y1 + eps)
    )
