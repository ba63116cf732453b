"""What a block looks like on the canvas, derived from the model and catalog (no Qt objects kept)."""

from __future__ import annotations

from itertools import compress, repeat
from operator import is_
from typing import NamedTuple

import numpy as np
from numpy.typing import NDArray

from workbench.geometry.footprint import UNKNOWN_SIZE_MM, block_box, rotated_size_mm
from workbench.model.blocktype import BlockType, Catalog
from workbench.model.design import Block, Design

class BlockLook(NamedTuple):
    """Cached drawing facts for one block; the item keeps this and its id, nothing else.

    A named tuple, not a frozen dataclass: a campus opens with one per block, and a tuple is made in a
    fraction of the time.
    """

    width_mm: float  # along x after rotation
    depth_mm: float  # along y after rotation
    category: str
    label: str
    figure: str  # "132 kW" or ""
    front: str  # "down", "right", "up", "left" on screen
    liquid: bool
    locked: bool
    is_rack: bool
    clearance_mm: tuple[float, float, float, float]  # front, rear, left, right
    known: bool = True


_FRONT = {0: "down", 90: "right", 180: "up", 270: "left"}  # model front -y is screen down


def _figure(block: Block, t: BlockType) -> str:
    o = block.overrides
    if t.rack is not None:
        return f"{o.get('it_kw', t.rack.it_kw):g} kW"
    if t.power is not None and t.power.rating_kw:
        return f"{o.get('rating_kw', t.power.rating_kw):g} kW"
    if t.cooling is not None:
        c = t.cooling
        for key, value in (("liquid_kw", c.liquid_kw), ("air_kw", c.air_kw), ("heat_rejection_kw", c.heat_rejection_kw)):
            if value:
                return f"{o.get(key, value):g} kW"
    return ""


# Looks already made, by everything a look depends on but the block's name. A campus holds thousands of
# blocks of a few dozen kinds, each with its own name, so a design opens with a few dozen looks made and
# the rest copied with their label. The entry keeps the type object it was made from: a catalog that
# replaces a type (types are frozen) makes the entry miss.
_LOOKS: dict[tuple[object, ...], tuple[BlockType | None, BlockLook]] = {}
_MAX_LOOKS = 4096


def block_look(block: Block, catalog: Catalog, lang: str = "en") -> BlockLook:
    t = catalog.get(block.type_id)
    o = block.overrides
    key = (block.type_id, block.rotation_deg, block.locked, lang, tuple(o.items()) if o else ())
    hit = _LOOKS.get(key)
    if hit is None or hit[0] is not t:
        if len(_LOOKS) >= _MAX_LOOKS:  # per-block overrides could make every key new: keep the cache bounded
            _LOOKS.clear()
        hit = (t, _make_look(block, t, lang))
        _LOOKS[key] = hit
    look = hit[1]
    label = block.name or (block.type_id if t is None else t.display_name(lang))
    return look if look.label == label else look._replace(label=label)


def _make_look(block: Block, t: BlockType | None, lang: str) -> BlockLook:
    w, d = rotated_size_mm(block, t)
    if t is None:
        return BlockLook(w, d, "structure", block.name or block.type_id, "unknown type", "down", False,
                         block.locked, False, (0.0, 0.0, 0.0, 0.0), known=False)
    liquid = bool(t.rack and (block.overrides.get("liquid_fraction", t.rack.liquid_fraction) > 0))
    liquid = liquid or bool(t.cooling and t.cooling.medium not in ("air", "") and t.cooling.liquid_kw > 0)
    return BlockLook(
        width_mm=w, depth_mm=d, category=t.category, label=block.name or t.display_name(lang),
        figure=_figure(block, t), front=_FRONT.get(block.rotation_deg % 360, "down"), liquid=liquid,
        locked=block.locked, is_rack=t.is_rack,
        clearance_mm=(t.clearance_front_mm, t.clearance_rear_mm, t.clearance_left_mm, t.clearance_right_mm),
    )


class FootprintTable:
    """Footprints of every block as one array (model mm), for rubber bands, snapping, drag previews and the
    aisle strips (each row's rotation and, for racks, the front and rear aisle depths).

    A rebuild keeps the rows of blocks that are the very objects it saw last time: a block is never changed
    in place (model/edits.py), so switching between options of a campus recomputes only what differs.
    """

    def __init__(self) -> None:
        self.ids: list[str] = []
        self.row: dict[str, int] = {}
        self.boxes: NDArray[np.float64] = np.zeros((0, 4))
        self.rotation: NDArray[np.int64] = np.zeros(0, dtype=np.int64)
        self.aisle_mm: NDArray[np.float64] = np.zeros((0, 2))  # front, rear; 0 for blocks that are not racks
        self.dirty = True
        self.version = 0  # bumped on every change of ids or boxes, so derived caches know they are stale
        self._blocks: list[Block] = []  # the block each row was computed from
        self._catalog: tuple[Catalog, int] | None = None  # and the catalog (types are only ever added)

    def rebuild(self, design: Design, catalog: Catalog) -> None:
        blocks = list(design.blocks.values())
        n = len(blocks)
        if self._catalog is None or self._catalog[0] is not catalog or self._catalog[1] != len(catalog.types):
            self.row, self._blocks = {}, []
        ids = list(design.blocks)
        # The old row of each id (or the last row, for an id it did not have: that row's block has another id,
        # so the identity test below fails), then whether it holds this very block; all in C-level passes.
        src = np.fromiter(map(self.row.get, ids, repeat(-1)), dtype=np.int64, count=n)
        kept = np.zeros(n, dtype=bool)
        if self._blocks:
            kept = np.fromiter(map(is_, map(self._blocks.__getitem__, src.tolist()), blocks), dtype=bool, count=n)
        boxes, rotation, aisle = np.empty((n, 4)), np.empty(n, dtype=np.int64), np.empty((n, 2))
        rows = np.flatnonzero(kept)
        if len(rows):
            old = src[rows]
            boxes[rows], rotation[rows], aisle[rows] = self.boxes[old], self.rotation[old], self.aisle_mm[old]
        fresh = np.flatnonzero(~kept)
        if len(fresh):
            boxes[fresh], rotation[fresh], aisle[fresh] = _rows([blocks[i] for i in fresh.tolist()], catalog)
        self.ids = ids
        self.row = dict(zip(ids, range(n)))
        self.boxes, self.rotation, self.aisle_mm = boxes, rotation, aisle
        self._blocks, self._catalog = blocks, (catalog, len(catalog.types))
        self.dirty = False
        self.version += 1

    def update_rows(self, design: Design, catalog: Catalog, ids: list[str]) -> None:
        """Refresh moved blocks in place; anything unknown forces a rebuild next time."""
        if self.dirty:
            return
        for bid in ids:
            i = self.row.get(bid)
            b = design.blocks.get(bid)
            if i is None or b is None:
                self.dirty = True
                return
            self.boxes[i], self.rotation[i], self.aisle_mm[i] = _row(b, catalog)
            self._blocks[i] = b
        self.version += 1

    def ensure(self, design: Design, catalog: Catalog) -> FootprintTable:
        if self.dirty:
            self.rebuild(design, catalog)
        return self


DEFAULT_AISLE_MM = 600.0  # one tile, for a rack type that states no clearance


def _rows(blocks: list[Block], catalog: Catalog) -> tuple[NDArray[np.float64], NDArray[np.int64], NDArray[np.float64]]:
    """_row for many blocks at once (a design opening reads them all): one look-up per block, the rest in numpy."""
    n = len(blocks)
    per_type = _type_rows(catalog)
    unknown = (UNKNOWN_SIZE_MM, UNKNOWN_SIZE_MM, 0.0, 0.0)
    size_aisle = np.array([per_type.get(b.type_id, unknown) for b in blocks], dtype=float).reshape(n, 4)
    for i in compress(range(n), [b.overrides for b in blocks]):  # the few blocks with their own size
        o = blocks[i].overrides
        size_aisle[i, 0] = o.get("width_mm", size_aisle[i, 0])
        size_aisle[i, 1] = o.get("depth_mm", size_aisle[i, 1])
    x = np.fromiter([b.x_mm for b in blocks], dtype=float, count=n)
    y = np.fromiter([b.y_mm for b in blocks], dtype=float, count=n)
    rotation = np.fromiter([b.rotation_deg for b in blocks], dtype=np.int64, count=n)
    turned = (rotation // 90) % 2 == 1
    w = np.where(turned, size_aisle[:, 1], size_aisle[:, 0])
    d = np.where(turned, size_aisle[:, 0], size_aisle[:, 1])
    boxes = np.column_stack((x - w / 2, y - d / 2, x + w / 2, y + d / 2))
    return boxes, rotation, size_aisle[:, 2:]


def _type_rows(catalog: Catalog) -> dict[str, tuple[float, float, float, float]]:
    """Per type: width, depth and, for racks, the front and rear aisle depths (as _row gives them)."""
    out = {}
    for tid, t in catalog.types.items():
        aisle = (0.0, 0.0)
        if t.rack is not None:
            aisle = (t.clearance_front_mm or DEFAULT_AISLE_MM, t.clearance_rear_mm or DEFAULT_AISLE_MM)
        out[tid] = (float(t.width_mm), float(t.depth_mm), *aisle)
    return out


def _row(b: Block, catalog: Catalog) -> tuple[tuple[float, float, float, float], int, tuple[float, float]]:
    t = catalog.get(b.type_id)
    aisle = (0.0, 0.0)
    if t is not None and t.rack is not None:  # the front faces the cold aisle, the rear the hot one
        aisle = (t.clearance_front_mm or DEFAULT_AISLE_MM, t.clearance_rear_mm or DEFAULT_AISLE_MM)
    return block_box(b, t), b.rotation_deg, aisle
