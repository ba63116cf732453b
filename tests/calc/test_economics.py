"""Multi-year economics worked by hand: NPV of a known cash flow, payback between two options, CO₂ from energy."""

from __future__ import annotations

import pytest

from workbench.calc.economics import EconomicInputs, economics, npv, payback_years

VALUES = {"analysis_period_years": 3, "discount_rate": 0.10, "energy_price_escalation": 0.0,
          "maintenance_share_power": 0.02, "maintenance_share_cooling": 0.05, "battery_replacement_years": 2,
          "grid_co2_kg_per_kwh": 0.4, "water_price_per_m3": 1.5}


def _inputs(**change: object) -> EconomicInputs:
    base: dict[str, object] = dict(
        capex_by_category={"power": 1000.0, "cooling": 400.0, "compute": 5000.0}, battery_capex=100.0,
        it_kw=100.0, annual_it_mwh=800.0, annual_facility_mwh=1000.0, annual_water_m3=200.0,
        energy_price_per_kwh=0.1, values=dict(VALUES))
    base.update(change)
    return EconomicInputs(**base)  # type: ignore[arg-type]


def test_npv_of_a_known_cash_flow() -> None:
    # -100 now, +50 in a year, +60 in two, at 10 %: -100 + 45.4545 + 49.5868 = -4.9587
    assert npv([-100.0, 50.0, 60.0], 0.10) == pytest.approx(-4.958677, abs=1e-6)
    assert npv([10.0, 10.0], 0.0) == 20.0


def test_cash_flows_tco_and_npv_by_hand() -> None:
    e = economics(_inputs())
    # Energy 1,000 MWh × 0.1 = 100,000 a year; maintenance 0.02 × 1,000 + 0.05 × 400 = 40; water 300;
    # batteries (100) replaced in year 2 only (the year-3 end of the period gets none).
    assert [f.energy for f in e.flows] == [pytest.approx(100_000.0)] * 3
    assert [f.maintenance for f in e.flows] == [pytest.approx(40.0)] * 3
    assert [f.water for f in e.flows] == [pytest.approx(300.0)] * 3
    assert [f.replacement for f in e.flows] == [0.0, 100.0, 0.0]
    year = 100_000.0 + 40.0 + 300.0
    assert e.capex == 6400.0
    assert e.tco == pytest.approx(6400.0 + 3 * year + 100.0)
    assert e.npv_cost == pytest.approx(6400.0 + year / 1.1 + (year + 100.0) / 1.1**2 + year / 1.1**3)
    # Levelised: NPV of costs over the NPV of the kW-months delivered (100 kW × 12 a year).
    kw_months = sum(1200.0 / 1.1**t for t in (1, 2, 3))
    assert e.cost_per_kw_month == pytest.approx(e.npv_cost / kw_months)
    assert e.cumulative[0] == 6400.0 and e.cumulative[-1] == pytest.approx(e.tco)


def test_energy_price_escalates_yearly() -> None:
    e = economics(_inputs(values={**VALUES, "energy_price_escalation": 0.05}))
    assert [f.energy for f in e.flows] == [pytest.approx(100_000.0 * 1.05**t) for t in range(3)]


def test_co2_from_known_energy_and_grid_intensity() -> None:
    # 1,000 MWh × 0.4 kg/kWh = 400 t.
    assert economics(_inputs()).annual_co2_t == pytest.approx(400.0)


def test_payback_between_two_known_options() -> None:
    # A costs 1,000 more to build and saves 300 a year of energy: it pays back in 3⅓ years.
    cheap = economics(_inputs(values={**VALUES, "analysis_period_years": 10, "battery_replacement_years": 0}))
    dear = economics(_inputs(
        capex_by_category={"power": 2000.0, "cooling": 400.0, "compute": 5000.0},
        values={**VALUES, "analysis_period_years": 10, "battery_replacement_years": 0,
                "maintenance_share_power": 0.0, "maintenance_share_cooling": 0.0},
        annual_facility_mwh=1000.0 - (300.0 - 40.0) / 100.0))
    # Yearly saving: 2.6 MWh × 100 = 260 energy + 40 maintenance = 300.
    assert payback_years(dear, cheap) == pytest.approx(1000.0 / 300.0)
    assert payback_years(cheap, dear) == 0.0
    never = economics(_inputs(capex_by_category={"power": 10**9}, values={**VALUES, "battery_replacement_years": 0}))
    assert payback_years(never, cheap) is None
