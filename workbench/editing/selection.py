"""Which blocks a gesture acts on: a module selects as one, locked blocks stay put; and their bounds."""

from __future__ import annotations

from workbench.geometry.footprint import block_box
from workbench.model.blocktype import Catalog
from workbench.model.design import Design

Box = tuple[float, float, float, float]


def expand_modules(design: Design, ids: set[str] | list[str]) -> set[str]:
    """The ids plus every other block of the modules they belong to: a module selects as one."""
    out = {i for i in ids if i in design.blocks}
    modules = {design.blocks[i].module_id for i in out if design.blocks[i].module_id}
    if modules:
        out.update(b.id for b in design.blocks.values() if b.module_id in modules)
    return out


def movable(design: Design, ids: set[str] | list[str]) -> list[str]:
    """Selected blocks that are not locked, in design order (stable for merging nudges)."""
    wanted = set(ids)
    return [bid for bid, b in design.blocks.items() if bid in wanted and not b.locked]


def bounds(design: Design, catalog: Catalog, ids: list[str] | set[str]) -> Box | None:
    """The box around the footprints of the given blocks, or None when none exists."""
    boxes = [block_box(b, catalog.get(b.type_id)) for b in (design.blocks.get(i) for i in ids) if b is not None]
    if not boxes:
        return None
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))
