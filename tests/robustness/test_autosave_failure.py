"""A broken autosave folder: the window says so (status bar and one dialog), autosaves go to the temp folder,
and after a `kill -9` the next start offers the design from there."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.robustness.conftest import ROOT
from workbench.io import load_design
from workbench.io.autosave_store import AutosaveStore, autosave_dir, fallback_autosave_dir
from workbench.model.edits import SetSiteField
from workbench.paths import sample_design_path

pytestmark = pytest.mark.needs_qt

EDITOR = f"""
import faulthandler, os, sys
faulthandler.dump_traceback_later(120, exit=True)
sys.path.insert(0, {str(ROOT)!r})
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from workbench.ui.app import ensure_app
from workbench.ui.main_window import MainWindow
from workbench.ui.settings import Settings
from workbench.model.edits import SetSiteField
app = ensure_app()
window = MainWindow(settings=Settings(sys.argv[2]))
window.show()
assert window.open_file(sys.argv[1], ask=False)
window.document.push(SetSiteField("customer", "only in the fallback autosave"))
path = window.files.autosaver.save_now()
app.processEvents()
label = window.files.autosave_label
print("autosaved", path, label.isVisible(), window.files.autosave_dialog is not None, flush=True)
sys.stdin.readline()
"""


@pytest.fixture
def broken_autosave_folder() -> Iterator[Path]:
    """`touch $WORKBENCH_USER_DIR/autosave`: a file where the folder should be."""
    autosave_dir().parent.mkdir(parents=True, exist_ok=True)
    autosave_dir().touch()
    yield autosave_dir()
    shutil.rmtree(fallback_autosave_dir(), ignore_errors=True)


def test_failure_is_shown_and_the_design_is_recovered_from_the_temp_folder(
        broken_autosave_folder: Path, tmp_path: Path, qtbot: Any,
        click_on_exec: Callable[[str], list[str]]) -> None:
    from workbench.ui.autosave import offer_recovery

    design = tmp_path / "d.dchall.json"
    shutil.copyfile(sample_design_path(), design)
    proc = subprocess.Popen([sys.executable, "-c", EDITOR, str(design), str(tmp_path / "w.ini")],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        words = proc.stdout.readline().split()
        assert words[0] == "autosaved", words
        assert Path(words[1]).parent == fallback_autosave_dir()
        assert words[2:] == ["True", "True"]  # status bar label visible, dialog shown
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=30)
        for stream in (proc.stdin, proc.stdout):
            if stream is not None:
                stream.close()
    shown = click_on_exec("recover")
    recovered = offer_recovery(None)
    assert recovered is not None and recovered.parent == fallback_autosave_dir()
    assert "d.dchall.json" in shown[0]
    assert load_design(recovered).design.site.customer == "only in the fallback autosave"
    assert (fallback_autosave_dir().stat().st_mode & 0o777) == 0o700  # the temp folder is shared


def test_window_shows_the_problem_once_in_a_dialog_and_keeps_it_in_the_status_bar(
        broken_autosave_folder: Path, qtbot: Any, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QMessageBox

    from workbench.ui.main_window import MainWindow
    from workbench.ui.settings import Settings

    window = MainWindow(settings=Settings(tmp_path / "w.ini"))
    window.show()
    try:
        files = window.files
        window.document.push(SetSiteField("customer", "first"))
        assert files.autosaver.save_now() is not None
        dialog = files.autosave_dialog
        assert isinstance(dialog, QMessageBox)
        qtbot.waitUntil(dialog.isVisible)
        assert str(broken_autosave_folder) in dialog.text() and str(fallback_autosave_dir()) in dialog.text()
        assert files.autosave_label.isVisible() and str(fallback_autosave_dir()) in files.autosave_label.text()
        dialog.accept()
        window.document.push(SetSiteField("customer", "second"))
        assert files.autosaver.save_now() is not None
        assert files.autosave_dialog is dialog and not dialog.isVisible()  # one dialog per session
        assert files.autosave_label.isVisible()
        # Nowhere to write at all: still said, still no second dialog, the edit stays.
        shutil.rmtree(fallback_autosave_dir())
        fallback_autosave_dir().write_text("in the way too")
        window.document.push(SetSiteField("customer", "third"))
        assert files.autosaver.save_now() is None
        assert "Autosave failed" in files.autosave_label.text() and window.document.design.site.customer == "third"
        fallback_autosave_dir().unlink()
        broken_autosave_folder.unlink()
        window.document.push(SetSiteField("customer", "fourth"))
        assert files.autosaver.save_now() is not None
        assert not files.autosave_label.isVisible()  # working again
        assert AutosaveStore().entries()[0].path.parent == autosave_dir()
    finally:
        window.document.undo_stack.setClean()
        window.close()
        window.deleteLater()
