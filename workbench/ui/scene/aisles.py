"""Hot and cold aisle strips derived from racks' facing: the front faces the cold aisle."""

from __future__ import annotations

import numpy as np

from workbench.geometry.footprint import block_box
from workbench.geometry.placement import service_zones
from workbench.model.blocktype import Catalog
from workbench.model.design import Design

Box = tuple[float, float, float, float]
DEFAULT_AISLE_MM = 600.0  # one tile, for a rack type that states no clearance


def aisle_boxes(design: Design, catalog: Catalog) -> tuple[list[Box], list[Box]]:
    """(cold, hot) strips: each rack's front clearance is cold aisle, its rear clearance hot aisle."""
    boxes, rotation, front, rear = [], [], [], []
    for b in design.blocks.values():
        t = catalog.get(b.type_id)
        if t is None or t.rack is None:
            continue
        boxes.append(block_box(b, t))
        rotation.append(b.rotation_deg)
        front.append(t.clearance_front_mm or DEFAULT_AISLE_MM)
        rear.append(t.clearance_rear_mm or DEFAULT_AISLE_MM)
    cold, hot = service_zones(np.asarray(boxes, dtype=float).reshape(-1, 4), np.asarray(rotation, dtype=np.int64),
                              np.asarray(front, dtype=float), np.asarray(rear, dtype=float))
    return [tuple(z) for z in cold.tolist()], [tuple(z) for z in hot.tolist()]
