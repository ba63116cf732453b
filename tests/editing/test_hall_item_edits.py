"""Single columns and doors by id, without Qt: add, move and remove each, apply → revert → apply."""

from __future__ import annotations

import pytest

from workbench.editing.hall_items import (
    DEFAULT_DOOR_MM, add_column_edit, add_door_edit, column_at, door_at, move_column_edit, move_door_edit, wall_point,
)
from workbench.model import Design
from workbench.model.hall_edits import MoveDoor, RemoveColumn, RemoveDoor


def test_a_column_is_added_in_the_hall_under_it_moved_and_removed(hall_design: Design, round_trip) -> None:  # type: ignore[no-untyped-def]
    columns = hall_design.halls[0].columns
    first = columns[0]
    edit = add_column_edit(hall_design, 12000.0, 3000.0)
    assert edit is not None
    round_trip(hall_design, edit)
    assert [(c.x_mm, c.y_mm) for c in columns] == [(6000.0, 6000.0), (12000.0, 3000.0)]
    assert columns[0] is first  # the others are the same objects: no list was copied
    assert add_column_edit(hall_design, 25000.0, 3000.0) is None  # between the halls
    found = column_at(hall_design, 6200.0, 5800.0)
    assert found is first
    move = move_column_edit(hall_design, first, 6600.0, 6000.0)
    assert move is not None and move_column_edit(hall_design, first, 6000.0, 6000.0) is None
    round_trip(hall_design, move)
    assert (first.x_mm, columns[0] is first) == (6600.0, True)
    remove = RemoveColumn(first.id)
    round_trip(hall_design, remove)
    assert [c.x_mm for c in columns] == [12000.0]
    remove.revert(hall_design)
    assert columns[0] is first  # back in its place
    with pytest.raises(KeyError, match="no column"):
        RemoveColumn("gone").apply(hall_design)


def test_a_door_snaps_to_the_nearest_wall_moves_along_walls_and_keeps_its_number(hall_design: Design,
                                                                                  round_trip) -> None:  # type: ignore[no-untyped-def]
    doors = hall_design.halls[0].doors
    wall = wall_point(hall_design, 19800.0, 4130.0, tolerance_mm=500.0, grid_mm=600.0)
    assert wall is not None
    hall, x, y, rot = wall
    assert (hall.id, x, y, rot) == ("h1", 20000.0, 4200.0, 90)  # on the right wall, slid to the grid along it
    assert wall_point(hall_design, 25000.0, 4000.0, tolerance_mm=500.0) is None
    add = add_door_edit(hall, x, y, rot)
    round_trip(hall_design, add)
    assert [(d.x_mm, d.rotation_deg, d.width_mm) for d in doors] == [(10000.0, 0, 1800.0), (20000.0, 90, DEFAULT_DOOR_MM)]
    first = doors[0]
    assert door_at(hall_design, 10800.0, 100.0, tolerance_mm=50.0) == (hall, first)
    move = move_door_edit(first, 20000.0, 9000.0, 90)
    assert move is not None and move_door_edit(first, 10000.0, 0.0, 0) is None
    round_trip(hall_design, move)
    assert (first.x_mm, first.y_mm, first.rotation_deg) == (20000.0, 9000.0, 90)
    remove = RemoveDoor(first.id)
    round_trip(hall_design, remove)
    remove.revert(hall_design)
    assert doors[0] is first  # D1 stays D1 after an undo
    with pytest.raises(ValueError, match="rotation"):
        MoveDoor(first.id, 0.0, 0.0, 45)


def test_every_single_item_edit_tells_the_views_which_hall_changed(hall_design: Design) -> None:
    seen: list[str] = []
    hall_design.events.hall_changed.connect(seen.append)
    edit = add_column_edit(hall_design, 1000.0, 1000.0)
    assert edit is not None
    edit.apply(hall_design)
    edit.revert(hall_design)
    RemoveDoor("d1").apply(hall_design)
    assert seen == ["h1", "h1", "h1"]
