"""A design's scenarios as whole designs: the base document, each scenario's differences, and materialising one."""

from __future__ import annotations

import copy
from typing import Any

from workbench.io.project import state_from_dict, state_to_dict, validate_document
from workbench.io.scenario_docs import diff_docs, patch_doc
from workbench.model.design import Design, Scenario
from workbench.model.problems import InputError

BASE = ""  # the id that names the base design wherever a scenario id is expected


def base_document(design: Design) -> dict[str, Any]:
    """The base as a file document, whichever state is being edited."""
    if design.active_scenario and design.scenario_base is not None:
        return design.scenario_base
    return state_to_dict(design)


def changes_of(design: Design, scenario: Scenario, base: dict[str, Any] | None = None) -> dict[str, Any]:
    """A scenario's differences; for the one being edited, taken afresh from what is on screen."""
    if scenario.id == design.active_scenario:
        return diff_docs(base if base is not None else base_document(design), state_to_dict(design))
    return scenario.changes


def find(design: Design, key: str) -> Scenario | None:
    """A scenario by id or by name (names are unique within a design)."""
    for s in design.scenarios:
        if s.id == key or s.name == key:
            return s
    return None


def materialize(design: Design, scenario_id: str, base: dict[str, Any] | None = None) -> tuple[Design, list[str]]:
    """A stand-alone copy of the base or of one scenario (no scenarios of its own) and its stale differences."""
    base = base if base is not None else base_document(design)
    if scenario_id == BASE:
        return state_from_dict(copy.deepcopy(base)), []
    scenario = find(design, scenario_id)
    if scenario is None:
        raise KeyError(scenario_id)
    if scenario.id == design.active_scenario:
        return state_from_dict(copy.deepcopy(state_to_dict(design))), patch_doc(base, scenario.changes).stale
    patched = patch_doc(base, scenario.changes)
    errors = [p for p in validate_document(patched.doc, f"scenario '{scenario.name}'") if p.severity == "error"]
    if errors:
        raise InputError(errors)
    return state_from_dict(copy.deepcopy(patched.doc)), patched.stale
