"""Scenarios in one design: actions as undoable edits, the file round trip, stale differences, and calc per scenario."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from workbench.calc import calculate
from workbench.io import load_design
from workbench.io.project import dumps, loads_design, state_to_dict
from workbench.io.scenario_state import BASE, materialize
from workbench.model import Catalog, Design
from workbench.model.edits import RemoveBlocks, SetAssumption, SetScheme, SetSiteField
from tests.scenarios.conftest import HALL_10MW
from workbench.scenarios import operations as ops


def _results(design: Design, catalog: Catalog) -> str:
    return json.dumps(calculate(design, catalog).to_dict(), sort_keys=True)


def test_a_scenario_that_changes_one_assumption_equals_a_copy_of_the_file_with_it_changed(
        design: Design, catalog: Catalog, tmp_path: Path) -> None:
    ops.create(design, "Cheap money").apply(design)
    SetAssumption("it_utilisation", 0.6).apply(design)
    ops.switch(design, BASE).apply(design)
    assert design.assumptions.values["it_utilisation"] != 0.6  # the base is untouched
    scenario_design, stale = materialize(design, "Cheap money")
    assert stale == []

    copy_of_file = load_design(HALL_10MW, catalog).design
    copy_of_file.scenarios = []
    SetAssumption("it_utilisation", 0.6).apply(copy_of_file)
    assert _results(scenario_design, catalog) == _results(copy_of_file, catalog)
    assert _results(scenario_design, catalog) != _results(design, catalog)


def test_file_round_trip_keeps_base_and_scenario_and_which_one_is_open(design: Design, catalog: Catalog) -> None:
    base_doc = copy.deepcopy(state_to_dict(design))
    ops.create(design, "EUR").apply(design)
    SetSiteField("currency", "EUR").apply(design)
    SetScheme("power", "main", "DR").apply(design)
    text = dumps(design)
    doc = json.loads(text)
    # The file's main body is the base; the scenario holds only its differences.
    assert doc["site"]["currency"] == base_doc["site"]["currency"]
    changes = doc["scenarios"][0]["changes"]
    assert set(changes) == {"site", "assumptions"}
    assert changes["site"] == {"set": {"currency": {"value": "EUR"}}}
    assert doc["active_scenario"] == doc["scenarios"][0]["id"]

    again = loads_design(text, catalog).design
    assert again.active_scenario == design.active_scenario
    assert again.site.currency == "EUR" and again.assumptions.power_schemes["main"] == "DR"
    ops.switch(again, BASE).apply(again)
    assert again.site.currency == base_doc["site"]["currency"]
    assert dumps(again) != text  # the base is open now ...
    assert json.loads(dumps(again))["scenarios"][0]["changes"] == changes  # ... and the scenario kept


def test_every_action_is_one_edit_apply_revert_apply(design: Design) -> None:
    states = []

    def snap() -> str:
        return dumps(design).decode()

    steps = [
        lambda: ops.create(design, "A"),
        lambda: SetAssumption("it_utilisation", 0.5),
        lambda: ops.duplicate(design, "A", "B"),
        lambda: ops.switch(design, "B"),
        lambda: RemoveBlocks([next(iter(design.blocks))]),
        lambda: ops.rename(design, "B", "B2"),
        lambda: ops.switch(design, BASE),
        lambda: ops.promote(design, "A"),
        lambda: ops.delete(design, "B2"),
    ]
    for make in steps:
        before = snap()
        edit = make()
        edit.apply(design)
        after = snap()
        edit.revert(design)
        assert snap() == before
        edit.apply(design)
        assert snap() == after
        states.append(after)
    # Promote kept the old base as a scenario, so no option was lost.
    assert [s.name for s in design.scenarios] == ["Previous base"]


def test_promote_re_expresses_the_other_scenarios_against_the_new_base(design: Design, catalog: Catalog) -> None:
    ops.create(design, "Low util").apply(design)
    SetAssumption("it_utilisation", 0.5).apply(design)
    ops.switch(design, BASE).apply(design)
    ops.create(design, "EUR").apply(design)
    SetSiteField("currency", "EUR").apply(design)
    ops.switch(design, BASE).apply(design)
    eur_before = _results(materialize(design, "EUR")[0], catalog)
    ops.promote(design, "Low util").apply(design)
    assert design.assumptions.values["it_utilisation"] == 0.5
    # The EUR option is still exactly what it was, though now written against another base.
    assert _results(materialize(design, "EUR")[0], catalog) == eur_before
    assert "Previous base" in [s.name for s in design.scenarios]


def test_names_must_be_unique_and_not_base(design: Design) -> None:
    ops.create(design, "Option 1").apply(design)
    with pytest.raises(ops.ScenarioError, match="exists already"):
        ops.create(design, "option 1")
    with pytest.raises(ops.ScenarioError, match="Base"):
        ops.create(design, "Base")
    with pytest.raises(ops.ScenarioError, match="needs a name"):
        ops.create(design, "  ")


def test_a_file_with_two_scenarios_of_one_name_is_refused(design: Design, catalog: Catalog) -> None:
    ops.create(design, "X").apply(design)
    doc = json.loads(dumps(design))
    doc["scenarios"].append({**doc["scenarios"][0], "id": "other"})
    from workbench.model.problems import InputError

    with pytest.raises(InputError, match="same name"):
        loads_design(json.dumps(doc), catalog)


def test_stale_differences_open_listed_with_their_path_and_are_kept(design: Design, catalog: Catalog) -> None:
    from workbench.model.edits import MoveBlocks

    victim = next(iter(design.blocks))
    b = design.blocks[victim]
    ops.create(design, "Moved").apply(design)
    MoveBlocks([victim], [(b.x_mm + 500.0, b.y_mm)]).apply(design)
    ops.switch(design, BASE).apply(design)
    assert victim in design.scenarios[0].changes["blocks"]["changed"]
    RemoveBlocks([victim]).apply(design)  # the base loses the block the scenario moved
    loaded = loads_design(dumps(design), catalog)
    stale = [p for p in loaded.problems if "scenario 'Moved'" in p.message]
    assert len(stale) == 1 and f"$.scenarios[0].changes.blocks[id={victim}]" in stale[0].where
    # Saved again, the stale difference is still there: nothing is silently dropped.
    again = json.loads(dumps(loaded.design))
    assert victim in again["scenarios"][0]["changes"]["blocks"]["changed"]


def test_a_block_copy_carries_every_block_field() -> None:
    import dataclasses

    from workbench.model.design import Block

    values = {"type_id": "rack.x", "x_mm": 1.5, "y_mm": -2.0, "rotation_deg": 90, "id": "b1", "name": "R1",
              "hall_id": "h", "power_system": "main", "cooling_loop": "liquid", "module_id": "m", "locked": True,
              "overrides": {"it_kw": 99.0}}
    # Every field set away from its default: a field added to Block later and not copied fails here.
    assert {f.name for f in dataclasses.fields(Block)} == set(values)
    block = Block(**values)  # type: ignore[arg-type]
    copy_ = block.copy()
    assert copy_ == block and copy_ is not block and copy_.overrides is not block.overrides
    assert block.copy(x_mm=7.0, name="R2") == dataclasses.replace(block, x_mm=7.0, name="R2")


def test_comparison_carries_each_options_n1_verdicts(design: Design, catalog: Catalog) -> None:
    from workbench.calc.contingency import contingency
    from workbench.model.edits import RemoveBlocks
    from workbench.scenarios.compare import compare

    ops.create(design, "One MV line-up").apply(design)
    # Dropping redundant utility equipment is the kind of option whose verdicts must differ.
    utility = [b.id for b in design.blocks.values() if b.type_id.startswith("pwr.transformer")]
    RemoveBlocks(utility[1:]).apply(design)
    ops.switch(design, BASE).apply(design)
    result = compare(design, catalog, ["Base", "One MV line-up"], n1=True)
    for option in result.options:
        expected = contingency(option.design, catalog, 1)
        assert option.metrics()["single_points_of_failure"] == len(expected.spofs)
        assert option.metrics()["concurrently_maintainable"] == float(expected.concurrently_maintainable.holds)
    skipped = compare(design, catalog, ["Base", "One MV line-up"], n1=False)
    assert skipped.values["single_points_of_failure"] == (None, None) and not skipped.winners["fault_tolerant"]
