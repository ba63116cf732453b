"""The placement rules one by one: point in polygon, halls, face zones, candidates' conflicts."""

from __future__ import annotations

import numpy as np
import pytest

from workbench.catalog import new_design
from workbench.geometry.footprint import block_box
from workbench.geometry.placement import (
    Layout, Site, clearance_zones, door_inward, face_zones, find, hall_at, hall_id_at, is_free, placement_problems,
    point_in_polygon,
)
from workbench.model import Catalog
from workbench.model.design import Block, Column, Design, Door, Hall

L_SHAPE = [(0.0, 0.0), (10000.0, 0.0), (10000.0, 4000.0), (4000.0, 4000.0), (4000.0, 10000.0), (0.0, 10000.0)]


def _hall_design(catalog: Catalog) -> Design:
    d = new_design(catalog)
    d.halls = [Hall(id="a", name="A", outline=list(L_SHAPE), columns=[Column(id="c1", x_mm=2000.0, y_mm=8000.0)],
                    doors=[Door(id="d1", x_mm=7000.0, y_mm=0.0, width_mm=1800.0)]),
               Hall(id="b", name="B", outline=[(20000.0, 0.0), (30000.0, 0.0), (30000.0, 10000.0), (20000.0, 10000.0)])]
    return d


def test_point_in_polygon_follows_the_even_odd_rule() -> None:
    assert point_in_polygon(1000.0, 1000.0, L_SHAPE)
    assert point_in_polygon(2000.0, 9000.0, L_SHAPE)
    assert not point_in_polygon(7000.0, 7000.0, L_SHAPE)  # in the notch
    assert not point_in_polygon(-1.0, 5000.0, L_SHAPE)


def test_a_point_belongs_to_the_hall_under_it_else_the_first(catalog: Catalog) -> None:
    d = _hall_design(catalog)
    assert hall_at(d, 25000.0, 5000.0) is d.halls[1]
    assert hall_at(d, 7000.0, 7000.0) is None
    assert hall_id_at(d, 7000.0, 7000.0) == "a"
    assert hall_id_at(Design(halls=[]), 0.0, 0.0) == ""


@pytest.mark.parametrize(("rotation", "side", "zone"), [
    (0, "front", (0, -5, 2, 0)), (0, "rear", (0, 1, 2, 6)), (0, "left", (-5, 0, 0, 1)), (0, "right", (2, 0, 7, 1)),
    (90, "front", (2, 0, 7, 1)), (180, "front", (0, 1, 2, 6)), (270, "front", (-5, 0, 0, 1)),
    (90, "left", (0, -5, 2, 0)),
])
def test_face_zones_turn_with_the_block(rotation: int, side: str, zone: tuple[float, ...]) -> None:
    box = np.array([[0.0, 0.0, 2.0, 1.0]])
    got = face_zones(box, np.array([rotation]), np.array([5.0]), side)
    assert got.tolist() == [list(map(float, zone))]


def test_clearance_zones_leave_out_sides_without_depth() -> None:
    boxes = np.array([[0.0, 0.0, 2.0, 1.0], [10.0, 10.0, 11.0, 11.0]])
    zones = clearance_zones(boxes, np.array([0, 0]), np.array([[5.0, 0.0, 0.0, 1.0], [0.0, 0.0, 0.0, 0.0]]))
    assert zones.tolist() == [[0.0, -5.0, 2.0, 0.0], [2.0, 0.0, 3.0, 1.0]]
    with pytest.raises(ValueError, match="side must be one of"):
        face_zones(boxes, np.array([0, 0]), np.array([1.0, 1.0]), "top")


def test_candidates_are_told_every_rule_they_break(catalog: Catalog) -> None:
    d = _hall_design(catalog)
    placed = Block("rack.gb200-nvl72", 1000.0, 2000.0, hall_id="a", id="placed")
    d.blocks[placed.id] = placed

    def conflicts(block: Block) -> set[tuple[str, str]]:
        return {(c.code, c.other) for c in placement_problems(d, catalog, [block], door_depth_mm=1500.0)}

    assert conflicts(Block("rack.gb200-nvl72", 1300.0, 2000.0, hall_id="a", id="x")) == {("overlap", "placed")}
    # In front of the placed rack (its front faces -y): in its 1,200 mm front clearance, and it in ours behind.
    assert conflicts(Block("rack.gb200-nvl72", 1000.0, 700.0, hall_id="a", id="x")) == {("clearance", "placed")}
    assert conflicts(Block("rack.gb200-nvl72", 2000.0, 8000.0, hall_id="a", id="x")) == {("column", "c1")}
    assert conflicts(Block("rack.gb200-nvl72", 7000.0, 1000.0, hall_id="a", id="x")) == {("door_blocked", "d1")}
    assert conflicts(Block("rack.gb200-nvl72", 7000.0, 7000.0, hall_id="a", id="x")) == {("outside_hall", "")}
    # The same spot counts as outside hall A but is fine for hall B's blocks only inside B.
    assert conflicts(Block("rack.gb200-nvl72", 25000.0, 5000.0, hall_id="a", id="x")) == {("outside_hall", "")}
    assert is_free(d, catalog, [Block("rack.gb200-nvl72", 25000.0, 5000.0, hall_id="b")], door_depth_mm=1500.0)
    # Two candidates on each other conflict although the design holds neither.
    pair = [Block("rack.gb200-nvl72", 25000.0, 5000.0, hall_id="b", id="p"),
            Block("rack.gb200-nvl72", 25100.0, 5000.0, hall_id="b", id="q")]
    assert {(c.code, c.block_id, c.other) for c in placement_problems(d, catalog, pair)} == {("overlap", "p", "q")}


def test_a_limited_search_finds_what_a_full_search_finds_for_those_rows(catalog: Catalog) -> None:
    rng = np.random.default_rng(3)
    d = _hall_design(catalog)
    for k in range(300):
        b = Block("rack.gb200-nvl72", float(rng.uniform(-500, 31000)), float(rng.uniform(-500, 10500)),
                  int(rng.choice([0, 90, 180, 270])), hall_id=("a", "b")[k % 2])
        d.blocks[b.id] = b
    layout = Layout.of(d, catalog)
    site = Site.of(d, 1500.0)
    full = find(layout, site)
    rows = np.array([0, 5, 17, 120, 299], dtype=np.int64)
    part = find(layout, site, rows)
    mine = set(rows.tolist())
    for name in ("overlap", "front", "rear"):
        want = {tuple(p) for p in getattr(full, name).tolist() if mine & set(p)}
        assert {tuple(p) for p in getattr(part, name).tolist()} == want, name
    for name in ("column", "door"):
        want = {tuple(p) for p in getattr(full, name).tolist() if p[1] in mine}
        assert {tuple(p) for p in getattr(part, name).tolist()} == want, name
    assert set(part.outside.tolist()) == {r for r in full.outside.tolist() if r in mine}
    assert len(full.overlap) and len(full.front) and len(full.outside)


def test_a_layout_has_the_footprints_of_geometry_footprint(catalog: Catalog) -> None:
    d = _hall_design(catalog)
    wide = Block("rack.gb200-nvl72", 1000.0, 2000.0, 90, hall_id="b", overrides={"width_mm": 800.0})
    plain = Block("cool.crah-150", 5000.0, 5000.0, 270, hall_id="gone")
    unknown = Block("rack.nope", 9000.0, 9000.0)
    for b in (wide, plain, unknown):
        d.blocks[b.id] = b
    extra = Block("rack.nope", 100.0, 100.0, 180)
    layout = Layout.of(d, catalog, [extra])
    assert layout.ids == [wide.id, plain.id, extra.id]  # a placed block of unknown type is in no check
    expected = [block_box(b, catalog.get(b.type_id)) for b in (wide, plain, extra)]
    assert layout.boxes.tolist() == [list(e) for e in expected]
    assert layout.hall.tolist() == [1, 0, 0]
    assert layout.front[1].tolist() == [5000.0 - 450.0 - 1000.0, 5000.0 - 1250.0, 5000.0 - 450.0, 5000.0 + 1250.0]


def test_a_door_opens_into_its_hall_on_the_side_of_its_clear_zone() -> None:
    rect = [(0.0, 0.0), (20000.0, 0.0), (20000.0, 12000.0), (0.0, 12000.0)]
    assert door_inward(rect, 5000.0, 0.0, 0) == (0.0, 1.0)  # bottom wall: into the hall is +y
    assert door_inward(rect, 5000.0, 12000.0, 0) == (0.0, -1.0)
    assert door_inward(rect, 20000.0, 6000.0, 90) == (-1.0, 0.0)
    assert door_inward(rect, 0.0, 6000.0, 90) == (1.0, 0.0)
    assert door_inward(L_SHAPE, 7000.0, 4000.0, 0) == (0.0, -1.0)  # the L's inner wall: the floor is below
    assert door_inward(rect, 5000.0, -3000.0, 0) == (0.0, 1.0)  # off every wall: towards the hall
    d = Design(halls=[Hall(outline=list(rect), doors=[Door(x_mm=5000.0, y_mm=12000.0)])])
    zone = Site.of(d, 1500.0).door_zones[0]
    assert zone[3] == 12000.0 and zone[1] == 12000.0 - 1500.0  # the zone lies where the door opens
