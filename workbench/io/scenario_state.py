"""A design's scenarios as whole designs: the base document, each scenario's differences, and materialising one."""

from __future__ import annotations

import copy
from typing import Any

from workbench.io.project import state_from_dict, state_to_dict
from workbench.io.scenario_docs import diff_docs, patch_doc
from workbench.model.design import Block, Design, Scenario
from workbench.model.problems import InputError, Problem

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


def materialize(design: Design, scenario_id: str, base: dict[str, Any] | None = None,
                editable: bool = True) -> tuple[Design, list[str]]:
    """The base or one scenario as a design of its own (no scenarios) and its stale differences.

    Unchanged blocks and connections are taken from the base design rather than rebuilt from the file
    form, which keeps a ten-thousand-block option quick to produce. ``editable=False`` (comparisons,
    reports) shares those objects with the base; the default copies them so the result can be edited.
    """
    if base is None:
        base = base_document(design)
        base_design = _base_design(base) if design.active_scenario else design
    else:
        base_design = _base_design(base)
    scenario = None
    if scenario_id != BASE:
        scenario = find(design, scenario_id)
        if scenario is None:
            raise KeyError(scenario_id)
        if scenario.id == design.active_scenario:  # what is on screen is this scenario, edits and all
            shown = detached(design) if not editable else state_from_dict(copy.deepcopy(state_to_dict(design)))
            return shown, patch_doc(base, scenario.changes).stale
        if scenario.problems:
            raise InputError([Problem(f"scenario '{scenario.name}'", p) for p in scenario.problems])
    elif base_design is design:
        return (detached(design) if not editable else state_from_dict(copy.deepcopy(state_to_dict(design)))), []
    changes = scenario.changes if scenario is not None else {}
    shown, stale = _patched_design(base_design, base, changes)
    if editable:
        shown.blocks = {bid: _copy_block(b) for bid, b in shown.blocks.items()}
    return shown, stale


def _copy_block(b: Block) -> Block:
    # The constructor directly: Block.copy's generic field loop costs twice as much on a campus.
    return Block(b.type_id, b.x_mm, b.y_mm, b.rotation_deg, b.id, b.name, b.hall_id, b.power_system,
                 b.cooling_loop, b.module_id, b.locked, dict(b.overrides) if b.overrides else {})


# Large keyed collections: patched object by object, sharing what did not change.
_KEYED = ("blocks", "connections")
_base_cache: list[tuple[dict[str, Any], Design]] = []
_index_cache: list[tuple[dict[str, Any], dict[str, dict[str, dict[str, Any]]]]] = []


def remember_base(doc: dict[str, Any], design: Design) -> None:
    """Say that ``doc`` is the file form of ``design`` (a comparison of the base on screen), so options
    are built from it without building the base again."""
    _base_cache.insert(0, (doc, design))
    del _base_cache[4:]


def _index(doc: dict[str, Any], key: str) -> dict[str, dict[str, Any]]:
    """The objects of one keyed list of a base document by id, built once per base document."""
    for cached_doc, indexes in _index_cache:
        if cached_doc is doc:
            break
    else:
        indexes = {}
        _index_cache.insert(0, (doc, indexes))
        del _index_cache[4:]
    if key not in indexes:
        indexes[key] = {o["id"]: o for o in doc.get(key, []) if isinstance(o, dict) and "id" in o}
    return indexes[key]


def _base_design(doc: dict[str, Any]) -> Design:
    """The base document as a design, built once per base document (the base does not change while a
    scenario is being edited; a new base is a new document)."""
    for cached_doc, built in _base_cache:
        if cached_doc is doc:
            return built
    built = state_from_dict(doc)
    _base_cache.insert(0, (doc, built))
    del _base_cache[4:]
    return built


def detached(design: Design) -> Design:
    """A read-only view of a design's state without its scenarios (objects shared)."""
    out = Design(site=design.site, halls=design.halls, blocks=design.blocks, modules=design.modules,
                 assumptions=design.assumptions, description=design.description, meta=design.meta)
    for name in ("connections", "climate"):
        if hasattr(design, name):
            setattr(out, name, getattr(design, name))
    return out


def _patched_design(base_design: Design, base: dict[str, Any], changes: dict[str, Any]) -> tuple[Design, list[str]]:
    small_changes = {k: v for k, v in changes.items() if k not in _KEYED}
    patched = patch_doc({k: v for k, v in base.items() if k not in _KEYED}, small_changes)
    stale = list(patched.stale)
    light = dict(patched.doc)
    for key in _KEYED:
        d = changes.get(key) or {}
        light[key] = []
        if not d:
            continue
        by_id = _index(base, key)
        for cid, fields in (d.get("changed") or {}).items():
            if cid not in by_id:
                stale.append(f"$.{key}[id={cid}]: changed, but the base no longer has it")
                continue
            merged = {k: v for k, v in by_id[cid].items() if k not in fields.get("__unset__", ())}
            merged.update({k: v for k, v in fields.items() if k != "__unset__"})
            light[key].append(merged)
        for a in d.get("added") or []:
            if a.get("id") in by_id:
                stale.append(f"$.{key}[id={a.get('id')}]: added, but the base already has this id")
            else:
                light[key].append(a)
        for rid in d.get("removed") or []:
            if rid not in by_id:
                stale.append(f"$.{key}[id={rid}]: to be removed, but the base no longer has it")
    shown = state_from_dict(light)
    for key in _KEYED:
        if not hasattr(base_design, key):
            continue
        d = changes.get(key) or {}
        objs = dict(getattr(base_design, key))
        built = getattr(shown, key)
        for rid in d.get("removed") or []:
            objs.pop(rid, None)
        objs.update(built)  # changed ones replace theirs in place; added ones go last, as patching does
        wanted = d.get("order")
        if isinstance(wanted, list):
            ranked = [i for i in wanted if i in objs]
            rest = [i for i in objs if i not in set(ranked)]
            objs = {i: objs[i] for i in ranked + rest}
        setattr(shown, key, objs)
    if hasattr(shown, "connections_version"):
        shown.connections_version = getattr(base_design, "connections_version", 0) + 1
    return shown, stale
