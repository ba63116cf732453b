"""The calculation results: a typed summary plus the stable JSON dictionary documented in the README."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from workbench.calc.annual_results import AnnualResult, manual_dict
from workbench.calc.checks import Check
from workbench.calc.sections import (
    CoolingResult,
    CostResult,
    EnergyResult,
    FloorResult,
    OverheadResult,
    PartialPue,
    PowerResult,
    Section,
    SpaceResult,
)
from workbench.calc.plant import PlantResults

RESULTS_SCHEMA = "workbench.calc/1"
# Checks that mean the PUE leaves out part of the facility: racks without power or cooling, or a plant that
# rejects no heat. The PUE is then shown as incomplete, with these checks as the reason.
PUE_GAP_CODES = ("no_power", "no_cooling", "no_heat_rejection")


# The typed sections: a producer's plain dictionary becomes its section when Results is made.
SECTIONS: dict[str, type[Section]] = {
    "power": PowerResult, "cooling": CoolingResult, "space": SpaceResult, "floor": FloorResult, "cost": CostResult,
    "energy": EnergyResult, "ppue": PartialPue, "overhead_kw": OverheadResult,
}


@dataclass(frozen=True)
class Results:
    """Everything one calculation found; to_dict() is the JSON documented in docs/results-json.md."""

    it_load_kw: float
    load_fraction: float
    pue: float | None  # annualised, at 100 % design IT load
    pue_peak: float | None  # design day, chillers running
    pue_at_load: float | None  # annualised, at load_fraction
    pue_curve: list[tuple[float, float]]
    power: PowerResult
    cooling: CoolingResult
    space: SpaceResult
    floor: FloorResult
    cost: CostResult
    energy: EnergyResult
    ppue: PartialPue
    overhead_kw: OverheadResult
    checks: list[Check] = field(default_factory=list)
    annual: AnnualResult | None = None  # the hourly year at the site's weather (calc/annual.py)
    plant: PlantResults | None = None  # the connected plant's load flow (calc/plant.py); None: no connections

    def __post_init__(self) -> None:
        for name, section in SECTIONS.items():
            object.__setattr__(self, name, section.from_dict(getattr(self, name)))

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
            "ppue": self.ppue.to_dict(),
            "overhead_kw": self.overhead_kw.to_dict(),
            "energy": self.energy.to_dict(),
            "power": self.power.to_dict(),
            "cooling": self.cooling.to_dict(),
            "space": self.space.to_dict(),
            "floor": self.floor.to_dict(),
            "cost": self.cost.to_dict(),
            "checks": [c.to_dict() for c in self.checks],
            "annual": self.annual.to_dict() if self.annual is not None else manual_dict(),
            "plant": self.plant.to_dict() if self.plant is not None else None,
        }
