"""Model edits made from an underlay: a hall outline from a closed polyline, columns from a layer (one undo step each)."""

from __future__ import annotations

import copy

from workbench.cad.underlay_shapes import ColumnShape
from workbench.geometry.placement import hall_at
from workbench.geometry.polygons import outline_problem
from workbench.model.design import Column, Design, Hall
from workbench.model.edits import AddHall, CompoundEdit, Edit, SetHallField

Point = tuple[float, float]
SAME_COLUMN_MM = 50.0  # a column already this close to one from the drawing is the same column


def hall_outline_edit(design: Design, outline: list[Point], hall_id: str | None, new_name: str) -> Edit:
    """Replace a hall's outline, or (hall_id None) add a new hall with it; ValueError for an unusable outline."""
    problem = outline_problem(outline)
    if problem:
        raise ValueError(problem)
    if hall_id is not None:
        if design.hall(hall_id) is None:
            raise ValueError(f"no hall {hall_id}")
        return SetHallField(hall_id, "outline", list(outline), text="Hall outline from drawing")
    return AddHall(Hall(name=new_name, outline=list(outline)), text="Hall from drawing")


def columns_edit(design: Design, shapes: list[ColumnShape]) -> tuple[Edit | None, int, int]:
    """Add columns to the halls that hold them: (edit or None, columns added, columns outside every hall).

    Columns already in place (within SAME_COLUMN_MM) are not added twice, so running it again changes nothing.
    """
    per_hall: dict[str, list[Column]] = {}
    outside = 0
    for s in shapes:
        hall = hall_at(design, s.x_mm, s.y_mm)
        if hall is None:
            outside += 1
            continue
        existing = per_hall.setdefault(hall.id, copy.deepcopy(hall.columns))
        if any(abs(c.x_mm - s.x_mm) <= SAME_COLUMN_MM and abs(c.y_mm - s.y_mm) <= SAME_COLUMN_MM for c in existing):
            continue
        existing.append(Column(x_mm=s.x_mm, y_mm=s.y_mm, width_mm=s.width_mm, depth_mm=s.depth_mm))
    edits: list[Edit] = []
    added = 0
    for hall_id, cols in per_hall.items():
        hall = design.hall(hall_id)
        assert hall is not None
        if len(cols) != len(hall.columns):
            added += len(cols) - len(hall.columns)
            edits.append(SetHallField(hall_id, "columns", cols, text="Columns from drawing"))
    if not edits:
        return None, 0, outside
    return CompoundEdit(edits, text="Columns from drawing"), added, outside

