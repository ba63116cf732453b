"""Connect tool: drag from one block to another; only port pairs that fit are offered; one undo step."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QLineF, QPoint, Qt
from PySide6.QtGui import QColor, QCursor, QKeyEvent, QPen
from PySide6.QtWidgets import QGraphicsLineItem, QMenu

from workbench.calc.graph import compatible_ports
from workbench.model.blocktype import Catalog
from workbench.model.connection_edits import AddConnections
from workbench.model.design import Design
from workbench.ui.scene.coords import to_scene
from workbench.ui.scene.tools.base import Tool, ToolEvent


@dataclass(frozen=True)
class PortChoice:
    """One way to connect two blocks: server block and output port → served block and input port."""

    from_block: str
    from_port: str
    to_block: str
    to_port: str
    kind: str


def _pairs(catalog: Catalog, from_type: str, to_type: str) -> list[tuple[str, str, str]]:
    """(from_port, to_port, kind) that fit, by the one rule in calc.graph (port_problem underneath)."""
    return list(compatible_ports(catalog, from_type, to_type))


def port_choices(design: Design, catalog: Catalog, a: str, b: str) -> list[PortChoice]:
    """Every compatible pair between blocks a and b, either way round, minus the edges already there.

    A drag from a rack to its PDU means the same as from the PDU to the rack; free inputs come first.
    """
    if a == b or a not in design.blocks or b not in design.blocks:
        return []
    existing = {c.key for c in design.connections.values()}
    used_inputs = {(c.to_block, c.to_port) for c in design.connections.values()}
    out: list[PortChoice] = []
    for src, dst in ((a, b), (b, a)):
        for from_port, to_port, kind in _pairs(catalog, design.blocks[src].type_id, design.blocks[dst].type_id):
            if (src, from_port, dst, to_port) not in existing:
                out.append(PortChoice(src, from_port, dst, to_port, kind))
    return sorted(out, key=lambda p: ((p.to_block, p.to_port) in used_inputs, p.from_block != a))


def side_for(design: Design, choice: PortChoice) -> str:
    """The redundancy side a new power edge belongs to: the side feeding its server, else the cord's name."""
    if choice.kind != "power":
        return ""
    for c in design.connections.values():
        if c.to_block == choice.from_block and c.kind == "power" and c.side:
            return c.side
    for c in design.connections.values():
        if c.from_block == choice.to_block and c.kind == "power" and c.side:
            return c.side
    return ""


class ConnectTool(Tool):
    name = "connect"
    cursor = Qt.CursorShape.CrossCursor

    def __init__(self, editor) -> None:  # type: ignore[no-untyped-def]
        super().__init__(editor)
        self._source: str | None = None
        self._line: QGraphicsLineItem | None = None
        self.menu: QMenu | None = None  # the port chooser when more than one pair fits

    @property
    def label(self) -> str:
        return self.editor.tr("Connect")

    def deactivate(self) -> None:
        self._cancel()
        self._close_menu()

    # --- gestures ------------------------------------------------------------------------
    def mouse_press(self, event: ToolEvent) -> bool:
        if event.button == Qt.MouseButton.RightButton:
            self._cancel()
            self.editor.select_tool()
            return True
        if event.button != Qt.MouseButton.LeftButton:
            return False
        self._close_menu()
        hit = self.editor.scene.block_at(event.scene_pos)
        if hit is None:
            self.editor.message.emit(self.editor.tr("Press on a block and drag to the block it feeds or is fed by"))
            return True
        self._source = hit
        b = self.editor.document.design.blocks[hit]
        self._line = QGraphicsLineItem(QLineF(to_scene(b.x_mm, b.y_mm), event.scene_pos))
        pen = QPen(QColor(self.editor.scene.theme.selection), 2.0, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        self._line.setPen(pen)
        self._line.setZValue(40)
        self.editor.scene.addItem(self._line)
        return True

    def mouse_move(self, event: ToolEvent) -> bool:
        if self._line is None:
            return False
        line = self._line.line()
        line.setP2(event.scene_pos)
        self._line.setLine(line)
        return True

    def mouse_release(self, event: ToolEvent) -> bool:
        source = self._source
        if source is None:
            return False
        self._cancel()
        target = self.editor.scene.block_at(event.scene_pos)
        if target is None or target == source:
            return True
        doc = self.editor.document
        choices = port_choices(doc.design, doc.catalog, source, target)
        if not choices:
            self.editor.message.emit(self.editor.tr("These two blocks have no ports that fit together"))
        elif len(choices) == 1:
            self.connect(choices[0])
        else:
            self._offer(choices, QPoint(round(event.view_x), round(event.view_y)))
        return True

    def key_press(self, event: QKeyEvent) -> bool:
        if event.key() == Qt.Key.Key_Escape:
            self._cancel()
            self.editor.select_tool()
            return True
        return False

    # --- connecting ----------------------------------------------------------------------
    def connect(self, choice: PortChoice) -> bool:
        from workbench.calc.autoconnect_rules import new_connection

        design = self.editor.document.design
        c = new_connection(choice.kind, choice.from_block, choice.from_port, choice.to_block, choice.to_port,
                           side_for(design, choice))
        done = self.editor.push(AddConnections([c]), self.editor.tr("Connect"))
        if done:
            self.editor.message.emit(self.editor.tr("Connected %1").replace("%1", self.choice_text(choice)))
        return done

    def choice_text(self, choice: PortChoice) -> str:
        design, catalog = self.editor.document.design, self.editor.document.catalog
        lang = self.editor.scene.language

        def name(bid: str) -> str:
            b = design.blocks[bid]
            t = catalog.get(b.type_id)
            return b.name or (t.display_name(lang) if t else b.type_id)

        return f"{name(choice.from_block)} · {choice.from_port} → {name(choice.to_block)} · {choice.to_port}"

    def _offer(self, choices: list[PortChoice], view_pos: QPoint) -> None:
        """A small menu of the pairs that fit; non-modal, so the window keeps running."""
        self._close_menu()
        menu = QMenu(self.editor.view)
        menu.setObjectName("connect_port_menu")
        kinds = {"power": self.editor.tr("power"), "liquid": self.editor.tr("liquid"), "heat": self.editor.tr("heat")}
        for choice in choices:
            action = menu.addAction(f"{self.choice_text(choice)}  ({kinds.get(choice.kind, choice.kind)})")
            action.triggered.connect(lambda _=False, c=choice: self.connect(c))
        self.menu = menu
        viewport = self.editor.view.viewport()
        menu.popup(viewport.mapToGlobal(view_pos) if viewport is not None else QCursor.pos())

    def _close_menu(self) -> None:
        if self.menu is not None:
            self.menu.close()
            self.menu.deleteLater()
            self.menu = None

    def _cancel(self) -> None:
        if self._line is not None:
            self.editor.scene.removeItem(self._line)
            self._line = None
        self._source = None
