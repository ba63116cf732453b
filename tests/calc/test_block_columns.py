"""A snapshot that keeps the rows of unchanged block objects (calc/block_columns.py) equals one that reads every
block afresh, through edits, undo, scenario switches and unknown types; a block changed in place is caught."""

from __future__ import annotations

import random

import numpy as np
import pytest

from workbench.bench.generate import generate_design
from workbench.calc import block_columns
from workbench.calc.snapshot import Snapshot, build_snapshot, build_type_table
from workbench.model import Catalog
from workbench.model.design import Block
from workbench.model.edits import AddBlocks, MoveBlocks, RemoveBlocks, SetBlockField
from workbench.scenarios import operations as ops


def _same(a: Snapshot, b: Snapshot) -> None:
    assert a.ids == b.ids and a.unknown == b.unknown
    assert a.system_names == b.system_names and a.loop_names == b.loop_names
    for name in ("type_index", "x", "y", "rotation", "hall", "values", "system_code", "loop_code"):
        assert np.array_equal(getattr(a, name), getattr(b, name)), name


def test_kept_rows_equal_a_fresh_reading_through_edits_undo_and_switches(catalog: Catalog, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    design = generate_design(catalog, 400)
    types = build_type_table(catalog)
    build_snapshot(design, types)
    monkeypatch.delenv(block_columns.VERIFY_ENV, raising=False)  # its own fresh reading would count as one
    read: list[int] = []
    real = block_columns._read
    monkeypatch.setattr(block_columns, "_read", lambda blocks, last: read.append(len(blocks)) or real(blocks, last))
    rng = random.Random(5)
    ops.create(design, "Option").apply(design)
    done = []
    for step in range(16):
        picked = rng.sample(list(design.blocks), 3)
        kind = step % 5
        if kind == 0:
            edit = MoveBlocks(picked, [(design.blocks[i].x_mm + 600.0, design.blocks[i].y_mm) for i in picked], [90] * 3)
        elif kind == 1:
            edit = SetBlockField(picked, "it_kw", [33.0], override=True)
        elif kind == 2:
            edit = RemoveBlocks(picked)
        elif kind == 3:
            edit = AddBlocks([Block("rack.air-20kw", 1e6 + 600.0 * step, 0.0, hall_id=design.halls[-1].id,
                                    power_system="new-system")])
        else:
            edit = SetBlockField(picked, "power_system", ["other"])
        edit.apply(design)
        done.append(edit)
        _same(build_snapshot(design, types), build_snapshot(design, types, keep=False))
    for edit in reversed(done[-6:]):  # undo puts the very objects back
        edit.revert(design)
        _same(build_snapshot(design, types), build_snapshot(design, types, keep=False))
    ops.switch(design, "").apply(design)
    _same(build_snapshot(design, types), build_snapshot(design, types, keep=False))
    read.clear()
    again = build_snapshot(design, types)  # nothing changed since: no block is read
    assert read == [] and again.ids == build_snapshot(design, types, keep=False).ids


def test_unknown_types_are_left_out_as_in_a_fresh_reading(catalog: Catalog) -> None:
    design = generate_design(catalog, 120)
    types = build_type_table(catalog)
    build_snapshot(design, types)
    AddBlocks([Block("no.such-type", 5.0, 5.0), Block("rack.air-20kw", 7e5, 0.0)]).apply(design)
    kept, fresh = build_snapshot(design, types), build_snapshot(design, types, keep=False)
    _same(kept, fresh)
    assert [t for _, t in kept.unknown] == ["no.such-type"]


def test_a_block_changed_in_place_is_caught(catalog: Catalog, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    design = generate_design(catalog, 50)
    types = build_type_table(catalog)
    build_snapshot(design, types)
    b = next(iter(design.blocks.values()))
    b.x_mm += 1000.0  # what edits never do
    monkeypatch.setenv(block_columns.VERIFY_ENV, "1")
    with pytest.raises(AssertionError, match=f"block '{b.id}' was changed in place"):
        build_snapshot(design, types)
