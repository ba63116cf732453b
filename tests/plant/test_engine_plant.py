"""The plant in the engine's results: load flow per device, checks, and the kept graph following every change."""

from __future__ import annotations

import pytest

from tests.plant.conftest import make_plant
from workbench.calc import calculate
from workbench.calc.engine import Calculator
from workbench.model import Catalog
from workbench.model.connection_edits import RemoveConnections
from workbench.model.edits import SetBlockField


def _plant(catalog: Catalog):  # type: ignore[no-untyped-def]
    p = make_plant(catalog).cooled()
    p.add("pwr.transformer-2500kva", "TX")
    p.add("pwr.ups-500kw", "UPS")
    p.add("pwr.pdu-250kva", "PDU")
    p.wire("TX", "UPS")
    p.wire("UPS", "PDU")
    for r in range(4):
        p.add("rack.air-40kw", f"R{r}")
        p.wire("PDU", f"R{r}", "A")
    return p


def test_results_carry_each_devices_load_and_loss(catalog: Catalog) -> None:
    p = _plant(catalog)
    res = calculate(p.design, catalog)
    assert res.plant is not None and res.plant.connections == {"power": 6, "liquid": 0, "heat": 0}
    pdu = res.plant.device("PDU")
    ups = res.plant.device("PDU") and res.plant.device("UPS")
    assert pdu is not None and ups is not None
    assert pdu.load_kw == pytest.approx(160.0) and pdu.utilisation == pytest.approx(160.0 / 225.0)
    t = catalog.types["pwr.pdu-250kva"].power
    assert t is not None
    x = 160.0 / 225.0  # the WP113 loss at the PDU's own load
    assert pdu.loss_kw == pytest.approx(225.0 * (t.loss.a + t.loss.b * x + t.loss.c * x * x))
    assert ups.load_kw == pytest.approx(160.0 + pdu.loss_kw)  # what it feeds plus the PDU's loss
    doc = res.to_dict()["plant"]
    assert doc["racks_without_power"] == 0 and {d["block"] for d in doc["devices"]} >= {"TX", "UPS", "PDU"}
    # Single-corded in a 2N system, and a PDU over its rating: both named.
    p.design.assumptions.power_schemes["main"] = "2N"
    for r in range(4, 7):
        p.add("rack.air-40kw", f"R{r}")
        p.wire("PDU", f"R{r}", "A")
    codes = {c.code: c for c in calculate(p.design, catalog).checks}
    assert set(codes["single_corded_2n"].blocks) == {f"R{r}" for r in range(7)}
    assert codes["device_overloaded"].blocks == ("PDU",)


def test_a_kept_calculator_follows_connection_and_figure_edits(catalog: Catalog) -> None:
    p = _plant(catalog)
    calc = Calculator(catalog)
    assert not [c for c in calc.run(p.design).checks if c.code == "no_power_path"]
    cut = RemoveConnections([c.id for c in p.design.connections.values() if c.to_block == "R3"])
    cut.apply(p.design)
    lost = [c for c in calc.run(p.design).checks if c.code == "no_power_path"]
    assert lost and lost[0].blocks == ("R3",)
    cut.revert(p.design)
    res = calc.run(p.design)
    assert not [c for c in res.checks if c.code == "no_power_path"]
    assert res.plant is not None and res.plant.device("PDU").load_kw == pytest.approx(160.0)  # type: ignore[union-attr]
    # A figure edit (an override) reaches the load flow although the graph is kept.
    SetBlockField(["R0"], "it_kw", [10.0], override=True).apply(p.design)
    assert calc.run(p.design).plant.device("PDU").load_kw == pytest.approx(130.0)  # type: ignore[union-attr]
    # Replacing the whole connection set (as a scenario switch might) is noticed too.
    p.design.connections = {}
    assert calc.run(p.design).plant is None
