"""The project file: JSON with a schema version, validated with JSON paths, saved atomically."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import jsonschema

from workbench.geometry.polygons import outline_problem
from workbench.io.atomic import write_atomic
from workbench.io.migrations import CURRENT_VERSION, migrate
from workbench.model.blocktype import Catalog
from workbench.model.design import (
    Assumptions,
    Block,
    Column,
    Design,
    Door,
    Hall,
    ModuleInstance,
    Site,
)
from workbench.model.problems import InputError, Problem
from workbench.paths import resources_dir

FORMAT = "datahall-workbench"
FILE_SUFFIX = ".dchall.json"
MAX_FILE_BYTES = 256 * 1024 * 1024
MAX_PROBLEMS = 200


@dataclass
class Loaded:
    design: Design
    problems: list[Problem] = field(default_factory=list)  # warnings only; errors raise InputError
    source_version: int = CURRENT_VERSION


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((resources_dir() / "schema" / f"design-{CURRENT_VERSION}.schema.json").read_text("utf-8"))
    return data


def design_to_dict(design: Design) -> dict[str, Any]:
    s = design.site
    doc: dict[str, Any] = {
        "format": FORMAT,
        "schema_version": CURRENT_VERSION,
        "description": design.description,
        "meta": dict(design.meta),
        "site": {k: getattr(s, k) for k in Site.__dataclass_fields__},
        "halls": [
            {
                "id": h.id, "name": h.name, "outline": [[x, y] for x, y in h.outline],
                "floor_type": h.floor_type, "floor_rating_kn_m2": h.floor_rating_kn_m2,
                "columns": [{"id": c.id, "x_mm": c.x_mm, "y_mm": c.y_mm, "width_mm": c.width_mm,
                             "depth_mm": c.depth_mm} for c in h.columns],
                "doors": [{"id": d.id, "x_mm": d.x_mm, "y_mm": d.y_mm, "width_mm": d.width_mm,
                           "rotation_deg": d.rotation_deg} for d in h.doors],
            }
            for h in design.halls
        ],
        "blocks": [_block_dict(b) for b in design.blocks.values()],
        "modules": [{"id": m.id, "name": m.name, "template": m.template} for m in design.modules.values()],
        "assumptions": {
            "values": dict(design.assumptions.values),
            "power_schemes": dict(design.assumptions.power_schemes),
            "cooling_schemes": dict(design.assumptions.cooling_schemes),
        },
    }
    return doc


def _block_dict(b: Block) -> dict[str, Any]:
    d: dict[str, Any] = {"id": b.id, "type": b.type_id, "x_mm": b.x_mm, "y_mm": b.y_mm,
                         "rotation_deg": b.rotation_deg}
    # Only non-default fields, which keeps 10,000-block files small and diffs readable.
    for key, attr in (("name", "name"), ("hall", "hall_id"), ("power_system", "power_system"),
                      ("cooling_loop", "cooling_loop"), ("module", "module_id")):
        value = getattr(b, attr)
        if value:
            d[key] = value
    if b.locked:
        d["locked"] = True
    if b.overrides:
        d["overrides"] = dict(b.overrides)
    return d


def dumps(design: Design) -> bytes:
    return json.dumps(design_to_dict(design), ensure_ascii=False, indent=1, allow_nan=False).encode("utf-8")


def save_design(design: Design, path: Path | str) -> None:
    """Write atomically; on any error the file on disk and the design in memory are untouched."""
    write_atomic(Path(path), dumps(design))


def parse_json(text: str | bytes, where: str = "$") -> Any:
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise InputError([Problem(f"{where} line {exc.lineno} column {exc.colno}",
                                  f"not valid JSON: {exc.msg}")]) from None
    except ValueError as exc:
        raise InputError([Problem(where, str(exc))]) from None
    except RecursionError:
        raise InputError([Problem(where, "nesting is too deep")]) from None


def _reject_constant(name: str) -> float:
    raise ValueError(f"{name} is not a number JSON allows; use a finite value")


def load_design(path: Path | str, catalog: Catalog | None = None) -> Loaded:
    """Read, migrate and validate a design file; raises InputError listing every problem."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError([Problem(str(path), "file not found")]) from None
    except OSError as exc:
        raise InputError([Problem(str(path), f"cannot be read: {exc.strerror or exc}")]) from None
    if size > MAX_FILE_BYTES:
        raise InputError([Problem(str(path), f"file is {size / 1e6:.0f} MB, above the {MAX_FILE_BYTES // 2**20} MiB limit")])
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError([Problem(str(path), f"cannot be read: {exc.strerror or exc}")]) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError([Problem(str(path), f"is not UTF-8 text (byte {exc.start})")]) from None
    return loads_design(text, catalog, where=path.name)


def loads_design(text: str | bytes, catalog: Catalog | None = None, where: str = "$") -> Loaded:
    doc = parse_json(text, where)
    if not isinstance(doc, dict):
        raise InputError([Problem(f"{where}: $", "a design file must be a JSON object")])
    if doc.get("format") != FORMAT:
        raise InputError([Problem(f"{where}: $.format", f"must be {FORMAT!r}; this is not a workbench design")])
    try:
        doc, version = migrate(doc)
    except ValueError as exc:
        raise InputError([Problem(where, str(exc))]) from None
    problems = validate_document(doc, where)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise InputError(errors[:MAX_PROBLEMS])
    design = design_from_dict(doc)
    warnings = [p for p in problems if p.severity != "error"]
    if catalog is not None:
        for i, b in enumerate(design.blocks.values()):
            if b.type_id not in catalog.types:
                warnings.append(Problem(f"{where}: $.blocks[{i}].type",
                                        f"unknown block type '{b.type_id}'; the block is kept but left out of "
                                        "the calculation", "warning"))
        for key, value in design.assumptions.values.items():
            spec = catalog.parameters.get(key)
            if spec is None:
                warnings.append(Problem(f"{where}: $.assumptions.values.{key}", "unknown assumption; ignored", "warning"))
                continue
            msg = spec.check(value)
            if msg:
                raise InputError([Problem(f"{where}: $.assumptions.values.{key}", msg)])
        for key, spec in catalog.parameters.items():
            design.assumptions.values.setdefault(key, spec.default)
    return Loaded(design, warnings[:MAX_PROBLEMS], version)


def validate_document(doc: dict[str, Any], where: str = "$") -> list[Problem]:
    """Schema errors with their JSON paths, then the rules a schema cannot say."""
    validator = jsonschema.Draft202012Validator(schema())
    problems = []
    for err in sorted(validator.iter_errors(doc), key=lambda e: list(map(str, e.absolute_path))):
        problems.append(Problem(f"{where}: {_json_path(err.absolute_path)}", _short(err.message)))
        if len(problems) >= MAX_PROBLEMS:
            return problems
    if problems:
        return problems
    seen: dict[str, str] = {}
    hall_ids = set()
    for i, h in enumerate(doc.get("halls", [])):
        path = f"$.halls[{i}]"
        if h["id"] in seen:
            problems.append(Problem(f"{where}: {path}.id", f"duplicate id '{h['id']}' (also {seen[h['id']]})"))
        seen[h["id"]] = path
        hall_ids.add(h["id"])
        msg = outline_problem([tuple(p) for p in h["outline"]])
        if msg:
            problems.append(Problem(f"{where}: {path}.outline", msg))
    if not doc.get("halls"):
        problems.append(Problem(f"{where}: $.halls", "a design needs at least one hall"))
    module_ids = {m["id"] for m in doc.get("modules", [])}
    for i, b in enumerate(doc.get("blocks", [])):
        path = f"$.blocks[{i}]"
        if b["id"] in seen:
            problems.append(Problem(f"{where}: {path}.id", f"duplicate id '{b['id']}' (also {seen[b['id']]})"))
        seen[b["id"]] = path
        if b.get("hall") and b["hall"] not in hall_ids:
            problems.append(Problem(f"{where}: {path}.hall", f"refers to hall '{b['hall']}', which is not in the file"))
        if b.get("module") and b["module"] not in module_ids:
            problems.append(Problem(f"{where}: {path}.module", f"refers to module '{b['module']}', which is not in the file",
                                    "warning"))
        if len(problems) >= MAX_PROBLEMS:
            break
    return problems


def _json_path(parts: Any) -> str:
    out = "$"
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else f".{p}"
    return out


def _short(message: str) -> str:
    # jsonschema repeats whole sub-documents in messages; keep what a person needs.
    return message if len(message) <= 200 else message[:197] + "..."


def design_from_dict(doc: dict[str, Any]) -> Design:
    """Build a Design from a validated, current-version document."""
    site_doc = doc.get("site", {})
    site = Site(**{k: site_doc[k] for k in Site.__dataclass_fields__ if k in site_doc})
    halls = []
    for h in doc["halls"]:
        halls.append(Hall(
            id=h["id"], name=h.get("name", "Hall"),
            outline=[(float(x), float(y)) for x, y in h["outline"]],
            floor_type=h.get("floor_type", "slab"),
            floor_rating_kn_m2=float(h.get("floor_rating_kn_m2", 20.0)),
            columns=[Column(**{"id": c.get("id") or f"{h['id']}-c{j}", **{k: float(c[k]) for k in c if k != "id"}})
                     for j, c in enumerate(h.get("columns", []))],
            doors=[Door(id=d.get("id") or f"{h['id']}-d{j}", x_mm=float(d["x_mm"]), y_mm=float(d["y_mm"]),
                        width_mm=float(d.get("width_mm", 1800.0)), rotation_deg=int(d.get("rotation_deg", 0)))
                   for j, d in enumerate(h.get("doors", []))],
        ))
    blocks = {}
    for b in doc["blocks"]:
        blocks[b["id"]] = Block(
            type_id=b["type"], x_mm=float(b["x_mm"]), y_mm=float(b["y_mm"]),
            rotation_deg=int(b.get("rotation_deg", 0)), id=b["id"], name=b.get("name", ""),
            hall_id=b.get("hall", ""), power_system=b.get("power_system", ""),
            cooling_loop=b.get("cooling_loop", ""), module_id=b.get("module", ""),
            locked=bool(b.get("locked", False)),
            overrides={k: float(v) for k, v in b.get("overrides", {}).items()},
        )
    modules = {m["id"]: ModuleInstance(m["id"], m.get("name", ""), m.get("template", ""))
               for m in doc.get("modules", [])}
    a = doc.get("assumptions", {})
    assumptions = Assumptions(
        values={k: float(v) for k, v in a.get("values", {}).items()},
        power_schemes=dict(a.get("power_schemes", {})),
        cooling_schemes=dict(a.get("cooling_schemes", Assumptions().cooling_schemes)),
    )
    for v in assumptions.values.values():
        if not math.isfinite(v):
            raise InputError([Problem("$.assumptions.values", "values must be finite")])
    return Design(site=site, halls=halls, blocks=blocks, modules=modules, assumptions=assumptions,
                  description=doc.get("description", ""), meta=dict(doc.get("meta", {})))
