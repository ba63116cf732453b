"""The engine's plant section: the load flow in normal operation and the checks that follow the graph."""

from __future__ import annotations

import copy
import operator
import weakref
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, overload

import numpy as np
from numpy.typing import NDArray

from workbench.calc.checks import ERROR, WARNING, Check, params
from workbench.calc.failure import FailureAnalysis
from workbench.calc.graph import HEAT, PlantGraph, build_graph
from workbench.calc.snapshot import Snapshot
from workbench.model.blocktype import Catalog
from workbench.model.connections import Connection
from workbench.model.design import Design, parse_scheme

MAX_LISTED = 50  # block ids a check carries; the count says how many there are


@dataclass(frozen=True)
class DeviceFlow:
    block_id: str
    load_kw: float
    loss_kw: float
    rating_kw: float
    utilisation: float

    def to_dict(self) -> dict[str, Any]:
        return {"block": self.block_id, "load_kw": self.load_kw, "loss_kw": self.loss_kw,
                "rating_kw": self.rating_kw, "utilisation": self.utilisation}


@dataclass(frozen=True, eq=False)
class PlantResults:
    """Results of the connected plant in normal operation (documented in docs/connected-plant.md)."""

    connections: dict[str, int]  # valid connections by kind
    unused_connections: int  # connections the analysis could not use (see the bad_connection checks)
    graph_power_losses_kw: float  # Σ device losses along the power graph at design IT load
    racks_without_power: int
    racks_without_cooling: int
    # Per device, as arrays (a campus has thousands; DeviceFlow records are made when asked for).
    device_ids: Sequence[str]
    load_kw: NDArray[np.float64]
    loss_kw: NDArray[np.float64]
    rating_kw: NDArray[np.float64]

    @property
    def devices(self) -> tuple[DeviceFlow, ...]:
        """Every power and cooling device on the graph, in design order."""
        util = np.divide(self.load_kw, self.rating_kw, out=np.zeros_like(self.load_kw), where=self.rating_kw > 0)
        return tuple(DeviceFlow(b, load, loss, rating, u) for b, load, loss, rating, u in zip(
            self.device_ids, self.load_kw.tolist(), self.loss_kw.tolist(), self.rating_kw.tolist(), util.tolist()))

    def device(self, block_id: str) -> DeviceFlow | None:
        for d in self.devices:
            if d.block_id == block_id:
                return d
        return None

    def to_dict(self) -> dict[str, Any]:
        return {"connections": dict(self.connections), "unused_connections": self.unused_connections,
                "graph_power_losses_kw": self.graph_power_losses_kw,
                "racks_without_power": self.racks_without_power,
                "racks_without_cooling": self.racks_without_cooling,
                "devices": [d.to_dict() for d in self.devices]}


class _LazyIds(Sequence[str]):
    """Device ids picked from the graph's id list only when read (a run need not build 5,000 strings)."""

    def __init__(self, ids: list[str], rows: NDArray[np.int64]) -> None:
        self._ids, self._rows = ids, rows

    def __len__(self) -> int:
        return len(self._rows)

    @overload
    def __getitem__(self, i: int) -> str: ...

    @overload
    def __getitem__(self, i: slice) -> Sequence[str]: ...

    def __getitem__(self, i: int | slice) -> str | Sequence[str]:
        if isinstance(i, slice):
            return [self._ids[r] for r in self._rows[i].tolist()]
        return self._ids[int(self._rows[i])]

    def __iter__(self) -> Iterator[str]:
        ids = self._ids
        return (ids[r] for r in self._rows.tolist())


class PlantCache:
    """Keeps each design's graph, and its normal-operation analysis, while their inputs stay the same.

    Shared by every Calculator (a new one per CLI command, report or bench run): the graph is rebuilt only
    when the connections, the block list, a block's type or a cooling loop name changed; the analysis only
    when the per-block figures or the loss coefficients changed as well. Entries die with their design.
    """

    _entries: dict[int, _Entry] = {}
    # A few earlier entries of each design, newest first: switching scenario back and forth (or undoing a
    # switch) returns to a plant built moments ago, and the options share the base's connection objects.
    _recent: dict[int, list[_Entry]] = {}
    RECENT = 3

    def __init__(self, keep: bool = True) -> None:
        self.keep = keep  # False: build everything afresh (the bench's cold figure)

    def graph(self, design: Design, catalog: Catalog, snap: Snapshot) -> PlantGraph:
        return self._entry(design, catalog, snap).graph

    def analysis(self, design: Design, catalog: Catalog, snap: Snapshot) -> FailureAnalysis:
        e = self._entry(design, catalog, snap)
        # The flow shares each hall's rack air heat among its air units: a block moved to another hall
        # changes the analysis though no figure did.
        if (e.fa is None or e.values is None or e.loss is None or e.hall is None
                or not (np.array_equal(e.values, snap.values) and np.array_equal(e.loss, snap.types.loss)
                        and np.array_equal(e.hall, snap.hall))):
            e.fa = FailureAnalysis(design, catalog, e.graph, snap)
            e.values, e.loss, e.hall = snap.values.copy(), snap.types.loss.copy(), snap.hall.copy()
        return e.fa

    def served_loops(self, design: Design, catalog: Catalog, snap: Snapshot,
                     build: Callable[[], dict[int, str]]) -> dict[int, str]:
        """The loop each heat-rejection row serves by its heat connections (calc/annual.py builds it), kept with
        the graph: it follows from the connections and the rows' ids, types and loops, as the graph does."""
        if not self.keep:
            return build()
        e = self._entry(design, catalog, snap)
        if e.served is None:
            e.served = build()
        return e.served

    def _entry(self, design: Design, catalog: Catalog, snap: Snapshot) -> _Entry:
        # The version counts edits; the dict's identity and size catch a wholesale replacement (a scenario
        # switch, an undo of a whole-design load) that did not go through the connection edits.
        key = (design.connections_version, id(design.connections), len(design.connections), len(snap.ids),
               tuple(snap.loop_names))
        e = self._entries.get(id(design)) if self.keep else None
        # The graph follows the catalog's ports (another catalog, another graph), and its findings name blocks.
        if (e is not None and e.ref() is design and e.catalog() is catalog and e.key == key and e.ids == snap.ids
                and np.array_equal(e.types, snap.type_index) and np.array_equal(e.loops, snap.loop_code)
                and e.names == _problem_names(design, e.graph)):
            e.graph.hall = snap.hall.copy()
            return e
        # list() of the items runs in C: the contingency worker's thread cannot change the dict under it.
        for k in [k for k, old in list(self._entries.items()) if old.ref() is None]:
            self._entries.pop(k, None)  # designs that are gone (pop: the other thread may have dropped it)
            self._recent.pop(k, None)
        edges = tuple(design.connections.values())
        if self.keep:
            recent = self._recent.setdefault(id(design), [])
            back = next((old for old in recent if old.ref() is design and _built_from(old, design, catalog, snap, edges)),
                        None)
            if e is not None and e.ref() is design:
                recent.insert(0, e)  # the plant being left, for a switch back
            if back is not None:
                recent.remove(back)
                back.key = key
                back.graph.hall = snap.hall.copy()
                self._entries[id(design)] = back
                del recent[self.RECENT:]
                return back  # its analysis is checked against this snapshot's figures by analysis()
            del recent[self.RECENT:]
        graph = self._same_plant(design, catalog, snap, edges) if self.keep else None
        graph = graph or build_graph(design, catalog, snap)
        e = _Entry(weakref.ref(design), weakref.ref(catalog), key, list(snap.ids), snap.type_index.copy(),
                   snap.loop_code.copy(), graph, _problem_names(design, graph), edges)
        if self.keep:
            self._entries[id(design)] = e
        return e

    def _same_plant(self, design: Design, catalog: Catalog, snap: Snapshot,
                    edges: tuple[Connection, ...]) -> PlantGraph | None:
        """Another design's graph when everything the graph is built from is the same: the same blocks in the
        same order with the same types and loops, and the very same (frozen) connection objects in the same
        order. Scenario options share the base's connections, so comparing six options builds one graph."""
        for e in list(self._entries.values()):  # a copy: the contingency worker may add an entry meanwhile
            if e.ref() is not None and _built_from(e, design, catalog, snap, edges):
                graph = copy.copy(e.graph)  # the arrays are never written in place; the hall is per design
                graph.hall = snap.hall.copy()
                return graph
        return None


def _built_from(e: _Entry, design: Design, catalog: Catalog, snap: Snapshot, edges: tuple[Connection, ...]) -> bool:
    """Whether the entry's graph was built from exactly these inputs: the same blocks in the same order with the
    same types and loops, and the very same (frozen) connection objects in the same order."""
    return (e.catalog() is catalog and len(e.edges) == len(edges) and e.ids == snap.ids
            and tuple(e.key[4]) == tuple(snap.loop_names) and np.array_equal(e.types, snap.type_index)
            and np.array_equal(e.loops, snap.loop_code) and all(map(operator.is_, e.edges, edges))
            and e.names == _problem_names(design, e.graph))


@dataclass(eq=False)  # found by identity: the fields hold arrays
class _Entry:
    ref: weakref.ref[Design]
    catalog: weakref.ref[Catalog]
    key: tuple[int, int, int, int, tuple[str, ...]]
    ids: list[str]
    types: NDArray[np.int64]
    loops: NDArray[np.int64]
    graph: PlantGraph
    names: list[str]  # the names the graph's findings were worded with (see _problem_names)
    edges: tuple[Connection, ...]  # the connections it was built from, in order
    fa: FailureAnalysis | None = None
    values: NDArray[np.float64] | None = None
    loss: NDArray[np.float64] | None = None
    hall: NDArray[np.int64] | None = None
    served: dict[int, str] | None = None  # heat-rejection row → the loop its heat connections serve


def _problem_names(design: Design, g: PlantGraph) -> list[str]:
    """The current names of the blocks the graph's findings are about (a handful; a rename rewords them)."""
    blocks = design.blocks
    return [b.name if b is not None else "" for p in g.problems for b in map(blocks.get, p.block_ids)]


def plant_section(design: Design, catalog: Catalog, snap: Snapshot,
                  cache: PlantCache | None = None) -> tuple[PlantResults | None, list[Check]]:
    """Load flow and graph checks; None and no checks while the design has no connections at all."""
    if not design.connections:
        return None, []  # not wired yet (a layout study, or before auto-connect): nothing to follow
    fa = (cache or PlantCache()).analysis(design, catalog, snap)
    flow = fa.normal
    g = fa.g
    checks = _graph_checks(design, fa)
    counts = {k: int((g.kind == i).sum()) for i, k in enumerate(("power", "liquid", "heat"))}
    devices = g.devices
    result = PlantResults(
        connections=counts, unused_connections=len(design.connections) - len(g.edge_ids),
        graph_power_losses_kw=float(flow.loss_kw[g.is_power].sum()),
        racks_without_power=int(fa.normal_dark_power.sum()), racks_without_cooling=int(fa.normal_dark_cooling.sum()),
        device_ids=_LazyIds(g.ids, devices), load_kw=flow.load_kw[devices], loss_kw=flow.loss_kw[devices],
        rating_kw=flow.rating_kw[devices])
    return result, checks


def _names(design: Design, ids: list[str]) -> str:
    """The first six names (the count is in the sentence), so the list reads the same in every language."""
    return ", ".join(design.blocks[b].name or b[:8] for b in ids[:6]) + (", …" if len(ids) > 6 else "")


def _graph_checks(design: Design, fa: FailureAnalysis) -> list[Check]:
    g, flow = fa.g, fa.normal
    out: list[Check] = []
    for p in g.problems:
        severity = WARNING if p.code == "bad_connection" else ERROR
        out.append(Check(severity, p.code, p.message, p.block_ids, p.params))
    racks = np.flatnonzero(fa.normal_dark_power)
    # A design with no source at all (a pod, a layout study) is no_utility_supply's to report, once.
    has_source = bool((g.grid_fed & g.is_power).any())
    if len(racks) and has_source:
        ids = [g.ids[r] for r in racks.tolist()]
        out.append(Check(ERROR, "no_power_path", f"{len(ids)} racks have no power path to a source: {_names(design, ids)}",
                         tuple(ids[:MAX_LISTED]), params(racks=len(ids), names=_names(design, ids))))
    racks = np.flatnonzero(fa.normal_dark_cooling & ~fa.normal_dark_power)
    if len(racks):
        ids = [g.ids[r] for r in racks.tolist()]
        out.append(Check(ERROR, "no_cooling_path", f"{len(ids)} racks have no cooling path (liquid to a CDU and its "
                         f"heat rejection, or air units in their hall): {_names(design, ids)}",
                         tuple(ids[:MAX_LISTED]), params(racks=len(ids), names=_names(design, ids))))
    out += _single_corded(design, fa)
    if g.is_rejection.any():  # none at all: the no_heat_rejection check says so, once
        out += _loops_without_rejection(design, g)
    for r in flow.overloaded().tolist():
        bid = g.ids[r]
        load, rating = float(flow.load_kw[r]), float(flow.rating_kw[r])
        name = design.blocks[bid].name or bid[:8]
        out.append(Check(ERROR, "device_overloaded", f"{name} carries {load:,.0f} kW in normal operation, above its "
                         f"rating of {rating:,.0f} kW ({load / rating:.0%})", (bid,),
                         params(name=name, load_kw=load, rating_kw=rating, utilisation=load / rating)))
    return out


def _two_n(scheme: str) -> bool:
    try:
        return parse_scheme(scheme)[0] in ("2N", "2(N+k)") if scheme else False
    except ValueError:
        return False


def _single_corded(design: Design, fa: FailureAnalysis) -> list[Check]:
    """Racks of a system declared 2N that have (or use) only one cord."""
    g = fa.g
    schemes = design.assumptions.power_schemes
    systems = {name for name, s in schemes.items() if _two_n(s)}
    if not systems:
        return []
    power_slots = np.flatnonzero((g.slot_kind == 0) & ~g.slot_standby)
    used = np.bincount(g.slot_node[power_slots], minlength=g.n)
    found: dict[str, list[str]] = {}
    for r in np.flatnonzero(g.is_rack).tolist():
        b = design.blocks[g.ids[r]]
        system = b.power_system or "main"
        if system in systems and (g.cords[r] < 2 or used[r] == 1):
            found.setdefault(system, []).append(b.id)
    return [Check(WARNING, "single_corded_2n", f"{len(ids)} racks in 2N system '{system}' are single-corded or use "
                  f"one cord only, so they lose power with either side: {_names(design, ids)}",
                  tuple(ids[:MAX_LISTED]), params(system=system, racks=len(ids), names=_names(design, ids)))
            for system, ids in found.items()]


def _loops_without_rejection(design: Design, g: PlantGraph) -> list[Check]:
    """Cooling loops (by name) whose CDUs and air units no heat rejection serves (drawn or by loop name)."""
    heat_fed = np.zeros(g.n, dtype=bool)
    heat_fed[g.dst[g.kind == HEAT]] = True
    with_rejection = np.zeros(max(g.n_heat_groups, 1), dtype=bool)
    rej = np.flatnonzero(g.is_rejection & (g.heat_group >= 0))
    with_rejection[g.heat_group[rej]] = True
    units = np.flatnonzero(g.needs_heat)
    grp = np.maximum(g.heat_group[units], 0)
    served_all = np.where(g.heat_explicit[units], heat_fed[units], (g.heat_group[units] >= 0) & with_rejection[grp])
    if served_all.all():
        return []  # every unit rejects its heat somewhere (the usual case: no per-unit walk)
    loops: dict[str, list[str]] = {}
    fed_loops: set[str] = set()
    for r in units.tolist():
        b = design.blocks[g.ids[r]]
        loop = b.cooling_loop or ("air" if g.is_air_unit[r] else "liquid")
        served = heat_fed[r] if g.heat_explicit[r] else bool(g.heat_group[r] >= 0 and with_rejection[g.heat_group[r]])
        if served:
            fed_loops.add(loop)
        else:
            loops.setdefault(loop, []).append(b.id)
    return [Check(WARNING, "loop_no_heat_rejection", f"cooling loop '{loop}' has no heat rejection: "
                  f"{_names(design, ids)} reject heat nowhere", tuple(ids[:MAX_LISTED]),
                  params(loop=loop, units=len(ids), names=_names(design, ids)))
            for loop, ids in loops.items() if loop not in fed_loops]
