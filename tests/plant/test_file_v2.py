"""Schema version 2: connections in the file, version-1 files derive theirs, bad edges open with their paths."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from workbench.catalog import default_catalog
from workbench.io import dumps, load_design, loads_design
from workbench.io.migrations import CURRENT_VERSION
from workbench.model import Catalog

DATA = Path(__file__).resolve().parent.parent / "data"
ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "resources" / "schema" / "design-2.schema.json").read_text("utf-8"))


def test_version_two_is_current_and_its_schema_is_published() -> None:
    assert CURRENT_VERSION == 2
    assert SCHEMA["properties"]["schema_version"] == {"const": 2}
    assert "connections" in SCHEMA["properties"]
    assert (ROOT / "resources" / "schema" / "design-1.schema.json").exists()  # still published for v1 files


def test_golden_v1_loads_and_says_what_it_derived(catalog: Catalog) -> None:
    loaded = load_design(DATA / "design-v1.dchall.json", catalog)
    assert loaded.source_version == 1
    assert any(line.startswith("derived 6 power connections") for line in loaded.derived)
    assert any("liquid connections" in line for line in loaded.derived)
    d = loaded.design
    assert {(c.from_block, c.to_block, c.to_port) for c in d.connections.values() if c.kind == "power"} == {
        ("ups-1", r, cord) for r in ("r1", "r2", "r3") for cord in ("A", "B")}
    # Saved, it is a valid version-2 document.
    jsonschema.validate(json.loads(dumps(d)), SCHEMA)


def test_golden_v2_loads_unchanged(catalog: Catalog) -> None:
    path = DATA / "design-v2.dchall.json"
    doc = json.loads(path.read_text("utf-8"))
    jsonschema.validate(doc, SCHEMA)
    loaded = load_design(path, catalog)
    assert loaded.source_version == 2 and loaded.derived == []
    assert [c.id for c in loaded.design.connections.values()] == [c["id"] for c in doc["connections"]]
    assert len(loaded.design.connections) == 8


def test_migrate_command_prints_what_it_derived(tmp_path: Path) -> None:
    src = tmp_path / "old.dchall.json"
    src.write_bytes((DATA / "design-v1.dchall.json").read_bytes())
    out = subprocess.run([sys.executable, "-m", "workbench", "migrate", str(src)], capture_output=True, text=True,
                         check=True)
    assert "schema version 1 → 2" in out.stdout and "derived 6 power connections" in out.stdout
    doc = json.loads(src.read_text("utf-8"))
    assert doc["schema_version"] == 2 and len(doc["connections"]) == 8
    assert (tmp_path / "old.dchall.json.bak").exists()


def _doc_with(edges: list[dict[str, object]]) -> str:
    doc = json.loads((DATA / "design-v2.dchall.json").read_text("utf-8"))
    doc["connections"] += edges
    return json.dumps(doc)


def _edge(cid: str, frm: str, fp: str, to: str, tp: str, kind: str = "power") -> dict[str, object]:
    return {"id": cid, "kind": kind, "from": frm, "from_port": fp, "to": to, "to_port": tp}


@pytest.mark.parametrize(("edge", "where", "words"), [
    (_edge("e1", "ghost", "out", "r1", "A"), "$.connections[8].from", "refers to block 'ghost'"),
    (_edge("e1", "r1", "A", "r1", "B"), "$.connections[8]", "connects a block to itself"),
    (_edge("e1", "ups-1", "out", "r1", "A"), "$.connections[8]", "duplicates $.connections[0]"),
    (_edge("e1", "ups-1", "out", "r1", "Z"), "$.connections[8]", "to_port 'Z' is not a port"),
    (_edge("e1", "ups-1", "out", "r1", "liquid", "liquid"), "$.connections[8]", "a liquid connection between a power"),
    (_edge("e1", "r1", "A", "ups-1", "A"), "$.connections[8]", "is an input, not an output"),
])
def test_bad_edges_open_with_their_json_path_and_are_kept(catalog: Catalog, edge: dict[str, object], where: str,
                                                          words: str) -> None:
    loaded = loads_design(_doc_with([edge]), catalog, where="f.json")
    hits = [p for p in loaded.problems if p.where == f"f.json: {where}"]
    assert hits and words in hits[0].message and hits[0].severity == "warning", loaded.problems
    # Nothing the user typed is lost: the edge is still there and is saved back as written.
    assert "e1" in loaded.design.connections
    again = json.loads(dumps(loaded.design))
    assert edge in again["connections"]


def test_a_repeated_connection_id_is_reported_and_the_first_kept(catalog: Catalog) -> None:
    loaded = loads_design(_doc_with([_edge("e1", "cdu-1", "liquid", "r3", "liquid", "liquid"),
                                     _edge("e1", "ups-1", "out", "r3", "A")]), catalog, where="f.json")
    assert any(p.where == "f.json: $.connections[9].id" and "duplicate id 'e1'" in p.message
               for p in loaded.problems)
    assert loaded.design.connections["e1"].kind == "liquid"


def test_a_loop_in_the_power_graph_opens_and_is_a_check(catalog: Catalog) -> None:
    from workbench.calc import calculate

    text = _doc_with([_edge("l1", "ups-1", "out", "pdu-x", "A"), _edge("l2", "pdu-x", "out", "ups-1", "A")])
    doc = json.loads(text)
    doc["blocks"].append({"id": "pdu-x", "type": "pwr.pdu-250kva", "x_mm": 5000, "y_mm": 9000})
    loaded = loads_design(json.dumps(doc), catalog)
    checks = [c for c in calculate(loaded.design, catalog).checks if c.code == "power_loop"]
    assert len(checks) == 1 and set(checks[0].blocks) == {"ups-1", "pdu-x"}
    assert {"l1", "l2"} <= set(loaded.design.connections)


def test_a_bad_kind_is_a_schema_error_with_its_path(catalog: Catalog) -> None:
    from workbench.model.problems import InputError

    with pytest.raises(InputError) as err:
        loads_design(_doc_with([_edge("e1", "ups-1", "out", "r1", "A", "air")]), catalog, where="f.json")
    assert "f.json: $.connections[8].kind" in str(err.value)


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return default_catalog()
