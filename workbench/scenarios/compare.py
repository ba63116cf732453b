"""Options side by side: each scenario calculated, priced over the years, and compared with its winners marked."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from workbench.calc import calculate
from workbench.calc.contingency import ContingencyResult, contingency
from workbench.calc.economics import EconomicInputs, Economics, economics, payback_years
from workbench.calc.money import BASE_CURRENCY, Fx, convert
from workbench.calc.results import Results
from workbench.io.scenario_state import BASE, base_document, materialize, remember_base
from workbench.model.assumptions import effective_assumptions
from workbench.model.blocktype import Catalog
from workbench.model.design import Design

BATTERY_KINDS = ("battery", "bbu")


@dataclass(frozen=True)
class Option:
    """One column of the comparison: the base or a scenario, its results and its economics (USD)."""

    id: str
    name: str
    design: Design
    results: Results
    economics: Economics
    stale: tuple[str, ...] = ()
    capex_factor: float = 1.0
    n1: ContingencyResult | None = None  # the N-1 verdicts, when the comparison ran them

    def metrics(self) -> dict[str, float | None]:
        r, e = self.results, self.economics
        capex = r.cost.capex_by_category
        verdict_errors = sum(1 for c in r.checks if c.severity == "error")
        out: dict[str, float | None] = {
            "it_load_kw": r.it_load_kw, "pue": r.pue,
            **{f"capex_{cat}": float(v) * self.capex_factor for cat, v in capex.items()},
            "capex_total": e.capex, "opex_per_year": e.opex_first_year, "tco": e.tco, "npv_cost": e.npv_cost,
            "cost_per_kw_month": e.cost_per_kw_month, "energy_mwh_per_year": e.annual_energy_mwh,
            "water_m3_per_year": e.annual_water_m3, "co2_t_per_year": e.annual_co2_t,
            "white_space_m2": r.space.white_space_m2, "racks": float(r.space.rack_count),
            "check_errors": float(verdict_errors),
            "check_warnings": float(len(r.checks) - verdict_errors),
            "redundancy_unmet": float(sum(1 for c in r.checks if c.code == "redundancy")),
            "single_points_of_failure": None, "it_kw_at_risk": None,
            "concurrently_maintainable": None, "fault_tolerant": None,
        }
        if self.n1 is not None:
            out["single_points_of_failure"] = float(len(self.n1.spofs))
            out["it_kw_at_risk"] = max((sp.it_kw_lost for sp in self.n1.spofs), default=0.0)
            out["concurrently_maintainable"] = float(self.n1.concurrently_maintainable.holds)
            out["fault_tolerant"] = float(self.n1.fault_tolerant.holds)
        return out


# Which way is better for each compared figure (+1: more is better, -1: less is better, 0: not ranked).
BETTER = {
    "it_load_kw": 1, "pue": -1, "capex_total": -1, "opex_per_year": -1, "tco": -1, "npv_cost": -1,
    "cost_per_kw_month": -1, "energy_mwh_per_year": -1, "water_m3_per_year": -1, "co2_t_per_year": -1,
    "white_space_m2": 0, "racks": 0, "check_errors": -1, "check_warnings": -1, "redundancy_unmet": -1,
    "single_points_of_failure": -1, "it_kw_at_risk": -1, "concurrently_maintainable": 1, "fault_tolerant": 1,
}
# N-1 runs every infrastructure component of every option; past this size a comparison leaves it to
# `workbench contingency` (the verdict rows then read "—") so comparing stays interactive.
N1_MAX_BLOCKS = 3000
MONEY = ("capex_", "opex_per_year", "tco", "npv_cost", "cost_per_kw_month")


@dataclass(frozen=True)
class Comparison:
    options: tuple[Option, ...]
    rows: tuple[str, ...]
    values: dict[str, tuple[float | None, ...]]
    winners: dict[str, tuple[int, ...]]  # row → indexes of the best option(s); empty when not ranked
    differs: dict[str, bool]
    bom_diff: dict[str, tuple[int, ...]]  # type id → counts per option, only where they differ
    payback: dict[str, float | None] = field(default_factory=dict)  # "A|B" → years for the dearer to pay back

    def to_dict(self, fx: Fx | None = None, rates: dict[str, float] | None = None) -> dict[str, Any]:
        """The documented JSON; money in ``fx`` (default USD, the calculation's base currency)."""
        fx = fx or Fx(BASE_CURRENCY, 1.0)

        def money(row: str, v: float | None) -> float | None:
            if v is None or not row.startswith(MONEY):
                return v
            return convert(v, BASE_CURRENCY, fx, rates or {})

        return {
            "schema": "workbench.compare/1", "currency": fx.currency,
            "options": [{"id": o.id or "base", "name": o.name, "stale_differences": list(o.stale),
                         "metrics": {row: money(row, o.metrics()[row]) for row in self.rows},
                         "cumulative_cost": [money("tco", v) for v in o.economics.cumulative]}
                        for o in self.options],
            "winners": {row: [self.options[i].name for i in idx] for row, idx in self.winners.items() if idx},
            "differs": {row: d for row, d in self.differs.items() if d},
            "bom_difference": {t: list(c) for t, c in self.bom_diff.items()},
            "payback_years": self.payback,
        }


def economic_inputs(design: Design, results: Results, catalog: Catalog, capex_factor: float = 1.0) -> EconomicInputs:
    """The multi-year inputs of one calculated option, all money in the base currency (USD).

    ``capex_factor`` is an export's price factor: a proposal prices the options at the selling prices its
    BOM shows, so building cost (and the maintenance and replacements that follow it) carry it too.
    """
    rates = catalog.fx_rates
    usd = Fx(BASE_CURRENCY, 1.0)
    site_currency = design.site.currency if design.site.currency in rates else BASE_CURRENCY
    price_usd = convert(design.site.electricity_price_per_kwh, site_currency, usd, rates)
    values = {k: float(v) for k, v in effective_assumptions(design, catalog).items()}
    values["water_price_per_m3"] = convert(values.get("water_price_per_m3", 0.0), site_currency, usd, rates)
    battery = 0.0
    for b in design.blocks.values():
        t = catalog.types.get(b.type_id)
        if t is not None and t.kind in BATTERY_KINDS:
            battery += convert(t.price.amount, t.price.currency, usd, rates) * capex_factor
    energy = results.energy
    return EconomicInputs(
        capex_by_category={k: float(v) * capex_factor for k, v in results.cost.capex_by_category.items()},
        battery_capex=battery, it_kw=results.it_load_kw,
        annual_it_mwh=float(energy["annual_it_mwh"]), annual_facility_mwh=float(energy["annual_facility_mwh"]),
        annual_water_m3=float(energy.get("annual_water_m3", 0.0)), energy_price_per_kwh=price_usd, values=values)


def option(design: Design, catalog: Catalog, scenario_id: str = BASE, base: dict[str, Any] | None = None,
           capex_factor: float = 1.0, n1: bool = False) -> Option:
    """One option calculated, priced over its analysis period and, with ``n1``, failed component by component."""
    shown, stale = materialize(design, scenario_id, base, editable=False)
    results = calculate(shown, catalog)
    name = "Base" if scenario_id == BASE else next(s.name for s in design.scenarios if s.id == scenario_id)
    inputs = economic_inputs(shown, results, catalog, capex_factor)
    verdicts = contingency(shown, catalog, 1) if n1 else None
    return Option(scenario_id, name, shown, results, economics(inputs), tuple(stale), capex_factor, verdicts)


def compare(design: Design, catalog: Catalog, keys: list[str] | None = None, capex_factor: float = 1.0,
            n1: bool | None = None) -> Comparison:
    """Compare the base and scenarios (ids or names; default: all, base first) row by row; ``n1`` None runs
    the N-1 verdicts up to N1_MAX_BLOCKS blocks."""
    ids = [BASE] + [s.id for s in design.scenarios] if not keys else [_resolve(design, k) for k in keys]
    base = base_document(design)
    if not design.active_scenario:
        remember_base(base, design)  # the base on screen: options share its objects, nothing is rebuilt
    run_n1 = len(design.blocks) <= N1_MAX_BLOCKS if n1 is None else n1
    opts = tuple(option(design, catalog, i, base, capex_factor, run_n1) for i in ids)
    metrics = [o.metrics() for o in opts]
    rows = tuple(dict.fromkeys(k for m in metrics for k in m))
    values = {r: tuple(m.get(r) for m in metrics) for r in rows}
    winners: dict[str, tuple[int, ...]] = {}
    differs: dict[str, bool] = {}
    for r, vals in values.items():
        present = [v for v in vals if v is not None]
        differs[r] = len({round(v, 6) for v in present}) > 1
        sense = BETTER.get(r, -1 if r.startswith("capex_") else 0)
        if sense and differs[r] and present:
            best = max(present) if sense > 0 else min(present)
            winners[r] = tuple(i for i, v in enumerate(vals) if v is not None and abs(v - best) <= 1e-9 * max(1.0, abs(best)))
        else:
            winners[r] = ()
    counts = [Counter(b.type_id for b in o.design.blocks.values()) for o in opts]
    types = sorted(set().union(*counts)) if counts else []
    bom = {t: tuple(c.get(t, 0) for c in counts) for t in types if len({c.get(t, 0) for c in counts}) > 1}
    payback: dict[str, float | None] = {}
    for i, a in enumerate(opts):
        for j, b in enumerate(opts):
            if i != j and a.economics.capex > b.economics.capex:
                payback[f"{a.name}|{b.name}"] = payback_years(a.economics, b.economics)
    return Comparison(opts, rows, values, winners, differs, bom, payback)


def _resolve(design: Design, key: str) -> str:
    if key.strip().casefold() in ("", "base"):
        return BASE
    for s in design.scenarios:
        if key in (s.id, s.name):
            return s.id
    names = ", ".join(["Base"] + [s.name for s in design.scenarios])
    raise KeyError(f"no scenario '{key}' in this design (it has: {names})")
