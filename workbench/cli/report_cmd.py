"""The `report` and `bom` sub-commands: design report or BOM as PDF, BOM as .xlsx or .csv, without a display."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from collections.abc import Callable
from typing import Any

from workbench.cli.common import EXIT_OK, EXIT_USAGE

KINDS = ("design", "bom")


def _positive(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not value > 0 or value != value or value == float("inf"):
        raise argparse.ArgumentTypeError(f"must be a positive number, not {text!r}")
    return value


def _common(p: argparse.ArgumentParser, pdf: bool) -> None:
    p.add_argument("file", help="design file (.dchall.json)")
    p.add_argument("--scenario", metavar="NAME", help="export this scenario of the design ('Base' for the base)")
    p.add_argument("-o", "--output", required=True, help="output file" + (" (.pdf)" if pdf else " (.xlsx or .csv)"))
    p.add_argument("--lang", default="en", help="report language: en or zh (or any resources/i18n/report.<lang>.json)")
    p.add_argument("--currency", help="ISO currency code, e.g. CNY (default: the design's currency)")
    p.add_argument("--rate", type=_positive, help="units of --currency per USD (default: the catalog rate)")
    p.add_argument("--margin", type=_positive, default=1.0, metavar="FACTOR",
                   help="price factor: selling price = cost × factor, e.g. 1.15 (default 1); applied to every price")
    p.add_argument("--audience", choices=("customer", "internal"), default="customer",
                   help="customer (default): selling prices only; internal: also cost, price factor and margin")


def register(sub: Any, commands: dict[str, Any]) -> None:
    r = sub.add_parser("report", help="write the design report or the BOM as PDF")
    _common(r, pdf=True)
    r.add_argument("--kind", choices=KINDS, default="design", help="design report (default) or bill of materials")
    r.add_argument("--units", choices=("si", "imperial"), default="si")
    r.add_argument("--scale", choices=("fit", "100", "200"), default="fit", help="floor plan scale: fit, 1:100 or 1:200")
    r.add_argument("--logo", help="PNG or JPEG logo for the cover (default: the design's logo)")
    r.add_argument("--plan-paper", choices=("auto", "A4", "A3"), default="auto",
                   help="paper of the floor plans: auto (default: A3 for halls that need a scale below 1:200 on A4)")
    r.add_argument("--scenarios", help="options compared in the report: comma-separated names ('Base' for the "
                                       "base; default: all, at most six) or 'none'")
    b = sub.add_parser("bom", help="write the bill of materials as .xlsx or .csv")
    _common(b, pdf=False)
    b.add_argument("--scenarios", help="xlsx only: one sheet per option (comma-separated names, 'Base' for the base, "
                                       "or 'all') plus a comparison sheet")
    commands["report"] = cmd_report
    commands["bom"] = cmd_bom


def _fail(message: str) -> int:
    print(f"workbench: {message}", file=sys.stderr)
    return EXIT_USAGE


def _options(args: argparse.Namespace) -> Any:
    from workbench.report.options import ReportOptions

    return ReportOptions(lang=args.lang, currency=args.currency.upper() if args.currency else None, rate=args.rate,
                         units=getattr(args, "units", "si"), scale=getattr(args, "scale", "fit"),
                         logo_path=getattr(args, "logo", None), price_factor=args.margin, audience=args.audience,
                         scenarios=_scenario_list(getattr(args, "scenarios", None)),
                         plan_paper=getattr(args, "plan_paper", "auto"),
                         design_dir=str(Path(args.file).resolve().parent) if getattr(args, "file", None) else None)


def _scenario_list(text: str | None) -> list[str] | None:
    if text is None or text.strip().casefold() == "all":
        return None
    if text.strip().casefold() == "none":
        return []
    return [k.strip() for k in text.split(",") if k.strip()]


def _check_output(path: Path, suffixes: tuple[str, ...]) -> str | None:
    if path.suffix.lower() not in suffixes:
        return f"{path}: output must end in {' or '.join(suffixes)}"
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        return f"{path}: folder {folder} does not exist"
    if path.is_dir():
        return f"{path}: is a folder"
    return None


def _load(args: argparse.Namespace, options: Any) -> Any:
    from workbench.cli.common import load

    problems = options.problems()
    if problems:
        return None, None, problems
    if args.rate is not None and args.currency is None:
        return None, None, ["--rate needs --currency (the rate is units of that currency per USD)"]
    design, catalog = load(args.file)
    if getattr(args, "scenario", None):
        from workbench.cli.common import scenario_of

        design = scenario_of(design, args.scenario)
        if design is None:
            return None, None, [f"--scenario: no scenario '{args.scenario}' in this design"]
    wanted = options.scenarios or []
    known = {"base"} | {s.name.casefold() for s in design.scenarios} | {s.id for s in design.scenarios}
    unknown = [k for k in wanted if k.casefold() not in known]
    if unknown:
        names = ", ".join(["Base"] + [s.name for s in design.scenarios])
        return None, None, [f"--scenarios: no scenario '{unknown[0]}' in this design (it has: {names})"]
    if wanted and not 2 <= len(wanted) <= 6:
        return None, None, ["--scenarios takes two to six names (or 'all' or 'none')"]
    return design, catalog, []


def _export(args: argparse.Namespace, suffixes: tuple[str, ...], writer_for: Callable[[Path], Any]) -> int:
    """Check the output path and options, load the design, write; every problem is a message and exit 2."""
    out = Path(args.output)
    problem = _check_output(out, suffixes)
    if problem:
        return _fail(problem)
    options = _options(args)
    design, catalog, problems = _load(args, options)
    if problems:
        return _fail("; ".join(problems))
    try:
        writer_for(out)(design, catalog, out, options)
    except ValueError as exc:
        return _fail(str(exc))
    print(f"wrote {out}")
    return EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    from workbench.report.bom_pdf import build_bom_pdf
    from workbench.report.design_report import build_design_report

    return _export(args, (".pdf",), lambda _out: build_design_report if args.kind == "design" else build_bom_pdf)


def cmd_bom(args: argparse.Namespace) -> int:
    from workbench.report.bom_csv import write_bom_csv
    from workbench.report.bom_xlsx import write_bom_xlsx
    from workbench.report.bom_xlsx_options import write_options_xlsx

    if args.scenarios is not None and Path(args.output).suffix.lower() != ".xlsx":
        return _fail("--scenarios writes one sheet per option, so the output must be .xlsx")
    if args.scenarios is not None:
        return _export(args, (".xlsx",), lambda _out: write_options_xlsx)
    return _export(args, (".xlsx", ".csv"),
                   lambda out: write_bom_xlsx if out.suffix.lower() == ".xlsx" else write_bom_csv)

