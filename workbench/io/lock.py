"""Lock files next to an open design (`<name>.lock`: user, host, pid, time) so two editors notice each other."""

from __future__ import annotations

import contextlib
import errno
import getpass
import hashlib
import json
import math
import os
import socket
import stat
import sys
import time
import uuid
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path
from types import TracebackType

LOCK_SUFFIX = ".lock"
# A lock older than this is stale even when its owner cannot be checked (another host). A running
# workbench refreshes its lock with DesignLock.refresh(), so a live lock never gets this old.
STALE_AFTER_HOURS = 12.0
# How long racers wait for a take-over in progress; a take-over marker older than this belongs to a dead taker.
TAKEOVER_WAIT_S = 5.0


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


class LockPathError(OSError):
    """Something other than a lock file (a folder, a pipe) sits where the design's lock file belongs."""


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
    """The lock on a design, or None. A damaged lock file counts as a lock of unknown owner, dated by its mtime;
    so does something that is not a file at all (a folder), which is never opened."""
    lp = lock_path(design_path)
    try:
        st = os.lstat(lp)
    except OSError:
        return None
    if stat.S_ISDIR(st.st_mode) or not (stat.S_ISREG(st.st_mode) or stat.S_ISLNK(st.st_mode)):
        return LockInfo(user="", host="", pid=0, time=st.st_mtime)
    seen = _read_raw(lp)
    return None if seen is None else _parse_lock(*seen)


def _read_raw(lp: Path) -> tuple[bytes, float] | None:
    """The lock file's first 4 KiB and its mtime, or None when it is gone (or unreadable)."""
    try:
        with open(lp, "rb") as fh:
            return fh.read(4096), os.fstat(fh.fileno()).st_mtime
    except OSError:
        return None


def _parse_lock(raw: bytes, mtime: float) -> LockInfo:
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
    """Take the lock; raises LockedError when someone else holds a live lock (unless force), LockPathError
    when something other than a lock file sits where the lock belongs, OSError when the folder is not
    writable. A stale lock, or one this process already holds, is taken over.

    Both steps are atomic, so of several processes racing for one file exactly one wins: the lock file
    appears with its content in one step (hard link of a finished temp file, which fails when the name
    exists), and a stale lock is removed only by the one process that creates the take-over marker
    named after that lock's exact bytes, after re-reading it.
    """
    design_path = Path(design_path)
    lp = lock_path(design_path)
    me = this_process()
    data = _lock_bytes(me)
    deadline = time.monotonic() + TAKEOVER_WAIT_S
    while True:
        _check_lock_place(lp)
        if _create_exclusive(lp, data):
            return DesignLock(design_path, me)
        seen = _read_raw(lp)
        if seen is not None:
            current = _parse_lock(seen[0], seen[1])
            if not (force or is_mine(current) or is_stale(current, max_age_hours)):
                raise LockedError(design_path, current)
            if _take_over(lp, seen[0]):
                continue  # the old lock is gone: try to create ours (a newcomer may still beat us)
        if time.monotonic() > deadline:
            raise LockedError(design_path, read_lock(design_path) or LockInfo("", "", 0, time.time()))
        time.sleep(0.002)  # another process is taking it over or has just released it: look again


def _check_lock_place(lp: Path) -> None:
    """A folder (or a pipe, a device) where the lock file belongs: say so rather than loop or hang on it."""
    try:
        st = os.lstat(lp)
    except OSError:
        return
    if stat.S_ISDIR(st.st_mode):
        raise LockPathError(errno.EISDIR, "is a folder where the design's lock file belongs", str(lp))
    if not (stat.S_ISREG(st.st_mode) or stat.S_ISLNK(st.st_mode)):
        raise LockPathError(errno.EINVAL, "is not a regular file, yet sits where the design's lock file belongs",
                            str(lp))


def lock_place_problem(design_path: Path | str) -> LockPathError | None:
    """The LockPathError acquire() would raise for this design, or None."""
    try:
        _check_lock_place(lock_path(design_path))
    except LockPathError as exc:
        return exc
    return None


def _create_exclusive(lp: Path, data: bytes) -> bool:
    """Create lp holding data in one atomic step; False when lp exists already."""
    from workbench.io.atomic import temp_prefix

    tmp = lp.with_name(f"{temp_prefix(lp.name)}{uuid.uuid4().hex[:8]}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    try:
        try:
            os.write(fd, data)
        finally:
            os.close(fd)
        try:
            os.link(tmp, lp)
            return True
        except FileExistsError:
            return False
        except OSError:
            pass  # no hard links here (FAT, some shares): exclusive create, then write
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
    try:
        fd = os.open(lp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        return False
    try:
        os.write(fd, data)
    finally:
        os.close(fd)
    return True


def _take_over(lp: Path, seen: bytes) -> bool:
    """Remove the lock file if it still holds exactly `seen`; True when this process removed it.

    Only the process that creates the marker named after these bytes may remove them, so two processes
    judging one stale lock cannot both remove it (one might otherwise delete the other's fresh lock).
    A marker whose taker died is passed over after TAKEOVER_WAIT_S for the next generation's marker.
    """
    from workbench.io.atomic import temp_prefix

    digest = hashlib.sha256(seen).hexdigest()[:16]
    marker: Path | None = None
    for generation in range(100):
        candidate = lp.with_name(f".{lp.name}.takeover-{digest}.{generation}")
        try:
            os.close(os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))
            marker = candidate
            break
        except FileExistsError:
            try:
                age = time.time() - os.stat(candidate).st_mtime
            except OSError:
                return False  # its taker just finished
            if age < TAKEOVER_WAIT_S:
                return False  # someone else is taking this lock over right now
    if marker is None:
        return False
    try:
        now = _read_raw(lp)
        if now is None or now[0] != seen:
            return False  # taken or refreshed meanwhile: not the lock we judged
        claim = lp.with_name(f"{temp_prefix(lp.name)}{uuid.uuid4().hex[:8]}.claim.tmp")
        try:
            os.rename(lp, claim)
        except FileNotFoundError:
            return False
        try:
            if claim.read_bytes() == seen:
                return True
            with contextlib.suppress(FileExistsError):
                os.link(claim, lp)  # its owner refreshed it in the last instant: put it back
            return False
        finally:
            with contextlib.suppress(OSError):
                os.unlink(claim)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(marker)


def _lock_bytes(info: LockInfo) -> bytes:
    d = asdict(info)
    d["time_iso"] = datetime.fromtimestamp(info.time, timezone.utc).isoformat(timespec="seconds")
    return json.dumps(d, ensure_ascii=False).encode("utf-8")


def _write_lock_content(path: Path, info: LockInfo) -> None:
    from workbench.io.atomic import write_atomic

    write_atomic(path, _lock_bytes(info), keep_backup=False)
