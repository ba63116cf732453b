"""The open document: design, catalog, undo stack, file path, selection and throttled recalculation."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from workbench.calc import Calculator, Results
from workbench.catalog import default_catalog, new_design
from workbench.io import load_design, save_design
from workbench.model.assumptions import fill_defaults
from workbench.model.blocktype import Catalog
from workbench.model.design import Design
from workbench.model.edits import Edit
from workbench.model.problems import Problem
from workbench.ui.undo import EditCommand

RECALC_DELAY_MS = 30  # coalesces a burst of edits (a drag, a paste) into one recalculation


class Document(QObject):
    """Everything the window and the docks share; they follow its signals and the design's events."""

    design_replaced = Signal()  # a new Design object: views rebuild and reconnect to design.events
    results_ready = Signal(object)  # Results, after the throttled recalculation
    selection_changed = Signal()
    dirty_changed = Signal(bool)
    path_changed = Signal(str)

    def __init__(self, catalog: Catalog | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.catalog: Catalog = catalog or default_catalog()
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self.calculator = Calculator(self.catalog)
        self.design: Design = new_design(self.catalog)
        self.path: Path | None = None
        self.read_only = False
        self.load_fraction: float | None = None  # None: the design's IT utilisation
        self.results: Results | None = None
        self.selection: set[str] = set()
        self._moved: set[str] = set()
        self._full = True
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RECALC_DELAY_MS)
        self._timer.timeout.connect(self._recalculate)
        self._connect_design()
        from workbench.ui.site_weather import SiteWeather

        self.site_weather = SiteWeather(self)  # the design's weather year for the calculator
        from workbench.ui.i18n import notifier

        notifier().language_changed.connect(self._on_language_changed)

    def _on_language_changed(self, _language: str) -> None:
        """Undo steps already taken are renamed in the new language (History list, Undo menu)."""
        for i in range(self.undo_stack.count()):
            command = self.undo_stack.command(i)
            if isinstance(command, EditCommand):
                command.retranslate()

    def _on_clean_changed(self, clean: bool) -> None:
        self.dirty_changed.emit(not clean)

    # --- editing -------------------------------------------------------------------------
    def push(self, edit: Edit, text: str | None = None) -> None:
        """Apply an edit through the undo stack (one undo step)."""
        if self.read_only:
            raise PermissionError("the design is open read-only")
        self.undo_stack.push(EditCommand(self.design, edit, text))

    @property
    def dirty(self) -> bool:
        return not self.undo_stack.isClean()

    def set_selection(self, ids: set[str] | list[str]) -> None:
        new = {i for i in ids if i in self.design.blocks}
        if new != self.selection:
            self.selection = new
            self.selection_changed.emit()

    # --- files ---------------------------------------------------------------------------
    def new(self, design: Design | None = None) -> None:
        d = design or new_design(self.catalog)
        fill_defaults(d.assumptions.values, self.catalog)
        self._replace(d, None)

    def open(self, path: Path | str) -> list[Problem]:
        """Load a file; raises InputError (nothing changes) or returns the warnings."""
        loaded = load_design(Path(path), self.catalog)
        self._replace(loaded.design, Path(path))
        return loaded.problems

    def save(self, path: Path | str | None = None) -> None:
        """Save atomically; on error the open design stays as it is, still dirty."""
        target = Path(path) if path is not None else self.path
        if target is None:
            raise ValueError("no file name")
        save_design(self.design, target)
        self.undo_stack.setClean()
        if target != self.path:
            self.path = target
            self.path_changed.emit(str(target))

    def _replace(self, design: Design, path: Path | None) -> None:
        self._disconnect_design()
        self.design = design
        self.path = path
        self.selection = set()
        self.undo_stack.clear()
        self._connect_design()
        self.design_replaced.emit()
        self.path_changed.emit(str(path) if path else "")
        self.dirty_changed.emit(False)
        self._full = True
        self._timer.start(0)  # a new design is no burst of edits to coalesce: its figures come at once

    # --- recalculation -------------------------------------------------------------------
    def request_recalc(self, full: bool = True, moved: list[str] | None = None) -> None:
        if full:
            self._full = True
        elif moved:
            self._moved.update(moved)
        self._timer.start(RECALC_DELAY_MS)

    @property
    def recalc_pending(self) -> bool:
        """True while a recalculation is due (its results_ready is still to come)."""
        return self._timer.isActive()

    def recalculate_now(self) -> Results:
        self._timer.stop()
        self._recalculate()
        assert self.results is not None
        return self.results

    def _recalculate(self) -> None:
        if self._full or self.results is None:
            self.results = self.calculator.run(self.design, self.load_fraction)
        elif self._moved:
            self.results = self.calculator.moved(self.design, sorted(self._moved))
        self._full = False
        self._moved.clear()
        self.results_ready.emit(self.results)

    def _on_blocks_moved(self, ids: list[str]) -> None:
        self.request_recalc(full=False, moved=ids)

    def _on_any_change(self, *args: object) -> None:
        self.request_recalc(full=True)

    def _on_design_reset(self, *args: object) -> None:
        # A scenario switch swaps the whole state in place: keep only selected blocks that still exist.
        kept = {i for i in self.selection if i in self.design.blocks}
        if kept != self.selection:
            self.selection = kept
            self.selection_changed.emit()
        self.request_recalc(full=True)

    def _on_blocks_removed(self, ids: list[str]) -> None:
        if self.selection.intersection(ids):
            self.selection -= set(ids)
            self.selection_changed.emit()
        self.request_recalc(full=True)

    def _follow_design(self, connect: bool) -> None:
        ev = self.design.events
        pairs = [(ev.blocks_moved, self._on_blocks_moved), (ev.blocks_removed, self._on_blocks_removed)]
        pairs += [(e, self._on_any_change) for e in (
            ev.blocks_added, ev.blocks_changed, ev.hall_changed, ev.halls_changed, ev.site_changed,
            ev.assumptions_changed, ev.modules_changed)]
        pairs.append((ev.design_reset, self._on_design_reset))
        for event, handler in pairs:
            (event.connect if connect else event.disconnect)(handler)

    def _connect_design(self) -> None:
        self._follow_design(True)

    def _disconnect_design(self) -> None:
        self._follow_design(False)
