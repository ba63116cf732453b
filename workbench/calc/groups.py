"""Which blocks form each power system stage and cooling group, with their default names."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

from workbench.calc.snapshot import Snapshot
from workbench.model.blocktype import CATEGORIES

RACK_CODES = (CATEGORIES.index("compute"), CATEGORIES.index("network"), CATEGORIES.index("storage"))
_IS_RACK = np.isin(np.arange(len(CATEGORIES)), RACK_CODES)  # per category code: a lookup beats isin per block
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
    rack_system_code: NDArray[np.int64]  # index into names, per rack
    rack_loop_code: NDArray[np.int64]
    names: list[str]  # resolved system and loop names (defaults filled in)
    power: list[Group] = field(default_factory=list)
    air: list[Group] = field(default_factory=list)
    liquid: list[Group] = field(default_factory=list)
    rejection: list[Group] = field(default_factory=list)  # chillers, dry coolers, towers
    pumps: NDArray[np.int64] = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    # Group number of every block row (-1: in no group), in the order power, air, liquid, rejection.
    label: NDArray[np.int64] = field(default_factory=lambda: np.zeros(0, dtype=np.int64))

    @property
    def rack_system(self) -> list[str]:
        return [self.names[c] for c in self.rack_system_code]

    @property
    def rack_loop(self) -> list[str]:
        return [self.names[c] for c in self.rack_loop_code]

    @property
    def all(self) -> list[Group]:
        return self.power + self.air + self.liquid + self.rejection


# Domains in the order find_groups sorts them (alphabetical, as the bucket keys always were).
_DOMAINS = ("air", "liquid", "power", "rejection")
_ORDER = ("power", "air", "liquid", "rejection")  # the order groups are numbered and listed in
_RANK = {name: i for i, name in enumerate(_ORDER)}
_PUMP = -2


def _type_roles(s: Snapshot) -> list[tuple[int, str, str]]:
    """Per type: (domain index, or -1 for none and _PUMP for pumps; role; default name)."""
    roles = []
    for t in range(len(s.types.ids)):
        cat, kind, stage = int(s.types.category[t]), s.types.kind[t], s.types.stage[t]
        if cat == POWER_CODE:
            if stage == "utility":
                roles.append((2, f"utility:{kind}", DEFAULT_UTILITY_SYSTEM))
            else:
                roles.append((2, stage, DEFAULT_POWER_SYSTEM))
        elif cat != COOLING_CODE:
            roles.append((-1, "", ""))
        elif kind in AIR_UNITS:
            roles.append((0, "air", DEFAULT_AIR_LOOP))
        elif kind == "cdu":
            roles.append((1, "cdu", DEFAULT_LIQUID_LOOP))
        elif kind in HEAT_REJECTION:
            roles.append((3, kind, HEAT_REJECTION_GROUP))
        elif kind == "pump":
            roles.append((_PUMP, "", ""))
        else:
            roles.append((-1, "", ""))
    return roles


def find_groups(s: Snapshot) -> Groups:
    cat = s.category
    n = len(s.ids)
    racks = np.flatnonzero(_IS_RACK[cat])
    names: dict[str, int] = {}

    def resolve(raw: list[str], default: str) -> NDArray[np.int64]:
        """Name number per raw code, with the default for blank names."""
        return np.asarray([names.setdefault(r or default, len(names)) for r in raw], dtype=np.int64)

    sys_main = resolve(s.system_names, DEFAULT_POWER_SYSTEM)
    loop_liq = resolve(s.loop_names, DEFAULT_LIQUID_LOOP)
    g = Groups(racks=racks, rack_system_code=sys_main[s.system_code[racks]] if n else racks,
               rack_loop_code=loop_liq[s.loop_code[racks]] if n else racks, names=[],
               label=np.full(n, -1, dtype=np.int64))
    roles = _type_roles(s)
    domain_of_type = np.asarray([r[0] for r in roles] or [-1], dtype=np.int64)
    domain = domain_of_type[s.type_index] if n else np.zeros(0, dtype=np.int64)
    g.pumps = np.flatnonzero(domain == _PUMP)
    rows = np.flatnonzero(domain >= 0)
    if len(rows) == 0:
        g.names = list(names)
        return g
    # Name of each grouped row: its system (power) or loop (cooling), blank gives the type's default.
    sys_util = resolve(s.system_names, DEFAULT_UTILITY_SYSTEM)
    loop_air = resolve(s.loop_names, DEFAULT_AIR_LOOP)
    hr = names.setdefault(HEAT_REJECTION_GROUP, len(names))
    t_rows = s.type_index[rows]
    d_rows = domain[rows]
    util = np.asarray([r[1].startswith("utility:") for r in roles], dtype=bool)[t_rows]
    name = np.select(
        [d_rows == 0, d_rows == 1, (d_rows == 2) & util, d_rows == 2],
        [loop_air[s.loop_code[rows]], loop_liq[s.loop_code[rows]], sys_util[s.system_code[rows]],
         sys_main[s.system_code[rows]]], hr)
    g.names = list(names)
    # One key per (type role, name); groups merge types that share a domain and role.
    role_names = sorted({(r[0], r[1]) for r in roles if r[0] >= 0})
    role_number = {rn: i for i, rn in enumerate(role_names)}
    role_of_type = np.asarray([role_number.get((r[0], r[1]), -1) for r in roles], dtype=np.int64)
    key = role_of_type[t_rows] * len(g.names) + name
    # One stable sort gives each group's rows together, in row order, and the distinct keys with their counts.
    order = np.argsort(key, kind="stable")
    grouped, sorted_key = rows[order], key[order]
    starts = np.flatnonzero(np.concatenate(([True], sorted_key[1:] != sorted_key[:-1])))
    uniq = sorted_key[starts]
    counts = np.diff(np.append(starts, len(sorted_key)))
    bounds = np.append(starts, len(sorted_key)).tolist()
    n_names = len(g.names)
    found = []
    for k, code in enumerate(uniq.tolist()):
        dom, role = role_names[code // n_names]
        found.append((_RANK[_DOMAINS[dom]], g.names[code % n_names], role, k))
    # Groups are numbered power, air, liquid, rejection, each domain by name then role.
    found.sort()
    number_of = np.empty(len(uniq), dtype=np.int64)
    lists = {"power": g.power, "air": g.air, "liquid": g.liquid, "rejection": g.rejection}
    for number, (rank, gname, role, k) in enumerate(found):
        number_of[k] = number
        lists[_ORDER[rank]].append(Group(gname, role, grouped[bounds[k]:bounds[k + 1]]))
    g.label[grouped] = np.repeat(number_of, counts)
    return g
