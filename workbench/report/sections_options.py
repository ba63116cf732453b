"""Report section comparing the design's options: the figures side by side, cost over the years, what differs."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Drawing, Line
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from workbench.calc.money import BASE_CURRENCY
from workbench.report.context import Ctx
from workbench.report.styles import ACCENT, ACCENT_LIGHT, data_table
from workbench.scenarios.compare import MONEY, Comparison, compare

W = 174 * mm
MAX_OPTIONS = 6
LINE_COLOURS = (colors.HexColor("#1f5fa8"), colors.HexColor("#b26a00"), colors.HexColor("#2e7d32"),
                colors.HexColor("#8e24aa"), colors.HexColor("#c62828"), colors.HexColor("#00838f"))
WINNER = colors.HexColor("#d4edda")
# The rows a customer reads, in the order of the decision: what it carries, what it costs, what it emits.
ROWS = ("it_load_kw", "pue", "capex_power", "capex_cooling", "capex_total", "opex_per_year", "tco", "npv_cost",
        "cost_per_kw_month", "energy_mwh_per_year", "water_m3_per_year", "co2_t_per_year", "white_space_m2",
        "racks", "check_errors", "redundancy_unmet", "single_points_of_failure", "concurrently_maintainable")


def chosen_comparison(ctx: Ctx) -> Comparison | None:
    """The options the export asked for (default: the base and every scenario, at most six), or None."""
    design = ctx.design
    if not design.scenarios:
        return None
    wanted = getattr(ctx.options, "scenarios", None)
    if wanted is not None and len(wanted) == 0:
        return None
    keys = list(wanted) if wanted else ["Base"] + [s.name for s in design.scenarios][: MAX_OPTIONS - 1]
    if len(keys) < 2:
        return None
    return compare(design, ctx.catalog, keys[:MAX_OPTIONS], capex_factor=ctx.pricing.factor)


def options_section(ctx: Ctx, heading: Callable[..., list[Flowable]]) -> list[Flowable]:
    c = chosen_comparison(ctx)
    if c is None:
        return []
    t, s, fmt = ctx.t, ctx.styles, ctx.fmt
    first = c.options[0].economics
    out: list[Flowable] = [*heading(ctx, t("options.title"), 0)]
    out.append(s.p(t("options.intro", n=len(c.options), years=first.period_years,
                     rate=fmt.pct(first.discount_rate, 1), currency=ctx.currency)))
    out.append(_table(ctx, c))
    out.append(s.p(t("options.table_note"), s.note))
    out.append(Spacer(1, 4 * mm))
    out.append(KeepTogether([_tco_chart(ctx, c)]))
    out += heading(ctx, t("options.differences"), 1)
    for sentence in difference_sentences(ctx, c):
        out.append(s.p(sentence))
    if c.bom_diff:
        out += heading(ctx, t("options.bom_title"), 1)
        out.append(_bom_table(ctx, c))
    return out


def _cell(ctx: Ctx, row: str, value: float | None) -> str:
    fmt = ctx.fmt
    if value is None:
        return "—"
    if row == "concurrently_maintainable":
        return ctx.t("options.yes") if value else ctx.t("options.no")
    if row.startswith(MONEY):
        return fmt.money(ctx.money(value, BASE_CURRENCY), ctx.currency)
    if row == "pue":
        return fmt.pue(value)
    if row == "it_load_kw":
        return fmt.qty("power", value, 0)
    if row == "energy_mwh_per_year":
        return fmt.qty("energy", value, 0)
    if row == "water_m3_per_year":
        return fmt.qty("water", value, 0)
    if row == "white_space_m2":
        return fmt.qty("area", value, 0)
    return fmt.num(value, 0)


def _table(ctx: Ctx, c: Comparison) -> Flowable:
    s = ctx.styles
    rows = [r for r in ROWS if r in c.values and any(v is not None for v in c.values[r])]
    body = [[ctx.t(f"options.row.{r}")] + [_cell(ctx, r, v) for v in c.values[r]] for r in rows]
    n = len(c.options)
    label_w = 54 * mm
    widths = [label_w] + [(W - label_w) / n] * n
    table = data_table(s, [ctx.t("options.option")] + [_name(ctx, o.name) for o in c.options], body, widths,
                       "L" + "R" * n)
    marks = []
    for i, r in enumerate(rows, start=1):
        for j in c.winners.get(r, ()):
            marks.append(("BACKGROUND", (j + 1, i), (j + 1, i), WINNER))
    if marks and isinstance(table, Table):
        table.setStyle(TableStyle(marks))
    return table


def _name(ctx: Ctx, name: str) -> str:
    return ctx.t("options.base") if name == "Base" else name


def _tco_chart(ctx: Ctx, c: Comparison) -> Drawing:
    height = 72 * mm
    d = Drawing(W, height, initialFontName=ctx.styles.body.fontName, initialFontSize=8)  # no base-14 Helvetica
    plot = LinePlot()
    plot.x, plot.y, plot.width, plot.height = 18 * mm, 12 * mm, W - 60 * mm, height - 22 * mm
    series = []
    for o in c.options:
        series.append([(year, ctx.money(v, BASE_CURRENCY) / 1e6) for year, v in enumerate(o.economics.cumulative)])
    plot.data = series
    font = ctx.styles.body.fontName
    for k in range(len(series)):
        plot.lines[k].strokeColor = LINE_COLOURS[k % len(LINE_COLOURS)]
        plot.lines[k].strokeWidth = 1.6
    plot.xValueAxis.valueMin = 0
    plot.xValueAxis.valueMax = max(len(x) for x in series) - 1
    plot.xValueAxis.valueStep = 1
    plot.xValueAxis.labels.fontName = font
    plot.xValueAxis.labels.fontSize = 7
    plot.yValueAxis.labels.fontName = font
    plot.yValueAxis.labels.fontSize = 7
    plot.yValueAxis.gridStrokeColor = colors.HexColor("#dddddd")
    plot.yValueAxis.visibleGrid = True
    d.add(plot)
    # Legend, title and axis label as one String per font run (a scenario or a Chinese word needs the CJK font).
    from workbench.report.charts import _text

    lx, ly = W - 38 * mm, height - 14 * mm
    for k, o in enumerate(c.options):
        y = ly - k * 11
        d.add(Line(lx, y + 2.5, lx + 12, y + 2.5, strokeColor=LINE_COLOURS[k % len(LINE_COLOURS)], strokeWidth=1.6))
        _text(d, lx + 16, y, _name(ctx, o.name)[:24], 7)
    _text(d, 0, height - 6 * mm, ctx.t("options.chart_title", currency=ctx.currency), 8.5, ACCENT)
    _text(d, plot.x + plot.width / 2, 2 * mm, ctx.t("options.chart_year"), 7, anchor="middle")
    return d


def difference_sentences(ctx: Ctx, c: Comparison) -> list[str]:
    """One sentence per option against the first, each built from the figures it quotes."""
    fmt, t = ctx.fmt, ctx.t
    first = c.options[0]
    out = []
    for o in c.options[1:]:
        parts: list[str] = []
        d_capex = o.economics.capex - first.economics.capex
        d_tco = o.economics.tco - first.economics.tco
        d_co2 = o.economics.annual_co2_t - first.economics.annual_co2_t
        d_pue = (o.results.pue or 0.0) - (first.results.pue or 0.0)
        money = lambda v: fmt.money(ctx.money(abs(v), BASE_CURRENCY), ctx.currency)  # noqa: E731
        if abs(d_capex) >= 0.5:
            parts.append(t("options.diff_capex_more" if d_capex > 0 else "options.diff_capex_less", amount=money(d_capex)))
        if abs(d_tco) >= 0.5:
            parts.append(t("options.diff_tco_more" if d_tco > 0 else "options.diff_tco_less", amount=money(d_tco),
                           years=o.economics.period_years))
        if abs(d_pue) >= 0.0005:
            parts.append(t("options.diff_pue", pue=fmt.pue(o.results.pue), base=fmt.pue(first.results.pue)))
        if abs(d_co2) >= 0.5:
            parts.append(t("options.diff_co2_more" if d_co2 > 0 else "options.diff_co2_less",
                           tonnes=fmt.num(abs(d_co2), 0)))
        if not parts:
            parts.append(t("options.diff_none"))
        sentence = t("options.diff_sentence", option=_name(ctx, o.name), base=_name(ctx, first.name),
                     parts=t("options.list_joiner").join(parts))
        payback = c.payback.get(f"{o.name}|{first.name}")
        if d_capex > 0 and payback is not None:
            sentence += " " + t("options.payback", years=fmt.num(payback, 1))
        out.append(sentence)
    return out


def _bom_table(ctx: Ctx, c: Comparison) -> Flowable:
    lang = ctx.options.lang
    types = ctx.catalog.types
    rows: list[list[Any]] = []
    for type_id, counts in c.bom_diff.items():
        bt = types.get(type_id)
        name = bt.name.get(lang, bt.name["en"]) if bt else type_id
        rows.append([name] + [ctx.fmt.num(n, 0) for n in counts])
    n = len(c.options)
    widths = [W - 20 * mm * n] + [20 * mm] * n
    return data_table(ctx.styles, [ctx.t("options.block_type")] + [_name(ctx, o.name)[:14] for o in c.options],
                      rows, widths, "L" + "R" * n)


__all__ = ["options_section", "difference_sentences", "chosen_comparison", "ACCENT_LIGHT"]
