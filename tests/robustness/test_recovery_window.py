"""Recovery through the real window after a real `kill -9`: the recovered design goes back to its own file,
never to a different file that has the same relative name in today's folder."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.robustness.conftest import ROOT
from workbench.io import load_design
from workbench.io.autosave_store import AutosaveStore
from workbench.io.lock import lock_path, read_lock
from workbench.paths import sample_design_path

pytestmark = pytest.mark.needs_qt

# The real window in its own process: opens the file by its relative name (as `cd a; workbench g.dchall.json`
# does), makes an edit, lets the autosave write it, says so, then waits to be killed.
EDITOR = f"""
import faulthandler, os, sys
faulthandler.dump_traceback_later(120, exit=True)  # a dialog nobody answers must not hang the suite
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
window.document.push(SetSiteField("customer", "edited in a, then killed"))
path = window.files.autosaver.save_now()
print("autosaved", path, flush=True)
sys.stdin.readline()
"""


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "a", tmp_path / "b"
    for folder, name in ((a, "the design in a"), (b, "another design in b")):
        folder.mkdir()
        doc = json.loads(sample_design_path().read_text("utf-8"))
        doc["site"]["name"] = name
        (folder / "g.dchall.json").write_text(json.dumps(doc), "utf-8")
    return a, b


def _edit_and_kill(folder: Path, tmp_path: Path) -> None:
    proc = subprocess.Popen([sys.executable, "-c", EDITOR, "g.dchall.json", str(tmp_path / "editor.ini")],
                            cwd=folder, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line.startswith("autosaved /"), line
        assert read_lock(folder / "g.dchall.json") is not None  # the editor holds the file
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=30)
        for stream in (proc.stdin, proc.stdout):
            if stream is not None:
                stream.close()


@pytest.fixture
def recovered_window(qtbot: Any, tmp_path: Path, folders: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch,
                     click_on_exec: Callable[[str], list[str]]) -> Iterator[Any]:
    """Step 1 in a, killed; then the window started in b, Recover chosen, as run_app does it."""
    from workbench.ui.autosave import offer_recovery
    from workbench.ui.main_window import MainWindow
    from workbench.ui.settings import Settings

    from PySide6.QtWidgets import QMessageBox

    # A static question (unsaved changes) blocks in C++ where no test can answer it: fail instead.
    def no_static_dialog(*args: object, **kwargs: object) -> object:
        raise AssertionError(f"unexpected dialog: {args[1:3]}")

    for name in ("question", "critical", "warning", "information"):
        monkeypatch.setattr(QMessageBox, name, no_static_dialog)
    a, b = folders
    _edit_and_kill(a, tmp_path)
    monkeypatch.chdir(b)
    # Not qtbot.addWidget: pytest-qt closes those before this fixture can mark the design clean.
    window = MainWindow(settings=Settings(tmp_path / "window.ini"))
    shown = click_on_exec("recover")
    recovered = offer_recovery(window)
    assert recovered is not None and str(a / "g.dchall.json") in shown[0]
    window.open_recovered(recovered)
    assert window.document.design.site.customer == "edited in a, then killed"
    yield window
    window.document.undo_stack.setClean()
    window.close()
    window.deleteLater()


def test_recovered_design_saves_to_its_own_file_not_the_one_in_todays_folder(
        recovered_window: Any, folders: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    a, b = folders
    before_b = (b / "g.dchall.json").read_bytes()
    assert recovered_window.document.path == a / "g.dchall.json"  # absolute, not "g.dchall.json"
    assert read_lock(a / "g.dchall.json").pid == os.getpid()  # recovery took over the dead editor's lock

    def no_question(box: QMessageBox) -> int:
        raise AssertionError(f"unexpected question: {box.text()}")

    monkeypatch.setattr(QMessageBox, "exec", no_question)
    assert recovered_window.file_commands.save()  # Ctrl+S
    assert (b / "g.dchall.json").read_bytes() == before_b
    saved = load_design(a / "g.dchall.json").design
    assert saved.site.customer == "edited in a, then killed" and saved.site.name == "the design in a"


@pytest.mark.parametrize("answer", ["cancel", "save_as"])
def test_a_changed_source_is_not_replaced_without_asking(
        answer: str, recovered_window: Any, folders: tuple[Path, Path], tmp_path: Path,
        click_on_exec: Callable[[str], list[str]], monkeypatch: pytest.MonkeyPatch) -> None:
    a, _b = folders
    source = a / "g.dchall.json"
    doc = json.loads(source.read_text("utf-8"))
    doc["site"]["name"] = "someone rewrote a after the crash"
    source.write_text(json.dumps(doc), "utf-8")
    changed = source.read_bytes()
    shown = click_on_exec(answer)
    other = tmp_path / "copy.dchall.json"
    monkeypatch.setattr("workbench.ui.file_commands.ask_save_path", lambda *_a: str(other))
    saved = recovered_window.file_commands.save()
    assert "not the file this recovered design came from" in shown[-1] and str(source) in shown[-1]
    assert source.read_bytes() == changed
    if answer == "save_as":
        assert saved and load_design(other).design.site.customer == "edited in a, then killed"
        assert recovered_window.document.path == other
    else:
        assert not saved and recovered_window.document.dirty


def test_replace_after_asking_writes_the_source(recovered_window: Any, folders: tuple[Path, Path],
                                                click_on_exec: Callable[[str], list[str]]) -> None:
    a, _b = folders
    source = a / "g.dchall.json"
    source.write_text(source.read_text("utf-8").replace("the design in a", "changed"), "utf-8")
    click_on_exec("replace")
    assert recovered_window.file_commands.save()
    assert load_design(source).design.site.customer == "edited in a, then killed"


def test_an_old_autosave_with_a_relative_source_asks_for_a_name(qtbot: Any, tmp_path: Path,
                                                                folders: tuple[Path, Path],
                                                                monkeypatch: pytest.MonkeyPatch,
                                                                click_on_exec: Callable[[str], list[str]]) -> None:
    """Autosaves written before this fix hold "g.dchall.json": which folder was meant is unknown."""
    from workbench.ui.autosave import offer_recovery
    from workbench.ui.main_window import MainWindow
    from workbench.ui.settings import Settings

    a, b = folders
    _edit_and_kill(a, tmp_path)
    (entry,) = AutosaveStore().orphans()
    info = json.loads(entry.info_path.read_text("utf-8"))
    entry.info_path.write_text(json.dumps({**info, "source": "g.dchall.json"}), "utf-8")
    monkeypatch.chdir(b)
    window = MainWindow(settings=Settings(tmp_path / "window.ini"))
    try:
        click_on_exec("recover")
        window.open_recovered(offer_recovery(window))
        assert window.document.path is None and window.document.dirty
        before_b = (b / "g.dchall.json").read_bytes()
        monkeypatch.setattr("workbench.ui.file_commands.ask_save_path", lambda *_a: "")  # the user cancels
        assert not window.file_commands.save()
        assert (b / "g.dchall.json").read_bytes() == before_b
    finally:
        window.document.undo_stack.setClean()
        window.close()
        window.deleteLater()
    assert not lock_path(b / "g.dchall.json").exists()
