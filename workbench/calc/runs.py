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

from workbench.calc.failure import FailureAnalysis
from workbench.calc.graph import LIQUID, POWER
from workbench.model.blocktype import Catalog
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
    g = fa.g
    values = catalog.default_assumptions()
    values.update(design.assumptions.values)
    riser = values["run_riser_drop_m"]
    velocity = values["liquid_design_velocity_m_s"]
    pf = values["run_power_factor"]
    factor = values["run_sizing_factor"]
    rho, cp = values["coolant_density_kg_m3"], values["coolant_cp_kj_kgk"]
    dt_default = values["default_coolant_dt_k"]
    flow = fa.normal
    # What each node draws at design load with everything in service: racks their IT, devices their input.
    draw = [float(x) for x in flow.input_kw.tolist()]
    it = fa.model.it_kw.tolist()
    liq = fa.model.liquid_kw.tolist()
    dt = fa.snap.col("coolant_dt_k").tolist()
    x = fa.snap.x.tolist()
    y = fa.snap.y.tolist()
    runs: list[Run] = []
    unsized: list[str] = []
    power_m: dict[int, float] = {}
    pipe_m: dict[int, float] = {}
    for e, cid in enumerate(g.edge_ids):
        kind = int(g.kind[e])
        if kind not in (POWER, LIQUID):
            continue
        a, b = int(g.src[e]), int(g.dst[e])
        length = (abs(x[a] - x[b]) + abs(y[a] - y[b])) / 1000.0 + riser
        if kind == POWER:
            port = catalog.types[g.type_ids[b]].port(design.connections[cid].to_port)
            if port is not None and port.standby:
                continue  # battery and generator feeds are sized by their own equipment, not by load
            load = it[b] if g.is_rack[b] else draw[b]
            out = catalog.types[g.type_ids[a]].port(design.connections[cid].from_port)
            volts, phases = prices.volts.get(out.voltages[0] if out and out.voltages else "ac_lv", (415.0, 3))
            amps = load * 1000.0 / (math.sqrt(3) * volts * pf if phases == 3 else volts) * factor
            cls = next((i for i, p in enumerate(prices.power) if p.max_a >= amps), None)
            if cls is None:
                unsized.append(cid)
                runs.append(Run(cid, "power", length, load, amps, "above the price list"))
                continue
            power_m[cls] = power_m.get(cls, 0.0) + length
            runs.append(Run(cid, "power", length, load, amps, prices.power[cls].label))
        else:
            heat = liq[b]
            k = dt[b] if dt[b] > 0 else dt_default
            m3_s = heat / (rho * cp * k) if heat > 0 else 0.0
            need_mm = math.sqrt(4.0 * m3_s / (math.pi * velocity)) * 1000.0
            size = next((i for i, p in enumerate(prices.liquid) if p.inner_mm >= need_mm), None)
            if size is None:
                unsized.append(cid)
                runs.append(Run(cid, "liquid", length, heat, None, "above the price list", m3_s * 60000.0))
                continue
            pipe_m[size] = pipe_m.get(size, 0.0) + 2.0 * length  # supply and return
            runs.append(Run(cid, "liquid", length, heat, None, f"DN{prices.liquid[size].dn}", m3_s * 60000.0))
    lines = [_power_line(prices.power[i], m, catalog) for i, m in sorted(power_m.items())]
    lines += [_pipe_line(prices.liquid[i], m, catalog) for i, m in sorted(pipe_m.items())]
    return RunQuantities(tuple(runs), tuple(lines), tuple(unsized))


def _usd(amount: float, currency: str, catalog: Catalog) -> float:
    rate = catalog.fx_rates.get(currency, 0.0)
    return amount / rate if rate > 0 else 0.0


def _power_line(p: PowerClass, metres: float, catalog: Catalog) -> RunLine:
    return RunLine("power", p.label, metres, _usd(p.price_per_m, p.currency, catalog), p.price_per_m, p.currency,
                   p.date, p.source)


def _pipe_line(p: PipeSize, metres: float, catalog: Catalog) -> RunLine:
    return RunLine("liquid", f"DN{p.dn}", metres, _usd(p.price_per_m, p.currency, catalog), p.price_per_m,
                   p.currency, p.date, p.source)
