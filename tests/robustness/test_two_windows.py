"""Two real windows opening one design at the same moment: one edits, the other is warned and opens it read-only.
And a folder where the lock file belongs gets a clear message and a read-only offer, not an unexpected error."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.robustness.conftest import ROOT
from workbench.io.lock import lock_path
from workbench.paths import sample_design_path

pytestmark = pytest.mark.needs_qt

ROUNDS = 3

WINDOW = f"""
import faulthandler, os, sys, time
faulthandler.dump_traceback_later(120, exit=True)
sys.path.insert(0, {str(ROOT)!r})
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtWidgets import QAbstractButton, QMessageBox
asked = []
def answer(box):
    asked.append(box.text())
    box.findChild(QAbstractButton, "read_only").click()
    return 0
QMessageBox.exec = answer
from workbench.ui.app import ensure_app
from workbench.ui.main_window import MainWindow
from workbench.ui.settings import Settings
app = ensure_app()
window = MainWindow(settings=Settings(sys.argv[3]))
print("ready", flush=True)
while not os.path.exists(sys.argv[2]):  # both windows start opening at the same instant
    time.sleep(0.0005)
opened = window.open_file(sys.argv[1], ask=False)
print("read-only" if window.document.read_only else "editable", opened, len(asked), flush=True)
sys.stdin.readline()
window.files.close()
"""


def _start(design: Path, go: Path, ini: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", WINDOW, str(design), str(go), str(ini)],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)


def test_two_windows_opening_one_file_at_once_never_both_edit(tmp_path: Path) -> None:
    design = tmp_path / "L.dchall.json"
    shutil.copyfile(sample_design_path(), design)
    for round_ in range(ROUNDS):
        go = tmp_path / f"go{round_}"
        procs = [_start(design, go, tmp_path / f"w{round_}-{i}.ini") for i in range(2)]
        try:
            for p in procs:
                assert p.stdout is not None and p.stdout.readline().strip() == "ready"
            go.touch()
            answers = [p.stdout.readline().split() for p in procs if p.stdout is not None]
            modes = sorted(a[0] for a in answers)
            assert modes == ["editable", "read-only"], f"round {round_}: {answers}"
            assert all(a[1] == "True" for a in answers)
            asked = {a[0]: int(a[2]) for a in answers}
            assert asked == {"editable": 0, "read-only": 1}  # the second one was warned, the first was not
        finally:
            for p in procs:
                if p.poll() is None and p.stdin is not None:
                    p.stdin.write("\n")
                    p.stdin.flush()
            for p in procs:
                p.wait(timeout=60)
                for stream in (p.stdin, p.stdout):
                    if stream is not None:
                        stream.close()
        assert not lock_path(design).exists()  # both closed normally: the editor released its lock


def test_a_folder_in_place_of_the_lock_offers_read_only_in_the_window(
        qtbot: Any, tmp_path: Path, click_on_exec: Callable[[str], list[str]]) -> None:
    from workbench.ui.main_window import MainWindow
    from workbench.ui.settings import Settings

    design = tmp_path / "X.dchall.json"
    shutil.copyfile(sample_design_path(), design)
    lock_path(design).mkdir()
    window = MainWindow(settings=Settings(tmp_path / "w.ini"))
    try:
        shown = click_on_exec("read_only")
        started = time.monotonic()
        assert window.open_file(design, ask=False)
        assert time.monotonic() - started < 30
        assert window.document.read_only and window.document.path == design
        assert "X.dchall.json" in shown[0] and "folder" in shown[0] and str(lock_path(design)) in shown[0]
        assert lock_path(design).is_dir() and os.listdir(lock_path(design)) == []
    finally:
        window.close()
        window.deleteLater()
