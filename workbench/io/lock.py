"""Lock files next to an open design (`<name>.lock`: user, host, pid, time) so two editors notice each other."""

from __future__ import annotations

import contextlib
import getpass
import json
import math
import os
import socket
import sys
import time
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path
from types import TracebackType

LOCK_SUFFIX = ".lock"
# A lock older than this is stale even when its owner cannot be checked (another host). A running
# workbench refreshes its lock with DesignLock.refresh(), so a live lock never gets this old.
STALE_AFTER_HOURS = 12.0


@dataclass(frozen=True)
class LockInfo:
    user: str
    host: str
    pid: int
    time: float  # seconds since the epoch, when the lock was taken or last refreshed
    app: str = "datahall-workbench"

    @property
    def when(self) -> datetime:
        return datetime.fromtimestamp(self.time)

    def describe(self) -> str:
        return f"{self.user or 'someone'} on {self.host or 'an unknown computer'} since {self.when:%Y-%m-%d %H:%M}"


class LockedError(Exception):
    """The design is locked by another user or instance."""

    def __init__(self, path: Path, info: LockInfo) -> None:
        self.path, self.info = path, info
        super().__init__(f"{path.name} is open by {info.describe()}")


def lock_path(design_path: Path | str) -> Path:
    p = Path(design_path)
    return p.with_name(p.name + LOCK_SUFFIX)


def this_process() -> LockInfo:
    return LockInfo(user=_user(), host=socket.gethostname(), pid=os.getpid(), time=time.time())


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # getpass raises OSError or KeyError when no name is known (containers)
        return os.environ.get("USER") or os.environ.get("USERNAME") or ""


def pid_alive(pid: int) -> bool:
    """Whether a process with this id runs on this computer (never signals it)."""
    if pid <= 0:
        return False
    if sys.platform == "win32":
        return _pid_alive_windows(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, belongs to someone else
    except OSError:
        return False
    return not _is_zombie(pid)


def _is_zombie(pid: int) -> bool:
    """A killed writer whose parent has not reaped it yet still answers kill(pid, 0), but is dead."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            return fh.read().rsplit(b")", 1)[1].split()[0] == b"Z"
    except (OSError, IndexError):
        return False


def _pid_alive_windows(pid: int) -> bool:
    # os.kill(pid, 0) on Windows would terminate the process, so ask the kernel instead.
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return False
    try:
        code = ctypes.c_ulong()
        ok = kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        return bool(ok) and code.value == 259  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)


def read_lock(design_path: Path | str) -> LockInfo | None:
    """The lock on a design, or None. A damaged lock file counts as a lock of unknown owner, dated by its mtime."""
    lp = lock_path(design_path)
    try:
        raw = lp.read_bytes()[:4096]
        mtime = lp.stat().st_mtime
    except FileNotFoundError:
        return None
    except OSError:
        return None
    try:
        d = json.loads(raw.decode("utf-8"))
        taken = float(d.get("time", mtime))
        return LockInfo(user=str(d.get("user", ""))[:100], host=str(d.get("host", ""))[:255],
                        pid=int(d.get("pid", 0)), time=taken if math.isfinite(taken) else mtime)
    except (ValueError, TypeError, AttributeError, OverflowError):
        return LockInfo(user="", host="", pid=0, time=mtime)


def is_stale(info: LockInfo, max_age_hours: float = STALE_AFTER_HOURS, now: float | None = None) -> bool:
    """A lock whose owner is gone: a dead pid on this host, or older than max_age_hours."""
    age_s = (time.time() if now is None else now) - info.time
    if age_s > max_age_hours * 3600.0:
        return True
    return info.host == socket.gethostname() and not pid_alive(info.pid)


def is_mine(info: LockInfo) -> bool:
    return info.host == socket.gethostname() and info.pid == os.getpid()


class DesignLock:
    """A held lock; release() removes the lock file only while it is still ours."""

    def __init__(self, design_path: Path, info: LockInfo) -> None:
        self.design_path = design_path
        self.path = lock_path(design_path)
        self.info = info

    def refresh(self) -> None:
        """Renew the time so other computers do not take a long session's lock for stale."""
        current = read_lock(self.design_path)
        if current is None or (current.host, current.pid) == (self.info.host, self.info.pid):
            self.info = LockInfo(self.info.user, self.info.host, self.info.pid, time.time())
            with contextlib.suppress(OSError):
                _write_lock_content(self.path, self.info)

    def release(self) -> None:
        current = read_lock(self.design_path)
        if current is not None and (current.host, current.pid) == (self.info.host, self.info.pid):
            with contextlib.suppress(OSError):
                self.path.unlink()

    def __enter__(self) -> DesignLock:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.release()


def acquire(design_path: Path | str, force: bool = False, max_age_hours: float = STALE_AFTER_HOURS) -> DesignLock:
    """Take the lock; raises LockedError when someone else holds a live lock (unless force), OSError when the
    folder is not writable. A stale lock, or one this process already holds, is taken over."""
    design_path = Path(design_path)
    lp = lock_path(design_path)
    me = this_process()
    for _ in range(3):
        try:
            fd = os.open(lp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            current = read_lock(design_path)
            if current is None:
                continue  # vanished meanwhile: try again
            if not (force or is_mine(current) or is_stale(current, max_age_hours)):
                raise LockedError(design_path, current) from None
            # Re-read just before removing so we do not delete a lock someone took a moment ago.
            if read_lock(design_path) == current:
                with contextlib.suppress(FileNotFoundError):
                    lp.unlink()
            continue
        try:
            os.write(fd, _lock_bytes(me))
        finally:
            os.close(fd)
        return DesignLock(design_path, me)
    current = read_lock(design_path)
    raise LockedError(design_path, current or LockInfo("", "", 0, time.time()))


def _lock_bytes(info: LockInfo) -> bytes:
    d = asdict(info)
    d["time_iso"] = datetime.fromtimestamp(info.time, timezone.utc).isoformat(timespec="seconds")
    return json.dumps(d, ensure_ascii=False).encode("utf-8")


def _write_lock_content(path: Path, info: LockInfo) -> None:
    from workbench.io.atomic import write_atomic

    write_atomic(path, _lock_bytes(info), keep_backup=False)
