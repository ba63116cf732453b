"""Design checks, each with a severity, a stable code, a message and the blocks involved."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import NDArray

from workbench.calc.snapshot import Snapshot
from workbench.geometry.placement import Layout, Site, find
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
    """The placement layout and site the geometric checks need; kept so a one-block move updates only its rows."""

    layout: Layout
    site: Site
    kn_m2: NDArray[np.float64]
    # Raw findings before de-duplication, one row each: section, sort keys k1 k2, block rows a b (b -1 if none).
    entries: NDArray[np.int64] = field(default_factory=lambda: np.zeros((0, 5), dtype=np.int64))
    messages: dict[tuple[int, int, int], Check] = field(default_factory=dict)  # built once per finding

    @property
    def boxes(self) -> NDArray[np.float64]:
        return self.layout.boxes


# Sections in the order a full run reports them; sections sharing a code are de-duplicated together.
OVERLAP, COLUMN, OUTSIDE, FRONT, REAR, FLOOR, DOOR = range(7)
_SIDE = {FRONT: "front", REAR: "rear"}
_DEDUPE_CODE = np.array([0, 0, 2, 3, 3, 5, 6], dtype=np.int64)


def geometry_state(s: Snapshot, design: Design, gravity: float, door_depth_mm: float = 0.0) -> GeometryState:
    boxes = s.boxes()
    clear = s.types.clear[s.type_index] if len(s.ids) else np.zeros((0, 4))
    layout = Layout.from_arrays(s.ids, boxes, s.rotation, clear[:, 0], clear[:, 1], s.hall)
    area_m2 = (boxes[:, 2] - boxes[:, 0]) * (boxes[:, 3] - boxes[:, 1]) / 1e6
    kn = np.where(area_m2 > 0, s.col("weight_kg") * gravity / 1000.0 / np.maximum(area_m2, 1e-9), 0.0)
    return GeometryState(layout, Site.of(design, door_depth_mm), kn)


def _stack(section: int, k1: NDArray[np.int64], k2: NDArray[np.int64], a: NDArray[np.int64],
           b: NDArray[np.int64] | None = None) -> NDArray[np.int64]:
    n = len(a)
    return np.column_stack((np.full(n, section, dtype=np.int64), k1, k2, a,
                            np.full(n, -1, dtype=np.int64) if b is None else b)).astype(np.int64)


def geometry_entries(s: Snapshot, design: Design, st: GeometryState,
                     rows: NDArray[np.int64] | None = None) -> NDArray[np.int64]:
    """Raw placement findings (geometry/placement.py) and floor findings; rows limits them to some blocks."""
    f = find(st.layout, st.site, rows)
    subset = np.arange(len(s.ids), dtype=np.int64) if rows is None else rows
    ov, col, r = f.overlap, f.column, f.outside
    out = [_stack(OVERLAP, ov[:, 0], ov[:, 1], ov[:, 0], ov[:, 1]),
           _stack(COLUMN, col[:, 1], col[:, 0], col[:, 1]),
           _stack(OUTSIDE, s.hall[r], r, r)]
    out += [_stack(section, z[:, 0], z[:, 1], z[:, 0], z[:, 1]) for z, section in ((f.front, FRONT), (f.rear, REAR))]
    # Floor loading per block against its hall's rating.
    ratings = np.array([h.floor_rating_kn_m2 for h in design.halls] or [0.0])
    hall, kn = (s.hall, st.kn_m2) if rows is None else (s.hall[subset], st.kn_m2[subset])
    limit = ratings[np.clip(hall, 0, len(ratings) - 1)] if len(subset) else np.zeros(0)
    r = subset[kn > limit + 1e-9]
    out.append(_stack(FLOOR, r, np.zeros(len(r), dtype=np.int64), r))
    out.append(_stack(DOOR, f.door[:, 0], f.door[:, 1], f.door[:, 1]))
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
        site = st.site
        hall, number = design.halls[int(site.door_hall[k1])], int(site.door_number[k1])
        door, depth = f"D{number}", site.door_depth_mm
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


def _label(design: Design, block_id: str) -> str:
    b = design.blocks.get(block_id)
    if b is None:
        return block_id[:8]
    return b.name or f"{b.type_id} #{block_id[:6]}"
