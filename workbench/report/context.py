"""Everything one report build needs, computed once: results, BOM, formatter, styles, pricing, labels."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workbench.calc import Results, calculate
from workbench.calc.money import convert
from workbench.calc.snapshot import Snapshot, build_snapshot, build_type_table
from workbench.model.blocktype import Catalog
from workbench.model.design import Design
from workbench.report.bom import Bom, Pricing, build_bom
from workbench.report.formatting import Formatter
from workbench.text.language import Language, load_language
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
    pricing: Pricing  # the export's one price basis (currency, rate, premium, factor, audience)
    bom: Bom
    snap: Snapshot

    def t(self, key: str, **values: Any) -> str:
        return self.lang.t(key, **values)

    @property
    def currency(self) -> str:
        return self.pricing.currency

    def money(self, amount: float, from_currency: str) -> float:
        """Any calculated amount in the export currency (the one conversion, calc.money.convert)."""
        return convert(amount, from_currency, self.pricing.fx, self.catalog.fx_rates)

    def validity_days(self) -> int:
        proposal = getattr(self.design, "proposal", None)
        days = getattr(proposal, "validity_days", None)
        return int(days) if days else int(self.options.validity_days)

    def t_or(self, key: str, default: str) -> str:
        return self.lang.tr(key, default)

    def role(self, role: str) -> str:
        if role.startswith("utility:"):
            kind = role.split(":", 1)[1]
            return self.lang.tr(f"kind.{kind}", kind)
        return self.lang.tr(f"role.{role}", self.lang.tr(f"kind.{role}", role))

    def role_of(self, entry: dict[str, Any]) -> str:
        """The role of a capacity entry; converters that are not UPS (sidecars, rectifiers) by their own kind."""
        role = str(entry.get("role", ""))
        if role == "ups":
            kinds = {self.catalog.types[self.design.blocks[b].type_id].kind for b in entry.get("blocks", [])
                     if b in self.design.blocks and self.design.blocks[b].type_id in self.catalog.types}
            if len(kinds) == 1 and kinds != {"ups"}:
                kind = next(iter(kinds))
                return self.lang.tr(f"kind.{kind}", kind)
        return self.role(role)

    def system_name(self, name: str) -> str:
        return self.lang.tr(f"system.{name}", name)

    def logo(self) -> Path | None:
        path = self.options.logo_path or self.design.site.logo_path
        if path and Path(path).is_file():
            return Path(path)
        return None


def build_context(design: Design, catalog: Catalog, options: ReportOptions, results: Results | None = None) -> Ctx:
    """Everything once: the caller's results when it has them (the window does), else one calculation."""
    problems = options.problems()
    if problems:
        raise ValueError("; ".join(problems))
    lang = load_language(options.lang)
    fmt = Formatter(lang, options.units)
    results = results if results is not None else calculate(design, catalog)
    snap = build_snapshot(design, build_type_table(catalog))
    bom = build_bom(design, catalog, options, snap, results.space.get("white_space_m2"))
    return Ctx(design, catalog, options, results, lang, fmt, Styles(lang.cjk), bom.pricing, bom, snap)
