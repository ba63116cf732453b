"""Power and cooling capacity per system under its redundancy scheme, and the checks they raise."""

from __future__ import annotations

from typing import Any

import numpy as np

from workbench.calc.checks import ERROR, INFO, WARNING, Check, params
from workbench.calc.groups import DEFAULT_POWER_SYSTEM, Groups
from workbench.calc.loadmodel import Evaluation, GroupLoad
from workbench.calc.redundancy import capacities_flat
from workbench.calc.snapshot import Snapshot
from workbench.model.design import Design

DEFAULT_SCHEME = "N+1"
LIQUID_CLASS_MAX_C = {"W17": 17.0, "W27": 27.0, "W32": 32.0, "W40": 40.0, "W45": 45.0, "W+": 60.0}
# The English words for each capacity domain; checks carry the code so a report can say it in its language.
DOMAIN_WORDS = {"power": "Power system", "air": "Air cooling", "liquid": "Liquid cooling loop",
                "heat_rejection": "Heat rejection"}


def _entries(s: Snapshot, domains: list[tuple[list[GroupLoad], list[str], str]], margin: float,
             full: int) -> list[list[dict[str, Any]]]:
    """Capacity entries of each domain's groups (groups, their schemes, the rating column), all in one pass."""
    groups = [gl for gls, _, _ in domains for gl in gls]
    # Each domain's ratings in one gather from its column, group after group, instead of one per group.
    ratings = [s.col(col)[np.concatenate([gl.group.rows for gl in gls])] for gls, _, col in domains if gls]
    lengths = np.fromiter((len(gl.group.rows) for gl in groups), dtype=np.int64, count=len(groups))
    schemes = [sc for _, schemes, _ in domains for sc in schemes]
    loads = np.fromiter((gl.load_kw[full] for gl in groups), dtype=float, count=len(groups))
    losses = [float(gl.loss_kw[full]) for gl in groups]
    cap = capacities_flat(np.concatenate(ratings) if ratings else np.zeros(0), lengths, schemes, margin, loads)
    ids = s.ids
    entries = []
    for gl, scheme, modules, installed, usable, required, load, loss in zip(
            groups, schemes, cap.modules.tolist(), cap.installed_kw.tolist(), cap.usable_kw.tolist(),
            cap.required_modules.tolist(), loads.tolist(), losses):
        entries.append({
            "name": gl.group.name, "role": gl.group.role, "scheme": scheme, "modules": modules,
            "installed_kw": installed, "usable_kw": usable, "required_modules": int(required),
            "load_kw": load,
            "utilisation": load / usable if usable > 0 else (0.0 if load == 0 else None),
            "headroom_kw": max(usable - load, 0.0),
            # Installed but unusable without breaking the scheme or the margin.
            "stranded_kw": max(installed - usable, 0.0),
            "electrical_kw": loss,
            "redundancy_met": load <= usable + 1e-9,
            "within_installed": load <= installed + 1e-9,
            "blocks": [ids[r] for r in gl.group.rows.tolist()],
        })
    out, at = [], 0
    for gls, _, _ in domains:
        out.append(entries[at:at + len(gls)])
        at += len(gls)
    return out


def _group_checks(entries: list[dict[str, Any]], domain: str) -> list[Check]:
    what = DOMAIN_WORDS[domain]
    out = []
    for e in entries:
        if e["load_kw"] <= 0 or (e["within_installed"] and e["redundancy_met"]):
            continue
        blocks = tuple(e["blocks"])
        if not e["within_installed"]:
            out.append(Check(ERROR, "over_capacity",
                             f"{what} {e['name']} ({e['role']}): load {e['load_kw']:.0f} kW exceeds installed "
                             f"{e['installed_kw']:.0f} kW", blocks,
                             params(domain=domain, system=e["name"], role=e["role"], load_kw=e["load_kw"],
                                    installed_kw=e["installed_kw"])))
        elif not e["redundancy_met"]:
            out.append(Check(ERROR, "redundancy",
                             f"{what} {e['name']} ({e['role']}): {e['scheme']} not met — load {e['load_kw']:.0f} kW "
                             f"above usable {e['usable_kw']:.0f} kW; needs {e['required_modules']} modules, "
                             f"has {e['modules']}", blocks,
                             params(domain=domain, system=e["name"], role=e["role"], scheme=e["scheme"],
                                    load_kw=e["load_kw"], usable_kw=e["usable_kw"],
                                    required_modules=e["required_modules"], modules=e["modules"])))
    return out


def capacity(s: Snapshot, g: Groups, design: Design, ev: Evaluation, full: int,
             values: dict[str, float]) -> tuple[dict[str, Any], dict[str, Any], list[Check]]:
    margin = values["design_margin"]
    schemes_p = design.assumptions.power_schemes
    schemes_c = design.assumptions.cooling_schemes
    checks: list[Check] = []

    rejection_scheme = schemes_c.get("heat_rejection", DEFAULT_SCHEME)
    systems, air, liquid, rejection = _entries(s, [
        (ev.power_groups, [schemes_p.get(gl.group.name, DEFAULT_SCHEME) for gl in ev.power_groups], "rating_kw"),
        (ev.air_groups, [schemes_c.get(gl.group.name, DEFAULT_SCHEME) for gl in ev.air_groups], "air_kw"),
        (ev.liquid_groups, [schemes_c.get(gl.group.name, DEFAULT_SCHEME) for gl in ev.liquid_groups], "liquid_kw"),
        (ev.rejection_groups, [rejection_scheme] * len(ev.rejection_groups), "heat_rejection_kw"),
    ], margin, full)
    for e, gl in zip(systems, ev.power_groups):
        e["losses_kw"] = e.pop("electrical_kw")
        if gl.group.role == "storage":
            e["ride_through_min"] = _ride_through(s, gl, e["load_kw"])
    checks += _group_checks([e for e in systems if e["role"] != "storage"], "power")
    fed = {e["name"] for e in systems if e["role"] in ("ups", "distribution")}
    for name, kw in sorted(ev.rack_system_it_kw.items()):
        if kw > 0 and name not in fed:
            racks = tuple(s.ids[r] for r, n in zip(g.racks, g.rack_system) if n == name)
            default = name == DEFAULT_POWER_SYSTEM
            label = "the default power system" if default else f"power system {name}"
            p = params(it_kw=kw, system=name)
            if default:
                p = (("form", "default"), *p)
            checks.append(Check(WARNING, "no_power",
                                f"{kw:.0f} kW of racks on {label} have no UPS, rectifier or PDU capacity",
                                racks[:50], p))

    checks += _supply_checks(systems, float(ev.it_kw[full]), values)

    rej_total = float(ev.rejected_heat_kw[full])
    checks += _group_checks(air, "air")
    checks += _group_checks(liquid, "liquid")
    # Chillers and free coolers each carry the whole heat at some time of year: check each kind.
    checks += _group_checks(rejection, "heat_rejection")

    air_heat = float(ev.air_heat_kw[full])
    # Lighting and misc alone (an empty hall) need no cooling check; a design with equipment does.
    has_load = bool(ev.it_kw[full] > 0 or ev.power_groups)
    if air_heat > 0 and not air and has_load:
        checks.append(Check(WARNING, "no_cooling",
                            f"{air_heat:.0f} kW of heat goes to room air but no air cooling is placed",
                            (), params(form="air", heat_kw=air_heat)))
    cdu_loops = {e["name"] for e in liquid}
    for loop, kw in sorted(ev.rack_loop_liquid_kw.items()):
        if kw > 0 and loop not in cdu_loops:
            racks = tuple(s.ids[r] for r, n in zip(g.racks, g.rack_loop) if n == loop)
            checks.append(Check(ERROR, "no_cooling",
                                f"{kw:.0f} kW of liquid heat on loop '{loop}' has no CDU", racks[:50],
                                params(form="liquid", heat_kw=kw, loop=loop)))
    if rej_total > 0 and not rejection and has_load:
        checks.append(Check(WARNING, "no_heat_rejection",
                            "no chiller, dry cooler or tower is placed: heat rejection energy is not counted"))
    checks += _liquid_class_checks(s, g, values)

    rho_cp = values["air_rho_cp_kj_m3k"]
    airflow_m3s = air_heat / (rho_cp * values["air_delta_t_k"]) if air_heat > 0 else 0.0
    coolant_lpm = _coolant_lpm(s, g, values)
    cooling = {
        "air_heat_kw": air_heat,
        "liquid_heat_kw": float(ev.liquid_heat_kw[full]),
        "room_loss_heat_kw": float(ev.room_losses_kw[full]),
        "rejected_heat_kw": rej_total,
        "cooling_power_kw": float(ev.cooling_kw[full]),
        "chiller_kw": float(ev.chiller_kw[full]),
        "fans_pumps_kw": float(ev.fans_pumps_kw[full]),
        "airflow_m3h": airflow_m3s * 3600.0,
        "airflow_cfm": airflow_m3s / 4.719474e-4,
        "coolant_lpm": coolant_lpm,
        "coolant_gpm": coolant_lpm / 3.785411784,
        "air": air, "liquid": liquid, "heat_rejection": rejection,
    }
    power = {
        "it_kw": float(ev.it_kw[full]),
        "losses_kw": float(ev.power_losses_kw[full]),
        "systems": systems,
        "dc_bus": [],  # filled by calc.voltage_checks.rack_bus, which knows what each rack is fed
    }
    return power, cooling, checks


def _supply_checks(systems: list[dict[str, Any]], it_kw: float, values: dict[str, float]) -> list[Check]:
    """IT load needs a utility-side supply (transformer or SST) and backup generation, unless declared none."""
    if it_kw <= 0:
        return []
    roles = {e["role"] for e in systems}
    out = []
    if not roles & {"utility:transformer", "utility:sst"}:
        out.append(Check(WARNING, "no_utility_supply",
                         f"{it_kw:.0f} kW of IT load has no utility-side supply: no transformer or solid-state "
                         "transformer is placed", (), params(it_kw=it_kw)))
    if "utility:generator" not in roles and values.get("backup_generation_none", 0.0) < 0.5:
        out.append(Check(WARNING, "no_backup",
                         f"{it_kw:.0f} kW of IT load has no backup generation: place generators, or declare none "
                         "in the assumptions", (), params(it_kw=it_kw)))
    return out


def _ride_through(s: Snapshot, gl: GroupLoad, load_kw: float) -> float | None:
    if load_kw <= 0:
        return None
    # Energy of all cabinets = Σ rating × minutes; minutes at this load scale inversely (first order).
    ratings = s.col("rating_kw")[gl.group.rows]
    mins = s.types.battery_min[s.type_index[gl.group.rows]]
    return float((ratings * mins).sum() / load_kw)


def _coolant_lpm(s: Snapshot, g: Groups, values: dict[str, float]) -> float:
    """Q = P / (ρ·c_p·ΔT) per rack, in L/min."""
    it = s.col("it_kw")[g.racks]
    liq = s.col("liquid_fraction")[g.racks]
    dt = s.col("coolant_dt_k")[g.racks]
    dt = np.where(dt > 0, dt, values["default_coolant_dt_k"])
    rho, cp = values["coolant_density_kg_m3"], values["coolant_cp_kj_kgk"]
    m3s = (it * liq) / (rho * cp * dt)
    return float(m3s.sum() * 60000.0)


def _liquid_class_checks(s: Snapshot, g: Groups, values: dict[str, float]) -> list[Check]:
    supply = values["facility_water_supply_c"]
    classes = s.types.liquid_class
    # Which types breach, decided once per type; then only the racks of those types are listed.
    bad_type = [bool(c) and supply > LIQUID_CLASS_MAX_C.get(c, 99.0) + 1e-9 for c in classes]
    if not any(bad_type):
        return []
    rack_types = s.type_index[g.racks]
    hit = np.asarray(bad_type, dtype=bool)[rack_types]
    bad: dict[str, list[str]] = {}
    for r, t in zip(g.racks[hit].tolist(), rack_types[hit].tolist()):
        bad.setdefault(classes[t], []).append(s.ids[r])
    return [Check(WARNING, "liquid_class",
                  f"{len(ids)} racks of class {cls} need facility water ≤ {LIQUID_CLASS_MAX_C[cls]:g} °C; "
                  f"the design supplies {supply:g} °C", tuple(ids[:50]),
                  params(racks=len(ids), liquid_class=cls, max_c=LIQUID_CLASS_MAX_C[cls], supply_c=supply))
            for cls, ids in bad.items()]


__all__ = ["capacity", "INFO"]
