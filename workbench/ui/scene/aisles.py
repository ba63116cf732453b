"""Hot and cold aisle strips derived from racks' facing: the front faces the cold aisle."""

from __future__ import annotations

from workbench.model.blocktype import Catalog
from workbench.model.design import Design
from workbench.ui.scene.block_look import rotated_size_mm

Box = tuple[float, float, float, float]
DEFAULT_AISLE_MM = 600.0  # one tile, for a rack type that states no clearance


def side_box(x: float, y: float, w: float, d: float, rotation_deg: int, side: str, depth: float) -> Box:
    """The strip of the given depth outside a footprint's front or rear face (model mm, y up)."""
    r = (rotation_deg // 90) % 4
    # Front direction per rotation: 0 -> -y, 90 -> +x, 180 -> +y, 270 -> -x.
    fx, fy = ((0, -1), (1, 0), (0, 1), (-1, 0))[r]
    if side == "rear":
        fx, fy = -fx, -fy
    elif side == "left":
        fx, fy = fy, -fx
    elif side == "right":
        fx, fy = -fy, fx
    x0, y0, x1, y1 = x - w / 2, y - d / 2, x + w / 2, y + d / 2
    if fx > 0:
        return (x1, y0, x1 + depth, y1)
    if fx < 0:
        return (x0 - depth, y0, x0, y1)
    if fy > 0:
        return (x0, y1, x1, y1 + depth)
    return (x0, y0 - depth, x1, y0)


def aisle_boxes(design: Design, catalog: Catalog) -> tuple[list[Box], list[Box]]:
    """(cold, hot) strips: each rack's front clearance is cold aisle, its rear clearance hot aisle."""
    cold: list[Box] = []
    hot: list[Box] = []
    for b in design.blocks.values():
        t = catalog.get(b.type_id)
        if t is None or t.rack is None:
            continue
        w, d = rotated_size_mm(b, t)
        front = t.clearance_front_mm or DEFAULT_AISLE_MM
        rear = t.clearance_rear_mm or DEFAULT_AISLE_MM
        cold.append(side_box(b.x_mm, b.y_mm, w, d, b.rotation_deg, "front", front))
        hot.append(side_box(b.x_mm, b.y_mm, w, d, b.rotation_deg, "rear", rear))
    return cold, hot
