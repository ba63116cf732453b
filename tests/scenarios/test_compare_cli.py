"""`workbench compare` and `calc --scenario` on a real file with two options, run as a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from workbench.calc import calculate
from workbench.catalog import default_catalog
from workbench.io import load_design, save_design
from workbench.model.edits import SetAssumption, SetSiteField
from workbench.paths import templates_dir
from workbench.scenarios import operations as ops

HALL = templates_dir() / "halls" / "nvl72-hall-10mw-2n.dchall.json"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "workbench", *args], capture_output=True, text=True, timeout=180)


@pytest.fixture(scope="module")
def two_options(tmp_path_factory: pytest.TempPathFactory) -> Path:
    catalog = default_catalog()
    design = load_design(HALL, catalog).design
    ops.create(design, "Frankfurt").apply(design)
    SetSiteField("electricity_price_per_kwh", 0.20).apply(design)
    SetAssumption("grid_co2_kg_per_kwh", 0.35).apply(design)
    ops.switch(design, "").apply(design)
    path = tmp_path_factory.mktemp("cmp") / "options.dchall.json"
    save_design(design, path)
    return path


def test_compare_json_marks_winners_and_prices_the_years(two_options: Path) -> None:
    p = run("compare", str(two_options), "--json")
    assert p.returncode == 0, p.stderr
    doc = json.loads(p.stdout)
    by_name = {o["name"]: o for o in doc["options"]}
    assert doc["options"][0]["name"] == "Base" and "Frankfurt" in by_name  # the template's own options too
    base, frankfurt = by_name["Base"], by_name["Frankfurt"]
    # Same hall, dearer power: same CAPEX, higher OPEX and TCO; cleaner grid: less CO₂.
    assert base["metrics"]["capex_total"] == frankfurt["metrics"]["capex_total"]
    assert frankfurt["metrics"]["opex_per_year"] > base["metrics"]["opex_per_year"]
    assert frankfurt["metrics"]["tco"] > base["metrics"]["tco"]
    assert frankfurt["metrics"]["co2_t_per_year"] < base["metrics"]["co2_t_per_year"]
    only = json.loads(run("compare", str(two_options), "--json", "--scenarios", "Base,Frankfurt").stdout)
    assert only["winners"]["tco"] == ["Base"] and only["winners"]["co2_t_per_year"] == ["Frankfurt"]
    assert "capex_total" not in only["differs"]
    energy = base["metrics"]["energy_mwh_per_year"]
    assert frankfurt["metrics"]["co2_t_per_year"] == pytest.approx(energy * 0.35)
    assert len(base["cumulative_cost"]) == 11  # year 0 and ten years


def test_compare_table_and_bad_names(two_options: Path) -> None:
    p = run("compare", str(two_options), "--scenarios", "Base,Frankfurt")
    assert p.returncode == 0, p.stderr
    assert "TCO over the period" in p.stdout and "Frankfurt" in p.stdout
    bad = run("compare", str(two_options), "--scenarios", "Base,Riyadh")
    assert bad.returncode == 2 and "no scenario 'Riyadh'" in bad.stderr and "Frankfurt" in bad.stderr


def test_calc_scenario_equals_the_scenario_calculated_in_process(two_options: Path) -> None:
    p = run("calc", str(two_options), "--scenario", "Frankfurt", "--json")
    assert p.returncode == 0, p.stderr
    catalog = default_catalog()
    design = load_design(two_options, catalog).design
    ops.switch(design, "Frankfurt").apply(design)
    expected = calculate(design, catalog).to_dict()
    assert json.loads(p.stdout)["energy"] == pytest.approx(expected["energy"])
    base = json.loads(run("calc", str(two_options), "--json").stdout)
    assert base["energy"]["annual_cost"] < json.loads(p.stdout)["energy"]["annual_cost"]
    missing = run("calc", str(two_options), "--scenario", "Nowhere")
    assert missing.returncode == 2 and "Nowhere" in missing.stderr
