"""Total project CAPEX (equipment plus allowances) from the calculation's results, for views that cannot wait for a BOM."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from workbench.calc.allowances import Allowance, AllowanceBases, battery_allowance_kw, price_allowances
from workbench.calc.money import Fx
from workbench.calc.pricing import Pricing, round_money
from workbench.calc.results import Results
from workbench.model.assumptions import effective_assumptions
from workbench.model.blocktype import RACK_CATEGORIES, Catalog
from workbench.model.design import Design


@dataclass(frozen=True)
class ProjectCapex:
    """Equipment and allowances at cost (price factor 1) in one currency."""

    currency: str
    equipment: Decimal
    allowances: tuple[Allowance, ...]

    @property
    def allowances_total(self) -> Decimal:
        return sum((a.amount for a in self.allowances), Decimal(0))

    @property
    def project_total(self) -> Decimal:
        return self.equipment + self.allowances_total


def project_capex(design: Design, catalog: Catalog, results: Results, fx: Fx) -> ProjectCapex:
    """What `Bom.project_total` is at price factor 1, built from the results' equipment subtotals instead of
    BOM lines (a BOM prices its connection runs from the plant graph, too slow for every edit of a campus).

    The allowances come from the BOM's own rule (calc/allowances.py: price_allowances). The BOM rounds each line's unit price
    to the currency's minor unit before multiplying by the quantity; these subtotals are rounded once. With
    catalog prices that convert exactly (the shipped ones at the shipped rates) the figures are equal; at a
    rate such as 3.6731 with a build premium they differ by at most half a minor unit per unit of quantity
    (a few units of currency in hundreds of millions).
    """
    values = effective_assumptions(design, catalog)
    pricing = Pricing(fx, float(values.get("ai_build_premium", 0.0)), 1.0)
    cost = results.cost
    # The results' money is in USD with the build premium applied; runs are inside the categories.
    by_cat = cost.capex_by_category
    runs = cost.get("capex_runs") or {}

    def money(usd: float) -> Decimal:
        return round_money(usd * fx.rate_per_usd, pricing.digits)

    it = sum(by_cat.get(c, 0.0) for c in RACK_CATEGORIES)
    facility_usd = cost.capex_total - it
    run_power, run_liquid = float(runs.get("power", 0.0)), float(runs.get("liquid", 0.0))
    counts = Counter(b.type_id for b in design.blocks.values())
    drawn = cost.capex_total > 0
    bases = AllowanceBases(
        power=money(by_cat.get("power", 0.0) - run_power), cooling=money(by_cat.get("cooling", 0.0) - run_liquid),
        facility=money(facility_usd), facility_equipment=money(facility_usd - run_power - run_liquid),
        white_space_m2=float(results.space.white_space_m2) if drawn else 0.0,
        ups_kw=battery_allowance_kw(counts, catalog) if drawn else 0.0)
    allowances = price_allowances(pricing, values, design.assumptions.fixed_usd, bases, bases, catalog)
    return ProjectCapex(fx.currency, money(cost.capex_total), tuple(allowances))
