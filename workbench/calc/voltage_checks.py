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

from collections import defaultdict

import numpy as np

from workbench.calc.checks import Check, params
from workbench.model.blocktype import BlockType, Catalog
from workbench.model.design import Design
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


def voltage_checks(design: Design, catalog: Catalog) -> list[Check]:
    types: dict[str, BlockType] = catalog.types
    blocks = [b for b in design.blocks.values() if b.type_id in types]
    used = [types[tid] for tid in dict.fromkeys(b.type_id for b in blocks)]
    if not any(t.category == "power" and t.power is not None and _is_source(t) and t.power.stage == "utility"
               for t in used):
        return []  # no source at all (a module, a layout study): no_utility_supply speaks for that
    have = available_voltages(used)
    out: list[Check] = []

    # 1. power equipment that takes a voltage nothing produces
    unfed: dict[str, list[str]] = defaultdict(list)
    for b in blocks:
        t = types[b.type_id]
        if t.category != "power" or t.power is None or t.power.stage == "storage" or _is_source(t):
            continue
        takes = {v for p in _power_in(t) for v in p.voltages}
        if takes and not takes & have:
            unfed[t.id].append(b.id)
    for tid, ids in unfed.items():
        t = types[tid]
        takes = {v for p in _power_in(t) for v in p.voltages}
        out.append(Check(ERROR, "unfed_voltage",
                         f"{len(ids)} × {t.display_name()} take {_words(takes)} but the design delivers only "
                         f"{_words(have)}", tuple(ids[:MAX_BLOCKS]),
                         params(n=len(ids), type=t.display_name(), type_id=tid, takes=_codes(takes),
                                have=_codes(have))))

    # 2. racks whose input does not take what their power system's converters deliver
    by_system: dict[str, list[str]] = defaultdict(list)
    converters: dict[str, set[str]] = defaultdict(set)
    for b in blocks:
        t = types[b.type_id]
        system = b.power_system or "main"
        if t.rack is not None:
            by_system[system].append(b.id)
        elif t.category == "power" and t.power is not None and t.power.stage in ("ups", "distribution"):
            converters[system] |= _power_out(t)
    for system, rack_ids in sorted(by_system.items()):
        delivered = converters.get(system) or have
        bad: dict[str, list[str]] = defaultdict(list)
        for bid in rack_ids:
            t = types[design.blocks[bid].type_id]
            takes = {v for p in _power_in(t) for v in p.voltages}
            if takes and delivered and not takes & delivered:
                bad[t.id].append(bid)
        for tid, ids in bad.items():
            t = types[tid]
            takes = {v for p in _power_in(t) for v in p.voltages}
            out.append(Check(ERROR, "rack_bus_mismatch",
                             f"{len(ids)} racks of {t.display_name()} in power system {system} take "
                             f"{_words(takes)} but the system delivers {_words(delivered)}",
                             tuple(ids[:MAX_BLOCKS]),
                             params(n=len(ids), type=t.display_name(), type_id=tid, system=system,
                                    takes=_codes(takes), delivers=_codes(delivered))))

    # 3. fans, pumps and CDUs without LV AC
    mech = [b.id for b in blocks if types[b.type_id].cooling is not None
            and (types[b.type_id].cooling.fan_kw > 0 or types[b.type_id].cooling.pump_kw > 0)  # type: ignore[union-attr]
            and any("ac_lv" in p.voltages for p in _power_in(types[b.type_id]))]
    if mech and "ac_lv" not in have:
        out.append(Check(ERROR, "no_ac_for_mechanical",
                         f"{len(mech)} fans, pumps and CDUs need LV AC but the design delivers only {_words(have)}",
                         tuple(mech[:MAX_BLOCKS]), params(n=len(mech), have=_codes(have))))
    return out


# Nominal bus voltage of each DC class, for the rack current figures (48 V: the ORv3 busbar's nominal).
BUS_VOLTS = {"dc_800": 800.0, "dc_48": 48.0}
_INPUT_CLASS = {"dc48": "dc_48", "dc800": "dc_800"}


def rack_bus(design: Design, catalog: Catalog) -> list[dict[str, float | int]]:
    """Per DC bus voltage: racks on it and their current, from what each rack's power system delivers.

    A rack that takes 800 V DC behind 800 V DC sidecars is on an 800 V bus even when its catalog entry's
    own shelf is 48 V; fed with AC (or not yet fed) the rack's declared shelf bus decides.
    """
    types = catalog.types
    delivered: dict[str, set[str]] = defaultdict(set)
    for b in design.blocks.values():
        t = types.get(b.type_id)
        if t is not None and t.category == "power" and t.power is not None and t.power.stage in ("ups", "distribution"):
            delivered[b.power_system or "main"] |= _power_out(t)
    amps: dict[str, list[float]] = defaultdict(list)
    for b in design.blocks.values():
        t = types.get(b.type_id)
        if t is None or t.rack is None:
            continue
        takes = {v for p in _power_in(t) for v in p.voltages}
        feed = delivered.get(b.power_system or "main", set()) & takes
        # Fed DC: that bus; fed AC (or not fed yet): the rack's own shelf bus, if it has a DC one.
        bus = next((c for c in ("dc_800", "dc_48") if c in feed), None) or _INPUT_CLASS.get(t.rack.power_input)
        if bus is not None:
            it_kw = float(b.overrides.get("it_kw", t.rack.it_kw))  # a block may override its IT load
            amps[bus].append(it_kw * 1000.0 / BUS_VOLTS[bus])
    return [{"voltage_v": BUS_VOLTS[c], "racks": len(amps[c]), "max_rack_current_a": max(amps[c]),
             "total_current_a": float(np.sum(np.asarray(amps[c])))} for c in ("dc_48", "dc_800") if amps.get(c)]
