"""Space, floor loading and cost figures from a snapshot."""

from __future__ import annotations

from typing import Any

import numpy as np

from workbench.calc.checks import GeometryState
from workbench.calc.groups import RACK_CODES
from workbench.calc.snapshot import Snapshot
from workbench.geometry.polygons import polygon_area_mm2
from workbench.model.blocktype import CATEGORIES, Catalog
from workbench.model.design import Design


def hall_areas_m2(design: Design) -> list[tuple[float, float]]:
    """(gross area, white space) per hall in m²; white space excludes columns."""
    out = []
    for h in design.halls:
        gross = polygon_area_mm2(h.outline) / 1e6
        cols = sum(c.width_mm * c.depth_mm for c in h.columns) / 1e6
        out.append((gross, max(gross - cols, 0.0)))
    return out


def space(s: Snapshot, design: Design, st: GeometryState, it_kw: float) -> dict[str, Any]:
    areas = hall_areas_m2(design)
    foot = (st.boxes[:, 2] - st.boxes[:, 0]) * (st.boxes[:, 3] - st.boxes[:, 1]) / 1e6
    cat = s.category
    racks = {c: int((cat == CATEGORIES.index(c)).sum()) for c in ("compute", "network", "storage")}
    rack_count = sum(racks.values())
    white = sum(w for _, w in areas)
    halls = []
    for i, h in enumerate(design.halls):
        mask = s.hall == i
        it_h = float(s.col("it_kw")[mask & np.isin(cat, RACK_CODES)].sum())
        halls.append({"id": h.id, "name": h.name, "area_m2": areas[i][0], "white_space_m2": areas[i][1],
                      "footprint_m2": float(foot[mask].sum()), "it_kw": it_h,
                      "kw_per_m2": it_h / areas[i][1] if areas[i][1] > 0 else 0.0})
    return {
        "area_m2": sum(a for a, _ in areas), "white_space_m2": white,
        "footprint_m2": float(foot.sum()),
        "footprint_share": float(foot.sum() / white) if white > 0 else 0.0,
        "racks": racks, "rack_count": rack_count, "block_count": len(s.ids),
        "kw_per_m2": it_kw / white if white > 0 else 0.0,
        "kw_per_rack": it_kw / racks["compute"] if racks["compute"] else 0.0,
        "halls": halls,
    }


def floor(s: Snapshot, design: Design, st: GeometryState, gravity: float) -> dict[str, Any]:
    areas = hall_areas_m2(design)
    halls = []
    weights = s.col("weight_kg")
    for i, h in enumerate(design.halls):
        mask = s.hall == i
        total = float(weights[mask].sum())
        halls.append({
            "id": h.id, "name": h.name, "floor_type": h.floor_type, "rating_kn_m2": h.floor_rating_kn_m2,
            "total_weight_kg": total,
            "average_kn_m2": total * gravity / 1000.0 / areas[i][1] if areas[i][1] > 0 else 0.0,
            "max_block_kn_m2": float(st.kn_m2[mask].max()) if mask.any() else 0.0,
        })
    return {"total_weight_kg": float(weights.sum()),
            "max_block_kn_m2": float(st.kn_m2.max()) if len(st.kn_m2) else 0.0, "halls": halls}


def cost(s: Snapshot, design: Design, catalog: Catalog, it_kw: float, premium: float) -> dict[str, Any]:
    currency = design.site.currency
    rate = catalog.fx_rates.get(currency)
    note = ""
    if rate is None:
        note = f"no exchange rate for {currency}; figures in USD"
        currency, rate = "USD", 1.0
    price = s.col("price") * rate * (1.0 + premium)
    cat = s.category
    by_cat = {c: float(price[cat == i].sum()) for i, c in enumerate(CATEGORIES)}
    total = float(price.sum())
    return {"currency": currency, "fx_rate_per_usd": rate, "fx_source": catalog.fx_source, "note": note,
            "capex_by_category": by_cat, "capex_total": total,
            "cost_per_mw_it": total / (it_kw / 1000.0) if it_kw > 0 else 0.0}
