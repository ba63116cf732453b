"""The bill of materials as an .xlsx workbook: a summary sheet and a detail sheet whose totals are formulas.

A customer workbook holds selling prices only; the rate and price factor are stated, not offered as inputs.
An internal workbook keeps the rate, premium and factor as input cells on the Summary sheet, and every unit
cost, unit price, extended price and margin on the Detail sheet is a formula of them. In both, an allowance
sized as a share or a rate is a formula of the subtotal or quantity cells it is sized from
(report/bom_xlsx_allowances.py); a fixed amount is a value.
"""

from __future__ import annotations

import io
from pathlib import Path

import xlsxwriter
from xlsxwriter.utility import xl_rowcol_to_cell

from workbench.io.atomic import write_atomic
from workbench.model.blocktype import Catalog
from workbench.model.design import Design
from workbench.calc.allowances import SIZED_FROM
from workbench.report.bom import Bom, build_bom, pieces_and_metres
from workbench.report.bom_xlsx_allowances import AllowanceCells, allowance_formula
from workbench.report.formatting import Formatter
from workbench.text.language import Language, load_language
from workbench.report.options import ReportOptions
from workbench.report.price_text import allowance_basis, allowance_source, basis_phrases, price_basis_notes

CUSTOMER_COLUMNS = ("category", "item", "model", "qty", "unit", "unit_price", "extended", "price_date", "price_basis")
INTERNAL_COLUMNS = ("category", "item", "model", "qty", "unit", "base_usd", "unit_cost", "unit_price", "extended",
                    "margin", "price_date", "price_basis", "list_price", "list_currency")


def detail_columns(audience: str) -> tuple[str, ...]:
    return INTERNAL_COLUMNS if audience == "internal" else CUSTOMER_COLUMNS


def detail_headers(lang_code: str, currency: str, audience: str = "customer") -> list[str]:
    lang = load_language(lang_code)
    return [lang.t(f"xcol.{c}", cur=currency) for c in detail_columns(audience)]


def line_basis(lang: Language, basis: str) -> str:
    return basis_phrases(basis, lang.tr)


def write_bom_xlsx(design: Design, catalog: Catalog, out_path: str | Path, options: ReportOptions) -> None:
    """Write the workbook to out_path atomically; raises ValueError for unusable options."""
    problems = options.problems()
    if problems:
        raise ValueError("; ".join(problems))
    bom = build_bom(design, catalog, options)
    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True})
    _fill(wb, bom, design, catalog, options)
    wb.close()
    write_atomic(Path(out_path), buf.getvalue(), keep_backup=False)


def _fill(wb: xlsxwriter.Workbook, bom: Bom, design: Design, catalog: Catalog, options: ReportOptions) -> None:
    lang = load_language(options.lang)
    fmt = Formatter(lang, options.units)
    t = lang.t
    cur = bom.currency
    p = bom.pricing
    dg = p.digits
    internal = p.internal
    zeros = "0" * dg
    money = f'#,##0{"." + zeros if dg else ""} "{cur}"'
    f_title = wb.add_format({"bold": True, "font_size": 14, "font_color": "#0b4f71"})
    f_label = wb.add_format({"bold": True, "font_color": "#5b6673"})
    f_input = wb.add_format({"num_format": "0.0000", "bg_color": "#fff4cc", "border": 1})
    f_head = wb.add_format({"bold": True, "font_color": "#ffffff", "bg_color": "#0b4f71", "border": 1,
                            "text_wrap": True, "valign": "top"})
    f_money = wb.add_format({"num_format": money})
    f_int = wb.add_format({"num_format": "#,##0"})
    f_total = wb.add_format({"bold": True, "bg_color": "#dde7ee", "top": 1})
    f_total_money = wb.add_format({"bold": True, "bg_color": "#dde7ee", "top": 1, "num_format": money})
    f_total_int = wb.add_format({"bold": True, "bg_color": "#dde7ee", "top": 1, "num_format": "#,##0"})
    f_num = wb.add_format({"num_format": "#,##0.00"})
    f_wrap = wb.add_format({"text_wrap": True, "valign": "top"})
    f_area = wb.add_format({"num_format": '#,##0.00 "m²"', "align": "left"})

    summary = wb.add_worksheet(t("xlsx.summary_sheet"))
    detail = wb.add_worksheet(t("xlsx.detail_sheet"))
    ssheet = t("xlsx.summary_sheet").replace("'", "''")

    # --- summary header and (internal only) the input cells that drive the detail formulas -------------
    site = design.site
    summary.write_string(0, 0, t("bom.title_internal") if internal else t("bom.title"), f_title)
    info = [
        (t("cover.project"), site.name), (t("cover.customer"), site.customer), (t("cover.revision"), site.revision),
        (t("cover.date"), fmt.date(options.date)), (t("bom.currency"), cur),
    ]
    row = 2
    for label, value in info:
        summary.write_string(row, 0, label, f_label)
        summary.write_string(row, 1, value or "—")
        row += 1
    # A rate per m² of white space needs the area in a cell its formula can read (m², the rate's unit).
    white_space_cell = None
    per_m2 = next((a for a in bom.allowances if not a.fixed and SIZED_FROM[a.key][1] == "white_space_m2"), None)
    if per_m2 is not None:
        summary.write_string(row, 0, t("space.white_space"), f_label)
        summary.write_number(row, 1, per_m2.base_amount, f_area)
        white_space_cell = xl_rowcol_to_cell(row, 1, row_abs=True, col_abs=True)
        row += 1
    inputs: dict[str, str] = {}
    if internal:
        for key, label, value in (("rate", t("xlsx.rate", cur=cur), p.rate_per_usd),
                                  ("premium", t("cost.premium"), p.premium),
                                  ("factor", t("bom.price_factor"), p.factor)):
            summary.write_string(row, 0, label, f_label)
            summary.write_number(row, 1, value, f_input)
            inputs[key] = f"'{ssheet}'!{xl_rowcol_to_cell(row, 1, row_abs=True, col_abs=True)}"
            row += 1
        summary.write_string(row, 0, t("xlsx.inputs_note"))
        row += 1

    # --- detail sheet: one row per line, header frozen, autofilter ------------------------------------
    cols = detail_columns(p.audience)
    c_of = {name: i for i, name in enumerate(cols)}
    for c, name in enumerate(cols):
        detail.write_string(0, c, t(f"xcol.{name}", cur=cur), f_head)
    n = len(bom.lines)
    for r, ln in enumerate(bom.lines, start=1):
        cell = {name: xl_rowcol_to_cell(r, c) for name, c in c_of.items()}
        detail.write_string(r, c_of["category"], t(f"category.{ln.category}"))
        detail.write_string(r, c_of["item"], ln.name)
        detail.write_string(r, c_of["model"], ln.type_id)
        detail.write_number(r, c_of["qty"], ln.quantity, f_int)
        detail.write_string(r, c_of["unit"], t(f"unit.{ln.unit}"))
        if internal:
            detail.write_number(r, c_of["base_usd"], ln.usd, f_num)
            detail.write_formula(r, c_of["unit_cost"],
                                 f"=ROUND({cell['base_usd']}*{inputs['rate']}*(1+{inputs['premium']}),{dg})",
                                 f_money, float(ln.unit_cost))
            detail.write_formula(r, c_of["unit_price"], f"=ROUND({cell['unit_cost']}*{inputs['factor']},{dg})",
                                 f_money, float(ln.unit_price))
            detail.write_formula(r, c_of["margin"], f"={cell['extended']}-{cell['qty']}*{cell['unit_cost']}",
                                 f_money, float(ln.extended - ln.extended_cost))
            detail.write_number(r, c_of["list_price"], ln.list_price, f_num)
            detail.write_string(r, c_of["list_currency"], ln.list_currency)
        else:
            detail.write_number(r, c_of["unit_price"], float(ln.unit_price), f_money)
        detail.write_formula(r, c_of["extended"], f"={cell['qty']}*{cell['unit_price']}", f_money,
                             float(ln.extended))
        detail.write_string(r, c_of["price_date"], ln.price_date)
        detail.write_string(r, c_of["price_basis"], line_basis(lang, ln.basis))
    total_row = n + 1
    detail.write_string(total_row, 0, t("bom.equipment_total", cur=cur), f_total)
    for c in range(1, len(cols)):
        detail.write_blank(total_row, c, None, f_total)
    last = max(n, 1)

    def col_sum(name: str, value: float, fmt_: object) -> None:
        letter = xl_rowcol_to_cell(0, c_of[name])[:-1]
        detail.write_formula(total_row, c_of[name], f"=SUM({letter}2:{letter}{last + 1})" if n else "=0", fmt_, value)

    # Pieces only: metres of run are a different quantity (each run line says its unit).
    qty_range, unit_range = (f"{xl_rowcol_to_cell(0, c_of[c])[:-1]}2:{xl_rowcol_to_cell(0, c_of[c])[:-1]}{last + 1}"
                             for c in ("qty", "unit"))
    detail.write_formula(total_row, c_of["qty"], f'=SUMIF({unit_range},"{t("unit.pcs")}",{qty_range})' if n else "=0",
                         f_total_int, bom.pieces)
    detail.write_string(total_row, c_of["unit"], t("unit.pcs"), f_total)
    col_sum("extended", float(bom.total), f_total_money)
    if internal:
        col_sum("margin", float(bom.total - bom.total_cost), f_total_money)
    detail.freeze_panes(1, 0)
    detail.autofilter(0, 0, max(n, 1), len(cols) - 1)
    widths = {"category": 14, "item": 44, "model": 30, "qty": 9, "unit": 7, "base_usd": 14, "unit_cost": 18, "unit_price": 18,
              "extended": 20, "margin": 18, "price_date": 11, "price_basis": 40, "list_price": 14, "list_currency": 9}
    for name, c in c_of.items():
        detail.set_column(c, c, widths[name])

    # --- summary: subtotals per category as SUMIF formulas over the detail sheet ----------------------
    row += 1
    head_row = row
    for c, h in enumerate((t("col.category"), t("col.lines"), t("col.pieces"), t("col.amount", cur=cur))):
        summary.write_string(row, c, h, f_head)
    row += 1
    first_cat_row = row
    subtotal_cells: dict[str, str] = {}
    sheet = t("xlsx.detail_sheet").replace("'", "''")
    rng = f"'{sheet}'!$A$2:$A${last + 1}"
    qcol = xl_rowcol_to_cell(0, c_of["qty"], col_abs=True)[:-1]
    ucol = xl_rowcol_to_cell(0, c_of["unit"], col_abs=True)[:-1]
    ecol = xl_rowcol_to_cell(0, c_of["extended"], col_abs=True)[:-1]
    for cat, lines in bom.by_category():
        name = t(f"category.{cat}")
        summary.write_string(row, 0, name)
        summary.write_formula(row, 1, f"=COUNTIF({rng},A{row + 1})", f_int, len(lines))
        summary.write_formula(row, 2, f"=SUMIFS('{sheet}'!{qcol}$2:{qcol}${last + 1},{rng},A{row + 1},"
                                      f"'{sheet}'!{ucol}$2:{ucol}${last + 1},\"{t('unit.pcs')}\")", f_int,
                              pieces_and_metres(lines)[0])
        summary.write_formula(row, 3, f"=SUMIF({rng},A{row + 1},'{sheet}'!{ecol}$2:{ecol}${last + 1})", f_money,
                              float(bom.subtotal(cat)))
        subtotal_cells[cat] = f"D{row + 1}"
        row += 1
    equipment_row = row
    summary.write_string(row, 0, t("bom.equipment_total", cur=cur), f_total)
    if row > first_cat_row:
        summary.write_formula(row, 1, f"=SUM(B{first_cat_row + 1}:B{row})", f_total_int, len(bom.lines))
        summary.write_formula(row, 2, f"=SUM(C{first_cat_row + 1}:C{row})", f_total_int, bom.pieces)
        summary.write_formula(row, 3, f"=SUM(D{first_cat_row + 1}:D{row})", f_total_money, float(bom.total))
    else:
        for c in (1, 2, 3):
            summary.write_number(row, c, 0, f_total_money if c == 3 else f_total_int)
    row += 2
    # --- allowances apart from equipment, then the total project CAPEX ---------------------------------
    first_allowance = row
    if bom.allowances:
        summary.write_string(row, 0, t("col.allowance"), f_head)
        summary.write_string(row, 1, t("col.allowance_basis"), f_head)
        summary.write_string(row, 2, t("col.source") if internal else "", f_head)
        summary.write_string(row, 3, t("col.amount", cur=cur), f_head)
        row += 1
        first_allowance = row
        cells = AllowanceCells(
            subtotal=subtotal_cells,
            extended=[f"'{sheet}'!{xl_rowcol_to_cell(r, c_of['extended'])}" for r in range(1, n + 1)],
            quantity=[f"'{sheet}'!{xl_rowcol_to_cell(r, c_of['qty'])}" for r in range(1, n + 1)],
            white_space=white_space_cell)
        for a in bom.allowances:
            summary.write_string(row, 0, t(f"allowance.{a.key}"))
            summary.write_string(row, 1, allowance_basis(a, bom, fmt, t))
            if internal:
                summary.write_string(row, 2, allowance_source(a, t), f_wrap)
            formula = allowance_formula(a, bom, cells, catalog)
            if formula is None:  # a fixed amount (or a base the sheet does not hold): the value
                summary.write_number(row, 3, float(a.amount), f_money)
            else:
                summary.write_formula(row, 3, formula, f_money, float(a.amount))
            row += 1
        summary.write_string(row, 0, t("bom.allowances_total"), f_total)
        summary.write_formula(row, 3, f"=SUM(D{first_allowance + 1}:D{row})", f_total_money,
                              float(bom.allowances_total))
        row += 1
    summary.write_string(row, 0, t("bom.project_total", cur=cur), f_total)
    allowance_sum = f"+SUM(D{first_allowance + 1}:D{row - 1})" if bom.allowances else ""
    summary.write_formula(row, 3, f"=D{equipment_row + 1}{allowance_sum}", f_total_money, float(bom.project_total))
    row += 2
    for note in price_basis_notes(bom, fmt, t, design.proposal.validity_days or options.validity_days):
        summary.write_string(row, 0, note)
        row += 1
    summary.set_column(0, 0, 40)
    summary.set_column(1, 1, 34)
    summary.set_column(2, 2, 40 if internal else 14)
    summary.set_column(3, 3, 22)
    summary.freeze_panes(head_row + 1, 0)
