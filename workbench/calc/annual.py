"""The hourly year: every loop's heat rejection, hour by hour at the site's weather, summed into the year's PUE.

Each loop class runs its hours in calc/annual_hours.py; plant pumps follow the heat rejected and the utility
stage carries the whole facility. IT-side figures (UPS, PDUs, CRAH fans, CDU pumps, lighting) come from the
load model at each distinct IT load fraction of the year.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray

from workbench.calc.annual_hours import FREE, MECHANICAL, PARTIAL, Hours, LoopHours, cells, loop_hours, reads
from workbench.calc.annual_inputs import DesignConditions, LoadProfile, WeatherYear
from workbench.calc.annual_loops import AHRI_CONDENSER_RANGE_K, Plant, LoopPlan, iplv, plan_loops
from workbench.calc.annual_results import AnnualResult, LoopYear
from workbench.calc.checks import Check
from workbench.calc.groups import AIR_UNITS, DEFAULT_AIR_LOOP, DEFAULT_LIQUID_LOOP, STANDBY_KINDS, Groups
from workbench.calc.loadmodel import Evaluation, GroupSums, evaluate
from workbench.calc.snapshot import Snapshot
from workbench.model.blocktype import Catalog
from workbench.model.climate import SiteClimate
from workbench.model.design import Design

if TYPE_CHECKING:
    from workbench.calc.plant import PlantCache

F = NDArray[np.float64]
CURVE_STRIDE = 29  # the PUE curve samples every 29th hour (302 hours) at each load fraction


def profile_of(climate: SiteClimate) -> LoadProfile:
    return LoadProfile(kind=climate.profile_kind, weekly=tuple(climate.profile_weekly),
                       monthly=tuple(climate.profile_monthly), hourly=tuple(climate.profile_hourly))


def run_year(s: Snapshot, g: Groups, gs: GroupSums, values: dict[str, float], hall_area_m2: float,
             weather: WeatherYear, climate: SiteClimate, catalog: Catalog, price_per_kwh: float,
             currency: str, curve_fractions: tuple[float, ...] = (),
             served: dict[int, str] | None = None, known: Evaluation | None = None) -> tuple[AnnualResult, list[Check]]:
    """The year at `weather`; `known` is the caller's own 'annual' load-model pass (no peak fractions), used
    when it holds every fraction the year needs."""
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
    ev, at = _evaluation(s, g, values, hall_area_m2, fr, gs, known)
    full = int(at[-1])
    plant = plan_loops(s, g, gs, ev, values, climate, catalog, served)
    # The year at the profile, the year at full load, the 0.4 % design hour, the hottest hour, then the PUE
    # curve: each load fraction over every CURVE_STRIDE-th hour (a stride prime to 24 and 7 samples every
    # hour of the day and day of the week). `col` is each hour's column of the evaluation.
    db, wb, per, levels = _weather_rows(weather, len(curve))
    col = np.concatenate([at[inverse.reshape(-1)], np.full(n + 2, full),
                          np.repeat(at[first_curve:first_curve + len(curve)], per)]).astype(np.int64, copy=False)
    hrs = Hours(db=db, wb=wb, column=col, levels=levels)

    # IT-side facility power per evaluated fraction, without heat rejection and the utility stage's loss.
    like = ev.fractions
    utility_loss = _sum([gl.loss_kw for gl in ev.power_groups if gl.group.role.startswith("utility:")], like)
    it_side = (ev.it_kw + ev.power_losses_kw - utility_loss + ev.lighting_kw + ev.misc_kw
               + _sum([gl.loss_kw for gl in ev.air_groups], like) + _sum([gl.loss_kw for gl in ev.liquid_groups], like))
    it_h = ev.it_kw[col]
    fac, water, utility, per_loop, design_unmet = _facility(s, g, gs, plant, hrs, it_side, values, n)

    result = _summarise(weather, dc, plant, per_loop, it_h, fac, water, n, price_per_kwh, currency, profile.kind,
                        _curve(curve, it_h[2 * n + 2:], fac[2 * n + 2:], per))
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
    return result, _design_checks(s.ids, plant, design_unmet, dc)


def _facility(s: Snapshot, g: Groups, gs: GroupSums, plant: Plant, hrs: Hours, it_side: F, values: dict[str, float],
              n: int) -> tuple[F, F, F, list[LoopHours], list[bool]]:
    """Facility power, water and utility-stage loss per row; each loop's figures over the year at the profile
    (rows [:n], all the summary reads); whether each loop misses its supply at the 0.4 % design hour (row 2n).

    When every loop reads the same one air temperature, the facility is worked out once per distinct (load,
    temperature) pair and each row takes its pair's figures (calc/annual_hours.py `cells`): the same sums.
    """
    shared = cells(hrs, set().union(*map(reads, plant.loops)), len(it_side))
    on, back = shared if shared is not None else (hrs, None)
    fac = it_side[on.column]
    water = np.zeros(len(on.column))
    per_loop: list[LoopHours] = []
    min_speed = values["fan_min_speed"]
    for lp in plant.loops:
        lh = loop_hours(lp, plant, on, values, min_speed)
        per_loop.append(lh)
        fac += lh.chiller_kw + lh.fan_kw
        water += lh.water_l
    # Plant pumps follow the rejected heat (per load column); the utility stage carries the whole facility.
    if len(g.pumps):
        rejected = np.zeros(len(it_side))
        for lp in plant.loops:
            rejected += lp.heat_kw
        first = len(g.power) + len(g.air) + len(g.liquid)
        hr_cap = float(gs.heat_rejection_kw[first:first + len(g.rejection)].sum())
        x = rejected / hr_cap if hr_cap > 0 else np.ones_like(rejected)
        fac += (float(s.col("pump_kw")[g.pumps].sum()) * np.maximum(np.maximum(x, 0.0), min_speed) ** 3)[on.column]
    utility = _utility_loss(g, gs, fac)
    fac += utility
    if back is None:
        return fac, water, utility, per_loop, [bool(lh.unmet[2 * n]) for lh in per_loop]
    return (fac.take(back), water.take(back), utility.take(back), [lh.take(back[:n]) for lh in per_loop],
            [bool(lh.unmet[back[2 * n]]) for lh in per_loop])


def _evaluation(s: Snapshot, g: Groups, values: dict[str, float], hall_area_m2: float, fr: F, gs: GroupSums,
                known: Evaluation | None) -> tuple[Evaluation, NDArray[np.int64]]:
    """The load model at the year's fractions, and the column of each: the caller's pass when it holds them
    all with full load last (the load model works each fraction out on its own, so its columns are the
    same figures a pass of our own would give), else a pass at `fr`."""
    if known is not None and len(known.fractions) and known.fractions[-1] == 1.0:
        at = np.minimum(np.searchsorted(known.fractions, fr), len(known.fractions) - 1)
        if bool((known.fractions[at] == fr).all()):
            return known, at.astype(np.int64)
    return evaluate(s, g, values, hall_area_m2, fr, "annual", gs), np.arange(len(fr), dtype=np.int64)


# The weather's rows as the year runs them, for the last (weather, curve length): every recalculation at the
# same site asks for the same ~20,000 rows (and the loops for their distinct temperatures). Held, not keyed
# by id(), so the weather cannot be freed and its id reused; the arrays are read-only, as they are shared.
_ROWS: list[tuple[WeatherYear, int, tuple[F, F, int, dict[str, tuple[F, NDArray[np.int64]]]]]] = []


def _weather_rows(w: WeatherYear, curves: int) -> tuple[F, F, int, dict[str, tuple[F, NDArray[np.int64]]]]:
    """Dry and wet bulb per row (the year twice, the two design hours, each curve fraction's sampled hours),
    the number of sampled hours, and the rows' distinct temperatures as the loops work them out."""
    if _ROWS and _ROWS[0][0] is w and _ROWS[0][1] == curves:
        return _ROWS[0][2]
    dc = w.design
    sample = np.arange(0, w.hours, CURVE_STRIDE)
    db = np.concatenate([w.dry_bulb_c, w.dry_bulb_c, [dc.cooling_db_c, dc.max_db_c],
                         np.tile(w.dry_bulb_c[sample], curves)])
    wb = np.concatenate([w.wet_bulb_c, w.wet_bulb_c, [dc.cooling_wb_c, dc.max_wb_c],
                         np.tile(w.wet_bulb_c[sample], curves)])
    db.flags.writeable = False
    wb.flags.writeable = False
    rows: tuple[F, F, int, dict[str, tuple[F, NDArray[np.int64]]]] = (db, wb, len(sample), {})
    _ROWS[:] = [(w, curves, rows)]
    return rows


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


def _utility_loss(g: Groups, gs: GroupSums, load: F) -> F:
    out = np.zeros_like(load)
    for k, grp in enumerate(g.power):
        if not grp.role.startswith("utility:"):
            continue
        installed = float(gs.rating_kw[k])
        standby = grp.role.split(":", 1)[1] in STANDBY_KINDS
        a, b, c = float(gs.loss_a[k]), float(gs.loss_b[k]), float(gs.loss_c[k])
        if standby or installed <= 0:
            out += a + b * 0.0 + c * 0.0 * 0.0  # no load: the same sum, once instead of per hour
            continue
        x = load / installed
        # a + b·x + c·x·x, in place (the sums are commutative, so the figures are the same bits)
        term = b * x
        term += a
        quad = c * x
        quad *= x
        term += quad
        out += term
    return out


def _ratio(num: NDArray[Any], den: NDArray[Any]) -> list[float | None]:
    q = np.divide(num, den, out=np.zeros(len(num)), where=den > 0).tolist()
    return [v if ok else None for v, ok in zip(q, (den > 0).tolist())]


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
    kinds = "+".join(k for k in (lp.free_kind, "chiller" if lp.chiller_cap_kw > 0 else "") if k) or "none"
    q_ch = lh.chiller_heat_kw[:n]
    on = q_ch > 0
    any_on = bool(on.any())
    q_on = q_ch[on]
    mean_cop = float(q_on.sum() / (q_on / lh.cop[:n][on]).sum()) if any_on else None
    total = float(lp.heat_kw[-1])
    water = float(lh.water_l[:n].sum()) / 1000.0
    air = dc.cooling_wb_c if lp.free_kind in ("tower", "adiabatic") else dc.cooling_db_c
    mode = lh.mode[:n]
    by_mode = [int(np.count_nonzero(mode == k)) for k in (FREE, PARTIAL, MECHANICAL)]
    # What every member shares (a campus has dozens of loops in one class).
    common: dict[str, Any] = dict(
        kind=lp.kind, supply_c=lp.supply_c, return_c=lp.return_c, heat_rejection=kinds, approach_k=lp.free_approach_k,
        hours_free=by_mode[FREE], hours_partial=by_mode[PARTIAL], hours_mechanical=by_mode[MECHANICAL],
        hours_unmet=int(lh.unmet[:n].sum()), chiller_iplv=iplv(lp.chiller_cops) if lp.chiller_cap_kw > 0 else None,
        chiller_mean_cop=mean_cop, condenser=lp.condenser if lp.chiller_cap_kw > 0 else "",
        design_free_c=air + lp.free_approach_k if lp.free_cap_kw > 0 else None)
    condenser: dict[str, Any] | None = None
    if lp.chiller_cap_kw > 0 and lp.condenser == "water":
        mean_cond = lh.cond_c[:n][on].mean() if any_on else None
        appr = plant.tower_approach_k
        hours_on = int(on.sum())
        condenser = dict(kind="condenser", supply_c=float(mean_cond) if mean_cond is not None else 0.0,
                         return_c=float(mean_cond + AHRI_CONDENSER_RANGE_K) if mean_cond is not None else 0.0,
                         heat_rejection="tower", approach_k=float(appr) if appr is not None else 0.0,
                         hours_free=len(on) - hours_on, hours_partial=0, hours_mechanical=hours_on, hours_unmet=0)
    out = []
    for name, heat in lp.members:
        share = heat / total if total > 0 else 1.0 / len(lp.members)
        out.append(LoopYear(name=name, design_heat_kw=heat, chiller_capacity_kw=lp.chiller_cap_kw * share,
                            water_m3=water * share, **common))
        if condenser is not None:
            out.append(LoopYear(name=f"{name}/condenser", design_heat_kw=lp.chiller_cap_kw * share, **condenser))
    return out


def _design_checks(ids: list[str], plant: Plant, design_unmet: list[bool], dc: DesignConditions) -> list[Check]:
    """A loop whose heat rejection cannot hold its supply temperature at the 0.4 % design condition."""
    out = []
    for lp, unmet in zip(plant.loops, design_unmet):
        if not unmet:
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
              price_per_kwh: float, currency: str, sums: GroupSums | None = None,
              evaluation: Evaluation | None = None, plant_cache: PlantCache | None = None) -> dict[str, Any]:
    """The engine's figures with the hourly year attached; with weather it sets the headline PUE and energy.

    The engine hands over what it already has: its group sums, its 'annual' load-model pass (without the
    design-day fractions) and its plant cache, which keeps the served loops while the connections stay.
    """
    figures["annual"] = None
    figures["annual_checks"] = []
    if weather is None:
        return figures
    area = sum(a for a, _ in areas)
    curve = tuple(f for f, _ in figures.get("pue_curve", []))
    if not design.connections:
        served: dict[int, str] = {}
    elif plant_cache is not None:
        served = plant_cache.served_loops(design, catalog, s, lambda: served_loops(design, s, g, catalog))
    else:
        served = served_loops(design, s, g, catalog)
    year, checks = run_year(s, g, sums if sums is not None else GroupSums.of(s, g), values, area, weather,
                            design.climate, catalog, price_per_kwh, currency, curve, served, evaluation)
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
