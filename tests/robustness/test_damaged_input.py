"""Damaged files of every kind give InputError with a location, never a traceback; golden files keep loading."""

from __future__ import annotations

import json
import os
import random
from pathlib import Path
from typing import Any

import pytest

from tests.robustness.conftest import DATA, GOLDEN_V1, load_script
from workbench.io import design_to_dict, dumps, load_design, loads_design, save_design
from workbench.io.migrations import CURRENT_VERSION
from workbench.io.project import MAX_FILE_BYTES
from workbench.model import Catalog
from workbench.model.problems import InputError

EXPECTED: dict[str, dict[str, Any]] = json.loads((DATA / "damaged" / "EXPECTED.json").read_text("utf-8"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_damaged_sample_gives_located_message(name: str, catalog: Catalog) -> None:
    expected = EXPECTED[name]
    path = DATA / "damaged" / name
    if expected.get("loads"):
        assert load_design(path, catalog).design.halls
        return
    with pytest.raises(InputError) as info:
        load_design(path, catalog)
    first = info.value.problems[0]
    assert name in first.where  # every message names the file ...
    assert expected["where"] in first.where  # ... and the place in it (JSON path or line)
    assert expected["message"] in first.message
    assert "Traceback" not in str(info.value)


def test_every_schema_version_has_a_golden_file_that_loads() -> None:
    for version in range(1, CURRENT_VERSION + 1):
        path = DATA / f"design-v{version}.dchall.json"
        assert json.loads(path.read_text("utf-8"))["schema_version"] == version
        assert load_design(path).source_version == version


def test_golden_v1_loads_into_todays_model(catalog: Catalog) -> None:
    loaded = load_design(GOLDEN_V1, catalog)
    d = loaded.design
    assert [h.name for h in d.halls] == ["Data hall A", "Plant yard"]
    assert d.site.name == "Golden v1 — 两个机房" and d.site.currency == "EUR"
    hall = d.halls[0]
    assert hall.floor_type == "raised" and hall.floor_rating_kn_m2 == 15.0
    assert [c.id for c in hall.columns] == ["col-1", "hall-a-c1"]  # missing ids get stable ones
    assert hall.doors[1].width_mm == 1800.0 and hall.doors[0].rotation_deg == 90
    r2 = d.blocks["r2"]
    assert r2.overrides == {"it_kw": 120.5, "weight_kg": 1500.0} and r2.module_id == "pod-1"
    assert d.blocks["r3"].locked and d.blocks["r3"].rotation_deg == 180 and d.blocks["r3"].x_mm == 8000.5
    assert d.modules["pod-1"].template == "nvl72-pod"
    assert d.assumptions.power_schemes == {"main": "2N", "utility": "N+1"}
    assert d.assumptions.cooling_schemes["liquid"] == "2(N+1)"
    assert d.assumptions.values["misc_kw"] == 20.0
    assert set(catalog.parameters) <= set(d.assumptions.values)  # defaults filled for what v1 did not say
    assert d.meta["reviewed"] is True
    assert [p.where for p in loaded.problems] == ["design-v1.dchall.json: $.blocks[7].type"]
    assert loaded.problems[0].severity == "warning"


def test_newer_version_is_refused_naming_both_versions(tmp_path: Path) -> None:
    doc = json.loads(GOLDEN_V1.read_text("utf-8"))
    doc["schema_version"] = CURRENT_VERSION + 1
    path = tmp_path / "future.dchall.json"
    path.write_text(json.dumps(doc), "utf-8")
    with pytest.raises(InputError) as info:
        load_design(path)
    (problem,) = info.value.problems
    assert problem.where == "future.dchall.json: $.schema_version"
    assert f"schema version {CURRENT_VERSION + 1}" in problem.message
    assert f"schema version {CURRENT_VERSION} " in problem.message


def test_megabytes_of_junk(tmp_path: Path, catalog: Catalog) -> None:
    text = GOLDEN_V1.read_text("utf-8")
    rng = random.Random(7)
    cases = {
        "random.dchall.json": rng.randbytes(8_000_000),
        "after.dchall.json": (text + "\n" + "garbage " * 500_000).encode(),
        "nul.dchall.json": b"\x00" * 5_000_000,
        "array.dchall.json": ("[" + "1," * 3_000_000 + "1]").encode(),
        "blocks.dchall.json": json.dumps({**json.loads(text), "blocks": [{"id": 1}] * 300_000}).encode(),
    }
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
        with pytest.raises(InputError) as info:
            load_design(tmp_path / name, catalog)
        assert name in info.value.problems[0].where
        assert len(info.value.problems) <= 200  # a bounded list, not a million lines
    # A huge unknown field is refused by name, without echoing three megabytes back.
    doc = json.loads(text)
    doc["junk"] = "x" * 3_000_000
    (tmp_path / "field.dchall.json").write_text(json.dumps(doc), "utf-8")
    with pytest.raises(InputError) as info:
        load_design(tmp_path / "field.dchall.json", catalog)
    (problem,) = info.value.problems
    assert problem.where == "field.dchall.json: $" and "unknown field \"junk\"" in problem.message
    assert len(str(info.value)) < 300


def test_file_above_the_size_limit_is_refused_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.dchall.json"
    with open(path, "wb") as fh:  # sparse: costs no disk space
        fh.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(InputError, match="limit"):
        load_design(path)


def test_unreadable_and_missing_paths(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="file not found"):
        load_design(tmp_path / "nope.dchall.json")
    with pytest.raises(InputError, match="is a folder"):
        load_design(tmp_path)
    fifo = tmp_path / "pipe.dchall.json"
    os.mkfifo(fifo)  # reading a pipe nobody writes to would hang the window
    for special in (fifo, Path("/dev/zero")):
        with pytest.raises(InputError, match="not a regular file"):
            load_design(special)


def test_byte_order_marks_and_utf16(tmp_path: Path) -> None:
    text = GOLDEN_V1.read_text("utf-8")
    for codec, data in (("utf-8-sig", text.encode("utf-8-sig")), ("utf-16", text.encode("utf-16")),
                        ("utf-32", text.encode("utf-32")), ("utf-16-be", text.encode("utf-16-be"))):
        path = tmp_path / f"{codec}.dchall.json"
        path.write_bytes(data)
        assert load_design(path).design.site.name == "Golden v1 — 两个机房", codec
    assert loads_design("\ufeff" + text).design.halls


def test_unknown_fields_are_refused_with_their_paths() -> None:
    doc = json.loads(GOLDEN_V1.read_text("utf-8"))
    doc["blocks"][0]["colour"] = "red"
    doc["site"]["vat"] = 19
    with pytest.raises(InputError) as info:
        loads_design(json.dumps(doc), where="f")
    assert [(p.where, p.message.split(" (")[0]) for p in info.value.problems] == [
        ("f: $.blocks[0]", 'unknown field "colour"'), ("f: $.site", 'unknown field "vat"')]


@pytest.mark.needs_qt
def test_failed_open_changes_nothing_in_the_open_document(qtbot: Any, catalog: Catalog, golden_copy: Path) -> None:
    from workbench.model.edits import SetSiteField
    from workbench.ui.document import Document

    doc = Document(catalog)
    doc.open(golden_copy)
    doc.push(SetSiteField("name", "edited"))
    design, before = doc.design, design_to_dict(doc.design)
    for name in ("truncated.dchall.json", "duplicate-block-id.dchall.json", "newer-version.dchall.json"):
        with pytest.raises(InputError):
            doc.open(DATA / "damaged" / name)
        assert doc.design is design and design_to_dict(doc.design) == before
        assert doc.path == golden_copy and doc.dirty
    doc.save()
    assert load_design(golden_copy).design.site.name == "edited"


def test_fuzzed_files_never_crash_the_loader(catalog: Catalog) -> None:
    fuzz = load_script("fuzz_loader")
    # The small golden file keeps 2,000 inputs fast; scripts/fuzz_loader.py runs all templates for longer.
    result = fuzz.run(count=2000, seconds=None, seed=1234, catalog=catalog, seeds=[GOLDEN_V1.read_bytes()])
    assert result["failures"] == [], result["failures"][:3]
    assert result["tried"] == 2000
    # Both outcomes occur, so the mutations reach past the JSON parser into validation.
    assert result["outcomes"]["loaded"] > 50 and result["outcomes"]["rejected"] > 1000, result["outcomes"]


def test_loaded_design_saves_back_identically(tmp_path: Path, catalog: Catalog) -> None:
    for path in [GOLDEN_V1, *sorted((DATA.parent.parent / "templates").rglob("*.dchall.json"))]:
        first = load_design(path, catalog).design
        out = tmp_path / path.name
        save_design(first, out)
        again = load_design(out, catalog).design
        assert again == first, path
        assert dumps(again) == out.read_bytes()
        assert os.path.getsize(out) > 0
