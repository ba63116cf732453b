"""Run every calculation on a design; keep arrays between runs so a move recomputes only its block."""

from __future__ import annotations

from typing import Any

import numpy as np

from workbench.calc import capacity_checks
from workbench.calc.annual import with_year
from workbench.calc.annual_inputs import WeatherYear
from workbench.calc.checks import Check, GeometryState, entries_checks, geometry_entries, geometry_state, merge_entries
from workbench.calc.collector import collector_paused
from workbench.calc.failure import FailureAnalysis
from workbench.calc.groups import Groups, find_groups
from workbench.calc.loadmodel import Evaluation, GroupSums, evaluate
from workbench.calc.plant import PlantCache, plant_section
from workbench.calc.results import SECTIONS, Results
from workbench.calc.runs import run_cost_usd, runs_touch
from workbench.calc.snapshot import Snapshot, TypeTable, build_snapshot, build_type_table
from workbench.calc.summary import cost, floor, hall_areas_m2, space
from workbench.calc.voltage_checks import rack_bus, voltage_checks
from workbench.geometry.boxes import footprints
from workbench.model.assumptions import effective_assumptions
from workbench.model.blocktype import Catalog
from workbench.model.design import Design

CURVE_FRACTIONS = np.round(np.arange(0.1, 1.0001, 0.1), 2)


def calculate(design: Design, catalog: Catalog, load_fraction: float | None = None,
              weather: WeatherYear | None = None) -> Results:
    """Full calculation from scratch; with `weather`, the PUE and energy come from the hourly year."""
    calc = Calculator(catalog)
    calc.weather = weather
    return calc.run(design, load_fraction)


class Calculator:
    """Holds the snapshot of the last run; `moved()` refreshes only the moved rows.

    A move changes no power, cooling, space or floor figure (hall membership is by hall id, not
    position, and a footprint keeps its area when it turns), so `moved()` reuses them and recomputes
    only the geometric checks of the moved blocks and, with connections, the run costs (run lengths).
    """

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.types: TypeTable = build_type_table(catalog)
        self._plant_cache = PlantCache()  # the plant graph, kept while the connections stay the same
        self._design: Design | None = None
        self._snap: Snapshot | None = None
        self._geo: GeometryState | None = None
        self._geo_checks: list[Check] = []
        self._load_part: dict[str, Any] | None = None
        self._load_fraction: float | None = None
        self._fixed: dict[str, Any] | None = None  # results a move cannot change (but the run costs)
        self._cost_inputs: tuple[float, dict[str, float]] | None = None
        self._runs_fa: FailureAnalysis | None = None  # the plant analysis the runs were priced on
        # The site's hourly year (workbench.climate.load_weather); None keeps the typed economizer hours.
        self.weather: WeatherYear | None = None

    @property
    def snapshot(self) -> Snapshot | None:
        """The snapshot of the last run: a report prices the very rows the calculation counted."""
        return self._snap

    def run(self, design: Design, load_fraction: float | None = None) -> Results:
        with collector_paused():
            return self._run(design, load_fraction)

    def _run(self, design: Design, load_fraction: float | None = None) -> Results:
        values = _values(design, self.catalog)
        self._design = design
        self._snap = build_snapshot(design, self.types)
        self._geo = geometry_state(self._snap, design, values["gravity_m_s2"],
                                   door_depth_mm=values["door_clear_depth_mm"])
        self._geo.entries = merge_entries(self._geo.entries, geometry_entries(self._snap, design, self._geo))
        self._geo_checks = entries_checks(self._snap, design, self._geo)
        self._load_fraction = load_fraction
        self._load_part = self._loads(design, values, load_fraction)
        self._fixed = self._summaries()
        return self._assemble()

    def moved(self, design: Design, block_ids: list[str]) -> Results:
        """Results after blocks changed position or rotation only; falls back to a full run."""
        with collector_paused():
            return self._moved(design, block_ids)

    def _moved(self, design: Design, block_ids: list[str]) -> Results:
        s, st = self._snap, self._geo
        if design is not self._design or s is None or st is None or self._fixed is None:
            return self._run(design, self._load_fraction)
        rows = []
        for bid in block_ids:
            r = s.row.get(bid)
            b = design.blocks.get(bid)
            if r is None or b is None:
                return self._run(design, self._load_fraction)
            s.x[r], s.y[r], s.rotation[r] = b.x_mm, b.y_mm, b.rotation_deg
            rows.append(r)
        idx = np.unique(np.asarray(rows, dtype=np.int64))
        clear = s.types.clear[s.type_index[idx]]
        st.layout.update(idx, footprints(s.x[idx], s.y[idx], s.col("width_mm")[idx], s.col("depth_mm")[idx],
                                         s.rotation[idx]), s.rotation[idx], clear[:, 0], clear[:, 1])
        # Drop every finding that involves a moved block, then find them again for the moved blocks.
        touched = np.zeros(len(s.ids) + 1, dtype=bool)
        touched[idx] = True
        e = st.entries
        kept = e[~(touched[e[:, 3]] | touched[e[:, 4]])] if len(e) else e
        st.entries = merge_entries(kept, geometry_entries(s, design, st, idx))
        self._geo_checks = entries_checks(s, design, st)
        fa = self._runs_fa  # a move changes no figure, so the full run's analysis still holds
        if fa is not None and self._cost_inputs is not None and runs_touch(fa, idx):
            self._fixed["cost"] = self._cost(design, *self._cost_inputs, fa=fa, moved=idx)  # runs follow the blocks
        return self._assemble()

    def _loads(self, design: Design, values: dict[str, float], load_fraction: float | None) -> dict[str, Any]:
        s = self._snap
        assert s is not None
        groups = find_groups(s)
        sums = GroupSums.of(s, groups)
        lf = values["it_utilisation"] if load_fraction is None else float(load_fraction)
        lf = min(max(lf, 0.0), 1.0)
        areas = hall_areas_m2(design)
        area = sum(a for a, _ in areas)
        fr = np.unique(np.append(CURVE_FRACTIONS, [1.0, lf]))
        # One pass for the annual curve and the design day: the last fraction runs the chillers fully.
        both = evaluate(s, groups, values, area, np.append(fr, 1.0), "annual", sums,
                        peak=np.append(np.zeros(len(fr), dtype=bool), True))
        annual, peak = both.take(slice(0, len(fr))), both.take(slice(len(fr), None))
        return {"groups": groups, "annual": annual, "peak": peak, "values": values, "lf": lf, "areas": areas,
                "sums": sums}

    def _summaries(self) -> dict[str, Any]:
        design, s, st, part = self._design, self._snap, self._geo, self._load_part
        assert design is not None and s is not None and st is not None and part is not None
        annual: Evaluation = part["annual"]
        peak: Evaluation = part["peak"]
        groups: Groups = part["groups"]
        values = part["values"]
        lf = part["lf"]
        fr = annual.fractions
        it_design = float(annual.it_kw[-1])
        full = int(np.flatnonzero(fr == 1.0)[0])
        at = int(np.argmin(np.abs(fr - lf)))
        fac = annual.facility_kw

        def pue(i: int, ev: Evaluation = annual) -> float | None:
            it = float(ev.it_kw[i])
            return float(ev.facility_kw[i] / it) if it > 0 else None

        curve = [(float(f), float(fac[i] / annual.it_kw[i])) for i, f in enumerate(fr)
                 if it_design > 0 and f in CURVE_FRACTIONS]
        it_at = float(annual.it_kw[at])
        overhead = {
            "power_losses": float(annual.power_losses_kw[at]),
            "cooling": float(annual.cooling_kw[at]),
            "lighting": float(annual.lighting_kw[at]),
            "misc": float(annual.misc_kw[at]),
        }
        ppue = ({"power": 1 + overhead["power_losses"] / it_at, "cooling": 1 + overhead["cooling"] / it_at,
                 "lighting_misc": 1 + (overhead["lighting"] + overhead["misc"]) / it_at} if it_at > 0 else {})
        hours = values["hours_per_year"]
        price = design.site.electricity_price_per_kwh
        energy = {
            "annual_it_mwh": it_at * hours / 1000.0,
            "annual_facility_mwh": float(fac[at]) * hours / 1000.0,
            "annual_cost": float(fac[at]) * hours * price,
            "annual_overhead_cost": (float(fac[at]) - it_at) * hours * price,
            "electricity_price_per_kwh": price,
            "currency": design.site.currency,
            "annual_water_m3": float(annual.water_l_per_h[at]) * hours / 1000.0,
            "wue_l_per_kwh": float(annual.water_l_per_h[at] / it_at) if it_at > 0 else 0.0,
        }
        power, cooling, cap_checks = capacity_checks.capacity(s, groups, design, annual, full, values)
        # The voltage chain and the rack bus it gives, from the types' ports (calc/voltage_checks).
        cap_checks = cap_checks + voltage_checks(s, self.catalog)
        plant, plant_checks = plant_section(design, self.catalog, s, self._plant_cache)  # calc/plant.py
        cap_checks = cap_checks + plant_checks
        power["dc_bus"] = rack_bus(s, self.catalog)
        return with_year({
            "it_load_kw": it_design, "load_fraction": lf, "pue": pue(full), "pue_peak": pue(0, peak),
            "pue_at_load": pue(at), "pue_curve": curve, "power": power, "cooling": cooling,
            "space": space(s, design, st, it_design, part["areas"]),
            "floor": floor(s, design, st, values["gravity_m_s2"], part["areas"]),
            "cost": self._cost(design, it_design, values),
            "energy": energy, "ppue": ppue, "overhead_kw": overhead,
            "cap_checks": cap_checks, "unknown_checks": _unknown_checks(s), "plant": plant,
        }, self.weather, s, groups, values, part["areas"], design, self.catalog, price, design.site.currency,
            sums=part["sums"], evaluation=annual, plant_cache=self._plant_cache)

    def _cost(self, design: Design, it_kw: float, values: dict[str, float],
              fa: FailureAnalysis | None = None, moved: np.ndarray | None = None) -> dict[str, Any]:
        s = self._snap
        assert s is not None
        self._cost_inputs = (it_kw, values)  # a move re-prices the runs (their lengths change) with these
        return cost(s, design, self.catalog, it_kw, values["ai_build_premium"], self._runs_usd(design, values, fa, moved))

    def _runs_usd(self, design: Design, values: dict[str, float],
                  fa: FailureAnalysis | None = None, moved: np.ndarray | None = None) -> tuple[float, float]:
        """What the connection runs cost (calc/runs.py), from the plant analysis the plant section keeps."""
        prices = self.catalog.run_prices
        self._runs_fa = None
        if not design.connections or self._snap is None or prices is None:
            return 0.0, 0.0
        fa = self._runs_fa = fa or self._plant_cache.analysis(design, self.catalog, self._snap)
        return run_cost_usd(design, self.catalog, prices, fa, self._snap, values, moved)

    def _assemble(self) -> Results:
        fixed = self._fixed
        assert fixed is not None
        figures = {k: v for k, v in fixed.items() if k not in ("cap_checks", "unknown_checks", "annual_checks")}
        checks = fixed["cap_checks"] + self._geo_checks + fixed["unknown_checks"] + fixed["annual_checks"]
        results = Results(**figures, checks=checks)
        fixed.update({name: getattr(results, name) for name in SECTIONS})  # typed once, reused by every move
        return results


def _values(design: Design, catalog: Catalog) -> dict[str, float]:
    return effective_assumptions(design, catalog)


def _unknown_checks(s: Snapshot) -> list[Check]:
    return [Check("error", "unknown_type", f"block {bid[:8]} has unknown type '{tid}' and is left out", (bid,),
                  (("block", bid[:8]), ("type", tid)))
            for bid, tid in s.unknown]
