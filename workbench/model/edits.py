"""Invertible edits: every change to a design is an Edit with apply() and revert()."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from workbench.model.connections import Connection, remove_connections, restore_connections
from workbench.model.design import (
    ROTATIONS,
    Block,
    Design,
    Hall,
    ModuleInstance,
    Site,
    override_problem,
    parse_scheme,
)

BLOCK_FIELDS = ("name", "power_system", "cooling_loop", "locked", "type_id", "module_id", "hall_id")
SITE_FIELDS = tuple(Site.__dataclass_fields__)
HALL_FIELDS = ("name", "outline", "floor_type", "floor_rating_kn_m2", "columns", "doors")


class Edit:
    """Base class; subclasses keep everything needed to undo themselves.

    A block in a design is never changed in place: an edit puts a changed copy under its id (and undo puts
    the original back), so scenario states, the undo history and the canvas can share unchanged blocks and
    tell an unchanged one by identity.
    """

    text = "Edit"
    merge_key: str | None = None  # edits with equal non-None keys may merge (arrow nudges)

    def apply(self, design: Design) -> None:
        raise NotImplementedError

    def revert(self, design: Design) -> None:
        raise NotImplementedError

    def merge(self, other: Edit) -> bool:
        """Absorb a following edit of the same kind; return True when merged."""
        return False


@dataclass
class AddBlocks(Edit):
    blocks: list[Block]
    text: str = "Add blocks"

    def apply(self, design: Design) -> None:
        for b in self.blocks:
            if b.id in design.blocks:
                raise ValueError(f"block id {b.id} already in design")
        for b in self.blocks:
            design.blocks[b.id] = b
        design.events.blocks_added.emit(list(self.blocks))

    def revert(self, design: Design) -> None:
        for b in self.blocks:
            design.blocks.pop(b.id, None)
        design.events.blocks_removed.emit([b.id for b in self.blocks])


@dataclass
class RemoveBlocks(Edit):
    ids: list[str]
    text: str = "Delete blocks"
    _removed: list[tuple[int, Block]] = field(default_factory=list, repr=False)
    _connections: list[tuple[int, Connection]] = field(default_factory=list, repr=False)

    def apply(self, design: Design) -> None:
        order = {bid: i for i, bid in enumerate(design.blocks)}
        wanted = set(self.ids)
        self._removed = [(order[bid], design.blocks[bid]) for bid in design.blocks if bid in wanted]
        for _, b in self._removed:
            del design.blocks[b.id]
        # A deleted block takes its connections with it (and undo brings them back).
        self._connections = []
        if design.connections:
            gone = {b.id for _, b in self._removed}
            ids = {c.id for c in design.connections.values() if c.from_block in gone or c.to_block in gone}
            if ids:
                self._connections = remove_connections(design, ids)
                design.connections_version += 1
        design.events.blocks_removed.emit([b.id for _, b in self._removed])
        if self._connections:
            design.events.connections_changed.emit([c.id for _, c in self._connections])

    def revert(self, design: Design) -> None:
        # Restore the original order so save -> undo -> save gives identical files.
        items = list(design.blocks.items())
        for index, b in sorted(self._removed, key=lambda t: t[0]):
            items.insert(index, (b.id, b))
        design.blocks.clear()
        design.blocks.update(items)
        if self._connections:
            restore_connections(design, self._connections)
            design.connections_version += 1
        design.events.blocks_added.emit([b for _, b in self._removed])
        if self._connections:
            design.events.connections_changed.emit([c.id for _, c in self._connections])


@dataclass
class MoveBlocks(Edit):
    """Set new centre positions (and optionally rotations) for blocks."""

    ids: list[str]
    new_positions: list[tuple[float, float]]
    new_rotations: list[int] | None = None
    text: str = "Move blocks"
    merge_key: str | None = None
    _old: list[Block] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        if len(self.ids) != len(self.new_positions):
            raise ValueError("ids and positions differ in length")
        if self.new_rotations is not None:
            for r in self.new_rotations:
                if r not in ROTATIONS:
                    raise ValueError(f"rotation must be one of {ROTATIONS}, got {r}")

    def apply(self, design: Design) -> None:
        self._old = []
        for i, bid in enumerate(self.ids):
            b = design.blocks[bid]
            self._old.append(b)
            x, y = self.new_positions[i]
            r = self.new_rotations[i] if self.new_rotations is not None else b.rotation_deg
            design.blocks[bid] = b.copy(x_mm=x, y_mm=y, rotation_deg=r)
        design.events.blocks_moved.emit(list(self.ids))

    def revert(self, design: Design) -> None:
        # Backwards, so an id listed twice ends with its first block; that very block goes back, since views
        # and scenario states tell an unchanged block by identity.
        for bid, b in reversed(list(zip(self.ids, self._old))):
            design.blocks[bid] = b
        design.events.blocks_moved.emit(list(self.ids))

    def merge(self, other: Edit) -> bool:
        if (
            not isinstance(other, MoveBlocks)
            or self.merge_key is None
            or other.merge_key != self.merge_key
            or other.ids != self.ids
        ):
            return False
        self.new_positions = list(other.new_positions)
        if other.new_rotations is not None:
            self.new_rotations = list(other.new_rotations)
        return True


@dataclass
class SetBlockField(Edit):
    """Set one field (name, power_system, locked, ...) or one override on several blocks."""

    ids: list[str]
    field_name: str
    values: list[Any]
    override: bool = False  # True: values are overrides of type figures (None removes one)
    text: str = "Edit property"
    _old: list[Block] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        if not self.override and self.field_name not in BLOCK_FIELDS:
            raise ValueError(f"{self.field_name!r} is not an editable block field")
        if len(self.values) == 1 and len(self.ids) > 1:
            self.values = self.values * len(self.ids)
        if self.override:
            for value in self.values:
                problem = None if value is None else override_problem(self.field_name, float(value))
                if problem:  # the file could not be opened again: refuse here, where the user typed it
                    raise ValueError(f"{self.field_name}: {problem}")

    def apply(self, design: Design) -> None:
        self._old = []
        for bid, value in zip(self.ids, self.values):
            b = design.blocks[bid]
            self._old.append(b)
            if self.override:
                overrides = dict(b.overrides)
                if value is None:
                    overrides.pop(self.field_name, None)
                else:
                    overrides[self.field_name] = float(value)
                design.blocks[bid] = b.copy(overrides=overrides)
            else:
                design.blocks[bid] = b.copy(**{self.field_name: value})
        design.events.blocks_changed.emit(list(self.ids))

    def revert(self, design: Design) -> None:
        for bid, b in reversed(list(zip(self.ids, self._old))):
            design.blocks[bid] = b
        design.events.blocks_changed.emit(list(self.ids))


@dataclass
class SetHallField(Edit):
    hall_id: str
    field_name: str
    value: Any
    text: str = "Edit hall"
    _old: Any = None

    def __post_init__(self) -> None:
        if self.field_name not in HALL_FIELDS:
            raise ValueError(f"{self.field_name!r} is not an editable hall field")

    def apply(self, design: Design) -> None:
        hall = _hall(design, self.hall_id)
        self._old = copy.deepcopy(getattr(hall, self.field_name))
        setattr(hall, self.field_name, copy.deepcopy(self.value))
        design.events.hall_changed.emit(self.hall_id)

    def revert(self, design: Design) -> None:
        setattr(_hall(design, self.hall_id), self.field_name, self._old)
        design.events.hall_changed.emit(self.hall_id)


@dataclass
class AddHall(Edit):
    hall: Hall
    text: str = "Add hall"

    def apply(self, design: Design) -> None:
        design.halls.append(self.hall)
        design.events.halls_changed.emit()

    def revert(self, design: Design) -> None:
        design.halls.remove(self.hall)
        design.events.halls_changed.emit()


@dataclass
class RemoveHall(Edit):
    """Take a hall out of the design (its blocks are another edit's business: delete or keep them first)."""

    hall_id: str
    text: str = "Delete hall"
    _index: int = -1
    _hall: Hall | None = None

    def apply(self, design: Design) -> None:
        index = next((i for i, h in enumerate(design.halls) if h.id == self.hall_id), -1)
        if index < 0:
            raise KeyError(f"no hall with id {self.hall_id}")
        self._index, self._hall = index, design.halls.pop(index)
        design.events.halls_changed.emit()

    def revert(self, design: Design) -> None:
        assert self._hall is not None
        design.halls.insert(self._index, self._hall)  # back in its place: file order and "first hall" hold
        design.events.halls_changed.emit()


@dataclass
class SetSiteField(Edit):
    field_name: str
    value: Any
    text: str = "Edit site"
    _old: Any = None

    def __post_init__(self) -> None:
        if self.field_name not in SITE_FIELDS:
            raise ValueError(f"{self.field_name!r} is not a site field")

    def apply(self, design: Design) -> None:
        self._old = getattr(design.site, self.field_name)
        setattr(design.site, self.field_name, self.value)
        design.events.site_changed.emit()

    def revert(self, design: Design) -> None:
        setattr(design.site, self.field_name, self._old)
        design.events.site_changed.emit()


@dataclass
class SetAssumption(Edit):
    key: str
    value: float
    text: str = "Edit assumption"
    _old: float | None = None

    def apply(self, design: Design) -> None:
        self._old = design.assumptions.values.get(self.key)
        design.assumptions.values[self.key] = float(self.value)
        design.events.assumptions_changed.emit()

    def revert(self, design: Design) -> None:
        if self._old is None:
            design.assumptions.values.pop(self.key, None)
        else:
            design.assumptions.values[self.key] = self._old
        design.events.assumptions_changed.emit()


@dataclass
class SetScheme(Edit):
    """Set the redundancy scheme of a power system or a cooling group ("" removes it)."""

    domain: str  # "power" or "cooling"
    name: str
    scheme: str
    text: str = "Edit redundancy"
    _old: str | None = None

    def __post_init__(self) -> None:
        if self.domain not in ("power", "cooling"):
            raise ValueError("domain must be 'power' or 'cooling'")
        if self.scheme:
            parse_scheme(self.scheme)

    def _table(self, design: Design) -> dict[str, str]:
        a = design.assumptions
        return a.power_schemes if self.domain == "power" else a.cooling_schemes

    def apply(self, design: Design) -> None:
        table = self._table(design)
        self._old = table.get(self.name)
        if self.scheme:
            table[self.name] = self.scheme
        else:
            table.pop(self.name, None)
        design.events.assumptions_changed.emit()

    def revert(self, design: Design) -> None:
        table = self._table(design)
        if self._old is None:
            table.pop(self.name, None)
        else:
            table[self.name] = self._old
        design.events.assumptions_changed.emit()


@dataclass
class AddModule(Edit):
    """Register a module instance (its blocks are added by a following AddBlocks)."""

    module: ModuleInstance
    text: str = "Add module"

    def apply(self, design: Design) -> None:
        design.modules[self.module.id] = self.module
        design.events.modules_changed.emit()

    def revert(self, design: Design) -> None:
        design.modules.pop(self.module.id, None)
        design.events.modules_changed.emit()


@dataclass
class RemoveModule(Edit):
    module_id: str
    text: str = "Remove module"
    _old: ModuleInstance | None = None
    _index: int = 0

    def apply(self, design: Design) -> None:
        self._index = list(design.modules).index(self.module_id)
        self._old = design.modules.pop(self.module_id)
        design.events.modules_changed.emit()

    def revert(self, design: Design) -> None:
        if self._old is not None:
            # Back in its old place, so undo gives a byte-identical file.
            items = list(design.modules.items())
            items.insert(self._index, (self._old.id, self._old))
            design.modules.clear()
            design.modules.update(items)
        design.events.modules_changed.emit()


@dataclass
class CompoundEdit(Edit):
    """Several edits applied as one undo step, reverted in reverse order."""

    edits: list[Edit]
    text: str = "Edit"

    def apply(self, design: Design) -> None:
        done: list[Edit] = []
        try:
            for e in self.edits:
                e.apply(design)
                done.append(e)
        except Exception:
            # Nothing half applied: roll back what already went in.
            for e in reversed(done):
                e.revert(design)
            raise

    def revert(self, design: Design) -> None:
        for e in reversed(self.edits):
            e.revert(design)


def _hall(design: Design, hall_id: str) -> Hall:
    hall = design.hall(hall_id)
    if hall is None:
        raise KeyError(f"no hall {hall_id}")
    return hall
