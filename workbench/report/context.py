"""Everything one report build needs, computed once: results, BOM, formatter, styles, pricing, labels."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workbench.calc import Results
from workbench.calc.engine import Calculator
from workbench.calc.money import convert
from workbench.calc.snapshot import Snapshot, build_snapshot, build_type_table
from workbench.model.blocktype import Catalog
from workbench.model.design import Design
from workbench.climate.sites import year_or_none
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

    def bom_values(self) -> dict[str, float]:
        from workbench.model.assumptions import effective_assumptions

        return dict(effective_assumptions(self.design, self.catalog))

    def hall_name(self, hall_id: str, typed: str) -> str:
        """A hall's name in the report language when the design has a translation, else as typed."""
        return self.design.proposal.name_in(self.options.lang, f"hall:{hall_id}", typed)

    def description(self) -> str:
        return self.design.proposal.name_in(self.options.lang, "description", self.design.description)

    def has_kind(self, kind: str) -> bool:
        types = self.catalog.types
        return any(b.type_id in types and types[b.type_id].kind == kind for b in self.design.blocks.values())

    def count(self, noun: str, n: int) -> str:
        """"1 hall", "4 halls": the noun in the number's form (keys count.<noun>.one / .other)."""
        form = "one" if n == 1 else "other"
        return self.t(f"count.{noun}.{form}", n=self.fmt.num(n))

    def compute_kw_per_rack(self) -> float:
        """IT load of the compute racks over their number (network and storage racks are not in it)."""
        from workbench.model.blocktype import CATEGORIES

        compute = self.snap.category == CATEGORIES.index("compute")
        n = int(compute.sum())
        return float(self.snap.col("it_kw")[compute].sum()) / n if n else 0.0

    def liquid_share_of_it(self) -> float:
        """Share of the IT heat that goes to liquid (not of the rejected heat, which includes losses)."""
        c = self.results.cooling
        return float(c["liquid_heat_kw"]) / self.results.it_load_kw if self.results.it_load_kw > 0 else 0.0

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
        """The design's translated name of a system, else the language's word for a standard one, else as typed."""
        translated = self.design.proposal.name_in(self.options.lang, f"system:{name}", "")
        return translated or self.lang.tr(f"system.{name}", name)

    def logo(self) -> Path | None:
        path = self.options.logo_path or self.design.site.logo_path
        if path and Path(path).is_file():
            return Path(path)
        return None

    def customer_logo(self) -> Path | None:
        path = self.design.proposal.customer_logo_path
        return Path(path) if path and Path(path).is_file() else None


def build_context(design: Design, catalog: Catalog, options: ReportOptions, results: Results | None = None) -> Ctx:
    """Everything once: the caller's results when it has them (the window does), else one calculation."""
    problems = options.problems()
    if problems:
        raise ValueError("; ".join(problems))
    lang = load_language(options.lang)
    fmt = Formatter(lang, options.units)
    snap = None
    if results is None:  # the design's own weather file, when it has a usable one (climate/sites.py)
        c = design.climate
        # One calculation, whose snapshot the BOM prices too (no second snapshot of the design).
        calculator = Calculator(catalog)
        calculator.weather = year_or_none(c.weather_path, None, c.weather_sha256)
        results = calculator.run(design)
        snap = calculator.snapshot
    if snap is None:
        snap = build_snapshot(design, build_type_table(catalog))
    bom = build_bom(design, catalog, options, snap, results.space.get("white_space_m2"))
    return Ctx(design, catalog, options, results, lang, fmt, Styles(lang.cjk), bom.pricing, bom, snap)
