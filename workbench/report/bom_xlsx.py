"""The bill of materials as an .xlsx workbook: a summary sheet and a detail sheet with formulas for every total."""

from __future__ import annotations

import io
from pathlib import Path

import xlsxwriter
from xlsxwriter.utility import xl_rowcol_to_cell

from workbench.io.atomic import write_atomic
from workbench.model.blocktype import Catalog
from workbench.model.design import Design
from workbench.report.bom import Bom, build_bom
from workbench.report.formatting import Formatter
from workbench.report.i18n import load_language
from workbench.report.options import ReportOptions

DETAIL_COLUMNS = ("category", "item", "model", "qty", "unit_price", "extended", "price_date", "price_basis",
                  "list_price", "list_currency")


def detail_headers(lang_code: str, currency: str) -> list[str]:
    lang = load_language(lang_code)
    return [lang.t(f"xcol.{c}", cur=currency) for c in DETAIL_COLUMNS]


def write_bom_xlsx(design: Design, catalog: Catalog, out_path: str | Path, options: ReportOptions) -> None:
    """Write the workbook to out_path atomically; raises ValueError for unusable options."""
    problems = options.problems()
    if problems:
        raise ValueError("; ".join(problems))
    bom = build_bom(design, catalog, options)
    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True})
    _fill(wb, bom, design, options)
    wb.close()
    write_atomic(Path(out_path), buf.getvalue(), keep_backup=False)


def _fill(wb: xlsxwriter.Workbook, bom: Bom, design: Design, options: ReportOptions) -> None:
    lang = load_language(options.lang)
    fmt = Formatter(lang, options.units)
    t = lang.t
    cur = bom.currency
    money = f'#,##0.00 "{cur}"'
    f_title = wb.add_format({"bold": True, "font_size": 14, "font_color": "#0b4f71"})
    f_label = wb.add_format({"bold": True, "font_color": "#5b6673"})
    f_head = wb.add_format({"bold": True, "font_color": "#ffffff", "bg_color": "#0b4f71", "border": 1,
                            "text_wrap": True, "valign": "top"})
    f_money = wb.add_format({"num_format": money})
    f_int = wb.add_format({"num_format": "#,##0"})
    f_total = wb.add_format({"bold": True, "bg_color": "#dde7ee", "top": 1})
    f_total_money = wb.add_format({"bold": True, "bg_color": "#dde7ee", "top": 1, "num_format": money})
    f_total_int = wb.add_format({"bold": True, "bg_color": "#dde7ee", "top": 1, "num_format": "#,##0"})
    f_factor = wb.add_format({"num_format": "0.0000"})
    f_num = wb.add_format({"num_format": "#,##0.00"})

    summary = wb.add_worksheet(t("xlsx.summary_sheet"))
    detail = wb.add_worksheet(t("xlsx.detail_sheet"))

    # detail sheet: one row per line, header frozen, autofilter, extended price as a formula
    heads = detail_headers(options.lang, cur)
    for c, h in enumerate(heads):
        detail.write_string(0, c, h, f_head)
    n = len(bom.lines)
    for r, ln in enumerate(bom.lines, start=1):
        detail.write_string(r, 0, t(f"category.{ln.category}"))
        detail.write_string(r, 1, ln.name)
        detail.write_string(r, 2, ln.type_id)
        detail.write_number(r, 3, ln.quantity, f_int)
        detail.write_number(r, 4, ln.unit_price, f_money)
        detail.write_formula(r, 5, f"={xl_rowcol_to_cell(r, 3)}*{xl_rowcol_to_cell(r, 4)}", f_money, ln.extended)
        detail.write_string(r, 6, ln.price_date)
        detail.write_string(r, 7, ln.basis)
        detail.write_number(r, 8, ln.list_price, f_num)
        detail.write_string(r, 9, ln.list_currency)
    total_row = n + 1
    detail.write_string(total_row, 0, t("bom.total", cur=cur), f_total)
    for c in (1, 2, 4, 6, 7, 8, 9):
        detail.write_blank(total_row, c, None, f_total)
    last = max(n, 1)
    detail.write_formula(total_row, 3, f"=SUM(D2:D{last + 1})" if n else "=0", f_total_int, bom.quantity)
    detail.write_formula(total_row, 5, f"=SUM(F2:F{last + 1})" if n else "=0", f_total_money, bom.total)
    detail.freeze_panes(1, 0)
    detail.autofilter(0, 0, max(n, 1), len(heads) - 1)
    for c, width in enumerate((14, 44, 30, 9, 18, 20, 11, 48, 14, 9)):
        detail.set_column(c, c, width)

    # summary sheet: project, pricing basis, subtotals per category as SUMIF formulas over the detail sheet
    site = design.site
    summary.write_string(0, 0, t("bom.title"), f_title)
    info = [
        (t("cover.project"), site.name), (t("cover.customer"), site.customer), (t("cover.revision"), site.revision),
        (t("cover.date"), fmt.date(options.date)), (t("bom.currency"), cur),
    ]
    row = 2
    for label, value in info:
        summary.write_string(row, 0, label, f_label)
        summary.write_string(row, 1, value or "—")
        row += 1
    for label, value in ((t("xlsx.rate", cur=cur), bom.pricing.rate_per_usd),
                         (t("cost.premium"), bom.pricing.premium), (t("bom.price_factor"), bom.pricing.factor)):
        summary.write_string(row, 0, label, f_label)
        summary.write_number(row, 1, value, f_factor)
        row += 1
    row += 1
    head_row = row
    for c, h in enumerate((t("col.category"), t("col.lines"), t("col.qty"), t("col.amount", cur=cur))):
        summary.write_string(row, c, h, f_head)
    row += 1
    first_cat_row = row
    sheet = t("xlsx.detail_sheet").replace("'", "''")
    rng = f"'{sheet}'!$A$2:$A${last + 1}"
    for cat, lines in bom.by_category():
        name = t(f"category.{cat}")
        summary.write_string(row, 0, name)
        summary.write_formula(row, 1, f"=COUNTIF({rng},A{row + 1})", f_int, len(lines))
        summary.write_formula(row, 2, f"=SUMIF({rng},A{row + 1},'{sheet}'!$D$2:$D${last + 1})", f_int,
                              sum(ln.quantity for ln in lines))
        summary.write_formula(row, 3, f"=SUMIF({rng},A{row + 1},'{sheet}'!$F$2:$F${last + 1})", f_money,
                              bom.subtotal(cat))
        row += 1
    summary.write_string(row, 0, t("bom.total", cur=cur), f_total)
    if row > first_cat_row:
        summary.write_formula(row, 1, f"=SUM(B{first_cat_row + 1}:B{row})", f_total_int, len(bom.lines))
        summary.write_formula(row, 2, f"=SUM(C{first_cat_row + 1}:C{row})", f_total_int, bom.quantity)
        summary.write_formula(row, 3, f"=SUM(D{first_cat_row + 1}:D{row})", f_total_money, bom.total)
    else:
        for c in (1, 2, 3):
            summary.write_number(row, c, 0, f_total_money if c == 3 else f_total_int)
    row += 2
    first, last_date = bom.price_dates()
    for note in (t("bom.note_prices", dates=first if first == last_date else f"{first} – {last_date}"),
                 t("bom.note_fx", rate=fmt.num(bom.pricing.rate_per_usd, 4), cur=cur, source=bom.pricing.fx_source),
                 t("bom.note_validity", days=fmt.num(options.validity_days))):
        summary.write_string(row, 0, note)
        row += 1
    summary.set_column(0, 0, 34)
    summary.set_column(1, 3, 20)
    summary.freeze_panes(head_row + 1, 0)
