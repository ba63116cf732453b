"""The contingency panel: N-1 (or N-2 within a system) on a worker thread, with progress, cancel and verdicts."""

from __future__ import annotations

import copy
import dataclasses
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.model.blocktype import Catalog
from workbench.model.design import Design
from workbench.model.events import DesignEvents
from workbench.ui.docks.base import WorkbenchDock
from workbench.ui.document import Document

ID_ROLE = Qt.ItemDataRole.UserRole


def detached_copy(design: Design) -> Design:
    """A copy the worker may read while the user keeps editing the original (blocks are mutable)."""
    return dataclasses.replace(
        design, blocks={k: copy.deepcopy(b) for k, b in design.blocks.items()}, halls=copy.deepcopy(design.halls),
        modules=copy.deepcopy(design.modules), assumptions=copy.deepcopy(design.assumptions),
        connections=dict(design.connections), scenarios=[], scenario_base=None, events=DesignEvents())


class ContingencyWorker(QObject):
    """Runs calc.contingency off the GUI thread; the calculation asks `cancelled` between cases."""

    progressed = Signal(int, int)
    finished = Signal(object)  # ContingencyResult
    failed = Signal(str)
    cancelled_run = Signal()

    def __init__(self, design: Design, catalog: Catalog, depth: int) -> None:
        super().__init__()
        self.design, self.catalog, self.depth = design, catalog, depth
        self.stop = False  # set from the GUI thread; a plain bool read is atomic under the GIL

    def run(self) -> None:
        from workbench.calc.contingency import Cancelled, contingency

        try:
            result = contingency(self.design, self.catalog, depth=self.depth,
                                 progress=lambda done, total: self.progressed.emit(done, total),
                                 cancelled=lambda: self.stop)
        except Cancelled:
            self.cancelled_run.emit()
        except Exception as exc:  # noqa: BLE001 - shown in the panel; the window keeps running
            self.failed.emit(f"{type(exc).__name__}: {exc}")
        else:
            self.finished.emit(result)


class ContingencyDock(WorkbenchDock):
    """Run, watch, cancel; then single points of failure, worst overload and the two design-rule verdicts."""

    result_ready = Signal(object)
    worker_created = Signal(object)  # the ContingencyWorker, before its thread starts

    def __init__(self, main_window: QMainWindow, document: Document, plant: Any = None) -> None:
        super().__init__("ContingencyDock", main_window, document)
        self.plant = plant
        self.result: Any = None
        self._thread: QThread | None = None
        self._worker: ContingencyWorker | None = None
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 4, 6, 4)
        bar = QHBoxLayout()
        self.depth_box = QComboBox()
        self.depth_box.setObjectName("contingency_depth")
        self.run_button = QPushButton()
        self.run_button.setObjectName("contingency_run")
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("contingency_cancel")
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        for w in (self.depth_box, self.run_button, self.cancel_button):
            bar.addWidget(w)
        bar.addWidget(self.progress, 1)
        layout.addLayout(bar)
        layout.addWidget(self.status)
        self.verdicts = QLabel()
        self.verdicts.setWordWrap(True)
        self.verdicts.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.verdicts)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("contingency_table")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for col in range(4):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._on_row_selected)
        layout.addWidget(self.table, 1)
        self.setWidget(body)
        self.run_button.clicked.connect(self.run)
        self.cancel_button.clicked.connect(self.cancel)
        document.design_replaced.connect(self._on_design_replaced)
        document.undo_stack.indexChanged.connect(self._mark_stale)
        self.retranslate_ui()

    # --- text ----------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Contingency (N-1)"))
        index = self.depth_box.currentIndex()
        self.depth_box.clear()
        self.depth_box.addItem(self.tr("N-1: every component"), 1)
        self.depth_box.addItem(self.tr("N-2: pairs within a system"), 2)
        self.depth_box.setCurrentIndex(max(index, 0))
        self.run_button.setText(self.tr("Run"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.table.setHorizontalHeaderLabels([self.tr("Component"), self.tr("Type"), self.tr("IT lost (kW)"),
                                              self.tr("Dark racks"), self.tr("Finding")])
        if self.result is not None:
            self._show(self.result)
        elif not self.running:
            self.status.setText(self.tr("Fails every power and cooling component in turn and lists what goes dark."))

    # --- running -------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._thread is not None

    def run(self) -> None:
        if self.running:
            return
        depth = int(self.depth_box.currentData() or 1)
        worker = ContingencyWorker(detached_copy(self.document.design), self.document.catalog, depth)
        thread = QThread(self)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.progressed.connect(self._on_progress)
        worker.finished.connect(self._on_finished)
        worker.failed.connect(self._on_failed)
        worker.cancelled_run.connect(self._on_cancelled)
        for signal in (worker.finished, worker.failed, worker.cancelled_run):
            signal.connect(thread.quit)
        thread.finished.connect(self._on_thread_done)
        self._thread, self._worker = thread, worker
        self.run_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setRange(0, 0)  # busy until the first progress report says how many cases
        self.status.setText(self.tr("Running…"))
        self.worker_created.emit(worker)
        thread.start()

    def cancel(self) -> None:
        if self._worker is not None:
            self._worker.stop = True
            self.status.setText(self.tr("Cancelling…"))

    def wait(self, ms: int = 30000) -> None:
        """Block until the worker stops (closing the window, tests)."""
        if self._thread is not None:
            self._thread.wait(ms)

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _on_finished(self, result: Any) -> None:
        self.result = result
        self._show(result)
        self.result_ready.emit(result)

    def _on_failed(self, message: str) -> None:
        self.status.setText(self.tr("The analysis failed: %1").replace("%1", message))

    def _on_cancelled(self) -> None:
        self.status.setText(self.tr("Cancelled; the results shown before stay until the next run."))

    def _on_thread_done(self) -> None:
        if self._thread is not None:
            self._thread.deleteLater()
        if self._worker is not None:
            self._worker.deleteLater()
        self._thread, self._worker = None, None
        self.run_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        if self.progress.maximum() == 0:
            self.progress.setRange(0, 1)
            self.progress.setValue(0)

    def _mark_stale(self, *_: object) -> None:
        if self.result is not None and not self.running:
            self.status.setText(self.tr("The design changed since this run; run again to update."))

    def _on_design_replaced(self) -> None:
        self.cancel()
        self.result = None
        self.table.setRowCount(0)
        self.verdicts.setText("")
        self.retranslate_ui()

    # --- results -------------------------------------------------------------------------
    def _name(self, block_id: str) -> tuple[str, str]:
        b = self.document.design.blocks.get(block_id)
        if b is None:
            return block_id, ""
        t = self.document.catalog.get(b.type_id)
        type_name = t.display_name(self.language) if t else b.type_id
        return b.name or type_name, type_name

    def _verdict_html(self, title: str, verdict: Any) -> str:
        ok = bool(verdict.holds)
        color = "#2b8a3e" if ok else "#c92a2a"
        word = self.tr("holds") if ok else self.tr("does not hold")
        html = f"<b>{title}</b>: <span style='color:{color}'><b>{word}</b></span>"
        count = max(int(getattr(verdict, "breaker_count", 0)), len(verdict.breakers))
        if count:
            html += " — " + self.tr("%1 components break it").replace("%1", str(count))
        if verdict.breakers:
            names = [self._name(b)[0] for b in verdict.breakers[:8]]
            more = max(int(getattr(verdict, "breaker_count", 0)), len(verdict.breakers)) - len(names)
            html += "<br/>&nbsp;&nbsp;" + self.tr("Broken by: %1").replace("%1", ", ".join(names)) + (
                self.tr(" and %1 more").replace("%1", str(more)) if more > 0 else "")
        return html

    def _show(self, r: Any) -> None:
        self.progress.setRange(0, max(r.cases, 1))
        self.progress.setValue(r.cases)
        self.status.setText(self.tr("%1 components, %2 cases, %3 single points of failure").replace(
            "%1", str(r.components)).replace("%2", str(r.cases)).replace("%3", str(len(r.spofs))))
        parts = [self._verdict_html(self.tr("Concurrently maintainable"), r.concurrently_maintainable),
                 self._verdict_html(self.tr("Fault tolerant"), r.fault_tolerant)]
        if r.worst_overload is not None:
            w = r.worst_overload
            parts.append(self.tr("Worst overload after failover: %1 at %2 % of its rating when %3 fails").replace(
                "%1", self._name(w.overload.block_id)[0]).replace("%2", f"{w.overload.utilisation * 100:.0f}")
                .replace("%3", " + ".join(self._name(f)[0] for f in w.failed)))
        else:
            parts.append(self.tr("No device goes above its rating after any single failure."))
        statement = self.tr("Design-rule verdicts in the style of the Uptime Institute tiers, not a certification.")
        parts.append(f"<i>{statement}</i>")
        self.verdicts.setText("<br/>".join(parts))
        rows: list[tuple[str, str, float, int, str]] = []
        for s in r.spofs:
            name, type_name = self._name(s.block_id)
            rows.append((s.block_id, name, float(s.it_kw_lost), len(s.dark_racks), self.tr("single point of failure")))
        for p in r.pairs:
            names = " + ".join(self._name(b)[0] for b in p.failed)
            rows.append((",".join(p.failed), names, float(p.it_kw_lost), int(p.dark_racks),
                         self.tr("pair loss (N-2)")))
        for o in r.overloads[:50]:
            rows.append((",".join(o.failed), " + ".join(self._name(f)[0] for f in o.failed), -1.0, 0,
                         self.tr("overloads %1 (%2 %)").replace("%1", self._name(o.overload.block_id)[0])
                         .replace("%2", f"{o.overload.utilisation * 100:.0f}")))
        self.table.setRowCount(len(rows))
        for i, (ids, name, kw, dark, finding) in enumerate(rows):
            first = ids.split(",")[0]
            cells = [name, self._name(first)[1], f"{kw:,.0f}" if kw >= 0 else "—", str(dark) if kw >= 0 else "—",
                     finding]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, ids)
                if col in (2, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(i, col, item)

    def _on_row_selected(self) -> None:
        items = self.table.selectedItems()
        if not items:
            return
        ids = [i for i in str(items[0].data(ID_ROLE)).split(",") if i]
        select = getattr(self.main_window, "select_and_center", None)
        if select is not None and ids:
            select(ids)
