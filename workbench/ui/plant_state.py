"""The plant view state of the open window: which blocks are failed (never saved) and what that darkens."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from workbench.ui.document import Document


class FailureState(QObject):
    """The failed set is view state: a design review tries failures, the file keeps the design only.

    The dark racks, starved devices and overloads come from calc.failure (H3's one rule); this object only
    remembers the set, re-runs the analysis when the design changes and tells the views.
    """

    changed = Signal()  # the failed set or its result changed: canvas, inspector and diagrams redraw

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent or document)
        self.document = document
        self.failed: set[str] = set()
        self.result: Any = None  # workbench.calc.failure.FailureResult, or None with nothing failed
        self._analysis: Any = None  # dropped after every recalculation: the design it was built on changed
        self._analysis_key: tuple[int, int, int] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.refresh)
        document.design_replaced.connect(self._on_design_replaced)
        document.results_ready.connect(self._on_results_ready)

    # --- changing the set ----------------------------------------------------------------
    def set_failed(self, ids: set[str] | list[str]) -> None:
        new = {i for i in ids if i in self.document.design.blocks}
        if new != self.failed:
            self.failed = new
            self.refresh()

    def fail(self, ids: set[str] | list[str]) -> None:
        self.set_failed(self.failed | set(ids))

    def restore(self, ids: set[str] | list[str]) -> None:
        self.set_failed(self.failed - set(ids))

    def toggle(self, ids: set[str] | list[str]) -> None:
        """Fail the blocks when any of them is running, else restore them all."""
        ids = set(ids)
        if ids and ids <= self.failed:
            self.restore(ids)
        else:
            self.fail(ids)

    def clear(self) -> None:
        self.set_failed(set())

    # --- queries -------------------------------------------------------------------------
    @property
    def active(self) -> bool:
        return bool(self.failed)

    @property
    def dark(self) -> set[str]:
        return set(self.result.dark) if self.result is not None else set()

    @property
    def not_operating(self) -> set[str]:
        return set(self.result.not_operating) if self.result is not None else set()

    @property
    def overloaded(self) -> set[str]:
        return {o.block_id for o in self.result.overloaded} if self.result is not None else set()

    # --- recalculation -------------------------------------------------------------------
    def analysis(self) -> Any:
        """One FailureAnalysis per design state (graph built once; each run is milliseconds)."""
        from workbench.calc.failure import FailureAnalysis

        design = self.document.design
        # An edit changes the undo index at once; the recalculation (results_ready) follows 30 ms later.
        key = (id(design), design.connections_version, self.document.undo_stack.index())
        if self._analysis is None or key != self._analysis_key:
            self._analysis = FailureAnalysis(design, self.document.catalog)
            self._analysis_key = key
        return self._analysis

    def refresh(self) -> None:
        self._timer.stop()
        self.failed &= set(self.document.design.blocks)
        if not self.failed:
            self.result = None
        else:
            self.result = self.analysis().run(sorted(self.failed))
        self.changed.emit()

    def _on_design_replaced(self) -> None:
        self.failed = set()
        self._analysis = None
        self.result = None
        self.changed.emit()

    def _on_results_ready(self, *_: object) -> None:
        # The design changed (an edit, undo, a nudge): the failure follows it when one is shown.
        self._analysis = None
        if self.failed:
            self._timer.start()
