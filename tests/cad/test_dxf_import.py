"""Underlay import: our own export read back, drawings built with ezdxf the way CAD programs write them, units,
curves, nesting, and columns and halls taken from the drawing as one undo step each."""

from __future__ import annotations

import math
from datetime import date
from pathlib import Path

import ezdxf
import numpy as np
import pytest

from workbench.cad import layers as L
from workbench.cad.align import Similarity, from_two_pairs
from workbench.cad.dxf_export import block_name, write_dxf
from workbench.cad.dxf_import import read_underlay
from workbench.cad.underlay_edits import columns_edit, hall_outline_edit
from workbench.cad.underlay_shapes import columns_on_layer, outline_at
from workbench.geometry.segment_snap import CROSSING, END, MID, segment_crossings, snap_index
from workbench.model import Catalog, Design
from workbench.text.language import Language


def test_round_trip_finds_halls_and_blocks(design: Design, catalog: Catalog, english: Language, tmp_path: Path) -> None:
    out = tmp_path / "plan.dxf"
    write_dxf(design, catalog, out, english, today=date(2026, 12, 4))
    u = read_underlay(out)
    assert u.units == "mm" and u.units_from_file == "mm" and u.version == "AC1027"
    assert {s.name for s in L.ALL_LAYERS if s is not L.CONNECTION} <= set(u.layers)
    # one INSERT per block, at the block's centre, of the type's block
    assert len(u.inserts) == len(design.blocks)
    got = sorted((name, round(x), round(y)) for _, name, x, y, _ in u.inserts)
    want = sorted((block_name(b.type_id), round(b.x_mm), round(b.y_mm)) for b in design.blocks.values())
    assert got == want
    # clicking an empty spot of the hall finds the hall outline (not the wall band, not an aisle)
    outline = outline_at(u, Similarity(), 1000, 11000)
    assert outline is not None and sorted(outline) == sorted(design.halls[0].outline)
    assert u.read["DIMENSION"] == 2 and u.read["HATCH"] >= 2 and u.read["ARC"] == 2
    assert u.skipped_count == sum(u.skipped.values())


def test_units_from_file_and_override(design: Design, catalog: Catalog, english: Language, tmp_path: Path) -> None:
    out = tmp_path / "metres.dxf"
    write_dxf(design, catalog, out, english, units="m")
    u = read_underlay(out)
    assert u.units == "m"
    x0, y0, x1, y1 = u.bounds() or (0, 0, 0, 0)
    assert x1 - x0 > 20000  # in millimetres again: the hall plus its wall band and dimensions
    as_mm = read_underlay(out, units="mm")
    assert as_mm.units == "mm" and as_mm.units_from_file == "m"
    assert np.allclose(as_mm.seg * 1000, u.seg)
    with pytest.raises(ValueError, match="unknown units 'furlong'"):
        read_underlay(out, units="furlong")


def test_file_without_units_is_read_as_mm_and_says_so(tmp_path: Path) -> None:
    doc = ezdxf.new("R12")
    doc.modelspace().add_line((0, 0), (1000, 0))
    doc.saveas(tmp_path / "r12.dxf")
    u = read_underlay(tmp_path / "r12.dxf")
    assert u.version == "AC1009" and u.units == "mm" and u.units_from_file == ""
    assert "does not state its units" in u.notes[0]
    assert u.seg.tolist() == [[0.0, 0.0, 1000.0, 0.0]]


def _plan(tmp_path: Path) -> Path:
    """An architect's plan as CAD programs write it: walls as a closed polyline, columns as circles and as block
    inserts, a door arc, a bulged polyline, text, MTEXT, a hatch, nested blocks, a mirrored circle, a MINSERT."""
    doc = ezdxf.new("R2018")
    doc.header["$INSUNITS"] = 6  # metres
    for name in ("A-WALL", "S-COLS", "A-DOOR", "A-ANNO", "A-HATCH", "A-FURN"):
        doc.layers.add(name)
    doc.layers.get("A-FURN").off()
    msp = doc.modelspace()
    msp.add_lwpolyline([(0, 0), (30, 0), (30, 18), (0, 18)], close=True, dxfattribs={"layer": "A-WALL"})
    for x in (7.5, 15, 22.5):
        msp.add_circle((x, 6), 0.3, dxfattribs={"layer": "S-COLS"})
    col = doc.blocks.new("COL-SQ")
    col.add_lwpolyline([(-0.25, -0.25), (0.25, -0.25), (0.25, 0.25), (-0.25, 0.25)], close=True)
    msp.add_blockref("COL-SQ", (7.5, 12), dxfattribs={"layer": "S-COLS"})
    msp.add_blockref("COL-SQ", (15, 12), dxfattribs={"layer": "S-COLS", "rotation": 45})
    msp.add_arc((2, 0), 1.0, 0, 90, dxfattribs={"layer": "A-DOOR"})
    msp.add_lwpolyline([(40, 0, 0, 0, 1.0), (42, 0)], dxfattribs={"layer": "A-WALL"})  # a half circle by bulge
    msp.add_text("SERVER HALL", height=0.5, dxfattribs={"layer": "A-ANNO"}).set_placement((10, 9))
    msp.add_mtext("机房\\P{\\fArial|b1;Room} 1", dxfattribs={"layer": "A-ANNO", "char_height": 0.4}).set_location((10, 8))
    hatch = msp.add_hatch(dxfattribs={"layer": "A-HATCH"})
    hatch.paths.add_polyline_path([(50, 0), (52, 0), (52, 2), (50, 2)], is_closed=True)
    inner = doc.blocks.new("CHAIR")
    inner.add_line((0, 0), (0.5, 0))
    desk = doc.blocks.new("DESK")
    desk.add_lwpolyline([(0, 0), (1.6, 0), (1.6, 0.8), (0, 0.8)], close=True)
    desk.add_blockref("CHAIR", (0.8, -0.4))
    msp.add_blockref("DESK", (60, 0), dxfattribs={"layer": "A-FURN", "xscale": 2.0})
    msp.add_circle((-70, 5), 1, dxfattribs={"layer": "A-FURN", "extrusion": (0, 0, -1)})  # drawn at x = +70
    grid = msp.add_blockref("CHAIR", (80, 0), dxfattribs={"layer": "A-FURN"})
    grid.grid(size=(2, 3), spacing=(1.0, 2.0))
    msp.add_point((1, 1))
    path = tmp_path / "architect.dxf"
    doc.saveas(path)
    return path


def test_entities_of_an_architects_plan(tmp_path: Path) -> None:
    u = read_underlay(_plan(tmp_path))
    assert u.units == "m"
    # entities as drawn, those inside blocks included: 2 polylines + 2 square columns + 1 desk; 4 inserts + the
    # chair inside the desk; the chair's line once in the desk and six times in the 2 x 3 MINSERT
    assert u.read == {"LWPOLYLINE": 5, "CIRCLE": 4, "INSERT": 5, "LINE": 7, "ARC": 1, "TEXT": 1, "MTEXT": 1,
                      "HATCH": 1}
    assert u.skipped == {"POINT": 1}
    layer = u.layers.index
    assert u.layer_hidden[layer("A-FURN")] and not u.layer_hidden[layer("A-WALL")]
    # the metre drawing is in millimetres now
    walls = [pts for lay, pts in u.closed if lay == layer("A-WALL")]
    assert walls and walls[0].max(axis=0).tolist() == [30000.0, 18000.0]
    # a half circle from a bulge of 1 bows to the right of 40 -> 42 (clockwise is negative bulge): below y = 0
    bulge = u.seg[(u.seg_layer == layer("A-WALL")) & ~u.seg_snap]
    assert bulge[:, 1].min() == pytest.approx(-1000, abs=1) and bulge[:, 3].max() <= 1e-6
    texts = {t[5] for t in u.texts}
    assert texts == {"SERVER HALL", "机房 Room 1"}
    # the desk's chair comes through two levels of blocks, scaled by the outer insert
    chairs = u.seg[(u.seg_layer == layer("A-FURN")) & (np.abs(u.seg[:, 1] + 400) < 1)]
    assert [round(v) for v in chairs[0]] == [61600, -400, 62600, -400]
    # MINSERT: 2 columns x 3 rows of chairs
    assert int(np.sum((u.seg[:, 0] >= 80000) & (u.seg_layer == layer("A-FURN")))) == 6
    mirrored = [c for c in u.circles.tolist() if c[3] == layer("A-FURN")]
    assert mirrored[0][:3] == [70000.0, 5000.0, 1000.0]


def test_columns_from_a_layer_are_one_undo_step(tmp_path: Path) -> None:
    from workbench.model.design import Hall

    u = read_underlay(_plan(tmp_path))
    shapes = columns_on_layer(u, Similarity(), u.layers.index("S-COLS"))
    assert len(shapes) == 5
    squares = sorted((round(s.x_mm), round(s.y_mm), round(s.width_mm)) for s in shapes)
    assert squares == [(7500, 6000, 600), (7500, 12000, 500), (15000, 6000, 600), (15000, 12000, 707),
                       (22500, 6000, 600)]
    design = Design(halls=[Hall(id="h", outline=[(0, 0), (20000, 0), (20000, 18000), (0, 18000)])])
    edit, added, outside = columns_edit(design, shapes)
    assert edit is not None and (added, outside) == (4, 1)
    edit.apply(design)
    assert len(design.halls[0].columns) == 4
    again, more, _ = columns_edit(design, shapes)
    assert again is None and more == 0  # already there
    edit.revert(design)
    assert design.halls[0].columns == []


def test_hall_from_a_closed_polyline(tmp_path: Path) -> None:
    from workbench.model.design import Hall

    u = read_underlay(_plan(tmp_path))
    move = Similarity(dx_mm=1000, dy_mm=2000)
    outline = outline_at(u, move, 5000, 5000)
    assert outline is not None and sorted(outline) == [(1000, 2000), (1000, 20000), (31000, 2000), (31000, 20000)]
    assert outline_at(u, move, -5000, -5000) is None
    design = Design(halls=[Hall(id="h")])
    replace = hall_outline_edit(design, outline, "h", "Hall 2")
    replace.apply(design)
    assert design.halls[0].outline == outline
    replace.revert(design)
    assert design.halls[0].outline != outline
    add = hall_outline_edit(design, outline, None, "Hall 2")
    add.apply(design)
    assert [h.name for h in design.halls] == ["Hall 1", "Hall 2"]
    add.revert(design)
    with pytest.raises(ValueError, match="not a simple polygon"):
        hall_outline_edit(design, [(0, 0), (10000, 10000), (10000, 0), (0, 10000)], None, "bow tie")


def test_block_that_inserts_itself_is_drawn_once(tmp_path: Path) -> None:
    doc = ezdxf.new("R2013")
    a, b = doc.blocks.new("A"), doc.blocks.new("B")
    a.add_line((0, 0), (1, 0))
    a.add_blockref("B", (0, 1))
    b.add_line((0, 0), (0, 1))
    b.add_blockref("A", (1, 0))
    doc.modelspace().add_blockref("A", (0, 0))
    doc.saveas(tmp_path / "loop.dxf")
    u = read_underlay(tmp_path / "loop.dxf")
    assert len(u.seg) == 2  # A's line and B's line, then the loop stops
    assert u.skipped == {"INSERT (block inserts itself)": 1}
    assert "insert themselves" in u.notes[0] and "A" in u.notes[0]


def test_alignment_by_two_point_pairs() -> None:
    t = from_two_pairs((0, 0), (10, 0), (100, 100), (100, 120))
    assert (t.scale, t.rotation_deg, t.dx_mm, t.dy_mm) == pytest.approx((2.0, 90.0, 100.0, 100.0))
    assert t.apply_point(10, 0) == pytest.approx((100, 120))
    back = t.inverse().apply_point(100, 120)
    assert back == pytest.approx((10, 0), abs=1e-9)
    pts = np.array([[0.0, 0.0, 10.0, 0.0], [5.0, 5.0, 1.0, 2.0]])
    assert t.apply(pts)[0].tolist() == pytest.approx([100, 100, 100, 120])
    twice = t.then(t)
    assert twice.apply_point(3, 4) == pytest.approx(t.apply_point(*t.apply_point(3, 4)))
    keep = from_two_pairs((0, 0), (10, 0), (0, 0), (0, 50), keep_scale=True)
    assert keep.scale == pytest.approx(1.0) and keep.rotation_deg == pytest.approx(90)
    with pytest.raises(ValueError, match="same point"):
        from_two_pairs((0, 0), (0.1, 0), (0, 0), (5, 5))


def test_snap_targets_ends_midpoints_crossings() -> None:
    seg = np.array([[0, 0, 1000, 1000], [0, 1000, 1000, 0], [1000, 1000, 2000, 1000]], dtype=float)
    assert segment_crossings(seg).tolist() == [[500.0, 500.0]]  # shared end points are not crossings
    idx = snap_index(seg, np.ones(3, dtype=bool), np.zeros((0, 2)))
    assert idx.nearest(510, 490, 50) == (500.0, 500.0, CROSSING)
    assert idx.nearest(1490, 1010, 50) == (1500.0, 1000.0, MID)
    assert idx.nearest(1995, 1003, 50) == (2000.0, 1000.0, END)
    assert idx.nearest(5000, 5000, 50) is None


def test_crossings_of_a_dense_grid_are_found_fast() -> None:
    import time

    lines = [[0, y, 100000, y] for y in range(0, 100000, 1000)] + [[x, 0, x, 100000] for x in range(500, 100000, 1000)]
    seg = np.array(lines, dtype=float)
    start = time.perf_counter()
    pts = segment_crossings(seg)
    assert len(pts) == 100 * 100  # T-junctions on the bottom line count: a wall meeting a wall
    assert time.perf_counter() - start < 5.0
    assert math.isclose(pts[:, 0].min(), 500)


def test_windows_line_ends_and_a_minimal_r12_file(tmp_path: Path) -> None:
    """The smallest DXF a program may write: only an ENTITIES section, CRLF line ends, no header."""
    text = "0\r\nSECTION\r\n2\r\nENTITIES\r\n0\r\nLINE\r\n8\r\nA\r\n10\r\n0\r\n20\r\n0\r\n11\r\n5\r\n21\r\n5\r\n0\r\nENDSEC\r\n0\r\nEOF\r\n"
    path = tmp_path / "crlf.dxf"
    path.write_bytes(text.encode("ascii"))
    u = read_underlay(path)
    assert u.version == "AC1009" and u.layers == ["A"] and u.seg.tolist() == [[0.0, 0.0, 5.0, 5.0]]
