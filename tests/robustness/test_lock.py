"""Lock files: a second editor is detected, stale locks (dead pid, too old) are taken over, release is safe."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.robustness.conftest import ROOT
from workbench.io.lock import (
    LockedError,
    LockInfo,
    acquire,
    is_stale,
    lock_path,
    pid_alive,
    read_lock,
)

HOLDER = f"""
import sys
sys.path.insert(0, {str(ROOT)!r})
from workbench.io.lock import acquire
lock = acquire(sys.argv[1])
print("locked", flush=True)
sys.stdin.readline()
lock.release()
print("released", flush=True)
"""


@pytest.fixture
def holder(golden_copy: Path) -> Iterator[subprocess.Popen[str]]:
    """Another workbench process holding the lock on golden_copy."""
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(golden_copy)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
    yield proc
    if proc.poll() is None:
        proc.kill()
    proc.wait()
    for stream in (proc.stdin, proc.stdout):
        if stream is not None:
            stream.close()


def test_lock_file_says_who_where_and_when(golden_copy: Path) -> None:
    lock = acquire(golden_copy)
    path = lock_path(golden_copy)
    assert path.name == "golden.dchall.json.lock"
    content = json.loads(path.read_text("utf-8"))
    assert content["host"] == socket.gethostname() and content["pid"] == os.getpid()
    assert {"user", "time", "time_iso"} <= set(content)
    assert abs(content["time"] - time.time()) < 60
    lock.release()
    assert not path.exists()


def test_second_acquisition_by_another_process_is_refused(golden_copy: Path, holder: subprocess.Popen[str]) -> None:
    with pytest.raises(LockedError) as info:
        acquire(golden_copy)
    assert info.value.info.pid == holder.pid
    assert "golden.dchall.json is open by" in str(info.value)
    assert holder.stdin is not None and holder.stdout is not None
    holder.stdin.write("\n")
    holder.stdin.flush()
    assert holder.stdout.readline().strip() == "released"
    acquire(golden_copy).release()  # free again


def test_lock_of_a_killed_process_is_stale_and_taken_over(golden_copy: Path, holder: subprocess.Popen[str]) -> None:
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    info = read_lock(golden_copy)
    assert info is not None and info.pid == holder.pid and not pid_alive(holder.pid)
    assert is_stale(info)
    lock = acquire(golden_copy)
    assert read_lock(golden_copy) == lock.info
    lock.release()


def test_lock_from_another_computer_is_stale_only_when_old(golden_copy: Path) -> None:
    path = lock_path(golden_copy)
    fresh = {"user": "alice", "host": "other-pc", "pid": 1, "time": time.time() - 60}
    path.write_text(json.dumps(fresh), "utf-8")
    with pytest.raises(LockedError) as info:
        acquire(golden_copy)
    assert info.value.info.user == "alice" and "alice on other-pc" in info.value.info.describe()
    path.write_text(json.dumps({**fresh, "time": time.time() - 13 * 3600}), "utf-8")
    lock = acquire(golden_copy)
    assert read_lock(golden_copy) == lock.info
    lock.release()


def test_force_takes_a_live_lock_and_release_leaves_foreign_locks(golden_copy: Path) -> None:
    path = lock_path(golden_copy)
    foreign = {"user": "bob", "host": "other-pc", "pid": 7, "time": time.time()}
    path.write_text(json.dumps(foreign), "utf-8")
    lock = acquire(golden_copy, force=True)
    path.write_text(json.dumps(foreign), "utf-8")  # bob took it back meanwhile
    lock.release()
    assert path.exists() and read_lock(golden_copy) == LockInfo("bob", "other-pc", 7, foreign["time"])


def test_damaged_lock_file_counts_as_a_fresh_lock_of_unknown_owner(golden_copy: Path) -> None:
    lock_path(golden_copy).write_bytes(b"\x00\xffnot json")
    info = read_lock(golden_copy)
    assert info is not None and info.user == "" and not is_stale(info)
    with pytest.raises(LockedError):
        acquire(golden_copy)
    old = time.time() - 13 * 3600
    os.utime(lock_path(golden_copy), (old, old))
    acquire(golden_copy).release()


def test_refresh_renews_the_time(golden_copy: Path) -> None:
    lock = acquire(golden_copy)
    lock.info = LockInfo(lock.info.user, lock.info.host, lock.info.pid, time.time() - 3600)
    lock.refresh()
    info = read_lock(golden_copy)
    assert info is not None and time.time() - info.time < 60
    lock.release()


def test_same_process_may_lock_again_and_folder_errors_propagate(golden_copy: Path, tmp_path: Path) -> None:
    first = acquire(golden_copy)
    second = acquire(golden_copy)  # reopening in the same instance is not a conflict
    assert second.info.pid == first.info.pid
    second.release()
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(OSError):
        acquire(blocker / "x.dchall.json")


def test_a_folder_or_pipe_where_the_lock_belongs_is_named_not_looped_on(golden_copy: Path) -> None:
    from workbench.io.lock import LockPathError, lock_place_problem

    lock_path(golden_copy).mkdir()
    with pytest.raises(LockPathError) as caught:
        acquire(golden_copy)
    assert caught.value.filename == str(lock_path(golden_copy)) and "folder" in str(caught.value)
    assert lock_place_problem(golden_copy) is not None
    info = read_lock(golden_copy)  # counts as a lock of unknown owner, never as "free"
    assert info is not None and info.pid == 0
    lock_path(golden_copy).rmdir()
    os.mkfifo(lock_path(golden_copy))  # opening a pipe would block for ever
    started = time.monotonic()
    with pytest.raises(LockPathError):
        acquire(golden_copy)
    assert read_lock(golden_copy) is not None and time.monotonic() - started < 5


def test_taking_a_lock_leaves_no_temporary_files(golden_copy: Path, dead_pid: int) -> None:
    lock_path(golden_copy).write_text(json.dumps({"host": socket.gethostname(), "pid": dead_pid, "time": 1.0}))
    acquire(golden_copy).release()
    assert sorted(p.name for p in golden_copy.parent.iterdir()) == [golden_copy.name]
