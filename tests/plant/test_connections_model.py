"""Connections in the model: edits apply → revert → apply, deleting blocks takes their edges, modules keep theirs."""

from __future__ import annotations

import pytest

from tests.plant.conftest import make_plant
from workbench.calc.autoconnect_rules import new_connection
from workbench.editing.autoconnect import autoconnect_edit
from workbench.editing.modules import explode_module, insert_module, selection_to_module
from workbench.io import design_to_dict, dumps, loads_design
from workbench.model import Catalog, Design
from workbench.model.connection_edits import AddConnections, RemoveConnections, ReplaceConnections
from workbench.model.connections import Connection, downstream, internal_connections, upstream
from workbench.model.edits import RemoveBlocks


def _small(catalog: Catalog) -> Design:
    p = make_plant(catalog)
    p.add("pwr.ups-500kw", "UPS")
    p.add("pwr.pdu-250kva", "PDU")
    p.add("rack.air-20kw", "R1")
    p.add("rack.air-20kw", "R2")
    p.wire("UPS", "PDU")
    p.wire("PDU", "R1", "A")
    return p.design


def _edits(d: Design) -> dict[str, object]:
    first = next(iter(d.connections))
    return {
        "add": AddConnections([new_connection("power", "PDU", "out", "R2", "A")]),
        "remove": RemoveConnections([first]),
        "replace": ReplaceConnections([first], [new_connection("power", "PDU", "out", "R2", "B")]),
        "remove_block": RemoveBlocks(["PDU"]),
    }


@pytest.mark.parametrize("name", ["add", "remove", "replace", "remove_block"])
def test_apply_revert_apply(catalog: Catalog, name: str) -> None:
    d = _small(catalog)
    before = dumps(d)
    edit = _edits(d)[name]
    seen: list[list[str]] = []
    d.events.connections_changed.connect(seen.append)
    version = d.connections_version
    edit.apply(d)  # type: ignore[attr-defined]
    after = dumps(d)
    assert after != before and d.connections_version > version and seen
    edit.revert(d)  # type: ignore[attr-defined]
    assert dumps(d) == before  # byte-identical, connection order included
    edit.apply(d)  # type: ignore[attr-defined]
    assert dumps(d) == after


def test_deleting_a_block_takes_its_connections_and_undo_brings_them_back(catalog: Catalog) -> None:
    d = _small(catalog)
    edit = RemoveBlocks(["PDU"])
    edit.apply(d)
    assert not any(c.touches("PDU") for c in d.connections.values())
    edit.revert(d)
    assert [c.from_block for c in upstream(d, "R1")] == ["PDU"] and len(downstream(d, "UPS")) == 1


def test_adding_an_existing_id_is_refused_and_nothing_changes(catalog: Catalog) -> None:
    d = _small(catalog)
    c = next(iter(d.connections.values()))
    before = dumps(d)
    with pytest.raises(ValueError, match="already in design"):
        AddConnections([new_connection("power", "PDU", "out", "R2", "A"), c]).apply(d)
    assert dumps(d) == before


def test_a_connection_refuses_unknown_kinds_and_sides() -> None:
    with pytest.raises(ValueError, match="kind"):
        Connection("x", "air", "a", "air", "b", "air")
    with pytest.raises(ValueError, match="side"):
        Connection("x", "power", "a", "out", "b", "A", "C")


def test_save_and_load_keep_every_connection(catalog: Catalog) -> None:
    d = _small(catalog)
    d.connections["odd"] = Connection("odd", "power", "R2", "A", "PDU", "A")  # wrong way round: kept anyway
    loaded = loads_design(dumps(d), catalog)
    assert list(loaded.design.connections.values()) == list(d.connections.values())
    assert design_to_dict(loaded.design)["connections"] == design_to_dict(d)["connections"]


def test_modules_keep_their_wiring_when_placed_moved_exploded_and_saved(catalog: Catalog) -> None:
    src = _small(catalog)
    pod = selection_to_module(src, {"PDU", "R1", "R2"}, catalog, name="Pod")
    assert len(pod.connections) == 1  # PDU → R1; UPS → PDU leaves with the UPS
    inside = next(iter(pod.connections.values()))
    assert {inside.from_block, inside.to_block} <= set(pod.blocks)
    host = make_plant(catalog).design
    edit = insert_module(host, pod, 50000, 10000, rotation_deg=90)
    edit.apply(host)
    placed = list(host.connections.values())
    assert len(placed) == 1 and {placed[0].from_block, placed[0].to_block} <= set(host.blocks)
    names = {host.blocks[placed[0].from_block].name, host.blocks[placed[0].to_block].name}
    assert names == {"PDU", "R1"}
    module_id = next(iter(host.modules))
    explode = explode_module(host, module_id)
    explode.apply(host)
    assert list(host.connections.values()) == placed  # block ids do not change
    explode.revert(host)
    edit.revert(host)
    assert not host.connections and not host.blocks


def test_autoconnect_is_one_undo_step_for_a_design_or_a_selection(catalog: Catalog) -> None:
    p = make_plant(catalog).cooled()
    p.add("pwr.transformer-2500kva", "TX")
    p.add("pwr.ups-500kw", "UPS1")
    p.add("pwr.ups-500kw", "UPS2")
    p.add("pwr.pdu-250kva", "PDU1")
    p.add("pwr.pdu-250kva", "PDU2")
    for k in range(4):
        p.add("rack.air-20kw", f"R{k}")
    d = p.design
    before = dumps(d)
    edit = autoconnect_edit(d, catalog)
    edit.apply(d)
    wired = dumps(d)
    assert all(upstream(d, f"R{k}") for k in range(4)) and upstream(d, "UPS1") and upstream(d, "PDU1")
    edit.revert(d)
    assert dumps(d) == before
    edit.apply(d)
    assert dumps(d) == wired
    # A selection: rewire one rack's inputs only, leaving hand-made edges elsewhere alone.
    keep = RemoveConnections([c.id for c in upstream(d, "R3")])
    keep.apply(d)
    hand = new_connection("power", "PDU2", "out", "R0", "B")
    if hand.id not in d.connections:
        AddConnections([hand]).apply(d)
    sel = autoconnect_edit(d, catalog, {"R3"})
    sel.apply(d)
    assert upstream(d, "R3") and hand.id in d.connections
    assert all(c.to_block == "R3" for c in sel.add)  # type: ignore[attr-defined]
    assert internal_connections(d, {"R3"}) == []
