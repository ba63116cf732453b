"""Which cooling loops a design has, their temperatures, and the heat-rejection equipment serving each.

Loops follow today's names: every liquid loop (racks and CDUs) is a warm-water loop, every air loop (CRAHs,
fan walls, rear doors) a chilled-water loop. A chiller, dry cooler or tower whose `cooling_loop` names a loop
serves that loop; one left blank (every file written before loops existed) is shared the way such plants
are built: chillers serve the chilled-water loops (the warm loops when there are none), free coolers serve
every loop, and a shared device's capacity is split by the loops' design heat.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

from workbench.calc.groups import DEFAULT_AIR_LOOP, Groups
from workbench.calc.loadmodel import Evaluation, GroupSums
from workbench.calc.snapshot import Snapshot
from workbench.model.blocktype import Catalog
from workbench.model.climate import SiteClimate

F = NDArray[np.float64]

# AHRI 550/590 IPLV rating points: load fraction, and the condenser temperature the standard sets at each
# (entering condenser water for water-cooled, entering air dry bulb for air-cooled chillers), °C.
PART_LOADS = (1.0, 0.75, 0.5, 0.25)
IPLV_WEIGHTS = (0.01, 0.42, 0.45, 0.12)
AHRI_CONDENSER_C = {"water": (29.44, 23.89, 18.33, 18.33), "air": (35.0, 26.67, 18.33, 12.78)}
AHRI_CHW_LEAVING_C = 6.67  # 44 °F
AHRI_CONDENSER_RANGE_K = 5.56  # rated condenser water 29.44 → 35.0 °C (85 → 95 °F)


def iplv(cops: tuple[float, ...]) -> float:
    """AHRI 550/590 integrated part-load value from COP at 100/75/50/25 % load."""
    return float(sum(w * c for w, c in zip(IPLV_WEIGHTS, cops)))


@dataclass
class LoopPlan:
    """Loops run as one: the same kind and temperatures on the same heat-rejection pool.

    Loops served by a shared pool get its devices in proportion to their heat, so they run hour by hour
    exactly like one loop carrying their summed heat: the year is run once per class, not once per loop.
    """

    name: str
    kind: str  # "warm" or "chilled"
    supply_c: float
    return_c: float
    heat_kw: F  # summed over members, per evaluated load fraction
    members: list[tuple[str, float]] = field(default_factory=list)  # (loop name, design heat kW)
    free_kind: str = ""  # "", "dry", "adiabatic", "tower"
    free_cap_kw: float = 0.0
    free_fan_kw: float = 0.0
    free_approach_k: float = 0.0
    free_water_l_per_kwh: float = 0.0
    chiller_cap_kw: float = 0.0
    chiller_units: float = 0.0  # capacity-equivalent number of units on this loop
    chiller_cops: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)
    condenser: str = "air"
    rejection_rows: list[int] = field(default_factory=list)
    chiller_types: list[str] = field(default_factory=list)
    chiller_tables: dict[str, tuple[tuple[float, ...], str]] = field(default_factory=dict)  # type: (COPs, source)


@dataclass
class Plant:
    loops: list[LoopPlan]
    tower_approach_k: float | None  # for water-cooled chillers' condenser water
    tower_fan_kw_per_kw: float
    tower_water_l_per_kwh: float


def _loop_heat(s: Snapshot, g: Groups, gs: GroupSums, ev: Evaluation) -> tuple[dict[str, F], dict[str, F]]:
    """Heat to water per warm loop and per chilled loop, at each evaluated fraction."""
    f = ev.fractions
    zero = np.zeros_like(f)  # never written: each sum below makes a new array
    warm: dict[str, F] = {}
    base = len(g.power) + len(g.air)
    caps = gs.liquid_kw[base:base + len(ev.liquid_groups)].tolist()
    to_air_kw = gs.liquid_to_air_kw[base:base + len(ev.liquid_groups)].tolist()
    for gl, cap, l2a in zip(ev.liquid_groups, caps, to_air_kw):
        to_air = l2a / cap if cap > 0 else 0.0
        warm[gl.group.name] = warm.get(gl.group.name, zero) + gl.load_kw * (1.0 - to_air)
    served = {grp.name for grp in g.liquid}
    for name, kw in ev.rack_loop_liquid_kw.items():
        if name not in served and kw > 0:
            warm[name] = warm.get(name, zero) + kw * f
    chilled: dict[str, F] = {}
    for gl in ev.air_groups:
        chilled[gl.group.name] = chilled.get(gl.group.name, zero) + gl.load_kw
    if not ev.air_groups and float(ev.air_heat_kw.max(initial=0.0)) > 0:
        chilled[DEFAULT_AIR_LOOP] = ev.air_heat_kw.copy()
    return warm, chilled


@dataclass
class _TypeData:
    approach: F
    cops: F  # (types, 4); zeros where the type has no table
    water_cooled: NDArray[np.bool_]
    ids: list[str]
    sources: list[str]  # where each part-load table comes from


# The last (type table, catalog, data): held, not keyed by id(), so neither object can be freed and its id reused.
_LAST: list[tuple[object, object, _TypeData]] = []


def _type_data(s: Snapshot, catalog: Catalog) -> _TypeData:
    """Per-type approach, part-load table and condenser, kept while the type table and catalog stay the same."""
    if _LAST and _LAST[0][0] is s.types and _LAST[0][1] is catalog:
        return _LAST[0][2]
    n = len(s.types.ids)
    approach = np.full(n, 5.0)
    cops = np.zeros((n, 4))
    water = np.zeros(n, dtype=bool)
    sources = [""] * n
    for t, tid in enumerate(s.types.ids):
        bt = catalog.types.get(tid)
        spec = bt.cooling if bt is not None else None
        if spec is None:
            continue
        if spec.approach_k is not None:
            approach[t] = spec.approach_k
        if spec.part_load_cop:
            cops[t] = spec.part_load_cop
            sources[t] = spec.part_load_source
        water[t] = spec.condenser == "water"
    out = _TypeData(approach, cops, water, list(s.types.ids), sources)
    _LAST[:] = [(s.types, catalog, out)]
    return out


def plan_loops(s: Snapshot, g: Groups, gs: GroupSums, ev: Evaluation, values: dict[str, float],
               climate: SiteClimate, catalog: Catalog, served: dict[int, str] | None = None) -> Plant:
    warm, chilled = _loop_heat(s, g, gs, ev)
    td = _type_data(s, catalog)
    air_approach = _air_unit_approach(s, g, td)
    rej_rows = np.concatenate([grp.rows for grp in g.rejection]) if g.rejection else np.zeros(0, np.int64)
    role_of = np.concatenate([np.full(len(grp.rows), ("chiller", "drycooler", "tower").index(grp.role)
                                      if grp.role in ("chiller", "drycooler", "tower") else 1)
                              for grp in g.rejection]) if g.rejection else np.zeros(0, np.int64)
    # Each device's loop: its heat connections' loop (the connected plant), else its own cooling_loop name.
    loop_names = list(s.loop_names)
    rej_code = s.loop_code[rej_rows].copy() if len(rej_rows) else np.zeros(0, np.int64)
    if served:
        for i, row in enumerate(rej_rows.tolist()):
            name = served.get(row)
            if name is not None:
                if name not in loop_names:
                    loop_names.append(name)
                rej_code[i] = loop_names.index(name)
    named = {loop_names[c] for c in np.flatnonzero(np.bincount(rej_code, minlength=len(loop_names))).tolist()}

    # Loops, then classes of loops that run as one.
    entries: list[tuple[str, str, float, float, F]] = []
    for name, heat in warm.items():
        st = climate.loops.get(name)
        sup = st.supply_c if st and st.supply_c is not None else values["facility_water_supply_c"]
        ret = st.return_c if st and st.return_c is not None else sup + values["warm_water_dt_k"]
        entries.append((name, "warm", sup, max(ret, sup + 0.5), heat))
    for name, heat in chilled.items():
        st = climate.loops.get(name)
        # The coil needs water colder than the supply air by its approach (catalog approach_k of the units).
        default = values["air_supply_c"] - air_approach.get(name, 7.0)
        sup = st.supply_c if st and st.supply_c is not None else default
        ret = st.return_c if st and st.return_c is not None else sup + values["chilled_water_dt_k"]
        entries.append((name, "chilled", sup, max(ret, sup + 0.5), heat))
    classes: dict[tuple[str, float, float, str], LoopPlan] = {}
    class_of_name: dict[str, LoopPlan] = {}
    for name, kind, sup, ret, heat in entries:
        key = (kind, sup, ret, name if name in named else "")
        lp = classes.get(key)
        if lp is None:
            lp = classes[key] = LoopPlan(name, kind, sup, ret, np.zeros_like(heat))
        lp.heat_kw = lp.heat_kw + heat
        lp.members.append((name, float(heat[-1]) if len(heat) else 0.0))
        class_of_name[name] = lp
    loops = list(classes.values())
    design_heat = [float(lp.heat_kw[-1]) if len(lp.heat_kw) else 0.0 for lp in loops]

    # Devices summed per (role, type, loop name) in one pass, then handed to the classes they serve.
    cap_col = s.col("heat_rejection_kw")[rej_rows]
    fan_col = s.col("fan_kw")[rej_rows] + s.col("pump_kw")[rej_rows]
    fan_col = np.where((fan_col <= 0) & (role_of != 0), cap_col * values["dry_cooler_fan_kw_per_kw"], fan_col)
    t_rows = s.type_index[rej_rows]
    flat_cop = s.col("cop")[rej_rows]
    key = (role_of * len(td.ids) + t_rows) * max(len(loop_names), 1) + rej_code
    uniq, inv = np.unique(key, return_inverse=True)
    inv = inv.reshape(-1)
    sums = {name: np.bincount(inv, weights=w, minlength=len(uniq))
            for name, w in (("cap", cap_col), ("fan", fan_col), ("cop", cap_col * flat_cop), ("n", cap_col > 0))}
    towers = role_of == 2
    t_cap = float(cap_col[towers].sum())
    order = np.argsort(inv, kind="stable")
    bounds = np.concatenate(([0], np.cumsum(np.bincount(inv, minlength=len(uniq))))).tolist()
    acc: list[dict[str, float]] = [{} for _ in loops]
    for k, code in enumerate(uniq.tolist()):
        cap = float(sums["cap"][k])
        if cap <= 0:
            continue
        rest, loop_code = divmod(code, max(len(loop_names), 1))
        role, t = divmod(rest, len(td.ids))
        loop_name = loop_names[loop_code] if loop_names else ""
        if loop_name in class_of_name and loop_name in named:
            targets = [loops.index(class_of_name[loop_name])]
        elif role == 0:
            targets = ([i for i, lp in enumerate(loops) if lp.kind == "chilled"]
                       or [i for i, lp in enumerate(loops) if lp.kind == "warm"])
        else:
            targets = list(range(len(loops)))
        total = sum(design_heat[i] for i in targets)
        rows = rej_rows[order[bounds[k]:bounds[k + 1]]].tolist()
        for i in targets:
            share = design_heat[i] / total if total > 0 else 1.0 / len(targets)
            if share <= 0:
                continue
            lp = loops[i]
            lp.rejection_rows.extend(rows)
            if role == 0:
                table = tuple(td.cops[t]) if td.cops[t].any() else (float(sums["cop"][k]) / cap,) * 4
                old = lp.chiller_cap_kw
                lp.chiller_cap_kw += cap * share
                lp.chiller_units += float(sums["n"][k]) * share
                w_old = old / lp.chiller_cap_kw
                lp.chiller_cops = tuple(a * w_old + b * (1 - w_old)
                                        for a, b in zip(lp.chiller_cops, table))
                if td.water_cooled[t] and cap * share >= old:
                    lp.condenser = "water"
                if td.ids[t] not in lp.chiller_types:
                    lp.chiller_types.append(td.ids[t])
                    lp.chiller_tables[td.ids[t]] = (table, td.sources[t] or "no part-load table: flat catalog COP")
            else:
                a = acc[i]
                water = float(s.types.water[t])
                a["cap"] = a.get("cap", 0.0) + cap * share
                a["fan"] = a.get("fan", 0.0) + float(sums["fan"][k]) * share
                a["appr"] = a.get("appr", 0.0) + float(td.approach[t]) * cap * share
                a["water"] = a.get("water", 0.0) + water * cap * share
                kind = "tower" if role == 2 else ("adiabatic" if water > 0 else "dry")
                a[kind] = a.get(kind, 0.0) + cap * share
    for lp, a in zip(loops, acc):
        cap = a.get("cap", 0.0)
        if cap > 0:
            lp.free_cap_kw, lp.free_fan_kw = cap, a["fan"]
            lp.free_approach_k = a["appr"] / cap
            lp.free_water_l_per_kwh = a["water"] / cap
            lp.free_kind = max(("tower", "adiabatic", "dry"), key=lambda kd: a.get(kd, 0.0))
    return Plant(loops=loops,
                 tower_approach_k=float(td.approach[t_rows[towers]] @ cap_col[towers] / t_cap) if t_cap > 0 else None,
                 tower_fan_kw_per_kw=float(fan_col[towers].sum()) / t_cap if t_cap > 0 else 0.0,
                 tower_water_l_per_kwh=float(s.types.water[t_rows[towers]] @ cap_col[towers]) / t_cap
                 if t_cap > 0 else 0.0)


def _air_unit_approach(s: Snapshot, g: Groups, td: _TypeData) -> dict[str, float]:
    """Largest coil approach (catalog approach_k) among each air loop's units."""
    groups = [grp for grp in g.air if len(grp.rows)]
    if not groups:
        return {}
    rows = np.concatenate([grp.rows for grp in groups])
    starts = np.cumsum([0] + [len(grp.rows) for grp in groups[:-1]])
    largest = np.maximum.reduceat(td.approach[s.type_index[rows]], starts).tolist()
    return {grp.name: float(a) for grp, a in zip(groups, largest)}
