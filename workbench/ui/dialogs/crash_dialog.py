"""The dialog an unexpected error opens: what went wrong, that the design is still open, and the details to copy."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget


class CrashDialog(QDialog):
    """Says what went wrong, that the design is still open, and lets the user copy the details."""

    def __init__(self, message: str, details: str, log_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._message, self.details, self._log_path = message, details, log_path
        self._label = QLabel()
        self._label.setWordWrap(True)
        self._text = QPlainTextEdit(details)
        self._text.setReadOnly(True)
        self._text.setMinimumSize(560, 200)
        self._buttons = QDialogButtonBox()
        self.copy_button = QPushButton()
        self.copy_button.setObjectName("copy_details")
        self._buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self._buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.copy_button.clicked.connect(self.copy_details)
        self._buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self._label)
        layout.addWidget(self._text)
        layout.addWidget(self._buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Unexpected error"))
        self._label.setText(self.tr(
            "Something went wrong: {message}\n\nYour design is still open; save it now to be safe. "
            "The details were written to {log}.").format(message=self._message, log=self._log_path))
        self.copy_button.setText(self.tr("Copy details"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)
