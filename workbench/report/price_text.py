"""The sentences every export states once about its prices (basis, rate, validity) and the allowance rows, in the report language."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from workbench.report.bom import METRES, Allowance, Bom, BomLine
from workbench.report.formatting import Formatter

T = Callable[..., str]


def dates_text(bom: Bom) -> str:
    first, last = bom.price_dates()
    return first if first == last else f"{first} – {last}"


def basis_phrases(text: str, t_or: Callable[[str, str], str]) -> str:
    """A catalog price basis ("rough order of magnitude, excludes installation") phrase by phrase in the
    report language; phrases without a translation stay as written."""
    sep = t_or("basis._sep", ", ")
    return sep.join(t_or(f"basis.{ph.strip()}", ph.strip()) for ph in text.split(",") if ph.strip())


def price_basis_notes(bom: Bom, fmt: Formatter, t: T, validity_days: int) -> list[str]:
    """The price basis of the export, stated once: currency and rate, what prices include, validity.

    A customer export says nothing about cost, premium or price factor; an internal one states them.
    """
    p = bom.pricing
    cur = p.currency
    notes = [t("basis.prices", cur=cur, dates=dates_text(bom) or "—")]
    if cur != "USD":
        key = "basis.fx_default" if p.rate_is_default else "basis.fx_typed"
        notes.append(t(key, rate=fmt.num(p.rate_per_usd, 4), cur=cur))
    notes.append(t("basis.allowances"))
    if p.internal:
        notes.append(t("basis.internal", premium=fmt.pct(p.premium, 1), factor=fmt.num(p.factor, 3),
                       margin=fmt.money(float(bom.project_total - bom.project_cost), cur, p.digits)))
    notes.append(t("basis.validity", days=fmt.num(validity_days)))
    if bom.unknown_blocks:
        notes.append(t("bom.note_unknown", n=fmt.num(bom.unknown_blocks)))
    return notes


def allowance_basis(a: Allowance, bom: Bom, fmt: Formatter, t: T) -> str:
    """How an allowance is sized, e.g. "8 % of power equipment", "US$180 per m² × 1,234 m²" or "fixed amount"."""
    if a.fixed:
        return t("allowance.fixed")
    if a.base in ("white_space", "ups_kw"):
        unit = "m²" if a.base == "white_space" else "kW"
        rate = bom.pricing.usd_amount(a.rate)
        qty = fmt.qty("area", a.base_amount, 0) if a.base == "white_space" else fmt.with_unit(
            fmt.num(a.base_amount), "kW")
        if a.base == "white_space" and fmt.units == "imperial":
            unit = "ft²"
            rate = Decimal(str(round(float(rate) / fmt.value("area", 1.0), 2)))
        return t("allowance.per_unit", rate=fmt.money(float(rate), bom.currency, 2), unit=unit, qty=qty)
    return t("allowance.share", pct=fmt.pct(a.rate, 1 if (a.rate * 100) % 1 else 0),
             base=t(f"allowance.base.{a.base}"))


def allowance_source(a: Allowance, t: T) -> str:
    """The source an internal export shows for an allowance, with its assumption key."""
    return t("allowance.fixed_source", param=a.param) if a.fixed else f"{a.source} ({a.param})"


def allowances_intro(bom: Bom, t: T) -> str:
    return t("bom.allowances_intro_fixed") if any(a.fixed for a in bom.allowances) else t("bom.allowances_intro")


def money_cell(fmt: Formatter, amount: Decimal, bom: Bom) -> str:
    return fmt.num(float(amount), bom.pricing.digits)


def line_quantity(fmt: Formatter, t: T, ln: BomLine) -> str:
    """A line's quantity as read: a count of pieces, or metres of run with the unit written."""
    return t("qty.metres", n=fmt.num(ln.quantity)) if ln.unit == METRES else fmt.num(ln.quantity)


def quantity_text(fmt: Formatter, t: T, pieces: int, metres: int) -> str:
    """A subtotal's quantity: pieces and metres side by side, never added into one number."""
    if metres and pieces:
        return t("qty.pieces_and_metres", pieces=fmt.num(pieces), metres=fmt.num(metres))
    return t("qty.metres", n=fmt.num(metres)) if metres else fmt.num(pieces)
