"""The hourly year's shortcuts give the plain formulas' results bit for bit (the JSON of `calc --weather`).

The engine hands the year its own load-model pass and group sums, keeps the served loops with the plant
graph, runs each distinct (load, temperature) pair once, and skips the power function and the table search
where they cannot change a figure. Here the same year is run the plain way, kept in this file: every hour
through np.where, np.interp and ** 3, the utility loss as one expression, with its own load-model pass, its
own sums and the served loops worked out by a rule written separately below. The two JSON documents must be
equal character for character.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from numpy.typing import NDArray

from tests.climate.conftest import DENVER, GREENSBORO, SAND_POINT
from workbench.calc import annual, annual_hours, calculate
from workbench.calc.annual_hours import _LOAD_ASC, FREE, MECHANICAL, PARTIAL, Hours, LoopHours, _cube, _interp
from workbench.calc.annual_loops import AHRI_CHW_LEAVING_C, AHRI_CONDENSER_C, PART_LOADS, LoopPlan, Plant
from workbench.calc.engine import CURVE_FRACTIONS
from workbench.calc.groups import STANDBY_KINDS, Groups, find_groups
from workbench.calc.loadmodel import GroupSums, evaluate
from workbench.calc.plant import PlantCache
from workbench.calc.snapshot import build_snapshot, build_type_table
from workbench.calc.summary import hall_areas_m2
from workbench.catalog import default_catalog
from workbench.climate.load import load_weather
from workbench.io import load_design
from workbench.model import Catalog, Design
from workbench.model.assumptions import effective_assumptions
from workbench.model.connections import Connection
from workbench.paths import sample_design_path

F = NDArray[np.float64]
HALLS = sample_design_path().parent


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return default_catalog()


def _wired(d: Design, catalog: Catalog) -> Design:
    """Heat edges from the dry coolers to the CDUs and from the chillers to the air units."""
    kinds = {bid: catalog.types[b.type_id].kind for bid, b in d.blocks.items() if b.type_id in catalog.types}
    coolers = [b for b, k in kinds.items() if k in ("drycooler", "tower")]
    cdus = [b for b, k in kinds.items() if k == "cdu"]
    chillers = [b for b, k in kinds.items() if k == "chiller"]
    air = [b for b, k in kinds.items() if k in ("crah", "fanwall", "inrow", "rdhx")]
    pairs = [(x, y) for x in coolers for y in cdus] + [(x, y) for x in chillers for y in air]
    for i, (a, b) in enumerate(pairs):
        d.connections[f"heat{i}"] = Connection(f"heat{i}", "heat", a, "heat_out", b, "heat_in")
    assert pairs
    return d


def _served_by_hand(d: Design, catalog: Catalog, ids: list[str]) -> dict[int, str]:
    """Each heat-rejection block whose heat edges all go to CDUs / air units of one loop serves that loop."""
    reached: dict[str, set[str]] = {}
    for c in d.connections.values():
        src, dst = d.blocks.get(c.from_block), d.blocks.get(c.to_block)
        if c.kind != "heat" or src is None or dst is None:
            continue
        if src.type_id not in catalog.types or dst.type_id not in catalog.types:
            continue
        if catalog.types[src.type_id].kind not in ("chiller", "drycooler", "tower"):
            continue
        kind = catalog.types[dst.type_id].kind
        if kind == "cdu":
            reached.setdefault(src.id, set()).add(dst.cooling_loop or "liquid")
        elif kind in ("crah", "fanwall", "inrow", "rdhx"):
            reached.setdefault(src.id, set()).add(dst.cooling_loop or "air")
    row = {bid: i for i, bid in enumerate(ids)}
    return {row[b]: next(iter(loops)) for b, loops in reached.items() if len(loops) == 1}


def _plain_hours(lp: LoopPlan, plant: Plant, h: Hours, values: dict[str, float], min_speed: float) -> LoopHours:
    """One loop's hours by the plain formulas, every row (see calc/annual_hours.py for what they mean)."""
    q = lp.heat_kw[h.column]
    m = len(q)
    sup, ret = lp.supply_c, lp.return_c
    has_free, has_chiller = lp.free_cap_kw > 0, lp.chiller_cap_kw > 0
    spray = np.zeros(m, dtype=bool)
    if lp.free_kind == "tower":
        t_air = h.wb
    elif lp.free_kind == "adiabatic":
        spray = h.db + lp.free_approach_k > sup
        t_air = np.where(spray, h.wb, h.db)
    else:
        t_air = h.db
    t_free = t_air + lp.free_approach_k
    f_mech = np.clip((t_free - sup) / (ret - sup), 0.0, 1.0) if has_free else np.ones(m)
    unmet = np.zeros(m, dtype=bool)
    if not has_chiller:
        unmet = (t_free > sup) & (q > 0) if has_free else q > 0
        f_mech = np.zeros(m)
    mode = np.where(f_mech <= 0.0, FREE, np.where(f_mech >= 1.0, MECHANICAL, PARTIAL)).astype(np.int8)
    q_free = q * (1.0 - f_mech) if has_free else np.zeros(m)
    fan = np.zeros(m)
    water = np.zeros(m)
    if has_free:
        d_rated = (ret - sup) + lp.free_approach_k
        x = np.minimum(q / lp.free_cap_kw * d_rated / np.maximum(ret - t_air, 1e-6), 1.0)
        x = np.where((mode == FREE) & ~unmet, x, 1.0)
        running = q_free > 0
        fan = np.where(running, lp.free_fan_kw * np.maximum(x, min_speed) ** 3, 0.0)
        wet = spray if lp.free_kind == "adiabatic" else np.full(m, lp.free_kind == "tower")
        water = np.where(wet & running, q_free * lp.free_water_l_per_kwh, 0.0)
    q_ch = q * f_mech
    chiller, cop, cond = np.zeros(m), np.zeros(m), np.zeros(m)
    if has_chiller:
        unit = lp.chiller_cap_kw / max(lp.chiller_units, 1.0)
        staged = np.clip(np.ceil(q_ch / unit - 1e-9), 1.0, max(np.ceil(lp.chiller_units), 1.0))
        plr = np.clip(q_ch / (staged * unit), PART_LOADS[-1], 1.0)
        if lp.condenser == "water":
            approach = plant.tower_approach_k if plant.tower_approach_k is not None else values["condenser_approach_k"]
            cond = np.maximum(h.wb + approach, values["condenser_water_min_c"])
        else:
            cond = h.db
        rated = np.interp(plr, _LOAD_ASC, np.asarray(AHRI_CONDENSER_C[lp.condenser][::-1]))
        factor = np.clip(1.0 + values["chiller_gain_per_k"] * ((rated - AHRI_CHW_LEAVING_C) - (cond - lp.supply_c)),
                         values["chiller_lift_factor_min"], values["chiller_lift_factor_max"])
        cop = np.interp(plr, _LOAD_ASC, np.asarray(lp.chiller_cops[::-1])) * factor
        chiller = np.divide(q_ch, cop, out=np.zeros(m), where=cop > 0)
        if lp.condenser == "water":
            heat_out = q_ch + chiller
            fan = fan + np.where(q_ch > 0, heat_out * plant.tower_fan_kw_per_kw, 0.0)
            water = water + heat_out * plant.tower_water_l_per_kwh
    return LoopHours(mode, unmet, chiller, fan, water, cond, cop, q_ch)


def _plain_utility_loss(g: Groups, gs: GroupSums, load: F) -> F:
    out = np.zeros_like(load)
    for k, grp in enumerate(g.power):
        if grp.role.startswith("utility:"):
            installed = float(gs.rating_kw[k])
            standby = grp.role.split(":", 1)[1] in STANDBY_KINDS
            x = np.zeros_like(load) if standby or installed <= 0 else load / installed
            out += float(gs.loss_a[k]) + float(gs.loss_b[k]) * x + float(gs.loss_c[k]) * x * x
    return out


def _plain_year(d: Design, catalog: Catalog, weather: Any, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """The year run from scratch, every hour through the plain formulas."""
    with monkeypatch.context() as m:
        m.setattr(annual, "cells", lambda h, temperatures, columns: None)
        m.setattr(annual_hours, "cells", lambda h, temperatures, columns: None)
        m.setattr(annual_hours, "_rows", _plain_hours)
        m.setattr(annual, "_utility_loss", _plain_utility_loss)
        m.setattr(annual, "_ratio", lambda num, den: [float(a / b) if b > 0 else None
                                                      for a, b in zip(num.tolist(), den.tolist())])
        s = build_snapshot(d, build_type_table(catalog))
        g = find_groups(s)
        values = effective_assumptions(d, catalog)
        area = sum(a for a, _ in hall_areas_m2(d))
        year, checks = annual.run_year(s, g, GroupSums.of(s, g), values, area, weather, d.climate, catalog,
                                       d.site.electricity_price_per_kwh, d.site.currency,
                                       tuple(CURVE_FRACTIONS.tolist()), _served_by_hand(d, catalog, s.ids))
    return {"annual": year.to_dict(), "checks": sorted(json.dumps(c.to_dict(), sort_keys=True) for c in checks)}


CASES = [
    # dry coolers and air-cooled chillers only: the whole facility runs once per (load, dry bulb) pair
    ("enterprise-air-hall-2mw.dchall.json", GREENSBORO, "constant", False),
    # towers and water-cooled chillers: every hour (wet bulbs are nearly all distinct)
    ("nvl72-hall-10mw-2n.dchall.json", DENVER, "constant", False),
    # wired: the served loops decide; the chilled loop on chillers alone runs per (load, dry bulb) pair
    ("ai-liquid-hall-sample.dchall.json", GREENSBORO, "constant", True),
    # a weekly profile: fractions the engine's pass does not hold, so the year makes its own
    ("prefab-edge-module.dchall.json", DENVER, "weekly", False),
    # an hourly profile: hundreds of load fractions, every hour on its own
    ("ai-liquid-hall-sample.dchall.json", SAND_POINT, "hourly", False),
]


@pytest.mark.parametrize(("name", "weather_file", "profile", "wired"), CASES)
def test_the_year_is_the_plain_formulas_bit_for_bit(catalog: Catalog, name: str, weather_file: Path, profile: str,
                                                    wired: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    d = load_design(HALLS / name, catalog).design
    if wired:
        d = _wired(d, catalog)
    if profile == "weekly":
        d.climate.profile_kind = "weekly"
        d.climate.profile_weekly = [0.35 + 0.6 * ((h * 7) % 24) / 23 for h in range(168)]
    elif profile == "hourly":
        d.climate.profile_kind = "hourly"
        d.climate.profile_hourly = [round(0.3 + 0.7 * ((h * 37) % 101) / 100, 3) for h in range(8760)]
    weather = load_weather(weather_file)
    # Twice: the second run finds the served loops and the weather's rows kept from the first.
    fast = [calculate(d, catalog, weather=weather).to_dict() for _ in range(2)]
    plain = _plain_year(d, catalog, weather, monkeypatch)
    for doc in fast:
        assert json.dumps(doc["annual"], sort_keys=True) == json.dumps(plain["annual"], sort_keys=True)
        year_checks = [c for c in doc["checks"] if c["code"] == "loop_supply_not_held"]
        assert sorted(json.dumps(c, sort_keys=True) for c in year_checks) == plain["checks"]
        # The headline figures are the year's own.
        assert doc["pue"] == plain["annual"]["pue_design_load"] and doc["pue_at_load"] == plain["annual"]["pue"]
        assert doc["energy"] == plain["annual"]["energy"]
    if wired:
        assert _served_by_hand(d, catalog, list(d.blocks))  # the wiring did decide something


def test_the_served_loops_follow_a_new_heat_connection(catalog: Catalog) -> None:
    """Kept with the plant graph, the served loops are worked out again when the connections change."""
    d = load_design(sample_design_path(), catalog).design
    weather = load_weather(DENVER)
    before = {lp["name"]: lp for lp in calculate(d, catalog, weather=weather).to_dict()["annual"]["loops"]}
    d = _wired(d, catalog)
    after = {lp["name"]: lp for lp in calculate(d, catalog, weather=weather).to_dict()["annual"]["loops"]}
    assert before["air"]["heat_rejection"] == "adiabatic+chiller" and after["air"]["heat_rejection"] == "chiller"
    cache = PlantCache()
    s = build_snapshot(d, build_type_table(catalog))
    kept = cache.served_loops(d, catalog, s, lambda: {0: "never built: the engine kept it"})
    assert kept == _served_by_hand(d, catalog, s.ids)


def test_the_shared_table_search_is_np_interp_bit_for_bit() -> None:
    rng = np.random.default_rng(7)
    near = np.concatenate([_LOAD_ASC, np.nextafter(_LOAD_ASC, 0.0), np.nextafter(_LOAD_ASC, 2.0)])
    plr = np.clip(np.concatenate([rng.uniform(0.25, 1.0, 50_000), near]), 0.25, 1.0)
    for _ in range(50):
        tables = (rng.uniform(-5.0, 40.0, 4), rng.uniform(0.5, 9.0, 4))
        for ours, table in zip(_interp(plr, tables), tables):
            assert np.array_equal(ours.view(np.int64), np.interp(plr, _LOAD_ASC, table).view(np.int64))


def test_the_cube_is_the_power_function_where_it_is_needed() -> None:
    rng = np.random.default_rng(3)
    y = np.maximum(np.minimum(rng.uniform(0.0, 1.4, 50_000), 1.0), 0.3)  # flat out, at the floor, between
    needed = rng.uniform(size=len(y)) > 0.2
    ours = _cube(y, needed)
    assert np.array_equal(ours[needed].view(np.int64), (y ** 3)[needed].view(np.int64))
    assert (ours[~needed] == 1.0).all()


def test_the_engine_pass_is_used_only_when_it_holds_every_fraction(catalog: Catalog) -> None:
    d = load_design(sample_design_path(), catalog).design
    s = build_snapshot(d, build_type_table(catalog))
    g = find_groups(s)
    gs = GroupSums.of(s, g)
    values = effective_assumptions(d, catalog)
    engine = evaluate(s, g, values, 100.0, np.array([0.2, 0.5, 0.8, 1.0]), "annual", gs)
    ev, at = annual._evaluation(s, g, values, 100.0, np.array([0.8, 0.2, 1.0]), gs, engine)
    assert ev is engine and at.tolist() == [2, 0, 3]
    ev, at = annual._evaluation(s, g, values, 100.0, np.array([0.7, 1.0]), gs, engine)
    assert ev is not engine and ev.fractions.tolist() == [0.7, 1.0] and at.tolist() == [0, 1]
