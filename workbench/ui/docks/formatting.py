"""Number formatting and parsing for the docks: thousands separators, units, forgiving input."""

from __future__ import annotations

import math


def fmt_number(value: float | None, decimals: int = 0) -> str:
    """1234.5 -> '1,235' (decimals=0) or '1,234.50' (decimals=2); None -> '—'."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "—"
    return f"{value:,.{decimals}f}"


def fmt_editable(value: float) -> str:
    """Shortest faithful text for an edit field: '1,200', '0.8', '995.7', '0.025'."""
    if not math.isfinite(value):
        return ""
    if float(value).is_integer() and abs(value) < 1e15:
        return f"{int(value):,}"
    text = f"{value:,.6f}".rstrip("0").rstrip(".")
    return text if text not in ("0", "-0") else f"{value:.6g}"


def fmt_money(amount: float | None, currency: str) -> str:
    """Whole currency units with separators: '64,706,250 EUR'."""
    if amount is None:
        return "—"
    return f"{amount:,.0f} {currency}".strip()


def fmt_percent(fraction: float | None, decimals: int = 0) -> str:
    if fraction is None:
        return "—"
    return f"{fraction * 100:.{decimals}f} %"


def parse_number(text: str) -> float:
    """Parse user input; thousands separators and spaces are allowed. Raises ValueError."""
    cleaned = text.strip().replace(",", "").replace("\u202f", "").replace("\u00a0", "").replace(" ", "")
    if not cleaned:
        raise ValueError("empty")
    value = float(cleaned)
    if not math.isfinite(value):
        raise ValueError("not finite")
    return value
