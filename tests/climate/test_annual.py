"""The hourly year: a hand-worked case, ratio of sums, three climates, and mode hours counted independently."""

from __future__ import annotations

import csv
import json
import math
import subprocess
import sys
from pathlib import Path

import numpy as np
import psychrolib
import pytest

from tests.climate.conftest import DENVER, GREENSBORO, SAND_POINT
from workbench.calc import calculate
from workbench.calc.annual_hours import FREE, MECHANICAL, PARTIAL, Hours, loop_hours
from workbench.calc.annual_loops import LoopPlan, Plant, iplv
from workbench.catalog import default_catalog
from workbench.climate.load import load_weather
from workbench.io import load_design, loads_design
from workbench.io.project import dumps
from workbench.model import Catalog, Design
from workbench.model.climate import LoopSettings
from workbench.paths import sample_design_path

psychrolib.SetUnitSystem(psychrolib.SI)
VALUES = {"chiller_gain_per_k": 0.025, "chiller_lift_factor_min": 0.5, "chiller_lift_factor_max": 1.6,
          "condenser_water_min_c": 18.3, "condenser_approach_k": 4.0}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return default_catalog()


def sample(catalog: Catalog) -> Design:
    return load_design(sample_design_path(), catalog).design


def test_three_hours_two_loops_by_hand() -> None:
    """Warm loop 30/40 °C on dry coolers alone; chilled loop 15/21 °C on a tower with two 500 kW chillers."""
    h = Hours(db=np.array([5.0, 20.0, 35.0]), wb=np.array([2.0, 13.0, 24.0]), column=np.zeros(3, dtype=np.int64))
    plant = Plant(loops=[], tower_approach_k=4.0, tower_fan_kw_per_kw=0.0, tower_water_l_per_kwh=0.0)
    warm = LoopPlan("w", "warm", 30.0, 40.0, np.array([500.0]), free_kind="dry", free_cap_kw=1000.0,
                    free_fan_kw=20.0, free_approach_k=5.0)
    chilled = LoopPlan("c", "chilled", 15.0, 21.0, np.array([600.0]), free_kind="tower", free_cap_kw=1000.0,
                       free_fan_kw=10.0, free_approach_k=4.0, free_water_l_per_kwh=1.8, chiller_cap_kw=1000.0,
                       chiller_units=2.0, chiller_cops=(5.0, 6.0, 7.0, 6.0), condenser="air")
    w = loop_hours(warm, plant, h, VALUES, 0.3)
    # Dry cooler leaves db + 5: 10, 25, 40 °C against a 30 °C supply; the last hour is not held.
    assert w.mode.tolist() == [FREE, FREE, FREE] and w.unmet.tolist() == [False, False, True]
    # Fan speed = load share × rated driving difference (10 + 5 K) / this hour's (40 − db), floor 0.3.
    assert w.fan_kw.tolist() == pytest.approx([20 * 0.3 ** 3, 20 * (0.5 * 15 / 20) ** 3, 20.0])
    assert w.chiller_kw.tolist() == [0.0, 0.0, 0.0] and w.water_l.tolist() == [0.0, 0.0, 0.0]
    c = loop_hours(chilled, plant, h, VALUES, 0.3)
    # Tower leaves wb + 4: 6 (free), 17 (partial: a third to the chiller), 28 °C (mechanical).
    assert c.mode.tolist() == [FREE, PARTIAL, MECHANICAL]
    assert c.chiller_heat_kw.tolist() == pytest.approx([0.0, 200.0, 600.0])
    # Hour 2: one unit at 40 % load; table COP 6 + 0.6·(7 − 6) = 6.6; AHRI air 12.78 + 0.6·5.55 = 16.11 °C
    # rated condenser, rated lift 16.11 − 6.67, this hour's lift 20 − 15.
    cop2 = 6.6 * (1 + 0.025 * ((12.78 + 0.6 * (18.33 - 12.78) - 6.67) - (20 - 15)))
    # Hour 3: two units at 60 %; COP 7 − 0.4·(7 − 6) = 6.6; rated condenser 18.33 + 0.4·(26.67 − 18.33).
    cop3 = 6.6 * (1 + 0.025 * ((18.33 + 0.4 * (26.67 - 18.33) - 6.67) - (35 - 15)))
    assert c.chiller_kw.tolist() == pytest.approx([0.0, 200 / cop2, 600 / cop3])
    assert 200 / cop2 == pytest.approx(27.27, abs=0.01) and 600 / cop3 == pytest.approx(103.91, abs=0.01)
    assert c.fan_kw.tolist() == pytest.approx([10 * (0.6 * 10 / 19) ** 3, 10.0, 0.0])
    assert c.water_l.tolist() == pytest.approx([600 * 1.8, 400 * 1.8, 0.0])
    total = (w.fan_kw + c.fan_kw + c.chiller_kw).sum()
    assert total == pytest.approx(0.54 + 1.0546875 + 20 + 0.31491 + 10 + 27.275 + 103.907, abs=0.01)


def test_iplv_weights_ahri_550_590() -> None:
    assert iplv((3.2, 4.0, 4.7, 4.9)) == pytest.approx(0.01 * 3.2 + 0.42 * 4.0 + 0.45 * 4.7 + 0.12 * 4.9)
    assert iplv((6.5, 8.2, 9.8, 8.8)) == pytest.approx(8.975)


def test_two_it_periods_give_the_ratio_of_sums(catalog: Catalog) -> None:
    d = sample(catalog)
    d.assumptions.values["it_utilisation"] = 1.0
    d.climate.profile_kind = "monthly"
    d.climate.profile_monthly = [0.5] * 6 + [1.0] * 6
    y = calculate(d, catalog, weather=load_weather(DENVER)).annual
    assert y is not None and y.pue is not None
    it, fac = np.asarray(y.monthly_it_mwh), np.asarray(y.monthly_facility_mwh)
    assert it[:6].sum() == pytest.approx(it[6:].sum() * 0.5 * 181 / 184, rel=1e-9)
    assert y.pue == pytest.approx(fac.sum() / it.sum(), rel=1e-12)
    assert y.energy["annual_facility_mwh"] / y.energy["annual_it_mwh"] == pytest.approx(y.pue)
    mean_of_months = float(np.mean([p for p in y.monthly_pue if p is not None]))
    assert abs(y.pue - mean_of_months) > 1e-4  # a mean of ratios would be a different (wrong) figure


def test_three_climates_three_pues_in_order(catalog: Catalog) -> None:
    d = sample(catalog)
    pues = {}
    for name, path in (("sand point", SAND_POINT), ("denver", DENVER), ("greensboro", GREENSBORO)):
        r = calculate(d, catalog, weather=load_weather(path))
        assert r.annual is not None
        pues[name] = r.annual.pue
        assert r.pue_at_load == r.annual.pue and r.energy == r.annual.energy
    assert pues["sand point"] < pues["denver"] < pues["greensboro"]
    manual = calculate(d, catalog)
    assert manual.annual is None and manual.to_dict()["annual"]["basis"] == "manual"


def _wet_bulbs(path: Path) -> tuple[np.ndarray, np.ndarray]:
    """Dry and wet bulb per hour from the raw TMY3 text, psychrolib called hour by hour."""
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    head = rows[1]
    i, j, k = (head.index(c) for c in ("Dry-bulb (C)", "Dew-point (C)", "Pressure (mbar)"))
    db = np.asarray([float(r[i]) for r in rows[2:]])
    wb = np.asarray([psychrolib.GetTWetBulbFromTDewPoint(float(r[i]), min(float(r[j]), float(r[i])),
                                                         float(r[k]) * 100) for r in rows[2:]])
    return db, wb


def test_hours_by_mode_match_an_independent_count(catalog: Catalog) -> None:
    d = sample(catalog)
    r = calculate(d, catalog, weather=load_weather(GREENSBORO))
    assert r.annual is not None
    loops = {lp.name: lp for lp in r.annual.loops}
    db, wb = _wet_bulbs(GREENSBORO)
    # The sample's plant: adiabatic dry coolers (approach 10 K, pads wet only when dry air is too warm);
    # the chilled loop (CRAH approach 7 K under 24 °C air: 17 °C supply, 23 °C return) also has chillers.
    def leaving(supply: float) -> np.ndarray:
        return np.where(db + 10 <= supply, db + 10, wb + 10)
    chilled = loops["air"]
    t = leaving(17.0)
    assert (chilled.supply_c, chilled.return_c) == (17.0, 23.0)
    assert chilled.hours_free == int((t <= 17.0).sum())
    assert chilled.hours_mechanical == int((t >= 23.0).sum())
    assert chilled.hours_partial == 8760 - chilled.hours_free - chilled.hours_mechanical
    warm = loops["liquid"]
    assert warm.hours_free == 8760 and warm.hours_unmet == int((leaving(32.0) > 32.0).sum()) > 0
    assert warm.heat_rejection == "adiabatic" and chilled.heat_rejection == "adiabatic+chiller"
    # Greensboro's 0.4 % wet bulb + 10 K is above 32 °C: the warm loop cannot hold its supply.
    assert "loop_supply_not_held" in [c.code for c in r.checks]
    cold = calculate(d, catalog, weather=load_weather(SAND_POINT))
    assert "loop_supply_not_held" not in [c.code for c in cold.checks]


def test_a_chilled_water_chiller_is_not_lifted_by_the_warm_loop(catalog: Catalog) -> None:
    d = sample(catalog)
    w = load_weather(DENVER)
    before = calculate(d, catalog, weather=w).annual
    d.climate.loops["liquid"] = LoopSettings("warm", supply_c=40.0, return_c=50.0)
    after = calculate(d, catalog, weather=w).annual
    assert before is not None and after is not None
    b, a = ({lp.name: lp for lp in y.loops} for y in (before, after))
    assert a["liquid"].supply_c == 40.0 and a["liquid"].water_m3 < b["liquid"].water_m3  # sprays less
    assert a["air"].chiller_mean_cop == b["air"].chiller_mean_cop
    assert a["air"].hours_mechanical == b["air"].hours_mechanical
    # Raising the chilled loop's own supply does lift its chillers.
    d.climate.loops["air"] = LoopSettings("chilled", supply_c=20.0, return_c=26.0)
    warmer = calculate(d, catalog, weather=w).annual
    assert warmer is not None
    c = {lp.name: lp for lp in warmer.loops}["air"]
    assert c.chiller_mean_cop is not None and b["air"].chiller_mean_cop is not None
    assert c.chiller_mean_cop > b["air"].chiller_mean_cop and c.hours_free > b["air"].hours_free


def test_outputs_are_complete_and_finite(catalog: Catalog) -> None:
    r = calculate(sample(catalog), catalog, weather=load_weather(DENVER))
    y = r.annual
    assert y is not None and y.hours == 8760
    doc = json.loads(json.dumps(r.to_dict(), allow_nan=False))["annual"]
    assert doc["basis"] == "hourly" and len(doc["pue_heatmap"]) == 12 and len(doc["pue_heatmap"][0]) == 24
    assert all(1.0 < v < 2.0 for row in doc["pue_heatmap"] for v in row)
    assert doc["worst_hour_pue"] >= max(doc["monthly_pue"]) >= doc["pue"] >= min(doc["monthly_pue"])
    assert doc["peak_facility_kw"] >= max(doc["monthly_facility_mwh"]) * 1000 / 744
    assert doc["energy"]["wue_l_per_kwh"] == pytest.approx(
        doc["energy"]["annual_water_m3"] * 1000 / (doc["energy"]["annual_it_mwh"] * 1000))
    assert doc["chillers"][0]["iplv"] == pytest.approx(4.415) and "AHRI 550/590" in doc["chillers"][0]["source"]
    assert doc["site"]["time_zone_h"] == -7.0 and doc["design_conditions"]["cooling_0_4_db_c"] > 30


def test_climate_settings_survive_save_and_load(catalog: Catalog) -> None:
    d = sample(catalog)
    d.climate.weather_path = "builtin:denver-co"
    d.climate.loops["air"] = LoopSettings("chilled", 16.0, 22.0)
    d.climate.profile_kind = "weekly"
    d.climate.profile_weekly = [0.5] * 168
    again = loads_design(dumps(d), catalog).design
    assert again.climate == d.climate
    assert "climate" not in json.loads(dumps(sample(catalog)))


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "workbench", *args], capture_output=True, text=True, timeout=120)


def test_cli_runs_the_design_at_another_site(tmp_path: Path) -> None:
    p = run("calc", str(sample_design_path()), "--weather", str(SAND_POINT), "--json")
    assert p.returncode == 0, p.stderr
    loops = {lp["name"]: lp for lp in json.loads(p.stdout)["annual"]["loops"]}
    assert loops["liquid"]["supply_c"] == 32.0 and loops["liquid"]["approach_k"] == 10.0
    assert sum(loops["air"]["hours"].values()) == 8760
    bad = tmp_path / "bad.epw"
    bad.write_text("\n".join(DENVER.read_text(encoding="utf-8").splitlines()[:100]) + "\n", encoding="utf-8")
    p = run("calc", str(sample_design_path()), "--weather", str(bad))
    assert p.returncode == 2 and "line 100" in p.stderr and "Traceback" not in p.stderr
    assert math.isfinite(float(json.loads(run("calc", str(sample_design_path()), "--json").stdout)["pue"]))


def test_supply_check_reads_in_english_and_chinese(catalog: Catalog) -> None:
    from workbench.text.check_text import check_text

    r = calculate(sample(catalog), catalog, weather=load_weather(GREENSBORO))
    check = next(c for c in r.checks if c.code == "loop_supply_not_held")
    assert check.param_dict()["form"] == "wet" and check.blocks
    en, zh = check_text(check, "en"), check_text(check, "zh")
    assert en == check.message  # the English template says exactly what the engine says
    assert "loop liquid cannot hold its 32.0 °C supply" in en and "湿球" in zh and "32.0 °C" in zh


def test_dry_coolers_alone_cannot_hold_a_chilled_loop_in_summer(catalog: Catalog) -> None:
    from workbench.text.check_text import check_text

    path = sample_design_path().parent / "prefab-edge-module.dchall.json"
    d = load_design(path, catalog).design
    r = calculate(d, catalog, weather=load_weather(GREENSBORO))
    checks = [c for c in r.checks if c.code == "loop_supply_not_held"]
    assert {c.param_dict()["form"] for c in checks} == {"dry"}
    for c in checks:
        p = c.param_dict()
        assert p["reaches_c"] == pytest.approx(p["design_c"] + p["approach_k"]) and p["reaches_c"] > p["supply_c"]
        assert check_text(c, "en") == c.message and "干球" in check_text(c, "zh")
    assert r.annual is not None
    assert all(lp.hours_unmet > 0 for lp in r.annual.loops if lp.kind == "chilled")


def test_with_weather_the_headline_figures_all_come_from_the_year(catalog: Catalog) -> None:
    d = sample(catalog)
    r = calculate(d, catalog, weather=load_weather(GREENSBORO))
    y = r.annual
    assert y is not None and y.pue_design_load is not None and y.pue is not None
    assert r.pue == y.pue_design_load and r.pue_at_load == y.pue
    assert r.pue_peak == pytest.approx(y.peak_facility_kw / r.it_load_kw)
    curve = dict(r.pue_curve)
    # The curve samples every 29th hour; at 100 % and at the utilisation it agrees with the whole year.
    assert curve[1.0] == pytest.approx(y.pue_design_load, abs=0.002)
    assert curve[0.8] == pytest.approx(y.pue, abs=0.002)
    assert list(curve) == sorted(curve) and curve[0.1] > curve[0.5] > curve[1.0]


def test_cli_table_shows_each_loop_and_the_manual_basis() -> None:
    p = run("calc", str(sample_design_path().parent / "nvl72-hall-10mw-2n.dchall.json"), "--weather", "builtin:denver-co")
    assert p.returncode == 0, p.stderr
    assert "Hourly year at Denver Intl Ap, CO, USA (EPW, 8,760 h)" in p.stdout
    table = p.stdout.split("Hourly year at", 1)[1].split("Capacity under redundancy", 1)[0]
    rows = {line.split()[0]: line for line in table.splitlines()[5:] if line.strip()}
    assert set(rows) == {"liquid", "air", "air/condenser"} and "tower+chiller" in rows["air"]
    manual = run("calc", str(sample_design_path()))
    assert "typed economizer hours" in manual.stdout


def test_load_profiles_over_the_calendar() -> None:
    from workbench.calc.annual_inputs import LoadProfile
    from workbench.climate.records import calendar

    month, day, hour = calendar(8784)
    doy = np.arange(8784) // 24
    hourly = tuple(np.linspace(0.1, 0.9, 8760).tolist())
    f = LoadProfile("hourly", hourly=hourly).fractions(0.8, month, doy, hour)
    assert len(f) == 8784 and np.array_equal(f[59 * 24:60 * 24], f[58 * 24:59 * 24])
    assert f[-1] == pytest.approx(0.9)
    weekly = tuple([1.0] * 120 + [0.5] * 48)  # weekdays full, weekend half
    m, d, h = calendar(8760)
    w = LoadProfile("weekly", weekly=weekly).fractions(0.8, m, np.arange(8760) // 24, h, first_weekday=0)
    assert w[:24].tolist() == [0.8] * 24 and w[5 * 24:7 * 24].tolist() == [0.4] * 48
    monthly = LoadProfile("monthly", monthly=tuple(x / 12 for x in range(1, 13))).fractions(1.0, m, np.arange(8760) // 24, h)
    assert monthly[0] == pytest.approx(1 / 12) and monthly[-1] == pytest.approx(1.0)


def test_heat_connections_decide_which_loop_a_device_serves(catalog: Catalog) -> None:
    from workbench.model.connections import Connection

    d = sample(catalog)
    w = load_weather(DENVER)
    shared = {lp.name: lp for lp in calculate(d, catalog, weather=w).annual.loops}  # type: ignore[union-attr]
    kinds = {bid: catalog.types[b.type_id].kind for bid, b in d.blocks.items() if b.type_id in catalog.types}
    dry = [b for b, k in kinds.items() if k == "drycooler"]
    cdus = [b for b, k in kinds.items() if k == "cdu"]
    chillers = [b for b, k in kinds.items() if k == "chiller"]
    crahs = [b for b, k in kinds.items() if k == "crah"]
    for i, (a, b) in enumerate([(x, y) for x in dry for y in cdus] + [(x, y) for x in chillers for y in crahs]):
        d.connections[f"h{i}"] = Connection(f"h{i}", "heat", a, "heat_out", b, "heat_in")
    wired = {lp.name: lp for lp in calculate(d, catalog, weather=w).annual.loops}  # type: ignore[union-attr]
    # Shared, the dry coolers pre-cool the chilled loop too; wired to the CDUs only, they no longer do.
    assert shared["air"].hours_free > 0 and shared["air"].heat_rejection == "adiabatic+chiller"
    assert wired["air"].heat_rejection == "chiller" and wired["air"].hours_mechanical == 8760
    assert wired["liquid"].heat_rejection == "adiabatic" and wired["liquid"].hours_free == 8760


def test_partial_pues_of_the_year_add_up_to_its_pue(catalog: Catalog) -> None:
    r = calculate(sample(catalog), catalog, weather=load_weather(DENVER))
    assert r.annual is not None and r.pue_at_load is not None
    assert 1 + sum(v - 1 for v in r.ppue.values()) == pytest.approx(r.pue_at_load, rel=1e-12)
    assert r.overhead_kw == r.annual.overhead_kw and r.overhead_kw["cooling"] > 0
