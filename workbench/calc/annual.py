"""The hourly year: every loop's heat rejection, hour by hour at the site's weather, vectorised over hours.

Per loop and hour the free device (dry cooler, adiabatic cooler or tower) leaves water at the air temperature
that drives it plus its approach: dry bulb for dry coolers, wet bulb for towers and for adiabatic coolers while
they spray. At or below the loop supply that is full free cooling; between supply and return the free device
pre-cools and the chiller trims the rest (partial); at or above the return the chiller does it all
(mechanical). Chillers take their COP from their part-load table at that hour's part load, corrected for
that hour's lift (condenser temperature minus the loop's own supply temperature) against the AHRI rating
lift; fans and pumps follow the affinity law. IT-side figures (UPS, PDUs, CRAH fans, CDU pumps, lighting)
come from the load model at each distinct IT load fraction of the year.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import numpy as np
from numpy.typing import NDArray

from workbench.calc.annual_inputs import DesignConditions, LoadProfile, WeatherYear
from workbench.calc.annual_loops import (
    AHRI_CHW_LEAVING_C,
    AHRI_CONDENSER_C,
    AHRI_CONDENSER_RANGE_K,
    PART_LOADS,
    LoopPlan,
    Plant,
    iplv,
    plan_loops,
)
from workbench.calc.annual_results import AnnualResult, LoopYear
from workbench.calc.checks import Check
from workbench.calc.groups import AIR_UNITS, DEFAULT_AIR_LOOP, DEFAULT_LIQUID_LOOP, STANDBY_KINDS, Groups
from workbench.calc.loadmodel import GroupSums, evaluate
from workbench.calc.snapshot import Snapshot
from workbench.model.blocktype import Catalog
from workbench.model.climate import SiteClimate
from workbench.model.design import Design

F = NDArray[np.float64]
FREE, PARTIAL, MECHANICAL = 0, 1, 2
CURVE_STRIDE = 29  # the PUE curve samples every 29th hour (302 hours) at each load fraction
_LOAD_ASC = np.asarray(PART_LOADS[::-1])


@dataclass
class Hours:
    """The hours to run: the year twice (at the load profile, then at full design load) and two design hours."""

    db: F
    wb: F
    column: NDArray[np.int64]  # index into the evaluated load fractions


@dataclass
class LoopHours:
    mode: NDArray[np.int8]
    unmet: NDArray[np.bool_]
    chiller_kw: F
    fan_kw: F
    water_l: F
    cond_c: F
    cop: F
    chiller_heat_kw: F


def profile_of(climate: SiteClimate) -> LoadProfile:
    return LoadProfile(kind=climate.profile_kind, weekly=tuple(climate.profile_weekly),
                       monthly=tuple(climate.profile_monthly), hourly=tuple(climate.profile_hourly))


def run_year(s: Snapshot, g: Groups, gs: GroupSums, values: dict[str, float], hall_area_m2: float,
             weather: WeatherYear, climate: SiteClimate, catalog: Catalog, price_per_kwh: float,
             currency: str, curve_fractions: tuple[float, ...] = (),
             served: dict[int, str] | None = None) -> tuple[AnnualResult, list[Check]]:
    n = weather.hours
    dc = weather.design
    doy = np.arange(n, dtype=np.int64) // 24
    profile = profile_of(climate)
    f_prof = profile.fractions(values["it_utilisation"], weather.month, doy, weather.hour)
    if len(f_prof) and bool((f_prof == f_prof[0]).all()):  # constant load: skip the sort
        fr, inverse = f_prof[:1].copy(), np.zeros(n, dtype=np.int64)
    else:
        fr, inverse = np.unique(np.round(f_prof, 6), return_inverse=True)
    curve = np.asarray(curve_fractions, dtype=float)
    first_curve = len(fr)
    fr = np.concatenate([fr, curve, [1.0]])  # full load last: the loops take their design heat from it
    full = len(fr) - 1
    ev = evaluate(s, g, values, hall_area_m2, fr, "annual", gs)
    plant = plan_loops(s, g, gs, ev, values, climate, catalog, served)
    # The year at the profile, the year at full load, the 0.4 % design hour, the hottest hour, then the PUE
    # curve: each load fraction over every CURVE_STRIDE-th hour (a stride prime to 24 and 7 samples every
    # hour of the day and day of the week).
    sample = np.arange(0, n, CURVE_STRIDE)
    col = np.concatenate([inverse.reshape(-1), np.full(n, full), [full, full],
                          first_curve + np.repeat(np.arange(len(curve)), len(sample))]).astype(np.int64)
    hrs = Hours(db=np.concatenate([weather.dry_bulb_c, weather.dry_bulb_c, [dc.cooling_db_c, dc.max_db_c],
                                   np.tile(weather.dry_bulb_c[sample], len(curve))]),
                wb=np.concatenate([weather.wet_bulb_c, weather.wet_bulb_c, [dc.cooling_wb_c, dc.max_wb_c],
                                   np.tile(weather.wet_bulb_c[sample], len(curve))]),
                column=col)

    # IT-side facility power per evaluated fraction, without heat rejection and the utility stage's loss.
    utility_loss = _sum([gl.loss_kw for gl in ev.power_groups if gl.group.role.startswith("utility:")], fr)
    it_side = (ev.it_kw + ev.power_losses_kw - utility_loss + ev.lighting_kw + ev.misc_kw
               + _sum([gl.loss_kw for gl in ev.air_groups], fr) + _sum([gl.loss_kw for gl in ev.liquid_groups], fr))
    it_h = ev.it_kw[col]
    fac = it_side[col].copy()
    water = np.zeros(len(col))
    rejected = np.zeros(len(col))
    per_loop: list[LoopHours] = []
    min_speed = values["fan_min_speed"]
    for lp in plant.loops:
        lh = _loop_hours(lp, plant, hrs, values, min_speed)
        per_loop.append(lh)
        fac += lh.chiller_kw + lh.fan_kw
        water += lh.water_l
        rejected += lp.heat_kw[col]
    # Plant pumps follow the rejected heat; the utility stage carries the whole facility.
    if len(g.pumps):
        first = len(g.power) + len(g.air) + len(g.liquid)
        hr_cap = float(gs.heat_rejection_kw[first:first + len(g.rejection)].sum())
        x = rejected / hr_cap if hr_cap > 0 else np.ones_like(rejected)
        fac += float(s.col("pump_kw")[g.pumps].sum()) * np.maximum(np.maximum(x, 0.0), min_speed) ** 3
    utility = _utility_loss(g, gs, fac)
    fac += utility

    result = _summarise(weather, dc, plant, per_loop, it_h, fac, water, n, price_per_kwh, currency, profile.kind,
                        _curve(curve, it_h[2 * n + 2:], fac[2 * n + 2:], len(sample)))
    # The year's mean overhead by subsystem (at the profile): the partial PUEs then add up to the annual PUE.
    yr = col[:n]
    lighting = float(ev.lighting_kw[yr].mean())
    misc = float(ev.misc_kw[yr].mean())
    losses = float((ev.power_losses_kw - utility_loss)[yr].mean() + utility[:n].mean())
    it_mean = float(it_h[:n].mean())
    cooling = float(fac[:n].mean()) - it_mean - losses - lighting - misc
    overhead = {"power_losses": losses, "cooling": cooling, "lighting": lighting, "misc": misc}
    ppue = ({"power": 1 + losses / it_mean, "cooling": 1 + cooling / it_mean,
             "lighting_misc": 1 + (lighting + misc) / it_mean} if it_mean > 0 else {})
    result = replace(result, overhead_kw=overhead, ppue=ppue)
    return result, _design_checks(s.ids, plant, per_loop, n, dc)


def _curve(fractions: F, it: F, fac: F, per: int) -> tuple[tuple[float, float], ...]:
    """PUE at each load fraction over the sampled hours, as a ratio of sums."""
    if per == 0 or len(fractions) == 0:
        return ()
    s_it = it.reshape(len(fractions), per).sum(axis=1)
    s_fac = fac.reshape(len(fractions), per).sum(axis=1)
    return tuple((float(f), float(b / a)) for f, a, b in zip(fractions.tolist(), s_it.tolist(), s_fac.tolist()) if a > 0)


def _sum(arrays: list[F], like: F) -> F:
    out = np.zeros_like(like)
    for a in arrays:
        out = out + a
    return out


def _loop_hours(lp: LoopPlan, plant: Plant, h: Hours, values: dict[str, float], min_speed: float) -> LoopHours:
    q = lp.heat_kw[h.column]
    m = len(q)
    sup, ret = lp.supply_c, lp.return_c
    has_free, has_chiller = lp.free_cap_kw > 0, lp.chiller_cap_kw > 0
    spray = np.zeros(m, dtype=bool)
    if lp.free_kind == "tower":
        t_air = h.wb
    elif lp.free_kind == "adiabatic":
        # Pads are wetted only when dry running would not hold the supply temperature.
        spray = h.db + lp.free_approach_k > sup
        t_air = np.where(spray, h.wb, h.db)
    else:
        t_air = h.db
    t_free = t_air + lp.free_approach_k
    if has_free:
        f_mech = np.clip((t_free - sup) / (ret - sup), 0.0, 1.0)
    else:
        f_mech = np.ones(m)
    unmet = np.zeros(m, dtype=bool)
    if not has_chiller:
        unmet = (t_free > sup) & (q > 0) if has_free else q > 0
        f_mech = np.zeros(m)
    mode = np.where(f_mech <= 0.0, FREE, np.where(f_mech >= 1.0, MECHANICAL, PARTIAL)).astype(np.int8)
    q_free = q * (1.0 - f_mech) if has_free else np.zeros(m)
    # Free-device fans: the airflow needed grows as the air warms toward the water (rated driving
    # difference over this hour's); flat out while the chiller trims or the supply is not held.
    fan = np.zeros(m)
    water = np.zeros(m)
    if has_free:
        d_rated = (ret - sup) + lp.free_approach_k
        d_now = np.maximum(ret - t_air, 1e-6)
        x = np.minimum(q / lp.free_cap_kw * d_rated / d_now, 1.0)
        x = np.where((mode == FREE) & ~unmet, x, 1.0)
        running = q_free > 0
        fan = np.where(running, lp.free_fan_kw * np.maximum(x, min_speed) ** 3, 0.0)
        wet = spray if lp.free_kind == "adiabatic" else np.full(m, lp.free_kind == "tower")
        water = np.where(wet & running, q_free * lp.free_water_l_per_kwh, 0.0)
    q_ch = q * f_mech
    chiller = np.zeros(m)
    cop = np.zeros(m)
    cond = np.zeros(m)
    if has_chiller:
        cond, cop = _chiller_cop(lp, plant, h, q_ch, values)
        chiller = np.divide(q_ch, cop, out=np.zeros(m), where=cop > 0)
        if lp.condenser == "water":
            heat_out = q_ch + chiller
            fan = fan + np.where(q_ch > 0, heat_out * plant.tower_fan_kw_per_kw, 0.0)
            water = water + heat_out * plant.tower_water_l_per_kwh
    return LoopHours(mode, unmet, chiller, fan, water, cond, cop, q_ch)


def _chiller_cop(lp: LoopPlan, plant: Plant, h: Hours, q_ch: F, values: dict[str, float]) -> tuple[F, F]:
    """Condenser temperature and COP per hour: part-load table × lift correction, units staged on."""
    unit = lp.chiller_cap_kw / max(lp.chiller_units, 1.0)
    running = np.clip(np.ceil(q_ch / unit - 1e-9), 1.0, max(np.ceil(lp.chiller_units), 1.0))
    plr = np.clip(q_ch / (running * unit), PART_LOADS[-1], 1.0)
    cops = np.asarray(lp.chiller_cops[::-1])
    cop_table = np.interp(plr, _LOAD_ASC, cops)
    if lp.condenser == "water":
        approach = plant.tower_approach_k if plant.tower_approach_k is not None else values["condenser_approach_k"]
        cond = np.maximum(h.wb + approach, values["condenser_water_min_c"])
    else:
        cond = h.db
    rated_cond = np.interp(plr, _LOAD_ASC, np.asarray(AHRI_CONDENSER_C[lp.condenser][::-1]))
    lift_rated = rated_cond - AHRI_CHW_LEAVING_C
    lift = cond - lp.supply_c
    factor = np.clip(1.0 + values["chiller_gain_per_k"] * (lift_rated - lift),
                     values["chiller_lift_factor_min"], values["chiller_lift_factor_max"])
    return cond, cop_table * factor


def _utility_loss(g: Groups, gs: GroupSums, load: F) -> F:
    out = np.zeros_like(load)
    for k, grp in enumerate(g.power):
        if not grp.role.startswith("utility:"):
            continue
        installed = float(gs.rating_kw[k])
        standby = grp.role.split(":", 1)[1] in STANDBY_KINDS
        x = np.zeros_like(load) if standby or installed <= 0 else load / installed
        out += float(gs.loss_a[k]) + float(gs.loss_b[k]) * x + float(gs.loss_c[k]) * x * x
    return out


def _ratio(num: NDArray[Any], den: NDArray[Any]) -> list[float | None]:
    return [float(a / b) if b > 0 else None for a, b in zip(num.tolist(), den.tolist())]


def _summarise(w: WeatherYear, dc: DesignConditions, plant: Plant, per_loop: list[LoopHours], it_h: F, fac: F,
               water: F, n: int, price: float, currency: str, profile: str,
               curve: tuple[tuple[float, float], ...]) -> AnnualResult:
    it, fa, wa = it_h[:n], fac[:n], water[:n]
    it_full, fa_full = it_h[n:2 * n], fac[n:2 * n]
    m = w.month - 1
    mit = np.bincount(m, weights=it, minlength=12)[:12]
    mfa = np.bincount(m, weights=fa, minlength=12)[:12]
    cell = m * 24 + w.hour
    hit = np.bincount(cell, weights=it, minlength=288)[:288]
    hfa = np.bincount(cell, weights=fa, minlength=288)[:288]
    heat = _ratio(hfa, hit)
    hourly = np.divide(fa, it, out=np.zeros(n), where=it > 0)
    worst = int(np.argmax(hourly))
    sit, sfa, swa = float(it.sum()), float(fa.sum()), float(wa.sum())
    loops = []
    chillers: dict[str, dict[str, Any]] = {}
    for lp, lh in zip(plant.loops, per_loop):
        loops += _loop_years(lp, lh, plant, dc, n)
        for tid, (table, source) in lp.chiller_tables.items():
            chillers[tid] = {"type": tid, "part_load_cop": list(table), "iplv": iplv(table), "source": source}
    return AnnualResult(
        site={"location": w.location, "station": w.station, "latitude": w.latitude, "longitude": w.longitude,
              "elevation_m": w.elevation_m, "time_zone_h": w.time_zone_h, "format": w.file_format,
              "source": w.source, "sha256": w.sha256, "leap_year": w.leap, "filled": dict(w.filled)},
        design_conditions=dc.to_dict(), hours=n,
        pue=sfa / sit if sit > 0 else None,
        pue_design_load=float(fa_full.sum() / it_full.sum()) if it_full.sum() > 0 else None,
        monthly_pue=tuple(_ratio(mfa, mit)), pue_heatmap=tuple(tuple(heat[r * 24:(r + 1) * 24]) for r in range(12)),
        worst_hour_pue=float(hourly[worst]) if sit > 0 else None,
        worst_hour=(int(w.month[worst]), int(w.day[worst]), int(w.hour[worst])),
        peak_facility_kw=float(fac[2 * n + 1]),
        energy={"annual_it_mwh": sit / 1000.0, "annual_facility_mwh": sfa / 1000.0,
                "annual_cost": sfa * price, "annual_overhead_cost": (sfa - sit) * price,
                "electricity_price_per_kwh": price, "currency": currency, "annual_water_m3": swa / 1000.0,
                "wue_l_per_kwh": swa / sit if sit > 0 else 0.0},
        loops=tuple(loops), chillers=tuple(chillers.values()), profile=profile, pue_curve=curve,
        monthly_it_mwh=tuple(float(v) / 1000.0 for v in mit), monthly_facility_mwh=tuple(float(v) / 1000.0 for v in mfa),
    )


def _loop_years(lp: LoopPlan, lh: LoopHours, plant: Plant, dc: DesignConditions, n: int) -> list[LoopYear]:
    """One entry per member loop: the class's hours, the member's share of its heat, water and chillers."""
    mode = lh.mode[:n]
    kinds = "+".join(k for k in (lp.free_kind, "chiller" if lp.chiller_cap_kw > 0 else "") if k) or "none"
    q_ch = lh.chiller_heat_kw[:n]
    on = q_ch > 0
    mean_cop = float(q_ch[on].sum() / (q_ch[on] / lh.cop[:n][on]).sum()) if on.any() else None
    total = float(lp.heat_kw[-1])
    water = float(lh.water_l[:n].sum()) / 1000.0
    air = dc.cooling_wb_c if lp.free_kind in ("tower", "adiabatic") else dc.cooling_db_c
    counts = dict(hours_free=int((mode == FREE).sum()), hours_partial=int((mode == PARTIAL).sum()),
                  hours_mechanical=int((mode == MECHANICAL).sum()), hours_unmet=int(lh.unmet[:n].sum()))
    out = []
    for name, heat in lp.members:
        share = heat / total if total > 0 else 1.0 / len(lp.members)
        out.append(LoopYear(
            name=name, kind=lp.kind, supply_c=lp.supply_c, return_c=lp.return_c, heat_rejection=kinds,
            approach_k=lp.free_approach_k, design_heat_kw=heat, **counts,
            chiller_capacity_kw=lp.chiller_cap_kw * share,
            chiller_iplv=iplv(lp.chiller_cops) if lp.chiller_cap_kw > 0 else None, chiller_mean_cop=mean_cop,
            condenser=lp.condenser if lp.chiller_cap_kw > 0 else "", water_m3=water * share,
            design_free_c=air + lp.free_approach_k if lp.free_cap_kw > 0 else None))
        if lp.chiller_cap_kw > 0 and lp.condenser == "water":
            cond = lh.cond_c[:n]
            appr = plant.tower_approach_k
            out.append(LoopYear(
                name=f"{name}/condenser", kind="condenser", supply_c=float(cond[on].mean()) if on.any() else 0.0,
                return_c=float(cond[on].mean() + AHRI_CONDENSER_RANGE_K) if on.any() else 0.0, heat_rejection="tower",
                approach_k=float(appr) if appr is not None else 0.0, design_heat_kw=lp.chiller_cap_kw * share,
                hours_free=int((~on).sum()), hours_partial=0, hours_mechanical=int(on.sum()), hours_unmet=0))
    return out


def _design_checks(ids: list[str], plant: Plant, per_loop: list[LoopHours], n: int,
                   dc: DesignConditions) -> list[Check]:
    """A loop whose heat rejection cannot hold its supply temperature at the 0.4 % design condition."""
    out = []
    design_hour = 2 * n
    for lp, lh in zip(plant.loops, per_loop):
        if not lh.unmet[design_hour]:
            continue
        names = ", ".join(m for m, _ in lp.members)
        blocks = tuple(dict.fromkeys(ids[r] for r in lp.rejection_rows))
        if lp.free_cap_kw <= 0:
            out.append(Check("warning", "loop_supply_not_held",
                             f"loop {names} has no heat rejection to hold its {lp.supply_c:.1f} °C supply", blocks,
                             (("form", "none"), ("loop", names), ("kind", lp.kind), ("supply_c", lp.supply_c))))
            continue
        wet = lp.free_kind in ("tower", "adiabatic")
        air = dc.cooling_wb_c if wet else dc.cooling_db_c
        reaches = air + lp.free_approach_k
        what = "wet bulb" if wet else "dry bulb"
        out.append(Check(
            "warning", "loop_supply_not_held",
            f"loop {names} cannot hold its {lp.supply_c:.1f} °C supply at the 0.4 % design condition: its "
            f"coolers leave {reaches:.1f} °C ({what} {air:.1f} °C + {lp.free_approach_k:.1f} K "
            "approach) and no chiller trims it", blocks,
            (("form", "wet" if wet else "dry"), ("loop", names), ("kind", lp.kind), ("supply_c", lp.supply_c),
             ("design_c", air), ("approach_k", lp.free_approach_k), ("reaches_c", reaches))))
    return out

def with_year(figures: dict[str, Any], weather: WeatherYear | None, s: Snapshot, g: Groups,
              values: dict[str, float], areas: list[tuple[float, Any]], design: Design, catalog: Catalog,
              price_per_kwh: float, currency: str) -> dict[str, Any]:
    """The engine's figures with the hourly year attached; with weather it sets the headline PUE and energy."""
    figures["annual"] = None
    figures["annual_checks"] = []
    if weather is None:
        return figures
    area = sum(a for a, _ in areas)
    curve = tuple(f for f, _ in figures.get("pue_curve", []))
    year, checks = run_year(s, g, GroupSums.of(s, g), values, area, weather, design.climate, catalog,
                            price_per_kwh, currency, curve, served_loops(design, s, g, catalog))
    figures["annual"] = year
    figures["annual_checks"] = checks
    if year.pue is not None:
        figures["pue"] = year.pue_design_load
        figures["pue_at_load"] = year.pue
        figures["energy"] = dict(year.energy)
        figures["pue_curve"] = list(year.pue_curve)
        figures["overhead_kw"] = dict(year.overhead_kw)
        figures["ppue"] = dict(year.ppue)
        it_kw = float(figures.get("it_load_kw") or 0.0)
        if it_kw > 0:  # the design day: full IT at the file's hottest dry and wet bulb
            figures["pue_peak"] = year.peak_facility_kw / it_kw
    return figures


def served_loops(design: Design, s: Snapshot, g: Groups, catalog: Catalog) -> dict[int, str]:
    """Heat-rejection rows whose heat connections all reach units of one loop: they serve that loop.

    The connected plant draws heat edges from a heat-rejection unit to the CDUs and air units it takes heat
    from; a unit's loop is its `cooling_loop` (or `liquid` for CDUs, `air` for air units).
    """
    if not design.connections:
        return {}
    rejection = {int(r) for grp in g.rejection for r in grp.rows.tolist()}
    loops: dict[int, set[str]] = {}
    for c in design.connections.values():
        if c.kind != "heat":
            continue
        row = s.row.get(c.from_block)
        unit = design.blocks.get(c.to_block)
        if row is None or row not in rejection or unit is None:
            continue
        bt = catalog.types.get(unit.type_id)
        kind = bt.kind if bt is not None else ""
        if kind == "cdu":
            name = unit.cooling_loop or DEFAULT_LIQUID_LOOP
        elif kind in AIR_UNITS:
            name = unit.cooling_loop or DEFAULT_AIR_LOOP
        else:
            continue
        loops.setdefault(row, set()).add(name)
    return {row: next(iter(names)) for row, names in loops.items() if len(names) == 1}
