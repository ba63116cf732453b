"""Report sections of the connected plant: single-line diagram, cooling schematic and the N-1 summary."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, NextPageTemplate, PageBreak, Spacer

from workbench.calc.contingency import ContingencyResult, contingency
from workbench.calc.failure import FailureAnalysis
from workbench.calc.plant_layout import DiagramLayout, cooling_layout, single_line_layout
from workbench.report.context import Ctx
from workbench.report.diagram_pdf import DiagramFlowable, NodeLines, sheets_for
from workbench.report.pdfdoc import LANDSCAPE, MARGIN
from workbench.report.styles import data_table

HeadingFn = Callable[..., Any]
W = 174 * mm  # portrait body frame width
MAX_SPOF_ROWS = 60
MAX_BREAKER_NAMES = 12
MAX_SHEETS = 6  # a campus wider than this is drawn smaller rather than on dozens of sheets
LEVEL_KEYS = {"Utility": "plant.level.utility", "MV switchgear": "plant.level.mv", "Transformer": "plant.level.tx",
              "LV switchgear": "plant.level.lv", "UPS": "plant.level.ups", "Distribution": "plant.level.dist",
              "Loads": "plant.level.loads", "Heat rejection": "plant.level.heat", "Loop": "plant.level.loop",
              "CDU / air units": "plant.level.cdu", "Racks": "plant.level.racks"}


def plant_sections(ctx: Ctx, heading: HeadingFn) -> list[Flowable]:
    """The three plant sections, or nothing when the design has no connections to draw."""
    if not ctx.design.connections:
        return []
    analysis = FailureAnalysis(ctx.design, ctx.catalog)
    out: list[Flowable] = [NextPageTemplate("plan"), PageBreak()]
    power = single_line_layout(ctx.design, ctx.catalog, ctx.options.lang)
    cooling = cooling_layout(ctx.design, ctx.catalog, ctx.options.lang)
    first = True
    for layout, title_key, caption_key, kind in ((power, "plant.sld_title", "plant.sld_caption", "power"),
                                                 (cooling, "plant.cooling_title", "plant.cooling_caption", "cooling")):
        if not layout.nodes:
            continue
        if not first:
            out.append(PageBreak())
        first = False
        out += _diagram_pages(ctx, heading, layout, analysis, title_key, caption_key, kind)
    out += [NextPageTemplate("body"), PageBreak()]
    out += n1_section(ctx, heading, contingency(ctx.design, ctx.catalog, analysis=analysis))
    return out


# --- diagrams --------------------------------------------------------------------------------------
def _diagram_pages(ctx: Ctx, heading: HeadingFn, layout: DiagramLayout, analysis: FailureAnalysis, title_key: str,
                   caption_key: str, kind: str) -> list[Flowable]:
    t = ctx.t
    lw, lh = LANDSCAPE
    area_w = lw - 2 * MARGIN
    area_h = lh - 2 * MARGIN - 2 * mm - 24 - 22  # heading line and a two-line caption
    lines = _node_lines(ctx, layout, analysis, kind)
    windows = sheets_for(layout)
    if len(windows) > MAX_SHEETS:
        step = layout.width / MAX_SHEETS
        windows = [(k * step, (k + 1) * step) for k in range(MAX_SHEETS)]
    titles = [t(LEVEL_KEYS[title]) if title in LEVEL_KEYS else title for title in layout.levels]
    legend = ([(("power", "A"), t("plant.legend_a")), (("power", "B"), t("plant.legend_b")),
               (("power", ""), t("plant.legend_power"))] if kind == "power" else
              [(("liquid", ""), t("plant.legend_liquid")), (("heat", ""), t("plant.legend_heat"))])
    count = sum(1 for c in ctx.design.connections.values() if (c.kind == "power") == (kind == "power"))
    out: list[Flowable] = []
    for n, window in enumerate(windows, start=1):
        title = t(title_key)
        if n > 1:
            out.append(PageBreak())
            out.append(ctx.styles.p(f"{title} ({t('plan.sheet', n=n, total=len(windows))})", ctx.styles.h2))
        else:
            out += heading(ctx, title, 0, ctx.styles.h2, new_page=False)
        out.append(ctx.styles.p(t(caption_key, n=ctx.fmt.num(count)), ctx.styles.small))
        out.append(Spacer(1, 2 * mm))
        out.append(DiagramFlowable(layout, lines, area_w, area_h, window, titles, legend))
    return out


def _name(ctx: Ctx, block_id: str) -> str:
    b = ctx.design.blocks.get(block_id)
    if b is None:
        return block_id
    bt = ctx.catalog.get(b.type_id)
    return b.name or (bt.display_name(ctx.options.lang) if bt is not None else b.type_id)


def _node_lines(ctx: Ctx, layout: DiagramLayout, analysis: FailureAnalysis, kind: str) -> dict[str, NodeLines]:
    t, fmt = ctx.t, ctx.fmt
    design, catalog = ctx.design, ctx.catalog
    g, flow = analysis.g, analysis.normal
    out: dict[str, NodeLines] = {}
    for n in layout.nodes:
        b = design.blocks.get(n.block_id)
        if b is None:  # the grid, a cooling loop
            label = t("plant.utility") if n.block_id == "@utility" else n.label
            out[n.block_id] = NodeLines(label, "", t("plant.loop") if n.block_id.startswith("@loop:") else "",
                                        "structure")
            continue
        bt = catalog.get(b.type_id)
        category = bt.category if bt is not None else "structure"
        title = _name(ctx, b.id)
        if bt is not None and bt.is_rack:
            it_kw = sum(_it_kw(ctx, m) for m in n.members)
            if n.group:
                title = t("plant.group", n=fmt.num(len(n.members)), name=bt.display_name(ctx.options.lang))
            cords = "A+B" if bt.rack is not None and bt.rack.cords >= 2 else "A"
            out[n.block_id] = NodeLines(title, t("plant.it", kw=fmt.num(round(it_kw))), t("plant.cords", c=cords),
                                        category)
            continue
        rows = [g.row[m] for m in n.members if m in g.row]  # a group: what its members carry together
        load = float(sum(flow.load_kw[r] for r in rows))
        rating = float(sum(flow.rating_kw[r] for r in rows))
        if n.group and bt is not None:
            title = t("plant.group_units", n=fmt.num(len(n.members)), name=bt.display_name(ctx.options.lang))
        figures = t("plant.figures", load=fmt.num(round(load)), rating=fmt.num(round(rating)),
                    pct=fmt.pct(load / rating) if rating > 0 else "—")
        out[n.block_id] = NodeLines(title, figures, _redundancy(ctx, b, bt, kind), category)
    return out


def _it_kw(ctx: Ctx, block_id: str) -> float:
    b = ctx.design.blocks.get(block_id)
    bt = ctx.catalog.get(b.type_id) if b is not None else None
    if b is None or bt is None or bt.rack is None:
        return 0.0
    return float(b.overrides.get("it_kw", bt.rack.it_kw))


def _redundancy(ctx: Ctx, b: Any, bt: Any, kind: str) -> str:
    a = ctx.design.assumptions
    if bt is not None and bt.power is not None:
        system = b.power_system or ("utility" if bt.power.stage == "utility" else "main")
        scheme = a.power_schemes.get(system, "")
    else:
        system = b.cooling_loop or ("air" if kind == "power" else "liquid")
        scheme = a.cooling_schemes.get(system, "")
    name = ctx.system_name(system)
    return f"{name} · {scheme}" if scheme else name


# --- N-1 summary -----------------------------------------------------------------------------------
def n1_section(ctx: Ctx, heading: HeadingFn, r: ContingencyResult) -> list[Flowable]:
    t, fmt, s = ctx.t, ctx.fmt, ctx.styles
    out: list[Flowable] = [*heading(ctx, t("plant.n1_title"))]
    it_total = sum(_it_kw(ctx, b.id) for b in ctx.design.blocks.values())
    out.append(s.p(t("plant.n1_intro", components=fmt.num(r.components), cases=fmt.num(r.cases),
                     spofs=fmt.num(len(r.spofs)))))
    rows = []
    for label, verdict in ((t("plant.verdict_cm"), r.concurrently_maintainable), (t("plant.verdict_ft"),
                                                                                     r.fault_tolerant)):
        names = [_name(ctx, b) for b in verdict.breakers[:MAX_BREAKER_NAMES]]
        more = max(verdict.breaker_count, len(verdict.breakers)) - len(names)
        breakers = ", ".join(names) + (" " + t("plant.more", n=fmt.num(more)) if more > 0 else "")
        rows.append([label, t("plant.holds") if verdict.holds else t("plant.fails"), breakers or "—"])
    out.append(Spacer(1, 2 * mm))
    out.append(data_table(s, [t("plant.col_criterion"), t("plant.col_verdict"), t("plant.col_breakers")], rows,
                          [44 * mm, 28 * mm, W - 72 * mm], "LLL"))
    out.append(Spacer(1, 2 * mm))
    out.append(s.p(t("plant.statement"), s.small))
    out += heading(ctx, t("plant.spof_title"), 1)
    if r.spofs:
        spof_rows = []
        for sp in r.spofs[:MAX_SPOF_ROWS]:
            b = ctx.design.blocks.get(sp.block_id)
            bt = ctx.catalog.get(b.type_id) if b is not None else None
            spof_rows.append([_name(ctx, sp.block_id), bt.display_name(ctx.options.lang) if bt else sp.type_id,
                              fmt.num(round(sp.it_kw_lost)),
                              fmt.pct(sp.it_kw_lost / it_total) if it_total > 0 else "—",
                              fmt.num(len(sp.dark_racks))])
        out.append(data_table(s, [t("plant.col_component"), t("plant.col_type"), t("plant.col_it_lost"),
                                  t("plant.col_it_share"), t("plant.col_dark")], spof_rows,
                              [34 * mm, 70 * mm, 26 * mm, 20 * mm, 24 * mm], "LLRRR"))
        if len(r.spofs) > MAX_SPOF_ROWS:
            out.append(s.p(t("plant.more_rows", n=fmt.num(len(r.spofs) - MAX_SPOF_ROWS)), s.small))
    else:
        out.append(s.p(t("plant.no_spof")))
    out.append(Spacer(1, 2 * mm))
    w = r.worst_overload
    if w is not None:
        out.append(s.p(t("plant.worst_overload", device=_name(ctx, w.overload.block_id),
                         pct=fmt.pct(w.overload.utilisation), failed=" + ".join(_name(ctx, f) for f in w.failed))))
    else:
        out.append(s.p(t("plant.no_overload")))
    return out
