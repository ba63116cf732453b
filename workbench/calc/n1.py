"""Fast failure cases for N-1 and N-2: only what a failure touches is recomputed, from the normal state.

FailureAnalysis recomputes the whole plant level by level (a few ms on a campus); a contingency run does
that thousands of times. Here a case starts from normal operation and follows the failure: the blocks it
starves (a worklist over buses, heat groups and hall air, the same feeding rule), then the loads that move
(bus by bus, from the racks up, losses at each device's new load). The result equals FailureAnalysis's
(tested on every template), at a fraction of the cost for the many components whose failure stays local.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from workbench.calc.failure import FailureAnalysis
from workbench.calc.graph import HEAT, LIQUID, POWER
from workbench.calc.loadflow import TOL


@dataclass(frozen=True)
class Case:
    """One failure case: dark racks (graph rows) and devices newly above rating (row, load kW)."""

    dark: tuple[int, ...]
    overloads: tuple[tuple[int, float], ...]


class FastCases:
    """Precomputed neighbourhoods of one FailureAnalysis; case(rows) answers one failed set."""

    def __init__(self, fa: FailureAnalysis) -> None:
        self.fa = fa
        g, m = fa.g, fa.model
        self.g, self.m = g, m
        st, flow = fa.normal_state, fa.normal
        self.op0 = st.op.tolist()
        self.fed0 = st.fed_slot.tolist()
        self.powered0 = st.powered.tolist()
        self.cooled0 = st.cooled.tolist()
        self.cap = m.cap.tolist()
        self.level = g.level.tolist()
        self.source_bus = g.source_bus.tolist()
        self.slot_node = g.slot_node.tolist()
        self.slot_kind = g.slot_kind.tolist()
        self.slot_bus = g.slot_bus.tolist()
        self.is_rack = g.is_rack.tolist()
        self.is_power = g.is_power.tolist()
        self.is_air = g.is_air_unit.tolist()
        self.is_cdu = g.is_cdu.tolist()
        self.is_rej = g.is_rejection.tolist()
        self.needs_power = g.needs_power.tolist()
        self.needs_heat = g.needs_heat.tolist()
        self.needs_liquid = g.needs_liquid.tolist()
        self.needs_air = g.needs_air.tolist()
        self.explicit = g.heat_explicit.tolist()
        self.heat_group = g.heat_group.tolist()
        self.hall = g.hall.tolist()
        self.coef = m.coef.tolist()
        self.it = m.it_kw.tolist()
        self.liq = m.liquid_kw.tolist()
        self.air = m.air_kw.tolist()
        self.mech = m.mech_kw.tolist()
        self.load0 = flow.load_kw.tolist()
        self.loss0 = flow.loss_kw.tolist()
        self.normal_over = fa.normal_over
        self.bus_need = fa.bus_need.tolist()
        self.heat_need = fa.heat_need.tolist()
        self.air_need = fa.air_need.tolist()
        standby = g.slot_standby.tolist()
        self.in_slots: dict[int, list[int]] = defaultdict(list)
        self.bus_slots: dict[int, list[int]] = defaultdict(list)
        for s, (node, bus) in enumerate(zip(self.slot_node, self.slot_bus)):
            if not standby[s] and bus >= 0:
                self.in_slots[node].append(s)
                self.bus_slots[bus].append(s)
        # Whip-fed inputs (PlantGraph.slot_direct): the inputs each source feeds, and each input's sources.
        self.direct_out: dict[int, list[int]] = defaultdict(list)
        self.direct_src: dict[int, list[int]] = defaultdict(list)
        direct = g.slot_direct.tolist()
        for v, s in zip(g.src.tolist(), g.slot.tolist()):
            if direct[s] and not standby[s] and self.slot_bus[s] >= 0:
                self.direct_out[v].append(s)
                self.direct_src[s].append(v)
        self.members: dict[int, list[int]] = defaultdict(list)
        for v, b in enumerate(self.source_bus):
            if b >= 0:
                self.members[b].append(v)
        self.bus_level = {b: min(self.level[v] for v in vs) for b, vs in self.members.items()}
        self.group_rej: dict[int, list[int]] = defaultdict(list)
        self.group_units: dict[int, list[int]] = defaultdict(list)
        for v, grp in enumerate(self.heat_group):
            if grp < 0:
                continue
            if self.is_rej[v]:
                self.group_rej[grp].append(v)
            elif self.needs_heat[v] and not self.explicit[v]:
                self.group_units[grp].append(v)
        self.hall_units: dict[int, list[int]] = defaultdict(list)
        self.hall_heat0: dict[int, float] = defaultdict(float)
        self.hall_racks: dict[int, list[int]] = defaultdict(list)
        for v in m.air_units.tolist():
            self.hall_units[self.hall[v]].append(v)
        for v in m.racks.tolist():
            if self.needs_air[v]:
                self.hall_racks[self.hall[v]].append(v)
                if self.powered0[v]:
                    self.hall_heat0[self.hall[v]] += self.air[v]
        # Normal totals the cases start from.
        self.bus_cap0 = {b: sum(self.cap[v] for v in vs if self.op0[v]) for b, vs in self.members.items()}
        self.bus_cnt0 = {b: sum(1 for v in vs if self.op0[v]) for b, vs in self.members.items()}
        self.bus_live0 = {b: [v for v in vs if self.op0[v]] for b, vs in self.members.items()}
        self.bus_whole0 = {b: sum(self.cap[v] if self.cap[v] > 0 else 1.0 for v in vs)
                           for b, vs in self.bus_live0.items()}
        self.group_cap0 = {grp: sum(self.cap[v] for v in vs if self.op0[v]) for grp, vs in self.group_rej.items()}
        self.group_live0 = {grp: [v for v in vs if self.op0[v]] for grp, vs in self.group_rej.items()}
        self.group_cnt0 = {grp: sum(1 for v in vs if self.op0[v]) for grp, vs in self.group_rej.items()}
        self.draw0 = self._draws_normal()
        normal: Callable[[int], bool] = self.fed0.__getitem__
        self.slot_draw0 = [self._slot_draw(s, self.draw0[v], normal) if self.slot_bus[s] >= 0 else 0.0
                           for s, v in enumerate(self.slot_node)]
        self.bus_total0: dict[int, float] = defaultdict(float)
        for b, slots in self.bus_slots.items():
            self.bus_total0[b] = sum(self.slot_draw0[s] for s in slots)
        self.group_heat0 = {grp: sum(self.draw0[u][HEAT] for u in us) for grp, us in self.group_units.items()}
        self._polynomials()

    def _polynomials(self) -> None:
        """Per bus, what it asks of each bus above as a polynomial in its utilisation u (load / rating).

        Modules of a bus share by rating, so all run at the same u, and a module's draw is
        mech + rating·(u + a + b·u + c·u²): the bus's demand on each upstream bus is A + B·u + C·u².
        A case uses it while none of the bus's modules is lost and all their inputs are fed as normal."""
        self.up: dict[int, list[tuple[int, float, float, float]]] = {}
        self.per0: dict[int, float] = {}
        self.bus_members_slots: dict[int, set[int]] = {}
        for b, live in self.bus_live0.items():
            terms: dict[int, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
            slots: set[int] = set()
            for v in live:
                cap = self.cap[v] if self.cap[v] > 0 else 1.0
                power = [self.mech[v], 0.0, 0.0]
                if self.is_power[v] and self.cap[v] > 0:
                    a, bb, c = self.coef[v]
                    power = [self.mech[v] + cap * a, cap * (1.0 + bb), cap * c]
                elif self.is_power[v]:
                    power = [self.mech[v], cap, 0.0]
                heat = [0.0, cap, 0.0] if (self.is_cdu[v] or self.is_air[v]) else [0.0, 0.0, 0.0]
                for s in self.in_slots[v]:
                    slots.add(s)
                    if not self.fed0[s]:
                        continue
                    kind = self.slot_kind[s]
                    k = sum(1 for t in self.in_slots[v] if self.slot_kind[t] == kind and self.fed0[t])
                    poly = power if kind == POWER else heat if kind == HEAT else None
                    if poly is None or not k:
                        continue
                    t = terms[self.slot_bus[s]]
                    for i in range(3):
                        t[i] += poly[i] / k
            self.up[b] = [(ub, t[0], t[1], t[2]) for ub, t in terms.items()]
            whole = self.bus_whole0[b]
            self.per0[b] = self.bus_total0[b] / whole if whole > 0 else 0.0
            self.bus_members_slots[b] = slots

    # --- normal draws --------------------------------------------------------------------------
    def _draws_normal(self) -> list[list[float]]:
        draw = [[0.0, 0.0, 0.0] for _ in self.op0]
        for v in range(len(self.op0)):
            draw[v] = self._draw(v, self.load0[v], self.powered0[v], self.op0[v])
        return draw

    def _draw(self, v: int, out: float, powered: bool, op: bool) -> list[float]:
        """What node v draws on its power, liquid and heat inputs when it delivers `out`."""
        if self.is_rack[v]:
            return [self.it[v], self.liq[v], 0.0] if powered else [0.0, 0.0, 0.0]
        if not op:
            return [0.0, 0.0, 0.0]
        p = self.mech[v]
        if self.is_power[v]:
            cap = self.cap[v]
            x = out / cap if cap > 0 else 0.0
            a, b, c = self.coef[v]
            p += out + cap * (a + b * x + c * x * x)
        heat = out if (self.is_cdu[v] or self.is_air[v]) else 0.0
        return [p, 0.0, heat]

    def _slot_draw(self, s: int, d: list[float], fed: Callable[[int], bool]) -> float:
        """What slot s takes of its node's draw d: equal over the node's fed inputs of that kind."""
        if not fed(s):
            return 0.0
        v, kind = self.slot_node[s], self.slot_kind[s]
        k = sum(1 for t in self.in_slots[v] if self.slot_kind[t] == kind and fed(t))
        return d[kind] / k if k else 0.0

    # --- one case -------------------------------------------------------------------------------
    def case(self, failed: Iterable[int]) -> Case:
        off: set[int] = set()
        unfed: set[int] = set()
        bus_cap = dict[int, float]()
        bus_cnt = dict[int, int]()
        dead_bus: set[int] = set()
        group_cap: dict[int, float] = {}
        group_cnt: dict[int, int] = {}
        dead_group: set[int] = set()
        hall_cap: dict[int, float] = {}
        hall_cnt: dict[int, int] = {}
        dead_hall: set[int] = set()
        touched_racks: set[int] = set()
        work: list[int] = []
        for v in failed:
            if self.is_rack[v]:
                touched_racks.add(v)
                off.add(v)
            elif self.op0[v] and v not in off:
                off.add(v)
                work.append(v)

        def fed(s: int) -> bool:
            return bool(self.fed0[s]) and s not in unfed

        def recheck(u: int) -> None:
            if u in off or not self.op0[u]:
                return
            if self.is_rack[u]:
                touched_racks.add(u)
                return
            ok = True
            if self.needs_power[u]:
                ok = any(fed(s) for s in self.in_slots[u] if self.slot_kind[s] == POWER)
            if ok and self.needs_heat[u]:
                if self.explicit[u]:
                    ok = any(fed(s) for s in self.in_slots[u] if self.slot_kind[s] == HEAT)
                else:
                    ok = self.heat_group[u] >= 0 and self.heat_group[u] not in dead_group
            if not ok:
                off.add(u)
                work.append(u)

        while work:
            v = work.pop()
            for s in self.direct_out.get(v, ()):
                if fed(s) and not any(u not in off and self.op0[u] for u in self.direct_src[s]):
                    unfed.add(s)
                    recheck(self.slot_node[s])
            b = self.source_bus[v]
            if b >= 0 and b not in dead_bus:
                bus_cap[b] = bus_cap.get(b, self.bus_cap0[b]) - self.cap[v]
                bus_cnt[b] = bus_cnt.get(b, self.bus_cnt0[b]) - 1
                if bus_cnt[b] <= 0 or bus_cap[b] < self.bus_need[b] - TOL:
                    dead_bus.add(b)
                    for s in self.bus_slots[b]:
                        if self.fed0[s]:
                            unfed.add(s)
                    for s in self.bus_slots[b]:
                        recheck(self.slot_node[s])
            grp = self.heat_group[v]
            if self.is_rej[v] and grp >= 0 and grp not in dead_group:
                group_cap[grp] = group_cap.get(grp, self._group_cap0(grp)) - self.cap[v]
                group_cnt[grp] = group_cnt.get(grp, self._group_cnt0(grp)) - 1
                if group_cnt[grp] <= 0 or group_cap[grp] < self.heat_need[grp] - TOL:
                    dead_group.add(grp)
                    for u in self.group_units[grp]:
                        recheck(u)
            if self.is_air[v]:
                h = self.hall[v]
                if h not in dead_hall:
                    hall_cap[h] = hall_cap.get(h, self._hall_cap0(h)) - self.cap[v]
                    hall_cnt[h] = hall_cnt.get(h, self._hall_cnt0(h)) - 1
                    if hall_cnt[h] <= 0 or hall_cap[h] < self.air_need[h] - TOL:
                        dead_hall.add(h)
                        touched_racks.update(self.hall_racks[h])
        # Racks: powered by any fed cord, cooled by fed liquid and live hall air.
        powered: dict[int, bool] = {}
        dark: list[int] = []
        for r in touched_racks:
            p = r not in off and self.op0[r] and any(fed(s) for s in self.in_slots[r] if self.slot_kind[s] == POWER)
            c = (not self.needs_liquid[r] or any(fed(s) for s in self.in_slots[r] if self.slot_kind[s] == LIQUID)) and \
                (not self.needs_air[r] or self.hall[r] not in dead_hall)
            powered[r] = p
            if (self.powered0[r] and not p) or (self.cooled0[r] and not c):
                dark.append(r)
        overloads = self._flow(off, fed, powered, touched_racks, unfed)
        return Case(tuple(sorted(dark)), overloads)

    def _group_cap0(self, grp: int) -> float:
        return float(self.group_cap0.get(grp, 0.0))

    def _group_cnt0(self, grp: int) -> int:
        return int(self.group_cnt0.get(grp, 0))

    def _hall_cap0(self, h: int) -> float:
        return float(sum(self.cap[v] for v in self.hall_units[h] if self.op0[v]))

    def _hall_cnt0(self, h: int) -> int:
        return sum(1 for v in self.hall_units[h] if self.op0[v])

    # --- the loads that move ----------------------------------------------------------------------
    def _flow(self, off: set[int], fed: Callable[[int], bool], powered: dict[int, bool], racks: set[int],
              unfed: set[int]) -> tuple[tuple[int, float], ...]:
        """Loads after the failure, bus by bus from the racks up; each bus's total is its normal total plus
        the changes of the inputs that changed (so a campus-wide bus costs its changed inputs, not all)."""
        draw: dict[int, list[float]] = {}
        out: dict[int, float] = {}
        applied: dict[int, float] = {}
        delta: dict[int, float] = defaultdict(float)
        heap: list[tuple[int, int]] = []
        queued: set[int] = set()

        def push(b: int) -> None:
            if b not in queued:
                queued.add(b)
                heapq.heappush(heap, (-self.bus_level[b], b))

        slot_kind, slot_bus, slot_draw0 = self.slot_kind, self.slot_bus, self.slot_draw0

        def update(v: int) -> None:
            """Carry v's new draw, and its inputs' fed state, to the buses above it."""
            d = draw.get(v) or self.draw0[v]
            ins = self.in_slots[v]
            on = [fed(s) for s in ins]
            counts = [0, 0, 0]
            for s, f in zip(ins, on):
                if f:
                    counts[slot_kind[s]] += 1
            for s, f in zip(ins, on):
                k = counts[slot_kind[s]]
                new = d[slot_kind[s]] / k if f and k else 0.0
                old = applied.get(s, slot_draw0[s])
                if new != old:
                    applied[s] = new
                    delta[slot_bus[s]] += new - old
                    push(slot_bus[s])

        for r in racks:
            draw[r] = self._draw(r, 0.0, powered.get(r, self.powered0[r]), True)
        for v in off:
            if not self.is_rack[v]:
                draw[v] = [0.0, 0.0, 0.0]
                out[v] = 0.0
                b = self.source_bus[v]
                if b >= 0:
                    push(b)  # its bus-mates take its share
        # Hall air: dark racks stop heating, lost units stop cooling, the others share what is left.
        halls = {self.hall[r] for r in racks if self.needs_air[r]} | {self.hall[v] for v in off if self.is_air[v]}
        for h in halls:
            lost_unit = any(self.is_air[v] and self.hall[v] == h for v in off)
            heat = self.hall_heat0[h] + sum(self.air[r] * (int(powered.get(r, self.powered0[r])) - int(self.powered0[r]))
                                             for r in racks if self.hall[r] == h and self.needs_air[r])
            if not lost_unit and heat == self.hall_heat0[h]:
                continue  # the hall's air units carry what they did
            units = [u for u in self.hall_units[h] if u not in off and self.op0[u]]
            total = sum(self.cap[u] for u in units)
            for u in units:
                o = heat * self.cap[u] / total if total > 0 else 0.0
                out[u] = o
                draw[u] = self._draw(u, o, False, True)
        for v in list(draw) + [self.slot_node[s] for s in unfed]:
            update(v)
        off_buses = {self.source_bus[v] for v in off if self.source_bus[v] >= 0}
        # Buses whose modules cannot use the polynomial: one of them lost, or an input of one not fed.
        odd = set(off_buses) | {self.source_bus[self.slot_node[s]] for s in unfed}
        cap = self.cap
        load0 = self.load0
        per_of: dict[int, float] = {}
        bus_applied: dict[tuple[int, int], float] = {}
        while heap:
            _, b = heapq.heappop(heap)
            queued.discard(b)
            total = self.bus_total0[b] + delta[b]
            if b not in odd:
                whole = self.bus_whole0[b]
                if whole <= 0:
                    continue
                per = total / whole
                per_of[b] = per
                per0 = self.per0[b]
                for ub, a0, b1, c2 in self.up[b]:
                    new = a0 + b1 * per + c2 * per * per
                    old = bus_applied.get((b, ub), a0 + b1 * per0 + c2 * per0 * per0)
                    if new != old:
                        bus_applied[(b, ub)] = new
                        delta[ub] += new - old
                        push(ub)
                continue
            if b in off_buses:
                live = [v for v in self.bus_live0[b] if v not in off]
                whole = sum(cap[v] if cap[v] > 0 else 1.0 for v in live)
            else:
                live, whole = self.bus_live0[b], self.bus_whole0[b]
            if whole <= 0:
                continue
            per = total / whole
            for v in live:
                o = per * (cap[v] if cap[v] > 0 else 1.0)
                if abs(o - out.get(v, load0[v])) <= 1e-9 * max(1.0, abs(o)):
                    continue
                out[v] = o
                draw[v] = self._draw(v, o, False, True)
                update(v)
        # Heat groups: the units' heat, shared by the operating heat rejection.
        gdelta: dict[int, float] = defaultdict(float)
        for u, d in draw.items():
            grp = self.heat_group[u]
            if grp >= 0 and self.needs_heat[u] and not self.explicit[u] and not self.is_rack[u]:
                change = d[HEAT] - self.draw0[u][HEAT]
                if change:
                    gdelta[grp] += change
        groups = set(gdelta) | {self.heat_group[v] for v in off if self.is_rej[v] and self.heat_group[v] >= 0}
        found = []
        for grp in groups:
            heat = self.group_heat0.get(grp, 0.0) + gdelta.get(grp, 0.0)
            lost = [v for v in off if self.is_rej[v] and self.heat_group[v] == grp]
            total = self.group_cap0.get(grp, 0.0) - sum(self.cap[v] for v in lost)
            # Heat rejection shares by capacity: all run at the same utilisation, so list them only when over.
            if total > 0 and heat > total * (1.0 + TOL):
                for v in self.group_live0.get(grp, []):
                    if v not in off:
                        out[v] = heat * self.cap[v] / total
        for b, per in per_of.items():  # buses that moved as a whole: every module at the same utilisation
            if per > 1.0 + TOL:
                for v in self.bus_live0[b]:
                    if self.cap[v] > 0:
                        out[v] = per * self.cap[v]
        for v, o in out.items():
            if v in off or self.is_rack[v] or v in self.normal_over:
                continue
            cap = self.cap[v]
            if cap > 0 and o > cap * (1.0 + TOL) + TOL:
                found.append((v, o))
        return tuple(sorted(found))


def fast_cases(fa: FailureAnalysis) -> FastCases:
    return FastCases(fa)


__all__ = ["Case", "FastCases", "fast_cases"]
