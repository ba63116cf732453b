"""The hourly year's results as a typed, frozen section of the calculation results, with its JSON form."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

MANUAL_NOTE = ("manual: no weather file; chillers weighted by the typed economizer hours "
               "(less accurate than an hourly year at the site)")


@dataclass(frozen=True)
class LoopYear:
    name: str
    kind: str  # "warm", "chilled" or "condenser"
    supply_c: float  # set point (condenser: the year's mean entering temperature)
    return_c: float
    heat_rejection: str  # "dry", "adiabatic", "tower", "chiller", "dry+chiller" …
    approach_k: float  # approach of the free-cooling device used (condenser: of the towers)
    design_heat_kw: float
    hours_free: int
    hours_partial: int
    hours_mechanical: int
    hours_unmet: int  # supply temperature not held (no chiller to trim)
    chiller_capacity_kw: float = 0.0
    chiller_iplv: float | None = None
    chiller_mean_cop: float | None = None
    condenser: str = ""
    water_m3: float = 0.0
    design_free_c: float | None = None  # free device leaving water at the 0.4 % design condition

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name, "kind": self.kind, "supply_c": self.supply_c, "return_c": self.return_c,
            "heat_rejection": self.heat_rejection, "approach_k": self.approach_k,
            "design_heat_kw": self.design_heat_kw,
            "hours": {"free": self.hours_free, "partial": self.hours_partial, "mechanical": self.hours_mechanical},
            "hours_unmet": self.hours_unmet, "chiller_capacity_kw": self.chiller_capacity_kw,
            "chiller_iplv": self.chiller_iplv, "chiller_mean_cop": self.chiller_mean_cop,
            "condenser": self.condenser, "water_m3": self.water_m3, "design_free_c": self.design_free_c,
        }


@dataclass(frozen=True)
class AnnualResult:
    """Σ facility / Σ IT over every hour of the site's weather year (ISO/IEC 30134-2)."""

    site: dict[str, Any]
    design_conditions: dict[str, Any]
    hours: int
    pue: float | None  # annualised at the IT load profile
    pue_design_load: float | None  # annualised at 100 % design IT every hour
    monthly_pue: tuple[float | None, ...]
    pue_heatmap: tuple[tuple[float | None, ...], ...]  # 12 months × 24 hours, ratio of sums per cell
    worst_hour_pue: float | None
    worst_hour: tuple[int, int, int]  # month, day, hour (0–23, local standard time)
    peak_facility_kw: float  # full IT at the file's hottest dry bulb and wet bulb
    energy: dict[str, Any]
    loops: tuple[LoopYear, ...]
    chillers: tuple[dict[str, Any], ...] = ()
    profile: str = "constant"
    monthly_it_mwh: tuple[float, ...] = field(default_factory=tuple)
    monthly_facility_mwh: tuple[float, ...] = field(default_factory=tuple)
    pue_curve: tuple[tuple[float, float], ...] = ()  # (IT load fraction, PUE over every 29th hour of the year)
    overhead_kw: dict[str, float] = field(default_factory=dict)  # the year's mean, by subsystem, at the profile
    ppue: dict[str, float] = field(default_factory=dict)  # partial PUEs of the year; 1 + Σ(pPUE − 1) = pue

    def to_dict(self) -> dict[str, Any]:
        return {
            "basis": "hourly", "site": self.site, "design_conditions": self.design_conditions,
            "hours": self.hours, "profile": self.profile, "pue": self.pue,
            "pue_design_load": self.pue_design_load, "monthly_pue": list(self.monthly_pue),
            "pue_heatmap": [list(r) for r in self.pue_heatmap], "worst_hour_pue": self.worst_hour_pue,
            "worst_hour": {"month": self.worst_hour[0], "day": self.worst_hour[1], "hour": self.worst_hour[2]},
            "peak_facility_kw": self.peak_facility_kw, "energy": self.energy,
            "monthly_it_mwh": list(self.monthly_it_mwh), "monthly_facility_mwh": list(self.monthly_facility_mwh),
            "pue_curve": [[f, p] for f, p in self.pue_curve],
            "overhead_kw": dict(self.overhead_kw), "ppue": dict(self.ppue),
            "loops": [lp.to_dict() for lp in self.loops], "chillers": list(self.chillers),
        }


def manual_dict() -> dict[str, Any]:
    """What `annual` says when no weather file is set (assumption economizer_hours drives the PUE)."""
    return {"basis": "manual", "note": MANUAL_NOTE}
