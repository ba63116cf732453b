"""The options every shipped hall template carries: one or more scenarios a sales engineer would compare.

Called by tools/make_templates.py and tools/make_sample.py after a design is built, so regenerating the
templates keeps them. Each scenario is made the way a user makes one (create from the base, edit, switch
back), and gets a stable id so the files come out identical on every run.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from workbench.model.design import Design
from workbench.model.edits import Edit, RemoveBlocks, SetAssumption, SetScheme, SetSiteField
from workbench.scenarios import operations as ops

Change = Callable[[Design], list[Edit]]


def _set(**values: float) -> Change:
    return lambda d: [SetAssumption(k, v) for k, v in values.items()]


def _both(*changes: Change) -> Change:
    return lambda d: [e for c in changes for e in c(d)]


def _phase_one(share: float) -> Change:
    """The first phase of a phased build: only the first share of the racks (by name) installed."""
    def change(d: Design) -> list[Edit]:
        racks = sorted((b for b in d.blocks.values() if b.type_id.startswith("rack.")), key=lambda b: b.name)
        keep = int(round(len(racks) * share))
        return [RemoveBlocks([b.id for b in racks[keep:]])] if racks[keep:] else []
    return change


def _dearer_power(factor: float) -> Change:
    return lambda d: [SetSiteField("electricity_price_per_kwh", round(d.site.electricity_price_per_kwh * factor, 4))]


def _dr_fewer_ups(names: tuple[str, ...]) -> Change:
    """Distributed redundancy instead of 2N: the same systems, with the UPS modules DR does not need removed."""
    def change(d: Design) -> list[Edit]:
        gone = [b.id for b in d.blocks.values() if b.name in names]
        return [SetScheme("power", "main", "DR"), RemoveBlocks(gone)]
    return change


# A renewable power purchase: 50 g CO₂/kWh (the grid-intensity assumption's source) at a 10 % premium.
GREEN_TARIFF = _both(_set(grid_co2_kg_per_kwh=0.05), _dearer_power(1.10))

SCENARIOS: dict[str, list[tuple[str, str, Change]]] = {
    "ai-liquid-hall-sample": [
        ("Green tariff", "Renewable power purchase: 50 g CO₂/kWh at a 10 % higher price per kWh", GREEN_TARIFF),
        ("Phase 1 (half the racks)", "The first phase of the build: half of the NVL72 racks installed", _phase_one(0.5)),
    ],
    "ai-pod-room-1mw": [
        ("Warmer facility water", "ASHRAE W40 facility water (40 °C supply instead of 32 °C): more chiller-free hours",
         _set(facility_water_supply_c=40.0, economizer_hours=6500.0)),
    ],
    "nvl72-hall-10mw-2n": [
        ("Distributed redundancy", "Distributed redundancy instead of 2N: 18 UPS modules instead of 24",
         _dr_fewer_ups(("UPS-A-10", "UPS-A-11", "UPS-A-12", "UPS-B-10", "UPS-B-11", "UPS-B-12"))),
        ("Green tariff", "Renewable power purchase: 50 g CO₂/kWh at a 10 % higher price per kWh", GREEN_TARIFF),
    ],
    "nextgen-800vdc-hall-20mw": [
        ("Phase 1 (half the racks)", "The first phase of the build: half of the racks installed", _phase_one(0.5)),
    ],
    "enterprise-air-hall-2mw": [
        ("Higher utilisation", "Average IT utilisation of 90 % instead of the design value", _set(it_utilisation=0.9)),
    ],
    "colocation-mixed-density": [
        ("Green tariff", "Renewable power purchase: 50 g CO₂/kWh at a 10 % higher price per kWh", GREEN_TARIFF),
    ],
    "prefab-edge-module": [
        ("Twelve-year horizon", "The same module valued over twelve years at a 6 % discount rate",
         _set(analysis_period_years=12.0, discount_rate=0.06)),
    ],
}


def add_scenarios(stem: str, design: Design) -> int:
    """Add the template's scenarios (none for modules); returns how many."""
    made = 0
    for name, description, change in SCENARIOS.get(stem, []):
        ops.create(design, name).apply(design)
        for edit in change(design):
            edit.apply(design)
        ops.switch(design, "").apply(design)  # takes the scenario's differences, shows the base again
        scenario = next(s for s in design.scenarios if s.name == name)
        scenario.id = uuid.uuid5(uuid.NAMESPACE_URL, f"workbench-template/{stem}/{name}").hex
        scenario.description = description
        made += 1
    return made
