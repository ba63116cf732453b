"""A laid-out plant diagram drawn in Qt: node boxes with ratings and loads, orthogonal edges, selection and failure marks."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QContextMenuEvent, QFont, QPainter, QPainterPath, QPen, QWheelEvent
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QMenu,
    QStyleOptionGraphicsItem,
    QWidget,
)

from workbench.ui.scene.connection_overlay import LINE_COLORS

SLOT_PX = 150.0  # one layout slot
LEVEL_PX = 118.0  # one layout level
NODE_W = 134.0
NODE_H = 62.0
TITLE_W = 110.0  # level titles at the left
STATE_COLORS = {"failed": "#e03131", "dark": "#343a40", "overloaded": "#f08c00", "starved": "#868e96",
                "partial": "#868e96"}


@dataclass(frozen=True)
class NodeText:
    """The three lines a node shows: name; rating and load; redundancy or IT."""

    title: str
    figures: str
    note: str


class DiagramNodeItem(QGraphicsRectItem):
    """One device, or one group of racks; clicks go to the scene, which tells the window."""

    def __init__(self, block_id: str, members: tuple[str, ...], text: NodeText, category: str, is_group: bool) -> None:
        super().__init__(-NODE_W / 2, -NODE_H / 2, NODE_W, NODE_H)
        self.block_id = block_id
        self.members = members
        self.text = text
        self.category = category
        self.is_group = is_group
        self.selected = False
        self.state = ""  # "" | failed | dark | overloaded | starved
        self.setPen(QPen(Qt.PenStyle.NoPen))
        self.setZValue(2)
        self.setAcceptHoverEvents(False)
        self.setToolTip(f"{text.title}\n{text.figures}\n{text.note}".strip())

    def set_text(self, text: NodeText) -> None:
        if text != self.text:
            self.text = text
            self.setToolTip(f"{text.title}\n{text.figures}\n{text.note}".strip())
            self.update()

    def set_marks(self, selected: bool, state: str) -> None:
        if (selected, state) != (self.selected, self.state):
            self.selected, self.state = selected, state
            self.update()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        from workbench.ui.theme import CATEGORY_HUES

        r = self.rect()
        hue = QColor(CATEGORY_HUES.get(self.category, "#7d8590"))
        fill = QColor(hue)
        fill.setAlpha(40)
        if self.state in ("dark", "failed", "starved", "partial"):
            fill = QColor(STATE_COLORS[self.state] if self.state != "failed" else "#495057")
            fill.setAlpha(200 if self.state in ("dark", "failed") else 110)
        painter.setBrush(fill)
        edge = QColor(STATE_COLORS.get(self.state, hue.name())) if self.state in ("failed", "overloaded") else hue
        painter.setPen(QPen(edge, 3.0 if self.state in ("failed", "overloaded") else 1.2))
        if self.is_group:  # a stack of racks: a second outline behind
            painter.drawRoundedRect(r.translated(4, -4), 5, 5)
        painter.drawRoundedRect(r, 5, 5)
        if self.selected:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(QColor("#1971c2"), 3.0))
            painter.drawRoundedRect(r.adjusted(-4, -4, 4, 4), 7, 7)
        text = QColor("#f8f9fa") if self.state in ("dark", "failed") else QColor("#212529")
        bold = QFont()
        bold.setPixelSize(12)
        bold.setBold(True)
        small = QFont()
        small.setPixelSize(10)
        painter.setPen(text)
        painter.setFont(bold)
        inner = r.adjusted(5, 3, -5, -3)
        fm = painter.fontMetrics()
        painter.drawText(QRectF(inner.left(), inner.top(), inner.width(), 16), Qt.AlignmentFlag.AlignLeft,
                         fm.elidedText(self.text.title, Qt.TextElideMode.ElideRight, int(inner.width())))
        painter.setFont(small)
        fm = painter.fontMetrics()
        for k, line in enumerate((self.text.figures, self.text.note)):
            painter.drawText(QRectF(inner.left(), inner.top() + 18 + 14 * k, inner.width(), 14),
                             Qt.AlignmentFlag.AlignLeft, fm.elidedText(line, Qt.TextElideMode.ElideRight,
                                                                       int(inner.width())))
        if self.state == "failed":
            painter.setPen(QPen(QColor(STATE_COLORS["failed"]), 2.5))
            painter.drawLine(r.topLeft(), r.bottomRight())
            painter.drawLine(r.topRight(), r.bottomLeft())


class DiagramScene(QGraphicsScene):
    """Built from a layout (calc.diagram); nodes by block id; edges as one path per kind and side."""

    node_clicked = Signal(object, bool)  # (members tuple, ctrl held)
    node_activated = Signal(object)  # double-click: members
    fail_requested = Signal(object, bool)  # (members, fail?)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.nodes: dict[str, DiagramNodeItem] = {}
        self.by_member: dict[str, DiagramNodeItem] = {}
        self.is_failed: Callable[[tuple[str, ...]], bool] = lambda members: False

    def build(self, layout: Any, text_of: Callable[[Any], NodeText], category_of: Callable[[str], str],
              level_titles: list[str]) -> None:
        self.clear()
        self.nodes.clear()
        self.by_member.clear()
        pos: dict[str, QPointF] = {}
        for n in layout.nodes:
            members = tuple(getattr(n, "members", ()) or (n.block_id,))
            item = DiagramNodeItem(n.block_id, members, text_of(n), category_of(n.block_id), bool(n.group))
            p = QPointF(TITLE_W + n.x * SLOT_PX, n.level * LEVEL_PX + NODE_H)
            item.setPos(p)
            self.addItem(item)
            self.nodes[n.block_id] = item
            for m in members:
                self.by_member[m] = item
            pos[n.block_id] = p
        paths: dict[tuple[str, str], QPainterPath] = defaultdict(QPainterPath)
        for e in layout.edges:
            a, b = pos.get(e.src), pos.get(e.dst)
            if a is None or b is None:
                continue
            key = (e.kind, e.side if e.kind == "power" else "")
            path = paths[key if key in LINE_COLORS else (e.kind, "")]
            top, bottom = QPointF(a.x(), a.y() + NODE_H / 2), QPointF(b.x(), b.y() - NODE_H / 2)
            mid = (top.y() + bottom.y()) / 2 if bottom.y() > top.y() else top.y() + (LEVEL_PX - NODE_H) / 2
            path.moveTo(top)
            path.lineTo(top.x(), mid)
            path.lineTo(bottom.x(), mid)
            path.lineTo(bottom)
        for key, path in paths.items():
            line = QGraphicsPathItem(path)
            pen = QPen(QColor(LINE_COLORS.get(key, "#495057")), 1.6)
            if key[1] == "B":
                pen.setStyle(Qt.PenStyle.DashLine)
            line.setPen(pen)
            line.setZValue(1)
            self.addItem(line)
        for level, title in enumerate(level_titles):
            label = QGraphicsSimpleTextItem(title)
            font = QFont()
            font.setPixelSize(12)
            font.setBold(True)
            label.setFont(font)
            label.setBrush(QBrush(QColor("#495057")))
            label.setPos(4, level * LEVEL_PX + NODE_H - 8)
            self.addItem(label)
        self.setSceneRect(self.itemsBoundingRect().adjusted(-20, -20, 20, 20))

    def retext(self, layout: Any, text_of: Callable[[Any], NodeText]) -> None:
        """New figures on the nodes of the layout last built (loads after a failover), without laying out again."""
        for n in layout.nodes:
            item = self.nodes.get(n.block_id)
            if item is not None:
                item.set_text(text_of(n))

    def mark(self, selection: set[str], states: dict[str, str]) -> None:
        """Selection and failure state on every node; a group takes its worst member's state."""
        order = {"": 0, "starved": 1, "partial": 1, "overloaded": 2, "dark": 3, "failed": 4}
        for item in self.nodes.values():
            state = max((states.get(m, "") for m in item.members), key=lambda s: order.get(s, 0), default="")
            if item.is_group and state in ("dark", "failed"):
                # A group is dark only when all of it is; else say how many of its racks are.
                dark = sum(1 for m in item.members if states.get(m) in ("dark", "failed"))
                state = state if dark == len(item.members) else "partial"
            item.set_marks(bool(selection.intersection(item.members)), state)

    def node_at(self, pos: QPointF) -> DiagramNodeItem | None:
        for item in self.items(pos):
            if isinstance(item, DiagramNodeItem):
                return item
        return None

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            node = self.node_at(event.scenePos())
            ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
            self.node_clicked.emit(node.members if node is not None else (), ctrl)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        node = self.node_at(event.scenePos())
        if node is not None:
            self.node_activated.emit(node.members)
        event.accept()


class DiagramView(QGraphicsView):
    """Wheel zoom about the cursor, drag to pan, right-click to fail or restore a component."""

    def __init__(self, scene: DiagramScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.diagram = scene  # keep a Python reference: a scene without one gets freed
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setBackgroundBrush(QColor("#ffffff"))
        self.fail_text: Callable[[bool], str] = lambda fail: "Fail" if fail else "Restore"
        self.menu: QMenu | None = None

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120.0
        if steps:
            factor = 1.15 ** steps
            scale = self.transform().m11() * factor
            if 0.05 <= scale <= 4.0:
                self.scale(factor, factor)
        event.accept()

    def fit(self) -> None:
        rect = self.diagram.sceneRect()
        if rect.isEmpty():
            return
        self.resetTransform()
        vp = self.viewport().rect()
        k = min(vp.width() / rect.width(), vp.height() / rect.height(), 1.0)
        k = max(k, 0.8)  # a 10 MW hall stays readable: scroll sideways instead of shrinking to dots
        self.scale(k, k)
        self.centerOn(rect.center().x(), rect.top() + vp.height() / (2 * k))
        selected = [n for n in self.diagram.nodes.values() if n.selected]
        if selected:
            self.centerOn(selected[0].pos().x(), rect.top() + vp.height() / (2 * k))

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        node = self.diagram.node_at(self.mapToScene(event.pos()))
        if node is None:
            return
        failed = self.diagram.is_failed(node.members)
        menu = QMenu(self)
        action = menu.addAction(self.fail_text(not failed))
        action.triggered.connect(lambda _=False, m=node.members, f=not failed: self.diagram.fail_requested.emit(m, f))
        self.menu = menu
        menu.popup(event.globalPos())
