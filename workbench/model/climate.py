"""A design's site climate: its weather file (by path and checksum), cooling loop temperatures, IT load profile."""

from __future__ import annotations

from dataclasses import dataclass, field

LOOP_KINDS = ("warm", "chilled", "condenser")
PROFILE_KINDS = ("constant", "weekly", "monthly", "hourly")


@dataclass
class LoopSettings:
    """One cooling loop's own temperatures; None takes the default from the assumptions."""

    kind: str = "warm"  # warm-water (liquid racks via CDUs), chilled-water (CRAHs, rear doors), condenser
    supply_c: float | None = None
    return_c: float | None = None


@dataclass
class SiteClimate:
    """Where the design stands, as far as the hourly year needs it."""

    weather_path: str = ""  # EPW or NREL TMY3 CSV; "builtin:<id>" for a shipped site
    weather_sha256: str = ""
    loops: dict[str, LoopSettings] = field(default_factory=dict)
    profile_kind: str = "constant"
    profile_weekly: list[float] = field(default_factory=list)  # 168 factors, Monday 00:00 first
    profile_monthly: list[float] = field(default_factory=list)  # 12 factors
    profile_hourly: list[float] = field(default_factory=list)  # one fraction of design IT per hour
    profile_source: str = ""  # the CSV an hourly profile was imported from

    def is_default(self) -> bool:
        return self == SiteClimate()
