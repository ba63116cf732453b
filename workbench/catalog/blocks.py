"""Load and validate block-type libraries (JSON) into BlockType records, reporting each bad field."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from workbench.model.blocktype import (
    CATEGORIES,
    POWER_STAGES,
    RACK_CATEGORIES,
    BlockType,
    CoolingSpec,
    LossCoefficients,
    PowerSpec,
    Price,
    RackSpec,
)
from workbench.model.problems import Problem

LIQUID_CLASSES = ("W17", "W27", "W32", "W40", "W45", "W+")
RACK_STANDARDS = ("19in", "orv3")
POWER_INPUTS = ("ac400", "ac415", "ac480", "dc48", "dc800")
COOLING_MEDIA = ("air", "liquid-to-liquid", "liquid-to-air", "water", "refrigerant")
MAX_LIBRARY_BYTES = 8 * 1024 * 1024


class _Entry:
    """Reads typed fields of one entry and records a Problem for each bad one."""

    def __init__(self, data: dict[str, Any], where: str, problems: list[Problem]) -> None:
        self.data, self.where, self.problems, self.ok = data, where, problems, True

    def fail(self, field: str, message: str) -> None:
        self.problems.append(Problem(f"{self.where}, field '{field}'", message))
        self.ok = False

    def number(self, obj: dict[str, Any], key: str, path: str, *, minimum: float = 0.0,
               optional: bool = False, maximum: float | None = None) -> float | None:
        value = obj.get(key)
        if value is None:
            if not optional:
                self.fail(path, "is missing")
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            self.fail(path, f"must be a finite number, got {value!r}")
            return None
        if value < minimum or (maximum is not None and value > maximum):
            bound = f"between {minimum:g} and {maximum:g}" if maximum is not None else f"at least {minimum:g}"
            self.fail(path, f"must be {bound}, got {value!r}")
            return None
        return float(value)

    def text(self, obj: dict[str, Any], key: str, path: str, *, choices: tuple[str, ...] | None = None,
             optional: bool = False) -> str | None:
        value = obj.get(key)
        if value is None:
            if not optional:
                self.fail(path, "is missing")
            return None
        if not isinstance(value, str):
            self.fail(path, f"must be text, got {type(value).__name__}")
            return None
        if choices is not None and value not in choices:
            self.fail(path, f"must be one of {', '.join(choices)}, got {value!r}")
            return None
        return value

    def section(self, key: str) -> dict[str, Any]:
        value = self.data.get(key)
        if not isinstance(value, dict):
            self.fail(key, "is missing or not an object")
            return {}
        return value


def parse_block_type(data: Any, where: str, problems: list[Problem], library: str = "core") -> BlockType | None:
    """Build a BlockType from one JSON entry, or record problems and return None."""
    if not isinstance(data, dict):
        problems.append(Problem(where, "entry must be an object"))
        return None
    e = _Entry(data, where, problems)
    type_id = e.text(data, "id", "id")
    name = data.get("name")
    if not isinstance(name, dict) or not isinstance(name.get("en"), str) or not name.get("en"):
        e.fail("name", "must be an object with at least an 'en' name")
        name = {}
    category = e.text(data, "category", "category", choices=CATEGORIES)
    kind = e.text(data, "kind", "kind") or ""
    description = e.text(data, "description", "description", optional=True) or ""
    width = e.number(data, "width_mm", "width_mm", minimum=1)
    depth = e.number(data, "depth_mm", "depth_mm", minimum=1)
    height = e.number(data, "height_mm", "height_mm", optional=True) or 0.0
    weight = e.number(data, "weight_kg", "weight_kg")
    clear = data.get("clearance_mm", {}) or {}
    if not isinstance(clear, dict):
        e.fail("clearance_mm", "must be an object with front, rear, left, right")
        clear = {}
    clearances = [e.number(clear, k, f"clearance_mm.{k}", optional=True) or 0.0
                  for k in ("front", "rear", "left", "right")]
    price_data = data.get("price")
    price = Price(0.0)
    if isinstance(price_data, dict):
        amount = e.number(price_data, "amount", "price.amount")
        currency = e.text(price_data, "currency", "price.currency")
        if currency is not None and (len(currency) != 3 or not currency.isupper()):
            e.fail("price.currency", f"must be a 3-letter ISO code, got {currency!r}")
        price = Price(amount or 0.0, currency or "USD", str(price_data.get("date", "")),
                      str(price_data.get("basis", "rough order of magnitude")))
    elif price_data is not None:
        e.fail("price", "must be an object with amount and currency")
    source = e.text(data, "source", "source", optional=True) or ""
    in_room = data.get("in_room", True)
    if not isinstance(in_room, bool):
        e.fail("in_room", "must be true or false")
        in_room = True

    rack = power = cooling = None
    structure_kind = None
    if category in RACK_CATEGORIES:
        rack = _rack(e)
    elif category == "power":
        power = _power(e)
    elif category == "cooling":
        cooling = _cooling(e)
    elif category == "structure":
        structure_kind = e.text(e.section("structure"), "kind", "structure.kind")
    if not e.ok or type_id is None or category is None or width is None or depth is None or weight is None:
        return None
    return BlockType(
        id=type_id, name=dict(name), category=category, kind=kind, description=description,
        width_mm=width, depth_mm=depth, height_mm=height, weight_kg=weight,
        clearance_front_mm=clearances[0], clearance_rear_mm=clearances[1],
        clearance_left_mm=clearances[2], clearance_right_mm=clearances[3],
        price=price, source=source, in_room=in_room, rack=rack, power=power, cooling=cooling,
        structure_kind=structure_kind, library=library,
    )


def _rack(e: _Entry) -> RackSpec | None:
    s = e.section("rack")
    it_kw = e.number(s, "it_kw", "rack.it_kw", maximum=5000)
    air = e.number(s, "air_fraction", "rack.air_fraction", maximum=1)
    liquid = e.number(s, "liquid_fraction", "rack.liquid_fraction", maximum=1)
    if air is not None and liquid is not None and abs(air + liquid - 1.0) > 1e-6:
        e.fail("rack.air_fraction", f"air_fraction + liquid_fraction must be 1, got {air + liquid:g}")
    dt = e.number(s, "coolant_dt_k", "rack.coolant_dt_k", minimum=0.5, optional=True)
    if liquid and dt is None:
        e.fail("rack.coolant_dt_k", "is required for a liquid-cooled rack")
    liquid_class = e.text(s, "liquid_class", "rack.liquid_class", choices=LIQUID_CLASSES, optional=True)
    standard = e.text(s, "standard", "rack.standard", choices=RACK_STANDARDS) or "19in"
    power_input = e.text(s, "power_input", "rack.power_input", choices=POWER_INPUTS) or "ac415"
    if it_kw is None or air is None or liquid is None:
        return None
    return RackSpec(it_kw, air, liquid, dt, liquid_class, standard, power_input)


def _power(e: _Entry) -> PowerSpec | None:
    s = e.section("power")
    stage = e.text(s, "stage", "power.stage", choices=POWER_STAGES)
    rating = e.number(s, "rating_kw", "power.rating_kw", minimum=0.001)
    kva = e.number(s, "rating_kva", "power.rating_kva", optional=True)
    loss = s.get("loss", {}) or {}
    if not isinstance(loss, dict):
        e.fail("power.loss", "must be an object with a, b, c")
        loss = {}
    coeffs = [e.number(loss, k, f"power.loss.{k}", maximum=0.5, optional=True) or 0.0 for k in "abc"]
    battery = e.number(s, "battery_min", "power.battery_min", optional=True)
    dc_v = e.number(s, "output_dc_v", "power.output_dc_v", optional=True)
    if stage is None or rating is None:
        return None
    return PowerSpec(stage, rating, kva, str(s.get("voltage_in", "")), str(s.get("voltage_out", "")),
                     LossCoefficients(*coeffs), battery, dc_v)


def _cooling(e: _Entry) -> CoolingSpec | None:
    s = e.section("cooling")
    vals = {k: e.number(s, k, f"cooling.{k}", optional=True) or 0.0
            for k in ("air_kw", "liquid_kw", "heat_rejection_kw", "fan_kw", "pump_kw", "water_l_per_kwh")}
    approach = e.number(s, "approach_k", "cooling.approach_k", optional=True)
    cop = e.number(s, "cop", "cooling.cop", minimum=0.1, optional=True)
    medium = e.text(s, "medium", "cooling.medium", choices=COOLING_MEDIA, optional=True) or "air"
    if not e.ok:
        return None
    return CoolingSpec(approach_k=approach, cop=cop, medium=medium, **vals)


def load_library(path: Path, problems: list[Problem]) -> tuple[dict[str, Any], list[BlockType]]:
    """Read one library file; bad entries are reported and skipped, good ones returned."""
    name = path.name
    try:
        if path.stat().st_size > MAX_LIBRARY_BYTES:
            problems.append(Problem(name, f"file is larger than {MAX_LIBRARY_BYTES // 1048576} MiB"))
            return {}, []
        data = json.loads(path.read_text(encoding="utf-8"), parse_constant=_reject_constant)
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(Problem(name, f"cannot be read: {exc}"))
        return {}, []
    except (json.JSONDecodeError, ValueError) as exc:
        problems.append(Problem(name, f"is not valid JSON: {exc}"))
        return {}, []
    if not isinstance(data, dict) or not isinstance(data.get("types"), list):
        problems.append(Problem(name, "must be an object with a 'types' list"))
        return {}, []
    library = data.get("library") if isinstance(data.get("library"), dict) else {}
    lib_id = str(library.get("id", path.stem))
    types = []
    for i, entry in enumerate(data["types"]):
        label = entry.get("id", f"#{i}") if isinstance(entry, dict) else f"#{i}"
        bt = parse_block_type(entry, f"{name}: entry {label}", problems, lib_id)
        if bt is not None:
            types.append(bt)
    return {**library, "file": str(path)}, types


def _reject_constant(name: str) -> float:
    raise ValueError(f"{name} is not allowed in JSON")
