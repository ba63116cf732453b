"""What an underlay offers the design: closed outlines that can become halls, circles and block inserts that can
become columns, all placed on the design's coordinates through the underlay's alignment."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from workbench.cad.align import Similarity
from workbench.cad.dxf_import import Underlay
from workbench.geometry.placement import point_in_polygon
from workbench.geometry.polygons import outline_problem, polygon_area_mm2

Point = tuple[float, float]
MIN_HALL_AREA_MM2 = 4e6  # 2 m × 2 m: smaller closed shapes are furniture, symbols and hatch islands
MAX_COLUMN_MM = 3000.0  # a circle or block wider than this on a column layer is not a column


@dataclass(frozen=True)
class ColumnShape:
    x_mm: float
    y_mm: float
    width_mm: float
    depth_mm: float


def clean_outline(points: list[Point], tol_mm: float = 1.0) -> list[Point]:
    """Drop repeated and collinear points (CAD outlines often carry both)."""
    pts: list[Point] = []
    for p in points:
        if not pts or math.hypot(p[0] - pts[-1][0], p[1] - pts[-1][1]) > tol_mm:
            pts.append(p)
    if len(pts) > 1 and math.hypot(pts[0][0] - pts[-1][0], pts[0][1] - pts[-1][1]) <= tol_mm:
        pts.pop()
    changed = True
    while changed and len(pts) > 3:
        changed = False
        for i in range(len(pts)):
            a, b, c = pts[i - 1], pts[i], pts[(i + 1) % len(pts)]
            cross = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
            if abs(cross) <= tol_mm * max(math.hypot(c[0] - a[0], c[1] - a[1]), 1e-9):
                del pts[i]
                changed = True
                break
    return pts


def candidate_outlines(u: Underlay, visible_layers: set[int] | None = None) -> list[tuple[int, list[Point]]]:
    """Closed outlines large and simple enough to be a hall, in drawing millimetres."""
    out = []
    for layer, pts in u.closed:
        if visible_layers is not None and layer not in visible_layers:
            continue
        if len(pts) < 3:
            continue
        x0, y0 = pts.min(axis=0)
        x1, y1 = pts.max(axis=0)
        if (x1 - x0) * (y1 - y0) < MIN_HALL_AREA_MM2:
            continue
        poly = [(float(x), float(y)) for x, y in pts]
        if polygon_area_mm2(poly) >= MIN_HALL_AREA_MM2:
            out.append((layer, poly))
    return out


def outline_at(u: Underlay, transform: Similarity, x: float, y: float,
               visible_layers: set[int] | None = None) -> list[Point] | None:
    """The smallest candidate outline around the model point (x, y), in model millimetres, cleaned; None if none."""
    best: tuple[float, list[Point]] | None = None
    for _, poly in candidate_outlines(u, visible_layers):
        model = [transform.apply_point(px, py) for px, py in poly]
        if not point_in_polygon(x, y, model):
            continue
        area = polygon_area_mm2(model)
        if best is None or area < best[0]:
            best = (area, model)
    if best is None:
        return None
    pts = clean_outline(best[1])
    return pts if outline_problem(pts) is None else None


def columns_on_layer(u: Underlay, transform: Similarity, layer: int) -> list[ColumnShape]:
    """Circles and block inserts on a layer as column rectangles in model millimetres (axis-aligned bounds)."""
    shapes: list[ColumnShape] = []
    s = transform.scale
    for cx, cy, r, lay in u.circles.tolist():
        if int(lay) != layer or r <= 0 or 2 * r * s > MAX_COLUMN_MM:
            continue
        x, y = transform.apply_point(cx, cy)
        shapes.append(ColumnShape(x, y, 2 * r * s, 2 * r * s))
    circles_at = {(round(c.x_mm), round(c.y_mm)) for c in shapes}
    for lay, _name, _x, _y, (x0, y0, x1, y1) in u.inserts:
        if lay != layer:
            continue
        corners = np.array([transform.apply_point(px, py) for px, py in ((x0, y0), (x1, y0), (x1, y1), (x0, y1))])
        (mx0, my0), (mx1, my1) = corners.min(axis=0), corners.max(axis=0)
        w, d = float(mx1 - mx0), float(my1 - my0)
        cx, cy = float(mx0 + mx1) / 2, float(my0 + my1) / 2
        if not (0 < w <= MAX_COLUMN_MM and 0 < d <= MAX_COLUMN_MM) or (round(cx), round(cy)) in circles_at:
            continue
        shapes.append(ColumnShape(cx, cy, w, d))
    return shapes
