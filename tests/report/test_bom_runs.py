"""Connection runs in the BOM and in the calculated CAPEX: cable/busway metres per rating class and supply +
return pipe metres per nominal size, priced from resources/run_prices.json with their sources, the same in the
calculation, the BOM, the reopened .xlsx and after a move."""

from __future__ import annotations

import math
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.designs import move
from workbench.calc import calculate
from workbench.calc.engine import Calculator
from workbench.calc.money import convert
from workbench.calc.runs import run_quantities
from workbench.io import load_design
from workbench.model import Catalog, Design
from workbench.paths import templates_dir
from workbench.report.bom import build_bom
from workbench.report.bom_runs import RUN_BASIS, run_sources
from workbench.report.bom_xlsx import write_bom_xlsx
from workbench.report.options import ReportOptions

HALL_2N = templates_dir() / "halls" / "nvl72-hall-10mw-2n.dchall.json"


@pytest.fixture()
def hall(catalog: Catalog) -> Design:
    return load_design(HALL_2N, catalog).design


def _runs(bom):  # type: ignore[no-untyped-def]
    return [ln for ln in bom.lines if ln.type_id.startswith("run.")]


def test_bom_lists_run_metres_per_class_and_size_with_sources(hall: Design, catalog: Catalog) -> None:
    bom = build_bom(hall, catalog, ReportOptions())
    q = run_quantities(hall, catalog, catalog.run_prices)  # type: ignore[arg-type]
    runs = {ln.type_id: ln for ln in _runs(bom)}
    assert any(t.startswith("run.power.") for t in runs) and any(t.startswith("run.liquid.DN") for t in runs)
    assert len(runs) == len(q.lines)
    for line in q.lines:
        got = next(ln for ln in runs.values() if line.rating in ln.name or line.rating.split(" ", 1)[-1] in ln.name)
        assert got.quantity == math.ceil(line.metres - 1e-9)  # whole metres
        assert got.category == ("power" if line.kind == "power" else "cooling")
        # The customer reads a price basis; the source (with its [E] tag) is in the report's sources table.
        assert got.basis == RUN_BASIS and got.price_date == line.date
        assert run_sources(catalog)[got.type_id] == (line.source, line.date) and line.source.endswith("]")
        assert float(got.unit_cost) == pytest.approx(line.price_per_m_usd)  # the hall is priced in USD
    # Pipes are counted supply and return: the metres are twice the one-way liquid run lengths, per size.
    pipe = sum(ln.metres for ln in q.lines if ln.kind == "liquid")
    one_way = sum(r.length_m for r in q.runs if r.kind == "liquid" and r.rating.startswith("DN"))
    assert pipe == pytest.approx(2 * one_way)


def test_bom_total_still_equals_the_calculated_capex_with_runs(hall: Design, catalog: Catalog) -> None:
    r = calculate(hall, catalog)
    bom = build_bom(hall, catalog, ReportOptions())
    fx = bom.pricing.fx
    runs_usd = r.cost.to_dict()["capex_runs"]
    assert runs_usd["power"] > 1e6 and runs_usd["liquid"] > 1e5
    assert float(bom.total_cost) == pytest.approx(convert(r.cost.capex_total, "USD", fx, catalog.fx_rates),
                                                  abs=0.005 * bom.quantity)
    pipes = sum((ln.extended_cost for ln in _runs(bom) if ln.category == "cooling"), Decimal(0))
    assert float(pipes) == pytest.approx(runs_usd["liquid"], abs=0.01)
    # The piping allowance is a share of the cooling equipment without the pipe metres it no longer covers.
    piping = next(a for a in bom.allowances if a.key == "piping_coolant")
    assert piping.rate == pytest.approx(0.10)
    assert piping.base_amount == pytest.approx(float(bom.subtotal("cooling") - pipes))


def test_a_move_re_prices_the_runs(hall: Design, catalog: Catalog) -> None:
    calc = Calculator(catalog)
    before = calc.run(hall).cost.to_dict()["capex_runs"]
    cdu = next(b for b in hall.blocks.values() if b.type_id.startswith("cool.cdu"))
    move(hall, cdu, x=cdu.x_mm + 6000.0)  # six metres along the row: every pipe it feeds grows
    moved = calc.moved(hall, [cdu.id]).cost.to_dict()
    fresh = calculate(hall, catalog).cost.to_dict()
    assert moved["capex_runs"]["liquid"] > before["liquid"]
    assert moved["capex_runs"] == pytest.approx(fresh["capex_runs"])
    assert moved["capex_total"] == pytest.approx(fresh["capex_total"])


def test_xlsx_reopened_shows_the_run_lines(tmp_path: Path, hall: Design, catalog: Catalog) -> None:
    out = tmp_path / "bom.xlsx"
    write_bom_xlsx(hall, catalog, out, ReportOptions())
    bom = build_bom(hall, catalog, ReportOptions())
    ws = load_workbook(out).worksheets[1]
    header = [c.value for c in ws[1]]
    rows = [dict(zip(header, (c.value for c in row))) for row in ws.iter_rows(min_row=2)]
    model = next(h for h in header if h and "odel" in str(h))
    qty = next(h for h in header if h and str(h).lower().startswith(("qty", "quantity")))
    found = {r[model]: r[qty] for r in rows if str(r.get(model) or "").startswith("run.")}
    assert found == {ln.type_id: ln.quantity for ln in _runs(bom)}
    assert any(str(r[model]).startswith("run.liquid.DN") for r in rows if r.get(model))


def test_many_moves_priced_incrementally_equal_a_fresh_calculation(hall: Design, catalog: Catalog) -> None:
    """Moves re-measure only the runs of the moved blocks; after a series of them the CAPEX equals a full
    calculation (and so the BOM) to the cent."""
    calc = Calculator(catalog)
    calc.run(hall)
    movable = sorted(b.id for b in hall.blocks.values() if b.type_id.startswith(("rack.", "cool.cdu", "pwr.pdu")))
    for k, bid in enumerate(movable[::7]):
        b = hall.blocks[bid]
        move(hall, b, b.x_mm + (-1) ** k * 1234.5, b.y_mm + 250.0 * (k % 3))
        moved = calc.moved(hall, [bid]).cost.to_dict()
    fresh = calculate(hall, catalog).cost.to_dict()
    assert moved["capex_runs"] == fresh["capex_runs"]
    assert moved["capex_total"] == pytest.approx(fresh["capex_total"], abs=0.01)
    bom = build_bom(hall, catalog, ReportOptions())
    assert float(bom.total_cost) == pytest.approx(fresh["capex_total"], abs=0.005 * bom.quantity)
