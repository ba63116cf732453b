"""`workbench templates list|import|export`: template folders and bundles from the command line."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from workbench.cli.common import EXIT_ERRORS, EXIT_OK, EXIT_USAGE


def register(sub: Any, commands: dict[str, Callable[[argparse.Namespace], int]]) -> None:
    t = sub.add_parser("templates", help="list, import and export hall and module templates")
    tsub = t.add_subparsers(dest="templates_command", parser_class=type(t))
    shared_help = "an extra shared template folder (repeatable); WORKBENCH_TEMPLATE_PATH adds more"
    ls = tsub.add_parser("list", help="list the templates in the built-in, user and shared folders")
    ls.add_argument("--json", action="store_true", help="print the list as JSON")
    ls.add_argument("--shared", action="append", default=[], metavar="DIR", help=shared_help)
    im = tsub.add_parser("import", help="check a bundle (.zip) and copy its templates into a folder")
    im.add_argument("bundle", metavar="BUNDLE.zip")
    im.add_argument("--to", metavar="DIR", help="destination folder (default: your user template folder)")
    im.add_argument("--on-conflict", choices=("replace", "keep-both"),
                    help="what to do when a template of the same name or path already exists")
    ex = tsub.add_parser("export", help="write templates and the block libraries they need into a bundle")
    ex.add_argument("names", nargs="+", metavar="NAME", help="template name or file name (without .dchall.json)")
    ex.add_argument("-o", "--output", required=True, metavar="BUNDLE.zip")
    ex.add_argument("--shared", action="append", default=[], metavar="DIR", help=shared_help)
    ex.add_argument("--bundle-name", default="", help="name in the manifest (default: from the templates)")
    ex.add_argument("--bundle-version", default="1.0.0")
    ex.add_argument("--author", default="")
    ex.add_argument("--licence", default="")
    commands["templates"] = cmd_templates


def cmd_templates(args: argparse.Namespace) -> int:
    sub = getattr(args, "templates_command", None)
    if sub == "list":
        return _list(args)
    if sub == "import":
        return _import(args)
    if sub == "export":
        return _export(args)
    print("workbench: templates needs a command: list, import or export", file=sys.stderr)
    return EXIT_USAGE


def _list(args: argparse.Namespace) -> int:
    from workbench.catalog.templates import discover_templates

    found = discover_templates(args.shared)
    for p in found.problems:
        print(f"workbench: {p}", file=sys.stderr)
    rows = [{
        "name": t.name, "kind": t.kind, "file": str(t.path), "source": t.folder.origin,
        "folder": str(t.folder.path), "author": t.author, "version": t.version, "licence": t.licence,
        "created": t.created, "description": t.description, "it_mw": t.it_mw, "pue": t.pue, "racks": t.racks,
        "unknown_types": dict(t.unknown_types),
    } for t in found.templates]
    if args.json:
        json.dump({"templates": rows, "problems": [
            {"where": p.where, "message": p.message, "severity": p.severity} for p in found.problems]},
            sys.stdout, indent=1, ensure_ascii=False)
        print()
        return EXIT_OK
    print(f"{'kind':6} {'name':46} {'IT MW':>6} {'PUE':>5} {'racks':>5}  {'version':8} {'source':9} licence")
    for r in rows:
        pue = f"{r['pue']:.2f}" if r["pue"] else "—"
        print(f"{r['kind']:6} {r['name'][:46]:46} {r['it_mw'] or 0:>6.2f} {pue:>5} {r['racks'] or 0:>5}  "
              f"{r['version'][:8]:8} {r['source']:9} {r['licence']}")
    print(f"{len(rows)} templates in {len(found.folders)} folders")
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    from workbench.catalog.bundles import BundleError, import_bundle

    try:
        result = import_bundle(Path(args.bundle), Path(args.to) if args.to else None, args.on_conflict or "ask")
    except BundleError as exc:
        print(f"workbench: bundle {args.bundle} refused; nothing was written:", file=sys.stderr)
        for p in exc.problems:
            print(f"  {p.where}: {p.message}", file=sys.stderr)
        return EXIT_ERRORS
    for w in result.warnings:
        print(f"workbench: {w}", file=sys.stderr)
    if result.needs_decision:
        print("workbench: nothing was written; these templates already exist:", file=sys.stderr)
        for c in result.conflicts:
            print(f"  {c.describe()}", file=sys.stderr)
        print("workbench: run again with --on-conflict replace or --on-conflict keep-both", file=sys.stderr)
        return EXIT_ERRORS
    for c in result.conflicts:
        print(f"{'replaced' if args.on_conflict == 'replace' else 'kept both'}: {c.describe()}")
    for p in result.written:
        print(f"wrote {p}")
    for p in result.unchanged:
        print(f"unchanged (identical) {p}")
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from workbench.catalog.bundles import BundleError, export_bundle
    from workbench.catalog.templates import discover_templates

    found = discover_templates(args.shared)
    chosen = []
    for name in args.names:
        matches = found.find(name)
        if not matches:
            print(f"workbench: no template named {name!r} (see `workbench templates list`)", file=sys.stderr)
            return EXIT_ERRORS
        if len(matches) > 1:
            print(f"workbench: {name!r} is ambiguous; it matches:", file=sys.stderr)
            for m in matches:
                print(f"  {m.path}", file=sys.stderr)
            print("workbench: give the file name instead", file=sys.stderr)
            return EXIT_ERRORS
        chosen.append(matches[0])
    try:
        paths = export_bundle(chosen, Path(args.output), found, name=args.bundle_name, version=args.bundle_version,
                              author=args.author, licence=args.licence)
    except BundleError as exc:
        print("workbench: export refused:", file=sys.stderr)
        for p in exc.problems:
            print(f"  {p.where}: {p.message}", file=sys.stderr)
        return EXIT_ERRORS
    print(f"wrote {args.output} with {len(paths)} files:")
    for p in paths:
        print(f"  {p}")
    return EXIT_OK

