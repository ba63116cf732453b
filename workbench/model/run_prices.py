"""The per-metre price list of connection runs as plain data: power current classes and pipe sizes."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PowerClass:
    max_a: float
    product: str  # "cable" or "busway"
    price_per_m: float
    currency: str
    date: str
    source: str

    @property
    def label(self) -> str:
        return f"{self.product} ≤ {self.max_a:,.0f} A"


@dataclass(frozen=True)
class PipeSize:
    dn: int
    inner_mm: float
    price_per_m: float
    currency: str
    date: str
    source: str


@dataclass(frozen=True)
class RunPrices:
    volts: dict[str, tuple[float, int]]  # voltage class -> (nominal volts, phases; 0 for DC)
    power: tuple[PowerClass, ...]  # by rising current
    liquid: tuple[PipeSize, ...]  # by rising size
    note: str = ""
