"""Bill of materials lines from the design, the catalog prices and the chosen currency, rate and price factor."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from workbench.calc.snapshot import OVERRIDABLE, build_snapshot, build_type_table
from workbench.model.blocktype import CATEGORIES, Catalog
from workbench.model.design import Design
from workbench.report.options import ReportOptions


_PRICE = OVERRIDABLE.index("price")


@dataclass(frozen=True)
class Pricing:
    """How catalog prices (converted through USD) become report prices."""

    currency: str
    rate_per_usd: float
    premium: float  # ai_build_premium assumption, as in the CAPEX calculation
    factor: float  # user price factor (margin)
    fx_source: str
    rate_is_default: bool

    @property
    def multiplier(self) -> float:
        return self.rate_per_usd * (1.0 + self.premium) * self.factor


def resolve_pricing(design: Design, catalog: Catalog, options: ReportOptions, with_factor: bool = True) -> Pricing:
    """Currency and rate from the options, else the design's currency at the catalog rate."""
    currency = (options.currency or design.site.currency or "USD").upper()
    rate = options.rate
    default = rate is None
    if rate is None:
        rate = catalog.fx_rates.get(currency)
        if rate is None:
            raise ValueError(f"no exchange rate for {currency} in the catalog; give a rate (units of {currency} per USD)")
    values = catalog.default_assumptions()
    values.update(design.assumptions.values)
    premium = float(values.get("ai_build_premium", 0.0))
    return Pricing(currency, float(rate), premium, options.price_factor if with_factor else 1.0,
                   catalog.fx_source, default)


@dataclass
class BomLine:
    category: str
    type_id: str
    name: str  # in the report language
    quantity: int
    unit_price: float  # in Bom.currency, premium and factor applied
    list_price: float  # catalog amount in its own currency
    list_currency: str
    price_date: str
    basis: str
    overridden: bool = False  # a block override set its price

    @property
    def extended(self) -> float:
        return self.unit_price * self.quantity


@dataclass
class Bom:
    lines: list[BomLine]
    pricing: Pricing
    unknown_blocks: int = 0
    categories: list[str] = field(default_factory=list)

    @property
    def currency(self) -> str:
        return self.pricing.currency

    def by_category(self) -> list[tuple[str, list[BomLine]]]:
        return [(c, [ln for ln in self.lines if ln.category == c]) for c in self.categories]

    def subtotal(self, category: str) -> float:
        return sum(ln.extended for ln in self.lines if ln.category == category)

    @property
    def total(self) -> float:
        return sum(ln.extended for ln in self.lines)

    @property
    def quantity(self) -> int:
        return sum(ln.quantity for ln in self.lines)

    def price_dates(self) -> tuple[str, str]:
        dates = sorted(ln.price_date for ln in self.lines if ln.price_date)
        return (dates[0], dates[-1]) if dates else ("", "")


def build_bom(design: Design, catalog: Catalog, options: ReportOptions, with_factor: bool = True) -> Bom:
    """One line per block type and unit price (a price override gives its own line), grouped by category."""
    pricing = resolve_pricing(design, catalog, options, with_factor)
    snap = build_snapshot(design, build_type_table(catalog))
    lang = options.lang
    price_usd = np.round(snap.col("price"), 6)
    lines: list[BomLine] = []
    if len(snap.ids):
        keys = np.stack([snap.type_index.astype(np.float64), price_usd], axis=1)
        uniq, counts = np.unique(keys, axis=0, return_counts=True)
        for (ti, usd), n in zip(uniq, counts):
            t = catalog.types[snap.types.ids[int(ti)]]
            catalog_usd = float(snap.types.values[int(ti), _PRICE])
            lines.append(BomLine(
                category=t.category, type_id=t.id, name=t.display_name(lang), quantity=int(n),
                unit_price=float(usd) * pricing.multiplier, list_price=t.price.amount,
                list_currency=t.price.currency, price_date=t.price.date, basis=t.price.basis,
                overridden=abs(float(usd) - round(catalog_usd, 6)) > 1e-6))
    lines.sort(key=lambda ln: (CATEGORIES.index(ln.category), ln.name.casefold(), ln.type_id, ln.unit_price))
    cats = [c for c in CATEGORIES if any(ln.category == c for ln in lines)]
    return Bom(lines, pricing, unknown_blocks=len(snap.unknown), categories=cats)
