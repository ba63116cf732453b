"""The calculation results: a typed summary plus the stable JSON dictionary documented in the README."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from workbench.calc.annual_results import AnnualResult, manual_dict
from workbench.calc.checks import Check

RESULTS_SCHEMA = "workbench.calc/1"
# Checks that mean the PUE leaves out part of the facility: racks without power or cooling, or a plant that
# rejects no heat. The PUE is then shown as incomplete, with these checks as the reason.
PUE_GAP_CODES = ("no_power", "no_cooling", "no_heat_rejection")


@dataclass
class Results:
    it_load_kw: float
    load_fraction: float
    pue: float | None  # annualised, at 100 % design IT load
    pue_peak: float | None  # design day, chillers running
    pue_at_load: float | None  # annualised, at load_fraction
    pue_curve: list[tuple[float, float]]
    power: dict[str, Any]
    cooling: dict[str, Any]
    space: dict[str, Any]
    floor: dict[str, Any]
    cost: dict[str, Any]
    energy: dict[str, Any]
    ppue: dict[str, float]
    overhead_kw: dict[str, float]
    checks: list[Check] = field(default_factory=list)
    annual: AnnualResult | None = None  # the hourly year at the site's weather (calc/annual.py)

    def errors(self) -> list[Check]:
        return [c for c in self.checks if c.severity == "error"]

    @property
    def pue_gaps(self) -> list[Check]:
        """The checks that make the PUE incomplete (empty: the PUE covers the whole design)."""
        return [c for c in self.checks if c.code in PUE_GAP_CODES]

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": RESULTS_SCHEMA,
            "it_load_kw": self.it_load_kw,
            "load_fraction": self.load_fraction,
            "pue": self.pue,
            "pue_peak": self.pue_peak,
            "pue_at_load": self.pue_at_load,
            "pue_incomplete": sorted({c.code for c in self.pue_gaps}),
            "pue_curve": [[f, p] for f, p in self.pue_curve],
            "ppue": self.ppue,
            "overhead_kw": self.overhead_kw,
            "energy": self.energy,
            "power": self.power,
            "cooling": self.cooling,
            "space": self.space,
            "floor": self.floor,
            "cost": self.cost,
            "checks": [c.to_dict() for c in self.checks],
            "annual": self.annual.to_dict() if self.annual is not None else manual_dict(),
        }
