"""BOM lines for the connection runs: metres of each cable/busway class and pipe size (calc/runs.py)."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from workbench.calc.runs import RunLine, run_quantities
from workbench.model.blocktype import Catalog
from workbench.model.design import Design
from workbench.text.language import load_language

if TYPE_CHECKING:
    from workbench.report.bom import BomLine, Pricing

RUN_PREFIX = "run."  # type_id of a run line: run.power.<class> or run.liquid.<DN>
# The price basis customers read (phrases translated by basis.<phrase>); the source stays in run_sources.
RUN_BASIS = "rough order of magnitude, installed, per metre of run"


def run_bom_lines(design: Design, catalog: Catalog, pricing: Pricing, lang: str) -> list[BomLine]:
    """One line per power class (category power) and pipe size (category cooling), in whole metres;
    none while the design has no connections or the catalog has no run price list. The calculation's CAPEX
    counts the same metres at the same prices (calc/runs.py::run_cost_usd), so the BOM total still equals it."""
    from workbench.report.bom import METRES, BomLine

    prices = catalog.run_prices
    if not design.connections or prices is None:
        return []
    words = load_language(lang)
    out = []
    for ln in run_quantities(design, catalog, prices).lines:
        metres = math.ceil(ln.metres - 1e-9)
        if metres <= 0:
            continue
        out.append(BomLine(
            category="power" if ln.kind == "power" else "cooling", type_id=_type_id(ln), name=_name(ln, words),
            quantity=metres, unit_cost=pricing.unit_cost(ln.price_per_m_usd),
            unit_price=pricing.unit_price(ln.price_per_m_usd), list_price=ln.list_price_per_m,
            list_currency=ln.currency, price_date=ln.date, basis=RUN_BASIS, usd=ln.price_per_m_usd, unit=METRES))
    return out


def run_sources(catalog: Catalog) -> dict[str, tuple[str, str]]:
    """(source, price date) of each run line's type id, from the catalog's run price list."""
    prices = catalog.run_prices
    if prices is None:
        return {}
    out = {_type_id_of("power", p.label): (p.source, p.date) for p in prices.power}
    out.update({_type_id_of("liquid", f"DN{p.dn}"): (p.source, p.date) for p in prices.liquid})
    return out


def _type_id(ln: RunLine) -> str:
    return _type_id_of(ln.kind, ln.rating)


def _type_id_of(kind: str, rating: str) -> str:
    return f"{RUN_PREFIX}{kind}.{rating.replace(' ', '').replace('≤', 'le').replace(',', '')}"


def _name(ln: RunLine, words: object) -> str:
    tr = getattr(words, "tr")
    if ln.kind == "liquid":
        return str(tr("bom_run.pipe", "Pipe {size}, supply and return (m)")).format(size=ln.rating)
    product, _, rest = ln.rating.partition(" ")
    key = "bom_run.busway" if product == "busway" else "bom_run.cable"
    default = "Busway {rating} (m)" if product == "busway" else "Cable {rating} (m)"
    return str(tr(key, default)).format(rating=rest)
