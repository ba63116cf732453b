"""The placement rules, written once: overlap, service clearance, hall exits, columns and door clear zones.

Every caller that asks "may a block stand here?" comes here: the calculation's checks
(`calc/checks.py`: overlap, clearance, outside_hall, door_blocked), the live drag preview
(`ui/scene/drag.py` through `MovingPreview`) and the editing operations that look for a free spot
(`placement_problems`, `is_free`). A second copy of any rule below is a bug.

The rules, in model millimetres with y up:

- overlap: two footprints overlap when they share more than `EPS_MM` along both axes (touching rows of
  racks do not overlap);
- service clearance: a block's front and rear zones (its type's clearance depth outside that face, see
  `face_zones`) must hold no other block's footprint;
- outside the hall: a footprint must lie within its own hall's outline (the hall named by its hall id, an
  unknown id meaning the first hall), within `EPS_MM`; a design with no hall has no outside;
- columns: no footprint may overlap a building column of any hall;
- door clear zones: inside every door, a zone the door's width along the wall and `door_depth_mm` deep
  (the `door_clear_depth_mm` assumption) on the hall's side must hold no footprint;
- point in polygon: even-odd (`point_in_polygon`, `hall_at`).

Blocks enter as a `Layout` (arrays, one row per block), fixed obstacles as a `Site`; `find` evaluates all
rules, `MovingPreview` evaluates them per frame for a rigid set of blocks moved by an offset.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from numpy.typing import NDArray

from workbench.geometry.box_index import BoxGridIndex
from workbench.geometry.boxes import EPS_MM, footprints
from workbench.geometry.footprint import UNKNOWN_SIZE_MM, block_size_mm
from workbench.geometry.polygons import boxes_outside_outline, is_axis_rectangle, outline_bounds
from workbench.geometry.sweep_index import grown_pairs, overlaps, pairs
from workbench.model.blocktype import Catalog
from workbench.model.design import Block, Design, Hall

F = NDArray[np.float64]
I = NDArray[np.int64]
B = NDArray[np.bool_]
Box = tuple[float, float, float, float]
Point = tuple[float, float]
Outline = tuple[Point, ...]
SIDES = ("front", "rear", "left", "right")
DOOR_PROBE_MM = 10.0  # how far off a door's centre the inside of the hall is looked for

__all__ = [
    "EPS_MM", "SIDES", "Conflict", "Findings", "Layout", "MovingPreview", "Site", "clearance_zones", "door_inward",
    "face_zones",
    "find", "hall_at", "hall_id_at", "is_free", "placement_problems", "point_in_polygon", "service_zones",
]


def _empty_pairs() -> I:
    return np.zeros((0, 2), dtype=np.int64)


def _empty_rows() -> I:
    return np.zeros(0, dtype=np.int64)


# --- points and halls ------------------------------------------------------------------------------
def point_in_polygon(x: float, y: float, outline: Sequence[Point]) -> bool:
    """Whether (x, y) lies inside the polygon, by the even-odd rule (a point on an edge may go either way)."""
    inside = False
    n = len(outline)
    for i in range(n):
        x1, y1 = outline[i]
        x2, y2 = outline[(i + 1) % n]
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            inside = not inside
    return inside


def hall_at(design: Design, x: float, y: float) -> Hall | None:
    """The first hall whose outline holds the point, or None."""
    for hall in design.halls:
        if len(hall.outline) >= 3 and point_in_polygon(x, y, hall.outline):
            return hall
    return None


def hall_id_at(design: Design, x: float, y: float) -> str:
    """The id of the hall a block centred here belongs to: the hall under it, else the first hall, else ""."""
    hall = hall_at(design, x, y)
    if hall is not None:
        return hall.id
    return design.halls[0].id if design.halls else ""


# --- service zones ---------------------------------------------------------------------------------
# Outward direction (x, y) of each face per quarter turn: at rotation 0 the front faces -y.
_FRONT_X, _FRONT_Y = np.array([0.0, 1.0, 0.0, -1.0]), np.array([-1.0, 0.0, 1.0, 0.0])
_FACE = {"front": (_FRONT_X, _FRONT_Y), "rear": (-_FRONT_X, -_FRONT_Y),
         "left": (_FRONT_Y, -_FRONT_X), "right": (-_FRONT_Y, _FRONT_X)}


def face_zones(boxes: F, rotation: I, depth: F, side: str = "front") -> F:
    """Rectangles `depth` deep outside one face of each footprint (rows of xmin, ymin, xmax, ymax).

    At rotation 0 the front faces -y; rotations turn counter-clockwise, so the front faces +x at 90,
    +y at 180 and -x at 270. Left and right are as seen standing in front of the block, facing it.
    """
    r = (np.asarray(rotation, dtype=np.int64) // 90) % 4
    if side not in _FACE:
        raise ValueError(f"side must be one of {SIDES}, got {side!r}")
    fx, fy = _FACE[side][0][r], _FACE[side][1][r]
    xmin, ymin, xmax, ymax = boxes.T
    zx0 = np.where(fx > 0, xmax, np.where(fx < 0, xmin - depth, xmin))
    zx1 = np.where(fx > 0, xmax + depth, np.where(fx < 0, xmin, xmax))
    zy0 = np.where(fy > 0, ymax, np.where(fy < 0, ymin - depth, ymin))
    zy1 = np.where(fy > 0, ymax + depth, np.where(fy < 0, ymin, ymax))
    return np.column_stack((zx0, zy0, zx1, zy1))


def service_zones(boxes: F, rotation: I, front: F, rear: F) -> tuple[F, F]:
    """Front and rear clearance rectangles outside each footprint: the zones the clearance rule keeps free.

    The same rectangles as face_zones for "front" and "rear"; the rear faces opposite the front, so both
    share one set of direction masks (a full recalculation of a campus makes these for every block).
    """
    r = (np.asarray(rotation, dtype=np.int64) // 90) % 4
    fx, fy = _FRONT_X[r], _FRONT_Y[r]
    px, nx, py, ny = fx > 0, fx < 0, fy > 0, fy < 0
    xmin, ymin, xmax, ymax = boxes.T
    out = []
    for (pos_x, neg_x, pos_y, neg_y), depth in (((px, nx, py, ny), front), ((nx, px, ny, py), rear)):
        out.append(np.column_stack((
            np.where(pos_x, xmax, np.where(neg_x, xmin - depth, xmin)),
            np.where(pos_y, ymax, np.where(neg_y, ymin - depth, ymin)),
            np.where(pos_x, xmax + depth, np.where(neg_x, xmin, xmax)),
            np.where(pos_y, ymax + depth, np.where(neg_y, ymin, ymax)))))
    return out[0], out[1]


def clearance_zones(boxes: F, rotation: I, depth_mm: F) -> F:
    """Every zone of some depth around the footprints: depth_mm holds front, rear, left, right per block."""
    zones = [face_zones(boxes, rotation, depth_mm[:, k], side)[depth_mm[:, k] > 0] for k, side in enumerate(SIDES)]
    return np.concatenate(zones).reshape(-1, 4)


# --- blocks as arrays ------------------------------------------------------------------------------
@dataclass
class Layout:
    """Blocks as arrays for the rules: footprints, front and rear service zones, and each block's hall.

    Change rows through `update`, which keeps the derived reach in step; the arrays are shared, not copied.
    """

    ids: list[str]
    boxes: F  # (n, 4) footprints
    front: F  # (n, 4) front service zones (zero deep where the type needs none)
    rear: F  # (n, 4)
    hall: I  # index into design.halls; an unknown hall id counts as the first hall
    _reach: F | None = field(default=None, repr=False)

    @classmethod
    def from_arrays(cls, ids: list[str], boxes: F, rotation: I, front_mm: F, rear_mm: F, hall: I) -> Layout:
        """A layout from footprints, rotations and clearance depths."""
        front, rear = service_zones(boxes, rotation, front_mm, rear_mm)
        return cls(ids, boxes, front, rear, hall)

    @classmethod
    def of(cls, design: Design, catalog: Catalog, extra: Iterable[Block] = ()) -> Layout:
        """The design's blocks of known types, as the calculation sees them, then `extra` blocks not yet placed.

        Sizes follow geometry/footprint.py (the type's size unless the block overrides it), looked up once per
        type: a drag on a 10,000-block campus starts without a pause.
        """
        types = catalog.types
        blocks = [b for b in design.blocks.values() if b.type_id in types] + list(extra)
        n = len(blocks)
        kinds = list(dict.fromkeys(b.type_id for b in blocks))
        number = {t: k for k, t in enumerate(kinds)}
        known = [types.get(t) for t in kinds]
        per_type = np.asarray([(t.width_mm, t.depth_mm, t.clearance_front_mm, t.clearance_rear_mm) if t else
                               (UNKNOWN_SIZE_MM, UNKNOWN_SIZE_MM, 0.0, 0.0) for t in known], dtype=float).reshape(-1, 4)
        kind = np.fromiter((number[b.type_id] for b in blocks), dtype=np.int64, count=n)
        size = per_type[kind]
        for k in (k for k, b in enumerate(blocks) if b.overrides):
            size[k, 0], size[k, 1] = block_size_mm(blocks[k], types.get(blocks[k].type_id))
        x = np.fromiter((b.x_mm for b in blocks), dtype=float, count=n)
        y = np.fromiter((b.y_mm for b in blocks), dtype=float, count=n)
        rotation = np.fromiter((b.rotation_deg for b in blocks), dtype=np.int64, count=n)
        halls = {h.id: i for i, h in enumerate(design.halls)}
        hall = np.fromiter((halls.get(b.hall_id, 0) for b in blocks), dtype=np.int64, count=n)
        boxes = footprints(x, y, size[:, 0], size[:, 1], rotation)
        return cls.from_arrays([b.id for b in blocks], boxes, rotation, size[:, 2], size[:, 3], hall)

    def take(self, rows: I) -> Layout:
        """The layout of some rows only (row k of the result is rows[k] here)."""
        return Layout([self.ids[r] for r in rows.tolist()], self.boxes[rows], self.front[rows], self.rear[rows],
                      self.hall[rows])

    def reach(self) -> F:
        """Each block with its two service zones as one rectangle: one search finds overlaps and breaches."""
        if self._reach is None or len(self._reach) != len(self.boxes):
            self._reach = _reach(self.boxes, self.front, self.rear)
        return self._reach

    def update(self, rows: I, boxes: F, rotation: I, front_mm: F, rear_mm: F) -> None:
        """New footprints (and rotations) for some rows, with their zones and reach."""
        self.boxes[rows] = boxes
        self.front[rows], self.rear[rows] = service_zones(boxes, rotation, front_mm, rear_mm)
        if self._reach is not None and len(self._reach) == len(self.boxes):
            self._reach[rows] = _reach(self.boxes[rows], self.front[rows], self.rear[rows])

    def zones(self, rows: I) -> tuple[F, I]:
        """The front and rear zones of some rows that have any depth, with the owning row of each zone."""
        f, r = self.front[rows], self.rear[rows]
        keep_f = (f[:, 2] > f[:, 0]) & (f[:, 3] > f[:, 1])  # a zero-deep zone can touch nothing
        keep_r = (r[:, 2] > r[:, 0]) & (r[:, 3] > r[:, 1])
        return (np.concatenate((f[keep_f], r[keep_r])).reshape(-1, 4),
                np.concatenate((rows[keep_f], rows[keep_r])).astype(np.int64))


def _reach(b: F, f: F, r: F) -> F:
    return np.column_stack((np.minimum(np.minimum(b[:, 0], f[:, 0]), r[:, 0]),
                            np.minimum(np.minimum(b[:, 1], f[:, 1]), r[:, 1]),
                            np.maximum(np.maximum(b[:, 2], f[:, 2]), r[:, 2]),
                            np.maximum(np.maximum(b[:, 3], f[:, 3]), r[:, 3])))


# --- fixed obstacles -------------------------------------------------------------------------------
@lru_cache(maxsize=4096)
def _outline_shape(outline: Outline) -> tuple[Box, bool]:
    """Bounds of a hall outline and whether it is an axis-aligned rectangle; cached by outline."""
    return outline_bounds(outline), is_axis_rectangle(outline)


@lru_cache(maxsize=4096)
def _door_sides(outline: Outline, doors: tuple[tuple[float, float, int], ...]) -> tuple[tuple[bool, bool, bool], ...]:
    """(along x, floor on the plus side, floor on the minus side) of each door (x, y, rotation) of one hall.

    The plus side is +y for a door along x and +x for a door along y. A probe a little off the door's centre
    on each side asks whether that side is floor. A door inside the floor has floor on both sides; a door off
    every wall counts its side towards the hall's middle as floor.
    """
    d = DOOR_PROBE_MM
    along = [(int(rot) // 90) % 2 == 0 for _, _, rot in doors]
    probes = [p for (x, y, _), along_x in zip(doors, along)
              for p in (((x, y + d), (x, y - d)) if along_x else ((x + d, y), (x - d, y)))]
    boxes = np.asarray([(px - 1.0, py - 1.0, px + 1.0, py + 1.0) for px, py in probes], dtype=float).reshape(-1, 4)
    inside = (~boxes_outside_outline(boxes, outline)).tolist()
    x0, y0, x1, y1 = outline_bounds(outline)
    out = []
    for k, ((x, y, _), along_x) in enumerate(zip(doors, along)):
        plus, minus = inside[2 * k], inside[2 * k + 1]
        if not (plus or minus):
            plus = ((y0 + y1) / 2 - y if along_x else (x0 + x1) / 2 - x) >= 0
            minus = not plus
        out.append((along_x, plus, minus))
    return tuple(out)


@lru_cache(maxsize=4096)
def door_clear_zones(outline: Outline, doors: tuple[tuple[float, float, float, int], ...],
                     depth_mm: float) -> tuple[Box, ...]:
    """The clear zone inside each door (x, y, width, rotation) of one hall; cached per hall.

    The zone is the door's width along the wall by depth_mm across it, on each side of the door that is floor
    (`_door_sides`): a door inside the floor needs its zone on both sides.
    """
    sides = _door_sides(outline, tuple((x, y, rot) for x, y, _, rot in doors))
    zones = []
    for (x, y, width, _), (along_x, plus, minus) in zip(doors, sides):
        lo, hi, half = -depth_mm if minus else 0.0, depth_mm if plus else 0.0, width / 2
        zones.append((x - half, y + lo, x + half, y + hi) if along_x else (x + lo, y - half, x + hi, y + half))
    return tuple(zones)


def door_inward(outline: Sequence[Point], x: float, y: float, rotation_deg: int) -> tuple[float, float]:
    """The unit direction from a door into its hall (model axes): where its leaves swing and its clear zone lies.

    A door with floor on both sides swings to the plus side (+y along x, +x along y), as its zone covers both.
    """
    along_x, plus, _ = _door_sides(tuple((px, py) for px, py in outline), ((x, y, rotation_deg),))[0]
    sign = 1.0 if plus else -1.0
    return (0.0, sign) if along_x else (sign, 0.0)


@dataclass(frozen=True)
class Site:
    """What blocks must keep clear of: hall outlines, columns and the clear zones inside doors."""

    outlines: tuple[Outline, ...] = ()
    hall_bounds: F = field(default_factory=lambda: np.zeros((0, 4)))
    hall_is_rect: B = field(default_factory=lambda: np.zeros(0, dtype=bool))
    columns: F = field(default_factory=lambda: np.zeros((0, 4)))  # every hall's columns
    door_zones: F = field(default_factory=lambda: np.zeros((0, 4)))  # every hall's doors, in hall and door order
    door_hall: I = field(default_factory=_empty_rows)  # hall index of each door zone
    door_number: I = field(default_factory=_empty_rows)  # 1, 2 … within its hall: door D1, D2 …
    door_depth_mm: float = 0.0

    @classmethod
    def of(cls, design: Design, door_depth_mm: float = 0.0) -> Site:
        """The site of a design; door_depth_mm is the effective `door_clear_depth_mm` assumption."""
        outlines = tuple(tuple((x, y) for x, y in h.outline) for h in design.halls)
        shapes = [_outline_shape(o) for o in outlines]
        cols = [(c.x_mm - c.width_mm / 2, c.y_mm - c.depth_mm / 2, c.x_mm + c.width_mm / 2, c.y_mm + c.depth_mm / 2)
                for h in design.halls for c in h.columns]
        zones: list[Box] = []
        halls: list[int] = []
        numbers: list[int] = []
        for h, hall in enumerate(design.halls):
            if hall.doors:
                doors = tuple((d.x_mm, d.y_mm, d.width_mm, d.rotation_deg) for d in hall.doors)
                rows = door_clear_zones(outlines[h], doors, door_depth_mm)
                zones += rows
                halls += [h] * len(rows)
                numbers += range(1, len(rows) + 1)
        return cls(outlines, np.asarray([b for b, _ in shapes], dtype=float).reshape(-1, 4),
                   np.asarray([r for _, r in shapes], dtype=bool), np.asarray(cols, dtype=float).reshape(-1, 4),
                   np.asarray(zones, dtype=float).reshape(-1, 4), np.asarray(halls, dtype=np.int64),
                   np.asarray(numbers, dtype=np.int64), door_depth_mm)

    def outside(self, boxes: F, hall: I) -> B:
        """True where a footprint is not within its own hall (hall: the hall index of each box)."""
        if not self.outlines or len(boxes) == 0:
            return np.zeros(len(boxes), dtype=bool)
        b = self.hall_bounds[hall]
        out = self.hall_is_rect[hall] & (
            (boxes[:, 0] < b[:, 0] - EPS_MM) | (boxes[:, 1] < b[:, 1] - EPS_MM)
            | (boxes[:, 2] > b[:, 2] + EPS_MM) | (boxes[:, 3] > b[:, 3] + EPS_MM))
        for h in np.flatnonzero(~self.hall_is_rect).tolist():
            in_hall = np.flatnonzero(hall == h)
            if len(in_hall):
                out[in_hall] = boxes_outside_outline(boxes[in_hall], self.outlines[h])
        return out


# --- evaluating the rules --------------------------------------------------------------------------
@dataclass(frozen=True)
class Findings:
    """Every placement finding, as rows of the layout evaluated (and column and door numbers of the site)."""

    overlap: I = field(default_factory=_empty_pairs)  # (a, b) with a < b
    front: I = field(default_factory=_empty_pairs)  # (owner, other): other stands in owner's front clearance
    rear: I = field(default_factory=_empty_pairs)
    column: I = field(default_factory=_empty_pairs)  # (column, row)
    outside: I = field(default_factory=_empty_rows)  # rows outside their hall
    door: I = field(default_factory=_empty_pairs)  # (door zone, row)

    def rows(self) -> I:
        """Every block row some finding involves, sorted."""
        return np.unique(np.concatenate((self.overlap.ravel(), self.front.ravel(), self.rear.ravel(),
                                         self.column[:, 1], self.outside, self.door[:, 1])).astype(np.int64))


def _unique_pairs(a: I, b: I, n: int) -> I:
    """Distinct (a, b) rows, sorted; a and b are below n (one integer key per pair is much faster than axis=0)."""
    if len(a) == 0:
        return _empty_pairs()
    code = np.unique(a.astype(np.int64) * n + b)
    return np.column_stack((code // n, code % n)).astype(np.int64)


def find(layout: Layout, site: Site | None = None, rows: I | None = None) -> Findings:
    """All placement findings of a layout; `rows` limits them to findings that involve those rows.

    Without rows the blocks' reach and the door zones are searched in one sweep (a full recalculation);
    with rows only those blocks are searched against everyone (an edit that moved a few blocks).
    """
    n = len(layout.ids)
    subset = np.arange(n, dtype=np.int64) if rows is None else rows
    boxes = layout.boxes
    reach = layout.reach()
    doors = site.door_zones if site is not None else np.zeros((0, 4))
    door_pairs: I | None = None
    if rows is None:
        # The door zones ride along with the blocks' reach in one self-join: a few more queries cost next to nothing.
        p = grown_pairs(reach, boxes, doors)
        if len(doors):
            at_door = p[:, 0] >= n
            door_pairs, p = p[at_door] - (n, 0), p[~at_door]
        owner, other = p[:, 0], p[:, 1]
    else:
        p = pairs(reach[subset], boxes)  # these blocks' reach against everyone
        q = pairs(boxes[subset], reach)  # these blocks inside someone's reach
        owner = np.concatenate((subset[p[:, 0]], q[:, 1]))
        other = np.concatenate((p[:, 1], subset[q[:, 0]]))
    keep = owner != other
    owner, other = owner[keep], other[keep]
    hit = overlaps(boxes[owner], boxes[other])
    found: dict[str, I] = {
        "overlap": _unique_pairs(np.minimum(owner[hit], other[hit]), np.maximum(owner[hit], other[hit]), max(n, 1))}
    for name, zone in (("front", layout.front), ("rear", layout.rear)):
        hit = overlaps(zone[owner], boxes[other])
        found[name] = _unique_pairs(owner[hit], other[hit], max(n, 1))
    if site is None:
        return Findings(**found)
    if len(site.columns):  # the few columns against the blocks
        p = pairs(site.columns, boxes[subset])
        found["column"] = np.column_stack((p[:, 0], subset[p[:, 1]])).astype(np.int64).reshape(-1, 2)
    if rows is None:  # every row: no copies of the campus's arrays
        found["outside"] = np.flatnonzero(site.outside(boxes, layout.hall)).astype(np.int64)
    else:
        found["outside"] = subset[site.outside(boxes[subset], layout.hall[subset])]
    if len(doors):  # the few door zones against the blocks
        p = door_pairs if door_pairs is not None else pairs(doors, boxes[subset])
        found["door"] = np.column_stack((p[:, 0], subset[p[:, 1]])).astype(np.int64).reshape(-1, 2)
    return Findings(**found)


class MovingPreview:
    """The rules for a rigid set of blocks moved by an offset, per frame: everything else is indexed once.

    `flagged(dx, dy)` is the set of layout rows that `find` would report in a finding involving a moving
    block after the move: pairs inside the moving set (a rigid move keeps them), overlaps and clearance
    breaches both ways against the rest, columns, door zones and hall exits of the moving blocks;
    `severities` rates each as the checks do (clearance is a warning, everything else an error).
    """

    def __init__(self, layout: Layout, site: Site, rows: Sequence[int]) -> None:
        self.layout, self.site = layout, site
        self.rows = np.asarray(rows, dtype=np.int64).reshape(-1)
        still = np.ones(len(layout.ids), dtype=bool)
        still[self.rows] = False
        self._still = np.flatnonzero(still).astype(np.int64)
        self._boxes = layout.boxes[self.rows]
        self._hall = layout.hall[self.rows]
        self._zones, self._zone_owner = layout.zones(self.rows)
        still_zones, self._still_zone_owner = layout.zones(self._still)
        self._index = BoxGridIndex(layout.boxes[self._still])
        self._zone_index = BoxGridIndex(still_zones) if len(still_zones) else None
        inside = find(layout.take(self.rows))  # a rigid move keeps these
        self._internal_errors = self.rows[np.unique(inside.overlap.ravel())]
        self._internal_warnings = self.rows[np.unique(np.concatenate((inside.front.ravel(), inside.rear.ravel())))]

    def frame(self, dx_mm: float, dy_mm: float) -> tuple[I, I]:
        """Rows in an error finding (overlap, column, door zone, outside the hall) and rows in a clearance warning,
        with the moving set shifted by (dx, dy); a row may be in both."""
        shift = np.array([dx_mm, dy_mm, dx_mm, dy_mm])
        moved = self._boxes + shift
        errors, warnings = [self._internal_errors], [self._internal_warnings]
        hits = self._index.pairs(moved)
        errors += [self.rows[hits[:, 0]], self._still[hits[:, 1]]]
        if len(self._zones):  # our zones over their blocks
            hits = self._index.pairs(self._zones + shift)
            warnings += [self._zone_owner[hits[:, 0]], self._still[hits[:, 1]]]
        if self._zone_index is not None:  # our blocks in their zones
            hits = self._zone_index.pairs(moved)
            warnings += [self.rows[hits[:, 0]], self._still_zone_owner[hits[:, 1]]]
        site = self.site
        for obstacles in (site.columns, site.door_zones):
            if len(obstacles):
                errors.append(self.rows[pairs(obstacles, moved)[:, 1]])
        errors.append(self.rows[site.outside(moved, self._hall)])
        return (np.unique(np.concatenate(errors).astype(np.int64)),
                np.unique(np.concatenate(warnings).astype(np.int64)))

    def flagged(self, dx_mm: float, dy_mm: float) -> I:
        """Rows (of the layout) in a placement finding with a moving block, the moving set shifted by (dx, dy)."""
        errors, warnings = self.frame(dx_mm, dy_mm)
        return np.union1d(errors, warnings)

    def flagged_ids(self, dx_mm: float, dy_mm: float) -> set[str]:
        ids = self.layout.ids
        return {ids[r] for r in self.flagged(dx_mm, dy_mm).tolist()}

    def severities(self, dx_mm: float, dy_mm: float) -> dict[str, str]:
        """Id -> "error" or "warning" for every flagged block, as the checks would rate its worst finding."""
        errors, warnings = self.frame(dx_mm, dy_mm)
        ids = self.layout.ids
        out = {ids[r]: "warning" for r in warnings.tolist()}
        out.update({ids[r]: "error" for r in errors.tolist()})
        return out


# --- asking about candidate blocks -----------------------------------------------------------------
@dataclass(frozen=True)
class Conflict:
    """One broken placement rule for a candidate block; `other` names the block, column or door involved."""

    code: str  # overlap, clearance, column, outside_hall, door_blocked
    block_id: str
    other: str = ""


def placement_problems(design: Design, catalog: Catalog, blocks: Sequence[Block],
                       door_depth_mm: float = 0.0) -> list[Conflict]:
    """What would be wrong if `blocks` (not yet in the design) stood where they are, as the checks see it.

    Each candidate is tested against the design's blocks, its own hall (set `hall_id`, for example with
    `hall_id_at`), columns and door zones (`door_depth_mm`: the effective `door_clear_depth_mm`), and
    against the other candidates. Findings among the design's own blocks are not repeated here.
    """
    layout = Layout.of(design, catalog, blocks)
    site = Site.of(design, door_depth_mm)
    first = len(layout.ids) - len(blocks)
    f = find(layout, site, np.arange(first, len(layout.ids), dtype=np.int64))
    ids = layout.ids
    column_ids = [c.id for h in design.halls for c in h.columns]
    door_ids = [d.id for h in design.halls for d in h.doors]
    out: list[Conflict] = []

    def mine(rows: I) -> I:
        return rows[rows >= first]

    for a, b in f.overlap.tolist():
        cand, other = (b, a) if a < first else (a, b)
        out.append(Conflict("overlap", ids[cand], ids[other]))
    for zone in (f.front, f.rear):
        for owner, other in zone.tolist():
            cand, by = (owner, other) if owner >= first else (other, owner)
            out.append(Conflict("clearance", ids[cand], ids[by]))
    out += [Conflict("column", ids[r], column_ids[c]) for c, r in f.column.tolist() if r >= first]
    out += [Conflict("outside_hall", ids[r]) for r in mine(f.outside).tolist()]
    out += [Conflict("door_blocked", ids[r], door_ids[d]) for d, r in f.door.tolist() if r >= first]
    return out


def is_free(design: Design, catalog: Catalog, blocks: Sequence[Block], door_depth_mm: float = 0.0) -> bool:
    """Whether `blocks` could stand where they are without breaking any placement rule."""
    return not placement_problems(design, catalog, blocks, door_depth_mm)
