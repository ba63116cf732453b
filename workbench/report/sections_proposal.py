"""Report sections a proposal needs besides the engineering: basis of design, scope and terms, revisions, sign-off."""

from __future__ import annotations

from collections.abc import Callable

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from workbench.model.proposal import DEFAULT_CLARIFICATIONS, DEFAULT_EXCLUSIONS, DEFAULT_SCOPE
from workbench.report.context import Ctx
from workbench.report.styles import data_table, kv_table

HeadingFn = Callable[..., list[Flowable]]


def _items(ctx: Ctx, typed: list[str], defaults: tuple[str, ...], kind: str) -> list[str]:
    """The user's list, or the default items worded in the report language."""
    if typed:
        return [x for x in typed if x.strip()]
    return [ctx.t(f"proposal.default.{kind}.{key}") for key in defaults]


def _bullets(ctx: Ctx, items: list[str]) -> list[Flowable]:
    return [ctx.styles.p("• " + x, ctx.styles.bullet) for x in items]


def basis_of_design_section(ctx: Ctx, heading: HeadingFn) -> list[Flowable]:
    """Standards and basis of design: ASHRAE class, tier intent, codes, and the design's key assumptions."""
    p, t, fmt = ctx.design.proposal, ctx.t, ctx.fmt
    values = ctx.bom_values()
    rows: list[tuple[str, object]] = [
        (t("bod.ashrae"), p.ashrae_class or t("bod.not_stated")),
        (t("bod.tier"), t("bod.tier_value", tier=p.tier) if p.tier else t("bod.not_stated")),
        (t("bod.codes"), "; ".join(p.codes) if p.codes else t("bod.not_stated")),
        (t("bod.it_load"), fmt.qty("power", ctx.results.it_load_kw, 0)),
        (t("bod.utilisation"), fmt.pct(ctx.results.load_fraction)),
        (t("bod.supply_water"), fmt.temp(values.get("facility_water_supply_c", 0.0))),
    ]
    schemes = sorted(set(ctx.design.assumptions.power_schemes.values()))
    if schemes:
        rows.append((t("bod.power_redundancy"), ", ".join(schemes)))
    out: list[Flowable] = [*heading(ctx, t("bod.title"), 1)]
    out.append(kv_table(ctx.styles, rows, [60 * mm, 114 * mm]))
    return out


def scope_section(ctx: Ctx, heading: HeadingFn) -> list[Flowable]:
    """Scope, exclusions, clarifications, then validity, delivery terms and payment terms."""
    p, t, s = ctx.design.proposal, ctx.t, ctx.styles
    out: list[Flowable] = [*heading(ctx, t("proposal.title"), 0)]
    for kind, typed, defaults in (("scope", p.scope, DEFAULT_SCOPE),
                                  ("exclusions", p.exclusions, DEFAULT_EXCLUSIONS),
                                  ("clarifications", p.clarifications, DEFAULT_CLARIFICATIONS)):
        out.append(s.p(t(f"proposal.{kind}"), s.h3))
        out += _bullets(ctx, _items(ctx, typed, defaults, kind))
    out.append(s.p(t("proposal.terms"), s.h3))
    out.append(kv_table(s, [
        (t("proposal.validity"), t("proposal.validity_value", days=ctx.fmt.num(ctx.validity_days()),
                                   date=ctx.fmt.date(ctx.options.date))),
        (t("proposal.price_basis"), p.price_basis or t("proposal.price_basis_default", cur=ctx.currency)),
        (t("proposal.payment"), p.payment_terms or t("proposal.payment_placeholder")),
    ], [60 * mm, 114 * mm]))
    out += basis_of_design_section(ctx, heading)
    return out


def revisions_and_sign_off(ctx: Ctx, heading: HeadingFn) -> list[Flowable]:
    """Revision history (revision, date, author, change) and the sign-off block, kept on one page."""
    p, t, s, site = ctx.design.proposal, ctx.t, ctx.styles, ctx.design.site
    revisions = p.revisions or []
    rows = [[r.rev, r.date, r.author, r.change] for r in revisions]
    if not rows:  # the design's own revision letter as the single entry
        rows = [[site.revision or "A", ctx.fmt.date(ctx.options.date), site.prepared_by or "—",
                 t("proposal.first_issue")]]
    table = data_table(s, [t("col.revision"), t("col.date"), t("col.author"), t("col.change")], rows,
                       [18 * mm, 28 * mm, 40 * mm, 88 * mm], "LLLL")
    signers = p.sign_off or []
    sign_rows = [[x.role, x.name, x.date, ""] for x in signers] or [
        [t(f"proposal.sign.{role}"), site.prepared_by if role == "prepared" else "", "", ""]
        for role in ("prepared", "checked", "approved", "customer")]
    sign = data_table(s, [t("col.role"), t("col.name"), t("col.date"), t("col.signature")], sign_rows,
                      [46 * mm, 50 * mm, 28 * mm, 50 * mm], "LLLL")
    sign.setStyle([("TOPPADDING", (0, 1), (-1, -1), 9), ("BOTTOMPADDING", (0, 1), (-1, -1), 9)])
    return [*heading(ctx, t("proposal.revisions"), 1), table, Spacer(1, 4 * mm),
            KeepTogether([s.p(t("proposal.sign_off"), s.h3), sign])]
