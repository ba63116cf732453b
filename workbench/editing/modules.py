"""Modules (pods) as pure functions: insert a module template, explode a module, save a selection as one.

Where a module may go is editing/free_spot.py's question (the placement rules).
"""

from __future__ import annotations

import copy
import math
import re
from dataclasses import replace
from pathlib import Path

from workbench.catalog.templates import stamp_template_meta
from workbench.geometry.footprint import block_box
from workbench.model.blocktype import Catalog
from workbench.model.connection_edits import AddConnections
from workbench.model.connections import internal_connections
from workbench.model.design import ROTATIONS, Assumptions, Block, Design, Hall, ModuleInstance, new_id
from workbench.model.edits import AddBlocks, AddModule, CompoundEdit, Edit, RemoveModule, SetBlockField

HALL_MARGIN_MM = 1500.0  # room around a saved module so its service clearances stay inside its hall


def _rotate(x: float, y: float, rotation_deg: int) -> tuple[float, float]:
    """Rotate a point about the origin counter-clockwise by a multiple of 90° (exact, no float drift)."""
    turns = (rotation_deg // 90) % 4
    for _ in range(turns):
        x, y = -y, x
    return x, y


def module_blocks(module: Design) -> list[Block]:
    """The blocks a module template places: those of its first hall (a pod has one)."""
    if not module.halls:
        return list(module.blocks.values())
    first = module.halls[0].id
    return [b for b in module.blocks.values() if b.hall_id in ("", first)]


def insert_module(design: Design, module: Design, x_mm: float, y_mm: float, *, hall_id: str = "",
                  rotation_deg: int = 0, name: str = "", template: str = "") -> CompoundEdit:
    """One undoable edit placing a module template with its origin at (x, y), turned by rotation_deg.

    Every block gets a new id and the new module's id, so the editor moves and rotates it as one.
    """
    if rotation_deg not in ROTATIONS:
        raise ValueError(f"rotation must be one of {ROTATIONS}, got {rotation_deg}")
    target = hall_id or (design.halls[0].id if design.halls else "")
    label = name or str(module.meta.get("name", "")) or module.site.name or "Module"
    instance = ModuleInstance(id=new_id(), name=_unique_module_name(design, label),
                              template=template or str(module.meta.get("name", "")))
    blocks = []
    renamed: dict[str, str] = {}
    for b in module_blocks(module):
        dx, dy = _rotate(b.x_mm, b.y_mm, rotation_deg)
        renamed[b.id] = new_id()
        blocks.append(b.copy(id=renamed[b.id], x_mm=x_mm + dx, y_mm=y_mm + dy,
                             rotation_deg=(b.rotation_deg + rotation_deg) % 360,
                             hall_id=target, module_id=instance.id, locked=False))
    if not blocks:
        raise ValueError(f"module template '{label}' has no blocks")
    edits: list[Edit] = [AddModule(instance), AddBlocks(blocks)]
    # The module's own wiring comes along, on the new block ids.
    inside = internal_connections(module, set(renamed))
    if inside:
        edits.append(AddConnections([replace(c, id=new_id(), from_block=renamed[c.from_block],
                                             to_block=renamed[c.to_block]) for c in inside]))
    return CompoundEdit(edits, text=f"Insert module {instance.name}")


def explode_module(design: Design, module_id: str) -> CompoundEdit:
    """One undoable edit turning a placed module back into single blocks (they stay where they are)."""
    if module_id not in design.modules:
        raise KeyError(f"no module {module_id}")
    ids = [b.id for b in design.blocks_in_module(module_id)]
    name = design.modules[module_id].name or module_id[:8]
    edits = [SetBlockField(ids, "module_id", [""])] if ids else []
    return CompoundEdit([*edits, RemoveModule(module_id)], text=f"Explode module {name}")


def modules_of(design: Design, block_ids: set[str] | list[str]) -> list[str]:
    """Module ids that the given blocks belong to, in design order."""
    wanted = set(block_ids)
    return list(dict.fromkeys(b.module_id for bid, b in design.blocks.items()
                              if bid in wanted and b.module_id and b.module_id in design.modules))


def selection_to_module(design: Design, block_ids: set[str] | list[str], catalog: Catalog, *, name: str,
                        author: str = "", version: str = "1.0.0", licence: str = "",
                        created: str = "", description: str = "") -> Design:
    """A new module design from selected blocks, re-centred on the origin; the source is unchanged.

    `module_template` also stamps the headline figures a gallery shows.
    """
    chosen = [design.blocks[bid] for bid in design.blocks if bid in set(block_ids)]
    if not chosen:
        raise ValueError("select at least one block to save as a module")
    xmin, ymin, xmax, ymax = _extent(chosen, catalog)
    # Centre on the footprint, snapped to whole millimetres so the file stays readable.
    cx, cy = round((xmin + xmax) / 2.0), round((ymin + ymax) / 2.0)
    hw = (xmax - xmin) / 2.0 + HALL_MARGIN_MM
    hd = (ymax - ymin) / 2.0 + HALL_MARGIN_MM
    hw, hd = math.ceil(hw / 100.0) * 100.0, math.ceil(hd / 100.0) * 100.0
    source_hall = design.hall_of(chosen[0])
    hall = Hall(name=name, outline=[(-hw, -hd), (hw, -hd), (hw, hd), (-hw, hd)],
                floor_type=source_hall.floor_type if source_hall else "slab",
                floor_rating_kn_m2=source_hall.floor_rating_kn_m2 if source_hall else 20.0)
    renamed = {b.id: new_id() for b in chosen}
    blocks = [b.copy(id=renamed[b.id], x_mm=b.x_mm - cx, y_mm=b.y_mm - cy, hall_id=hall.id, module_id="",
                     locked=False) for b in chosen]
    # Connections with both ends in the selection are the module's own wiring and are saved with it.
    wiring = [replace(c, id=new_id(), from_block=renamed[c.from_block], to_block=renamed[c.to_block])
              for c in internal_connections(design, set(renamed))]
    a = design.assumptions
    out = Design(halls=[hall], blocks={b.id: b for b in blocks}, connections={c.id: c for c in wiring},
                 assumptions=Assumptions(values=dict(a.values), power_schemes=dict(a.power_schemes),
                                         cooling_schemes=dict(a.cooling_schemes)),
                 description=description, meta={})
    out.site = copy.copy(design.site)
    out.site.name = name
    out.meta.update({"kind": "module", "name": name, "author": author, "version": version,
                     "licence": licence, "created": created})
    return out


def _extent(blocks: list[Block], catalog: Catalog) -> tuple[float, float, float, float]:
    boxes = [block_box(b, catalog.types.get(b.type_id)) for b in blocks]
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def _unique_module_name(design: Design, base: str) -> str:
    taken = {m.name for m in design.modules.values()}
    if base not in taken:
        return base
    k = 2
    while f"{base} {k}" in taken:
        k += 1
    return f"{base} {k}"


def explode_edit(design: Design, block_ids: set[str] | list[str]) -> Edit | None:
    """One undoable edit exploding every module the given blocks belong to, or None when there is none."""
    ids = modules_of(design, block_ids)
    if not ids:
        return None
    edits = [explode_module(design, mid) for mid in ids]
    return edits[0] if len(edits) == 1 else CompoundEdit(list(edits), text="Explode modules")


def module_template(design: Design, block_ids: set[str] | list[str], catalog: Catalog, *, name: str,
                    created: str, description: str = "") -> Design:
    """A module template from the selected blocks, with the headline figures a gallery shows stamped in."""
    module = selection_to_module(design, block_ids, catalog, name=name, author=design.site.prepared_by,
                                 created=created, description=description)
    stamp_template_meta(module, catalog, kind="module", name=name, author=str(module.meta["author"]),
                        created=str(module.meta["created"]))
    return module


def module_path(folder: Path, name: str) -> Path:
    """Where a module named `name` is saved in a templates folder: a lower-case slug of its name."""
    slug = re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-") or "module"
    return folder / f"{slug}.dchall.json"
