"""Which blocks form each power system stage and cooling group, with their default names."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

from workbench.calc.snapshot import Snapshot
from workbench.model.blocktype import CATEGORIES

RACK_CODES = (CATEGORIES.index("compute"), CATEGORIES.index("network"), CATEGORIES.index("storage"))
POWER_CODE = CATEGORIES.index("power")
COOLING_CODE = CATEGORIES.index("cooling")
AIR_UNITS = ("crah", "fanwall", "inrow", "rdhx")
HEAT_REJECTION = ("chiller", "drycooler", "tower")
FREE_COOLERS = ("drycooler", "tower")
STANDBY_KINDS = ("generator",)  # carry no load in normal operation, only heater losses

DEFAULT_POWER_SYSTEM = "main"
DEFAULT_UTILITY_SYSTEM = "utility"
DEFAULT_AIR_LOOP = "air"
DEFAULT_LIQUID_LOOP = "liquid"
HEAT_REJECTION_GROUP = "heat_rejection"


@dataclass
class Group:
    """Rows of one group of devices that share a load, and its scheme key."""

    name: str  # power system or cooling loop
    role: str  # stage ("ups", "distribution", "storage", "utility:<kind>") or cooling role
    rows: NDArray[np.int64]

    @property
    def label(self) -> str:
        return f"{self.name} / {self.role}"


@dataclass
class Groups:
    racks: NDArray[np.int64]
    rack_system: list[str]
    rack_loop: list[str]
    power: list[Group] = field(default_factory=list)
    air: list[Group] = field(default_factory=list)
    liquid: list[Group] = field(default_factory=list)
    rejection: list[Group] = field(default_factory=list)  # chillers, dry coolers, towers
    pumps: NDArray[np.int64] = field(default_factory=lambda: np.zeros(0, dtype=np.int64))


def find_groups(s: Snapshot) -> Groups:
    cat = s.category
    kinds = s.types.kind
    stages = s.types.stage
    racks = np.flatnonzero(np.isin(cat, RACK_CODES))
    rack_system = [s.power_system[i] or DEFAULT_POWER_SYSTEM for i in racks]
    rack_loop = [s.cooling_loop[i] or DEFAULT_LIQUID_LOOP for i in racks]
    buckets: dict[tuple[str, str, str], list[int]] = {}
    pumps: list[int] = []
    for i in np.flatnonzero((cat == POWER_CODE) | (cat == COOLING_CODE)):
        t = int(s.type_index[i])
        kind = kinds[t]
        if cat[i] == POWER_CODE:
            stage = stages[t]
            if stage == "utility":
                key = ("power", s.power_system[i] or DEFAULT_UTILITY_SYSTEM, f"utility:{kind}")
            else:
                key = ("power", s.power_system[i] or DEFAULT_POWER_SYSTEM, stage)
        elif kind in AIR_UNITS:
            key = ("air", s.cooling_loop[i] or DEFAULT_AIR_LOOP, "air")
        elif kind == "cdu":
            key = ("liquid", s.cooling_loop[i] or DEFAULT_LIQUID_LOOP, "cdu")
        elif kind in HEAT_REJECTION:
            key = ("rejection", HEAT_REJECTION_GROUP, kind)
        elif kind == "pump":
            pumps.append(int(i))
            continue
        else:
            continue
        buckets.setdefault(key, []).append(int(i))
    g = Groups(racks=racks, rack_system=rack_system, rack_loop=rack_loop,
               pumps=np.asarray(pumps, dtype=np.int64))
    for (domain, name, role), rows in sorted(buckets.items()):
        getattr(g, domain).append(Group(name, role, np.asarray(rows, dtype=np.int64)))
    return g
