"""Template bundles (.zip): export with a checksummed manifest; import only after checking everything."""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import shutil
import tempfile
import time
import uuid
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from workbench.catalog.bundle_read import (
    BUNDLE_FORMAT, MANIFEST, MAX_ENTRIES, MAX_ENTRY_BYTES, POLICIES, Bundle, BundleError, BundleFile, read_bundle,
    read_regular,
)
from workbench.catalog.library import default_catalog
from workbench.catalog.sources import LIBRARIES_SUBDIR, TEMPLATE_SUFFIX, user_templates_dir
from workbench.catalog.templates import TemplateInfo, TemplateSet, compare_versions
from workbench.io.atomic import STALE_TEMP_SECONDS, copy_mode, host_tag
from workbench.io.lock import pid_alive
from workbench.io.safe_json import decode_text
from workbench.model.problems import InputError, Problem

__all__ = ["BUNDLE_FORMAT", "MAX_ENTRIES", "Bundle", "BundleError", "BundleFile", "Conflict", "ImportResult",
           "export_bundle", "find_conflicts", "import_bundle", "read_bundle"]


@dataclass(frozen=True)
class Conflict:
    """An incoming file that would replace something already in the destination folder."""

    path: str  # path inside the bundle
    existing: Path
    name: str
    existing_version: str
    incoming_version: str

    @property
    def relation(self) -> str:
        c = compare_versions(self.incoming_version, self.existing_version)
        return "newer" if c > 0 else "older" if c < 0 else "same"

    def describe(self) -> str:
        return (f"'{self.name}' already exists in {self.existing} (version {self.existing_version or '?'}); "
                f"the bundle has the {self.relation} version {self.incoming_version or '?'}")


@dataclass
class ImportResult:
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)  # identical files already there
    conflicts: list[Conflict] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    @property
    def needs_decision(self) -> bool:
        return bool(self.conflicts) and not self.written


# --- importing ------------------------------------------------------------------------------------

def find_conflicts(bundle: Bundle, dest: Path) -> list[Conflict]:
    """Incoming files whose path is taken by a different file, or templates whose name is taken."""
    existing_names = _existing_templates(dest)
    out = []
    for f in bundle.files:
        target = dest / f.path
        if target.exists():
            if _same_bytes(target, f.data):
                continue
            old_version = _version_of(target, f.kind)
            out.append(Conflict(f.path, target, f.name, old_version, f.version))
            continue
        if f.kind != "library":
            other = existing_names.get((f.kind, f.name.casefold()))
            if other is not None and not _same_bytes(other[0], f.data):
                out.append(Conflict(f.path, other[0], f.name, other[1], f.version))
    return out


def import_bundle(bundle_path: Path | str, dest: Path | str | None = None, on_conflict: str = "ask") -> ImportResult:
    """Check the bundle, then write its files into dest (default: the user's template folder).

    on_conflict: "ask" writes nothing when anything would be replaced and returns the conflicts;
    "replace" replaces those files; "keep-both" writes the incoming file under a new name.
    """
    if on_conflict not in POLICIES:
        raise ValueError(f"on_conflict must be one of {POLICIES}")
    bundle = read_bundle(bundle_path)
    target_dir = Path(dest) if dest is not None else user_templates_dir()
    if target_dir.exists() and not target_dir.is_dir():
        raise BundleError([Problem(str(target_dir), "destination is not a folder")])
    for sub in ("halls", "modules", LIBRARIES_SUBDIR):  # found before the conflicts are read through them
        if (target_dir / sub).is_symlink():
            raise BundleError([Problem(str(target_dir / sub), "is a symbolic link; templates are not written "
                                                               "through links (it could point anywhere)")])
    result = ImportResult(warnings=list(bundle.warnings))
    conflicts = find_conflicts(bundle, target_dir)
    if conflicts and on_conflict == "ask":
        result.conflicts = conflicts
        return result
    by_path = {c.path: c for c in conflicts}
    plan: list[tuple[Path, bytes]] = []
    planned: set[str] = set()
    for f in bundle.files:
        target = target_dir / f.path
        c = by_path.get(f.path)
        if c is None:
            if target.exists():  # identical bytes: nothing to do
                result.unchanged.append(target)
                continue
        elif on_conflict == "replace":
            target = c.existing
        else:
            target = _free_name(target, planned)
        plan.append((target, f.data))
        planned.add(os.path.normcase(str(target)))
    result.conflicts = conflicts
    _check_destination(target_dir, plan)
    _write_all(plan)
    result.written = [t for t, _ in plan]
    return result


def _write_all(plan: list[tuple[Path, bytes]]) -> None:
    """All or nothing: stage every file as a temp file next to its target, then move them all into place;
    if a move fails, the files already moved are put back as they were (or removed, if they were new).

    Staged files get the umask's permissions (or the replaced file's), not mkstemp's owner-only 0600, so
    colleagues on a shared folder can read what was imported.
    """
    staged: list[tuple[Path, Path]] = []
    saved: list[tuple[Path, Path | None]] = []  # (target, its previous version kept aside, or None if new)
    try:
        for target, blob in plan:
            target.parent.mkdir(parents=True, exist_ok=True)
            _remove_stale_imports(target.parent)
            fd, tmp_name = tempfile.mkstemp(prefix=_import_prefix(), suffix=".tmp", dir=target.parent)
            staged.append((Path(tmp_name), target))
            with os.fdopen(fd, "wb") as fh:
                fh.write(blob)
                fh.flush()
                os.fsync(fh.fileno())
            copy_mode(target, Path(tmp_name))
        try:
            for tmp, target in staged:
                try:
                    _move_into_place(tmp, target, saved)
                except OSError as exc:  # name the file the user will look for, not our temporary one
                    raise type(exc)(exc.errno, f"cannot be written ({exc.strerror}); nothing was imported",
                                    str(target)) from exc
        except BaseException:
            for target, old in reversed(saved):
                with contextlib.suppress(OSError):
                    if old is not None:
                        os.replace(old, target)
                    else:
                        os.unlink(target)
            raise
    finally:
        for tmp, _ in staged:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        for _, old in saved:
            if old is not None:
                with contextlib.suppress(OSError):
                    os.unlink(old)


def _move_into_place(tmp: Path, target: Path, saved: list[tuple[Path, Path | None]]) -> None:
    old: Path | None = None
    if os.path.lexists(target):
        old = target.with_name(f"{_import_prefix()}{uuid.uuid4().hex[:8]}.old.tmp")
        try:
            os.link(target, old)
        except OSError:
            shutil.copy2(target, old)  # no hard links here (FAT, some shares)
    saved.append((target, old))
    os.replace(tmp, target)


def _import_prefix() -> str:
    return f".import-{host_tag()}-{os.getpid()}."


def _remove_stale_imports(folder: Path) -> None:
    """Temp files of an import that was killed: this host and a dead pid, or older than an hour."""
    now = time.time()
    mine = f".import-{host_tag()}-"
    try:
        entries = [e for e in os.scandir(folder) if e.name.startswith(".import-") and e.name.endswith(".tmp")]
    except OSError:
        return
    for entry in entries:
        try:
            old = now - entry.stat(follow_symlinks=False).st_mtime > STALE_TEMP_SECONDS
        except OSError:
            continue
        dead = False
        if entry.name.startswith(mine):
            pid_text = entry.name[len(mine):].split(".", 1)[0]
            dead = pid_text.isdigit() and int(pid_text) != os.getpid() and not pid_alive(int(pid_text))
        if old or dead or not entry.name.startswith(mine) and entry.name.count(".") == 2:
            # ".import-XXXX.tmp" (no host, no pid) is what imports before this change left behind.
            with contextlib.suppress(OSError):
                os.unlink(entry.path)


def _check_destination(target_dir: Path, plan: list[tuple[Path, bytes]]) -> None:
    """Refuse to write through symbolic links inside the destination (`ln -s /elsewhere dest/halls`)."""
    problems = []
    for target, _ in plan:
        rel = target.relative_to(target_dir)
        at = target_dir
        for part in rel.parts:
            at = at / part
            if at.is_symlink():
                problems.append(Problem(str(at), "is a symbolic link; templates are not written through links "
                                                 "(it could point anywhere)"))
                break
    if problems:
        raise BundleError(list(dict.fromkeys(problems)))


def _free_name(target: Path, planned: set[str]) -> Path:
    suffix = TEMPLATE_SUFFIX if target.name.endswith(TEMPLATE_SUFFIX) else target.suffix
    stem = target.name[: -len(suffix)] if suffix else target.name
    if not target.exists() and os.path.normcase(str(target)) not in planned:
        return target
    k = 2
    while True:
        candidate = target.with_name(f"{stem}-{k}{suffix}")
        if not candidate.exists() and os.path.normcase(str(candidate)) not in planned:
            return candidate
        k += 1


def _existing_templates(dest: Path) -> dict[tuple[str, str], tuple[Path, str]]:
    out: dict[tuple[str, str], tuple[Path, str]] = {}
    if not dest.is_dir():
        return out
    for p in sorted(dest.rglob(f"*{TEMPLATE_SUFFIX}")):
        try:
            doc = json.loads(decode_text(read_regular(p, MAX_ENTRY_BYTES)))
            meta = doc.get("meta", {}) if isinstance(doc, dict) else {}
            kind = str(meta.get("kind", "hall"))
            name = str(meta.get("name") or doc.get("site", {}).get("name") or "")
        except (OSError, ValueError, AttributeError, InputError):
            continue
        if name:
            out.setdefault((kind, name.casefold()), (p, str(meta.get("version", ""))))
    return out


def _version_of(path: Path, kind: str) -> str:
    try:
        doc = json.loads(decode_text(read_regular(path, MAX_ENTRY_BYTES)))
    except (OSError, ValueError, InputError):
        return ""
    if not isinstance(doc, dict):
        return ""
    block = doc.get("library") if kind == "library" else doc.get("meta")
    return str(block.get("version", "")) if isinstance(block, dict) else ""


def _same_bytes(path: Path, blob: bytes) -> bool:
    try:
        return path.stat().st_size == len(blob) and read_regular(path, len(blob)) == blob
    except (OSError, InputError):
        return False


# --- exporting ------------------------------------------------------------------------------------

def export_bundle(templates: Iterable[TemplateInfo], out: Path | str, found: TemplateSet, *, name: str = "",
                  version: str = "1.0.0", author: str = "", licence: str = "", description: str = "") -> list[str]:
    """Write a bundle with the templates and the block libraries they need; returns the paths inside."""
    chosen = list(templates)
    if not chosen:
        raise BundleError([Problem(str(out), "no templates to export")])
    core = set(default_catalog().types)
    entries: dict[str, bytes] = {}
    for t in chosen:
        rel = f"{'modules' if t.kind == 'module' else 'halls'}/{t.stem}{TEMPLATE_SUFFIX}"
        if rel in entries:
            raise BundleError([Problem(str(t.path), f"two chosen templates would both be stored as {rel}; "
                                                    "rename one file")])
        entries[rel] = t.path.read_bytes()
        for type_id in sorted({b.type_id for b in t.design.blocks.values()} - core):
            bt = found.catalog.types.get(type_id)
            if bt is None:
                raise BundleError([Problem(f"template '{t.name}'", f"uses block type '{type_id}', which no "
                                                                  "library defines; cannot export it")])
            lib_file = Path(str(found.catalog.libraries.get(bt.library, {}).get("file", "")))
            if not lib_file.is_file():
                raise BundleError([Problem(f"template '{t.name}'", f"block type '{type_id}' comes from library "
                                                                  f"'{bt.library}', whose file was not found")])
            entries[f"{LIBRARIES_SUBDIR}/{lib_file.name}"] = lib_file.read_bytes()
    first = chosen[0]
    manifest = {
        "format": BUNDLE_FORMAT, "bundle_version": 1,
        "name": name or (first.name if len(chosen) == 1 else f"{first.name} and {len(chosen) - 1} more"),
        "version": version, "author": author or first.author, "licence": licence or first.licence,
        "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "description": description,
        "files": [{"path": p, "sha256": hashlib.sha256(b).hexdigest(), "size": len(b)} for p, b in entries.items()],
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(MANIFEST, json.dumps(manifest, indent=1, ensure_ascii=False))
        for p, b in entries.items():
            zf.writestr(p, b)
    target = Path(out)
    target.parent.mkdir(parents=True, exist_ok=True)
    _write_all([(target, buf.getvalue())])
    return list(entries)
