"""Design checks, each with a severity, a stable code, a message and the blocks involved."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np
from numpy.typing import NDArray

from workbench.calc.snapshot import Snapshot
from workbench.geometry.sweep_index import SweepIndex, overlaps, pairs
from workbench.geometry.boxes import EPS_MM, side_zones
from workbench.geometry.polygons import boxes_outside_outline, is_axis_rectangle, outline_bounds
from workbench.model.design import Design

ERROR, WARNING, INFO = "error", "warning", "info"


Params = tuple[tuple[str, Any], ...]


@dataclass(frozen=True)
class Check:
    """One finding; params hold the values its English message is made of, so others can say it in any language."""

    severity: str
    code: str  # overlap, outside_hall, clearance, over_capacity, redundancy, floor_overload, door_blocked, ...
    message: str
    blocks: tuple[str, ...] = field(default_factory=tuple)
    # (name, value) pairs; "form" picks a variant of the code's sentence. Not compared: the message says the same.
    params: Params = field(default=(), compare=False)

    def param_dict(self) -> dict[str, Any]:
        return dict(self.params)

    def to_dict(self) -> dict[str, object]:
        return {"severity": self.severity, "code": self.code, "message": self.message,
                "blocks": list(self.blocks), "params": dict(self.params)}


def params(**values: Any) -> Params:
    """Check parameters from keywords, numbers as plain Python numbers (numpy scalars would not serialise)."""
    return tuple((k, float(v) if isinstance(v, np.floating) else int(v) if isinstance(v, np.integer) else v)
                 for k, v in values.items())


@dataclass
class GeometryState:
    """Arrays the geometric checks need; kept so a one-block move can update only its rows."""

    boxes: NDArray[np.float64]
    front: NDArray[np.float64]
    rear: NDArray[np.float64]
    obstacles: NDArray[np.float64]  # hall columns
    kn_m2: NDArray[np.float64]
    # Raw findings before de-duplication, one row each: section, sort keys k1 k2, block rows a b (b -1 if none).
    entries: NDArray[np.int64] = field(default_factory=lambda: np.zeros((0, 5), dtype=np.int64))
    hall_bounds: NDArray[np.float64] = field(default_factory=lambda: np.zeros((0, 4)))
    hall_is_rect: NDArray[np.bool_] = field(default_factory=lambda: np.zeros(0, dtype=bool))
    messages: dict[tuple[int, int, int], Check] = field(default_factory=dict)  # built once per finding
    # Clear zones inside hall doors, one row per door of every hall in order, with the hall index of each.
    door_zones: NDArray[np.float64] = field(default_factory=lambda: np.zeros((0, 4)))
    door_hall: NDArray[np.int64] = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    door_number: NDArray[np.int64] = field(default_factory=lambda: np.zeros(0, dtype=np.int64))  # 1, 2 … per hall
    door_depth_mm: float = 0.0


# Sections in the order a full run reports them; sections sharing a code are de-duplicated together.
OVERLAP, COLUMN, OUTSIDE, FRONT, REAR, FLOOR, DOOR = range(7)
_SIDE = {FRONT: "front", REAR: "rear"}
_DEDUPE_CODE = np.array([0, 0, 2, 3, 3, 5, 6], dtype=np.int64)
DOOR_PROBE_MM = 10.0  # how far off a door's centre the inside of the hall is looked for


@lru_cache(maxsize=4096)
def _outline_shape(outline: tuple[tuple[float, float], ...]) -> tuple[tuple[float, float, float, float], bool]:
    """Bounds of a hall outline and whether it is an axis-aligned rectangle; cached by outline."""
    return outline_bounds(outline), is_axis_rectangle(outline)


@lru_cache(maxsize=4096)
def _hall_door_zones(outline: tuple[tuple[float, float], ...], doors: tuple[tuple[float, float, float, int], ...],
                     depth_mm: float) -> tuple[tuple[float, float, float, float], ...]:
    """The clear zone inside each door (x, y, width, rotation) of one hall; cached per hall.

    The zone is the door's width along the wall by depth_mm across it, on the side of the hall's floor: a
    probe a little off the door's centre on each side, the side inside the outline wins. A door inside the
    floor (both sides in) needs its zone on both sides; a door off every wall keeps its zone towards the hall.
    """
    d = DOOR_PROBE_MM
    along = [(int(rot) // 90) % 2 == 0 for _, _, _, rot in doors]
    probes = [p for (x, y, _, _), along_x in zip(doors, along)
              for p in (((x, y + d), (x, y - d)) if along_x else ((x + d, y), (x - d, y)))]
    boxes = np.asarray([(px - 1.0, py - 1.0, px + 1.0, py + 1.0) for px, py in probes], dtype=float).reshape(-1, 4)
    inside = (~boxes_outside_outline(boxes, outline)).tolist()
    x0, y0, x1, y1 = outline_bounds(outline)
    zones = []
    for k, ((x, y, width, _), along_x) in enumerate(zip(doors, along)):
        plus, minus = inside[2 * k], inside[2 * k + 1]
        if not (plus or minus):
            plus = ((y0 + y1) / 2 - y if along_x else (x0 + x1) / 2 - x) >= 0
            minus = not plus
        lo, hi, half = -depth_mm if minus else 0.0, depth_mm if plus else 0.0, width / 2
        zones.append((x - half, y + lo, x + half, y + hi) if along_x else (x + lo, y - half, x + hi, y + half))
    return tuple(zones)


def _door_zones(st: GeometryState, design: Design, outlines: list[tuple[tuple[float, float], ...]]) -> None:
    """The clear zones inside every hall's doors, in hall and door order."""
    zones: list[tuple[float, float, float, float]] = []
    halls: list[int] = []
    numbers: list[int] = []
    for h, hall in enumerate(design.halls):
        if hall.doors:
            doors = tuple((d.x_mm, d.y_mm, d.width_mm, d.rotation_deg) for d in hall.doors)
            rows = _hall_door_zones(outlines[h], doors, st.door_depth_mm)
            zones += rows
            halls += [h] * len(rows)
            numbers += range(1, len(rows) + 1)
    st.door_zones = np.asarray(zones, dtype=float).reshape(-1, 4)
    st.door_hall = np.asarray(halls, dtype=np.int64)
    st.door_number = np.asarray(numbers, dtype=np.int64)


def geometry_state(s: Snapshot, design: Design, gravity: float, door_depth_mm: float = 0.0) -> GeometryState:
    boxes = s.boxes()
    clear = s.types.clear[s.type_index] if len(s.ids) else np.zeros((0, 4))
    front, rear = side_zones(boxes, s.rotation, clear[:, 0], clear[:, 1])
    cols = [(c.x_mm - c.width_mm / 2, c.y_mm - c.depth_mm / 2, c.x_mm + c.width_mm / 2, c.y_mm + c.depth_mm / 2)
            for h in design.halls for c in h.columns]
    area_m2 = (boxes[:, 2] - boxes[:, 0]) * (boxes[:, 3] - boxes[:, 1]) / 1e6
    kn = np.where(area_m2 > 0, s.col("weight_kg") * gravity / 1000.0 / np.maximum(area_m2, 1e-9), 0.0)
    outlines = [tuple((x, y) for x, y in h.outline) for h in design.halls]
    shapes = [_outline_shape(o) for o in outlines]
    bounds = np.asarray([b for b, _ in shapes], dtype=float).reshape(-1, 4)
    rect = np.asarray([r for _, r in shapes], dtype=bool)
    st = GeometryState(boxes, front, rear, np.asarray(cols, dtype=float).reshape(-1, 4), kn,
                       hall_bounds=bounds, hall_is_rect=rect, door_depth_mm=door_depth_mm)
    if any(h.doors for h in design.halls):
        _door_zones(st, design, outlines)
    return st


def _stack(section: int, k1: NDArray[np.int64], k2: NDArray[np.int64], a: NDArray[np.int64],
           b: NDArray[np.int64] | None = None) -> NDArray[np.int64]:
    n = len(a)
    return np.column_stack((np.full(n, section, dtype=np.int64), k1, k2, a,
                            np.full(n, -1, dtype=np.int64) if b is None else b)).astype(np.int64)


def geometry_entries(s: Snapshot, design: Design, st: GeometryState,
                     rows: NDArray[np.int64] | None = None) -> NDArray[np.int64]:
    """Raw overlap, column, outside-hall, clearance, floor and door findings; rows limits them to some blocks."""
    n = len(s.ids)
    out: list[NDArray[np.int64]] = []
    subset = np.arange(n, dtype=np.int64) if rows is None else rows
    boxes, front, rear = st.boxes, st.front, st.rear
    # A block with its two clearance zones is one rectangle: one search finds overlaps and breaches.
    reach = np.column_stack((np.minimum(np.minimum(boxes[:, 0], front[:, 0]), rear[:, 0]),
                             np.minimum(np.minimum(boxes[:, 1], front[:, 1]), rear[:, 1]),
                             np.maximum(np.maximum(boxes[:, 2], front[:, 2]), rear[:, 2]),
                             np.maximum(np.maximum(boxes[:, 3], front[:, 3]), rear[:, 3])))
    doors = st.door_zones
    door_pairs: NDArray[np.int64] | None = None
    if rows is None:
        # The door zones ride along with the blocks' reach in one search: a few more queries cost next to nothing.
        p = SweepIndex(boxes).pairs(np.concatenate((reach, doors)) if len(doors) else reach,
                                    ordered=False, skip_same=True)
        if len(doors):
            at_door = p[:, 0] >= n
            door_pairs, p = p[at_door] - (n, 0), p[~at_door]
        owner, other = p[:, 0], p[:, 1]
    else:
        p = pairs(reach[subset], boxes)  # moved blocks' zones against everyone
        q = pairs(boxes[subset], reach)  # moved blocks inside someone's zones
        owner = np.concatenate((subset[p[:, 0]], q[:, 1]))
        other = np.concatenate((p[:, 1], subset[q[:, 0]]))
    keep = owner != other
    owner, other = owner[keep], other[keep]
    hit = overlaps(boxes[owner], boxes[other])
    lo, hi = np.minimum(owner[hit], other[hit]), np.maximum(owner[hit], other[hit])
    out.append(_stack(OVERLAP, lo, hi, lo, hi))
    for zone, section in ((front, FRONT), (rear, REAR)):
        hit = overlaps(zone[owner], boxes[other])
        out.append(_stack(section, owner[hit], other[hit], owner[hit], other[hit]))
    # Blocks on building columns: the few columns against the blocks.
    if len(st.obstacles):
        p = pairs(st.obstacles, boxes[subset])
        r = subset[p[:, 1]]
        out.append(_stack(COLUMN, r, p[:, 0], r))
    # Outside the hall: rectangles by bounds, other outlines with shapely.
    if len(design.halls):
        hall = s.hall[subset]
        b = st.hall_bounds[hall]
        bx = boxes[subset]
        outside = st.hall_is_rect[hall] & (
            (bx[:, 0] < b[:, 0] - EPS_MM) | (bx[:, 1] < b[:, 1] - EPS_MM)
            | (bx[:, 2] > b[:, 2] + EPS_MM) | (bx[:, 3] > b[:, 3] + EPS_MM))
        for hi_ in np.flatnonzero(~st.hall_is_rect).tolist():
            in_hall = np.flatnonzero(hall == hi_)
            if len(in_hall):
                outside[in_hall] = boxes_outside_outline(bx[in_hall], design.halls[hi_].outline)
        r = subset[outside]
        out.append(_stack(OUTSIDE, s.hall[r], r, r))
    # Floor loading per block against its hall's rating.
    ratings = np.array([h.floor_rating_kn_m2 for h in design.halls] or [0.0])
    limit = ratings[np.clip(s.hall[subset], 0, len(ratings) - 1)] if len(subset) else np.zeros(0)
    r = subset[st.kn_m2[subset] > limit + 1e-9]
    out.append(_stack(FLOOR, r, np.zeros(len(r), dtype=np.int64), r))
    # Blocks in the equipment path inside a door: the few door zones against the blocks.
    if len(doors):
        p = door_pairs if door_pairs is not None else pairs(doors, boxes[subset])
        r = subset[p[:, 1]]
        out.append(_stack(DOOR, p[:, 0], r, r))
    return np.concatenate(out)


def merge_entries(kept: NDArray[np.int64], new: NDArray[np.int64]) -> NDArray[np.int64]:
    """Kept and new findings in report order, each finding once."""
    both = np.concatenate((kept, new))
    if len(both) == 0:
        return both
    both = np.unique(both, axis=0)  # lexicographic: section, k1, k2 is the report order
    return both


def entries_checks(s: Snapshot, design: Design, st: GeometryState) -> list[Check]:
    """Checks for the findings, de-duplicated as a full run reports them; messages are built once."""
    e = st.entries
    if len(e) == 0:
        return []
    n = len(s.ids) + 1
    a, b = e[:, 3], e[:, 4]
    lo = np.where(b < 0, a, np.minimum(a, b))
    hi = np.where(b < 0, -1, np.maximum(a, b))
    key = (_DEDUPE_CODE[e[:, 0]] * n + lo + 1) * n + hi + 1
    door = e[:, 0] == DOOR
    if door.any():  # one finding per door and block: a block in front of two doors blocks both
        key = np.where(door, -1 - np.arange(len(e), dtype=np.int64), key)
    _, first = np.unique(key, return_index=True)
    first.sort()
    cache = st.messages
    out = []
    for sec, k1, k2, ra, rb in e[first].tolist():
        c = cache.get((sec, k1, k2))
        if c is None:
            c = cache[(sec, k1, k2)] = _check(s, design, st, sec, k1, ra, rb)
        out.append(c)
    return out


def _check(s: Snapshot, design: Design, st: GeometryState, sec: int, k1: int, a: int, b: int) -> Check:
    ids = s.ids
    la = _label(design, ids[a])
    if sec == OVERLAP:
        lb = _label(design, ids[b])
        return Check(ERROR, "overlap", f"{la} overlaps {lb}", (ids[a], ids[b]), params(block=la, other=lb))
    if sec == COLUMN:
        return Check(ERROR, "overlap", f"{la} stands on a building column", (ids[a],),
                     params(form="column", block=la))
    if sec == OUTSIDE:
        hall_name = design.halls[k1].name
        return Check(ERROR, "outside_hall", f"{la} is outside {hall_name}", (ids[a],),
                     params(block=la, hall=hall_name))
    if sec in _SIDE:
        lb = _label(design, ids[b])
        return Check(WARNING, "clearance", f"{lb} blocks the {_SIDE[sec]} service clearance of {la}",
                     (ids[a], ids[b]), params(block=la, other=lb, side=_SIDE[sec]))
    if sec == DOOR:
        hall, number = design.halls[int(st.door_hall[k1])], int(st.door_number[k1])
        door, depth = f"D{number}", st.door_depth_mm
        return Check(ERROR, "door_blocked",
                     f"{la} stands in the {depth:,.0f} mm clear zone inside door {door} of {hall.name}", (ids[a],),
                     params(block=la, door=door, hall=hall.name, depth_mm=depth,
                            width_mm=hall.doors[number - 1].width_mm))
    hall = design.halls[min(int(s.hall[a]), len(design.halls) - 1)]
    load = float(st.kn_m2[a])
    return Check(ERROR, "floor_overload",
                 f"{la} loads the floor at {load:.1f} kN/m², "
                 f"above the {hall.floor_rating_kn_m2:g} kN/m² rating of {hall.name}", (ids[a],),
                 params(block=la, load_kn_m2=load, rating_kn_m2=hall.floor_rating_kn_m2, hall=hall.name))


def geometry_checks(s: Snapshot, design: Design, st: GeometryState,
                    rows: NDArray[np.int64] | None = None) -> list[Check]:
    """Overlap, outside the hall, clearance, floor and door checks; rows limits them to some blocks."""
    st.entries = merge_entries(np.zeros((0, 5), dtype=np.int64), geometry_entries(s, design, st, rows))
    return entries_checks(s, design, st)


def _label(design: Design, block_id: str) -> str:
    b = design.blocks.get(block_id)
    if b is None:
        return block_id[:8]
    return b.name or f"{b.type_id} #{block_id[:6]}"
