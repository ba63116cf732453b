"""`workbench dxf` and `workbench dxf-info` from the command line, without a display."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import ezdxf

from workbench.io import save_design
from workbench.model import Design


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "workbench", *args], capture_output=True, text=True, timeout=120)


def test_dxf_command_writes_an_audited_drawing(design: Design, tmp_path: Path) -> None:
    src = tmp_path / "hall.dchall.json"
    save_design(design, src)
    out = tmp_path / "hall.dxf"
    run = _run("dxf", str(src), "-o", str(out), "--units", "m", "--lang", "zh", "--json")
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    assert result["inserts"] == len(design.blocks) and result["units"] == "m"
    doc = ezdxf.readfile(out)
    assert doc.header["$INSUNITS"] == 6 and not doc.audit().has_errors
    info = _run("dxf-info", str(out), "--json")
    assert info.returncode == 0, info.stderr
    data = json.loads(info.stdout)
    assert data["units"] == "m" and data["inserts"] == len(design.blocks) and data["hall_candidates"] >= 1


def test_dxf_command_messages(design: Design, tmp_path: Path) -> None:
    src = tmp_path / "hall.dchall.json"
    save_design(design, src)
    run = _run("dxf", str(src), "-o", str(tmp_path / "x.dxf"), "--hall", "Nope")
    assert run.returncode == 2 and "no hall named 'Nope'" in run.stderr and "Traceback" not in run.stderr
    run = _run("dxf", str(src), "-o", str(tmp_path / "x.dxf"), "--lang", "xx")
    assert run.returncode == 2 and "unknown report language 'xx'" in run.stderr
    run = _run("dxf", str(src), "-o", str(tmp_path / "no" / "such" / "x.dxf"))
    assert run.returncode == 2 and "the folder" in run.stderr and "does not exist" in run.stderr
    bad = tmp_path / "bad.dxf"
    bad.write_bytes(b"AC1032" + bytes(100))
    run = _run("dxf-info", str(bad))
    assert run.returncode == 2 and "bad.dxf: is a DWG drawing" in run.stderr
