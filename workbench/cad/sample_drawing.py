"""A synthetic architect's floor plan as DXF, of any size: the underlay for tests, benchmarks and screenshots.

A building shell with double walls, a 9 m column grid (circles on S-COLS, and a block on S-COLS-BLK),
rooms as closed polylines on A-ROOM (data halls, plant rooms), doors with swings, room names, grid bubbles,
and enough detail (ceiling grid, cable trays, hatched shafts) to reach the entity count asked for.
"""

from __future__ import annotations

import random
from pathlib import Path

import ezdxf

LAYERS = {"A-WALL": 7, "A-ROOM": 4, "A-DOOR": 30, "S-COLS": 1, "S-COLS-BLK": 1, "S-GRID": 8, "A-TEXT": 7,
          "E-TRAY": 6, "A-CLNG": 9, "A-HATCH": 8}


def write_sample_plan(path: Path | str, entities: int = 2000, seed: int = 7) -> int:
    """Write the plan (millimetres, $INSUNITS 4); returns how many entities its model space holds."""
    rnd = random.Random(seed)
    doc = ezdxf.new("R2013")
    doc.header["$INSUNITS"] = 4
    for name, colour in LAYERS.items():
        doc.layers.add(name, color=colour)
    msp = doc.modelspace()
    width, depth, grid = 108000.0, 54000.0, 9000.0
    # shell: outer and inner faces of a 300 mm wall
    for off in (0.0, 300.0):
        msp.add_lwpolyline([(-off, -off), (width + off, -off), (width + off, depth + off), (-off, depth + off)],
                           close=True, dxfattribs={"layer": "A-WALL"})
    # rooms: two data halls, a plant room and a corridor strip
    rooms = [("DATA HALL 1", (1000, 1000, 52000, 35000)), ("DATA HALL 2", (56000, 1000, 107000, 35000)),
             ("PLANT ROOM", (1000, 38000, 70000, 53000)), ("BATTERY ROOM", (73000, 38000, 107000, 53000))]
    for name, (x0, y0, x1, y1) in rooms:
        msp.add_lwpolyline([(x0, y0), (x1, y0), (x1, y1), (x0, y1)], close=True, dxfattribs={"layer": "A-ROOM"})
        msp.add_text(name, height=600, dxfattribs={"layer": "A-TEXT"}).set_placement(((x0 + x1) / 2, (y0 + y1) / 2))
        door_x = x0 + 3000
        msp.add_line((door_x, y1), (door_x + 1800, y1), dxfattribs={"layer": "A-DOOR"})
        msp.add_arc((door_x, y1), 1800, 270, 360, dxfattribs={"layer": "A-DOOR"})
    col = doc.blocks.new("COLUMN-600")
    col.add_lwpolyline([(-300, -300), (300, -300), (300, 300), (-300, 300)], close=True)
    xs = [i * grid for i in range(int(width // grid) + 1)]
    ys = [j * grid for j in range(int(depth // grid) + 1)]
    for i, x in enumerate(xs):
        msp.add_line((x, -3000), (x, depth + 3000), dxfattribs={"layer": "S-GRID", "linetype": "CONTINUOUS"})
        msp.add_circle((x, -3800), 800, dxfattribs={"layer": "S-GRID"})
        msp.add_text(str(i + 1), height=700, dxfattribs={"layer": "S-GRID"}).set_placement((x - 250, -4150))
        for j, y in enumerate(ys):
            if j % 2:
                msp.add_blockref("COLUMN-600", (x, y), dxfattribs={"layer": "S-COLS-BLK"})
            else:
                msp.add_circle((x, y), 350, dxfattribs={"layer": "S-COLS"})
    for j, y in enumerate(ys):
        msp.add_line((-3000, y), (width + 3000, y), dxfattribs={"layer": "S-GRID"})
    hatch = msp.add_hatch(color=8, dxfattribs={"layer": "A-HATCH"})
    hatch.paths.add_polyline_path([(53000, 36000), (55000, 36000), (55000, 37500), (53000, 37500)], is_closed=True)
    count = len(msp)
    # detail up to the size asked: 600 mm ceiling grid pieces and cable tray runs inside the halls
    while count < entities:
        x0, y0, x1, y1 = rooms[rnd.randrange(2)][1]
        x = rnd.uniform(x0, x1 - 1200)
        y = rnd.uniform(y0, y1 - 1200)
        if rnd.random() < 0.8:
            msp.add_line((x, y), (x + 600, y), dxfattribs={"layer": "A-CLNG"})
        else:
            msp.add_lwpolyline([(x, y), (x + 3000, y), (x + 3000, y + 300)], dxfattribs={"layer": "E-TRAY"})
        count += 1
    doc.saveas(Path(path))
    return count
