"""Design checks: overlap, outside the hall, clearance, floor, capacity, redundancy, edge cases."""

from __future__ import annotations

import math

import pytest

from tests.designs import move, place
from workbench.calc import Calculator, calculate
from workbench.model import Column, Design
from workbench.model.design import Door
from workbench.model.blocktype import Catalog


def codes(design: Design, catalog: Catalog) -> dict[str, list[tuple[str, ...]]]:
    out: dict[str, list[tuple[str, ...]]] = {}
    for c in calculate(design, catalog).checks:
        out.setdefault(c.code, []).append(c.blocks)
    return out


def test_overlap_found_and_touching_rows_are_fine(catalog: Catalog, empty: Design) -> None:
    a = place(empty, "rack.air-20kw", 3000, 3000)
    b = place(empty, "rack.air-20kw", 3600, 3000)  # shares an edge: a row, not an overlap
    assert "overlap" not in codes(empty, catalog)
    c = place(empty, "rack.air-20kw", 3300, 3000)
    overlaps = {frozenset(p) for p in codes(empty, catalog)["overlap"]}
    assert overlaps == {frozenset((a.id, c.id)), frozenset((b.id, c.id))}


def test_block_on_building_column(catalog: Catalog, empty: Design) -> None:
    empty.halls[0].columns.append(Column(x_mm=5000, y_mm=5000))
    r = place(empty, "rack.air-20kw", 5000, 5000)
    assert codes(empty, catalog)["overlap"] == [(r.id,)]


def test_outside_rectangular_and_l_shaped_hall(catalog: Catalog, empty: Design) -> None:
    out = place(empty, "rack.air-20kw", 19900, 3000)
    assert codes(empty, catalog)["outside_hall"] == [(out.id,)]
    # An L-shaped hall: the notch at the top right is outside.
    empty.halls[0].outline = [(0, 0), (20000, 0), (20000, 5000), (10000, 5000), (10000, 10000), (0, 10000)]
    del empty.blocks[out.id]
    inside = place(empty, "rack.air-20kw", 5000, 8000)
    notch = place(empty, "rack.air-20kw", 15000, 8000)
    found = codes(empty, catalog)["outside_hall"]
    assert found == [(notch.id,)] and (inside.id,) not in found


def test_clearance_breach_in_front_and_rear(catalog: Catalog, empty: Design) -> None:
    rack = place(empty, "rack.air-20kw", 5000, 5000)  # front faces -y, 1.2 m front clearance
    assert "clearance" not in codes(empty, catalog)
    intruder = place(empty, "rack.air-20kw", 5000, 5000 - 600 - 1000)  # 200 mm inside the front zone
    found = codes(empty, catalog)["clearance"]
    assert (rack.id, intruder.id) in found


def test_facing_rows_share_cold_aisle_without_breach(catalog: Catalog, empty: Design) -> None:
    for i in range(4):
        place(empty, "rack.air-20kw", 3000 + 600 * i, 3000, 0)
        place(empty, "rack.air-20kw", 3000 + 600 * i, 3000 - 1200 - 1200, 180)
    assert "clearance" not in codes(empty, catalog)


def test_floor_overload_on_raised_floor(catalog: Catalog, empty: Design) -> None:
    empty.halls[0].floor_type = "raised"
    empty.halls[0].floor_rating_kn_m2 = 12.0
    rack = place(empty, "rack.gb200-nvl72", 5000, 5000)
    assert codes(empty, catalog)["floor_overload"] == [(rack.id,)]
    empty.halls[0].floor_rating_kn_m2 = 25.0
    assert "floor_overload" not in codes(empty, catalog)


def test_redundancy_not_met_then_over_capacity(catalog: Catalog, empty: Design) -> None:
    empty.assumptions.power_schemes["main"] = "N+1"
    for i in range(10):
        place(empty, "rack.air-40kw", 1000 + 600 * i, 3000)  # 400 kW
    ups = [place(empty, "pwr.ups-500kw", 3000 + 2000 * i, 8000) for i in range(2)]
    # 2 × 500 kW, N+1 with 10 % margin: usable 450 kW ≥ 400 kW.
    assert "redundancy" not in codes(empty, catalog)
    for i in range(3):
        place(empty, "rack.air-40kw", 7000 + 600 * i, 3000)  # 520 kW > 450 usable, < 1000 installed
    found = codes(empty, catalog)
    assert set(found["redundancy"][0]) == {u.id for u in ups}
    for i in range(13):
        place(empty, "rack.air-40kw", 1000 + 600 * i, 5400, 180)  # 1040 kW > 1000 installed
    assert "over_capacity" in codes(empty, catalog)


def test_liquid_racks_without_cdu_and_air_without_cooling(catalog: Catalog, empty: Design) -> None:
    place(empty, "rack.gb200-nvl72", 5000, 5000)
    found = codes(empty, catalog)
    assert "no_cooling" in found and "no_power" in found


@pytest.mark.parametrize("build", ["empty", "structure_only", "no_cooling"])
def test_degenerate_designs_give_finite_results(catalog: Catalog, empty: Design, build: str) -> None:
    if build == "structure_only":
        place(empty, "struct.column-600", 5000, 5000)
        place(empty, "pwr.ups-500kw", 9000, 5000)
    elif build == "no_cooling":
        place(empty, "rack.air-20kw", 5000, 5000)
    r = calculate(empty, catalog)
    data = r.to_dict()

    def walk(v: object) -> None:
        if isinstance(v, float):
            assert math.isfinite(v)
        elif isinstance(v, dict):
            for x in v.values():
                walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)

    walk(data)
    assert r.power["losses_kw"] >= 0 and r.cooling["cooling_power_kw"] >= 0
    if r.it_load_kw == 0:
        assert r.pue is None and r.pue_curve == []
    else:
        assert r.pue is not None and r.pue >= 1.0


def test_design_without_halls(catalog: Catalog, empty: Design) -> None:
    empty.halls = []
    r = calculate(empty, catalog)
    assert r.space["area_m2"] == 0 and r.pue is None


def test_unknown_block_type_is_reported_not_fatal(catalog: Catalog, empty: Design) -> None:
    b = place(empty, "rack.does-not-exist", 5000, 5000)
    found = codes(empty, catalog)
    assert found["unknown_type"] == [(b.id,)]


def test_incremental_move_equals_full_run(catalog: Catalog, empty: Design) -> None:
    blocks = [place(empty, "rack.air-20kw", 2000 + 600 * i, 3000) for i in range(10)]
    blocks += [place(empty, "rack.air-20kw", 2000 + 600 * i, 5400, 180) for i in range(10)]
    # Doors in the bottom and right walls: moves go into and out of their clear zones.
    empty.halls[0].doors += [Door(x_mm=3000, y_mm=0, width_mm=1800), Door(x_mm=20000, y_mm=9000, rotation_deg=90)]
    calc = Calculator(catalog)
    calc.run(empty)
    moves = [(blocks[0], 2300.0, 3000.0), (blocks[12], 2600.0, 3000.0), (blocks[5], 19900.0, 9000.0),
             (blocks[3], 3000.0, 1000.0), (blocks[0], 2000.0, 3000.0), (blocks[3], 3800.0, 3000.0)]
    for b, x, y in moves:
        move(empty, b, x, y)
        inc = calc.moved(empty, [b.id])
        full = calculate(empty, catalog)
        assert sorted((c.code, tuple(sorted(c.blocks))) for c in inc.checks) == \
            sorted((c.code, tuple(sorted(c.blocks))) for c in full.checks)
        assert inc.pue == full.pue


def test_empty_hall_has_no_cooling_warnings(catalog: Catalog, empty: Design) -> None:
    assert calculate(empty, catalog).checks == []
    place(empty, "rack.air-20kw", 5000, 5000)
    assert {"no_cooling", "no_heat_rejection"} <= set(codes(empty, catalog))
