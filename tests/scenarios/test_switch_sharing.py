"""Scenario states share unchanged blocks: edits replace a block instead of changing it, and the differences and
base documents taken through that sharing are exactly those of the whole documents."""

from __future__ import annotations

import random

from workbench.io import load_design
from workbench.io import scenario_state
from workbench.io.project import state_to_dict
from workbench.io.scenario_docs import diff_docs
from workbench.io.scenario_state import BASE, base_document, changes_of, materialize
from workbench.model import Catalog, Design
from workbench.model.connection_edits import RemoveConnections
from workbench.model.design import Block
from workbench.model.edits import AddBlocks, MoveBlocks, RemoveBlocks, SetBlockField, SetSiteField
from tests.scenarios.conftest import HALL_10MW
from workbench.scenarios import operations as ops


def test_edits_put_a_changed_copy_in_place_and_undo_puts_the_original_back(design: Design) -> None:
    bid = next(iter(design.blocks))
    original = design.blocks[bid]
    x, name = original.x_mm, original.name
    for edit in (MoveBlocks([bid], [(x + 600.0, original.y_mm)], [90]), SetBlockField([bid], "name", ["Renamed"]),
                 SetBlockField([bid], "it_kw", [12.5], override=True)):
        edit.apply(design)
        assert design.blocks[bid] is not original
        assert (original.x_mm, original.name, original.rotation_deg, original.overrides) == (x, name, 0, {})
        edit.revert(design)
        assert design.blocks[bid] is original
    moved = MoveBlocks([bid], [(x + 600.0, original.y_mm)])
    moved.apply(design)
    assert list(design.blocks).index(bid) == 0  # a replaced block keeps its place in the file order


def _random_edits(design: Design, rng: random.Random) -> None:
    """A mix of what a user does to an option: moves, renames, overrides, deletions, additions, disconnections."""
    ids = list(design.blocks)
    for _ in range(7):
        kind = rng.randrange(7)
        picked = rng.sample(ids, 3)
        picked = [i for i in picked if i in design.blocks]
        if not picked:
            continue
        if kind == 0:
            MoveBlocks(picked, [(design.blocks[i].x_mm + 600.0, design.blocks[i].y_mm) for i in picked]).apply(design)
        elif kind == 1:
            SetBlockField(picked, "name", [f"N{rng.randrange(99)}"]).apply(design)
        elif kind == 2:
            SetBlockField(picked[:1], "weight_kg", [1234.0], override=True).apply(design)
        elif kind == 3:
            RemoveBlocks(picked).apply(design)
        elif kind == 4:
            src = design.blocks[picked[0]]
            AddBlocks([Block(src.type_id, src.x_mm, src.y_mm + 50000.0, hall_id=src.hall_id)]).apply(design)
        elif kind == 5:  # the same block deleted and added again: it goes last, so the order differs
            moved = design.blocks[picked[0]]
            RemoveBlocks([moved.id]).apply(design)
            AddBlocks([moved]).apply(design)
        elif design.connections:
            RemoveConnections(rng.sample(list(design.connections), 2)).apply(design)
    if rng.random() < 0.5:
        SetSiteField("customer", f"Customer {rng.randrange(1000)}").apply(design)


def test_the_changes_of_the_option_being_edited_are_those_of_the_whole_documents(catalog: Catalog) -> None:
    kinds: set[str] = set()  # what the differences held over all the edit mixes
    for seed in range(6):
        rng = random.Random(seed)
        design = load_design(HALL_10MW, catalog).design
        design.scenarios = []
        ops.create(design, "A").apply(design)
        ops.switch(design, BASE).apply(design)
        _random_edits(design, rng)  # the base moves on: its document is made again, sharing what it can
        assert base_document(design) == state_to_dict(design)
        ops.switch(design, "A").apply(design)
        _random_edits(design, rng)
        base = design.scenario_base
        assert base is not None
        active = design.scenarios[0]
        expected = diff_docs(base, state_to_dict(design))
        kinds.update(k for d in expected.values() for k in d)
        assert changes_of(design, active) == expected
        assert list(changes_of(design, active)) == list(expected)  # the same key order: saved files do not change
        # Without the base's objects at hand, every file form is compared; the answer is the same.
        scenario_state._base_cache.clear()
        assert changes_of(design, active) == expected
        ops.switch(design, BASE).apply(design)
        assert design.scenarios[0].changes == expected
    assert {"added", "removed", "changed", "order", "set"} <= kinds


def test_editing_an_option_never_reaches_the_base_or_another_option(design: Design) -> None:
    base_doc = state_to_dict(design)
    ops.create(design, "A").apply(design)
    ops.switch(design, BASE).apply(design)
    ops.create(design, "B").apply(design)
    b_doc = state_to_dict(design)
    ops.switch(design, design.scenarios[0].id).apply(design)
    bid = next(iter(design.blocks))
    MoveBlocks([bid], [(design.blocks[bid].x_mm + 1200.0, design.blocks[bid].y_mm)]).apply(design)
    SetBlockField([bid], "it_kw", [5.0], override=True).apply(design)
    assert state_to_dict(materialize(design, BASE)[0]) == base_doc
    assert state_to_dict(materialize(design, "B")[0]) == b_doc
    ops.switch(design, BASE).apply(design)
    assert state_to_dict(design) == base_doc


def test_a_switch_shares_the_blocks_an_option_did_not_change_and_undo_brings_back_the_very_state(
        design: Design) -> None:
    ops.create(design, "Fewer").apply(design)
    gone = list(design.blocks)[:5]
    RemoveBlocks(gone).apply(design)
    to_base = ops.switch(design, BASE)
    option_blocks = dict(design.blocks)
    to_base.apply(design)
    base_blocks = dict(design.blocks)
    to_option = ops.switch(design, "Fewer")
    to_option.apply(design)
    assert set(base_blocks) - set(design.blocks) == set(gone)
    assert all(design.blocks[i] is base_blocks[i] for i in design.blocks)  # shared, not copied
    to_option.revert(design)
    assert design.active_scenario == BASE and all(design.blocks[i] is b for i, b in base_blocks.items())
    to_base.revert(design)
    assert design.blocks == option_blocks
