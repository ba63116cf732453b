"""Automatic layout of the single-line diagram and the cooling schematic from the plant's connections.

Pure and Qt-free, so the window's diagram panel and the report's vector pages draw the same picture.
Levels by stage (utility at the top, racks at the bottom); within a level nodes are ordered by the
barycentre of what they connect to; racks are collapsed into one node per feeding set when the rack row
would be wider than MAX_SLOTS, so a 10 MW hall stays readable.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from workbench.calc.autoconnect_rules import AIR_UNITS, HEAT_REJECTION, power_rank
from workbench.model.blocktype import BlockType, Catalog
from workbench.model.connections import Connection
from workbench.model.design import Design

MAX_SLOTS = 60  # wider than this, racks are grouped per feeding device(s)
UTILITY = "@utility"  # the grid: a node of the diagram, not a block
LOOP_PREFIX = "@loop:"
SWEEPS = 4


@dataclass(frozen=True)
class DiagramNode:
    """One box: a block, a group of racks (members) or a virtual node (the grid, a cooling loop)."""

    block_id: str
    level: int
    x: float  # slot units: one node = 1.0 wide
    y: float  # level units: one level = 1.0 high
    label: str
    group: str = ""  # "12 racks" for a collapsed group of racks
    members: tuple[str, ...] = ()  # the racks of a group; the block itself otherwise

    @property
    def virtual(self) -> bool:
        return self.block_id.startswith("@")


@dataclass(frozen=True)
class DiagramEdge:
    connection_id: str  # the first connection the edge stands for ("" for a virtual edge)
    src: str  # node ids (block ids, group ids, virtual ids)
    dst: str
    side: str
    kind: str
    count: int = 1  # how many connections the edge stands for


@dataclass(frozen=True)
class DiagramLayout:
    nodes: tuple[DiagramNode, ...]
    edges: tuple[DiagramEdge, ...]
    width: float
    height: float
    levels: tuple[str, ...]  # level titles, top to bottom

    def node(self, node_id: str) -> DiagramNode | None:
        for n in self.nodes:
            if n.block_id == node_id:
                return n
        return None


POWER_LEVELS = ("Utility", "MV switchgear", "Transformer", "LV switchgear", "UPS", "Distribution", "Loads")
COOLING_LEVELS = ("Heat rejection", "Loop", "CDU / air units", "Racks")


def _power_level(t: BlockType) -> int:
    rank = power_rank(t)
    if rank >= 1:
        return {5: 1, 4: 2, 3: 3, 2: 4, 1: 5}[rank]
    if rank == 0:
        return 6
    if t.kind == "generator":
        return 0
    if t.power is not None and t.power.stage == "storage":
        return 3  # beside the LV switchgear, above the UPS it backs
    return 6  # mechanical loads (CDUs, air units, pumps, chillers) sit with the racks


def _name(design: Design, catalog: Catalog, block_id: str, language: str) -> str:
    b = design.blocks.get(block_id)
    if b is None:
        return block_id
    t = catalog.get(b.type_id)
    return b.name or (t.display_name(language) if t is not None else b.type_id)


def _order(levels: list[list[str]], up: dict[str, list[str]], down: dict[str, list[str]],
           start: dict[str, float]) -> list[list[str]]:
    """Barycentre ordering: alternate sweeps, each level sorted by the mean place of its neighbours."""
    pos = dict(start)
    out = [sorted(level, key=lambda n: (pos.get(n, 0.0), n)) for level in levels]

    def place(level: list[str]) -> None:
        for i, n in enumerate(level):
            pos[n] = float(i) - (len(level) - 1) / 2.0

    for level in out:
        place(level)
    for sweep in range(SWEEPS):
        rows = range(len(out) - 2, -1, -1) if sweep % 2 == 0 else range(1, len(out))
        for li in rows:
            links = down if sweep % 2 == 0 else up
            level = out[li]

            def key(n: str) -> tuple[float, str]:
                near = [pos[m] for m in links.get(n, ()) if m in pos]
                return (sum(near) / len(near) if near else pos.get(n, 0.0), n)

            out[li] = sorted(level, key=key)
            place(out[li])
    return out


def _build(node_level: dict[str, int], edges: list[DiagramEdge], labels: dict[str, str],
           groups: dict[str, tuple[str, ...]], group_text: dict[str, str], titles: tuple[str, ...],
           start: dict[str, float]) -> DiagramLayout:
    used = sorted(set(node_level.values()))
    remap = {lv: i for i, lv in enumerate(used)}
    levels: list[list[str]] = [[] for _ in used]
    for n, lv in node_level.items():
        levels[remap[lv]].append(n)
    up: dict[str, list[str]] = defaultdict(list)
    down: dict[str, list[str]] = defaultdict(list)
    for e in edges:
        down[e.src].append(e.dst)
        up[e.dst].append(e.src)
    ordered = _order(levels, up, down, start)
    width = float(max((len(level) for level in ordered), default=0))
    nodes: list[DiagramNode] = []
    for li, level in enumerate(ordered):
        offset = (width - len(level)) / 2.0
        for i, n in enumerate(level):
            nodes.append(DiagramNode(n, li, offset + i + 0.5, li + 0.5, labels.get(n, n), group_text.get(n, ""),
                                     groups.get(n, (n,))))
    return DiagramLayout(tuple(nodes), tuple(edges), width, float(len(ordered)),
                         tuple(titles[lv] for lv in used))


def _collapse(node_level: dict[str, int], feeders: dict[str, list[tuple[str, str]]],
              kinds: dict[str, str]) -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    """Levels wider than MAX_SLOTS, top down: nodes of one kind fed by the same (grouped) devices on the same
    side become one node, as a drawn single-line shows "53 × PDU" for a typical board. Racks so fall into one
    group per feeding distribution device, or per distribution group. Returns (node → group id, groups); a
    group's id is its first member."""
    of: dict[str, str] = {}
    groups: dict[str, tuple[str, ...]] = {}
    for level in sorted(set(node_level.values())):
        nodes = [n for n, lv in node_level.items() if lv == level and not n.startswith("@")]
        if len(nodes) <= MAX_SLOTS:
            continue
        by_key: dict[tuple[str, str, tuple[str, ...]], list[str]] = defaultdict(list)
        for n in nodes:
            feeds = feeders.get(n, [])
            side = feeds[0][1] if feeds else ""
            # Racks: their A cord's device (or its group); devices: the whole set feeding them (a bus).
            srcs = sorted({of.get(f, f) for f, _s in feeds})
            key_srcs = (of.get(feeds[0][0], feeds[0][0]),) if feeds and _is_load(kinds.get(n, "")) else tuple(srcs)
            by_key[(kinds.get(n, ""), "" if _is_load(kinds.get(n, "")) else side, key_srcs)].append(n)
        for members in by_key.values():
            for m in members:
                of[m] = members[0]
                if m != members[0]:
                    del node_level[m]
            if len(members) > 1:
                groups[members[0]] = tuple(members)
    return of, groups


def _is_load(kind: str) -> bool:
    return kind in ("rack", "leaf", "spine", "storage", "switch") or kind.startswith("rack")


def _merge_edges(conns: list[tuple[str, str, Connection]]) -> list[DiagramEdge]:
    """One drawn edge per (src node, dst node, side): a group of 12 racks gets one line from its PDU."""
    merged: dict[tuple[str, str, str, str], list[Connection]] = defaultdict(list)
    for src, dst, c in conns:
        merged[(src, dst, c.side if c.kind == "power" else "", c.kind)].append(c)
    return [DiagramEdge(cs[0].id, s, d, side, kind, len(cs)) for (s, d, side, kind), cs in merged.items()]


def _start_positions(design: Design) -> dict[str, float]:
    """Initial order: along the floor (hall, row, position), so the diagram reads like the plan."""
    hall_index = {h.id: i for i, h in enumerate(design.halls)}
    keyed = sorted(design.blocks.values(), key=lambda b: (hall_index.get(b.hall_id, 0), -round(b.y_mm / 600.0),
                                                          b.x_mm))
    return {b.id: float(i) for i, b in enumerate(keyed)}


def single_line_layout(design: Design, catalog: Catalog, language: str = "en") -> DiagramLayout:
    """The power graph: grid and generators at the top, then MV, transformers, UPS, distribution, loads."""
    blocks = design.blocks
    conns = [c for c in design.connections.values()
             if c.kind == "power" and c.from_block in blocks and c.to_block in blocks and c.from_block != c.to_block]
    node_level: dict[str, int] = {}
    types: dict[str, BlockType] = {}
    level_of_type: dict[str, int] = {}  # a campus has 24,000 edge ends and a few dozen types
    # In connection order, never a set's: a set of ids iterates in a per-process (hash-seeded) order, and the
    # first member names a group, which breaks ties in the ordering: the same design drew differently each run.
    for bid in dict.fromkeys(x for c in conns for x in (c.from_block, c.to_block)):
        t = catalog.get(blocks[bid].type_id)
        if t is not None:
            types[bid] = t
            if t.id not in level_of_type:
                level_of_type[t.id] = _power_level(t)
            node_level[bid] = level_of_type[t.id]
    conns = [c for c in conns if c.from_block in types and c.to_block in types]
    # The grid feeds every external input with nothing connected to it (MV switchgear, transformers).
    fed_ports = {(c.to_block, c.to_port) for c in conns}
    grid_fed = [bid for bid, t in types.items()
                if any(p.external and p.direction == "in" and (bid, p.name) not in fed_ports for p in t.ports)]
    labels = {bid: _name(design, catalog, bid, language) for bid in node_level}
    if grid_fed:
        node_level[UTILITY] = 0
        labels[UTILITY] = "Utility grid"
    feeders: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for c in sorted(conns, key=lambda c: c.to_port):  # the A cord's device first
        feeders[c.to_block].append((c.from_block, c.side))
    kinds = {bid: ("rack" if t.is_rack else t.kind) for bid, t in types.items()}
    of, groups = _collapse(node_level, feeders, kinds)
    routed = [(of.get(c.from_block, c.from_block), of.get(c.to_block, c.to_block), c) for c in conns]
    routed = [(a, b, c) for a, b, c in routed if a != b]
    edges = _merge_edges(routed)
    edges += [DiagramEdge("", UTILITY, bid, "", "power") for bid in grid_fed]
    group_text = {g: _group_text(types[g], len(ms)) for g, ms in groups.items()}
    for g, ms in groups.items():
        labels[g] = f"{len(ms)} × {types[g].display_name(language)}"
    return _build(node_level, edges, labels, groups, group_text, POWER_LEVELS, _start_positions(design))


def _group_text(t: BlockType, n: int) -> str:
    return f"{n} racks" if t.is_rack else f"{n} units"


def cooling_layout(design: Design, catalog: Catalog, language: str = "en") -> DiagramLayout:
    """Heat rejection → loop → CDUs and air units → racks (liquid); one loop node stands for the mesh
    of heat connections between a loop's heat rejection and its CDUs."""
    blocks = design.blocks
    conns = [c for c in design.connections.values()
             if c.kind in ("liquid", "heat") and c.from_block in blocks and c.to_block in blocks
             and c.from_block != c.to_block]
    node_level: dict[str, int] = {}
    labels: dict[str, str] = {}
    types: dict[str, BlockType] = {}
    for b in blocks.values():
        t = catalog.get(b.type_id)
        if t is None:
            continue
        if t.kind in HEAT_REJECTION or t.kind == "cdu" or (t.cooling is not None and t.cooling.air_kw > 0
                                                           and t.category == "cooling"):
            types[b.id] = t
    for c in conns:
        for bid in (c.from_block, c.to_block):
            t = catalog.get(blocks[bid].type_id)
            if t is not None:
                types[bid] = t
    for bid, t in types.items():
        node_level[bid] = 0 if t.kind in HEAT_REJECTION else 3 if t.is_rack else 2
        labels[bid] = _name(design, catalog, bid, language)
    schemes = design.assumptions.cooling_schemes
    routed: list[tuple[str, str, Connection]] = []
    loop_edges: dict[tuple[str, str], str] = {}

    def loop_node(name: str) -> str:
        node = LOOP_PREFIX + name
        if node not in node_level:
            node_level[node] = 1
            scheme = schemes.get(name, "")
            labels[node] = f"{name} ({scheme})" if scheme else name
        return node

    # Heat goes by loop name (calc.graph): a unit with a heat input belongs to its loop (blank: "air" for air
    # units, "liquid" otherwise); heat rejection serves the loop it names, or every loop when it names none.
    unit_loop = {bid: blocks[bid].cooling_loop or ("air" if t.kind in AIR_UNITS else "liquid")
                 for bid, t in types.items() if t.kind not in HEAT_REJECTION and t.port("heat") is not None}
    for bid, name in unit_loop.items():
        loop_edges.setdefault((loop_node(name), bid), "")
    for bid, t in types.items():
        if t.kind in HEAT_REJECTION:
            named = blocks[bid].cooling_loop
            for name in ([named] if named else sorted(set(unit_loop.values()))):
                loop_edges.setdefault((bid, loop_node(name)), "")
    for c in conns:
        if c.kind == "heat":  # a drawn heat edge: through the served unit's loop
            name = unit_loop.get(c.to_block) or blocks[c.to_block].cooling_loop or "liquid"
            loop_edges[(c.from_block, loop_node(name))] = c.id
            loop_edges[(loop_node(name), c.to_block)] = c.id
        else:
            routed.append((c.from_block, c.to_block, c))
    feeders: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for src, dst, _c in routed:
        feeders[dst].append((src, ""))
    kinds = {bid: ("rack" if t.is_rack else t.kind) for bid, t in types.items()}
    of, groups = _collapse(node_level, feeders, kinds)
    routed = [(of.get(s, s), of.get(d, d), c) for s, d, c in routed]
    routed = [(a, b, c) for a, b, c in routed if a != b]
    loop_edges = {(of.get(a, a), of.get(b, b)): cid for (a, b), cid in loop_edges.items()}
    edges = _merge_edges(routed)
    edges += [DiagramEdge(cid, s, d, "", "heat") for (s, d), cid in loop_edges.items()]
    group_text = {g: _group_text(types[g], len(ms)) for g, ms in groups.items()}
    for g, ms in groups.items():
        labels[g] = f"{len(ms)} × {types[g].display_name(language)}"
    return _build(node_level, edges, labels, groups, group_text, COOLING_LEVELS, _start_positions(design))
