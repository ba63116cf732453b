"""Assemble the catalog: core block libraries, extra libraries, assumptions and currency rates."""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from workbench.catalog.blocks import load_library
from workbench.model.blocktype import Catalog, ParameterSpec
from workbench.model.design import Design
from workbench.model.problems import InputError, Problem
from workbench.paths import resources_dir


def load_parameters(path: Path) -> dict[str, ParameterSpec]:
    data = json.loads(path.read_text(encoding="utf-8"))
    specs = {}
    for p in data["parameters"]:
        specs[p["key"]] = ParameterSpec(
            key=p["key"], default=float(p["default"]), unit=p.get("unit", ""), label=p["label"],
            source=p["source"], minimum=p.get("min"), maximum=p.get("max"), group=p.get("group", "general"),
        )
    return specs


def load_catalog(extra_files: Iterable[Path] = (), root: Path | None = None) -> tuple[Catalog, list[Problem]]:
    """Load every library; a bad entry or duplicate id is reported and the rest still loads."""
    res = root or resources_dir()
    problems: list[Problem] = []
    catalog = Catalog()
    files = sorted((res / "catalog").glob("*.json")) + [Path(p) for p in extra_files]
    for path in files:
        library, types = load_library(path, problems)
        if library:
            catalog.libraries[str(library.get("id", path.stem))] = library
        for bt in types:
            if bt.id in catalog.types:
                problems.append(Problem(f"{path.name}: entry {bt.id}",
                                        f"id already defined by library '{catalog.types[bt.id].library}'; "
                                        "kept the first", "warning"))
                continue
            catalog.types[bt.id] = bt
    catalog.parameters = load_parameters(res / "assumptions.json")
    fx = json.loads((res / "fx_rates.json").read_text(encoding="utf-8"))
    catalog.fx_rates = {k: float(v) for k, v in fx["rates"].items()}
    catalog.fx_source = f"{fx['source']} ({fx['date']})"
    return catalog, problems


@lru_cache(maxsize=1)
def default_catalog() -> Catalog:
    """The shipped catalog; raises InputError if a shipped file is broken (a bug, not user input)."""
    catalog, problems = load_catalog()
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise InputError(errors)
    return catalog


def fill_assumption_defaults(design: Design, catalog: Catalog) -> None:
    """Give a design every parameter the calculation needs, keeping the values it already has."""
    for key, spec in catalog.parameters.items():
        design.assumptions.values.setdefault(key, spec.default)


def new_design(catalog: Catalog | None = None) -> Design:
    design = Design()
    fill_assumption_defaults(design, catalog or default_catalog())
    return design
