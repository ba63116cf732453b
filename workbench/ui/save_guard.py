"""Questions before a save replaces a file: read-only or another user's file, a recovered design's file that
changed since the autosave, a file another session holds open."""

from __future__ import annotations

from pathlib import Path
from typing import Literal, cast

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

from workbench.io.atomic import file_owner, replace_refusal
from workbench.io.autosave_store import file_checksum
from workbench.io.lock import DesignLock, LockedError, LockPathError, acquire, lock_path
from workbench.ui.dialogs.lock_prompt import ask, holder_text

SaveDecision = Literal["save", "save_as", "cancel"]


def _tr(text: str) -> str:
    return QCoreApplication.translate("SaveGuard", text)


def check_before_save(parent: QWidget | None, path: Path, expected_sha256: str | None,
                      lock_held: bool) -> tuple[SaveDecision, DesignLock | None]:
    """What to do before writing path, and the lock taken for it (None when already held or impossible).

    expected_sha256 is set for a recovered design's own file: the checksum that file had when the autosave
    was written ("" when it did not exist then).
    """
    exists = path.exists()
    if exists:
        refusal = replace_refusal(path)
        if refusal:
            owner = file_owner(path)
            detail = _tr("“{name}” is read-only.").format(name=path.name) if owner is None else _tr(
                "“{name}” is read-only and belongs to {owner}.").format(name=path.name, owner=owner)
            return _ask(parent, detail, _tr("The workbench will not replace it. Save your design under another "
                                            "name instead?\n{path}").format(path=str(path)), replace=False), None
        owner = file_owner(path)
        if owner is not None:
            decision = _ask(parent, _tr("“{name}” belongs to {owner}.").format(name=path.name, owner=owner),
                            _tr("Replacing it makes you its owner. Replace it, or save under another name?\n"
                                "{path}").format(path=str(path)), replace=True)
            if decision != "save":
                return decision, None
    if expected_sha256 is not None and exists and file_checksum(path) != expected_sha256:
        decision = _ask(parent, _tr("“{name}” is not the file this recovered design came from.").format(
            name=path.name), _tr(
                "It changed after the autosave was written, or it is a different design with the same name. "
                "Replacing it would lose what it holds now.\n{path}").format(path=str(path)), replace=True)
        if decision != "save":
            return decision, None
    if lock_held:
        return "save", None
    try:
        return "save", acquire(path)
    except LockedError as exc:
        return _ask(parent, holder_text(path, exc.info), _tr(
            "Saving would overwrite their work. Save your design under another name instead?"), replace=False), None
    except LockPathError:
        return _ask(parent, _tr("Cannot lock “{name}”.").format(name=path.name), _tr(
            "{lock} is in the way of the design's lock file, so another session might be editing it. Save "
            "under another name instead?").format(lock=str(lock_path(path))), replace=False), None
    except OSError:
        return "save", None  # a folder that cannot hold a lock: the write says what is wrong, if anything


def _ask(parent: QWidget | None, text: str, informative: str, replace: bool) -> SaveDecision:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_tr("Save design"))
    box.setText(text)
    box.setInformativeText(informative)
    save_as = box.addButton(_tr("Save As…"), QMessageBox.ButtonRole.AcceptRole)
    save_as.setObjectName("save_as")
    replace_button: QAbstractButton | None = None
    if replace:
        replace_button = box.addButton(_tr("Replace"), QMessageBox.ButtonRole.DestructiveRole)
        replace_button.setObjectName("replace")
    choices: dict[str, QAbstractButton] = {"save_as": save_as}
    if replace_button is not None:
        choices["save"] = replace_button
    return cast(SaveDecision, ask(box, save_as, choices))
