"""Properties of the connected plant: monotone failures, every shipped template wired, 2N without a SPOF."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbench.calc.autoconnect_rules import derive_connections
from workbench.calc.contingency import contingency, infrastructure_components
from workbench.calc.failure import FailureAnalysis
from workbench.catalog import default_catalog
from workbench.io import load_design
from workbench.model import Design
from workbench.paths import templates_dir

HALLS = sorted((templates_dir() / "halls").glob("*.dchall.json"))
MODULES = sorted((templates_dir() / "modules").glob("*.dchall.json"))


def _wired(path: Path) -> Design:
    """The template as shipped, rewired from scratch by auto-connect."""
    catalog = default_catalog()
    d = load_design(path, catalog).design
    d.connections = {c.id: c for c in derive_connections(d, catalog).connections}
    d.connections_version += 1
    return d


@lru_cache(maxsize=None)
def _analysis(name: str) -> FailureAnalysis:
    return FailureAnalysis(_wired(templates_dir() / "halls" / name), default_catalog())


def test_there_are_templates_to_check() -> None:
    assert len(HALLS) >= 7 and len(MODULES) >= 4


@pytest.mark.parametrize("path", HALLS, ids=lambda p: p.name)
def test_auto_connect_of_every_hall_template_leaves_no_rack_unfed(path: Path) -> None:
    fa = FailureAnalysis(_wired(path), default_catalog())
    racks = np.flatnonzero(fa.g.is_rack)
    assert len(racks)
    unpowered = [fa.g.ids[r] for r in racks if not fa.normal_state.powered[r]]
    uncooled = [fa.g.ids[r] for r in racks if not fa.normal_state.cooled[r]]
    assert unpowered == [] and uncooled == []


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_auto_connect_of_every_module_wires_every_rack_inside_it(path: Path) -> None:
    """A pod takes its supply from the host hall, so its racks are wired to the pod's own distribution
    and CDUs (where it has them); what is left unfed is the pod's distribution, waiting for the host."""
    catalog = default_catalog()
    d = load_design(path, catalog).design
    derived = derive_connections(d, catalog)
    fed = {(c.to_block, c.kind) for c in derived.connections}
    kinds = {t.id: t for t in catalog.types.values()}
    for b in d.blocks.values():
        t = kinds[b.type_id]
        if t.rack is None:
            continue
        takes = {v for p in t.ports if p.kind == "power" and p.direction == "in" for v in p.voltages}
        sources = {v for x in d.blocks.values() if kinds[x.type_id].category == "power"
                   for p in kinds[x.type_id].ports if p.direction == "out" for v in p.voltages}
        if takes & sources:
            assert (b.id, "power") in fed, b.name
        else:  # nothing in the pod delivers what it takes (AC network racks in an 800 V DC pod): said so
            assert b.id in derived.unfed, b.name
        if t.port("liquid") is not None and any(kinds[x.type_id].kind == "cdu" for x in d.blocks.values()):
            assert (b.id, "liquid") in fed, b.name
    assert all(d.blocks[u].type_id.startswith(("pwr.", "cool.")) or kinds[d.blocks[u].type_id].rack is not None
               for u in derived.unfed)


def test_a_2n_template_has_no_single_point_of_failure() -> None:
    res = contingency(_analysis("nvl72-hall-10mw-2n.dchall.json").design, default_catalog(),
                      analysis=_analysis("nvl72-hall-10mw-2n.dchall.json"))
    assert res.components > 100
    assert res.spofs == ()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), name=st.sampled_from(["ai-liquid-hall-sample.dchall.json", "nvl72-hall-10mw-2n.dchall.json",
                                              "colocation-mixed-density.dchall.json"]))
def test_failing_more_never_brings_a_rack_back(data: st.DataObject, name: str) -> None:
    fa = _analysis(name)
    comps = [fa.g.row[c] for c in infrastructure_components(fa)]
    small = data.draw(st.sets(st.sampled_from(comps), max_size=6))
    more = small | data.draw(st.sets(st.sampled_from(comps), max_size=6))
    a = np.zeros(fa.g.n, dtype=bool)
    a[list(small)] = True
    b = a.copy()
    b[list(more)] = True
    sa, sb = fa.state(a), fa.state(b)
    racks = fa.g.is_rack
    assert not (racks & sa.powered.__invert__() & sb.powered).any()  # dark with less, lit with more: never
    assert not (racks & ~sa.cooled & sb.cooled).any()
    assert not (~sa.op & sb.op).any()
    # And the load flow never produces a negative or NaN load.
    _, flow = fa.evaluate(b)
    assert flow is not None and np.isfinite(flow.load_kw).all() and (flow.load_kw >= 0).all()
