"""Where autosaves live (user_data_dir()/autosave), written atomically, listed newest first, cleaned up.

Each running workbench is a session (host, pid, start time); its autosaves are named
`<session>__<slot>.dchall.json` with a small `<session>__<slot>.info.json` beside them (original file,
title, time). Autosaves of a session whose process is gone are orphans: what a crash left behind.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import os
import stat
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from workbench.io.atomic import host_tag, write_atomic
from workbench.io.lock import STALE_AFTER_HOURS, pid_alive
from workbench.io.project import FILE_SUFFIX, dumps
from workbench.model.design import Design
from workbench.paths import user_data_dir

INFO_SUFFIX = ".info.json"
_SEP = "__"
_START = time.time()
_counter = 0


def autosave_dir() -> Path:
    return user_data_dir() / "autosave"


def fallback_autosave_dir() -> Path:
    """Where autosaves go when the usual folder cannot be written: the temp folder, one folder per user and
    per user-data folder (so two profiles, or two test runs, never see each other's autosaves)."""
    uid = os.getuid() if hasattr(os, "getuid") else 0
    tag = hashlib.sha256(str(user_data_dir()).encode("utf-8", "replace")).hexdigest()[:10]
    return Path(tempfile.gettempdir()) / f"datahall-workbench-autosave-{uid}-{tag}"


def absolute_source(source: Path | str) -> str:
    """The design's file as a resolved absolute path: a relative one would name another file after a `cd`."""
    p = Path(source).expanduser()
    try:
        return str(p.resolve())
    except (OSError, RuntimeError):  # a symlink loop: the absolute path is still better than a relative one
        return os.path.abspath(p)


_digest_cache: dict[str, tuple[tuple[int, int, int, int], str]] = {}


def file_checksum(path: Path | str) -> str:
    """SHA-256 of a file's bytes ("" when it is missing or unreadable); cached by inode, size and mtime."""
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode):
            return ""
        key = (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)
        cached = _digest_cache.get(str(path))
        if cached is not None and cached[0] == key:
            return cached[1]
        h = hashlib.sha256()
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
    except OSError:
        return ""
    digest = h.hexdigest()
    _digest_cache[str(path)] = (key, digest)
    return digest


def session_id() -> str:
    """This process's session: host, pid and start time, so a restarted pid is not mistaken for us."""
    return f"{host_tag()}-{os.getpid()}-{int(_START * 1000)}"


def new_slot(kind: str = "doc") -> str:
    """A slot name unique within this session (one per open document)."""
    global _counter
    _counter += 1
    return f"{kind}{_counter}"


@dataclass(frozen=True)
class AutosaveEntry:
    path: Path
    saved_at: datetime
    source: str  # the design's own file (absolute), "" for a design never saved
    title: str
    session: str
    slot: str
    host: str
    pid: int
    source_sha256: str = ""  # the source file's checksum when the autosave was written; "" when it had none

    @property
    def source_path(self) -> Path | None:
        """The design's own file, or None when unknown or relative (an old autosave: which folder was meant?)."""
        return Path(self.source) if self.source and Path(self.source).is_absolute() else None

    @property
    def info_path(self) -> Path:
        return self.path.with_name(self.path.name[: -len(FILE_SUFFIX)] + INFO_SUFFIX)


class AutosaveStore:
    """Autosave files of one session in one folder; no Qt, so the CLI and tests use it directly."""

    def __init__(self, folder: Path | None = None, session: str | None = None,
                 fallback: Path | None = None) -> None:
        self.folder = Path(folder) if folder is not None else autosave_dir()
        # The default store keeps trying in the temp folder when its own folder cannot be written.
        self.fallback = fallback if fallback is not None else (fallback_autosave_dir() if folder is None else None)
        self.session = session or session_id()
        self.primary_error: OSError | None = None  # why the last write could not use self.folder

    def path_for(self, slot: str, session: str | None = None, folder: Path | None = None) -> Path:
        return (folder or self.folder) / f"{session or self.session}{_SEP}{slot}{FILE_SUFFIX}"

    def write(self, design: Design, slot: str, source: Path | str | None = None) -> Path:
        """Write the design atomically (no .bak: the previous autosave is worth nothing); raises OSError/ValueError.

        When the usual folder fails, the autosave goes to the fallback folder and primary_error says why.
        """
        data = dumps(design)
        info = {"source": absolute_source(source) if source else "", "title": design.site.name[:200],
                "saved_at": time.time(), "pid": os.getpid(),
                "source_sha256": file_checksum(source) if source else ""}
        blob = json.dumps(info, ensure_ascii=False).encode("utf-8", errors="replace")
        try:
            target = self._write_in(self.folder, slot, data, blob)
            self.primary_error = None
        except OSError as exc:
            if self.fallback is None:
                raise
            self.primary_error = exc
            target = self._write_in(_private_folder(self.fallback), slot, data, blob)
        # Only one copy per slot: an older one in the other folder would be offered as a second "crash".
        for folder in self._folders():
            if folder != target.parent:
                self._remove_files(self.path_for(slot, folder=folder))
        return target

    def _write_in(self, folder: Path, slot: str, data: bytes, info: bytes) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        target = self.path_for(slot, folder=folder)
        write_atomic(target.with_name(target.name[: -len(FILE_SUFFIX)] + INFO_SUFFIX), info, keep_backup=False)
        write_atomic(target, data, keep_backup=False)
        return target

    def _folders(self) -> list[Path]:
        return [self.folder] + ([self.fallback] if self.fallback is not None else [])

    def remove(self, slot: str) -> None:
        for folder in self._folders():
            self._remove_files(self.path_for(slot, folder=folder))

    def entries(self) -> list[AutosaveEntry]:
        """Every autosave in the folder and the fallback folder, newest first."""
        found = []
        for folder in self._folders():
            try:
                names = [e.name for e in os.scandir(folder) if e.is_file()]
            except OSError:
                continue
            if folder == self.fallback and not _is_private(folder):
                continue  # someone else's folder of that name in a shared /tmp: never open what it holds
            for name in names:
                if name.startswith(".") or not name.endswith(FILE_SUFFIX) or _SEP not in name:
                    continue
                entry = self.entry(folder / name)
                if entry is not None:
                    found.append(entry)
        return sorted(found, key=lambda e: e.saved_at, reverse=True)

    def orphans(self, stale_hours: float = STALE_AFTER_HOURS) -> list[AutosaveEntry]:
        """Autosaves of sessions that ended without a normal close, newest first."""
        here = host_tag()
        out = []
        for e in self.entries():
            if e.session == self.session:
                continue
            if e.host == here:
                if not pid_alive(e.pid):
                    out.append(e)
            elif (datetime.now() - e.saved_at).total_seconds() > stale_hours * 3600.0:
                out.append(e)  # another computer (roaming profile): only when clearly abandoned
        return out

    def claim(self, entry: AutosaveEntry) -> Path:
        """Move an orphan into this session (atomic renames), so it is cleaned up or offered again like our own."""
        target = self.path_for(new_slot("recovered"), folder=entry.path.parent)
        info_target = target.with_name(target.name[: -len(FILE_SUFFIX)] + INFO_SUFFIX)
        with contextlib.suppress(FileNotFoundError):
            os.replace(entry.info_path, info_target)
        os.replace(entry.path, target)
        return target

    def discard(self, entry: AutosaveEntry) -> None:
        self._remove_files(entry.path)

    def cleanup(self, slots: list[str] | None = None) -> None:
        """Remove this session's autosaves (all, or only the given slots) after a normal close."""
        for e in self.entries():
            if e.session == self.session and (slots is None or e.slot in slots):
                self._remove_files(e.path)

    def prune(self, max_age_days: float = 30.0) -> int:
        """Remove orphans older than max_age_days; returns how many went."""
        limit = time.time() - max_age_days * 86400.0
        gone = 0
        for e in self.orphans():
            if e.saved_at.timestamp() < limit:
                self._remove_files(e.path)
                gone += 1
        return gone

    def _remove_files(self, path: Path) -> None:
        for p in (path, path.with_name(path.name[: -len(FILE_SUFFIX)] + INFO_SUFFIX)):
            with contextlib.suppress(FileNotFoundError, OSError):
                p.unlink()

    def entry(self, path: Path) -> AutosaveEntry | None:
        """The entry for one autosave file (None when its name is not an autosave name)."""
        stem = path.name[: -len(FILE_SUFFIX)]
        session, _, slot = stem.rpartition(_SEP)
        parts = session.rsplit("-", 2)
        if len(parts) != 3 or not parts[1].isdigit():
            return None
        host, pid = parts[0], int(parts[1])
        try:
            mtime = path.stat().st_mtime
        except OSError:
            return None
        info: dict[str, object] = {}
        with contextlib.suppress(OSError, ValueError):
            loaded = json.loads(path.with_name(stem + INFO_SUFFIX).read_text("utf-8"))
            if isinstance(loaded, dict):
                info = loaded
        saved = info.get("saved_at")
        stamp = float(saved) if isinstance(saved, (int, float)) and math.isfinite(saved) else mtime
        with contextlib.suppress(OverflowError, OSError, ValueError):
            return AutosaveEntry(path=path, saved_at=datetime.fromtimestamp(stamp), source=str(info.get("source", "")),
                                 title=str(info.get("title", "")), session=session, slot=slot, host=host, pid=pid,
                                 source_sha256=str(info.get("source_sha256", ""))[:64])
        return AutosaveEntry(path=path, saved_at=datetime.fromtimestamp(mtime), source="", title="",
                             session=session, slot=slot, host=host, pid=pid)


def _private_folder(folder: Path) -> Path:
    """Create the fallback folder for this user only (0700) and refuse one that someone else planted."""
    with contextlib.suppress(FileExistsError):
        folder.mkdir(mode=0o700, parents=False)
    if not _is_private(folder):
        raise PermissionError(f"{folder} is not a private folder of this user; not writing autosaves there")
    return folder


def _is_private(folder: Path) -> bool:
    try:
        st = os.lstat(folder)
    except OSError:
        return False
    own = not hasattr(os, "getuid") or st.st_uid == os.getuid()
    return stat.S_ISDIR(st.st_mode) and own and (os.name != "posix" or not st.st_mode & 0o077)
