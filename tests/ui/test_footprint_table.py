"""The canvas's footprint table rebuilt after edits and scenario switches equals one built afresh, and the aisle
strips drawn from it cover exactly the racks' front and rear clearances."""

from __future__ import annotations

import random

import numpy as np
import shapely

from workbench.bench.generate import generate_design
from workbench.geometry.placement import service_zones
from workbench.model import Catalog
from workbench.model.design import Block
from workbench.model.edits import AddBlocks, MoveBlocks, RemoveBlocks, SetBlockField
from workbench.scenarios import operations as ops
from workbench.ui.scene import block_look
from workbench.ui.scene.aisles import aisle_strips, merged
from workbench.ui.scene.block_look import FootprintTable


def _same(a: FootprintTable, b: FootprintTable) -> bool:
    return (a.ids == b.ids and a.row == b.row and np.array_equal(a.boxes, b.boxes)
            and np.array_equal(a.rotation, b.rotation) and np.array_equal(a.aisle_mm, b.aisle_mm))


def test_a_rebuild_equals_a_fresh_table_and_recomputes_only_blocks_that_are_not_the_same_object(
        catalog: Catalog, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    design = generate_design(catalog, 600)
    table = FootprintTable()
    table.rebuild(design, catalog)
    computed: list[str] = []
    rows = block_look._rows
    monkeypatch.setattr(block_look, "_rows", lambda bs, c: computed.extend(b.id for b in bs) or rows(bs, c))
    rng = random.Random(3)
    ops.create(design, "Option").apply(design)
    for step in range(12):
        ids = list(design.blocks)
        picked = rng.sample(ids, 4)
        kind = step % 4
        if kind == 0:
            MoveBlocks(picked, [(design.blocks[i].x_mm + 600.0, design.blocks[i].y_mm) for i in picked], [90] * 4).apply(design)
        elif kind == 1:
            SetBlockField(picked, "depth_mm", [900.0], override=True).apply(design)
        elif kind == 2:
            RemoveBlocks(picked).apply(design)
        else:
            AddBlocks([Block("rack.air-20kw", 1e6 + 600.0 * step, 0.0)]).apply(design)
        computed.clear()
        table.rebuild(design, catalog)
        assert set(computed) <= set(picked) | (set(design.blocks) - set(ids))  # only what the edit touched
        fresh = FootprintTable()
        fresh.rebuild(design, catalog)
        assert _same(table, fresh)
    computed.clear()
    ops.switch(design, "").apply(design)  # back to the base: only blocks the option changed are recomputed
    table.rebuild(design, catalog)
    assert 0 < len(computed) <= 12 * 4
    fresh = FootprintTable()
    fresh.rebuild(design, catalog)
    assert _same(table, fresh)


def test_joined_aisle_strips_cover_the_same_area_as_one_strip_per_rack(catalog: Catalog) -> None:
    design = generate_design(catalog, 2000)
    table = FootprintTable()
    table.rebuild(design, catalog)
    rack = table.aisle_mm[:, 0] > 0
    per_rack = service_zones(table.boxes[rack], table.rotation[rack], table.aisle_mm[rack, 0], table.aisle_mm[rack, 1])
    for joined, single in zip(aisle_strips(table), per_rack):
        assert len(joined) < len(single) / 4  # rows of racks became strips
        a = shapely.union_all(shapely.box(*single.T))
        b = shapely.union_all(shapely.box(*joined.T))
        assert a.symmetric_difference(b).area < 1e-6 * a.area


def test_merging_keeps_apart_what_does_not_touch() -> None:
    boxes = np.array([[0.0, 0.0, 1.0, 1.0], [1.0, 0.0, 2.0, 1.0], [2.5, 0.0, 3.0, 1.0], [0.0, 1.0, 2.0, 2.0],
                      [0.0, 0.0, 1.0, 1.5]])
    out = {tuple(r) for r in merged(boxes).tolist()}
    assert out == {(0.0, 0.0, 2.0, 2.0), (2.5, 0.0, 3.0, 1.0), (0.0, 0.0, 1.0, 1.5)}


def test_rows_made_at_once_equal_rows_made_one_by_one(catalog: Catalog) -> None:
    """Opening a design makes every row at once (block_look._rows): the same boxes, rotations and aisles as the
    one-block rule, for turned blocks, blocks with their own size and blocks of an unknown type."""
    import dataclasses

    blocks = list(generate_design(catalog, 300).blocks.values())
    blocks[3] = dataclasses.replace(blocks[3], overrides={"width_mm": 1111.0}, rotation_deg=90)
    blocks[4] = dataclasses.replace(blocks[4], type_id="no.such-type", rotation_deg=270)
    boxes, rotation, aisle = block_look._rows(blocks, catalog)
    one_by_one = [block_look._row(b, catalog) for b in blocks]
    assert np.array_equal(boxes, np.array([r[0] for r in one_by_one]))
    assert np.array_equal(rotation, np.array([r[1] for r in one_by_one]))
    assert np.array_equal(aisle, np.array([r[2] for r in one_by_one]))
