"""A design's scenarios as whole designs: the base document, each scenario's differences, and materialising one."""

from __future__ import annotations

import copy
from typing import Any

from workbench.io.project import state_from_dict, state_to_dict
from workbench.io.scenario_docs import patch_doc
from workbench.io.scenario_keyed import KEYED, state_changes, state_document
from workbench.model.design import Design, Scenario
from workbench.model.problems import InputError, Problem

BASE = ""  # the id that names the base design wherever a scenario id is expected


def base_document(design: Design) -> dict[str, Any]:
    """The base as a file document, whichever state is being edited."""
    if design.active_scenario and design.scenario_base is not None:
        return design.scenario_base
    return state_document(design)


def changes_of(design: Design, scenario: Scenario, base: dict[str, Any] | None = None) -> dict[str, Any]:
    """A scenario's differences; for the one being edited, taken afresh from what is on screen (looking
    only at the blocks and connections that are not the base's own objects, when the base is at hand)."""
    if scenario.id == design.active_scenario:
        if base is None:
            base = base_document(design)
        return state_changes(design, base, _known_base(base), lambda key: _index(base, key))
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

    Unchanged blocks and connections are the base design's own objects rather than rebuilt from the file
    form, which keeps a ten-thousand-block option quick to produce; an edit replaces a block instead of
    changing it (model/edits.py), so the result can be edited all the same. ``editable=False``
    (comparisons, reports) also shares the design on screen when it is the one asked for.
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
    return _patched_design(base_design, base, changes)


_base_cache: list[tuple[dict[str, Any], Design]] = []
_index_cache: list[tuple[list[Any], dict[str, dict[str, Any]]]] = []  # by the very list, see _index


def remember_base(doc: dict[str, Any], design: Design) -> None:
    """Say that ``doc`` is the file form of ``design`` (a comparison of the base on screen), so options
    are built from it without building the base again."""
    _base_cache.insert(0, (doc, design))
    del _base_cache[4:]


def _index(doc: dict[str, Any], key: str) -> dict[str, dict[str, Any]]:
    """The objects of one keyed list of a base document by id, built once per list (base documents made
    while the base is on screen share the list while its blocks stay the same, see io/scenario_keyed.py)."""
    items = doc.get(key)
    if not isinstance(items, list):
        return {}
    for cached, index in _index_cache:
        if cached is items:
            return index
    index = {o["id"]: o for o in items if isinstance(o, dict) and "id" in o}
    _index_cache.insert(0, (items, index))
    del _index_cache[8:]
    return index


def _known_base(doc: dict[str, Any]) -> Design | None:
    """The base document's design if one is at hand (never built here: comparing documents costs less)."""
    return next((built for cached_doc, built in _base_cache if cached_doc is doc), None)


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
    """A read-only view of a design's state without its scenarios (objects shared; the block and connection
    dictionaries copied, so a later edit of the design does not reach a base remembered from the view)."""
    out = Design(site=design.site, halls=design.halls, blocks=dict(design.blocks), modules=design.modules,
                 assumptions=design.assumptions, description=design.description, meta=design.meta)
    for name in ("connections", "climate"):
        if hasattr(design, name):
            setattr(out, name, getattr(design, name))
    out.connections = dict(out.connections)
    return out


def _patched_design(base_design: Design, base: dict[str, Any], changes: dict[str, Any]) -> tuple[Design, list[str]]:
    small_changes = {k: v for k, v in changes.items() if k not in KEYED}
    patched = patch_doc({k: v for k, v in base.items() if k not in KEYED}, small_changes)
    stale = list(patched.stale)
    light = dict(patched.doc)
    for key in KEYED:
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
    for key in KEYED:
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
