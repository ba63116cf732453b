"""While a block type is dragged in from the palette: the block drawn to scale where it would land (snapped as
a drop places it), with its service clearance zones, red where the placement rules would flag it.

The look is the canvas's own BlockItem and the rules are geometry/placement.py's `MovingPreview`, the same
pair that marks a placed block while it is moved, so the preview and the checks after the drop agree.
"""

from __future__ import annotations

import numpy as np

from workbench.editing.snapping import snap_centre
from workbench.geometry.footprint import rotated_size_mm
from workbench.geometry.placement import Layout, MovingPreview, Site, clearance_zones, hall_id_at
from workbench.model.assumptions import effective_assumptions
from workbench.model.design import Block
from workbench.ui.scene.block_look import block_look
from workbench.ui.scene.coords import box_to_scene, to_scene
from workbench.ui.scene.hall_items import ClearanceOverlay
from workbench.ui.scene.hall_scene import HallScene
from workbench.ui.scene.items import BlockItem

DROP_ID = "__palette_drop__"


class DropPreview:
    """The dragged-in block on the canvas; `move_to` follows the cursor, `remove` ends it."""

    def __init__(self, scene: HallScene, type_id: str, grid_mm: float, rotation_deg: int = 0) -> None:
        self.scene = scene
        self.catalog = scene.document.catalog
        self.type = self.catalog.get(type_id)
        self.grid_mm = grid_mm
        self.block = Block(type_id, 0.0, 0.0, rotation_deg, id=DROP_ID)
        self.size = rotated_size_mm(self.block, self.type)
        self.item = BlockItem(DROP_ID, block_look(self.block, self.catalog, scene.language), scene.theme)
        self.item.setOpacity(0.85)
        self.item.setZValue(60)
        self.item.setVisible(False)
        self.zones = ClearanceOverlay(scene.theme)
        self.zones.setZValue(59)
        scene.addItem(self.zones)
        scene.addItem(self.item)
        self._rules: dict[str, MovingPreview] = {}  # by hall id: the hall decides the outside rule
        self.position: tuple[float, float] | None = None
        self.flagged = False

    def _rules_for(self, hall_id: str) -> MovingPreview:
        if hall_id not in self._rules:
            design = self.scene.design
            block = self.block.copy(hall_id=hall_id)
            layout = Layout.of(design, self.catalog, [block])
            depth = effective_assumptions(design, self.catalog).get("door_clear_depth_mm", 0.0)
            self._rules[hall_id] = MovingPreview(layout, Site.of(design, depth), [len(layout.ids) - 1])
        return self._rules[hall_id]

    def move_to(self, x_mm: float, y_mm: float, snap: bool = True) -> tuple[float, float]:
        """Show the block where a drop here would put it; returns that centre."""
        w, d = self.size
        x, y = snap_centre(x_mm, y_mm, w, d, self.grid_mm if snap else 0.0)
        self.position = (x, y)
        self.item.setPos(to_scene(x, y))
        self.item.setVisible(True)
        if self.type is None:
            return x, y
        rules = self._rules_for(hall_id_at(self.scene.design, x, y))
        # The block sits at the origin in the rules' layout: the offset is its position.
        self.flagged = len(rules.flagged(x, y)) > 0
        self.item.set_preview("error" if self.flagged else None)
        box = np.array([[x - w / 2, y - d / 2, x + w / 2, y + d / 2]])
        t = self.type
        depth = np.array([[t.clearance_front_mm, t.clearance_rear_mm, t.clearance_left_mm, t.clearance_right_mm]])
        zones = clearance_zones(box, np.array([self.block.rotation_deg], dtype=np.int64), depth)
        self.zones.set_rects([box_to_scene(*z) for z in zones.tolist()])
        return x, y

    def remove(self) -> None:
        for item in (self.item, self.zones):
            if item.scene() is not None:
                self.scene.removeItem(item)
