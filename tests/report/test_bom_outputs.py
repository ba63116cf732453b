"""BOM outputs: the PDF, the .xlsx (formulas for totals) and the CSV agree with the calculation's CAPEX."""

from __future__ import annotations

import csv
import re
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.report.conftest import pdf_text, squash
from workbench.calc import calculate
from workbench.model import Catalog, Design
from workbench.report.bom_csv import write_bom_csv
from workbench.report.bom_pdf import build_bom_pdf
from workbench.report.bom_xlsx import write_bom_xlsx
from workbench.report.options import ReportOptions
from workbench.report.bom import build_bom
from workbench.report.formatting import Formatter
from workbench.text.language import load_language


def test_bom_total_equals_calculated_capex(sample: Design, catalog: Catalog) -> None:
    """The BOM's equipment cost is the calculation's CAPEX converted once, within the cent rounding of units."""
    from workbench.calc.money import convert

    r = calculate(sample, catalog)
    bom = build_bom(sample, catalog, ReportOptions())
    assert bom.currency == sample.site.currency and r.cost["currency"] == "USD"
    fx = bom.pricing.fx
    assert float(bom.total_cost) == pytest.approx(convert(r.cost["capex_total"], "USD", fx, catalog.fx_rates),
                                                  abs=0.005 * bom.quantity)
    for cat, amount in r.cost["capex_by_category"].items():
        assert float(bom.cost_subtotal(cat)) == pytest.approx(convert(amount, "USD", fx, catalog.fx_rates),
                                                              abs=0.005 * bom.quantity)
    # One piece per drawn block; the connection runs come as metres per cable/busway class and pipe size.
    runs = [ln for ln in bom.lines if ln.type_id.startswith("run.")]
    assert bom.quantity - sum(ln.quantity for ln in runs) == len(sample.blocks)
    run_usd = r.cost["capex_runs"]["power"] + r.cost["capex_runs"]["liquid"]
    assert run_usd > 0 and {ln.category for ln in runs} == {"power", "cooling"}
    assert float(sum((ln.extended_cost for ln in runs), Decimal(0))) == pytest.approx(
        convert(run_usd, "USD", fx, catalog.fx_rates), abs=0.005 * bom.quantity)


def test_bom_pdf_shows_lines_subtotals_and_total(built: dict[str, Path], sample: Design, catalog: Catalog) -> None:
    bom = build_bom(sample, catalog, ReportOptions())
    fmt = Formatter(load_language("en"), "si")
    text = pdf_text(built["bom-en"])
    flat = squash(text)
    assert squash(f"Total project CAPEX: {fmt.money(float(bom.project_total), bom.currency, 2)}") in flat
    for ln in bom.lines:  # a run line says its metres as metres
        qty = f"{ln.quantity:,} m" if ln.type_id.startswith("run.") else f"{ln.quantity:,}"
        assert squash(f"{ln.type_id}{qty}{fmt.num(float(ln.unit_price), 2)}"
                      f"{fmt.num(float(ln.extended), 2)}") in flat
    # The equipment total counts pieces and metres apart, never one number of both.
    pieces = sum(ln.quantity for ln in bom.lines if not ln.type_id.startswith("run."))
    metres = sum(ln.quantity for ln in bom.lines if ln.type_id.startswith("run."))
    assert metres > 0 and squash(f"Equipment total ({bom.currency}){pieces:,} pcs + {metres:,} m") in flat
    for cat in bom.categories:
        assert squash(fmt.num(float(bom.subtotal(cat)), 2)) in flat
    assert "2025-06" in text and "valid for 90 days" in text
    zh = squash(pdf_text(built["bom-zh"]))
    assert "物料清单" in zh and squash(catalog.types["cool.cdu-1200"].name["zh"]) in zh


def test_price_factor_and_currency_conversion(tmp_path: Path, sample: Design, catalog: Catalog) -> None:
    r = calculate(sample, catalog)
    opts = ReportOptions(currency="CNY", rate=7.2, price_factor=1.15)
    bom = build_bom(sample, catalog, opts)
    expected = r.cost["capex_total"] * 7.2 * 1.15
    assert float(bom.total) == pytest.approx(expected, rel=1e-7)
    out = tmp_path / "bom.pdf"
    build_bom_pdf(sample, catalog, out, opts)
    fmt = Formatter(load_language("en"), "si")
    assert squash(fmt.num(float(bom.total), 2)) in squash(pdf_text(out))
    default_rate = build_bom(sample, catalog, ReportOptions(currency="CNY")).pricing.rate_per_usd
    assert default_rate == catalog.fx_rates["CNY"]


def test_xlsx_quantities_and_formula_totals(tmp_path: Path, sample: Design, catalog: Catalog) -> None:
    out = tmp_path / "bom.xlsx"
    write_bom_xlsx(sample, catalog, out, ReportOptions(price_factor=1.1))
    bom = build_bom(sample, catalog, ReportOptions(price_factor=1.1))
    wb = load_workbook(out)  # formulas as text
    detail = wb["Detail"]
    n = len(bom.lines)
    assert detail.freeze_panes == "A2"
    assert detail.auto_filter.ref == f"A1:I{n + 1}"
    expected_total = 0.0
    for row, ln in enumerate(bom.lines, start=2):
        assert detail.cell(row, 3).value == ln.type_id
        assert detail.cell(row, 4).value == ln.quantity
        assert detail.cell(row, 5).value == ("m" if ln.type_id.startswith("run.") else "pcs")
        assert detail.cell(row, 6).value == pytest.approx(float(ln.unit_price))
        assert detail.cell(row, 7).value == f"=D{row}*F{row}"
        expected_total += detail.cell(row, 4).value * detail.cell(row, 6).value
    assert detail.cell(n + 2, 7).value == f"=SUM(G2:G{n + 1})"
    # The quantity total counts pieces only: metres of run are another unit.
    assert detail.cell(n + 2, 4).value == f'=SUMIF(E2:E{n + 1},"pcs",D2:D{n + 1})'
    assert expected_total == pytest.approx(float(bom.total), abs=1e-6)
    rate = catalog.fx_rates[sample.site.currency]
    assert expected_total == pytest.approx(calculate(sample, catalog).cost["capex_total"] * rate * 1.1, rel=1e-7)
    cached = load_workbook(out, data_only=True)["Detail"]  # the values written beside the formulas
    assert cached.cell(n + 2, 7).value == pytest.approx(expected_total)
    pieces = sum(ln.quantity for ln in bom.lines if not ln.type_id.startswith("run."))
    assert cached.cell(n + 2, 4).value == pieces < bom.quantity
    assert "#,##0.00" in detail.cell(2, 6).number_format


def test_csv_reopens_with_the_same_lines(tmp_path: Path, sample: Design, catalog: Catalog) -> None:
    out = tmp_path / "bom.csv"
    write_bom_csv(sample, catalog, out, ReportOptions(lang="zh"))
    bom = build_bom(sample, catalog, ReportOptions(lang="zh"))
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    n = len(bom.lines)
    assert rows[0][0] == "类别" and len(rows) == n + 3 + len(bom.allowances)
    assert [int(r[3]) for r in rows[1:n + 1]] == [ln.quantity for ln in bom.lines]
    assert [r[4] for r in rows[1:n + 1]] == ["米" if ln.type_id.startswith("run.") else "件" for ln in bom.lines]
    assert Decimal(rows[n + 1][6]) == sum(Decimal(r[6]) for r in rows[1:n + 1]) == bom.total
    assert rows[n + 1][3:5] == [str(sum(int(r[3]) for r in rows[1:n + 1] if r[4] == "件")), "件"]
    assert Decimal(rows[-1][6]) == sum(Decimal(r[6]) for r in rows[n + 1:-1]) == bom.project_total
    assert any(re.search("[\u4e00-\u9fff]", r[1]) for r in rows[1:n + 1])
