"""Invertible edits of a design's climate: the weather file, a loop's temperatures, the IT load profile."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from workbench.model.climate import LOOP_KINDS, PROFILE_KINDS, LoopSettings, SiteClimate
from workbench.model.design import Design
from workbench.model.edits import Edit


@dataclass
class SetWeather(Edit):
    """Refer the design to a weather file by path and checksum ("" and "" go back to the typed economizer hours)."""

    path: str
    sha256: str = ""
    text: str = "Choose weather file"
    _old: tuple[str, str] = ("", "")

    def apply(self, design: Design) -> None:
        c = design.climate
        self._old = (c.weather_path, c.weather_sha256)
        c.weather_path, c.weather_sha256 = self.path, self.sha256
        design.events.site_changed.emit()

    def revert(self, design: Design) -> None:
        design.climate.weather_path, design.climate.weather_sha256 = self._old
        design.events.site_changed.emit()


@dataclass
class SetLoopTemperatures(Edit):
    """Set one loop's kind and its supply and return temperatures (None: from the assumptions)."""

    loop: str
    kind: str
    supply_c: float | None
    return_c: float | None
    text: str = "Edit loop temperatures"
    _old: LoopSettings | None = None
    _had: bool = False

    def __post_init__(self) -> None:
        if self.kind not in LOOP_KINDS:
            raise ValueError(f"{self.kind!r} is not a loop kind ({', '.join(LOOP_KINDS)})")
        if self.supply_c is not None and self.return_c is not None and self.return_c <= self.supply_c:
            raise ValueError(f"loop {self.loop}: return {self.return_c:g} °C must be warmer than supply "
                             f"{self.supply_c:g} °C")

    def apply(self, design: Design) -> None:
        loops = design.climate.loops
        self._had = self.loop in loops
        self._old = copy.copy(loops.get(self.loop))
        loops[self.loop] = LoopSettings(self.kind, self.supply_c, self.return_c)
        design.events.site_changed.emit()

    def revert(self, design: Design) -> None:
        if self._had and self._old is not None:
            design.climate.loops[self.loop] = self._old
        else:
            design.climate.loops.pop(self.loop, None)
        design.events.site_changed.emit()


@dataclass
class SetLoadProfile(Edit):
    """Set the IT load profile over the year."""

    kind: str
    weekly: list[float] = field(default_factory=list)
    monthly: list[float] = field(default_factory=list)
    hourly: list[float] = field(default_factory=list)
    source: str = ""
    text: str = "Edit IT load profile"
    _old: SiteClimate | None = None

    def __post_init__(self) -> None:
        if self.kind not in PROFILE_KINDS:
            raise ValueError(f"{self.kind!r} is not a load profile ({', '.join(PROFILE_KINDS)})")

    def apply(self, design: Design) -> None:
        c = design.climate
        self._old = copy.deepcopy(c)
        c.profile_kind, c.profile_source = self.kind, self.source
        c.profile_weekly, c.profile_monthly, c.profile_hourly = list(self.weekly), list(self.monthly), list(self.hourly)
        design.events.site_changed.emit()

    def revert(self, design: Design) -> None:
        assert self._old is not None
        o, c = self._old, design.climate
        c.profile_kind, c.profile_source = o.profile_kind, o.profile_source
        c.profile_weekly, c.profile_monthly, c.profile_hourly = o.profile_weekly, o.profile_monthly, o.profile_hourly
        design.events.site_changed.emit()
