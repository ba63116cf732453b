"""A scenario state's blocks and connections against the base: their file forms and differences, in proportion to what differs.

Blocks are never changed in place (an edit puts a changed copy under the block's id, model/edits.py) and
connections are frozen, so an object that is the base's own object is unchanged, and the file form made for
an object once holds for as long as the object lives. A switch between options of a campus then looks at
the few objects that differ instead of turning ten thousand blocks into dictionaries and comparing them.
"""

from __future__ import annotations

import copy
import operator
from collections.abc import Callable, Iterable
from itertools import compress, filterfalse
from typing import Any

from workbench.io.connections_doc import connection_to_doc
from workbench.io.project import block_to_doc, state_to_dict
from workbench.io.scenario_docs import MISSING, diff_docs, list_difference
from workbench.model.design import Design

KEYED = ("blocks", "connections")  # the large collections, keyed by id, in the model and in the file


class _Docs:
    """The file forms of one kind of object, kept for the objects of the last document made."""

    def __init__(self, to_doc: Callable[[Any], dict[str, Any]]) -> None:
        self.to_doc = to_doc
        # The objects (held, so no new object can take the id() of one of them) and their file forms, as one
        # value: replaced in one assignment, never seen half updated.
        self._last: tuple[list[Any], list[dict[str, Any]]] = ([], [])

    def docs(self, objs: Iterable[Any]) -> list[dict[str, Any]]:
        """The file forms of ``objs``: the very list of the last call when the objects are the same."""
        objs = list(objs)
        seen, docs = self._last
        if len(objs) == len(seen) and all(map(operator.is_, objs, seen)):
            return docs
        known = dict(zip(map(id, seen), docs))
        to_doc = self.to_doc
        docs = [known.get(id(o)) or to_doc(o) for o in objs]
        self._last = (objs, docs)
        return docs


# Documents share these lists and dictionaries: nothing changes a document in place (patching and diffing
# build new ones), and a shared list lets the base's index by id be kept (scenario_state._index).
_DOCS = {"blocks": _Docs(block_to_doc), "connections": _Docs(connection_to_doc)}


def state_document(design: Design) -> dict[str, Any]:
    """``state_to_dict(design)``, with the file forms of unchanged blocks and connections reused."""
    light = copy.copy(design)  # shallow: only the two large collections are left out
    light.blocks, light.connections = {}, {}
    doc = state_to_dict(light)
    for key in KEYED:
        doc[key] = _DOCS[key].docs(getattr(design, key).values())
    return doc


def state_changes(design: Design, base: dict[str, Any], base_design: Design | None,
                  index: Callable[[str], dict[str, dict[str, Any]]]) -> dict[str, Any]:
    """``diff_docs(base, state_to_dict(design))``. ``base_design`` is the base as objects (those the state
    shares with it are unchanged, without a look at their values), or None to compare every file form;
    ``index(key)`` gives the base document's objects of a keyed list by id."""
    light = copy.copy(design)
    light.blocks, light.connections = {}, {}
    shown = state_to_dict(light)
    out = diff_docs({k: v for k, v in base.items() if k not in KEYED}, {k: v for k, v in shown.items() if k not in KEYED})
    for key in KEYED:
        objs = getattr(design, key)
        base_docs = base.get(key)
        base_objs = getattr(base_design, key, None)
        d: dict[str, Any] | None = _UNKNOWN
        if base_objs is not None and isinstance(base_docs, list):
            d = _keyed_changes(base_docs, index(key), base_objs, objs, _DOCS[key].to_doc)
        if d is _UNKNOWN:  # not a base whose objects are known: the documents decide, as diff_docs does
            d = diff_docs({key: base_docs} if key in base else {}, {key: _DOCS[key].docs(objs.values())}).get(key)
        if d is not None:
            out[key] = d
    return {k: out[k] for k in sorted(out)}  # diff_docs's order, so saved files do not change


_UNKNOWN: dict[str, Any] = {}


def _keyed_changes(base_docs: list[Any], by_id: dict[str, dict[str, Any]], base_objs: dict[str, Any],
                   shown: dict[str, Any], to_doc: Callable[[Any], dict[str, Any]]) -> dict[str, Any] | None:
    """What scenario_docs gives for one id list (added, removed, changed fields, order), or _UNKNOWN when
    the base objects are not those of the base list (another base, repeated ids)."""
    if len(by_id) != len(base_docs) or len(base_objs) != len(by_id) or base_objs.keys() != by_id.keys():
        return _UNKNOWN
    added: list[dict[str, Any]] = []
    changed: dict[str, dict[str, Any]] = {}
    # The objects that are not the base's own under their id, found without a Python-level loop.
    differing = compress(shown.values(), map(operator.is_not, map(base_objs.get, shown), shown.values()))
    for obj in differing:
        n = to_doc(obj)
        o = by_id.get(n["id"])
        if o is None:
            added.append(copy.deepcopy(n))
        elif o != n:
            fields = {k: copy.deepcopy(v) for k, v in n.items() if o.get(k, MISSING) != v}
            gone = [k for k in o if k not in n]
            if gone:
                fields["__unset__"] = gone
            changed[n["id"]] = fields
    # Every id shown is in the base or added; fewer than the base means some were removed (in the base's order).
    removed = list(filterfalse(shown.__contains__, by_id)) if len(shown) - len(added) != len(by_id) else []
    # Both orders hold as many ids: each shown id is the base's or added.
    kept = list(filterfalse(set(removed).__contains__, by_id)) if removed else list(by_id)
    return list_difference(added, removed, changed, kept + [a["id"] for a in added], list(shown)) or None
