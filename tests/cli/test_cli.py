"""The headless command line with good and bad files, run as a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from workbench.calc import calculate
from workbench.catalog import default_catalog
from workbench.io import load_design
from workbench.paths import sample_design_path

SAMPLE = str(sample_design_path())


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "workbench", *args], capture_output=True, text=True, timeout=120)


def test_calc_json_has_documented_keys_and_equals_library_result() -> None:
    p = run("calc", SAMPLE, "--json")
    assert p.returncode == 0, p.stderr
    data = json.loads(p.stdout)
    for key in ("it_load_kw", "pue", "pue_curve", "power", "cooling", "space", "floor", "cost", "checks"):
        assert key in data
    expected = calculate(load_design(SAMPLE, default_catalog()).design, default_catalog())
    assert data["pue"] == pytest.approx(expected.pue)
    assert data["it_load_kw"] == pytest.approx(expected.it_load_kw)
    assert [f for f, _ in data["pue_curve"]] == pytest.approx([0.1 * k for k in range(1, 11)])


def test_calc_table_and_load_option() -> None:
    p = run("calc", SAMPLE, "--load", "0.5")
    assert p.returncode == 0, p.stderr
    assert "PUE, annualised at 50% load" in p.stdout and "Capacity under redundancy" in p.stdout
    bad = run("calc", SAMPLE, "--load", "1.5")
    assert bad.returncode == 2 and "--load" in bad.stderr


def test_qt_is_never_imported_by_headless_commands() -> None:
    code = ("import sys; from workbench.cli.main import run; "
            f"run(['calc', {SAMPLE!r}]); print(any(m.startswith('PySide6') for m in sys.modules))")
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert p.stdout.strip().endswith("False"), p.stdout + p.stderr


def test_validate_exit_codes(tmp_path: Path) -> None:
    assert run("validate", SAMPLE).returncode == 0
    doc = json.loads(Path(SAMPLE).read_text("utf-8"))
    first = doc["blocks"][0]
    doc["blocks"][1].update(x_mm=first["x_mm"], y_mm=first["y_mm"], hall=first.get("hall", ""))
    broken = tmp_path / "overlap.dchall.json"
    broken.write_text(json.dumps(doc), "utf-8")
    p = run("validate", str(broken))
    assert p.returncode == 1 and "overlap" in p.stdout


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "file not found"), ("not json", "not valid JSON"), ('{"format": "x"}', "not a workbench design"),
     ('{"format": "datahall-workbench", "schema_version": 1, "site": {}, "halls": [], "blocks": [{"id": "a"}]}',
      "$.blocks[0]")],
)
def test_bad_input_gives_message_and_exit_2(tmp_path: Path, content: str | None, message: str) -> None:
    path = tmp_path / "bad.dchall.json"
    if content is not None:
        path.write_text(content, "utf-8")
    p = run("calc", str(path))
    assert p.returncode == 2
    assert message in p.stderr and "Traceback" not in p.stderr


def test_catalog_listing_and_version() -> None:
    p = run("catalog", "--json")
    rows = json.loads(p.stdout)
    assert len(rows) >= 40 and {"id", "category", "kw", "price"} <= set(rows[0])
    assert "block types" in run("catalog").stdout
    v = run("--version")
    assert v.returncode == 0 and v.stdout.startswith("workbench ")


def test_unknown_command_is_a_usage_error() -> None:
    p = run("frobnicate")
    # Neither a command nor an existing file: a usage error, not a window.
    assert p.returncode == 2
