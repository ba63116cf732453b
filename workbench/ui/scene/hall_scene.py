"""The hall scene: follows the document's design events and owns one graphics item per block id."""

from __future__ import annotations

import math
from itertools import compress, filterfalse
from operator import is_not

import numpy as np
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPixmapCache, QPolygonF
from PySide6.QtWidgets import QGraphicsScene, QGraphicsSceneHelpEvent, QStyleOptionGraphicsItem, QToolTip

from workbench.calc import Results
from workbench.geometry.placement import Layout, MovingPreview, Site, clearance_zones
from workbench.model.assumptions import effective_assumptions
from workbench.model.design import Block, Design
from workbench.text.check_text import check_text
from workbench.ui.document import Document
from workbench.ui.scene.aisles import aisle_strips
from workbench.ui.scene.background import BackgroundCache
from workbench.ui.scene.block_look import FootprintTable, block_look
from workbench.ui.scene.coords import box_to_scene, to_scene
from workbench.ui.scene.drag import DragCarrier, DragState
from workbench.ui.scene.hall_items import ClearanceOverlay, HallItem
from workbench.ui.scene.items import BlockItem
from workbench.ui.scene.overview import NO_CONTENTS, LevelOfDetail
from workbench.ui.theme import LIGHT, Theme

# Check codes the canvas marks on blocks; capacity and redundancy problems belong to the docks.
CANVAS_CODES = ("overlap", "outside_hall", "clearance", "floor_overload", "door_blocked")
MAX_CLEARANCE_SHOWN = 2000  # selecting a whole campus should not draw 40,000 dashed zones
MIN_TILE_PX = 6.0
SCENE_MARGIN_MM = 40000.0
# Every block caches its drawing in Qt's global pixmap cache, at least one entry per block in view. Qt's
# default 10 MB holds about 10,000 small entries, so a whole campus in view evicted them every frame and
# redrew every block in Python; this is a ceiling, only what is in view is ever held.
PIXMAP_CACHE_KB = 256 * 1024


def _blend(base: str, over: str) -> QColor:
    """An opaque colour: `over` (with alpha) composited on `base`, so overlapping strips do not darken."""
    b, o = QColor(base), QColor(over)
    a = o.alphaF()
    return QColor(round(o.red() * a + b.red() * (1 - a)), round(o.green() * a + b.green() * (1 - a)),
                  round(o.blue() * a + b.blue() * (1 - a)))


class HallScene(QGraphicsScene):
    """Builds items from the Document's design and keeps them in step with its events."""

    def __init__(self, document: Document, theme: Theme = LIGHT) -> None:
        super().__init__(document)
        self.document = document
        self.theme = theme
        self.grid_visible = True
        self.grid_mm = 600.0
        self.block_items: dict[str, BlockItem] = {}
        self._shown: dict[str, Block] = {}  # the block each item was last drawn from (see _on_design_reset)
        self._flagged: set[str] = set()  # ids of the last results' canvas problems (their items show them)
        self._parked: dict[str, tuple[BlockItem, Block]] = {}  # see _on_design_reset
        self.hall_items: dict[str, HallItem] = {}
        self.footprints = FootprintTable()
        self.drag: DragState | None = None
        self.language = "en"
        self._design: Design | None = None
        self._selected: set[str] = set()
        self._preview: set[str] = set()
        self._floor_path = QPainterPath()
        self._cold_path = QPainterPath()
        self._hot_path = QPainterPath()
        self._background = BackgroundCache()
        self.clearance = ClearanceOverlay(theme)
        self.addItem(self.clearance)
        self.detail = LevelOfDetail(self)
        self._aisle_timer = QTimer(self)
        self._aisle_timer.setSingleShot(True)
        self._aisle_timer.setInterval(0)
        self._aisle_timer.timeout.connect(self.refresh_aisles)
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        if QPixmapCache.cacheLimit() < PIXMAP_CACHE_KB:
            QPixmapCache.setCacheLimit(PIXMAP_CACHE_KB)
        document.design_replaced.connect(self._on_design_replaced)
        document.selection_changed.connect(self._on_selection_changed)
        document.results_ready.connect(self._on_results_ready)
        self._on_design_replaced()

    # --- building ------------------------------------------------------------------------
    @property
    def design(self) -> Design:
        return self.document.design

    def _follow(self, design: Design, connect: bool) -> None:
        ev = design.events
        for event, handler in ((ev.blocks_added, self._on_blocks_added), (ev.blocks_removed, self._on_blocks_removed),
                               (ev.blocks_moved, self._on_blocks_moved), (ev.blocks_changed, self._on_blocks_changed),
                               (ev.hall_changed, self._on_hall_changed), (ev.halls_changed, self._on_halls_changed),
                               (ev.design_reset, self._on_design_reset)):
            (event.connect if connect else event.disconnect)(handler)

    def _connect(self, design: Design) -> None:
        self._follow(design, True)

    def _disconnect(self, design: Design) -> None:
        self._follow(design, False)

    def _on_design_replaced(self) -> None:
        if self._design is not None and self._design is not self.design:
            self._disconnect(self._design)
        if self._design is not self.design:
            self._design = self.design
            self._connect(self.design)
        if self.drag is not None:
            self.end_drag()
        for item in self.block_items.values():
            self.removeItem(item)
        self.block_items.clear()
        self._shown.clear()
        self._parked.clear()
        self._selected.clear()
        self._preview.clear()
        self.detail.reset()
        self._add_items(list(self.design.blocks.values()))
        self._on_halls_changed()
        self._on_selection_changed()
        if self.document.results is not None:
            self._on_results_ready(self.document.results)

    def _on_design_reset(self) -> None:
        """The same design with its whole state swapped (a scenario switch, its undo): reconcile the items
        with the blocks by id instead of rebuilding, so switching between options of a campus stays quick."""
        if self.drag is not None:
            self.end_drag()
        blocks, items = self.design.blocks, self.block_items
        gone = list(filterfalse(blocks.__contains__, items))
        # Items of blocks this state lacks are kept aside until the next switch: switching back (the usual
        # to and fro between two options) shows them again instead of building them anew.
        parked, self._parked = self._parked, {bid: (items[bid], self._shown[bid]) for bid in gone}
        if gone:
            self._on_blocks_removed(gone)
        # _shown holds the block each item was last drawn from (edits put a changed copy in a block's place
        # and say so), so only blocks that are not the very object drawn need any work; one C-level pass
        # finds them (and the blocks without an item yet).
        shown = self._shown
        changed, new = [], []
        for bid, b in compress(blocks.items(), map(is_not, map(shown.get, blocks), blocks.values())):
            if bid not in items:
                new.append(b)
                continue
            if shown[bid] != b:
                changed.append(bid)
            shown[bid] = b
        if changed:
            self._on_blocks_moved(changed)  # new positions, and new looks where a type or name changed
        if new:
            self._add_items(new, parked)
        self.footprints.dirty = True
        self._on_halls_changed()
        self._on_selection_changed()

    def _add_items(self, blocks: list[Block], parked: dict[str, tuple[BlockItem, Block]] | None = None) -> None:
        catalog = self.document.catalog
        for b in blocks:
            look = block_look(b, catalog, self.language)
            kept = parked.get(b.id) if parked else None
            if kept is not None and kept[1] is b and kept[0].look == look:
                item = kept[0]  # drawn from this very block: as it was, but for the state the scene keeps
                item.set_theme(self.theme)
                item.set_problem(None, "")
                item.set_preview(None)
                item.setSelected(False)
                item.setFlag(NO_CONTENTS, False)
            else:
                item = BlockItem(b.id, look, self.theme)
                item.setPos(b.x_mm, -b.y_mm)  # to_scene without a QPointF per block
            self.addItem(item)
            self.block_items[b.id] = item
            self._shown[b.id] = b
        self.footprints.dirty = True
        self.detail.changed()
        self._aisle_timer.start()

    # --- design events -------------------------------------------------------------------
    def _on_blocks_added(self, blocks: list[Block]) -> None:
        self._add_items(blocks)

    def _on_blocks_removed(self, ids: list[str]) -> None:
        for bid in ids:
            item = self.block_items.pop(bid, None)
            if item is not None:
                self.removeItem(item)
            self._shown.pop(bid, None)
            self._selected.discard(bid)
            self._preview.discard(bid)
        self.detail.forget(ids)
        self.detail.changed()
        self.footprints.dirty = True
        self._aisle_timer.start()
        self._update_clearance()

    def _on_blocks_moved(self, ids: list[str]) -> None:
        if self.drag is not None and not self.drag.id_set.isdisjoint(ids):
            self.cancel_drag()  # the model moved what is being dragged (an undo mid-drag): drop the preview
        blocks, catalog = self.design.blocks, self.document.catalog
        for bid in ids:
            item, b = self.block_items.get(bid), blocks.get(bid)
            if item is None or b is None:
                continue
            item.setPos(to_scene(b.x_mm, b.y_mm))
            look = block_look(b, catalog, self.language)
            if look != item.look:
                item.set_look(look)
            self._shown[bid] = b
        self.footprints.update_rows(self.design, catalog, ids)
        self.detail.changed()
        self._aisle_timer.start()
        if self._selected.intersection(ids):
            self._update_clearance()

    def _on_blocks_changed(self, ids: list[str]) -> None:
        blocks, catalog = self.design.blocks, self.document.catalog
        for bid in ids:
            item, b = self.block_items.get(bid), blocks.get(bid)
            if item is not None and b is not None:
                item.set_look(block_look(b, catalog, self.language))
                self._shown[bid] = b
        self.footprints.dirty = True
        self.detail.changed()
        self._aisle_timer.start()
        self._update_clearance()

    def _on_hall_changed(self, hall_id: str) -> None:
        hall = self.design.hall(hall_id)
        item = self.hall_items.get(hall_id)
        if hall is None or item is None:
            self._on_halls_changed()
            return
        item.set_hall(hall)
        self._rebuild_hall_paths()

    def _on_halls_changed(self) -> None:
        show = any(i.show_handles for i in self.hall_items.values())
        for item in self.hall_items.values():
            self.removeItem(item)
        self.hall_items.clear()
        for hall in self.design.halls:
            item = HallItem(hall, self.theme)
            item.set_show_handles(show)
            self.addItem(item)
            self.hall_items[hall.id] = item
        self._rebuild_hall_paths()

    def _rebuild_hall_paths(self) -> None:
        path = QPainterPath()
        path.setFillRule(Qt.FillRule.WindingFill)
        for hall in self.design.halls:
            path.addPolygon(QPolygonF([to_scene(x, y) for x, y in hall.outline]))
            path.closeSubpath()
        self._floor_path = path
        bounds = self.halls_rect()
        if bounds.isEmpty():
            bounds = QRectF(-10000, -10000, 20000, 20000)
        self.setSceneRect(bounds.adjusted(-SCENE_MARGIN_MM, -SCENE_MARGIN_MM, SCENE_MARGIN_MM, SCENE_MARGIN_MM))
        self.detail.refresh_bounds()
        self._background_changed()

    # --- queries -------------------------------------------------------------------------
    def halls_rect(self) -> QRectF:
        rect = QRectF()
        for item in self.hall_items.values():
            rect = rect.united(item.polygon.boundingRect())
        return rect

    def hall_rect(self, hall_id: str) -> QRectF:
        item = self.hall_items.get(hall_id)
        return item.polygon.boundingRect() if item else QRectF()

    def helpEvent(self, event: QGraphicsSceneHelpEvent) -> None:
        """A block's tooltip, made when one is due: items keep no tooltip string (10,000 of them on a campus)."""
        for item in self.items(event.scenePos()):  # topmost first
            if isinstance(item, BlockItem):
                QToolTip.showText(event.screenPos(), item.tooltip_text(), event.widget())
                event.setAccepted(True)
                return
            if item.toolTip():
                break  # an item above the blocks has its own tooltip: Qt shows it
        super().helpEvent(event)

    def block_at(self, scene_pos: QPointF) -> str | None:
        for item in self.items(scene_pos, Qt.ItemSelectionMode.IntersectsItemShape,
                               Qt.SortOrder.DescendingOrder):
            if isinstance(item, BlockItem):
                return item.block_id
        return None

    def table(self) -> FootprintTable:
        return self.footprints.ensure(self.design, self.document.catalog)

    def ids_in_box(self, box: tuple[float, float, float, float], crossing: bool) -> list[str]:
        """Blocks wholly inside a model box (window) or touching it (crossing)."""
        t = self.table()
        if not len(t.ids):
            return []
        b = t.boxes
        x0, y0, x1, y1 = box
        if crossing:
            hit = (b[:, 0] <= x1) & (b[:, 2] >= x0) & (b[:, 1] <= y1) & (b[:, 3] >= y0)
        else:
            hit = (b[:, 0] >= x0) & (b[:, 2] <= x1) & (b[:, 1] >= y0) & (b[:, 3] <= y1)
        return [t.ids[i] for i in np.flatnonzero(hit)]

    # --- selection and results -----------------------------------------------------------
    def _on_selection_changed(self) -> None:
        new = set(self.document.selection)
        for bid in self._selected - new:
            item = self.block_items.get(bid)
            if item is not None:
                item.setSelected(False)
        for bid in new - self._selected:
            item = self.block_items.get(bid)
            if item is not None:
                item.setSelected(True)
        self._selected = new
        self.detail.changed()
        self._update_clearance()

    @property
    def selected_ids(self) -> set[str]:
        return self._selected

    def _update_clearance(self) -> None:
        boxes, rotation, depth = [], [], []
        for bid in list(self._selected)[:MAX_CLEARANCE_SHOWN]:
            b = self.design.blocks.get(bid)
            item = self.block_items.get(bid)
            if b is None or item is None:
                continue
            look = item.look
            boxes.append((b.x_mm - look.width_mm / 2, b.y_mm - look.depth_mm / 2,
                          b.x_mm + look.width_mm / 2, b.y_mm + look.depth_mm / 2))
            rotation.append(b.rotation_deg)
            depth.append(look.clearance_mm)
        zones = clearance_zones(np.asarray(boxes, dtype=float).reshape(-1, 4), np.asarray(rotation, dtype=np.int64),
                                np.asarray(depth, dtype=float).reshape(-1, 4))
        rects = [box_to_scene(*z) for z in zones.tolist()]
        self.clearance.set_rects(rects)

    def _on_results_ready(self, results: Results) -> None:
        found: dict[str, tuple[str, list[str]]] = {}
        for check in results.checks:
            if check.code not in CANVAS_CODES:
                continue
            text = check_text(check, self.language)  # the tooltip speaks the interface language
            for bid in check.blocks:
                sev, msgs = found.get(bid, ("warning", []))
                if check.severity == "error":
                    sev = "error"
                msgs.append(text)
                found[bid] = (sev, msgs)
        self.detail.set_problems({bid: sev for bid, (sev, _) in found.items()})
        items = self.block_items
        # Only items that showed a problem can need clearing (a new item shows none): a campus has few.
        for bid in self._flagged.difference(found):
            item = items.get(bid)
            if item is not None:
                item.set_problem(None, "")
        for bid, (sev, msgs) in found.items():
            item = items.get(bid)
            if item is not None:
                more = f"\n… and {len(msgs) - 6} more" if len(msgs) > 6 else ""
                item.set_problem(sev, "\n".join(msgs[:6]) + more)
        self._flagged = set(found)

    # --- live drag -----------------------------------------------------------------------
    def begin_drag(self, ids: list[str]) -> DragState:
        """Put the items on one carrier and index everything else once; drag_to then costs per selection."""
        if self.drag is not None:
            self.cancel_drag()
        t = self.table()
        rows = [t.row[i] for i in ids if i in t.row and i in self.block_items]
        ids = [t.ids[r] for r in rows]
        mask = np.ones(len(t.ids), dtype=bool)
        mask[rows] = False
        items = [self.block_items[i] for i in ids]
        carrier = DragCarrier()
        self.addItem(carrier)
        for item in items:
            # The carrier sits at the origin, so parent coordinates are scene coordinates: nothing jumps.
            item.setParentItem(carrier)
        self.drag = DragState(ids=ids, start_pos=[item.pos() for item in items], moving=t.boxes[rows].copy(),
                              static=t.boxes[mask], preview=self._moving_preview(ids), carrier=carrier)
        self.detail.begin_drag(ids, carrier)
        return self.drag

    def _moving_preview(self, ids: list[str]) -> MovingPreview:
        """The placement rules for these blocks moved rigidly, against the design as the checks see it."""
        design, catalog = self.design, self.document.catalog
        layout = Layout.of(design, catalog)
        row = {bid: r for r, bid in enumerate(layout.ids)}
        rows = [row[i] for i in ids if i in row]  # blocks of unknown type are in no check
        depth = effective_assumptions(design, catalog).get("door_clear_depth_mm", 0.0)
        return MovingPreview(layout, Site.of(design, depth), rows)

    def drag_to(self, dx_mm: float, dy_mm: float) -> None:
        """Move the dragged items on screen and mark overlaps and hall exits; the model is untouched."""
        d = self.drag
        if d is None:
            return
        d.dx_mm, d.dy_mm = dx_mm, dy_mm
        sx, sy = self._whole_pixels(dx_mm, -dy_mm)
        if d.carrier is not None:
            d.carrier.setPos(sx, sy)
        self.clearance.setPos(sx, sy)
        severity = d.severities(dx_mm, dy_mm)  # the placement rules, as the checks will rate them
        flagged = set(severity)
        # Only items whose mark changes are touched (each touch repaints one cached item).
        for bid in self._preview - flagged:
            item = self.block_items.get(bid)
            if item is not None:
                item.set_preview(None)
        for bid, level in severity.items():
            item = self.block_items.get(bid)
            if item is not None and item.preview_severity != level:
                item.set_preview(level)
        # Moving blocks leave their old problems behind until the model recalculates.
        self._preview = flagged
        self.detail.set_preview(flagged)

    def _whole_pixels(self, x: float, y: float) -> tuple[float, float]:
        """A scene offset rounded to whole pixels of the (first) view.

        Items cache their drawing in device pixels; a fractional shift can change a cached
        image's size by a pixel and force a redraw of the item. The model gets the exact offset
        on release; what is shown is off by under one pixel.
        """
        views = self.views()
        if not views:
            return x, y
        t = views[0].transform()
        if t.m12() or t.m21() or not t.m11() or not t.m22():
            return x, y
        sx, sy = t.m11(), t.m22()
        return round(x * sx) / sx, round(y * sy) / sy

    def _release_items(self, d: DragState) -> None:
        """Hand the items back to the scene at their start positions and drop the carrier."""
        for bid in d.ids:
            item = self.block_items.get(bid)
            if item is not None and item.parentItem() is d.carrier:
                item.setParentItem(None)  # keeps pos(): the start position, in scene coordinates again
        if d.carrier is not None and d.carrier.scene() is self:
            self.removeItem(d.carrier)
        d.carrier = None

    def end_drag(self) -> DragState | None:
        """Stop the live drag; the items stand at their start until the model moves them (MoveBlocks)."""
        d, self.drag = self.drag, None
        if d is not None:
            self._release_items(d)
            self.detail.end_drag()
        for bid in self._preview:
            item = self.block_items.get(bid)
            if item is not None:
                item.set_preview(None)
        self._preview = set()
        return d

    def cancel_drag(self) -> None:
        d = self.end_drag()
        if d is not None:
            for bid, p in zip(d.ids, d.start_pos):
                item = self.block_items.get(bid)
                if item is not None and item.pos() != p:
                    item.setPos(p)
        self.clearance.setPos(0, 0)

    def _background_changed(self) -> None:
        self._background.invalidate()
        self.invalidate(QRectF(), QGraphicsScene.SceneLayer.BackgroundLayer)

    # --- appearance ----------------------------------------------------------------------
    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        for item in self.block_items.values():
            item.set_theme(theme)
        for hall_item in self.hall_items.values():
            hall_item.set_theme(theme)
        self.clearance.set_theme(theme)
        self.detail.changed()
        self._background_changed()
        self.update()

    def set_grid(self, visible: bool, grid_mm: float | None = None) -> None:
        self.grid_visible = visible
        if grid_mm:
            self.grid_mm = grid_mm
        self._background_changed()

    def set_language(self, language: str) -> None:
        self.language = language
        self._on_blocks_changed(list(self.block_items))

    def refresh_aisles(self) -> None:
        self._aisle_timer.stop()
        cold, hot = aisle_strips(self.table())
        for name, boxes in (("_cold_path", cold), ("_hot_path", hot)):
            path = QPainterPath()
            path.setFillRule(Qt.FillRule.WindingFill)
            for box in boxes.tolist():
                path.addRect(box_to_scene(*box))
            setattr(self, name, path)
        self._background_changed()

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        # Every paint starts here, before any item: the moment to switch small blocks to the overview.
        self.detail.sync(QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform()))
        self._background.paint(painter, rect, QColor(self.theme.canvas), self._draw_background)

    def _draw_background(self, painter: QPainter, rect: QRectF) -> None:
        t = self.theme
        painter.fillRect(rect, QColor(t.canvas))
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(t.floor))
        painter.drawPath(self._floor_path)
        painter.save()
        painter.setClipPath(self._floor_path, Qt.ClipOperation.IntersectClip)
        painter.setBrush(_blend(t.floor, t.cold_aisle))
        painter.drawPath(self._cold_path)
        painter.setBrush(_blend(t.floor, t.hot_aisle))
        painter.drawPath(self._hot_path)
        if self.grid_visible:
            self._draw_grid(painter, rect.intersected(self._floor_path.boundingRect()), lod)
        painter.restore()

    def _draw_grid(self, painter: QPainter, rect: QRectF, lod: float) -> None:
        step = self.grid_mm
        if rect.isEmpty() or step <= 0:
            return
        major = step * 10
        minor_visible = step * lod >= MIN_TILE_PX
        if not minor_visible and major * lod < MIN_TILE_PX:
            return
        t = self.theme
        for spacing, color, show in ((step, t.tile, minor_visible), (major, t.tile_major, major * lod >= MIN_TILE_PX)):
            if not show:
                continue
            painter.setPen(QPen(QColor(color), 0))
            x = math.floor(rect.left() / spacing) * spacing
            lines = []
            while x <= rect.right():
                lines.append(QLineF(x, rect.top(), x, rect.bottom()))
                x += spacing
            y = math.floor(rect.top() / spacing) * spacing
            while y <= rect.bottom():
                lines.append(QLineF(rect.left(), y, rect.right(), y))
                y += spacing
            painter.drawLines(lines)
