"""Typed sections of the calculation results: frozen dataclasses whose to_dict() is the documented JSON.

The calculation's producers may still hand over plain dictionaries; `Results` turns each into its section
with `from_dict`, which refuses a dictionary that lacks a documented key. A renamed key therefore fails
the first test that calculates anything, instead of showing 0 in a dock. A key a section does not declare
yet is kept (`extra`) and written after the declared ones, so a producer can add figures before their field.

Read sections by attribute (`results.space.rack_count`): mypy checks the name. Mapping access
(`results.space["rack_count"]`) remains for code that reads results like the JSON; it raises KeyError for a
key the section does not have, `get` included, so it cannot silently fall back to a default either.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, fields
from typing import Any, ClassVar, TypeVar

S = TypeVar("S", bound="Section")
_DECLARED: dict[type, tuple[str, ...]] = {}
_KEYS: dict[type, frozenset[str]] = {}


def _plain(value: Any) -> Any:
    """JSON-ready form: sections to dictionaries, tuples to lists, recursively."""
    if isinstance(value, Section):
        return value.to_dict()
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


class Section(Mapping[str, Any]):
    """Base of every result section (subclasses are frozen dataclasses with an `extra` field last)."""

    # Fields holding other sections: name -> the section class (a tuple field holds several of them).
    nested: ClassVar[dict[str, type[Section]]] = {}
    extra: dict[str, Any]

    @classmethod
    def declared(cls) -> tuple[str, ...]:
        """The documented keys, in JSON order (cached per class: results are made on every edit)."""
        names = _DECLARED.get(cls)
        if names is None:
            names = _DECLARED[cls] = tuple(f.name for f in fields(cls) if f.name != "extra")  # type: ignore[arg-type]
            _KEYS[cls] = frozenset(names)
        return names

    def to_dict(self) -> dict[str, Any]:
        out = {name: _plain(getattr(self, name)) for name in self.declared()}
        out.update(self.extra)
        return out

    @classmethod
    def from_dict(cls: type[S], data: Mapping[str, Any] | S) -> S:
        """The section from a producer's dictionary; KeyError naming the section and key when one is missing."""
        if type(data) is not dict:
            if isinstance(data, cls):
                return data
            data = dict(data)
        names = cls.declared()
        keys = _KEYS[cls]
        # A frozen dataclass refuses attribute writes, not its own __dict__: filling it directly skips __init__'s
        # per-field setattr, which made typing a campus's results cost milliseconds on every full run.
        made: S = object.__new__(cls)
        own = made.__dict__
        if data.keys() == keys:  # the usual case, checked in C
            own.update(data)
            own["extra"] = {}
        else:
            missing = [n for n in names if n not in data]
            if missing:
                raise KeyError(f"results section {cls.__name__} lacks {', '.join(map(repr, missing))}: "
                               "a producer renamed or dropped a documented key")
            own.update({name: data[name] for name in names})
            own["extra"] = {k: v for k, v in data.items() if k not in keys}
        for name, sub in cls.nested.items():
            value = own[name]
            own[name] = ([sub.from_dict(v) for v in value] if isinstance(value, (list, tuple))
                         else sub.from_dict(value))
        return made

    # --- reading like the JSON ------------------------------------------------------------
    def __getitem__(self, key: str) -> Any:
        if key in self.extra:
            return self.extra[key]
        if key not in self.declared():
            raise KeyError(f"results section {type(self).__name__} has no {key!r}")
        return getattr(self, key)

    def get(self, key: str, default: Any = None) -> Any:
        """Like dict.get for the keys the section has; an unknown key is an error, not a silent default."""
        value = self[key]
        return default if value is None else value

    def __eq__(self, other: object) -> bool:
        """Equal to the same section, or to the JSON dictionary it stands for (tests compare with both)."""
        if isinstance(other, Section):
            return type(self) is type(other) and self.to_dict() == other.to_dict()
        if isinstance(other, Mapping):
            return bool(self.to_dict() == _plain(dict(other)))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __iter__(self) -> Iterator[str]:
        return iter([*self.declared(), *self.extra])

    def __len__(self) -> int:
        return len(self.declared()) + len(self.extra)


# --- space and floor -----------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class HallSpace(Section):
    id: str
    name: str
    area_m2: float
    white_space_m2: float  # 0 for a hall with no racks while another hall has some
    floor_m2: float  # net of columns
    footprint_m2: float
    it_kw: float
    kw_per_m2: float
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, eq=False)
class SpaceResult(Section):
    area_m2: float
    white_space_m2: float
    footprint_m2: float
    footprint_share: float
    racks: dict[str, int]  # compute, network, storage
    rack_count: int
    block_count: int
    kw_per_m2: float
    kw_per_rack: float
    halls: list[HallSpace]
    extra: dict[str, Any] = field(default_factory=dict)
    nested: ClassVar[dict[str, type[Section]]] = {"halls": HallSpace}


@dataclass(frozen=True, eq=False)
class HallFloor(Section):
    id: str
    name: str
    floor_type: str
    rating_kn_m2: float
    total_weight_kg: float
    average_kn_m2: float
    max_block_kn_m2: float
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, eq=False)
class FloorResult(Section):
    total_weight_kg: float
    max_block_kn_m2: float
    halls: list[HallFloor]
    extra: dict[str, Any] = field(default_factory=dict)
    nested: ClassVar[dict[str, type[Section]]] = {"halls": HallFloor}


# --- power and cooling ---------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class CoolingGroup(Section):
    """One cooling group (air, liquid loop or heat rejection) against its redundancy scheme."""

    name: str
    role: str
    scheme: str
    modules: int
    installed_kw: float
    usable_kw: float
    required_modules: int
    load_kw: float
    utilisation: float | None  # None: load on a group with no usable capacity
    headroom_kw: float
    stranded_kw: float
    electrical_kw: float
    redundancy_met: bool
    within_installed: bool
    blocks: list[str]
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, eq=False)
class PowerSystem(Section):
    """One power system (UPS, distribution, utility, storage …) against its redundancy scheme.

    A storage system also has "ride_through_min" (None without load); it then sits in `extra`, read it
    with `ride_through_min`.
    """

    name: str
    role: str
    scheme: str
    modules: int
    installed_kw: float
    usable_kw: float
    required_modules: int
    load_kw: float
    utilisation: float | None
    headroom_kw: float
    stranded_kw: float
    redundancy_met: bool
    within_installed: bool
    blocks: list[str]
    losses_kw: float
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def ride_through_min(self) -> float | None:
        value = self.extra.get("ride_through_min")
        return None if value is None else float(value)


@dataclass(frozen=True, eq=False)
class DcBus(Section):
    voltage_v: float
    racks: int
    max_rack_current_a: float
    total_current_a: float
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, eq=False)
class PowerResult(Section):
    it_kw: float
    losses_kw: float
    systems: list[PowerSystem]
    dc_bus: list[DcBus]
    extra: dict[str, Any] = field(default_factory=dict)
    nested: ClassVar[dict[str, type[Section]]] = {"systems": PowerSystem, "dc_bus": DcBus}


@dataclass(frozen=True, eq=False)
class CoolingResult(Section):
    air_heat_kw: float
    liquid_heat_kw: float
    room_loss_heat_kw: float
    rejected_heat_kw: float
    cooling_power_kw: float
    chiller_kw: float
    fans_pumps_kw: float
    airflow_m3h: float
    airflow_cfm: float
    coolant_lpm: float
    coolant_gpm: float
    air: list[CoolingGroup]
    liquid: list[CoolingGroup]
    heat_rejection: list[CoolingGroup]
    extra: dict[str, Any] = field(default_factory=dict)
    nested: ClassVar[dict[str, type[Section]]] = {"air": CoolingGroup, "liquid": CoolingGroup,
                                                  "heat_rejection": CoolingGroup}


# --- money and energy ----------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class CostResult(Section):
    currency: str
    fx_rate_per_usd: float
    fx_source: str
    note: str
    capex_by_category: dict[str, float]
    capex_total: float
    capex_it_equipment: float
    capex_facility_equipment: float
    cost_per_mw_it: float
    facility_cost_per_mw_it: float
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, eq=False)
class EnergyResult(Section):
    annual_it_mwh: float
    annual_facility_mwh: float
    annual_cost: float
    annual_overhead_cost: float
    electricity_price_per_kwh: float
    currency: str
    annual_water_m3: float
    wue_l_per_kwh: float
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, eq=False)
class OverheadResult(Section):
    """Facility power beside IT at the load fraction, kW."""

    power_losses: float
    cooling: float
    lighting: float
    misc: float
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, eq=False)
class PartialPue(Section):
    """pPUE per subsystem (PUE = 1 + Σ(pPUE − 1)); empty (all None, no keys) with no IT load."""

    power: float | None = None
    cooling: float | None = None
    lighting_misc: float | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        if self.power is None:
            return dict(self.extra)
        return super().to_dict()

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | PartialPue) -> PartialPue:
        if isinstance(data, PartialPue):
            return data
        if not data:
            return cls()
        return super().from_dict(data)
