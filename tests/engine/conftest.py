"""Fixtures for engine tests: the catalog and small designs built with the model API."""

from __future__ import annotations

import pytest

from workbench.catalog import default_catalog, new_design
from workbench.model import Block, Catalog, Design, Hall


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return default_catalog()


@pytest.fixture
def empty(catalog: Catalog) -> Design:
    d = new_design(catalog)
    d.halls = [Hall(id="h1", name="Hall", outline=[(0, 0), (20000, 0), (20000, 10000), (0, 10000)])]
    return d


def place(design: Design, type_id: str, x: float, y: float, rot: int = 0, **kw: object) -> Block:
    b = Block(type_id=type_id, x_mm=x, y_mm=y, rotation_deg=rot, hall_id=design.halls[0].id, **kw)  # type: ignore[arg-type]
    design.blocks[b.id] = b
    return b
