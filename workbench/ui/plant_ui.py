"""The connected plant in the window: overlay, Connect tool, auto-connect, failures, diagrams and N-1 panel.

MainWindow calls install_plant_ui(window) once; everything the plant adds to the window is built here, so
the window's own file stays small.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QContextMenuEvent, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMenu

from workbench.ui.plant_state import FailureState
from workbench.ui.scene.connection_overlay import OVERLAY_KINDS, ConnectionOverlay, FailureMarks, HoverWatcher
from workbench.ui.scene.tools.connect import ConnectTool

if TYPE_CHECKING:
    from workbench.ui.main_window import MainWindow


def _t(text: str) -> str:
    return QCoreApplication.translate("Plant", text)


# key → (source text, shortcut, checkable)
ACTIONS: dict[str, tuple[str, str, bool]] = {
    "connect_tool": ("&Connect tool", "K", True),
    "autoconnect_design": ("Auto-connect &whole design", "", False),
    "autoconnect_selection": ("Auto-connect &selection", "", False),
    "fail_selection": ("&Fail selected blocks", "", False),
    "restore_selection": ("&Restore selected blocks", "", False),
    "clear_failures": ("C&lear failures", "", False),
    "overlay_power": ("&Power connections", "", True),
    "overlay_liquid": ("&Liquid connections", "", True),
    "overlay_heat": ("&Heat connections", "", True),
}


def action_texts() -> tuple[str, ...]:
    """The action names written out, so the translation tools find them (retranslate_ui looks them up)."""
    return (_t("&Connect tool"), _t("Auto-connect &whole design"), _t("Auto-connect &selection"),
            _t("&Fail selected blocks"), _t("&Restore selected blocks"), _t("C&lear failures"),
            _t("&Power connections"), _t("&Liquid connections"), _t("&Heat connections"))


class PlantUi(QObject):
    """Owns the plant's view state and widgets for one window; `window.plant` is this object."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        doc = window.document
        self.failures = FailureState(doc, self)
        self.overlay = ConnectionOverlay(window.scene, self)
        self.hover = HoverWatcher(window.view, self.overlay)
        self.marks = FailureMarks(window.scene, self)
        self.failures.changed.connect(self._on_failures_changed)
        self.actions: dict[str, QAction] = {}
        for key, (_text, shortcut, checkable) in ACTIONS.items():
            action = QAction(window)
            action.setObjectName(f"action_{key}")
            action.setCheckable(checkable)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
                action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.actions[key] = action
        a = self.actions
        a["connect_tool"].triggered.connect(self.start_connect_tool)
        a["autoconnect_design"].triggered.connect(lambda: self.autoconnect(None))
        a["autoconnect_selection"].triggered.connect(lambda: self.autoconnect(set(doc.selection)))
        a["fail_selection"].triggered.connect(lambda: self.failures.fail(doc.selection))
        a["restore_selection"].triggered.connect(lambda: self.failures.restore(doc.selection))
        a["clear_failures"].triggered.connect(self.failures.clear)
        for kind in OVERLAY_KINDS:
            a[f"overlay_{kind}"].toggled.connect(lambda on, k=kind: self.overlay.set_visible(k, on))
        window.editor.tool_changed.connect(self._on_tool_changed)
        self.docks: list[QDockWidget] = []
        self._build_docks()
        self._build_menus()
        self._hook_inspector()
        window.installEventFilter(self)
        self._hook_context_menu()
        self.retranslate_ui()

    # --- construction --------------------------------------------------------------------
    def _build_docks(self) -> None:
        from workbench.ui.docks.contingency import ContingencyDock
        from workbench.ui.docks.single_line import DiagramDock

        w = self.window
        self.diagram = DiagramDock(w, w.document, self)
        self.contingency = ContingencyDock(w, w.document, self)
        for dock in (self.diagram, self.contingency):
            w.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
            dock.hide()  # opened from the Plant menu; the plan keeps the room until asked
            dock.visibilityChanged.connect(lambda on, d=dock: self._on_dock_shown(d, on))
            dock.toggleViewAction().triggered.connect(lambda on, d=dock: self.show_dock(d) if on else None)
            w.docks.append(dock)
            self.docks.append(dock)
        self._grown: set[str] = set()

    def show_dock(self, dock: QDockWidget) -> None:
        """Open a plant dock under the plan, one tab away from the checks.

        Tabified when first opened, not at start-up: tabifying hidden docks during construction left a stray
        copy of another dock group's tab bar painted over the canvas."""
        w = self.window
        checks = next((d for d in w.docks if d.objectName() == "ChecksDock"), None)
        if (checks is not None and checks.isVisible() and not dock.isFloating()
                and w.dockWidgetArea(checks) == w.dockWidgetArea(dock) and dock not in w.tabifiedDockWidgets(checks)):
            w.tabifyDockWidget(checks, dock)
        dock.show()
        dock.raise_()

    def _on_dock_shown(self, dock: QDockWidget, visible: bool) -> None:
        """The first time a diagram or the N-1 table opens, give it room: the checks strip is short."""
        if not visible or dock.objectName() in self._grown or dock.isFloating():
            return
        self._grown.add(dock.objectName())
        height = max(int(self.window.height() * 0.42), 260)
        self.window.resizeDocks([dock], [height], Qt.Orientation.Vertical)

    def _build_menus(self) -> None:
        w, a = self.window, self.actions
        self.overlay_menu = QMenu(w)
        self.overlay_menu.setObjectName("menu_overlay")
        for kind in OVERLAY_KINDS:
            self.overlay_menu.addAction(a[f"overlay_{kind}"])
        view = w.menus.get("view")
        if view is not None:
            view.addSeparator()
            view.addMenu(self.overlay_menu)
            for dock in self.docks:
                view.addAction(dock.toggleViewAction())
        self.menu = QMenu(w)
        self.menu.setObjectName("menu_plant")
        for key in ("connect_tool", "-", "autoconnect_design", "autoconnect_selection", "-", "fail_selection",
                    "restore_selection", "clear_failures", "-"):
            if key == "-":
                self.menu.addSeparator()
            else:
                self.menu.addAction(a[key])
        self.menu.addAction(self.diagram.toggleViewAction())
        self.menu.addAction(self.contingency.toggleViewAction())
        help_menu = w.menus.get("help")
        if help_menu is not None:
            w.menuBar().insertMenu(help_menu.menuAction(), self.menu)
        else:
            w.menuBar().addMenu(self.menu)
        toolbar = getattr(w, "toolbar", None)
        if toolbar is not None:
            toolbar.addSeparator()
            toolbar.addAction(a["connect_tool"])

    def _hook_inspector(self) -> None:
        for dock in self.window.docks:
            page = getattr(dock, "block_page", None)
            panel = getattr(page, "connections", None)
            if panel is not None:
                panel.set_failures(self.failures)

    def _hook_context_menu(self) -> None:
        """Fail / restore on the canvas's right-click menu: through the view's hook list when the window has
        one (the block and hall context menu), else a small menu of our own on the viewport."""
        view = self.window.view
        hooks = getattr(view, "context_menu_hooks", None)
        self.context_menu: QMenu | None = None
        if isinstance(hooks, list):
            hooks.append(self.add_context_actions)
        else:
            view.viewport().installEventFilter(self)

    def context_targets(self, block_id: str | None) -> set[str]:
        """The right-clicked block, or the whole selection when the block is part of it."""
        sel = set(self.window.document.selection)
        if block_id is None:
            return sel
        return sel if block_id in sel else {block_id}

    def add_context_actions(self, menu: QMenu, block_id: str | None) -> None:
        ids = self.context_targets(block_id)
        if not ids:
            return
        f = self.failures
        if not menu.isEmpty():
            menu.addSeparator()
        if ids <= f.failed:
            restore = menu.addAction(_t("Restore (what-if)"))
            restore.triggered.connect(lambda _=False, i=ids: f.restore(i))
        else:
            fail = menu.addAction(_t("Fail (what-if)") if len(ids) == 1 else
                                  _t("Fail %1 blocks (what-if)").replace("%1", str(len(ids))))
            fail.triggered.connect(lambda _=False, i=ids: f.fail(i))
        if f.active:
            menu.addAction(self.actions["clear_failures"])
        menu.addAction(self.actions["autoconnect_selection"])

    def _show_canvas_menu(self, event: QContextMenuEvent) -> bool:
        from workbench.ui.scene.tools.select import SelectTool

        w = self.window
        if not isinstance(w.editor.tool, SelectTool):
            return False  # other tools use the right button to leave or remove
        block_id = w.scene.block_at(w.view.mapToScene(event.pos()))
        if block_id is not None and block_id not in w.document.selection:
            w.editor.select([block_id])
        menu = QMenu(w.view)
        menu.setObjectName("canvas_plant_menu")
        self.add_context_actions(menu, block_id)
        if menu.isEmpty():
            menu.deleteLater()
            return False
        self.context_menu = menu
        menu.popup(event.globalPos())
        return True

    def retranslate_ui(self) -> None:
        for action, text in zip(self.actions.values(), action_texts()):  # ACTIONS and action_texts share order
            action.setText(text)
        self.actions["connect_tool"].setStatusTip(
            _t("Drag from one block to another to connect them; only ports that fit are offered"))
        self.actions["clear_failures"].setStatusTip(_t("Bring every failed block back; the plan and diagrams restore"))
        self.overlay_menu.setTitle(_t("C&onnections overlay"))
        self.menu.setTitle(_t("&Plant"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        elif event.type() == QEvent.Type.ContextMenu and isinstance(event, QContextMenuEvent) \
                and watched is self.window.view.viewport():
            return self._show_canvas_menu(event)
        return False

    # --- commands ------------------------------------------------------------------------
    def start_connect_tool(self) -> None:
        self.window.editor.set_tool(ConnectTool(self.window.editor))

    def _on_tool_changed(self, _label: str) -> None:
        self.actions["connect_tool"].setChecked(isinstance(self.window.editor.tool, ConnectTool))

    def autoconnect(self, block_ids: set[str] | None) -> bool:
        """Derive the connections a designer would draw (whole design or selection) as one undo step."""
        w = self.window
        if block_ids is not None and not block_ids:
            w.show_message(_t("Select the blocks to auto-connect first"))
            return False
        try:
            from workbench.editing.autoconnect import autoconnect_edit
        except ImportError:
            w.show_message(_t("Auto-connect is not available in this build"))
            return False
        edit = autoconnect_edit(w.document.design, w.document.catalog, block_ids)
        if not w.editor.push(edit, _t("Auto-connect")):
            return False
        n = len(getattr(edit, "add", []))
        w.show_message(_t("Auto-connect: %1 connections").replace("%1", str(n)))
        return True

    def _on_failures_changed(self) -> None:
        f = self.failures
        self.marks.show(f.failed, f.dark, f.overloaded, f.not_operating)
        if f.active and f.result is not None:
            r = f.result
            self.window.show_message(
                _t("%1 failed: %2 racks dark (%3 kW IT lost), %4 devices overloaded")
                .replace("%1", str(len(f.failed))).replace("%2", str(len(r.dark)))
                .replace("%3", f"{r.it_lost_kw:,.0f}").replace("%4", str(len(r.overloaded))))


def install_plant_ui(window: MainWindow) -> PlantUi:
    plant = PlantUi(window)
    window.plant = plant
    return plant
