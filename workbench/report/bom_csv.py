"""The bill of materials as CSV (UTF-8 with BOM so spreadsheet programs read Chinese names): one row per line plus totals.

Each allowance row states its basis ("8 % of power equipment", rate × quantity, "fixed amount") in the price basis
column, worded as the PDF and the xlsx word it (report/price_text.py).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from workbench.io.atomic import write_atomic
from workbench.model.blocktype import Catalog
from workbench.model.design import Design
from workbench.report.bom import build_bom
from workbench.report.bom_xlsx import detail_columns, detail_headers, line_basis
from workbench.report.formatting import Formatter
from workbench.report.price_text import allowance_basis
from workbench.text.language import load_language
from workbench.report.options import ReportOptions


def write_bom_csv(design: Design, catalog: Catalog, out_path: str | Path, options: ReportOptions) -> None:
    """Write the CSV to out_path atomically; numbers are plain (dot decimal, no grouping) for machines.

    A customer CSV has selling prices only; an internal one adds base price, unit cost, margin and the
    catalog's own price and currency (the columns of the xlsx Detail sheet for the same audience).
    """
    problems = options.problems()
    if problems:
        raise ValueError("; ".join(problems))
    bom = build_bom(design, catalog, options)
    lang = load_language(options.lang)
    fmt = Formatter(lang, options.units)
    cols = detail_columns(options.audience)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(detail_headers(options.lang, bom.currency, options.audience))
    for ln in bom.lines:
        values = {"category": lang.t(f"category.{ln.category}"), "item": ln.name, "model": ln.type_id,
                  "qty": ln.quantity, "unit": lang.t(f"unit.{ln.unit}"), "base_usd": f"{ln.usd:.2f}", "unit_cost": str(ln.unit_cost),
                  "unit_price": str(ln.unit_price), "extended": str(ln.extended),
                  "margin": str(ln.extended - ln.extended_cost), "price_date": ln.price_date,
                  "price_basis": line_basis(lang, ln.basis), "list_price": f"{ln.list_price:.2f}",
                  "list_currency": ln.list_currency}
        w.writerow([values[c] for c in cols])

    def total_row(label: str, amount: object, basis: str = "") -> list[object]:
        row: list[object] = [""] * len(cols)
        row[0] = label
        row[cols.index("extended")] = str(amount)
        row[cols.index("price_basis")] = basis
        return row

    # The equipment total counts pieces; run lines give metres, a different unit, so they stay out of the count.
    w.writerow(total_row(lang.t("bom.equipment_total", cur=bom.currency), bom.total)[:3]
               + [bom.pieces, lang.t("unit.pcs")] + total_row("", bom.total)[5:])
    for a in bom.allowances:
        w.writerow(total_row(lang.t(f"allowance.{a.key}"), a.amount, allowance_basis(a, bom, fmt, lang.t)))
    w.writerow(total_row(lang.t("bom.project_total", cur=bom.currency), bom.project_total))
    write_atomic(Path(out_path), ("\ufeff" + buf.getvalue()).encode("utf-8"), keep_backup=False)
