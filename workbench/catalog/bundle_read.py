"""Reading a template bundle (.zip) and checking every entry before anything is written."""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import stat
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

import jsonschema

from workbench.catalog.blocks import parse_block_type
from workbench.catalog.library import default_catalog
from workbench.catalog.sources import LIBRARIES_SUBDIR, TEMPLATE_SUFFIX
from workbench.io import loads_design
from workbench.io.safe_json import decode_text
from workbench.model.problems import InputError, Problem

MANIFEST = "manifest.json"
BUNDLE_FORMAT = "datahall-workbench-bundle"
MAX_ENTRIES = 1000
MAX_ENTRY_BYTES = 20 * 1024 * 1024
MAX_TOTAL_BYTES = 50 * 1024 * 1024
MAX_BUNDLE_BYTES = 60 * 1024 * 1024
MAX_RATIO = 100.0  # uncompressed / compressed; JSON compresses ~5-20x, a zip bomb ~1000x
RATIO_FLOOR_BYTES = 1024 * 1024  # small entries may compress well without being a threat
MAX_PATH_CHARS = 255
POLICIES = ("ask", "replace", "keep-both")

MANIFEST_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["format", "name", "version", "author", "licence", "created", "files"],
    "properties": {
        "format": {"const": BUNDLE_FORMAT},
        "bundle_version": {"const": 1},
        "name": {"type": "string", "minLength": 1, "maxLength": 200},
        "version": {"type": "string", "maxLength": 50},
        "author": {"type": "string", "maxLength": 200},
        "licence": {"type": "string", "maxLength": 200},
        "created": {"type": "string", "maxLength": 50},
        "description": {"type": "string", "maxLength": 10000},
        "files": {
            "type": "array", "maxItems": MAX_ENTRIES,
            "items": {
                "type": "object", "required": ["path", "sha256", "size"],
                "properties": {
                    "path": {"type": "string", "minLength": 1, "maxLength": MAX_PATH_CHARS},
                    "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
                    "size": {"type": "integer", "minimum": 0, "maximum": MAX_ENTRY_BYTES},
                },
            },
        },
    },
}


class BundleError(InputError):
    """The bundle was refused; `problems` say which entry and why. Nothing was written."""


@dataclass
class BundleFile:
    path: str  # posix path inside the bundle, e.g. "halls/x.dchall.json"
    data: bytes
    kind: str  # "hall", "module" or "library"
    name: str = ""
    version: str = ""


@dataclass
class Bundle:
    manifest: dict[str, Any]
    files: list[BundleFile]
    warnings: list[Problem] = field(default_factory=list)


# --- reading and checking ----------------------------------------------------------------------

def path_problem(name: str) -> str | None:
    """Why a path inside a bundle is unsafe or not allowed, or None."""
    if not name:
        return "empty path"
    if "\x00" in name:
        return "path contains a NUL character"
    if len(name) > MAX_PATH_CHARS:
        return f"path longer than {MAX_PATH_CHARS} characters"
    if name.startswith(("/", "\\")):
        return "absolute path"
    if re.match(r"^[A-Za-z]:", name):
        return "path with a drive letter"
    parts = re.split(r"[\\/]", name.rstrip("/"))
    if ".." in parts:
        return "path traversal ('..')"
    if "\\" in name:
        return "backslash in path (bundles use '/')"
    if any(p in ("", ".") for p in parts):
        return "empty or '.' path component"
    return None


def _layout_problem(name: str) -> str | None:
    if name == MANIFEST:
        return None
    parts = PurePosixPath(name).parts
    if parts[0] == LIBRARIES_SUBDIR:
        return None if len(parts) == 2 and name.endswith(".json") else "a block library must be libraries/<name>.json"
    if name.endswith(TEMPLATE_SUFFIX):
        return None
    return f"not a template (*{TEMPLATE_SUFFIX}) or a block library (libraries/*.json)"


def read_regular(path: Path, limit: int, what: str = "file") -> bytes:
    """The bytes of a regular file of at most limit bytes; InputError otherwise. /dev/zero would be read for
    ever and a FIFO would block for ever, so the kind and size are checked on the open descriptor itself
    (opened non-blocking, so a pipe cannot hang the open either)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise InputError([Problem(str(path), f"cannot be read: {exc.strerror or exc}")]) from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            kind = "a folder" if stat.S_ISDIR(st.st_mode) else "a device, pipe or socket"
            raise InputError([Problem(str(path), f"is {kind}, not a {what} file")])
        if st.st_size > limit:
            raise InputError([Problem(path.name, f"{what} is {st.st_size / 2**20:.0f} MiB, above the "
                                                 f"{limit // 2**20} MiB limit")])
        with os.fdopen(os.dup(fd), "rb") as fh:
            data = fh.read(limit + 1)  # a file growing while we read stops at the limit too
    except OSError as exc:
        raise InputError([Problem(str(path), f"cannot be read: {exc.strerror or exc}")]) from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise InputError([Problem(path.name, f"{what} is above the {limit // 2**20} MiB limit")])
    return data


def read_bundle(path: Path | str) -> Bundle:
    """Open and check a bundle completely; raises BundleError listing every reason to refuse it."""
    path = Path(path)
    where = path.name
    try:
        raw = read_regular(path, MAX_BUNDLE_BYTES, "bundle")
    except InputError as exc:
        raise BundleError(exc.problems) from None
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as zf:
            return _read_zip(zf, where)
    except zipfile.BadZipFile as exc:
        raise BundleError([Problem(where, f"not a valid zip file: {exc}")]) from None
    except (OSError, EOFError, NotImplementedError, RuntimeError) as exc:
        raise BundleError([Problem(where, f"cannot be read: {exc}")]) from None


def _read_zip(zf: zipfile.ZipFile, where: str) -> Bundle:
    infos = zf.infolist()
    if len(infos) > MAX_ENTRIES:
        raise BundleError([Problem(where, f"has {len(infos)} entries, more than the {MAX_ENTRIES} allowed")])
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    total = 0
    files: list[zipfile.ZipInfo] = []
    for info in infos:
        name = info.filename
        at = f"{where}: {name!r}"
        msg = path_problem(name)
        if msg:
            problems.append(Problem(at, f"refused: {msg}"))
            continue
        mode = info.external_attr >> 16
        if stat.S_ISLNK(mode):
            problems.append(Problem(at, "refused: symbolic link"))
            continue
        key = name.rstrip("/").casefold()
        if key in seen:
            problems.append(Problem(at, f"refused: duplicate entry (also {seen[key]!r})"))
            continue
        seen[key] = name
        if info.is_dir():
            continue
        if info.flag_bits & 0x1:
            problems.append(Problem(at, "refused: encrypted entry"))
            continue
        layout = _layout_problem(name)
        if layout:
            problems.append(Problem(at, f"refused: {layout}"))
            continue
        if info.file_size > MAX_ENTRY_BYTES:
            problems.append(Problem(at, f"refused: {info.file_size / 2**20:.1f} MiB uncompressed, above the "
                                        f"{MAX_ENTRY_BYTES // 2**20} MiB limit per file"))
            continue
        if info.file_size > RATIO_FLOOR_BYTES and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            ratio = info.file_size / max(info.compress_size, 1)
            problems.append(Problem(at, f"refused: compression ratio {ratio:.0f}:1 "
                                        "looks like a zip bomb"))
            continue
        total += info.file_size
        files.append(info)
    if total > MAX_TOTAL_BYTES:
        problems.append(Problem(where, f"refused: {total / 2**20:.1f} MiB uncompressed in total, above the "
                                       f"{MAX_TOTAL_BYTES // 2**20} MiB limit"))
    if problems:
        raise BundleError(problems)
    data: dict[str, bytes] = {}
    for info in files:
        data[info.filename] = _read_entry(zf, info, where)
    return _check_contents(data, where)


def _read_entry(zf: zipfile.ZipFile, info: zipfile.ZipInfo, where: str) -> bytes:
    # Read no more than the declared size + 1: a header that lies about the size is caught here.
    with zf.open(info) as fh:
        blob = fh.read(info.file_size + 1)
    if len(blob) != info.file_size:
        raise BundleError([Problem(f"{where}: {info.filename!r}", "refused: entry size differs from its header")])
    return blob


def _check_contents(data: dict[str, bytes], where: str) -> Bundle:
    problems: list[Problem] = []
    raw = data.pop(MANIFEST, None)
    if raw is None:
        raise BundleError([Problem(where, f"refused: no {MANIFEST}")])
    try:
        manifest = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise BundleError([Problem(f"{where}: {MANIFEST}", f"refused: not valid JSON: {exc}")]) from None
    validator = jsonschema.Draft202012Validator(MANIFEST_SCHEMA)
    for err in validator.iter_errors(manifest):
        loc = "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in err.absolute_path)
        problems.append(Problem(f"{where}: {MANIFEST} {loc}", f"refused: {err.message[:200]}"))
    if problems:
        raise BundleError(problems)
    listed: dict[str, dict[str, Any]] = {}
    for i, entry in enumerate(manifest["files"]):
        p = entry["path"]
        msg = path_problem(p) or _layout_problem(p)
        if msg or p == MANIFEST:
            problems.append(Problem(f"{where}: {MANIFEST} $.files[{i}]",
                                    f"refused: {msg or 'lists the manifest itself'}: {p!r}"))
        elif p.casefold() in {k.casefold() for k in listed}:
            problems.append(Problem(f"{where}: {MANIFEST} $.files[{i}]", f"refused: {p!r} listed twice"))
        else:
            listed[p] = entry
    for name in sorted(data):
        if name not in listed:
            problems.append(Problem(f"{where}: {name!r}", "refused: file is not listed in the manifest"))
    for p, entry in listed.items():
        blob = data.get(p)
        if blob is None:
            problems.append(Problem(f"{where}: {p!r}", "refused: listed in the manifest but missing from the bundle"))
            continue
        if len(blob) != entry["size"]:
            problems.append(Problem(f"{where}: {p!r}",
                                    f"refused: size {len(blob)} bytes, manifest says {entry['size']}"))
        digest = hashlib.sha256(blob).hexdigest()
        if digest != entry["sha256"]:
            problems.append(Problem(f"{where}: {p!r}", f"refused: SHA-256 checksum mismatch (file {digest[:12]}…, "
                                                        f"manifest {entry['sha256'][:12]}…)"))
    if problems:
        raise BundleError(problems)
    files: list[BundleFile] = []
    library_types: set[str] = set()
    for p in listed:
        f = _check_library(p, data[p], where, problems, library_types) if _is_library(p) else \
            _check_design(p, data[p], where, problems)
        if f is not None:
            files.append(f)
    if problems:
        raise BundleError(problems)
    warnings = _unknown_type_warnings(files, library_types, where)
    return Bundle(manifest, files, warnings)


def _is_library(path: str) -> bool:
    return PurePosixPath(path).parts[0] == LIBRARIES_SUBDIR


def _check_design(path: str, blob: bytes, where: str, problems: list[Problem]) -> BundleFile | None:
    try:
        # The loader's own decoding (BOMs, UTF-16) and the catalog's bounds, so a template that imports is one
        # that `templates list` and the gallery will show (an assumption out of its bounds was imported, then
        # skipped by the list).
        loaded = loads_design(blob, default_catalog(), where=f"{where}: {path}")  # bytes: decoded and size-checked there
    except UnicodeDecodeError:
        problems.append(Problem(f"{where}: {path!r}", "refused: design is not UTF-8 text"))
        return None
    except InputError as exc:
        for p in exc.problems[:20]:
            problems.append(Problem(p.where, f"refused: invalid design: {p.message}"))
        return None
    meta = loaded.design.meta
    kind = meta.get("kind", "hall")
    if kind not in ("hall", "module"):
        problems.append(Problem(f"{where}: {path!r}", f"refused: meta.kind must be 'hall' or 'module', got {kind!r}"))
        return None
    name = str(meta.get("name") or loaded.design.site.name or PurePosixPath(path).name)
    return BundleFile(path, blob, str(kind), name, str(meta.get("version", "")))


def _check_library(path: str, blob: bytes, where: str, problems: list[Problem],
                   library_types: set[str]) -> BundleFile | None:
    at = f"{where}: {path}"
    before = len(problems)
    try:
        doc = json.loads(decode_text(blob, at))
    except (UnicodeDecodeError, ValueError) as exc:
        problems.append(Problem(at, f"refused: block library is not valid JSON: {exc}"))
        return None
    except InputError as exc:
        problems += [Problem(p.where, f"refused: {p.message}") for p in exc.problems]
        return None
    if not isinstance(doc, dict) or not isinstance(doc.get("types"), list):
        problems.append(Problem(at, "refused: a block library must be an object with a 'types' list"))
        return None
    ids: set[str] = set()
    found: list[Problem] = []
    for i, entry in enumerate(doc["types"]):
        label = entry.get("id", f"#{i}") if isinstance(entry, dict) else f"#{i}"
        bt = parse_block_type(entry, f"{at}: entry {label}", found)
        if bt is not None:
            if bt.id in ids:
                found.append(Problem(f"{at}: entry {label}", "id defined twice"))
            ids.add(bt.id)
    problems += [Problem(p.where, f"refused: {p.message}") for p in found[:50]]
    if len(problems) > before:
        return None
    library_types.update(ids)
    raw_lib = doc.get("library")
    lib: dict[str, Any] = raw_lib if isinstance(raw_lib, dict) else {}
    return BundleFile(path, blob, "library", str(lib.get("name") or lib.get("id") or PurePosixPath(path).stem),
                      str(lib.get("version", "")))


def _unknown_type_warnings(files: list[BundleFile], library_types: set[str], where: str) -> list[Problem]:
    known = set(default_catalog().types) | library_types
    out = []
    for f in files:
        if f.kind == "library":
            continue
        doc = json.loads(decode_text(f.data))
        missing = sorted({b["type"] for b in doc.get("blocks", []) if b["type"] not in known})
        for t in missing:
            out.append(Problem(f"{where}: template '{f.name}'",
                               f"uses block type '{t}', which neither the bundle nor the built-in catalog defines "
                               "(a library in a shared folder may provide it)", "warning"))
    return out
