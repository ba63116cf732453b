"""Module insert, move, explode and save-selection as model edits, each with undo, without Qt."""

from __future__ import annotations

import copy

import pytest

from workbench.calc import calculate
from workbench.catalog.templates import TemplateSet
from workbench.io import design_to_dict, load_design
from workbench.model.blocktype import Catalog
from workbench.model.design import Design
from workbench.model.edits import MoveBlocks
from workbench.model.history import History
from workbench.editing.free_spot import place_module
from workbench.editing.modules import explode_module, insert_module, modules_of, selection_to_module
from workbench.paths import sample_design_path


@pytest.fixture
def hall(catalog: Catalog) -> Design:
    return load_design(sample_design_path(), catalog).design


@pytest.fixture
def pod(shipped: TemplateSet) -> Design:
    return next(t for t in shipped.of_kind("module") if t.stem == "nvl72-pod-1200kw").design


def snapshot(design: Design) -> dict[str, object]:
    return copy.deepcopy(design_to_dict(design))


def test_insert_is_one_undoable_edit_and_updates_the_totals(hall: Design, pod: Design, catalog: Catalog) -> None:
    before = snapshot(hall)
    it_before = calculate(hall, catalog).it_load_kw
    history = History(hall)
    edit = insert_module(hall, pod, 15000, 13500, hall_id=hall.halls[0].id, template="NVL72 pod")
    history.push(edit)
    assert len(hall.modules) == 1
    module = next(iter(hall.modules.values()))
    placed = hall.blocks_in_module(module.id)
    assert len(placed) == len(pod.blocks)
    assert not {b.id for b in placed} & set(pod.blocks)  # new ids, the template is untouched
    assert all(b.hall_id == hall.halls[0].id for b in placed)
    pod_it = sum(catalog.types[b.type_id].rack.it_kw for b in pod.blocks.values()  # type: ignore[union-attr]
                 if catalog.types[b.type_id].rack)
    assert calculate(hall, catalog).it_load_kw == pytest.approx(it_before + pod_it)
    after = snapshot(hall)
    assert history.undo()
    assert snapshot(hall) == before
    assert history.redo()
    assert snapshot(hall) == after


def test_insert_rotated_keeps_the_pod_shape(hall: Design, pod: Design) -> None:
    edit = insert_module(hall, pod, 0, 0, rotation_deg=90)
    edit.apply(hall)
    for src in pod.blocks.values():
        placed = next(b for b in hall.blocks.values() if b.module_id and b.name == src.name)
        assert (placed.x_mm, placed.y_mm) == (-src.y_mm, src.x_mm)
        assert placed.rotation_deg == (src.rotation_deg + 90) % 360


def test_a_placed_module_moves_as_one_with_undo(hall: Design, pod: Design) -> None:
    history = History(hall)
    history.push(insert_module(hall, pod, 15000, 13500))
    module_id = next(iter(hall.modules))
    ids = [b.id for b in hall.blocks_in_module(module_id)]
    old = [(hall.blocks[i].x_mm, hall.blocks[i].y_mm) for i in ids]
    history.push(MoveBlocks(ids, [(x + 600, y - 1200) for x, y in old]))
    # An edit puts moved copies in the blocks' places, so the blocks are looked up again after each step.
    assert [(hall.blocks[i].x_mm, hall.blocks[i].y_mm) for i in ids] == [(x + 600, y - 1200) for x, y in old]
    history.undo()
    assert [(hall.blocks[i].x_mm, hall.blocks[i].y_mm) for i in ids] == old
    history.redo()
    assert [(hall.blocks[i].x_mm - 600, hall.blocks[i].y_mm + 1200) for i in ids] == old


def test_explode_clears_module_ids_and_undo_restores_them(hall: Design, pod: Design) -> None:
    history = History(hall)
    history.push(insert_module(hall, pod, 15000, 13500))
    module_id = next(iter(hall.modules))
    ids = [b.id for b in hall.blocks_in_module(module_id)]
    assert modules_of(hall, ids[:1]) == [module_id]
    before = snapshot(hall)
    history.push(explode_module(hall, module_id))
    assert hall.modules == {}
    assert all(hall.blocks[i].module_id == "" for i in ids)
    assert modules_of(hall, ids) == []
    exploded = snapshot(hall)
    history.undo()
    assert snapshot(hall) == before
    history.redo()
    assert snapshot(hall) == exploded


def test_explode_of_unknown_module_is_refused(hall: Design) -> None:
    with pytest.raises(KeyError):
        explode_module(hall, "nope")


def test_save_selection_recentres_and_leaves_the_source_alone(hall: Design, catalog: Catalog) -> None:
    racks = [b.id for b in hall.blocks.values() if b.name.startswith("RA")]
    before = snapshot(hall)
    module = selection_to_module(hall, racks, catalog, name="Row A", author="Tester")
    assert snapshot(hall) == before
    assert module.meta["kind"] == "module" and module.meta["name"] == "Row A"
    assert len(module.blocks) == len(racks)
    assert not set(module.blocks) & set(racks)
    xs = [b.x_mm for b in module.blocks.values()]
    ys = [b.y_mm for b in module.blocks.values()]
    assert abs((min(xs) + max(xs)) / 2) <= 300 and abs((min(ys) + max(ys)) / 2) <= 1
    # It is a valid design in its own right: it can be inserted again, with undo.
    history = History(hall)
    history.push(insert_module(hall, module, 15000, 13000))
    assert len(hall.blocks) == len(before["blocks"]) + len(racks)  # type: ignore[arg-type]
    history.undo()
    assert snapshot(hall) == before
    results = calculate(module, catalog)
    assert not [c for c in results.checks if c.code in ("outside_hall", "overlap")]


def test_save_selection_needs_blocks(hall: Design, catalog: Catalog) -> None:
    with pytest.raises(ValueError, match="select at least one block"):
        selection_to_module(hall, [], catalog, name="x")


def test_a_module_finds_room_and_says_when_there_is_none(hall: Design, pod: Design, catalog: Catalog) -> None:
    placed = place_module(hall, catalog, pod)
    assert placed.edit is not None and placed.hall_id == hall.halls[0].id
    placed.edit.apply(hall)
    overlaps = [c for c in calculate(hall, catalog).checks if c.code == "overlap"]
    assert overlaps == []
    tiny = Design()
    tiny.halls[0].outline = [(0, 0), (3000, 0), (3000, 3000), (0, 3000)]
    assert place_module(tiny, catalog, pod).edit is None
