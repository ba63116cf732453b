"""The drag preview's rules are the checks' rules: for random layouts, MovingPreview flags exactly the blocks
that the calculation's checks report in a placement finding with a moved block, at the same severity (the oracle
is calc itself)."""

from __future__ import annotations

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbench.calc.engine import Calculator
from workbench.catalog import default_catalog, new_design
from workbench.geometry.placement import Layout, MovingPreview, Site
from workbench.model.assumptions import effective_assumptions
from workbench.model.design import Block, Column, Design, Door, Hall
from workbench.model.edits import MoveBlocks

CATALOG = default_catalog()
# Racks with front and rear clearances, a CRAH with a front only, an RDHx with a rear only, a busway with none.
TYPES = ["rack.gb200-nvl72", "rack.kyber-600kw", "cool.crah-150", "cool.rdhx-50", "pwr.busway-800a",
         "net.spine"]
PLACEMENT_CODES = {"overlap", "outside_hall", "clearance", "door_blocked"}
RECT = [(0.0, 0.0), (14000.0, 0.0), (14000.0, 9000.0), (0.0, 9000.0)]
L_SHAPE = [(16000.0, 0.0), (28000.0, 0.0), (28000.0, 5000.0), (21000.0, 5000.0), (21000.0, 9000.0), (16000.0, 9000.0)]

coord_x = st.floats(-2000.0, 30000.0, allow_nan=False).map(lambda v: round(v / 50.0) * 50.0)
coord_y = st.floats(-2000.0, 11000.0, allow_nan=False).map(lambda v: round(v / 50.0) * 50.0)
blocks = st.lists(st.tuples(st.sampled_from(TYPES), coord_x, coord_y, st.sampled_from([0, 90, 180, 270]),
                            st.integers(0, 2)), min_size=1, max_size=14)
columns = st.lists(st.tuples(coord_x, coord_y), max_size=3)
doors = st.lists(st.tuples(st.sampled_from([0, 1]), st.floats(0.1, 0.9), st.sampled_from([0, 90])), max_size=3)


def _design(spec: list, cols: list, door_spec: list, depth_mm: float) -> Design:
    design = new_design(CATALOG)
    a = Hall(id="a", name="A", outline=list(RECT))
    b = Hall(id="b", name="B", outline=list(L_SHAPE))
    a.columns = [Column(x_mm=x, y_mm=y) for x, y in cols]
    for hall_no, t, rot in door_spec:
        hall = (a, b)[hall_no]
        if rot == 0:  # along the bottom wall
            x0, x1 = hall.outline[0][0], hall.outline[1][0]
            hall.doors.append(Door(x_mm=x0 + (x1 - x0) * t, y_mm=0.0, rotation_deg=0))
        else:  # along the left wall
            hall.doors.append(Door(x_mm=hall.outline[0][0], y_mm=9000.0 * t, rotation_deg=90))
    design.halls = [a, b]
    design.assumptions.values["door_clear_depth_mm"] = depth_mm
    for k, (type_id, x, y, rot, hall_no) in enumerate(spec):
        # hall 2 is an id no hall has: the checks count it as the first hall
        hall_id = ("a", "b", "gone")[hall_no]
        blk = Block(type_id=type_id, x_mm=x, y_mm=y, rotation_deg=rot, hall_id=hall_id, name=f"B{k}")
        design.blocks[blk.id] = blk
    return design


def _calc_flags(design: Design, moving: set[str]) -> dict[str, str]:
    """Blocks in a placement check that involves a moving block, at their worst severity, as the calculation says."""
    out: dict[str, str] = {}
    for check in Calculator(CATALOG).run(design).checks:
        if check.code in PLACEMENT_CODES and moving & set(check.blocks):
            for bid in check.blocks:
                if out.get(bid) != "error":
                    out[bid] = check.severity
    return out


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(spec=blocks, cols=columns, door_spec=doors, depth=st.sampled_from([0.0, 1500.0, 3000.0]),
       pick=st.sets(st.integers(0, 13), min_size=1, max_size=5),
       dx=st.floats(-9000.0, 9000.0).map(round), dy=st.floats(-6000.0, 6000.0).map(round))
def test_the_drag_preview_flags_exactly_what_the_checks_flag(spec, cols, door_spec, depth, pick, dx, dy) -> None:  # type: ignore[no-untyped-def]
    design = _design(spec, cols, door_spec, depth)
    ids = list(design.blocks)
    moving = [ids[k] for k in sorted(pick) if k < len(ids)] or ids[:1]
    layout = Layout.of(design, CATALOG)
    row = {bid: r for r, bid in enumerate(layout.ids)}
    site = Site.of(design, effective_assumptions(design, CATALOG)["door_clear_depth_mm"])
    preview = MovingPreview(layout, site, [row[i] for i in moving])
    shown = preview.severities(dx, dy)
    assert set(shown) == preview.flagged_ids(dx, dy)
    MoveBlocks(moving, [(design.blocks[i].x_mm + dx, design.blocks[i].y_mm + dy) for i in moving]).apply(design)
    assert shown == _calc_flags(design, set(moving))


def test_the_oracle_sees_every_rule_the_preview_knows() -> None:
    """One hand-made layout where each rule fires once, so the random test above is not vacuous."""
    design = _design([("rack.gb200-nvl72", 3000.0, 3000.0, 0, 0), ("rack.gb200-nvl72", 3300.0, 3000.0, 0, 0),
                      ("rack.gb200-nvl72", 8000.0, 3000.0, 0, 0), ("rack.gb200-nvl72", 8000.0, 1500.0, 0, 0),
                      ("rack.gb200-nvl72", 12000.0, 4000.0, 0, 1), ("rack.gb200-nvl72", 5000.0, 6000.0, 0, 0),
                      ("rack.gb200-nvl72", 10000.0, 700.0, 180, 0)],
                     [(5000.0, 6000.0)], [(0, 0.72, 0)], 1500.0)
    codes = {c.code for c in Calculator(CATALOG).run(design).checks if c.code in PLACEMENT_CODES}
    forms = {c.param_dict().get("form") for c in Calculator(CATALOG).run(design).checks if c.code == "overlap"}
    assert codes == PLACEMENT_CODES and "column" in forms
    layout = Layout.of(design, CATALOG)
    site = Site.of(design, 1500.0)
    everyone = MovingPreview(layout, site, range(len(layout.ids)))
    assert everyone.severities(0.0, 0.0) == _calc_flags(design, set(design.blocks))
    assert "warning" in everyone.severities(0.0, 0.0).values()
    assert len(site.columns) == 1 and len(site.door_zones) == 1
    assert np.allclose(site.door_zones[0], (10080.0 - 900.0, 0.0, 10080.0 + 900.0, 1500.0))
