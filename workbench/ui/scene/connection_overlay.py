"""Connections drawn on the plan: one path per kind and side, the hovered rack's upstream path, failure marks."""

from __future__ import annotations

from collections import defaultdict

import numpy as np

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QMouseEvent, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsView

from workbench.model.connections import Connection
from workbench.model.design import Design
from workbench.ui.scene.coords import to_scene
from workbench.ui.scene.hall_scene import HallScene

OVERLAY_KINDS = ("power", "liquid", "heat")
# (kind, side) → colour. A and B of a 2N plant must read apart at a glance: warm for A, cool for B.
LINE_COLORS: dict[tuple[str, str], str] = {
    ("power", "A"): "#d9480f",
    ("power", "B"): "#1c7ed6",
    ("power", ""): "#7048e8",
    ("liquid", ""): "#0b9fb3",
    ("heat", ""): "#c2255c",
}
HIGHLIGHT_COLOR = "#f59f00"
DARK_FILL = "#c8101418"  # #AARRGGBB: dark racks read as off, their labels still show through
STARVED_FILL = "#70101418"  # devices that stop because what feeds them failed
FAILED_COLOR = "#e03131"
OVERLOAD_COLOR = "#f08c00"
LINE_Z = 8.0  # under the blocks (10): a line ends at the block it reaches and never hides a label
HIGHLIGHT_Z = 21.0  # the hovered path goes over the blocks, under the editing overlays (30)
MARK_Z = 25.0
LINE_PX = 1.4
HIGHLIGHT_PX = 3.5


def _key(c: Connection) -> tuple[str, str]:
    side = c.side if c.kind == "power" else ""
    return (c.kind, side)


def elbow(path: QPainterPath, a: QPointF, b: QPointF) -> None:
    """A right-angled run from server a to served b: out of the server to the served block's row, then along
    the row, as cable and pipe follow rows and aisles."""
    path.moveTo(a)
    if a.x() != b.x() and a.y() != b.y():
        path.lineTo(QPointF(a.x(), b.y()))
    path.lineTo(b)


def elbow_paths(ends: np.ndarray) -> QPainterPath:
    """One path of right-angled runs for rows (x1, y1, x2, y2) in scene units, each distinct segment once.

    A paralleled bus connects every downstream device to every module, so many runs share their legs:
    drawing each distinct leg once keeps a campus (24,000 connections) to a fraction of the segments.
    """
    path = QPainterPath()
    if not len(ends):
        return path
    x1, y1, x2, y2 = ends.T
    legs = np.concatenate([np.stack([x1, y1, x1, y2], axis=1), np.stack([x1, y2, x2, y2], axis=1)])
    legs = legs[(legs[:, 0] != legs[:, 2]) | (legs[:, 1] != legs[:, 3])]
    legs = np.unique(np.round(legs, 1), axis=0)
    for ax, ay, bx, by in legs.tolist():
        path.moveTo(ax, ay)
        path.lineTo(bx, by)
    return path


class ConnectionOverlay(QObject):
    """Few items, rebuilt only when connections or blocks change; a frame only paints the cached paths."""

    def __init__(self, scene: HallScene, parent: QObject | None = None) -> None:
        super().__init__(parent or scene)
        self.scene = scene
        self.visible: dict[str, bool] = {k: False for k in OVERLAY_KINDS}
        self.paths: dict[tuple[str, str], QGraphicsPathItem] = {}
        for key, color in LINE_COLORS.items():
            item = QGraphicsPathItem()
            pen = QPen(QColor(color), LINE_PX)
            pen.setCosmetic(True)  # one width at every zoom
            if key[1] == "B":
                pen.setStyle(Qt.PenStyle.DashLine)  # B is also told apart without colour vision
            item.setPen(pen)
            item.setZValue(LINE_Z)
            item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
            item.setVisible(False)
            scene.addItem(item)
            self.paths[key] = item
        self.highlight = self._mark_item(HIGHLIGHT_COLOR, HIGHLIGHT_PX, HIGHLIGHT_Z)
        self.hovered: str | None = None
        self.rebuilds = 0  # counted for the test that a repaint never rebuilds
        self._stale = True  # the paths do not match the design (rebuilt when a kind is shown)
        self.counts: dict[tuple[str, str], int] = {}
        self._index: dict[tuple[str, str], np.ndarray] | None = None
        self._index_key: tuple[int, int, int, str] | None = None
        self._upstream_of: dict[str, list[Connection]] = {}
        self._design: Design | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.rebuild)
        scene.document.design_replaced.connect(self._on_design_replaced)
        self._on_design_replaced()

    def _mark_item(self, color: str, width_px: float, z: float) -> QGraphicsPathItem:
        item = QGraphicsPathItem()
        pen = QPen(QColor(color), width_px)
        pen.setCosmetic(True)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        item.setPen(pen)
        item.setZValue(z)
        item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.scene.addItem(item)
        return item

    # --- following the design ------------------------------------------------------------
    def _on_design_replaced(self) -> None:
        design = self.scene.document.design
        if self._design is not None and self._design is not design:
            self._follow(self._design, False)
        if self._design is not design:
            self._design = design
            self._follow(design, True)
        self.schedule()

    def _follow(self, design: Design, connect: bool) -> None:
        ev = design.events
        for event in (ev.connections_changed, ev.blocks_added, ev.blocks_removed, ev.blocks_moved,
                      ev.blocks_changed, ev.design_reset):
            (event.connect if connect else event.disconnect)(self.schedule)

    def schedule(self, *_: object) -> None:
        self._timer.start()  # a paste of 500 blocks is one rebuild

    # --- showing -------------------------------------------------------------------------
    def set_visible(self, kind: str, on: bool) -> None:
        self.visible[kind] = on
        if on and self._stale:
            self.rebuild()
        for (k, _side), item in self.paths.items():
            if k == kind:
                item.setVisible(on and not item.path().isEmpty())
        if not self.any_visible:
            self.set_hovered(None)
        else:
            self._update_highlight()

    @property
    def any_visible(self) -> bool:
        return any(self.visible.values())

    def rebuild(self) -> None:
        """Every line from its blocks' current centres (model positions, so a live drag does not rebuild)."""
        self._timer.stop()
        if not self.any_visible:
            self._stale = True  # nothing shown: an arrow-key nudge on a campus costs nothing here
            return
        self._stale = False
        self.rebuilds += 1
        design = self.scene.document.design
        index = self._index_for(design)
        # Positions are read on every rebuild (a move changes them); which block each edge joins is cached.
        blocks = list(design.blocks.values())
        xy = np.fromiter((v for b in blocks for v in (b.x_mm, -b.y_mm)), float, 2 * len(blocks)).reshape(-1, 2)
        self.counts = {}
        for key, item in self.paths.items():
            rows = index.get(key)
            if rows is None or not len(rows):
                item.setPath(QPainterPath())
                item.setVisible(False)
                continue
            self.counts[key] = len(rows)
            path = elbow_paths(np.concatenate([xy[rows[:, 0]], xy[rows[:, 1]]], axis=1))
            item.setPath(path)
            item.setVisible(self.visible[key[0]] and not path.isEmpty())
        self._update_highlight()

    def _index_for(self, design: Design) -> dict[tuple[str, str], np.ndarray]:
        """(from row, to row) per drawn connection, by kind and side; rebuilt when connections or the block
        set change, not when blocks move."""
        key = (id(design), design.connections_version, len(design.blocks), next(reversed(design.blocks), ""))
        if self._index is not None and self._index_key == key:
            return self._index
        row = {bid: i for i, bid in enumerate(design.blocks)}
        pairs: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
        upstream: dict[str, list[Connection]] = defaultdict(list)
        for c in design.connections.values():
            a, b = row.get(c.from_block), row.get(c.to_block)
            if a is None or b is None:
                continue  # a bad edge is reported by the checks, not drawn
            upstream[c.to_block].append(c)
            k = _key(c)
            pairs[k if k in self.paths else (c.kind, "")].append((a, b))
        self._upstream_of = dict(upstream)
        self._index = {k: np.asarray(v, dtype=np.int64).reshape(-1, 2) for k, v in pairs.items()}
        self._index_key = key
        return self._index

    def path_count(self, kind: str) -> int:
        """Connections drawn for a kind at the last rebuild."""
        return sum(n for (k, _side), n in self.counts.items() if k == kind)

    # --- hover: a rack's whole upstream path ---------------------------------------------
    def upstream_connections(self, block_id: str) -> list[Connection]:
        """Every connection on the way to the block, walking server-wards (power, liquid and heat)."""
        seen_blocks, out, todo = {block_id}, [], [block_id]
        while todo:
            bid = todo.pop()
            for c in self._upstream_of.get(bid, ()):
                out.append(c)
                if c.from_block not in seen_blocks:
                    seen_blocks.add(c.from_block)
                    todo.append(c.from_block)
        return out

    def set_hovered(self, block_id: str | None) -> None:
        if block_id != self.hovered:
            self.hovered = block_id
            self._update_highlight()

    def _update_highlight(self) -> None:
        path = QPainterPath()
        bid = self.hovered
        design = self.scene.document.design
        if bid is not None and self.any_visible and bid in design.blocks:
            blocks = design.blocks
            for c in self.upstream_connections(bid):
                a, b = blocks.get(c.from_block), blocks.get(c.to_block)
                if a is not None and b is not None and self.visible.get(c.kind, False):
                    elbow(path, to_scene(a.x_mm, a.y_mm), to_scene(b.x_mm, b.y_mm))
        self.highlight.setPath(path)
        self.highlight.setVisible(not path.isEmpty())


class HoverWatcher(QObject):
    """Tells the overlay which rack is under the cursor; watching the viewport keeps the view untouched."""

    def __init__(self, view: QGraphicsView, overlay: ConnectionOverlay) -> None:
        super().__init__(view)
        self.view = view
        self.overlay = overlay
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseMove and self.overlay.any_visible and isinstance(event, QMouseEvent):
            scene_pos = self.view.mapToScene(event.position().toPoint())
            self.overlay.set_hovered(self._rack_at(scene_pos))
        elif event.type() == QEvent.Type.Leave:
            self.overlay.set_hovered(None)
        return False

    def _rack_at(self, scene_pos: QPointF) -> str | None:
        scene = self.overlay.scene
        bid = scene.block_at(scene_pos)
        if bid is None:
            return None
        b = scene.document.design.blocks.get(bid)
        t = scene.document.catalog.get(b.type_id) if b is not None else None
        return bid if t is not None and t.is_rack else None


class FailureMarks(QObject):
    """Dark racks shaded, failed blocks crossed, overloaded devices ringed: three path items for any count."""

    def __init__(self, scene: HallScene, parent: QObject | None = None) -> None:
        super().__init__(parent or scene)
        self.scene = scene
        self.dark_item = QGraphicsPathItem()
        self.dark_item.setPen(QPen(Qt.PenStyle.NoPen))
        self.dark_item.setBrush(QColor(DARK_FILL))
        self.starved_item = QGraphicsPathItem()
        self.starved_item.setPen(QPen(Qt.PenStyle.NoPen))
        self.starved_item.setBrush(QColor(STARVED_FILL))
        self.failed_item = QGraphicsPathItem()
        self.overload_item = QGraphicsPathItem()
        for item, color, width in ((self.failed_item, FAILED_COLOR, 3.0), (self.overload_item, OVERLOAD_COLOR, 3.0)):
            pen = QPen(QColor(color), width)
            pen.setCosmetic(True)
            pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
            item.setPen(pen)
        for item in (self.dark_item, self.starved_item, self.failed_item, self.overload_item):
            item.setZValue(MARK_Z)
            item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
            scene.addItem(item)
        self.dark: set[str] = set()
        self.failed: set[str] = set()
        self.overloaded: set[str] = set()

    def show(self, failed: set[str], dark: set[str], overloaded: set[str], starved: set[str] | None = None) -> None:
        self.failed, self.dark, self.overloaded = set(failed), set(dark), set(overloaded)
        self.dark_item.setPath(self._rects(dark | failed, 0.0))
        self.starved_item.setPath(self._rects(set(starved or ()) - dark - failed, 0.0))
        crossed = self._rects(failed, 0.0)
        for bid in failed:
            r = self._rect(bid)
            if r is not None:
                crossed.moveTo(r.topLeft())
                crossed.lineTo(r.bottomRight())
                crossed.moveTo(r.topRight())
                crossed.lineTo(r.bottomLeft())
        self.failed_item.setPath(crossed)
        self.overload_item.setPath(self._rects(overloaded - failed, -150.0))

    def _rect(self, bid: str) -> QRectF | None:
        item = self.scene.block_items.get(bid)
        if item is None:
            return None
        return item.mapRectToScene(item.rect())

    def _rects(self, ids: set[str], grow_mm: float) -> QPainterPath:
        path = QPainterPath()
        for bid in ids:
            r = self._rect(bid)
            if r is not None:
                path.addRect(r.adjusted(grow_mm, grow_mm, -grow_mm, -grow_mm))
        return path
