"""Fixtures for the DXF tests: the catalog, a small design with every kind of hall element, report languages."""

from __future__ import annotations

import pytest

from workbench.catalog import default_catalog, new_design
from workbench.model import Block, Catalog, Design, Hall
from workbench.model.design import Column, Door
from workbench.text.language import Language, load_language


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return default_catalog()


@pytest.fixture(scope="session")
def english() -> Language:
    return load_language("en")


@pytest.fixture(scope="session")
def chinese() -> Language:
    return load_language("zh")


def _block(design: Design, type_id: str, x: float, y: float, rot: int = 0, **kw: object) -> Block:
    b = Block(type_id=type_id, x_mm=x, y_mm=y, rotation_deg=rot, hall_id=design.halls[0].id, **kw)  # type: ignore[arg-type]
    design.blocks[b.id] = b
    return b


@pytest.fixture
def design(catalog: Catalog) -> Design:
    """One 20 × 12 m hall: a row of racks each way round, power and cooling with clearances, a column, a door."""
    d = new_design(catalog)
    d.site.name = "数据机房 A"
    d.site.customer = "Example Co"
    d.site.revision = "C"
    d.halls = [Hall(id="h1", name="Hall 1", outline=[(0, 0), (20000, 0), (20000, 12000), (0, 12000)],
                    columns=[Column(id="c1", x_mm=10000, y_mm=6000)],
                    doors=[Door(id="d1", x_mm=2000, y_mm=0, width_mm=1800)])]
    for i in range(6):
        _block(d, "rack.air-20kw", 3300 + 600 * i, 4000, 0, name=f"R{i + 1:02d}", power_system="UPS-A",
               cooling_loop="CW-1")
        _block(d, "rack.air-20kw", 3300 + 600 * i, 7000, 180, name=f"S{i + 1:02d}")
    _block(d, "cool.crah-150", 16000, 6000, 90, name="CRAH-1", cooling_loop="CW-1")
    _block(d, "pwr.ups-1mw" if catalog.get("pwr.ups-1mw") else next(
        t.id for t in catalog.types.values() if t.category == "power" and t.in_room), 16000, 2000, 0, name="UPS-A1",
        power_system="UPS-A")
    _block(d, "rack.air-40kw", 12000, 9500, 270, name="机柜-X", overrides={"it_kw": 35.0, "width_mm": 800.0})
    return d
