"""Edits on blocks built from a selection: place, nudge, rotate, delete, lock, duplicate and copies (paste)."""

from __future__ import annotations

from workbench.editing.naming import default_name, next_name
from workbench.editing.selection import bounds, movable
from workbench.editing.snapping import snap_centre
from workbench.geometry.footprint import rotated_size_mm
from workbench.geometry.placement import hall_id_at
from workbench.model.blocktype import Catalog
from workbench.model.design import Block, Design, ModuleInstance, new_id
from workbench.model.edits import (
    AddBlocks,
    AddModule,
    CompoundEdit,
    Edit,
    MoveBlocks,
    RemoveBlocks,
    RemoveModule,
    SetBlockField,
)


def place_edit(design: Design, catalog: Catalog, type_id: str, x_mm: float, y_mm: float,
               grid_mm: float = 0.0, rotation_deg: int = 0) -> tuple[AddBlocks, str]:
    t = catalog.get(type_id)
    if t is None:
        raise ValueError(f"unknown block type '{type_id}'")
    probe = Block(type_id, x_mm, y_mm, rotation_deg)
    w, d = rotated_size_mm(probe, t)
    x, y = snap_centre(x_mm, y_mm, w, d, grid_mm)
    block = Block(type_id=type_id, x_mm=x, y_mm=y, rotation_deg=rotation_deg, name=default_name(design, catalog, type_id),
                  hall_id=hall_id_at(design, x, y))
    return AddBlocks([block], text=f"Place {t.display_name()}"), block.id


def nudge_edit(design: Design, ids: list[str], dx_mm: float, dy_mm: float) -> MoveBlocks | None:
    ids = movable(design, ids)
    if not ids:
        return None
    pos = [(design.blocks[i].x_mm + dx_mm, design.blocks[i].y_mm + dy_mm) for i in ids]
    return MoveBlocks(ids, pos, text="Nudge", merge_key="nudge")


def rotate_edit(design: Design, catalog: Catalog, ids: list[str], quarter_turns: int = 1) -> MoveBlocks | None:
    """Turn the blocks 90° counter-clockwise (model axes) about the centre of their footprint."""
    ids = movable(design, ids)
    box = bounds(design, catalog, ids)
    if not ids or box is None:
        return None
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    pos, rots = [], []
    for bid in ids:
        b = design.blocks[bid]
        x, y = b.x_mm - cx, b.y_mm - cy
        for _ in range(quarter_turns % 4):
            x, y = -y, x
        pos.append((cx + x, cy + y))
        rots.append((b.rotation_deg + 90 * quarter_turns) % 360)
    return MoveBlocks(ids, pos, new_rotations=rots, text="Rotate")


def delete_edit(design: Design, ids: list[str] | set[str]) -> Edit | None:
    """Remove unlocked blocks, and the module records they leave empty."""
    ids = movable(design, ids)
    if not ids:
        return None
    gone = set(ids)
    emptied = {design.blocks[i].module_id for i in ids if design.blocks[i].module_id}
    emptied = {m for m in emptied if m in design.modules
               and all(b.id in gone for b in design.blocks.values() if b.module_id == m)}
    edits: list[Edit] = [RemoveBlocks(ids)]
    edits += [RemoveModule(m) for m in sorted(emptied)]
    return CompoundEdit(edits, text=f"Delete {len(ids)} block{'s' if len(ids) != 1 else ''}")


def lock_edit(design: Design, ids: list[str] | set[str], locked: bool) -> SetBlockField | None:
    ids = [i for i in design.blocks if i in set(ids) and design.blocks[i].locked != locked]
    if not ids:
        return None
    return SetBlockField(ids, "locked", [locked], text="Lock" if locked else "Unlock")


def copies_edit(design: Design, blocks: list[Block], modules: dict[str, ModuleInstance], dx_mm: float,
                dy_mm: float, text: str) -> tuple[Edit, list[str]]:
    """New blocks (new ids, unique names, fresh module records) offset by (dx, dy): duplicate and paste."""
    names = {b.name for b in design.blocks.values()}
    new_modules: dict[str, ModuleInstance] = {}
    out: list[Block] = []
    module_names = {m.name for m in design.modules.values()}
    for b in blocks:
        module_id = ""
        if b.module_id:
            if b.module_id not in new_modules:
                old = modules.get(b.module_id)
                stem = old.name if old and old.name else "Module"
                name = stem if stem not in module_names else next_name(module_names, stem)
                module_names.add(name)
                new_modules[b.module_id] = ModuleInstance(id=new_id(), name=name, template=old.template if old else "")
            module_id = new_modules[b.module_id].id
        name = b.name
        if name and name in names:
            name = next_name(names, name)
        names.add(name)
        x, y = b.x_mm + dx_mm, b.y_mm + dy_mm
        out.append(b.copy(id=new_id(), x_mm=x, y_mm=y, name=name, module_id=module_id, locked=False,
                          hall_id=hall_id_at(design, x, y)))
    edits: list[Edit] = [AddModule(m) for m in new_modules.values()]
    edits.append(AddBlocks(out))
    return CompoundEdit(edits, text=text), [b.id for b in out]


def duplicate_edit(design: Design, catalog: Catalog, ids: list[str] | set[str]) -> tuple[Edit, list[str]] | None:
    """Copies at the nearest free spot in the originals' hall, along their row first (the next brick of a row).

    None when nothing is chosen or no free spot exists in the hall (editing/free_spot.py: the placement rules).
    """
    from workbench.editing.free_spot import duplicate_offset

    chosen = [design.blocks[i] for i in design.blocks if i in set(ids)]
    if not chosen:
        return None
    offset = duplicate_offset(design, catalog, [b.id for b in chosen])
    if offset is None:
        return None
    return copies_edit(design, chosen, design.modules, offset[0], offset[1], "Duplicate")
