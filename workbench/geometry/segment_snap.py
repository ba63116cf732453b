"""Snap targets of a line drawing: segment end points, midpoints and crossings, found with shapely's tree."""

from __future__ import annotations

import numpy as np
import shapely
from numpy.typing import NDArray

F = NDArray[np.float64]
END, MID, CROSSING, CENTRE = 0, 1, 2, 3
MAX_CROSSINGS = 500_000  # a hatch of a thousand crossing lines would give a million; they are not useful targets


def segment_crossings(seg: F, limit: int = MAX_CROSSINGS) -> F:
    """Points where two segments cross or one ends on the other (a T), not where they only share an end point;
    at most `limit` of them."""
    n = len(seg)
    if n < 2:
        return np.zeros((0, 2))
    lines = shapely.linestrings(seg.reshape(-1, 2, 2))
    tree = shapely.STRtree(np.asarray(lines))  # an array, as the type stubs want (it already is one)
    left, right = tree.query(lines, predicate="intersects")
    keep = left < right
    i, j = left[keep], right[keep]
    if len(i) > 4 * limit:
        i, j = i[: 4 * limit], j[: 4 * limit]
    p, r = seg[i, :2], seg[i, 2:] - seg[i, :2]
    q, s = seg[j, :2], seg[j, 2:] - seg[j, :2]
    denom = r[:, 0] * s[:, 1] - r[:, 1] * s[:, 0]
    ok = np.abs(denom) > 1e-12 * (np.hypot(*r.T) * np.hypot(*s.T) + 1e-300)
    qp = q - p
    with np.errstate(divide="ignore", invalid="ignore"):
        t = (qp[:, 0] * s[:, 1] - qp[:, 1] * s[:, 0]) / denom
        u = (qp[:, 0] * r[:, 1] - qp[:, 1] * r[:, 0]) / denom
    eps = 1e-9
    inner = ok & (t > eps) & (t < 1 - eps) | ok & (u > eps) & (u < 1 - eps)
    pts = p[inner] + t[inner, None] * r[inner]
    return np.unique(np.round(pts, 3), axis=0)[:limit] if len(pts) else np.zeros((0, 2))


class SnapIndex:
    """Nearest snap point to a cursor within a radius, over end points, midpoints and crossings."""

    def __init__(self, points: F, kinds: NDArray[np.int8]) -> None:
        self.points = points
        self.kinds = kinds
        self._tree = shapely.STRtree(np.asarray(shapely.points(points))) if len(points) else None

    def __len__(self) -> int:
        return len(self.points)

    def nearest(self, x: float, y: float, radius: float) -> tuple[float, float, int] | None:
        """(x, y, kind) of the closest target within radius, or None."""
        if self._tree is None:
            return None
        hits = self._tree.query(shapely.box(x - radius, y - radius, x + radius, y + radius))
        if not len(hits):
            return None
        d = np.hypot(self.points[hits, 0] - x, self.points[hits, 1] - y)
        k = int(np.argmin(d))
        if d[k] > radius:
            return None
        i = int(hits[k])
        return float(self.points[i, 0]), float(self.points[i, 1]), int(self.kinds[i])


def snap_index(seg: F, snap_edges: NDArray[np.bool_], extra: F, crossings: bool = True) -> SnapIndex:
    """Targets of straight edges (ends, midpoints, crossings) plus extra points (curve ends and centres)."""
    edges = seg[snap_edges]
    ends = np.unique(np.round(np.concatenate([edges[:, :2], edges[:, 2:]]), 3), axis=0) if len(edges) else \
        np.zeros((0, 2))
    mids = (edges[:, :2] + edges[:, 2:]) / 2 if len(edges) else np.zeros((0, 2))
    cross = segment_crossings(edges) if crossings else np.zeros((0, 2))
    extra = extra.reshape(-1, 2)
    # Order is priority where targets coincide (argmin takes the first): ends, crossings, centres, midpoints.
    points = np.concatenate([ends, cross, extra, mids])
    kinds = np.concatenate([np.full(len(ends), END), np.full(len(cross), CROSSING), np.full(len(extra), CENTRE),
                            np.full(len(mids), MID)]).astype(np.int8)
    return SnapIndex(points, kinds)
