"""Contingency analysis: fail every infrastructure component in turn (N-1), optionally pairs within a system
(N-2), and state the single points of failure and two design-rule verdicts.

The verdicts follow the wording of the Uptime Institute tier definitions (concurrently maintainable, fault
tolerant) as design rules checked on the drawn graph; they are not a certification.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import combinations
from typing import Any

import numpy as np

from workbench.calc.failure import FailureAnalysis, Overload
from workbench.calc.n1 import FastCases
from workbench.model.blocktype import Catalog
from workbench.model.design import Design

MAX_BREAKERS = 200  # components listed per verdict (the count is complete)


class Cancelled(Exception):
    """The caller asked to stop (the window's Cancel button)."""


@dataclass(frozen=True)
class Spof:
    block_id: str
    name: str
    type_id: str
    it_kw_lost: float
    dark_racks: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"block": self.block_id, "name": self.name, "type": self.type_id, "it_kw_lost": self.it_kw_lost,
                "dark_racks": list(self.dark_racks)}


@dataclass(frozen=True)
class CaseOverload:
    failed: tuple[str, ...]
    overload: Overload

    def to_dict(self) -> dict[str, Any]:
        return {"failed": list(self.failed), **self.overload.to_dict()}


@dataclass(frozen=True)
class PairLoss:
    failed: tuple[str, str]
    it_kw_lost: float
    dark_racks: int

    def to_dict(self) -> dict[str, Any]:
        return {"failed": list(self.failed), "it_kw_lost": self.it_kw_lost, "dark_racks": self.dark_racks}


@dataclass(frozen=True)
class Verdict:
    holds: bool
    breakers: tuple[str, ...]  # component ids that break it (at most MAX_BREAKERS)
    breaker_count: int
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"holds": self.holds, "breakers": list(self.breakers), "breaker_count": self.breaker_count,
                "reason": self.reason}


@dataclass(frozen=True)
class ContingencyResult:
    depth: int
    components: int
    cases: int
    spofs: tuple[Spof, ...]  # most IT lost first
    overloads: tuple[CaseOverload, ...]  # new overloads after failover, worst first
    worst_overload: CaseOverload | None
    pairs: tuple[PairLoss, ...]  # depth 2: pairs within a system that darken racks neither does alone
    concurrently_maintainable: Verdict
    fault_tolerant: Verdict
    statement: str = ("Design-rule verdicts in the style of the Uptime Institute tier definitions, checked on the "
                      "connections drawn in this design; not an Uptime Institute certification.")

    def to_dict(self) -> dict[str, Any]:
        return {"depth": self.depth, "components": self.components, "cases": self.cases,
                "spofs": [s.to_dict() for s in self.spofs], "overloads": [o.to_dict() for o in self.overloads],
                "worst_overload": self.worst_overload.to_dict() if self.worst_overload else None,
                "pairs": [p.to_dict() for p in self.pairs],
                "concurrently_maintainable": self.concurrently_maintainable.to_dict(),
                "fault_tolerant": self.fault_tolerant.to_dict(), "statement": self.statement}


def infrastructure_components(fa: FailureAnalysis) -> list[str]:
    """Every power and cooling device on the graph (not racks, not structure), in design order."""
    g = fa.g
    return [g.ids[i] for i in np.flatnonzero((g.is_power | g.is_cooling) & ~g.is_rack).tolist()]


def contingency(design: Design, catalog: Catalog, depth: int = 1,
                progress: Callable[[int, int], None] | None = None,
                cancelled: Callable[[], bool] | None = None,
                analysis: FailureAnalysis | None = None) -> ContingencyResult:
    """N-1 over every infrastructure component, and with depth 2 every pair within a power system or
    cooling loop. `progress(done, total)` is called as it goes; `cancelled()` returning True stops it."""
    if depth not in (1, 2):
        raise ValueError("depth must be 1 or 2")
    if analysis is None:
        # The graph and normal analysis the engine keeps for this design (built here when it has none).
        from workbench.calc.plant import PlantCache
        from workbench.calc.snapshot import build_snapshot, build_type_table

        analysis = PlantCache().analysis(design, catalog, build_snapshot(design, build_type_table(catalog)))
    fa = analysis
    g = fa.g
    comps = infrastructure_components(fa)
    pairs = _pairs(design, comps) if depth == 2 else []
    total = len(comps) + len(pairs)
    it = fa.model.it_kw
    cap = fa.model.cap
    # Each case starts from normal operation and follows only what the failure touches (calc/n1.py,
    # tested equal to the full FailureAnalysis on every template).
    cases = FastCases(fa)
    spofs: list[Spof] = []
    overloads: list[CaseOverload] = []
    dark_of: dict[str, frozenset[int]] = {}
    for i, cid in enumerate(comps):
        _tick(i, total, progress, cancelled)
        case = cases.case([g.row[cid]])
        dark_of[cid] = frozenset(case.dark)
        if case.dark:
            blk = design.blocks[cid]
            rows = list(case.dark)
            spofs.append(Spof(cid, blk.name or cid[:8], blk.type_id, float(it[rows].sum()),
                              tuple(g.ids[r] for r in rows)))
        for r, load in case.overloads:  # devices newly above rating (not those already over normally)
            rating = float(cap[r])
            overloads.append(CaseOverload((cid,), Overload(g.ids[r], load, rating, load / rating)))
    pair_losses: list[PairLoss] = []
    for k, (first, second) in enumerate(pairs):
        _tick(len(comps) + k, total, progress, cancelled)
        lost = frozenset(cases.case([g.row[first], g.row[second]]).dark)
        if lost - dark_of.get(first, frozenset()) - dark_of.get(second, frozenset()):
            pair_losses.append(PairLoss((first, second), float(it[sorted(lost)].sum()), len(lost)))
    if progress is not None:
        progress(total, total)
    spofs.sort(key=lambda s: (-s.it_kw_lost, s.block_id))
    overloads.sort(key=lambda o: (-o.overload.utilisation, o.failed, o.overload.block_id))
    pair_losses.sort(key=lambda p: (-p.it_kw_lost, p.failed))
    cm_break = list(dict.fromkeys([s.block_id for s in spofs] + [o.failed[0] for o in overloads]))
    cm = Verdict(not cm_break, tuple(cm_break[:MAX_BREAKERS]), len(cm_break),
                 "every infrastructure component can be taken out for maintenance with no rack losing power or "
                 "cooling and no device above its rating" if not cm_break else
                 f"taking out {len(cm_break)} components loses IT or overloads a device")
    shared = _shared_path_components(fa)
    ft_break = list(dict.fromkeys(cm_break + shared))
    ft = Verdict(not ft_break, tuple(ft_break[:MAX_BREAKERS]), len(ft_break),
                 "concurrently maintainable, and every rack has two active power paths with no component in "
                 "common" if not ft_break else
                 (f"{len(shared)} components are common to both power paths of some rack"
                  + (f"; {len(cm_break)} components break concurrent maintainability" if cm_break else "")))
    return ContingencyResult(depth, len(comps), total, tuple(spofs), tuple(overloads),
                             overloads[0] if overloads else None, tuple(pair_losses), cm, ft)


def _tick(done: int, total: int, progress: Callable[[int, int], None] | None,
          cancelled: Callable[[], bool] | None) -> None:
    if done % 16 == 0:
        if cancelled is not None and cancelled():
            raise Cancelled()
        if progress is not None:
            progress(done, total)


def _pairs(design: Design, comps: list[str]) -> list[tuple[str, str]]:
    """Pairs of components within one power system (by stage) or one cooling loop."""
    groups: dict[tuple[str, str], list[str]] = {}
    for cid in comps:
        b = design.blocks[cid]
        key = ("power", b.power_system) if not b.cooling_loop else ("cooling", b.cooling_loop)
        if b.type_id.startswith("cool.") and not b.cooling_loop:
            key = ("cooling", "")
        groups.setdefault(key, []).append(cid)
    return [p for members in groups.values() for p in combinations(members, 2)]


def _shared_path_components(fa: FailureAnalysis) -> list[str]:
    """Components on both power paths of a dual-corded rack: the members of every bus upstream of both cords."""
    g = fa.g
    power_slots = np.flatnonzero((g.slot_kind == 0) & ~g.slot_standby)
    # Buses above each bus: a bus's modules draw on their own input slots' buses.
    above: dict[int, set[int]] = {}
    inputs_of: dict[int, set[int]] = {}
    for s in power_slots.tolist():
        inputs_of.setdefault(int(g.slot_node[s]), set()).add(int(g.slot_bus[s]))
    members: dict[int, list[int]] = {}
    for node in np.flatnonzero(g.source_bus >= 0).tolist():
        members.setdefault(int(g.source_bus[node]), []).append(node)

    def ancestors(bus: int, seen: tuple[int, ...] = ()) -> set[int]:
        if bus in above:
            return above[bus]
        out = {bus}
        for m in members.get(bus, []):
            for up in inputs_of.get(m, ()):
                if up not in seen:
                    out |= ancestors(up, seen + (bus,))
        above[bus] = out
        return out

    shared: set[int] = set()
    slots_of: dict[int, list[int]] = {}
    for s in power_slots.tolist():
        node = int(g.slot_node[s])
        if g.is_rack[node]:
            slots_of.setdefault(node, []).append(int(g.slot_bus[s]))
    for node, buses in slots_of.items():
        if not fa.normal_state.powered[node]:
            continue
        if len(buses) < 2:  # one cord: everything above it is on its only path
            shared |= ancestors(buses[0]) if buses else set()
            continue
        common = ancestors(buses[0]).intersection(*(ancestors(b) for b in buses[1:]))
        shared |= common
    found = sorted({m for b in shared for m in members.get(b, [])})
    return [g.ids[m] for m in found]
