"""The effective assumptions are merged in one function, and the calculation, report and file layer all use it."""

from __future__ import annotations

from workbench.calc.engine import Calculator
from workbench.catalog import default_catalog, new_design
from workbench.io.project import dumps, loads_design
from workbench.model.assumptions import effective_assumptions, fill_defaults
from workbench.model.design import Block, Design, Door, Hall
from workbench.report.bom import build_bom
from workbench.report.options import ReportOptions

CATALOG = default_catalog()


def test_design_values_win_over_defaults_and_unknown_keys_are_kept() -> None:
    design = Design()
    design.assumptions.values.update({"door_clear_depth_mm": 2500.0, "legacy_knob": 1.0})
    values = effective_assumptions(design, CATALOG)
    assert values["door_clear_depth_mm"] == 2500.0
    assert values["legacy_knob"] == 1.0
    assert values["gravity_m_s2"] == CATALOG.parameters["gravity_m_s2"].default
    assert set(CATALOG.parameters) <= set(values)
    assert design.assumptions.values == {"door_clear_depth_mm": 2500.0, "legacy_knob": 1.0}  # not written back


def test_fill_defaults_adds_only_what_is_missing() -> None:
    values = {"door_clear_depth_mm": 2500.0}
    fill_defaults(values, CATALOG)
    assert values["door_clear_depth_mm"] == 2500.0 and set(values) == set(CATALOG.parameters)


def test_a_loaded_file_a_new_design_and_the_calculation_see_the_same_values() -> None:
    design = new_design(CATALOG)
    assert design.assumptions.values == effective_assumptions(Design(), CATALOG)
    design.halls = [Hall(id="h", outline=[(0, 0), (10000, 0), (10000, 8000), (0, 8000)],
                         doors=[Door(x_mm=5000.0, y_mm=0.0)])]
    rack = Block("rack.gb200-nvl72", 5000.0, 2200.0, hall_id="h")  # 1.6 m in: clear of 1.5 m, inside 2.5 m
    design.blocks[rack.id] = rack
    assert "door_blocked" not in {c.code for c in Calculator(CATALOG).run(design).checks}
    design.assumptions.values["door_clear_depth_mm"] = 2500.0
    del design.assumptions.values["ai_build_premium"]  # as in a file from before the parameter existed
    loaded = loads_design(dumps(design), CATALOG).design
    assert loaded.assumptions.values == effective_assumptions(design, CATALOG)
    assert loaded.assumptions.values["door_clear_depth_mm"] == 2500.0
    assert "door_blocked" in {c.code for c in Calculator(CATALOG).run(design).checks}
    design.assumptions.values["ai_build_premium"] = 0.25
    bom = build_bom(design, CATALOG, ReportOptions())
    assert bom.pricing.premium == 0.25
