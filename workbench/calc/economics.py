"""Multi-year economics of one design option: cash flows, TCO, NPV, levelised cost, energy, water and CO₂.

Money follows the engineering reference: NPV = Σ_t CF_t / (1 + r)^t, and the levelised cost per kW·month is
the NPV of the costs over the NPV of the IT kW-months delivered. Every rate and share is an assumption with
its source (resources/assumptions.json, group "economics"); nothing is built in here.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

# Assumption keys (resources/assumptions.json); maintenance has one share per equipment category.
MAINTENANCE_KEYS = {
    "compute": "maintenance_share_compute", "network": "maintenance_share_network",
    "storage": "maintenance_share_storage", "power": "maintenance_share_power",
    "cooling": "maintenance_share_cooling", "structure": "maintenance_share_structure",
}


@dataclass(frozen=True)
class EconomicInputs:
    """What one option brings to the multi-year view, all money in one currency."""

    capex_by_category: dict[str, float]
    battery_capex: float  # replaced every battery cycle
    it_kw: float  # the IT capacity the hall delivers (design IT load)
    annual_it_mwh: float
    annual_facility_mwh: float
    annual_water_m3: float
    energy_price_per_kwh: float
    values: dict[str, float]  # the effective assumptions

    def value(self, key: str) -> float:
        v = float(self.values.get(key, 0.0))
        return v if math.isfinite(v) else 0.0


@dataclass(frozen=True)
class YearFlow:
    year: int
    energy: float
    maintenance: float
    water: float
    replacement: float

    @property
    def total(self) -> float:
        return self.energy + self.maintenance + self.water + self.replacement


@dataclass(frozen=True)
class Economics:
    """Ten-year (or the chosen period's) view of one option; money in the inputs' currency."""

    period_years: int
    discount_rate: float
    capex: float
    opex_first_year: float
    flows: tuple[YearFlow, ...]
    tco: float  # CAPEX + all yearly costs, undiscounted
    npv_cost: float  # CAPEX + yearly costs discounted to year 0
    cost_per_kw_month: float  # levelised: NPV of costs / NPV of IT kW-months
    annual_energy_mwh: float
    annual_water_m3: float
    annual_co2_t: float
    cumulative: tuple[float, ...] = field(default=())  # year 0..N, undiscounted

    def to_dict(self) -> dict[str, Any]:
        return {
            "period_years": self.period_years, "discount_rate": self.discount_rate,
            "capex": self.capex, "opex_first_year": self.opex_first_year, "tco": self.tco,
            "npv_cost": self.npv_cost, "cost_per_kw_month": self.cost_per_kw_month,
            "annual_energy_mwh": self.annual_energy_mwh, "annual_water_m3": self.annual_water_m3,
            "annual_co2_t": self.annual_co2_t, "cumulative": list(self.cumulative),
            "years": [{"year": f.year, "energy": f.energy, "maintenance": f.maintenance, "water": f.water,
                       "replacement": f.replacement, "total": f.total} for f in self.flows],
        }


def npv(cash_flows: list[float], rate: float) -> float:
    """Net present value of flows at years 0, 1, 2 ... (the first is not discounted)."""
    return sum(cf / (1.0 + rate) ** t for t, cf in enumerate(cash_flows))


def economics(inp: EconomicInputs) -> Economics:
    """Cash flows year by year: energy escalates, maintenance is a share of CAPEX by category, batteries
    are replaced on their cycle (not in the final year, when the analysis ends), water at its price."""
    years = max(1, min(60, int(round(inp.value("analysis_period_years") or 10))))
    rate = max(-0.99, inp.value("discount_rate"))
    escalation = inp.value("energy_price_escalation")
    capex = sum(inp.capex_by_category.values())
    maintenance = sum(inp.value(key) * inp.capex_by_category.get(cat, 0.0) for cat, key in MAINTENANCE_KEYS.items())
    water = inp.annual_water_m3 * inp.value("water_price_per_m3")
    cycle = int(round(inp.value("battery_replacement_years")))
    flows = []
    for t in range(1, years + 1):
        energy = inp.annual_facility_mwh * 1000.0 * inp.energy_price_per_kwh * (1.0 + escalation) ** (t - 1)
        replace = inp.battery_capex if cycle > 0 and t % cycle == 0 and t < years else 0.0
        flows.append(YearFlow(t, energy, maintenance, water, replace))
    cumulative = [capex]
    for f in flows:
        cumulative.append(cumulative[-1] + f.total)
    npv_cost = npv([capex] + [f.total for f in flows], rate)
    kw_months = npv([0.0] + [inp.it_kw * 12.0] * years, rate)
    return Economics(
        period_years=years, discount_rate=rate, capex=capex, opex_first_year=flows[0].total,
        flows=tuple(flows), tco=cumulative[-1], npv_cost=npv_cost,
        cost_per_kw_month=npv_cost / kw_months if kw_months > 0 else 0.0,
        annual_energy_mwh=inp.annual_facility_mwh, annual_water_m3=inp.annual_water_m3,
        annual_co2_t=inp.annual_facility_mwh * inp.value("grid_co2_kg_per_kwh"),  # MWh × kg/kWh = t
        cumulative=tuple(cumulative),
    )


def payback_years(higher_capex: Economics, lower_capex: Economics) -> float | None:
    """Years until the option that costs more to build has cost less in total (undiscounted), linear
    within the year it crosses; None when it never does within the period."""
    a, b = higher_capex.cumulative, lower_capex.cumulative
    if a[0] <= b[0]:
        return 0.0
    for t in range(1, min(len(a), len(b))):
        if a[t] <= b[t]:
            gap0, gap1 = a[t - 1] - b[t - 1], a[t] - b[t]
            return t - 1 + gap0 / (gap0 - gap1) if gap0 != gap1 else float(t)
    return None
