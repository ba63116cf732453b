"""`workbench dxf FILE -o OUT.dxf`: the design as a CAD drawing; `workbench dxf-info DRAWING.dxf`: what an underlay holds."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from workbench.cli.common import EXIT_OK, EXIT_USAGE, load


def cmd_dxf(args: argparse.Namespace) -> int:
    from workbench.cad.dxf_export import ExportError, write_dxf
    from workbench.text.language import load_language

    try:
        texts = load_language(args.lang)
    except ValueError as exc:
        print(f"workbench: --lang: {exc}", file=sys.stderr)
        return EXIT_USAGE
    folder = Path(args.output).resolve().parent
    if not folder.is_dir():
        print(f"workbench: cannot write {args.output}: the folder {folder} does not exist", file=sys.stderr)
        return EXIT_USAGE
    design, catalog = load(args.file)
    try:
        result = write_dxf(design, catalog, args.output, texts, hall=args.hall, units=args.units)
    except ExportError as exc:
        print(f"workbench: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.json:
        json.dump(result.to_dict(), sys.stdout, indent=1, ensure_ascii=False)
        print()
    else:
        print(f"{args.output}: {result.inserts} blocks as INSERTs of {result.block_definitions} block definitions, "
              f"{result.halls} hall(s), units {result.units}, plot scale 1:{result.scale}")
        if result.skipped_unknown_types:
            print(f"workbench: {result.skipped_unknown_types} block(s) of unknown types were left out", file=sys.stderr)
    return EXIT_OK


def cmd_dxf_info(args: argparse.Namespace) -> int:
    from workbench.cad.dxf_import import DxfReadError, read_underlay
    from workbench.cad.underlay_shapes import candidate_outlines

    try:
        u = read_underlay(args.file, units=args.units)
    except DxfReadError as exc:
        print(f"workbench: {exc}", file=sys.stderr)
        return EXIT_USAGE
    info = {"file": args.file, "version": u.version, "units": u.units, "units_from_file": u.units_from_file,
            "entities": u.read, "skipped": u.skipped, "layers": u.layers, "segments": int(len(u.seg)),
            "closed_outlines": len(u.closed), "hall_candidates": len(candidate_outlines(u)),
            "circles": int(len(u.circles)), "inserts": len(u.inserts), "texts": len(u.texts), "bounds_mm": u.bounds(),
            "notes": u.notes}
    if args.json:
        json.dump(info, sys.stdout, indent=1, ensure_ascii=False)
        print()
    else:
        print(u.summary())
        print(f"  {len(u.closed)} closed outlines ({info['hall_candidates']} could be halls), {len(u.circles)} circles, "
              f"{len(u.inserts)} block inserts, {len(u.texts)} texts")
        for note in u.notes:
            print(f"  note: {note}")
    return EXIT_OK


def register(sub: Any, commands: dict[str, Callable[[argparse.Namespace], int]]) -> None:
    p = sub.add_parser("dxf", help="write the design as a DXF drawing (layers, blocks with attributes, dimensions)")
    p.add_argument("file", help="design file (.dchall.json)")
    p.add_argument("-o", "--output", required=True, help="output file (.dxf)")
    p.add_argument("--hall", metavar="NAME", help="only this hall (its name or id); default: every hall")
    p.add_argument("--units", choices=("mm", "m"), default="mm", help="drawing units ($INSUNITS); default mm")
    p.add_argument("--lang", default="en", help="language of the title block and layer descriptions: en or zh")
    p.add_argument("--json", action="store_true", help="print what was written as JSON")
    i = sub.add_parser("dxf-info", help="read a DXF as an underlay and say what it holds (or why it cannot be read)")
    i.add_argument("file", help="drawing (.dxf)")
    i.add_argument("--units", help="override the file's units: mm, cm, m, in, ft")
    i.add_argument("--json", action="store_true")
    commands["dxf"] = cmd_dxf
    commands["dxf-info"] = cmd_dxf_info
