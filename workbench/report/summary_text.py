"""The executive summary in plain language, written from the calculation results."""

from __future__ import annotations

from workbench.report.context import Ctx
from workbench.report.price_text import dates_text


def summary_paragraphs(ctx: Ctx) -> list[str]:
    """Plain-text paragraphs (escaped later); every figure is a formatted calculation result."""
    r, fmt, t, site = ctx.results, ctx.fmt, ctx.t, ctx.design.site
    sp = r.space
    racks = sp["racks"]
    out: list[str] = []
    project = site.name or t("report.untitled")
    if r.it_load_kw <= 0:
        out.append(t("summary.empty", project=project, blocks=ctx.count("blocks", sp["block_count"]),
                     halls=ctx.count("halls", len(ctx.design.halls))))
    else:
        who = t("summary.for_customer", customer=site.customer) if site.customer else ""
        where = t("summary.at_location", location=site.location) if site.location else ""
        out.append(t("summary.scope", project=project, who=who, where=where,
                     it=fmt.qty("power_mw", r.it_load_kw / 1000.0, 2), racks=fmt.num(sp["rack_count"]),
                     compute=fmt.num(racks["compute"]), network=fmt.num(racks["network"]),
                     storage=fmt.num(racks["storage"]), halls=ctx.count("halls", _it_halls(ctx)),
                     white=fmt.qty("area", sp["white_space_m2"], 0),
                     per_rack=fmt.qty("power", ctx.compute_kw_per_rack(), 1)))
        e = r.energy
        out.append(t("summary.pue", pue=fmt.pue(r.pue), peak=fmt.pue(r.pue_peak),
                     util=fmt.pct(r.load_fraction), pue_at=fmt.pue(r.pue_at_load),
                     mwh=fmt.qty("energy", e["annual_facility_mwh"], 0),
                     cost=fmt.money(ctx.money(e["annual_cost"], e["currency"]), ctx.currency),
                     price=fmt.money(ctx.money(e["electricity_price_per_kwh"], e["currency"]), ctx.currency, 3)))
        out.append(_capacity_sentence(ctx))
        c = r.cooling
        out.append(t("summary.cooling", liquid=fmt.pct(ctx.liquid_share_of_it(), 1), airflow=fmt.qty("airflow", c["airflow_m3h"], 0),
                     coolant=fmt.qty("coolant", c["coolant_lpm"], 0),
                     cooling_kw=fmt.qty("power", c["cooling_power_kw"], 0)))
    bom = ctx.bom
    capex = float(bom.project_total)
    if capex > 0:
        mw = r.it_load_kw / 1000.0
        out.append(t("summary.cost", capex=fmt.money(capex, ctx.currency),
                     equipment=fmt.money(float(bom.total), ctx.currency),
                     allowances=fmt.money(float(bom.allowances_total), ctx.currency),
                     per_mw=fmt.money(capex / mw, ctx.currency) if mw > 0 else "—",
                     facility_per_mw=fmt.money((capex - float(bom.it_equipment)) / mw, ctx.currency) if mw > 0
                     else "—", dates=dates_text(bom) or "—"))
    errors = sum(1 for ch in r.checks if ch.severity == "error")
    warnings = sum(1 for ch in r.checks if ch.severity == "warning")
    if errors or warnings:
        out.append(t("summary.checks", errors=ctx.count("errors", errors), warnings=ctx.count("warnings", warnings)))
    else:
        out.append(t("summary.checks_none"))
    return out


def _capacity_sentence(ctx: Ctx) -> str:
    r, fmt, t = ctx.results, ctx.fmt, ctx.t
    systems = list(r.power["systems"]) + [e for k in ("air", "liquid", "heat_rejection") for e in r.cooling[k]]
    if not systems:
        return t("summary.no_systems")
    failing = [e for e in systems if not e["redundancy_met"]]
    busiest = max(systems, key=lambda e: e["utilisation"] or 0.0)
    label = f"{ctx.system_name(busiest['name'])} / {ctx.role_of(busiest)}"
    if failing:
        names = ", ".join(f"{ctx.system_name(e['name'])} / {ctx.role_of(e)} ({e['scheme']})" for e in failing)
        return t("summary.redundancy_fail", n=fmt.num(len(failing)), total=fmt.num(len(systems)), names=names,
                 busiest=label, util=fmt.pct(busiest["utilisation"]))
    return t("summary.redundancy_ok", total=fmt.num(len(systems)), busiest=label,
             util=fmt.pct(busiest["utilisation"]))


def _it_halls(ctx: Ctx) -> int:
    """Halls that hold IT racks (a plant yard is not a hall the IT capacity is "across")."""
    return sum(1 for h in ctx.results.space["halls"] if h["it_kw"] > 0) or len(ctx.design.halls)
