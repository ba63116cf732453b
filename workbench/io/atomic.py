"""Atomic, durable file writes: temporary file in the same folder, fsync, rename, previous kept as .bak."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


def write_atomic(path: Path, data: bytes, keep_backup: bool = True) -> None:
    """Replace path with data so a reader only ever sees the old or the new complete file."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if path.exists():
            try:
                shutil.copymode(path, tmp)
            except OSError:
                pass
            if keep_backup:
                _replace_backup(path)
        os.replace(tmp, path)
        _fsync_dir(folder)
    except BaseException:
        try:
            tmp.unlink()
        except OSError:
            pass
        raise


def _replace_backup(path: Path) -> None:
    """Keep the previous version as name.bak; a hard link costs no copy and no extra write."""
    bak = path.with_name(path.name + ".bak")
    tmp_bak = path.with_name(f".{path.name}.bak.tmp")
    try:
        if tmp_bak.exists():
            tmp_bak.unlink()
        os.link(path, tmp_bak)
    except OSError:
        shutil.copy2(path, tmp_bak)
    os.replace(tmp_bak, bak)


def _fsync_dir(folder: Path) -> None:
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
