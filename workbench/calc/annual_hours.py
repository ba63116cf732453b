"""One loop's hours of the year: operating mode, free-cooler fans and water, chiller load and COP, vectorised.

Per hour the free device (dry cooler, adiabatic cooler or tower) leaves water at the air temperature that
drives it plus its approach: dry bulb for dry coolers, wet bulb for towers and for adiabatic coolers while
they spray. At or below the loop supply that is full free cooling; between supply and return the free device
pre-cools and the chiller trims the rest (partial); at or above the return the chiller does it all
(mechanical). Chillers take their COP from their part-load table at that hour's part load, corrected for
that hour's lift (condenser temperature minus the loop's own supply temperature) against the AHRI rating
lift; fans follow the affinity law.

A recalculation runs this over some 20,000 hours per loop class, so the costly elementwise steps are done
only where they can change the answer (see `_cube` and `_interp`); every figure is the one the plain
formula gives, bit for bit.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from workbench.calc.annual_loops import AHRI_CHW_LEAVING_C, AHRI_CONDENSER_C, PART_LOADS, LoopPlan, Plant

F = NDArray[np.float64]
FREE, PARTIAL, MECHANICAL = 0, 1, 2
_LOAD_ASC = np.asarray(PART_LOADS[::-1])


@dataclass
class Hours:
    """The hours to run: the year twice (at the load profile, then at full design load) and two design hours."""

    db: F
    wb: F
    column: NDArray[np.int64]  # index into the evaluated load fractions
    # Distinct dry / wet bulbs and each row's index into them, worked out when a loop first asks; shared by
    # every run at the same weather (see loop_hours).
    levels: dict[str, tuple[F, NDArray[np.int64]]] | None = None


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

    def take(self, rows: NDArray[np.int64]) -> LoopHours:
        """The figures of the given rows (rows run as distinct pairs hand each hour its pair's figures)."""
        return LoopHours(self.mode.take(rows), self.unmet.take(rows), self.chiller_kw.take(rows),
                         self.fan_kw.take(rows), self.water_l.take(rows), self.cond_c.take(rows), self.cop.take(rows),
                         self.chiller_heat_kw.take(rows))


def loop_hours(lp: LoopPlan, plant: Plant, h: Hours, values: dict[str, float], min_speed: float) -> LoopHours:
    """The loop's figures for every row of `h` (run once per distinct pair when `cells` finds few of them)."""
    pairs = cells(h, reads(lp), len(lp.heat_kw))
    if pairs is None:
        return _rows(lp, plant, h, values, min_speed)
    grid, back = pairs
    return _rows(lp, plant, grid, values, min_speed).take(back)


def reads(lp: LoopPlan) -> set[str]:
    """The air temperatures the loop's hours depend on ("db", "wb"), as `_rows` reads them."""
    out = set()
    if lp.free_cap_kw > 0:
        out |= {"tower": {"wb"}, "adiabatic": {"db", "wb"}}.get(lp.free_kind, {"db"})
    if lp.chiller_cap_kw > 0:
        out.add("wb" if lp.condenser == "water" else "db")
    return out


def cells(h: Hours, temperatures: set[str], columns: int) -> tuple[Hours, NDArray[np.int64]] | None:
    """Every (load column, temperature) pair once, and each row's pair, or None when that does not pay.

    Figures that read one air temperature only (dry coolers and air-cooled chillers read the dry bulb;
    towers and water-cooled chillers the wet bulb) are the same for the same load column and temperature.
    A weather file holds a few hundred distinct dry bulbs, so running the pairs and handing each row its
    pair's figures does the same sums on a fraction of the rows. The other temperature is NaN, so a figure
    that read it after all would show.
    """
    if h.levels is None or len(temperatures) != 1 or columns * 16 > len(h.column):
        return None
    which = next(iter(temperatures))
    if which not in h.levels:
        temps, index = np.unique(h.db if which == "db" else h.wb, return_inverse=True)
        index = index.reshape(-1).astype(np.int64)
        temps.flags.writeable = False
        index.flags.writeable = False
        h.levels[which] = (temps, index)
    temps, index = h.levels[which]
    if columns * len(temps) * 4 > len(h.column):
        return None
    other = np.full(columns * len(temps), np.nan)
    grid = np.tile(temps, columns)
    pairs = Hours(db=grid if which == "db" else other, wb=grid if which == "wb" else other,
                  column=np.repeat(np.arange(columns, dtype=np.int64), len(temps)))
    return pairs, h.column * len(temps) + index


def _rows(lp: LoopPlan, plant: Plant, h: Hours, values: dict[str, float], min_speed: float) -> LoopHours:
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
        mode = np.zeros(m, dtype=np.int8)  # FREE every hour
    else:
        # FREE (0) at or below nothing to trim, +1 once the chiller trims, +1 more when it does it all.
        mode = (~(f_mech <= 0.0)).view(np.int8) + (f_mech >= 1.0).view(np.int8)
    q_free = q * (1.0 - f_mech) if has_free else np.zeros(m)
    # Free-device fans: the airflow needed grows as the air warms toward the water (rated driving
    # difference over this hour's); flat out while the chiller trims or the supply is not held.
    fan = np.zeros(m)
    water = np.zeros(m)
    if has_free:
        d_rated = (ret - sup) + lp.free_approach_k
        d_now = np.maximum(ret - t_air, 1e-6)
        x = np.minimum(q / lp.free_cap_kw * d_rated / d_now, 1.0)
        np.copyto(x, 1.0, where=(mode != FREE) | unmet)
        running = q_free > 0
        np.multiply(_cube(np.maximum(x, min_speed), running), lp.free_fan_kw, out=fan, where=running)
        wet = spray & running if lp.free_kind == "adiabatic" else running if lp.free_kind == "tower" else None
        if wet is not None:
            np.multiply(q_free, lp.free_water_l_per_kwh, out=water, where=wet)
    q_ch = q * f_mech
    chiller = np.zeros(m)
    cop = np.zeros(m)
    cond = np.zeros(m)
    if has_chiller:
        cond, cop = _chiller_cop(lp, plant, h, q_ch, values)
        chiller = np.divide(q_ch, cop, out=np.zeros(m), where=cop > 0)
        if lp.condenser == "water":
            heat_out = q_ch + chiller
            fan = fan + np.multiply(heat_out, plant.tower_fan_kw_per_kw, out=np.zeros(m), where=q_ch > 0)
            water = water + heat_out * plant.tower_water_l_per_kwh
    return LoopHours(mode, unmet, chiller, fan, water, cond, cop, q_ch)


def _chiller_cop(lp: LoopPlan, plant: Plant, h: Hours, q_ch: F, values: dict[str, float]) -> tuple[F, F]:
    """Condenser temperature and COP per hour: part-load table × lift correction, units staged on."""
    unit = lp.chiller_cap_kw / max(lp.chiller_units, 1.0)
    running = np.clip(np.ceil(q_ch / unit - 1e-9), 1.0, max(np.ceil(lp.chiller_units), 1.0))
    plr = np.clip(q_ch / (running * unit), PART_LOADS[-1], 1.0)
    cop_table, rated_cond = _interp(plr, (np.asarray(lp.chiller_cops[::-1], dtype=float),
                                          np.asarray(AHRI_CONDENSER_C[lp.condenser][::-1], dtype=float)))
    if lp.condenser == "water":
        approach = plant.tower_approach_k if plant.tower_approach_k is not None else values["condenser_approach_k"]
        cond = np.maximum(h.wb + approach, values["condenser_water_min_c"])
    else:
        cond = h.db
    lift_rated = rated_cond - AHRI_CHW_LEAVING_C
    lift = cond - lp.supply_c
    factor = np.clip(1.0 + values["chiller_gain_per_k"] * (lift_rated - lift),
                     values["chiller_lift_factor_min"], values["chiller_lift_factor_max"])
    return cond, cop_table * factor


def _interp(plr: F, tables: tuple[F, ...]) -> list[F]:
    """np.interp(plr, _LOAD_ASC, table) for each table, sharing the search for the segment.

    Part loads are clipped to the table's range, so every hour lies on a segment; np.interp works out
    slope · (x − x_j) + y_j with the same slope, which this repeats (the last knot gets slope 0, giving y_j
    exactly as np.interp does at and above it). A table with a non-finite entry goes to np.interp itself.
    """
    knots = _LOAD_ASC
    if not ((plr >= knots[0]) & (plr <= knots[-1])).all():  # NaN
        return [np.interp(plr, knots, fp) for fp in tables]
    j = (plr >= knots[1]).view(np.int8) + (plr >= knots[2]).view(np.int8) + (plr >= knots[3]).view(np.int8)
    dx = plr - knots[j]
    out = []
    for fp in tables:
        if not np.isfinite(fp).all():
            out.append(np.interp(plr, knots, fp))
            continue
        slope = np.append((fp[1:] - fp[:-1]) / (knots[1:] - knots[:-1]), 0.0)
        out.append(slope[j] * dx + fp[j])
    return out


def _cube(y: F, needed: NDArray[np.bool_]) -> F:
    """y ** 3 where needed (elsewhere 1): a fan is often flat out (1 ** 3 is exactly 1) or at its floor (one
    value), and the power function is costly, so it is taken once per distinct floor and only over the rest."""
    out = np.ones_like(y)
    k = needed & (y != 1.0)
    if not k.any():
        return out
    floor = float(y[k].min())
    at_floor = k & (y == floor)
    out[at_floor] = (np.full(1, floor) ** 3)[0]
    k &= ~at_floor
    out[k] = y[k] ** 3
    return out
