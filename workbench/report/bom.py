"""Bill of materials from the design: equipment lines at one price basis (exact to the cent), allowances and the project total."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

import numpy as np

from workbench.calc.money import BASE_CURRENCY, Fx, resolve_fx
from workbench.calc.snapshot import OVERRIDABLE, Snapshot, build_snapshot, build_type_table
from workbench.model.allowances import ALLOWANCE_PARAMS
from workbench.model.assumptions import effective_assumptions
from workbench.model.blocktype import CATEGORIES, RACK_CATEGORIES, Catalog
from workbench.model.design import Design
from workbench.report.bom_runs import RUN_PREFIX, run_bom_lines
from workbench.report.options import ReportOptions

_PRICE = OVERRIDABLE.index("price")
# Currencies without minor units in everyday prices (ISO 4217 exponent 0).
_NO_MINOR = frozenset({"JPY", "KRW", "VND", "ISK", "CLP", "HUF", "TWD"})
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


def minor_digits(currency: str) -> int:
    return 0 if currency.upper() in _NO_MINOR else 2


def round_money(value: float, digits: int) -> Decimal:
    """Half away from zero, as a spreadsheet's ROUND does, so the xlsx formulas give the same figures."""
    return Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Pricing:
    """The one price basis of an export: currency and rate, the build premium and the price factor (margin).

    The design report, the BOM PDF, the xlsx and the CSV of one export use the same basis: every price
    they show is a selling price (cost × factor); an internal export also shows cost, factor and margin.
    """

    fx: Fx
    premium: float  # ai_build_premium assumption
    factor: float  # price factor (1.15 = selling price 15 % above cost)
    audience: str = "customer"  # "customer": selling prices only; "internal": cost, factor and margin too

    @property
    def currency(self) -> str:
        return self.fx.currency

    @property
    def rate_per_usd(self) -> float:
        return self.fx.rate_per_usd

    @property
    def fx_source(self) -> str:
        return self.fx.source

    @property
    def rate_is_default(self) -> bool:
        return self.fx.rate_is_default

    @property
    def internal(self) -> bool:
        return self.audience == "internal"

    @property
    def digits(self) -> int:
        return minor_digits(self.currency)

    def unit_cost(self, usd: float) -> Decimal:
        """Cost of one unit in the export currency, rounded to the currency's minor unit."""
        return round_money(usd * self.rate_per_usd * (1.0 + self.premium), self.digits)

    def unit_price(self, usd: float) -> Decimal:
        """Selling price of one unit: the rounded cost times the factor, rounded again (as the xlsx does)."""
        return round_money(float(self.unit_cost(usd)) * self.factor, self.digits)

    def usd_amount(self, usd: float) -> Decimal:
        """A non-equipment amount given in USD (an allowance rate), at the selling basis."""
        return self.unit_price(usd)

    def lump_cost(self, usd: float) -> Decimal:
        """A fixed amount the user gave in USD, in the export currency: converted, with no equipment premium."""
        return round_money(usd * self.rate_per_usd, self.digits)

    def lump_price(self, usd: float) -> Decimal:
        """Its selling price: the converted cost times the factor, rounded (as every other price)."""
        return round_money(float(self.lump_cost(usd)) * self.factor, self.digits)


def resolve_pricing(design: Design, catalog: Catalog, options: ReportOptions) -> Pricing:
    """The export's price basis; raises ValueError with a clear message for an unusable currency or rate."""
    currency = (options.currency or design.site.currency or BASE_CURRENCY).upper()
    fx = resolve_fx(currency, options.rate, catalog.fx_rates, catalog.fx_source)
    values = effective_assumptions(design, catalog)
    return Pricing(fx, float(values.get("ai_build_premium", 0.0)), float(options.price_factor), options.audience)


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

    @property
    def extended(self) -> Decimal:
        return self.unit_price * self.quantity

    @property
    def extended_cost(self) -> Decimal:
        return self.unit_cost * self.quantity


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
        cost_base, price_base = getattr(cost, part), getattr(price, part)
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
        return sum(ln.quantity for ln in self.lines)

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
