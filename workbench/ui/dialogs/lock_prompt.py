"""Take a design's lock before opening or saving it, and ask the user when another user or instance holds it."""

from __future__ import annotations

from pathlib import Path
from typing import Literal, cast

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QPushButton, QWidget

from workbench.io.lock import DesignLock, LockedError, LockInfo, LockPathError, acquire, lock_path

Choice = Literal["open", "read-only", "cancel"]


def _tr(text: str) -> str:
    return QCoreApplication.translate("LockPrompt", text)


def lock_for_open(parent: QWidget | None, path: Path | str) -> tuple[Choice, DesignLock | None]:
    """Take the lock before the file is read (atomic, so two windows opening at once cannot both edit).

    ("open", lock) when the lock was free, stale or ours; otherwise the user chooses. The lock is None when
    the folder cannot hold one (read-only share): the file is then edited without a lock, as before.
    """
    path = Path(path)
    try:
        return "open", acquire(path)
    except LockedError as exc:
        choice = _ask_locked(parent, path, exc.info)
    except LockPathError as exc:
        return _ask_lock_place(parent, path, exc), None
    except OSError:
        return "open", None
    if choice != "open":
        return choice, None
    try:
        return "open", acquire(path, force=True)
    except OSError:
        return "open", None


def _ask_locked(parent: QWidget | None, path: Path, info: LockInfo) -> Choice:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_tr("Design in use"))
    box.setText(holder_text(path, info))
    box.setInformativeText(_tr(
        "If you both edit it, one of you will overwrite the other's changes. Open it read-only to look "
        "(you can still save a copy under another name), or open it anyway if you are sure the other "
        "session has ended."))
    read_only = box.addButton(_tr("Open read-only"), QMessageBox.ButtonRole.AcceptRole)
    read_only.setObjectName("read_only")
    anyway = box.addButton(_tr("Open anyway"), QMessageBox.ButtonRole.DestructiveRole)
    anyway.setObjectName("open_anyway")
    return _run(box, read_only, anyway)


def _ask_lock_place(parent: QWidget | None, path: Path, exc: LockPathError) -> Choice:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_tr("Design in use"))
    box.setText(_tr("Cannot tell whether someone else is editing “{name}”.").format(name=path.name))
    box.setInformativeText(_tr(
        "{lock} is {problem}, so the workbench cannot lock the design. Open it read-only (you can still save "
        "a copy under another name), or remove that item and open the design again.").format(
            lock=str(lock_path(path)), problem=_problem_words(exc)))
    read_only = box.addButton(_tr("Open read-only"), QMessageBox.ButtonRole.AcceptRole)
    read_only.setObjectName("read_only")
    return _run(box, read_only, None)


def _problem_words(exc: LockPathError) -> str:
    return _tr("a folder") if "folder" in (exc.strerror or "") else _tr("not a regular file")


def holder_text(path: Path, info: LockInfo) -> str:
    """One sentence naming who holds a design's lock (also used when a save is refused)."""
    who = info.user or _tr("someone")
    where = info.host or _tr("an unknown computer")
    return _tr("“{name}” is already open by {user} on {host} since {time}.").format(
        name=path.name, user=who, host=where, time=info.when.strftime("%Y-%m-%d %H:%M"))


def _run(box: QMessageBox, read_only: QPushButton, anyway: QPushButton | None) -> Choice:
    choices: dict[str, QAbstractButton] = {"read-only": read_only}
    if anyway is not None:
        choices["open"] = anyway
    return cast(Choice, ask(box, read_only, choices))


def ask(box: QMessageBox, default: QPushButton, choices: dict[str, QAbstractButton]) -> str:
    """Add Cancel (also Esc), run the box and return the key of the button clicked, or "cancel"."""
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    cancel.setObjectName("cancel")
    box.setDefaultButton(default)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    box.deleteLater()
    return next((key for key, button in choices.items() if clicked is button), "cancel")

