"""Timing of the hourly year: the year alone, a full recalculation including it, and loading a weather file."""

from __future__ import annotations

import os
import tempfile

from workbench.bench.measure import Figure, median_time
from workbench.calc import Calculator
from workbench.calc.annual import run_year
from workbench.calc.engine import CURVE_FRACTIONS
from workbench.calc.groups import find_groups
from workbench.calc.loadmodel import GroupSums
from workbench.calc.snapshot import build_snapshot, build_type_table
from workbench.calc.summary import hall_areas_m2
from workbench.climate import wetbulb
from workbench.climate.load import load_weather
from workbench.climate.sites import builtin_sites
from workbench.model.assumptions import effective_assumptions
from workbench.model.blocktype import Catalog
from workbench.model.design import Design

CLIMATE_FIGURES = ("annual_sim", "recalc_full_weather", "weather_load", "weather_load_cold")


def climate_figures(design: Design, catalog: Catalog, runs: int) -> list[Figure]:
    n = len(design.blocks)
    site = next(s for s in builtin_sites() if s.id == "greensboro-nc")
    weather = load_weather(site.file)
    values = effective_assumptions(design, catalog)
    s = build_snapshot(design, build_type_table(catalog))
    g = find_groups(s)
    gs = GroupSums.of(s, g)
    area = sum(a for a, _ in hall_areas_m2(design))
    curve = tuple(CURVE_FRACTIONS.tolist())  # as the engine runs it
    out = [Figure("annual_sim", n, median_time(
        lambda: run_year(s, g, gs, values, area, weather, design.climate, catalog, 0.1, "USD", curve), runs), runs,
        note="8,760 h ×2 + PUE curve, Greensboro TMY3")]

    def full() -> None:
        calc = Calculator(catalog)
        calc.weather = weather
        calc.run(design)

    out.append(Figure("recalc_full_weather", n, median_time(full, runs), runs))
    # Loading: the parse with the wet bulbs known (a site opened before), and from nothing.
    out.append(Figure("weather_load", n, median_time(lambda: load_weather(site.file), runs), runs,
                      note="EPW/TMY3 parse, wet bulb cached"))
    with tempfile.TemporaryDirectory(prefix="wb-wetbulb-") as tmp:
        old = os.environ.get("WORKBENCH_CACHE_DIR")
        os.environ["WORKBENCH_CACHE_DIR"] = tmp

        def cold_setup() -> None:
            wetbulb._MEMORY.clear()
            for f in os.listdir(tmp):
                os.remove(os.path.join(tmp, f))

        try:
            cold = median_time(lambda: load_weather(site.file), runs, setup=cold_setup)
        finally:
            if old is None:
                os.environ.pop("WORKBENCH_CACHE_DIR", None)
            else:
                os.environ["WORKBENCH_CACHE_DIR"] = old
    out.append(Figure("weather_load_cold", n, cold, runs, note="first open: psychrolib for each distinct hour"))
    return out
