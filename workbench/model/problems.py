"""Problems found in input files, each saying where (file, entry or JSON path, field)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    where: str  # file name, or "file: entry", or a JSON path
    message: str
    severity: str = "error"  # "error" or "warning"

    def __str__(self) -> str:
        return f"{self.severity}: {self.where}: {self.message}"


class InputError(Exception):
    """Raised when input cannot be used at all; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems) or "invalid input")
