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

from workbench.calc.graph import HEAT_REJECTION, LIQUID, POWER, PlantGraph
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
        kinds = [snap.types.kind[t] for t in snap.type_index.tolist()] if n else []
        self.is_cdu = np.fromiter((k == "cdu" for k in kinds), bool, n) & g.is_cooling
        self.is_rejection = np.fromiter((k in HEAT_REJECTION for k in kinds), bool, n) & g.is_cooling
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
        # Edges that carry load: standby inputs carry none while the grid is there.
        live = ~g.slot_standby[g.slot] if len(g.slot) else np.zeros(0, dtype=bool)
        self.edges = np.flatnonzero(live)
        e_level = g.level[g.dst[self.edges]] if len(self.edges) else np.zeros(0, dtype=np.int64)
        top = int(g.level.max()) if n else 0
        self.levels = list(range(top, -1, -1))
        self.node_levels = [np.flatnonzero(g.level == lv) for lv in range(top + 1)]
        self.edge_levels = [self.edges[e_level == lv] for lv in range(top + 1)]
        self.n_slots = len(g.slot_node)

    def weights(self, op: B, fed_slot: B) -> F:
        """Share of its destination's draw that each edge carries: equal over the destination's fed inputs of
        that kind, then by rating over the operating sources of each input."""
        g = self.g
        w = np.zeros(len(g.src))
        e = self.edges
        if len(e) == 0:
            return w
        slot = g.slot[e]
        src_on = op[g.src[e]] & fed_slot[slot]
        cap = np.where(self.cap[g.src[e]] > 0, self.cap[g.src[e]], 1.0) * src_on
        slot_cap = np.bincount(slot, weights=cap, minlength=self.n_slots)
        within = np.divide(cap, slot_cap[slot], out=np.zeros_like(cap), where=slot_cap[slot] > 0)
        # Fed inputs per (node, kind): a dual-corded rack with both cords fed draws half on each.
        fed_pairs = np.flatnonzero(fed_slot)
        per_node = np.zeros((g.n, 3))
        np.add.at(per_node, (g.slot_node[fed_pairs], g.slot_kind[fed_pairs]), 1.0)
        k = per_node[g.dst[e], g.kind[e]]
        w[e] = np.divide(within, k, out=np.zeros_like(within), where=k > 0)
        return w

    def flow(self, op: B, powered: B, fed_slot: B) -> LoadFlow:
        """Loads with the given blocks operating (racks: powered) and the given inputs fed."""
        g = self.g
        n = g.n
        w = self.weights(op, fed_slot)
        out = np.zeros(n)  # what each node delivers (power, liquid or heat, by its role)
        loss = np.zeros(n)
        draw_p = np.where(powered, self.it_kw, 0.0) + np.where(op, self.mech_kw, 0.0)
        draw_l = np.where(powered, self.liquid_kw, 0.0)
        draw_h = np.zeros(n)
        # Air units share the rack air heat of their hall by capacity, among those operating.
        if len(self.air_units) and len(self.racks):
            rack_air = np.where(powered, self.air_kw, 0.0)[self.racks]
            hall_heat = np.bincount(g.hall[self.racks], weights=rack_air, minlength=self.n_halls)
            units = self.air_units
            ucap = self.cap[units] * op[units]
            hall_cap = np.bincount(g.hall[units], weights=ucap, minlength=self.n_halls)
            share = np.divide(ucap, hall_cap[g.hall[units]], out=np.zeros_like(ucap), where=hall_cap[g.hall[units]] > 0)
            out[units] = hall_heat[g.hall[units]] * share
        for lv in self.levels:
            nodes = self.node_levels[lv]
            p = nodes[g.is_power[nodes] & op[nodes]]
            if len(p):
                cap = self.cap[p]
                x = np.divide(out[p], cap, out=np.zeros_like(cap), where=cap > 0)
                c = self.coef[p]
                loss[p] = cap * (c[:, 0] + c[:, 1] * x + c[:, 2] * x * x)
                draw_p[p] += out[p] + loss[p]
            cool = nodes[(self.is_cdu[nodes] | g.is_air_unit[nodes]) & op[nodes]]
            draw_h[cool] = out[cool]
            e = self.edge_levels[lv]
            if len(e) == 0:
                continue
            k = g.kind[e]
            d = g.dst[e]
            amount = np.where(k == POWER, draw_p[d], np.where(k == LIQUID, draw_l[d], draw_h[d])) * w[e]
            out += np.bincount(g.src[e], weights=amount, minlength=n)
        load = np.where(op | powered, out, 0.0)
        return LoadFlow(load, loss, load + loss, self.cap, op.copy())

