"""Unexpected exceptions never kill the window: they are logged to a rotating file and shown in a dialog."""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtWidgets import QWidget

from workbench import __version__
from workbench.paths import user_data_dir
from workbench.ui.dialogs.crash_dialog import CrashDialog

LOG_FILE = "workbench.log"
NATIVE_CRASH_FILE = "native-crash.log"
LOG_MAX_BYTES = 1_000_000
LOG_BACKUPS = 5

log = logging.getLogger("workbench")


def log_dir() -> Path:
    """The per-user log folder (beside autosaves, so one folder holds what support asks for)."""
    return user_data_dir() / "logs"


class ExceptionHook(QObject):
    """Installed as sys.excepthook and threading.excepthook; uninstall() puts the previous hooks back."""

    _from_thread = Signal(str, str)  # message, details: thread exceptions shown on the GUI thread
    shown = Signal(object)  # the CrashDialog, before it runs (tests and telemetry)

    def __init__(self, window: QWidget | None) -> None:
        super().__init__()
        self.window = window
        self._busy = False
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        self.log_path = folder / LOG_FILE
        self._handler = logging.handlers.RotatingFileHandler(
            self.log_path, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8", delay=True)
        self._handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        log.addHandler(self._handler)
        if log.level == logging.NOTSET or log.level > logging.INFO:
            log.setLevel(logging.INFO)
        # Native crashes (a segfault in Qt or numpy) bypass Python; faulthandler still writes their stacks.
        self._fault_was_enabled = faulthandler.is_enabled()
        self._fault_file: IO[str] | None = open(folder / NATIVE_CRASH_FILE, "a", encoding="utf-8")  # noqa: SIM115
        faulthandler.enable(file=self._fault_file, all_threads=True)
        self._from_thread.connect(self._show)
        log.info("workbench %s started; logging to %s", __version__, self.log_path)

    def install(self) -> None:
        sys.excepthook = self.handle
        threading.excepthook = self.handle_thread

    def uninstall(self) -> None:
        sys.excepthook = self._previous_hook
        threading.excepthook = self._previous_thread_hook
        log.removeHandler(self._handler)
        self._handler.close()
        faulthandler.disable()
        if self._fault_file is not None:
            self._fault_file.close()
            self._fault_file = None
        if self._fault_was_enabled:
            faulthandler.enable(file=sys.__stderr__ or sys.stderr)

    def handle(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        message, details = self._record(exc_type, exc, tb, "unexpected error")
        if QThread.currentThread() == self.thread():
            self._show(message, details)
        else:
            self._from_thread.emit(message, details)

    def handle_thread(self, args: Any) -> None:
        if args.exc_type is SystemExit:
            return
        name = args.thread.name if args.thread is not None else "?"
        message, details = self._record(args.exc_type, args.exc_value, args.exc_traceback,
                                        f"unexpected error in thread {name}")
        self._from_thread.emit(message, details)

    def _record(self, exc_type: type[BaseException], exc: BaseException | None, tb: TracebackType | None,
                what: str) -> tuple[str, str]:
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        details = f"workbench {__version__}, Python {sys.version.split()[0]}, {sys.platform}\n\n{details}"
        try:
            log.error("%s\n%s", what, details)
        except Exception:  # a full disk must not turn one error into two
            pass
        message = f"{exc_type.__name__}: {exc}" if str(exc) else exc_type.__name__
        return message[:500], details

    def _show(self, message: str, details: str) -> None:
        if self._busy:  # an error while the dialog is up: logged already, one dialog is enough
            return
        self._busy = True
        try:
            parent = self.window if self.window is not None and _alive(self.window) else None
            dialog = CrashDialog(message, details, self.log_path, parent)
            self.shown.emit(dialog)
            dialog.exec()
            dialog.deleteLater()
        finally:
            self._busy = False


def _alive(widget: QWidget) -> bool:
    try:
        widget.objectName()
    except RuntimeError:  # the C++ window is gone
        return False
    return True


def install_exception_hook(window: QWidget | None) -> ExceptionHook:
    """Log and show every uncaught exception (main and worker threads) and enable faulthandler."""
    hook = ExceptionHook(window)
    hook.install()
    return hook
