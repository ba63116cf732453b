"""Axis-aligned footprints and clearance zones as numpy arrays, and fast pairwise intersection."""

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


def side_zones(boxes: Array, rotation: NDArray[np.int64], front: Array, rear: Array) -> tuple[Array, Array]:
    """Front and rear clearance rectangles outside each footprint.

    At rotation 0 the front faces -y; rotations turn counter-clockwise, so the front faces
    +x at 90, +y at 180 and -x at 270.
    """
    r = (rotation // 90) % 4
    xmin, ymin, xmax, ymax = boxes.T
    # Direction of the front face per block as unit vector components.
    fx = np.select([r == 1, r == 3], [1.0, -1.0], 0.0)
    fy = np.select([r == 0, r == 2], [-1.0, 1.0], 0.0)

    def zone(sx: Array, sy: Array, depth: Array) -> Array:
        zx0 = np.where(sx > 0, xmax, np.where(sx < 0, xmin - depth, xmin))
        zx1 = np.where(sx > 0, xmax + depth, np.where(sx < 0, xmin, xmax))
        zy0 = np.where(sy > 0, ymax, np.where(sy < 0, ymin - depth, ymin))
        zy1 = np.where(sy > 0, ymax + depth, np.where(sy < 0, ymin, ymax))
        return np.column_stack((zx0, zy0, zx1, zy1))

    return zone(fx, fy, front), zone(-fx, -fy, rear)


def box_pairs(a: Array, b: Array | None = None, cell_mm: float | None = None,
              eps: float = EPS_MM) -> NDArray[np.int64]:
    """Index pairs (i, j) where box a[i] and b[j] overlap by more than eps in both axes.

    With b omitted, pairs within a with i < j. A uniform grid hash keeps this near-linear.
    """
    self_join = b is None
    bb = a if b is None else b
    if len(a) == 0 or len(bb) == 0:
        return np.empty((0, 2), dtype=np.int64)
    if cell_mm is None:
        sizes = np.concatenate((a[:, 2] - a[:, 0], a[:, 3] - a[:, 1]))
        cell_mm = max(float(np.median(sizes)) * 2.0, 100.0)
    ka, ia = _cell_keys(a, cell_mm)
    kb, ib = _cell_keys(bb, cell_mm)
    order = np.argsort(kb, kind="stable")
    kb, ib = kb[order], ib[order]
    lo = np.searchsorted(kb, ka, "left")
    hi = np.searchsorted(kb, ka, "right")
    counts = hi - lo
    total = int(counts.sum())
    if total == 0:
        return np.empty((0, 2), dtype=np.int64)
    left = np.repeat(ia, counts)
    starts = np.repeat(lo - np.cumsum(counts) + counts, counts)
    right = ib[np.arange(total) + starts]
    if self_join:
        keep = left < right
        left, right = left[keep], right[keep]
    # A pair sharing several cells appears several times.
    code = np.unique(left * len(bb) + right)
    left, right = code // len(bb), code % len(bb)
    ov = (
        (np.minimum(a[left, 2], bb[right, 2]) - np.maximum(a[left, 0], bb[right, 0]) > eps)
        & (np.minimum(a[left, 3], bb[right, 3]) - np.maximum(a[left, 1], bb[right, 1]) > eps)
    )
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


def boxes_outside(boxes: Array, bounds: tuple[float, float, float, float], eps: float = EPS_MM) -> NDArray[np.bool_]:
    """True where a box pokes outside an axis-aligned rectangle."""
    x0, y0, x1, y1 = bounds
    return (
        (boxes[:, 0] < x0 - eps) | (boxes[:, 1] < y0 - eps)
        | (boxes[:, 2] > x1 + eps) | (boxes[:, 3] > y1 + eps)
    )
