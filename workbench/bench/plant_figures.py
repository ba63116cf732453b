"""Timing of the connected plant: a failure toggled, N-1 over every component, and the analysis from cold."""

from __future__ import annotations

from workbench.bench.measure import Figure, median_time
from workbench.calc.contingency import contingency
from workbench.calc.failure import FailureAnalysis
from workbench.calc.graph import build_graph
from workbench.calc.plant import PlantCache, plant_section
from workbench.calc.snapshot import build_snapshot, build_type_table
from workbench.model.blocktype import Catalog
from workbench.model.design import Design

PLANT_FIGURES = ("fail_toggle", "contingency_n1", "plant_graph_build", "plant_flow_cold")


def plant_figures(design: Design, catalog: Catalog, runs: int) -> list[Figure]:
    n = len(design.blocks)
    if not design.connections:
        return [Figure(f, n, None, 0, note="no connections") for f in PLANT_FIGURES]
    snap = build_snapshot(design, build_type_table(catalog))
    graph = build_graph(design, catalog, snap)
    fa = FailureAnalysis(design, catalog, graph, snap)
    ups = next((b.id for b in design.blocks.values() if b.type_id.startswith("pwr.ups")), next(iter(design.blocks)))
    # The window keeps one analysis per design state; toggling a failure is a run on it.
    out = [Figure("fail_toggle", n, median_time(lambda: fa.run([ups]), runs), runs,
                  note="fail one UPS: dark racks, overloads, every device's load")]
    out.append(Figure("contingency_n1", n, median_time(lambda: contingency(design, catalog), max(1, min(runs, 3))),
                      max(1, min(runs, 3)), note=f"{len(fa.g.devices)} components; graph and normal analysis as a recalculation keeps them"))
    out.append(Figure("plant_graph_build", n, median_time(lambda: build_graph(design, catalog, snap), runs), runs,
                      note=f"{len(design.connections)} connections; after a connection edit"))

    def cold() -> None:
        plant_section(design, catalog, snap, PlantCache(keep=False))

    out.append(Figure("plant_flow_cold", n, median_time(cold, runs), runs,
                      note="graph + normal load flow + checks, nothing kept"))
    return out

