"""Space, floor loading and cost figures from a snapshot."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import numpy as np

from workbench.calc.checks import GeometryState
from workbench.calc.groups import RACK_CODES
from workbench.calc.money import BASE_CURRENCY
from workbench.calc.snapshot import Snapshot
from workbench.geometry.polygons import polygon_area_mm2
from workbench.model.blocktype import CATEGORIES, Catalog
from workbench.model.design import Design


@lru_cache(maxsize=4096)
def _outline_area_mm2(outline: tuple[tuple[float, float], ...]) -> float:
    # Cached by outline: a campus repeats the same few hall shapes and they rarely change.
    return polygon_area_mm2(outline)


def hall_areas_m2(design: Design) -> list[tuple[float, float]]:
    """(gross area, white space) per hall in m²; white space excludes columns."""
    out = []
    for h in design.halls:
        gross = _outline_area_mm2(tuple(map(tuple, h.outline))) / 1e6
        cols = sum(c.width_mm * c.depth_mm for c in h.columns) / 1e6
        out.append((gross, max(gross - cols, 0.0)))
    return out


def _per_hall(s: Snapshot, n_halls: int, weights: np.ndarray) -> list[float]:
    """Sum of a per-block figure for each hall (by hall membership, not position)."""
    if n_halls == 0:
        return []
    return np.bincount(s.hall, weights=weights, minlength=n_halls)[:n_halls].astype(float).tolist()  # type: ignore[no-any-return]


def space(s: Snapshot, design: Design, st: GeometryState, it_kw: float,
          areas: list[tuple[float, float]] | None = None) -> dict[str, Any]:
    areas = hall_areas_m2(design) if areas is None else areas
    foot = (st.boxes[:, 2] - st.boxes[:, 0]) * (st.boxes[:, 3] - st.boxes[:, 1]) / 1e6
    cat = s.category
    counts = np.bincount(cat, minlength=len(CATEGORIES))
    racks = {c: int(counts[CATEGORIES.index(c)]) for c in ("compute", "network", "storage")}
    rack_count = sum(racks.values())
    n = len(design.halls)
    is_rack = np.isin(cat, RACK_CODES)
    it_rack = np.where(is_rack, s.col("it_kw"), 0.0)
    it_h = _per_hall(s, n, it_rack)
    foot_h = _per_hall(s, n, foot)
    racks_h = _per_hall(s, n, is_rack.astype(float))
    # White space is the floor of halls that hold IT racks; a plant yard or an electrical room is not.
    # With no racks anywhere yet, every hall counts, so an empty new hall still shows its area.
    has_it = [racks_h[i] > 0 for i in range(n)] if rack_count else [True] * n
    white = sum(w for (_, w), it in zip(areas, has_it) if it)
    white_foot = sum(f for f, it in zip(foot_h, has_it) if it)
    halls = []
    for i, h in enumerate(design.halls):
        halls.append({"id": h.id, "name": h.name, "area_m2": areas[i][0],
                      "white_space_m2": areas[i][1] if has_it[i] else 0.0,
                      # Net of columns, for every hall: the room a plant yard or an electrical room offers.
                      "floor_m2": areas[i][1],
                      "footprint_m2": foot_h[i], "it_kw": it_h[i],
                      "kw_per_m2": it_h[i] / areas[i][1] if areas[i][1] > 0 else 0.0})
    return {
        "area_m2": sum(a for a, _ in areas), "white_space_m2": white,
        "footprint_m2": float(foot.sum()),
        "footprint_share": float(white_foot / white) if white > 0 else 0.0,
        "racks": racks, "rack_count": rack_count, "block_count": len(s.ids),
        "kw_per_m2": it_kw / white if white > 0 else 0.0,
        "kw_per_rack": it_kw / racks["compute"] if racks["compute"] else 0.0,
        "halls": halls,
    }


def floor(s: Snapshot, design: Design, st: GeometryState, gravity: float,
          areas: list[tuple[float, float]] | None = None) -> dict[str, Any]:
    areas = hall_areas_m2(design) if areas is None else areas
    halls = []
    weights = s.col("weight_kg")
    n = len(design.halls)
    total_h = _per_hall(s, n, weights)
    peak = np.zeros(n)
    present = np.zeros(n, dtype=bool)
    if n and len(s.ids):
        np.maximum.at(peak, s.hall, st.kn_m2)
        present[s.hall] = True
    for i, h in enumerate(design.halls):
        total = total_h[i]
        halls.append({
            "id": h.id, "name": h.name, "floor_type": h.floor_type, "rating_kn_m2": h.floor_rating_kn_m2,
            "total_weight_kg": total,
            "average_kn_m2": total * gravity / 1000.0 / areas[i][1] if areas[i][1] > 0 else 0.0,
            "max_block_kn_m2": float(peak[i]) if present[i] else 0.0,
        })
    return {"total_weight_kg": float(weights.sum()),
            "max_block_kn_m2": float(st.kn_m2.max()) if len(st.kn_m2) else 0.0, "halls": halls}


def cost(s: Snapshot, design: Design, catalog: Catalog, it_kw: float, premium: float,
         runs_usd: tuple[float, float] = (0.0, 0.0)) -> dict[str, Any]:
    """Equipment CAPEX in the base currency (USD): the snapshot's prices are already in it.

    `runs_usd` is what the connection runs cost (power cable and busway, supply and return pipe;
    calc/runs.py::run_cost_usd), counted in the power and cooling categories as the BOM lists them.
    Converting to the site's or a report's currency happens once, at the edge (calc.money.convert).
    """
    currency, rate = BASE_CURRENCY, 1.0
    note = ""
    price = s.col("price") * (1.0 + premium)
    cat = s.category
    by_cat = dict(zip(CATEGORIES, np.bincount(cat, weights=price, minlength=len(CATEGORIES)).astype(float).tolist()))
    run_power, run_liquid = (x * (1.0 + premium) for x in runs_usd)  # the build premium, as on equipment
    by_cat["power"] = by_cat.get("power", 0.0) + run_power
    by_cat["cooling"] = by_cat.get("cooling", 0.0) + run_liquid
    total = float(price.sum()) + run_power + run_liquid
    # IT hardware dwarfs the facility in AI halls; keep both visible so $/MW compares with published
    # facility figures (Cushman & Wakefield's $/MW excludes owner-furnished IT).
    it_equipment = by_cat["compute"] + by_cat["network"] + by_cat["storage"]
    facility = total - it_equipment
    per_mw = it_kw / 1000.0
    return {"currency": currency, "fx_rate_per_usd": rate, "fx_source": catalog.fx_source, "note": note,
            "capex_by_category": by_cat, "capex_total": total,
            "capex_it_equipment": it_equipment, "capex_facility_equipment": facility,
            "capex_runs": {"power": run_power, "liquid": run_liquid},
            "cost_per_mw_it": total / per_mw if it_kw > 0 else 0.0,
            "facility_cost_per_mw_it": facility / per_mw if it_kw > 0 else 0.0}
