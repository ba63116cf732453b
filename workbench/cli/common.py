"""What every command shares: exit codes, the short-message parser and loading a design file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # argparse exits 2 already; keep the message short
        self.print_usage(sys.stderr)
        print(f"workbench: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def load(path: str) -> Any:
    """Load a design file with the default catalog, showing its base; file problems go to stderr."""
    from workbench.catalog import default_catalog
    from workbench.io import load_design

    catalog = default_catalog()
    loaded = load_design(Path(path), catalog)
    for p in loaded.problems:
        print(str(p), file=sys.stderr)
    for line in loaded.derived:  # what opening an older file derived (schema 1: the connections)
        print(f"workbench: note: {Path(path).name}: {line}", file=sys.stderr)
    design = loaded.design
    if design.active_scenario:
        # Commands work on the base unless told otherwise (--scenario); the window reopens where it was.
        from workbench.scenarios.operations import switch

        switch(design, "").apply(design)
    refuse_non_finite(design, catalog, Path(path).name)
    return design, catalog


def refuse_non_finite(design: Any, catalog: Any, where: str) -> None:
    """Raise InputError when the design's results are not finite numbers (loads beyond what the models can
    represent, e.g. 1e9 kW racks on a 2 MW plant), naming the first result that is not; every command
    would otherwise fail later with an overflow, a NaN in JSON or a page that cannot be laid out."""
    import math
    import warnings

    from workbench.calc import calculate
    from workbench.model.problems import InputError, Problem

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # numpy's overflow notice: the check below says it better
        results = calculate(design, catalog).to_dict()
    stack: list[tuple[str, Any]] = [("", results)]
    while stack:
        key, node = stack.pop()
        if isinstance(node, float) and not math.isfinite(node):
            raise InputError([Problem(f"{where}: results{key}", f"is {node}: the loads in this design are beyond "
                                      "what the equipment models can represent; check it_kw, ratings and counts")])
        if isinstance(node, dict):
            stack.extend((f"{key}.{k}", v) for k, v in node.items())
        elif isinstance(node, list):
            stack.extend((f"{key}[{i}]", v) for i, v in enumerate(node))


def scenario_of(design: Any, key: str) -> Any:
    """The design as one of its scenarios ('Base' for the base); None after saying why it can't be."""
    from workbench.io.scenario_state import BASE, find, materialize

    if key.strip().casefold() == "base":
        return materialize(design, BASE)[0]
    found = find(design, key)
    if found is None:
        names = ", ".join(["Base"] + [s.name for s in design.scenarios])
        print(f"workbench: --scenario: no scenario '{key}' in this design (it has: {names})", file=sys.stderr)
        return None
    shown, stale = materialize(design, found.id)
    for line in stale:
        print(f"workbench: warning: scenario '{found.name}': {line}", file=sys.stderr)
    return shown
