"""Assemble the catalog: core block libraries, extra libraries, assumptions and currency rates."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from workbench.catalog.blocks import UNREADABLE, FieldReader, load_library, read_json, safe_text, show
from workbench.model.assumptions import fill_defaults
from workbench.model.blocktype import BlockType, Catalog, ParameterSpec
from workbench.model.design import Design
from workbench.model.problems import InputError, Problem
from workbench.model.run_prices import RunPrices
from workbench.paths import resources_dir

BASE_CURRENCY = "USD"


def load_parameters(path: Path, problems: list[Problem] | None = None) -> dict[str, ParameterSpec]:
    """Every well-formed assumption parameter; each bad one is reported (file, key, field) and left out."""
    found: list[Problem] = [] if problems is None else problems
    name = safe_text(path.name, 120)
    data = read_json(path, found, "assumptions file")
    if data is UNREADABLE:
        return {}
    entries = data.get("parameters") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        found.append(Problem(name, "must be an object with a 'parameters' list"))
        return {}
    specs: dict[str, ParameterSpec] = {}
    for i, entry in enumerate(entries):
        key = entry.get("key") if isinstance(entry, dict) else None
        where = f"{name}: parameter {safe_text(key) if isinstance(key, str) and key.strip() else f'#{i + 1}'}"
        spec = _parameter(entry, where, found)
        if spec is None:
            continue
        if spec.key in specs:
            found.append(Problem(where, "key already defined earlier in the file; kept the first"))
            continue
        specs[spec.key] = spec
    return specs


def _parameter(entry: Any, where: str, problems: list[Problem]) -> ParameterSpec | None:
    if not isinstance(entry, dict):
        problems.append(Problem(where, "must be an object"))
        return None
    e = FieldReader(entry, where, problems)
    e.unique_keys(entry, "")
    key = e.text(entry, "key", "key")
    if key is not None and not key.strip():
        e.fail("key", "must not be empty")
    # Assumptions may be negative (temperatures), so only finiteness and the file's own bounds apply.
    low, high = -1e12, 1e12
    minimum = e.number(entry, "min", "min", minimum=low, maximum=high, optional=True)
    maximum = e.number(entry, "max", "max", minimum=low, maximum=high, optional=True)
    if minimum is not None and maximum is not None and minimum > maximum:
        e.fail("max", f"must not be below min ({minimum:g}), got {maximum:g}")
    default = e.number(entry, "default", "default", minimum=low, maximum=high)
    if default is not None and e.ok and ((minimum is not None and default < minimum)
                                         or (maximum is not None and default > maximum)):
        e.fail("default", f"must be within min and max, got {default:g}")
    label = entry.get("label")
    if not isinstance(label, dict) or not isinstance(label.get("en"), str) or not label["en"].strip():
        e.fail("label", "must be an object with at least an 'en' label")
        label = {}
    e.texts(label, "label")
    source = e.text(entry, "source", "source")
    if source is not None and not source.strip():
        e.fail("source", "must say where the default comes from")
    unit = e.text(entry, "unit", "unit", optional=True) or ""
    group = e.text(entry, "group", "group", optional=True) or "general"
    if not e.ok or key is None or default is None or source is None:
        return None
    return ParameterSpec(key=key, default=default, unit=unit, label=dict(label), source=source,
                         minimum=minimum, maximum=maximum, group=group)


def load_fx_rates(path: Path, problems: list[Problem]) -> tuple[dict[str, float], str]:
    """Units of each currency per US dollar and their source; a bad rate is reported and left out."""
    name = safe_text(path.name, 120)
    rates: dict[str, float] = {BASE_CURRENCY: 1.0}
    data = read_json(path, problems, "exchange-rate file")
    if data is UNREADABLE:
        return rates, ""
    if not isinstance(data, dict) or not isinstance(data.get("rates"), dict):
        problems.append(Problem(name, "must be an object with a 'rates' object"))
        return rates, ""
    e = FieldReader(data, name, problems)
    base = e.text(data, "base", "base", optional=True) or BASE_CURRENCY
    if base != BASE_CURRENCY:
        e.fail("base", f"must be {BASE_CURRENCY} (rates are units per US dollar), got {show(base)}")
        return rates, ""
    source = e.text(data, "source", "source") or ""
    date = e.text(data, "date", "date", optional=True) or ""
    raw = data["rates"]
    e.unique_keys(raw, "rates")
    for code in raw:
        at = f"rates.{safe_text(code, 20)}"
        if len(code) != 3 or not code.isascii() or not code.isupper():
            e.fail(at, f"must be a 3-letter ISO currency code, got {show(code)}")
            continue
        rate = e.number(raw, code, at, minimum=1e-9, maximum=1e9)
        if rate is None:
            continue
        if code == BASE_CURRENCY and rate != 1.0:
            e.fail(at, f"must be 1 (the base currency), got {rate:g}")
            continue
        rates[code] = rate
    return rates, f"{source} ({date})" if date else source


def load_catalog(extra_files: Iterable[Path] = (), root: Path | None = None) -> tuple[Catalog, list[Problem]]:
    """Load every library; a bad entry or duplicate id is reported and the rest still loads."""
    res = root or resources_dir()
    problems: list[Problem] = []
    catalog = Catalog()
    files = sorted((res / "catalog").glob("*.json")) + [Path(p) for p in extra_files]
    for path in files:
        library, types = load_library(path, problems)
        if not library:
            continue
        lib_id = str(library["id"])
        if lib_id in catalog.libraries:
            # Two files claiming one library id would share one entry (and one file to export with a bundle).
            first = Path(str(catalog.libraries[lib_id].get("file", ""))).name
            new_id = f"{lib_id} ({path.name})"
            problems.append(Problem(f"{safe_text(path.name, 120)}: library, field 'id'",
                                    f"'{safe_text(lib_id)}' is already the id of {safe_text(first, 120)}; "
                                    f"listed as '{safe_text(new_id)}'", "warning"))
            library, lib_id = {**library, "id": new_id}, new_id
            types = [dataclasses.replace(bt, library=new_id) for bt in types]
        catalog.libraries[lib_id] = library
        for bt in types:
            if bt.id in catalog.types:
                problems.append(Problem(f"{safe_text(path.name, 120)}: entry {safe_text(bt.id)}",
                                        f"id already defined by library '{catalog.types[bt.id].library}'; "
                                        "kept the first", "warning"))
                continue
            catalog.types[bt.id] = bt
    catalog.parameters = load_parameters(res / "assumptions.json", problems)
    catalog.fx_rates, catalog.fx_source = load_fx_rates(res / "fx_rates.json", problems)
    catalog.run_prices = _run_prices(res / "run_prices.json", problems)
    problems += _unpriced(catalog)
    return catalog, problems


def _run_prices(path: Path, problems: list[Problem]) -> RunPrices | None:
    """The per-metre run price list; its problems are reported and the runs go unpriced."""
    from workbench.catalog.run_prices import parse_run_prices  # that module reads the file the same way

    if not path.is_file():
        return None
    try:
        return parse_run_prices(json.loads(path.read_text("utf-8")), path.name)
    except InputError as exc:
        problems += exc.problems
    except (OSError, ValueError) as exc:
        problems.append(Problem(path.name, f"cannot be read: {exc}"))
    return None


def _unpriced(catalog: Catalog) -> list[Problem]:
    """Warn about prices in a currency without an exchange rate: the cost would silently count them as 0."""
    out = []
    for bt in catalog.types.values():
        if bt.price.amount > 0 and bt.price.currency not in catalog.fx_rates:
            out.append(Problem(f"{_file_of(bt, catalog)}: entry {safe_text(bt.id)}, field 'price.currency'",
                               f"no exchange rate for {bt.price.currency} in fx_rates.json; the price counts "
                               "as 0 in cost totals", "warning"))
    return out


def _file_of(bt: BlockType, catalog: Catalog) -> str:
    return safe_text(Path(str(catalog.libraries.get(bt.library, {}).get("file", bt.library))).name, 120)


@lru_cache(maxsize=1)
def default_catalog() -> Catalog:
    """The shipped catalog; raises InputError if a shipped file is broken (a bug, not user input)."""
    catalog, problems = load_catalog()
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise InputError(errors)
    return catalog


def new_design(catalog: Catalog | None = None) -> Design:
    design = Design()
    fill_defaults(design.assumptions.values, catalog or default_catalog())
    return design
