"""Templates and block libraries found in the user folder and shared folders; broken files are reported."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from workbench.catalog.sources import ENV_TEMPLATE_PATH, template_folders, user_templates_dir
from workbench.catalog.templates import compare_versions, discover_templates
from workbench.paths import templates_dir

POD = templates_dir() / "modules" / "nvl72-pod-1200kw.dchall.json"
ROOM = templates_dir() / "halls" / "ai-pod-room-1mw.dchall.json"


def _copy_with(src: Path, dst: Path, **meta: object) -> Path:
    doc = json.loads(src.read_text("utf-8"))
    doc["meta"].update(meta)
    dst.parent.mkdir(parents=True, exist_ok=True)
    dst.write_text(json.dumps(doc), "utf-8")
    return dst


def test_shared_folders_from_env_and_preferences(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    env_a, env_b, pref = tmp_path / "a", tmp_path / "b", tmp_path / "pref"
    _copy_with(ROOM, env_a / "halls" / "team-room.dchall.json", name="Team room")
    _copy_with(POD, env_b / "pods" / "team-pod.dchall.json", name="Team pod")
    _copy_with(ROOM, pref / "x.dchall.json", name="Preferred hall")
    monkeypatch.setenv(ENV_TEMPLATE_PATH, os.pathsep.join([str(env_a), "", str(env_b)]))
    found = discover_templates([pref])
    origins = {t.name: t.folder.origin for t in found.templates}
    assert origins["Team room"] == "shared" and origins["Team pod"] == "shared"
    assert origins["Preferred hall"] == "shared"
    assert origins["1 MW liquid-cooled AI pod room"] == "built-in"
    pod = found.find("Team pod")[0]
    assert pod.kind == "module" and pod.folder.path == env_b
    assert [f.origin for f in found.folders] == ["built-in", "user", "shared", "shared", "shared"]


def test_user_folder_is_searched(tmp_path: Path) -> None:
    _copy_with(POD, user_templates_dir() / "modules" / "mine.dchall.json", name="My pod", version="2.0.0")
    found = discover_templates()
    mine = found.find("My pod")[0]
    assert mine.folder.origin == "user" and mine.version == "2.0.0"


def test_missing_shared_folder_is_reported_not_fatal(tmp_path: Path) -> None:
    problems: list = []
    folders = template_folders([tmp_path / "unplugged"], problems)
    assert all(f.origin != "shared" for f in folders)
    assert "not found" in problems[0].message and "unplugged" in problems[0].where


def test_broken_templates_are_reported_and_the_rest_load(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    _copy_with(POD, shared / "good.dchall.json", name="Good pod")
    (shared / "truncated.dchall.json").write_text('{"format": "datahall-workbench", "sch', "utf-8")
    (shared / "binary.dchall.json").write_bytes(b"\xff\xfe\x00garbage")
    doc = json.loads(POD.read_text("utf-8"))
    doc["blocks"][0]["x_mm"] = "left"
    (shared / "bad-field.dchall.json").write_text(json.dumps(doc), "utf-8")
    (shared / "not-a-design.dchall.json").write_text("[1, 2, 3]", "utf-8")
    found = discover_templates([shared])
    assert [t.name for t in found.templates if t.folder.path == shared] == ["Good pod"]
    text = "\n".join(str(p) for p in found.problems)
    for name in ("truncated", "binary", "bad-field", "not-a-design"):
        assert f"{name}.dchall.json" in text
    assert "x_mm" in text  # says which field
    assert len(found.of_kind("hall")) >= 7  # the shipped ones still load


def test_unknown_block_type_names_the_template_and_the_type(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    path = _copy_with(POD, shared / "vendor-pod.dchall.json", name="Vendor pod")
    doc = json.loads(path.read_text("utf-8"))
    doc["blocks"][0]["type"] = "acme.rack-900kw"
    path.write_text(json.dumps(doc), "utf-8")
    found = discover_templates([shared])
    pod = found.find("Vendor pod")[0]
    assert pod.unknown_types == {"acme.rack-900kw": 1}
    msgs = [str(p) for p in found.problems if "acme.rack-900kw" in p.message]
    assert len(msgs) == 1 and "Vendor pod" in msgs[0] and "vendor-pod.dchall.json" in msgs[0]
    assert found.find("NVL72 pod, 1.2 MW")  # the rest still loads


def test_block_library_in_a_shared_folder_adds_types(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    lib = json.loads((templates_dir().parent / "resources" / "catalog" / "core-compute.json").read_text("utf-8"))
    entry = next(t for t in lib["types"] if t["id"] == "rack.gb200-nvl72")
    entry = {**entry, "id": "acme.rack-900kw", "name": {"en": "ACME 900 kW rack"}}
    (shared / "libraries").mkdir(parents=True)
    (shared / "libraries" / "acme.json").write_text(json.dumps(
        {"catalog_version": 1, "library": {"id": "acme", "name": "ACME", "version": "1.0"}, "types": [entry]}),
        "utf-8")
    (shared / "libraries" / "broken.json").write_text("{nope", "utf-8")
    path = _copy_with(POD, shared / "vendor-pod.dchall.json", name="Vendor pod")
    doc = json.loads(path.read_text("utf-8"))
    doc["blocks"][0]["type"] = "acme.rack-900kw"
    path.write_text(json.dumps(doc), "utf-8")
    found = discover_templates([shared])
    assert "acme.rack-900kw" in found.catalog.types
    assert found.find("Vendor pod")[0].unknown_types == {}
    assert any("broken.json" in p.where for p in found.problems)


def test_symlinked_template_in_shared_folder_is_skipped(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    secret = _copy_with(ROOM, tmp_path / "elsewhere" / "x.dchall.json", name="Elsewhere")
    os.symlink(secret, shared / "link.dchall.json")
    shutil.copy(POD, shared / "pod.dchall.json")
    found = discover_templates([shared])
    assert not found.find("Elsewhere")
    assert any("symbolic link" in p.message for p in found.problems)


def test_version_comparison() -> None:
    assert compare_versions("1.10.0", "1.9.2") == 1
    assert compare_versions("1.0.0", "1.0.0") == 0
    assert compare_versions("0.9", "1.0") == -1
