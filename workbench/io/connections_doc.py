"""Connections in the design file: writing, reading, a fast validity check and the rules beyond the schema."""

from __future__ import annotations

import json
import re
from typing import Any

from workbench.model.blocktype import Catalog
from workbench.model.connections import Connection
from workbench.model.design import Design
from workbench.model.ports import port_problem
from workbench.model.problems import Problem

_ID = re.compile(r"[A-Za-z0-9_.:-]{1,64}")
_ALLOWED = frozenset({"id", "kind", "from", "from_port", "to", "to_port", "side"})
_KINDS = frozenset({"power", "liquid", "heat"})
_SIDES = frozenset({"", "A", "B"})
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
    out: dict[str, Connection] = {}
    for c in items:
        if c["id"] in out:
            continue
        out[c["id"]] = Connection(c["id"], c["kind"], c["from"], c["from_port"], c["to"], c["to_port"],
                                  c.get("side", ""))
    return out


def connection_surely_valid(c: Any) -> bool:
    """True only when the entry meets every schema rule; False means 'ask the full validator'."""
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
    return c.get("kind") in _KINDS and c.get("side", "") in _SIDES


def connections_surely_valid(items: Any) -> bool:
    return items is None or (type(items) is list and len(items) <= 2_000_000
                             and all(connection_surely_valid(c) for c in items))


def structure_problems(doc: dict[str, Any], where: str, ids_seen: dict[str, str]) -> list[Problem]:
    """Edges to missing blocks, self-loops, repeated ids and duplicate edges: warnings, the edge is kept."""
    blocks = {b["id"] for b in doc.get("blocks", [])}
    found: list[Problem] = []
    keys: dict[tuple[str, str, str, str], int] = {}
    more = 0

    def report(path: str, message: str) -> None:
        nonlocal more
        if len(found) < MAX_REPORTED:
            found.append(Problem(f"{where}: {path}", message, "warning"))
        else:
            more += 1

    for i, c in enumerate(doc.get("connections", [])):
        path = f"$.connections[{i}]"
        if c["id"] in ids_seen:
            report(f"{path}.id", f"duplicate id '{c['id']}' (also {ids_seen[c['id']]}); this connection is ignored")
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


def port_problems(design: Design, catalog: Catalog, where: str) -> list[Problem]:
    """Edges naming a port the block's type lacks, or joining ports of different kinds: warnings, kept."""
    found: list[Problem] = []
    more = 0
    for i, c in enumerate(design.connections.values()):
        a, b = design.blocks.get(c.from_block), design.blocks.get(c.to_block)
        ta = catalog.types.get(a.type_id) if a else None
        tb = catalog.types.get(b.type_id) if b else None
        if ta is None or tb is None:
            continue  # missing blocks and unknown types are reported elsewhere
        message = None
        pa, pb = ta.port(c.from_port), tb.port(c.to_port)
        if pa is None:
            message = f"from_port '{c.from_port}' is not a port of {ta.id}"
        elif pb is None:
            message = f"to_port '{c.to_port}' is not a port of {tb.id}"
        elif pa.kind != c.kind or pb.kind != c.kind:
            message = f"a {c.kind} connection between a {pa.kind} port and a {pb.kind} port"
        elif pa.direction != "out" or pb.direction != "in":
            message = port_problem(pa, pb)
        if message is None:
            continue
        if len(found) < MAX_REPORTED:
            found.append(Problem(f"{where}: $.connections[{i}]", message + "; kept, not used", "warning"))
        else:
            more += 1
    if more:
        found.append(Problem(f"{where}: $.connections", f"{more} more connections with bad ports", "warning"))
    return found


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
