"""The door check: blocks in the equipment path inside a hall door, its parameter, incremental runs and its text."""

from __future__ import annotations

import pytest

from tests.designs import move, place
from workbench.calc import Calculator, calculate
from workbench.calc.checks import Check
from workbench.catalog import new_design
from workbench.model import Catalog, Design, Hall
from workbench.model.design import Door
from workbench.text.check_text import check_text, template_key
from workbench.text.language import load_language

RACK = "rack.gb200-nvl72"  # 600 mm wide, 1,200 mm deep: front faces -y at rotation 0
HALF_DEPTH_MM = 600.0


def door_checks(design: Design, catalog: Catalog) -> list[Check]:
    return [c for c in calculate(design, catalog).checks if c.code == "door_blocked"]


@pytest.fixture
def hall_with_door(empty: Design) -> Design:
    """The 20 m × 10 m hall with a 1,800 mm door in its bottom wall at x = 5 m: zone x 4.1–5.9 m, y 0–1.5 m."""
    empty.halls[0].doors.append(Door(id="d1", x_mm=5000.0, y_mm=0.0, width_mm=1800.0, rotation_deg=0))
    return empty


def test_default_clear_depth_is_a_visible_assumption(catalog: Catalog) -> None:
    spec = catalog.parameters["door_clear_depth_mm"]
    assert (spec.default, spec.unit, spec.minimum, spec.maximum) == (1500.0, "mm", 0.0, 10000.0)
    assert spec.label["zh"] and "rack depth 1,200 mm" in spec.source


def test_rack_in_front_of_a_door_is_flagged_and_clear_of_it_is_not(catalog: Catalog, hall_with_door: Design) -> None:
    d = hall_with_door
    r = place(d, RACK, 5000, 1000, name="R12")  # y 400–1,600: well inside the 1,500 mm zone
    (found,) = door_checks(d, catalog)
    assert (found.severity, found.blocks) == ("error", (r.id,))
    assert found.message == "R12 stands in the 1,500 mm clear zone inside door D1 of Hall"
    assert found.param_dict() == {"block": "R12", "door": "D1", "hall": "Hall", "depth_mm": 1500.0,
                                  "width_mm": 1800.0}
    r = move(d, r, y=1500 + 100 + HALF_DEPTH_MM)  # the same rack moved 100 mm clear of the zone
    assert door_checks(d, catalog) == []
    r = move(d, r, 5900 + 100 + 300, 1000)  # beside the zone, 100 mm clear along the wall
    assert door_checks(d, catalog) == []
    r = move(d, r, x=5900 + 300 - 50)  # 50 mm into the zone from the side
    assert [c.blocks for c in door_checks(d, catalog)] == [(r.id,)]


def test_rack_outside_the_hall_behind_the_door_wall_is_not_door_blocked(catalog: Catalog,
                                                                        hall_with_door: Design) -> None:
    outside = place(hall_with_door, RACK, 5000, -1000)
    found = calculate(hall_with_door, catalog).checks
    assert [c.blocks for c in found if c.code == "outside_hall"] == [(outside.id,)]
    assert not [c for c in found if c.code == "door_blocked"]


def test_clear_depth_parameter_changes_the_verdict(catalog: Catalog, hall_with_door: Design) -> None:
    d = hall_with_door
    r = place(d, RACK, 5000, 1800 + HALF_DEPTH_MM)  # starts 1,800 mm from the wall
    assert door_checks(d, catalog) == []
    d.assumptions.values["door_clear_depth_mm"] = 2000.0
    (found,) = door_checks(d, catalog)
    assert found.blocks == (r.id,) and found.param_dict()["depth_mm"] == 2000.0 and "2,000 mm" in found.message
    d.assumptions.values["door_clear_depth_mm"] = 0.0  # no clear zone asked for: nothing is in it
    move(d, r, y=700.0)
    assert door_checks(d, catalog) == []


def test_inside_is_found_from_the_outline_on_every_wall(catalog: Catalog, empty: Design) -> None:
    # An L-shaped hall: the notch's wall at y = 5 m has the floor below it, the top wall has it below too,
    # the right wall at x = 20 m has it to the left.
    hall = empty.halls[0]
    hall.outline = [(0, 0), (20000, 0), (20000, 5000), (10000, 5000), (10000, 10000), (0, 10000)]
    hall.doors += [Door(id="notch", x_mm=15000, y_mm=5000, width_mm=1800, rotation_deg=0),
                   Door(id="right", x_mm=20000, y_mm=2500, width_mm=1800, rotation_deg=90)]
    below_notch = place(empty, RACK, 15000, 4000)
    above_notch = place(empty, RACK, 15000, 6000)  # outside the hall, beyond the notch's wall
    left_of_right = place(empty, RACK, 19000, 2500, rot=90)
    found = {c.blocks[0]: c.param_dict()["door"] for c in door_checks(empty, catalog)}
    assert found == {below_notch.id: "D1", left_of_right.id: "D2"}
    assert above_notch.id not in found


def test_a_block_in_front_of_two_doors_blocks_both(catalog: Catalog, hall_with_door: Design) -> None:
    d = hall_with_door
    d.halls[0].doors.append(Door(id="d2", x_mm=6500.0, y_mm=0.0, width_mm=1000.0, rotation_deg=0))
    r = place(d, "cool.crah-150", 5800, 1000)
    assert [(c.param_dict()["door"], c.blocks) for c in door_checks(d, catalog)] == [("D1", (r.id,)), ("D2", (r.id,))]


def test_incremental_move_equals_full_run_with_doors(catalog: Catalog, hall_with_door: Design) -> None:
    d = hall_with_door
    d.halls[0].doors.append(Door(id="d2", x_mm=20000.0, y_mm=6000.0, width_mm=2400.0, rotation_deg=90))
    racks = [place(d, RACK, 2000 + 600 * i, 3000, name=f"R{i}") for i in range(10)]
    calc = Calculator(catalog)
    calc.run(d)
    moves = [(racks[0], 5000.0, 1000.0), (racks[1], 19000.0, 6000.0), (racks[0], 5000.0, 2200.0),
             (racks[2], 5300.0, 800.0), (racks[1], 2600.0, 3000.0), (racks[2], 3200.0, 3000.0)]
    seen = 0
    for b, x, y in moves:
        move(d, b, x, y)
        inc = calc.moved(d, [b.id])
        full = calculate(d, catalog)
        assert inc.to_dict()["checks"] == full.to_dict()["checks"]
        seen += sum(c.code == "door_blocked" for c in inc.checks)
    assert seen >= 3  # the moves went into the door zones, not only around them


def test_no_doors_no_door_work(catalog: Catalog, empty: Design) -> None:
    place(empty, RACK, 5000, 700)  # against the wall: no door, no finding
    calc = Calculator(catalog)
    calc.run(empty)
    assert calc._geo is not None and len(calc._geo.site.door_zones) == 0
    assert not [c for c in calculate(empty, catalog).checks if c.code == "door_blocked"]


def test_door_text_in_english_and_chinese(catalog: Catalog, hall_with_door: Design) -> None:
    hall_with_door.halls[0].name = "1号机房"
    place(hall_with_door, RACK, 5000, 1000, name="R12")
    (found,) = door_checks(hall_with_door, catalog)
    en, zh = load_language("en"), load_language("zh")
    assert template_key(found) == "check_msg.door_blocked"
    assert found.message == "R12 stands in the 1,500 mm clear zone inside door D1 of 1号机房"
    assert check_text(found, en) == found.message
    assert check_text(found, zh) == "R12 占用了机房“1号机房”门 D1 内侧 1,500 mm 的设备运输通道"
    assert check_text(found, "zh_CN") == check_text(found, zh)
    assert en.strings["check.door_blocked"] == "Door blocked"
    assert zh.strings["check.door_blocked"] == "门口通道受阻"
    assert zh.strings["group.layout"] and en.strings["group.layout"] == "Layout"


def test_a_door_in_a_side_wall_and_the_json(catalog: Catalog) -> None:
    d = new_design(catalog)
    d.halls = [Hall(id="h", name="H", outline=[(0, 0), (8000, 0), (8000, 6000), (0, 6000)],
                    doors=[Door(x_mm=0.0, y_mm=3000.0, width_mm=2400.0, rotation_deg=90)])]
    place(d, RACK, 700, 3000, rot=90, name="R1")
    checks = [c.to_dict() for c in calculate(d, catalog).checks if c.code == "door_blocked"]
    assert checks == [{"severity": "error", "code": "door_blocked",
                       "message": "R1 stands in the 1,500 mm clear zone inside door D1 of H",
                       "blocks": [next(iter(d.blocks))],
                       "params": {"block": "R1", "door": "D1", "hall": "H", "depth_mm": 1500.0, "width_mm": 2400.0}}]
