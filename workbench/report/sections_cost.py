"""Report section on equipment: schedule by type, BOM summary by category, CAPEX and cost per MW."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from workbench.report.charts import bar_chart
from workbench.report.context import Ctx
from workbench.report.bom import pieces_and_metres
from workbench.report.price_text import allowance_basis, price_basis_notes, quantity_text
from workbench.report.styles import cell_with_note, data_table


def _rating(t: Any) -> float:
    if t.rack:
        return t.rack.it_kw
    if t.power:
        return t.power.rating_kw
    if t.cooling:
        return max(t.cooling.air_kw, t.cooling.liquid_kw, t.cooling.heat_rejection_kw)
    return 0.0


def equipment_section(ctx: Ctx, heading: Callable[..., Flowable]) -> list[Flowable]:
    fmt, t, s, bom = ctx.fmt, ctx.t, ctx.styles, ctx.bom
    out: list[Flowable] = [*heading(ctx, t("equipment.title"), 0), s.p(t("equipment.intro"))]
    out += heading(ctx, t("equipment.schedule"), 1)
    rows: list[list[str]] = []
    groups: list[int] = []
    counts: dict[str, int] = {}
    for ln in bom.lines:
        counts[ln.type_id] = counts.get(ln.type_id, 0) + ln.quantity
    for cat in bom.categories:
        groups.append(len(rows))
        rows.append([t(f"category.{cat}"), "", "", "", "", ""])
        for tid in dict.fromkeys(ln.type_id for ln in bom.lines if ln.category == cat):
            bt = ctx.catalog.types.get(tid)
            if bt is None:  # a connection run: metres of one cable/busway class or pipe size (no size, weight)
                name = next(ln.name for ln in bom.lines if ln.type_id == tid)
                rows.append([name, tid, t("qty.metres", n=fmt.num(counts[tid])), "—", "—", "—"])
                continue
            size = (f"{fmt.num(bt.width_mm)} × {fmt.num(bt.depth_mm)} × {fmt.num(bt.height_mm)}"
                    if fmt.units == "si" else
                    f"{fmt.num(bt.width_mm / 25.4)} × {fmt.num(bt.depth_mm / 25.4)} × {fmt.num(bt.height_mm / 25.4)}")
            rating = _rating(bt)
            rows.append([bt.display_name(ctx.options.lang), tid, fmt.num(counts[tid]), size,
                         fmt.num(fmt.value("weight", bt.weight_kg)), fmt.num(rating) if rating else "—"])
    size_unit = "mm" if fmt.units == "si" else "in"
    if rows:
        out.append(data_table(s, [t("col.item"), t("col.model"), t("col.qty"), t("col.size", u=size_unit),
                                  t("col.weight_each", u=fmt.unit("weight")), t("col.rating_kw")], rows,
                              [50 * mm, 40 * mm, 10 * mm, 38 * mm, 18 * mm, 18 * mm], "LLRRRR", group_rows=groups))
    else:
        out.append(s.p(t("equipment.empty"), s.note))
    # BOM summary and CAPEX: the same lines, prices and basis as the BOM exports of these options.
    out += heading(ctx, t("equipment.bom_summary"), 1)
    cur, dg = ctx.currency, ctx.pricing.digits
    project = float(bom.project_total)
    rows = [[t(f"category.{c}"), quantity_text(fmt, t, *pieces_and_metres(lines)),
             fmt.money(float(bom.subtotal(c)), cur, dg), fmt.pct(float(bom.subtotal(c)) / project if project else 0.0)]
            for c, lines in bom.by_category()]
    rows.append([t("bom.equipment_total", cur=cur), quantity_text(fmt, t, bom.pieces, bom.metres),
                 fmt.money(float(bom.total), cur, dg),
                 fmt.pct(float(bom.total) / project if project else 0.0)])
    bold = [len(rows) - 1]
    for a in bom.allowances:
        share = float(a.amount) / project if project else 0.0
        # How it is sized ("8 % of power equipment", "fixed amount") in small grey type under its name.
        name = cell_with_note(t(f"allowance.{a.key}"), allowance_basis(a, bom, fmt, t), s.cell)
        rows.append([name, "", fmt.money(float(a.amount), cur, dg), fmt.pct(share, 1 if share < 0.095 else 0)])
    rows.append([t("bom.project_total", cur=cur), "", fmt.money(project, cur, dg), fmt.pct(1.0 if project else 0.0)])
    out.append(data_table(s, [t("col.category"), t("col.qty"), t("col.amount", cur=cur), t("col.share")], rows,
                          [80 * mm, 22 * mm, 46 * mm, 26 * mm], "LRRR", bold_rows=bold, total_rows=[len(rows) - 1]))
    mw = ctx.results.it_load_kw / 1000.0
    out.append(Spacer(1, 3 * mm))
    kv = [[t("cost.project_total"), fmt.money(project, cur)],
          [t("cost.per_mw"), fmt.money(project / mw, cur) if mw > 0 else "—"],
          [t("cost.facility_per_mw"), fmt.money((project - float(bom.it_equipment)) / mw, cur) if mw > 0 else "—"]]
    out.append(data_table(s, [t("table.figure"), t("table.value")], kv, [110 * mm, 64 * mm], "LR"))
    out.append(s.p(t("cost.facility_per_mw_note"), s.note))
    # The price basis, stated once in this document, under the figures it qualifies.
    for note in price_basis_notes(bom, fmt, t, ctx.validity_days()):
        out.append(s.p(note, s.note))
    items = [(t(f"category.{c}"), float(bom.subtotal(c)), fmt.money_short(float(bom.subtotal(c)), cur))
             for c in bom.categories]
    if bom.allowances:
        items.append((t("bom.allowances_total"), float(bom.allowances_total),
                      fmt.money_short(float(bom.allowances_total), cur)))
    if items:
        out.append(Spacer(1, 2 * mm))
        # Compact rows keep the chart on the page of the figures it sums up.
        out.append(KeepTogether([bar_chart(t("chart.capex", cur=cur), items, 174 * mm, row_pt=12)]))
    return out
