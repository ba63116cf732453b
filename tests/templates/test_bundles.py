"""Bundles: export → import round trip, conflict policy, and every attack refused with nothing written."""

from __future__ import annotations

import hashlib
import json
import random
import stat
import zipfile
from pathlib import Path

import pytest

from tests.templates.conftest import listing
from workbench.catalog.bundles import (
    BUNDLE_FORMAT, MAX_ENTRIES, BundleError, export_bundle, import_bundle, read_bundle,
)
from workbench.catalog.templates import TemplateSet, discover_templates
from workbench.paths import templates_dir

POD = templates_dir() / "modules" / "nvl72-pod-1200kw.dchall.json"
ROOM = templates_dir() / "halls" / "ai-pod-room-1mw.dchall.json"


def manifest_for(files: dict[str, bytes], **overrides: object) -> bytes:
    doc = {"format": BUNDLE_FORMAT, "bundle_version": 1, "name": "Test", "version": "1.0.0", "author": "T",
           "licence": "CC-BY-4.0", "created": "2025-01-01",
           "files": [{"path": p, "sha256": hashlib.sha256(b).hexdigest(), "size": len(b)} for p, b in files.items()]}
    doc.update(overrides)
    return json.dumps(doc).encode()


def make_zip(path: Path, entries: list[tuple[str | zipfile.ZipInfo, bytes]],
             compression: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", compression=compression) as zf:
        for name, data in entries:
            zf.writestr(name, data)
    return path


def good_entries() -> dict[str, bytes]:
    return {"modules/nvl72-pod-1200kw.dchall.json": POD.read_bytes()}


@pytest.fixture
def dest(tmp_path: Path) -> Path:
    d = tmp_path / "dest"
    (d / "halls").mkdir(parents=True)
    (d / "halls" / "existing.dchall.json").write_bytes(ROOM.read_bytes())
    return d


def refused(bundle: Path, dest: Path, match: str) -> None:
    before = listing(dest)
    parent_before = listing(dest.parent)
    with pytest.raises(BundleError) as info:
        import_bundle(bundle, dest, "replace")
    text = "\n".join(f"{p.where}: {p.message}" for p in info.value.problems)
    assert match in text, text
    assert listing(dest) == before
    assert listing(dest.parent) == parent_before


def test_round_trip_export_import(tmp_path: Path, shipped: TemplateSet) -> None:
    chosen = shipped.find("NVL72 pod, 1.2 MW") + shipped.find("ai-pod-room-1mw")
    out = tmp_path / "b.zip"
    paths = export_bundle(chosen, out, shipped, name="Pods", author="Me", licence="MIT")
    assert sorted(paths) == ["halls/ai-pod-room-1mw.dchall.json", "modules/nvl72-pod-1200kw.dchall.json"]
    bundle = read_bundle(out)
    assert bundle.manifest["name"] == "Pods" and bundle.manifest["licence"] == "MIT"
    result = import_bundle(out, tmp_path / "lib")
    assert sorted(p.name for p in result.written) == ["ai-pod-room-1mw.dchall.json", "nvl72-pod-1200kw.dchall.json"]
    assert (tmp_path / "lib" / "modules" / "nvl72-pod-1200kw.dchall.json").read_bytes() == POD.read_bytes()
    again = import_bundle(out, tmp_path / "lib")
    assert again.written == [] and len(again.unchanged) == 2 and again.conflicts == []
    found = discover_templates([tmp_path / "lib"])
    assert {t.folder.origin for t in found.find("NVL72 pod, 1.2 MW")} == {"built-in", "shared"}


def test_export_includes_the_block_library_a_template_needs(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    lib = json.loads((templates_dir().parent / "resources" / "catalog" / "core-compute.json").read_text("utf-8"))
    entry = {**next(t for t in lib["types"] if t["id"] == "rack.gb200-nvl72"), "id": "acme.rack"}
    (shared / "libraries").mkdir(parents=True)
    (shared / "libraries" / "acme.json").write_text(json.dumps({"library": {"id": "acme"}, "types": [entry]}))
    doc = json.loads(POD.read_text("utf-8"))
    doc["blocks"][0]["type"] = "acme.rack"
    doc["meta"]["name"] = "ACME pod"
    (shared / "acme-pod.dchall.json").write_text(json.dumps(doc))
    found = discover_templates([shared])
    paths = export_bundle(found.find("ACME pod"), tmp_path / "b.zip", found)
    assert "libraries/acme.json" in paths
    bundle = read_bundle(tmp_path / "b.zip")
    assert bundle.warnings == []  # the type is defined by the bundled library
    import_bundle(tmp_path / "b.zip", tmp_path / "dest")
    assert (tmp_path / "dest" / "libraries" / "acme.json").is_file()


def test_conflict_policy_ask_replace_keep_both(tmp_path: Path, dest: Path) -> None:
    doc = json.loads(ROOM.read_text("utf-8"))
    doc["meta"]["version"] = "1.1.0"
    newer = json.dumps(doc).encode()
    files = {"halls/existing.dchall.json": newer}
    bundle = make_zip(tmp_path / "b.zip", [("manifest.json", manifest_for(files)), *files.items()])
    before = listing(dest)
    asked = import_bundle(bundle, dest, "ask")
    assert asked.needs_decision and asked.written == []
    assert listing(dest) == before
    conflict = asked.conflicts[0]
    assert conflict.relation == "newer" and "1.0.0" in conflict.describe() and "1.1.0" in conflict.describe()
    both = import_bundle(bundle, dest, "keep-both")
    assert [p.name for p in both.written] == ["existing-2.dchall.json"]
    assert (dest / "halls" / "existing.dchall.json").read_bytes() == ROOM.read_bytes()
    replaced = import_bundle(bundle, dest, "replace")
    assert replaced.written == [dest / "halls" / "existing.dchall.json"]
    assert (dest / "halls" / "existing.dchall.json").read_bytes() == newer


def test_same_template_name_under_another_file_name_is_a_conflict(tmp_path: Path, dest: Path) -> None:
    doc = json.loads(ROOM.read_text("utf-8"))
    doc["meta"]["version"] = "0.9.0"
    files = {"halls/renamed.dchall.json": json.dumps(doc).encode()}
    bundle = make_zip(tmp_path / "b.zip", [("manifest.json", manifest_for(files)), *files.items()])
    asked = import_bundle(bundle, dest, "ask")
    assert asked.conflicts[0].relation == "older"
    assert asked.conflicts[0].existing == dest / "halls" / "existing.dchall.json"


def test_refuses_path_traversal(tmp_path: Path, dest: Path) -> None:
    files = {"halls/../../evil.dchall.json": POD.read_bytes()}
    refused(make_zip(tmp_path / "b.zip", [("manifest.json", manifest_for(files)), *files.items()]), dest,
            "path traversal")


def test_refuses_absolute_path(tmp_path: Path, dest: Path) -> None:
    files = {"/tmp/evil.dchall.json": POD.read_bytes()}
    refused(make_zip(tmp_path / "b.zip", [("manifest.json", manifest_for(files)), *files.items()]), dest,
            "absolute path")


def test_refuses_drive_letter(tmp_path: Path, dest: Path) -> None:
    files = {"C:evil.dchall.json": POD.read_bytes()}
    refused(make_zip(tmp_path / "b.zip", [("manifest.json", manifest_for(files)), *files.items()]), dest,
            "drive letter")


def test_refuses_symlink_entry(tmp_path: Path, dest: Path) -> None:
    link = zipfile.ZipInfo("halls/link.dchall.json")
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    files = {"halls/link.dchall.json": b"/etc/passwd"}
    refused(make_zip(tmp_path / "b.zip", [("manifest.json", manifest_for(files)), (link, b"/etc/passwd")]), dest,
            "symbolic link")


def test_refuses_checksum_mismatch(tmp_path: Path, dest: Path) -> None:
    files = good_entries()
    manifest = json.loads(manifest_for(files))
    manifest["files"][0]["sha256"] = "0" * 64
    refused(make_zip(tmp_path / "b.zip", [("manifest.json", json.dumps(manifest).encode()), *files.items()]), dest,
            "checksum mismatch")


def test_refuses_oversize_entry(tmp_path: Path, dest: Path) -> None:
    big = b" " * (21 * 1024 * 1024)
    files = {"halls/huge.dchall.json": big}
    refused(make_zip(tmp_path / "b.zip", [("manifest.json", manifest_for(files)), *files.items()]), dest,
            "above the 20 MiB limit per file")


def test_refuses_too_large_in_total(tmp_path: Path, dest: Path) -> None:
    # Random-looking data does not compress, so the ratio check does not fire first.
    chunk = random.Random(1).randbytes(9 * 1024 * 1024)
    files = {f"halls/part{i}.dchall.json": chunk for i in range(6)}
    refused(make_zip(tmp_path / "b.zip", [("manifest.json", manifest_for(files)), *files.items()], zipfile.ZIP_STORED),
            dest, "in total, above the 50 MiB limit")


def test_refuses_compression_bomb(tmp_path: Path, dest: Path) -> None:
    files = {"halls/bomb.dchall.json": b"\0" * (8 * 1024 * 1024)}
    refused(make_zip(tmp_path / "b.zip", [("manifest.json", manifest_for(files)), *files.items()]), dest,
            "zip bomb")


def test_refuses_too_many_entries(tmp_path: Path, dest: Path) -> None:
    files = {f"halls/t{i}.dchall.json": b"{}" for i in range(MAX_ENTRIES + 1)}
    refused(make_zip(tmp_path / "b.zip", [("manifest.json", manifest_for({})), *files.items()]), dest,
            f"more than the {MAX_ENTRIES} allowed")


def test_refuses_file_not_in_manifest(tmp_path: Path, dest: Path) -> None:
    files = good_entries()
    refused(make_zip(tmp_path / "b.zip", [("manifest.json", manifest_for(files)), *files.items(),
                                          ("halls/extra.dchall.json", ROOM.read_bytes())]), dest,
            "not listed in the manifest")


def test_refuses_invalid_design(tmp_path: Path, dest: Path) -> None:
    doc = json.loads(POD.read_text("utf-8"))
    doc["blocks"][0]["x_mm"] = "left"
    files = {"modules/bad.dchall.json": json.dumps(doc).encode(), **good_entries()}
    refused(make_zip(tmp_path / "b.zip", [("manifest.json", manifest_for(files)), *files.items()]), dest,
            "invalid design")


def test_refuses_invalid_library(tmp_path: Path, dest: Path) -> None:
    lib = json.dumps({"types": [{"id": "x", "category": "compute"}]}).encode()
    files = {"libraries/bad.json": lib, **good_entries()}
    refused(make_zip(tmp_path / "b.zip", [("manifest.json", manifest_for(files)), *files.items()]), dest,
            "width_mm")


def test_refuses_duplicate_names_and_stray_files(tmp_path: Path, dest: Path) -> None:
    files = good_entries()
    name, data = next(iter(files.items()))
    with pytest.warns(UserWarning, match="Duplicate name"):
        bundle = make_zip(tmp_path / "b.zip", [("manifest.json", manifest_for(files)), (name, data), (name, data)])
    refused(bundle, dest, "duplicate entry")
    refused(make_zip(tmp_path / "c.zip", [("manifest.json", manifest_for({"run.py": b"print(1)"})),
                                          ("run.py", b"print(1)")]), dest, "not a template")


def test_refuses_missing_or_bad_manifest_and_non_zip(tmp_path: Path, dest: Path) -> None:
    refused(make_zip(tmp_path / "a.zip", list(good_entries().items())), dest, "no manifest.json")
    refused(make_zip(tmp_path / "b.zip", [("manifest.json", b"{\"format\": 1}"), *good_entries().items()]), dest,
            "manifest.json")
    (tmp_path / "c.zip").write_bytes(b"PK\x03\x04 not really")
    refused(tmp_path / "c.zip", dest, "not a valid zip file")


# --- issue 19: bounded reads, all or nothing, links, modes, catalog rules, BOMs, leftovers -----------------

def bundle_of(path: Path, files: dict[str, bytes]) -> Path:
    return make_zip(path, [("manifest.json", manifest_for(files)), *files.items()])


@pytest.mark.parametrize("special", ["/dev/zero", "fifo"])
def test_refuses_a_device_or_a_pipe_at_once(special: str, tmp_path: Path, dest: Path) -> None:
    import os
    import time

    path = Path(special)
    if special == "fifo":
        path = tmp_path / "bundle.zip"
        os.mkfifo(path)  # nobody writes to it: opening it for reading would block for ever
    started = time.monotonic()
    refused(path, dest, "not a bundle file")
    assert time.monotonic() - started < 5


def test_import_is_all_or_nothing(tmp_path: Path, dest: Path) -> None:
    files = {"halls/new-room.dchall.json": ROOM.read_bytes(), "modules/pod.dchall.json": POD.read_bytes()}
    blocker = dest / "modules" / "pod.dchall.json"
    blocker.mkdir(parents=True)  # the second file cannot be moved into place
    (blocker / "keep").write_text("x")
    before = listing(dest)
    with pytest.raises(OSError) as info:
        import_bundle(bundle_of(tmp_path / "b.zip", files), dest, "replace")
    assert info.value.filename == str(blocker) and "nothing was imported" in str(info.value)
    assert listing(dest) == before  # the first file was taken back out
    assert not (dest / "halls" / "new-room.dchall.json").exists()


def test_refuses_a_symlinked_destination_folder(tmp_path: Path) -> None:
    import os

    dest, elsewhere = tmp_path / "dest", tmp_path / "elsewhere"
    dest.mkdir()
    elsewhere.mkdir()
    os.symlink(elsewhere, dest / "modules")  # ln -s /elsewhere dest/modules
    with pytest.raises(BundleError) as info:
        import_bundle(bundle_of(tmp_path / "b.zip", good_entries()), dest, "replace")
    assert "symbolic link" in str(info.value.problems[0].message)
    assert list(elsewhere.iterdir()) == []


def test_imported_and_exported_files_follow_the_umask(tmp_path: Path, dest: Path, shipped: TemplateSet) -> None:
    import os

    old = os.umask(0o022)
    try:
        result = import_bundle(bundle_of(tmp_path / "b.zip", good_entries()), dest, "replace")
        out = tmp_path / "out.zip"
        export_bundle([shipped.find("NVL72 pod, 1.2 MW")[0]], out, shipped)
    finally:
        os.umask(old)
    (written,) = result.written
    assert stat.S_IMODE(written.stat().st_mode) == 0o644
    assert stat.S_IMODE(out.stat().st_mode) == 0o644


def test_refuses_a_template_the_catalog_would_skip(tmp_path: Path, dest: Path) -> None:
    doc = json.loads(POD.read_text("utf-8"))
    doc.setdefault("assumptions", {}).setdefault("values", {})["economizer_hours"] = 1e9
    files = {"modules/hot.dchall.json": json.dumps(doc).encode()}
    refused(bundle_of(tmp_path / "b.zip", files), dest, "economizer_hours")


def test_a_byte_order_mark_is_read_as_the_loader_reads_it(tmp_path: Path, dest: Path) -> None:
    lib = json.dumps({"library": {"id": "bom-lib", "name": "BOM lib", "version": "1"}, "types": []}).encode()
    files = {"modules/bom.dchall.json": b"\xef\xbb\xbf" + POD.read_bytes(),
             "libraries/bom-lib.json": b"\xef\xbb\xbf" + lib}
    result = import_bundle(bundle_of(tmp_path / "b.zip", files), dest, "replace")
    assert len(result.written) == 2
    found = discover_templates(shared=[dest])
    assert any(t.path.name == "bom.dchall.json" for t in found.templates)


def test_leftovers_of_a_killed_import_are_removed(tmp_path: Path, dest: Path, dead_pid_text: str) -> None:
    import os
    import socket

    folder = dest / "modules"
    folder.mkdir()
    old_style = folder / ".import-k3j4h2.tmp"
    host = "".join(c if c.isalnum() or c == "-" else "-" for c in socket.gethostname())[:24]
    dead = folder / f".import-{host}-{dead_pid_text}.abc123.tmp"
    for leftover in (old_style, dead):
        leftover.write_bytes(b"half a template")
    import_bundle(bundle_of(tmp_path / "b.zip", good_entries()), dest, "replace")
    assert not old_style.exists() and not dead.exists()
    assert sorted(p.name for p in folder.iterdir()) == ["nvl72-pod-1200kw.dchall.json"]
    assert os.listdir(dest / "halls") == ["existing.dchall.json"]


@pytest.fixture
def dead_pid_text() -> str:
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True,
                          check=True).stdout.strip()
