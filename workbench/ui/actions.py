"""Every window command as a registered action: text, shortcut, menu place; the shortcut list comes from here."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

Shortcut = str | QKeySequence.StandardKey


def _t(text: str) -> str:
    return QCoreApplication.translate("Actions", text)


@dataclass(frozen=True)
class ActionSpec:
    """One command; `text` is the untranslated source string, translated when shown."""

    key: str
    text: str
    shortcuts: tuple[Shortcut, ...] = ()
    checkable: bool = False
    tip: str = ""


def _s(*keys: Shortcut) -> tuple[Shortcut, ...]:
    return keys


SPECS: tuple[ActionSpec, ...] = (
    # File
    ActionSpec("new", "&New", _s(QKeySequence.StandardKey.New), tip="Start an empty design"),
    ActionSpec("new_from_template", "New from &template…", _s("Ctrl+Shift+N")),
    ActionSpec("open", "&Open…", _s(QKeySequence.StandardKey.Open)),
    ActionSpec("save", "&Save", _s(QKeySequence.StandardKey.Save)),
    ActionSpec("save_as", "Save &As…", _s("Ctrl+Shift+S")),
    ActionSpec("close", "&Close", _s(QKeySequence.StandardKey.Close), tip="Close the design (asks to save changes)"),
    ActionSpec("export_design", "&Design report…", _s("Ctrl+E")),
    ActionSpec("export_bom_pdf", "BOM &PDF…"),
    ActionSpec("export_bom_xlsx", "BOM &spreadsheet…"),
    ActionSpec("export_dxf", "D&XF drawing…", tip="The design as a CAD drawing: layers, blocks with attributes, dimensions"),
    ActionSpec("import_underlay", "DXF &underlay…", tip="Lay the architect's DXF drawing under the halls"),
    ActionSpec("quit", "&Quit", _s(QKeySequence.StandardKey.Quit)),
    # Edit (undo and redo come from the undo stack but are listed here for the shortcut sheet)
    ActionSpec("undo", "&Undo", _s(QKeySequence.StandardKey.Undo)),
    ActionSpec("redo", "&Redo", _s(QKeySequence.StandardKey.Redo)),
    ActionSpec("cut", "Cu&t", _s(QKeySequence.StandardKey.Cut)),
    ActionSpec("copy", "&Copy", _s(QKeySequence.StandardKey.Copy)),
    ActionSpec("paste", "&Paste", _s(QKeySequence.StandardKey.Paste), tip="Paste at the cursor"),
    ActionSpec("duplicate", "Dupl&icate", _s("Ctrl+D"), tip="Copy the selection next to itself"),
    ActionSpec("delete", "&Delete", _s(QKeySequence.StandardKey.Delete, "Backspace")),
    ActionSpec("select_all", "Select &all", _s(QKeySequence.StandardKey.SelectAll)),
    ActionSpec("rotate", "R&otate 90°", _s("R"), tip="Turn the selection a quarter turn about its centre"),
    ActionSpec("lock", "&Lock", _s("Ctrl+L")),
    ActionSpec("unlock", "U&nlock", _s("Ctrl+Shift+L")),
    ActionSpec("preferences", "Pr&eferences…", _s(QKeySequence.StandardKey.Preferences, "Ctrl+,"),
               tip="Language, units, theme, grid, shared template folders and report logo"),
    ActionSpec("nudge_left", "Nudge left", _s("Left")),
    ActionSpec("nudge_right", "Nudge right", _s("Right")),
    ActionSpec("nudge_up", "Nudge up", _s("Up")),
    ActionSpec("nudge_down", "Nudge down", _s("Down")),
    ActionSpec("nudge_left_big", "Nudge left ten steps", _s("Shift+Left")),
    ActionSpec("nudge_right_big", "Nudge right ten steps", _s("Shift+Right")),
    ActionSpec("nudge_up_big", "Nudge up ten steps", _s("Shift+Up")),
    ActionSpec("nudge_down_big", "Nudge down ten steps", _s("Shift+Down")),
    # View
    ActionSpec("fit_hall", "&Fit hall", _s("Home")),
    ActionSpec("zoom_selection", "Zoom to &selection", _s("F")),
    ActionSpec("zoom_in", "Zoom &in", _s(QKeySequence.StandardKey.ZoomIn, "Ctrl+=")),
    ActionSpec("zoom_out", "Zoom o&ut", _s(QKeySequence.StandardKey.ZoomOut)),
    ActionSpec("grid", "&Grid", _s("F7"), checkable=True),
    ActionSpec("snap", "S&nap", _s("F9"), checkable=True),
    ActionSpec("snap_drawing", "Snap to &drawing", _s("F10"), checkable=True,
               tip="Pull clicks to the underlay's line ends, midpoints and crossings"),
    ActionSpec("dark_theme", "Dar&k theme", checkable=True),
    ActionSpec("imperial", "I&mperial units", checkable=True),
    # Insert
    ActionSpec("select_tool", "&Select tool", _s("S")),
    ActionSpec("array", "&Row / array…", _s("Ctrl+Shift+A")),
    ActionSpec("module", "&Module…", _s("Ctrl+Shift+M")),
    ActionSpec("save_module", "Sa&ve selection as module…", tip="Keep the selected blocks as a module template"),
    ActionSpec("explode_module", "&Explode module", _s("Ctrl+Shift+E"),
               tip="Turn the selected module back into single blocks"),
    ActionSpec("import_bundle", "&Import template bundle…", tip="Add templates from a shared .zip bundle"),
    ActionSpec("column_tool", "&Column", _s("C")),
    ActionSpec("door_tool", "&Door", _s("D")),
    ActionSpec("hall_tool", "&Hall outline", _s("H")),
    # Help
    ActionSpec("shortcuts", "&Keyboard shortcuts", _s("F1")),
    ActionSpec("getting_started", "&Getting started"),
    ActionSpec("about", "&About"),
)

MENUS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("file", "&File", ("new", "new_from_template", "open", "@recent", "-", "save", "save_as", "close", "-",
                       "@export", "@import", "-", "quit")),
    ("edit", "&Edit", ("undo", "redo", "-", "cut", "copy", "paste", "duplicate", "delete", "-",
                       "select_all", "-", "rotate", "lock", "unlock", "-", "preferences")),
    ("view", "&View", ("fit_hall", "zoom_selection", "zoom_in", "zoom_out", "-", "grid", "snap", "snap_drawing", "-",
                       "dark_theme", "imperial", "-", "@docks")),
    ("insert", "&Insert", ("select_tool", "-", "array", "module", "save_module", "explode_module", "import_bundle",
                           "-", "column_tool", "door_tool", "hall_tool")),
    ("help", "&Help", ("shortcuts", "getting_started", "-", "about")),
)
EXPORT_KEYS = ("export_design", "export_bom_pdf", "export_bom_xlsx", "export_dxf")
IMPORT_KEYS = ("import_underlay",)

# Gestures on the canvas that are not actions, for the shortcut sheet.
GESTURES: tuple[tuple[str, str], ...] = (
    ("Mouse wheel", "Zoom at the cursor"),
    ("Middle drag, Space + drag", "Pan"),
    ("Click, Ctrl + click", "Select, add or remove from the selection"),
    ("Drag left to right", "Window: select blocks wholly inside"),
    ("Drag right to left", "Crossing: select blocks touched"),
    ("Drag a block", "Move the selection (snaps to grid and to neighbour edges)"),
    ("Shift while dragging", "Suspend snapping"),
    ("Esc", "Clear the selection, cancel a drag, or leave the current tool"),
    ("Enter, double-click", "Close a hall polygon (hall outline tool)"),
    ("Right-click", "Remove a column or door (their tools), or leave the tool"),
)


class ActionRegistry:
    """The window's actions by key; handlers are bound by the window."""

    def __init__(self, parent: QWidget) -> None:
        self.actions: dict[str, QAction] = {}
        self.specs = {s.key: s for s in SPECS}
        for spec in SPECS:
            action = QAction(parent)
            action.setObjectName(f"action_{spec.key}")
            action.setCheckable(spec.checkable)
            keys = [QKeySequence(k) for k in spec.shortcuts]
            if keys:
                action.setShortcuts(keys)
                action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.actions[spec.key] = action
        self.retranslate()

    def __getitem__(self, key: str) -> QAction:
        return self.actions[key]

    def bind(self, key: str, handler: Callable[..., object]) -> None:
        action = self.actions[key]
        if action.isCheckable():
            action.toggled.connect(handler)
        else:
            action.triggered.connect(lambda _checked=False: handler())

    def retranslate(self) -> None:
        for key, action in self.actions.items():
            spec = self.specs[key]
            action.setText(_t(spec.text))
            if spec.tip:
                action.setStatusTip(_t(spec.tip))

    def shortcut_rows(self, extra: Iterable[QAction] = ()) -> list[tuple[str, str]]:
        """(keys, command) for every action with a shortcut (these, then `extra` ones registered elsewhere,
        such as the Plant menu's), then the canvas gestures."""
        rows = []
        for action in [*self.actions.values(), *extra]:
            seqs = [s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts()]
            seqs = [s for s in seqs if s]
            if seqs:
                rows.append((", ".join(seqs), action.text().replace("&", "").rstrip("…")))
        rows += [(_t(keys), _t(what)) for keys, what in GESTURES]
        return rows
