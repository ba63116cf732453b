"""Opening a design another user holds warns and offers read-only; free or stale locks open silently."""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from workbench.io.lock import acquire, lock_path

pytestmark = pytest.mark.needs_qt  # left out of the no-Qt run (tests/test_layers.py)


def _foreign_lock(path: Path, **changes: Any) -> None:
    info = {"user": "alice", "host": "alice-laptop", "pid": 4242, "time": time.time() - 120, **changes}
    lock_path(path).write_text(json.dumps(info), "utf-8")


@pytest.mark.parametrize(("button", "choice"), [("read_only", "read-only"), ("open_anyway", "open"),
                                                 ("cancel", "cancel")])
def test_locked_by_someone_else_asks(button: str, choice: str, golden_copy: Path, qtbot: Any,
                                     click_on_exec: Callable[[str], list[str]]) -> None:
    from workbench.ui.dialogs.lock_prompt import lock_for_open

    _foreign_lock(golden_copy)
    shown = click_on_exec(button)
    got, lock = lock_for_open(None, golden_copy)
    assert got == choice and (lock is not None) == (choice == "open")
    if lock is not None:
        lock.release()
    assert "golden.dchall.json" in shown[0] and "alice" in shown[0] and "alice-laptop" in shown[0]


def test_free_own_and_stale_locks_open_without_asking(golden_copy: Path, qtbot: Any, dead_pid: int,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from workbench.ui.dialogs.lock_prompt import lock_for_open

    def check_lock_before_open(parent: None, path: Path) -> str:
        choice, lock = lock_for_open(parent, path)
        assert lock is not None  # free, own or stale: the lock is taken before the file is read
        return choice

    def must_not_show(box: QMessageBox) -> int:
        raise AssertionError("no lock warning expected")

    monkeypatch.setattr(QMessageBox, "exec", must_not_show)
    assert check_lock_before_open(None, golden_copy) == "open"
    lock_path(golden_copy).unlink()
    lock = acquire(golden_copy)
    assert check_lock_before_open(None, golden_copy) == "open"  # this instance's own lock
    lock.release()
    _foreign_lock(golden_copy, host=socket.gethostname(), pid=dead_pid)  # crashed instance on this computer
    assert check_lock_before_open(None, golden_copy) == "open"
    _foreign_lock(golden_copy, time=time.time() - 48 * 3600)  # abandoned on another computer
    assert check_lock_before_open(None, golden_copy) == "open"


def test_a_folder_where_the_lock_belongs_offers_read_only(golden_copy: Path, qtbot: Any,
                                                         click_on_exec: Callable[[str], list[str]]) -> None:
    from workbench.ui.dialogs.lock_prompt import lock_for_open

    lock_path(golden_copy).mkdir()  # mkdir X.dchall.json.lock
    shown = click_on_exec("read_only")
    assert lock_for_open(None, golden_copy) == ("read-only", None)
    assert "golden.dchall.json" in shown[0] and str(lock_path(golden_copy)) in shown[0] and "folder" in shown[0]
    assert "Unexpected" not in shown[0]
