"""Scenarios as differences between design documents: diff, patch and materialise, on plain JSON values.

A scenario records only what differs from the base. Working on the file's own JSON form (rather than on
the dataclasses) means every field the format gains later is covered without code here knowing it.

The difference document has one entry per top-level key that differs:
- lists of objects with an ``id`` (blocks, halls, modules, connections ...):
  ``{"added": [obj...], "removed": [id...], "changed": {id: {field: value}}, "order": [id...]}``
  (``order`` only when the order differs; ``changed`` holds whole top-level fields of the object);
- objects (site, assumptions ...): ``{"set": {key: diff-or-value}, "unset": [key...]}`` recursively;
- anything else: ``{"value": new}``.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

# Top-level keys that belong to the file rather than to one state of the design.
NOT_DIFFED = frozenset({"format", "schema_version", "scenarios", "active_scenario"})


@dataclass
class Patched:
    """A patched document and the differences that no longer apply to the base, with their paths."""

    doc: dict[str, Any]
    stale: list[str] = field(default_factory=list)


def _is_id_list(value: Any) -> bool:
    """A list of objects with unique string ids (a damaged list with repeated ids is diffed as a whole)."""
    if not isinstance(value, list):
        return False
    try:
        ids = {v["id"] for v in value}  # one C-level pass; a non-object or an object without id raises
    except (TypeError, KeyError, AttributeError):
        return False
    return len(ids) == len(value) and all(type(i) is str for i in ids)


def diff_docs(base: dict[str, Any], variant: dict[str, Any]) -> dict[str, Any]:
    """What turns ``base`` into ``variant`` (both design documents); empty when they are equal."""
    out: dict[str, Any] = {}
    for key in sorted(set(base) | set(variant)):
        if key in NOT_DIFFED:
            continue
        d = _diff_value(base.get(key), variant.get(key), key in variant)
        if d is not None:
            out[key] = d
    return out


def _diff_value(old: Any, new: Any, present: bool = True) -> dict[str, Any] | None:
    if not present:
        return {"unset": True}
    if old == new:
        return None
    if (_is_id_list(old) and _is_id_list(new)) and (old or new):
        return _diff_id_list(old, new)
    if isinstance(old, dict) and isinstance(new, dict):
        sets: dict[str, Any] = {}
        for k in new:
            if k not in old:
                sets[k] = {"value": copy.deepcopy(new[k])}
            else:
                d = _diff_value(old[k], new[k])
                if d is not None:
                    sets[k] = d
        unset = sorted(k for k in old if k not in new)
        out: dict[str, Any] = {}
        if sets:
            out["set"] = sets
        if unset:
            out["unset"] = unset
        return out or None
    return {"value": copy.deepcopy(new)}


def _diff_id_list(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> dict[str, Any]:
    old_by = {o["id"]: o for o in old}
    new_by = {n["id"]: n for n in new}
    added = [copy.deepcopy(n) for n in new if n["id"] not in old_by]
    removed = [o["id"] for o in old if o["id"] not in new_by]
    changed: dict[str, dict[str, Any]] = {}
    for n in new:
        o = old_by.get(n["id"])
        if o is None or o == n:
            continue
        fields = {k: copy.deepcopy(v) for k, v in n.items() if o.get(k, MISSING) != v}
        gone = [k for k in o if k not in n]
        if gone:
            fields["__unset__"] = gone
        changed[n["id"]] = fields
    natural = [o["id"] for o in old if o["id"] in new_by] + [a["id"] for a in added]
    return list_difference(added, removed, changed, natural, [n["id"] for n in new])


def list_difference(added: list[Any], removed: list[str], changed: dict[str, Any], natural: list[str],
                    shown: list[str]) -> dict[str, Any]:
    """The difference document of an id-keyed list from its parts. Patching keeps the base's order and appends
    what was added (`natural`); the order is recorded only when the one shown differs from that."""
    out: dict[str, Any] = {}
    if added:
        out["added"] = added
    if removed:
        out["removed"] = removed
    if changed:
        out["changed"] = changed
    if natural != shown:
        out["order"] = shown
    return out


class _Missing:
    def __repr__(self) -> str:
        return "<missing>"


MISSING = _Missing()


def patch_doc(base: dict[str, Any], changes: dict[str, Any], where: str = "$") -> Patched:
    """Apply a difference document to a copy of ``base``; differences that refer to what the base no
    longer has are kept out of the result and listed (JSON path and reason), never silently dropped."""
    doc = {k: v for k, v in base.items()}
    stale: list[str] = []
    for key, d in changes.items():
        if key in NOT_DIFFED:
            continue
        result = _patch_value(base.get(key, MISSING), d, f"{where}.{key}", stale)
        if result is MISSING:
            doc.pop(key, None)
        else:
            doc[key] = result
    return Patched(doc, stale)


def _patch_value(old: Any, d: Any, where: str, stale: list[str]) -> Any:
    if not isinstance(d, dict):
        stale.append(f"{where}: not a difference object")
        return old
    if d.get("unset") is True:
        return MISSING
    if "value" in d:
        return copy.deepcopy(d["value"])
    if any(k in d for k in ("added", "removed", "changed", "order")):
        if old is MISSING:
            old = []
        if not isinstance(old, list):
            stale.append(f"{where}: the base holds no list here")
            return old
        return _patch_id_list(old, d, where, stale)
    if old is MISSING:
        old = {}
    if not isinstance(old, dict):
        stale.append(f"{where}: the base holds no object here")
        return old
    out = dict(old)
    for k, sub in (d.get("set") or {}).items():
        r = _patch_value(old.get(k, MISSING), sub, f"{where}.{k}", stale)
        if r is MISSING:
            out.pop(k, None)
        else:
            out[k] = r
    for k in d.get("unset") or []:
        if k in out:
            del out[k]
        else:
            stale.append(f"{where}.{k}: to be removed, but the base has no such key")
    return out


def _patch_id_list(old: list[Any], d: dict[str, Any], where: str, stale: list[str]) -> list[Any]:
    items = {o["id"]: o for o in old if isinstance(o, dict) and "id" in o}
    order = [o["id"] for o in old if isinstance(o, dict) and "id" in o]
    removed = set()
    for rid in d.get("removed") or []:
        if rid in items:
            del items[rid]
            removed.add(rid)
        else:
            stale.append(f"{where}[id={rid}]: to be removed, but the base no longer has it")
    if removed:  # one pass, not a list.remove per id: a scenario may drop thousands of blocks
        order = [i for i in order if i not in removed]
    for cid, fields in (d.get("changed") or {}).items():
        if cid not in items:
            stale.append(f"{where}[id={cid}]: changed, but the base no longer has it")
            continue
        obj = dict(items[cid])
        for k, v in fields.items():
            if k == "__unset__":
                for gone in v:
                    obj.pop(gone, None)
            else:
                obj[k] = copy.deepcopy(v)
        items[cid] = obj
    for a in d.get("added") or []:
        if not isinstance(a, dict) or "id" not in a:
            stale.append(f"{where}: an added entry has no id")
            continue
        if a["id"] in items:
            stale.append(f"{where}[id={a['id']}]: added, but the base already has this id")
            continue
        items[a["id"]] = copy.deepcopy(a)
        order.append(a["id"])
    wanted = d.get("order")
    if isinstance(wanted, list):
        ranked = [i for i in wanted if i in items]
        ranked_set = set(ranked)
        order = ranked + [i for i in order if i not in ranked_set]
    return [items[i] for i in order]


def stale_differences(base: dict[str, Any], changes: dict[str, Any]) -> list[str]:
    """The differences of a scenario that no longer apply to ``base``."""
    return patch_doc(base, changes).stale


def scenarios_to_docs(scenarios: list[Any]) -> list[dict[str, Any]]:
    """The file's ``scenarios`` list from the model's Scenario objects."""
    return [{"id": s.id, "name": s.name, "description": s.description, "changes": copy.deepcopy(s.changes)}
            for s in scenarios]


def with_scenarios(design: Any, state: dict[str, Any]) -> dict[str, Any]:
    """The whole file document: the base as the main body, each scenario as its differences.

    ``state`` is the document of what is being edited now; while a scenario is active that is the scenario,
    so its differences are taken afresh against the base kept aside, and the base becomes the main body.
    """
    if not design.scenarios and not design.active_scenario:
        return state
    docs = scenarios_to_docs(design.scenarios)
    base = state
    if design.active_scenario and design.scenario_base is not None:
        base = {**design.scenario_base, "format": state.get("format"), "schema_version": state.get("schema_version")}
        for d in docs:
            if d["id"] == design.active_scenario:
                d["changes"] = diff_docs(base, state)
    out = dict(base)
    out["scenarios"] = docs
    if design.active_scenario:
        out["active_scenario"] = design.active_scenario
    return out
