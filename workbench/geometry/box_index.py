"""A grid index over boxes that stay put, queried many times by boxes that move (a live drag), and one-off pair searches."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from workbench.geometry.boxes import EPS_MM

Array = NDArray[np.float64]
MIN_CELL_MM = 100.0


class BoxGridIndex:
    """The fixed boxes hashed into grid cells and sorted once.

    A query hashes only its own boxes and finds candidates by binary search, so a query of m
    boxes costs about m log n whatever the number n of fixed boxes; box_pairs would hash and
    sort all n again on every call.
    """

    def __init__(self, boxes: Array, cell_mm: float | None = None) -> None:
        self.boxes = np.ascontiguousarray(boxes, dtype=float).reshape(-1, 4)
        if cell_mm is None:
            b = self.boxes
            sizes = np.concatenate((b[:, 2] - b[:, 0], b[:, 3] - b[:, 1]))
            cell_mm = max(float(np.median(sizes)) * 2.0, MIN_CELL_MM) if len(sizes) else MIN_CELL_MM
        self.cell_mm = cell_mm
        keys, idx = _cell_keys(self.boxes, cell_mm)
        order = np.argsort(keys, kind="stable")
        self._keys, self._idx = keys[order], idx[order]

    def pairs(self, query: Array, eps: float = EPS_MM) -> NDArray[np.int64]:
        """Unique (i, j) with query[i] and boxes[j] overlapping by more than eps along both axes."""
        if len(query) == 0 or len(self.boxes) == 0:
            return np.empty((0, 2), dtype=np.int64)
        kq, iq = _cell_keys(query, self.cell_mm)
        lo = np.searchsorted(self._keys, kq, "left")
        hi = np.searchsorted(self._keys, kq, "right")
        counts = hi - lo
        total = int(counts.sum())
        if total == 0:
            return np.empty((0, 2), dtype=np.int64)
        left = np.repeat(iq, counts)
        right = self._idx[np.arange(total) + np.repeat(lo - np.cumsum(counts) + counts, counts)]
        n = len(self.boxes)
        code = np.unique(left * n + right)  # a pair sharing several cells is found once per cell
        left, right = code // n, code % n
        a, b = query, self.boxes
        ov = ((np.minimum(a[left, 2], b[right, 2]) - np.maximum(a[left, 0], b[right, 0]) > eps)
              & (np.minimum(a[left, 3], b[right, 3]) - np.maximum(a[left, 1], b[right, 1]) > eps))
        return np.column_stack((left[ov], right[ov])).astype(np.int64)


def _cell_keys(boxes: Array, cell: float) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """Grid-cell keys covered by each box, with the box index of each key."""
    cx0 = np.floor(boxes[:, 0] / cell).astype(np.int64)
    cy0 = np.floor(boxes[:, 1] / cell).astype(np.int64)
    cx1 = np.floor(boxes[:, 2] / cell).astype(np.int64)
    cy1 = np.floor(boxes[:, 3] / cell).astype(np.int64)
    nx = cx1 - cx0 + 1
    ny = cy1 - cy0 + 1
    n = nx * ny
    idx = np.repeat(np.arange(len(boxes), dtype=np.int64), n)
    local = np.arange(int(n.sum()), dtype=np.int64) - np.repeat(np.cumsum(n) - n, n)
    gx = cx0[idx] + local % nx[idx]
    gy = cy0[idx] + local // nx[idx]
    # Interleave into one int64 key; halls are far smaller than 2**31 cells a side.
    keys = (gx + (1 << 31)) * (1 << 32) + (gy + (1 << 31))
    return keys, idx
