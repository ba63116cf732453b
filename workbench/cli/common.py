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
    """Load a design file with the default catalog; file problems go to stderr, the design comes back."""
    from workbench.catalog import default_catalog
    from workbench.io import load_design

    catalog = default_catalog()
    loaded = load_design(Path(path), catalog)
    for p in loaded.problems:
        print(str(p), file=sys.stderr)
    return loaded.design, catalog
