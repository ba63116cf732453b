"""Headless commands (calc, validate, catalog, ...); never imports Qt."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from workbench import __version__
from workbench.cli.common import EXIT_ERRORS, EXIT_OK, EXIT_USAGE, Parser, load, scenario_of
from workbench.model.problems import InputError


def cmd_calc(args: argparse.Namespace) -> int:
    from workbench.calc import calculate
    from workbench.cli.formatting import results_table

    design, catalog = load(args.file)
    if args.load is not None and not 0.0 <= args.load <= 1.0:
        print("workbench: --load must be a fraction between 0 and 1", file=sys.stderr)
        return EXIT_USAGE
    if args.scenario is not None:
        design = scenario_of(design, args.scenario)
        if design is None:
            return EXIT_USAGE
    weather = _weather(args, design)
    if weather is False:
        return EXIT_USAGE
    results = calculate(design, catalog, args.load, weather or None)
    if args.json:
        json.dump(results.to_dict(), sys.stdout, indent=1, ensure_ascii=False, allow_nan=False)
        print()
    else:
        print(results_table(results, f"{design.site.name} — {Path(args.file).name}"))
    return EXIT_OK


def _weather(args: argparse.Namespace, design: Any) -> Any:
    """The hourly year for --weather (False after saying why it can't be read), else the design's own file."""
    from workbench.climate.errors import WeatherError
    from workbench.climate.sites import weather_for

    if args.weather:
        try:
            return weather_for(args.weather)[0]
        except WeatherError as exc:
            print(f"workbench: --weather: {exc}", file=sys.stderr)
            return False
    if design.climate.weather_path:
        try:
            year, note = weather_for(design.climate.weather_path, args.file, design.climate.weather_sha256)
        except WeatherError as exc:
            print(f"workbench: warning: weather file {exc}; calculated with the typed economizer hours "
                  "(less accurate)", file=sys.stderr)
            return None
        if note:
            print(f"workbench: warning: {note}", file=sys.stderr)
        return year
    return None


def cmd_validate(args: argparse.Namespace) -> int:
    from workbench.calc import calculate

    design, catalog = load(args.file)
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
    p = Parser(prog="workbench", description="Data-hall design workbench. Without a command, opens the window.")
    p.add_argument("--version", action="version", version=f"workbench {__version__}")
    sub = p.add_subparsers(dest="command", parser_class=Parser)
    c = sub.add_parser("calc", help="calculate capacity, PUE, cost and checks of a design file")
    c.add_argument("file")
    c.add_argument("--json", action="store_true", help="print the results as JSON (keys documented in README)")
    c.add_argument("--load", type=float, help="IT load fraction 0–1 for the operating point (default: the design's utilisation)")
    c.add_argument("--scenario", metavar="NAME", help="calculate this scenario of the design ('Base' for the base)")
    c.add_argument("--weather", metavar="FILE", help="run the hourly year at this site: an EPW or NREL TMY3 CSV "
                   "(or builtin:<id>), without changing the design")
    v = sub.add_parser("validate", help="check a design file and its design rules; exit 1 on errors")
    v.add_argument("file")
    k = sub.add_parser("catalog", help="list the block types")
    k.add_argument("--json", action="store_true")
    for register in _registrars():
        register(sub, COMMANDS)
    return p


def _registrars() -> list[Callable[[Any, dict[str, Callable[[argparse.Namespace], int]]], None]]:
    """The static table of command modules; each adds its sub-parsers and handlers.

    A plain import list rather than importlib, so a missing module fails loudly at once.
    """
    from workbench.cli import compare_cmd, dxf_cmd, migrate_cmd, plant_cmd, report_cmd, templates_cmd

    return [report_cmd.register, templates_cmd.register, migrate_cmd.register, compare_cmd.register,
            dxf_cmd.register, plant_cmd.register]


def run(argv: Sequence[str]) -> int:
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
        where = f"{exc.filename}: " if exc.filename else ""  # never "workbench: : No space left on device"
        print(f"workbench: {where}{exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as exc:  # noqa: BLE001 - last resort: a short message and a log, never a traceback
        return _unexpected(exc)


def _unexpected(exc: BaseException) -> int:
    """Write the traceback to a log file and print one line that names it."""
    import tempfile
    import traceback

    from workbench.paths import user_data_dir

    text = "".join(traceback.format_exception(exc))
    log_path: Path | None = None
    for folder in (user_data_dir() / "logs", Path(tempfile.gettempdir())):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            log_path = folder / "workbench-cli-error.log"
            log_path.write_text(text, encoding="utf-8")
            break
        except OSError:
            log_path = None
    where = f"; details in {log_path}" if log_path else ""
    print(f"workbench: unexpected error: {type(exc).__name__}: {str(exc)[:200]}{where}", file=sys.stderr)
    return EXIT_USAGE

