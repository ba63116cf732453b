"""The single-line and cooling layouts: stage order, every block drawn once, readable width on a 10 MW hall."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.calc.ten_mw_hall import ten_mw_hall
from workbench.calc.plant_layout import MAX_SLOTS, UTILITY, DiagramLayout, cooling_layout, single_line_layout
from workbench.catalog import default_catalog
from workbench.io import load_design
from workbench.model.blocktype import Catalog
from workbench.model.design import Design
from workbench.paths import sample_design_path

TEN_MW_2N = Path(__file__).resolve().parents[2] / "templates" / "halls" / "nvl72-hall-10mw-2n.dchall.json"


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return default_catalog()


def _members(layout: DiagramLayout) -> list[str]:
    return [m for n in layout.nodes if not n.virtual for m in n.members]


def _check_shape(layout: DiagramLayout) -> None:
    ids = {n.block_id for n in layout.nodes}
    for e in layout.edges:
        assert e.src in ids and e.dst in ids
        src, dst = layout.node(e.src), layout.node(e.dst)
        assert src is not None and dst is not None and src.level < dst.level  # every run flows downwards
    for level in range(int(layout.height)):
        xs = sorted(n.x for n in layout.nodes if n.level == level)
        assert all(b - a >= 1.0 - 1e-9 for a, b in zip(xs, xs[1:]))  # no two boxes on one slot
        assert all(0 <= x <= layout.width for x in xs)


def test_power_levels_run_from_the_grid_to_the_loads(catalog: Catalog) -> None:
    design = load_design(sample_design_path(), catalog).design
    layout = single_line_layout(design, catalog)
    assert layout.levels[0] == "Utility" and layout.levels[-1] == "Loads"
    _check_shape(layout)
    level_of = {m: n.level for n in layout.nodes for m in n.members}
    kinds = {b.id: catalog.get(b.type_id).kind for b in design.blocks.values()}
    order = ["mv-switchgear", "transformer", "ups", "pdu", "rack"]
    depth = [min(level_of[b] for b, k in kinds.items() if k == kind and b in level_of) for kind in order]
    assert depth == sorted(depth) and len(set(depth)) == len(depth)
    assert layout.node(UTILITY) is not None and layout.node(UTILITY).level == 0
    # Every block with a power connection appears exactly once.
    powered = {x for c in design.connections.values() if c.kind == "power" for x in (c.from_block, c.to_block)}
    drawn = _members(layout)
    assert sorted(drawn) == sorted(powered)


@pytest.mark.parametrize("build", ["template_2n", "air_250_racks"])
def test_a_10_mw_hall_stays_readable(catalog: Catalog, build: str) -> None:
    design: Design = (load_design(TEN_MW_2N, catalog).design if build == "template_2n" else ten_mw_hall(catalog))
    racks = [b.id for b in design.blocks.values() if catalog.get(b.type_id).is_rack]
    assert len(racks) > MAX_SLOTS  # wide enough that drawing each rack would not fit
    layout = single_line_layout(design, catalog)
    _check_shape(layout)
    assert layout.width <= MAX_SLOTS
    drawn = _members(layout)
    assert len(drawn) == len(set(drawn))
    assert set(racks) <= set(drawn)  # grouped, never dropped
    groups = [n for n in layout.nodes if n.group]
    assert groups and all(n.label.startswith(f"{len(n.members)} × ") for n in groups)
    # A group of racks hangs from the distribution that feeds its A cords.
    by_member = {m: n.block_id for n in layout.nodes for m in n.members}
    for n in groups:
        if n.members[0] in racks:
            feeds = {by_member[c.from_block] for c in design.connections.values()
                     if c.to_block in n.members and c.kind == "power"}
            drawn_feeds = {e.src for e in layout.edges if e.dst == n.block_id}
            assert feeds == drawn_feeds


def test_cooling_schematic_runs_heat_rejection_to_cdus_to_racks(catalog: Catalog) -> None:
    design = load_design(TEN_MW_2N, catalog).design
    layout = cooling_layout(design, catalog)
    _check_shape(layout)
    assert layout.levels[0] == "Heat rejection" and layout.levels[-1] == "Racks"
    level_of = {m: n.level for n in layout.nodes for m in n.members}
    for b in design.blocks.values():
        kind = catalog.get(b.type_id).kind
        if kind in ("chiller", "tower", "drycooler"):
            assert level_of[b.id] == 0
        elif kind == "cdu":
            assert 0 < level_of[b.id] < len(layout.levels) - 1
    # The loop level: heat rejection feeds its loop (by name), the loop feeds its CDUs and air units.
    assert layout.levels[1] == "Loop"
    loops = {n.block_id for n in layout.nodes if n.block_id.startswith("@loop:")}
    assert loops
    into = {e.dst: e.src for e in layout.edges}
    for b in design.blocks.values():
        t = catalog.get(b.type_id)
        if t.kind == "cdu" and t.port("heat") is not None:
            assert into[b.id] in loops
        if t.kind in ("chiller", "tower", "drycooler"):
            assert any(e.src == b.id and e.dst in loops for e in layout.edges)
    liquid_racks = {c.to_block for c in design.connections.values() if c.kind == "liquid"}
    assert liquid_racks and liquid_racks <= set(_members(layout))
