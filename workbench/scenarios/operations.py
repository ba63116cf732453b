"""Scenario actions as undoable edits: create, switch, duplicate, rename, delete and promote to base.

Every action is one edit that swaps the design's whole state (the content, the scenario list, which one is
active and the base kept aside), so undo puts back exactly what was there, and views rebuild on
``design_reset`` as they do when a file is opened.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, fields
from typing import Any

from workbench.io.project import state_to_dict
from workbench.io.scenario_docs import diff_docs
from workbench.io.scenario_state import BASE, base_document, changes_of, detached, find, materialize, remember_base
from workbench.model.design import Design, Scenario
from workbench.model.edits import Edit

MAX_NAME = 80


class ScenarioError(ValueError):
    """An action refused, with a sentence saying why."""


def _state(design: Design) -> dict[str, Any]:
    return {f.name: getattr(design, f.name) for f in fields(design) if f.name != "events"}


@dataclass
class ReplaceState(Edit):
    """Swap every field of the design for another state; the generic edit behind each scenario action."""

    before: dict[str, Any]
    after: dict[str, Any]
    text: str = "Scenario"

    def apply(self, design: Design) -> None:
        self._put(design, self.after)

    def revert(self, design: Design) -> None:
        self._put(design, self.before)

    @staticmethod
    def _put(design: Design, state: dict[str, Any]) -> None:
        for name, value in state.items():
            setattr(design, name, value)
        design.events.design_reset.emit()


def _check_name(design: Design, name: str, except_id: str = "") -> str:
    name = name.strip()
    if not name:
        raise ScenarioError("a scenario needs a name")
    if len(name) > MAX_NAME:
        raise ScenarioError(f"a scenario name has at most {MAX_NAME} characters")
    if name.casefold() == "base":
        raise ScenarioError("'Base' names the base design; choose another name")
    for s in design.scenarios:
        if s.id != except_id and s.name.casefold() == name.casefold():
            raise ScenarioError(f"a scenario named '{s.name}' exists already")
    return name


def _refreshed(design: Design, base: dict[str, Any]) -> list[Scenario]:
    """Copies of the scenarios with the active one's differences taken from what is on screen.

    Difference documents and base documents are never changed in place (patching and diffing build new
    ones), so the copies share them rather than deep-copying a campus-sized document on every switch.
    """
    return [Scenario(s.name, s.id, s.description, changes_of(design, s, base), list(s.problems))
            for s in design.scenarios]


def _switched_state(design: Design, scenarios: list[Scenario], base: dict[str, Any], target: str) -> dict[str, Any]:
    """The design's fields with ``target`` (a scenario id, or BASE) materialised for editing."""
    if not design.active_scenario:
        # Leaving the base: what is on screen is the base, so options are built from its objects (a
        # detached view, since this design object is about to show the target instead).
        remember_base(base, detached(design))
    probe = Design(scenarios=scenarios, scenario_base=base, active_scenario="")
    shown, _stale = materialize(probe, target, base)
    state = _state(shown)
    state["scenarios"] = scenarios
    state["active_scenario"] = target
    state["scenario_base"] = base if target != BASE else None
    return state


def create(design: Design, name: str) -> ReplaceState:
    """A new scenario holding the current state (the base, or the scenario being edited), made active."""
    name = _check_name(design, name)
    base = base_document(design)
    scenarios = _refreshed(design, base)
    current = diff_docs(base, state_to_dict(design)) if design.active_scenario else {}
    new = Scenario(name=name, changes=current)
    after = _switched_state(design, [*scenarios, new], base, new.id)
    return ReplaceState(_state(design), after, f"New scenario “{name}”")


def switch(design: Design, target: str) -> ReplaceState:
    """Edit another scenario (by id or name) or the base (BASE); what was being edited is kept."""
    if target != BASE:
        found = find(design, target)
        if found is None:
            raise ScenarioError(f"no scenario '{target}' in this design")
        target = found.id
    base = base_document(design)
    label = "Base" if target == BASE else next(s.name for s in design.scenarios if s.id == target)
    after = _switched_state(design, _refreshed(design, base), base, target)
    return ReplaceState(_state(design), after, f"Switch to “{label}”")


def duplicate(design: Design, key: str, name: str) -> ReplaceState:
    """A copy of a scenario under a new name; the one being edited stays active."""
    source = find(design, key)
    if source is None:
        raise ScenarioError(f"no scenario '{key}' in this design")
    name = _check_name(design, name)
    base = base_document(design)
    copy_ = Scenario(name=name, description=source.description, changes=copy.deepcopy(changes_of(design, source, base)))
    after = _state(design)
    after["scenarios"] = [*design.scenarios, copy_]
    return ReplaceState(_state(design), after, f"Duplicate scenario “{source.name}”")


def rename(design: Design, key: str, name: str) -> ReplaceState:
    source = find(design, key)
    if source is None:
        raise ScenarioError(f"no scenario '{key}' in this design")
    name = _check_name(design, name, source.id)
    after = _state(design)
    after["scenarios"] = [Scenario(name, s.id, s.description, s.changes) if s.id == source.id else s
                          for s in design.scenarios]
    return ReplaceState(_state(design), after, f"Rename scenario “{source.name}”")


def delete(design: Design, key: str) -> ReplaceState:
    """Remove a scenario; deleting the one being edited shows the base again."""
    source = find(design, key)
    if source is None:
        raise ScenarioError(f"no scenario '{key}' in this design")
    base = base_document(design)
    kept = [s for s in _refreshed(design, base) if s.id != source.id]
    if design.active_scenario == source.id:
        after = _switched_state(design, kept, base, BASE)
    else:
        after = _state(design)
        after["scenarios"] = kept
    return ReplaceState(_state(design), after, f"Delete scenario “{source.name}”")


def promote(design: Design, key: str) -> ReplaceState:
    """Make a scenario the base. The old base is kept as a scenario ("Previous base"), and every other
    scenario is re-expressed against the new base, so nothing any option held is lost."""
    source = find(design, key)
    if source is None:
        raise ScenarioError(f"no scenario '{key}' in this design")
    old_base = base_document(design)
    scenarios = _refreshed(design, old_base)
    probe = Design(scenarios=scenarios, scenario_base=old_base)
    new_design, _ = materialize(probe, source.id, old_base)
    new_base = state_to_dict(new_design)
    others = []
    for s in scenarios:
        if s.id == source.id:
            continue
        shown, _ = materialize(probe, s.id, old_base)
        others.append(Scenario(s.name, s.id, s.description, diff_docs(new_base, state_to_dict(shown))))
    taken = {s.name.casefold() for s in others}
    label, n = "Previous base", 2
    while label.casefold() in taken:
        label, n = f"Previous base {n}", n + 1
    others.append(Scenario(label, description=f"The base before “{source.name}” was promoted",
                           changes=diff_docs(new_base, old_base)))
    after = _switched_state(design, others, new_base, BASE)
    return ReplaceState(_state(design), after, f"Promote “{source.name}” to base")
