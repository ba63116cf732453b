"""Hall outlines with shapely: area, bounds, containment of footprints, rectangle detection."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import shapely
from numpy.typing import NDArray

from workbench.geometry.boxes import EPS_MM, boxes_outside

Point = tuple[float, float]


def polygon_area_mm2(outline: Sequence[Point]) -> float:
    """Shoelace area; 0 for fewer than three points."""
    if len(outline) < 3:
        return 0.0
    pts = np.asarray(outline, dtype=float)
    x, y = pts[:, 0], pts[:, 1]
    return float(abs(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1))) / 2.0)


def outline_bounds(outline: Sequence[Point]) -> tuple[float, float, float, float]:
    if not outline:
        return (0.0, 0.0, 0.0, 0.0)
    pts = np.asarray(outline, dtype=float)
    return (float(pts[:, 0].min()), float(pts[:, 1].min()), float(pts[:, 0].max()), float(pts[:, 1].max()))


def is_axis_rectangle(outline: Sequence[Point]) -> bool:
    if len(outline) != 4:
        return False
    x0, y0, x1, y1 = outline_bounds(outline)
    return polygon_area_mm2(outline) >= (x1 - x0) * (y1 - y0) - 1e-6


def outline_problem(outline: Sequence[Point]) -> str | None:
    """Why an outline is not a usable hall polygon, or None when it is."""
    if len(outline) < 3:
        return "a hall outline needs at least three points"
    poly = shapely.Polygon(outline)
    if not poly.is_valid:
        return f"the hall outline is not a simple polygon ({shapely.is_valid_reason(poly)})"
    if poly.area <= 0:
        return "the hall outline has no area"
    return None


def boxes_outside_outline(boxes: NDArray[np.float64], outline: Sequence[Point]) -> NDArray[np.bool_]:
    """True where a footprint is not wholly inside the hall outline."""
    if len(boxes) == 0:
        return np.zeros(0, dtype=bool)
    if len(outline) < 3:
        return np.ones(len(boxes), dtype=bool)
    if is_axis_rectangle(outline):
        return boxes_outside(boxes, outline_bounds(outline))
    poly = shapely.Polygon(outline).buffer(EPS_MM, join_style="mitre")
    shapely.prepare(poly)
    geoms = shapely.box(boxes[:, 0], boxes[:, 1], boxes[:, 2], boxes[:, 3])
    return ~shapely.contains(poly, geoms)
