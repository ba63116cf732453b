"""The shipped 10 MW "2N power" hall passes its own N-1 analysis: 2N from the MV switchgear down to the racks."""

from __future__ import annotations

import pytest

from workbench.calc import calculate
from workbench.calc.contingency import contingency
from workbench.calc.failure import fail
from workbench.io import load_design
from workbench.model.blocktype import Catalog
from workbench.model.design import Design
from workbench.paths import templates_dir

HALL_2N = templates_dir() / "halls" / "nvl72-hall-10mw-2n.dchall.json"
UTILITY_KINDS = ("mv-switchgear", "transformer", "generator")


@pytest.fixture(scope="module")
def design(catalog: Catalog) -> Design:
    loaded = load_design(HALL_2N, catalog)
    assert loaded.problems == []
    return loaded.design


def _named(design: Design, prefix: str) -> list[str]:
    return [b.id for b in design.blocks.values() if b.name.startswith(prefix)]


def test_n1_finds_no_spof_no_overload_and_both_verdicts_hold(design: Design, catalog: Catalog) -> None:
    """The file as shipped, with its own connections: what the contingency panel shows a customer."""
    res = contingency(design, catalog, depth=1)
    assert res.components > 150  # every UPS, PDU, transformer, switchgear, CDU, fan wall and chiller
    assert res.spofs == ()
    assert res.overloads == () and res.worst_overload is None
    assert res.concurrently_maintainable.holds, res.concurrently_maintainable.breakers
    assert res.fault_tolerant.holds, res.fault_tolerant.breakers


def test_the_utility_stages_are_split_into_an_a_and_a_b_path(design: Design, catalog: Catalog) -> None:
    """Each side's MV switchgear feeds only its own transformers, which feed only that side's UPS modules."""
    kind = {b.id: catalog.types[b.type_id].kind for b in design.blocks.values()}
    name = {b.id: b.name for b in design.blocks.values()}
    wired = [c for c in design.connections.values() if c.kind == "power"
             and kind[c.from_block] in ("mv-switchgear", "transformer") and c.to_port != "gen"]
    assert {name[c.from_block].split("-")[0] for c in wired} == {"MV", "TX"}
    for c in wired:
        side = name[c.from_block].split("-")[1]
        assert name[c.to_block].split("-")[1] == side and c.side == side, (name[c.from_block], name[c.to_block])
    for c in design.connections.values():  # generators start on their own side's MV bus
        if kind[c.from_block] == "generator":
            assert name[c.from_block].split("-")[1] == name[c.to_block].split("-")[1]


@pytest.mark.parametrize("side", ["A", "B"])
def test_losing_a_whole_utility_side_drops_no_rack_and_overloads_nothing(design: Design, catalog: Catalog,
                                                                          side: str) -> None:
    """Both MV line-ups of one side out (a utility path lost): the other side carries every rack."""
    out = fail(design, catalog, _named(design, f"MV-{side}-"))
    assert len(out.failed) == 2
    assert out.it_lost_kw == 0.0 and out.dark == ()
    assert out.overloaded == ()
    other = "B" if side == "A" else "A"
    carried = [out.load_kw[t] for t in _named(design, f"TX-{other}-")]
    assert len(carried) == 6 and min(carried) > 0  # the surviving side really took the load
    assert all(out.load_kw.get(t, 0.0) == 0.0 for t in _named(design, f"TX-{side}-"))


def test_each_side_alone_carries_the_whole_facility_with_the_design_margin(design: Design,
                                                                           catalog: Catalog) -> None:
    """The pooled capacity table (IT, losses and cooling) under 2N at every stage, every row met."""
    r = calculate(design, catalog)
    assert r.checks == []
    rows = {(e["name"], e["role"]): e for e in r.power["systems"]}
    for kind in UTILITY_KINDS:
        row = next(e for (_, role), e in rows.items() if role == f"utility:{kind}")
        assert row["scheme"] == "2N"
        assert row["load_kw"] > r.it_load_kw  # the utility stages carry the cooling too
        assert row["redundancy_met"] and row["load_kw"] <= row["usable_kw"], row
    for e in r.power["systems"]:
        assert e["redundancy_met"] and e["within_installed"], e


def test_no_pair_of_utility_or_ups_components_loses_it(design: Design, catalog: Catalog) -> None:
    """N-2 within a system: only a rack's two PDU whips or two of the five CDUs together lose IT."""
    res = contingency(design, catalog, depth=2)
    assert res.pairs  # the N+1 CDUs and PDU pairs are found, so the search did run
    kinds = {catalog.types[design.blocks[b].type_id].kind for p in res.pairs for b in p.failed}
    assert kinds.isdisjoint({*UTILITY_KINDS, "ups"}), kinds
