"""The xlsx BOM's allowances as formulas of the cells they are sized from: share × subtotals, rate × quantities.

The amounts themselves come from the one allowance rule (calc/allowances.py, via report/bom.py); this module
only says where, in the workbook, the figures that rule read stand, so that a quantity or unit price edited in
the sheet carries through to the allowances and the totals. Each formula is checked against the Bom's own
base before it is written: if the two ever disagree (the rule changed, the sheet did not), the amount is
written as a value rather than a formula that would drift.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from workbench.calc.allowances import SIZED_FROM, Allowance, battery_allowance_kw
from workbench.model.blocktype import RACK_CATEGORIES, Catalog
from workbench.report.bom import Bom
from workbench.report.bom_runs import RUN_PREFIX


@dataclass(frozen=True)
class AllowanceCells:
    """Where the figures the allowances are sized from stand in the workbook (A1 references)."""

    subtotal: dict[str, str]  # category -> its selling-price subtotal cell on the Summary sheet
    extended: list[str]  # per Bom line, in order: its extended-price cell (sheet-qualified)
    quantity: list[str]  # per Bom line, in order: its quantity cell (sheet-qualified)
    white_space: str | None  # the cell holding the white space in m², when an allowance is a rate per m²


def number_literal(x: float) -> str:
    """A number as a formula literal: the shortest text that reads back as the same float."""
    return str(int(x)) if x == int(x) and abs(x) < 1e15 else repr(float(x))


def _ranges(refs: list[str], rows: list[int]) -> list[str]:
    """Cells of consecutive lines as one SUM of their range (five cable classes read as one term)."""
    out: list[str] = []
    start = 0
    for k in range(1, len(rows) + 1):
        if k == len(rows) or rows[k] != rows[k - 1] + 1:
            first, last = refs[start], refs[k - 1]
            out.append(first if first == last else f"SUM({first}:{last.rsplit('!', 1)[-1]})")
            start = k
    return out


def _share_terms(part: str, bom: Bom, cells: AllowanceCells) -> tuple[list[str], list[str], Decimal]:
    """(cells added, cells subtracted, the same sum from the Bom) for an equipment subtotal an allowance is a
    share of; connection runs are subtracted where the rule leaves them out (report/bom.py, bases_at)."""
    runs = [i for i, ln in enumerate(bom.lines) if ln.type_id.startswith(RUN_PREFIX)]
    if part in ("power", "cooling"):
        plus = [part] if part in cells.subtotal else []
        minus = [i for i in runs if bom.lines[i].category == part]
    elif part in ("facility", "facility_equipment"):
        plus = [c for c in bom.categories if c not in RACK_CATEGORIES]
        minus = runs if part == "facility_equipment" else []
    else:
        raise KeyError(part)
    value = sum((bom.subtotal(c) for c in plus), Decimal(0)) - sum((bom.lines[i].extended for i in minus), Decimal(0))
    return [cells.subtotal[c] for c in plus], _ranges([cells.extended[i] for i in minus], minus), value


def _quantity_terms(part: str, bom: Bom, cells: AllowanceCells, catalog: Catalog) -> tuple[str, float | None] | None:
    """(the quantity as a formula, its value from the lines, or None where the cell holds the Bom's own figure)
    for a rate per unit; None when the quantity is not in the sheet."""
    if part == "white_space_m2":
        return None if cells.white_space is None else (cells.white_space, None)
    if part == "ups_kw":  # each UPS line's kW (the calc rule, one type at a time) times its quantity cell
        terms = [(battery_allowance_kw({ln.type_id: 1}, catalog), i) for i, ln in enumerate(bom.lines)]
        terms = [(kw, i) for kw, i in terms if kw > 0]
        if not terms:
            return None
        expr = "+".join(f"{number_literal(kw)}*{cells.quantity[i]}" for kw, i in terms)
        return expr, float(sum(kw * bom.lines[i].quantity for kw, i in terms))
    raise KeyError(part)


def allowance_formula(a: Allowance, bom: Bom, cells: AllowanceCells, catalog: Catalog) -> str | None:
    """The allowance's amount as a formula, e.g. =ROUND(0.08*(D12-'Detail'!I7),2); None for a fixed amount
    (a value) or when the cells would not give the Bom's figure."""
    if a.fixed:
        return None
    dg = bom.pricing.digits
    part = SIZED_FROM[a.key][1]
    if part in ("white_space_m2", "ups_kw"):
        found = _quantity_terms(part, bom, cells, catalog)
        if found is None:
            return None
        qty, kw = found
        if kw is not None and abs(kw - a.base_amount) > 1e-9 * max(1.0, abs(a.base_amount)):
            return None
        # The unit rate is the Bom's selling rate, rounded first, so rate × quantity is the amount
        # (calc/allowances.py). It stays a number in an internal workbook too: re-deriving it from the rate and
        # factor input cells would round differently from the Bom at some rates (150 USD × 3.6731 = 550.965 is
        # 550.96 in the Bom, 550.97 in a spreadsheet).
        return f"=ROUND({bom.pricing.unit_price(a.rate)}*{_grouped(qty)},{dg})"
    plus, minus, subtotal = _share_terms(part, bom, cells)
    if not plus or float(subtotal) != a.base_amount:
        return None
    base = "+".join(plus) + "".join(f"-{m}" for m in minus)
    return f"=ROUND({number_literal(a.rate)}*{_grouped(base)},{dg})"


def _grouped(expr: str) -> str:
    """A sum in brackets, a single cell as it is."""
    return f"({expr})" if any(op in expr for op in "+-*") else expr
