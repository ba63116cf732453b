"""Connections in the design file: writing, reading, a fast validity check and the rules beyond the schema."""

from __future__ import annotations

import json
import operator
import re
from typing import Any

from workbench.io.fast_blocks import ids_surely_valid, texts_surely_valid
from workbench.model.blocktype import BlockType, Catalog
from workbench.model.connections import Connection
from workbench.model.design import Design
from workbench.model.ports import port_problem
from workbench.model.problems import Problem

_ID = re.compile(r"[A-Za-z0-9_.:-]{1,64}")
_ALLOWED = frozenset({"id", "kind", "from", "from_port", "to", "to_port", "side"})
_KINDS = frozenset({"power", "liquid", "heat"})
_SIDES = frozenset({"", "A", "B"})
_DICT, _STR = frozenset({dict}), frozenset({str})
MAX_REPORTED = 20  # bad edges listed one by one; the rest are counted


def connection_to_doc(c: Connection) -> dict[str, Any]:
    d: dict[str, Any] = {"id": c.id, "kind": c.kind, "from": c.from_block, "from_port": c.from_port,
                         "to": c.to_block, "to_port": c.to_port}
    if c.side:
        d["side"] = c.side
    return d


def connections_to_doc(design: Design) -> list[dict[str, Any]]:
    return [connection_to_doc(c) for c in design.connections.values()]


def splice_connections(text: str, items: list[dict[str, Any]]) -> str:
    """Add the connections as the last member of an indented document, one compact object per line."""
    encode = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(", ", ": ")).encode
    body = ",\n  ".join(map(encode, items))
    member = f' "connections": [\n  {body}\n ]' if items else ' "connections": []'
    head = text.rstrip()
    if head == "{}":
        return "{\n" + member + "\n}"
    assert head.endswith("\n}"), "an indented JSON object"
    return head[:-2] + ",\n" + member + "\n}"


def connections_from_doc(items: list[dict[str, Any]]) -> dict[str, Connection]:
    """Connections of a validated document; a repeated id keeps the first (the rules report the second)."""
    fast = _build_columns(items)
    if fast is not None:
        return fast
    out: dict[str, Connection] = {}
    for c in items:
        if c["id"] in out:
            continue
        out[c["id"]] = Connection(c["id"], c["kind"], c["from"], c["from_port"], c["to"], c["to_port"],
                                  c.get("side", ""))
    return out


_KEYS = ("id", "kind", "from", "from_port", "to", "to_port")  # a document entry's keys, in Connection's field order


def _build_columns(items: list[dict[str, Any]]) -> dict[str, Connection] | None:
    """The connections built a column at a time (Connection.many), or None when the entries need the one-by-one
    path: only for entries with distinct ids, so that no 'first one wins' choice is needed, and only when every
    kind and side is allowed (else the constructor, entry by entry, says what is wrong)."""
    if not items:
        return None
    columns = [[c[key] for c in items] for key in _KEYS] + [[c.get("side", "") for c in items]]
    ids = columns[0]
    if len(set(ids)) != len(ids):
        return None
    try:
        edges = Connection.many(*columns)
    except (ValueError, TypeError):
        return None
    return dict(zip(ids, edges))


def connection_surely_valid(c: Any) -> bool:
    """True only when the entry meets every schema rule; False means 'ask the full validator'.

    One entry at a time; connections_surely_valid gives the same verdict for a whole list, column by column.
    """
    if type(c) is not dict or not _ALLOWED.issuperset(c):
        return False
    for key in ("id", "from", "to"):
        v = c.get(key)
        if type(v) is not str or not _ID.fullmatch(v):
            return False
    for key in ("from_port", "to_port"):
        v = c.get(key)
        if type(v) is not str or not 1 <= len(v) <= 40:
            return False
    kind, side = c.get("kind"), c.get("side", "")
    # Text first: a list or object here cannot be looked up in a set (and the validator names it).
    return type(kind) is str and kind in _KINDS and type(side) is str and side in _SIDES


def connections_surely_valid(items: Any) -> bool:
    """connection_surely_valid for every entry, a field at a time across the list (24,000 edges: ~23 ms
    instead of ~47 ms). A missing list is the caller's business; null is not a list."""
    if type(items) is not list or len(items) > 2_000_000:
        return False
    if not items:
        return True
    if not _DICT.issuperset(map(type, items)):
        return False
    present = set().union(*items)
    if not _ALLOWED.issuperset(present):
        return False

    def column(key: str, default: Any = None) -> list[Any]:
        return [c.get(key, default) for c in items]

    if not (ids_surely_valid(column("id")) and ids_surely_valid(column("from")) and ids_surely_valid(column("to"))
            and texts_surely_valid(column("from_port"), 1, 40) and texts_surely_valid(column("to_port"), 1, 40)):
        return False
    kinds = column("kind")
    if not (_STR.issuperset(map(type, kinds)) and _KINDS.issuperset(kinds)):
        return False
    if "side" not in present:
        return True
    sides = column("side", "")
    return _STR.issuperset(map(type, sides)) and _SIDES.issuperset(sides)


def structure_problems(doc: dict[str, Any], where: str, ids_seen: dict[str, str],
                       block_ids: list[str] | None = None) -> list[Problem]:
    """Edges to missing blocks, self-loops, repeated ids and duplicate edges: warnings, the edge is kept.

    `ids_seen` maps every id met so far to its path; `block_ids`, when given, are the blocks' ids (all
    distinct, none in `ids_seen`), which the caller left out of `ids_seen` to save building 10,000 paths
    that are only needed when an edge repeats one."""
    blocks = set(block_ids) if block_ids is not None else {b["id"] for b in doc.get("blocks", [])}
    items = doc.get("connections", [])
    if _structure_sound(items, blocks, ids_seen):
        return []  # the common case, checked with sets; the loop below would find nothing
    if block_ids is not None:
        ids_seen = {**ids_seen, **{bid: f"$.blocks[{i}]" for i, bid in enumerate(block_ids)}}
    found: list[Problem] = []
    keys: dict[tuple[str, str, str, str], int] = {}
    more = 0

    def report(path: str, message: str) -> None:
        nonlocal more
        if len(found) < MAX_REPORTED:
            found.append(Problem(f"{where}: {path}", message, "warning"))
        else:
            more += 1

    for i, c in enumerate(items):
        path = f"$.connections[{i}]"
        if c["id"] in ids_seen:
            other = ids_seen[c["id"]]
            # connections_from_doc keeps the first of two connections with one id; an id shared with a block
            # or hall takes nothing from either (connections are kept apart), so the edge is used.
            fate = "this connection is ignored" if other.startswith("$.connections") else "kept; give it an id of its own"
            report(f"{path}.id", f"duplicate id '{c['id']}' (also {other}); {fate}")
        else:
            ids_seen[c["id"]] = path
        for end in ("from", "to"):
            if c[end] not in blocks:
                report(f"{path}.{end}", f"refers to block '{c[end]}', which is not in the file; kept, not used")
        if c["from"] == c["to"]:
            report(path, "connects a block to itself; kept, not used")
        key = (c["from"], c["from_port"], c["to"], c["to_port"])
        if key in keys:
            report(path, f"duplicates $.connections[{keys[key]}] (same ports); kept, counted once")
        else:
            keys[key] = i
    if more:
        found.append(Problem(f"{where}: $.connections", f"{more} more problems like the ones above", "warning"))
    return found


def _structure_sound(items: list[dict[str, Any]], blocks: set[str], ids_seen: dict[str, str]) -> bool:
    """True when no edge repeats an id, names a missing block, joins a block to itself or repeats another
    edge's ports."""
    ids = [c["id"] for c in items]
    froms, tos = [c["from"] for c in items], [c["to"] for c in items]
    if len(set(ids)) != len(ids) or not (ids_seen.keys().isdisjoint(ids) and blocks.isdisjoint(ids)):
        return False
    if not (blocks.issuperset(froms) and blocks.issuperset(tos)) or any(map(operator.eq, froms, tos)):
        return False
    # Distinct hashes prove distinct port pairs (equal ones go to the loop, which compares the pairs
    # themselves), and a set of ints is cheaper than a set of 24,000 tuples.
    keys = zip(froms, [c["from_port"] for c in items], tos, [c["to_port"] for c in items])
    return len(set(map(hash, keys))) == len(items)


def port_problems(design: Design, catalog: Catalog, where: str) -> list[Problem]:
    """Edges naming a port the block's type lacks, or joining ports of different kinds: warnings, kept."""
    found: list[Problem] = []
    more = 0
    blocks, types = design.blocks, catalog.types
    # The verdict depends only on the two types, the two port names and the kind, and a big design repeats
    # a few hundred such combinations across tens of thousands of edges: each is judged once.
    verdicts: dict[tuple[str, str, str, str, str], str | None] = {}
    for i, c in enumerate(design.connections.values()):
        a, b = blocks.get(c.from_block), blocks.get(c.to_block)
        if a is None or b is None:
            continue  # missing blocks are reported elsewhere
        key = (a.type_id, c.from_port, b.type_id, c.to_port, c.kind)
        if key in verdicts:
            message = verdicts[key]
        else:
            message = verdicts[key] = _port_verdict(types.get(a.type_id), types.get(b.type_id), c)
        if message is None:
            continue
        if len(found) < MAX_REPORTED:
            found.append(Problem(f"{where}: $.connections[{i}]", message + "; kept, not used", "warning"))
        else:
            more += 1
    if more:
        found.append(Problem(f"{where}: $.connections", f"{more} more connections with bad ports", "warning"))
    return found


def _port_verdict(ta: BlockType | None, tb: BlockType | None, c: Connection) -> str | None:
    """What is wrong with the edge's ports on these types, or None (also for unknown types, which are
    reported elsewhere)."""
    if ta is None or tb is None:
        return None
    pa, pb = ta.port(c.from_port), tb.port(c.to_port)
    if pa is None:
        return f"from_port '{c.from_port}' is not a port of {ta.id}"
    if pb is None:
        return f"to_port '{c.to_port}' is not a port of {tb.id}"
    if pa.kind != c.kind or pb.kind != c.kind:
        return f"a {c.kind} connection between a {pa.kind} port and a {pb.kind} port"
    if pa.direction != "out" or pb.direction != "in":
        return port_problem(pa, pb)
    return None


def derive_upgrade_connections(design: Design, catalog: Catalog) -> list[str]:
    """Give a design from before connections existed (schema 1) the edges auto-connect derives from its
    systems, loops and positions; returns one sentence per domain saying what was derived."""
    from workbench.calc.autoconnect_rules import derive_connections  # the rule lives once, in calc

    if design.connections:
        return []
    derived = derive_connections(design, catalog)
    design.connections = {c.id: c for c in derived.connections}
    design.connections_version += 1
    return list(derived.summary)
