"""The common dock base: an object name for saved layouts, live retranslation and a UI language."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from workbench.ui.document import Document


class WorkbenchDock(QDockWidget):
    """Subclasses build widgets in __init__, set every text in retranslate_ui()."""

    def __init__(self, object_name: str, main_window: QMainWindow, document: Document,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent or main_window)
        self.setObjectName(object_name)
        self.main_window = main_window
        self.document = document
        self.language = "en"

    def retranslate_ui(self) -> None:
        raise NotImplementedError

    def set_language(self, language: str) -> None:
        """Switch catalog names and parameter labels ("en" or "zh"); Qt strings follow the translator."""
        if language != self.language:
            self.language = language
            self.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
