"""Invertible edits of single columns and doors, found by id: add, move and remove one without copying a list."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from workbench.model.design import ROTATIONS, Column, Design, Door, Hall
from workbench.model.edits import Edit

Kind = Literal["columns", "doors"]


def _hall(design: Design, hall_id: str) -> Hall:
    hall = design.hall(hall_id)
    if hall is None:
        raise KeyError(f"no hall {hall_id}")
    return hall


def find_item(design: Design, kind: Kind, item_id: str) -> tuple[Hall, int]:
    """The hall holding a column or door and its index there; KeyError when no hall has it."""
    for hall in design.halls:
        for i, item in enumerate(getattr(hall, kind)):
            if item.id == item_id:
                return hall, i
    raise KeyError(f"no {kind[:-1]} {item_id}")


@dataclass
class _AddItem(Edit):
    hall_id: str
    kind: Kind
    item: Column | Door

    def apply(self, design: Design) -> None:
        hall = _hall(design, self.hall_id)
        getattr(hall, self.kind).append(self.item)
        design.events.hall_changed.emit(hall.id)

    def revert(self, design: Design) -> None:
        hall, i = find_item(design, self.kind, self.item.id)
        del getattr(hall, self.kind)[i]
        design.events.hall_changed.emit(hall.id)


@dataclass
class _RemoveItem(Edit):
    item_id: str
    kind: Kind
    _where: tuple[str, int] = ("", -1)
    _item: Column | Door | None = field(default=None, repr=False)

    def apply(self, design: Design) -> None:
        hall, i = find_item(design, self.kind, self.item_id)
        self._where, self._item = (hall.id, i), getattr(hall, self.kind).pop(i)
        design.events.hall_changed.emit(hall.id)

    def revert(self, design: Design) -> None:
        hall_id, i = self._where
        hall = _hall(design, hall_id)
        getattr(hall, self.kind).insert(i, self._item)
        design.events.hall_changed.emit(hall_id)


@dataclass
class _MoveItem(Edit):
    item_id: str
    kind: Kind
    x_mm: float
    y_mm: float
    rotation_deg: int | None = None
    _old: tuple[float, float, int | None] = (0.0, 0.0, None)

    def __post_init__(self) -> None:
        if self.rotation_deg is not None and self.rotation_deg not in ROTATIONS:
            raise ValueError(f"rotation must be one of {ROTATIONS}, got {self.rotation_deg}")

    def _set(self, design: Design, x: float, y: float, rotation: int | None) -> tuple[float, float, int | None]:
        hall, i = find_item(design, self.kind, self.item_id)
        item = getattr(hall, self.kind)[i]
        old = (item.x_mm, item.y_mm, item.rotation_deg if isinstance(item, Door) else None)
        item.x_mm, item.y_mm = x, y
        if rotation is not None and isinstance(item, Door):
            item.rotation_deg = rotation
        design.events.hall_changed.emit(hall.id)
        return old

    def apply(self, design: Design) -> None:
        self._old = self._set(design, self.x_mm, self.y_mm, self.rotation_deg)

    def revert(self, design: Design) -> None:
        self._set(design, *self._old)


class AddColumn(_AddItem):
    """Add one column to a hall."""

    def __init__(self, hall_id: str, column: Column, text: str = "Add column") -> None:
        super().__init__(hall_id, "columns", column)
        self.text = text


class RemoveColumn(_RemoveItem):
    """Remove one column by id; revert puts it back at its place in the list."""

    def __init__(self, column_id: str, text: str = "Remove column") -> None:
        super().__init__(column_id, "columns")
        self.text = text


class MoveColumn(_MoveItem):
    """Move one column's centre to (x, y)."""

    def __init__(self, column_id: str, x_mm: float, y_mm: float, text: str = "Move column") -> None:
        super().__init__(column_id, "columns", x_mm, y_mm)
        self.text = text


class AddDoor(_AddItem):
    """Add one door to a hall."""

    def __init__(self, hall_id: str, door: Door, text: str = "Add door") -> None:
        super().__init__(hall_id, "doors", door)
        self.text = text


class RemoveDoor(_RemoveItem):
    """Remove one door by id; revert puts it back, so door numbers D1, D2 … come back too."""

    def __init__(self, door_id: str, text: str = "Remove door") -> None:
        super().__init__(door_id, "doors")
        self.text = text


class MoveDoor(_MoveItem):
    """Move one door to (x, y), turned along the wall it now sits on."""

    def __init__(self, door_id: str, x_mm: float, y_mm: float, rotation_deg: int | None = None,
                 text: str = "Move door") -> None:
        super().__init__(door_id, "doors", x_mm, y_mm, rotation_deg)
        self.text = text
