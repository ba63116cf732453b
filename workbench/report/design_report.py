"""The design report PDF: cover, contents, executive summary, plans, capacity, PUE, equipment, methodology."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import CondPageBreak, Flowable, Image, NextPageTemplate, PageBreak, Spacer, Table, TableStyle
from reportlab.platypus.tableofcontents import TableOfContents

from workbench.calc.results import Results
from workbench.model.blocktype import Catalog
from workbench.model.design import Design
from workbench.report.context import Ctx, build_context
from workbench.report.fonts import draw_text, markup
from workbench.report.options import ReportOptions
from workbench.report.pdfdoc import Decoration, Heading, ReportDoc, build_atomic
from workbench.report.sections_capacity import capacity_section, plan_section, ride_through
from workbench.report.sections_cost import equipment_section
from workbench.report.sections_climate import climate_section
from workbench.report.sections_energy import pue_section
from workbench.report.sections_method import methodology_section
from workbench.report.sections_proposal import revisions_and_sign_off, scope_section
from workbench.report.sections_plant import plant_sections
from workbench.report.sections_options import options_section
from workbench.report.formatting import ellipsize
from workbench.report.styles import ACCENT, ACCENT_LIGHT, BASE_TABLE, data_table, kv_table

Progress = Callable[[float, str], None]


def heading(ctx: Ctx, text: str, level: int = 0, style: Any = None, new_page: bool | None = None) -> list[Flowable]:
    """A section (level 0, on a new page) or subsection (level 1) title for the contents and the outline."""
    style = style or (ctx.styles.h1 if level == 0 else ctx.styles.h2)
    # A section starts on the page in hand when a good part of it is left (a forced new page per section
    # left pages holding a single table or chart); new_page=True forces one (CondPageBreak of nearly a full
    # frame breaks unless we are already at the top of a page).
    room = 258 * mm if new_page else (90 * mm if level == 0 else 35 * mm)
    lead: Flowable = CondPageBreak(room)
    text = ellipsize(text)  # a heading must fit on one page: a 5,000-character hall name did not
    return [lead, Heading(markup(text), style, level, text)]


def build_design_report(design: Design, catalog: Catalog, out_path: str | Path, options: ReportOptions,
                        progress: Progress | None = None, results: Results | None = None) -> None:
    """Write the design report PDF to out_path (atomically); raises ValueError for unusable options."""
    step = progress or (lambda f, s: None)
    step(0.05, "calculate")
    ctx = build_context(design, catalog, options, results)
    step(0.2, "layout")
    story = _story(ctx)
    site = design.site
    title = site.name or ctx.t("report.untitled")
    header = (title, ctx.t("header.revision", rev=site.revision or "—"))
    footer = " · ".join(x for x in (site.customer, ctx.t("report.design_report")) if x)
    decoration = Decoration(header, footer, lambda n, tot: ctx.t("footer.page", n=n, total=tot), skip_first=True)

    def build(tmp: str) -> None:
        doc = ReportDoc(tmp, title=title, author=site.prepared_by, subject=ctx.t("report.design_report"),
                        cover_painter=lambda c, d: _paint_cover(ctx, c), decoration=decoration)
        doc.multiBuild(list(story))

    step(0.4, "render")
    build_atomic(Path(out_path), build)
    step(1.0, "done")


def _story(ctx: Ctx) -> list[Flowable]:
    story: list[Flowable] = [NextPageTemplate("body")]
    story += _cover(ctx)
    story.append(PageBreak())
    story += _contents(ctx)
    story.append(PageBreak())
    story += _summary(ctx)
    plans = plan_section(ctx, heading)
    plant = plant_sections(ctx, heading)  # single-line diagram, cooling schematic, N-1 summary
    if plans and plant:
        # The diagrams follow the plans on landscape pages: no portrait page squeezed between them (the end of
        # the capacity section was left alone there, before the diagrams' landscape page).
        plans = plans[:-2]
    story += plans + plant
    story += capacity_section(ctx, heading)
    story += pue_section(ctx, heading)
    story += climate_section(ctx, heading)  # the hourly year at the site, when the design has a weather file
    story += equipment_section(ctx, heading)
    story += scope_section(ctx, heading)  # scope, exclusions, terms, basis of design: after the prices
    story += options_section(ctx, heading)
    story += methodology_section(ctx, heading)
    story += revisions_and_sign_off(ctx, heading)
    return story


def _paint_cover(ctx: Ctx, c: Canvas) -> None:
    w, h = c._pagesize
    c.saveState()
    c.setFillColor(ACCENT)
    c.rect(0, h - 26 * mm, w, 26 * mm, fill=1, stroke=0)
    c.setFillColor(colors.white)
    label = ctx.t("report.design_report").upper() if not ctx.lang.cjk else ctx.t("report.design_report")
    draw_text(c, 18 * mm, h - 15 * mm, label, 11, bold=True)
    c.setFillColor(ACCENT_LIGHT)
    c.rect(0, 0, w, 12 * mm, fill=1, stroke=0)
    c.setFillColor(colors.HexColor("#5b6673"))
    note = ctx.t("cover.generated")
    draw_text(c, 18 * mm, 5 * mm, note, 7)
    c.restoreState()


def _cover(ctx: Ctx) -> list[Flowable]:
    s, site, fmt, r = ctx.styles, ctx.design.site, ctx.fmt, ctx.results
    out: list[Flowable] = [Spacer(1, 8 * mm)]
    # Our logo on the left, the customer's on the right, on one line.
    ours, theirs = _logo_image(ctx.logo()), _logo_image(ctx.customer_logo())
    if ours is not None or theirs is not None:
        row = Table([[ours or "", theirs or ""]], colWidths=[87 * mm, 87 * mm], hAlign="LEFT")
        row.setStyle(TableStyle([*BASE_TABLE, ("ALIGN", (0, 0), (0, 0), "LEFT"), ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                                 ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                 ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
        out += [row, Spacer(1, 8 * mm)]
    else:
        out.append(Spacer(1, 14 * mm))
    out.append(s.p(site.name or ctx.t("report.untitled"), s.title))
    out.append(s.p(ctx.t("cover.subtitle"), s.subtitle))
    if ctx.description():
        out.append(s.p(ctx.description(), s.body))
    out.append(Spacer(1, 8 * mm))
    rows = [
        (ctx.t("cover.customer"), site.customer or "—"),
        (ctx.t("cover.site"), site.location or "—"),
        (ctx.t("cover.revision"), site.revision or "—"),
        (ctx.t("cover.date"), fmt.date(ctx.options.date)),
        (ctx.t("cover.prepared_by"), site.prepared_by or "—"),
    ]
    out.append(kv_table(s, rows, [45 * mm, 129 * mm]))
    out.append(Spacer(1, 12 * mm))
    capex = float(ctx.bom.project_total)
    figures = [
        (fmt.qty("power_mw", r.it_load_kw / 1000.0, 2), ctx.t("kf.it_load")),
        (fmt.pue(r.pue), ctx.t("kf.pue")),
        (fmt.num(r.space["rack_count"]), ctx.t("kf.racks")),
        (fmt.money_short(capex, ctx.currency), ctx.t("kf.capex")),
    ]
    cells = [[_fitted(s, v, 43.5 * mm - 14) for v, _ in figures], [s.p(lab, s.kf_label) for _, lab in figures]]
    panel = Table(cells, colWidths=[43.5 * mm] * 4, hAlign="LEFT")
    panel.setStyle(TableStyle([
        *BASE_TABLE,
        ("BACKGROUND", (0, 0), (-1, -1), ACCENT_LIGHT),
        ("LINEABOVE", (0, 0), (-1, 0), 2, ACCENT),
        ("LINEAFTER", (0, 0), (-2, -1), 0.6, colors.white),
        ("TOPPADDING", (0, 0), (-1, 0), 12),
        ("BOTTOMPADDING", (0, -1), (-1, -1), 12),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]))
    out.append(s.p(ctx.t("kf.title"), s.h3))
    out.append(panel)
    return out


def _logo_image(path: Path | None) -> Image | None:
    """A logo 20 mm high (at most 70 mm wide), or None when there is none or it cannot be read."""
    if path is None:
        return None
    try:
        img = Image(str(path))
        ratio = img.imageWidth / max(img.imageHeight, 1)
        img.drawWidth = min(20 * mm * ratio, 70 * mm)
        img.drawHeight = img.drawWidth / ratio
        return img
    except Exception:  # an unreadable logo must not stop the report  # noqa: BLE001
        return None


def _fitted(s: Any, text: str, width: float) -> Flowable:
    """A key figure on one line: the font shrinks until number and unit fit (they never wrap apart)."""
    from reportlab.lib.styles import ParagraphStyle

    from workbench.report.fonts import LATIN_BOLD, mixed_width

    size = s.kf_value.fontSize
    while size > 9 and mixed_width(text, size, bold=True) > width:
        size -= 0.5
    style = ParagraphStyle(f"kf-{size}", parent=s.kf_value, fontSize=size, leading=size * 1.25, wordWrap=None,
                           fontName=LATIN_BOLD)
    return s.rich(markup(text.replace(" ", "\u00a0")), style)


def _contents(ctx: Ctx) -> list[Flowable]:
    toc = TableOfContents(dotsMinLevel=0, tableStyle=TableStyle([
        *BASE_TABLE, ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    toc.levelStyles = [ctx.styles.toc1, ctx.styles.toc2]
    title = ctx.t("toc.title")
    return [ctx.styles.p(title, ctx.styles.h1), Spacer(1, 2 * mm), toc]


def _summary(ctx: Ctx) -> list[Flowable]:
    from workbench.report.summary_text import summary_paragraphs

    s = ctx.styles
    out: list[Flowable] = [*heading(ctx, ctx.t("summary.title"))]
    for text in summary_paragraphs(ctx):
        out.append(s.p(text))
    site = ctx.design.site
    if site.notes:
        out.append(s.p(ctx.t("summary.notes"), s.h3))
        out.append(s.p(site.notes))
    out.append(Spacer(1, 4 * mm))
    out.append(_key_table(ctx))
    return out


def _key_table(ctx: Ctx) -> Table:
    r, fmt, t = ctx.results, ctx.fmt, ctx.t
    rows: list[list[Any]] = [
        [t("kf.it_load"), fmt.qty("power", r.it_load_kw, 0)],
        [t("pue.annual_100"), fmt.pue(r.pue)],
        [t("pue.peak"), fmt.pue(r.pue_peak)],
        [t("pue.at_load", load=fmt.pct(r.load_fraction)), fmt.pue(r.pue_at_load)],
        [t("space.racks_total"), fmt.num(r.space["rack_count"])],
        [t("space.white_space"), fmt.qty("area", r.space["white_space_m2"], 0)],
        [t("energy.facility"), fmt.qty("energy", r.energy["annual_facility_mwh"], 0)],
        [t("cost.project_total"), fmt.money(float(ctx.bom.project_total), ctx.currency)],
        *([[t("kf.ride_through"), fmt.with_unit(fmt.num(min(rides), 1), "min")]] if (rides := [
            m for e in r.power["systems"] if (m := ride_through(e))]) else []),
        [t("cost.facility_per_mw"), fmt.money((float(ctx.bom.project_total) - float(ctx.bom.it_equipment))
                                              / (r.it_load_kw / 1000.0), ctx.currency) if r.it_load_kw > 0 else "—"],
    ]
    return data_table(ctx.styles, [t("table.figure"), t("table.value")], rows, [110 * mm, 64 * mm], "LR")
