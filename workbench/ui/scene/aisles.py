"""Hot and cold aisle strips derived from racks' facing: the front faces the cold aisle, the rear the hot one."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from workbench.geometry.placement import service_zones
from workbench.ui.scene.block_look import FootprintTable

F = NDArray[np.float64]


def aisle_strips(table: FootprintTable) -> tuple[F, F]:
    """(cold, hot) strips as rows of (xmin, ymin, xmax, ymax): each rack's front clearance is cold aisle,
    its rear clearance hot aisle; the strips of racks side by side are joined (the same area, drawn once)."""
    rack = table.aisle_mm[:, 0] > 0
    cold, hot = service_zones(table.boxes[rack], table.rotation[rack], table.aisle_mm[rack, 0],
                              table.aisle_mm[rack, 1])
    return merged(cold), merged(hot)


def merged(boxes: F) -> F:
    """The same union of rectangles in fewer: touching ones with the same span across are joined, along
    x and then along y (a row of racks gives one strip instead of one rectangle per rack)."""
    return _joined(_joined(boxes, 0), 1)


def _joined(boxes: F, axis: int) -> F:
    if len(boxes) < 2:
        return boxes
    lo, hi = boxes[:, axis], boxes[:, axis + 2]  # along the axis
    a, b = boxes[:, 1 - axis], boxes[:, 3 - axis]  # across it: what must match to join
    order = np.lexsort((lo, b, a))
    lo, hi, a, b = lo[order], hi[order], a[order], b[order]
    new_span = np.ones(len(lo), dtype=bool)
    new_span[1:] = (a[1:] != a[:-1]) | (b[1:] != b[:-1])
    span = np.cumsum(new_span) - 1
    # The farthest end reached so far within each span: offset each span past the previous one, so one
    # running maximum serves them all.
    width = float(hi.max() - lo.min()) + 1.0
    offset = span * width
    reach = np.maximum.accumulate(hi - lo.min() + offset)
    start = new_span.copy()
    start[1:] |= (lo[1:] - lo.min() + offset[1:]) > reach[:-1]
    first = np.flatnonzero(start)
    out = np.empty((len(first), 4))
    out[:, axis], out[:, axis + 2] = lo[first], np.maximum.reduceat(hi, first)  # exact ends
    out[:, 1 - axis], out[:, 3 - axis] = a[first], b[first]
    return out
