"""Report sections for the floor plans and the capacity checks (space, power, cooling, floor, design checks)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, NextPageTemplate, PageBreak, Paragraph, Spacer

from workbench.text.check_text import check_text
from workbench.report.context import Ctx
from workbench.report.floorplan import PlanFlowable, choose_scale, hall_drawing, tiles
from workbench.report.floorplan_underlay import plan_underlay
from workbench.report.fonts import markup
from workbench.report.pdfdoc import LANDSCAPE, LANDSCAPE_A3, MARGIN
from workbench.report.styles import SEVERITY, data_table

W = 174 * mm  # body frame width
MAX_CHECK_ROWS = 400  # beyond this the table lists the count per code; the JSON results keep every check

HeadingFn = Callable[..., Flowable]


def _labels(ctx: Ctx) -> list[str]:
    out = []
    for bid in ctx.snap.ids:
        b = ctx.design.blocks[bid]
        out.append(b.name)
    return out


def plan_section(ctx: Ctx, heading: HeadingFn) -> list[Flowable]:
    """One landscape page per hall (more sheets when a fixed scale does not fit)."""
    fmt, t = ctx.fmt, ctx.t
    if not ctx.design.halls:
        return []
    out: list[Flowable] = []
    labels = _labels(ctx)
    underlay = plan_underlay(ctx.design.underlay, ctx.options.design_dir, ctx.t)  # read once for every sheet
    for i, hall in enumerate(ctx.design.halls):
        drawing = hall_drawing(ctx.snap, i, hall, labels)
        x0, y0, x1, y1 = drawing.bounds
        paper, (area_w, area_h, denom, windows) = _sheet(ctx, (x0, y0, x1, y1))
        sp = ctx.results.space["halls"][i]
        for n, window in enumerate(windows, start=1):
            if n == 1:
                out += [NextPageTemplate("plan_a3" if paper == "A3" else "plan"), PageBreak()]
            else:
                out.append(PageBreak())
            title = t("plan.title", hall=ctx.hall_name(hall.id, hall.name) or f"#{i + 1}")
            if n == 1:
                out += heading(ctx, title, 0, ctx.styles.h2, new_page=False)
            else:
                out.append(ctx.styles.p(f"{title} ({t('plan.sheet', n=n, total=len(windows))})", ctx.styles.h2))
            caption = t("plan.caption", w=fmt.length_mm(x1 - x0), d=fmt.length_mm(y1 - y0),
                        area=fmt.qty("area", sp["area_m2"], 0), blocks=fmt.num(len(drawing.boxes)),
                        scale=fmt.num(denom), paper=paper)
            sheet = PlanFlowable(drawing, fmt, area_w, area_h - 4, denom, window, (n, len(windows)), windows,
                                 Paragraph(markup(caption), ctx.styles.small))
            sheet.paper = paper
            sheet.underlay = underlay
            out.append(sheet)
    out += [NextPageTemplate("body"), PageBreak()]
    return out


def _sheet(ctx: Ctx, bounds: tuple[float, float, float, float]) -> tuple[str, tuple[float, float, int, Any]]:
    """Paper, drawing area, scale and sheet windows for one hall: A3 when asked, or ("auto") when A4 would
    need a scale smaller than 1:200 for the whole hall on one sheet."""
    x0, y0, x1, y1 = bounds

    def layout(size: tuple[float, float]) -> tuple[float, float, int, Any]:
        area_w = size[0] - 2 * MARGIN
        area_h = size[1] - 2 * MARGIN - 2 * mm - 24  # the sheet heading takes one line
        room = (area_w - 64 * mm - 16 * mm, area_h - 16 * mm)  # side panel; room for dimension lines
        denom = choose_scale((x1 - x0, y1 - y0), room, str(ctx.options.scale))
        return area_w, area_h, denom, tiles((x0, y0, x1, y1), room, denom)

    paper = ctx.options.plan_paper
    if paper == "A3":
        return "A3", layout(LANDSCAPE_A3)
    a4 = layout(LANDSCAPE)
    if paper == "auto" and (a4[2] > 200 or len(a4[3]) > 1):
        return "A3", layout(LANDSCAPE_A3)
    return "A4", a4


def ride_through(entry: Any) -> float | None:
    """A storage system's battery ride-through in minutes (typed results or the JSON dictionary)."""
    value = getattr(entry, "ride_through_min", None)
    if value is None and isinstance(entry, dict):
        value = entry.get("ride_through_min")
    return float(value) if value else None


def _yes(ctx: Ctx, ok: bool) -> str:
    return ctx.t("common.yes") if ok else ctx.t("common.no")


def _system_rows(ctx: Ctx, entries: list[dict[str, Any]]) -> list[list[str]]:
    fmt = ctx.fmt
    return [[ctx.system_name(e["name"]), ctx.role_of(e), e["scheme"], fmt.num(e["modules"]),
             fmt.num(e["installed_kw"]), fmt.num(e["usable_kw"]), fmt.num(e["load_kw"]),
             fmt.pct(e["utilisation"]), fmt.num(e["headroom_kw"]), _yes(ctx, e["redundancy_met"])]
            for e in entries]


def _system_table(ctx: Ctx, entries: list[dict[str, Any]]) -> Flowable:
    t = ctx.t
    head = [t("col.system"), t("col.role"), t("col.scheme"), t("col.modules"), t("col.installed_kw"),
            t("col.usable_kw"), t("col.load_kw"), t("col.utilisation"), t("col.headroom_kw"), t("col.redundancy_met")]
    widths = [19, 23, 16, 16, 17, 16, 15, 20, 19, 10]
    scale = W / (sum(widths) * mm)
    return data_table(ctx.styles, head, _system_rows(ctx, entries), [w * mm * scale for w in widths],
                      "LLLRRRRRRC")


def capacity_section(ctx: Ctx, heading: HeadingFn) -> list[Flowable]:
    r, fmt, t, s = ctx.results, ctx.fmt, ctx.t, ctx.styles
    sp = r.space
    out: list[Flowable] = [*heading(ctx, t("capacity.title"), 0), s.p(t("capacity.intro"))]
    # space
    out += heading(ctx, t("space.title"), 1)
    rows = [[ctx.hall_name(h["id"], h["name"]), fmt.num(fmt.value("area", h["area_m2"])), fmt.num(fmt.value("area", h["white_space_m2"])),
             fmt.num(fmt.value("area", h["footprint_m2"])), fmt.num(h["it_kw"]),
             fmt.num(fmt.value("density_area", h["kw_per_m2"]), 2)] for h in sp["halls"]]
    rows.append([t("common.total"), fmt.num(fmt.value("area", sp["area_m2"])),
                 fmt.num(fmt.value("area", sp["white_space_m2"])), fmt.num(fmt.value("area", sp["footprint_m2"])),
                 fmt.num(r.it_load_kw), fmt.num(fmt.value("density_area", sp["kw_per_m2"]), 2)])
    a, dens = fmt.unit("area"), fmt.unit("density_area")
    out.append(data_table(s, [t("col.hall"), t("col.area", u=a), t("col.white_space", u=a), t("col.footprint", u=a),
                              t("col.it_kw"), t("col.density", u=dens)], rows,
                          [52 * mm, 24 * mm, 26 * mm, 24 * mm, 22 * mm, 26 * mm], "LRRRRR", total_rows=[len(rows) - 1]))
    racks = sp["racks"]
    out.append(Spacer(1, 3 * mm))
    out.append(data_table(s, [t("space.racks_compute"), t("space.racks_network"), t("space.racks_storage"),
                              t("space.racks_total"), t("space.blocks"), t("space.kw_per_rack")],
                          [[fmt.num(racks["compute"]), fmt.num(racks["network"]), fmt.num(racks["storage"]),
                            fmt.num(sp["rack_count"]), fmt.num(sp["block_count"]), fmt.num(ctx.compute_kw_per_rack(), 1)]],
                          [29 * mm] * 6, "RRRRRR"))
    # power
    out += heading(ctx, t("power.title"), 1)
    out.append(s.p(t("power.intro", it=fmt.qty("power", r.power["it_kw"], 0),
                     losses=fmt.qty("power", r.power["losses_kw"], 1))))
    out.append(_system_table(ctx, list(r.power["systems"])) if r.power["systems"] else s.p(t("common.none"), s.note))
    for e in r.power["systems"]:
        minutes = ride_through(e)
        if minutes:
            out.append(s.p(t("power.ride_through", system=ctx.system_name(e["name"]), role=ctx.role_of(e),
                             min=fmt.num(minutes, 1), load=fmt.qty("power", e["load_kw"], 0)), s.note))
    for bus in r.power.get("dc_bus", []):
        out.append(s.p(t("power.dc_bus", v=fmt.num(bus["voltage_v"]), racks=fmt.num(bus["racks"]),
                         amps=fmt.num(bus["max_rack_current_a"]), total=fmt.num(bus["total_current_a"])), s.note))
    # cooling
    c = r.cooling
    out += heading(ctx, t("cooling.title"), 1)
    flows = [[t("cooling.air_heat"), fmt.qty("power", c["air_heat_kw"], 0)],
             [t("cooling.liquid_heat"), fmt.qty("power", c["liquid_heat_kw"], 0)],
             [t("cooling.rejected_heat"), fmt.qty("power", c.get("rejected_heat_kw", 0.0), 0)],
             [t("cooling.airflow"), fmt.qty("airflow", c["airflow_m3h"], 0)],
             [t("cooling.coolant"), fmt.qty("coolant", c["coolant_lpm"], 0)],
             [t("cooling.power"), fmt.qty("power", c["cooling_power_kw"], 0)]]
    out.append(data_table(s, [t("table.figure"), t("table.value")], flows, [110 * mm, 64 * mm], "LR"))
    for key in ("air", "liquid", "heat_rejection"):
        out.append(s.p(t(f"cooling.{key}"), s.h3))
        out.append(_system_table(ctx, list(c[key])) if c[key] else s.p(t("common.none"), s.note))
    # floor
    out += heading(ctx, t("floor.title"), 1)
    fl = fmt.unit("floor")
    rows = [[ctx.hall_name(h["id"], h["name"]), t(f"floor.type.{h['floor_type']}"), fmt.num(fmt.value("floor", h["rating_kn_m2"]), 1),
             fmt.num(fmt.value("weight", h["total_weight_kg"])), fmt.num(fmt.value("floor", h["average_kn_m2"]), 2),
             fmt.num(fmt.value("floor", h["max_block_kn_m2"]), 1),
             _yes(ctx, h["max_block_kn_m2"] <= h["rating_kn_m2"])] for h in r.floor["halls"]]
    out.append(data_table(s, [t("col.hall"), t("col.floor_type"), t("col.rating", u=fl),
                              t("col.weight", u=fmt.unit("weight")), t("col.average_load", u=fl),
                              t("col.max_block_load", u=fl), t("col.within_rating")], rows,
                          [40 * mm, 20 * mm, 22 * mm, 24 * mm, 24 * mm, 26 * mm, 18 * mm], "LLRRRRC"))
    out.append(s.p(t("floor.note"), s.note))
    out += _checks(ctx, heading)
    return out


def _checks(ctx: Ctx, heading: HeadingFn) -> list[Flowable]:
    r, fmt, t, s = ctx.results, ctx.fmt, ctx.t, ctx.styles
    out: list[Flowable] = [*heading(ctx, t("checks.title"), 1)]
    if not r.checks:
        out.append(s.p(t("checks.none")))
        return out
    order = {"error": 0, "warning": 1, "info": 2}
    checks = sorted(r.checks, key=lambda ch: (order.get(ch.severity, 3), ch.code))
    counts: dict[tuple[str, str], int] = {}
    for ch in checks:
        counts[(ch.severity, ch.code)] = counts.get((ch.severity, ch.code), 0) + 1
    summary = [[t(f"severity.{sev}"), ctx.lang.tr(f"check.{code}", code), fmt.num(n)] for (sev, code), n in counts.items()]
    out.append(data_table(s, [t("col.severity"), t("col.check"), t("col.count")], summary,
                          [30 * mm, 110 * mm, 34 * mm], "LLR"))
    out.append(Spacer(1, 3 * mm))
    shown = checks[:MAX_CHECK_ROWS]
    rows = []
    for ch in shown:
        colour = "#" + SEVERITY.get(ch.severity, SEVERITY["info"]).hexval()[2:]
        sev = Paragraph(f'<font color="{colour}">'
                        f'{markup(t(f"severity.{ch.severity}"))}</font>', s.cell_b)
        rows.append([sev, ctx.lang.tr(f"check.{ch.code}", ch.code), check_text(ch, ctx.lang)])
    out.append(data_table(s, [t("col.severity"), t("col.check"), t("col.details")], rows,
                          [22 * mm, 40 * mm, 112 * mm], "LLL"))
    if len(checks) > len(shown):
        out.append(s.p(t("checks.more", n=fmt.num(len(checks) - len(shown))), s.note))
    return out
