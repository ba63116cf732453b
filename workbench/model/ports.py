"""Typed ports of a block type (power, liquid, heat, air) and the rule saying which two may connect."""

from __future__ import annotations

from dataclasses import dataclass

PORT_KINDS = ("power", "liquid", "heat", "air")
# Kinds a Connection may have; air is served by the hall (an air unit's "air" port cools every rack of its
# hall), so it is never stored as an edge: a hall of 1,000 racks would otherwise need 10,000 of them.
CONNECTION_KINDS = ("power", "liquid", "heat")
DIRECTIONS = ("in", "out")
# Voltage classes: the current kind is the prefix. LV AC covers 400/415/480 V (one class, since equipment
# is built for the local LV network); MV AC covers 6.6-36 kV.
VOLTAGES = ("ac_mv", "ac_lv", "dc_800", "dc_48", "dc_battery")
SIDES = ("", "A", "B")


def current_of(voltage: str) -> str:
    """'ac' or 'dc' for a voltage class ('' when blank)."""
    return voltage.split("_", 1)[0] if voltage else ""


@dataclass(frozen=True)
class Port:
    """One connection point of a block type.

    `voltages` holds the class an output delivers (one) or the classes an input accepts (one or more).
    `standby` inputs (generator into switchgear, battery into UPS) only carry load when the normal source is
    lost; the analysis assumes the grid is there, so they never decide whether a block is fed.
    `external` inputs are fed from outside the design (the utility grid) when nothing is connected to them.
    """

    name: str
    kind: str
    direction: str
    voltages: tuple[str, ...] = ()
    standby: bool = False
    external: bool = False

    @property
    def is_input(self) -> bool:
        return self.direction == "in"


def port_problem(out: Port, into: Port) -> str | None:
    """Why `out` cannot feed `into` (kind, direction, AC/DC or voltage), or None when they fit."""
    if out.direction != "out":
        return f"port '{out.name}' is an input, not an output"
    if into.direction != "in":
        return f"port '{into.name}' is an output, not an input"
    if out.kind != into.kind:
        return f"a {out.kind} port cannot feed a {into.kind} port"
    if out.kind == "power" and out.voltages and into.voltages and out.voltages[0] not in into.voltages:
        have, want = out.voltages[0], into.voltages
        if current_of(have) not in {current_of(v) for v in want}:
            return f"AC/DC mismatch: {voltage_label(have)} into an input for {', '.join(map(voltage_label, want))}"
        return f"voltage mismatch: {voltage_label(have)} into an input for {', '.join(map(voltage_label, want))}"
    return None


def voltage_label(voltage: str) -> str:
    # The same words as resources/i18n/report.en.json "voltage.*", so check sentences can be translated.
    return {"ac_mv": "MV AC", "ac_lv": "LV AC", "dc_800": "800 V DC", "dc_48": "48 V DC",
            "dc_battery": "battery DC"}.get(voltage, voltage or "none")
