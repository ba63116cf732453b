"""Auto-connect: the connections a designer would draw, derived from systems, loops, schemes and positions.

The rule lives here, below io, because opening a schema-1 file derives its connections with it; the
undoable edit for the window is workbench.editing.autoconnect.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np

from workbench.model.blocktype import RACK_CATEGORIES, BlockType, Catalog
from workbench.model.connections import Connection
from workbench.model.design import Block, Design, parse_scheme
from workbench.model.ports import Port

AIR_UNITS = ("crah", "fanwall", "inrow", "rdhx")
HEAT_REJECTION = ("chiller", "drycooler", "tower")
DEFAULT_SYSTEM = "main"
UTILITY_SYSTEM = "utility"
DEFAULT_LIQUID_LOOP = "liquid"
HALL_PENALTY_MM = 1e9  # another hall is farther than anything in this one
ROW_TOLERANCE_MM = 700.0  # a CDU is in a rack's row when their centres line up within this
_NAMESPACE = uuid.UUID("6f1d3b52-6a4e-4f0e-9c39-2b7f0d1c5e10")
SIDE_NAMES = ("A", "B")
BUS_FAN_IN = 4  # upstream modules wired to each device of a paralleled stage (the bus spans them all)


def power_rank(t: BlockType) -> int:
    """Stage order of the power chain, load upwards: rack 0, distribution 1, UPS/rectifier/sidecar 2,
    LV switchgear (ATS) 3, transformer/SST 4, MV switchgear 5; -1 for anything that is not in the chain
    (generators and batteries feed standby inputs instead)."""
    if t.category in RACK_CATEGORIES:
        return 0
    if t.power is None:
        return -1
    stage, kind = t.power.stage, t.kind
    if stage == "distribution":
        return 1
    if stage == "ups":
        return 2
    if stage == "utility":
        return {"ats": 3, "transformer": 4, "sst": 4, "mv-switchgear": 5}.get(kind, -1)
    return -1


def connection_id(from_block: str, from_port: str, to_block: str, to_port: str) -> str:
    """A stable id for an edge, so deriving twice (or regenerating a template) gives the same file."""
    return uuid.uuid5(_NAMESPACE, f"{from_block}:{from_port}>{to_block}:{to_port}").hex


def new_connection(kind: str, from_block: str, from_port: str, to_block: str, to_port: str,
                   side: str = "") -> Connection:
    return Connection(connection_id(from_block, from_port, to_block, to_port), kind, from_block, from_port,
                      to_block, to_port, side)


@dataclass(frozen=True)
class Derived:
    """What auto-connect derived: the edges and one sentence per domain (shown by migrate and on open)."""

    connections: tuple[Connection, ...]
    summary: tuple[str, ...]
    unfed: tuple[str, ...] = ()  # blocks that needed a feed and found no compatible one


@dataclass
class _Node:
    block: Block
    type: BlockType
    system: str
    rank: int
    lineup: int = 0


@dataclass
class _Plan:
    design: Design
    catalog: Catalog
    hall_index: dict[str, int]
    out: list[Connection] = field(default_factory=list)
    unfed: list[str] = field(default_factory=list)
    spare: dict[str, float] = field(default_factory=dict)  # rating not yet promised, per device
    load: dict[str, float] = field(default_factory=dict)  # what has been wired below each device
    # Lookups a campus asks thousands of times: the devices of a stage (and system), voltage fits per type.
    _stages: dict[tuple[int, str | None], list[_Node]] = field(default_factory=dict)
    _fits: dict[tuple[str, Port], bool] = field(default_factory=dict)

    def stage(self, by_rank: dict[int, list[_Node]], rank: int, system: str | None) -> list[_Node]:
        key = (rank, system)
        found = self._stages.get(key)
        if found is None:
            found = self._stages[key] = [c for c in by_rank.get(rank, []) if system is None or c.system == system]
        return found

    def accepts(self, src: BlockType, into: Port) -> bool:
        key = (src.id, into)
        fit = self._fits.get(key)
        if fit is None:
            fit = self._fits[key] = _accepts(src, into)
        return fit

    def add(self, kind: str, src: _Node | Block, src_port: str, dst: _Node | Block, dst_port: str,
            side: str = "") -> None:
        a = src.block if isinstance(src, _Node) else src
        b = dst.block if isinstance(dst, _Node) else dst
        self.out.append(new_connection(kind, a.id, src_port, b.id, dst_port, side))

    def hall(self, b: Block) -> int:
        return self.hall_index.get(b.hall_id, 0)


def _out_port(t: BlockType, kind: str) -> Port | None:
    for p in t.ports:
        if p.kind == kind and p.direction == "out":
            return p
    return None


def _accepts(src: BlockType, into: Port) -> bool:
    out = _out_port(src, "power")
    if out is None:
        return False
    return not out.voltages or not into.voltages or out.voltages[0] in into.voltages


def _distances(plan: _Plan, b: Block, cands: list[_Node]) -> np.ndarray:
    """Orthogonal (Manhattan) distance from b to each candidate; another hall counts as very far."""
    x = np.fromiter((c.block.x_mm for c in cands), float, len(cands))
    y = np.fromiter((c.block.y_mm for c in cands), float, len(cands))
    h = np.fromiter((plan.hall(c.block) for c in cands), float, len(cands))
    d: np.ndarray = np.abs(x - b.x_mm) + np.abs(y - b.y_mm) + (h != plan.hall(b)) * HALL_PENALTY_MM
    return d


def _lineups(scheme: str, modules: int) -> int:
    """How many independent lineups a scheme asks for: 2N → 2, DR → one per UPS-stage module, else 1."""
    try:
        family, _ = parse_scheme(scheme) if scheme else ("N", 0)
    except ValueError:
        return 1
    if family in ("2N", "2(N+k)"):
        return 2
    if family == "DR":
        return max(min(modules, 8), 2)
    return 1


def _by_position(plan: _Plan, nodes: list[_Node]) -> list[_Node]:
    return sorted(nodes, key=lambda n: (plan.hall(n.block), round(n.block.y_mm), n.block.x_mm, n.block.id))


def _assign_lineups(plan: _Plan, nodes: list[_Node], lineups: int) -> None:
    # A stage laid out in as many rooms as lineups (2N's power galleries A and B) is split by room, in hall
    # order: physical separation of the sides is why the rooms exist. Otherwise alternating along the floor,
    # so every rack has a device of each lineup near it.
    halls = sorted({plan.hall(n.block) for n in nodes})
    if lineups > 1 and len(halls) == lineups:
        for n in nodes:
            n.lineup = halls.index(plan.hall(n.block))
        return
    for i, n in enumerate(_by_position(plan, nodes)):
        n.lineup = i % lineups


def derive_connections(design: Design, catalog: Catalog, block_ids: Iterable[str] | None = None) -> Derived:
    """Connections for the whole design (block_ids None) or those into/out of the given blocks."""
    plan = _Plan(design, catalog, {h.id: i for i, h in enumerate(design.halls)})
    nodes: list[_Node] = []
    for b in design.blocks.values():
        t = catalog.types.get(b.type_id)
        if t is None or not t.ports:
            continue
        rank = power_rank(t)
        default = UTILITY_SYSTEM if rank >= 3 else DEFAULT_SYSTEM
        nodes.append(_Node(b, t, b.power_system or default, rank))
    _power(plan, nodes)
    _standby(plan, nodes)
    _cooling(plan, nodes)
    out = plan.out
    if block_ids is not None:
        wanted = set(block_ids)
        out = [c for c in out if c.to_block in wanted or c.from_block in wanted]
    unfed = [u for u in plan.unfed if block_ids is None or u in set(block_ids)]
    return Derived(tuple(out), _summary(out, unfed, design), tuple(unfed))


def _power(plan: _Plan, nodes: list[_Node]) -> None:
    by_rank: dict[int, list[_Node]] = defaultdict(list)
    for n in nodes:
        if n.rank >= 0:
            by_rank[n.rank].append(n)
    schemes = plan.design.assumptions.power_schemes
    # Lineups per system: the distribution and UPS stages of a 2N or DR system are split.
    lineups: dict[str, int] = {}
    for system in {n.system for n in nodes if n.rank in (1, 2)}:
        ups = [n for n in by_rank[2] if n.system == system]
        dist = [n for n in by_rank[1] if n.system == system]
        count = _lineups(schemes.get(system, ""), len(ups) or len(dist))
        lineups[system] = count
        if count > 1:
            _assign_lineups(plan, ups, count)
            _assign_lineups(plan, dist, count)
    two_sided = any(v == 2 for v in lineups.values())
    # Utility stages serve every system; split them in two when a 2N system hangs below them.
    for rank in (3, 4, 5):
        stage = by_rank[rank]
        if two_sided and len(stage) >= 2:
            _assign_lineups(plan, stage, 2)
    _racks(plan, by_rank, lineups)
    for rank in (1, 2, 3, 4):
        for n in by_rank[rank]:
            _feed_device(plan, n, by_rank, lineups)


def _input_ports(t: BlockType) -> list[Port]:
    return [p for p in t.ports if p.kind == "power" and p.direction == "in" and not p.standby]


def _candidates(plan: _Plan, n: _Node, port: Port, by_rank: dict[int, list[_Node]], first_rank: int) -> list[_Node]:
    """The devices of the nearest stage above that can feed this port: same system first; the utility
    stages (3-5) serve every system."""
    for same_system in (True, False):
        for rank in range(first_rank, 6):
            if not same_system and rank < 3:
                continue
            pool = plan.stage(by_rank, rank, n.system if same_system else None)
            found = [c for c in pool if c.block.id != n.block.id and plan.accepts(c.type, port)]
            if found:
                return found
    return []


def _racks(plan: _Plan, by_rank: dict[int, list[_Node]], lineups: dict[str, int]) -> None:
    """Each cord to the nearest devices of its lineup with room left: a rack larger than one device's spare
    rating takes whips from the next nearest too (they form that cord's paralleled feed)."""
    pair_count: dict[str, int] = defaultdict(int)
    for r in _by_position(plan, by_rank.get(0, [])):
        ports = _input_ports(r.type)
        if not ports:
            continue
        cands = _candidates(plan, r, ports[0], by_rank, 1)
        if not cands:
            plan.unfed.append(r.block.id)
            continue
        dist = _distances(plan, r.block, cands)
        order = np.argsort(dist, kind="stable").tolist()
        count = lineups.get(r.system, 1) if cands[0].rank in (1, 2) else 1
        sides = [p.name for p in ports[:2]]
        it = _it_kw(r)
        if len(sides) == 1:
            share = it
        elif count == 2:
            share = it  # either side of 2N carries the whole rack when the other is lost
        elif count > 2:
            share = it / 2 * count / (count - 1)  # DR: half, plus its part of a lost lineup's half
        else:
            share = it / 2
        if count == 1 or len(sides) == 1:
            # No lineups: A from the nearest devices, B from the nearest others when there are any.
            used: set[str] = set()
            for side in sides:
                pool = [cands[k] for k in order if cands[k].block.id not in used] or [cands[k] for k in order]
                for c in _take(plan, pool, share):
                    used.add(c.block.id)
                    plan.add("power", c, "out", r, side, "")
            continue
        if count == 2:
            want: tuple[int, ...] = (0, 1)
        else:
            # Distributed redundancy: cords on two different lineups, cycling through every pair so a lost
            # lineup's load spreads evenly over the others.
            pairs = [(i, j) for i in range(count) for j in range(i + 1, count)]
            want = pairs[pair_count[r.system] % len(pairs)]
            pair_count[r.system] += 1
        for side, lineup in zip(sides, want):
            pool = [cands[k] for k in order if cands[k].lineup == lineup] or [cands[k] for k in order]
            for c in _take(plan, pool, share):
                plan.add("power", c, "out", r, side, side if count == 2 else "")


def _take(plan: _Plan, pool: list[_Node], need_kw: float, at_least: int = 1) -> list[_Node]:
    """The fewest (but at least `at_least`) nearest devices (pool is nearest first) that can each take an
    equal part of need_kw, as the load flow shares it; when none can, the nearest (the checks report it)."""
    for c in pool:
        plan.spare.setdefault(c.block.id, _rating(c))
    for k in range(min(at_least, len(pool)), min(len(pool), BUS_FAN_IN * 4) + 1):
        part = need_kw / k
        fit = [c for c in pool if plan.spare[c.block.id] >= part - 1e-9]
        if len(fit) >= k:
            chosen = fit[:k]
            break
    else:
        chosen = pool[:max(min(at_least, len(pool)), 1)]
    part = need_kw / len(chosen)
    for c in chosen:
        plan.spare[c.block.id] -= part
        plan.load[c.block.id] = plan.load.get(c.block.id, 0.0) + part
    return chosen


def _loss_allowance(n: _Node) -> float:
    """Full-load loss fraction of a device (WP113 a + b + c), added to what it asks of its upstream."""
    if n.type.power is None:
        return 0.0
    c = n.type.power.loss
    return c.a + c.b + c.c


def _rating(n: _Node) -> float:
    if n.type.power is None:
        return 0.0
    return float(n.block.overrides.get("rating_kw", n.type.power.rating_kw))


def _it_kw(n: _Node) -> float:
    if n.type.rack is None:
        return 0.0
    return float(n.block.overrides.get("it_kw", n.type.rack.it_kw))


def _feed_device(plan: _Plan, n: _Node, by_rank: dict[int, list[_Node]], lineups: dict[str, int]) -> None:
    ports = _input_ports(n.type)
    if not ports:
        return
    port = ports[0]
    cands = _candidates(plan, n, port, by_rank, n.rank + 1)
    if not cands:
        if not port.external:
            plan.unfed.append(n.block.id)
        return
    count = lineups.get(n.system, 1) if n.rank in (1, 2) else (2 if n.lineup or _two_sided(cands) else 1)
    side = SIDE_NAMES[n.lineup] if count == 2 and n.lineup < 2 else ""
    # A stage of modules is a paralleled bus: feed from the modules of the same lineup (the same side of
    # a 2N system, the same module of a DR system), or of the whole stage when it has no lineups; the
    # nearest BUS_FAN_IN of them, since the analysis counts every module joined through shared inputs as
    # one bus (calc/graph.py), and a campus would otherwise need millions of edges.
    if cands[0].rank <= 2:
        same = [c for c in cands if c.lineup == n.lineup] if count > 1 else cands
    else:
        sided = len({c.lineup for c in cands}) > 1
        same = [c for c in cands if c.lineup == n.lineup % 2] if sided and count > 1 else cands
    pool = same or cands
    pool = [pool[k] for k in np.argsort(_distances(plan, n.block, pool), kind="stable").tolist()]
    # Capacity-aware like the racks: the nearest modules with room for this device's load, at least two so
    # the device sits on its stage's bus rather than on one module.
    near = _take(plan, pool, plan.load.get(n.block.id, 0.0) * (1.0 + _loss_allowance(n)), at_least=2)
    # Every device also takes the stage's first module (by position), so the modules of one system and
    # lineup always form a single paralleled bus however the nearest ones cluster.
    anchor = _by_position(plan, pool)[0]
    if all(c is not anchor for c in near):
        near.append(anchor)
    for c in near:
        plan.add("power", c, "out", n, port.name, side)
    if len(ports) > 1 and len(near) == 1 and len(cands) > 1:
        # Two-source devices (ATS/STS): the second input from another device of the stage.
        other = next(c for c in cands if c is not near[0])
        plan.add("power", other, "out", n, ports[1].name, side)


def _two_sided(cands: list[_Node]) -> bool:
    return len({c.lineup for c in cands}) > 1


def _standby(plan: _Plan, nodes: list[_Node]) -> None:
    """Generators into MV switchgear, batteries and BBUs into their nearest UPS or rectifier."""
    inputs = [(m, p) for m in nodes
              for p in [next((p for p in m.type.ports if p.standby and p.kind == "power" and p.direction == "in"),
                             None)] if p is not None]
    for n in nodes:
        t = n.type
        if t.power is None or not (t.kind == "generator" or t.power.stage == "storage"):
            continue
        out = _out_port(t, "power")
        if out is None:
            continue
        targets = [(m, p) for m, p in inputs if not p.voltages or not out.voltages or out.voltages[0] in p.voltages]
        if not targets:
            continue
        if t.kind == "generator":  # into the nearest switchgear (they share a generator bus through it)
            d = _distances(plan, n.block, [m for m, _ in targets])
            m, p = targets[int(np.argmin(d))]
            plan.add("power", n, out.name, m, p.name)
            continue
        same = [(m, p) for m, p in targets if m.system == n.system] or targets
        d = _distances(plan, n.block, [m for m, _ in same])
        m, p = same[int(np.argmin(d))]
        plan.add("power", n, out.name, m, p.name)


def _loop(b: Block, default: str) -> str:
    return b.cooling_loop or default


def _cooling(plan: _Plan, nodes: list[_Node]) -> None:
    """CDUs to the racks of their row, else of their loop in the hall (the nearest BUS_FAN_IN). Heat
    rejection is not wired: it serves its loop by name (see docs/connected-plant.md), as air units serve
    their hall."""
    cdus = [n for n in nodes if n.type.kind == "cdu" and _out_port(n.type, "liquid") is not None]
    for r in nodes:
        if r.rank != 0 or r.type.port("liquid") is None:
            continue
        loop = _loop(r.block, DEFAULT_LIQUID_LOOP)
        hall = plan.hall(r.block)
        in_hall = [c for c in cdus if plan.hall(c.block) == hall]
        same_loop = [c for c in in_hall if _loop(c.block, DEFAULT_LIQUID_LOOP) == loop]
        row = [c for c in same_loop if _same_row(r.block, c.block)]
        # The row's CDUs when it has two or more (N+1 in the row), else the loop's in the hall.
        chosen = (row if len(row) >= 2 else None) or same_loop or row or \
            [c for c in cdus if _loop(c.block, DEFAULT_LIQUID_LOOP) == loop] or in_hall
        if not chosen:
            plan.unfed.append(r.block.id)
            continue
        near = [chosen[k] for k in np.argsort(_distances(plan, r.block, chosen), kind="stable")[:BUS_FAN_IN].tolist()]
        anchor = _by_position(plan, chosen)[0]  # one secondary bus per loop, as for paralleled power stages
        if all(c is not anchor for c in near):
            near.append(anchor)
        for c in near:
            plan.add("liquid", c, "liquid", r, "liquid")


def _same_row(a: Block, b: Block) -> bool:
    if a.hall_id != b.hall_id:
        return False
    along_x = a.rotation_deg in (0, 180)
    if along_x != (b.rotation_deg in (0, 180)):
        return False
    return abs((a.y_mm - b.y_mm) if along_x else (a.x_mm - b.x_mm)) <= ROW_TOLERANCE_MM


def _summary(out: list[Connection], unfed: list[str], design: Design) -> tuple[str, ...]:
    counts = {k: sum(1 for c in out if c.kind == k) for k in ("power", "liquid", "heat")}
    lines = []
    if counts["power"]:
        lines.append(f"derived {counts['power']} power connections: racks to the nearest distribution of their "
                     "system (A and B from different lineups under 2N and DR), then distribution → UPS → "
                     "switchgear → transformer/SST → MV switchgear, generators and batteries to standby inputs")
    if counts["liquid"]:
        lines.append(f"derived {counts['liquid']} liquid connections: CDUs to the racks of their row, or of their "
                     "loop in the hall")
    if counts["heat"]:
        lines.append(f"derived {counts['heat']} heat connections")
    if unfed:
        names = ", ".join(design.blocks[b].name or b[:8] for b in unfed[:5] if b in design.blocks)
        more = f" and {len(unfed) - 5} more" if len(unfed) > 5 else ""
        lines.append(f"{len(unfed)} blocks found nothing compatible to connect to: {names}{more}")
    return tuple(lines)
