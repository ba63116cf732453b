"""The design as plain dataclasses: site, halls, placed blocks, modules and assumptions."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from typing import Any

from workbench.model.climate import SiteClimate
from workbench.model.connections import Connection
from workbench.model.events import DesignEvents
from workbench.model.proposal import Proposal
from workbench.model.underlay import UnderlayRef

ROTATIONS = (0, 90, 180, 270)
REDUNDANCY_SCHEMES = ("N", "N+1", "N+2", "2N", "2(N+1)", "DR")


def new_id() -> str:
    return uuid.uuid4().hex


@dataclass
class Site:
    name: str = "New design"
    customer: str = ""
    location: str = ""
    currency: str = "USD"
    electricity_price_per_kwh: float = 0.10
    revision: str = "A"
    prepared_by: str = ""
    notes: str = ""
    logo_path: str = ""


@dataclass
class Column:
    """A building column or fixed obstacle, as a rectangle centred on (x, y)."""

    id: str = field(default_factory=new_id)
    x_mm: float = 0.0
    y_mm: float = 0.0
    width_mm: float = 600.0
    depth_mm: float = 600.0


@dataclass
class Door:
    """A door in the hall wall, centred on (x, y); rotation 0 lies along x."""

    id: str = field(default_factory=new_id)
    x_mm: float = 0.0
    y_mm: float = 0.0
    width_mm: float = 1800.0
    rotation_deg: int = 0


@dataclass
class Hall:
    id: str = field(default_factory=new_id)
    name: str = "Hall 1"
    outline: list[tuple[float, float]] = field(
        default_factory=lambda: [(0.0, 0.0), (20000.0, 0.0), (20000.0, 12000.0), (0.0, 12000.0)]
    )
    floor_type: str = "slab"  # "slab" or "raised"
    floor_rating_kn_m2: float = 20.0
    columns: list[Column] = field(default_factory=list)
    doors: list[Door] = field(default_factory=list)


@dataclass(slots=True)
class Block:
    """A placed block: its type, centre position (mm), rotation and per-block overrides.

    At rotation 0 the front (cold-aisle side) faces -y; rotation turns counter-clockwise.
    """

    type_id: str
    x_mm: float = 0.0
    y_mm: float = 0.0
    rotation_deg: int = 0
    id: str = field(default_factory=new_id)
    name: str = ""
    hall_id: str = ""
    power_system: str = ""
    cooling_loop: str = ""
    module_id: str = ""
    locked: bool = False
    overrides: dict[str, float] = field(default_factory=dict)

    def copy(self, **changes: object) -> Block:
        """A copy with some fields changed. Edits put such a copy in a design rather than change a block
        in place (see model/edits.py), so it is built field by field: a generic loop costs twice as much."""
        out = Block(self.type_id, self.x_mm, self.y_mm, self.rotation_deg, self.id, self.name, self.hall_id,
                    self.power_system, self.cooling_loop, self.module_id, self.locked, dict(self.overrides))
        for name, value in changes.items():
            setattr(out, name, value)  # the copy is not shared yet
        return out


@dataclass
class ModuleInstance:
    """A placed module (pod): blocks that keep their identity as one brick."""

    id: str = field(default_factory=new_id)
    name: str = ""
    template: str = ""


@dataclass
class Assumptions:
    """Calculation inputs a user can see and change; defaults and sources live in the catalog."""

    values: dict[str, float] = field(default_factory=dict)
    power_schemes: dict[str, str] = field(default_factory=dict)
    cooling_schemes: dict[str, str] = field(
        default_factory=lambda: {"air": "N+1", "liquid": "N+1", "heat_rejection": "N+1"}
    )
    # Allowances the design gives as a lump sum instead of their share or rate: assumption key -> USD
    # (model/allowances.py). A key that is absent is sized from its assumption as usual.
    fixed_usd: dict[str, float] = field(default_factory=dict)

    def get(self, key: str, default: float = 0.0) -> float:
        return self.values.get(key, default)


@dataclass
class Scenario:
    """A named option kept in the same file: only what differs from the base, as a difference document.

    The differences are plain JSON in the file's own form (see workbench/io/scenario_docs.py), so a field
    the format gains later is covered without a change here.
    """

    name: str
    id: str = field(default_factory=new_id)
    description: str = ""
    changes: dict[str, Any] = field(default_factory=dict)
    # Why the differences cannot be applied to the base (found when the file was read); kept, not shown.
    problems: list[str] = field(default_factory=list, compare=False)


@dataclass
class Design:
    """The whole design; change it only through edits so views can follow the events."""

    site: Site = field(default_factory=Site)
    halls: list[Hall] = field(default_factory=lambda: [Hall()])
    blocks: dict[str, Block] = field(default_factory=dict)
    modules: dict[str, ModuleInstance] = field(default_factory=dict)
    assumptions: Assumptions = field(default_factory=Assumptions)
    description: str = ""
    meta: dict[str, str] = field(default_factory=dict)
    # Options side by side: the named scenarios, which one is being edited ("" = the base), and, while one
    # is, the base as its file document so the scenario's differences can be taken against it.
    scenarios: list[Scenario] = field(default_factory=list)
    active_scenario: str = ""
    scenario_base: dict[str, Any] | None = field(default=None, compare=False, repr=False)
    # The plant graph's edges by id, in file order (see workbench/model/connections.py).
    connections: dict[str, Connection] = field(default_factory=dict)
    # Weather file, cooling loop temperatures and IT load profile for the hourly year (model/climate.py).
    climate: SiteClimate = field(default_factory=SiteClimate)
    # The architect's DXF drawn under the halls (model/underlay.py); None when there is none.
    underlay: UnderlayRef | None = None
    # Scope, exclusions, terms, revisions, sign-off, basis of design, translated names (model/proposal.py).
    proposal: Proposal = field(default_factory=Proposal)
    events: DesignEvents = field(default_factory=DesignEvents, compare=False, repr=False)
    # Bumped by every change to `connections`, so calculations can keep the graph between runs.
    connections_version: int = field(default=0, compare=False, repr=False)

    def hall(self, hall_id: str) -> Hall | None:
        for hall in self.halls:
            if hall.id == hall_id:
                return hall
        return None

    def hall_of(self, block: Block) -> Hall | None:
        return self.hall(block.hall_id) or (self.halls[0] if self.halls else None)

    def blocks_in_module(self, module_id: str) -> list[Block]:
        return [b for b in self.blocks.values() if b.module_id == module_id]


# Per-block overrides the project file accepts (the schema says the same): fractions 0..1; anything else 0 or
# between these, since a 5e-324 kW rating makes every quotient infinite.
FRACTION_OVERRIDES = frozenset({"air_fraction", "liquid_fraction"})
MIN_OVERRIDE = 0.000001
MAX_OVERRIDE = 1_000_000_000.0


def override_problem(key: str, value: float) -> str | None:
    """Why an override value cannot be stored in a design, or None."""
    if value != value or value in (float("inf"), float("-inf")):
        return "must be a finite number"
    if key in FRACTION_OVERRIDES:
        return None if 0.0 <= value <= 1.0 else f"{value:g} is outside 0…1"
    if value == 0.0 or MIN_OVERRIDE <= value <= MAX_OVERRIDE:
        return None
    return f"{value:g} must be 0, or between {MIN_OVERRIDE:g} and {MAX_OVERRIDE:g}"


MAX_REDUNDANT_K = 99  # the schema's limit too: more spare modules than that is a typing error
_SCHEME_K = re.compile(r"N\+([0-9]+)|2\(N\+([0-9]+)\)", re.ASCII)


def parse_scheme(scheme: str) -> tuple[str, int]:
    """Split a redundancy scheme into (family, k): N, N+k, 2N, 2(N+k), DR; k is at most MAX_REDUNDANT_K."""
    s = scheme.replace(" ", "").upper()
    if s == "N":
        return "N", 0
    m = _SCHEME_K.fullmatch(s)
    if m:
        digits = (m.group(1) or m.group(2)).lstrip("0") or "0"
        # "N+99999999999999999999" must not reach numpy as an integer (OverflowError) or size an array.
        if len(digits) > 3 or int(digits) > MAX_REDUNDANT_K:
            raise ValueError(f"redundancy scheme {scheme[:40]!r}: k is at most {MAX_REDUNDANT_K}")
        return ("N+k", int(digits)) if m.group(1) is not None else ("2(N+k)", int(digits))
    if s == "2N":
        return "2N", 0
    if s in ("DR", "M-1", "DISTRIBUTED"):
        return "DR", 1
    raise ValueError(f"unknown redundancy scheme {scheme!r} (use N, N+k, 2N, 2(N+k) or DR)")
