"""The bill of materials as a PDF: lines grouped by category with subtotals, total, currency, price dates and validity."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from workbench.model.blocktype import Catalog
from workbench.model.design import Design
from workbench.report.context import Ctx, build_context
from workbench.report.options import ReportOptions
from workbench.report.pdfdoc import Decoration, ReportDoc, build_atomic
from workbench.report.styles import data_table, kv_table


def build_bom_pdf(design: Design, catalog: Catalog, out_path: str | Path, options: ReportOptions,
                  progress: Callable[[float, str], None] | None = None) -> None:
    """Write the BOM PDF to out_path (atomically); raises ValueError for unusable options."""
    step = progress or (lambda f, s: None)
    step(0.05, "calculate")
    ctx = build_context(design, catalog, options, with_factor=True)
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
    out: list[Flowable] = [s.p(t("bom.title"), s.h1), s.p(site.name or t("report.untitled"), s.subtitle)]
    out.append(kv_table(s, [
        (t("cover.customer"), site.customer or "—"),
        (t("cover.site"), site.location or "—"),
        (t("cover.revision"), site.revision or "—"),
        (t("cover.date"), fmt.date(ctx.options.date)),
        (t("bom.currency"), cur),
        (t("cost.rate"), t("cost.rate_value", rate=fmt.num(p.rate_per_usd, 4), cur=cur)),
        (t("bom.price_factor"), fmt.num(p.factor, 3)),
    ], [45 * mm, 129 * mm]))
    out.append(Spacer(1, 6 * mm))
    rows: list[list[str]] = []
    groups: list[int] = []
    totals: list[int] = []
    for cat, lines in bom.by_category():
        groups.append(len(rows))
        rows.append([t(f"category.{cat}"), "", "", "", ""])
        for ln in lines:
            name = ln.name + (f" ({t('bom.override')})" if ln.overridden else "")
            rows.append([name, ln.type_id, fmt.num(ln.quantity), fmt.num(ln.unit_price, 2), fmt.num(ln.extended, 2)])
        totals.append(len(rows))
        rows.append([t("bom.subtotal", category=t(f"category.{cat}")), "", fmt.num(sum(ln.quantity for ln in lines)),
                     "", fmt.num(bom.subtotal(cat), 2)])
    rows.append([t("bom.total", cur=cur), "", fmt.num(bom.quantity), "", fmt.num(bom.total, 2)])
    grand = len(rows) - 1
    if bom.lines:
        table = data_table(s, [t("col.item"), t("col.model"), t("col.qty"), t("col.unit_price", cur=cur),
                               t("col.extended", cur=cur)], rows, [62 * mm, 40 * mm, 14 * mm, 28 * mm, 30 * mm],
                           "LLRRR", group_rows=groups, bold_rows=totals, total_rows=[grand])
        out.append(table)
    else:
        out.append(s.p(t("equipment.empty"), s.note))
    out.append(Spacer(1, 5 * mm))
    out.append(s.p(t("bom.total_line", total=fmt.money(bom.total, cur)), s.h2))
    first, last = bom.price_dates()
    out.append(s.p(t("bom.notes_title"), s.h3))
    notes = [
        t("bom.note_prices", dates=first if first == last else f"{first} – {last}"),
        t("bom.note_fx", rate=fmt.num(p.rate_per_usd, 4), cur=cur, source=p.fx_source or "—"),
        t("bom.note_factor", premium=fmt.pct(p.premium, 1), factor=fmt.num(p.factor, 3)),
        t("bom.note_validity", days=fmt.num(ctx.options.validity_days)),
    ]
    if bom.unknown_blocks:
        notes.append(t("bom.note_unknown", n=fmt.num(bom.unknown_blocks)))
    for n in notes:
        out.append(s.p("• " + n, s.body))
    return out
