"""The per-metre price list for connection runs (resources/run_prices.json): power classes and pipe sizes."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from workbench.model.problems import InputError, Problem
from workbench.model.run_prices import PipeSize, PowerClass, RunPrices
from workbench.paths import resources_dir


def parse_run_prices(data: object, where: str) -> RunPrices:
    """The price list from its JSON data; InputError naming the entry and field when it is not usable."""
    problems: list[Problem] = []
    if not isinstance(data, dict):
        raise InputError([Problem(where, "must be an object with voltages_v, power and liquid")])
    volts: dict[str, tuple[float, int]] = {}
    for key, v in (data.get("voltages_v") or {}).items():
        if isinstance(v, dict) and isinstance(v.get("volts"), (int, float)) and v["volts"] > 0:
            volts[key] = (float(v["volts"]), int(v.get("phases", 0)))
        else:
            problems.append(Problem(f"{where}: voltages_v.{key}", "needs volts > 0 and phases"))
    power: list[PowerClass] = []
    for i, e in enumerate(data.get("power") or []):
        try:
            power.append(PowerClass(float(e["max_a"]), str(e["product"]), float(e["price_per_m"]),
                                    str(e["currency"]), str(e.get("date", "")), str(e["source"])))
        except (KeyError, TypeError, ValueError) as exc:
            problems.append(Problem(f"{where}: power[{i}]", f"missing or bad field {exc}"))
    liquid: list[PipeSize] = []
    for i, e in enumerate(data.get("liquid") or []):
        try:
            liquid.append(PipeSize(int(e["dn"]), float(e["inner_mm"]), float(e["price_per_m"]), str(e["currency"]),
                                   str(e.get("date", "")), str(e["source"])))
        except (KeyError, TypeError, ValueError) as exc:
            problems.append(Problem(f"{where}: liquid[{i}]", f"missing or bad field {exc}"))
    if problems:
        raise InputError(problems)
    return RunPrices(volts, tuple(sorted(power, key=lambda p: p.max_a)), tuple(sorted(liquid, key=lambda p: p.dn)),
                     str(data.get("note", "")))


@lru_cache(maxsize=1)
def default_run_prices() -> RunPrices:
    path: Path = resources_dir() / "run_prices.json"
    return parse_run_prices(json.loads(path.read_text("utf-8")), path.name)
