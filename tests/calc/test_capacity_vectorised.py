"""Redundancy capacity of many groups at once equals the one-group rule, and the results use it throughout."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.calc import calculate
from workbench.calc.redundancy import MAX_MODULES, capacities, capacity
from workbench.catalog import default_catalog
from workbench.io import load_design
from workbench.model import Catalog, Design
from workbench.paths import templates_dir

SCHEMES = ["N", "N+1", "N+2", "N+3", "2N", "2(N+1)", "2(N+2)", "DR"]

rating = st.one_of(st.integers(0, 5000).map(float), st.floats(1e-3, 1e5),
                   st.sampled_from([0.0, 333.3, 0.1, 1234.5678]))
group = st.tuples(st.lists(rating, max_size=12), st.sampled_from(SCHEMES),
                  st.one_of(st.sampled_from([0.0, 1.0, 450.0]), st.floats(0.0, 5e4)))


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-9)


@settings(max_examples=300, deadline=None)
@given(st.lists(group, max_size=8), st.one_of(st.sampled_from([0.0, 0.1, 0.2]), st.floats(0.0, 0.5)))
def test_capacities_equal_the_one_group_rule_for_every_scheme(groups: list[tuple[list[float], str, float]],
                                                             margin: float) -> None:
    caps = capacities([np.array(r, dtype=float) for r, _, _ in groups], [sc for _, sc, _ in groups], margin,
                      np.array([load for _, _, load in groups], dtype=float))
    for i, (ratings, scheme, load) in enumerate(groups):
        want = capacity(ratings, scheme, margin, load)
        assert caps.modules[i] == want.modules
        assert _close(caps.installed_kw[i], want.installed_kw), (ratings, scheme)
        assert _close(caps.usable_kw[i], want.usable_kw), (ratings, scheme, margin)
        assert int(caps.required_modules[i]) == want.required_modules, (ratings, scheme, load)


def test_spare_modules_are_the_largest_ones() -> None:
    caps = capacities([np.array([100.0, 500.0, 300.0]), np.array([100.0, 500.0, 300.0]), np.array([])],
                      ["N+1", "2(N+1)", "N+1"], 0.0, np.array([350.0, 350.0, 0.0]))
    assert caps.usable_kw.tolist() == [400.0, 0.0, 0.0]  # 2(N+1): half of 900 less the 500 kW spare, floored
    assert caps.installed_kw.tolist() == [900.0, 900.0, 0.0]
    # N+1 of 500 kW modules for 350 kW: one module plus one spare; 2(N+1): twice that; an empty group needs none.
    assert caps.required_modules.tolist() == [2.0, 4.0, 0.0]


def test_a_near_zero_module_size_gives_a_capped_count_not_a_crash() -> None:
    caps = capacities([np.array([1e-308]), np.array([1e-308])], ["N", "2(N+1)"], 0.1, np.array([450.0, 450.0]))
    assert caps.required_modules.tolist() == [MAX_MODULES, 2 * (MAX_MODULES + 1)]
    assert capacity([1e-308], "N", 0.1, 450.0).required_modules == int(MAX_MODULES)


def _rating(design: Design, catalog: Catalog, block_id: str, key: str) -> float:
    b = design.blocks[block_id]
    if key in b.overrides:
        return b.overrides[key]
    t = catalog.types[b.type_id]
    return t.power.rating_kw if key == "rating_kw" else getattr(t.cooling, key)


def test_results_equal_the_one_group_rule_for_each_group() -> None:
    catalog = default_catalog()
    design = load_design(templates_dir() / "halls" / "nvl72-hall-10mw-2n.dchall.json", catalog).design
    design.assumptions.values["design_margin"] = 0.15
    ups = [b for b in design.blocks.values() if b.type_id.startswith("pwr.ups")]
    ups[0].overrides["rating_kw"] = 333.3
    for name, scheme in zip(sorted({b.power_system for b in design.blocks.values()}), SCHEMES):
        design.assumptions.power_schemes[name] = scheme
    design.assumptions.cooling_schemes["heat_rejection"] = "N+2"
    r = calculate(design, catalog)
    found = 0
    for entries, key in ((r.power["systems"], "rating_kw"), (r.cooling["air"], "air_kw"),
                         (r.cooling["liquid"], "liquid_kw"), (r.cooling["heat_rejection"], "heat_rejection_kw")):
        for e in entries:
            want = capacity([_rating(design, catalog, bid, key) for bid in e["blocks"]], e["scheme"], 0.15,
                            e["load_kw"])
            assert e["modules"] == want.modules and e["required_modules"] == want.required_modules
            assert _close(e["installed_kw"], want.installed_kw) and _close(e["usable_kw"], want.usable_kw)
            assert e["redundancy_met"] is (e["load_kw"] <= e["usable_kw"] + 1e-9)
            found += 1
    assert found >= 6 and math.isfinite(r.power["it_kw"])


@pytest.mark.parametrize("override_kw", [None, 333.3])
def test_ride_through_is_stored_energy_over_load(override_kw: float | None) -> None:
    catalog = default_catalog()
    design = load_design(templates_dir() / "halls" / "ai-pod-room-1mw.dchall.json", catalog).design
    batteries = [b for b in design.blocks.values() if catalog.types[b.type_id].power is not None
                 and catalog.types[b.type_id].power.stage == "storage"]
    assert batteries
    if override_kw is not None:
        batteries[0].overrides["rating_kw"] = override_kw
    stores = [e for e in calculate(design, catalog).power["systems"] if e["role"] == "storage"]
    assert stores
    for e in stores:
        ratings = np.array([_rating(design, catalog, bid, "rating_kw") for bid in e["blocks"]])
        minutes = np.array([catalog.types[design.blocks[bid].type_id].power.battery_min for bid in e["blocks"]])
        assert _close(e["ride_through_min"], float((ratings * minutes).sum() / e["load_kw"]))
