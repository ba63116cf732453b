"""`workbench migrate`: rewrites in today's schema atomically, keeps a .bak, refuses newer versions and bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.robustness.conftest import DATA, GOLDEN_V1, ROOT
from workbench.catalog import default_catalog
from workbench.cli.main import run
from workbench.io import load_design
from workbench.io.migrations import CURRENT_VERSION

CATALOG = default_catalog()


def test_migrate_to_output_leaves_the_source_alone(golden_copy: Path, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    before = golden_copy.read_bytes()
    out = tmp_path / "out.dchall.json"
    assert run(["migrate", str(golden_copy), "-o", str(out)]) == 0
    assert golden_copy.read_bytes() == before
    # The same design as the golden file opened with the catalog, which derives its connections as migrate does.
    assert load_design(out, CATALOG).design == load_design(GOLDEN_V1, CATALOG).design
    assert json.loads(out.read_text("utf-8"))["schema_version"] == CURRENT_VERSION
    said = capsys.readouterr().out
    # The golden file is version 1: migrate says so and what connections it derived.
    assert f"schema version 1 → {CURRENT_VERSION}" in said and "connect" in said


def test_migrate_in_place_keeps_the_original_as_bak(golden_copy: Path) -> None:
    before = golden_copy.read_bytes()
    assert run(["migrate", str(golden_copy)]) == 0
    assert golden_copy.with_name(golden_copy.name + ".bak").read_bytes() == before
    assert load_design(golden_copy, CATALOG).design == load_design(GOLDEN_V1, CATALOG).design


def test_migrate_refuses_a_newer_version_naming_both(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = DATA / "damaged" / "newer-version.dchall.json"
    out = tmp_path / "out.dchall.json"
    assert run(["migrate", str(src), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "schema version 99" in err and f"schema version {CURRENT_VERSION} " in err
    assert not out.exists()


@pytest.mark.parametrize("name", ["truncated.dchall.json", "nan.dchall.json", "duplicate-block-id.dchall.json"])
def test_migrate_bad_input_exits_2_with_location(name: str, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.dchall.json"
    assert run(["migrate", str(DATA / "damaged" / name), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert name in err and "Traceback" not in err
    assert not out.exists()


def test_migrate_missing_file_and_unwritable_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["migrate", str(tmp_path / "missing.dchall.json")]) == 2
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert run(["migrate", str(GOLDEN_V1), "-o", str(blocker / "out.dchall.json")]) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_migrate_from_the_installed_command_line(golden_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "cli.dchall.json"
    proc = subprocess.run([sys.executable, "-m", "workbench", "migrate", str(golden_copy), "-o", str(out)],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert load_design(out).design.site.name.startswith("Golden v1")
