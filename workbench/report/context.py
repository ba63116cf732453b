"""Everything one report build needs, computed once: results, BOM, formatter, styles, pricing, labels."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workbench.calc import Results, calculate
from workbench.calc.snapshot import Snapshot, build_snapshot, build_type_table
from workbench.model.blocktype import Catalog
from workbench.model.design import Design
from workbench.report.bom import Bom, Pricing, build_bom, resolve_pricing
from workbench.report.formatting import Formatter
from workbench.report.i18n import Language, load_language
from workbench.report.options import ReportOptions
from workbench.report.styles import Styles


@dataclass
class Ctx:
    design: Design
    catalog: Catalog
    options: ReportOptions
    results: Results
    lang: Language
    fmt: Formatter
    styles: Styles
    pricing: Pricing  # without the price factor: the design report shows cost, not price
    bom: Bom
    snap: Snapshot

    def t(self, key: str, **values: Any) -> str:
        return self.lang.t(key, **values)

    @property
    def currency(self) -> str:
        return self.pricing.currency

    def money_from_calc(self, amount: float) -> float:
        """A calculation amount (in the calculation's currency) in the report currency."""
        calc_rate = float(self.results.cost.get("fx_rate_per_usd") or 1.0)
        return amount / calc_rate * self.pricing.rate_per_usd

    def role(self, role: str) -> str:
        if role.startswith("utility:"):
            kind = role.split(":", 1)[1]
            return self.lang.tr(f"kind.{kind}", kind)
        return self.lang.tr(f"role.{role}", self.lang.tr(f"kind.{role}", role))

    def system_name(self, name: str) -> str:
        return self.lang.tr(f"system.{name}", name)

    def logo(self) -> Path | None:
        path = self.options.logo_path or self.design.site.logo_path
        if path and Path(path).is_file():
            return Path(path)
        return None


def build_context(design: Design, catalog: Catalog, options: ReportOptions, with_factor: bool) -> Ctx:
    problems = options.problems()
    if problems:
        raise ValueError("; ".join(problems))
    lang = load_language(options.lang)
    fmt = Formatter(lang, options.units)
    results = calculate(design, catalog)
    pricing = resolve_pricing(design, catalog, options, with_factor)
    bom = build_bom(design, catalog, options, with_factor)
    snap = build_snapshot(design, build_type_table(catalog))
    return Ctx(design, catalog, options, results, lang, fmt, Styles(lang.cjk), pricing, bom, snap)
