"""Editing blocks without Qt: place, nudge, rotate, delete, lock, duplicate, paste, array; each apply → revert → apply."""

from __future__ import annotations

import json

import numpy as np
import pytest

from workbench.editing.array import ArraySpec, array_edit
from workbench.editing.blocks import (
    delete_edit, duplicate_edit, lock_edit, nudge_edit, place_edit, rotate_edit,
)
from workbench.editing.clipboard import CLIP_FORMAT, blocks_payload, paste_edit
from workbench.editing.naming import next_name
from workbench.editing.selection import bounds, expand_modules, movable
from workbench.editing.snapping import drag_offset, snap_centre
from workbench.model import Block, Catalog, Design, ModuleInstance

RACK = "rack.gb200-nvl72"


def _add(design: Design, *blocks: Block) -> list[str]:
    for b in blocks:
        design.blocks[b.id] = b
    return [b.id for b in blocks]


def test_place_snaps_the_corner_names_the_block_and_finds_its_hall(hall_design: Design, catalog: Catalog,
                                                                   round_trip) -> None:  # type: ignore[no-untyped-def]
    edit, bid = place_edit(hall_design, catalog, RACK, 35170.0, 4020.0, grid_mm=600.0)
    round_trip(hall_design, edit)
    b = hall_design.blocks[bid]
    assert ((b.x_mm - 300) % 600, (b.y_mm - 600) % 600) == (0, 0)
    assert (b.hall_id, b.name) == ("h2", "RACK-01")
    edit2, bid2 = place_edit(hall_design, catalog, RACK, 1000.0, 1000.0)
    edit2.apply(hall_design)
    assert hall_design.blocks[bid2].name == "RACK-02"
    with pytest.raises(ValueError, match="unknown block type"):
        place_edit(hall_design, catalog, "rack.nope", 0, 0)


def test_nudge_rotate_and_lock_leave_locked_blocks_alone(hall_design: Design, catalog: Catalog,
                                                          round_trip) -> None:  # type: ignore[no-untyped-def]
    a, b, c = _add(hall_design, Block(RACK, 3300.0, 3600.0), Block(RACK, 3900.0, 3600.0),
                   Block(RACK, 9000.0, 9000.0, locked=True))
    nudge = nudge_edit(hall_design, [a, b, c], 600.0, 0.0)
    assert nudge is not None and nudge.ids == [a, b]
    round_trip(hall_design, nudge)
    assert hall_design.blocks[a].x_mm == 3900.0 and hall_design.blocks[c].x_mm == 9000.0
    rotate = rotate_edit(hall_design, catalog, [a, b])
    assert rotate is not None
    round_trip(hall_design, rotate)
    assert [hall_design.blocks[i].rotation_deg for i in (a, b)] == [90, 90]
    assert sorted(hall_design.blocks[i].y_mm for i in (a, b)) == [3300.0, 3900.0]  # turned about their centre
    lock = lock_edit(hall_design, [a], True)
    assert lock is not None
    round_trip(hall_design, lock)
    assert nudge_edit(hall_design, [a, c], 1.0, 0.0) is None
    assert lock_edit(hall_design, [a], True) is None  # already locked: nothing to do


def test_delete_removes_the_modules_it_empties(hall_design: Design, round_trip) -> None:  # type: ignore[no-untyped-def]
    hall_design.modules["m1"] = ModuleInstance(id="m1", name="Pod")
    a, b, c = _add(hall_design, Block(RACK, 3300.0, 3600.0, module_id="m1"), Block(RACK, 3900.0, 3600.0, module_id="m1"),
                   Block(RACK, 9000.0, 9000.0))
    assert expand_modules(hall_design, {a}) == {a, b}
    edit = delete_edit(hall_design, expand_modules(hall_design, {a}))
    assert edit is not None
    round_trip(hall_design, edit)
    assert list(hall_design.blocks) == [c] and "m1" not in hall_design.modules
    assert delete_edit(hall_design, []) is None


def test_duplicate_lays_copies_beside_with_new_names_and_module_records(hall_design: Design, catalog: Catalog,
                                                                       round_trip) -> None:  # type: ignore[no-untyped-def]
    hall_design.modules["m1"] = ModuleInstance(id="m1", name="Pod")
    ids = _add(hall_design, Block(RACK, 3300.0, 3600.0, name="RA01", module_id="m1", locked=True),
               Block(RACK, 3900.0, 3600.0, name="RA02", module_id="m1"))
    made = duplicate_edit(hall_design, catalog, ids)
    assert made is not None
    edit, new_ids = made
    round_trip(hall_design, edit)
    copies = [hall_design.blocks[i] for i in new_ids]
    assert [(b.x_mm, b.name, b.locked) for b in copies] == [(4500.0, "RA03", False), (5100.0, "RA04", False)]
    assert len({b.module_id for b in copies}) == 1 and copies[0].module_id != "m1"
    assert hall_design.modules[copies[0].module_id].name == "Pod-2"
    assert next_name({"RA01", "RA02"}, "RA01") == "RA03" and next_name(set(), "Pump") == "Pump-2"


def test_paste_centres_the_clipboard_blocks_on_the_cursor(hall_design: Design, catalog: Catalog,
                                                          round_trip) -> None:  # type: ignore[no-untyped-def]
    ids = _add(hall_design, Block(RACK, 3300.0, 3600.0, name="RA01"), Block(RACK, 3900.0, 3600.0, name="RA02"))
    text = blocks_payload(hall_design, ids)
    assert text is not None and json.loads(text)["format"] == CLIP_FORMAT
    edit, new_ids = paste_edit(hall_design, catalog, text.encode(), 33000.0, 5000.0)
    round_trip(hall_design, edit)
    box = bounds(hall_design, catalog, new_ids)
    assert box is not None and ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2) == (33000.0, 5000.0)
    assert {hall_design.blocks[i].hall_id for i in new_ids} == {"h2"}
    with pytest.raises(ValueError, match="does not hold"):
        paste_edit(hall_design, catalog, b"not json", 0, 0)
    bad = text.replace(RACK, "rack.unknown").encode()
    with pytest.raises(ValueError, match="rack.unknown"):
        paste_edit(hall_design, catalog, bad, 0, 0)


def test_an_array_is_one_edit_of_named_rows_facing_their_aisles(hall_design: Design, catalog: Catalog,
                                                                 round_trip) -> None:  # type: ignore[no-untyped-def]
    edit = array_edit(hall_design, catalog, ArraySpec(RACK, count=4, rows=2, origin_x_mm=2000, origin_y_mm=2000))
    round_trip(hall_design, edit)
    blocks = list(hall_design.blocks.values())
    assert [b.name for b in blocks] == ["RA01", "RA02", "RA03", "RA04", "RB01", "RB02", "RB03", "RB04"]
    assert [b.rotation_deg for b in blocks[::4]] == [180, 0]  # the two rows face each other across the cold aisle
    assert movable(hall_design, [b.id for b in blocks]) == [b.id for b in blocks]


def test_snapping_puts_the_corner_on_the_grid_then_pulls_to_a_neighbour_edge() -> None:
    assert snap_centre(1010.0, 1990.0, 600.0, 1200.0, 600.0) == (900.0, 1800.0)
    assert snap_centre(1010.0, 1990.0, 600.0, 1200.0, 0.0) == (1010.0, 1990.0)
    anchor = (3000.0, 3000.0, 3600.0, 4200.0)
    others = np.array([[9000.0, 3000.0, 9600.0, 4200.0], [50000.0, 0.0, 50600.0, 1200.0]])
    # 5,360 mm lands the right edge 40 mm short of the neighbour at a 50 mm grid: the edge pulls it home.
    assert drag_offset(anchor, others, 5360.0, 0.0, 50.0, 120.0) == (5400.0, 0.0)
    # Beyond the pull distance only the grid applies.
    assert drag_offset(anchor, others, 5000.0, 10.0, 50.0, 120.0) == (5000.0, 0.0)
    assert drag_offset(anchor, np.zeros((0, 4)), 5360.0, 0.0, 600.0, 120.0) == (5400.0, 0.0)
