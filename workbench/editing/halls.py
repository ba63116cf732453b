"""Deleting and renaming a hall as one undoable edit each, with the user's choice for the blocks standing in it."""

from __future__ import annotations

from workbench.geometry.placement import point_in_polygon
from workbench.model.design import Design
from workbench.model.edits import CompoundEdit, Edit, RemoveBlocks, RemoveHall, SetBlockField, SetHallField


def blocks_in_hall(design: Design, hall_id: str) -> list[str]:
    """Ids of the blocks that belong to the hall (by membership, as the calculation counts them)."""
    hall = design.hall(hall_id)
    if hall is None:
        return []
    return [b.id for b in design.blocks.values() if design.hall_of(b) is hall]


def delete_hall_edit(design: Design, hall_id: str, keep_blocks: bool) -> Edit:
    """Remove a hall; its blocks go with it, or (keep_blocks) stay where they stand.

    Kept blocks join whichever other hall they now stand in; if none, they belong to no hall and the checks
    say so (outside any hall), so nothing disappears without the user seeing it.
    """
    hall = design.hall(hall_id)
    if hall is None:
        raise KeyError(f"no hall with id {hall_id}")
    ids = blocks_in_hall(design, hall_id)
    edits: list[Edit] = []
    if ids and not keep_blocks:
        edits.append(RemoveBlocks(ids))
    elif ids:
        others = [h for h in design.halls if h.id != hall_id]
        values = [next((h.id for h in others if point_in_polygon(design.blocks[i].x_mm, design.blocks[i].y_mm,
                                                                 h.outline)), "") for i in ids]
        # SetBlockField sets one value on all ids; blocks landing in different halls need one edit per hall.
        by_hall: dict[str, list[str]] = {}
        for bid, value in zip(ids, values):
            by_hall.setdefault(value, []).append(bid)
        edits += [SetBlockField(group, "hall_id", [value]) for value, group in by_hall.items()]
    edits.append(RemoveHall(hall_id))
    return CompoundEdit(edits, text=f"Delete hall {hall.name}")


def rename_hall_edit(design: Design, hall_id: str, name: str) -> Edit | None:
    """The edit renaming a hall, or None when the name is empty or unchanged."""
    hall = design.hall(hall_id)
    name = name.strip()
    if hall is None or not name or name == hall.name:
        return None
    return SetHallField(hall_id, "name", name, text=f"Rename hall {name}")
