"""The bill of materials as a PDF: lines grouped by category with subtotals, total, currency, price dates and validity."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from workbench.calc.results import Results
from workbench.model.blocktype import Catalog
from workbench.model.design import Design
from workbench.report.context import Ctx, build_context
from workbench.report.options import ReportOptions
from workbench.report.pdfdoc import Decoration, ReportDoc, build_atomic
from workbench.report.fonts import mixed_width
from workbench.report.bom import pieces_and_metres
from workbench.report.price_text import (
    allowance_basis,
    allowance_source,
    allowances_intro,
    line_quantity,
    price_basis_notes,
    quantity_text,
)
from workbench.report.styles import data_table, kv_table


def build_bom_pdf(design: Design, catalog: Catalog, out_path: str | Path, options: ReportOptions,
                  progress: Callable[[float, str], None] | None = None, results: Results | None = None) -> None:
    """Write the BOM PDF to out_path (atomically); raises ValueError for unusable options."""
    step = progress or (lambda f, s: None)
    step(0.05, "calculate")
    ctx = build_context(design, catalog, options, results)
    story = bom_story(ctx)
    site = design.site
    title = site.name or ctx.t("report.untitled")
    header = (title, ctx.t("header.revision", rev=site.revision or "—"))
    footer = " · ".join(x for x in (site.customer, ctx.t("bom.title")) if x)
    decoration = Decoration(header, footer, lambda n, tot: ctx.t("footer.page", n=n, total=tot), skip_first=False)

    def build(tmp: str) -> None:
        doc = ReportDoc(tmp, title=f"{title} — {ctx.t('bom.title')}", author=site.prepared_by,
                        subject=ctx.t("bom.title"), decoration=decoration)
        doc.multiBuild(list(story))

    step(0.4, "render")
    build_atomic(Path(out_path), build)
    step(1.0, "done")


def bom_story(ctx: Ctx) -> list[Flowable]:
    fmt, t, s, bom, p = ctx.fmt, ctx.t, ctx.styles, ctx.bom, ctx.pricing
    site = ctx.design.site
    cur = bom.currency
    title = t("bom.title_internal") if p.internal else t("bom.title")
    out: list[Flowable] = [s.p(title, s.h1), s.p(site.name or t("report.untitled"), s.subtitle)]
    out.append(kv_table(s, [
        (t("cover.customer"), site.customer or "—"),
        (t("cover.site"), site.location or "—"),
        (t("cover.revision"), site.revision or "—"),
        (t("cover.date"), fmt.date(ctx.options.date)),
        (t("bom.currency"), cur),
    ], [45 * mm, 129 * mm]))
    out.append(Spacer(1, 6 * mm))
    out += equipment_table(ctx)
    out += allowance_table(ctx)
    # The closing figures and the price basis stay together (they were left alone on a last page).
    first_lines = [s.p(t("bom.project_total_line", total=fmt.money(float(bom.project_total), cur, p.digits)), s.h2),
                   s.p(t("bom.notes_title"), s.h3)]
    notes = [s.p("• " + n, s.body) for n in price_basis_notes(bom, fmt, t, ctx.validity_days())]
    out.append(KeepTogether(first_lines + notes[:2]))
    out += notes[2:]
    return out


def equipment_table(ctx: Ctx) -> list[Flowable]:
    """Equipment lines by category with subtotals and the equipment total; internal adds cost and margin."""
    fmt, t, s, bom, p = ctx.fmt, ctx.t, ctx.styles, ctx.bom, ctx.pricing
    cur, dg = bom.currency, p.digits
    internal = p.internal
    rows: list[list[str]] = []
    groups: list[int] = []
    totals: list[int] = []
    blank = [""] * (7 if internal else 5)
    for cat, lines in bom.by_category():
        groups.append(len(rows))
        rows.append([t(f"category.{cat}")] + blank[1:])
        for ln in lines:
            name = ln.name + (f" ({t('bom.override')})" if ln.overridden else "")
            row = [name, ln.type_id, line_quantity(fmt, t, ln)]
            if internal:
                row += [fmt.num(float(ln.unit_cost), dg), fmt.num(float(ln.unit_price), dg),
                        fmt.num(float(ln.extended), dg), fmt.num(float(ln.extended - ln.extended_cost), dg)]
            else:
                row += [fmt.num(float(ln.unit_price), dg), fmt.num(float(ln.extended), dg)]
            rows.append(row)
        totals.append(len(rows))
        sub = [t("bom.subtotal", category=t(f"category.{cat}")), "", quantity_text(fmt, t, *pieces_and_metres(lines))]
        if internal:
            sub += ["", "", fmt.num(float(bom.subtotal(cat)), dg),
                    fmt.num(float(bom.subtotal(cat) - bom.cost_subtotal(cat)), dg)]
        else:
            sub += ["", fmt.num(float(bom.subtotal(cat)), dg)]
        rows.append(sub)
    grand = [t("bom.equipment_total", cur=cur), "", quantity_text(fmt, t, bom.pieces, bom.metres)]
    grand += (["", "", fmt.num(float(bom.total), dg), fmt.num(float(bom.total - bom.total_cost), dg)] if internal
              else ["", fmt.num(float(bom.total), dg)])
    rows.append(grand)
    if not bom.lines:
        return [s.p(t("equipment.empty"), s.note)]
    if internal:
        head = [t("col.item"), t("col.model"), t("col.qty"), t("col.unit_cost", cur=cur),
                t("col.unit_price", cur=cur), t("col.extended", cur=cur), t("col.margin", cur=cur)]
        align = "LLRRRRR"
    else:
        head = [t("col.item"), t("col.model"), t("col.qty"), t("col.unit_price", cur=cur), t("col.extended", cur=cur)]
        align = "LLRRR"
    return [data_table(s, head, rows, _widths(rows, align), align, group_rows=groups, bold_rows=totals,
                       total_rows=[len(rows) - 1])]


def _widths(rows: list[list[str]], align: str, total: float = 174 * mm) -> list[float]:
    """Number columns as wide as their widest figure (a figure never wraps); the rest split item 60 : model 40."""
    pad = 9.0
    widths = [0.0] * len(align)
    for c, a in enumerate(align):
        if a == "R":
            widths[c] = max([mixed_width(r[c], 7.8, bold=True) for r in rows if c < len(r)] + [8 * mm - pad]) + pad
    rest = max(total - sum(widths), 60 * mm)
    widths[0], widths[1] = rest * 0.6, rest * 0.4
    return widths


def allowance_table(ctx: Ctx) -> list[Flowable]:
    """Allowances apart from the equipment, then the total project CAPEX."""
    fmt, t, s, bom, p = ctx.fmt, ctx.t, ctx.styles, ctx.bom, ctx.pricing
    if not bom.allowances:
        return []
    cur, dg = bom.currency, p.digits
    rows: list[list[str]] = []
    for a in bom.allowances:
        row = [t(f"allowance.{a.key}"), allowance_basis(a, bom, fmt, t)]
        if p.internal:
            row.append(allowance_source(a, t))
        rows.append(row + [fmt.num(float(a.amount), dg)])
    tail = [""] * (2 if p.internal else 1)
    rows.append([t("bom.allowances_total")] + tail + [fmt.num(float(bom.allowances_total), dg)])
    rows.append([t("bom.equipment_total", cur=cur)] + tail + [fmt.num(float(bom.total), dg)])
    rows.append([t("bom.project_total", cur=cur)] + tail + [fmt.num(float(bom.project_total), dg)])
    if p.internal:
        head = [t("col.allowance"), t("col.allowance_basis"), t("col.source"), t("col.amount", cur=cur)]
        widths = [40 * mm, 40 * mm, 64 * mm, 30 * mm]
        align = "LLLR"
    else:
        head = [t("col.allowance"), t("col.allowance_basis"), t("col.amount", cur=cur)]
        widths = [66 * mm, 78 * mm, 30 * mm]
        align = "LLR"
    n = len(rows)
    return [Spacer(1, 5 * mm), s.p(t("bom.allowances_title"), s.h3), s.p(allowances_intro(bom, t), s.note),
            data_table(s, head, rows, widths, align, bold_rows=[n - 3, n - 2], total_rows=[n - 1])]
