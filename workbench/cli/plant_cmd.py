"""`workbench fail`, `workbench contingency` and `workbench autoconnect`: the connected plant from the shell."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from workbench.cli.common import EXIT_ERRORS, EXIT_OK, EXIT_USAGE, load

LISTED = 12  # names shown per line before "… and N more"


def _name(design: Any, block_id: str) -> str:
    b = design.blocks.get(block_id)
    return (b.name or block_id[:8]) if b is not None else block_id


def _names(design: Any, ids: Any) -> str:
    ids = list(ids)
    shown = ", ".join(_name(design, i) for i in ids[:LISTED])
    return shown + (f" … and {len(ids) - LISTED} more" if len(ids) > LISTED else "")


def _resolve(design: Any, wanted: list[str]) -> list[str] | None:
    """Block ids for what the user typed: an id, or a block name that is unique in the design."""
    by_name: dict[str, list[str]] = {}
    for b in design.blocks.values():
        if b.name:
            by_name.setdefault(b.name, []).append(b.id)
    out = []
    for w in wanted:
        if w in design.blocks:
            out.append(w)
        elif len(by_name.get(w, [])) == 1:
            out.append(by_name[w][0])
        elif w in by_name:
            print(f"workbench: --block {w}: {len(by_name[w])} blocks have this name; give the id", file=sys.stderr)
            return None
        else:
            print(f"workbench: --block {w}: no block with this id or name in the design", file=sys.stderr)
            return None
    return out


def _needs_connections(design: Any, file: str) -> bool:
    if design.connections:
        return True
    print(f"workbench: {Path(file).name}: the design has no connections; run `workbench autoconnect {file}` "
          "or draw them in the window first", file=sys.stderr)
    return False


def cmd_fail(args: argparse.Namespace) -> int:
    from workbench.calc.failure import fail

    design, catalog = load(args.file)
    if not _needs_connections(design, args.file):
        return EXIT_USAGE
    ids = _resolve(design, args.block)
    if ids is None:
        return EXIT_USAGE
    result = fail(design, catalog, ids)
    if args.json:
        doc = result.to_dict()
        doc["names"] = {i: _name(design, i) for i in
                        dict.fromkeys([*result.failed, *result.dark, *(o.block_id for o in result.overloaded)])}
        json.dump(doc, sys.stdout, indent=1, ensure_ascii=False, allow_nan=False)
        print()
    else:
        print(f"Failed: {_names(design, result.failed)}")
        print(f"Racks losing power: {len(result.dark_power)}" + (f": {_names(design, result.dark_power)}"
                                                                if result.dark_power else ""))
        print(f"Racks losing cooling: {len(result.dark_cooling)}" + (f": {_names(design, result.dark_cooling)}"
                                                                    if result.dark_cooling else ""))
        print(f"IT load lost: {result.it_lost_kw:,.0f} kW")
        if result.overloaded:
            print("Devices overloaded after failover:")
            for o in result.overloaded[:LISTED]:
                print(f"  {_name(design, o.block_id)}: {o.load_kw:,.0f} kW of {o.rating_kw:,.0f} kW "
                      f"({o.utilisation:.0%})")
        else:
            print("Devices overloaded after failover: none")
    # Like `validate`: 1 when IT is lost, so scripts can test a failure scenario.
    return EXIT_ERRORS if result.dark else EXIT_OK


def cmd_contingency(args: argparse.Namespace) -> int:
    from workbench.calc.contingency import contingency

    design, catalog = load(args.file)
    if not _needs_connections(design, args.file):
        return EXIT_USAGE
    res = contingency(design, catalog, depth=args.depth)
    if args.json:
        doc = res.to_dict()
        ids = [s.block_id for s in res.spofs] + list(res.concurrently_maintainable.breakers) + \
            list(res.fault_tolerant.breakers) + [i for o in res.overloads for i in (*o.failed, o.overload.block_id)]
        doc["names"] = {i: _name(design, i) for i in dict.fromkeys(ids)}
        json.dump(doc, sys.stdout, indent=1, ensure_ascii=False, allow_nan=False)
        print()
        return EXIT_OK
    what = "N-1" if args.depth == 1 else "N-1 and N-2 (pairs within a system)"
    print(f"{what} over {res.components} infrastructure components ({res.cases} cases)")
    print(f"Single points of failure: {len(res.spofs)}")
    for s in res.spofs[:LISTED]:
        print(f"  {s.name} ({s.type_id}): {len(s.dark_racks)} racks, {s.it_kw_lost:,.0f} kW IT lost")
    if res.pairs:
        print(f"Pairs that lose IT (N-2): {len(res.pairs)}")
        for p in res.pairs[:LISTED]:
            print(f"  {_names(design, p.failed)}: {p.dark_racks} racks, {p.it_kw_lost:,.0f} kW IT lost")
    w = res.worst_overload
    if w is not None:
        o = w.overload
        print(f"Worst overload after failover: {_name(design, o.block_id)} at {o.utilisation:.0%} "
              f"({o.load_kw:,.0f} of {o.rating_kw:,.0f} kW) when {_names(design, w.failed)} fails")
    else:
        print("Worst overload after failover: none")
    for label, v in (("Concurrently maintainable", res.concurrently_maintainable),
                     ("Fault tolerant", res.fault_tolerant)):
        verdict = "yes" if v.holds else f"no, {v.breaker_count} components break it: {_names(design, v.breakers)}"
        print(f"{label}: {verdict}")
    print(res.statement)
    return EXIT_OK


def cmd_autoconnect(args: argparse.Namespace) -> int:
    from workbench.io.atomic import write_atomic
    from workbench.io.project import dumps
    from workbench.editing.autoconnect import autoconnect_edit

    design, catalog = load(args.file)
    before = len(design.connections)
    edit = autoconnect_edit(design, catalog)
    edit.apply(design)
    target = Path(args.output) if args.output else Path(args.file)
    write_atomic(target, dumps(design), keep_backup=not args.output)
    from workbench.calc.autoconnect_rules import derive_connections

    for line in derive_connections(design, catalog).summary:
        print(line)
    print(f"{Path(args.file).name}: {before} connections replaced by {len(design.connections)}; written to {target}")
    return EXIT_OK


def cmd_runs(args: argparse.Namespace) -> int:
    from workbench.calc.runs import run_quantities
    from workbench.catalog.run_prices import default_run_prices

    design, catalog = load(args.file)
    if not _needs_connections(design, args.file):
        return EXIT_USAGE
    q = run_quantities(design, catalog, default_run_prices())
    if args.json:
        json.dump(q.to_dict(), sys.stdout, indent=1, ensure_ascii=False, allow_nan=False)
        print()
        return EXIT_OK
    print(f"{len(q.runs)} runs (right angles along rows and aisles, riser and drop included)")
    for ln in q.lines:
        what = "supply + return pipe" if ln.kind == "liquid" else ln.kind
        print(f"  {ln.rating:<22} {what:<22} {ln.metres:>10,.0f} m × {ln.price_per_m_usd:>7,.0f} USD/m = "
              f"{ln.amount_usd:>12,.0f} USD   ({ln.source})")
    print(f"Total {q.total_usd:,.0f} USD")
    if q.unsized:
        print(f"{len(q.unsized)} runs are above the largest class or size in the price list", file=sys.stderr)
    return EXIT_OK


def register(subparsers: Any, commands: dict[str, Callable[[argparse.Namespace], int]]) -> None:
    p = subparsers.add_parser("fail", help="fail blocks and list the racks that lose power or cooling and the "
                                           "devices overloaded after failover (exit 1 when IT is lost)")
    p.add_argument("file", help="design file (.dchall.json)")
    p.add_argument("--block", action="append", required=True, metavar="ID",
                   help="block id or unique name to fail; repeat for several")
    p.add_argument("--json", action="store_true", help="the result as JSON (docs/connected-plant.md)")
    commands["fail"] = cmd_fail
    c = subparsers.add_parser("contingency", help="N-1 (and N-2) analysis: single points of failure, worst "
                                                  "overload, concurrent maintainability and fault tolerance")
    c.add_argument("file", help="design file (.dchall.json)")
    c.add_argument("--depth", type=int, choices=(1, 2), default=1, help="1: every component; 2: also pairs "
                                                                         "within a power system or cooling loop")
    c.add_argument("--json", action="store_true", help="the result as JSON (docs/connected-plant.md)")
    commands["contingency"] = cmd_contingency
    a = subparsers.add_parser("autoconnect", help="wire the whole design by the auto-connect rules (replaces "
                                                  "its connections; the original is kept as FILE.bak)")
    a.add_argument("file", help="design file (.dchall.json)")
    a.add_argument("-o", "--output", help="write here instead of replacing FILE")
    commands["autoconnect"] = cmd_autoconnect
    r = subparsers.add_parser("runs", help="run lengths of every connection, metres per cable/busway class and "
                                           "pipe size, priced per metre (resources/run_prices.json)")
    r.add_argument("file", help="design file (.dchall.json)")
    r.add_argument("--json", action="store_true", help="every run and the priced lines as JSON")
    commands["runs"] = cmd_runs
