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


def iplv(cops: tuple[float, ...]) -> float:
    """AHRI 550/590 integrated part-load value from COP at 100/75/50/25 % load."""
    return float(sum(w * c for w, c in zip(IPLV_WEIGHTS, cops)))


@dataclass
class LoopPlan:
    """One loop as the hourly year runs it; heat is per evaluated load fraction."""

    name: str
    kind: str  # "warm" or "chilled"
    supply_c: float
    return_c: float
    heat_kw: F
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


@dataclass
class Plant:
    loops: list[LoopPlan]
    tower_approach_k: float | None  # for water-cooled chillers' condenser water
    tower_fan_kw_per_kw: float
    tower_water_l_per_kwh: float


def _loop_heat(s: Snapshot, g: Groups, gs: GroupSums, ev: Evaluation) -> tuple[dict[str, F], dict[str, F]]:
    """Heat to water per warm loop and per chilled loop, at each evaluated fraction."""
    f = ev.fractions
    warm: dict[str, F] = {}
    base = len(g.power) + len(g.air)
    for i, gl in enumerate(ev.liquid_groups):
        k = base + i
        cap = float(gs.liquid_kw[k])
        to_air = float(gs.liquid_to_air_kw[k]) / cap if cap > 0 else 0.0
        warm[gl.group.name] = warm.get(gl.group.name, np.zeros_like(f)) + gl.load_kw * (1.0 - to_air)
    served = {grp.name for grp in g.liquid}
    for name, kw in ev.rack_loop_liquid_kw.items():
        if name not in served and kw > 0:
            warm[name] = warm.get(name, np.zeros_like(f)) + kw * f
    chilled: dict[str, F] = {}
    for gl in ev.air_groups:
        chilled[gl.group.name] = chilled.get(gl.group.name, np.zeros_like(f)) + gl.load_kw
    if not ev.air_groups and float(ev.air_heat_kw.max(initial=0.0)) > 0:
        chilled[DEFAULT_AIR_LOOP] = ev.air_heat_kw.copy()
    return warm, chilled


def plan_loops(s: Snapshot, g: Groups, gs: GroupSums, ev: Evaluation, values: dict[str, float],
               climate: SiteClimate, catalog: Catalog) -> Plant:
    warm, chilled = _loop_heat(s, g, gs, ev)
    loops: list[LoopPlan] = []
    air_approach = _air_unit_approach(s, g, catalog)
    for name, heat in warm.items():
        st = climate.loops.get(name)
        sup = st.supply_c if st and st.supply_c is not None else values["facility_water_supply_c"]
        ret = st.return_c if st and st.return_c is not None else sup + values["warm_water_dt_k"]
        loops.append(LoopPlan(name, "warm", sup, max(ret, sup + 0.5), heat))
    for name, heat in chilled.items():
        st = climate.loops.get(name)
        # The coil needs water colder than the supply air by its approach (catalog approach_k of the units).
        default = values["air_supply_c"] - air_approach.get(name, 7.0)
        sup = st.supply_c if st and st.supply_c is not None else default
        ret = st.return_c if st and st.return_c is not None else sup + values["chilled_water_dt_k"]
        loops.append(LoopPlan(name, "chilled", sup, max(ret, sup + 0.5), heat))
    by_name = {lp.name: lp for lp in loops}
    design_heat = {lp.name: float(lp.heat_kw[-1]) if len(lp.heat_kw) else 0.0 for lp in loops}

    towers_cap = towers_fan = towers_water = towers_appr = 0.0
    free_acc: dict[str, dict[str, float]] = {lp.name: {} for lp in loops}
    for grp in g.rejection:
        for row in grp.rows.tolist():
            t = int(s.type_index[row])
            bt = catalog.types.get(s.types.ids[t])
            spec = bt.cooling if bt is not None else None
            cap = float(s.col("heat_rejection_kw")[row])
            if cap <= 0:
                continue
            approach = float(spec.approach_k) if spec and spec.approach_k is not None else 5.0
            fan = float(s.col("fan_kw")[row] + s.col("pump_kw")[row])
            if fan <= 0 and grp.role != "chiller":
                fan = cap * values["dry_cooler_fan_kw_per_kw"]
            water = float(s.types.water[t])
            if grp.role == "tower":
                towers_cap += cap
                towers_fan += fan
                towers_water += water * cap
                towers_appr += approach * cap
            named = s.loop_names[int(s.loop_code[row])] if len(s.loop_names) else ""
            if named in by_name:
                targets = [by_name[named]]
            elif grp.role == "chiller":
                targets = [lp for lp in loops if lp.kind == "chilled"] or [lp for lp in loops if lp.kind == "warm"]
            else:
                targets = list(loops)
            total = sum(design_heat[lp.name] for lp in targets)
            for lp in targets:
                share = design_heat[lp.name] / total if total > 0 else 1.0 / len(targets)
                if share <= 0:
                    continue
                lp.rejection_rows.append(row)
                if grp.role == "chiller":
                    cops = spec.part_load_cop if spec and spec.part_load_cop else None
                    flat = float(s.col("cop")[row]) or 3.0
                    table = tuple(cops) if cops else (flat, flat, flat, flat)
                    old = lp.chiller_cap_kw
                    lp.chiller_cap_kw += cap * share
                    lp.chiller_units += share
                    w_old = old / lp.chiller_cap_kw
                    lp.chiller_cops = tuple(a * w_old + b * (1 - w_old)  # type: ignore[assignment]
                                            for a, b in zip(lp.chiller_cops, table))
                    if spec and spec.condenser == "water" and cap * share >= old:
                        lp.condenser = "water"
                    if bt is not None and bt.id not in lp.chiller_types:
                        lp.chiller_types.append(bt.id)
                else:
                    acc = free_acc[lp.name]
                    acc["cap"] = acc.get("cap", 0.0) + cap * share
                    acc["fan"] = acc.get("fan", 0.0) + fan * share
                    acc["appr"] = acc.get("appr", 0.0) + approach * cap * share
                    acc["water"] = acc.get("water", 0.0) + water * cap * share
                    kind = "tower" if grp.role == "tower" else ("adiabatic" if water > 0 else "dry")
                    acc[kind] = acc.get(kind, 0.0) + cap * share
    for lp in loops:
        acc = free_acc[lp.name]
        cap = acc.get("cap", 0.0)
        if cap > 0:
            lp.free_cap_kw, lp.free_fan_kw = cap, acc["fan"]
            lp.free_approach_k = acc["appr"] / cap
            lp.free_water_l_per_kwh = acc["water"] / cap
            lp.free_kind = max(("tower", "adiabatic", "dry"), key=lambda k: acc.get(k, 0.0))
    return Plant(loops=loops, tower_approach_k=towers_appr / towers_cap if towers_cap > 0 else None,
                 tower_fan_kw_per_kw=towers_fan / towers_cap if towers_cap > 0 else 0.0,
                 tower_water_l_per_kwh=towers_water / towers_cap if towers_cap > 0 else 0.0)


def _air_unit_approach(s: Snapshot, g: Groups, catalog: Catalog) -> dict[str, float]:
    """Largest coil approach (catalog approach_k) among each air loop's units."""
    out: dict[str, float] = {}
    for grp in g.air:
        for t in np.unique(s.type_index[grp.rows]).tolist():
            bt = catalog.types.get(s.types.ids[t])
            if bt is not None and bt.cooling is not None and bt.cooling.approach_k is not None:
                out[grp.name] = max(out.get(grp.name, 0.0), float(bt.cooling.approach_k))
    return out
