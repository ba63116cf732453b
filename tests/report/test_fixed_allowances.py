"""Allowances given as a fixed amount in USD: priced once into the export currency, worded "fixed amount" for a
customer, added to the project total in the BOM, its PDF and xlsx, and the design report."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.report.conftest import pdf_text, squash
from workbench.calc import Calculator
from workbench.calc.money import Fx
from workbench.catalog import new_design
from workbench.model import Catalog, Design
from workbench.model.allowances import SetAllowanceFixed
from workbench.model.edits import SetAssumption
from workbench.report.bom import build_bom
from workbench.report.bom_pdf import build_bom_pdf
from workbench.report.bom_xlsx import write_bom_xlsx
from workbench.report.design_report import build_design_report
from workbench.report.formatting import Formatter
from workbench.report.options import ReportOptions
from workbench.calc.project_capex import project_capex
from workbench.text.language import load_language

FIXED_USD = 2_500_000.0
DATE = dt.date(2026, 12, 4)


def cents(value: float) -> Decimal:
    return Decimal(repr(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@pytest.fixture
def fixed(sample: Design) -> Design:
    SetAllowanceFixed("allowance_installation", FIXED_USD).apply(sample)
    return sample


def test_fixed_amount_replaces_the_share_and_adds_to_the_total(sample: Design, catalog: Catalog) -> None:
    SetAssumption("ai_build_premium", 0.1).apply(sample)
    options = ReportOptions(currency="CNY", price_factor=1.15)
    by_share = build_bom(sample, catalog, options)
    SetAllowanceFixed("allowance_installation", FIXED_USD).apply(sample)
    bom = build_bom(sample, catalog, options)
    rate = catalog.fx_rates["CNY"]
    inst = next(a for a in bom.allowances if a.key == "installation")
    assert inst.fixed and inst.base == "fixed" and inst.rate == FIXED_USD
    # Converted once at the export rate, marked up by the factor; the equipment build premium does not apply.
    assert inst.cost == cents(FIXED_USD * rate)
    assert inst.amount == cents(float(inst.cost) * 1.15)
    share = next(a for a in by_share.allowances if a.key == "installation")
    assert not share.fixed and share.amount != inst.amount
    # The other allowances and the equipment do not move.
    assert [(a.key, a.amount) for a in bom.allowances if a.key != "installation"] == \
        [(a.key, a.amount) for a in by_share.allowances if a.key != "installation"]
    assert bom.total == by_share.total
    assert bom.allowances_total == sum((a.amount for a in bom.allowances), Decimal(0))
    assert bom.project_total == bom.total + bom.allowances_total
    assert bom.project_total - by_share.project_total == inst.amount - share.amount
    assert bom.project_cost - bom.total_cost == sum((a.cost for a in bom.allowances), Decimal(0))


def test_fixed_zero_leaves_an_allowance_out_and_a_fixed_amount_needs_no_equipment(sample: Design,
                                                                                  catalog: Catalog) -> None:
    SetAllowanceFixed("allowance_battery_usd_per_kw", 0.0).apply(sample)
    keys = [a.key for a in build_bom(sample, catalog, ReportOptions()).allowances]
    assert "battery" not in keys and "installation" in keys
    empty = new_design(catalog)
    assert build_bom(empty, catalog, ReportOptions()).allowances == []
    SetAllowanceFixed("allowance_commissioning", 40_000.0).apply(empty)
    bom = build_bom(empty, catalog, ReportOptions(currency="EUR"))
    assert [a.key for a in bom.allowances] == ["commissioning"]
    assert bom.project_total == cents(40_000.0 * catalog.fx_rates["EUR"])


def test_bom_pdf_shows_the_fixed_amount_in_yuan(tmp_path: Path, fixed: Design, catalog: Catalog) -> None:
    options = ReportOptions(lang="zh", currency="CNY", date=DATE)
    bom = build_bom(fixed, catalog, options)
    fmt = Formatter(load_language("zh"), "si")
    out = tmp_path / "bom-zh.pdf"
    build_bom_pdf(fixed, catalog, out, options)
    flat = squash(pdf_text(out))
    amount = fmt.num(FIXED_USD * catalog.fx_rates["CNY"], 2)
    assert amount == "17,950,000.00"  # 2.5 million USD at the shipped 7.18: the PDF quotes yuan, never the USD
    assert squash(f"安装固定金额{amount}") in flat
    assert "2,500,000" not in flat
    assert squash(f"项目总投资（CNY）{fmt.num(float(bom.project_total), 2)}") in flat
    assert squash("按给定的固定金额计列") in flat  # the intro says some allowances are fixed amounts


def test_internal_bom_pdf_and_xlsx_name_the_fixed_amount(tmp_path: Path, fixed: Design, catalog: Catalog) -> None:
    options = ReportOptions(lang="en", currency="EUR", audience="internal", date=DATE)
    bom = build_bom(fixed, catalog, options)
    eur = Formatter(load_language("en"), "si").num(FIXED_USD * catalog.fx_rates["EUR"], 2)
    pdf = tmp_path / "bom.pdf"
    build_bom_pdf(fixed, catalog, pdf, options)
    text = pdf_text(pdf)
    assert squash("Installation fixed amount Fixed amount given for this design") in squash(text)
    assert "allowance_installation" in text and eur in text
    xlsx = tmp_path / "bom.xlsx"
    write_bom_xlsx(fixed, catalog, xlsx, options)
    sheet = load_workbook(xlsx, data_only=True)["Summary"]
    rows = {r[0]: r for r in sheet.iter_rows(values_only=True) if r and r[0]}
    assert rows["Installation"][1] == "fixed amount"
    assert "allowance_installation" in rows["Installation"][2]
    assert rows["Installation"][3] == pytest.approx(float(next(a.amount for a in bom.allowances
                                                                if a.key == "installation")))
    total = next(v for k, v in rows.items() if str(k).startswith("Total project CAPEX"))
    assert total[3] == pytest.approx(float(bom.project_total))


def test_design_report_states_the_basis_of_each_allowance(tmp_path: Path, fixed: Design, catalog: Catalog) -> None:
    options = ReportOptions(lang="zh", currency="CNY", date=DATE)
    bom = build_bom(fixed, catalog, options)
    out = tmp_path / "design-zh.pdf"
    build_design_report(fixed, catalog, out, options)
    flat = squash(pdf_text(out))
    fmt = Formatter(load_language("zh"), "si")
    assert squash(f"安装固定金额{fmt.money(FIXED_USD * catalog.fx_rates['CNY'], 'CNY', 2)}") in flat
    lv = next(a for a in bom.allowances if a.key == "lv_switchboards")
    assert squash(f"低压配电柜及电缆供电设备的{fmt.pct(lv.rate, 0)}") in flat


def test_project_capex_from_results_is_the_bom_project_total(fixed: Design, catalog: Catalog) -> None:
    """The metrics dock's figure: the BOM's own allowance rule over the results' subtotals, no BOM lines."""
    results = Calculator(catalog).run(fixed)
    eur = Fx("EUR", catalog.fx_rates["EUR"])
    capex = project_capex(fixed, catalog, results, eur)
    bom = build_bom(fixed, catalog, ReportOptions(currency="EUR"), white_space_m2=results.space.white_space_m2)
    assert capex.project_total == bom.project_total and capex.equipment == bom.total
    assert [(a.key, a.amount, a.base) for a in capex.allowances] == [(a.key, a.amount, a.base) for a in bom.allowances]
    # At a rate that does not convert catalog prices exactly, with a premium, the BOM rounds each unit price
    # first: the two stay within half a fil per unit of quantity.
    SetAssumption("ai_build_premium", 0.137).apply(fixed)
    results = Calculator(catalog).run(fixed)
    aed = project_capex(fixed, catalog, results, Fx("AED", 3.6731, "", False))
    bom = build_bom(fixed, catalog, ReportOptions(currency="AED", rate=3.6731), white_space_m2=results.space.white_space_m2)
    assert abs(aed.project_total - bom.project_total) <= Decimal("0.005") * bom.quantity * 2
    assert aed.project_total != 0
