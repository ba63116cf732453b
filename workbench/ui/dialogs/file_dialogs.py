"""File pickers for design files (QFileDialog, so tests can patch its static methods)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget


def _filter() -> str:
    return QCoreApplication.translate("FileDialogs", "Data hall designs (*.dchall.json);;All files (*)")


def ask_open_path(parent: QWidget, start: str = "") -> str:
    path, _ = QFileDialog.getOpenFileName(parent, QCoreApplication.translate("FileDialogs", "Open design"),
                                          start, _filter())
    return path


def ask_save_path(parent: QWidget, start: str = "") -> str:
    path, _ = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("FileDialogs", "Save design as"),
                                          start, _filter())
    return path
