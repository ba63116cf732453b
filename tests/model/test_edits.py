"""Every edit: apply → revert → apply restores exactly, and emits the events views follow."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.designs import place
from workbench.io import design_to_dict
from workbench.model import Block, Column, Design, Hall, ModuleInstance
from workbench.model import edits as E
from workbench.model.history import History


def _seeded(empty: Design) -> Design:
    place(empty, "rack.air-20kw", 3000, 3000, name="R1")
    place(empty, "rack.air-20kw", 3600, 3000, name="R2")
    return empty


def _ids(d: Design) -> list[str]:
    return list(d.blocks)


EDITS: dict[str, Callable[[Design], E.Edit]] = {
    "add": lambda d: E.AddBlocks([Block("rack.air-10kw", 9000, 9000)]),
    "remove": lambda d: E.RemoveBlocks([_ids(d)[0]]),
    "move": lambda d: E.MoveBlocks(_ids(d), [(100.0, 200.0), (700.0, 200.0)], [90, 270]),
    "set_name": lambda d: E.SetBlockField(_ids(d), "name", ["X"]),
    "set_locked": lambda d: E.SetBlockField(_ids(d)[:1], "locked", [True]),
    "override": lambda d: E.SetBlockField(_ids(d), "it_kw", [55.0, 66.0], override=True),
    "hall_outline": lambda d: E.SetHallField(d.halls[0].id, "outline", [(0, 0), (5000, 0), (5000, 5000)]),
    "hall_columns": lambda d: E.SetHallField(d.halls[0].id, "columns", [Column(x_mm=1, y_mm=2)]),
    "add_hall": lambda d: E.AddHall(Hall(name="Yard")),
    "site": lambda d: E.SetSiteField("customer", "ACME"),
    "assumption": lambda d: E.SetAssumption("it_utilisation", 0.5),
    "new_assumption": lambda d: E.SetAssumption("brand_new", 1.0),
    "scheme": lambda d: E.SetScheme("power", "main", "2N"),
    "scheme_remove": lambda d: E.SetScheme("cooling", "air", ""),
    "module": lambda d: E.AddModule(ModuleInstance(name="Pod")),
    "compound": lambda d: E.CompoundEdit([E.SetSiteField("name", "n"), E.RemoveBlocks(_ids(d))]),
}


@pytest.mark.parametrize("name", sorted(EDITS))
def test_apply_revert_apply(empty: Design, name: str) -> None:
    d = _seeded(empty)
    before = design_to_dict(d)
    edit = EDITS[name](d)
    edit.apply(d)
    after = design_to_dict(d)
    assert after != before
    edit.revert(d)
    assert design_to_dict(d) == before
    edit.apply(d)
    assert design_to_dict(d) == after


def test_remove_then_undo_restores_block_order(empty: Design) -> None:
    d = _seeded(empty)
    place(d, "rack.air-20kw", 4200, 3000, name="R3")
    order = _ids(d)
    edit = E.RemoveBlocks([order[1]])
    edit.apply(d)
    edit.revert(d)
    assert _ids(d) == order


def test_events_follow_edits(empty: Design) -> None:
    d = _seeded(empty)
    seen: list[tuple[str, object]] = []
    d.events.blocks_moved.connect(lambda ids: seen.append(("moved", ids)))
    d.events.blocks_removed.connect(lambda ids: seen.append(("removed", ids)))
    d.events.blocks_added.connect(lambda bs: seen.append(("added", [b.id for b in bs])))
    first = _ids(d)[0]
    E.MoveBlocks([first], [(1.0, 1.0)]).apply(d)
    rm = E.RemoveBlocks([first])
    rm.apply(d)
    rm.revert(d)
    assert seen == [("moved", [first]), ("removed", [first]), ("added", [first])]


def test_event_blocker_silences_handlers(empty: Design) -> None:
    d = _seeded(empty)
    calls: list[object] = []
    d.events.site_changed.connect(lambda: calls.append(1))
    with d.events.blocker():
        E.SetSiteField("name", "quiet").apply(d)
    assert calls == []


def test_compound_rolls_back_when_a_part_fails(empty: Design) -> None:
    d = _seeded(empty)
    before = design_to_dict(d)
    bad = E.CompoundEdit([E.SetSiteField("name", "half"), E.RemoveBlocks(["missing"]),
                          E.MoveBlocks(["missing"], [(0.0, 0.0)])])
    with pytest.raises(KeyError):
        bad.apply(d)
    assert design_to_dict(d) == before


def test_invalid_edits_are_refused_up_front(empty: Design) -> None:
    with pytest.raises(ValueError, match="rotation"):
        E.MoveBlocks(["a"], [(0.0, 0.0)], [45])
    with pytest.raises(ValueError, match="not an editable block field"):
        E.SetBlockField(["a"], "x_mm", [1.0])
    with pytest.raises(ValueError, match="unknown redundancy scheme"):
        E.SetScheme("power", "main", "3N")
    d = _seeded(empty)
    dup = next(iter(d.blocks.values()))
    with pytest.raises(ValueError, match="already in design"):
        E.AddBlocks([dup]).apply(d)


def test_nudges_merge_into_one_undo_step(empty: Design) -> None:
    d = _seeded(empty)
    first = _ids(d)[0]
    h = History(d)
    start = design_to_dict(d)
    for k in range(1, 6):
        h.push(E.MoveBlocks([first], [(3000.0 + 100 * k, 3000.0)], merge_key="nudge"))
    assert d.blocks[first].x_mm == 3500.0
    assert h.undo() and not h.can_undo
    assert design_to_dict(d) == start
    assert h.redo() and d.blocks[first].x_mm == 3500.0
