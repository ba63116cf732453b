"""Money in one base currency (USD) inside the calculation; the one conversion used at the edges (reports, docks, CLI)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

# Catalog prices are normalised to this currency when the snapshot is built; every calculated cost
# figure stays in it. Only the edges (report, docks, CLI) convert, through convert() below.
BASE_CURRENCY = "USD"


@dataclass(frozen=True)
class Fx:
    """One target currency and its rate, as used for one export or one view."""

    currency: str
    rate_per_usd: float  # units of `currency` per USD
    source: str = ""
    rate_is_default: bool = True  # from the shipped rate table, not typed by the user


def fx_problem(currency: str, rate: float | None, rates: Mapping[str, float]) -> str | None:
    """A message for a currency/rate pair that cannot be used, else None."""
    code = (currency or "").strip().upper()
    if not (len(code) == 3 and code.isalpha()):
        return f"currency must be a three-letter ISO code such as USD or CNY, not {currency!r}"
    if rate is not None:
        if not (rate > 0 and rate < 1e7):
            return f"exchange rate must be a positive number, not {rate!r}"
        if code == BASE_CURRENCY and abs(rate - 1.0) > 1e-12:
            return (f"the rate of {BASE_CURRENCY} is 1 by definition (rates are units of the currency per "
                    f"{BASE_CURRENCY}), not {rate:g}")
        return None
    if code not in rates:
        known = ", ".join(sorted(rates))
        return (f"no exchange rate for {code}: give one (units of {code} per {BASE_CURRENCY}) or choose a "
                f"currency with a shipped rate ({known})")
    return None


def resolve_fx(currency: str, rate: float | None, rates: Mapping[str, float], source: str = "") -> Fx:
    """The Fx for a currency and an optional typed rate; raises ValueError with fx_problem()'s message."""
    problem = fx_problem(currency, rate, rates)
    if problem:
        raise ValueError(problem)
    code = currency.strip().upper()
    if rate is None:
        return Fx(code, float(rates[code]), source, True)
    return Fx(code, float(rate), "", False)


def convert(amount: float, from_currency: str, to: Fx, rates: Mapping[str, float]) -> float:
    """amount in from_currency, in to.currency: the one conversion of the program.

    The same currency converts to itself exactly (no round trip through USD); the base currency uses
    the target's rate (which may be typed by the user); any other source currency uses the rate table.
    """
    src = (from_currency or BASE_CURRENCY).upper()
    if src == to.currency:
        return float(amount)
    if src == BASE_CURRENCY:
        usd = float(amount)
    else:
        src_rate = rates.get(src)
        if not src_rate:
            raise ValueError(f"no exchange rate for {src} to convert into {to.currency}")
        usd = float(amount) / src_rate
    return usd * to.rate_per_usd


def display_fx(currency: str, rates: Mapping[str, float], source: str = "") -> Fx:
    """The Fx for showing figures in a design's currency; the base currency when that has no rate."""
    code = (currency or BASE_CURRENCY).strip().upper()
    rate = rates.get(code)
    return Fx(code, float(rate), source) if rate else Fx(BASE_CURRENCY, 1.0, source)
