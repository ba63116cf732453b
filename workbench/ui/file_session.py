"""The open file's lock and the open design's autosave, kept in step with the window's file commands."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from workbench.io.lock import DesignLock, acquire
from workbench.ui.autosave import Autosaver
from workbench.ui.document import Document
from workbench.ui.lock_prompt import check_lock_before_open


class FileSession(QObject):
    """Holds the lock of the file being edited and the autosaver; the window calls it around opens and saves."""

    def __init__(self, window: QWidget, document: Document) -> None:
        super().__init__(window)
        self.window = window
        self.document = document
        self.lock: DesignLock | None = None
        self.autosaver = Autosaver(document, self)
        # A long session keeps refreshing its lock so colleagues never see it as stale.
        self.autosaver.periodic_timer.timeout.connect(self._refresh_lock)

    def before_open(self, path: Path | str) -> str:
        """'open', 'read-only' or 'cancel' — warns when someone else has the file open."""
        return check_lock_before_open(self.window, path)

    def after_open(self, path: Path | str, choice: str) -> None:
        self.release()
        if choice == "read-only":
            self.document.read_only = True
        else:
            self._take(Path(path))

    def after_save_as(self, path: Path | str) -> None:
        self.release()
        self._take(Path(path))

    def close(self) -> None:
        """Normal close: the autosaves are no longer needed and the lock goes."""
        self.autosaver.cleanup()
        self.release()

    def release(self) -> None:
        if self.lock is not None:
            self.lock.release()
            self.lock = None

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
