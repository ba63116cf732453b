"""Numbers, quantities with units (SI or imperial), money and dates formatted for a report language."""

from __future__ import annotations

import datetime as dt
import math

from workbench.text.language import Language

# Exact or standard conversion factors (definitions, not design figures).
FT_PER_M = 1.0 / 0.3048
FT2_PER_M2 = FT_PER_M**2
LB_PER_KG = 1.0 / 0.45359237
LBFT2_PER_KNM2 = 1000.0 / (0.45359237 * 9.80665) / FT2_PER_M2  # kN/m² -> lbf/ft²
M3H_PER_CFM = 0.3048**3 * 60.0
LPM_PER_GPM = 3.785411784
GAL_PER_M3 = 1000.0 / 3.785411784  # US gallons

# quantity kind -> (SI unit, imperial unit, factor SI->imperial)
_KINDS: dict[str, tuple[str, str, float]] = {
    "area": ("m²", "ft²", FT2_PER_M2),
    "length_m": ("m", "ft", FT_PER_M),
    "weight": ("kg", "lb", LB_PER_KG),
    "floor": ("kN/m²", "lb/ft²", LBFT2_PER_KNM2),
    "airflow": ("m³/h", "CFM", 1.0 / M3H_PER_CFM),
    "coolant": ("L/min", "gpm", 1.0 / LPM_PER_GPM),
    "power": ("kW", "kW", 1.0),
    "power_mw": ("MW", "MW", 1.0),
    "energy": ("MWh", "MWh", 1.0),
    "density_area": ("kW/m²", "W/ft²", 1000.0 / FT2_PER_M2),
    "water": ("m³", "gal", GAL_PER_M3),
    "water_per_energy": ("L/kWh", "gal/kWh", 1.0 / LPM_PER_GPM),
}


class Formatter:
    """Formats every figure the reports show; tests format expected values with the same object."""

    def __init__(self, lang: Language, units: str = "si") -> None:
        if units not in ("si", "imperial"):
            raise ValueError(f"units must be 'si' or 'imperial', not {units!r}")
        self.lang = lang
        self.units = units
        m = lang.meta
        self.thousands: str = m.get("thousands", ",")
        self.decimal: str = m.get("decimal", ".")
        self.joiner: str = m.get("unit_joiner", "\u00a0")
        self.symbols: dict[str, str] = m.get("currency_symbols", {})
        self.money_pattern: str = m.get("money_format", "{symbol}{amount}")

    # --- plain numbers -----------------------------------------------------------------
    def num(self, value: float | None, digits: int = 0) -> str:
        if value is None or (isinstance(value, float) and not math.isfinite(value)):
            return "—"
        text = f"{value:,.{digits}f}"
        if text.startswith("-") and float(text.replace(",", "")) == 0.0:
            text = text[1:]
        return text.replace(",", "\x00").replace(".", self.decimal).replace("\x00", self.thousands)

    def pct(self, fraction: float | None, digits: int = 0) -> str:
        if fraction is None:
            return "—"
        # ISO 80000 puts a (no-break) space before %; Chinese practice writes 80% (meta percent_joiner).
        return self.num(fraction * 100.0, digits) + self.lang.meta.get("percent_joiner", self.joiner) + "%"

    def pue(self, value: float | None) -> str:
        return self.num(value, 3)

    # --- quantities ----------------------------------------------------------------------
    def unit(self, kind: str) -> str:
        si, imp, _ = _KINDS[kind]
        return imp if self.units == "imperial" else si

    def value(self, kind: str, si_value: float) -> float:
        _, _, factor = _KINDS[kind]
        return si_value * factor if self.units == "imperial" else si_value

    def qty(self, kind: str, si_value: float | None, digits: int = 0) -> str:
        if si_value is None:
            return "—"
        return self.with_unit(self.num(self.value(kind, si_value), digits), self.unit(kind))

    def with_unit(self, number: str, unit: str) -> str:
        """Join a number and its unit so a line never breaks between them."""
        return f"{number}{self.joiner}{unit}" if unit else number

    def temp(self, celsius: float, digits: int = 1) -> str:
        """A temperature: °C, or °F in imperial reports."""
        if self.units == "imperial":
            return self.with_unit(self.num(celsius * 9.0 / 5.0 + 32.0, digits), "°F")
        return self.with_unit(self.num(celsius, digits), "°C")

    def length_mm(self, mm: float, digits: int = 1) -> str:
        """A length: metres, or feet and inches in imperial reports (98 ft 5 in)."""
        if self.units == "imperial":
            inches = round(mm / 25.4)
            feet, rest = divmod(inches, 12)
            return self.with_unit(self.num(feet), "ft") + (" " + self.with_unit(self.num(rest), "in") if rest else "")
        return self.qty("length_m", mm / 1000.0, digits)

    def param(self, value: float, unit: str) -> tuple[float, str]:
        """An assumption's value and unit, in imperial units when chosen (°C, K, mm, m², L/min, m³ ...)."""
        if self.units != "imperial":
            return value, unit
        conv = {"°C": (lambda v: v * 1.8 + 32.0, "°F"), "K": (lambda v: v * 1.8, "°F"),
                "mm": (lambda v: v / 25.4, "in"), "m²": (lambda v: v * FT2_PER_M2, "ft²"),
                "L/min": (lambda v: v / LPM_PER_GPM, "gpm"), "kg/m³": (lambda v: v * 0.0624279606, "lb/ft³"),
                "kN/m²": (lambda v: v * LBFT2_PER_KNM2, "lb/ft²"), "L/kWh": (lambda v: v / LPM_PER_GPM, "gal/kWh")}
        if unit in conv:
            fn, new = conv[unit]
            return fn(value), new
        return value, unit

    # --- money and dates -----------------------------------------------------------------
    def symbol(self, currency: str) -> str:
        return self.symbols.get(currency, currency + self.joiner)

    def money(self, amount: float | None, currency: str, digits: int = 0) -> str:
        if amount is None:
            return "—"
        sign = "-" if amount < 0 and round(abs(amount), digits) > 0 else ""
        return sign + self.money_pattern.format(symbol=self.symbol(currency), amount=self.num(abs(amount), digits),
                                                code=currency)

    def money_short(self, amount: float, currency: str) -> str:
        """Large amounts for headline figures: €64.7 M; in Chinese 6.47 亿元 / 6,470 万美元 (万 and 亿, as
        Chinese documents write money). Number and unit are joined by a no-break space."""
        large = self.lang.meta.get("large_money")
        if large:
            for size, word in large:
                if abs(amount) >= size:
                    digits = 2 if size >= 1e8 else 0
                    name = self.lang.meta.get("currency_words", {}).get(currency, currency)
                    return self.num(amount / size, digits) + self.joiner + word + name
            return self.money(amount, currency)
        if abs(amount) >= 1e6:
            return self.money(amount / 1e6, currency, 1) + self.lang.t("unit.million_suffix")
        return self.money(amount, currency)

    def date(self, day: dt.date) -> str:
        months = self.lang.meta.get("months") or []
        month = months[day.month - 1] if len(months) == 12 else str(day.month)
        return self.lang.meta.get("date_format", "{d} {month} {y}").format(d=day.day, m=day.month, month=month,
                                                                             y=day.year)


# User text can be as long as the schema allows (10,000 characters); a page cannot. Names drawn in titles,
# headings, headers and footers are cut to SHORT_TEXT_CHARS, table cells (which cannot split across pages,
# and may be narrow) to CELL_TEXT_CHARS, paragraphs to LONG_TEXT_CHARS, always with an ellipsis so the
# reader sees that something was cut.
SHORT_TEXT_CHARS = 160
CELL_TEXT_CHARS = 240
LONG_TEXT_CHARS = 1500


def ellipsize(text: object, limit: int = SHORT_TEXT_CHARS) -> str:
    """text cut to at most limit characters, ending in '…' when it was cut."""
    s = "" if text is None else str(text)
    return s if len(s) <= limit else s[: max(limit - 1, 0)].rstrip() + "…"
