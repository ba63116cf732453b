"""Checks that the design's voltages make a chain: every converter, rack and fan/pump/CDU can get the voltage it takes.

These work from the block types' typed ports (catalog data) and the power systems, so they hold for any
design, with or without drawn connections (the connection graph checks each drawn edge on its own):

- `unfed_voltage`: power equipment whose input takes a voltage nothing in the design produces (AC-input
  sidecars on a site whose solid-state transformers deliver only 800 V DC);
- `rack_bus_mismatch`: racks whose power input does not take what their power system's converters deliver
  (48 V racks behind 800 V DC sidecars);
- `no_ac_for_mechanical`: fans, pumps and CDUs need LV AC and nothing in the design supplies it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

import numpy as np
from numpy.typing import NDArray

from workbench.calc.checks import Check, params
from workbench.calc.snapshot import Snapshot
from workbench.model.blocktype import BlockType, Catalog
from workbench.model.ports import Port

ERROR = "error"
MAX_BLOCKS = 50  # a check lists at most this many block ids (the count is in its parameters)
# Stages in the order power flows; a converter is fed by an earlier stage (utility feeds utility: MV → LV).
_STAGE_ORDER = {"utility": 0, "ups": 1, "distribution": 2, "storage": 3}


def _power_in(t: BlockType) -> list[Port]:
    return [p for p in t.ports if p.kind == "power" and p.direction == "in" and not p.standby]


def _power_out(t: BlockType) -> set[str]:
    return {v for p in t.ports if p.kind == "power" and p.direction == "out" for v in p.voltages}


def _is_source(t: BlockType) -> bool:
    """A block that needs nothing from inside the design: grid-fed (external input) or a generator."""
    ins = _power_in(t)
    return not ins or any(p.external for p in ins)


def available_voltages(types: list[BlockType]) -> set[str]:
    """Every voltage class the design's power equipment can deliver, following converters from the sources."""
    power = [t for t in types if t.category == "power" and t.power is not None and t.power.stage != "storage"]
    have: set[str] = set()
    fed: set[str] = set()
    changed = True
    while changed:  # a fixed point over at most a handful of classes
        changed = False
        for t in power:
            if t.id in fed:
                continue
            if _is_source(t) or any(v in have for p in _power_in(t) for v in p.voltages):
                fed.add(t.id)
                new = _power_out(t) - have
                if new:
                    have |= new
                changed = True
    return have


# The classes in words for the English message; reports word them per language (report i18n "voltage.*").
VOLTAGE_WORDS = {"ac_mv": "MV AC", "ac_lv": "LV AC", "dc_800": "800 V DC", "dc_48": "48 V DC",
                 "dc_battery": "battery DC"}


def _codes(classes: set[str] | tuple[str, ...]) -> str:
    return ", ".join(sorted(classes)) or "none"


def _words(classes: set[str] | tuple[str, ...]) -> str:
    return ", ".join(VOLTAGE_WORDS.get(c, c) for c in sorted(classes)) or "none"


def _groups_in_order(rows: NDArray[np.int64], key: NDArray[np.int64]) -> list[tuple[int, NDArray[np.int64]]]:
    """Rows grouped by key, the groups in the order of their first row (rows ascending stay ascending)."""
    if not len(rows):
        return []
    keys, first = np.unique(key, return_index=True)
    return [(int(k), rows[key == k]) for k in keys[np.argsort(first, kind="stable")].tolist()]


@dataclass(frozen=True)
class _TypeFacts:
    """What the voltage rules read from a block type's ports, once per type the design uses (not per block)."""

    types: list[BlockType | None]  # by type number; None where the design has no block of it
    takes: list[frozenset[str]]  # voltages the type's normal power inputs accept
    outs: list[frozenset[str]]  # voltages its power outputs deliver
    converter: NDArray[np.bool_]  # UPS or distribution equipment: what its power system delivers
    rack: NDArray[np.bool_]
    system: NDArray[np.int64]  # per block: its power system's number in `systems` ("" is "main")
    systems: list[str]


def _facts(snap: Snapshot, catalog: Catalog) -> _TypeFacts:
    """The type facts of a snapshot, worked out once for both the checks and the rack bus."""
    key = ("voltage_facts", id(catalog))
    made = cast("tuple[Catalog, _TypeFacts] | None", snap.derived.get(key))
    if made is None or made[0] is not catalog:
        made = (catalog, _make_facts(snap, catalog))
        snap.derived[key] = made
    return made[1]


def _make_facts(snap: Snapshot, catalog: Catalog) -> _TypeFacts:
    n = len(snap.types.ids)
    used = np.flatnonzero(np.bincount(snap.type_index, minlength=n)).tolist()
    types: list[BlockType | None] = [None] * n
    takes: list[frozenset[str]] = [frozenset()] * n
    outs: list[frozenset[str]] = [frozenset()] * n
    converter, rack = np.zeros(n, dtype=bool), np.zeros(n, dtype=bool)
    for i in used:
        t = types[i] = catalog.types[snap.types.ids[i]]
        takes[i] = frozenset(v for p in _power_in(t) for v in p.voltages)
        outs[i] = frozenset(_power_out(t))
        converter[i] = t.category == "power" and t.power is not None and t.power.stage in ("ups", "distribution")
        rack[i] = t.rack is not None
    # A block's system is its power_system, "main" when blank: blank and "main" are one system.
    names = [name or "main" for name in snap.system_names]
    systems = list(dict.fromkeys(names))
    code = np.asarray([systems.index(name) for name in names], dtype=np.int64)
    system = code[snap.system_code] if len(code) else np.zeros(len(snap.ids), dtype=np.int64)
    return _TypeFacts(types, takes, outs, converter, rack, system, systems)


def _delivered(f: _TypeFacts, snap: Snapshot) -> dict[str, set[str]]:
    """Per power system, the voltages its UPS and distribution equipment deliver (systems without any: absent)."""
    key = ("voltage_delivered", id(f))
    made = cast("tuple[_TypeFacts, dict[str, set[str]]] | None", snap.derived.get(key))
    if made is not None and made[0] is f:
        return made[1]
    out: dict[str, set[str]] = {}
    snap.derived[key] = (f, out)
    conv = f.converter[snap.type_index]
    n = len(f.types)
    for p in _present(f.system[conv] * n + snap.type_index[conv], len(f.systems) * n):
        system, t = divmod(p, n)
        out.setdefault(f.systems[system], set()).update(f.outs[t])
    return out


def _present(codes: NDArray[np.int64], size: int) -> list[int]:
    """The distinct codes, ascending (a count, cheaper than sorting thousands of rows for a few dozen codes)."""
    return np.flatnonzero(np.bincount(codes, minlength=size)).tolist() if len(codes) else []


def voltage_checks(snap: Snapshot, catalog: Catalog) -> list[Check]:
    """The three voltage-chain checks over the snapshot's blocks (known types, design order).

    Every figure a rule reads belongs to the block's type (ports, stage, fans) or its power system, so each
    rule is decided once per type or per (system, type) pair and applied to all blocks with array masks.
    """
    if not len(snap.ids):
        return []
    f = _facts(snap, catalog)
    ti = snap.type_index
    used = [t for t in f.types if t is not None]
    if not any(t.category == "power" and t.power is not None and _is_source(t) and t.power.stage == "utility"
               for t in used):
        return []  # no source at all (a module, a layout study): no_utility_supply speaks for that
    have = available_voltages(used)
    out: list[Check] = []

    # 1. power equipment that takes a voltage nothing produces
    unfed_type = np.zeros(len(f.types), dtype=bool)
    for i, t in enumerate(f.types):
        if t is None or t.category != "power" or t.power is None or t.power.stage == "storage" or _is_source(t):
            continue
        unfed_type[i] = bool(f.takes[i]) and not f.takes[i] & have
    rows = np.flatnonzero(unfed_type[ti])
    for i, group in _groups_in_order(rows, ti[rows]):
        t, ids = _type(f, i), _ids(snap, group)
        takes = set(f.takes[i])
        out.append(Check(ERROR, "unfed_voltage",
                         f"{len(group)} × {t.display_name()} take {_words(takes)} but the design delivers only "
                         f"{_words(have)}", ids,
                         params(n=len(group), type=t.display_name(), type_id=t.id, takes=_codes(takes),
                                have=_codes(have))))

    # 2. racks whose input does not take what their power system's converters deliver
    converters = _delivered(f, snap)
    racks = np.flatnonzero(f.rack[ti])
    n = len(f.types)
    pair = f.system[racks] * n + ti[racks]  # (power system, type) of each rack
    bad_pair = np.zeros(len(f.systems) * n, dtype=bool)
    for p in _present(pair, len(bad_pair)):
        system, i = divmod(p, n)
        delivered = converters.get(f.systems[system]) or have
        bad_pair[p] = bool(f.takes[i]) and bool(delivered) and not f.takes[i] & delivered
    bad = racks[bad_pair[pair]]
    for system in sorted({f.systems[c] for c in f.system[bad].tolist()}):
        delivered = converters.get(system) or have
        rows = bad[f.system[bad] == f.systems.index(system)]
        for i, group in _groups_in_order(rows, ti[rows]):
            t, ids = _type(f, i), _ids(snap, group)
            takes = set(f.takes[i])
            out.append(Check(ERROR, "rack_bus_mismatch",
                             f"{len(group)} racks of {t.display_name()} in power system {system} take "
                             f"{_words(takes)} but the system delivers {_words(delivered)}", ids,
                             params(n=len(group), type=t.display_name(), type_id=t.id, system=system,
                                    takes=_codes(takes), delivers=_codes(delivered))))

    # 3. fans, pumps and CDUs without LV AC
    if "ac_lv" not in have:
        mech_type = np.asarray([t is not None and t.cooling is not None
                                and (t.cooling.fan_kw > 0 or t.cooling.pump_kw > 0) and "ac_lv" in f.takes[i]
                                for i, t in enumerate(f.types)], dtype=bool)
        mech = np.flatnonzero(mech_type[ti])
        if len(mech):
            out.append(Check(ERROR, "no_ac_for_mechanical",
                             f"{len(mech)} fans, pumps and CDUs need LV AC but the design delivers only "
                             f"{_words(have)}", _ids(snap, mech), params(n=len(mech), have=_codes(have))))
    return out


def _type(f: _TypeFacts, i: int) -> BlockType:
    t = f.types[i]
    assert t is not None  # a type some block uses
    return t


def _ids(snap: Snapshot, rows: NDArray[np.int64]) -> tuple[str, ...]:
    """The first MAX_BLOCKS block ids of the rows (the count is in the check's parameters)."""
    return tuple(snap.ids[r] for r in rows[:MAX_BLOCKS].tolist())


# Nominal bus voltage of each DC class, for the rack current figures (48 V: the ORv3 busbar's nominal).
BUS_VOLTS = {"dc_800": 800.0, "dc_48": 48.0}
_INPUT_CLASS = {"dc48": "dc_48", "dc800": "dc_800"}
_BUSES = ("dc_48", "dc_800")  # the order rack_bus lists them


def rack_bus(snap: Snapshot, catalog: Catalog) -> list[dict[str, float | int]]:
    """Per DC bus voltage: racks on it and their current, from what each rack's power system delivers.

    A rack that takes 800 V DC behind 800 V DC sidecars is on an 800 V bus even when its catalog entry's
    own shelf is 48 V; fed with AC (or not yet fed) the rack's declared shelf bus decides. The bus is a
    matter of the rack's type and power system, so it is found once per (system, type) pair.
    """
    if not len(snap.ids):
        return []
    f = _facts(snap, catalog)
    ti = snap.type_index
    delivered = _delivered(f, snap)
    racks = np.flatnonzero(f.rack[ti])
    n = len(f.types)
    pair = f.system[racks] * n + ti[racks]
    bus_of = np.full(len(f.systems) * n, -1, dtype=np.int64)  # per (system, type) pair: index into _BUSES
    for p in _present(pair, len(bus_of)):
        system, i = divmod(p, n)
        t = _type(f, i)
        feed = delivered.get(f.systems[system], set()) & f.takes[i]
        # Fed DC: that bus; fed AC (or not fed yet): the rack's own shelf bus, if it has a DC one.
        bus = next((c for c in ("dc_800", "dc_48") if c in feed), None) or _INPUT_CLASS.get(t.rack.power_input)  # type: ignore[union-attr]
        if bus is not None:
            bus_of[p] = _BUSES.index(bus)
    bus_code = bus_of[pair]
    # A block may override its IT load: the snapshot's it_kw column has the overrides applied.
    it_kw = snap.col("it_kw")[racks]
    out: list[dict[str, float | int]] = []
    for k, c in enumerate(_BUSES):
        on = bus_code == k
        if on.any():
            amps = it_kw[on] * 1000.0 / BUS_VOLTS[c]
            out.append({"voltage_v": BUS_VOLTS[c], "racks": int(on.sum()), "max_rack_current_a": float(amps.max()),
                        "total_current_a": float(np.sum(amps))})
    return out
