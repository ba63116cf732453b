"""Run quantities: right-angle lengths with the riser allowance, cable/busway class by current, pipe by flow."""

from __future__ import annotations

import math

import pytest

from tests.plant.conftest import make_plant
from workbench.calc.runs import run_quantities
from workbench.catalog.run_prices import default_run_prices, parse_run_prices
from workbench.model import Catalog
from workbench.model.problems import InputError


def test_a_rack_cord_and_its_coolant_pipe(catalog: Catalog) -> None:
    p = make_plant(catalog).cooled()
    p.add("pwr.transformer-2500kva", "TX")
    p.add("pwr.pdu-250kva", "PDU")  # x = 13,000 mm
    p.add("rack.air-40kw", "R")  # x = 16,000 mm: 3 m along the row
    p.add("cool.cdu-1200", "CDU")  # x = 19,000 mm
    p.add("rack.gb200-nvl72", "G")  # x = 22,000 mm
    p.wire("TX", "PDU")
    c = p.wire("PDU", "R", "A")
    p.wire("PDU", "G", "A")
    liquid = p.wire("CDU", "G", "liquid", kind="liquid")
    p.design.assumptions.values["run_riser_drop_m"] = 3.0
    q = run_quantities(p.design, catalog, default_run_prices())
    runs = {r.connection_id: r for r in q.runs}
    cord = runs[c.id]
    assert cord.length_m == pytest.approx(3.0 + 3.0)
    # 40 kW at 415 V three-phase, power factor 0.95, 125 % for continuous load.
    assert cord.current_a == pytest.approx(40000 / (math.sqrt(3) * 415 * 0.95) * 1.25)
    assert cord.rating == "cable ≤ 125 A"
    pipe = runs[liquid.id]
    flow_m3_s = 132.0 * 0.85 / (995.7 * 4.178 * 10.0)  # the rack's liquid heat at its 10 K coolant rise
    assert pipe.flow_l_min == pytest.approx(flow_m3_s * 60000.0)
    assert math.sqrt(4 * flow_m3_s / (math.pi * 1.5)) * 1000 == pytest.approx(47.85, abs=0.01)  # → DN50
    assert pipe.rating == "DN50" and pipe.length_m == pytest.approx(3.0 + 3.0)
    dn50 = next(ln for ln in q.lines if ln.rating == "DN50")
    assert dn50.metres == pytest.approx(2 * 6.0)  # supply and return
    assert dn50.amount_usd == pytest.approx(12 * 125.0) and "DN50" in dn50.source
    # The riser allowance and design velocity are editable assumptions.
    p.design.assumptions.values["run_riser_drop_m"] = 0.0
    p.design.assumptions.values["liquid_design_velocity_m_s"] = 3.0
    q2 = {r.connection_id: r for r in run_quantities(p.design, catalog, default_run_prices()).runs}
    assert q2[c.id].length_m == pytest.approx(3.0) and q2[liquid.id].rating == "DN32"  # 33.8 mm at 3 m/s


def test_a_bad_price_list_names_the_entry() -> None:
    with pytest.raises(InputError) as err:
        parse_run_prices({"voltages_v": {"ac_lv": {"volts": -1}}, "power": [{"max_a": 63}], "liquid": []}, "p.json")
    where = {p.where for p in err.value.problems}
    assert where == {"p.json: voltages_v.ac_lv", "p.json: power[0]"}


def test_every_price_has_a_source() -> None:
    prices = default_run_prices()
    assert all(p.source and p.price_per_m > 0 for p in prices.power + prices.liquid)  # type: ignore[operator]
    assert [p.max_a for p in prices.power] == sorted(p.max_a for p in prices.power)


def test_bom_lines_for_runs_in_english_and_chinese(catalog: Catalog) -> None:
    """The adapter the BOM can call (report/bom_runs.py): whole metres, category, price per metre."""
    from workbench.io import load_design
    from workbench.paths import templates_dir
    from workbench.report.bom import resolve_pricing
    from workbench.report.bom_runs import run_bom_lines
    from workbench.report.options import ReportOptions

    design = load_design(templates_dir() / "halls" / "prefab-edge-module.dchall.json", catalog).design
    design.site.currency = "USD"  # the template quotes in a currency that needs a rate typed in
    pricing = resolve_pricing(design, catalog, ReportOptions())
    en = run_bom_lines(design, catalog, pricing, "en")
    zh = run_bom_lines(design, catalog, pricing, "zh")
    q = run_quantities(design, catalog, default_run_prices())
    assert [ln.quantity for ln in en] == [math.ceil(x.metres) for x in q.lines]
    assert {ln.category for ln in en} == {"power", "cooling"}
    assert any(ln.name.startswith("Busway ≤ 800 A") for ln in en) and any("DN50" in ln.name for ln in en)
    assert any(ln.name.startswith("母线槽") for ln in zh) and all(ln.basis for ln in en)
