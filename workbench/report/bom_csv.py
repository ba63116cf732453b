"""The bill of materials as CSV (UTF-8 with BOM so spreadsheet programs read Chinese names): one row per line plus a total."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from workbench.io.atomic import write_atomic
from workbench.model.blocktype import Catalog
from workbench.model.design import Design
from workbench.report.bom import build_bom
from workbench.report.bom_xlsx import detail_headers
from workbench.report.i18n import load_language
from workbench.report.options import ReportOptions


def write_bom_csv(design: Design, catalog: Catalog, out_path: str | Path, options: ReportOptions) -> None:
    """Write the CSV to out_path atomically; numbers are plain (dot decimal, no grouping) for machines."""
    problems = options.problems()
    if problems:
        raise ValueError("; ".join(problems))
    bom = build_bom(design, catalog, options)
    lang = load_language(options.lang)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(detail_headers(options.lang, bom.currency))
    for ln in bom.lines:
        w.writerow([lang.t(f"category.{ln.category}"), ln.name, ln.type_id, ln.quantity, f"{ln.unit_price:.2f}",
                    f"{ln.extended:.2f}", ln.price_date, ln.basis, f"{ln.list_price:.2f}", ln.list_currency])
    w.writerow([lang.t("bom.total", cur=bom.currency), "", "", bom.quantity, "", f"{bom.total:.2f}", "", "", "", ""])
    write_atomic(Path(out_path), ("\ufeff" + buf.getvalue()).encode("utf-8"), keep_backup=False)
