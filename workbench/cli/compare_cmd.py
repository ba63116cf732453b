"""`workbench compare FILE [--scenarios A,B,…] [--json] [--currency CODE [--rate R]]`: options side by side."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import Any

from workbench.cli.common import EXIT_OK, EXIT_USAGE, load

LABELS = {
    "it_load_kw": "IT load (kW)", "pue": "PUE, annualised", "capex_total": "CAPEX", "opex_per_year": "OPEX, first year",
    "tco": "TCO over the period", "npv_cost": "NPV of costs", "cost_per_kw_month": "Cost per kW IT per month",
    "energy_mwh_per_year": "Energy (MWh/yr)", "water_m3_per_year": "Water (m³/yr)", "co2_t_per_year": "CO₂ (t/yr)",
    "white_space_m2": "White space (m²)", "racks": "Racks", "check_errors": "Check errors",
    "check_warnings": "Check warnings", "redundancy_unmet": "Redundancy not met",
    "single_points_of_failure": "Single points of failure", "it_kw_at_risk": "Largest IT loss, one failure (kW)",
    "concurrently_maintainable": "Concurrently maintainable", "fault_tolerant": "Fault tolerant",
}


def cmd_compare(args: argparse.Namespace) -> int:
    from workbench.calc.money import display_fx, resolve_fx
    from workbench.scenarios.compare import compare

    design, catalog = load(args.file)
    keys = [k.strip() for k in args.scenarios.split(",")] if args.scenarios else None
    if keys is not None and not 2 <= len(keys) <= 6:
        print("workbench: --scenarios takes two to six names (Base names the base design)", file=sys.stderr)
        return EXIT_USAGE
    try:
        fx = (resolve_fx(args.currency, args.rate, catalog.fx_rates, catalog.fx_source) if args.currency
              else display_fx(design.site.currency, catalog.fx_rates, catalog.fx_source))
    except ValueError as exc:
        print(f"workbench: --currency/--rate: {exc}", file=sys.stderr)
        return EXIT_USAGE
    try:
        result = compare(design, catalog, keys)
    except KeyError as exc:
        print(f"workbench: --scenarios: {exc.args[0]}", file=sys.stderr)
        return EXIT_USAGE
    doc = result.to_dict(fx, catalog.fx_rates)
    if args.json:
        json.dump(doc, sys.stdout, indent=1, ensure_ascii=False, allow_nan=False)
        print()
        return EXIT_OK
    _print_table(doc, result.winners)
    return EXIT_OK


def _print_table(doc: dict[str, Any], winners: dict[str, tuple[int, ...]]) -> None:
    names = [o["name"] for o in doc["options"]]
    width = max(14, *(len(n) + 2 for n in names))
    print(f"{'':30}" + "".join(f"{n:>{width}}" for n in names))
    rows = [r for r in doc["options"][0]["metrics"] if not r.startswith("capex_") or r == "capex_total"]
    for row in rows:
        label = LABELS.get(row, row)
        if row in ("capex_total", "opex_per_year", "tco", "npv_cost", "cost_per_kw_month"):
            label += f" ({doc['currency']})"
        cells = []
        for i, o in enumerate(doc["options"]):
            v = o["metrics"][row]
            if v is None:
                text = "—"
            elif row in ("concurrently_maintainable", "fault_tolerant"):
                text = "yes" if v else "no"
            else:
                text = f"{v:,.3f}" if row == "pue" else f"{v:,.0f}"
            cells.append(("*" if i in winners.get(row, ()) else " ") + text)
        print(f"{label:30}" + "".join(f"{c:>{width}}" for c in cells))
    print("* best of the options shown")
    for type_id, counts in doc["bom_difference"].items():
        print(f"BOM {type_id:26}" + "".join(f"{c:>{width}}" for c in counts))
    for pair, years in doc["payback_years"].items():
        dear, cheap = pair.split("|")
        said = "does not pay back within the period" if years is None else f"pays back in {years:.1f} years"
        print(f"{dear} against {cheap}: {said}")
    for o in doc["options"]:
        for stale in o["stale_differences"]:
            print(f"warning: {o['name']}: {stale}", file=sys.stderr)


def register(sub: Any, commands: dict[str, Callable[[argparse.Namespace], int]]) -> None:
    p = sub.add_parser("compare", help="compare the base and the scenarios of a design: PUE, CAPEX, TCO, NPV, CO₂, BOM")
    p.add_argument("file")
    p.add_argument("--scenarios", help="comma-separated names (2 to 6; 'Base' is the base design); default: all")
    p.add_argument("--json", action="store_true", help="print the comparison as JSON (docs/results-json.md)")
    p.add_argument("--currency", help="show money in this currency (default: the design's)")
    p.add_argument("--rate", type=float, help="units of --currency per USD (default: the shipped rate)")
    commands["compare"] = cmd_compare
