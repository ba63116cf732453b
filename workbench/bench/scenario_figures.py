"""Scenario figures: comparing six options of the campus, and the options the window switches between."""

from __future__ import annotations

from workbench.bench.measure import Figure, median_time
from workbench.model.blocktype import Catalog
from workbench.model.design import Design
from workbench.model.edits import MoveBlocks, RemoveBlocks, SetAssumption, SetSiteField
from workbench.scenarios import operations as ops
from workbench.scenarios.compare import compare

OPTIONS = 6  # the base and five scenarios: the most the compare view and the report show


def with_scenarios(design: Design, count: int = OPTIONS - 1) -> Design:
    """The design with ``count`` scenarios of the kinds a user makes: an assumption, a tariff, fewer
    racks, moved equipment; the base is left open. Changes the design in place and returns it."""
    racks = [b for b in design.blocks.values() if b.type_id.startswith("rack.")]
    for k in range(count):
        ops.create(design, f"Option {k + 1}").apply(design)
        kind = k % 4
        if kind == 0:
            SetAssumption("it_utilisation", 0.6 + 0.05 * k).apply(design)
        elif kind == 1:
            SetSiteField("electricity_price_per_kwh", design.site.electricity_price_per_kwh * 1.3).apply(design)
        elif kind == 2:
            gone = [b.id for b in racks[: max(1, len(racks) // 10)] if b.id in design.blocks]
            RemoveBlocks(gone).apply(design)
        else:
            moved = [b for b in racks[-50:] if b.id in design.blocks]
            MoveBlocks([b.id for b in moved], [(b.x_mm, b.y_mm + 100.0) for b in moved]).apply(design)
        ops.switch(design, "").apply(design)
    return design


def scenario_figures(design: Design, catalog: Catalog, runs: int) -> list[Figure]:
    """compare_6: the whole comparison (each option materialised, calculated and priced over the years)."""
    options = with_scenarios(_copy(design))
    n = len(design.blocks)
    return [Figure("compare_6", n, median_time(lambda: compare(options, catalog), runs), runs)]


def _copy(design: Design) -> Design:
    from workbench.io.project import state_from_dict, state_to_dict

    return state_from_dict(state_to_dict(design))
