"""Report section on the site climate: weather file and source, design conditions, months, modes and monthly PUE."""

from __future__ import annotations

from collections.abc import Callable

from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from workbench.calc.annual_results import AnnualResult
from workbench.climate.sites import builtin_sites
from workbench.report.charts import _text
from workbench.report.context import Ctx
from workbench.report.customer_text import customer_source
from workbench.report.fonts import LATIN
from workbench.report.styles import data_table, kv_table

W = 174 * mm
# Low PUE blue to high PUE red, as on the metrics dock's heat map.
_STOPS = ((0.0, (47, 111, 214)), (0.5, (240, 220, 130)), (1.0, (200, 60, 50)))


def climate_section(ctx: Ctx, heading: Callable[..., Flowable]) -> list[Flowable]:
    """Nothing without an hourly year: the PUE section then says the economizer hours were typed."""
    y = ctx.results.annual
    if y is None:
        return []
    t, s, fmt = ctx.t, ctx.styles, ctx.fmt
    out: list[Flowable] = [*heading(ctx, t("climate.title"), 0), s.p(t("climate.intro"))]
    site = y.site
    builtin = next((b for b in builtin_sites() if b.sha256 == site.get("sha256")), None)
    source = (ctx.lang.source(f"{builtin.source}; {builtin.licence}") if builtin is not None
              else t("climate.source_user", file=str(site.get("source", ""))))
    rows = [
        (t("climate.location"), site.get("location") or site.get("station") or "—"),
        (t("climate.position"), f"{site.get('latitude', 0.0):.3f}°, {site.get('longitude', 0.0):.3f}°"),
        (t("climate.elevation"), fmt.qty("length_m", float(site.get("elevation_m", 0.0)), 0)),
        (t("climate.time_zone"), f"UTC{float(site.get('time_zone_h', 0.0)):+g}"),
        (t("climate.file"), t("climate.file_value", format=site.get("format", ""), hours=fmt.num(y.hours),
                              sha=str(site.get("sha256", ""))[:16])),
        (t("climate.source"), source),
    ]
    filled = site.get("filled") or {}
    if filled:
        rows.append((t("climate.filled"), ", ".join(f"{k} {v}" for k, v in filled.items())))
    out.append(kv_table(s, rows, [45 * mm, 129 * mm]))
    dc = y.design_conditions
    out += heading(ctx, t("climate.design_title"), 1)
    out.append(data_table(s, [t("climate.condition"), t("climate.dry_bulb"), t("climate.wet_bulb")], [
        [t("climate.cooling_0_4"), fmt.temp(dc["cooling_0_4_db_c"]), fmt.temp(dc["cooling_0_4_wb_c"])],
        [t("climate.heating_99_6"), fmt.temp(dc["heating_99_6_db_c"]), fmt.temp(dc["heating_99_6_wb_c"])],
        [t("climate.extreme"), fmt.temp(dc["max_db_c"]), fmt.temp(dc["max_wb_c"])],
    ], [94 * mm, 40 * mm, 40 * mm], "LRR"))
    out.append(s.p(t("climate.design_note"), s.note))
    out += heading(ctx, t("climate.months_title"), 1)
    months = [t(f"month.{m + 1}") for m in range(12)]
    rows2 = []
    for m in range(12):
        rows2.append([months[m], fmt.temp(dc["monthly_db_c"][m]), fmt.temp(dc["monthly_wb_c"][m]),
                      fmt.qty("energy", y.monthly_it_mwh[m], 0), fmt.qty("energy", y.monthly_facility_mwh[m], 0),
                      fmt.pue(y.monthly_pue[m])])
    rows2.append([t("climate.year"), "", "", fmt.qty("energy", sum(y.monthly_it_mwh), 0),
                  fmt.qty("energy", sum(y.monthly_facility_mwh), 0), fmt.pue(y.pue)])
    out.append(data_table(s, [t("climate.month"), t("climate.dry_bulb"), t("climate.wet_bulb"),
                              t("climate.it_energy"), t("climate.facility_energy"), t("climate.pue")],
                          rows2, [24 * mm, 26 * mm, 26 * mm, 34 * mm, 38 * mm, 26 * mm], "LRRRRR",
                          total_rows=[12]))
    out.append(s.p(t("climate.months_note"), s.note))
    out.append(Spacer(1, 3 * mm))
    out.append(KeepTogether([heatmap_drawing(ctx, y)]))
    out += heading(ctx, t("climate.modes_title"), 1)
    rows3 = []
    for lp in y.loops:
        rows3.append([lp.name, t(f"climate.kind.{lp.kind}"),
                      f"{fmt.temp(lp.supply_c)} / {fmt.temp(lp.return_c)}",
                      t(f"climate.rejection.{lp.heat_rejection}") if ctx.lang.strings.get(
                          f"climate.rejection.{lp.heat_rejection}") else lp.heat_rejection,
                      fmt.num(lp.hours_free), fmt.num(lp.hours_partial), fmt.num(lp.hours_mechanical),
                      fmt.num(lp.hours_unmet)])
    out.append(data_table(s, [t("climate.loop"), t("climate.kind"), t("climate.supply_return"),
                              t("climate.rejection"), t("climate.free"), t("climate.partial"),
                              t("climate.mechanical"), t("climate.unmet")],
                          rows3, [22 * mm, 22 * mm, 26 * mm, 30 * mm, 17 * mm, 17 * mm, 22 * mm, 18 * mm],
                          "LLLLRRRR"))
    out.append(s.p(t("climate.modes_note"), s.note))
    e = y.energy
    out += heading(ctx, t("climate.results_title"), 1)
    worst = y.worst_hour
    out.append(data_table(s, [t("table.figure"), t("table.value")], [
        [t("climate.pue_profile"), fmt.pue(y.pue)],
        [t("climate.pue_design_load"), fmt.pue(y.pue_design_load)],
        [t("climate.worst_hour", month=months[worst[0] - 1], day=worst[1], hour=f"{worst[2]:02d}:00"),
         fmt.pue(y.worst_hour_pue)],
        [t("climate.peak"), fmt.qty("power", y.peak_facility_kw, 0)],
        [t("energy.water"), fmt.qty("water", e["annual_water_m3"], 0)],
        [t("energy.wue"), fmt.qty("water_per_energy", e["wue_l_per_kwh"], 2)],
    ], [110 * mm, 64 * mm], "LR"))
    if y.chillers:
        out += heading(ctx, t("climate.chillers_title"), 1)
        # A customer reads the source without evidence tags, in the report language (as the methodology's).
        src = str if ctx.pricing.internal else (lambda text: ctx.lang.source(customer_source(str(text))))
        rows4 = [[str(c["type"]), " / ".join(f"{v:.2f}" for v in c["part_load_cop"]), f"{c['iplv']:.2f}",
                  src(c.get("source", ""))] for c in y.chillers]
        out.append(data_table(s, [t("climate.chiller"), t("climate.part_load"), t("climate.iplv"),
                                  t("col.source")], rows4, [34 * mm, 34 * mm, 14 * mm, 92 * mm], "LRRL"))
    out += heading(ctx, t("climate.method_title"), 1)
    out.append(s.p(t("climate.method")))
    return out


def _colour(x: float) -> colors.Color:
    for (a, ca), (b, cb) in zip(_STOPS, _STOPS[1:]):
        if x <= b:
            f = (x - a) / (b - a) if b > a else 0.0
            rgb = [ca[i] + (cb[i] - ca[i]) * f for i in range(3)]
            return colors.Color(rgb[0] / 255, rgb[1] / 255, rgb[2] / 255)
    return colors.Color(*(v / 255 for v in _STOPS[-1][1]))


def heatmap_drawing(ctx: Ctx, y: AnnualResult, width: float = W, height: float = 200) -> Drawing:
    """PUE by month (rows) and hour of day (columns) as coloured cells, with the scale's two ends."""
    t = ctx.t
    d = Drawing(width, height, initialFontName=LATIN, initialFontSize=7)
    _text(d, 0, height - 10, t("climate.heatmap_title"), 9, bold=True)
    values = [v for row in y.pue_heatmap for v in row if v is not None]
    lo, hi = (min(values), max(values)) if values else (1.0, 1.0)
    span = hi - lo if hi > lo else 1.0
    left, bottom, top = 28.0, 30.0, height - 18
    cw, ch = (width - left - 8) / 24, (top - bottom) / 12
    for m, row in enumerate(y.pue_heatmap):
        for h, v in enumerate(row):
            fill = colors.HexColor("#dddddd") if v is None else _colour((v - lo) / span)
            d.add(Rect(left + h * cw, top - (m + 1) * ch, cw, ch, fillColor=fill, strokeColor=None))
        d.add(String(left - 4, top - (m + 0.7) * ch, str(m + 1), fontName=LATIN, fontSize=6.5, textAnchor="end"))
    for h in range(0, 24, 3):
        d.add(String(left + (h + 0.5) * cw, bottom - 9, str(h), fontName=LATIN, fontSize=6.5, textAnchor="middle"))
    _text(d, left + 12 * cw, bottom - 20, t("climate.heatmap_axes", lo=f"{lo:.3f}", hi=f"{hi:.3f}"), 7,
          anchor="middle")
    return d
