"""Distribution whips are not a paralleled bus: a rack cord whose own PDUs are lost is dark, even while the
other PDUs of their lineup (joined into one bus through racks that take whips from two PDUs) still run.

Found on the shipped 10 MW 2N hall: failing the two PDUs that were R1-01's only feeds left it powered.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.plant.conftest import Plant, make_plant
from workbench.calc.failure import FailureAnalysis
from workbench.calc.n1 import FastCases
from workbench.cli.main import run
from workbench.io import load_design
from workbench.model import Catalog
from workbench.paths import templates_dir

HALL_2N = templates_dir() / "halls" / "nvl72-hall-10mw-2n.dchall.json"


def _lineups(catalog: Catalog) -> Plant:
    """2N, two PDUs per side on one UPS each. R0's cords take whips from both PDUs of their side, which joins
    PDU-A1 and PDU-A2 (and B1, B2) into one bus; R1 has one whip per cord: A from PDU-A1, B from PDU-B1."""
    p = make_plant(catalog, "2N").cooled()
    for side in "AB":
        p.add("pwr.transformer-2500kva", f"TX-{side}")
        p.add("pwr.ups-500kw", f"UPS-{side}")
        p.wire(f"TX-{side}", f"UPS-{side}", side=side)
        for k in (1, 2):
            p.add("pwr.pdu-250kva", f"PDU-{side}{k}")
            p.wire(f"UPS-{side}", f"PDU-{side}{k}", side=side)
    for r in ("R0", "R1"):
        p.add("rack.air-20kw", r)
    for side in "AB":
        p.wire(f"PDU-{side}1", "R0", side, side=side)
        p.wire(f"PDU-{side}2", "R0", side, side=side)
        p.wire(f"PDU-{side}1", "R1", side, side=side)
    return p


def test_a_cord_whose_own_pdus_are_lost_is_dark_though_their_bus_survives(catalog: Catalog) -> None:
    p = _lineups(catalog)
    fa = FailureAnalysis(p.design, catalog)
    g = fa.g
    # The premise: PDU-A1 and PDU-A2 are one bus (R0's A cord joins them), and PDU-A2 alone covers it.
    assert g.source_bus[g.row["PDU-A1"]] == g.source_bus[g.row["PDU-A2"]]
    r = fa.run(["PDU-A1", "PDU-B1"])
    assert r.dark_power == ("R1",) and r.it_lost_kw == pytest.approx(20.0)
    # R0 keeps both cords through its second whips, each side's surviving PDU now carrying it.
    assert "R0" not in r.dark
    one = fa.run(["PDU-A1"])
    assert one.dark == ()  # R1 still has cord B
    # The fast N-1 path gives the same answer.
    fc = FastCases(fa)
    case = fc.case([g.row["PDU-A1"], g.row["PDU-B1"]])
    assert [g.ids[i] for i in case.dark] == ["R1"]
    assert fc.case([g.row["PDU-A1"]]).dark == ()


def test_the_paralleled_ups_bus_still_counts_the_whole_stage(catalog: Catalog) -> None:
    """Upstream of the whips nothing changes: a PDU wired to two of three paralleled UPS modules stays fed
    when those two fail, because the third carries the bus."""
    p = make_plant(catalog, "N+1").cooled()
    p.add("pwr.transformer-2500kva", "TX")
    for u in ("UPS-1", "UPS-2", "UPS-3"):
        p.add("pwr.ups-500kw", u)
        p.wire("TX", u)
    p.add("pwr.pdu-250kva", "PDU-1")
    p.add("pwr.pdu-250kva", "PDU-2")
    p.wire("UPS-1", "PDU-1")
    p.wire("UPS-2", "PDU-1")
    p.wire("UPS-2", "PDU-2")
    p.wire("UPS-3", "PDU-2")
    p.add("rack.air-20kw", "R0")
    p.wire("PDU-1", "R0", "A")
    p.wire("PDU-1", "R0", "B")
    r = FailureAnalysis(p.design, catalog).run(["UPS-1", "UPS-2"])
    assert r.dark == ()


def _r1_01_feeds() -> tuple[list[str], str, list[str]]:
    """R1-01's feeds (names), its id, and the known answer: every rack fed only by those feeds, read off
    the file's connections."""
    data = json.loads(HALL_2N.read_text(encoding="utf-8"))
    names = {b["id"]: b["name"] for b in data["blocks"]}
    types = {b["id"]: b["type"] for b in data["blocks"]}
    rack = next(b["id"] for b in data["blocks"] if b["name"] == "R1-01")
    power = [c for c in data["connections"] if c["kind"] == "power"]
    feeds = [names[c["from"]] for c in power if c["to"] == rack]
    lost = {c["from"] for c in power if c["to"] == rack}
    fed_by: dict[str, set[str]] = {}
    for c in power:
        if not types[c["to"]].startswith(("pwr.", "cool.")):  # racks and network racks
            fed_by.setdefault(c["to"], set()).add(c["from"])
    order = [b["id"] for b in data["blocks"]]
    dark = [r for r in order if r in fed_by and fed_by[r] <= lost]
    return feeds, rack, dark


def test_failing_both_feeds_of_r1_01_in_the_shipped_2n_hall_darkens_it(catalog: Catalog, tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    feeds, rack, dark = _r1_01_feeds()
    assert len(feeds) == 2 and rack in dark
    design = load_design(HALL_2N, catalog).design
    ids = {b.name: b.id for b in design.blocks.values()}
    res = FailureAnalysis(design, catalog).run([ids[f] for f in feeds])
    assert res.dark_power == tuple(dark) and res.it_lost_kw >= 140.0  # R1-01 alone is 140 kW
    # Either feed alone loses nothing: 2N.
    for f in feeds:
        assert FailureAnalysis(design, catalog).run([ids[f]]).dark == ()
    # The command line says the same.
    argv = ["fail", str(HALL_2N), "--json"]
    for f in feeds:
        argv += ["--block", f]
    run(argv)
    out = json.loads(capsys.readouterr().out)
    assert out["dark_power"] == dark and out["it_lost_kw"] == pytest.approx(res.it_lost_kw)


def test_auto_connect_takes_a_2n_side_per_power_gallery() -> None:
    """The 2N hall has power galleries A and B: cord A comes from gallery A, cord B from gallery B, and no
    device of one gallery feeds a device of the other."""
    data = json.loads(HALL_2N.read_text(encoding="utf-8"))
    blocks = {b["id"]: b for b in data["blocks"]}
    halls = {h["id"]: h["name"] for h in data["halls"]}
    sided = [c for c in data["connections"] if c["kind"] == "power" and c.get("side")]
    assert len(sided) > 300
    for c in sided:
        for end in (c["from"], c["to"]):  # the yard's transformers and the data hall's racks are on no side
            room = halls[blocks[end]["hall"]]
            if room.startswith("Power gallery"):
                assert room == f"Power gallery {c['side']}", (blocks[c["from"]]["name"], blocks[c["to"]]["name"])
    racks = [b["id"] for b in data["blocks"] if b["type"] == "rack.gb300-nvl72"]
    cords = {(c["to"], c["to_port"]) for c in sided}
    assert all((r, "A") in cords and (r, "B") in cords for r in racks)
