"""Warn before opening a design another user or instance holds open, and offer a read-only copy."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from workbench.io.lock import is_mine, is_stale, read_lock

Choice = Literal["open", "read-only", "cancel"]


def _tr(text: str) -> str:
    return QCoreApplication.translate("LockPrompt", text)


def check_lock_before_open(parent: QWidget | None, path: Path | str) -> Choice:
    """"open" when nobody else holds the file (or the lock is stale); otherwise ask the user."""
    path = Path(path)
    info = read_lock(path)
    if info is None or is_mine(info) or is_stale(info):
        return "open"
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_tr("Design in use"))
    who = info.user or _tr("someone")
    where = info.host or _tr("an unknown computer")
    box.setText(_tr("“{name}” is already open by {user} on {host} since {time}.").format(
        name=path.name, user=who, host=where, time=info.when.strftime("%Y-%m-%d %H:%M")))
    box.setInformativeText(_tr(
        "If you both edit it, one of you will overwrite the other's changes. Open it read-only to look "
        "(you can still save a copy under another name), or open it anyway if you are sure the other "
        "session has ended."))
    read_only = box.addButton(_tr("Open read-only"), QMessageBox.ButtonRole.AcceptRole)
    read_only.setObjectName("read_only")
    anyway = box.addButton(_tr("Open anyway"), QMessageBox.ButtonRole.DestructiveRole)
    anyway.setObjectName("open_anyway")
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    cancel.setObjectName("cancel")
    box.setDefaultButton(read_only)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    box.deleteLater()
    if clicked is read_only:
        return "read-only"
    if clicked is anyway:
        return "open"
    return "cancel"
