"""One price basis of an export or a view: currency and rate, build premium, price factor, rounding to the minor unit."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from workbench.calc.money import Fx

# Currencies without minor units in everyday prices (ISO 4217 exponent 0).
_NO_MINOR = frozenset({"JPY", "KRW", "VND", "ISK", "CLP", "HUF", "TWD"})


def minor_digits(currency: str) -> int:
    return 0 if currency.upper() in _NO_MINOR else 2


def round_money(value: float, digits: int) -> Decimal:
    """Half away from zero, as a spreadsheet's ROUND does, so the xlsx formulas give the same figures.

    A spreadsheet rounds the number as it shows it, to 15 significant digits: 150 × 3.6731 is
    550.96499999999992 in binary but 550.965 to a spreadsheet, whose ROUND gives 550.97. The shortest repr
    (17 digits) would round it down, a cent off the workbook's own formula.
    """
    return Decimal(format(float(value), ".15g")).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Pricing:
    """The one price basis of an export: currency and rate, the build premium and the price factor (margin).

    The design report, the BOM PDF, the xlsx and the CSV of one export use the same basis: every price
    they show is a selling price (cost × factor); an internal export also shows cost, factor and margin.
    """

    fx: Fx
    premium: float  # ai_build_premium assumption
    factor: float  # price factor (1.15 = selling price 15 % above cost)
    audience: str = "customer"  # "customer": selling prices only; "internal": cost, factor and margin too

    @property
    def currency(self) -> str:
        return self.fx.currency

    @property
    def rate_per_usd(self) -> float:
        return self.fx.rate_per_usd

    @property
    def fx_source(self) -> str:
        return self.fx.source

    @property
    def rate_is_default(self) -> bool:
        return self.fx.rate_is_default

    @property
    def internal(self) -> bool:
        return self.audience == "internal"

    @property
    def digits(self) -> int:
        return minor_digits(self.currency)

    def unit_cost(self, usd: float) -> Decimal:
        """Cost of one unit in the export currency, rounded to the currency's minor unit."""
        return round_money(usd * self.rate_per_usd * (1.0 + self.premium), self.digits)

    def unit_price(self, usd: float) -> Decimal:
        """Selling price of one unit: the rounded cost times the factor, rounded again (as the xlsx does)."""
        return round_money(float(self.unit_cost(usd)) * self.factor, self.digits)

    def usd_amount(self, usd: float) -> Decimal:
        """A non-equipment amount given in USD (an allowance rate), at the selling basis."""
        return self.unit_price(usd)

    def lump_cost(self, usd: float) -> Decimal:
        """A fixed amount the user gave in USD, in the export currency: converted, with no equipment premium."""
        return round_money(usd * self.rate_per_usd, self.digits)

    def lump_price(self, usd: float) -> Decimal:
        """Its selling price: the converted cost times the factor, rounded (as every other price)."""
        return round_money(float(self.lump_cost(usd)) * self.factor, self.digits)
