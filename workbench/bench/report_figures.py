"""Design report and BOM PDF times, against plain reportlab drawing as many rectangles and rows."""

from __future__ import annotations

import tempfile
from pathlib import Path

from workbench.bench.measure import Figure, median_time
from workbench.model.blocktype import Catalog
from workbench.model.design import Design


def _plain_plan_pdf(design: Design, path: Path) -> None:
    """Baseline: one page per hall with every footprint as a rectangle, then a one-row-per-block table."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen.canvas import Canvas

    width, height = landscape(A4)
    c = Canvas(str(path), pagesize=(width, height))
    blocks = list(design.blocks.values())
    for hall in design.halls:
        xs = [p[0] for p in hall.outline] or [0.0]
        ys = [p[1] for p in hall.outline] or [0.0]
        scale = min((width - 60) / max(max(xs) - min(xs), 1.0), (height - 60) / max(max(ys) - min(ys), 1.0))
        for b in blocks:
            if b.hall_id == hall.id:
                c.rect(30 + (b.x_mm - 300 - min(xs)) * scale, 30 + (b.y_mm - 600 - min(ys)) * scale,
                       600 * scale, 1200 * scale)
        c.showPage()
    _plain_rows(c, blocks, height)
    c.save()


def _plain_rows(c: object, blocks: list[object], height: float) -> None:
    y = height - 40
    for b in blocks:
        c.drawString(30, y, f"{b.name}  {b.type_id}  {b.x_mm:.0f}  {b.y_mm:.0f}")  # type: ignore[attr-defined]
        y -= 12
        if y < 30:
            c.showPage()  # type: ignore[attr-defined]
            y = height - 40


def _plain_table_pdf(design: Design, path: Path) -> None:
    """Baseline for the BOM: one table row per block type line, drawn as plain text rows."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    c = Canvas(str(path), pagesize=A4)
    types = sorted({b.type_id for b in design.blocks.values()})
    _plain_rows(c, [_Row(t) for t in types], A4[1])
    c.save()


class _Row:
    def __init__(self, type_id: str) -> None:
        self.name, self.type_id, self.x_mm, self.y_mm = type_id, type_id, 1.0, 1.0


def report_figures(design: Design, catalog: Catalog, runs: int) -> list[Figure]:
    n = len(design.blocks)
    try:
        from workbench.report.bom_pdf import build_bom_pdf
        from workbench.report.design_report import build_design_report
        from workbench.report.options import ReportOptions
    except ImportError as exc:
        note = f"report helper not importable: {exc}"
        return [Figure("report_pdf", n, None, 0, note=note), Figure("bom_pdf", n, None, 0, note=note)]
    out = []
    with tempfile.TemporaryDirectory(prefix="wb-bench-") as tmp:
        folder = Path(tmp)
        options = ReportOptions()
        for name, build, plain in (("report_pdf", build_design_report, _plain_plan_pdf),
                                   ("bom_pdf", build_bom_pdf, _plain_table_pdf)):
            target = folder / f"{name}.pdf"
            try:
                t = median_time(lambda: build(design, catalog, target, options), runs)
            except Exception as exc:  # noqa: BLE001 - a failing helper is reported, the bench goes on
                out.append(Figure(name, n, None, 0, note=f"failed: {type(exc).__name__}: {exc}"))
                continue
            base = median_time(lambda: plain(design, folder / f"{name}-plain.pdf"), runs)
            out.append(Figure(name, n, t, runs, base))
    return out
