"""Design checks, each with a severity, a stable code, a message and the blocks involved."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

from workbench.calc.snapshot import Snapshot
from workbench.geometry.boxes import box_pairs, side_zones
from workbench.geometry.polygons import boxes_outside_outline
from workbench.model.design import Design

ERROR, WARNING, INFO = "error", "warning", "info"


@dataclass(frozen=True)
class Check:
    severity: str
    code: str  # overlap, outside_hall, clearance, over_capacity, redundancy, floor_overload, ...
    message: str
    blocks: tuple[str, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, object]:
        return {"severity": self.severity, "code": self.code, "message": self.message,
                "blocks": list(self.blocks)}


@dataclass
class GeometryState:
    """Arrays the geometric checks need; kept so a one-block move can update only its rows."""

    boxes: NDArray[np.float64]
    front: NDArray[np.float64]
    rear: NDArray[np.float64]
    obstacles: NDArray[np.float64]  # hall columns
    kn_m2: NDArray[np.float64]


def geometry_state(s: Snapshot, design: Design, gravity: float) -> GeometryState:
    boxes = s.boxes()
    clear = s.types.clear[s.type_index] if len(s.ids) else np.zeros((0, 4))
    front, rear = side_zones(boxes, s.rotation, clear[:, 0], clear[:, 1])
    cols = [(c.x_mm - c.width_mm / 2, c.y_mm - c.depth_mm / 2, c.x_mm + c.width_mm / 2, c.y_mm + c.depth_mm / 2)
            for h in design.halls for c in h.columns]
    area_m2 = (boxes[:, 2] - boxes[:, 0]) * (boxes[:, 3] - boxes[:, 1]) / 1e6
    kn = np.where(area_m2 > 0, s.col("weight_kg") * gravity / 1000.0 / np.maximum(area_m2, 1e-9), 0.0)
    return GeometryState(boxes, front, rear, np.asarray(cols, dtype=float).reshape(-1, 4), kn)


def geometry_checks(s: Snapshot, design: Design, st: GeometryState,
                    rows: NDArray[np.int64] | None = None) -> list[Check]:
    """Overlap, outside the hall, clearance and floor checks; rows limits them to some blocks."""
    ids = s.ids
    checks: list[Check] = []
    subset = np.arange(len(ids)) if rows is None else rows
    if rows is None:
        pairs = box_pairs(st.boxes)
    else:
        pairs = box_pairs(st.boxes[rows], st.boxes)
        pairs = pairs[rows[pairs[:, 0]] != pairs[:, 1]]
        pairs[:, 0] = rows[pairs[:, 0]]
        pairs = np.unique(np.sort(pairs, axis=1), axis=0)
    for i, j in pairs:
        checks.append(Check(ERROR, "overlap", f"{_label(design, ids[i])} overlaps {_label(design, ids[j])}",
                            (ids[i], ids[j])))
    for i, _ in box_pairs(st.boxes[subset], st.obstacles):
        bid = ids[subset[i]]
        checks.append(Check(ERROR, "overlap", f"{_label(design, bid)} stands on a building column", (bid,)))
    for hi, hall in enumerate(design.halls):
        in_hall = subset[s.hall[subset] == hi]
        out = boxes_outside_outline(st.boxes[in_hall], hall.outline)
        for r in in_hall[out]:
            checks.append(Check(ERROR, "outside_hall", f"{_label(design, ids[r])} is outside {hall.name}", (ids[r],)))
    for zone, side in ((st.front, "front"), (st.rear, "rear")):
        pairs = box_pairs(zone[subset], st.boxes)
        # A block's own footprint touches its zone only at the edge, so i == j never survives.
        for i, j in pairs:
            r = int(subset[i])
            if r == j:
                continue
            checks.append(Check(WARNING, "clearance",
                                f"{_label(design, ids[j])} blocks the {side} service clearance of "
                                f"{_label(design, ids[r])}", (ids[r], ids[j])))
        if rows is not None:
            # Someone moved into another block's zone: check the moved footprints against all zones.
            for i, j in box_pairs(st.boxes[rows], zone):
                r = int(rows[i])
                if r == j:
                    continue
                checks.append(Check(WARNING, "clearance",
                                    f"{_label(design, ids[r])} blocks the {side} service clearance of "
                                    f"{_label(design, ids[j])}", (ids[j], ids[r])))
    ratings = np.array([h.floor_rating_kn_m2 for h in design.halls] or [0.0])
    limit = ratings[np.clip(s.hall[subset], 0, len(ratings) - 1)] if len(subset) else np.zeros(0)
    for k in np.flatnonzero(st.kn_m2[subset] > limit + 1e-9):
        r = int(subset[k])
        hall = design.halls[min(int(s.hall[r]), len(design.halls) - 1)]
        checks.append(Check(ERROR, "floor_overload",
                            f"{_label(design, ids[r])} loads the floor at {st.kn_m2[r]:.1f} kN/m², "
                            f"above the {hall.floor_rating_kn_m2:g} kN/m² rating of {hall.name}", (ids[r],)))
    return _dedupe(checks)


def _dedupe(checks: list[Check]) -> list[Check]:
    seen: set[tuple[str, tuple[str, ...]]] = set()
    out = []
    for c in checks:
        key = (c.code, tuple(sorted(c.blocks)))
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


def _label(design: Design, block_id: str) -> str:
    b = design.blocks.get(block_id)
    if b is None:
        return block_id[:8]
    return b.name or f"{b.type_id} #{block_id[:6]}"
