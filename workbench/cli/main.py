"""Headless commands (calc, validate, catalog, ...); never imports Qt."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from workbench import __version__
from workbench.model.problems import InputError

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # argparse exits 2 already; keep the message short
        self.print_usage(sys.stderr)
        print(f"workbench: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def _load(path: str) -> Any:
    from workbench.catalog import default_catalog
    from workbench.io import load_design

    catalog = default_catalog()
    loaded = load_design(Path(path), catalog)
    for p in loaded.problems:
        print(str(p), file=sys.stderr)
    return loaded.design, catalog


def cmd_calc(args: argparse.Namespace) -> int:
    from workbench.calc import calculate
    from workbench.cli.formatting import results_table

    design, catalog = _load(args.file)
    if args.load is not None and not 0.0 <= args.load <= 1.0:
        print("workbench: --load must be a fraction between 0 and 1", file=sys.stderr)
        return EXIT_USAGE
    results = calculate(design, catalog, args.load)
    if args.json:
        json.dump(results.to_dict(), sys.stdout, indent=1, ensure_ascii=False, allow_nan=False)
        print()
    else:
        print(results_table(results, f"{design.site.name} — {Path(args.file).name}"))
    return EXIT_OK


def cmd_validate(args: argparse.Namespace) -> int:
    from workbench.calc import calculate

    design, catalog = _load(args.file)
    results = calculate(design, catalog)
    errors = results.errors()
    for c in results.checks:
        print(f"{c.severity}: {c.code}: {c.message}")
    print(f"{Path(args.file).name}: file valid; design has {len(errors)} errors, "
          f"{len(results.checks) - len(errors)} warnings")
    return EXIT_ERRORS if errors else EXIT_OK


def cmd_catalog(args: argparse.Namespace) -> int:
    from workbench.catalog import default_catalog

    catalog = default_catalog()
    rows = []
    for t in catalog.types.values():
        kw = t.rack.it_kw if t.rack else t.power.rating_kw if t.power else (
            max(t.cooling.air_kw, t.cooling.liquid_kw, t.cooling.heat_rejection_kw) if t.cooling else 0.0)
        rows.append({"id": t.id, "name": t.name, "category": t.category, "kind": t.kind, "kw": kw,
                     "width_mm": t.width_mm, "depth_mm": t.depth_mm, "weight_kg": t.weight_kg,
                     "price": t.price.amount, "currency": t.price.currency, "source": t.source})
    if args.json:
        json.dump(rows, sys.stdout, indent=1, ensure_ascii=False)
        print()
        return EXIT_OK
    print(f"{'id':30} {'category':10} {'kind':14} {'kW':>8} {'W×D mm':>11} {'kg':>6}  name")
    for r in rows:
        print(f"{r['id']:30} {r['category']:10} {r['kind']:14} {r['kw']:>8,.0f} "
              f"{r['width_mm']:>5.0f}×{r['depth_mm']:<5.0f} {r['weight_kg']:>6,.0f}  {r['name']['en']}")
    print(f"{len(rows)} block types")
    return EXIT_OK


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "calc": cmd_calc, "validate": cmd_validate, "catalog": cmd_catalog,
}


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="workbench", description="Data-hall design workbench. Without a command, opens the window.")
    p.add_argument("--version", action="version", version=f"workbench {__version__}")
    sub = p.add_subparsers(dest="command", parser_class=_Parser)
    c = sub.add_parser("calc", help="calculate capacity, PUE, cost and checks of a design file")
    c.add_argument("file")
    c.add_argument("--json", action="store_true", help="print the results as JSON (keys documented in README)")
    c.add_argument("--load", type=float, help="IT load fraction 0–1 for the operating point (default: the design's utilisation)")
    v = sub.add_parser("validate", help="check a design file and its design rules; exit 1 on errors")
    v.add_argument("file")
    k = sub.add_parser("catalog", help="list the block types")
    k.add_argument("--json", action="store_true")
    for register in EXTENSIONS:
        register(sub, COMMANDS)
    return p


# Other modules add sub-commands here (report, bom, templates, migrate, bench).
EXTENSIONS: list[Callable[[Any, dict[str, Callable[[argparse.Namespace], int]]], None]] = []


def run(argv: Sequence[str]) -> int:
    _register_extensions()
    parser = build_parser()
    args = parser.parse_args(list(argv))
    if not args.command:
        parser.print_help()
        return EXIT_USAGE
    try:
        return COMMANDS[args.command](args)
    except InputError as exc:
        for p in exc.problems:
            print(f"workbench: {p}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        return EXIT_OK
    except OSError as exc:
        print(f"workbench: {exc.filename or ''}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE


def _register_extensions() -> None:
    """Import optional command modules; each appends itself to EXTENSIONS once."""
    import importlib

    for name in ("workbench.cli.report_cmd", "workbench.cli.templates_cmd", "workbench.cli.migrate_cmd",
                 "workbench.cli.bench_cmd"):
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
