"""Timing of the hourly year: the year alone, a full recalculation including it, and loading a weather file."""

from __future__ import annotations

from workbench.bench.measure import Figure, median_time
from workbench.calc import Calculator
from workbench.calc.annual import run_year
from workbench.calc.engine import CURVE_FRACTIONS
from workbench.calc.groups import find_groups
from workbench.calc.loadmodel import GroupSums
from workbench.calc.snapshot import build_snapshot, build_type_table
from workbench.calc.summary import hall_areas_m2
from workbench.climate.load import load_weather
from workbench.climate.sites import builtin_sites
from workbench.climate.wetbulb import wet_bulb
from workbench.model.assumptions import effective_assumptions
from workbench.model.blocktype import Catalog
from workbench.model.design import Design

CLIMATE_FIGURES = ("annual_sim", "recalc_full_weather", "weather_load")


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
    # Loading from nothing: nothing is cached between opens (the wet bulb is solved for every hour each time),
    # so this is the first open of a new file; the wet bulb's own share goes in the note.
    hours = (weather.dry_bulb_c, weather.dew_point_c, weather.pressure_pa)
    solve = median_time(lambda: wet_bulb(*hours), runs)
    out.append(Figure("weather_load", n, median_time(lambda: load_weather(site.file), runs), runs,
                      note=f"Greensboro TMY3 from nothing: parse + wet bulb of 8,760 h ({solve * 1000:.1f} ms)"))
    return out
