"""Ports of each block type: defaults by category and kind, or an explicit `ports` list in the catalog entry."""

from __future__ import annotations

from typing import Any

from workbench.model.blocktype import RACK_CATEGORIES, CoolingSpec, PowerSpec, RackSpec
from workbench.model.ports import DIRECTIONS, PORT_KINDS, VOLTAGES, Port
from workbench.model.problems import Problem

AIR_UNITS = ("crah", "fanwall", "inrow", "rdhx")
HEAT_REJECTION = ("chiller", "drycooler", "tower")
TWO_SOURCE_KINDS = ("ats",)  # transfer switches take two sources
# A rack's power_input names its internal bus; the facility feeds it through the rack's own power shelves.
RACK_ACCEPTS = {"ac400": ("ac_lv",), "ac415": ("ac_lv",), "ac480": ("ac_lv",),
                "dc48": ("ac_lv", "dc_48"), "dc800": ("dc_800",)}


def voltage_class(text: str) -> str:
    """The voltage class of a catalog voltage text ("AC 11-33 kV" → ac_mv, "DC 800 V" → dc_800); '' if none."""
    t = text.strip().lower()
    if not t or "fuel" in t or "no electrical" in t:
        return ""
    if t.startswith("dc"):
        if "battery" in t:
            return "dc_battery"
        if "800" in t:
            return "dc_800"
        if "48" in t or "54" in t:
            return "dc_48"
        return "dc_battery"
    if "kv" in t:
        return "ac_mv"
    return "ac_lv"


def default_ports(category: str, kind: str, rack: RackSpec | None, power: PowerSpec | None,
                  cooling: CoolingSpec | None) -> tuple[Port, ...]:
    """The ports a type has when its entry does not list them: by category, kind and its figures."""
    if category in RACK_CATEGORIES and rack is not None:
        accepts = RACK_ACCEPTS.get(rack.power_input, ("ac_lv",))
        ports = [Port("A", "power", "in", accepts)]
        if rack.cords >= 2:
            ports.append(Port("B", "power", "in", accepts))
        if rack.liquid_fraction > 0:
            ports.append(Port("liquid", "liquid", "in"))
        if rack.air_fraction > 0:
            ports.append(Port("air", "air", "in"))
        return tuple(ports)
    if category == "power" and power is not None:
        v_in, v_out = voltage_class(power.voltage_in), voltage_class(power.voltage_out)
        out = Port("out", "power", "out", (v_out,) if v_out else ())
        if power.stage == "storage":  # batteries and BBUs back up a UPS or rectifier
            return (out,)
        if kind == "generator":
            return (out,)
        ports = []
        if kind == "mv-switchgear":
            ports += [Port("A", "power", "in", (v_in or "ac_mv",), external=True),
                      Port("gen", "power", "in", (v_in or "ac_mv",), standby=True)]
        elif power.stage == "utility" and v_in == "ac_mv":
            ports.append(Port("A", "power", "in", (v_in,), external=True))
        else:
            ports.append(Port("A", "power", "in", (v_in,) if v_in else ()))
            if kind in TWO_SOURCE_KINDS:
                ports.append(Port("B", "power", "in", (v_in,) if v_in else ()))
        if kind == "ups":
            ports.append(Port("battery", "power", "in", ("dc_battery",), standby=True))
        elif kind == "rectifier":
            ports.append(Port("battery", "power", "in", (v_out,) if v_out else (), standby=True))
        return (*ports, out)
    if category == "cooling" and cooling is not None:
        ports = [Port("A", "power", "in", ("ac_lv",))]  # the mechanical board feeds fans, pumps, compressors
        if kind in AIR_UNITS:
            ports += [Port("heat", "heat", "in"), Port("air", "air", "out")]
        elif kind == "cdu":
            if cooling.medium != "liquid-to-air":  # a liquid-to-air CDU rejects into the hall's air
                ports.append(Port("heat", "heat", "in"))
            ports.append(Port("liquid", "liquid", "out"))
        elif kind in HEAT_REJECTION:
            ports.append(Port("heat", "heat", "out"))
        return tuple(ports)
    return ()


def parse_ports(raw: Any, where: str, problems: list[Problem]) -> tuple[Port, ...] | None:
    """An explicit `ports` list: [{name, kind, direction, voltages?, standby?, external?}, ...].

    Returns None (with problems recorded) when the list is unusable, so the entry is reported, not guessed.
    """
    at = f"{where}, field 'ports'"
    if not isinstance(raw, list):
        problems.append(Problem(at, "must be a list of ports"))
        return None
    ports: list[Port] = []
    names: set[str] = set()
    ok = True
    for i, p in enumerate(raw):
        here = f"{where}, field 'ports[{i}]'"
        if not isinstance(p, dict):
            problems.append(Problem(here, "must be an object with name, kind and direction"))
            ok = False
            continue
        name, kind, direction = p.get("name"), p.get("kind"), p.get("direction")
        volts = p.get("voltages", [])
        bad = []
        if not isinstance(name, str) or not name.strip() or len(name) > 40:
            bad.append("name must be short text")
        elif name in names:
            bad.append(f"name {name!r} appears twice")
        if kind not in PORT_KINDS:
            bad.append(f"kind must be one of {', '.join(PORT_KINDS)}")
        if direction not in DIRECTIONS:
            bad.append("direction must be 'in' or 'out'")
        if not isinstance(volts, list) or any(v not in VOLTAGES for v in volts):
            bad.append(f"voltages must be a list of {', '.join(VOLTAGES)}")
        elif direction == "out" and len(volts) > 1:
            bad.append("an output delivers one voltage")
        for flag in ("standby", "external"):
            if not isinstance(p.get(flag, False), bool):
                bad.append(f"{flag} must be true or false")
        if bad:
            problems.append(Problem(here, "; ".join(bad)))
            ok = False
            continue
        assert isinstance(name, str) and isinstance(kind, str) and isinstance(direction, str)
        names.add(name)
        ports.append(Port(name, kind, direction, tuple(volts), bool(p.get("standby", False)),
                          bool(p.get("external", False))))
    return tuple(ports) if ok else None
