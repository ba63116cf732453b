"""Load and validate block-type libraries (JSON) into BlockType records, reporting each bad field."""

from __future__ import annotations

import json
import math
import re
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
from workbench.catalog.ports import default_ports, parse_ports
from workbench.io.safe_json import BadNumber, DuplicateKeys, decode_text, loads_keeping_damage
from workbench.model.problems import InputError, Problem

LIQUID_CLASSES = ("W17", "W27", "W32", "W40", "W45", "W+")
RACK_STANDARDS = ("19in", "orv3")
POWER_INPUTS = ("ac400", "ac415", "ac480", "dc48", "dc800")
COOLING_MEDIA = ("air", "liquid-to-liquid", "liquid-to-air", "water", "refrigerant")
MAX_LIBRARY_BYTES = 8 * 1024 * 1024
# Upper bounds far above any real equipment: they catch unit slips (W typed as kW, m as mm) and keep the
# calculation's sums and products finite. The shipped catalog stays well inside them.
MAX_SIZE_MM = 200_000.0
MAX_CLEARANCE_MM = 50_000.0
MAX_WEIGHT_KG = 2_000_000.0
MAX_PRICE = 1e10
MAX_KW = 1_000_000.0
MAX_FIGURE = 1e9  # any other figure
_SURROGATE = re.compile("[\ud800-\udfff]")
UNREADABLE = object()  # read_json's answer when the file gave no data (the reason is already reported)


def show(value: Any) -> str:
    """A value for a message: short scalars as written, containers by kind, never a screenful."""
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    text = repr(value)  # repr escapes lone surrogates and control characters
    return text if len(text) <= 60 else text[:57] + "..."


def safe_text(text: str, limit: int = 80) -> str:
    """Text fit for a message: broken characters replaced, cut to a readable length."""
    text = _SURROGATE.sub("\ufffd", text)
    return text if len(text) <= limit else text[:limit - 3] + "..."


class FieldReader:
    """Reads typed fields of one entry and records a Problem for each bad one."""

    def __init__(self, data: dict[str, Any], where: str, problems: list[Problem]) -> None:
        self.data, self.where, self.problems, self.ok = data, where, problems, True

    def fail(self, field: str, message: str) -> None:
        self.problems.append(Problem(f"{self.where}, field '{field}'" if field else self.where, message))
        self.ok = False

    def number(self, obj: dict[str, Any], key: str, path: str, *, minimum: float = 0.0,
               optional: bool = False, maximum: float = MAX_FIGURE) -> float | None:
        value = obj.get(key)
        if value is None:
            if not optional:
                self.fail(path, "is missing")
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            self.fail(path, f"must be a finite number, got {show(value)}")
            return None
        if value < minimum or value > maximum:
            self.fail(path, f"must be between {minimum:g} and {maximum:g}, got {show(value)}")
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
            self.fail(path, f"must be text, got {_kind(value)}")
            return None
        if _SURROGATE.search(value):
            # Such text cannot be written as UTF-8: it would break the report and every save.
            self.fail(path, "contains a broken character escape (lone UTF-16 surrogate)")
            return None
        if choices is not None and value not in choices:
            self.fail(path, f"must be one of {', '.join(choices)}, got {show(value)}")
            return None
        return value

    def section(self, key: str) -> dict[str, Any]:
        value = self.data.get(key)
        if not isinstance(value, dict):
            self.fail(key, "is missing or not an object")
            return {}
        self.unique_keys(value, key)
        return value

    def optional_section(self, obj: dict[str, Any], key: str, path: str, shape: str) -> dict[str, Any]:
        """An object that may be left out (null counts as left out); anything else is reported."""
        value = obj.get(key)
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.fail(path, f"must be an object with {shape}, got {_kind(value)}")
            return {}
        self.unique_keys(value, path)
        return value

    def texts(self, obj: dict[str, Any], path: str) -> None:
        """Check an object of texts by language code (names, labels)."""
        for lang in obj:
            if _SURROGATE.search(lang):
                self.fail(path, "a language code contains a broken character escape (lone UTF-16 surrogate)")
            else:
                self.text(obj, lang, f"{path}.{safe_text(lang, 20)}")

    def unique_keys(self, obj: dict[str, Any], path: str) -> None:
        if isinstance(obj, DuplicateKeys):
            keys = ", ".join(repr(safe_text(k, 40)) for k in obj.duplicates)
            self.fail(path, f"key {keys} appears more than once; which value is meant is unclear")


def _kind(value: Any) -> str:
    if isinstance(value, BadNumber):
        return value.token
    for types, name in (((bool,), "true/false"), ((int, float), "a number"), ((str,), "text"),
                        ((list,), "a list"), ((dict,), "an object")):
        if isinstance(value, types):
            return name
    return "null" if value is None else type(value).__name__


def parse_block_type(data: Any, where: str, problems: list[Problem], library: str = "core") -> BlockType | None:
    """Build a BlockType from one JSON entry, or record problems and return None."""
    if not isinstance(data, dict):
        problems.append(Problem(where, "entry must be an object"))
        return None
    e = FieldReader(data, where, problems)
    e.unique_keys(data, "")
    type_id = e.text(data, "id", "id")
    if type_id is not None and not type_id.strip():
        e.fail("id", "must not be empty")
    name = _names(e, data.get("name"))
    category = e.text(data, "category", "category", choices=CATEGORIES)
    kind = e.text(data, "kind", "kind") or ""
    description = e.text(data, "description", "description", optional=True) or ""
    description_zh = e.text(data, "description_zh", "description_zh", optional=True) or ""
    width = e.number(data, "width_mm", "width_mm", minimum=1, maximum=MAX_SIZE_MM)
    depth = e.number(data, "depth_mm", "depth_mm", minimum=1, maximum=MAX_SIZE_MM)
    height = e.number(data, "height_mm", "height_mm", optional=True, maximum=MAX_SIZE_MM) or 0.0
    weight = e.number(data, "weight_kg", "weight_kg", maximum=MAX_WEIGHT_KG)
    clear = e.optional_section(data, "clearance_mm", "clearance_mm", "front, rear, left, right")
    clearances = [e.number(clear, k, f"clearance_mm.{k}", optional=True, maximum=MAX_CLEARANCE_MM) or 0.0
                  for k in ("front", "rear", "left", "right")]
    price = Price(0.0)
    price_data = e.optional_section(data, "price", "price", "amount and currency")
    if isinstance(data.get("price"), dict):
        amount = e.number(price_data, "amount", "price.amount", maximum=MAX_PRICE)
        currency = e.text(price_data, "currency", "price.currency")
        if currency is not None and (len(currency) != 3 or not currency.isascii() or not currency.isupper()):
            e.fail("price.currency", f"must be a 3-letter ISO code, got {show(currency)}")
        date = e.text(price_data, "date", "price.date", optional=True) or ""
        basis = e.text(price_data, "basis", "price.basis", optional=True) or "rough order of magnitude"
        price = Price(amount or 0.0, currency or "USD", date, basis)
    source = e.text(data, "source", "source", optional=True) or ""
    in_room = data.get("in_room", True)
    if not isinstance(in_room, bool):
        e.fail("in_room", f"must be true or false, got {show(in_room)}")
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
    ports = default_ports(category or "", kind, rack, power, cooling)
    if "ports" in data:
        explicit = parse_ports(data["ports"], where, problems)
        if explicit is None:
            e.ok = False
        else:
            ports = explicit
    if not e.ok or type_id is None or category is None or width is None or depth is None or weight is None:
        return None
    return BlockType(
        id=type_id, name=dict(name), category=category, kind=kind, description=description,
        description_zh=description_zh,
        width_mm=width, depth_mm=depth, height_mm=height, weight_kg=weight,
        clearance_front_mm=clearances[0], clearance_rear_mm=clearances[1],
        clearance_left_mm=clearances[2], clearance_right_mm=clearances[3],
        price=price, source=source, in_room=in_room, rack=rack, power=power, cooling=cooling,
        structure_kind=structure_kind, library=library, ports=ports,
    )


def _names(e: FieldReader, name: Any) -> dict[str, str]:
    """The name in each language: an object of texts with at least a non-empty English one."""
    if not isinstance(name, dict) or not isinstance(name.get("en"), str) or not name["en"].strip():
        e.fail("name", "must be an object with at least an 'en' name")
        return {}
    e.unique_keys(name, "name")
    e.texts(name, "name")
    return dict(name)


def _rack(e: FieldReader) -> RackSpec | None:
    s = e.section("rack")
    it_kw = e.number(s, "it_kw", "rack.it_kw", maximum=5000)
    air = e.number(s, "air_fraction", "rack.air_fraction", maximum=1)
    liquid = e.number(s, "liquid_fraction", "rack.liquid_fraction", maximum=1)
    if air is not None and liquid is not None and abs(air + liquid - 1.0) > 1e-6:
        e.fail("rack.air_fraction", f"air_fraction + liquid_fraction must be 1, got {air + liquid:g}")
    dt = e.number(s, "coolant_dt_k", "rack.coolant_dt_k", minimum=0.5, maximum=100, optional=True)
    if liquid and dt is None:
        e.fail("rack.coolant_dt_k", "is required for a liquid-cooled rack")
    liquid_class = e.text(s, "liquid_class", "rack.liquid_class", choices=LIQUID_CLASSES, optional=True)
    standard = e.text(s, "standard", "rack.standard", choices=RACK_STANDARDS) or "19in"
    power_input = e.text(s, "power_input", "rack.power_input", choices=POWER_INPUTS) or "ac415"
    cords = s.get("cords", 2)
    if cords not in (1, 2) or isinstance(cords, bool):
        e.fail("rack.cords", f"must be 1 (single-corded) or 2 (dual-corded), got {show(cords)}")
        cords = 2
    if it_kw is None or air is None or liquid is None:
        return None
    return RackSpec(it_kw, air, liquid, dt, liquid_class, standard, power_input, int(cords))


def _power(e: FieldReader) -> PowerSpec | None:
    s = e.section("power")
    stage = e.text(s, "stage", "power.stage", choices=POWER_STAGES)
    rating = e.number(s, "rating_kw", "power.rating_kw", minimum=0.001, maximum=MAX_KW)
    kva = e.number(s, "rating_kva", "power.rating_kva", optional=True, maximum=MAX_KW)
    loss = e.optional_section(s, "loss", "power.loss", "a, b, c")
    coeffs = [e.number(loss, k, f"power.loss.{k}", maximum=0.5, optional=True) or 0.0 for k in "abc"]
    voltage_in = e.text(s, "voltage_in", "power.voltage_in", optional=True) or ""
    voltage_out = e.text(s, "voltage_out", "power.voltage_out", optional=True) or ""
    battery = e.number(s, "battery_min", "power.battery_min", optional=True)
    dc_v = e.number(s, "output_dc_v", "power.output_dc_v", optional=True)
    if stage is None or rating is None:
        return None
    return PowerSpec(stage, rating, kva, voltage_in, voltage_out, LossCoefficients(*coeffs), battery, dc_v)


def _cooling(e: FieldReader) -> CoolingSpec | None:
    s = e.section("cooling")
    vals = {k: e.number(s, k, f"cooling.{k}", optional=True, maximum=MAX_KW) or 0.0
            for k in ("air_kw", "liquid_kw", "heat_rejection_kw", "fan_kw", "pump_kw")}
    vals["water_l_per_kwh"] = e.number(s, "water_l_per_kwh", "cooling.water_l_per_kwh", optional=True,
                                       maximum=100) or 0.0
    approach = e.number(s, "approach_k", "cooling.approach_k", optional=True, maximum=100)
    cop = e.number(s, "cop", "cooling.cop", minimum=0.1, optional=True, maximum=100)
    medium = e.text(s, "medium", "cooling.medium", choices=COOLING_MEDIA, optional=True) or "air"
    condenser = e.text(s, "condenser", "cooling.condenser", choices=("air", "water"), optional=True) or ""
    pl = e.optional_section(s, "part_load", "cooling.part_load", "cop_100, cop_75, cop_50, cop_25 and source")
    table = tuple(e.number(pl, k, f"cooling.part_load.{k}", minimum=0.1, maximum=100)
                  for k in ("cop_100", "cop_75", "cop_50", "cop_25")) if pl else None
    pl_source = (e.text(pl, "source", "cooling.part_load.source") or "") if pl else ""
    if not e.ok:
        return None
    return CoolingSpec(approach_k=approach, cop=cop, medium=medium, condenser=condenser,
                       part_load_cop=table, part_load_source=pl_source, **vals)  # type: ignore[arg-type]


def read_json(path: Path, problems: list[Problem], what: str = "file") -> Any:
    """A JSON file's data, or UNREADABLE with the reason recorded under the file's name; never raises."""
    name = safe_text(path.name, 120)
    try:
        if path.stat().st_size > MAX_LIBRARY_BYTES:
            problems.append(Problem(name, f"{what} is larger than {MAX_LIBRARY_BYTES // 1048576} MiB"))
            return UNREADABLE
        text = decode_text(path.read_bytes(), name)
    except OSError as exc:
        problems.append(Problem(name, f"cannot be read: {exc.strerror or exc}"))
        return UNREADABLE
    except InputError as exc:
        problems.extend(exc.problems)
        return UNREADABLE
    return _parse(text, name, problems)


def load_library(path: Path, problems: list[Problem]) -> tuple[dict[str, Any], list[BlockType]]:
    """Read one library file; bad entries are reported and skipped, good ones returned."""
    name = safe_text(path.name, 120)
    data = read_json(path, problems, "file")
    if data is UNREADABLE:
        return {}, []
    if not isinstance(data, dict) or not isinstance(data.get("types"), list):
        problems.append(Problem(name, "must be an object with a 'types' list (a block library)"))
        return {}, []
    if isinstance(data, DuplicateKeys):
        keys = ", ".join(repr(safe_text(k, 40)) for k in data.duplicates)
        problems.append(Problem(name, f"top-level key {keys} appears more than once; the last one is used",
                                "warning"))
    library = _header(data, name, safe_text(path.stem), problems)
    lib_id = library["id"]
    types = []
    for i, entry in enumerate(data["types"]):
        label = entry.get("id") if isinstance(entry, dict) else None
        label = safe_text(label) if isinstance(label, str) and label.strip() else f"#{i + 1}"
        bt = parse_block_type(entry, f"{name}: entry {label}", problems, lib_id)
        if bt is not None:
            types.append(bt)
    return {**library, "file": str(path)}, types


def _parse(text: str, name: str, problems: list[Problem]) -> Any:
    """JSON text to data, or UNREADABLE with the reason recorded; bad numbers are kept for the entry checks."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        problems.append(Problem(name, "the file is empty"))
        return UNREADABLE
    try:
        return loads_keeping_damage(text)
    except json.JSONDecodeError as exc:
        cut = exc.pos >= len(text.rstrip()) or exc.msg.startswith("Unterminated string")
        ends = " (the file ends early; it may be truncated)" if cut else ""
        problems.append(Problem(name, f"is not valid JSON: {exc}{ends}"))
    except RecursionError:
        problems.append(Problem(name, "is not valid JSON: nesting is too deep"))
    except ValueError as exc:
        problems.append(Problem(name, f"is not valid JSON: {exc}"))
    return UNREADABLE


def _header(data: dict[str, Any], name: str, stem: str, problems: list[Problem]) -> dict[str, Any]:
    """The library's own description (id, name, author, ...); id and name must be text, the rest is kept."""
    raw = data.get("library")
    if raw is None:
        return {"id": stem}
    if not isinstance(raw, dict):
        problems.append(Problem(f"{name}: library", f"must be an object with id, name, author; got {_kind(raw)}",
                                "warning"))
        return {"id": stem}
    header = dict(raw)
    for key in ("id", "name"):  # shown in the app and used as keys; other fields are kept as written
        value = header.get(key)
        if value is not None and (not isinstance(value, str) or _SURROGATE.search(value)):
            problems.append(Problem(f"{name}: library, field '{key}'", f"must be text, got {show(value)}; "
                                    + ("used the file name" if key == "id" else "left out"), "warning"))
            del header[key]
    if not str(header.get("id", "")).strip():
        header["id"] = stem
    return header
