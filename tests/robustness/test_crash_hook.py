"""Uncaught exceptions are logged and shown; the window and the open design keep working; native crashes logged."""

from __future__ import annotations

import logging
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.robustness.conftest import ROOT
from workbench.io import load_design
from workbench.model import Catalog
from workbench.model.edits import SetSiteField

pytestmark = pytest.mark.needs_qt  # left out of the no-Qt run (tests/test_layers.py)


@pytest.fixture
def window_and_hook(qtbot: Any, catalog: Catalog, golden_copy: Path,
                    monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Any, Any, Any, list[Any]]]:
    from PySide6.QtWidgets import QMainWindow

    from workbench.ui.crash import install_exception_hook
    from workbench.ui.dialogs.crash_dialog import CrashDialog
    from workbench.ui.document import Document

    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    doc = Document(catalog, window)
    doc.open(golden_copy)
    doc.push(SetSiteField("name", "work in progress"))
    dialogs: list[Any] = []

    def fake_exec(dialog: CrashDialog) -> int:
        # The dialog is deleted after exec returns, so keep what it showed.
        dialogs.append({"details": dialog.details, "button": dialog.copy_button.text(),
                        "title": dialog.windowTitle(), "parent": dialog.parent()})
        dialog.copy_button.click()
        return 0

    monkeypatch.setattr(CrashDialog, "exec", fake_exec)
    hook = install_exception_hook(window)
    try:
        yield window, doc, hook, dialogs
    finally:
        hook.uninstall()


def _boom() -> None:
    raise RuntimeError("kaboom in a slot")


def test_exception_in_a_slot_is_logged_and_shown_and_work_survives(qtbot: Any, window_and_hook: Any,
                                                                   golden_copy: Path) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QGuiApplication

    window, doc, hook, dialogs = window_and_hook
    QTimer.singleShot(0, _boom)  # Qt calls sys.excepthook for an exception escaping a slot
    qtbot.waitUntil(lambda: len(dialogs) == 1, timeout=5000)
    dialog = dialogs[0]
    assert "RuntimeError: kaboom in a slot" in dialog["details"] and "_boom" in dialog["details"]
    assert QGuiApplication.clipboard().text() == dialog["details"]  # "Copy details"
    assert dialog["button"] == "Copy details" and dialog["title"] == "Unexpected error"
    assert dialog["parent"] is window
    log_text = hook.log_path.read_text("utf-8")
    assert "kaboom in a slot" in log_text and "Traceback" in log_text
    assert hook.log_path.parent.name == "logs"
    # The window lives on and the design is still open, dirty and saveable.
    assert window.isVisible() and doc.dirty and doc.design.site.name == "work in progress"
    doc.push(SetSiteField("customer", "after the error"))
    doc.save()
    saved = load_design(golden_copy).design
    assert (saved.site.name, saved.site.customer) == ("work in progress", "after the error")


def test_exception_in_a_worker_thread_is_shown_on_the_gui_thread(qtbot: Any, window_and_hook: Any) -> None:
    window, doc, hook, dialogs = window_and_hook

    def worker() -> None:
        raise ValueError("bad thing in a thread")

    t = threading.Thread(target=worker, name="calc-worker")
    t.start()
    t.join()
    qtbot.waitUntil(lambda: len(dialogs) == 1, timeout=5000)
    assert "ValueError: bad thing in a thread" in dialogs[0]["details"]
    assert "calc-worker" in hook.log_path.read_text("utf-8")
    assert window.isVisible()


def test_uninstall_restores_the_previous_hooks(qtbot: Any) -> None:
    from workbench.ui.crash import install_exception_hook

    before, before_thread = sys.excepthook, threading.excepthook
    hook = install_exception_hook(None)
    assert sys.excepthook == hook.handle and threading.excepthook == hook.handle_thread
    hook.uninstall()
    assert sys.excepthook is before and threading.excepthook is before_thread


def test_log_rotates(qtbot: Any) -> None:
    from workbench.ui.crash import LOG_MAX_BYTES, install_exception_hook

    hook = install_exception_hook(None)
    try:
        for _ in range(3):
            logging.getLogger("workbench").error("x" * (LOG_MAX_BYTES // 2))
    finally:
        hook.uninstall()
    names = sorted(p.name for p in hook.log_path.parent.iterdir())
    assert "workbench.log" in names and "workbench.log.1" in names


NATIVE = f"""
import sys
sys.path.insert(0, {str(ROOT)!r})
import faulthandler
from PySide6.QtWidgets import QApplication
from workbench.ui.crash import install_exception_hook
app = QApplication([])
hook = install_exception_hook(None)
faulthandler._sigsegv()
"""


def test_native_crash_is_written_to_the_log_folder(tmp_path: Path) -> None:
    env = {"WORKBENCH_USER_DIR": str(tmp_path), "QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"}
    proc = subprocess.run([sys.executable, "-c", NATIVE], env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode != 0
    text = (tmp_path / "logs" / "native-crash.log").read_text("utf-8")
    assert "Segmentation fault" in text
