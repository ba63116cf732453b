"""Allowances a proposal prices apart from the drawn equipment: what each is sized from, and its amount at one price basis.

The one rule behind the BOM's allowances (report/bom.py) and the metrics dock's total project CAPEX
(calc/project_capex.py): a fixed amount where the design gives one, else the assumption (a share of an
equipment subtotal, or a USD rate per unit) times its base.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from workbench.calc.pricing import Pricing, round_money
from workbench.model.allowances import ALLOWANCE_PARAMS
from workbench.model.blocktype import Catalog

ALLOWANCES = tuple(ALLOWANCE_PARAMS)
# What each allowance's assumption is a share or a rate of: (its wording, the AllowanceBases field).
# Connection runs (run.* lines) are priced installed, per metre: the LV board, piping and installation
# shares apply to the equipment only, so nothing is counted twice.
SIZED_FROM: dict[str, tuple[str, str]] = {
    "lv_switchboards": ("power", "power"),
    "piping_coolant": ("cooling", "cooling"),
    "bms_epms": ("facility", "facility"),
    "fire": ("white_space", "white_space_m2"),
    "battery": ("ups_kw", "ups_kw"),
    "installation": ("facility", "facility_equipment"),
    "commissioning": ("facility", "facility"),
}
PER_UNIT = ("white_space", "ups_kw")  # rates in USD per unit; the other bases take a share
FIXED = "fixed"  # Allowance.base of a lump sum the design gives (assumptions.fixed_usd)


@dataclass
class Allowance:
    """A priced item that is not a drawn block: a share of equipment, a rate times a quantity, or a fixed amount."""

    key: str  # one of ALLOWANCES
    amount: Decimal  # selling price in the export currency
    cost: Decimal
    rate: float  # the assumption's value (share, or USD per unit); for a fixed amount, the USD given
    base: str  # what the rate applies to: "power", "cooling", "facility", "white_space", "ups_kw"; or FIXED
    base_amount: float  # the equipment subtotal (export currency) or the quantity the rate applies to; 0 if fixed
    param: str  # assumption key (internal exports only)
    source: str

    @property
    def fixed(self) -> bool:
        return self.base == FIXED


@dataclass(frozen=True)
class AllowanceBases:
    """What the allowances are sized from at one price basis: equipment subtotals in the export currency
    (cost or selling prices) and the quantities the rates apply to."""

    power: Decimal  # power equipment without connection runs
    cooling: Decimal  # cooling equipment without connection runs
    facility: Decimal  # everything but IT equipment, runs included
    facility_equipment: Decimal  # the same without runs
    white_space_m2: float
    ups_kw: float  # UPS whose price excludes batteries, when the design draws none (battery_allowance_kw)


def battery_allowance_kw(counts: Mapping[str, int], catalog: Catalog) -> float:
    """kW of UPS whose price excludes batteries, by block type counts; 0 when the design draws batteries."""
    types = [(catalog.types[tid], n) for tid, n in counts.items() if tid in catalog.types]
    if any(bt.kind in ("battery", "bbu") for bt, _ in types):
        return 0.0
    return float(sum(bt.power.rating_kw * n for bt, n in types
                     if bt.power is not None and "excludes batteries" in bt.price.basis))


def price_allowances(pricing: Pricing, values: Mapping[str, float], fixed_usd: Mapping[str, float],
                     cost: AllowanceBases, price: AllowanceBases, catalog: Catalog) -> list[Allowance]:
    """Every allowance the design carries, at one price basis: a fixed amount where the design gives one,
    else its assumption (a share of an equipment subtotal, or a USD rate per unit) times its base."""
    p = pricing
    out: list[Allowance] = []
    for key, param in ALLOWANCE_PARAMS.items():
        spec = catalog.parameters.get(param)
        source = spec.source if spec is not None else ""
        if param in fixed_usd:
            usd = float(fixed_usd[param])
            if usd > 0:  # a fixed 0 leaves the allowance out on purpose
                out.append(Allowance(key, p.lump_price(usd), p.lump_cost(usd), usd, FIXED, 0.0, param, source))
            continue
        wording, part = SIZED_FROM[key]
        rate = float(values.get(param, 0.0))
        cost_base: Decimal | float = getattr(cost, part)
        price_base: Decimal | float = getattr(price, part)
        if rate <= 0 or price_base <= 0:
            continue
        if wording in PER_UNIT:  # the unit rate is rounded first, so rate × quantity is the amount shown
            amount = round_money(float(p.unit_price(rate)) * float(price_base), p.digits)
            out.append(Allowance(key, amount, round_money(float(p.unit_cost(rate)) * float(cost_base), p.digits),
                                 rate, wording, float(price_base), param, source))
        else:
            out.append(Allowance(key, round_money(float(price_base) * rate, p.digits),
                                 round_money(float(cost_base) * rate, p.digits), rate, wording, float(price_base),
                                 param, source))
    return out
