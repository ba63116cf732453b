"""Sweep-and-prune overlap search over footprints: strips sorted by x, queried many boxes at a time."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from workbench.geometry.boxes import EPS_MM

F = NDArray[np.float64]
I = NDArray[np.int64]
_EMPTY = np.empty((0, 2), dtype=np.int64)
BRUTE_FORCE_MAX = 24  # below this many query boxes a direct test against all boxes is faster


def overlaps(a: F, b: F, eps: float = EPS_MM) -> NDArray[np.bool_]:
    """Row-wise: box a[k] overlaps box b[k] by more than eps along both axes."""
    return ((np.minimum(a[:, 2], b[:, 2]) - np.maximum(a[:, 0], b[:, 0]) > eps)
            & (np.minimum(a[:, 3], b[:, 3]) - np.maximum(a[:, 1], b[:, 1]) > eps))


def _ranges(lo: I, hi: I) -> tuple[I, I]:
    """(owner, position) for every position in the half-open ranges [lo[k], hi[k])."""
    counts = np.maximum(hi - lo, 0)
    total = int(counts.sum())
    owner = np.repeat(np.arange(len(lo), dtype=np.int64), counts)
    pos = np.arange(total, dtype=np.int64) + np.repeat(lo - np.cumsum(counts) + counts, counts)
    return owner, pos


def strip_height(boxes: F) -> float:
    """Eight typical box heights (at least a metre): a strip holds a few rows of racks.

    The typical height is the median of at most about 1,000 evenly spaced boxes: the strip only tunes the
    search's speed, never its answer, and a full median of a campus costs a noticeable part of a recalculation.
    """
    if len(boxes) == 0:
        return 1000.0
    sample = boxes[:: max(len(boxes) // 1000, 1)]
    return max(8.0 * float(np.median(sample[:, 3] - sample[:, 1])), 1000.0)


def _strips(boxes: F, height: float) -> tuple[I, I]:
    """(box index, strip number) for every horizontal strip each box touches."""
    s0 = np.floor(boxes[:, 1] / height).astype(np.int64)
    s1 = np.floor(boxes[:, 3] / height).astype(np.int64)
    n = s1 - s0 + 1
    if len(n) == 0 or int(n.max()) == 1:
        return np.arange(len(boxes), dtype=np.int64), s0
    idx = np.repeat(np.arange(len(boxes), dtype=np.int64), n)
    return idx, s0[idx] + np.arange(int(n.sum()), dtype=np.int64) - np.repeat(np.cumsum(n) - n, n)


class SweepIndex:
    """Boxes cut into horizontal strips and sorted by (strip, left edge).

    Inside a strip, two boxes that overlap along x either have the query's left edge inside the
    box's x-span or the box's left edge inside the query's: two binary searches find both kinds,
    with no need to know the widest box. A pair is kept only in the strip holding the bottom of
    its y-intersection, so a pair found in two strips counts once.
    """

    def __init__(self, boxes: F, strip_mm: float | None = None) -> None:
        self.boxes = boxes
        if strip_mm is None:
            strip_mm = strip_height(boxes)
        self.strip = strip_mm
        idx, strip = _strips(boxes, strip_mm)
        self._x_off = float(boxes[:, 0].min()) - 1.0 if len(boxes) else 0.0
        self._s_off = int(strip.min()) if len(strip) else 0
        # Strip and x folded into one sortable float: strips are wider apart than any x range.
        self._w = float(boxes[:, 2].max() - self._x_off) * 2.0 + 1e6 if len(boxes) else 1.0
        key = self._key(strip, boxes[idx, 0])
        order = np.argsort(key, kind="stable")
        self._key_sorted = key[order]
        self._idx = idx[order]
        self._strip_of = strip[order]

    def _key(self, strip: I, x: F) -> F:
        return (strip - self._s_off) * self._w + (x - self._x_off)

    def _sweep(self, query: F, eps: float) -> tuple[I, I, I]:
        """(i, j, strip) for every strip where query[i] and boxes[j] overlap along x; a pair may repeat."""
        if len(query) == 0 or len(self.boxes) == 0:
            empty = np.zeros(0, dtype=np.int64)
            return empty, empty, empty
        slack = eps / 2.0  # the folded keys round; a wider window keeps every true pair
        qidx, qstrip = _strips(query, self.strip)
        q0 = self._key(qstrip, query[qidx, 0])
        # Queries in key order: the second search needs it, and both then walk memory forwards.
        qorder = np.argsort(q0, kind="stable")
        q0, qidx, qstrip = q0[qorder], qidx[qorder], qstrip[qorder]
        q1 = self._key(qstrip, query[qidx, 2] - slack)
        keys = self._key_sorted
        # Box starts at or after the query's left edge and before its right edge.
        own, pos = _ranges(np.searchsorted(keys, q0, "left"), np.searchsorted(keys, q1, "left"))
        # Query starts strictly after the box's left edge and before its right edge.
        b1 = self._key(self._strip_of, self.boxes[self._idx, 2] - slack)
        own2, pos2 = _ranges(np.searchsorted(q0, keys, "right"), np.searchsorted(q0, b1, "left"))
        i = np.concatenate((qidx[own], qidx[pos2]))
        j = np.concatenate((self._idx[pos], self._idx[own2]))
        strip = np.concatenate((qstrip[own], self._strip_of[own2]))
        return i, j, strip

    def pairs(self, query: F, eps: float = EPS_MM, ordered: bool = True, skip_same: bool = False) -> I:
        """(i, j) with query[i] overlapping boxes[j] by more than eps in both axes, sorted if ordered.

        skip_same drops i == j (a query set that is a grown copy of the boxes).
        """
        i, j, strip = self._sweep(query, eps)
        # The x test is implied by the sweep up to eps. On plain columns, test y and keep each pair only
        # in the strip that holds the bottom of its y-intersection, so a pair found in two strips counts once.
        b = self.boxes
        qy0, qy1 = np.ascontiguousarray(query[:, 1]), np.ascontiguousarray(query[:, 3])
        by0, by1 = np.ascontiguousarray(b[:, 1]), np.ascontiguousarray(b[:, 3])
        bottom = np.maximum(qy0[i], by0[j])
        keep = (np.minimum(qy1[i], by1[j]) - bottom > eps) & (np.floor(bottom / self.strip) == strip)
        if skip_same:
            keep &= i != j
        i, j = i[keep], j[keep]
        keep = np.minimum(query[i, 2], b[j, 2]) - np.maximum(query[i, 0], b[j, 0]) > eps
        i, j = i[keep], j[keep]
        if not ordered:
            return np.column_stack((i, j)).astype(np.int64).reshape(-1, 2)
        return sort_pairs(i, j)


def grown_pairs(grown: F, boxes: F, extra: F, eps: float = EPS_MM, strip_mm: float | None = None) -> I:
    """(q, j), q != j, where query q overlaps boxes[j] by more than eps; unordered.

    The queries are `grown` (row k holds boxes[k], grown by its service zones) followed by `extra` boxes with
    no footprint of their own (door zones): query q is grown[q], or extra[q - len(grown)]. Because every grown
    box holds its footprint, a query that overlaps boxes[j] overlaps grown[j] too, so one self-join sweep over
    the queries finds every candidate: one sort and one binary search, where a query set against a separate
    index needs two of each. A full recalculation of a campus runs this once.
    """
    n = len(grown)
    items = np.concatenate((grown, extra)) if len(extra) else grown
    if n == 0 or len(items) < 2:
        return _EMPTY
    if strip_mm is None:
        strip_mm = strip_height(boxes)
    idx, strip = _strips(items, strip_mm)
    x_off = float(items[:, 0].min()) - 1.0
    s_off = int(strip.min())
    w = float(items[:, 2].max() - x_off) * 2.0 + 1e6  # strips wider apart than any x range (as SweepIndex)
    x0, y0, x1, y1 = (np.ascontiguousarray(items[:, k]) for k in range(4))  # 1-D gathers are much faster
    base = (strip - s_off) * w - x_off
    key = base + x0[idx]
    order = np.argsort(key, kind="stable")
    key, idx, strip, base = key[order], idx[order], strip[order], base[order]
    # In its strip, each item pairs with the items after it whose left edge lies before its right edge:
    # of two items overlapping along x, the one starting first finds the other.
    hi = np.searchsorted(key, base + x1[idx] - eps / 2.0, "left")
    own, pos = _ranges(np.arange(1, len(key) + 1, dtype=np.int64), hi)
    a, b, st = idx[own], idx[pos], strip[own]
    # Keep each pair in the strip holding the bottom of the items' y-intersection only (a pair found in two
    # strips counts once); a pair with no y-intersection fails the exact tests below wherever it is kept.
    bottom = np.maximum(y0[a], y0[b])
    keep = (np.minimum(y1[a], y1[b]) - bottom > eps) & (np.floor(bottom / strip_mm) == st)
    a, b = a[keep], b[keep]
    # Exact tests both ways: query a against the footprint of b, and query b against the footprint of a.
    out_q, out_j = [], []
    for q, j in ((a, b), (b, a)):
        m = j < n
        q, j = q[m], j[m]
        hit = overlaps(items[q], boxes[j], eps)
        out_q.append(q[hit])
        out_j.append(j[hit])
    return np.column_stack((np.concatenate(out_q), np.concatenate(out_j))).astype(np.int64).reshape(-1, 2)


def sort_pairs(i: I, j: I) -> I:
    order = np.lexsort((j, i))
    return np.column_stack((i[order], j[order])).astype(np.int64).reshape(-1, 2)


def brute_pairs(query: F, boxes: F, eps: float = EPS_MM) -> I:
    """Each query box against all boxes: cheaper than an index for a handful of queries."""
    found_i, found_j = [], []
    for i in range(len(query)):
        q = query[i]
        hit = ((np.minimum(q[2], boxes[:, 2]) - np.maximum(q[0], boxes[:, 0]) > eps)
               & (np.minimum(q[3], boxes[:, 3]) - np.maximum(q[1], boxes[:, 1]) > eps))
        j = np.flatnonzero(hit)
        found_i.append(np.full(len(j), i, dtype=np.int64))
        found_j.append(j)
    if not found_i:
        return _EMPTY
    return np.column_stack((np.concatenate(found_i), np.concatenate(found_j))).astype(np.int64)


def pairs(query: F, boxes: F, eps: float = EPS_MM) -> I:
    """(i, j) with query[i] overlapping boxes[j], sorted; picks brute force or a sweep by size."""
    if len(query) == 0 or len(boxes) == 0:
        return _EMPTY
    if min(len(query), len(boxes)) <= BRUTE_FORCE_MAX:
        if len(query) <= len(boxes):
            return brute_pairs(query, boxes, eps)
        p = brute_pairs(boxes, query, eps)
        return sort_pairs(p[:, 1], p[:, 0])
    return SweepIndex(boxes).pairs(query, eps)
