"""The main window: the hall view in the centre, docks around it, menus, status bar and file handling."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QActionGroup, QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QToolBar,
    QWidget,
)

from workbench.ui.actions import EXPORT_KEYS, IMPORT_KEYS, MENUS, ActionRegistry
from workbench.ui.dialogs.help_dialogs import show_about
from workbench.ui.dialogs.shortcuts_dialog import ShortcutsDialog
from workbench.ui import i18n
from workbench.ui.docks.base import WorkbenchDock
from workbench.model.blocktype import Catalog
from workbench.ui.document import Document
from workbench.ui.file_commands import FileCommands
from workbench.ui.file_session import FileSession
from workbench.ui.scene.coords import format_point
from workbench.ui.scene.editor import NUDGE_BIG_STEPS, Editor
from workbench.ui.scene.hall_scene import HallScene
from workbench.ui.scene.tools import ColumnTool, DoorTool, HallOutlineTool
from workbench.ui.scene.view import HallView
from workbench.ui.scenario_bar import ScenarioBar
from workbench.ui.plant_ui import install_plant_ui
from workbench.ui.settings import Settings
from workbench.ui.theme import apply_widget_palette, theme_named


TOOL_ACTIONS = {"select": "select_tool", "hall": "hall_tool", "column": "column_tool", "door": "door_tool"}


class MainWindow(QMainWindow):
    """Owns the Document; `document`, `scene`, `view` and `editor` are the public handles."""

    def __init__(self, document: Document | None = None, settings: Settings | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.settings = settings or Settings()
        if document is None:
            document = Document(self._catalog_with_libraries())
        self.document = document
        self.document.setParent(self)
        self.export_job: object | None = None
        self.exception_hook: object | None = None  # set by run_app; keeps the crash handler alive
        self.scene = HallScene(self.document, theme_named(self.settings.theme))
        self.view = HallView(self.scene, self)
        self.view.imperial = self.settings.imperial
        self.editor = Editor(self.document, self.scene, self.view, self)
        self.editor.grid_mm = self.settings.grid_mm
        self.editor.snap_enabled = self.settings.snap
        self.scene.set_grid(self.settings.grid_visible, self.settings.grid_mm)
        self.setCentralWidget(self.view)
        self.commands = ActionRegistry(self)
        self.menus: dict[str, QMenu] = {}
        self.docks: list[QDockWidget] = []
        self._fitted = False
        self.file_commands = FileCommands(self)
        self._build_status_bar()
        self._bind_actions()
        self._build_docks()
        self._build_menus()
        self._build_toolbar()
        self.scenario_bar = ScenarioBar(self)
        self._connect()
        self.plant = install_plant_ui(self)  # overlay, Connect tool, failures, diagrams, N-1 panel
        from workbench.ui.underlay_ui import install_underlay_ui

        self.underlay = install_underlay_ui(self)  # DXF export and import, the underlay and its dock
        self.files = FileSession(self, self.document)
        self.resize(1600, 1000)
        geometry, state = self.settings.window_geometry(), self.settings.window_state()
        if geometry is not None:
            self.restoreGeometry(geometry)
        self._restored = state is not None
        if state is not None:
            self.restoreState(state)
        self.retranslate_ui()
        self.update_title()
        for problem in getattr(self, "_library_problems", [])[:1]:
            self.statusBar().showMessage(problem, 15000)

    # --- construction --------------------------------------------------------------------
    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.tool_label = QLabel()
        self.coords_label = QLabel()
        self.coords_label.setMinimumWidth(220)
        self.zoom_label = QLabel()
        self.snap_label = QLabel()
        for w in (self.tool_label, self.coords_label, self.zoom_label, self.snap_label):
            w.setContentsMargins(8, 0, 8, 0)
            bar.addPermanentWidget(w)

    def _bind_actions(self) -> None:
        a, e, f = self.commands, self.editor, self.file_commands
        handlers = {
            "new": f.new_design, "new_from_template": self.new_from_template, "open": f.open_dialog,
            "save": f.save, "save_as": f.save_as, "close": f.close_design, "quit": self.close,
            "undo": self.document.undo_stack.undo, "redo": self.document.undo_stack.redo,
            "cut": e.cut, "copy": e.copy, "paste": e.paste, "duplicate": e.duplicate, "delete": e.delete,
            "select_all": e.select_all, "rotate": e.rotate,
            "lock": lambda: e.set_locked(True), "unlock": lambda: e.set_locked(False),
            "fit_hall": self.view.fit_hall, "zoom_selection": e.zoom_to_selection,
            "zoom_in": lambda: self.view.zoom_by(1.25), "zoom_out": lambda: self.view.zoom_by(0.8),
            "select_tool": e.select_tool, "array": self.place_array, "module": self.insert_module,
            "column_tool": lambda: e.set_tool(ColumnTool(e)), "door_tool": lambda: e.set_tool(DoorTool(e)),
            "hall_tool": lambda: e.set_tool(HallOutlineTool(e)),
            "shortcuts": self.show_shortcuts, "getting_started": self.show_getting_started,
            "preferences": self.show_preferences,
            "save_module": self.save_selection_as_module, "explode_module": self.explode_module,
            "import_bundle": self.import_bundle,
            "about": lambda: show_about(self),
            "export_design": lambda: self.export("design"), "export_bom_pdf": lambda: self.export("bom_pdf"),
            "export_bom_xlsx": lambda: self.export("bom_xlsx"),
        }
        steps = {"left": (-1, 0), "right": (1, 0), "up": (0, 1), "down": (0, -1)}
        for name, (dx, dy) in steps.items():
            handlers[f"nudge_{name}"] = lambda dx=dx, dy=dy: e.nudge(dx, dy)
            handlers[f"nudge_{name}_big"] = lambda dx=dx, dy=dy: e.nudge(dx * NUDGE_BIG_STEPS, dy * NUDGE_BIG_STEPS)
        for key, handler in handlers.items():
            a.bind(key, self._guarded(handler))
        a["grid"].setChecked(self.settings.grid_visible)
        a["snap"].setChecked(self.editor.snap_enabled)
        a["dark_theme"].setChecked(self.settings.theme == "dark")
        a["imperial"].setChecked(self.settings.imperial)
        a.bind("grid", self.set_grid_visible)
        a.bind("snap", self.editor.set_snap)
        a.bind("dark_theme", self.set_dark_theme)
        a.bind("imperial", self.set_imperial)
        for key in ("nudge_left", "nudge_right", "nudge_up", "nudge_down", "nudge_left_big", "nudge_right_big",
                    "nudge_up_big", "nudge_down_big"):
            self.addAction(a[key])  # no menu entry, but the shortcuts must work

    def _guarded(self, handler):  # type: ignore[no-untyped-def]
        """One failing command shows a message; it never closes the window."""
        def run() -> None:
            try:
                handler()
            except Exception as exc:  # noqa: BLE001 - the last line of defence for a user's session
                QMessageBox.critical(self, self.tr("Command failed"),
                                     self.tr("The command could not be completed:\n%1").replace("%1", str(exc)))
        return run

    def _catalog_with_libraries(self) -> Catalog:
        """Shipped types plus the block libraries in the user's and shared template folders."""
        from workbench.catalog.sources import catalog_with_libraries
        from workbench.ui.dialogs.preferences import shared_template_folders

        catalog, problems = catalog_with_libraries(shared_template_folders(self.settings))
        self._library_problems = [str(p) for p in problems]  # shown in the status bar once the window is up
        return catalog

    def _build_docks(self) -> None:
        try:
            from workbench.ui import docks
        except ImportError:
            return
        try:
            self.docks = list(docks.create_docks(self, self.document))
            placer = getattr(docks, "add_default_docks", None)
            if placer is not None:
                placer(self, self.docks)
        except Exception as exc:  # noqa: BLE001 - a broken dock must not stop the editor from opening
            self.statusBar().showMessage(self.tr("Docks unavailable: %1").replace("%1", str(exc)), 10000)
        # Side docks run the full height; the checks strip sits under the canvas only.
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        for dock in self.docks:
            if self.dockWidgetArea(dock) == Qt.DockWidgetArea.NoDockWidgetArea:
                self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)

    def _default_dock_sizes(self) -> None:
        """Give the canvas most of the window: narrow side docks, a short checks strip."""
        by_name = {d.objectName(): d for d in self.docks}
        widths = [(by_name[n], w) for n, w in (("PaletteDock", 290), ("InspectorDock", 400)) if n in by_name]
        if widths:
            self.resizeDocks([d for d, _ in widths], [w for _, w in widths], Qt.Orientation.Horizontal)
        if "ChecksDock" in by_name:
            self.resizeDocks([by_name["ChecksDock"]], [130], Qt.Orientation.Vertical)

    def fit_main_hall(self) -> None:
        """The opening view: the hall holding most racks, where the work happens (Home shows all halls)."""
        design = self.document.design
        racks = {tid for tid, t in self.document.catalog.types.items() if t.is_rack}
        by_hall_id = Counter([b.hall_id for b in design.blocks.values() if b.type_id in racks])  # one pass
        counts: dict[str, int] = {}
        for hall_id, n in by_hall_id.items():
            hall = design.hall(hall_id) or (design.halls[0] if design.halls else None)  # as Design.hall_of
            if hall is not None:
                counts[hall.id] = counts.get(hall.id, 0) + n
        if counts:
            self.view.fit_rect(self.scene.hall_rect(max(counts, key=lambda k: counts[k])))
        else:
            self.view.fit_hall()
        self._update_zoom_label()

    def _build_menus(self) -> None:
        bar = self.menuBar()
        for key, _title, entries in MENUS:
            menu = bar.addMenu("")
            menu.setObjectName(f"menu_{key}")
            self.menus[key] = menu
            for entry in entries:
                if entry == "-":
                    menu.addSeparator()
                elif entry == "@recent":
                    self.recent_menu = menu.addMenu("")
                    self.recent_menu.aboutToShow.connect(self.file_commands.fill_recent_menu)
                elif entry == "@export":
                    self.export_menu = menu.addMenu("")
                    for k in EXPORT_KEYS:
                        self.export_menu.addAction(self.commands[k])
                elif entry == "@import":
                    self.import_menu = menu.addMenu("")
                    for k in IMPORT_KEYS:
                        self.import_menu.addAction(self.commands[k])
                elif entry == "@docks":
                    for dock in self.docks:
                        menu.addAction(dock.toggleViewAction())
                else:
                    menu.addAction(self.commands[entry])

    def _build_toolbar(self) -> None:
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("ToolsToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.setMovable(False)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)
        group = QActionGroup(self)
        group.setExclusive(True)
        for key in TOOL_ACTIONS.values():
            action = self.commands[key]
            action.setCheckable(True)
            group.addAction(action)
        self.commands["select_tool"].setChecked(True)
        for key in ("select_tool", "hall_tool", "column_tool", "door_tool", "-", "array", "-", "undo", "redo", "-",
                    "fit_hall", "zoom_selection", "-", "snap", "grid"):
            if key == "-":
                self.toolbar.addSeparator()
            else:
                self.toolbar.addAction(self.commands[key])

    def _connect(self) -> None:
        doc, stack = self.document, self.document.undo_stack
        doc.dirty_changed.connect(self.update_title)
        doc.path_changed.connect(self.update_title)
        doc.design_replaced.connect(self._on_design_replaced)
        stack.canUndoChanged.connect(self.commands["undo"].setEnabled)
        stack.canRedoChanged.connect(self.commands["redo"].setEnabled)
        # Bound methods, not lambdas: Qt drops them when the window goes, before the stack's last signals.
        stack.undoTextChanged.connect(self._update_undo_texts)
        stack.redoTextChanged.connect(self._update_undo_texts)
        self.commands["undo"].setEnabled(stack.canUndo())
        self.commands["redo"].setEnabled(stack.canRedo())
        self.view.cursor_moved.connect(self._on_cursor_moved)
        self.view.zoom_changed.connect(self._update_zoom_label)
        self.editor.message.connect(self.show_message)
        self.editor.tool_changed.connect(self._on_tool_changed)
        self.editor.snap_changed.connect(self._on_snap_changed)
        self.editor.hall_selected.connect(self._on_hall_selected)

    # --- public API for docks and other helpers ------------------------------------------
    def place_block_at_center(self, type_id: str) -> str | None:
        """Palette double-click: one block of the type at the view centre (snapped); returns its id."""
        block_id = self.editor.place_block_at_center(type_id)
        self.view.setFocus()
        return block_id

    def select_and_center(self, block_ids: list[str] | tuple[str, ...]) -> None:
        """Checks dock: select the blocks involved and bring them into view."""
        self.editor.select_and_center(list(block_ids))

    def open_file(self, path: str | Path, ask: bool = True) -> bool:
        """Open a design file; problems are shown, and the current design stays on failure."""
        return self.file_commands.open_file(path, ask)

    def open_recovered(self, path: Path) -> None:
        self.file_commands.open_recovered(path)

    def maybe_save(self) -> bool:
        """Ask Save / Discard / Cancel when there are unsaved changes; True means go ahead."""
        return self.file_commands.maybe_save()

    def new_from_template(self) -> None:
        if not self.maybe_save():
            return
        try:
            from workbench.ui.gallery import new_from_template
        except ImportError:
            self._not_available(self.tr("Template gallery"))
            return
        new_from_template(self, self.document)

    def insert_module(self) -> None:
        try:
            from workbench.ui.gallery import insert_module
        except ImportError:
            self._not_available(self.tr("Module gallery"))
            return
        # The pointer over the canvas (Ctrl+Shift+M there) chooses the hall; from the menu, the search does.
        insert_module(self, self.document, cursor=self.view.last_model_pos if self.view.underMouse() else None)

    def save_selection_as_module(self) -> None:
        from workbench.ui.gallery import save_selection_as_module

        saved = save_selection_as_module(self, self.document)
        if saved is not None:
            self.statusBar().showMessage(self.tr("Module saved to %1").replace("%1", str(saved)), 8000)

    def explode_module(self) -> None:
        from workbench.ui.gallery import explode_selected_module

        if not explode_selected_module(self.document):
            self.statusBar().showMessage(self.tr("Select a placed module to explode it"), 5000)

    def import_bundle(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        from workbench.ui.gallery import import_bundle_interactive

        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import template bundle"), "",
                                              self.tr("Template bundles (*.zip)"))
        if path:
            import_bundle_interactive(self, Path(path))

    def export(self, kind: str) -> None:
        try:
            from workbench.ui.dialogs.export_dialog import export_design
        except ImportError:
            self._not_available(self.tr("Export"))
            return
        # Keep the job: the export runs on a worker thread after this method returns.
        self.export_job = export_design(self, self.document, kind, imperial=self.settings.imperial)

    def _not_available(self, what: str) -> None:
        QMessageBox.information(self, what, self.tr("%1 is not available in this build.").replace("%1", what))

    # --- other commands ------------------------------------------------------------------
    def place_array(self) -> None:
        # Imported on first use: nothing else at start-up needs the dialog or the array edit.
        from workbench.editing.array import array_edit
        from workbench.ui.dialogs.array_dialog import ArrayDialog

        x, y = self.editor.cursor_or_center()
        dialog = ArrayDialog(self.document.design, self.document.catalog, (round(x / 600) * 600, round(y / 600) * 600),
                             type_id=self._array_type(), parent=self)
        try:
            if dialog.exec() != ArrayDialog.DialogCode.Accepted:
                return
            self.settings.qsettings.setValue("array/last_type", dialog.spec().type_id)
            edit = array_edit(self.document.design, self.document.catalog, dialog.spec())
        except ValueError as exc:
            QMessageBox.warning(self, self.tr("Place row / array"), str(exc))
            return
        finally:
            dialog.deleteLater()
        if self.editor.push(edit):
            self.document.set_selection({b.id for b in edit.blocks})

    def _array_type(self) -> str | None:
        """The row type to offer: the selected rack's type, else the type of the last row placed."""
        from workbench.ui.dialogs.array_dialog import belongs_in_rows

        design, catalog = self.document.design, self.document.catalog
        for bid in sorted(self.document.selection):
            t = catalog.get(design.blocks[bid].type_id)
            if t is not None and belongs_in_rows(t):
                return t.id
        last = self.settings.qsettings.value("array/last_type", "")
        return str(last) if last else None

    def show_getting_started(self) -> None:
        from workbench.ui.dialogs.getting_started import show_getting_started

        show_getting_started(self)

    def show_preferences(self) -> None:
        from workbench.ui.dialogs.preferences import show_preferences

        show_preferences(self, self.settings).preferences_changed.connect(self._on_preferences_changed)

    def _on_preferences_changed(self) -> None:
        """Apply what the Preferences dialog saved (the language applied itself already)."""
        s = self.settings
        self.commands["dark_theme"].setChecked(s.theme == "dark")  # keep the View menu ticks in step
        self.commands["imperial"].setChecked(s.imperial)
        self.set_dark_theme(s.theme == "dark")
        self.set_imperial(s.imperial)
        self.editor.grid_mm = s.grid_mm
        self.scene.set_grid(s.grid_visible, s.grid_mm)
        self._update_snap_label()

    def shortcut_rows(self) -> list[tuple[str, str]]:
        """The shortcut sheet: the main commands, the Plant menu's actions (the Connect tool's K), the gestures."""
        return self.commands.shortcut_rows(self.plant.actions.values())

    def show_shortcuts(self) -> None:
        dialog = ShortcutsDialog(self.shortcut_rows(), self)
        dialog.exec()
        dialog.deleteLater()

    def set_grid_visible(self, on: bool) -> None:
        self.settings.grid_visible = on
        self.scene.set_grid(on)

    def set_dark_theme(self, on: bool) -> None:
        self.settings.theme = "dark" if on else "light"
        theme = theme_named(self.settings.theme)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_widget_palette(app, theme)
        self.scene.set_theme(theme)
        self.view.viewport().update()

    def set_imperial(self, on: bool) -> None:
        self.settings.imperial = on
        self.view.imperial = on
        self.view.viewport().update()

    # --- reactions -----------------------------------------------------------------------
    def _on_design_replaced(self) -> None:
        self.editor.select_tool()
        QTimer.singleShot(0, self.fit_main_hall)
        self.update_title()

    def _on_hall_selected(self, hall_id: str) -> None:
        """A hall picked on the canvas: the Properties dock shows it (its Hall tab)."""
        if hall_id:
            from workbench.ui.scene.context_menu import show_properties

            dock = next((d for d in self.docks if d.objectName() == "InspectorDock"), None)
            if dock is not None and dock.isVisible():
                show_properties(self, hall_id)

    def _on_cursor_moved(self, x: float, y: float) -> None:
        self.coords_label.setText(format_point(x, y, self.settings.imperial))

    def _on_tool_changed(self, label: str) -> None:
        key = TOOL_ACTIONS.get(self.editor.tool.name)
        if key is not None:
            self.commands[key].setChecked(True)
        self.tool_label.setText(self.tr("Tool: %1").replace("%1", label))

    def _on_snap_changed(self, on: bool) -> None:
        self.settings.snap = on
        self.commands["snap"].setChecked(on)
        self._update_snap_label()

    def _update_snap_label(self) -> None:
        grid = f"{self.editor.grid_mm:g} mm"
        self.snap_label.setText(self.tr("Snap: on (%1)").replace("%1", grid) if self.editor.snap_enabled
                                else self.tr("Snap: off"))

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 6000)

    def _update_zoom_label(self, *_: object) -> None:
        self.zoom_label.setText(self.tr("Scale %1").replace("%1", self.view.scale_text()))

    def _update_undo_texts(self, *_: object) -> None:
        stack = self.document.undo_stack
        undo, redo = stack.undoText(), stack.redoText()
        self.commands["undo"].setText(self.tr("&Undo %1").replace("%1", undo).strip() if undo else self.tr("&Undo"))
        self.commands["redo"].setText(self.tr("&Redo %1").replace("%1", redo).strip() if redo else self.tr("&Redo"))

    def display_name(self) -> str:
        path = self.document.path
        return path.name if path else self.document.design.site.name or self.tr("Untitled")

    def update_title(self, *_: object) -> None:
        title = self.display_name() + ("*" if self.document.dirty else "")
        scenario_bar = getattr(self, "scenario_bar", None)
        if scenario_bar is not None and scenario_bar.active_name():
            title += self.tr(" — scenario “%1”").replace("%1", scenario_bar.active_name())
        if self.document.read_only:
            title += self.tr(" [read-only]")
        self.setWindowTitle(f"{title} — Data Hall Workbench")

    def retranslate_ui(self) -> None:
        language = i18n.content_language()  # catalog names: "en" or "zh"
        if self.scene.language != language:
            self.scene.set_language(language)
        for dock in self.docks:
            if isinstance(dock, WorkbenchDock):
                dock.set_language(language)
        self.commands.retranslate()
        for key, title, _ in MENUS:
            self.menus[key].setTitle(self.tr(title))
        self.recent_menu.setTitle(self.tr("Open &Recent"))
        self.scenario_bar.retranslate()
        self.export_menu.setTitle(self.tr("&Export"))
        self.import_menu.setTitle(self.tr("&Import"))
        self._update_undo_texts()
        self._on_tool_changed(self.editor.tool.label)
        self._update_snap_label()
        self._update_zoom_label()
        self.coords_label.setText(format_point(0.0, 0.0, self.settings.imperial))
        self.update_title()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._fitted:
            self._fitted = True
            if not self._restored:
                self._default_dock_sizes()
                QApplication.processEvents()
            self.fit_main_hall()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.maybe_save():
            event.ignore()
            return
        self.files.close()
        self.settings.save_window(self.saveGeometry(), self.saveState())
        self.settings.sync()
        event.accept()
