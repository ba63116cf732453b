"""The inspector page for selected blocks: identity, placement and overrides of type figures."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from workbench.calc.groups import (
    AIR_UNITS,
    DEFAULT_AIR_LOOP,
    DEFAULT_LIQUID_LOOP,
    DEFAULT_POWER_SYSTEM,
    DEFAULT_UTILITY_SYSTEM,
)
from workbench.model.blocktype import BlockType
from workbench.model.design import ROTATIONS, Block
from workbench.model.edits import Edit, MoveBlocks, SetBlockField
from workbench.ui.docks.fields import MIXED, CheckField, ChoiceField, Field, FormGrid, NumberField, TextField
from workbench.ui.docks.inspector_connections import ConnectionsPanel
from workbench.ui.docks.roles import set_role
from workbench.ui.document import Document


@dataclass(frozen=True)
class OverrideSpec:
    """A per-block override of a catalog figure, with the bounds the inspector enforces."""

    key: str
    unit: str
    minimum: float
    maximum: float | None
    applies: Callable[[BlockType], bool]
    min_exclusive: bool = False


def type_value(t: BlockType, key: str) -> float:
    """The catalog figure a block of type t has when it carries no override."""
    r, p, c = t.rack, t.power, t.cooling
    table: dict[str, float] = {
        "it_kw": r.it_kw if r else 0.0,
        "air_fraction": r.air_fraction if r else 0.0,
        "liquid_fraction": r.liquid_fraction if r else 0.0,
        "coolant_dt_k": (r.coolant_dt_k or 0.0) if r else 0.0,
        "rating_kw": p.rating_kw if p else 0.0,
        "air_kw": c.air_kw if c else 0.0,
        "liquid_kw": c.liquid_kw if c else 0.0,
        "heat_rejection_kw": c.heat_rejection_kw if c else 0.0,
        "fan_kw": c.fan_kw if c else 0.0,
        "pump_kw": c.pump_kw if c else 0.0,
        "cop": (c.cop or 0.0) if c else 0.0,
        "weight_kg": t.weight_kg,
    }
    return table[key]


OVERRIDES: tuple[OverrideSpec, ...] = (
    OverrideSpec("it_kw", "kW", 0.0, 5000.0, lambda t: t.rack is not None),
    OverrideSpec("air_fraction", "", 0.0, 1.0, lambda t: t.rack is not None),
    OverrideSpec("liquid_fraction", "", 0.0, 1.0, lambda t: t.rack is not None),
    OverrideSpec("coolant_dt_k", "K", 1.0, 40.0, lambda t: t.rack is not None and t.rack.liquid_fraction > 0),
    OverrideSpec("rating_kw", "kW", 0.0, 100000.0, lambda t: t.power is not None, min_exclusive=True),
    OverrideSpec("air_kw", "kW", 0.0, 100000.0, lambda t: t.cooling is not None and t.cooling.air_kw > 0),
    OverrideSpec("liquid_kw", "kW", 0.0, 100000.0, lambda t: t.cooling is not None and t.cooling.liquid_kw > 0),
    OverrideSpec("heat_rejection_kw", "kW", 0.0, 100000.0,
                 lambda t: t.cooling is not None and t.cooling.heat_rejection_kw > 0),
    OverrideSpec("fan_kw", "kW", 0.0, 10000.0, lambda t: t.cooling is not None and t.cooling.fan_kw > 0),
    OverrideSpec("pump_kw", "kW", 0.0, 10000.0, lambda t: t.cooling is not None and t.cooling.pump_kw > 0),
    OverrideSpec("cop", "", 0.0, 100.0, lambda t: t.cooling is not None and bool(t.cooling.cop), min_exclusive=True),
    OverrideSpec("weight_kg", "kg", 0.0, 100000.0, lambda t: True),
)


def _default_system(t: BlockType | None) -> str:
    return DEFAULT_UTILITY_SYSTEM if t is not None and t.power is not None and t.power.stage == "utility" \
        else DEFAULT_POWER_SYSTEM


def _default_loop(t: BlockType | None) -> str:
    return DEFAULT_AIR_LOOP if t is not None and t.kind in AIR_UNITS else DEFAULT_LIQUID_LOOP


def common(values: list[Any]) -> Any:
    """The shared value of a multi-selection, or MIXED."""
    first = values[0]
    return first if all(v == first for v in values[1:]) else MIXED


class BlockPage(QWidget):
    """Edits the selected blocks; every commit becomes one Edit handed to edit_requested."""

    edit_requested = Signal(object, object)  # (Edit, Field) — the field shows the error if the push fails

    def __init__(self, document: Document) -> None:
        super().__init__()
        self.document = document
        self._default_system = DEFAULT_POWER_SYSTEM  # what the calculation assumes for a blank field
        self._default_loop = DEFAULT_LIQUID_LOOP
        self.form = FormGrid()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.connections = ConnectionsPanel(document)  # the plant: what feeds this block, what it feeds
        layout.addWidget(self.connections)
        layout.addWidget(self.form)
        layout.addStretch(1)
        self.type_label = QLabel()
        self.type_label.setWordWrap(True)
        set_role(self.type_label, "muted")
        self.form.add_section(lambda: self.tr("Block"))
        self.form.add_widget(self.type_label)
        f = self.form
        f.add("name", TextField(lambda: self.tr("Name")))
        f.add("power_system", TextField(lambda: self.tr("Power system"),
                                        placeholder_fn=lambda: self.tr("{0} (default)").format(self._default_system)))
        f.add("cooling_loop", TextField(lambda: self.tr("Cooling loop"),
                                        placeholder_fn=lambda: self.tr("{0} (default)").format(self._default_loop)))
        f.add("locked", CheckField(lambda: self.tr("Locked")))
        f.add("rotation_deg", ChoiceField(lambda: self.tr("Rotation"), lambda: [(r, f"{r}°") for r in ROTATIONS]))
        f.add("x_mm", NumberField(lambda: self.tr("Centre X"), lambda: "mm", -1e7, 1e7))
        f.add("y_mm", NumberField(lambda: self.tr("Centre Y"), lambda: "mm", -1e7, 1e7))
        f.add_section(lambda: self.tr("Type figures (blank = catalog value)"))
        labels = self._override_labels()
        for spec in OVERRIDES:
            f.add(spec.key, NumberField(labels[spec.key], (lambda u=spec.unit: u), spec.minimum, spec.maximum,
                                        min_exclusive=spec.min_exclusive, allow_blank=True))
        f.finish()
        for key, field in f.fields.items():
            field.committed.connect(lambda value, k=key: self._on_committed(k, value))
        self.blocks: list[Block] = []

    def _override_labels(self) -> dict[str, Callable[[], str]]:
        return {
            "it_kw": lambda: self.tr("IT load"),
            "air_fraction": lambda: self.tr("Air-cooled share (0–1)"),
            "liquid_fraction": lambda: self.tr("Liquid-cooled share (0–1)"),
            "coolant_dt_k": lambda: self.tr("Coolant ΔT"),
            "rating_kw": lambda: self.tr("Rating"),
            "air_kw": lambda: self.tr("Air cooling capacity"),
            "liquid_kw": lambda: self.tr("Liquid cooling capacity"),
            "heat_rejection_kw": lambda: self.tr("Heat rejection capacity"),
            "fan_kw": lambda: self.tr("Fan power"),
            "pump_kw": lambda: self.tr("Pump power"),
            "cop": lambda: self.tr("COP"),
            "weight_kg": lambda: self.tr("Weight"),
        }

    def retranslate_ui(self) -> None:
        self.form.retranslate()
        self.refresh(self.blocks)

    # --- showing -------------------------------------------------------------------------
    def refresh(self, blocks: list[Block], language: str = "en") -> None:
        self.blocks = blocks
        self.connections.refresh(blocks, language)
        if not blocks:
            return
        cat = self.document.catalog
        types = [cat.get(b.type_id) for b in blocks]
        names = sorted({t.display_name(language) if t else b.type_id for b, t in zip(blocks, types)})
        if len(blocks) == 1:
            self.type_label.setText(self.tr("Type: {0}  ({1})").format(names[0], blocks[0].type_id))
        else:
            self.type_label.setText(self.tr("{0} blocks of {1} types: {2}").format(
                len(blocks), len(names), ", ".join(names[:4]) + (" …" if len(names) > 4 else "")))
        self._default_system = common([_default_system(t) for t in types])
        self._default_loop = common([_default_loop(t) for t in types])
        if self._default_system is MIXED:
            self._default_system = DEFAULT_POWER_SYSTEM
        if self._default_loop is MIXED:
            self._default_loop = DEFAULT_LIQUID_LOOP
        f = self.form.fields
        design = self.document.design
        systems = {b.power_system for b in design.blocks.values() if b.power_system}
        loops = {b.cooling_loop for b in design.blocks.values() if b.cooling_loop}
        f["power_system"].set_completions(sorted(systems | set(design.assumptions.power_schemes)))  # type: ignore[attr-defined]
        f["cooling_loop"].set_completions(sorted(loops | set(design.assumptions.cooling_schemes)))  # type: ignore[attr-defined]
        for key in ("name", "power_system", "cooling_loop", "locked", "rotation_deg", "x_mm", "y_mm"):
            f[key].set_value(common([getattr(b, key) for b in blocks]))
        for spec in OVERRIDES:
            field = f[spec.key]
            relevant = [(b, t) for b, t in zip(blocks, types) if t is not None and spec.applies(t)]
            field.set_visible(len(relevant) == len(blocks))
            if not relevant:
                continue
            values = [b.overrides.get(spec.key, type_value(t, spec.key)) for b, t in relevant]
            field.set_value(common(values))
            overridden = any(spec.key in b.overrides for b, _ in relevant)
            role = "override" if overridden else ""
            if field.label.property("role") != role:
                set_role(field.label, role)
            catalog_values = sorted({type_value(t, spec.key) for _, t in relevant})
            field.set_tooltip(self.tr("Catalog value: {0}{1}").format(
                ", ".join(f"{v:,g}" for v in catalog_values), f" {spec.unit}" if spec.unit else "")
                + (self.tr(" — overridden on this block") if overridden else ""))

    def _current(self) -> list[Block]:
        """The shown blocks as the design holds them now: an edit puts a changed copy in a block's place."""
        blocks = self.document.design.blocks
        return [blocks[b.id] for b in self.blocks if b.id in blocks]

    def refresh_positions(self) -> None:
        """Only the placement fields: cheap enough to run after every recalculation."""
        self.blocks = blocks = self._current()
        if blocks:
            for key in ("rotation_deg", "x_mm", "y_mm"):
                self.form.fields[key].set_value(common([getattr(b, key) for b in blocks]))

    # --- editing -------------------------------------------------------------------------
    def _on_committed(self, key: str, value: Any) -> None:
        field = self.form.fields[key]
        self.blocks = self._current()
        if not self.blocks:
            return
        edit = self._edit_for(key, value, field)
        if edit is not None:
            self.edit_requested.emit(edit, field)

    def _set_text(self, label: str, n: int) -> str:
        return self.tr("Set {0} of 1 block").format(label) if n == 1 else self.tr("Set {0} of {1} blocks").format(
            label, n)

    def _edit_for(self, key: str, value: Any, field: Field) -> Edit | None:
        ids = [b.id for b in self.blocks]
        n = len(ids)
        label = field.label_fn()
        if key in ("x_mm", "y_mm", "rotation_deg"):
            if any(b.locked for b in self.blocks):
                field.show_error(self.tr("Locked blocks cannot be moved; unlock them first."))
                return None
            positions = [(value if key == "x_mm" else b.x_mm, value if key == "y_mm" else b.y_mm) for b in self.blocks]
            rotations = [int(value)] * n if key == "rotation_deg" else None
            return MoveBlocks(ids, positions, rotations, text="Rotate" if rotations else "Move blocks")
        if key in ("name", "power_system", "cooling_loop", "locked"):
            return SetBlockField(ids, key, [value], text=self._set_text(label.lower(), n))
        # An override equal to the catalog figure is dropped, so the block follows catalog updates.
        cat = self.document.catalog
        values: list[float | None] = []
        for b in self.blocks:
            t = cat.get(b.type_id)
            values.append(None if value is None or (t is not None and value == type_value(t, key)) else value)
        try:
            return SetBlockField(ids, key, values, override=True, text=self._set_text(label, n))
        except ValueError as exc:  # a value the design file could not hold (1e-300 kW, a fraction above 1)
            field.show_error(str(exc))
            return None
