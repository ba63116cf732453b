"""Kept results never go stale: after each model edit, a recalculation on the same design (whose plant graph and
normal-operation analysis are kept between runs) equals a calculation of an identical copy from nothing."""

from __future__ import annotations

import copy
from dataclasses import replace
from collections.abc import Callable
from typing import Any

import pytest

from workbench.calc import Calculator, calculate
from workbench.catalog import default_catalog
from workbench.io import load_design
from workbench.model import Catalog, Design
from workbench.model.edits import Edit, MoveBlocks, SetBlockField
from workbench.paths import templates_dir


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return default_catalog()


def _template(name: str, catalog: Catalog) -> Design:
    return load_design(templates_dir() / "halls" / f"{name}.dchall.json", catalog).design


def _fresh(design: Design, catalog: Catalog) -> dict[str, Any]:
    """A calculation that can reuse nothing: the copy is a new design object, so no cache entry matches it."""
    return calculate(copy.deepcopy(design), catalog).to_dict()


def _blocks(design: Design, catalog: Catalog, pick: Callable[[Any], bool]) -> list[str]:
    return [b.id for b in design.blocks.values() if pick(catalog.types[b.type_id])]


def _check_edits(design: Design, catalog: Catalog, edits: list[Edit]) -> None:
    calc = Calculator(catalog)
    before = calc.run(design).to_dict()
    assert before == _fresh(design, catalog)
    for edit in edits:
        edit.apply(design)
        warm = calc.run(design).to_dict()
        assert warm == _fresh(design, catalog), edit
        assert Calculator(catalog).run(design).to_dict() == warm  # a new calculator shares the kept graph
    for edit in reversed(edits):
        edit.revert(design)
    assert calc.run(design).to_dict() == before


def test_block_edits_recalculate_like_a_fresh_run(catalog: Catalog) -> None:
    d = _template("enterprise-air-hall-2mw", catalog)
    assert d.connections
    racks = _blocks(d, catalog, lambda t: t.rack is not None)
    air = _blocks(d, catalog, lambda t: t.cooling is not None and t.cooling.air_kw > 0)
    halls = [h.id for h in d.halls]
    other_hall = next(h for h in halls if h != d.blocks[racks[0]].hall_id)
    b0 = d.blocks[racks[0]]
    edits: list[Edit] = [
        SetBlockField(racks[:5], "it_kw", [3.0 * k + 1.0 for k in range(5)], override=True),  # the flow's loads
        SetBlockField(racks[5:40], "hall_id", [other_hall]),  # air heat is shared per hall
        SetBlockField(air[:1], "hall_id", [other_hall]),
        SetBlockField(racks[:10], "power_system", ["other"]),
        SetBlockField(racks[:3], "cooling_loop", ["loop-x"]),
        SetBlockField(racks[:3], "name", ["renamed rack"]),
        MoveBlocks([b0.id], [(b0.x_mm + 600.0, b0.y_mm + 1200.0)]),  # run lengths follow the blocks
    ]
    _check_edits(d, catalog, edits)


def test_a_type_change_and_a_rename_show_in_the_graph_findings(catalog: Catalog) -> None:
    """Solid-state transformers feeding the AC sidecars are voltage mismatches naming both ends; renaming one of
    the transformers renames it in the finding (the graph is kept, the sentence must not be)."""
    d = _template("nextgen-800vdc-hall-20mw", catalog)
    trafos = [b.id for b in d.blocks.values() if b.type_id == "pwr.transformer-2500kva"]
    assert trafos
    to_sst = SetBlockField(trafos, "type_id", ["pwr.sst-5mw"])
    rename = SetBlockField(trafos[:1], "name", ["SST renamed"])
    _check_edits(d, catalog, [to_sst, rename])
    to_sst.apply(d)
    rename.apply(d)
    messages = [c.message for c in Calculator(catalog).run(d).checks if c.code == "voltage_mismatch"]
    assert any("SST renamed" in m for m in messages), messages[:3]


def test_another_catalog_gets_its_own_graph(catalog: Catalog) -> None:
    """The graph follows the types' ports: the same design under a catalog whose transformer delivers 800 V DC
    has the mismatches, and back under the shipped catalog it has none."""
    d = _template("nextgen-800vdc-hall-20mw", catalog)
    changed = replace(catalog, types=dict(catalog.types))  # default_catalog() is one shared object
    trafo = changed.types["pwr.transformer-2500kva"]
    changed.types[trafo.id] = replace(trafo, ports=tuple(
        replace(p, voltages=("dc_800",)) if p.kind == "power" and p.direction == "out" else p for p in trafo.ports))
    ok = Calculator(catalog).run(d).to_dict()
    assert not [c for c in ok["checks"] if c["code"] == "voltage_mismatch"]
    bad = Calculator(changed).run(d).to_dict()
    assert bad == calculate(copy.deepcopy(d), changed).to_dict()
    assert [c for c in bad["checks"] if c["code"] == "voltage_mismatch"]
    assert Calculator(catalog).run(d).to_dict() == ok


def test_designs_sharing_their_connections_share_a_graph_but_not_their_results(catalog: Catalog) -> None:
    """Scenario options hold the base's very connection objects, so one graph serves them all; each option's
    halls, types and names are its own, and its results are those of a calculation from nothing."""
    from workbench.calc.plant import PlantCache

    base = _template("enterprise-air-hall-2mw", catalog)
    racks = _blocks(base, catalog, lambda t: t.rack is not None)
    other_hall = next(h.id for h in base.halls if h.id != base.blocks[racks[0]].hall_id)
    options = [copy.copy(base) for _ in range(4)]
    for o in options:
        o.blocks = {k: copy.deepcopy(b) for k, b in base.blocks.items()}
        o.connections = dict(base.connections)  # the same Connection objects, as a scenario option has
    SetBlockField(racks[5:40], "hall_id", [other_hall]).apply(options[1])  # another hall: shares the graph
    other_type = next(t.id for t in catalog.types.values() if t.rack is not None and t.id != base.blocks[racks[0]].type_id)
    SetBlockField(racks[:2], "type_id", [other_type]).apply(options[2])  # another type: its own graph
    SetBlockField(racks[:3], "it_kw", [55.0], override=True).apply(options[3])
    results = [Calculator(catalog).run(d).to_dict() for d in [base, *options]]
    for d, got in zip([base, *options], results):
        assert got == _fresh(d, catalog)
    graphs = {id(d): e.graph for e in PlantCache._entries.values() for d in [base, *options] if e.ref() is d}
    assert graphs[id(options[0])] is not graphs[id(base)]  # a copy: each design has its own hall array
    assert graphs[id(options[0])].src is graphs[id(base)].src  # built once
    assert graphs[id(options[2])].src is not graphs[id(base)].src
    assert results[1] == results[0] and all(r != results[0] for r in results[2:])


def test_switching_scenario_back_finds_the_plant_it_left(catalog: Catalog) -> None:
    """A switch replaces the design's state in place; switching back returns to a plant whose graph (and
    normal-operation analysis) the cache still holds, and the results equal a calculation from nothing."""
    from workbench.calc.plant import PlantCache
    from workbench.scenarios import operations as ops

    d = _template("enterprise-air-hall-2mw", catalog)
    ops.create(d, "Fewer racks").apply(d)  # the new option becomes the active state
    option = d.active_scenario
    racks = _blocks(d, catalog, lambda t: t.rack is not None)
    SetBlockField(racks[:4], "it_kw", [5.0], override=True).apply(d)  # the option's own figures
    calc = Calculator(catalog)
    on_option = calc.run(d).to_dict()
    option_entry = PlantCache._entries[id(d)]
    ops.switch(d, "").apply(d)  # back to the base
    on_base = calc.run(d).to_dict()
    base_entry = PlantCache._entries[id(d)]
    assert on_base == _fresh(d, catalog) and on_base != on_option
    ops.switch(d, option).apply(d)
    again = calc.run(d).to_dict()
    assert PlantCache._entries[id(d)] is option_entry  # the graph and analysis built for the option
    assert again == on_option == _fresh(d, catalog)
    ops.switch(d, "").apply(d)
    assert calc.run(d).to_dict() == on_base and PlantCache._entries[id(d)] is base_entry
