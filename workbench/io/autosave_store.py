"""Where autosaves live (user_data_dir()/autosave), written atomically, listed newest first, cleaned up.

Each running workbench is a session (host, pid, start time); its autosaves are named
`<session>__<slot>.dchall.json` with a small `<session>__<slot>.info.json` beside them (original file,
title, time). Autosaves of a session whose process is gone are orphans: what a crash left behind.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
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
    source: str  # the design's own file, "" for a design never saved
    title: str
    session: str
    slot: str
    host: str
    pid: int

    @property
    def info_path(self) -> Path:
        return self.path.with_name(self.path.name[: -len(FILE_SUFFIX)] + INFO_SUFFIX)


class AutosaveStore:
    """Autosave files of one session in one folder; no Qt, so the CLI and tests use it directly."""

    def __init__(self, folder: Path | None = None, session: str | None = None) -> None:
        self.folder = Path(folder) if folder is not None else autosave_dir()
        self.session = session or session_id()

    def path_for(self, slot: str, session: str | None = None) -> Path:
        return self.folder / f"{session or self.session}{_SEP}{slot}{FILE_SUFFIX}"

    def write(self, design: Design, slot: str, source: Path | str | None = None) -> Path:
        """Write the design atomically (no .bak: the previous autosave is worth nothing); raises OSError/ValueError."""
        data = dumps(design)
        self.folder.mkdir(parents=True, exist_ok=True)
        target = self.path_for(slot)
        info = {"source": str(source or ""), "title": design.site.name[:200], "saved_at": time.time(),
                "pid": os.getpid()}
        write_atomic(target.with_name(target.name[: -len(FILE_SUFFIX)] + INFO_SUFFIX),
                     json.dumps(info, ensure_ascii=False).encode("utf-8", errors="replace"), keep_backup=False)
        write_atomic(target, data, keep_backup=False)
        return target

    def remove(self, slot: str) -> None:
        self._remove_files(self.path_for(slot))

    def entries(self) -> list[AutosaveEntry]:
        """Every autosave in the folder, newest first."""
        try:
            names = [e.name for e in os.scandir(self.folder) if e.is_file()]
        except OSError:
            return []
        found = []
        for name in names:
            if name.startswith(".") or not name.endswith(FILE_SUFFIX) or _SEP not in name:
                continue
            entry = self.entry(self.folder / name)
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
        target = self.path_for(new_slot("recovered"))
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
                                 title=str(info.get("title", "")), session=session, slot=slot, host=host, pid=pid)
        return AutosaveEntry(path=path, saved_at=datetime.fromtimestamp(mtime), source="", title="",
                             session=session, slot=slot, host=host, pid=pid)
