"""DXF figures: export of the generated campus, and loading a 50,000-entity architect's drawing as an underlay."""

from __future__ import annotations

import tempfile
from pathlib import Path

from workbench.bench.measure import Figure, median_time
from workbench.model.blocktype import Catalog
from workbench.model.design import Design

DXF_FIGURES = ("dxf_export", "dxf_underlay_load", "underlay_pan_frame")
UNDERLAY_ENTITIES = 50_000


def sample_underlay(folder: Path) -> Path:
    """The synthetic 50,000-entity plan (written once per folder)."""
    from workbench.cad.sample_drawing import write_sample_plan

    path = folder / f"plan-{UNDERLAY_ENTITIES}.dxf"
    if not path.exists():
        write_sample_plan(path, UNDERLAY_ENTITIES)
    return path


def dxf_figures(design: Design, catalog: Catalog, runs: int, wanted: set[str]) -> list[Figure]:
    from workbench.cad.dxf_export import write_dxf
    from workbench.cad.dxf_import import read_underlay
    from workbench.text.language import load_language

    n = len(design.blocks)
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if "dxf_export" in wanted:
            lang = load_language("en")
            target = folder / "campus.dxf"
            out.append(Figure("dxf_export", n, median_time(lambda: write_dxf(design, catalog, target, lang), runs),
                              runs, note=f"{target.stat().st_size / 1e6:.0f} MB DXF"))
        if "dxf_underlay_load" in wanted:
            plan = sample_underlay(folder)
            out.append(Figure("dxf_underlay_load", n, median_time(lambda: read_underlay(plan), runs), runs,
                              note=f"{UNDERLAY_ENTITIES:,}-entity drawing, independent of the design size"))
    return out
