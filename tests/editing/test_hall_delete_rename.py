"""Deleting a hall (its blocks deleted or kept) and renaming it: one undo step each, apply → revert → apply."""

from __future__ import annotations

import copy

import pytest

from workbench.catalog import default_catalog
from workbench.editing.halls import blocks_in_hall, delete_hall_edit, rename_hall_edit
from workbench.io.project import design_to_dict, load_design
from workbench.model.design import Design
from workbench.paths import sample_design_path


@pytest.fixture
def sample() -> Design:
    return load_design(sample_design_path(), default_catalog()).design


def _state(d: Design) -> dict[str, object]:
    return copy.deepcopy(design_to_dict(d))


@pytest.mark.parametrize("keep", [False, True])
def test_delete_a_hall_with_or_without_its_blocks_and_undo(sample: Design, keep: bool) -> None:
    before = _state(sample)
    yard = blocks_in_hall(sample, "plant-yard")
    assert len(yard) == 13  # 4 dry coolers, 3 chillers, 2 generators, 3 transformers, MV switchgear
    edit = delete_hall_edit(sample, "plant-yard", keep_blocks=keep)
    assert edit.text == "Delete hall Plant yard"
    edit.apply(sample)
    assert [h.name for h in sample.halls] == ["Data hall 1"]
    if keep:
        assert all(i in sample.blocks and sample.blocks[i].hall_id == "" for i in yard)
    else:
        assert not set(yard) & set(sample.blocks)
    after = _state(sample)
    edit.revert(sample)
    assert _state(sample) == before
    edit.apply(sample)
    assert _state(sample) == after


def test_the_last_hall_can_go_too(sample: Design) -> None:
    for hall_id in ("hall-1", "plant-yard"):
        delete_hall_edit(sample, hall_id, keep_blocks=False).apply(sample)
    assert sample.halls == [] and sample.blocks == {}


def test_rename(sample: Design) -> None:
    edit = rename_hall_edit(sample, "hall-1", "  AI hall A ")
    assert edit is not None and edit.text == "Rename hall AI hall A"
    edit.apply(sample)
    assert sample.hall("hall-1").name == "AI hall A"  # type: ignore[union-attr]
    edit.revert(sample)
    assert sample.hall("hall-1").name == "Data hall 1"  # type: ignore[union-attr]
    assert rename_hall_edit(sample, "hall-1", " ") is None and rename_hall_edit(sample, "hall-1", "Data hall 1") is None
