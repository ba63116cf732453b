"""Allowances priced apart from the drawn equipment: which assumptions they are, and the fixed amount a design may give instead."""

from __future__ import annotations

import math
from dataclasses import dataclass

from workbench.model.design import Design
from workbench.model.edits import Edit

# Allowance -> the assumption that sizes it (a share of an equipment subtotal or a USD rate per unit), in
# the order a bill of materials lists them. The BOM (report/bom.py) says what each share or rate is of.
ALLOWANCE_PARAMS: dict[str, str] = {
    "lv_switchboards": "allowance_lv_switchboards",
    "piping_coolant": "allowance_piping_coolant",
    "bms_epms": "allowance_bms_epms",
    "fire": "allowance_fire_usd_per_m2",
    "battery": "allowance_battery_usd_per_kw",
    "installation": "allowance_installation",
    "commissioning": "allowance_commissioning",
}
ALLOWANCE_OF_PARAM: dict[str, str] = {param: key for key, param in ALLOWANCE_PARAMS.items()}
# A lump sum above a trillion dollars is a typing error, not an allowance (a 100 MW campus is a few billion).
MAX_FIXED_USD = 1e12


def fixed_amount_problem(param: str, value: object) -> str | None:
    """A message naming the field when `value` cannot be the fixed amount of allowance `param`, else None."""
    if param not in ALLOWANCE_OF_PARAM:
        return f"{param} is not an allowance; only {', '.join(ALLOWANCE_PARAMS.values())} take a fixed amount"
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return f"fixed amount of {param} must be a number of USD, not {type(value).__name__} {str(value)[:40]!r}"
    if not math.isfinite(value):
        return f"fixed amount of {param} must be a finite number of USD, not {value}"
    if value < 0:
        return f"fixed amount of {param} must be at least 0 USD, not {value:g}"
    if value > MAX_FIXED_USD:
        return f"fixed amount of {param} must be at most {MAX_FIXED_USD:g} USD, not {value:g}"
    return None


@dataclass
class SetAllowanceFixed(Edit):
    """Give allowance `param` a fixed amount in USD, or (usd None) size it from its assumption again."""

    param: str
    usd: float | None
    text: str = "Edit allowance"
    _old: float | None = None

    def __post_init__(self) -> None:
        if self.usd is not None:
            problem = fixed_amount_problem(self.param, self.usd)
            if problem:
                raise ValueError(problem)
            self.usd = float(self.usd)
        elif self.param not in ALLOWANCE_OF_PARAM:
            raise ValueError(fixed_amount_problem(self.param, 0.0))

    def apply(self, design: Design) -> None:
        fixed = design.assumptions.fixed_usd
        self._old = fixed.get(self.param)
        self._put(fixed, self.usd)
        design.events.assumptions_changed.emit()

    def revert(self, design: Design) -> None:
        self._put(design.assumptions.fixed_usd, self._old)
        design.events.assumptions_changed.emit()

    def _put(self, fixed: dict[str, float], usd: float | None) -> None:
        if usd is None:
            fixed.pop(self.param, None)
        else:
            fixed[self.param] = usd
