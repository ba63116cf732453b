"""The hourly year's inputs as plain arrays: a site's weather, its design conditions and the IT load profile."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
from numpy.typing import NDArray

F = NDArray[np.float64]
I = NDArray[np.int64]

# ASHRAE Fundamentals ch. 14 frequency levels: cooling conditions exceeded 0.4 % of the hours of a year,
# heating conditions not reached in 99.6 % of them.
COOLING_PERCENTILE = 99.6
HEATING_PERCENTILE = 0.4


@dataclass(frozen=True)
class WeatherYear:
    """One year of hourly weather, in local standard time, hour h covering [h, h+1)."""

    month: I  # 1..12
    day: I  # 1..31
    hour: I  # 0..23
    dry_bulb_c: F
    dew_point_c: F
    rh_pct: F
    pressure_pa: F
    wet_bulb_c: F
    station: str = ""
    location: str = ""  # city, region, country as the file gives them
    latitude: float = 0.0
    longitude: float = 0.0
    time_zone_h: float = 0.0  # hours from UTC
    elevation_m: float = 0.0
    file_format: str = ""  # "EPW" or "TMY3"
    source: str = ""  # path or built-in site name
    sha256: str = ""
    filled: dict[str, int] = field(default_factory=dict)  # values coded missing, filled from neighbours

    @property
    def hours(self) -> int:
        return len(self.dry_bulb_c)

    @property
    def leap(self) -> bool:
        return self.hours == 8784

    @cached_property
    def design(self) -> DesignConditions:
        """Design conditions, worked out once per loaded year (every recalculation asks)."""
        return design_conditions(self)


@dataclass(frozen=True)
class DesignConditions:
    """Conditions derived from the file's own hours (not the long-term ASHRAE tables)."""

    cooling_db_c: float  # 0.4 % dry bulb (exceeded 35 h a year)
    cooling_wb_c: float  # 0.4 % wet bulb
    heating_db_c: float  # 99.6 % dry bulb
    heating_wb_c: float  # 99.6 % wet bulb
    max_db_c: float
    max_wb_c: float
    monthly_db_c: tuple[float, ...]  # mean per month
    monthly_wb_c: tuple[float, ...]

    def to_dict(self) -> dict[str, object]:
        return {
            "cooling_0_4_db_c": self.cooling_db_c, "cooling_0_4_wb_c": self.cooling_wb_c,
            "heating_99_6_db_c": self.heating_db_c, "heating_99_6_wb_c": self.heating_wb_c,
            "max_db_c": self.max_db_c, "max_wb_c": self.max_wb_c,
            "monthly_db_c": list(self.monthly_db_c), "monthly_wb_c": list(self.monthly_wb_c),
        }


def design_conditions(w: WeatherYear) -> DesignConditions:
    db, wb = w.dry_bulb_c, w.wet_bulb_c
    m = w.month - 1
    count = np.bincount(m, minlength=12)[:12].astype(float)
    safe = np.where(count > 0, count, 1.0)
    mdb = np.bincount(m, weights=db, minlength=12)[:12] / safe
    mwb = np.bincount(m, weights=wb, minlength=12)[:12] / safe
    return DesignConditions(
        cooling_db_c=float(np.percentile(db, COOLING_PERCENTILE)),
        cooling_wb_c=float(np.percentile(wb, COOLING_PERCENTILE)),
        heating_db_c=float(np.percentile(db, HEATING_PERCENTILE)),
        heating_wb_c=float(np.percentile(wb, HEATING_PERCENTILE)),
        max_db_c=float(db.max()), max_wb_c=float(wb.max()),
        monthly_db_c=tuple(float(v) for v in mdb), monthly_wb_c=tuple(float(v) for v in mwb),
    )


@dataclass(frozen=True)
class LoadProfile:
    """IT load over the year as a fraction of design IT power, one of four shapes.

    constant: `utilisation` every hour; weekly: 168 factors (Monday 00:00 first) times `utilisation`;
    monthly: 12 factors (a phased build-out) times `utilisation`; hourly: one fraction per hour, as imported.
    """

    kind: str = "constant"
    weekly: tuple[float, ...] = ()
    monthly: tuple[float, ...] = ()
    hourly: tuple[float, ...] = ()

    def fractions(self, utilisation: float, month: I, day_of_year: I, hour: I, first_weekday: int = 0) -> F:
        """Fraction of design IT load per hour; `first_weekday` is the weekday of 1 January (Monday 0)."""
        n = len(hour)
        if self.kind == "weekly" and len(self.weekly) == 168:
            weekday = (day_of_year + first_weekday) % 7
            f = np.asarray(self.weekly, dtype=float)[weekday * 24 + hour] * utilisation
        elif self.kind == "monthly" and len(self.monthly) == 12:
            f = np.asarray(self.monthly, dtype=float)[month - 1] * utilisation
        elif self.kind == "hourly" and len(self.hourly) in (8760, 8784) and n in (8760, 8784):
            f = np.asarray(self.hourly, dtype=float)
            if len(f) < n:  # a 365-day profile in a leap year: 29 February repeats the 28th
                f = np.concatenate([f[:59 * 24], f[58 * 24:59 * 24], f[59 * 24:]])
            f = f[:n]  # a 366-day profile in a common year drops its last day
        else:
            f = np.full(n, utilisation)
        out: F = np.clip(f, 0.0, 1.0).astype(float)
        return out
