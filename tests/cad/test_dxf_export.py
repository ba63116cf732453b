"""DXF export: ezdxf's audit is clean, and the drawing reads back with the same blocks, positions, rotations,
attributes, layers, units and title block."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import ezdxf
import pytest

from workbench.cad import layers as L
from workbench.cad.block_data import TAGS, block_kw
from workbench.cad.dxf_export import TEXT_STYLE, ExportError, block_name, write_dxf
from workbench.model import Catalog, Design
from workbench.text.language import Language


def _export(design: Design, catalog: Catalog, lang: Language, tmp_path: Path, **kw: object) -> tuple[object, Path]:
    out = tmp_path / "plan.dxf"
    result = write_dxf(design, catalog, out, lang, today=date(2026, 12, 4), **kw)  # type: ignore[arg-type]
    return result, out


def test_audit_is_clean_and_units_are_set(design: Design, catalog: Catalog, english: Language, tmp_path: Path) -> None:
    result, out = _export(design, catalog, english, tmp_path)
    doc = ezdxf.readfile(out)
    auditor = doc.audit()
    assert auditor.has_errors is False, [str(e) for e in auditor.errors]
    assert auditor.has_fixes is False, [str(e) for e in auditor.fixes]
    assert doc.header["$INSUNITS"] == 4
    assert doc.header["$MEASUREMENT"] == 1
    assert doc.dxfversion == "AC1027"
    assert result.inserts == len(design.blocks)  # type: ignore[attr-defined]


def test_round_trip_blocks_positions_rotations_attributes(design: Design, catalog: Catalog, english: Language,
                                                         tmp_path: Path) -> None:
    _, out = _export(design, catalog, english, tmp_path)
    doc = ezdxf.readfile(out)
    inserts = doc.modelspace().query("INSERT")
    assert len(inserts) == len(design.blocks)
    by_id = {}
    for ins in inserts:
        attribs = {a.dxf.tag: a.dxf.text for a in ins.attribs}
        assert tuple(attribs) == TAGS
        by_id[attribs["ID"]] = (ins, attribs)
    assert set(by_id) == set(design.blocks)
    for b in design.blocks.values():
        ins, attribs = by_id[b.id]
        t = catalog.types[b.type_id]
        assert ins.dxf.name == block_name(b.type_id)
        assert ins.dxf.insert.x == pytest.approx(b.x_mm) and ins.dxf.insert.y == pytest.approx(b.y_mm)
        assert ins.dxf.rotation == pytest.approx(b.rotation_deg)
        assert ins.dxf.layer == L.CATEGORY_LAYERS[t.category].name
        assert attribs["TYPE"] == b.type_id
        assert attribs["NAME"] == (b.name or t.display_name("en"))
        assert float(attribs["KW"]) == pytest.approx(block_kw(b, t))
        assert attribs["SYSTEM"] == b.power_system and attribs["LOOP"] == b.cooling_loop
    # the override: 35 kW instead of the type's 40, an 800 mm wide rack drawn by scaling the block in x
    odd = next(b for b in design.blocks.values() if b.name == "机柜-X")
    ins, attribs = by_id[odd.id]
    assert attribs["KW"] == "35"
    assert ins.dxf.xscale == pytest.approx(800.0 / catalog.types[odd.type_id].width_mm)
    # only the name shows on the plan; the rest is data for schedules
    assert [a.dxf.tag for a in ins.attribs if not a.is_invisible] == ["NAME"]


def test_every_block_type_is_one_block_definition(design: Design, catalog: Catalog, english: Language,
                                                   tmp_path: Path) -> None:
    result, out = _export(design, catalog, english, tmp_path)
    doc = ezdxf.readfile(out)
    used = {b.type_id for b in design.blocks.values()}
    for type_id in used:
        blk = doc.blocks.get(block_name(type_id))
        assert blk is not None
        assert [a.dxf.tag for a in blk.query("ATTDEF")] == list(TAGS)
        t = catalog.types[type_id]
        outline = blk.query("LWPOLYLINE")[0]
        xs = [p[0] for p in outline.get_points()]
        assert max(xs) - min(xs) == pytest.approx(t.width_mm)
    assert result.block_definitions == len(used)  # type: ignore[attr-defined]


def test_layers_colours_and_content(design: Design, catalog: Catalog, english: Language, tmp_path: Path) -> None:
    _, out = _export(design, catalog, english, tmp_path)
    doc = ezdxf.readfile(out)
    for spec in L.ALL_LAYERS:
        if spec is L.CONNECTION:
            continue  # only with connections
        layer = doc.layers.get(spec.name)
        assert layer.dxf.color == spec.aci and layer.dxf.lineweight == spec.lineweight
        assert layer.rgb == spec.rgb
    msp = doc.modelspace()
    hall = msp.query(f'LWPOLYLINE[layer=="{L.HALL.name}"]')
    assert len(hall) == 1 and hall[0].closed
    assert sorted(tuple(p[:2]) for p in hall[0].get_points()) == sorted(design.halls[0].outline)
    assert len(msp.query(f'HATCH[layer=="{L.WALL.name}"]')) == 1
    assert len(msp.query(f'LWPOLYLINE[layer=="{L.COLUMN.name}"]')) == 1
    assert len(msp.query(f'ARC[layer=="{L.DOOR.name}"]')) == 2  # two leaves
    # each row's front strips merge into one cold aisle; the two rows face each other across it
    cold = msp.query(f'LWPOLYLINE[layer=="{L.AISLE_COLD.name}"]')
    assert 1 <= len(cold) <= 3
    assert len(msp.query(f'LWPOLYLINE[layer=="{L.CLEARANCE.name}"]')) >= 1
    dims = msp.query(f'DIMENSION[layer=="{L.DIMENSION.name}"]')
    assert sorted(round(d.get_measurement()) for d in dims) == [12000, 20000]


def test_title_block_and_chinese_text(design: Design, catalog: Catalog, chinese: Language, tmp_path: Path) -> None:
    result, out = _export(design, catalog, chinese, tmp_path)
    doc = ezdxf.readfile(out)
    style = doc.styles.get(TEXT_STYLE)
    assert style.dxf.font == "simsun.ttc"
    texts = {t.dxf.text for t in doc.modelspace().query(f'TEXT[layer=="{L.TITLE.name}"]')}
    assert {"设计", "数据机房 A", "版本", "C", "日期", "2026-12-04", "比例", "Example Co"} <= texts
    assert f"1:{result.scale}（A1）" in texts  # type: ignore[attr-defined]
    assert all(t.dxf.style == TEXT_STYLE for t in doc.modelspace().query("TEXT"))
    assert doc.layers.get(L.AISLE_COLD.name).description == "冷通道（机柜前部维护空间）"


def test_metres_divide_every_coordinate(design: Design, catalog: Catalog, english: Language, tmp_path: Path) -> None:
    _, out = _export(design, catalog, english, tmp_path, units="m")
    doc = ezdxf.readfile(out)
    assert doc.header["$INSUNITS"] == 6
    assert not doc.audit().has_errors
    b = next(iter(design.blocks.values()))
    ins = next(i for i in doc.modelspace().query("INSERT") if i.get_attrib_text("ID") == b.id)
    assert ins.dxf.insert.x == pytest.approx(b.x_mm / 1000)
    hall = doc.modelspace().query(f'LWPOLYLINE[layer=="{L.HALL.name}"]')[0]
    assert max(p[0] for p in hall.get_points()) == pytest.approx(20.0)
    dims = doc.modelspace().query("DIMENSION")
    assert sorted(round(d.get_measurement(), 3) for d in dims) == [12.0, 20.0]


def test_one_hall_and_bad_arguments(design: Design, catalog: Catalog, english: Language, tmp_path: Path) -> None:
    from workbench.model import Hall

    design.halls.append(Hall(id="h2", name="Yard", outline=[(30000, 0), (40000, 0), (40000, 5000), (30000, 5000)]))
    result, out = _export(design, catalog, english, tmp_path, hall="Yard")
    assert result.halls == 1 and result.inserts == 0  # type: ignore[attr-defined]
    with pytest.raises(ExportError, match="no hall named 'Nope'.*'Hall 1', 'Yard'"):
        write_dxf(design, catalog, tmp_path / "x.dxf", english, hall="Nope")
    with pytest.raises(ExportError, match="unknown units 'ft'"):
        write_dxf(design, catalog, tmp_path / "x.dxf", english, units="ft")
    assert not (tmp_path / "x.dxf").exists()


def test_connections_get_their_layer(design: Design, catalog: Catalog, english: Language, tmp_path: Path) -> None:
    from workbench.model.connections import Connection

    ups = next(b for b in design.blocks.values() if b.name == "UPS-A1")
    rack = next(b for b in design.blocks.values() if b.name == "R01")
    design.connections["k1"] = Connection("k1", "power", ups.id, "out", rack.id, "in")
    _, out = _export(design, catalog, english, tmp_path)
    doc = ezdxf.readfile(out)
    lines = doc.modelspace().query(f'LINE[layer=="{L.CONNECTION.name}"]')
    assert len(lines) == 1
    assert (lines[0].dxf.start.x, lines[0].dxf.end.x) == (ups.x_mm, rack.x_mm)


def test_odd_designs_still_give_a_clean_drawing(catalog: Catalog, chinese: Language, tmp_path: Path) -> None:
    from workbench.model import Block, Hall

    empty = Design(halls=[])
    result = write_dxf(empty, catalog, tmp_path / "empty.dxf", chinese)
    assert result.inserts == 0 and not ezdxf.readfile(tmp_path / "empty.dxf").audit().has_errors
    odd = Design(halls=[Hall(id="h", outline=[(0, 0), (1000, 0)])])  # a hall of two points: no outline drawn
    unknown = Block(type_id="nope.type", hall_id="h")
    named = Block(type_id="rack.air-10kw", hall_id="h", name="名字\n换行\x07")
    odd.blocks = {unknown.id: unknown, named.id: named}
    result = write_dxf(odd, catalog, tmp_path / "odd.dxf", chinese)
    assert (result.inserts, result.skipped_unknown_types) == (1, 1)
    doc = ezdxf.readfile(tmp_path / "odd.dxf")
    assert not doc.audit().has_errors
    assert doc.modelspace().query("INSERT")[0].get_attrib_text("NAME") == "名字 换行 "  # one line, no control codes
