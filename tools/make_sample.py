"""Write the built-in sample design (a liquid-cooled AI hall) to templates/halls/ from code."""

from __future__ import annotations

import sys
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from workbench.catalog import default_catalog, new_design  # noqa: E402
from workbench.catalog.templates import stamp_template_meta  # noqa: E402
from workbench.io import dumps  # noqa: E402
from workbench.io.atomic import write_atomic  # noqa: E402
from workbench.model import Block, Column, Door, Hall  # noqa: E402
from workbench.paths import sample_design_path  # noqa: E402
from tools.template_scenarios import add_scenarios  # noqa: E402
from tools.template_text_zh import add_chinese  # noqa: E402
from workbench.io.connections_doc import derive_upgrade_connections  # noqa: E402


def build() -> object:
    catalog = default_catalog()
    d = new_design(catalog)
    d.site.name = "AI Hall Sample — 2 MW NVL72 liquid-cooled"
    d.site.customer = "Sample customer"
    d.site.location = "Frankfurt, DE"
    d.site.currency = "EUR"
    d.site.electricity_price_per_kwh = 0.16
    d.site.prepared_by = "Workbench sample"
    d.description = ("Sixteen NVL72-class racks (132 kW) in two hot-aisle-contained rows with three 1.2 MW "
                     "CDUs (N+1), 1 MW lithium UPS modules (N+1), CRAHs for the residual air heat and dry "
                     "coolers with air-cooled chillers on the plant yard.")
    d.meta.update({"kind": "hall", "author": "Workbench team", "version": "1.0.0", "licence": "CC-BY-4.0"})
    hall = Hall(name="Data hall 1", outline=[(0, 0), (30000, 0), (30000, 18000), (0, 18000)],
                floor_type="slab", floor_rating_kn_m2=25.0,
                columns=[Column(x_mm=x, y_mm=y) for x in (10000, 20000) for y in (3000, 15000)],
                doors=[Door(x_mm=1200, y_mm=0, width_mm=1800)])
    # The yard keeps a free bay below GEN-2 (clearances included) for the third generator the getting-started
    # guide adds in step 3.
    yard = Hall(name="Plant yard", outline=[(0, 20000), (30000, 20000), (30000, 47500), (0, 47500)],
                floor_type="slab", floor_rating_kn_m2=50.0)
    d.halls = [hall, yard]
    blocks: list[Block] = []

    def add(type_id: str, x: float, y: float, rot: int = 0, name: str = "", hall_id: str = hall.id) -> None:
        blocks.append(Block(type_id=type_id, x_mm=x, y_mm=y, rotation_deg=rot, name=name, hall_id=hall_id))

    # Two rows back to back around a 1.2 m contained hot aisle (rears face each other).
    x0 = 5400.0
    for row, (y, rot) in enumerate(((7000.0, 0), (9400.0, 180))):
        label = "AB"[row]
        x = x0
        cdus = 2 if row == 0 else 1
        for k in range(cdus):
            add("cool.cdu-1200", x + 600, y, rot, f"CDU-{label}{k + 1}")
            x += 1200
        for k in range(8):
            add("rack.gb200-nvl72", x + 300, y, rot, f"R{label}{k + 1:02d}")
            x += 600
        add("net.leaf-tor", x + 400, y, rot, f"NET-{label}")
    for k in range(3):
        add("cool.crah-300", 1000, 5000 + k * 4000, 90, f"CRAH-{k + 1}")
    for k in range(4):
        add("pwr.ups-1mw-li", 29000, 2500 + k * 3800, 270, f"UPS-{k + 1}")
    for k in range(6):
        add("pwr.pdu-250kva", 3000 + k * 1600, 1000, 180, f"PDU-{k + 1}")
        add("pwr.pdu-250kva", 14000 + k * 1600, 17000, 0, f"PDU-{k + 7}")
    for k, (x, y) in enumerate(((7750, 22500), (7750, 26900), (22250, 22500), (22250, 26900))):
        add("cool.drycooler-1000-adiabatic", x, y, 0, f"DC-{k + 1}", yard.id)
    for k, (x, y) in enumerate(((7750, 31300), (22250, 31300), (7750, 35700))):
        add("cool.chiller-air-1500", x, y, 0, f"CH-{k + 1}", yard.id)
    for k, y in enumerate((35700, 40100)):
        add("pwr.generator-3mw", 22250, y, 0, f"GEN-{k + 1}", yard.id)
    for k in range(3):
        blocks.append(Block(type_id="pwr.transformer-2500kva", x_mm=2500 + k * 3200, y_mm=40300,
                            name=f"TX-{k + 1}", hall_id=yard.id))
    blocks.append(Block(type_id="pwr.mv-switchgear", x_mm=13000, y_mm=40300, name="MV-1",
                        hall_id=yard.id, power_system="mv"))
    # Stable ids (from the tag) keep the file identical each time this script runs.
    for b in blocks:
        b.id = uuid.uuid5(uuid.NAMESPACE_URL, f"workbench-sample/{b.name}").hex
    new_ids = {hall.id: "hall-1", yard.id: "plant-yard"}
    for b in blocks:
        b.hall_id = new_ids[b.hall_id]
    hall.id, yard.id = new_ids[hall.id], new_ids[yard.id]
    for i, c in enumerate(hall.columns):
        c.id = f"hall-1-column-{i + 1}"
    hall.doors[0].id = "hall-1-door-1"
    d.blocks = {b.id: b for b in blocks}
    d.assumptions.power_schemes = {"main": "N+1", "utility": "N+1", "mv": "N"}
    stamp_template_meta(d, catalog, kind="hall", name="AI hall sample — 2 MW NVL72 liquid-cooled",
                        author="Workbench team", version="1.0.0", licence="CC-BY-4.0", created="2026-11-27")
    return d


if __name__ == "__main__":
    design = build()
    add_chinese("ai-liquid-hall-sample", design)  # type: ignore[arg-type]
    derive_upgrade_connections(design, default_catalog())  # type: ignore[arg-type]  # schema 2 edges
    add_scenarios("ai-liquid-hall-sample", design)  # type: ignore[arg-type]  # options to compare
    path = sample_design_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, dumps(design), keep_backup=False)  # type: ignore[arg-type]
    print(f"wrote {path}")
