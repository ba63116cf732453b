"""Load flow over the plant graph: every device carries what it feeds plus its own WP113 loss at its own load.

Power: a rack draws its IT load, split equally over its fed cords; a port fed by several sources (a
paralleled bus) shares its load by rating among the operating ones; each device adds its loss
rating·(a + b·x + c·x²) at x = its own load / its rating. Cooling: racks' liquid heat flows to their CDUs,
CDUs' and air units' heat to the heat rejection serving them; air units share their hall's rack air heat
by capacity. Works level by level from the racks up, on arrays.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from workbench.calc.graph import HEAT, LIQUID, POWER, PlantGraph
from workbench.calc.snapshot import Snapshot

F = NDArray[np.float64]
I = NDArray[np.int64]
B = NDArray[np.bool_]
TOL = 1e-6


@dataclass(frozen=True)
class LoadFlow:
    """Per node (graph row): load delivered, own loss, input drawn, and the rating it is checked against."""

    load_kw: F
    loss_kw: F
    input_kw: F
    rating_kw: F
    operating: B

    def utilisation(self, row: int) -> float:
        r = float(self.rating_kw[row])
        return float(self.load_kw[row]) / r if r > 0 else 0.0

    def overloaded(self) -> I:
        """Rows of operating devices whose load is above their rating."""
        cap = self.rating_kw
        return np.flatnonzero(self.operating & (cap > 0) & (self.load_kw > cap * (1.0 + TOL) + TOL))


class FlowModel:
    """The static half of the analysis for one graph and snapshot: ratings, demands and the level plan."""

    def __init__(self, graph: PlantGraph, snap: Snapshot) -> None:
        g = self.g = graph
        n = g.n
        self.is_cdu = g.is_cdu
        self.is_rejection = g.is_rejection
        it = snap.col("it_kw")
        self.it_kw = np.where(g.is_rack, it, 0.0)
        self.liquid_kw = self.it_kw * snap.col("liquid_fraction") * g.needs_liquid
        self.air_kw = self.it_kw * snap.col("air_fraction") * g.needs_air
        cap = np.where(g.is_power, snap.col("rating_kw"), 0.0)
        cap = np.where(self.is_cdu, snap.col("liquid_kw"), cap)
        cap = np.where(g.is_air_unit, snap.col("air_kw"), cap)
        self.cap = np.where(self.is_rejection, snap.col("heat_rejection_kw"), cap)
        self.coef = snap.types.loss[snap.type_index] if n else np.zeros((0, 3))
        self.coef = np.where(g.is_power[:, None], self.coef, 0.0)
        # A cooling unit wired to the power graph draws its rated fans and pumps.
        self.mech_kw = np.where(g.is_cooling & g.needs_power, snap.col("fan_kw") + snap.col("pump_kw"), 0.0)
        self.n_halls = int(g.hall.max()) + 1 if n else 0
        self.air_units = np.flatnonzero(g.is_air_unit)
        self.racks = np.flatnonzero(g.is_rack)
        self.sources = np.flatnonzero(g.source_bus >= 0)
        self.levels = list(range(g.top, -1, -1))
        self.node_levels = g.node_levels
        # Standby inputs carry nothing while the grid is there.
        self.slot_levels = g.slot_levels
        self.n_slots = len(g.slot_node)

    def bus_share(self, op: B) -> F:
        """Each source's share of its bus's load: its rating over the operating modules' total."""
        g = self.g
        src = self.sources
        share = np.zeros(g.n)
        if len(src):
            cap = np.where(self.cap[src] > 0, self.cap[src], 1.0) * op[src]
            total = np.bincount(g.source_bus[src], weights=cap, minlength=g.n_buses)
            share[src] = np.divide(cap, total[g.source_bus[src]], out=np.zeros_like(cap),
                                   where=total[g.source_bus[src]] > 0)
        return share

    def slot_weight(self, fed_slot: B) -> F:
        """Share of its node's draw each input slot takes: equal over the node's fed inputs of that kind (a
        dual-corded rack with both cords fed draws half on each); 0 for unfed and standby inputs."""
        g = self.g
        use = fed_slot & ~g.slot_standby
        per_node = np.zeros((g.n, 3))
        hit = np.flatnonzero(use)
        np.add.at(per_node, (g.slot_node[hit], g.slot_kind[hit]), 1.0)
        k = per_node[g.slot_node, g.slot_kind]
        w: F = np.divide(use.astype(float), k, out=np.zeros(len(k)), where=k > 0)
        return w

    def flow(self, op: B, powered: B, fed_slot: B) -> LoadFlow:
        """Loads with the given blocks operating (racks: powered) and the given inputs fed.

        An input's draw goes to its bus, and every bus shares its load among its operating modules by
        rating (paralleled modules share one output bus, whichever of them an input is wired to)."""
        g = self.g
        n = g.n
        share = self.bus_share(op)
        weight = self.slot_weight(fed_slot)
        out = np.zeros(n)  # what each node delivers (power, liquid or heat, by its role)
        loss = np.zeros(n)
        bus = np.zeros(g.n_buses)
        draw = np.zeros((n, 3))  # what each node draws on its power, liquid and heat inputs
        draw[:, POWER] = np.where(powered, self.it_kw, 0.0) + np.where(op, self.mech_kw, 0.0)
        draw[:, LIQUID] = np.where(powered, self.liquid_kw, 0.0)
        # Air units share the rack air heat of their hall by capacity, among those operating.
        if len(self.air_units) and len(self.racks):
            rack_air = np.where(powered, self.air_kw, 0.0)[self.racks]
            hall_heat = np.bincount(g.hall[self.racks], weights=rack_air, minlength=self.n_halls)
            units = self.air_units
            ucap = self.cap[units] * op[units]
            hall_cap = np.bincount(g.hall[units], weights=ucap, minlength=self.n_halls)
            part = np.divide(ucap, hall_cap[g.hall[units]], out=np.zeros_like(ucap), where=hall_cap[g.hall[units]] > 0)
            out[units] = hall_heat[g.hall[units]] * part
        for lv in self.levels:
            nodes = self.node_levels[lv]
            src = nodes[g.source_bus[nodes] >= 0]
            if len(src):
                out[src] += bus[g.source_bus[src]] * share[src]
            p = nodes[g.is_power[nodes] & op[nodes]]
            if len(p):
                cap = self.cap[p]
                x = np.divide(out[p], cap, out=np.zeros_like(cap), where=cap > 0)
                c = self.coef[p]
                loss[p] = cap * (c[:, 0] + c[:, 1] * x + c[:, 2] * x * x)
                draw[p, POWER] += out[p] + loss[p]
            cool = nodes[(self.is_cdu[nodes] | g.is_air_unit[nodes]) & op[nodes]]
            draw[cool, HEAT] = out[cool]
            slots = self.slot_levels[lv]
            if len(slots):
                amount = draw[g.slot_node[slots], g.slot_kind[slots]] * weight[slots]
                bus += np.bincount(g.slot_bus[slots], weights=amount, minlength=g.n_buses)
        # Heat by loop membership: each heat group's units' heat shared by the operating heat rejection.
        rej = np.flatnonzero(g.is_rejection & (g.heat_group >= 0) & op)
        units = np.flatnonzero(g.needs_heat & ~g.heat_explicit & (g.heat_group >= 0))
        if len(rej) and len(units):
            heat = np.bincount(g.heat_group[units], weights=draw[units, HEAT], minlength=g.n_heat_groups)
            rcap = self.cap[rej]
            gcap = np.bincount(g.heat_group[rej], weights=rcap, minlength=g.n_heat_groups)
            part = np.divide(rcap, gcap[g.heat_group[rej]], out=np.zeros_like(rcap), where=gcap[g.heat_group[rej]] > 0)
            out[rej] += heat[g.heat_group[rej]] * part
        load = np.where(op | powered, out, 0.0)
        return LoadFlow(load, loss, load + loss, self.cap, op.copy())
