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

pytestmark = pytest.mark.needs_qt  # left out of the no-Qt run (tests/engine/test_layers.py)


def _foreign_lock(path: Path, **changes: Any) -> None:
    info = {"user": "alice", "host": "alice-laptop", "pid": 4242, "time": time.time() - 120, **changes}
    lock_path(path).write_text(json.dumps(info), "utf-8")


@pytest.mark.parametrize(("button", "choice"), [("read_only", "read-only"), ("open_anyway", "open"),
                                                 ("cancel", "cancel")])
def test_locked_by_someone_else_asks(button: str, choice: str, golden_copy: Path, qtbot: Any,
                                     click_on_exec: Callable[[str], list[str]]) -> None:
    from workbench.ui.lock_prompt import check_lock_before_open

    _foreign_lock(golden_copy)
    shown = click_on_exec(button)
    assert check_lock_before_open(None, golden_copy) == choice
    assert "golden.dchall.json" in shown[0] and "alice" in shown[0] and "alice-laptop" in shown[0]


def test_free_own_and_stale_locks_open_without_asking(golden_copy: Path, qtbot: Any, dead_pid: int,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from workbench.ui.lock_prompt import check_lock_before_open

    def must_not_show(box: QMessageBox) -> int:
        raise AssertionError("no lock warning expected")

    monkeypatch.setattr(QMessageBox, "exec", must_not_show)
    assert check_lock_before_open(None, golden_copy) == "open"
    lock = acquire(golden_copy)
    assert check_lock_before_open(None, golden_copy) == "open"  # this instance's own lock
    lock.release()
    _foreign_lock(golden_copy, host=socket.gethostname(), pid=dead_pid)  # crashed instance on this computer
    assert check_lock_before_open(None, golden_copy) == "open"
    _foreign_lock(golden_copy, time=time.time() - 48 * 3600)  # abandoned on another computer
    assert check_lock_before_open(None, golden_copy) == "open"
