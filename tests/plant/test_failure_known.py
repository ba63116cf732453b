"""Failure injection and N-1 on hand-built topologies whose answers are known from the single-line diagram."""

from __future__ import annotations

import pytest

from tests.plant.conftest import make_plant
from workbench.calc.contingency import contingency
from workbench.calc.failure import FailureAnalysis, fail
from workbench.model import Catalog


def _two_n(catalog: Catalog):  # type: ignore[no-untyped-def]
    """Two transformers, two UPSs, four PDUs; eight 20 kW racks, cord A from side A, cord B from side B."""
    p = make_plant(catalog, "2N").cooled()
    for side in "AB":
        p.add("pwr.transformer-2500kva", f"TX-{side}")
        p.add("pwr.ups-500kw", f"UPS-{side}")
        p.wire(f"TX-{side}", f"UPS-{side}", side=side)
        for k in (1, 2):
            p.add("pwr.pdu-250kva", f"PDU-{side}{k}")
            p.wire(f"UPS-{side}", f"PDU-{side}{k}", side=side)
    for r in range(8):
        p.add("rack.air-20kw", f"R{r}")
        k = 1 + r // 4
        p.wire(f"PDU-A{k}", f"R{r}", "A", side="A")
        p.wire(f"PDU-B{k}", f"R{r}", "B", side="B")
    return p


def test_two_n_fail_side_a_puts_everything_on_b_at_full_load(catalog: Catalog) -> None:
    p = _two_n(catalog)
    fa = FailureAnalysis(p.design, catalog)
    normal = dict(zip(fa.g.ids, fa.normal.load_kw.tolist()))
    assert normal["PDU-A1"] == pytest.approx(40.0) and normal["PDU-B1"] == pytest.approx(40.0)  # half of 4 × 20 kW
    for failed in (["UPS-A"], ["TX-A"], ["PDU-A1", "PDU-A2"]):
        r = fa.run(failed)
        assert r.dark == () and r.it_lost_kw == 0.0
        # Side B carries 100 % of the IT load: each B PDU its four racks' whole 80 kW.
        assert r.load_kw["PDU-B1"] == pytest.approx(80.0) and r.load_kw["PDU-B2"] == pytest.approx(80.0)
        # The UPS carries what its PDUs draw: their load plus each PDU's own WP113 loss at 80 kW.
        _, flow = fa.evaluate(fa.mask(failed))
        assert flow is not None
        pdu_in = sum(flow.input_kw[fa.g.row[f"PDU-B{k}"]] for k in (1, 2))
        assert r.load_kw["UPS-B"] == pytest.approx(pdu_in) and 160.0 < pdu_in < 165.0
        assert r.load_kw["PDU-A1"] == 0.0
        assert set(failed) <= set(r.not_operating)
    assert "PDU-A1" in fa.run(["UPS-A"]).not_operating  # what a failed UPS feeds stops with it
    # Both sides lost: everything dark, named.
    both = fail(p.design, catalog, ["UPS-A", "UPS-B"])
    assert set(both.dark_power) == {f"R{r}" for r in range(8)} and both.it_lost_kw == pytest.approx(160.0)


def test_two_n_has_no_single_point_of_failure_and_is_maintainable(catalog: Catalog) -> None:
    res = contingency(_two_n(catalog).design, catalog)
    assert res.spofs == ()
    assert res.concurrently_maintainable.holds, res.concurrently_maintainable
    # Both cords have independent paths up to the grid: fault tolerant as well.
    assert res.fault_tolerant.holds, res.fault_tolerant


def _n_plus_1(catalog: Catalog):  # type: ignore[no-untyped-def]
    """Four 500 kW UPS modules on one bus (N+1 for 1,200 kW), six PDUs, thirty 40 kW racks."""
    p = make_plant(catalog, "N+1").cooled(crahs=6, coolers=3)  # 1,200 kW of room air, N+1 in both
    p.add("pwr.transformer-2500kva", "TX")
    for u in range(1, 5):
        p.add("pwr.ups-500kw", f"UPS-{u}")
        p.wire("TX", f"UPS-{u}")
    for k in range(6):
        p.add("pwr.pdu-250kva", f"PDU-{k}")
        for u in range(1, 5):
            p.wire(f"UPS-{u}", f"PDU-{k}")
    for r in range(30):
        p.add("rack.air-40kw", f"R{r:02d}")
        k = r // 5
        p.wire(f"PDU-{k}", f"R{r:02d}", "A")
        p.wire(f"PDU-{(k + 1) % 6}", f"R{r:02d}", "B")
    return p


def test_n_plus_1_one_module_lost_the_rest_share(catalog: Catalog) -> None:
    p = _n_plus_1(catalog)
    fa = FailureAnalysis(p.design, catalog)
    normal = {u: fa.normal.load_kw[fa.g.row[u]] for u in ("UPS-1", "UPS-2", "UPS-3", "UPS-4")}
    total = sum(normal.values())
    assert total == pytest.approx(1200.0 + sum(fa.normal.loss_kw[fa.g.row[f"PDU-{k}"]] for k in range(6)))
    assert normal["UPS-1"] == pytest.approx(total / 4)
    r = fa.run(["UPS-2"])
    assert r.dark == () and r.overloaded == ()
    for u in ("UPS-1", "UPS-3", "UPS-4"):  # three modules share the same load (PDU losses barely change)
        assert r.load_kw[u] == pytest.approx(total / 3, rel=1e-3)


def test_n_plus_1_two_modules_lost_names_the_dark_racks(catalog: Catalog) -> None:
    p = _n_plus_1(catalog)
    r = fail(p.design, catalog, ["UPS-1", "UPS-3"])
    # 2 × 500 kW cannot carry 1,200 kW: the bus drops and every rack it fed is named.
    assert r.dark_power == tuple(f"R{k:02d}" for k in range(30))
    assert r.it_lost_kw == pytest.approx(1200.0)
    assert {"UPS-1", "UPS-3", "UPS-2", "UPS-4"} <= set(r.not_operating) or "PDU-0" in r.not_operating


def _distributed(catalog: Catalog):  # type: ignore[no-untyped-def]
    """Four UPS lineups, each with its PDU; twelve 40 kW racks, two on every pair of lineups (4 to make 3)."""
    p = make_plant(catalog, "DR").cooled()
    p.add("pwr.transformer-2500kva", "TX")
    for u in range(4):
        p.add("pwr.ups-500kw", f"UPS-{u}")
        p.wire("TX", f"UPS-{u}")
        p.add("pwr.pdu-250kva", f"PDU-{u}")
        p.wire(f"UPS-{u}", f"PDU-{u}")
    pairs = [(i, j) for i in range(4) for j in range(i + 1, 4)]
    for n, (i, j) in enumerate(pairs * 2):
        p.add("rack.air-40kw", f"R{n:02d}")
        p.wire(f"PDU-{i}", f"R{n:02d}", "A")
        p.wire(f"PDU-{j}", f"R{n:02d}", "B")
    return p


def test_distributed_redundancy_each_other_system_takes_a_third(catalog: Catalog) -> None:
    p = _distributed(catalog)
    fa = FailureAnalysis(p.design, catalog)
    before = {u: fa.normal.load_kw[fa.g.row[f"PDU-{u}"]] for u in range(4)}
    assert before == {u: pytest.approx(120.0) for u in range(4)}  # 3 pairs × 2 racks × 20 kW
    r = fa.run(["UPS-0"])
    assert r.dark == ()
    for u in (1, 2, 3):
        assert r.load_kw[f"PDU-{u}"] - before[u] == pytest.approx(before[0] / 3)
    ups_gain = [r.load_kw[f"UPS-{u}"] - fa.normal.load_kw[fa.g.row[f"UPS-{u}"]] for u in (1, 2, 3)]
    assert ups_gain == [pytest.approx(ups_gain[0])] * 3  # the same third each, losses included


def test_single_transformer_is_a_single_point_of_failure(catalog: Catalog) -> None:
    p = _n_plus_1(catalog)
    res = contingency(p.design, catalog)
    spof = {s.block_id: s for s in res.spofs}
    assert set(spof) == {"TX"}
    assert spof["TX"].it_kw_lost == pytest.approx(1200.0) and len(spof["TX"].dark_racks) == 30
    assert not res.concurrently_maintainable.holds and "TX" in res.concurrently_maintainable.breakers
    assert "UPS-1" not in res.concurrently_maintainable.breakers  # N+1: one module can be taken out
    assert not res.fault_tolerant.holds and "TX" in res.fault_tolerant.breakers


def test_cooling_failures_darken_racks_for_cooling_only(catalog: Catalog) -> None:
    p = _two_n(catalog)
    assert fail(p.design, catalog, ["DRY1"]).dark == ()  # one dry cooler carries 160 kW
    r = fail(p.design, catalog, ["DRY1", "DRY2"])  # no heat rejection: the CRAHs stop, the racks lose air
    assert set(r.dark_cooling) == {f"R{k}" for k in range(8)} and r.dark_power == ()
    assert {"CRAH1", "CRAH2"} <= set(r.not_operating)
    one = fail(p.design, catalog, ["CRAH1"])  # 300 kW left for 160 kW of rack air: nothing lost
    assert one.dark == ()


def test_clearing_the_failure_restores_everything(catalog: Catalog) -> None:
    p = _n_plus_1(catalog)
    fa = FailureAnalysis(p.design, catalog)
    assert fa.run(["UPS-1", "UPS-2"]).dark
    again = fa.run([])
    assert again.dark == () and again.overloaded == () and again.not_operating == ()


def test_overload_after_failover_is_reported_with_its_rating(catalog: Catalog) -> None:
    p = _two_n(catalog)
    for k in range(8, 16):  # eight more racks on the A1/B1 pair: 120 kW each side, 240 kW after failover
        p.add("rack.air-20kw", f"R{k}")
        p.wire("PDU-A1", f"R{k}", "A", side="A")
        p.wire("PDU-B1", f"R{k}", "B", side="B")
    r = fail(p.design, catalog, ["PDU-A1"])
    assert r.dark == ()
    worst = r.overloaded[0]
    assert worst.block_id == "PDU-B1" and worst.load_kw == pytest.approx(160.0 + 80.0)
    assert worst.rating_kw == pytest.approx(225.0) and worst.utilisation == pytest.approx(240.0 / 225.0)


def test_auto_connect_builds_distributed_redundancy_that_shares_a_lost_lineup_in_thirds(catalog: Catalog) -> None:
    """The same answer from auto-connect's own wiring: four lineups, every rack on two, pairs cycled."""
    from workbench.calc.autoconnect_rules import derive_connections

    p = make_plant(catalog, "DR").cooled(crahs=3)
    p.add("pwr.transformer-2500kva", "TX")
    for u in range(4):
        p.add("pwr.ups-500kw", f"UPS-{u}")
    for k in range(4):
        p.add("pwr.pdu-250kva", f"PDU-{k}")
    for r in range(12):
        p.add("rack.air-40kw", f"R{r:02d}")
    d = p.design
    d.connections = {c.id: c for c in derive_connections(d, catalog).connections}
    feeds = {(c.from_block, c.to_block) for c in d.connections.values() if c.to_block.startswith("PDU")}
    assert feeds == {(f"UPS-{k}", f"PDU-{k}") for k in range(4)}  # one lineup per UPS module
    fa = FailureAnalysis(d, catalog)
    before = [fa.normal.load_kw[fa.g.row[f"UPS-{u}"]] for u in range(4)]
    assert before == [pytest.approx(before[0])] * 4
    r = fa.run(["UPS-0"])
    assert r.dark == ()
    gains = [r.load_kw[f"UPS-{u}"] - before[u] for u in (1, 2, 3)]
    assert gains == [pytest.approx(before[0] / 3, rel=0.01)] * 3


def test_auto_connect_builds_two_n_with_a_and_b_from_different_sides(catalog: Catalog) -> None:
    from workbench.calc.autoconnect_rules import derive_connections

    p = make_plant(catalog, "2N").cooled()
    for k in range(2):
        p.add("pwr.transformer-2500kva", f"TX{k}")
        p.add("pwr.ups-500kw", f"UPS{k}")
    for k in range(4):
        p.add("pwr.pdu-250kva", f"PDU{k}")
    for r in range(8):
        p.add("rack.air-20kw", f"R{r}")
    d = p.design
    d.connections = {c.id: c for c in derive_connections(d, catalog).connections}
    for r in range(8):
        cords = {c.to_port: c for c in d.connections.values() if c.to_block == f"R{r}"}
        assert set(cords) == {"A", "B"} and cords["A"].side == "A" and cords["B"].side == "B"
    fa = FailureAnalysis(d, catalog)
    for ups in ("UPS0", "UPS1"):
        res = fa.run([ups])
        assert res.dark == () and res.overloaded == ()
        other = "UPS1" if ups == "UPS0" else "UPS0"
        pdus = [c.to_block for c in d.connections.values() if c.from_block == other and c.to_block.startswith("PDU")]
        assert sum(res.load_kw[x] for x in pdus) == pytest.approx(160.0)  # the other side carries all 8 racks
    assert contingency(d, catalog).spofs == ()
