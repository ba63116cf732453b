"""Report section on PUE and energy: design, peak and part-load PUE, the curve, overheads, annual energy and cost."""

from __future__ import annotations

from collections.abc import Callable

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from workbench.report.charts import bar_chart, pue_curve_chart
from workbench.report.context import Ctx
from workbench.report.styles import CATEGORY_COLOURS, data_table

W = 174 * mm


def pue_section(ctx: Ctx, heading: Callable[..., Flowable]) -> list[Flowable]:
    r, fmt, t, s = ctx.results, ctx.fmt, ctx.t, ctx.styles
    intro = t("pue.intro") if ctx.has_kind("chiller") else t("pue.intro_no_chillers")
    if r.annual is not None:  # the hourly year at the site replaced the typed economizer hours
        intro = t("pue.intro_hourly", site=r.annual.site.get("location", ""))
    out: list[Flowable] = [*heading(ctx, t("pue.title"), 0), s.p(intro)]
    rows = [[t("pue.annual_100"), fmt.pue(r.pue)],
            [t("pue.peak"), fmt.pue(r.pue_peak)],
            [t("pue.at_load", load=fmt.pct(r.load_fraction)), fmt.pue(r.pue_at_load)]]
    for key in ("power", "cooling", "lighting_misc"):
        if key in r.ppue:
            # The partial PUEs are taken at the expected load, and say so (they add up to that PUE).
            rows.append([t(f"pue.ppue_{key}", load=fmt.pct(r.load_fraction)), fmt.pue(r.ppue[key])])
    out.append(data_table(s, [t("table.figure"), t("table.value")], rows, [110 * mm, 64 * mm], "LR"))
    if r.ppue and r.pue_at_load is not None:
        out.append(s.p(t("pue.ppue_note", load=fmt.pct(r.load_fraction),
                         pue=fmt.pue(1 + sum(v - 1 for v in r.ppue.values()))), s.note))
    out.append(Spacer(1, 5 * mm))
    point = (r.load_fraction, r.pue_at_load) if r.pue_at_load is not None else None
    out.append(KeepTogether([pue_curve_chart(r.pue_curve, point, fmt, W)]))
    out.append(s.p(t("pue.curve_note"), s.note))
    ov = r.overhead_kw
    items = [(t(f"overhead.{k}"), float(ov.get(k, 0.0)), fmt.qty("power", float(ov.get(k, 0.0)), 0))
             for k in ("power_losses", "cooling", "lighting", "misc")]
    out.append(Spacer(1, 4 * mm))
    out.append(KeepTogether([bar_chart(t("chart.overhead", load=fmt.pct(r.load_fraction)), items, W,
                                       CATEGORY_COLOURS["power"])]))
    out += heading(ctx, t("energy.title"), 1)
    e = r.energy
    # Energy money is entered in the design's currency; shown in the export's one currency.
    cur, src = ctx.currency, e["currency"]
    rows = [[t("energy.it"), fmt.qty("energy", e["annual_it_mwh"], 0)],
            [t("energy.facility"), fmt.qty("energy", e["annual_facility_mwh"], 0)],
            [t("energy.price"), fmt.money(ctx.money(e["electricity_price_per_kwh"], src), cur, 3) + "/kWh"],
            [t("energy.cost"), fmt.money(ctx.money(e["annual_cost"], src), cur)],
            [t("energy.overhead_cost"), fmt.money(ctx.money(e["annual_overhead_cost"], src), cur)],
            [t("energy.water"), fmt.qty("water", e["annual_water_m3"], 0)],
            [t("energy.wue"), fmt.qty("water_per_energy", e["wue_l_per_kwh"], 2)]]
    out.append(data_table(s, [t("table.figure"), t("table.value")], rows, [110 * mm, 64 * mm], "LR"))
    out.append(s.p(t("energy.note", util=fmt.pct(r.load_fraction)), s.note))
    return out
