"""One workbook for all options: a BOM sheet per scenario and a comparison sheet, totals as formulas."""

from __future__ import annotations

import io
from pathlib import Path

import xlsxwriter
from xlsxwriter.utility import xl_rowcol_to_cell

from workbench.calc.money import BASE_CURRENCY, convert
from workbench.io.atomic import write_atomic
from workbench.model.blocktype import Catalog
from workbench.model.design import Design
from workbench.report.bom import build_bom, resolve_pricing
from workbench.text.language import load_language
from workbench.report.options import ReportOptions
from workbench.scenarios.compare import MONEY, compare

SHEET_NAME_MAX = 31  # Excel's limit
ROWS = ("it_load_kw", "pue", "capex_total", "opex_per_year", "tco", "npv_cost", "cost_per_kw_month",
        "energy_mwh_per_year", "water_m3_per_year", "co2_t_per_year", "racks")


def _sheet_name(name: str, taken: set[str]) -> str:
    """A name Excel accepts ([]:*?/\\ removed, at most 31 characters) and unique in the workbook."""
    clean = "".join("_" if ch in "[]:*?/\\" else ch for ch in name).strip("'") or "Option"
    candidate, n = clean[:SHEET_NAME_MAX], 2
    while candidate.casefold() in taken:
        suffix = f" ({n})"
        candidate, n = clean[: SHEET_NAME_MAX - len(suffix)] + suffix, n + 1
    taken.add(candidate.casefold())
    return candidate


def write_options_xlsx(design: Design, catalog: Catalog, out_path: str | Path, options: ReportOptions) -> None:
    """Write the workbook atomically; options.scenarios picks the options (None: base and all scenarios)."""
    problems = options.problems()
    if problems:
        raise ValueError("; ".join(problems))
    pricing = resolve_pricing(design, catalog, options)
    keys = list(options.scenarios) if options.scenarios else ["Base"] + [s.name for s in design.scenarios]
    comparison = compare(design, catalog, keys, capex_factor=pricing.factor)
    lang = load_language(options.lang)
    t = lang.t
    cur = pricing.currency
    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True})
    f_head = wb.add_format({"bold": True, "font_color": "#ffffff", "bg_color": "#0b4f71", "border": 1, "text_wrap": True})
    f_money = wb.add_format({"num_format": f'#,##0 "{cur}"'})
    f_int = wb.add_format({"num_format": "#,##0"})
    f_num = wb.add_format({"num_format": "#,##0.000"})
    f_total = wb.add_format({"bold": True, "bg_color": "#dde7ee", "top": 1, "num_format": f'#,##0 "{cur}"'})
    f_best = wb.add_format({"bold": True, "bg_color": "#d4edda"})
    taken: set[str] = set()
    compare_sheet = wb.add_worksheet(_sheet_name(t("options.title"), taken))
    totals: list[tuple[str, float]] = []
    for option in comparison.options:
        label = t("options.base") if option.name == "Base" else option.name
        sheet = wb.add_worksheet(_sheet_name(label, taken))
        bom = build_bom(option.design, catalog, options)
        for c, head in enumerate((t("xcol.category"), t("xcol.item"), t("xcol.model"), t("xcol.qty"),
                                  t("xcol.unit_price", cur=cur), t("xcol.extended", cur=cur))):
            sheet.write_string(0, c, head, f_head)
        for r, ln in enumerate(bom.lines, start=1):
            sheet.write_string(r, 0, t(f"category.{ln.category}"))
            sheet.write_string(r, 1, ln.name)
            sheet.write_string(r, 2, ln.type_id)
            sheet.write_number(r, 3, ln.quantity, f_int)
            sheet.write_number(r, 4, float(ln.unit_price), f_money)
            sheet.write_formula(r, 5, f"={xl_rowcol_to_cell(r, 3)}*{xl_rowcol_to_cell(r, 4)}", f_money,
                                float(ln.extended))
        last = len(bom.lines) + 1
        sheet.write_string(last, 0, t("bom.equipment_total", cur=cur), f_total)
        sheet.write_formula(last, 5, f"=SUM(F2:F{last})" if bom.lines else "=0", f_total, float(bom.total))
        sheet.set_column(0, 0, 14)
        sheet.set_column(1, 1, 44)
        sheet.set_column(2, 2, 28)
        sheet.set_column(3, 5, 18)
        sheet.freeze_panes(1, 0)
        ref = f"='{sheet.get_name().replace(chr(39), chr(39) * 2)}'!{xl_rowcol_to_cell(last, 5)}"
        totals.append((ref, float(bom.total)))
    # --- comparison: the figures, then each option's equipment total straight from its sheet -------------
    ws = compare_sheet
    names = [t("options.base") if o.name == "Base" else o.name for o in comparison.options]
    ws.write_string(0, 0, t("options.option"), f_head)
    for j, name in enumerate(names, start=1):
        ws.write_string(0, j, name, f_head)
    for i, row in enumerate(ROWS, start=1):
        label = t(f"options.row.{row}")
        ws.write_string(i, 0, label + (f" ({cur})" if row.startswith(MONEY) else ""))
        for j, value in enumerate(comparison.values.get(row, ()), start=1):
            if value is None:
                ws.write_string(i, j, "—")
                continue
            shown = convert(value, BASE_CURRENCY, pricing.fx, catalog.fx_rates) if row.startswith(MONEY) else value
            best = (j - 1) in comparison.winners.get(row, ())
            ws.write_number(i, j, shown, f_best if best else (f_money if row.startswith(MONEY) else
                                                               f_num if row == "pue" else f_int))
    row = len(ROWS) + 1
    ws.write_string(row, 0, t("bom.equipment_total", cur=cur), f_head)
    for j, (formula, value) in enumerate(totals, start=1):
        ws.write_formula(row, j, formula, f_total, value)
    ws.set_column(0, 0, 36)
    ws.set_column(1, len(names), 20)
    wb.close()
    write_atomic(Path(out_path), buf.getvalue(), keep_backup=False)
