"""Pure calculations on a design snapshot: space, power, cooling, redundancy, PUE, floor, cost, checks."""

from workbench.calc.engine import Calculator, calculate
from workbench.calc.results import Results

__all__ = ["Calculator", "Results", "calculate"]
