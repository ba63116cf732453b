"""Bill of materials from the design: equipment lines at one price basis (exact to the cent), allowances and the project total."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

import numpy as np

# The allowance rule and the price basis live in calc (the metrics dock uses them too); the report's
# modules keep importing Allowance and Pricing from here.
from workbench.calc.allowances import Allowance, AllowanceBases, battery_allowance_kw, price_allowances
from workbench.calc.money import BASE_CURRENCY, resolve_fx
from workbench.calc.pricing import Pricing
from workbench.calc.snapshot import OVERRIDABLE, Snapshot, build_snapshot, build_type_table
from workbench.model.assumptions import effective_assumptions
from workbench.model.blocktype import CATEGORIES, RACK_CATEGORIES, Catalog
from workbench.model.design import Design
from workbench.report.bom_runs import RUN_PREFIX, run_bom_lines
from workbench.report.options import ReportOptions

_PRICE = OVERRIDABLE.index("price")


def resolve_pricing(design: Design, catalog: Catalog, options: ReportOptions) -> Pricing:
    """The export's price basis; raises ValueError with a clear message for an unusable currency or rate."""
    currency = (options.currency or design.site.currency or BASE_CURRENCY).upper()
    fx = resolve_fx(currency, options.rate, catalog.fx_rates, catalog.fx_source)
    values = effective_assumptions(design, catalog)
    return Pricing(fx, float(values.get("ai_build_premium", 0.0)), float(options.price_factor), options.audience)


PIECES, METRES = "pcs", "m"  # BomLine.unit: equipment counts in pieces, connection runs in metres


def pieces_and_metres(lines: Iterable[BomLine]) -> tuple[int, int]:
    """(pieces, metres) over some lines: the two are never added into one quantity."""
    pieces = metres = 0
    for ln in lines:
        if ln.unit == METRES:
            metres += ln.quantity
        else:
            pieces += ln.quantity
    return pieces, metres


@dataclass
class BomLine:
    category: str
    type_id: str
    name: str  # in the report language
    quantity: int
    unit_cost: Decimal  # export currency, premium applied, before the factor
    unit_price: Decimal  # selling price: unit_cost × factor, rounded
    list_price: float  # catalog amount in its own currency (internal exports only)
    list_currency: str
    price_date: str
    basis: str
    overridden: bool = False  # a block override set its price
    usd: float = 0.0  # the base-currency unit price the line was priced from
    unit: str = PIECES  # what the quantity counts: pieces of equipment, or metres of a run

    @property
    def extended(self) -> Decimal:
        return self.unit_price * self.quantity

    @property
    def extended_cost(self) -> Decimal:
        return self.unit_cost * self.quantity


@dataclass
class Bom:
    lines: list[BomLine]
    pricing: Pricing
    unknown_blocks: int = 0
    categories: list[str] = field(default_factory=list)
    allowances: list[Allowance] = field(default_factory=list)

    @property
    def currency(self) -> str:
        return self.pricing.currency

    def by_category(self) -> list[tuple[str, list[BomLine]]]:
        return [(c, [ln for ln in self.lines if ln.category == c]) for c in self.categories]

    def subtotal(self, category: str) -> Decimal:
        return sum((ln.extended for ln in self.lines if ln.category == category), Decimal(0))

    def cost_subtotal(self, category: str) -> Decimal:
        return sum((ln.extended_cost for ln in self.lines if ln.category == category), Decimal(0))

    @property
    def total(self) -> Decimal:
        """Equipment total at selling prices."""
        return sum((ln.extended for ln in self.lines), Decimal(0))

    @property
    def total_cost(self) -> Decimal:
        return sum((ln.extended_cost for ln in self.lines), Decimal(0))

    @property
    def it_equipment(self) -> Decimal:
        return sum((self.subtotal(c) for c in RACK_CATEGORIES), Decimal(0))

    @property
    def facility_equipment(self) -> Decimal:
        return self.total - self.it_equipment

    @property
    def allowances_total(self) -> Decimal:
        return sum((a.amount for a in self.allowances), Decimal(0))

    @property
    def project_total(self) -> Decimal:
        """Total project CAPEX: equipment plus allowances (selling prices)."""
        return self.total + self.allowances_total

    @property
    def project_cost(self) -> Decimal:
        return self.total_cost + sum((a.cost for a in self.allowances), Decimal(0))

    @property
    def quantity(self) -> int:
        """Priced units, pieces and metres together: a bound on per-unit rounding, never shown as a count."""
        return sum(ln.quantity for ln in self.lines)

    @property
    def pieces(self) -> int:
        return pieces_and_metres(self.lines)[0]

    @property
    def metres(self) -> int:
        return pieces_and_metres(self.lines)[1]

    def price_dates(self) -> tuple[str, str]:
        dates = sorted(ln.price_date for ln in self.lines if ln.price_date)
        return (dates[0], dates[-1]) if dates else ("", "")


def build_bom(design: Design, catalog: Catalog, options: ReportOptions, snap: Snapshot | None = None,
              white_space_m2: float | None = None) -> Bom:
    """One line per block type and unit price (a price override gives its own line), grouped by category."""
    pricing = resolve_pricing(design, catalog, options)
    snap = snap if snap is not None else build_snapshot(design, build_type_table(catalog))
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
                unit_cost=pricing.unit_cost(float(usd)), unit_price=pricing.unit_price(float(usd)),
                list_price=t.price.amount, list_currency=t.price.currency, price_date=t.price.date,
                basis=t.price.basis, overridden=abs(float(usd) - round(catalog_usd, 6)) > 1e-6, usd=float(usd)))
    lines += run_bom_lines(design, catalog, pricing, lang)  # cable/busway and pipe metres (calc/runs.py)
    lines.sort(key=lambda ln: (CATEGORIES.index(ln.category), ln.name.casefold(), ln.type_id, ln.unit_price))
    cats = [c for c in CATEGORIES if any(ln.category == c for ln in lines)]
    bom = Bom(lines, pricing, unknown_blocks=len(snap.unknown), categories=cats)
    bom.allowances = _allowances(bom, design, catalog, white_space_m2)
    return bom


def _allowances(bom: Bom, design: Design, catalog: Catalog, white_space_m2: float | None) -> list[Allowance]:
    """The items a drawn layout leaves out, each from an editable assumption with its source or a fixed amount."""
    zero = Decimal(0)
    if not bom.lines:  # nothing drawn: only what the design gives as a fixed amount
        none = AllowanceBases(zero, zero, zero, zero, 0.0, 0.0)
        bases = (none, none)
    else:
        runs = [ln for ln in bom.lines if ln.type_id.startswith(RUN_PREFIX)]

        def runs_of(cat: str | None, cost: bool) -> Decimal:
            return sum(((ln.extended_cost if cost else ln.extended) for ln in runs if cat is None or ln.category == cat),
                       zero)

        if white_space_m2 is None:  # as the calculation counts it: the halls that hold IT racks
            from workbench.calc.summary import hall_areas_m2

            areas = hall_areas_m2(design)
            with_racks = {b.hall_id for b in design.blocks.values()
                          if b.type_id in catalog.types and catalog.types[b.type_id].is_rack}
            white_space_m2 = sum(w for h, (_, w) in zip(design.halls, areas) if h.id in with_racks or not with_racks)
        counts: dict[str, int] = {}
        for ln in bom.lines:
            counts[ln.type_id] = counts.get(ln.type_id, 0) + ln.quantity
        ups_kw = battery_allowance_kw(counts, catalog)

        def bases_at(cost: bool) -> AllowanceBases:
            sub = bom.cost_subtotal if cost else bom.subtotal
            total = bom.total_cost if cost else bom.total
            facility = total - sum((sub(c) for c in RACK_CATEGORIES), zero)
            return AllowanceBases(sub("power") - runs_of("power", cost), sub("cooling") - runs_of("cooling", cost),
                                  facility, facility - runs_of(None, cost), float(white_space_m2), ups_kw)

        bases = (bases_at(True), bases_at(False))
    return price_allowances(bom.pricing, effective_assumptions(design, catalog), design.assumptions.fixed_usd,
                            bases[0], bases[1], catalog)
