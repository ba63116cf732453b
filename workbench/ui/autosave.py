"""Autosave of the open design (every minute and after a short idle while dirty) and recovery after a crash."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from workbench.io.autosave_store import AutosaveStore, new_slot
from workbench.ui.document import Document

log = logging.getLogger("workbench.autosave")

AUTOSAVE_INTERVAL_MS = 60_000
IDLE_MS = 5_000  # a pause in editing this long is a good moment to save


class Autosaver(QObject):
    """Writes the document's design to the autosave store while it has unsaved changes; never raises."""

    autosaved = Signal(str)  # path of the autosave file
    autosave_failed = Signal(str)  # message: nothing could be written
    autosave_moved = Signal(str, str)  # (why the usual folder failed, where the autosave went instead)
    autosave_recovered = Signal()  # the usual folder works again after a failure

    def __init__(self, document: Document, parent: QObject | None = None, store: AutosaveStore | None = None,
                 interval_ms: int = AUTOSAVE_INTERVAL_MS, idle_ms: int = IDLE_MS) -> None:
        super().__init__(parent)
        self._doc = document
        self.store = store or AutosaveStore()
        self.slot = new_slot()
        self._last: tuple[int, int] | None = None  # (design identity, undo index) last written
        self._written: Path | None = None
        self.failing = False
        self.periodic_timer = QTimer(self)  # public so a status bar (or a test) can follow its ticks
        self.periodic_timer.setInterval(interval_ms)
        self.periodic_timer.timeout.connect(self._tick)
        self.periodic_timer.start()
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(idle_ms)
        self._idle.timeout.connect(self._tick)
        document.undo_stack.indexChanged.connect(self._on_edited)
        document.dirty_changed.connect(self._on_dirty_changed)

    @property
    def path(self) -> Path:
        """The autosave file: where it was last written (perhaps the fallback folder), else its usual place."""
        return self._written or self.store.path_for(self.slot)

    def save_now(self) -> Path | None:
        """Write the autosave now; on failure log it, emit autosave_failed and carry on."""
        doc = self._doc
        try:
            path = self.store.write(doc.design, self.slot, doc.path)
        except (OSError, ValueError) as exc:
            message = f"autosave failed: {exc}"
            log.warning(message)
            self.failing = True
            self.autosave_failed.emit(message)
            return None
        self._last = (id(doc.design), doc.undo_stack.index())
        self._written = path
        if self.store.primary_error is not None:
            error = self.store.primary_error
            why = (_tr("a file is where the folder should be") if isinstance(error, (FileExistsError, NotADirectoryError))
                   else error.strerror or str(error))
            reason = f"{self.store.folder} ({why})"
            log.warning("autosave cannot use %s; wrote %s instead", reason, path)
            self.failing = True
            self.autosave_moved.emit(reason, str(path.parent))
        elif self.failing:
            self.failing = False
            self.autosave_recovered.emit()
        self.autosaved.emit(str(path))
        return path

    def cleanup(self) -> None:
        """After a normal close: stop, and remove this window's autosaves and any recovered ones it opened."""
        self.periodic_timer.stop()
        self._idle.stop()
        own = [e.slot for e in self.store.entries()
               if e.session == self.store.session and (e.slot == self.slot or e.slot.startswith("recovered"))]
        self.store.cleanup(own)

    def _on_edited(self, _index: int) -> None:
        try:
            dirty = self._doc.dirty
        except RuntimeError:
            return  # the undo stack is being destroyed with its window: nothing left to save
        if dirty:
            self._idle.start()

    def _on_dirty_changed(self, dirty: bool) -> None:
        if not dirty:
            # Saved, or another design opened: this autosave no longer holds anything the file lacks.
            self._idle.stop()
            self._last = None
            self._written = None
            self.store.remove(self.slot)

    def _tick(self) -> None:
        doc = self._doc
        if doc.dirty and self._last != (id(doc.design), doc.undo_stack.index()):
            self.save_now()


def _tr(text: str) -> str:
    return QCoreApplication.translate("Autosave", text)


def offer_recovery(parent: QWidget | None = None, store: AutosaveStore | None = None) -> Path | None:
    """At start: if a session ended without a normal close, offer its newest autosave; returns the file to
    open (now owned by this session) or None. "Discard" deletes those autosaves; "Not now" keeps them."""
    store = store or AutosaveStore()
    orphans = store.orphans()
    if not orphans:
        return None
    newest = orphans[0]
    name = newest.title or (Path(newest.source).name if newest.source else _tr("an unsaved design"))
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_tr("Recover design"))
    box.setText(_tr("The workbench did not close normally last time."))
    info = _tr("An autosave of “{name}” from {time} can be recovered.").format(
        name=name, time=newest.saved_at.strftime("%Y-%m-%d %H:%M:%S"))
    if newest.source:
        info += "\n" + _tr("Its file: {path}").format(path=newest.source)
    if len(orphans) > 1:
        info += "\n" + _tr("{n} older autosaves are kept as well.").format(n=len(orphans) - 1)
    box.setInformativeText(info)
    recover = box.addButton(_tr("Recover"), QMessageBox.ButtonRole.AcceptRole)
    recover.setObjectName("recover")
    discard = box.addButton(_tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
    discard.setObjectName("discard")
    later = box.addButton(_tr("Not now"), QMessageBox.ButtonRole.RejectRole)
    later.setObjectName("later")
    box.setDefaultButton(recover)
    box.exec()
    clicked = box.clickedButton()
    box.deleteLater()
    if clicked is recover:
        try:
            return store.claim(newest)
        except OSError as exc:
            log.warning("could not take over autosave %s: %s", newest.path, exc)
            return newest.path
    if clicked is discard:
        for e in orphans:
            store.discard(e)
    return None
