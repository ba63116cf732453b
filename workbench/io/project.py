"""The project file: JSON with a schema version, validated with JSON paths, saved atomically."""

from __future__ import annotations

import itertools
import json
import math
import stat
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import jsonschema

from workbench.calc.collector import collector_paused
from workbench.geometry.polygons import outline_problem
from workbench.io.atomic import write_atomic
from workbench.io.climate_doc import climate_from_dict, climate_to_dict
from workbench.io.proposal_doc import proposal_from_dict, proposal_to_dict
from workbench.io.underlay_doc import underlay_from_dict, underlay_to_dict
from workbench.io.connections_doc import (
    connections_from_doc,
    connections_surely_valid,
    connections_to_doc,
    derive_upgrade_connections,
    port_problems,
    splice_connections,
    structure_problems,
)
from workbench.io.fast_blocks import blocks_surely_valid, halls_surely_valid
from workbench.io.migrations import CURRENT_VERSION, migrate
from workbench.io.safe_json import MAX_PROBLEMS, clip, json_path, json_type, parse_json, walk
from workbench.io.scenario_docs import patch_doc, with_scenarios
from workbench.model.allowances import ALLOWANCE_OF_PARAM, fixed_amount_problem
from workbench.model.assumptions import fill_defaults
from workbench.model.blocktype import Catalog
from workbench.model.design import (
    Assumptions,
    Block,
    Column,
    Design,
    Door,
    Hall,
    ModuleInstance,
    Scenario,
    Site,
)
from workbench.model.problems import InputError, Problem
from workbench.paths import resources_dir

FORMAT = "datahall-workbench"
FILE_SUFFIX = ".dchall.json"
MAX_FILE_BYTES = 256 * 1024 * 1024


@dataclass
class Loaded:
    design: Design
    problems: list[Problem] = field(default_factory=list)  # warnings only; errors raise InputError
    source_version: int = CURRENT_VERSION
    derived: list[str] = field(default_factory=list)  # what an upgrade derived (v1 → v2: the connections)


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((resources_dir() / "schema" / f"design-{CURRENT_VERSION}.schema.json").read_text("utf-8"))
    return data


@lru_cache(maxsize=1)
def _validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema())


# --- writing ---------------------------------------------------------------------------------

def design_to_dict(design: Design) -> dict[str, Any]:
    """The file document: the base design, plus its scenarios as differences (io/scenario_docs.py)."""
    return with_scenarios(design, state_to_dict(design))


def state_to_dict(design: Design) -> dict[str, Any]:
    """The document of the design as it stands now (the active scenario, if one is), without scenarios."""
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
        "blocks": [block_to_doc(b) for b in design.blocks.values()],
        "modules": [{"id": m.id, "name": m.name, "template": m.template} for m in design.modules.values()],
        "connections": connections_to_doc(design),
        "assumptions": {
            "values": dict(design.assumptions.values),
            "power_schemes": dict(design.assumptions.power_schemes),
            "cooling_schemes": dict(design.assumptions.cooling_schemes),
        },
    }
    if design.assumptions.fixed_usd:  # only when some allowance is a lump sum: older files stay as they were
        doc["assumptions"]["fixed_usd"] = dict(design.assumptions.fixed_usd)
    if not design.climate.is_default():
        doc["climate"] = climate_to_dict(design.climate)
    if design.underlay is not None:
        doc["underlay"] = underlay_to_dict(design.underlay)
    if not design.proposal.is_default():
        doc["proposal"] = proposal_to_dict(design.proposal)
    return doc


def block_to_doc(b: Block) -> dict[str, Any]:
    """One block's entry in the file's ``blocks`` list."""
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
    """The file bytes; raises ValueError naming the JSON path of a value JSON cannot hold (NaN, infinity)."""
    doc = design_to_dict(design)
    try:
        # Connections go last, one per line, through the C encoder: a campus has tens of thousands, and
        # json's indenting encoder is pure Python (io/connections_doc.py).
        connections = doc.pop("connections", [])
        text = json.dumps(doc, ensure_ascii=False, indent=1, allow_nan=False)
        text = splice_connections(text, connections)
    except ValueError:
        where = _first_non_finite(doc) or "$"
        raise ValueError(f"cannot save: {where} is not a finite number") from None
    # A lone surrogate can only come from a damaged string; '?' keeps the file readable UTF-8.
    return text.encode("utf-8", errors="replace")


def _first_non_finite(doc: Any) -> str | None:
    for path, node, _depth in walk(doc):
        if isinstance(node, float) and not math.isfinite(node):
            return json_path(path)
    return None


def save_design(design: Design, path: Path | str) -> None:
    """Write atomically; on any error the file on disk and the design in memory are untouched."""
    write_atomic(Path(path), dumps(design))


# --- reading ---------------------------------------------------------------------------------

def load_design(path: Path | str, catalog: Catalog | None = None) -> Loaded:
    """Read, migrate and validate a design file; raises InputError listing every problem."""
    path = Path(path)
    try:
        if path.is_dir():
            raise InputError([Problem(str(path), "is a folder, not a design file")])
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):  # a pipe or device would never end (/dev/zero) or block
            raise InputError([Problem(str(path), "is not a regular file")])
        size = st.st_size
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
    return loads_design(raw, catalog, where=path.name)  # decoded by parse_json, which then knows it is clean


def loads_design(text: str | bytes, catalog: Catalog | None = None, where: str = "$") -> Loaded:
    """Parse, migrate and validate design text; returns a new Design or raises InputError (nothing half built)."""
    try:
        with collector_paused():
            return _loads(text, catalog, where)
    except (RecursionError, MemoryError):
        raise InputError([Problem(where, "the file is too large or too deeply nested to read")]) from None


def _loads(text: str | bytes, catalog: Catalog | None, where: str) -> Loaded:
    if isinstance(text, (bytes, bytearray)) and len(text) > MAX_FILE_BYTES:
        raise InputError([Problem(where, f"the text is above the {MAX_FILE_BYTES // 2**20} MiB limit")])
    proven: list[Any] = []
    doc = parse_json(text, where, lambda parsed: _proven_parts(parsed, proven))
    if not isinstance(doc, dict):
        raise InputError([Problem(f"{where}: $", f"a design file must be a JSON object, not {json_type(doc)}")])
    if doc.get("format") != FORMAT:
        raise InputError([Problem(f"{where}: $.format", f"must be {FORMAT!r}; this is not a workbench design")])
    try:
        doc, version = migrate(doc)
    except ValueError as exc:
        path, _, message = str(exc).partition(": ")
        raise InputError([Problem(f"{where}: {path}", message) if path.startswith("$") else Problem(where, str(exc))]) from None
    problems = validate_document(doc, where, proven)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise InputError(errors[:MAX_PROBLEMS])
    design = design_from_dict(doc)
    warnings = [p for p in problems if p.severity != "error"]
    warnings += scenario_problems(design, where)
    if catalog is not None:
        errors = _check_against_catalog(design, catalog, where, warnings)
        if errors:
            raise InputError(errors[:MAX_PROBLEMS])
        fill_defaults(design.assumptions.values, catalog)
        if design.scenario_base is not None:  # so defaults never read as a scenario's difference
            fill_defaults(design.scenario_base.setdefault("assumptions", {}).setdefault("values", {}), catalog)
        warnings += port_problems(design, catalog, where)
    derived = derive_upgrade_connections(design, catalog) if version < 2 and catalog is not None else []
    return Loaded(design, warnings[:MAX_PROBLEMS], version, derived)


def _check_against_catalog(design: Design, catalog: Catalog, where: str, warnings: list[Problem]) -> list[Problem]:
    unknown: dict[str, list[int]] = {}
    for i, b in enumerate(design.blocks.values()):
        if b.type_id not in catalog.types:
            unknown.setdefault(b.type_id, []).append(i)
    for type_id, indexes in unknown.items():
        more = f" (and {len(indexes) - 1} more blocks of this type)" if len(indexes) > 1 else ""
        warnings.append(Problem(f"{where}: $.blocks[{indexes[0]}].type",
                                f"unknown block type '{type_id}'{more}; the block is kept but left out of "
                                "the calculation", "warning"))
    errors = []
    for key, value in design.assumptions.values.items():
        spec = catalog.parameters.get(key)
        if spec is None:
            warnings.append(Problem(f"{where}: {json_path(('assumptions', 'values', key))}", "unknown assumption; ignored",
                                    "warning"))
            continue
        msg = spec.check(value)
        if msg:
            errors.append(Problem(f"{where}: {json_path(('assumptions', 'values', key))}", msg))
    for key, value in design.assumptions.fixed_usd.items():
        at = f"{where}: {json_path(('assumptions', 'fixed_usd', key))}"
        if key not in ALLOWANCE_OF_PARAM or key not in catalog.parameters:
            warnings.append(Problem(at, "not an allowance this workbench knows; the fixed amount is ignored", "warning"))
            continue
        msg = fixed_amount_problem(key, value)
        if msg:
            errors.append(Problem(at, msg))
    return errors


def _proven_parts(doc: Any, proven: list[Any]) -> list[Any]:
    """The blocks and connections lists of a parsed document that pass the strict fast checks, which prove
    them schema-valid and free of damage; they go into `proven` for validate_document to trust as well."""
    if type(doc) is dict:
        if blocks_surely_valid(doc.get("blocks")):
            proven.append(doc["blocks"])
        if "connections" in doc and connections_surely_valid(doc["connections"]):
            proven.append(doc["connections"])
    return proven


def validate_document(doc: dict[str, Any], where: str = "$", proven: Collection[Any] = ()) -> list[Problem]:
    """Schema errors with their JSON paths, then the rules a schema cannot say (ids, references, outlines).

    `proven` holds lists of this very document already found valid by the fast checks (by identity)."""
    def passes(part: Any, check: Callable[[Any], bool]) -> bool:
        return any(part is p for p in proven) or check(part)

    checked = doc
    if passes(doc.get("blocks"), blocks_surely_valid):
        # Validate everything but the (already checked) blocks with the schema: same verdict, 20× faster.
        checked = {**doc, "blocks": []}
    if "connections" in checked and passes(checked["connections"], connections_surely_valid):
        checked = {**checked, "connections": []}  # the same shortcut for the plant graph's edges
    if "halls" in checked and halls_surely_valid(checked["halls"]):
        checked = {**checked, "halls": []}  # and for halls, where the validator's $refs cost 0.5 ms a hall
    errs = list(itertools.islice(_validator().iter_errors(checked), 5 * MAX_PROBLEMS))
    # dict.fromkeys drops repeats: jsonschema reports each missing field of one object separately.
    problems = list(dict.fromkeys(_describe(err, where)
                                  for err in sorted(errs, key=lambda e: [str(p) for p in e.absolute_path])))
    if any(p.severity == "error" for p in problems):
        return problems[:MAX_PROBLEMS]
    return problems[:MAX_PROBLEMS] + _rules(doc, where)


def _rules(doc: dict[str, Any], where: str) -> list[Problem]:
    problems: list[Problem] = []
    seen: dict[str, str] = {}

    def unique(item_id: str, path: str) -> None:
        if item_id in seen:
            problems.append(Problem(f"{where}: {path}.id", f"duplicate id '{item_id}' (also {seen[item_id]})"))
        else:
            seen[item_id] = path

    hall_ids = set()
    for i, h in enumerate(doc.get("halls", [])):
        path = f"$.halls[{i}]"
        unique(h["id"], path)
        hall_ids.add(h["id"])
        msg = outline_problem([(float(x), float(y)) for x, y in h["outline"]])
        if msg:
            problems.append(Problem(f"{where}: {path}.outline", msg))
        for kind in ("columns", "doors"):
            for j, item in enumerate(h.get(kind, [])):
                if "id" in item:
                    unique(item["id"], f"{path}.{kind}[{j}]")
    if not doc.get("halls"):
        problems.append(Problem(f"{where}: $.halls", "a design needs at least one hall"))
    module_ids = set()
    for i, m in enumerate(doc.get("modules", [])):
        unique(m["id"], f"$.modules[{i}]")
        module_ids.add(m["id"])
    blocks = doc.get("blocks", [])
    block_ids = _block_ids_if_sound(blocks, seen, hall_ids, module_ids) if len(problems) < MAX_PROBLEMS else None
    if block_ids is not None:
        blocks = []  # the common case, checked with sets: the loop would report nothing, only fill `seen`
    for i, b in enumerate(blocks):
        path = f"$.blocks[{i}]"
        unique(b["id"], path)
        if b.get("hall") and b["hall"] not in hall_ids:
            problems.append(Problem(f"{where}: {path}.hall", f"refers to hall '{b['hall']}', which is not in the file"))
        if b.get("module") and b["module"] not in module_ids:
            problems.append(Problem(f"{where}: {path}.module", f"refers to module '{b['module']}', which is not in the file",
                                    "warning"))
        if len(problems) >= MAX_PROBLEMS:
            break
    problems += structure_problems(doc, where, seen, block_ids)
    problems += _scenario_rules(doc, where)
    return problems


def _block_ids_if_sound(blocks: list[dict[str, Any]], seen: dict[str, str], hall_ids: set[str],
                        module_ids: set[str]) -> list[str] | None:
    """The blocks' ids in file order when no block repeats an id (its own or a hall's, column's, door's,
    module's) or refers to a hall or module the file lacks; else None."""
    ids = [b["id"] for b in blocks]
    if len(set(ids)) != len(ids) or not seen.keys().isdisjoint(ids):
        return None
    halls = {b.get("hall") for b in blocks}
    modules = {b.get("module") for b in blocks}
    if hall_ids.issuperset(h for h in halls if h) and module_ids.issuperset(m for m in modules if m):
        return ids
    return None


def _scenario_rules(doc: dict[str, Any], where: str) -> list[Problem]:
    """Scenario names and ids are unique; each scenario, applied to the base, is itself a valid design.

    A scenario that cannot be applied is a warning, not an error: the base and the other options still
    open, and the broken one is kept in the file as it was.
    """
    problems: list[Problem] = []
    names: dict[str, int] = {}
    ids: set[str] = set()
    for i, sc in enumerate(doc.get("scenarios", [])):
        path = f"$.scenarios[{i}]"
        key = str(sc["name"]).strip().casefold()
        if key in names:
            problems.append(Problem(f"{where}: {path}.name",
                                    f"two scenarios have the same name '{sc['name']}' (also $.scenarios[{names[key]}])"))
        names.setdefault(key, i)
        if sc["id"] in ids:
            problems.append(Problem(f"{where}: {path}.id", f"duplicate scenario id '{sc['id']}'"))
        ids.add(sc["id"])
    active = doc.get("active_scenario")
    if active and active not in ids:
        problems.append(Problem(f"{where}: $.active_scenario", f"names no scenario ('{active}'); the base opens",
                                "warning"))
    return problems


def _describe(err: jsonschema.ValidationError, where: str) -> Problem:
    """A short message for one schema error; never repeats a whole (possibly huge) sub-document."""
    at = f"{where}: {json_path(err.absolute_path)}"
    # The schema library types these loosely (they may be "unset"); a validation error always has them.
    kind: Any = err.validator
    expected: Any = err.validator_value
    value: Any = err.instance
    schema: Any = err.schema
    if "propertyNames" in err.schema_path:
        return Problem(at, f"key {clip(value)} is not allowed here")
    if kind == "additionalProperties" and isinstance(value, dict):
        known = set(schema.get("properties", {}))
        extra = [k for k in value if k not in known]
        return Problem(at, "unknown field " + ", ".join(clip(k) for k in extra[:5])
                       + " (a typing error, or a file from another program?)")
    if kind == "type":
        names = [str(n) for n in (expected if isinstance(expected, list) else [expected])]
        return Problem(at, f"must be {' or '.join(_TYPE_WORDS.get(n, n) for n in names)}, not {json_type(value)}")
    if kind == "required":
        missing = [k for k in expected if isinstance(value, dict) and k not in value]
        return Problem(at, "missing required field " + ", ".join(repr(k) for k in missing))
    if kind in ("minimum", "exclusiveMinimum"):
        return Problem(at, f"{clip(value)} is below the {'smallest allowed' if kind == 'minimum' else 'limit'} {expected}")
    if kind in ("maximum", "exclusiveMaximum"):
        return Problem(at, f"{clip(value)} is above the {'largest allowed' if kind == 'maximum' else 'limit'} {expected}")
    if kind == "enum":
        return Problem(at, f"{clip(value)} is not one of {', '.join(json.dumps(v) for v in expected)}")
    if kind == "const":
        return Problem(at, f"{clip(value)} must be {json.dumps(expected)}")
    if kind == "pattern":
        if isinstance(schema, dict) and schema.get("description"):
            return Problem(at, f"{clip(value)} is not allowed: {schema['description']}")
        return Problem(at, f"{clip(value)} is not in the allowed form ({expected})")
    if kind == "anyOf" and isinstance(schema, dict) and schema.get("description"):
        return Problem(at, f"{clip(value)} is not allowed: {schema['description']}")
    if kind in ("maxLength", "minLength", "maxItems", "minItems"):
        size = len(value) if isinstance(value, (str, list)) else 0
        limit = "at most" if kind.startswith("max") else "at least"
        unit = "characters" if kind.endswith("Length") else "entries"
        verdict = "too long" if kind.startswith("max") else "too short"
        return Problem(at, f"is {verdict}: {size} {unit}, {limit} {expected} allowed")
    return Problem(at, _short(err.message))


_TYPE_WORDS = {"object": "an object", "array": "a list", "string": "text", "number": "a number",
               "integer": "a whole number", "boolean": "true or false", "null": "null"}


def _short(message: str) -> str:
    # jsonschema repeats whole sub-documents in messages; keep what a person needs.
    return message if len(message) <= 200 else message[:197] + "..."


def design_from_dict(doc: dict[str, Any]) -> Design:
    """Build a Design, with its scenarios, from a validated current-version document; the active scenario,
    if the file names one, is what comes back to be edited (its stale differences: scenario_problems)."""
    scenarios = [Scenario(name=str(s["name"]), id=str(s["id"]), description=str(s.get("description", "")),
                          changes=dict(s.get("changes", {}))) for s in doc.get("scenarios", [])]
    active = str(doc.get("active_scenario", ""))
    chosen = next((s for s in scenarios if s.id == active), None)
    base = {k: v for k, v in doc.items() if k not in ("scenarios", "active_scenario")}
    for sc in scenarios:
        # Each scenario applied to the base must itself be a valid design; one that is not stays in the
        # file as it was, with the reason, and cannot be opened (scenario_problems lists it).
        errors = [p for p in validate_document(patch_doc(base, sc.changes).doc) if p.severity == "error"]
        sc.problems = [f"{p.where}: {p.message}" for p in errors[:3]]
    if chosen is not None and chosen.problems:
        chosen = None
    if chosen is None:
        design = state_from_dict(base)
    else:
        design = state_from_dict(patch_doc(base, chosen.changes).doc)
        design.scenario_base = base
    design.scenarios = scenarios
    design.active_scenario = chosen.id if chosen else ""
    return design


def scenario_problems(design: Design, where: str = "$") -> list[Problem]:
    """Each scenario difference that refers to what the base no longer has, as a warning with its path."""
    if not design.scenarios:
        return []
    base = design.scenario_base if design.active_scenario else state_to_dict(design)
    out = []
    for i, sc in enumerate(design.scenarios):
        for problem in sc.problems:
            out.append(Problem(f"{where}: $.scenarios[{i}]", f"scenario '{sc.name}' cannot be applied: {problem}; "
                               "kept as it is, not opened", "warning"))
        for stale in patch_doc(base or {}, sc.changes, f"$.scenarios[{i}].changes").stale:
            path, _, reason = stale.partition(": ")
            out.append(Problem(f"{where}: {path}", f"scenario '{sc.name}': {reason}; kept, not applied", "warning"))
    return out


def state_from_dict(doc: dict[str, Any]) -> Design:
    """Build a Design from a validated, current-version document (unknown fields are ignored)."""
    site_doc = doc.get("site", {})
    site = Site(**{k: site_doc[k] for k in Site.__dataclass_fields__ if k in site_doc})
    site.electricity_price_per_kwh = float(site.electricity_price_per_kwh)
    halls = []
    for h in doc["halls"]:
        halls.append(Hall(
            id=h["id"], name=h.get("name", "Hall"),
            outline=[(float(x), float(y)) for x, y in h["outline"]],
            floor_type=h.get("floor_type", "slab"),
            floor_rating_kn_m2=float(h.get("floor_rating_kn_m2", 20.0)),
            columns=[Column(id=c.get("id") or f"{h['id']}-c{j}", x_mm=float(c["x_mm"]), y_mm=float(c["y_mm"]),
                            width_mm=float(c.get("width_mm", 600.0)), depth_mm=float(c.get("depth_mm", 600.0)))
                     for j, c in enumerate(h.get("columns", []))],
            doors=[Door(id=d.get("id") or f"{h['id']}-d{j}", x_mm=float(d["x_mm"]), y_mm=float(d["y_mm"]),
                        width_mm=float(d.get("width_mm", 1800.0)), rotation_deg=int(d.get("rotation_deg", 0)))
                   for j, d in enumerate(h.get("doors", []))],
        ))
    blocks = {}
    for b in doc["blocks"]:
        # Positional arguments, in Block's field order: a big file has tens of thousands of blocks, and
        # keywords cost about twice as much.
        get = b.get
        overrides = get("overrides")
        blocks[b["id"]] = Block(
            b["type"], float(b["x_mm"]), float(b["y_mm"]), int(get("rotation_deg", 0)), b["id"], get("name", ""),
            get("hall", ""), get("power_system", ""), get("cooling_loop", ""), get("module", ""),
            bool(get("locked", False)), {k: float(v) for k, v in overrides.items()} if overrides else {},
        )
    modules = {m["id"]: ModuleInstance(m["id"], m.get("name", ""), m.get("template", ""))
               for m in doc.get("modules", [])}
    connections = connections_from_doc(doc.get("connections", []))
    a = doc.get("assumptions", {})
    assumptions = Assumptions(
        values={k: float(v) for k, v in a.get("values", {}).items()},
        power_schemes=dict(a.get("power_schemes", {})),
        cooling_schemes=dict(a.get("cooling_schemes", Assumptions().cooling_schemes)),
        fixed_usd={k: float(v) for k, v in a.get("fixed_usd", {}).items()},
    )
    for part, table in (("values", assumptions.values), ("fixed_usd", assumptions.fixed_usd)):
        for k, v in table.items():
            if not math.isfinite(v):
                raise InputError([Problem(f"$.assumptions.{part}.{k}", "must be a finite number")])
    return Design(site=site, halls=halls, blocks=blocks, modules=modules, assumptions=assumptions,
                  description=doc.get("description", ""), meta=dict(doc.get("meta", {})), connections=connections,
                  climate=climate_from_dict(doc.get("climate")), underlay=underlay_from_dict(doc.get("underlay")),
                  proposal=proposal_from_dict(doc.get("proposal")))
