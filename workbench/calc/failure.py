"""Failure injection: which racks lose power or cooling, and which devices overload, when blocks fail.

The feeding rule (docs/connected-plant.md): a block operates when it has not failed and its needs are fed;
an input fed by several sources is a paralleled bus, fed while its operating sources' rating covers what
those sources carried in normal operation; an input fed by distribution devices (whips) also needs one of
its own sources to operate. So the other side of 2N takes over, the remaining modules of
N+k share, the other systems of distributed redundancy pick up their share by their connections, and a
bus that loses too many modules drops its load. The rule is monotone: failing more never feeds more.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from workbench.calc.graph import HEAT, LIQUID, POWER, PlantGraph, build_graph
from workbench.calc.loadflow import TOL, FlowModel, LoadFlow
from workbench.calc.snapshot import Snapshot, build_snapshot, build_type_table
from workbench.model.blocktype import Catalog
from workbench.model.design import Design

B = NDArray[np.bool_]
I = NDArray[np.int64]


@dataclass(frozen=True)
class Overload:
    block_id: str
    load_kw: float
    rating_kw: float
    utilisation: float  # load / rating

    def to_dict(self) -> dict[str, Any]:
        return {"block": self.block_id, "load_kw": self.load_kw, "rating_kw": self.rating_kw,
                "utilisation": self.utilisation}


@dataclass(frozen=True)
class FailureResult:
    """What failing `failed` does, compared with normal operation."""

    failed: tuple[str, ...]
    dark_power: tuple[str, ...]  # racks that lose every power cord
    dark_cooling: tuple[str, ...]  # racks that lose their liquid or air cooling
    dark: tuple[str, ...]  # either, in design order
    not_operating: tuple[str, ...]  # every block that stops: the failed ones and what they starve
    it_lost_kw: float  # IT load of the dark racks
    overloaded: tuple[Overload, ...]  # devices above their rating after failover, worst first
    load_kw: dict[str, float]  # every device's load after failover (diagram labels)

    def to_dict(self) -> dict[str, Any]:
        return {"failed": list(self.failed), "dark_power": list(self.dark_power),
                "dark_cooling": list(self.dark_cooling), "dark": list(self.dark),
                "not_operating": list(self.not_operating), "it_lost_kw": self.it_lost_kw,
                "overloaded": [o.to_dict() for o in self.overloaded], "load_kw": dict(self.load_kw)}


@dataclass
class State:
    """Which blocks operate and which inputs are fed, for one failed set (arrays over graph rows)."""

    op: B
    powered: B  # racks with a fed cord (devices: operating)
    fed_slot: B
    cooled: B  # racks whose liquid and air needs are fed


class FailureAnalysis:
    """Keeps the graph, the normal load flow and the bus thresholds of one design state; run() is fast."""

    def __init__(self, design: Design, catalog: Catalog, graph: PlantGraph | None = None,
                 snap: Snapshot | None = None) -> None:
        self.design = design
        self.snap = snap or build_snapshot(design, build_type_table(catalog))
        self.g = graph or build_graph(design, catalog, self.snap)
        self.model = FlowModel(self.g, self.snap)
        g = self.g
        self.bus_need = np.zeros(g.n_buses)
        self.air_need = np.zeros(self.model.n_halls)
        self.heat_need = np.zeros(g.n_heat_groups)
        self._sources = np.flatnonzero(g.source_bus >= 0)
        self._rejection = np.flatnonzero(g.is_rejection & (g.heat_group >= 0))
        self._implicit_units = np.flatnonzero(g.needs_heat & ~g.heat_explicit & (g.heat_group >= 0))
        self._slot_levels = g.slot_levels
        self._node_levels = g.device_levels
        power_slot = (g.slot_kind == POWER) & ~g.slot_standby
        self._power_slots = np.flatnonzero(power_slot)
        self._heat_slots = np.flatnonzero((g.slot_kind == HEAT) & ~g.slot_standby)
        self._liquid_slots = np.flatnonzero((g.slot_kind == LIQUID) & ~g.slot_standby)
        # Edges into distribution-fed inputs, by the level of the input's node (see PlantGraph.slot_direct).
        direct = np.flatnonzero(g.slot_direct[g.slot] & ~g.slot_standby[g.slot]) if len(g.slot) else g.slot
        edge_level = g.level[g.slot_node[g.slot[direct]]]
        self._direct_edges = [direct[edge_level == lv] for lv in range(len(self._slot_levels))]
        self.normal_state = self.state(np.zeros(g.n, dtype=bool))
        self.normal = self.model.flow(self.normal_state.op, self.normal_state.powered, self.normal_state.fed_slot)
        # Bus thresholds: what each bus's modules carried in normal operation, capped at their rating.
        src = self._sources
        if len(src):
            load = np.bincount(g.source_bus[src], weights=self.normal.load_kw[src], minlength=g.n_buses)
            cap = np.bincount(g.source_bus[src], weights=self.model.cap[src], minlength=g.n_buses)
            self.bus_need = np.minimum(load, cap) * (1.0 - TOL)
        rej = self._rejection
        if len(rej):
            load = np.bincount(g.heat_group[rej], weights=self.normal.load_kw[rej], minlength=g.n_heat_groups)
            cap = np.bincount(g.heat_group[rej], weights=self.model.cap[rej], minlength=g.n_heat_groups)
            self.heat_need = np.minimum(load, cap) * (1.0 - TOL)
        units = self.model.air_units
        if len(units):
            hall = g.hall[units]
            load = np.bincount(hall, weights=self.normal.load_kw[units], minlength=self.model.n_halls)
            cap = np.bincount(hall, weights=self.model.cap[units], minlength=self.model.n_halls)
            self.air_need = np.minimum(load, cap) * (1.0 - TOL)
        self.normal_dark_power = self.g.is_rack & ~self.normal_state.powered
        self.normal_dark_cooling = self.g.is_rack & ~self.normal_state.cooled
        self.normal_over = set(self.normal.overloaded().tolist())

    def state(self, failed: B) -> State:
        """Operating blocks and fed inputs, level by level from the sources down."""
        g, m = self.g, self.model
        op = ~failed
        fed = np.zeros(m.n_slots, dtype=bool)
        src = self._sources
        for lv, slots in enumerate(self._slot_levels):
            if len(slots):
                on = op[src]
                bus_count = np.bincount(g.source_bus[src], weights=on, minlength=g.n_buses)
                bus_cap = np.bincount(g.source_bus[src], weights=np.where(on, m.cap[src], 0.0), minlength=g.n_buses)
                bus_ok = (bus_count > 0) & (bus_cap >= self.bus_need - TOL)
                fed[slots] = bus_ok[g.slot_bus[slots]]
                edges = self._direct_edges[lv]
                if len(edges):
                    # A whip-fed input also needs one of its own sources (they sit on lower levels, so
                    # their op is final): fed when bus_ok and any own source operates.
                    own = np.zeros(m.n_slots, dtype=bool)
                    own[g.slot[edges[op[g.src[edges]]]]] = True
                    hit = g.slot[edges]
                    fed[hit] &= own[hit]
            nodes = self._node_levels[lv] if lv < len(self._node_levels) else None
            if nodes is None or not len(nodes):
                continue
            need_p, need_h = g.needs_power[nodes], g.needs_heat[nodes]
            ok = op[nodes]
            if need_p.any():
                ok &= ~need_p | self._any_fed(fed, self._power_slots, nodes)
            if need_h.any():
                explicit = g.heat_explicit[nodes]
                heat_ok = np.where(explicit, self._any_fed(fed, self._heat_slots, nodes),
                                   self._heat_group_ok(op)[np.maximum(g.heat_group[nodes], 0)]
                                   & (g.heat_group[nodes] >= 0))
                ok &= ~need_h | heat_ok
            op[nodes] = ok
        racks = m.racks
        powered = op.copy()
        powered[racks] = op[racks] & self._any_fed(fed, self._power_slots, racks)
        cooled = np.ones(g.n, dtype=bool)
        if len(racks):
            liquid_ok = ~g.needs_liquid[racks] | self._any_fed(fed, self._liquid_slots, racks)
            air_ok = ~g.needs_air[racks]
            units = m.air_units
            if len(units):
                on = op[units]
                hall = g.hall[units]
                count = np.bincount(hall, weights=on, minlength=m.n_halls)
                cap = np.bincount(hall, weights=np.where(on, m.cap[units], 0.0), minlength=m.n_halls)
                hall_ok = (count > 0) & (cap >= self.air_need - TOL)
                air_ok = air_ok | hall_ok[g.hall[racks]]
            cooled[racks] = liquid_ok & air_ok
        return State(op, powered, fed, cooled)

    def _heat_group_ok(self, op: B) -> B:
        """Heat groups whose operating heat rejection covers what the group rejected in normal operation."""
        g, rej = self.g, self._rejection
        if not len(rej):
            return np.zeros(max(g.n_heat_groups, 1), dtype=bool)
        on = op[rej]
        count = np.bincount(g.heat_group[rej], weights=on, minlength=g.n_heat_groups)
        cap = np.bincount(g.heat_group[rej], weights=np.where(on, self.model.cap[rej], 0.0), minlength=g.n_heat_groups)
        ok: B = (count > 0) & (cap >= self.heat_need - TOL)
        return ok if len(ok) else np.zeros(1, dtype=bool)

    def _any_fed(self, fed: B, slots: I, nodes: I) -> B:
        """For each node, whether any of its inputs among `slots` is fed."""
        g = self.g
        hit = slots[fed[slots]]
        mark = np.zeros(g.n, dtype=bool)
        mark[g.slot_node[hit]] = True
        return mark[nodes]

    def mask(self, failed: Iterable[str]) -> B:
        m = np.zeros(self.g.n, dtype=bool)
        for bid in failed:
            r = self.g.row.get(bid)
            if r is not None:
                m[r] = True
        return m

    def evaluate(self, failed: B, with_flow: bool = True) -> tuple[State, LoadFlow | None]:
        st = self.state(failed)
        flow = self.model.flow(st.op, st.powered, st.fed_slot) if with_flow else None
        return st, flow

    def run(self, failed: Iterable[str]) -> FailureResult:
        failed = list(dict.fromkeys(failed))
        g = self.g
        st, flow = self.evaluate(self.mask(failed))
        assert flow is not None
        rack = g.is_rack
        lost_p = rack & ~st.powered & ~self.normal_dark_power
        lost_c = rack & ~st.cooled & ~self.normal_dark_cooling
        dark = lost_p | lost_c
        ids = g.ids
        over = [r for r in flow.overloaded().tolist()]
        overloads = sorted((Overload(ids[r], float(flow.load_kw[r]), float(flow.rating_kw[r]),
                                     float(flow.load_kw[r] / flow.rating_kw[r])) for r in over),
                           key=lambda o: (-o.utilisation, o.block_id))
        devices = np.flatnonzero(~rack & ((flow.rating_kw > 0) | (flow.load_kw > 0)))
        return FailureResult(
            failed=tuple(failed),
            dark_power=tuple(ids[i] for i in np.flatnonzero(lost_p)),
            dark_cooling=tuple(ids[i] for i in np.flatnonzero(lost_c)),
            dark=tuple(ids[i] for i in np.flatnonzero(dark)),
            not_operating=tuple(ids[i] for i in np.flatnonzero(~st.op | (rack & dark))),
            it_lost_kw=float(self.model.it_kw[dark].sum()),
            overloaded=tuple(overloads),
            load_kw=dict(zip([ids[i] for i in devices.tolist()], flow.load_kw[devices].tolist())),
        )


def fail(design: Design, catalog: Catalog, failed: Iterable[str]) -> FailureResult:
    """Fail the given blocks (ids) and see what goes dark and what overloads."""
    return FailureAnalysis(design, catalog).run(failed)
