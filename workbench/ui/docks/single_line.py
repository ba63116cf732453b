"""The single-line diagram and cooling schematic dock: the plant graph laid out, in step with the plan.

Selecting here selects on the plan and back; failing a component here or on the plan marks the same dark
racks in both, because both read the one FailureState of the window.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget, QVBoxLayout, QWidget

from workbench.ui.docks.base import WorkbenchDock
from workbench.ui.docks.diagram_view import DiagramScene, DiagramView, NodeText
from workbench.ui.document import Document

KINDS = ("power", "cooling")


class DiagramDock(WorkbenchDock):
    """Two tabs (single-line, cooling), each a DiagramView; rebuilt only while shown."""

    def __init__(self, main_window: QMainWindow, document: Document, plant: Any = None) -> None:
        super().__init__("DiagramDock", main_window, document)
        self.plant = plant
        self.scenes: dict[str, DiagramScene] = {}
        self.views: dict[str, DiagramView] = {}
        self.layouts: dict[str, Any] = {}
        self.tabs = QTabWidget()
        self.tabs.setObjectName("diagram_tabs")
        for kind in KINDS:
            scene = DiagramScene(self)
            view = DiagramView(scene)
            view.setObjectName(f"diagram_{kind}")
            view.fail_text = self._fail_text
            scene.is_failed = self._is_failed
            scene.node_clicked.connect(self._on_node_clicked)
            scene.node_activated.connect(self._on_node_activated)
            scene.fail_requested.connect(self._on_fail_requested)
            self.scenes[kind], self.views[kind] = scene, view
            self.tabs.addTab(view, "")
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(2, 2, 2, 2)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setProperty("role", "muted")
        layout.addWidget(self.note)
        layout.addWidget(self.tabs, 1)
        self.setWidget(body)
        self._dirty = True
        self._fit_pending = True
        self._sides: dict[str, set[str]] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(50)
        self._timer.timeout.connect(self.rebuild)
        document.results_ready.connect(self._on_results_ready)
        document.design_replaced.connect(self._on_design_replaced)
        self._plant_changed = True  # set by design events that change the diagram; a move does not
        self._followed: Any = None
        self._follow_design()
        document.selection_changed.connect(self.refresh_marks)
        if plant is not None:
            plant.failures.changed.connect(self._on_failures_changed)
        self.visibilityChanged.connect(self._on_visibility)
        self.tabs.currentChanged.connect(lambda _i: self._on_visibility(self.isVisible()))
        self.retranslate_ui()

    # --- text ----------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Single-line diagram"))
        self.tabs.setTabText(0, self.tr("Single-line (power)"))
        self.tabs.setTabText(1, self.tr("Cooling schematic"))
        note = self.tr("Click selects on the plan, double-click zooms there, right-click fails or restores.")
        self.note.setText(note + " " + self.tr("Wide levels are grouped per feeding device."))
        self._dirty = True
        if self.isVisible():
            self._timer.start()

    def _fail_text(self, fail: bool) -> str:
        return self.tr("Fail (what-if)") if fail else self.tr("Restore")

    def _level_title(self, title: str) -> str:
        names = {"Utility": self.tr("Utility"), "MV switchgear": self.tr("MV switchgear"),
                 "Transformer": self.tr("Transformer"), "LV switchgear": self.tr("LV switchgear"),
                 "UPS": self.tr("UPS"), "Distribution": self.tr("Distribution"), "Loads": self.tr("Loads"),
                 "Heat rejection": self.tr("Heat rejection"), "Loop": self.tr("Loop"),
                 "CDU / air units": self.tr("CDU / air units"), "Racks": self.tr("Racks")}
        return names.get(title, title)

    # --- building ------------------------------------------------------------------------
    def _on_visibility(self, visible: bool) -> None:
        if visible and self._dirty:
            self.rebuild()

    def _follow_design(self) -> None:
        """Connections, blocks, their figures and the schemes change the diagram; moving blocks does not, so
        an arrow-key nudge on a campus never relays the diagram out."""
        design = self.document.design
        events = ("connections_changed", "blocks_added", "blocks_removed", "blocks_changed",
                  "assumptions_changed", "design_reset")
        if self._followed is not None:
            for name in events:
                getattr(self._followed.events, name).disconnect(self._on_plant_changed)
        self._followed = design
        for name in events:
            getattr(design.events, name).connect(self._on_plant_changed)

    def _on_plant_changed(self, *_: object) -> None:
        self._plant_changed = True

    def _on_results_ready(self, *_: object) -> None:
        if self._plant_changed:  # loads follow the recalculation that comes after the edit
            self._plant_changed = False
            self._on_design_changed()

    def _on_design_changed(self, *_: object) -> None:
        self._dirty = True
        if self.isVisible():
            self._timer.start()

    def _on_design_replaced(self) -> None:
        self._fit_pending = True
        self._follow_design()
        self._on_design_changed()

    def _on_failures_changed(self) -> None:
        if self.isVisible() and not self._dirty and all(k in self.layouts for k in KINDS):
            self.relabel()  # a failure changes loads and marks, never the layout (a campus lays out in seconds)
        elif self.isVisible():
            self.rebuild()
        else:
            self._dirty = True

    def relabel(self) -> None:
        """The loads after failover on the diagrams as they are laid out, and the failure marks."""
        loads = self._loads()
        for kind in KINDS:
            self.scenes[kind].retext(self.layouts[kind], lambda n, k=kind: self._node_text(n, k, loads))
        self.refresh_marks()

    def layout_of(self, kind: str) -> Any:
        from workbench.calc.plant_layout import cooling_layout, single_line_layout

        design, catalog = self.document.design, self.document.catalog
        layout = single_line_layout if kind == "power" else cooling_layout
        return layout(design, catalog, self.language)

    def rebuild(self) -> None:
        self._timer.stop()
        self._dirty = False
        # The power side of each block, once per rebuild (a campus has tens of thousands of connections).
        self._sides = {}
        for c in self.document.design.connections.values():
            if c.kind == "power" and c.side:
                self._sides.setdefault(c.from_block, set()).add(c.side)
                self._sides.setdefault(c.to_block, set()).add(c.side)
        loads = self._loads()
        for kind in KINDS:
            try:
                layout = self.layout_of(kind)
            except ImportError:  # a build without the diagram layout: say so instead of failing the window
                self.note.setText(self.tr("The diagram layout is not available in this build."))
                return
            self.layouts[kind] = layout
            self.scenes[kind].build(layout, lambda n, k=kind: self._node_text(n, k, loads), self._category,
                                    [self._level_title(t) for t in layout.levels])
        self.refresh_marks()
        if self._fit_pending:
            self._fit_pending = False
            for view in self.views.values():
                view.fit()

    def _category(self, block_id: str) -> str:
        b = self.document.design.blocks.get(block_id)
        t = self.document.catalog.get(b.type_id) if b is not None else None
        return t.category if t is not None else "structure"

    def _loads(self) -> dict[str, tuple[float, float]]:
        """(load kW, rating kW) of every device: after failover when something is failed, else normal."""
        if self.plant is None:
            return {}
        f = self.plant.failures
        try:
            analysis = f.analysis()
        except ImportError:
            return {}
        g, flow = analysis.g, analysis.normal
        out = {bid: (float(flow.load_kw[r]), float(flow.rating_kw[r])) for bid, r in g.row.items()}
        if f.result is not None:
            for bid, load in f.result.load_kw.items():
                out[bid] = (float(load), out.get(bid, (0.0, 0.0))[1])
        return out

    def _node_text(self, node: Any, kind: str, loads: dict[str, tuple[float, float]]) -> NodeText:
        design, catalog = self.document.design, self.document.catalog
        members = tuple(getattr(node, "members", ()) or (node.block_id,))
        b = design.blocks.get(node.block_id)
        t = catalog.get(b.type_id) if b is not None else None
        if b is None:
            label = self.tr("Utility grid") if node.block_id == "@utility" else node.label or node.block_id
            return NodeText(label, "", self.tr("cooling loop") if node.block_id.startswith("@loop:") else "")
        title = node.label if node.group else b.name or (t.display_name(self.language) if t is not None
                                                         else b.type_id)
        if t is not None and t.is_rack and node.group:
            it_kw = sum(self._it_kw(m) for m in members)
            return NodeText(title, self.tr("IT %1 kW").replace("%1", f"{it_kw:,.0f}"),
                            self.tr("%1 racks").replace("%1", str(len(members))))
        if t is not None and t.is_rack:
            cords = "A+B" if t.rack is not None and t.rack.cords >= 2 else "A"
            return NodeText(title, self.tr("IT %1 kW").replace("%1", f"{self._it_kw(b.id):,.0f}"),
                            self.tr("cords %1").replace("%1", cords))
        load = sum(loads.get(m, (0.0, 0.0))[0] for m in members)  # a group: what its members carry together
        rating = sum(loads.get(m, (0.0, 0.0))[1] for m in members)
        figures = self.tr("%1 of %2 kW").replace("%1", f"{load:,.0f}").replace("%2", f"{rating:,.0f}")
        if rating > 0:
            figures += f" ({load / rating * 100:.0f} %)"
        return NodeText(title, figures, self._redundancy(b, t, kind))

    def _it_kw(self, block_id: str) -> float:
        b = self.document.design.blocks.get(block_id)
        t = self.document.catalog.get(b.type_id) if b is not None else None
        if b is None or t is None or t.rack is None:
            return 0.0
        return float(b.overrides.get("it_kw", t.rack.it_kw))

    def _redundancy(self, b: Any, t: Any, kind: str) -> str:
        a = self.document.design.assumptions
        if kind == "power" or (t is not None and t.power is not None):
            system = b.power_system or ("utility" if t is not None and t.power is not None
                                        and t.power.stage == "utility" else "main")
            scheme = a.power_schemes.get(system, "")
        else:
            system = b.cooling_loop or "liquid"
            scheme = a.cooling_schemes.get(system, "")
        sides = self._sides.get(b.id, set())
        side = self.tr(" · side %1").replace("%1", "/".join(sorted(sides))) if len(sides) == 1 else ""
        return f"{system} · {scheme}{side}" if scheme else f"{system}{side}"

    # --- marks and selection -------------------------------------------------------------
    def states(self) -> dict[str, str]:
        if self.plant is None or not self.plant.failures.active:
            return {}
        f = self.plant.failures
        out = {bid: "starved" for bid in f.not_operating}
        out.update({bid: "overloaded" for bid in f.overloaded})
        out.update({bid: "dark" for bid in f.dark})
        out.update({bid: "failed" for bid in f.failed})
        return out

    def refresh_marks(self) -> None:
        selection, states = set(self.document.selection), self.states()
        for kind, scene in self.scenes.items():
            scene.mark(selection, states)
        # Show the first selected node of the visible diagram, as the plan shows the selection.
        current = KINDS[self.tabs.currentIndex()] if self.tabs.currentIndex() >= 0 else "power"
        scene = self.scenes[current]
        for bid in sorted(selection):
            item = scene.by_member.get(bid)
            if item is not None:
                self.views[current].ensureVisible(item, 40, 40)
                break

    def node_for(self, kind: str, block_id: str) -> Any:
        return self.scenes[kind].by_member.get(block_id)

    def _is_failed(self, members: tuple[str, ...]) -> bool:
        return self.plant is not None and set(members) <= self.plant.failures.failed

    def _on_node_clicked(self, members: tuple[str, ...], ctrl: bool) -> None:
        doc = self.document
        if ctrl:
            sel = set(doc.selection)
            doc.set_selection(sel - set(members) if set(members) <= sel else sel | set(members))
        else:
            doc.set_selection(set(members))

    def _on_node_activated(self, members: tuple[str, ...]) -> None:
        select = getattr(self.main_window, "select_and_center", None)
        if select is not None:
            select(list(members))

    def _on_fail_requested(self, members: tuple[str, ...], fail: bool) -> None:
        if self.plant is not None:
            (self.plant.failures.fail if fail else self.plant.failures.restore)(set(members))
