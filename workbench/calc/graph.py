"""The plant graph as arrays: valid edges between snapshot rows, port slots, levels, and the bad edges found.

Built once per connection state (the engine keeps it while only positions or figures change); the load
flow, failure injection and N-1 analysis all walk these arrays level by level.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np
from numpy.typing import NDArray

from workbench.calc.snapshot import Snapshot, build_snapshot, build_type_table
from workbench.model.blocktype import RACK_CATEGORIES, BlockType, Catalog
from workbench.model.connections import Connection
from workbench.model.design import Design
from workbench.model.ports import port_problem, voltage_label

I = NDArray[np.int64]
B = NDArray[np.bool_]
KINDS = ("power", "liquid", "heat")
POWER, LIQUID, HEAT = 0, 1, 2
AIR_UNITS = ("crah", "fanwall", "inrow", "rdhx")
HEAT_REJECTION = ("chiller", "drycooler", "tower")


@dataclass(frozen=True)
class GraphProblem:
    """A connection the analysis cannot use, or a loop; names the blocks and connections involved."""

    code: str  # bad_connection, voltage_mismatch, power_loop
    message: str
    block_ids: tuple[str, ...]
    connection_ids: tuple[str, ...]
    params: tuple[tuple[str, object], ...] = ()


@dataclass
class PlantGraph:
    """Nodes are snapshot rows; edges are the valid connections (server → served)."""

    ids: list[str]
    row: dict[str, int]
    src: I
    dst: I
    kind: I  # POWER, LIQUID, HEAT
    slot: I  # input port slot of each edge (a port of a node that edges feed)
    edge_ids: list[str]
    side: list[str]
    slot_node: I
    slot_kind: I
    slot_standby: B
    level: I  # longest path from a node without inputs; every edge goes to a higher level
    problems: tuple[GraphProblem, ...] = ()
    # Node roles, from the catalog types (see docs/connected-plant.md, "Feeding rule").
    is_rack: B = field(default_factory=lambda: np.zeros(0, dtype=bool))
    is_power: B = field(default_factory=lambda: np.zeros(0, dtype=bool))
    is_cooling: B = field(default_factory=lambda: np.zeros(0, dtype=bool))
    is_air_unit: B = field(default_factory=lambda: np.zeros(0, dtype=bool))
    is_cdu: B = field(default_factory=lambda: np.zeros(0, dtype=bool))
    needs_power: B = field(default_factory=lambda: np.zeros(0, dtype=bool))  # a fed power input decides
    grid_fed: B = field(default_factory=lambda: np.zeros(0, dtype=bool))  # an external input with nothing on it
    needs_heat: B = field(default_factory=lambda: np.zeros(0, dtype=bool))
    needs_liquid: B = field(default_factory=lambda: np.zeros(0, dtype=bool))  # racks with a liquid port
    needs_air: B = field(default_factory=lambda: np.zeros(0, dtype=bool))  # racks with an air port
    hall: I = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    # Paralleled buses: sources that feed a common input are one bus (union over shared inputs), so an
    # input wired to a few modules of an N+k group still counts the whole group. bus of each input slot.
    slot_bus: I = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    source_bus: I = field(default_factory=lambda: np.zeros(0, dtype=np.int64))  # per node, -1: feeds no input
    n_buses: int = 0
    # Distribution whips are not a paralleled bus: an input fed by distribution devices (PDU, RPP, busway,
    # tap-off, sidecar) is fed only while one of its own sources operates, whatever the rest of their bus does.
    slot_direct: B = field(default_factory=lambda: np.zeros(0, dtype=bool))
    # Heat by loop membership: heat rejection serves the loop named in its cooling_loop (blank: every loop);
    # loops that share heat rejection form one heat group. Per node: group number, -1 for none.
    heat_group: I = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    is_rejection: B = field(default_factory=lambda: np.zeros(0, dtype=bool))
    heat_explicit: B = field(default_factory=lambda: np.zeros(0, dtype=bool))  # units with drawn heat edges
    n_heat_groups: int = 0
    cords: I = field(default_factory=lambda: np.zeros(0, dtype=np.int64))  # power inputs of racks
    type_ids: list[str] = field(default_factory=list)

    @property
    def n(self) -> int:
        return len(self.ids)

    # Level plans, built once per graph (the engine keeps the graph while connections do not change).
    @cached_property
    def top(self) -> int:
        return int(self.level.max()) if self.n else -1

    @cached_property
    def devices(self) -> I:
        """Rows of power and cooling devices (what the load flow reports)."""
        return np.flatnonzero(~self.is_rack & (self.is_power | self.is_cooling))

    @cached_property
    def node_levels(self) -> list[I]:
        return [np.flatnonzero(self.level == lv) for lv in range(self.top + 1)]

    @cached_property
    def device_levels(self) -> list[I]:
        return [nodes[~self.is_rack[nodes]] for nodes in self.node_levels]

    @cached_property
    def slot_levels(self) -> list[I]:
        """Input slots that carry load (not standby), by the level of their node."""
        lv = self.level[self.slot_node] if len(self.slot_node) else np.zeros(0, dtype=np.int64)
        wired = self.slot_bus >= 0  # a slot whose only edges were dropped (a loop) has no bus
        return [np.flatnonzero((lv == k) & ~self.slot_standby & wired) for k in range(self.top + 1)]

    def _walk(self, start: str, kinds: tuple[str, ...], up: bool) -> tuple[list[int], list[int]]:
        codes = [KINDS.index(k) for k in kinds if k in KINDS]
        mask = np.isin(self.kind, codes)
        r = self.row.get(start)
        if r is None:
            return [], []
        frm, to = (self.dst, self.src) if up else (self.src, self.dst)
        seen = np.zeros(self.n, dtype=bool)
        seen[r] = True
        frontier = np.asarray([r])
        edges: list[int] = []
        while len(frontier):
            hit = mask & np.isin(frm, frontier)
            e = np.flatnonzero(hit)
            edges += e.tolist()
            nxt = np.unique(to[e])
            nxt = nxt[~seen[nxt]]
            seen[nxt] = True
            frontier = nxt
        nodes = np.flatnonzero(seen).tolist()
        nodes.remove(r)
        return nodes, edges

    def upstream_blocks(self, block_id: str, kinds: tuple[str, ...] = KINDS) -> list[str]:
        """Every block that serves this one, directly or further up (what its power or cooling depends on)."""
        return [self.ids[i] for i in self._walk(block_id, kinds, True)[0]]

    def upstream_connections(self, block_id: str, kinds: tuple[str, ...] = KINDS) -> list[str]:
        """Connection ids of the whole upstream path (hover highlight on the plan and in the diagram)."""
        return [self.edge_ids[e] for e in self._walk(block_id, kinds, True)[1]]

    def downstream_blocks(self, block_id: str, kinds: tuple[str, ...] = KINDS) -> list[str]:
        return [self.ids[i] for i in self._walk(block_id, kinds, False)[0]]


def graph_for(design: Design, catalog: Catalog) -> PlantGraph:
    """The graph of a design on its own (the engine passes its snapshot instead)."""
    return build_graph(design, catalog, build_snapshot(design, build_type_table(catalog)))


def build_graph(design: Design, catalog: Catalog, snap: Snapshot) -> PlantGraph:
    ids = snap.ids
    row = snap.row
    n = len(ids)
    # Per node its type, looked up once per type (a campus repeats a few dozen types).
    table = [catalog.types[t] for t in snap.types.ids]
    type_rows = snap.type_index.tolist()
    types = [table[t] for t in type_rows]
    problems: list[GraphProblem] = []
    good: list[Connection] = []
    seen_keys: set[tuple[str, str, str, str]] = set()
    bad: dict[tuple[str, str], list[Connection]] = {}
    verdicts: dict[tuple[int, str, int, str, str], tuple[str, str] | None] = {}
    # Rows and kind of each good edge, gathered in the one pass (a campus has tens of thousands of edges).
    good_src: list[int] = []
    good_dst: list[int] = []
    good_kind: list[str] = []
    get = row.get
    for c in design.connections.values():
        a, b = get(c.from_block), get(c.to_block)
        if a is None or b is None:
            reason: tuple[str, str] = MISSING
        elif a == b:
            reason = SELF
        else:
            key = c.key  # made once
            if key in seen_keys:
                reason = DUPLICATE
            else:
                # The port verdict depends only on the two types, the ports and the kind: decided once each.
                vkey = (type_rows[a], c.from_port, type_rows[b], c.to_port, c.kind)
                if vkey in verdicts:
                    verdict = verdicts[vkey]
                else:
                    verdict = verdicts[vkey] = _port_verdict(c, types[a], types[b])
                if verdict is None:
                    good.append(c)
                    good_src.append(a)
                    good_dst.append(b)
                    good_kind.append(c.kind)
                    seen_keys.add(key)
                    continue
                reason = verdict
        bad.setdefault(reason, []).append(c)
    for (form, why), cs in bad.items():
        if form in ("acdc", "voltage"):
            # A mismatch is the designer's error, each edge named; the edge is still drawn but not used.
            for c in cs:
                pa = types[row[c.from_block]].port(c.from_port)
                pb = types[row[c.to_block]].port(c.to_port)
                have = pa.voltages[0] if pa and pa.voltages else ""
                takes = list(pb.voltages) if pb else []
                a_name, b_name = _name(design, c.from_block), _name(design, c.to_block)
                what = "AC/DC" if form == "acdc" else "voltage"
                problems.append(GraphProblem(
                    "voltage_mismatch", f"{a_name} → {b_name}: {what} mismatch, {voltage_label(have)} into an input "
                    f"for {', '.join(map(voltage_label, takes))}", (c.from_block, c.to_block), (c.id,),
                    (("form", form), ("from", a_name), ("to", b_name), ("have", have), ("takes", ", ".join(takes)))))
            continue
        blocks = tuple(dict.fromkeys(b for c in cs for b in (c.from_block, c.to_block)))
        problems.append(GraphProblem("bad_connection", f"connections not used ({len(cs)}): {why}",
                                     blocks[:50], tuple(c.id for c in cs[:50]),
                                     (("form", form), ("count", len(cs)))))
    src = np.asarray(good_src, dtype=np.int64)
    dst = np.asarray(good_dst, dtype=np.int64)
    kind = np.fromiter(map(KINDS.index, good_kind), np.int64, len(good))
    # Input slots: one per (node, input port), numbered in order of first use.
    to_ports = [c.to_port for c in good]
    port_code = {name: i for i, name in enumerate(dict.fromkeys(to_ports))}  # numbered in order of first use
    codes = np.fromiter(map(port_code.__getitem__, to_ports), np.int64, len(good))
    _, first, slots = np.unique(dst * max(len(port_code), 1) + codes, return_index=True, return_inverse=True)
    order = np.argsort(first, kind="stable")  # renumber so slot numbers follow first use
    renumber = np.empty(len(order), dtype=np.int64)
    renumber[order] = np.arange(len(order))
    slots = renumber[slots.reshape(-1)] if len(good) else np.zeros(0, dtype=np.int64)
    first = first[order]
    slot_node = dst[first].tolist()
    slot_kind = kind[first].tolist()
    # Whether an input is standby is a matter of its type and port: looked up once per pair.
    standby_of: dict[tuple[int, str], bool] = {}
    slot_standby = []
    for node, e in zip(slot_node, first.tolist()):
        pk = (type_rows[node], to_ports[e])
        standby = standby_of.get(pk)
        if standby is None:
            p = table[pk[0]].port(pk[1])
            standby = standby_of[pk] = bool(p is not None and p.standby)
        slot_standby.append(standby)
    level, cyclic = _levels(n, src, dst)
    if cyclic.any():
        # Levels again without the loop's edges, so what hangs below a loop is still analysed.
        loop_edges = np.flatnonzero(cyclic)
        blocks = tuple(dict.fromkeys(ids[i] for e in loop_edges.tolist() for i in (src[e], dst[e])))
        power_loop = bool((kind[loop_edges] == POWER).any())
        names = ", ".join(_name(design, b) for b in blocks[:6])
        if power_loop:
            problems.append(GraphProblem(
                "power_loop", f"a loop in the power graph through {len(blocks)} blocks ({names}); its connections "
                "are not used", blocks[:50], tuple(good[e].id for e in loop_edges[:50].tolist()),
                (("blocks", len(blocks)), ("names", names))))
        else:
            problems.append(GraphProblem(
                "bad_connection", f"connections not used ({len(loop_edges)}): a loop in the cooling graph",
                blocks[:50], tuple(good[e].id for e in loop_edges[:50].tolist()),
                (("form", "loop"), ("count", int(len(loop_edges))))))
        keep = ~cyclic
        src, dst, kind, slots = src[keep], dst[keep], kind[keep], slots[keep]
        good = [c for c, k in zip(good, keep.tolist()) if k]
        level, _ = _levels(n, src, dst)
    g = PlantGraph(ids=ids, row=row, src=src, dst=dst, kind=kind, slot=slots, edge_ids=[c.id for c in good],
                   side=[c.side for c in good], slot_node=np.asarray(slot_node, dtype=np.int64),
                   slot_kind=np.asarray(slot_kind, dtype=np.int64),
                   slot_standby=np.asarray(slot_standby, dtype=bool), level=level, problems=tuple(problems),
                   hall=snap.hall.copy(), type_ids=[t.id for t in types])
    _roles(g, table, type_rows)
    _buses(g)
    _direct_slots(g, table, type_rows)
    _heat_groups(g, snap, table, type_rows)
    return g


def _buses(g: PlantGraph) -> None:
    """Join the sources of each input into buses (connected components of 'feeds the same input'), by
    label propagation on arrays; number each slot's and each source's bus."""
    n = g.n
    source_bus = np.full(n, -1, dtype=np.int64)
    slot_bus = np.full(len(g.slot_node), -1, dtype=np.int64)
    if len(g.src) == 0:
        g.slot_bus, g.source_bus, g.n_buses = slot_bus, source_bus, 0
        return
    label = np.arange(n, dtype=np.int64)
    while True:
        per_slot = np.full(len(g.slot_node), n, dtype=np.int64)
        np.minimum.at(per_slot, g.slot, label[g.src])
        new = label.copy()
        np.minimum.at(new, g.src, per_slot[g.slot])
        if np.array_equal(new, label):
            break
        label = new
    sources = np.unique(g.src)
    roots, number = np.unique(label[sources], return_inverse=True)
    source_bus[sources] = number.reshape(-1)
    slot_bus[g.slot] = source_bus[g.src]
    g.slot_bus, g.source_bus, g.n_buses = slot_bus, source_bus, len(roots)


def _direct_slots(g: PlantGraph, table: list[BlockType], type_rows: list[int]) -> None:
    """Mark the power inputs fed by distribution devices: their outputs are separate whips, not one bus, so
    a rack cord whose own PDUs are lost is dark even when the other PDUs of their lineup still run."""
    direct = np.zeros(len(g.slot_node), dtype=bool)
    if g.n and len(g.src):
        dist_type = np.asarray([t.category == "power" and t.power is not None and t.power.stage == "distribution"
                                for t in table] or [False], dtype=bool)
        is_dist = dist_type[np.asarray(type_rows, dtype=np.int64)]
        direct[g.slot[(g.kind == POWER) & is_dist[g.src]]] = True
    g.slot_direct = direct


def _heat_groups(g: PlantGraph, snap: Snapshot, table: list[BlockType], type_rows: list[int]) -> None:
    n = g.n
    rej_type = [t.kind in HEAT_REJECTION and t.category == "cooling"
                and any(p.kind == "heat" and p.direction == "out" for p in t.ports) for t in table]
    is_rej = np.asarray([rej_type[t] for t in type_rows], dtype=bool) if n else np.zeros(0, dtype=bool)
    explicit = np.zeros(n, dtype=bool)
    heat_edges = g.kind == HEAT
    explicit[g.dst[heat_edges]] = True
    names = snap.loop_names
    loop_of = [names[c] for c in snap.loop_code.tolist()]
    units = np.flatnonzero(g.needs_heat & ~explicit).tolist()
    rej = np.flatnonzero(is_rej).tolist()
    # Loops: the units' loop names (blank means the type's default, which no heat rejection names).
    unit_loop = [loop_of[u] or ("air" if g.is_air_unit[u] else "liquid") for u in units]
    loops = sorted(set(unit_loop))
    # Heat rejection with a loop name serves that loop alone; one without serves every loop, which then
    # share it as one heat group. So: one group for all loops when any unit is blank, else one per loop.
    shared = any(not loop_of[r] for r in rej)
    number = {name: (0 if shared else i) for i, name in enumerate(loops)}
    roots = [0] if shared and loops else list(range(len(loops)))
    group = np.full(n, -1, dtype=np.int64)
    if units:
        group[np.asarray(units, dtype=np.int64)] = np.asarray([number[name] for name in unit_loop], dtype=np.int64)
    for r in rej:
        name = loop_of[r]
        if not name and loops:
            group[r] = 0
        elif name in number:
            group[r] = number[name]
    g.heat_group, g.is_rejection, g.heat_explicit, g.n_heat_groups = group, is_rej, explicit, len(roots)


def _name(design: Design, block_id: str) -> str:
    b = design.blocks.get(block_id)
    return (b.name or block_id[:8]) if b else block_id[:8]


# Why a connection cannot be used: (form, English reason); forms pick the sentence in other languages.
MISSING = ("missing", "a block is missing or of an unknown type")
SELF = ("self", "a block connected to itself")
DUPLICATE = ("duplicate", "duplicates of other connections")
NO_PORT = ("port", "a port the block's type does not have")
WRONG_KIND = ("kind", "ports of another kind than the connection")
DIRECTION = ("direction", "an input used as an output, or the reverse")


def _port_verdict(c: Connection, ta: BlockType, tb: BlockType) -> tuple[str, str] | None:
    pa, pb = ta.port(c.from_port), tb.port(c.to_port)
    if pa is None or pb is None:
        return NO_PORT
    if pa.kind != c.kind or pb.kind != c.kind:
        return WRONG_KIND
    if pa.direction != "out" or pb.direction != "in":
        return DIRECTION
    reason = port_problem(pa, pb)
    if reason is None:
        return None
    return ("acdc", reason) if reason.startswith("AC/DC") else ("voltage", reason)


def _levels(n: int, src: I, dst: I) -> tuple[I, B]:
    """Longest-path level of every node (Kahn's order, one frontier at a time) and the edges on cycles."""
    level = np.zeros(n, dtype=np.int64)
    if len(src) == 0:
        return level, np.zeros(0, dtype=bool)
    order = np.argsort(src, kind="stable")
    s_sorted, d_sorted = src[order], dst[order]
    starts = np.searchsorted(s_sorted, np.arange(n + 1))
    indeg = np.bincount(dst, minlength=n)
    frontier = np.flatnonzero(indeg == 0)
    done = np.zeros(n, dtype=bool)
    depth = 0
    while len(frontier):
        done[frontier] = True
        level[frontier] = depth
        lo, hi = starts[frontier], starts[frontier + 1]
        counts = hi - lo
        if counts.sum() == 0:
            break
        idx = np.repeat(lo - np.cumsum(np.concatenate(([0], counts[:-1]))), counts) + np.arange(counts.sum())
        targets = d_sorted[idx]
        np.subtract.at(indeg, targets, 1)
        cand = np.unique(targets)
        frontier = cand[(indeg[cand] == 0) & ~done[cand]]
        depth += 1
    if done.all():
        return level, np.zeros(len(src), dtype=bool)
    # Nodes left over are on a cycle or below one; peel those below from the other end (nodes whose every
    # edge among the left-over ones points to peeled nodes) so only the loop's own edges are dropped.
    left = ~done
    inner = left[src] & left[dst]
    while True:
        out_deg = np.bincount(src[inner], minlength=n)
        sink = left & (out_deg == 0)
        if not sink.any():
            break
        left &= ~sink
        inner = left[src] & left[dst]
    return level, inner


def _roles(g: PlantGraph, table: list[BlockType], type_rows: list[int]) -> None:
    """Per node roles, decided per type and spread over the nodes by type number."""
    n = g.n
    idx = np.asarray(type_rows, dtype=np.int64) if n else np.zeros(0, dtype=np.int64)

    def per_type(flag: Callable[[BlockType], object], dtype: type = bool) -> NDArray[Any]:
        values: NDArray[Any] = np.asarray([flag(t) for t in table] or [0], dtype=dtype)
        return values[idx] if n else np.zeros(0, dtype=dtype)

    # Which kinds of input have something connected (a connected power input of a cooling unit decides).
    has_in = np.zeros((n, 3), dtype=bool)
    if len(g.dst):
        active = ~g.slot_standby[g.slot]
        has_in[g.dst[active], g.kind[active]] = True
    is_rack = per_type(lambda t: t.category in RACK_CATEGORIES)
    is_power = per_type(lambda t: t.category == "power")
    is_cooling = per_type(lambda t: t.category == "cooling")
    is_air = per_type(lambda t: t.kind in AIR_UNITS) & is_cooling
    fed_inputs = per_type(lambda t: any(p.kind == "power" and p.direction == "in" and not p.standby for p in t.ports))
    external = per_type(lambda t: any(p.external for p in t.ports))
    heat_in = per_type(lambda t: any(p.kind == "heat" and p.direction == "in" for p in t.ports))
    g.is_rack, g.is_power, g.is_cooling, g.is_air_unit = is_rack, is_power, is_cooling, is_air
    g.is_cdu = per_type(lambda t: t.kind == "cdu") & is_cooling
    g.grid_fed = external & ~has_in[:, 0]
    # Power devices with inputs and racks need power; a cooling unit only once its power input is wired.
    g.needs_power = ((is_power & fed_inputs) | is_rack | (is_cooling & has_in[:, 0])) & ~g.grid_fed
    g.needs_heat = is_cooling & heat_in
    g.needs_liquid = is_rack & per_type(lambda t: t.port("liquid") is not None)
    g.needs_air = is_rack & per_type(lambda t: t.port("air") is not None)
    g.cords = per_type(lambda t: sum(1 for p in t.ports if p.kind == "power" and p.direction == "in"
                                     and not p.standby), np.int64)


def compatible_ports(catalog: Catalog, from_type: str, to_type: str) -> list[tuple[str, str, str]]:
    """(from_port, to_port, kind) pairs a connection from a block of from_type to one of to_type may use:
    an output into an input of the same kind, with a voltage the input takes (the Connect tool's choices).
    Air is served by the hall and heat by loop name, so those ports are not offered; a drawn heat edge
    between a heat-rejection unit and a CDU or air unit is."""
    a, b = catalog.get(from_type), catalog.get(to_type)
    if a is None or b is None:
        return []
    return [(o.name, i.name, o.kind) for o in a.ports for i in b.ports
            if o.kind in KINDS and o.direction == "out" and i.direction == "in" and port_problem(o, i) is None]
