"""Write the shipped hall and module templates to templates/ from code, with figures from the calculation."""

from __future__ import annotations

import argparse
import sys
import uuid
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from workbench.calc import calculate  # noqa: E402
from workbench.catalog import default_catalog, new_design  # noqa: E402
from workbench.catalog.templates import stamp_template_meta  # noqa: E402
from workbench.io import dumps  # noqa: E402
from workbench.io.atomic import write_atomic  # noqa: E402
from workbench.model import Block, Door, Hall  # noqa: E402
from workbench.model.design import Design  # noqa: E402
from workbench.paths import templates_dir  # noqa: E402
from tools.template_scenarios import add_scenarios  # noqa: E402
from tools.template_text_zh import add_chinese  # noqa: E402
from workbench.io.connections_doc import derive_upgrade_connections  # noqa: E402

AUTHOR = "Workbench team"
LICENCE = "CC-BY-4.0"
CREATED = "2025-06-30"
VERSION = "1.0.0"
RACK_DEPTH = 1200.0
# A pod's heat goes to the host hall's facility water: alone it has no heat rejection to count.
POD_WARNINGS = "no_heat_rejection,no_utility_supply,no_backup"
POD_NOTE = (" Heat rejection comes from the host hall's plant, so on its own the pod reports the "
            "'no heat rejection', 'no utility supply' and 'no backup' warnings and its PUE counts power losses, "
            "fans and pumps only.")


class Builder:
    """Places blocks by type with names, rows and packed plant areas; sizes come from the catalog."""

    def __init__(self, name: str) -> None:
        self.catalog = default_catalog()
        self.d: Design = new_design(self.catalog)
        self.d.site.name = name
        self.d.site.prepared_by = AUTHOR
        self.d.halls = []
        self.blocks: list[Block] = []
        self._count = 0

    def new_id(self) -> str:
        """Ids derived from the template name, so running this script again changes no file needlessly."""
        self._count += 1
        return uuid.uuid5(uuid.NAMESPACE_URL, f"workbench-template:{self.d.site.name}:{self._count}").hex

    def hall(self, name: str, x0: float, y0: float, w: float, h: float, rating: float = 25.0,
             floor: str = "slab", door_x: float | None = None, door_on_top: bool = False) -> Hall:
        hall = Hall(id=self.new_id(), name=name, outline=[(x0, y0), (x0 + w, y0), (x0 + w, y0 + h), (x0, y0 + h)],
                    floor_type=floor, floor_rating_kn_m2=rating)
        if door_x is not None:
            wall_y = y0 + h if door_on_top else y0  # a door where the equipment path inside it is clear
            hall.doors.append(Door(id=self.new_id(), x_mm=x0 + door_x, y_mm=wall_y, width_mm=1800))
        self.d.halls.append(hall)
        return hall

    def width(self, type_id: str) -> float:
        return self.catalog.types[type_id].width_mm

    def add(self, type_id: str, x: float, y: float, rot: int, name: str, hall: Hall, **fields: str) -> Block:
        b = Block(type_id=type_id, x_mm=x, y_mm=y, rotation_deg=rot, name=name, hall_id=hall.id, id=self.new_id(),
                  **fields)
        self.blocks.append(b)
        return b

    def row(self, hall: Hall, items: list[tuple[str, str]], x0: float, y: float, rot: int, **fields: str) -> float:
        """Blocks side by side along x from x0 (front faces -y at 0, +y at 180); returns the end x."""
        x = x0
        for type_id, name in items:
            w = self.width(type_id)
            self.add(type_id, x + w / 2, y, rot, name, hall, **fields)
            x += w
        return x

    def pack(self, hall: Hall, groups: list[tuple[str, int, str, dict[str, str]]], x0: float, y0: float,
             x_max: float, gap: float = 600.0) -> float:
        """Plant in rows of one type each, fronts facing -y, clear of each other's service zones.

        Returns the y where the next row could start.
        """
        y = y0
        for type_id, count, prefix, fields in groups:
            t = self.catalog.types[type_id]
            x = x0
            y_row = y + t.clearance_front_mm + t.depth_mm / 2
            for k in range(count):
                if x + t.width_mm > x_max:
                    y = y_row + t.depth_mm / 2 + t.clearance_rear_mm + gap
                    y_row = y + t.clearance_front_mm + t.depth_mm / 2
                    x = x0
                self.add(type_id, x + t.width_mm / 2, y_row, 0, f"{prefix}-{k + 1}", hall, **fields)
                x += t.width_mm + max(t.clearance_left_mm, t.clearance_right_mm, gap)
            y = y_row + t.depth_mm / 2 + t.clearance_rear_mm + gap
        return y

    def containment(self, hall: Hall, x_left: float, x_right: float, y_mid: float, name: str) -> None:
        """Hot-aisle containment: a sliding door at the entry end and a fixed panel at the far end."""
        self.add("struct.containment-door", x_right + 50, y_mid, 90, f"{name} door", hall)
        self.add("struct.containment-panel", x_left - 50, y_mid, 270, f"{name} end panel", hall)

    def finish(self, kind: str, name: str, description: str, accepted: str = "") -> Design:
        self.d.blocks = {b.id: b for b in self.blocks}
        self.d.description = description
        if accepted:
            self.d.meta["accepted_warnings"] = accepted
        stamp_template_meta(self.d, self.catalog, kind=kind, name=name, author=AUTHOR, version=VERSION,
                            licence=LICENCE, created=CREATED)
        return self.d


def row_ys(n_rows: int, y0: float, cold: float, hot: float) -> tuple[list[tuple[float, int]], float]:
    """Centre y and rotation of rows in hot/cold aisle pairs, starting with a cold aisle at y0."""
    out = []
    y = y0 + cold
    for i in range(n_rows):
        out.append((y + RACK_DEPTH / 2, 0 if i % 2 == 0 else 180))
        y += RACK_DEPTH + (hot if i % 2 == 0 else cold)
    return out, y


def headline(d: Design, extra: str) -> str:
    m = d.meta
    return f"{float(m['it_mw']):.2f} MW IT in {int(m['racks'])} racks, annualised PUE {float(m['pue']):.2f}. {extra}"


# --- hall templates ----------------------------------------------------------------------------------

def hall_1mw_pod_room() -> Design:
    b = Builder("1 MW liquid-cooled AI pod room")
    b.d.site.location = "Amsterdam, NL"
    b.d.site.currency = "EUR"
    b.d.site.electricity_price_per_kwh = 0.14
    hall = b.hall("Data hall", 0, 0, 16000, 11000, rating=25.0, door_x=2800)
    rows, _ = row_ys(2, 1600, 1800, 1200)
    (ya, ra), (yb, rb) = rows
    x0 = 4200.0
    end_a = b.row(hall, [("cool.cdu-1200", "CDU-1")] + [("rack.gb300-nvl72", f"RA{k + 1:02d}") for k in range(4)]
                  + [("net.leaf-tor", "NET-A")], x0, ya, ra)
    end_b = b.row(hall, [("cool.cdu-1200", "CDU-2")] + [("rack.gb300-nvl72", f"RB{k + 1:02d}") for k in range(3)]
          + [("net.spine", "SPINE-1"), ("net.leaf-tor", "NET-B")], x0, yb, rb)
    b.containment(hall, x0, max(end_a, end_b), (ya + yb) / 2, "Hot aisle")
    for k in range(2):
        b.add("cool.crah-300", 1000, 2500 + k * 5500, 90, f"CRAH-{k + 1}", hall)
    for k in range(6):
        b.add("pwr.pdu-250kva", 4000 + k * 1800, 9500, 180, f"PDU-{k + 1}", hall)
    elec = b.hall("Electrical room", 0, 13000, 16000, 5000, rating=20.0)
    b.pack(elec, [("pwr.ups-500kw", 4, "UPS", {}), ("pwr.battery-li", 5, "BAT", {})], 500, 13000, 16000, gap=400)
    yard = b.hall("Plant yard", 0, 20000, 30000, 30000, rating=50.0)
    y = b.pack(yard, [("cool.drycooler-1000-adiabatic", 3, "DC", {}), ("cool.chiller-air-1500", 2, "CH", {}),
                      ("pwr.generator-3mw", 2, "GEN", {}), ("pwr.transformer-2500kva", 2, "TX", {}),
                      ("pwr.mv-switchgear", 1, "MV", {"power_system": "mv"})], 1000, 20000, 30000)
    yard.outline = [(0, 20000), (30000, 20000), (30000, y), (0, y)]
    b.d.assumptions.power_schemes = {"main": "N+1", "utility": "N+1", "mv": "N"}
    d = b.finish("hall", "1 MW liquid-cooled AI pod room", "")
    d.description = headline(d, (
        "Seven GB300 NVL72-class racks (140 kW, 85 % to liquid) in one hot-aisle-contained pod with two "
        "1.2 MW facility CDUs (N+1), two 300 kW CRAHs for the residual air heat, six 250 kVA PDUs and "
        "four 500 kW UPS modules (N+1) with lithium-ion cabinets in the electrical room. Adiabatic dry coolers "
        "with air-cooled trim chillers, two 3 MW generators and 2.5 MVA transformers on the plant yard."))
    return d


def hall_10mw_nvl72_2n() -> Design:
    b = Builder("10 MW NVL72 hall, 2N power")
    b.d.site.location = "Dallas, TX, US"
    b.d.site.electricity_price_per_kwh = 0.08
    hall = b.hall("Data hall", 0, 0, 24000, 23500, rating=25.0, door_x=3000)
    rows, y_end = row_ys(6, 1800, 2400, 1200)
    x0 = 7000.0
    prev_end = x0
    for i, (y, rot) in enumerate(rows):
        items = [("rack.gb300-nvl72", f"R{i + 1}-{k + 1:02d}") for k in range(12)] + [("net.leaf-tor", f"LEAF-{i + 1}")]
        if i in (2, 3):
            items.append(("net.spine", f"SPINE-{i - 1}"))
        end = b.row(hall, items, x0, y, rot)
        if i % 2 == 1:
            b.containment(hall, x0, max(end, prev_end), y - RACK_DEPTH / 2 - 600, f"Hot aisle {i // 2 + 1}")
        prev_end = end
    for k in range(5):
        b.add("cool.cdu-2500", 6000 + k * 3000, y_end - 1200 + 650, 0, f"CDU-{k + 1}", hall)
    for k in range(3):
        b.add("cool.fanwall-500", 2800, 4000 + k * 6500, 90, f"FW-{k + 1}", hall)
        b.add("cool.fanwall-500", 24000 - 2800, 4000 + k * 6500, 270, f"FW-{k + 4}", hall)
    gal_a = b.hall("Power gallery A", -30000, 0, 28000, 23500, rating=20.0)
    gal_b = b.hall("Power gallery B", 26000, 0, 28000, 23500, rating=20.0)
    for gal, side in ((gal_a, "A"), (gal_b, "B")):
        x0g = min(p[0] for p in gal.outline)
        b.pack(gal, [("pwr.ups-1mw-li", 12, f"UPS-{side}", {}), ("pwr.pdu-250kva", 53, f"PDU-{side}", {})],
               x0g + 800, 0, x0g + 28000, gap=400)
    yard = b.hall("Plant yard", -30000, 25500, 84000, 40000, rating=50.0)
    y = b.pack(yard, [("cool.chiller-wc-3500", 5, "CH", {}), ("cool.tower-4000", 5, "CT", {}),
                      ("cool.pump-skid-4000", 3, "PUMP", {})], -29000, 25500, 54000)
    yard.outline = [(-30000, 25500), (54000, 25500), (54000, y), (-30000, y)]
    # 2N from the grid down: an A and a B utility path, each in its own yard beside its power gallery (the
    # whole building between them), each able to carry the whole facility, IT and cooling, with the design
    # margin: two 10 MVA MV line-ups (one 9.5 MW line-up cannot), six 2.5 MVA transformers and five 3 MW
    # generators per side. Auto-connect splits a utility stage by room, so yard A feeds gallery A only.
    for x0u, side in ((-62000, "A"), (56000, "B")):
        util = b.hall(f"Utility yard {side}", x0u, 0, 30000, 40000, rating=50.0)
        y = b.pack(util, [("pwr.mv-switchgear", 2, f"MV-{side}", {"power_system": "mv"}),
                          ("pwr.transformer-2500kva", 6, f"TX-{side}", {}),
                          ("pwr.generator-3mw", 5, f"GEN-{side}", {})], x0u + 1000, 0, x0u + 30000)
        util.outline = [(x0u, 0), (x0u + 30000, 0), (x0u + 30000, y), (x0u, y)]
    b.d.assumptions.power_schemes = {"main": "2N", "utility": "2N", "mv": "2N"}
    b.d.assumptions.cooling_schemes = {"air": "N+1", "liquid": "N+1", "heat_rejection": "N+1"}
    d = b.finish("hall", "10 MW NVL72-class hall, 2N power", "")
    margin = float(d.assumptions.values["design_margin"])
    d.description = headline(d, (
        "Seventy-two GB300 NVL72-class racks in six rows of twelve with hot-aisle containment, five 2.5 MW "
        "CDUs (N+1) and six 500 kW fan walls (N+1). 2N power from the grid to the rack: an A and a B utility "
        "path, each in its own utility yard with two 10 MVA MV switchgear line-ups, six 2.5 MVA transformers "
        "and five 3 MW generators, feeding its own power gallery of twelve 1 MW lithium UPS modules and "
        "fifty-three 250 kVA PDUs; racks are dual-corded A/B. Either side alone carries the whole facility, IT "
        f"and cooling, with the {100 * margin:.0f} % design margin, so no single failure or maintenance outage "
        "drops a rack. Water-cooled chillers with open cooling towers (N+1) on the plant yard."))
    return d


def hall_20mw_800vdc() -> Design:
    b = Builder("20 MW next-generation hall, 800 V DC")
    b.d.site.location = "Abilene, TX, US"
    b.d.site.electricity_price_per_kwh = 0.07
    b.d.assumptions.values["facility_water_supply_c"] = 36.0  # W40 racks allow warm water: no chillers
    hall = b.hall("Data hall", 0, 0, 24000, 30000, rating=30.0, door_x=2500)
    rows, y_end = row_ys(8, 1100, 2400, 1200)
    x0 = 6500.0
    prev_end = x0
    for i, (y, rot) in enumerate(rows):
        system = f"dc-row{i + 1}"
        items = [("rack.vr-nvl144", f"R{i + 1}-{k + 1:02d}") for k in range(12)]
        x = b.row(hall, items[:6], x0, y, rot, power_system=system)
        x = b.row(hall, [("pwr.sidecar-800v", f"SC{i + 1}-{k + 1}") for k in range(6)], x, y, rot,
                  power_system=system)
        x = b.row(hall, items[6:], x, y, rot, power_system=system)
        end = b.row(hall, [("net.leaf-tor", f"LEAF-{i + 1}")], x, y, rot, power_system="net")
        if i % 2 == 1:
            b.containment(hall, x0, max(end, prev_end), y - RACK_DEPTH / 2 - 600, f"Hot aisle {i // 2 + 1}")
        prev_end = end
        b.d.assumptions.power_schemes[system] = "N+1"
    b.row(hall, [("net.spine", f"SPINE-{k + 1}") for k in range(4)], 18000, y_end + 650, 0, power_system="net")
    for k in range(3):
        b.add("pwr.rpp-400a", 18300 + k * 800, 1300, 180, f"RPP-NET-{k + 1}", hall, power_system="net")
    for k in range(5):
        b.add("cool.cdu-2500", 5000 + k * 2800, 1650, 180, f"CDU-{k + 1}", hall)
        b.add("cool.cdu-2500", 5000 + k * 2800, y_end + 650, 0, f"CDU-{k + 6}", hall)
    for k in range(4):
        b.add("cool.fanwall-500", 2300, 5000 + k * 6200, 90, f"FW-{k + 1}", hall)
        b.add("cool.fanwall-500", 24000 - 2300, 5000 + k * 6200, 270, f"FW-{k + 5}", hall)
    yard = b.hall("Plant yard", -20000, 32000, 64000, 40000, rating=50.0)
    y = b.pack(yard, [("cool.tower-4000", 8, "CT", {}), ("cool.pump-skid-4000", 6, "PUMP", {}),
                      # LV AC for the sidecars, the network RPPs and every fan, pump and CDU: the sidecars
                      # make the racks' 800 V DC in the row (an SST's 800 V DC output could feed none of them).
                      ("pwr.transformer-2500kva", 12, "TX", {}), ("pwr.generator-3mw", 10, "GEN", {}),
                      ("pwr.mv-switchgear", 3, "MV", {"power_system": "mv"})], -19000, 32000, 44000)
    yard.outline = [(-20000, 32000), (44000, 32000), (44000, y), (-20000, y)]
    b.d.assumptions.power_schemes.update({"net": "N+1", "utility": "N+1", "mv": "N"})
    d = b.finish("hall", "20 MW next-generation hall, 800 V DC", "")
    d.description = headline(d, (
        "Ninety-six Vera Rubin NVL144-class racks (210 kW, 90 % to liquid) fed at 800 V DC in eight rows; "
        "each row is its own 800 V DC power system with six 660 kW power sidecars (N+1) converting 415 V AC "
        "from twelve 2.5 MVA transformers (N+1) on the yard, which also feed the fans, pumps and CDUs. Warm-water loop (36 °C supply, W40 racks) through ten 2.5 MW CDUs (N+1) to open "
        "cooling towers without chillers; eight 500 kW fan walls take the residual air heat. Ten 3 MW "
        "generators (N+1) back up the whole site."))
    return d


def hall_2mw_enterprise_air() -> Design:
    b = Builder("2 MW air-cooled enterprise hall")
    b.d.site.location = "Singapore, SG"
    b.d.site.currency = "SGD"
    b.d.site.electricity_price_per_kwh = 0.25
    b.d.assumptions.values["facility_water_supply_c"] = 18.0  # chilled water for CRAHs
    hall = b.hall("Data hall", 0, 0, 36000, 26000, rating=15.0, floor="raised", door_x=2800)
    rows, _ = row_ys(8, 800, 1800, 1200)
    x0 = 6500.0
    prev_end = x0
    for i, (y, rot) in enumerate(rows):
        items: list[tuple[str, str]] = [("rack.cpu-general", f"R{i + 1}-{k + 1:02d}") for k in range(11)]
        if i == 7:
            items = [("stor.all-flash", f"STOR-{k + 1}") for k in range(6)] + [("net.spine", "SPINE-1"),
                                                                            ("net.spine", "SPINE-2")]
        items.append(("net.leaf-tor", f"LEAF-{i + 1}"))
        end = b.row(hall, items, x0, y, rot)
        if i % 2 == 1:
            b.containment(hall, x0, max(end, prev_end), y - RACK_DEPTH / 2 - 600, f"Hot aisle {i // 2 + 1}")
        prev_end = end
    for k in range(5):
        b.add("cool.crah-300", 1000, 3000 + k * 5000, 90, f"CRAH-{k + 1}", hall)
        b.add("cool.crah-300", 35000, 3000 + k * 5000, 270, f"CRAH-{k + 6}", hall)
    elec = b.hall("Electrical room", 0, 28000, 36000, 9000, rating=20.0)
    b.pack(elec, [("pwr.ups-500kw", 6, "UPS", {}), ("pwr.battery-li", 10, "BAT", {}),
                  ("pwr.pdu-250kva", 12, "PDU", {})], 800, 28000, 36000, gap=400)
    yard = b.hall("Plant yard", 0, 39000, 36000, 30000, rating=50.0)
    y = b.pack(yard, [("cool.chiller-air-1500", 3, "CH", {}), ("pwr.generator-3mw", 3, "GEN", {}),
                      ("pwr.transformer-2500kva", 3, "TX", {}),
                      ("pwr.mv-switchgear", 1, "MV", {"power_system": "mv"})], 1000, 39000, 36000)
    yard.outline = [(0, 39000), (36000, 39000), (36000, y), (0, y)]
    b.d.assumptions.power_schemes = {"main": "N+1", "utility": "N+1", "mv": "N"}
    d = b.finish("hall", "2 MW air-cooled enterprise hall", "")
    d.description = headline(d, (
        "Seventy-seven 24 kW general-purpose racks, six all-flash storage racks and the network in eight rows on "
        "a raised floor, with hot-aisle containment (sliding doors and end panels) and ten 300 kW chilled-water "
        "CRAHs on the perimeter (N+1). Six 500 kW UPS modules (N+1) with lithium-ion cabinets and twelve "
        "250 kVA PDUs in the electrical room; three 1.5 MW air-cooled free-cooling chillers (N+1) on the yard."))
    return d


def hall_colo_mixed() -> Design:
    b = Builder("Colocation hall, mixed densities")
    b.d.site.location = "London, GB"
    b.d.site.currency = "GBP"
    b.d.site.electricity_price_per_kwh = 0.18
    b.d.assumptions.values["facility_water_supply_c"] = 24.0
    hall = b.hall("Data hall", 0, 0, 40000, 26000, rating=20.0, door_x=1500)
    rows, _ = row_ys(8, 800, 1800, 1200)
    x0 = 7000.0
    prev_end = x0
    plan = [("rack.air-10kw", 14, "A"), ("rack.air-10kw", 14, "A"), ("rack.air-20kw", 12, "B"),
            ("rack.air-20kw", 12, "B"), ("rack.air-40kw", 8, "C"), ("rack.air-40kw", 8, "C"),
            ("rack.hgx-8gpu-dlc", 8, "D"), ("rack.hgx-8gpu-dlc", 8, "D")]
    for i, ((y, rot), (type_id, n, cage)) in enumerate(zip(rows, plan)):
        items = [(type_id, f"{cage}{i + 1}-{k + 1:02d}") for k in range(n)]
        if cage == "D":
            items = [("cool.cdu-inrow-600", f"CDU-{i - 5}")] + items
        if i == 0:
            items += [("net.patch-optical", "MMR-1"), ("net.spine", "SPINE-1")]
        if i == 1:
            items += [("net.patch-optical", "MMR-2"), ("net.spine", "SPINE-2")]
        items.append(("net.leaf-tor", f"LEAF-{i + 1}"))
        if cage == "D" and i == 7:
            items.append(("cool.cdu-inrow-600", "CDU-3"))
        if cage in "BC":
            items.append(("stor.all-flash", f"STOR-{i + 1}"))
        end = b.row(hall, items, x0, y, rot)
        if i % 2 == 1:
            b.containment(hall, x0, max(end, prev_end), y - RACK_DEPTH / 2 - 600, f"Cage {cage} hot aisle")
        prev_end = end
    for k in range(4):
        b.add("cool.fanwall-500", 2300, 3500 + k * 6000, 90, f"FW-{k + 1}", hall)
    b.add("cool.fanwall-500", 37700, 3500, 270, "FW-5", hall)
    b.add("cool.fanwall-500", 37700, 9500, 270, "FW-6", hall)
    elec = b.hall("Electrical room", 0, 28000, 40000, 9000, rating=20.0)
    b.pack(elec, [("pwr.ups-1mw-li", 4, "UPS", {}), ("pwr.pdu-250kva", 16, "PDU", {})], 800, 28000, 40000, gap=400)
    yard = b.hall("Plant yard", 0, 39000, 40000, 30000, rating=50.0)
    y = b.pack(yard, [("cool.drycooler-1000-adiabatic", 4, "DC", {}), ("cool.chiller-air-1500", 3, "CH", {}),
                      ("pwr.generator-3mw", 3, "GEN", {}), ("pwr.transformer-2500kva", 3, "TX", {}),
                      ("pwr.mv-switchgear", 1, "MV", {"power_system": "mv"})], 1000, 39000, 40000)
    yard.outline = [(0, 39000), (40000, 39000), (40000, y), (0, y)]
    b.d.assumptions.power_schemes = {"main": "DR", "utility": "N+1", "mv": "N"}
    d = b.finish("hall", "Colocation hall, mixed densities", "")
    d.description = headline(d, (
        "Four cages from 10 kW to 56 kW per rack: retail cages of 10 kW and 20 kW racks, a 40 kW high-density "
        "air cage and a direct-liquid-cooled 8-GPU cage with in-row CDUs (N+1), each row pair in a contained "
        "hot aisle, meet-me room racks and six 500 kW fan walls (N+1). Four 1 MW UPS modules in a distributed-"
        "redundant (DR) block and sixteen 250 kVA PDUs; adiabatic dry coolers with air-cooled chillers."))
    return d


def hall_prefab_edge() -> Design:
    b = Builder("Prefabricated AI edge module")
    b.d.site.location = "Oslo, NO"
    b.d.site.currency = "NOK"
    b.d.site.electricity_price_per_kwh = 0.9
    hall = b.hall("IT module (12.2 m)", 0, 0, 12200, 4600, rating=25.0, door_x=2000, door_on_top=True)
    x = b.row(hall, [("cool.cdu-inrow-600", "CDU-1"), ("cool.inrow-50", "IRC-1"), ("cool.inrow-50", "IRC-2")]
              + [("rack.gb200-nvl72", f"R{k + 1:02d}") for k in range(4)]
              + [("cool.inrow-50", "IRC-3"), ("cool.inrow-50", "IRC-4"), ("net.leaf-tor", "NET-1"),
                 ("cool.cdu-inrow-600", "CDU-2")], 700, 1300 + RACK_DEPTH / 2, 0)
    for k in range(4):
        b.add("pwr.rpp-400a", x + 300 + k * 600, 1300 + 300, 0, f"RPP-{k + 1}", hall)
    skid = b.hall("Power module (9 m)", 0, 6000, 9000, 4800, rating=20.0, door_x=6300, door_on_top=True)
    b.pack(skid, [("pwr.ups-1mw-li", 2, "UPS", {}), ("pwr.battery-li", 4, "BAT", {})], 400, 6000, 9000, gap=200)
    yard = b.hall("Plant pad", 0, 11000, 30000, 12000, rating=50.0)
    y = b.pack(yard, [("cool.drycooler-1000", 2, "DC", {}), ("pwr.transformer-2500kva", 1, "TX", {}),
                      ("pwr.generator-3mw", 1, "GEN", {})], 1000, 11000, 30000)
    yard.outline = [(0, 11000), (30000, 11000), (30000, y), (0, y)]
    b.d.assumptions.power_schemes = {"main": "N+1", "utility": "N"}
    d = b.finish("hall", "Prefabricated AI edge module", "")
    d.description = headline(d, (
        "A factory-built 12.2 m IT module with four GB200 NVL72-class racks, two in-row CDUs (N+1), four "
        "in-row coolers and four 400 A remote power panels (N+1), beside a power module with two 1 MW UPS "
        "(N+1) and lithium-ion cabinets. Dry coolers only (free cooling all year in a cold climate); a single "
        "transformer and generator (N) as usual for an edge site."))
    return d


# --- module templates ------------------------------------------------------------------------------

def _module_hall(b: Builder, name: str, half_w: float, half_h: float, rating: float = 25.0) -> Hall:
    return b.hall(name, -half_w, -half_h, 2 * half_w, 2 * half_h, rating=rating)


def module_nvl72_pod() -> Design:
    b = Builder("NVL72 pod, 1.2 MW")
    hall = _module_hall(b, "NVL72 pod", 5200, 4300)
    ya, yb = -1200.0, 1200.0  # rows around a 1.2 m hot aisle
    x0 = -3900.0
    end = b.row(hall, [("cool.cdu-inrow-600", "CDU-1")] + [("rack.gb200-nvl72", f"RA{k + 1:02d}") for k in range(5)]
                + [("cool.inrow-50", "IRC-1"), ("cool.inrow-50", "IRC-2"), ("cool.inrow-50", "IRC-3"),
                   ("net.leaf-tor", "NET-1")], x0, ya, 0)
    b.row(hall, [("cool.cdu-inrow-600", "CDU-2"), ("cool.cdu-inrow-600", "CDU-3")]
          + [("rack.gb200-nvl72", f"RB{k + 1:02d}") for k in range(4)]
          + [("cool.inrow-50", "IRC-4"), ("cool.inrow-50", "IRC-5"), ("cool.inrow-50", "IRC-6")], x0, yb, 180)
    b.containment(hall, x0, end, 0.0, "Pod hot aisle")
    for k in range(2):
        b.add("pwr.busway-800a", -2400 + k * 3000, -3350, 0, f"BUS-A{k + 1}", hall)
        b.add("pwr.busway-800a", -2400 + k * 3000, 3350, 0, f"BUS-B{k + 1}", hall)
    d = b.finish("module", "NVL72 pod, 1.2 MW", "", POD_WARNINGS)
    d.description = headline(d, (
        "Nine GB200 NVL72-class racks in two rows around a contained hot aisle, three in-row 600 kW CDUs "
        "(N+1), six 50 kW in-row coolers for the residual air heat, a leaf network rack and four 800 A "
        "busway sections over the cold aisles." + POD_NOTE))
    return d


def module_vr_pod() -> Design:
    b = Builder("Vera Rubin pod, 200 kW racks")
    hall = _module_hall(b, "Vera Rubin pod", 6200, 3000)
    ya, yb = -1200.0, 1200.0
    x0 = -5400.0
    end = b.row(hall, [("cool.cdu-inrow-600", "CDU-1"), ("cool.cdu-inrow-600", "CDU-2")]
                + [("rack.vr-nvl144", f"RA{k + 1:02d}") for k in range(4)]
                + [("pwr.sidecar-800v", "SC-1"), ("pwr.sidecar-800v", "SC-2"), ("pwr.sidecar-800v", "SC-3"),
                   ("cool.inrow-50", "IRC-1"), ("cool.inrow-50", "IRC-2"), ("cool.inrow-50", "IRC-3"),
                   ("net.leaf-tor", "NET-1")], x0, ya, 0)
    b.row(hall, [("cool.cdu-inrow-600", "CDU-3"), ("cool.cdu-inrow-600", "CDU-4")]
          + [("rack.vr-nvl144", f"RB{k + 1:02d}") for k in range(4)]
          + [("pwr.sidecar-800v", "SC-4"), ("pwr.sidecar-800v", "SC-5"),
             ("cool.inrow-50", "IRC-4"), ("cool.inrow-50", "IRC-5"), ("cool.inrow-50", "IRC-6"),
             ("cool.inrow-50", "IRC-7")], x0, yb, 180)
    b.containment(hall, x0, end, 0.0, "Pod hot aisle")
    d = b.finish("module", "Vera Rubin NVL144 pod, 200 kW racks", "", POD_WARNINGS)
    d.description = headline(d, (
        "Eight Vera Rubin NVL144-class racks (210 kW, W40 warm water) in two rows around a contained hot aisle, "
        "four 600 kW in-row CDUs (N+1), five 660 kW 800 V DC power sidecars (N+1), seven in-row coolers (N+1) and a "
        "leaf network rack." + POD_NOTE))
    return d


def module_air_row() -> Design:
    b = Builder("Air-cooled row pod, 20 kW racks")
    hall = _module_hall(b, "Air row pod", 5000, 3000, rating=15.0)
    ya, yb = -1200.0, 1200.0
    x0 = -3600.0
    end = b.row(hall, [("rack.air-20kw", f"RA{k + 1:02d}") for k in range(2)] + [("cool.inrow-50", "IRC-1")]
                + [("rack.air-20kw", f"RA{k + 3:02d}") for k in range(3)] + [("cool.inrow-50", "IRC-2"),
                                                                            ("net.leaf-tor", "NET-1"),
                                                                            ("cool.inrow-50", "IRC-3"),
                                                                            ("pwr.rpp-400a", "RPP-A")], x0, ya, 0)
    b.row(hall, [("rack.air-20kw", f"RB{k + 1:02d}") for k in range(2)] + [("cool.inrow-50", "IRC-4")]
          + [("rack.air-20kw", f"RB{k + 3:02d}") for k in range(3)] + [("cool.inrow-50", "IRC-5"),
                                                                      ("cool.inrow-50", "IRC-6"),
                                                                      ("cool.inrow-50", "IRC-7"),
                                                                      ("pwr.rpp-400a", "RPP-B")], x0, yb, 180)
    b.containment(hall, x0, end, 0.0, "Pod hot aisle")
    d = b.finish("module", "Air-cooled row pod, 20 kW racks", "", POD_WARNINGS)
    d.description = headline(d, (
        "Ten 20 kW air-cooled racks and a leaf rack in two rows around a contained hot aisle, seven 50 kW "
        "chilled-water in-row coolers (N+1) and two 400 A remote power panels (A and B)." + POD_NOTE))
    return d


def module_power_block() -> Design:
    b = Builder("Power block, 2 MW")
    hall = _module_hall(b, "Power block", 9000, 4600, rating=20.0)
    b.pack(hall, [("pwr.ups-1mw-li", 3, "UPS", {}), ("pwr.battery-li", 6, "BAT", {}),
                  ("pwr.pdu-250kva", 10, "PDU", {})], -8600, -4600, 9000, gap=300)
    d = b.finish("module", "Power block, 2 MW (UPS, batteries, PDUs)", "", "no_cooling,no_heat_rejection")
    d.description = (
        "Power for 2 MW of IT, no racks: three 1 MW lithium-ion UPS modules (N+1, 1.8 MW usable after the "
        "10 % design margin), six battery cabinets and ten 250 kVA PDUs (N+1). Drop it into a hall next to a "
        "pod; its blocks join the hall's main power system. It has no cooling of its own: alone it reports "
        "'no air cooling' for the PDUs' small no-load losses and 'no heat rejection'; in a hall the hall's "
        "cooling takes both.")
    return d


HALLS: dict[str, Callable[[], Design]] = {
    "ai-pod-room-1mw": hall_1mw_pod_room,
    "nvl72-hall-10mw-2n": hall_10mw_nvl72_2n,
    "nextgen-800vdc-hall-20mw": hall_20mw_800vdc,
    "enterprise-air-hall-2mw": hall_2mw_enterprise_air,
    "colocation-mixed-density": hall_colo_mixed,
    "prefab-edge-module": hall_prefab_edge,
}
MODULES: dict[str, Callable[[], Design]] = {
    "nvl72-pod-1200kw": module_nvl72_pod,
    "vera-rubin-pod-200kw-racks": module_vr_pod,
    "air-row-pod-20kw": module_air_row,
    "power-block-2mw": module_power_block,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("stems", nargs="*", metavar="STEM",
                        help="write only these templates (file stems, e.g. nvl72-hall-10mw-2n); default: all")
    args = parser.parse_args(argv)
    unknown = set(args.stems) - set(HALLS) - set(MODULES)
    if unknown:
        parser.error(f"no such template: {', '.join(sorted(unknown))}")
    catalog = default_catalog()
    bad = 0
    for folder, makers in (("halls", HALLS), ("modules", MODULES)):
        for stem, make in makers.items():
            if args.stems and stem not in args.stems:
                continue  # one template regenerated leaves the others' files alone
            d = make()
            add_chinese(stem, d)  # name_zh, description_zh for the gallery in Chinese
            derive_upgrade_connections(d, catalog)  # schema 2: the edges auto-connect derives, as a v1 file got
            add_scenarios(stem, d)  # the options a sales engineer would compare (halls only)
            r = calculate(d, catalog)
            accepted = set(filter(None, str(d.meta.get("accepted_warnings", "")).split(",")))
            unexpected = [c for c in r.checks if c.severity == "error" or c.code not in accepted]
            path = templates_dir() / folder / f"{stem}.dchall.json"
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, dumps(d), keep_backup=False)  # no .bak files in the shipped folder
            pue = f"{r.pue:.3f}" if r.pue else "—"
            print(f"{path.relative_to(templates_dir())}: {r.it_load_kw / 1000:.2f} MW, PUE {pue}, "
                  f"{r.space['rack_count']} racks, {len(d.blocks)} blocks, {len(r.checks)} checks")
            for c in unexpected:
                print(f"    {c.severity}: {c.code}: {c.message}")
            bad += len(unexpected)
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
