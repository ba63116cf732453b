"""Report section on assumptions and methodology: every parameter with its value and source, formulas, catalog sources."""

from __future__ import annotations

from collections.abc import Callable

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from workbench.model.assumptions import effective_assumptions
from workbench.report.context import Ctx
from workbench.report.customer_text import customer_source, without_money
from workbench.report.bom_runs import run_sources
from workbench.report.price_text import basis_phrases
from workbench.report.styles import cell_with_note, data_table

FORMULAS = ("loss", "efficiency", "redundancy", "airflow", "coolant", "pue", "ppue", "energy", "floor", "capex")


def methodology_section(ctx: Ctx, heading: Callable[..., Flowable]) -> list[Flowable]:
    fmt, t, s = ctx.fmt, ctx.t, ctx.styles
    internal = ctx.pricing.internal
    # A customer reads the sources without our evidence tags, file references and assumption keys.
    src = without_money if internal else (lambda text: ctx.lang.source(customer_source(text)))
    intro = t("method.intro") if internal else t("method.intro_customer")
    out: list[Flowable] = [*heading(ctx, t("method.title"), 0), s.p(intro)]
    out += heading(ctx, t("method.parameters"), 1)
    values = effective_assumptions(ctx.design, ctx.catalog)
    rows = []
    for key, spec in sorted(ctx.catalog.parameters.items(), key=lambda kv: (kv[1].group, kv[0])):
        value = values[key]
        label = spec.label.get(ctx.options.lang) or spec.label.get("en") or key
        changed = abs(value - spec.default) > 1e-12
        # Value and unit share a column so the source, the longest text, wraps less.
        shown = _shown(ctx, key, value, spec.unit) + (" *" if changed else "")
        name = cell_with_note(label, key, s.cell) if internal else label
        rows.append([ctx.lang.tr(f"group.{spec.group}", spec.group), name, shown, src(spec.source)])
    if rows:
        out.append(data_table(s, [t("col.group"), t("col.parameter"), t("col.value"), t("col.source")],
                              rows, [20 * mm, 52 * mm, 24 * mm, 78 * mm], "LLRL"))
    out.append(s.p(t("method.changed_note"), s.note))
    # schemes
    out += heading(ctx, t("method.schemes"), 1)
    a = ctx.design.assumptions
    rows = [[t("method.power"), ctx.system_name(k), v] for k, v in sorted(a.power_schemes.items())]
    rows += [[t("method.cooling"), ctx.system_name(k), v] for k, v in sorted(a.cooling_schemes.items())]
    out.append(data_table(s, [t("col.domain"), t("col.system"), t("col.scheme")], rows,
                          [40 * mm, 80 * mm, 54 * mm], "LLL"))
    # formulas
    out += heading(ctx, t("method.formulas"), 1)
    for key in FORMULAS:
        out.append(s.p(t(f"formula.{key}.title"), s.h3))
        out.append(s.p(t(f"formula.{key}.text")))
    # sources of the block types used
    out += heading(ctx, t("method.sources"), 1)
    used = list(dict.fromkeys(ln.type_id for ln in ctx.bom.lines))
    lines = {ln.type_id: ln for ln in ctx.bom.lines}
    run_src = run_sources(ctx.catalog)
    rows = []
    for tid in used:
        bt = ctx.catalog.types.get(tid)
        if bt is None:  # a connection run line: its per-metre price and source come from the run price list
            ln = lines[tid]
            source, date = run_src.get(tid, ("", ln.price_date))
            rows.append([cell_with_note(ln.name, tid, s.cell), src(source) or "—", basis_phrases(ln.basis, ctx.lang.tr),
                         date or "—"])
            continue
        # The catalog id sits under the name (as parameter keys do) so the source text gets the width.
        rows.append([cell_with_note(bt.display_name(ctx.options.lang), tid, s.cell),
                     src(bt.source) or "—", basis_phrases(bt.price.basis, ctx.lang.tr), bt.price.date or "—"])
    if rows:
        out.append(data_table(s, [t("col.item"), t("col.source"), t("col.price_basis"), t("col.price_date")],
                              rows, [46 * mm, 80 * mm, 32 * mm, 16 * mm], "LLLL"))
    else:
        out.append(s.p(t("equipment.empty"), s.note))
    return out


def _shown(ctx: Ctx, key: str, value: float, unit: str) -> str:
    """A parameter's value and unit; money rates in the export's one currency (converted once, here)."""
    source = "USD" if unit.startswith("USD") else (
        ctx.design.site.currency if unit.startswith("/") and "price" in key else None)
    if source:
        cur = ctx.currency
        amount = ctx.money(value, source)
        rest = unit[3:] if unit.startswith("USD") else unit
        return f"{_param(ctx.fmt, round(amount, 4))} {cur}{rest}"
    value, unit = ctx.fmt.param(value, unit)
    return " ".join(filter(None, (_param(ctx.fmt, value), unit)))


def _param(fmt: object, value: float) -> str:
    from workbench.report.formatting import Formatter

    assert isinstance(fmt, Formatter)
    if value == int(value) and abs(value) >= 1:
        return fmt.num(value, 0)
    text = f"{value:.6g}"
    digits = len(text.split(".")[1]) if "." in text and "e" not in text else 3
    return fmt.num(value, digits)
