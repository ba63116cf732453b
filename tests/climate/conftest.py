"""Fixtures for the climate tests: the shipped real weather files (written by NREL / EnergyPlus, not by us)."""

from __future__ import annotations

import os
from pathlib import Path

from workbench.paths import resources_dir

WEATHER = resources_dir() / "weather"
SAND_POINT = WEATHER / "703165TY.csv"
GREENSBORO = WEATHER / "723170TYA.CSV"
DENVER = WEATHER / "USA_CO_Denver.Intl.AP.725650_TMY3.epw"


def lines_of(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def write(tmp: Path, name: str, lines: list[str]) -> Path:
    p = tmp / name
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return p


__all__ = ["DENVER", "GREENSBORO", "SAND_POINT", "WEATHER", "lines_of", "write", "os"]
