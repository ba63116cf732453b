"""Calculations against hand calculations from the engineering reference."""

from __future__ import annotations

import dataclasses

import pytest

from tests.designs import place
from workbench.calc import calculate
from workbench.calc.redundancy import required_modules, usable_capacity
from workbench.model import (
    BlockType,
    Catalog,
    CoolingSpec,
    Design,
    LossCoefficients,
    PowerSpec,
    RackSpec,
)


@pytest.mark.parametrize(
    ("scheme", "usable", "needed"),
    [("N", 2000, 2), ("N+1", 1500, 3), ("N+2", 1000, 4), ("2N", 1000, 4), ("2(N+1)", 500, 6), ("DR", 1500, 3)],
)
def test_redundancy_schemes_by_hand(scheme: str, usable: float, needed: int) -> None:
    # Four 500 kW modules; 900 kW load needs two modules' worth (engineering.md §4).
    assert usable_capacity([500.0] * 4, scheme, margin=0.0) == pytest.approx(usable)
    assert required_modules(900.0, 500.0, scheme, margin=0.0) == needed


def test_design_margin_derates_usable_capacity() -> None:
    assert usable_capacity([500.0] * 4, "N+1", margin=0.2) == pytest.approx(1500 * 0.8)


def test_n_plus_k_subtracts_largest_modules_when_sizes_differ() -> None:
    assert usable_capacity([1000.0, 500.0, 500.0], "N+1", 0.0) == pytest.approx(1000.0)


def test_unknown_scheme_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown redundancy scheme"):
        usable_capacity([1.0], "3N/2", 0.0)


def _lab_catalog(base: Catalog) -> Catalog:
    """Types with round numbers so every figure can be worked out by hand."""
    common = dict(description="", height_mm=2000, price=base.types["rack.air-10kw"].price, source="test")
    types = {
        "t.rack": BlockType(id="t.rack", name={"en": "R"}, category="compute", kind="rack", width_mm=600,
                            depth_mm=1200, weight_kg=1000,
                            rack=RackSpec(100.0, 0.2, 0.8, 10.0, "W32", "orv3", "dc48"), **common),
        "t.ups": BlockType(id="t.ups", name={"en": "U"}, category="power", kind="ups", width_mm=1000,
                           depth_mm=1000, weight_kg=1000, in_room=False,
                           power=PowerSpec("ups", 1000.0, loss=LossCoefficients(0.04, 0.05, 0.0)), **common),
        "t.cdu": BlockType(id="t.cdu", name={"en": "C"}, category="cooling", kind="cdu", width_mm=600,
                           depth_mm=1200, weight_kg=500,
                           cooling=CoolingSpec(liquid_kw=1000.0, pump_kw=10.0, medium="liquid-to-liquid"), **common),
        "t.crah": BlockType(id="t.crah", name={"en": "A"}, category="cooling", kind="crah", width_mm=1000,
                            depth_mm=1000, weight_kg=500, cooling=CoolingSpec(air_kw=200.0, fan_kw=5.0), **common),
        "t.chiller": BlockType(id="t.chiller", name={"en": "CH"}, category="cooling", kind="chiller",
                               width_mm=1000, depth_mm=1000, weight_kg=500, in_room=False,
                               cooling=CoolingSpec(heat_rejection_kw=2000.0, cop=5.0, medium="water"), **common),
    }
    return dataclasses.replace(base, types=types)


def _lab_design(cat: Catalog, empty: Design) -> Design:
    v = empty.assumptions.values
    v.update(distribution_loss_fraction=0.0, lighting_w_per_m2=0.0, misc_kw=0.0, chiller_gain_per_k=0.0,
             design_margin=0.0, fan_min_speed=0.3)
    for i in range(10):
        place(empty, "t.rack", 1000 + i * 600, 3000)
    for i in range(2):
        place(empty, "t.ups", 12000 + i * 1500, 8000)
        place(empty, "t.cdu", 1000 + i * 600, 7000)
        place(empty, "t.crah", 16000, 2000 + i * 1500)
        place(empty, "t.chiller", 18500, 2000 + i * 1500)
    return empty


def test_pue_by_hand(catalog: Catalog, empty: Design) -> None:
    cat = _lab_catalog(catalog)
    r = calculate(_lab_design(cat, empty), cat, load_fraction=1.0)
    it = 10 * 100.0
    ups_loss = 2000 * (0.04 + 0.05 * (it / 2000))  # WP113 at x = 0.5 on each of two modules
    liquid = 0.8 * it
    cdu_pumps = 20.0 * (liquid / 2000) ** 3  # affinity law, above the 0.3 minimum speed
    air_before_fans = 0.2 * it + cdu_pumps  # UPS stands outside the room
    fans = 10.0 * (air_before_fans / 400) ** 3
    rejected = air_before_fans + fans + liquid
    chiller = rejected / 5.0  # no free coolers: chillers run all year
    facility = it + ups_loss + cdu_pumps + fans + chiller
    assert r.it_load_kw == pytest.approx(it)
    assert r.power["losses_kw"] == pytest.approx(ups_loss)
    assert r.cooling["rejected_heat_kw"] == pytest.approx(rejected)
    assert r.pue == pytest.approx(facility / it, rel=1e-9)
    assert r.pue_peak == pytest.approx(facility / it, rel=1e-9)
    # PUE = 1 + Σ(pPUE − 1) when the subsystems cover all overhead.
    assert 1 + sum(p - 1 for p in r.ppue.values()) == pytest.approx(r.pue_at_load)


def test_economizer_hours_cut_chiller_energy(catalog: Catalog, empty: Design) -> None:
    cat = _lab_catalog(catalog)
    dry = BlockType(id="t.dry", name={"en": "D"}, category="cooling", kind="drycooler", description="",
                    width_mm=1000, depth_mm=1000, height_mm=1, weight_kg=1, in_room=False,
                    cooling=CoolingSpec(heat_rejection_kw=2000.0, fan_kw=20.0))
    cat.types["t.dry"] = dry
    d = _lab_design(cat, empty)
    peak_only = calculate(d, cat, 1.0)
    place(d, "t.dry", 18500, 6000)
    d.assumptions.values["economizer_hours"] = 4380.0  # half the year
    r = calculate(d, cat, 1.0)
    chiller_peak = r.cooling["chiller_kw"]
    assert chiller_peak == pytest.approx(peak_only.cooling["chiller_kw"] * 0.5, rel=1e-6)
    assert r.pue < peak_only.pue
    assert r.pue_peak > r.pue  # the design day runs the chillers fully


def test_partial_load_curve_shape(catalog: Catalog, empty: Design) -> None:
    cat = _lab_catalog(catalog)
    r = calculate(_lab_design(cat, empty), cat)
    fractions = [f for f, _ in r.pue_curve]
    assert fractions == pytest.approx([0.1 * k for k in range(1, 11)])
    pues = [p for _, p in r.pue_curve]
    # Fixed (no-load) losses weigh more at light load.
    assert pues[0] > pues[-1] > 1.0
    assert pues[-1] == pytest.approx(r.pue)


def test_airflow_per_kw_matches_reference(catalog: Catalog, empty: Design) -> None:
    empty.assumptions.values.update(air_delta_t_k=11.1, distribution_loss_fraction=0.0, lighting_w_per_m2=0.0)
    place(empty, "rack.air-20kw", 3000, 3000)
    r = calculate(empty, catalog)
    # engineering.md §3: about 158 CFM per kW at ΔT = 20 °F (11.1 K).
    assert r.cooling["airflow_cfm"] / r.cooling["air_heat_kw"] == pytest.approx(158, rel=0.01)


def test_coolant_flow_per_kw_matches_reference(catalog: Catalog, empty: Design) -> None:
    rack = place(empty, "rack.gb200-nvl72", 3000, 3000)
    rack.overrides["coolant_dt_k"] = 10.0
    r = calculate(empty, catalog)
    liquid_kw = r.cooling["liquid_heat_kw"]
    # engineering.md §3: water at 30 °C, ΔT 10 K → 1.44 L/min per kW.
    assert r.cooling["coolant_lpm"] / liquid_kw == pytest.approx(1.44, rel=0.01)
    assert r.cooling["coolant_gpm"] == pytest.approx(r.cooling["coolant_lpm"] / 3.785411784)


def test_floor_loading_of_nvl72_matches_reference(catalog: Catalog, empty: Design) -> None:
    rack = place(empty, "rack.gb200-nvl72", 3000, 3000)
    rack.overrides.update(weight_kg=1360.0, depth_mm=1100.0)
    r = calculate(empty, catalog)
    # engineering.md §5: 1.36 t on 0.6 × 1.1 m is about 20 kN/m².
    assert r.floor["max_block_kn_m2"] == pytest.approx(20.2, abs=0.1)


def test_dc_bus_current_at_48v_and_800v(catalog: Catalog, empty: Design) -> None:
    kyber = place(empty, "rack.kyber-600kw", 3000, 3000)
    kyber.overrides["it_kw"] = 600.0
    nvl = place(empty, "rack.gb200-nvl72", 8000, 3000)
    nvl.overrides["it_kw"] = 120.0
    buses = {b["voltage_v"]: b for b in calculate(empty, catalog).power["dc_bus"]}
    assert buses[800.0]["max_rack_current_a"] == pytest.approx(750.0)  # 600 kW at 800 V
    assert buses[48.0]["max_rack_current_a"] == pytest.approx(2500.0)  # > 2.5 kA at 48 V (NVL72)


def test_annual_energy_and_cost(catalog: Catalog, empty: Design) -> None:
    cat = _lab_catalog(catalog)
    d = _lab_design(cat, empty)
    d.site.electricity_price_per_kwh = 0.2
    r = calculate(d, cat, load_fraction=0.5)
    facility_kw = r.pue_at_load * 500.0
    assert r.energy["annual_facility_mwh"] == pytest.approx(facility_kw * 8760 / 1000)
    assert r.energy["annual_cost"] == pytest.approx(facility_kw * 8760 * 0.2)


def test_capex_stays_in_the_base_currency_and_sums_by_category(catalog: Catalog, empty: Design) -> None:
    """Money once: the calculation keeps USD whatever the site currency; the edges convert (calc.money)."""
    from workbench.calc.money import convert, display_fx

    place(empty, "rack.air-20kw", 3000, 3000)
    place(empty, "pwr.pdu-250kva", 8000, 3000)
    empty.site.currency = "CNY"
    r = calculate(empty, catalog)
    rack_price = catalog.types["rack.air-20kw"].price.amount
    pdu_price = catalog.types["pwr.pdu-250kva"].price.amount
    assert r.cost["currency"] == "USD" and r.cost["fx_rate_per_usd"] == 1.0
    assert r.cost["capex_by_category"]["compute"] == pytest.approx(rack_price)
    assert r.cost["capex_total"] == pytest.approx(rack_price + pdu_price)
    assert r.cost["cost_per_mw_it"] == pytest.approx((rack_price + pdu_price) / 0.02)
    fx = display_fx("CNY", catalog.fx_rates)
    assert convert(r.cost["capex_total"], "USD", fx, catalog.fx_rates) == pytest.approx(
        (rack_price + pdu_price) * catalog.fx_rates["CNY"])


def test_capex_split_between_it_and_facility(catalog: Catalog, empty: Design) -> None:
    place(empty, "rack.air-20kw", 3000, 3000)
    place(empty, "pwr.pdu-250kva", 8000, 3000)
    cost = calculate(empty, catalog).cost
    assert cost["capex_it_equipment"] == pytest.approx(catalog.types["rack.air-20kw"].price.amount)
    assert cost["capex_facility_equipment"] == pytest.approx(catalog.types["pwr.pdu-250kva"].price.amount)
    assert cost["facility_cost_per_mw_it"] == pytest.approx(cost["capex_facility_equipment"] / 0.02)


def test_white_space_counts_halls_with_racks_only(catalog: Catalog, empty: Design) -> None:
    from workbench.model import Hall

    yard = Hall(id="yard", name="Plant yard", outline=[(0, 20000), (10000, 20000), (10000, 30000), (0, 30000)])
    empty.halls.append(yard)
    assert calculate(empty, catalog).space["white_space_m2"] == pytest.approx(200 + 100)  # nothing placed yet
    place(empty, "rack.air-20kw", 3000, 3000)
    chiller = place(empty, "cool.chiller-air-1500", 5000, 25000)
    chiller.hall_id = "yard"
    space = calculate(empty, catalog).space
    assert space["white_space_m2"] == pytest.approx(200.0)  # the 20 m × 10 m hall, not the yard
    assert space["kw_per_m2"] == pytest.approx(20.0 / 200.0)
    assert space["area_m2"] == pytest.approx(300.0)


def test_money_rounds_as_a_spreadsheet_does() -> None:
    """The xlsx BOM's formulas and the BOM model round the same half cents the same way (15 significant digits,
    then half away from zero): 150 USD at 3.6731 AED is 550.965 to a spreadsheet, not 550.96499999999992."""
    from decimal import Decimal

    from workbench.calc.pricing import round_money

    assert round_money(150 * 3.6731, 2) == Decimal("550.97")
    assert round_money(-2.675, 2) == Decimal("-2.68")  # away from zero, both signs
    assert round_money(0.1 + 0.2, 2) == Decimal("0.30")
    assert round_money(1234.5, 0) == Decimal("1235")  # currencies without minor units
