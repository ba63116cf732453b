"""Plain-text tables of calculation results for the terminal."""

from __future__ import annotations

from typing import Any

from workbench.calc.results import Results


def _fmt(value: Any, digits: int = 1) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:,.{digits}f}"
    return str(value)


def results_table(r: Results, title: str) -> str:
    d = r.to_dict()
    lines = [title, "=" * len(title), ""]
    rows = [
        ("IT load (design)", f"{_fmt(r.it_load_kw)} kW"),
        ("PUE, annualised at 100 % load", _fmt(r.pue, 3)),
        ("PUE, design day (peak)", _fmt(r.pue_peak, 3)),
        (f"PUE, annualised at {r.load_fraction:.0%} load", _fmt(r.pue_at_load, 3)),
        ("Racks (compute/network/storage)",
         "/".join(str(d["space"]["racks"][k]) for k in ("compute", "network", "storage"))),
        ("White space", f"{_fmt(d['space']['white_space_m2'])} m²"),
        ("Power density", f"{_fmt(d['space']['kw_per_m2'], 2)} kW/m²"),
        ("Power losses", f"{_fmt(d['power']['losses_kw'])} kW"),
        ("Cooling power", f"{_fmt(d['cooling']['cooling_power_kw'])} kW"),
        ("Airflow", f"{_fmt(d['cooling']['airflow_m3h'], 0)} m³/h ({_fmt(d['cooling']['airflow_cfm'], 0)} CFM)"),
        ("Coolant flow", f"{_fmt(d['cooling']['coolant_lpm'], 0)} L/min ({_fmt(d['cooling']['coolant_gpm'], 0)} gpm)"),
        ("Annual energy", f"{_fmt(d['energy']['annual_facility_mwh'], 0)} MWh, "
                          f"{_fmt(d['energy']['annual_cost'], 0)} {d['energy']['currency']}"),
        ("CAPEX (equipment, ROM)", f"{_fmt(d['cost']['capex_total'], 0)} {d['cost']['currency']}"),
        ("  of which facility equipment", f"{_fmt(d['cost']['capex_facility_equipment'], 0)} {d['cost']['currency']}"),
        ("Cost per MW IT", f"{_fmt(d['cost']['cost_per_mw_it'], 0)} {d['cost']['currency']}"),
        ("Facility equipment per MW IT", f"{_fmt(d['cost']['facility_cost_per_mw_it'], 0)} {d['cost']['currency']}"),
    ]
    width = max(len(k) for k, _ in rows)
    lines += [f"  {k.ljust(width)}  {v}" for k, v in rows]
    lines += _annual_lines(r)
    lines += ["", "Capacity under redundancy", "-------------------------"]
    header = f"  {'system / role':32} {'scheme':7} {'mods':>4} {'installed kW':>13} {'usable kW':>10} {'load kW':>9} {'util':>6}  ok"
    lines.append(header)
    groups = [(e, "power") for e in d["power"]["systems"]] + [
        (e, "cool") for key in ("air", "liquid", "heat_rejection") for e in d["cooling"][key]]
    for e, _ in groups:
        util = e["utilisation"]
        lines.append(
            f"  {(e['name'] + ' / ' + e['role'])[:32]:32} {e['scheme']:7} {e['modules']:>4} "
            f"{e['installed_kw']:>13,.0f} {e['usable_kw']:>10,.0f} {e['load_kw']:>9,.0f} "
            f"{'—' if util is None else f'{util:.0%}':>6}  {'yes' if e['redundancy_met'] else 'NO'}")
    lines += ["", f"Checks ({len(r.checks)})", "-------"]
    if not r.checks:
        lines.append("  none")
    for c in r.checks[:50]:
        lines.append(f"  [{c.severity}] {c.message}")
    if len(r.checks) > 50:
        lines.append(f"  … and {len(r.checks) - 50} more (use --json for all)")
    return "\n".join(lines)


def _annual_lines(r: Results) -> list[str]:
    """The hourly year per loop, or the note that the PUE comes from the typed economizer hours."""
    y = r.annual
    if y is None:
        return ["", "  PUE basis: typed economizer hours (no weather file; less accurate than an hourly year)"]
    dc = y.design_conditions
    out = ["", f"Hourly year at {y.site.get('location', '')} ({y.site.get('format', '')}, {y.hours:,} h)",
           "-" * 40,
           f"  0.4 % design: dry bulb {dc['cooling_0_4_db_c']:.1f} °C, wet bulb {dc['cooling_0_4_wb_c']:.1f} °C; "
           f"worst hour PUE {_fmt(y.worst_hour_pue, 3)}; peak facility {_fmt(y.peak_facility_kw)} kW; "
           f"WUE {y.energy['wue_l_per_kwh']:.2f} L/kWh",
           "  monthly PUE " + " ".join(_fmt(p, 3) for p in y.monthly_pue),
           f"  {'loop':16} {'kind':9} {'supply/return °C':>16} {'approach K':>10} {'free h':>7} {'partial h':>9} "
           f"{'mech h':>7} {'not held':>8}  heat rejection"]
    for lp in y.loops:
        out.append(f"  {lp.name[:16]:16} {lp.kind:9} {f'{lp.supply_c:.1f}/{lp.return_c:.1f}':>16} "
                   f"{lp.approach_k:>10.1f} {lp.hours_free:>7,} {lp.hours_partial:>9,} {lp.hours_mechanical:>7,} "
                   f"{lp.hours_unmet:>8,}  {lp.heat_rejection}")
    return out
