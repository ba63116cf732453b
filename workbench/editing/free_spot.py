"""Where a module or a duplicate may go: the nearest spot that every placement rule accepts, and why none did.

The rules are geometry/placement.py's, the same ones the checks and the drag preview use: a spot found here
raises no overlap, clearance, column, door or outside-hall finding. Candidates are whole grid steps from a
start, searched nearest first, each one a `MovingPreview` frame (indexed once per hall, so a hall of a few
thousand candidate spots takes milliseconds); the spot chosen is confirmed once with `placement_problems`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from workbench.editing.modules import insert_module, module_blocks
from workbench.geometry.footprint import block_box
from workbench.geometry.placement import Layout, MovingPreview, Site, find, hall_at, placement_problems
from workbench.geometry.sweep_index import pairs
from workbench.model.assumptions import effective_assumptions
from workbench.model.blocktype import Catalog
from workbench.model.design import Block, Design, Hall
from workbench.model.edits import CompoundEdit

STEP_MM = 600.0  # one raised-floor tile: spots stay on the grid the blocks came from
MAX_CANDIDATES = 20000  # per hall; a campus-sized hall is searched on a coarser grid instead

Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class HallTried:
    """A hall that was searched without success, and why (reason: "too_small" or "no_room")."""

    hall_id: str
    name: str
    reason: str
    need_m: tuple[float, float]  # the blocks' width × depth, m
    hall_m: tuple[float, float]  # the hall's width × depth, m

    def sentence(self) -> str:
        """English; the window words it in the interface language from the same fields."""
        w, d = self.need_m
        if self.reason == "too_small":
            hw, hd = self.hall_m
            return f"{self.name}: {hw:g} × {hd:g} m, too small for {w:g} × {d:g} m"
        return f"{self.name}: no free {w:g} × {d:g} m spot clear of equipment, columns, doors and service clearances"


@dataclass(frozen=True)
class Spot:
    """An offset that moves the candidate blocks to a free spot in a hall, and the halls tried before."""

    hall_id: str | None  # None: nothing fits anywhere
    dx_mm: float = 0.0
    dy_mm: float = 0.0
    tried: tuple[HallTried, ...] = ()

    @property
    def found(self) -> bool:
        return self.hall_id is not None


def _bounds(boxes: Iterable[Box]) -> Box:
    b = list(boxes)
    return min(x[0] for x in b), min(x[1] for x in b), max(x[2] for x in b), max(x[3] for x in b)


def _outline_box(hall: Hall) -> Box:
    xs = [p[0] for p in hall.outline]
    ys = [p[1] for p in hall.outline]
    return min(xs), min(ys), max(xs), max(ys)


def _door_depth(design: Design, catalog: Catalog) -> float:
    return float(effective_assumptions(design, catalog).get("door_clear_depth_mm", 0.0))


def _offsets(group: Box, hall: Box, start: tuple[float, float], step: float,
             axis: tuple[float, float] | None = None) -> np.ndarray:
    """Grid offsets that keep the group's bounds inside the hall's, nearest to `start` first.

    start: where the group's centre should rather be; axis: a preferred direction (a row's), ties and near
    distances go along it first.
    """
    gx0, gy0, gx1, gy1 = group
    hx0, hy0, hx1, hy1 = hall
    cx, cy = (gx0 + gx1) / 2, (gy0 + gy1) / 2
    # Whole steps only, so blocks keep their grid alignment; the range covers the hall's bounds.
    kx = np.arange(np.ceil((hx0 - gx0) / step), np.floor((hx1 - gx1) / step) + 1)
    ky = np.arange(np.ceil((hy0 - gy0) / step), np.floor((hy1 - gy1) / step) + 1)
    if len(kx) == 0 or len(ky) == 0:
        return np.zeros((0, 2))
    gx, gy = np.meshgrid(kx * step, ky * step)
    off = np.column_stack((gx.ravel(), gy.ravel()))
    ddx, ddy = cx + off[:, 0] - start[0], cy + off[:, 1] - start[1]
    if axis is None:
        cost = np.hypot(ddx, ddy)
    else:
        # Along the row costs its distance; across the row costs three times as much.
        along = ddx * axis[0] + ddy * axis[1]
        across = -ddx * axis[1] + ddy * axis[0]
        # On a tie the row grows forwards (+x, +y), like laying the next brick.
        cost = np.abs(along) + 3.0 * np.abs(across) + 0.5 * (along < 0)
    return off[np.argsort(cost, kind="stable")]


class _HallSearch:
    """The placement rules for one rigid group of new blocks in one hall, indexed once."""

    def __init__(self, design: Design, catalog: Catalog, blocks: Sequence[Block], hall: Hall, depth: float) -> None:
        self.design, self.catalog, self.depth = design, catalog, depth
        self.blocks = [b.copy(hall_id=hall.id) for b in blocks]
        layout = Layout.of(design, catalog, self.blocks)
        self.site = Site.of(design, depth)
        self.first = len(layout.ids) - len(self.blocks)
        self.rows = np.arange(self.first, len(layout.ids), dtype=np.int64)
        self.layout = layout
        self.preview = MovingPreview(layout, self.site, self.rows.tolist())
        # Findings among the new blocks themselves move with them; they are the template's, not the spot's.
        own = find(layout.take(self.rows)).rows()
        self.own = set((self.rows[own]).tolist())

    def clear_of_neighbours(self, offsets: np.ndarray) -> np.ndarray:
        """For many offsets at once: False where a moved footprint meets a standing block or its service zone,
        or a moved service zone holds a standing block (the overlap and clearance rules' pairs, found with the
        geometry's box search in one call); True leaves the offset for `free` to decide."""
        still = np.arange(self.first, dtype=np.int64)
        standing = self.layout.boxes[still]
        standing_zones, _ = self.layout.zones(still)
        moving = self.layout.boxes[self.rows]
        moving_zones, _ = self.layout.zones(self.rows)
        shift = np.column_stack((offsets[:, 0], offsets[:, 1], offsets[:, 0], offsets[:, 1]))
        ok = np.ones(len(offsets), dtype=bool)
        for mine, theirs in ((moving, standing), (moving, standing_zones), (moving_zones, standing)):
            if len(mine) == 0 or len(theirs) == 0:
                continue
            moved = (mine[None, :, :] + shift[:, None, :]).reshape(-1, 4)
            hits = pairs(moved, theirs)
            ok[np.unique(hits[:, 0] // len(mine))] = False
        return ok

    def free(self, dx: float, dy: float) -> bool:
        flagged = self.preview.flagged(dx, dy)
        if np.any(flagged < self.first):
            return False  # an existing block is in the way, or in a clearance zone
        if set(flagged.tolist()) - self.own:
            return False  # a new block meets a column, a door zone or the wall
        moved = self.layout.boxes[self.rows] + np.array([dx, dy, dx, dy])
        return not bool(self.site.outside(moved, self.layout.hall[self.rows]).any())

    def confirmed(self, dx: float, dy: float) -> bool:
        """The chosen spot, checked once more the way the calculation's checks will see it."""
        moved = [b.copy(x_mm=b.x_mm + dx, y_mm=b.y_mm + dy) for b in self.blocks]
        own_ids = {self.layout.ids[r] for r in self.own}
        problems = placement_problems(self.design, self.catalog, moved, self.depth)
        return not [p for p in problems if not (p.code in ("overlap", "clearance") and p.block_id in own_ids
                                                 and p.other in own_ids)]


def _group_box(blocks: Sequence[Block], catalog: Catalog) -> Box:
    return _bounds(block_box(b, catalog.types.get(b.type_id)) for b in blocks)


def search(design: Design, catalog: Catalog, blocks: Sequence[Block], halls: Sequence[Hall],
           start: tuple[float, float] | None = None, axis: tuple[float, float] | None = None,
           step_mm: float = STEP_MM) -> Spot:
    """The first hall (in the order given) with a free spot for `blocks` moved rigidly, nearest `start`.

    start: where the group's centre should rather land (default: the hall's centre); axis: the direction to
    prefer from there (a unit vector along a row).
    """
    if not blocks:
        return Spot(None)
    depth = _door_depth(design, catalog)
    group = _group_box(blocks, catalog)
    need = (round((group[2] - group[0]) / 1000, 1), round((group[3] - group[1]) / 1000, 1))
    tried: list[HallTried] = []
    for hall in halls:
        box = _outline_box(hall)
        size = (round((box[2] - box[0]) / 1000, 1), round((box[3] - box[1]) / 1000, 1))
        step = step_mm
        centre = start if start is not None else ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)
        offsets = _offsets(group, box, centre, step, axis)
        while len(offsets) > MAX_CANDIDATES:  # a very large hall: a coarser grid, still whole tiles
            step *= 2
            offsets = _offsets(group, box, centre, step, axis)
        if len(offsets) == 0:
            tried.append(HallTried(hall.id, hall.name, "too_small", need, size))
            continue
        searcher = _HallSearch(design, catalog, blocks, hall, depth)
        offsets = offsets[searcher.clear_of_neighbours(offsets)]  # most offsets go here, in one search
        for dx, dy in offsets.tolist():
            if searcher.free(dx, dy) and searcher.confirmed(dx, dy):
                return Spot(hall.id, dx, dy, tuple(tried))
        tried.append(HallTried(hall.id, hall.name, "no_room", need, size))
    return Spot(None, tried=tuple(tried))


def hall_order(design: Design, catalog: Catalog, cursor: tuple[float, float] | None = None) -> list[Hall]:
    """Where to look for room for a module: the hall under the cursor only, else halls holding racks first
    (most racks first), then the rest in the design's order."""
    if cursor is not None:
        hall = hall_at(design, cursor[0], cursor[1])
        if hall is not None:
            return [hall]
    racks: dict[str, int] = {}
    for b in design.blocks.values():
        t = catalog.types.get(b.type_id)
        if t is not None and t.is_rack:
            hall = design.hall_of(b)
            if hall is not None:
                racks[hall.id] = racks.get(hall.id, 0) + 1
    order = {h.id: i for i, h in enumerate(design.halls)}
    return sorted(design.halls, key=lambda h: (-racks.get(h.id, 0), order[h.id]))


@dataclass(frozen=True)
class ModulePlacement:
    """The edit placing a module (None when nothing fits), and the halls tried, in order."""

    edit: CompoundEdit | None
    hall_id: str | None
    tried: tuple[HallTried, ...]


def place_module(design: Design, catalog: Catalog, module: Design, cursor: tuple[float, float] | None = None,
                 template: str = "") -> ModulePlacement:
    """Insert → Module: at the cursor's hall if the cursor is in one (nearest the cursor), else in the first
    hall with room, halls holding racks first. A module never lands overlapping anything; when nothing fits
    there is no edit and `tried` says which halls were searched and why each failed."""
    blocks = module_blocks(module)
    halls = hall_order(design, catalog, cursor)
    in_hall = cursor is not None and len(halls) == 1 and hall_at(design, cursor[0], cursor[1]) is not None
    spot = search(design, catalog, blocks, halls, start=cursor if in_hall else None)
    if not spot.found or spot.hall_id is None:
        return ModulePlacement(None, None, spot.tried)
    edit = insert_module(design, module, spot.dx_mm, spot.dy_mm, hall_id=spot.hall_id, template=template)
    return ModulePlacement(edit, spot.hall_id, spot.tried)


def row_axis(blocks: Sequence[Block]) -> tuple[float, float]:
    """The direction a row of these blocks runs: along x for fronts facing ±y (0°, 180°), else along y."""
    turned = sum(1 for b in blocks if (b.rotation_deg // 90) % 2 == 1)
    return (0.0, 1.0) if turned * 2 > len(blocks) else (1.0, 0.0)


def duplicate_offset(design: Design, catalog: Catalog, ids: Iterable[str]) -> tuple[float, float] | None:
    """Ctrl+D: the offset to the nearest free spot for a copy of these blocks, along their row first.

    The copy stays in the originals' hall; None when there is no free spot in it.
    """
    blocks = [design.blocks[i] for i in design.blocks if i in set(ids)]
    if not blocks:
        return None
    hall = design.hall_of(blocks[0]) or (design.halls[0] if design.halls else None)
    if hall is None:
        return None
    group = _group_box(blocks, catalog)
    centre = ((group[0] + group[2]) / 2, (group[1] + group[3]) / 2)
    # The originals stay: the copy must not sit on them, so they take part as ordinary blocks.
    spot = search(design, catalog, blocks, [hall], start=centre, axis=row_axis(blocks))
    if not spot.found:
        return None
    return spot.dx_mm, spot.dy_mm
