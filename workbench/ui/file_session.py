"""The open file's lock and the open design's autosave, kept in step with the window's file commands."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QWidget

from workbench.io.autosave_store import AutosaveEntry
from workbench.io.lock import DesignLock, LockedError, acquire
from workbench.ui.autosave import Autosaver
from workbench.ui.document import Document
from workbench.ui.dialogs.lock_prompt import lock_for_open
from workbench.ui.save_guard import SaveDecision, check_before_save

log = logging.getLogger("workbench.files")


def _tr(text: str) -> str:
    return QCoreApplication.translate("FileSession", text)


def same_file(a: Path | None, b: Path | None) -> bool:
    if a is None or b is None:
        return False
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.abspath(a) == os.path.abspath(b)


class FileSession(QObject):
    """Holds the lock of the file being edited and the autosaver; the window calls it around opens and saves."""

    def __init__(self, window: QWidget, document: Document) -> None:
        super().__init__(window)
        self.window = window
        self.document = document
        self.lock: DesignLock | None = None
        self._pending: DesignLock | None = None  # taken for an open or a save that has not finished yet
        # A recovered design's file and its checksum when the autosave was written: a save must not
        # replace a different file that happens to have that name now.
        self.recovered_source: tuple[Path, str] | None = None
        self.autosaver = Autosaver(document, self)
        # A long session keeps refreshing its lock so colleagues never see it as stale.
        self.autosaver.periodic_timer.timeout.connect(self._refresh_lock)
        self.autosave_label = QLabel()
        self.autosave_label.setObjectName("autosave_status")
        self.autosave_label.setStyleSheet("color: #b00020;")
        self.autosave_label.hide()
        if isinstance(window, QMainWindow):
            window.statusBar().addPermanentWidget(self.autosave_label)
        self.autosave_dialog: QMessageBox | None = None  # shown once per session, the first time it fails
        self.autosaver.autosave_failed.connect(self._on_autosave_failed)
        self.autosaver.autosave_moved.connect(self._on_autosave_moved)
        self.autosaver.autosave_recovered.connect(self.autosave_label.hide)

    # --- opening ---------------------------------------------------------------------------------
    def before_open(self, path: Path | str) -> str:
        """'open', 'read-only' or 'cancel'. The lock is taken here, before the file is read, so two windows
        opening one file at the same moment cannot both edit it."""
        choice, lock = lock_for_open(self.window, path)
        self._drop_pending()
        self._pending = lock
        return choice

    def after_open(self, path: Path | str, choice: str) -> None:
        self.recovered_source = None
        self.document.read_only = choice == "read-only"
        self._adopt_pending()

    def open_failed(self) -> None:
        self._drop_pending()

    def after_recover(self, entry: AutosaveEntry | None) -> None:
        """A recovered autosave is open: it stands for unsaved work on its original file, if that is known."""
        self.release()
        source = entry.source_path if entry is not None else None
        self.document.read_only = False
        self.document.path = source
        self.document.path_changed.emit(str(source or ""))
        self.document.undo_stack.resetClean()
        if source is None or entry is None:
            self.recovered_source = None
            return
        self.recovered_source = (source, entry.source_sha256)
        try:
            self.lock = acquire(source)
        except (OSError, LockedError) as exc:  # someone holds it, a folder in the way, a read-only share
            log.info("recovered design: lock on %s not taken: %s", source, exc)
            self.lock = None  # the save will try again and ask

    # --- saving ----------------------------------------------------------------------------------
    def check_before_save(self, path: Path | str) -> SaveDecision:
        """Before writing path: a read-only or foreign file, a recovered design's file that changed, or a file
        someone else holds open makes the user choose; "save" means go ahead (the lock is then held)."""
        path = Path(path)
        expected = None
        if self.recovered_source is not None and same_file(self.recovered_source[0], path):
            expected = self.recovered_source[1]
        held = self.lock is not None and same_file(self.lock.design_path, path)
        decision, lock = check_before_save(self.window, path, expected, held)
        self._drop_pending()
        self._pending = lock
        return decision

    def after_save(self, path: Path | str) -> None:
        if self.recovered_source is not None and same_file(self.recovered_source[0], Path(path)):
            self.recovered_source = None  # saved: from now on it is an ordinary open file
        self._adopt_pending()

    def save_failed(self) -> None:
        self._drop_pending()

    def after_save_as(self, path: Path | str) -> None:
        if self.lock is not None and same_file(self.lock.design_path, Path(path)):
            return
        self.release()
        self._take(Path(path))

    # --- closing ---------------------------------------------------------------------------------
    def close(self) -> None:
        """Normal close: the autosaves are no longer needed and the lock goes."""
        self.autosaver.cleanup()
        self._drop_pending()
        self.release()

    def release(self) -> None:
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    def _adopt_pending(self) -> None:
        new, self._pending = self._pending, None
        if new is None:
            return
        if self.lock is not None and self.lock.path != new.path:
            self.lock.release()
        self.lock = new  # the same file again: the new lock object replaces the old one (same owner)

    def _drop_pending(self) -> None:
        if self._pending is not None:
            if self.lock is None or self.lock.path != self._pending.path:
                self._pending.release()
            self._pending = None

    def _take(self, path: Path) -> None:
        try:
            self.lock = acquire(path, force=True)  # the user already chose, or the lock was free or stale
        except OSError:
            self.lock = None  # a read-only folder: edit without a lock rather than refuse

    def _refresh_lock(self) -> None:
        if self.lock is not None:
            try:
                self.lock.refresh()
            except OSError:
                pass

    # --- autosave trouble ------------------------------------------------------------------------
    def _on_autosave_failed(self, message: str) -> None:
        text = _tr("Autosave failed: {reason}. Your changes are only safe once you save.").format(
            reason=message.removeprefix("autosave failed: "))
        self._show_autosave_problem(text)

    def _on_autosave_moved(self, reason: str, fallback: str) -> None:
        text = _tr("Autosave cannot write to {reason}; autosaving to {folder} instead.").format(
            reason=reason, folder=fallback)
        self._show_autosave_problem(text)

    def _show_autosave_problem(self, text: str) -> None:
        self.autosave_label.setText(text)
        self.autosave_label.setToolTip(text)
        self.autosave_label.show()
        if self.autosave_dialog is not None:
            return  # once per session: the status bar keeps saying it
        box = QMessageBox(QMessageBox.Icon.Warning, _tr("Autosave problem"), text, QMessageBox.StandardButton.Ok,
                          self.window)
        box.setObjectName("autosave_problem")
        self.autosave_dialog = box
        box.open()  # not modal to the timers: editing and autosaving go on

