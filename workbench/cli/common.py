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
    return design, catalog


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
