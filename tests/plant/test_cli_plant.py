"""`workbench fail`, `contingency` and `autoconnect` from the command line, on real files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.plant.conftest import make_plant
from workbench.cli.main import run
from workbench.io import load_design, save_design
from workbench.model import Catalog


def _file(catalog: Catalog, tmp_path: Path) -> Path:
    """N+1: a transformer, two 500 kW UPS modules on one bus, two PDUs, four 40 kW racks, cooled."""
    p = make_plant(catalog).cooled()
    p.add("pwr.transformer-2500kva", "TX")
    for u in ("UPS-1", "UPS-2"):
        p.add("pwr.ups-500kw", u)
        p.wire("TX", u)
    for k in (1, 2):
        p.add("pwr.pdu-250kva", f"PDU-{k}")
        p.wire("UPS-1", f"PDU-{k}")
        p.wire("UPS-2", f"PDU-{k}")
    for r in range(4):
        p.add("rack.air-40kw", f"R{r}")
        p.wire("PDU-1", f"R{r}", "A")
        p.wire("PDU-2", f"R{r}", "B")
    path = tmp_path / "plant.dchall.json"
    save_design(p.design, path)
    return path


def test_fail_names_dark_racks_and_exits_1_when_it_is_lost(catalog: Catalog, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    path = _file(catalog, tmp_path)
    assert run(["fail", str(path), "--block", "UPS-1"]) == 0
    out = capsys.readouterr().out
    assert "Racks losing power: 0" in out and "IT load lost: 0 kW" in out
    assert run(["fail", str(path), "--block", "TX", "--json"]) == 1
    doc = json.loads(capsys.readouterr().out)
    assert doc["dark_power"] == ["R0", "R1", "R2", "R3"] and doc["it_lost_kw"] == pytest.approx(160.0)
    assert doc["names"]["TX"] == "TX"


def test_fail_refuses_an_unknown_block_by_name(catalog: Catalog, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    path = _file(catalog, tmp_path)
    assert run(["fail", str(path), "--block", "nope"]) == 2
    assert "--block nope: no block with this id or name" in capsys.readouterr().err


def test_contingency_text_and_json(catalog: Catalog, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _file(catalog, tmp_path)
    assert run(["contingency", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Single points of failure: 1" in out and "TX (pwr.transformer-2500kva): 4 racks, 160 kW IT lost" in out
    assert "Concurrently maintainable: no" in out and "not an Uptime Institute certification" in out
    assert run(["contingency", str(path), "--depth", "2", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["depth"] == 2 and [s["block"] for s in doc["spofs"]] == ["TX"]
    # Both UPS modules together lose the bus: a pair within the system that neither loses alone.
    assert ["UPS-1", "UPS-2"] in [p["failed"] for p in doc["pairs"]]
    assert doc["concurrently_maintainable"]["breakers"] == ["TX"]


def test_autoconnect_rewires_a_file_and_keeps_a_backup(catalog: Catalog, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    path = _file(catalog, tmp_path)
    design = load_design(path, catalog).design
    design.connections = {}
    save_design(design, path)
    assert run(["contingency", str(path)]) == 2  # nothing to analyse yet: said so
    assert "has no connections" in capsys.readouterr().err
    assert run(["autoconnect", str(path)]) == 0
    out = capsys.readouterr().out
    assert "power connections" in out and "written to" in out
    assert (tmp_path / "plant.dchall.json.bak").exists()
    rewired = load_design(path, catalog).design
    assert all(any(c.to_block == f"R{r}" for c in rewired.connections.values()) for r in range(4))
    assert run(["fail", str(path), "--block", "UPS-1"]) == 0
