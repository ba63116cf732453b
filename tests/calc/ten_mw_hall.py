"""A 10 MW air-cooled hall built in code (250 racks of 40 kW, 48 PDUs, 12 UPS, 5 transformers), wired by auto-connect."""

from __future__ import annotations

from workbench.calc.autoconnect_rules import derive_connections
from workbench.catalog import new_design
from workbench.model.blocktype import Catalog
from workbench.model.design import Block, Design, Hall

ROWS, PER_ROW = 10, 25


def ten_mw_hall(catalog: Catalog) -> Design:
    design = new_design(catalog)
    design.site.name = "10 MW hall"
    hall = Hall(name="Hall 10 MW", outline=[(0.0, 0.0), (70000.0, 0.0), (70000.0, 46000.0), (0.0, 46000.0)])
    design.halls = [hall]
    blocks: list[Block] = []

    def add(type_id: str, x: float, y: float, name: str, system: str = "", rotation: int = 0) -> None:
        blocks.append(Block(type_id, x, y, rotation, name=name, hall_id=hall.id, power_system=system))

    for r in range(ROWS):
        y = 6000.0 + r * 3600.0
        for k in range(PER_ROW):
            add("rack.air-40kw", 8000.0 + k * 600.0, y, f"R{r + 1:02d}-{k + 1:02d}", "main", 0 if r % 2 else 180)
    for k in range(24):
        add("pwr.pdu-250kva", 3000.0 + k * 1600.0, 1500.0, f"PDU-{k + 1}", "main")
        add("pwr.pdu-250kva", 3000.0 + k * 1600.0, 44500.0, f"PDU-{k + 25}", "main")
    for k in range(12):
        add("pwr.ups-1mw-li", 50000.0, 3000.0 + k * 3400.0, f"UPS-{k + 1}", "main", 90)
    for k in range(5):
        add("pwr.transformer-2500kva", 58000.0, 4000.0 + k * 6000.0, f"TX-{k + 1}", "utility")
    add("pwr.mv-switchgear", 66000.0, 20000.0, "MV-1", "mv", 90)
    for k in range(18):
        add("cool.crah-300", 1000.0, 3000.0 + k * 2300.0, f"CRAH-{k + 1}", rotation=270)
        add("cool.crah-300", 44000.0, 3000.0 + k * 2300.0, f"CRAH-{k + 19}", rotation=90)
    for k in range(8):
        add("cool.chiller-air-1500", 58000.0 + (k % 2) * 6000.0, 34000.0 + (k // 2) * 3000.0, f"CH-{k + 1}")
    design.blocks = {b.id: b for b in blocks}
    design.assumptions.power_schemes.update({"main": "N+1", "utility": "N+1", "mv": "N"})
    for c in derive_connections(design, catalog).connections:
        design.connections[c.id] = c
    return design
