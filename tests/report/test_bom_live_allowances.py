"""The xlsx BOM's allowances are live formulas (share × subtotal cells, rate × quantity cells; a fixed amount a
value) that a spreadsheet recomputes to the Bom's figures, also after a quantity or a price is edited in the
sheet; the CSV states each allowance's basis as the xlsx and the PDF do.

No spreadsheet program is installed here (no LibreOffice), so tests/report/xlsx_formulas.py recomputes the
workbook from its own cells with spreadsheet arithmetic (doubles, ROUND on 15 significant digits).
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.report.xlsx_formulas import Evaluator, excel_round
from workbench.calc.allowances import SIZED_FROM, battery_allowance_kw
from workbench.io import load_design
from workbench.model import Catalog, Design
from workbench.model.allowances import SetAllowanceFixed
from workbench.model.blocktype import RACK_CATEGORIES
from workbench.model.design import new_id
from workbench.model.edits import AddBlocks, SetBlockField
from workbench.paths import sample_design_path, templates_dir
from workbench.report.bom import Bom, build_bom
from workbench.report.bom_csv import write_bom_csv
from workbench.report.bom_xlsx import write_bom_xlsx
from workbench.report.formatting import Formatter
from workbench.report.options import ReportOptions
from workbench.text.language import load_language

DATE = dt.date(2026, 12, 4)
AED = dict(currency="AED", rate=3.6731, price_factor=1.137)  # a rate and factor that convert nothing exactly
DESIGNS = {"sample": sample_design_path(),
           "colocation": templates_dir() / "halls" / "colocation-mixed-density.dchall.json",
           "dc800": templates_dir() / "halls" / "nextgen-800vdc-hall-20mw.dchall.json"}
CASES = [
    ("colocation", dict(lang="en", audience="customer", **AED)),
    ("colocation", dict(lang="en", audience="internal", **AED)),
    ("sample", dict(lang="zh", audience="customer", currency="CNY")),
    ("sample", dict(lang="en", audience="internal", currency="JPY", price_factor=1.15)),  # no minor unit
    ("dc800", dict(lang="zh", audience="internal", currency="USD", units="imperial")),
]


def _design(name: str, catalog: Catalog) -> Design:
    return load_design(DESIGNS[name], catalog).design


class Sheet:
    """The reopened workbook: formulas, the values cached beside them, and a spreadsheet's recalculation."""

    def __init__(self, path: Path, lang: str) -> None:
        self.t = load_language(lang).t
        self.book = load_workbook(path)
        self.cached = load_workbook(path, data_only=True)
        self.summary_name, self.detail_name = self.t("xlsx.summary_sheet"), self.t("xlsx.detail_sheet")
        self.rows = {str(r[0].value): r for r in self.book[self.summary_name].iter_rows() if r[0].value}

    def recalc(self) -> Evaluator:
        return Evaluator(self.book)

    def amount_cell(self, label: str) -> str:
        return self.rows[label][3].coordinate

    def allowance_cell(self, key: str) -> str:
        return self.amount_cell(self.t(f"allowance.{key}"))

    def value(self, ev: Evaluator, cell: str) -> float:
        return float(ev.value(self.summary_name, cell))  # type: ignore[arg-type]


def _cents(value: float, bom: Bom) -> Decimal:
    return Decimal(repr(excel_round(value, bom.pricing.digits))).quantize(Decimal(1).scaleb(-bom.pricing.digits))


def _assert_sheet_gives(sheet: Sheet, bom: Bom, ev: Evaluator) -> None:
    """Every allowance, their total and the project total, recomputed from the sheet, are the Bom's to the cent."""
    t = sheet.t
    for a in bom.allowances:
        assert _cents(sheet.value(ev, sheet.allowance_cell(a.key)), bom) == a.amount, a.key
    assert _cents(sheet.value(ev, sheet.amount_cell(t("bom.allowances_total"))), bom) == bom.allowances_total
    total = sheet.value(ev, sheet.amount_cell(t("bom.project_total", cur=bom.currency)))
    assert _cents(total, bom) == bom.project_total


@pytest.mark.parametrize(("name", "opts"), CASES, ids=[f"{n}-{o['audience']}-{o['currency']}" for n, o in CASES])
def test_allowances_are_formulas_of_the_cells_they_are_sized_from(tmp_path: Path, catalog: Catalog, name: str,
                                                                  opts: dict[str, object]) -> None:
    design = _design(name, catalog)
    options = ReportOptions(date=DATE, **opts)  # type: ignore[arg-type]
    out = tmp_path / "bom.xlsx"
    write_bom_xlsx(design, catalog, out, options)
    bom = build_bom(design, catalog, options)
    sheet = Sheet(out, options.lang)
    t = sheet.t
    subtotal = {c: sheet.amount_cell(t(f"category.{c}")) for c in bom.categories}
    assert len(bom.allowances) >= 6
    for a in bom.allowances:
        cell = sheet.allowance_cell(a.key)
        formula = sheet.book[sheet.summary_name][cell].value
        assert isinstance(formula, str) and formula.startswith("=ROUND("), (a.key, formula)
        assert sheet.cached[sheet.summary_name][cell].value == pytest.approx(float(a.amount), abs=1e-9)
        part = SIZED_FROM[a.key][1]
        local = re.sub(r"'(?:[^']|'')*'![$A-Z0-9:]+", "", formula)  # the Summary's own cells
        refs = {ref.replace("$", "") for ref in re.findall(r"\$?[A-Z]{1,3}\$?\d+", local)}
        if part in ("power", "cooling"):  # a share of its own category's subtotal, never of another's
            assert subtotal[part] in refs and not refs & (set(subtotal.values()) - {subtotal[part]})
        elif part in ("facility", "facility_equipment"):
            assert refs >= {subtotal[c] for c in bom.categories if c not in RACK_CATEGORIES}
            assert not refs & {subtotal[c] for c in bom.categories if c in RACK_CATEGORIES}
        elif part == "white_space_m2":  # a rate times the white space, which the sheet states in m²
            area = sheet.rows[t("space.white_space")][1]
            assert f"${area.column_letter}${area.row}" in formula and area.value == pytest.approx(a.base_amount)
        else:  # battery: a rate times kW of each UPS line's quantity cell on the Detail sheet
            assert f"'{sheet.detail_name}'!D" in formula
    _assert_sheet_gives(sheet, bom, sheet.recalc())


def test_a_fixed_amount_stays_a_value(tmp_path: Path, catalog: Catalog) -> None:
    design = _design("sample", catalog)
    SetAllowanceFixed("allowance_commissioning", 240_000.0).apply(design)
    options = ReportOptions(date=DATE, audience="internal", **AED)  # type: ignore[arg-type]
    out = tmp_path / "bom.xlsx"
    write_bom_xlsx(design, catalog, out, options)
    bom = build_bom(design, catalog, options)
    sheet = Sheet(out, "en")
    fixed = sheet.book[sheet.summary_name][sheet.allowance_cell("commissioning")].value
    assert fixed == float(next(a.amount for a in bom.allowances if a.key == "commissioning"))
    assert all(str(sheet.book[sheet.summary_name][sheet.allowance_cell(a.key)].value).startswith("=ROUND(")
               for a in bom.allowances if not a.fixed)
    _assert_sheet_gives(sheet, bom, sheet.recalc())


def _detail_cell(sheet: Sheet, bom: Bom, type_id: str, header: str) -> str:
    detail = sheet.book[sheet.detail_name]
    col = next(c.column_letter for c in detail[1] if c.value == header)
    return f"{col}{[ln.type_id for ln in bom.lines].index(type_id) + 2}"


@pytest.mark.parametrize("audience", ["customer", "internal"])
def test_an_edited_quantity_carries_to_the_allowances_and_totals(tmp_path: Path, catalog: Catalog,
                                                                 audience: str) -> None:
    """Two more UPS typed into the sheet give what two more UPS drawn in the design give: the LV share, the
    facility shares and the batteries' kW all follow."""
    design = _design("sample", catalog)
    options = ReportOptions(date=DATE, audience=audience, **AED)  # type: ignore[arg-type]
    out = tmp_path / "bom.xlsx"
    write_bom_xlsx(design, catalog, out, options)
    before = build_bom(design, catalog, options)
    ups = next(b for b in design.blocks.values() if battery_allowance_kw({b.type_id: 1}, catalog) > 0)
    AddBlocks([ups.copy(id=new_id()), ups.copy(id=new_id())]).apply(design)
    after = build_bom(design, catalog, options)
    moved = {a.key for a, b in zip(before.allowances, after.allowances) if a.amount != b.amount}
    assert {"lv_switchboards", "battery", "installation", "bms_epms"} <= moved

    sheet = Sheet(out, "en")
    qty = _detail_cell(sheet, before, ups.type_id, "Quantity")
    detail = sheet.book[sheet.detail_name]
    assert detail[qty].value == next(ln.quantity for ln in before.lines if ln.type_id == ups.type_id)
    detail[qty] = detail[qty].value + 2
    _assert_sheet_gives(sheet, after, sheet.recalc())


@pytest.mark.parametrize("audience", ["customer", "internal"])
def test_an_edited_price_carries_to_the_allowances_and_totals(tmp_path: Path, catalog: Catalog,
                                                              audience: str) -> None:
    """A CDU's price edited in the sheet (the unit price of a customer workbook, the base USD price of an
    internal one) gives what the same price override in the design gives."""
    design = _design("sample", catalog)
    options = ReportOptions(date=DATE, audience=audience, **AED)  # type: ignore[arg-type]
    out = tmp_path / "bom.xlsx"
    write_bom_xlsx(design, catalog, out, options)
    before = build_bom(design, catalog, options)
    cdus = [b.id for b in design.blocks.values() if b.type_id == "cool.cdu-1200"]
    usd = catalog.types["cool.cdu-1200"].price.amount * 1.23
    SetBlockField(cdus, "price", [usd], override=True).apply(design)
    after = build_bom(design, catalog, options)
    assert [ln.type_id for ln in after.lines] == [ln.type_id for ln in before.lines]
    moved = {a.key for a, b in zip(before.allowances, after.allowances) if a.amount != b.amount}
    assert {"piping_coolant", "installation", "commissioning"} <= moved and "lv_switchboards" not in moved

    sheet = Sheet(out, "en")
    detail = sheet.book[sheet.detail_name]
    if audience == "internal":  # the unit cost and price are formulas of the base price and the input cells
        detail[_detail_cell(sheet, before, "cool.cdu-1200", "Base price (USD)")] = usd
    else:
        new_price = next(ln.unit_price for ln in after.lines if ln.type_id == "cool.cdu-1200")
        detail[_detail_cell(sheet, before, "cool.cdu-1200", "Unit price (AED)")] = float(new_price)
    _assert_sheet_gives(sheet, after, sheet.recalc())


def _xlsx_basis(path: Path, lang: str) -> dict[str, str]:
    t = load_language(lang).t
    ws = load_workbook(path)[t("xlsx.summary_sheet")]
    return {str(r[0].value): str(r[1].value) for r in ws.iter_rows() if r[0].value}


@pytest.mark.parametrize(("lang", "opts"), [("zh", dict(currency="CNY")),
                                            ("en", dict(audience="internal", units="imperial", **AED))])
def test_csv_states_each_allowance_basis_as_the_xlsx_does(tmp_path: Path, catalog: Catalog, lang: str,
                                                          opts: dict[str, object]) -> None:
    design = _design("sample", catalog)
    SetAllowanceFixed("allowance_commissioning", 240_000.0).apply(design)
    options = ReportOptions(date=DATE, lang=lang, **opts)  # type: ignore[arg-type]
    write_bom_csv(design, catalog, tmp_path / "bom.csv", options)
    write_bom_xlsx(design, catalog, tmp_path / "bom.xlsx", options)
    bom = build_bom(design, catalog, options)
    t = load_language(lang).t
    fmt = Formatter(load_language(lang), options.units)
    with (tmp_path / "bom.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    col = rows[0].index(t("xcol.price_basis"))
    by_label = {r[0]: r for r in rows[1:]}
    xlsx = _xlsx_basis(tmp_path / "bom.xlsx", lang)
    for a in bom.allowances:
        label = t(f"allowance.{a.key}")
        basis = by_label[label][col]
        assert basis == xlsx[label] != ""
        if a.fixed:
            assert basis == t("allowance.fixed")
        elif a.base == "white_space":  # a rate times the area, in the export's units
            assert fmt.qty("area", a.base_amount, 0) in basis and fmt.symbol(bom.currency) in basis
            assert ("ft²" if options.units == "imperial" else "m²") in basis
        elif a.base == "ups_kw":  # the selling rate in the export currency, times the kW
            assert fmt.money(float(bom.pricing.unit_price(a.rate)), bom.currency, 2) in basis
            assert fmt.num(a.base_amount) in basis
        else:
            assert fmt.pct(a.rate, 0) in basis and t(f"allowance.base.{a.base}") in basis
        if lang == "zh":
            assert re.search("[\u4e00-\u9fff]", basis) and not re.search("[a-z]{3}", basis)
    # The totals rows state no basis.
    for label in (t("bom.equipment_total", cur=bom.currency), t("bom.project_total", cur=bom.currency)):
        assert by_label[label][col] == ""
