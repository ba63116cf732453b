"""Facility power at any IT load: device losses (WP113), cooling energy, lighting and misc loads.

Every function takes an array of IT load fractions so a whole PUE curve costs one pass.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from workbench.calc.groups import FREE_COOLERS, STANDBY_KINDS, Group, Groups
from workbench.calc.snapshot import Snapshot

F = NDArray[np.float64]


@dataclass
class GroupLoad:
    group: Group
    load_kw: F  # per load fraction
    loss_kw: F  # electrical loss (power) or electrical input (cooling)


@dataclass
class Evaluation:
    """Facility figures per load fraction (arrays of equal length)."""

    fractions: F
    it_kw: F
    power_losses_kw: F
    room_losses_kw: F
    cooling_kw: F
    chiller_kw: F
    fans_pumps_kw: F
    lighting_kw: F
    misc_kw: F
    air_heat_kw: F
    liquid_heat_kw: F
    rejected_heat_kw: F
    water_l_per_h: F
    power_groups: list[GroupLoad]
    air_groups: list[GroupLoad]
    liquid_groups: list[GroupLoad]
    rejection_groups: list[GroupLoad]
    rack_system_it_kw: dict[str, float]  # at 100 % load
    rack_loop_liquid_kw: dict[str, float]

    @property
    def facility_kw(self) -> F:
        return self.it_kw + self.power_losses_kw + self.cooling_kw + self.lighting_kw + self.misc_kw


def _device_loss(s: Snapshot, rows: NDArray[np.int64], x: F) -> F:
    """Σ rating·(a + b·x + c·x²) over devices that share load equally by rating."""
    rating = s.col("rating_kw")[rows]
    coef = s.types.loss[s.type_index[rows]]
    a = float(rating @ coef[:, 0])
    b = float(rating @ coef[:, 1])
    c = float(rating @ coef[:, 2])
    return a + b * x + c * x * x


def _affinity(rated_kw: float, x: F, min_speed: float) -> F:
    """Fan and pump power follows speed cubed, with a floor at the minimum speed."""
    return rated_kw * np.maximum(np.clip(x, 0.0, None), min_speed) ** 3


def evaluate(s: Snapshot, g: Groups, values: dict[str, float], hall_area_m2: float,
             fractions: F, mode: str = "annual") -> Evaluation:
    """Facility power at each IT load fraction; mode 'annual' averages economizer hours, 'peak' does not."""
    f = np.asarray(fractions, dtype=float)
    it_rack = s.col("it_kw")[g.racks]
    air_frac = s.col("air_fraction")[g.racks]
    liq_frac = s.col("liquid_fraction")[g.racks]
    it_design = float(it_rack.sum())
    it = it_design * f
    min_speed = values["fan_min_speed"]

    # IT per power system and liquid heat per loop at full load.
    sys_it: dict[str, float] = {}
    for name, kw in zip(g.rack_system, it_rack):
        sys_it[name] = sys_it.get(name, 0.0) + float(kw)
    loop_liq: dict[str, float] = {}
    for name, kw in zip(g.rack_loop, it_rack * liq_frac):
        loop_liq[name] = loop_liq.get(name, 0.0) + float(kw)

    # Power chain inside each system: distribution carries IT, UPS carries IT + distribution loss.
    power_groups: list[GroupLoad] = []
    losses = np.zeros_like(f)
    room = np.zeros_like(f)
    in_room = s.types.in_room[s.type_index]
    dist_loss: dict[str, F] = {}
    for stage in ("distribution", "ups", "storage"):
        for grp in (p for p in g.power if p.role == stage):
            load = sys_it.get(grp.name, 0.0) * f
            if stage == "ups":
                load = load + dist_loss.get(grp.name, 0.0)
            installed = float(s.col("rating_kw")[grp.rows].sum())
            x = load / installed if installed > 0 else np.zeros_like(f)
            loss = _device_loss(s, grp.rows, 0.0 * x if stage == "storage" else x)
            if stage == "distribution":
                dist_loss[grp.name] = dist_loss.get(grp.name, 0.0) + loss
            losses = losses + loss
            share_in_room = float(in_room[grp.rows].mean()) if len(grp.rows) else 0.0
            room = room + loss * share_in_room
            power_groups.append(GroupLoad(grp, load, loss))
    wiring = values["distribution_loss_fraction"] * it_design * f * f
    losses = losses + wiring
    room = room + wiring

    lighting = np.full_like(f, values["lighting_w_per_m2"] * hall_area_m2 / 1000.0)
    misc = np.full_like(f, values["misc_kw"])

    # Liquid: CDUs carry the racks' liquid heat; liquid-to-air CDUs dump it into the room air.
    liquid_groups: list[GroupLoad] = []
    liquid_to_water = np.zeros_like(f)
    liquid_to_air = np.zeros_like(f)
    cdu_power = np.zeros_like(f)
    liquid_heat = float((liq_frac * it_rack).sum()) * f
    media = s.types.medium
    for grp in g.liquid:
        load = loop_liq.get(grp.name, 0.0) * f
        cap = float(s.col("liquid_kw")[grp.rows].sum())
        x = load / cap if cap > 0 else np.zeros_like(f)
        rated = float(s.col("pump_kw")[grp.rows].sum() + s.col("fan_kw")[grp.rows].sum())
        elec = _affinity(rated, x, min_speed) if cap > 0 else np.zeros_like(f)
        cdu_power = cdu_power + elec
        l2a = np.array([media[s.type_index[r]] == "liquid-to-air" for r in grp.rows], dtype=bool)
        share_air = float(s.col("liquid_kw")[grp.rows][l2a].sum() / cap) if cap > 0 else 0.0
        liquid_to_air = liquid_to_air + load * share_air
        liquid_to_water = liquid_to_water + load * (1.0 - share_air)
        liquid_groups.append(GroupLoad(grp, load, elec))
    # Liquid heat of loops without any CDU still has to leave the building.
    served = sum(loop_liq.get(grp.name, 0.0) for grp in g.liquid)
    liquid_to_water = liquid_to_water + (sum(loop_liq.values()) - served) * f

    # Air: rack air heat + room losses + lighting + liquid-to-air heat + CDU pumps, then fan heat.
    air_heat = float((air_frac * it_rack).sum()) * f + room + lighting + liquid_to_air + cdu_power
    air_groups: list[GroupLoad] = []
    air_cap_total = sum(float(s.col("air_kw")[grp.rows].sum()) for grp in g.air)
    fans = np.zeros_like(f)
    for grp in g.air:
        cap = float(s.col("air_kw")[grp.rows].sum())
        share = cap / air_cap_total if air_cap_total > 0 else 0.0
        load = air_heat * share
        x = load / cap if cap > 0 else np.zeros_like(f)
        elec = _affinity(float(s.col("fan_kw")[grp.rows].sum()), x, min_speed)
        fans = fans + elec
        air_groups.append(GroupLoad(grp, load, elec))
    air_heat = air_heat + fans  # fans inside the room end up as heat too
    for gl in air_groups:
        share = float(s.col("air_kw")[gl.group.rows].sum()) / air_cap_total if air_cap_total else 0.0
        gl.load_kw = air_heat * share

    # Heat rejection: chillers when it is too warm, dry coolers / towers otherwise.
    rejected = air_heat + liquid_to_water
    chiller_kw, rej_fans, water, rejection_groups = _heat_rejection(s, g, values, rejected, f, mode)
    pumps = np.zeros_like(f)
    if len(g.pumps):
        cap = sum(float(s.col("heat_rejection_kw")[grp.rows].sum()) for grp in g.rejection)
        x = rejected / cap if cap > 0 else np.ones_like(f)
        pumps = _affinity(float(s.col("pump_kw")[g.pumps].sum()), x, min_speed)
    fans_pumps = fans + cdu_power + rej_fans + pumps
    cooling = chiller_kw + fans_pumps
    utility = _utility(s, g, it, losses, cooling, lighting, misc)
    for gl in utility:
        losses = losses + gl.loss_kw
    return Evaluation(
        fractions=f, it_kw=it, power_losses_kw=losses, room_losses_kw=room, cooling_kw=cooling,
        chiller_kw=chiller_kw, fans_pumps_kw=fans_pumps, lighting_kw=lighting, misc_kw=misc,
        air_heat_kw=air_heat, liquid_heat_kw=liquid_heat, rejected_heat_kw=rejected,
        water_l_per_h=water, power_groups=power_groups + utility,
        air_groups=air_groups, liquid_groups=liquid_groups, rejection_groups=rejection_groups,
        rack_system_it_kw=sys_it, rack_loop_liquid_kw=loop_liq,
    )


def _heat_rejection(s: Snapshot, g: Groups, values: dict[str, float], heat: F, f: F,
                    mode: str) -> tuple[F, F, F, list[GroupLoad]]:
    chillers = [grp for grp in g.rejection if grp.role == "chiller"]
    free = [grp for grp in g.rejection if grp.role in FREE_COOLERS]
    hr = s.col("heat_rejection_kw")
    cap_total = sum(float(hr[grp.rows].sum()) for grp in g.rejection)
    zero = np.zeros_like(f)
    if cap_total <= 0:
        return zero, zero, zero, []
    # Share of the year the chillers run: all of it without free coolers.
    if chillers and free:
        econ = min(values["economizer_hours"] / values["hours_per_year"], 1.0)
        running = 1.0 - econ * (1.0 - values["economizer_chiller_fraction"])
    elif chillers:
        running = 1.0
    else:
        running = 0.0
    if mode == "peak" and chillers:
        running = 1.0
    chiller_kw = zero.copy()
    groups: list[GroupLoad] = []
    for grp in chillers:
        cap = float(hr[grp.rows].sum())
        cops = s.col("cop")[grp.rows]
        cop = float((hr[grp.rows] * cops).sum() / cap) if cap > 0 else 0.0
        # Warmer facility water lifts chiller efficiency; capped so the model stays conservative.
        lift = values["chiller_gain_per_k"] * (values["facility_water_supply_c"] - values["chiller_rating_water_c"])
        cop_eff = cop * min(max(1.0 + lift, 0.5), 1.6) if cop > 0 else 0.0
        share = cap / sum(float(hr[c.rows].sum()) for c in chillers)
        elec = heat * share / cop_eff * running if cop_eff > 0 else zero
        chiller_kw = chiller_kw + elec
        groups.append(GroupLoad(grp, heat * share, elec))
    fans = zero.copy()
    water = zero.copy()
    free_cap = sum(float(hr[grp.rows].sum()) for grp in free)
    for grp in free:
        cap = float(hr[grp.rows].sum())
        load = heat * (cap / free_cap)
        x = load / cap
        rated = float(s.col("fan_kw")[grp.rows].sum() + s.col("pump_kw")[grp.rows].sum())
        if rated <= 0:
            elec = load * values["dry_cooler_fan_kw_per_kw"]
        else:
            elec = _affinity(rated, x, values["fan_min_speed"])
        wl = s.types.water[s.type_index[grp.rows]]
        water = water + load * float((wl * hr[grp.rows]).sum() / cap)
        fans = fans + elec
        groups.append(GroupLoad(grp, load, elec))
    return chiller_kw, fans, water, groups


def _utility(s: Snapshot, g: Groups, it: F, losses: F, cooling: F, lighting: F, misc: F) -> list[GroupLoad]:
    """Utility-stage devices carry the whole facility load; generators stand by."""
    out = []
    base = it + losses + cooling + lighting + misc
    for grp in (p for p in g.power if p.role.startswith("utility:")):
        installed = float(s.col("rating_kw")[grp.rows].sum())
        standby = grp.role.split(":", 1)[1] in STANDBY_KINDS
        x = np.zeros_like(it) if standby or installed <= 0 else base / installed
        out.append(GroupLoad(grp, base.copy(), _device_loss(s, grp.rows, x)))
    return out
