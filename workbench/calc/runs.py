"""Run quantities from the connections: each run's length, its current class or pipe size, and the totals.

A run goes at right angles along rows and aisles from one block's centre to the other's (the orthogonal
distance), plus the riser and drop allowance. A power run is rated for the whole draw of the input it
feeds (a cord carries its rack alone when the other side is lost), at the sizing factor for continuous
load; a liquid run is sized for its rack's coolant flow at the design velocity, and needs a supply and a
return pipe. Prices come from the per-metre price list (resources/run_prices.json), each with its source.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any
from weakref import WeakKeyDictionary

import numpy as np
from numpy.typing import NDArray

from workbench.calc.failure import FailureAnalysis
from workbench.calc.graph import LIQUID, POWER
from workbench.calc.snapshot import Snapshot
from workbench.model.assumptions import effective_assumptions
from workbench.model.blocktype import BlockType, Catalog
from workbench.model.design import Design
from workbench.model.run_prices import PipeSize, PowerClass, RunPrices


@dataclass(frozen=True)
class Run:
    connection_id: str
    kind: str  # "power" or "liquid"
    length_m: float  # one way, riser and drop included
    load_kw: float  # power: the draw it is rated for; liquid: the heat it carries
    current_a: float | None = None  # power, with the sizing factor
    rating: str = ""  # power: "cable ≤ 400 A"; liquid: "DN50"
    flow_l_min: float | None = None  # liquid

    def to_dict(self) -> dict[str, Any]:
        return {"connection": self.connection_id, "kind": self.kind, "length_m": self.length_m,
                "load_kw": self.load_kw, "current_a": self.current_a, "rating": self.rating,
                "flow_l_min": self.flow_l_min}


@dataclass(frozen=True)
class RunLine:
    """One BOM line: metres of one power class or one pipe size, priced per metre in USD."""

    kind: str
    rating: str
    metres: float  # liquid: supply plus return pipe
    price_per_m_usd: float
    list_price_per_m: float
    currency: str
    date: str
    source: str

    @property
    def amount_usd(self) -> float:
        return self.metres * self.price_per_m_usd

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "rating": self.rating, "metres": self.metres,
                "price_per_m_usd": self.price_per_m_usd, "amount_usd": self.amount_usd,
                "list_price_per_m": self.list_price_per_m, "currency": self.currency, "date": self.date,
                "source": self.source}


@dataclass(frozen=True)
class RunQuantities:
    runs: tuple[Run, ...]
    lines: tuple[RunLine, ...]  # power classes by rising current, then pipe sizes by rising DN
    unsized: tuple[str, ...]  # connection ids above the largest class or size in the price list

    @property
    def total_usd(self) -> float:
        return sum(ln.amount_usd for ln in self.lines)

    def to_dict(self) -> dict[str, Any]:
        return {"runs": [r.to_dict() for r in self.runs], "lines": [ln.to_dict() for ln in self.lines],
                "total_usd": self.total_usd, "unsized": list(self.unsized)}


def run_quantities(design: Design, catalog: Catalog, prices: RunPrices,
                   analysis: FailureAnalysis | None = None) -> RunQuantities:
    """Every valid power and liquid connection as a run, and the metres per class and size, priced."""
    fa = analysis or FailureAnalysis(design, catalog)
    plan = _plan(fa, design, catalog, prices)
    length = _lengths(fa, plan, fa.snap)
    metres = _line_metres(plan, length)
    ids = fa.g.edge_ids
    labels = [p.label for p in prices.power] + [f"DN{p.dn}" for p in prices.liquid]
    runs: list[Run] = []
    for e, ln, m, load, amps, flow in zip(plan.edges.tolist(), plan.line.tolist(), length.tolist(),
                                          plan.load.tolist(), plan.amps.tolist(), plan.flow.tolist()):
        rating = labels[ln] if ln >= 0 else "above the price list"
        if flow >= 0:
            runs.append(Run(ids[e], "liquid", m, load, None, rating, flow))
        else:
            runs.append(Run(ids[e], "power", m, load, amps, rating))
    unsized = [ids[e] for e in plan.edges[plan.line < 0].tolist()]
    n_power = len(prices.power)
    m = metres.tolist()
    lines = [_power_line(prices.power[i], m[i], catalog) for i in range(n_power) if m[i] > 0]
    lines += [_pipe_line(prices.liquid[i - n_power], m[i], catalog) for i in range(n_power, len(m)) if m[i] > 0]
    return RunQuantities(tuple(runs), tuple(lines), tuple(unsized))


def run_cost_usd(design: Design, catalog: Catalog, prices: RunPrices, analysis: FailureAnalysis,
                 snap: Snapshot | None = None, values: dict[str, float] | None = None,
                 moved: NDArray[np.int64] | None = None) -> tuple[float, float]:
    """What the runs cost in USD, (power, liquid): each line's metres rounded up to whole metres as the BOM
    counts them, times its price per metre. Array work only, so the calculation can afford it on every run
    (the per-edge classes are kept with the analysis; a move only changes the lengths, read from `snap`, the
    current snapshot with the analysis's rows, else the analysis's own; `moved`: only these rows moved since
    the last pricing of this snapshot, so only their runs are measured again)."""
    plan = _plan(analysis, design, catalog, prices, values)
    if not len(plan.edges):
        return 0.0, 0.0
    snap = snap or analysis.snap
    kept = _PRICED.get(plan)
    if moved is not None and kept is not None and kept[0] is snap:
        # A move: only the runs ending at a moved row change length; the line metres follow by difference.
        _, length, line_m = kept
        mask = np.zeros(analysis.g.n, dtype=bool)
        mask[moved] = True
        hit = np.flatnonzero(mask[analysis.g.src[plan.edges]] | mask[analysis.g.dst[plan.edges]])
        if len(hit):
            new = _lengths(analysis, plan, snap, hit)
            ok = plan.line[hit] >= 0
            delta = (new - length[hit]) * plan.per_run[hit]
            line_m += np.bincount(plan.line[hit][ok], weights=delta[ok], minlength=len(line_m))
            length[hit] = new
    else:
        length = _lengths(analysis, plan, snap)
        line_m = _line_metres(plan, length)
        _PRICED[plan] = (snap, length, line_m)
    metres = np.ceil(line_m - 1e-9)
    usd = plan.usd_per_m * metres
    n_power = len(prices.power)
    return float(usd[:n_power].sum()), float(usd[n_power:].sum())


def runs_touch(analysis: FailureAnalysis, rows: NDArray[np.int64]) -> bool:
    """Whether any of these snapshot rows ends a counted run (so a move of them changes the run lengths);
    True while no plan is kept for the analysis."""
    plan = _PLANS.get(analysis)
    if plan is None:
        return True
    return bool(plan.ends[rows].any()) if len(rows) else False


@dataclass(frozen=True, eq=False)  # keyed by identity (weak references)
class _Plan:
    """Per counted edge (power into a non-standby input, liquid): its line (power classes, then pipe sizes;
    -1 above the price list), metres of pipe per metre of run, load, current and flow (-1: power)."""

    key: tuple[object, ...]
    edges: NDArray[np.int64]
    line: NDArray[np.int64]
    per_run: NDArray[np.float64]
    load: NDArray[np.float64]
    amps: NDArray[np.float64]
    flow: NDArray[np.float64]
    riser_m: float
    usd_per_m: NDArray[np.float64]  # per line
    ends: NDArray[np.bool_]  # per node: the end of a counted run


_PLANS: WeakKeyDictionary[FailureAnalysis, _Plan] = WeakKeyDictionary()
# Per plan, the snapshot last priced, its run lengths and the metres per line (updated in place on a move).
_PRICED: WeakKeyDictionary[_Plan, tuple[Snapshot, NDArray[np.float64], NDArray[np.float64]]] = WeakKeyDictionary()


def _plan(fa: FailureAnalysis, design: Design, catalog: Catalog, prices: RunPrices,
          values: dict[str, float] | None = None) -> _Plan:
    values = values if values is not None else effective_assumptions(design, catalog)
    riser = values["run_riser_drop_m"]
    velocity = values["liquid_design_velocity_m_s"]
    pf = values["run_power_factor"]
    factor = values["run_sizing_factor"]
    rho, cp = values["coolant_density_kg_m3"], values["coolant_cp_kj_kgk"]
    dt_default = values["default_coolant_dt_k"]
    key = (id(prices), riser, velocity, pf, factor, rho, cp, dt_default)
    kept = _PLANS.get(fa)
    if kept is not None and kept.key == key:
        return kept
    g = fa.g
    slot_standby = g.slot_standby[g.slot] if len(g.slot) else np.zeros(0, dtype=bool)
    is_power = (g.kind == POWER) & ~slot_standby  # battery and generator feeds: sized by their equipment
    is_liquid = g.kind == LIQUID
    edges = np.flatnonzero(is_power | is_liquid)
    # One feeder per input on a paralleled bus: an input wired to several modules of a stage (a PDU on its
    # UPS lineup, a rack on its loop's CDUs) hangs from their common output bus, so it is one run (one
    # cable, one supply-and-return branch) from the first of them (auto-connect lists the nearest first).
    # Distribution whips (PlantGraph.slot_direct) are separate cables: each one is a run.
    if len(edges):
        slot = g.slot[edges]
        direct = g.slot_direct[slot]
        _, first = np.unique(slot[~direct], return_index=True)
        edges = np.sort(np.concatenate([edges[direct], edges[~direct][first]]))
    a, b = g.src[edges], g.dst[edges]
    power = is_power[edges]
    # What each node draws at design load with everything in service: racks their IT, devices their input.
    draw = np.where(g.is_rack, fa.model.it_kw, fa.normal.input_kw)
    liquid_kw = fa.model.liquid_kw
    load = np.where(power, draw[b], liquid_kw[b])
    # Source voltage per type (every type's power outputs share their first voltage), spread over nodes.
    table = [catalog.types[t] for t in fa.snap.types.ids]
    vp = [prices.volts.get(_out_voltage(t), (415.0, 3)) for t in table] or [(415.0, 3)]
    volts = np.asarray([v for v, _ in vp], dtype=float)[fa.snap.type_index]
    three = np.asarray([ph == 3 for _, ph in vp], dtype=bool)[fa.snap.type_index]
    denom = np.where(three[a], math.sqrt(3) * volts[a] * pf, volts[a])
    amps = load * 1000.0 / np.where(denom > 0, denom, 1.0) * factor
    max_a = np.asarray([p.max_a for p in prices.power], dtype=float)
    cls = np.searchsorted(max_a, amps, side="left") if len(max_a) else np.zeros(len(edges), dtype=np.int64)
    cls = np.where(cls < len(max_a), cls, -1)
    dt = fa.snap.col("coolant_dt_k")[b]
    dt = np.where(dt > 0, dt, dt_default)
    m3_s = np.where(load > 0, load / (rho * cp * dt), 0.0)
    need_mm = np.sqrt(4.0 * m3_s / (math.pi * velocity)) * 1000.0
    inner = np.asarray([p.inner_mm for p in prices.liquid], dtype=float)
    size = np.searchsorted(inner, need_mm, side="left") if len(inner) else np.zeros(len(edges), dtype=np.int64)
    size = np.where(size < len(inner), size + len(max_a), -1)
    line = np.where(power, cls, size).astype(np.int64)
    usd = [_usd(p.price_per_m, p.currency, catalog) for p in prices.power]
    usd += [_usd(p.price_per_m, p.currency, catalog) for p in prices.liquid]
    ends = np.zeros(g.n, dtype=bool)
    ends[a] = True
    ends[b] = True
    plan = _Plan(key, edges, line, np.where(power, 1.0, 2.0), load.astype(float), np.where(power, amps, -1.0),
                 np.where(power, -1.0, m3_s * 60000.0), float(riser), np.asarray(usd, dtype=float), ends)
    _PLANS[fa] = plan
    return plan


def _out_voltage(t: BlockType) -> str:
    for p in t.ports:
        if p.kind == "power" and p.direction == "out":
            return p.voltages[0] if p.voltages else "ac_lv"
    return "ac_lv"


def _lengths(fa: FailureAnalysis, plan: _Plan, snap: Snapshot,
             which: NDArray[np.int64] | None = None) -> NDArray[np.float64]:
    """One-way length of each counted run (or of runs `which`): the orthogonal distance between the
    centres, riser and drop."""
    edges = plan.edges if which is None else plan.edges[which]
    a, b = fa.g.src[edges], fa.g.dst[edges]
    x, y = snap.x, snap.y
    out: NDArray[np.float64] = (np.abs(x[a] - x[b]) + np.abs(y[a] - y[b])) / 1000.0 + plan.riser_m
    return out


def _line_metres(plan: _Plan, length: NDArray[np.float64]) -> NDArray[np.float64]:
    ok = plan.line >= 0
    out: NDArray[np.float64] = np.bincount(plan.line[ok], weights=(length * plan.per_run)[ok],
                                           minlength=len(plan.usd_per_m)).astype(float)
    return out


def _usd(amount: float, currency: str, catalog: Catalog) -> float:
    rate = catalog.fx_rates.get(currency, 0.0)
    return amount / rate if rate > 0 else 0.0


def _power_line(p: PowerClass, metres: float, catalog: Catalog) -> RunLine:
    return RunLine("power", p.label, metres, _usd(p.price_per_m, p.currency, catalog), p.price_per_m, p.currency,
                   p.date, p.source)


def _pipe_line(p: PipeSize, metres: float, catalog: Catalog) -> RunLine:
    return RunLine("liquid", f"DN{p.dn}", metres, _usd(p.price_per_m, p.currency, catalog), p.price_per_m,
                   p.currency, p.date, p.source)
