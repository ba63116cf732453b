"""The history dock: the undo stack as a list; clicking an entry undoes or redoes up to it."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow, QUndoView

from workbench.ui.docks.base import WorkbenchDock
from workbench.ui.document import Document


class HistoryDock(WorkbenchDock):
    def __init__(self, main_window: QMainWindow, document: Document) -> None:
        super().__init__("HistoryDock", main_window, document)
        self.view = QUndoView(document.undo_stack)
        self.view.setAlternatingRowColors(True)
        self.view.setSpacing(1)
        self.setWidget(self.view)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("History"))
        self.view.setEmptyLabel(self.tr("<opened design>"))
        # The Document renamed the steps already taken; the list re-reads their texts.
        self.view.setStack(None)
        self.view.setStack(self.document.undo_stack)
