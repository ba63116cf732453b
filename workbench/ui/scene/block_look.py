"""What a block looks like on the canvas, derived from the model and catalog (no Qt objects kept)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from workbench.geometry.footprint import block_box, rotated_size_mm
from workbench.model.blocktype import BlockType, Catalog
from workbench.model.design import Block, Design

@dataclass(frozen=True)
class BlockLook:
    """Cached drawing facts for one block; the item keeps this and its id, nothing else."""

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


def block_look(block: Block, catalog: Catalog, lang: str = "en") -> BlockLook:
    t = catalog.get(block.type_id)
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
    """Footprints of every block as one array (model mm), for rubber bands, snapping and drag previews."""

    def __init__(self) -> None:
        self.ids: list[str] = []
        self.row: dict[str, int] = {}
        self.boxes: NDArray[np.float64] = np.zeros((0, 4))
        self.dirty = True
        self.version = 0  # bumped on every change of ids or boxes, so derived caches know they are stale

    def rebuild(self, design: Design, catalog: Catalog) -> None:
        self.ids = list(design.blocks)
        self.row = {bid: i for i, bid in enumerate(self.ids)}
        rows = [block_box(b, catalog.get(b.type_id)) for b in design.blocks.values()]
        self.boxes = np.asarray(rows, dtype=float).reshape(-1, 4)
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
            self.boxes[i] = block_box(b, catalog.get(b.type_id))
        self.version += 1

    def ensure(self, design: Design, catalog: Catalog) -> FootprintTable:
        if self.dirty:
            self.rebuild(design, catalog)
        return self
