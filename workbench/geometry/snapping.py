"""Snapping of dragged footprints to the grid and to neighbouring block edges."""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import NDArray


def snap_value(value: float, step: float) -> float:
    return value if step <= 0 else round(value / step) * step


def snap_to_edges(box: tuple[float, float, float, float], others: NDArray[np.float64],
                  tolerance_mm: float) -> tuple[float, float]:
    """Offset (dx, dy) that brings a box edge onto the nearest neighbour edge within tolerance."""
    if len(others) == 0:
        return 0.0, 0.0
    x0, y0, x1, y1 = box
    best = []
    for lo, hi, cols in ((x0, x1, (0, 2)), (y0, y1, (1, 3))):
        edges = np.concatenate((others[:, cols[0]], others[:, cols[1]]))
        shift = 0.0
        nearest = math.inf
        for edge_of_box in (lo, hi):
            d = edges - edge_of_box
            k = int(np.argmin(np.abs(d)))
            if abs(d[k]) <= tolerance_mm and abs(d[k]) < nearest:
                nearest, shift = abs(d[k]), float(d[k])
        best.append(shift)
    return best[0], best[1]
