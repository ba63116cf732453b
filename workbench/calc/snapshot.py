"""A design flattened into numpy arrays (one row per block) for the calculations."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
import weakref
from itertools import compress

import numpy as np
from numpy.typing import NDArray

from workbench.calc.block_columns import block_columns
from workbench.geometry.boxes import footprints
from workbench.model.blocktype import CATEGORIES, BlockType, Catalog
from workbench.model.design import Design

F = NDArray[np.float64]
I = NDArray[np.int64]

# Per-type figures a block may override, in the order of TypeTable columns.
OVERRIDABLE = (
    "it_kw", "air_fraction", "liquid_fraction", "coolant_dt_k", "weight_kg",
    "rating_kw", "air_kw", "liquid_kw", "heat_rejection_kw", "fan_kw", "pump_kw", "cop",
    "price", "width_mm", "depth_mm",
)
_COL = {name: i for i, name in enumerate(OVERRIDABLE)}


@dataclass
class TypeTable:
    """Catalog figures as arrays indexed by type number."""

    ids: list[str]
    index: dict[str, int]
    values: F  # (n_types, len(OVERRIDABLE)); price in USD
    category: I
    in_room: NDArray[np.bool_]
    clear: F  # front, rear, left, right
    loss: F  # a, b, c
    stage: list[str]
    kind: list[str]
    medium: list[str]
    power_input: list[str]
    water: F  # L per kWh of heat rejected
    battery_min: F
    liquid_class: list[str]


# The last table made for each catalog, with what it was made from: a new Calculator (every CLI command,
# report, scenario option) would otherwise rebuild it for the same catalog. Block types are frozen, so the
# type objects' identities and the exchange rates are everything the table reads.
_TABLES: dict[int, tuple[weakref.ref[Catalog], tuple[object, ...], TypeTable]] = {}


def build_type_table(catalog: Catalog) -> TypeTable:
    """The catalog's figures as arrays; the same table again while the catalog's types and rates are the same."""
    key = (tuple(catalog.types), tuple(map(id, catalog.types.values())), tuple(sorted(catalog.fx_rates.items())))
    kept = _TABLES.get(id(catalog))
    if kept is not None and kept[0]() is catalog and kept[1] == key:
        return kept[2]
    table = _make_type_table(catalog)
    for k in [k for k, (ref, _, _) in list(_TABLES.items()) if ref() is None]:  # list(): safe from other threads
        _TABLES.pop(k, None)  # catalogs that are gone
    _TABLES[id(catalog)] = (weakref.ref(catalog), key, table)
    return table


def _make_type_table(catalog: Catalog) -> TypeTable:
    ids = list(catalog.types)
    n = len(ids)
    values = np.zeros((n, len(OVERRIDABLE)))
    category = np.zeros(n, dtype=np.int64)
    in_room = np.ones(n, dtype=bool)
    clear = np.zeros((n, 4))
    loss = np.zeros((n, 3))
    water = np.zeros(n)
    battery_min = np.zeros(n)
    liquid_class = [""] * n
    stage, kind, medium, power_input = [""] * n, [""] * n, [""] * n, [""] * n
    for i, tid in enumerate(ids):
        t = catalog.types[tid]
        row = _type_row(t, catalog)
        values[i] = row
        category[i] = CATEGORIES.index(t.category)
        in_room[i] = t.in_room
        clear[i] = (t.clearance_front_mm, t.clearance_rear_mm, t.clearance_left_mm, t.clearance_right_mm)
        kind[i] = t.kind
        if t.power is not None:
            loss[i] = (t.power.loss.a, t.power.loss.b, t.power.loss.c)
            stage[i] = t.power.stage
            battery_min[i] = t.power.battery_min or 0.0
        if t.cooling is not None:
            medium[i] = t.cooling.medium
            water[i] = t.cooling.water_l_per_kwh
        if t.rack is not None:
            power_input[i] = t.rack.power_input
            liquid_class[i] = t.rack.liquid_class or ""
    return TypeTable(ids, {t: i for i, t in enumerate(ids)}, values, category, in_room, clear, loss,
                     stage, kind, medium, power_input, water, battery_min, liquid_class)


def _type_row(t: BlockType, catalog: Catalog) -> list[float]:
    rate = catalog.fx_rates.get(t.price.currency, 0.0)
    price_usd = t.price.amount / rate if rate > 0 else 0.0
    r, p, c = t.rack, t.power, t.cooling
    return [
        r.it_kw if r else 0.0,
        r.air_fraction if r else 0.0,
        r.liquid_fraction if r else 0.0,
        (r.coolant_dt_k or 0.0) if r else 0.0,
        t.weight_kg,
        p.rating_kw if p else 0.0,
        c.air_kw if c else 0.0,
        c.liquid_kw if c else 0.0,
        c.heat_rejection_kw if c else 0.0,
        c.fan_kw if c else 0.0,
        c.pump_kw if c else 0.0,
        (c.cop or 0.0) if c else 0.0,
        price_usd,
        t.width_mm,
        t.depth_mm,
    ]


@dataclass
class Snapshot:
    """Per-block arrays; row i is block ids[i]. Unknown types are listed and left out."""

    ids: list[str]
    type_index: I
    x: F
    y: F
    rotation: I
    hall: I  # index into design.halls
    values: F  # (n, len(OVERRIDABLE)) with overrides applied
    types: TypeTable
    unknown: list[tuple[str, str]] = field(default_factory=list)  # (block id, type id)
    # Interned names: block i's power system is system_names[system_code[i]]; the groups work on the codes.
    system_code: I = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    system_names: list[str] = field(default_factory=list)
    loop_code: I = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    loop_names: list[str] = field(default_factory=list)
    _category: I | None = field(default=None, repr=False)
    _row: dict[str, int] | None = field(default=None, repr=False)
    # Facts that follow from the rows' types and names only (never positions), worked out once per snapshot
    # by whichever calculation needs them first: a move updates positions in place and keeps them.
    derived: dict[object, object] = field(default_factory=dict, repr=False)

    @property
    def row(self) -> dict[str, int]:
        """Row of each block id; built on first use (only incremental updates need it)."""
        if self._row is None:
            self._row = dict(zip(self.ids, range(len(self.ids))))
        return self._row

    def col(self, name: str) -> F:
        return self.values[:, _COL[name]]

    @property
    def category(self) -> I:
        # Cached: the calculations ask for it many times per run.
        if self._category is None or len(self._category) != len(self.type_index):
            self._category = self.types.category[self.type_index]
        return self._category

    def boxes(self) -> F:
        return footprints(self.x, self.y, self.col("width_mm"), self.col("depth_mm"), self.rotation)


def build_snapshot(design: Design, types: TypeTable, keep: bool = True) -> Snapshot:
    """The design as arrays. Blocks that are the very objects an earlier snapshot of this design read are not
    read again (calc/block_columns.py); keep=False reads every block."""
    c = block_columns(design, keep)
    blocks, n = c.blocks, len(c.blocks)
    # A campus repeats a few hundred (type, hall, system, loop) combinations: each field is resolved once per
    # combination, numbered in the order blocks first use them (the order names appear in the results).
    global_code = c.code
    uniq, first_row = np.unique(global_code, return_index=True)
    used_global = uniq[np.argsort(first_row, kind="stable")]
    local = np.zeros(len(c.keys), dtype=np.int64)
    local[used_global] = np.arange(len(used_global), dtype=np.int64)
    combo = local[global_code]
    combos = [c.keys[k] for k in used_global.tolist()]
    combo_type = np.asarray([types.index.get(k[0], -1) for k in combos], dtype=np.int64)
    unknown: list[tuple[str, str]] = []
    used = combos  # in the order blocks first use them
    ids, x, y, rotation, overrides = c.ids, c.x, c.y, c.rotation, c.overrides
    if (combo_type < 0).any():
        known = (combo_type >= 0)[combo]
        unknown = [(b.id, b.type_id) for b, k in zip(blocks, known.tolist()) if not k]
        keep_rows = known.tolist()
        ids, overrides = list(compress(ids, keep_rows)), list(compress(overrides, keep_rows))
        combo, x, y, rotation = combo[known], x[known], y[known], rotation[known]
        used = [combos[k] for k in dict.fromkeys(combo.tolist())]
        n = len(ids)
    hall_index = {h.id: i for i, h in enumerate(design.halls)}
    combo_hall = np.asarray([hall_index.get(k[1], 0) for k in combos], dtype=np.int64)  # unknown: the first
    system_code, system_names = _field_codes(combos, used, 2)
    loop_code, loop_names = _field_codes(combos, used, 3)
    type_index = combo_type[combo]
    values = types.values[type_index] if n else np.zeros((0, len(OVERRIDABLE)))
    for row in compress(range(n), overrides):  # the few blocks with overrides, applied afresh every time
        for key, value in overrides[row].items():
            col = _COL.get(key)
            if col is not None:
                values[row, col] = value
    return Snapshot(
        ids=ids, type_index=type_index, x=x, y=y, rotation=rotation,
        hall=combo_hall[combo], values=values, types=types, unknown=unknown,
        system_code=system_code[combo], system_names=system_names,
        loop_code=loop_code[combo], loop_names=loop_names,
    )


def _field_codes(combos: Sequence[tuple[str, ...]], used: Sequence[tuple[str, ...]], field_at: int) -> tuple[I, list[str]]:
    """Per combination, the code of one of its names, and the names in the order blocks first use them."""
    names = list(dict.fromkeys(k[field_at] for k in used))
    table = {name: i for i, name in enumerate(names)}
    return np.asarray([table.get(k[field_at], 0) for k in combos], dtype=np.int64), names
