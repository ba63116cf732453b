"""Block types and assumption parameters as plain data (loaded by workbench.catalog)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from workbench.model.ports import Port
from workbench.model.run_prices import RunPrices

CATEGORIES = ("compute", "network", "storage", "power", "cooling", "structure")
RACK_CATEGORIES = ("compute", "network", "storage")
POWER_STAGES = ("utility", "ups", "distribution", "storage")


@dataclass(frozen=True)
class LossCoefficients:
    """WP113 device loss as a fraction of rating: a + b*x + c*x**2 with x = load/rating."""

    a: float = 0.0
    b: float = 0.0
    c: float = 0.0


@dataclass(frozen=True)
class RackSpec:
    it_kw: float
    air_fraction: float
    liquid_fraction: float
    coolant_dt_k: float | None = None
    liquid_class: str | None = None
    standard: str = "19in"
    power_input: str = "ac415"
    cords: int = 2  # power inputs: 2 = dual-corded (A and B), 1 = single-corded (A only)


@dataclass(frozen=True)
class PowerSpec:
    stage: str
    rating_kw: float
    rating_kva: float | None = None
    voltage_in: str = ""
    voltage_out: str = ""
    loss: LossCoefficients = LossCoefficients()
    battery_min: float | None = None
    output_dc_v: float | None = None


@dataclass(frozen=True)
class CoolingSpec:
    air_kw: float = 0.0
    liquid_kw: float = 0.0
    heat_rejection_kw: float = 0.0
    fan_kw: float = 0.0
    pump_kw: float = 0.0
    approach_k: float | None = None
    cop: float | None = None
    water_l_per_kwh: float = 0.0
    medium: str = "air"
    # Chillers: COP at 100/75/50/25 % load at the AHRI 550/590 IPLV rating conditions, and where it comes from.
    part_load_cop: tuple[float, float, float, float] | None = None
    part_load_source: str = ""
    condenser: str = ""  # chillers: "air" (air-cooled) or "water" (water-cooled, needs a tower)


@dataclass(frozen=True)
class Price:
    amount: float
    currency: str = "USD"
    date: str = ""
    basis: str = "rough order of magnitude"


@dataclass(frozen=True)
class BlockType:
    """One catalog entry: what a block of this type is, weighs, draws and costs."""

    id: str
    name: dict[str, str]
    category: str
    kind: str
    description: str
    width_mm: float
    depth_mm: float
    height_mm: float
    weight_kg: float
    clearance_front_mm: float = 0.0
    clearance_rear_mm: float = 0.0
    clearance_left_mm: float = 0.0
    clearance_right_mm: float = 0.0
    price: Price = Price(0.0)
    source: str = ""
    in_room: bool = True
    rack: RackSpec | None = None
    power: PowerSpec | None = None
    cooling: CoolingSpec | None = None
    structure_kind: str | None = None
    library: str = "core"
    ports: tuple[Port, ...] = ()  # typed connection points, from the catalog (defaults by category and kind)
    description_zh: str = ""  # the description in Chinese, for the palette in a Chinese window

    def display_description(self, lang: str = "en") -> str:
        return (self.description_zh if lang.startswith("zh") else "") or self.description

    def port(self, name: str) -> Port | None:
        for p in self.ports:
            if p.name == name:
                return p
        return None

    def display_name(self, lang: str = "en") -> str:
        return self.name.get(lang) or self.name.get("en") or self.id

    @property
    def is_rack(self) -> bool:
        return self.rack is not None


@dataclass(frozen=True)
class ParameterSpec:
    """An assumption the calculation uses: its default, unit, bounds and published source."""

    key: str
    default: float
    unit: str
    label: dict[str, str]
    source: str
    minimum: float | None = None
    maximum: float | None = None
    group: str = "general"

    def check(self, value: float) -> str | None:
        """Return a message when value is out of bounds, else None."""
        if value != value or value in (float("inf"), float("-inf")):
            return f"{self.key} must be a finite number"
        if self.minimum is not None and value < self.minimum:
            return f"{self.key} must be at least {self.minimum:g} {self.unit}".rstrip()
        if self.maximum is not None and value > self.maximum:
            return f"{self.key} must be at most {self.maximum:g} {self.unit}".rstrip()
        return None


@dataclass
class Catalog:
    """Block types by id plus the assumption parameters, as the calculation needs them."""

    types: dict[str, BlockType] = field(default_factory=dict)
    parameters: dict[str, ParameterSpec] = field(default_factory=dict)
    fx_rates: dict[str, float] = field(default_factory=lambda: {"USD": 1.0})
    fx_source: str = ""
    libraries: dict[str, dict[str, Any]] = field(default_factory=dict)
    # Per-metre prices of connection runs (resources/run_prices.json); None: runs are not priced.
    run_prices: RunPrices | None = None

    def get(self, type_id: str) -> BlockType | None:
        return self.types.get(type_id)

    def default_assumptions(self) -> dict[str, float]:
        return {k: p.default for k, p in self.parameters.items()}
