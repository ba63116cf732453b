"""Atomic, durable file writes: temporary file in the same folder, fsync, rename, previous kept as .bak."""

from __future__ import annotations

import errno
import os
import re
import shutil
import socket
import stat
import sys
import tempfile
import time
import uuid
from pathlib import Path

# Temporary names start with '.' and end with '.tmp', so neither the loader nor a file dialog lists them;
# they carry host and pid so a later save can tell a dead writer's leftovers from a live one's.
STALE_TEMP_SECONDS = 3600.0
_NAME_PART = 80  # keeps '.<name>.<host>-<pid>.<random>.tmp' under the usual 255-byte name limit


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# Read once at import: os.umask can only be read by setting it, which is not thread-safe later on.
_UMASK = _current_umask() if os.name == "posix" else 0


def host_tag() -> str:
    """This machine's name, reduced to characters that are safe in a file name."""
    return re.sub(r"[^A-Za-z0-9-]", "-", socket.gethostname())[:24] or "host"


def temp_prefix(name: str) -> str:
    return f".{name[:_NAME_PART]}.{host_tag()}-{os.getpid()}."


def write_atomic(path: Path, data: bytes, keep_backup: bool = True) -> None:
    """Replace path with data so a reader only ever sees the old or the new complete file.

    On any error (disk full, read-only folder, path is a folder) the exception propagates, naming the file
    the user asked for, and the old file, its .bak and the folder are as they were; only the temporary file
    is removed. A read-only file is refused: renaming over it would silently replace it (and its owner).
    """
    asked = Path(path)
    try:
        _write_atomic(_target_of(asked), data, keep_backup)
    except OSError as exc:
        if exc.filename:
            raise
        # os.write and friends report ENOSPC/EIO without a name: "workbench: : No space left on device".
        raise type(exc)(exc.errno, exc.strerror or str(exc), str(asked)) from exc


def _target_of(path: Path) -> Path:
    if path.is_symlink():
        try:
            return path.resolve(strict=True)  # write through the link, keep the link itself
        except FileNotFoundError:
            return path.resolve()  # a dangling link: create its target
        except (RuntimeError, OSError):  # Python 3.11 raises RuntimeError for a loop
            raise OSError(errno.ELOOP, "is a symbolic link that loops back on itself", str(path)) from None
    return path


def replace_refusal(path: Path) -> str | None:
    """Why the existing file at path must not be replaced, or None: it is read-only (for us, or by its mode,
    which even root should respect)."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    if not stat.S_ISREG(st.st_mode):
        return None
    if not st.st_mode & 0o222 or not os.access(path, os.W_OK):
        return "is read-only; it was not replaced (save under another name, or make it writable first)"
    return None


def file_owner(path: Path) -> str | None:
    """The name of the user who owns path when that is not us, else None (POSIX only)."""
    if not hasattr(os, "geteuid"):
        return None
    try:
        uid = os.stat(path).st_uid
    except OSError:
        return None
    if uid == os.geteuid():
        return None
    try:
        import pwd

        return pwd.getpwuid(uid).pw_name
    except (ImportError, KeyError):
        return f"uid {uid}"


def _write_atomic(path: Path, data: bytes, keep_backup: bool) -> None:
    if path.is_dir():
        raise IsADirectoryError(errno.EISDIR, "is a folder", str(path))
    refusal = replace_refusal(path)
    if refusal:
        raise PermissionError(errno.EACCES, refusal, str(path))
    folder = path.parent if str(path.parent) else Path(".")
    _remove_stale_temps(folder, path.name)
    fd, tmp_name = tempfile.mkstemp(prefix=temp_prefix(path.name), suffix=".tmp", dir=folder)
    tmp = Path(tmp_name)
    try:
        try:
            _write_all(fd, data)
            _fsync(fd)
        finally:
            os.close(fd)
        copy_mode(path, tmp)
        if keep_backup and path.exists():
            _replace_backup(path)
        _replace(tmp, path)
        _fsync_dir(folder)
    except BaseException:
        try:
            tmp.unlink()
        except OSError:
            pass
        raise


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        if written <= 0:  # a zero-length write would loop for ever
            raise OSError(errno.EIO, "the disk accepted no data")
        view = view[written:]


def _fsync(fd: int) -> None:
    if sys.platform == "darwin":
        import fcntl

        # On macOS fsync does not reach the platter; F_FULLFSYNC does.
        try:
            fcntl.fcntl(fd, fcntl.F_FULLFSYNC)
            return
        except OSError:
            pass
    os.fsync(fd)


def copy_mode(path: Path, tmp: Path) -> None:
    """The new file gets the old file's permissions, or the umask's default for a new file (not 0600)."""
    try:
        if path.exists():
            shutil.copymode(path, tmp)
        elif os.name == "posix":
            os.chmod(tmp, 0o666 & ~_UMASK)
    except OSError:
        pass


def _replace(src: Path, dst: Path) -> None:
    # Windows refuses to replace a file another program has open for a moment (virus scanners, indexers).
    for attempt in range(10 if os.name == "nt" else 1):
        try:
            os.replace(src, dst)
            return
        except PermissionError:
            if os.name != "nt" or attempt == 9:
                raise
            time.sleep(0.05 * (attempt + 1))


def _replace_backup(path: Path) -> None:
    """Keep the previous version as name.bak; a hard link costs no copy and no extra write."""
    bak = path.with_name(path.name + ".bak")
    tmp_bak = path.with_name(f"{temp_prefix(path.name)}{uuid.uuid4().hex[:8]}.bak.tmp")
    try:
        try:
            try:
                os.link(path, tmp_bak)
            except OSError:
                shutil.copy2(path, tmp_bak)  # file systems without hard links (FAT, some shares)
            _replace(tmp_bak, bak)
        except OSError as exc:
            # The user knows name.bak, not our temporary name: say which backup could not be written.
            raise type(exc)(exc.errno, f"cannot keep the previous version as a backup: {exc.strerror or exc}",
                            str(bak)) from exc
        # rename() between two links to one file does nothing and leaves the source: that happens when a
        # writer was killed after updating the .bak but before replacing the file, so bak and file are one.
        if tmp_bak.exists():
            tmp_bak.unlink()
    except BaseException:
        try:
            tmp_bak.unlink()
        except OSError:
            pass
        raise


def _remove_stale_temps(folder: Path, name: str) -> None:
    """Delete temporary files a killed writer left: same host and dead pid, or older than an hour."""
    from workbench.io.lock import pid_alive

    prefix = f".{name[:_NAME_PART]}."
    mine = f"{host_tag()}-"
    try:
        entries = [e for e in os.scandir(folder) if e.name.startswith(prefix) and e.name.endswith(".tmp")]
    except OSError:
        return
    now = time.time()
    for entry in entries:
        rest = entry.name[len(prefix):]
        try:
            old = now - entry.stat(follow_symlinks=False).st_mtime > STALE_TEMP_SECONDS
        except OSError:
            continue
        dead = False
        if rest.startswith(mine):
            pid_text = rest[len(mine):].split(".", 1)[0]
            dead = pid_text.isdigit() and int(pid_text) != os.getpid() and not pid_alive(int(pid_text))
        if old or dead:
            try:
                os.unlink(entry.path)
            except OSError:
                pass


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable (POSIX); a crash right after must not bring the old name back."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
