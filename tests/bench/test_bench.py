"""The benchmark at tiny sizes: JSON shape, exact block counts, and incremental equals full results."""

from __future__ import annotations

import json
import math
import random

import pytest

from workbench.bench import main
from workbench.bench.generate import generate_design
from workbench.calc import Calculator, calculate
from workbench.catalog import default_catalog
from workbench.model.blocktype import Catalog
from workbench.model.design import Door

KEYS = {"figure", "blocks", "median_s", "runs", "baseline_median_s", "ratio", "note"}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return default_catalog()


@pytest.mark.parametrize("n", [0, 1, 50, 400])
def test_generated_design_has_exactly_n_blocks(catalog: Catalog, n: int) -> None:
    d = generate_design(catalog, n)
    assert len(d.blocks) == n
    assert all(b.type_id in catalog.types for b in d.blocks.values())


def test_generated_campus_is_a_clean_design(catalog: Catalog) -> None:
    r = calculate(generate_design(catalog, 1000), catalog)
    assert r.it_load_kw > 10_000 and r.pue is not None and 1.0 < r.pue < 1.6
    assert r.checks == []


def test_bench_json_shape(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--json", "--blocks", "50", "--runs", "1", "--only", "recalc_full", "recalc_edit", "open",
                 "save"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {r["figure"] for r in rows} == {"recalc_full", "recalc_full_cold", "recalc_edit", "open", "save"}
    for r in rows:
        assert set(r) == KEYS and r["blocks"] == 50 and r["runs"] >= 1
        assert r["median_s"] > 0
        if r["figure"].startswith("recalc_full"):  # against reading the blocks bare, in the same run
            assert 0 < r["baseline_median_s"] and r["ratio"] == pytest.approx(r["median_s"] / r["baseline_median_s"])
        else:
            assert r["baseline_median_s"] is None and r["ratio"] is None


def test_bench_table_and_bad_arguments(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--blocks", "20", "--runs", "1", "--only", "recalc_full"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("| figure |") and "| recalc_full | 20 |" in out
    assert main(["--blocks", "-5"]) == 2
    assert "block counts" in capsys.readouterr().err


def _same(a: object, b: object, path: str = "$") -> None:
    """Equal, with floats allowed to differ in the last bits only (summation order)."""
    if isinstance(a, dict):
        assert isinstance(b, dict) and set(a) == set(b), path
        for k in a:
            _same(a[k], b[k], f"{path}.{k}")
    elif isinstance(a, (list, tuple)):
        assert isinstance(b, (list, tuple)) and len(a) == len(b), path
        for i, (x, y) in enumerate(zip(a, b)):
            _same(x, y, f"{path}[{i}]")
    elif isinstance(a, float):
        assert isinstance(b, float) and math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-9), (path, a, b)
    else:
        assert a == b, (path, a, b)


def test_incremental_moves_equal_a_full_run(catalog: Catalog) -> None:
    design = generate_design(catalog, 600)
    # A door in the middle of every hall's bottom wall and one in its right wall, so moves meet door zones too.
    for hall in design.halls:
        x0, y0 = min(x for x, _ in hall.outline), min(y for _, y in hall.outline)
        x1, y1 = max(x for x, _ in hall.outline), max(y for _, y in hall.outline)
        hall.doors += [Door(x_mm=(x0 + x1) / 2, y_mm=y0, width_mm=2400.0),
                       Door(x_mm=x1, y_mm=(y0 + y1) / 2, width_mm=1800.0, rotation_deg=90)]
    rng = random.Random(3)
    calc = Calculator(catalog)
    calc.run(design)
    ids = list(design.blocks)
    for k in (1, 1, 3, 40, 1):  # one block, a few, and a large selection (the indexed path)
        chosen = rng.sample(ids, k)
        for bid in chosen:  # as the editor moves blocks: a changed copy in each one's place
            b = design.blocks[bid]
            design.blocks[bid] = b.copy(x_mm=b.x_mm + rng.choice([-900.0, 300.0, 1200.0]),
                                        y_mm=b.y_mm + rng.choice([-2400.0, 0.0, 50.0]),
                                        rotation_deg=rng.choice([0, 90, 180, 270]))
        inc = calc.moved(design, chosen).to_dict()
        _same(calculate(design, catalog).to_dict(), inc)
        assert any(c["code"] in ("overlap", "clearance") for c in inc["checks"]) or k == 1
    # A rack wheeled into the first hall's bottom door zone, a blocking unit pulled out of a side door's zone.
    doors = {c.blocks[0] for c in calc.run(design).checks if c.code == "door_blocked"}
    rack = next(b for b in design.blocks.values() if b.type_id == "rack.gb200-nvl72" and b.id not in doors)
    door = design.halls[0].doors[0]
    rack = design.blocks[rack.id] = rack.copy(x_mm=door.x_mm, y_mm=door.y_mm + 1000.0, rotation_deg=0)
    unit = design.blocks[sorted(doors)[0]]
    unit = design.blocks[unit.id] = unit.copy(x_mm=unit.x_mm - 3000.0)
    inc = calc.moved(design, [rack.id, unit.id]).to_dict()
    _same(calculate(design, catalog).to_dict(), inc)
    now = {c["blocks"][0] for c in inc["checks"] if c["code"] == "door_blocked"}
    assert rack.id in now and unit.id not in now


def test_compare_figure_measures_six_options(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--json", "--blocks", "60", "--runs", "1", "--only", "compare_6"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["figure"] for r in rows] == ["compare_6"] and rows[0]["median_s"] > 0


def test_generated_options_are_six_and_differ(catalog: Catalog) -> None:
    from workbench.bench.scenario_figures import OPTIONS, with_scenarios
    from workbench.scenarios.compare import compare

    design = with_scenarios(generate_design(catalog, 300))
    result = compare(design, catalog)
    assert len(result.options) == OPTIONS
    # Each generated option changes something a user would see in the comparison.
    assert result.differs["racks"] and result.differs["opex_per_year"]
