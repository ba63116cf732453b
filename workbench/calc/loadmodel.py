"""Facility power at any IT load: device losses (WP113), cooling energy, lighting and misc loads.

Every function takes an array of IT load fractions so a whole PUE curve costs one pass.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np
from numpy.typing import NDArray

from workbench.calc.groups import FREE_COOLERS, STANDBY_KINDS, Group, Groups
from workbench.calc.snapshot import OVERRIDABLE, Snapshot

F = NDArray[np.float64]


@dataclass(slots=True)  # two per group and operating mode on every run: slots make them cheap to build
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

    def take(self, part: slice) -> Evaluation:
        """The same figures for a slice of the load fractions (one pass can hold two operating modes)."""
        def cut(groups: list[GroupLoad]) -> list[GroupLoad]:
            return [GroupLoad(gl.group, gl.load_kw[part], gl.loss_kw[part]) for gl in groups]

        arrays = {f.name: getattr(self, f.name)[part] for f in fields(self)
                  if isinstance(getattr(self, f.name), np.ndarray)}
        return Evaluation(**arrays, power_groups=cut(self.power_groups), air_groups=cut(self.air_groups),
                          liquid_groups=cut(self.liquid_groups), rejection_groups=cut(self.rejection_groups),
                          rack_system_it_kw=self.rack_system_it_kw, rack_loop_liquid_kw=self.rack_loop_liquid_kw)


@dataclass
class GroupSums:
    """Per-group totals of the columns the load model needs, indexed like Groups.all."""

    rating_kw: F
    loss_a: F  # Σ rating·a
    loss_b: F
    loss_c: F
    in_room_share: F
    liquid_kw: F
    liquid_to_air_kw: F
    pump_kw: F
    fan_kw: F
    air_kw: F
    heat_rejection_kw: F
    cop_hr: F  # Σ heat rejection·COP
    water_hr: F  # Σ heat rejection·water use
    system_it_kw: dict[str, float]  # rack IT per power system at full load, in first-seen order
    loop_liquid_kw: dict[str, float]  # rack liquid heat per loop at full load

    @staticmethod
    def of(s: Snapshot, g: Groups) -> GroupSums:
        count = len(g.power) + len(g.air) + len(g.liquid) + len(g.rejection)
        mask = g.label >= 0
        lab = g.label[mask]
        t = s.type_index[mask]

        def total(weights: F) -> F:
            return np.bincount(lab, weights=weights, minlength=count)[:count].astype(float)

        v = s.values[mask]
        rating = v[:, _RATING]
        coef = s.types.loss[t]
        hr = v[:, _HR]
        members = np.bincount(lab, minlength=count)[:count]
        in_room = total(s.types.in_room[t].astype(float))
        l2a = np.asarray([m == "liquid-to-air" for m in s.types.medium] or [False], dtype=bool)[t]
        # IT per system and liquid heat per loop, summed in rack order as a dict would.
        it_rack = s.col("it_kw")[g.racks]
        liq = it_rack * s.col("liquid_fraction")[g.racks]
        n_names = len(g.names)
        sys_kw = np.bincount(g.rack_system_code, weights=it_rack, minlength=n_names)
        liq_kw = np.bincount(g.rack_loop_code, weights=liq, minlength=n_names)
        return GroupSums(
            system_it_kw={g.names[c]: float(sys_kw[c]) for c in _first_seen(g.rack_system_code)},
            loop_liquid_kw={g.names[c]: float(liq_kw[c]) for c in _first_seen(g.rack_loop_code)},
            rating_kw=total(rating), loss_a=total(rating * coef[:, 0]), loss_b=total(rating * coef[:, 1]),
            loss_c=total(rating * coef[:, 2]),
            in_room_share=np.divide(in_room, members, out=np.zeros(count), where=members > 0),
            liquid_kw=total(v[:, _LIQ]), liquid_to_air_kw=total(np.where(l2a, v[:, _LIQ], 0.0)),
            pump_kw=total(v[:, _PUMP]), fan_kw=total(v[:, _FAN]), air_kw=total(v[:, _AIR]),
            heat_rejection_kw=total(hr), cop_hr=total(hr * v[:, _COP]),
            water_hr=total(s.types.water[t] * hr),
        )


def _first_seen(codes: NDArray[np.int64]) -> list[int]:
    """Distinct codes in order of first appearance."""
    if len(codes) == 0:
        return []
    _, first = np.unique(codes, return_index=True)
    return codes[np.sort(first)].tolist()  # type: ignore[no-any-return]


_RATING, _LIQ, _PUMP, _FAN, _AIR, _HR, _COP = (
    OVERRIDABLE.index(k) for k in ("rating_kw", "liquid_kw", "pump_kw", "fan_kw", "air_kw", "heat_rejection_kw", "cop"))


def _total(rows: F, zero: F) -> F:
    """The sum of a (groups, fractions) matrix's rows, or zeros when there are no groups."""
    return np.add.reduce(rows, axis=0) if len(rows) else zero


def _affinity(rated_kw: float | F, x: F, min_speed: float) -> F:
    """Fan and pump power follows speed cubed, with a floor at the minimum speed."""
    return rated_kw * np.maximum(np.maximum(x, 0.0), min_speed) ** 3


def evaluate(s: Snapshot, g: Groups, values: dict[str, float], hall_area_m2: float,
             fractions: F, mode: str = "annual", sums: GroupSums | None = None,
             peak: NDArray[np.bool_] | None = None) -> Evaluation:
    """Facility power at each IT load fraction; mode 'annual' averages economizer hours, 'peak' does not.

    `peak` marks fractions evaluated on the design day (chillers running) within an 'annual' pass.
    """
    gs = GroupSums.of(s, g) if sums is None else sums
    f = np.asarray(fractions, dtype=float)
    zero = np.zeros_like(f)
    it_rack = s.col("it_kw")[g.racks]
    air_frac = s.col("air_fraction")[g.racks]
    liq_frac = s.col("liquid_fraction")[g.racks]
    it_design = float(it_rack.sum())
    it = it_design * f
    min_speed = values["fan_min_speed"]

    sys_it = dict(gs.system_it_kw)
    loop_liq = dict(gs.loop_liquid_kw)

    power_groups, losses, room = _power_chain(g, gs, sys_it, f)
    wiring = values["distribution_loss_fraction"] * it_design * f * f
    losses = losses + wiring
    room = room + wiring

    lighting = np.full_like(f, values["lighting_w_per_m2"] * hall_area_m2 / 1000.0)
    misc = np.full_like(f, values["misc_kw"])

    # Liquid: CDUs carry the racks' liquid heat; liquid-to-air CDUs dump it into the room air.
    base = len(g.power) + len(g.air)
    liq = slice(base, base + len(g.liquid))
    liquid_heat = float((liq_frac * it_rack).sum()) * f
    load = np.asarray([loop_liq.get(grp.name, 0.0) for grp in g.liquid]).reshape(-1, 1) * f
    cap = gs.liquid_kw[liq].reshape(-1, 1)
    sized = cap > 0
    x = np.divide(load, cap, out=np.zeros_like(load), where=sized)
    elec = np.where(sized, _affinity((gs.pump_kw[liq] + gs.fan_kw[liq]).reshape(-1, 1), x, min_speed), 0.0)
    share_air = np.divide(gs.liquid_to_air_kw[liq].reshape(-1, 1), cap, out=np.zeros_like(cap), where=sized)
    # Totals add group by group (a reduction down the first axis), as a loop over the groups would.
    cdu_power = _total(elec, zero)
    liquid_to_air = _total(load * share_air, zero)
    liquid_to_water = _total(load * (1.0 - share_air), zero)
    liquid_groups = [GroupLoad(grp, load[i], elec[i]) for i, grp in enumerate(g.liquid)]
    # Liquid heat of loops without any CDU still has to leave the building.
    served = sum(loop_liq.get(grp.name, 0.0) for grp in g.liquid)
    liquid_to_water = liquid_to_water + (sum(loop_liq.values()) - served) * f

    # Air: rack air heat + room losses + lighting + liquid-to-air heat + CDU pumps, then fan heat.
    air_heat = float((air_frac * it_rack).sum()) * f + room + lighting + liquid_to_air + cdu_power
    air = slice(len(g.power), base)
    air_caps = gs.air_kw[air]
    air_cap_total = float(sum(air_caps.tolist()))
    shares = (air_caps / air_cap_total if air_cap_total > 0 else np.zeros_like(air_caps)).reshape(-1, 1)
    load = air_heat * shares
    cap = air_caps.reshape(-1, 1)
    x = np.divide(load, cap, out=np.zeros_like(load), where=cap > 0)
    elec = _affinity(gs.fan_kw[air].reshape(-1, 1), x, min_speed)
    fans = _total(elec, zero)
    air_groups = [GroupLoad(grp, load[i], elec[i]) for i, grp in enumerate(g.air)]
    air_heat = air_heat + fans  # fans inside the room end up as heat too
    for gl, share in zip(air_groups, shares[:, 0].tolist()):
        gl.load_kw = air_heat * share

    # Heat rejection: chillers when it is too warm, dry coolers / towers otherwise.
    rejected = air_heat + liquid_to_water
    if peak is None:
        peak = np.full(f.shape, mode == "peak")
    chiller_kw, rej_fans, water, rejection_groups = _heat_rejection(s, g, values, rejected, f, peak, gs)
    pumps = zero
    if len(g.pumps):
        first = base + len(g.liquid)
        rejection_kw = sum(float(gs.heat_rejection_kw[k]) for k in range(first, first + len(g.rejection)))
        x = rejected / rejection_kw if rejection_kw > 0 else np.ones_like(f)
        pumps = _affinity(float(s.col("pump_kw")[g.pumps].sum()), x, min_speed)
    fans_pumps = fans + cdu_power + rej_fans + pumps
    cooling = chiller_kw + fans_pumps
    utility = _utility(g, it, losses, cooling, lighting, misc, gs)
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


def _power_chain(g: Groups, gs: GroupSums, sys_it: dict[str, float], f: F) -> tuple[list[GroupLoad], F, F]:
    """Load and loss of every distribution, UPS and storage group, one matrix per stage.

    Distribution carries its system's IT; the UPS carries IT plus that distribution's loss (a stage holds
    one group per system); storage stands by with no-load loss only. Totals add group by group in stage
    order, as a loop over the groups would.
    """
    out: list[GroupLoad] = []
    losses = np.zeros_like(f)
    room = np.zeros_like(f)
    dist_loss: dict[str, F] = {}
    for stage in ("distribution", "ups", "storage"):
        ks = [k for k, grp in enumerate(g.power) if grp.role == stage]
        if not ks:
            continue
        names = [g.power[k].name for k in ks]
        load = np.asarray([sys_it.get(n, 0.0) for n in names])[:, None] * f
        if stage == "ups":
            load = load + np.asarray([dist_loss.get(n, np.zeros_like(f)) for n in names])
        installed = gs.rating_kw[ks][:, None]
        x = np.divide(load, installed, out=np.zeros_like(load), where=installed > 0)
        if stage == "storage":
            x = 0.0 * x
        loss = gs.loss_a[ks][:, None] + gs.loss_b[ks][:, None] * x + gs.loss_c[ks][:, None] * x * x
        share = gs.in_room_share[ks][:, None]
        if stage == "distribution":
            dist_loss.update(zip(names, loss))
        # A reduction down the first axis adds row after row onto the running total, as a loop would.
        losses = np.add.reduce(np.vstack((losses[None, :], loss)), axis=0)
        room = np.add.reduce(np.vstack((room[None, :], loss * share)), axis=0)
        out += map(GroupLoad, [g.power[k] for k in ks], load, loss)
    return out, losses, room


def _heat_rejection(s: Snapshot, g: Groups, values: dict[str, float], heat: F, f: F,
                    peak: NDArray[np.bool_], gs: GroupSums) -> tuple[F, F, F, list[GroupLoad]]:
    first = len(g.power) + len(g.air) + len(g.liquid)
    numbered = list(zip(g.rejection, range(first, first + len(g.rejection))))
    chillers = [(grp, k) for grp, k in numbered if grp.role == "chiller"]
    free = [(grp, k) for grp, k in numbered if grp.role in FREE_COOLERS]
    hr = gs.heat_rejection_kw
    cap_total = sum(float(hr[k]) for _, k in numbered)
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
    # On the design day the chillers carry everything they are sized for.
    running_f = np.where(peak, 1.0, running) if chillers else np.full(f.shape, running)
    chiller_kw = zero.copy()
    groups: list[GroupLoad] = []
    chiller_cap = sum(float(hr[k]) for _, k in chillers)
    for grp, k in chillers:
        cap = float(hr[k])
        cop = float(gs.cop_hr[k] / cap) if cap > 0 else 0.0
        # Warmer facility water lifts chiller efficiency; capped so the model stays conservative.
        lift = values["chiller_gain_per_k"] * (values["facility_water_supply_c"] - values["chiller_rating_water_c"])
        cop_eff = cop * min(max(1.0 + lift, 0.5), 1.6) if cop > 0 else 0.0
        share = cap / chiller_cap if chiller_cap > 0 else 0.0  # every chiller overridden to 0 kW
        elec = heat * share / cop_eff * running_f if cop_eff > 0 else zero
        chiller_kw = chiller_kw + elec
        groups.append(GroupLoad(grp, heat * share, elec))
    fans = zero.copy()
    water = zero.copy()
    free_cap = sum(float(hr[k]) for _, k in free)
    for grp, k in free:
        cap = float(hr[k])
        if cap <= 0:  # overridden to 0 kW: carries nothing (and every free cooler at 0 would divide by zero)
            groups.append(GroupLoad(grp, zero.copy(), zero.copy()))
            continue
        load = heat * (cap / free_cap)
        x = load / cap
        rated = float(gs.fan_kw[k] + gs.pump_kw[k])
        if rated <= 0:
            elec = load * values["dry_cooler_fan_kw_per_kw"]
        else:
            elec = _affinity(rated, x, values["fan_min_speed"])
        water = water + load * float(gs.water_hr[k] / cap)
        fans = fans + elec
        groups.append(GroupLoad(grp, load, elec))
    return chiller_kw, fans, water, groups


def _utility(g: Groups, it: F, losses: F, cooling: F, lighting: F, misc: F, gs: GroupSums) -> list[GroupLoad]:
    """Utility-stage devices carry the whole facility load; generators stand by."""
    out = []
    base = it + losses + cooling + lighting + misc
    for k, grp in enumerate(g.power):
        if not grp.role.startswith("utility:"):
            continue
        installed = float(gs.rating_kw[k])
        standby = grp.role.split(":", 1)[1] in STANDBY_KINDS
        x = np.zeros_like(it) if standby or installed <= 0 else base / installed
        loss = float(gs.loss_a[k]) + float(gs.loss_b[k]) * x + float(gs.loss_c[k]) * x * x
        out.append(GroupLoad(grp, base.copy(), loss))
    return out
