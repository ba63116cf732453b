"""Hand-built plants for the connected-plant tests: blocks placed with the model API, wired edge by edge."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from workbench.calc.autoconnect_rules import new_connection
from workbench.catalog import default_catalog, new_design
from workbench.model import Block, Catalog, Design, Hall
from workbench.model.connections import Connection


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return default_catalog()


@dataclass
class Plant:
    """A design being wired by hand; names are the block names, so tests read like a single-line diagram."""

    design: Design
    by_name: dict[str, Block] = field(default_factory=dict)
    x: float = 1000.0

    def add(self, type_id: str, name: str, **kw: str) -> Block:
        b = Block(type_id=type_id, x_mm=self.x, y_mm=2000.0, hall_id=self.design.halls[0].id, name=name, id=name,
                  **kw)  # type: ignore[arg-type]
        self.x += 3000.0
        self.design.blocks[b.id] = b
        self.by_name[name] = b
        return b

    def wire(self, src: str, dst: str, port: str = "A", kind: str = "power", side: str = "") -> Connection:
        out = {"power": "out", "liquid": "liquid", "heat": "heat"}[kind]
        c = new_connection(kind, src, out, dst, port, side)
        self.design.connections[c.id] = c
        self.design.connections_version += 1
        return c

    def cooled(self, crahs: int = 2, coolers: int = 2) -> Plant:
        """Room air for every rack: 300 kW CRAHs and 1,000 kW dry coolers that serve every loop."""
        for k in range(1, crahs + 1):
            self.add("cool.crah-300", f"CRAH{k}")
        for k in range(1, coolers + 1):
            self.add("cool.drycooler-1000", f"DRY{k}")
        return self


def make_plant(catalog: Catalog, scheme: str = "N+1") -> Plant:
    d = new_design(catalog)
    d.halls = [Hall(id="h1", name="Hall", outline=[(0, 0), (400000, 0), (400000, 40000), (0, 40000)])]
    d.assumptions.power_schemes["main"] = scheme
    return Plant(d)
