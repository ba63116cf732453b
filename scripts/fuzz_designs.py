#!/usr/bin/env python3
"""Semantic fuzzing: schema-valid designs at the edges (bounds, schemes, geometry, duplicates, long text) run
through every headless command in-process; any traceback, non-finite JSON or unexplained exit is a crash.

    python scripts/fuzz_designs.py -n 20000 --seed 1 [--report-every 20] [--out /tmp/fuzz]

Each design runs calc --json and, in turn, validate, migrate or the calc table; every `--report-every`-th
design also writes the design report (PDF), the BOM as PDF, xlsx and csv. With --cli-every k, only every k-th
design goes through the CLI and the others through the in-process core every command starts with (load with
the catalog, calculate, finite check, write back), which is about ten times faster. Crashes are grouped by command, exception and the frame that
raised it; one reproducer per class is kept in --out.
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import io
import json
import math
import random
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

OVERRIDE_KEYS = ["it_kw", "air_fraction", "liquid_fraction", "coolant_dt_k", "weight_kg", "rating_kw", "air_kw",
                 "liquid_kw", "heat_rejection_kw", "fan_kw", "pump_kw", "cop", "price", "width_mm", "depth_mm"]
FRACTIONS = {"air_fraction", "liquid_fraction"}
EDGE_NUMBERS = [0.0, 1e-6, 1e-3, 0.5, 1.0, 3.0, 1e3, 1e6, 1e9]  # the schema: 0, or 1e-6 … 1e9
SCHEMES = ["N", "N+0", "N+1", "N+2", "N+99", "2N", "2(N+1)", "2(N+99)", "DR"]
TEXTS = ["", "W" * 10000, "長" * 10000, "<b>markup</b> & <img src='/etc/passwd'/>", "a\u202eb", "x" * 200,
         " ".join(["word"] * 2000), "line\n" * 500, "\t\r\x0b\x0c", "🙂" * 3000]
CURRENCIES = ["USD", "CNY", "EUR", "NOK", "XXX", "JPY", "KRW"]
MM = 10_000_000.0


def templates() -> list[dict[str, Any]]:
    return [json.loads(p.read_text("utf-8-sig")) for p in sorted((ROOT / "templates").glob("*/*.dchall.json"))]


def make_design(rng: random.Random, bases: list[dict[str, Any]], parameters: dict[str, tuple[float, float]]) -> dict[str, Any]:
    """One schema-valid design with a few edge mutations applied to a shipped template."""
    # Mostly the small templates: a design with 250 blocks costs ten small ones, and the edges are the same.
    small = [b for b in bases if len(b.get("blocks", [])) <= 60]
    doc = copy.deepcopy(rng.choice(bases if rng.random() < 0.03 or not small else small))
    for _ in range(rng.randint(1, 6)):
        rng.choice(MUTATIONS)(rng, doc, parameters)
    return doc


def _blocks(rng: random.Random, doc: dict[str, Any], share: float = 0.3) -> list[dict[str, Any]]:
    blocks = doc.get("blocks", [])
    if not blocks:
        return []
    return [b for b in blocks if rng.random() < share] or [rng.choice(blocks)]


def m_overrides(rng: random.Random, doc: dict[str, Any], _p: Any) -> None:
    key = rng.choice(OVERRIDE_KEYS)
    value = rng.choice([0.0, 1.0, rng.random()]) if key in FRACTIONS else rng.choice(EDGE_NUMBERS)
    for b in _blocks(rng, doc, rng.choice([0.05, 0.5, 1.0])):
        b.setdefault("overrides", {})[key] = value


def m_schemes(rng: random.Random, doc: dict[str, Any], _p: Any) -> None:
    a = doc.setdefault("assumptions", {})
    systems = sorted({b.get("power_system", "") for b in doc.get("blocks", [])} - {""}) or ["main"]
    a.setdefault("power_schemes", {})[rng.choice(systems + ["nowhere"])] = rng.choice(SCHEMES)
    a.setdefault("cooling_schemes", {})[rng.choice(["air", "liquid", "heat_rejection"])] = rng.choice(SCHEMES)


def m_assumption(rng: random.Random, doc: dict[str, Any], parameters: dict[str, tuple[float, float]]) -> None:
    key = rng.choice(sorted(parameters))
    low, high = parameters[key]
    value = rng.choice([low, high, low + (high - low) * rng.random()])
    doc.setdefault("assumptions", {}).setdefault("values", {})[key] = value


def m_geometry(rng: random.Random, doc: dict[str, Any], _p: Any) -> None:
    choice = rng.randrange(5)
    hall = rng.choice(doc["halls"])
    if choice == 0:  # a tiny hall
        s = rng.choice([1.0, 0.001, 100.0])
        hall["outline"] = [[0, 0], [s, 0], [s, s], [0, s]]
    elif choice == 1:  # a huge hall
        hall["outline"] = [[-MM, -MM], [MM, -MM], [MM, MM], [-MM, MM]]
    elif choice == 2:  # blocks at the far edges
        for b in _blocks(rng, doc):
            b["x_mm"], b["y_mm"] = rng.choice([-MM, MM, 0.0]), rng.choice([-MM, MM, 0.0])
    elif choice == 3:
        for b in _blocks(rng, doc):
            b["rotation_deg"] = rng.choice([0, 90, 180, 270])
            b.setdefault("overrides", {})[rng.choice(["width_mm", "depth_mm"])] = rng.choice([0.0, 1e-6, 1e7, 1e9])
    else:
        hall["floor_rating_kn_m2"] = rng.choice([5e-324, 1e-9, 1000.0])  # exclusiveMinimum 0: denormals allowed
        hall.setdefault("columns", []).append({"x_mm": 0, "y_mm": 0, "width_mm": rng.choice([1e-9, 1e7]),
                                               "depth_mm": rng.choice([1e-9, 1e7])})


def m_duplicate(rng: random.Random, doc: dict[str, Any], _p: Any) -> None:
    blocks = doc.get("blocks", [])
    if not blocks:
        return
    copies = rng.choice([1, 10, 60])
    source = rng.choice(blocks)
    for i in range(copies):
        b = copy.deepcopy(source)
        b["id"] = f"dup-{len(blocks)}-{i}"
        blocks.append(b)


def m_remove(rng: random.Random, doc: dict[str, Any], _p: Any) -> None:
    blocks = doc.get("blocks", [])
    kind = rng.randrange(3)
    if kind == 0:
        doc["blocks"] = []
    elif kind == 1:
        doc["blocks"] = [b for b in blocks if rng.random() < 0.5]
    else:  # every block of one category removed (no power, no cooling...)
        prefix = rng.choice(["rack", "ups", "cdu", "crah", "chiller", "transformer", "gen", "rpp", "busway"])
        doc["blocks"] = [b for b in blocks if not b["type"].startswith(prefix)]


def m_text(rng: random.Random, doc: dict[str, Any], _p: Any) -> None:
    where = rng.randrange(4)
    text = rng.choice(TEXTS)
    if where == 0:
        doc["site"][rng.choice(["name", "customer", "location", "revision", "prepared_by", "notes"])] = text
    elif where == 1:
        rng.choice(doc["halls"])["name"] = text
    elif where == 2:
        for b in _blocks(rng, doc, 0.1):
            b["name"] = text
    else:
        doc["description"] = text


def m_site(rng: random.Random, doc: dict[str, Any], _p: Any) -> None:
    doc["site"]["currency"] = rng.choice(CURRENCIES)
    doc["site"]["electricity_price_per_kwh"] = rng.choice([0.0, 5e-324, 100.0, 0.1])  # the schema allows these


def m_systems(rng: random.Random, doc: dict[str, Any], _p: Any) -> None:
    for b in _blocks(rng, doc):
        key = rng.choice(["power_system", "cooling_loop", "hall"])
        if key == "hall":
            b["hall"] = rng.choice(doc["halls"])["id"]
        else:
            b[key] = rng.choice(["", "main", "x" * 64, "orphan"])


MUTATIONS = [m_overrides, m_overrides, m_schemes, m_assumption, m_geometry, m_duplicate, m_remove, m_text,
             m_site, m_systems]


# --- running ---------------------------------------------------------------------------------------

@dataclass
class Outcome:
    designs: int = 0
    commands: int = 0
    schema_refused: int = 0
    exits: dict[str, int] = field(default_factory=dict)
    crashes: dict[str, dict[str, Any]] = field(default_factory=dict)  # class -> {count, example, trace}


def _crash_class(command: str, exc: BaseException) -> str:
    tb = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in tb if "/workbench/" in f.filename] or tb
    frame = ours[-1] if ours else None
    where = f"{Path(frame.filename).name}:{frame.lineno}" if frame else "?"
    return f"{command}: {type(exc).__name__} at {where}"


ROTATION = ("validate", "migrate", "calc")


def run_commands(path: Path, out_dir: Path, with_reports: bool,
                 turn: int = 0) -> list[tuple[str, int, str, BaseException | None]]:
    """Commands on one design file, in this process; (command, exit code, stderr, unexpected exception).

    calc --json (whose numbers must all be finite) runs on every design, one of validate / migrate / the calc
    table in turn, and the four report outputs when with_reports.
    """
    from workbench.cli import main as cli

    caught: list[BaseException] = []

    def record(exc: BaseException) -> int:
        caught.append(exc)
        return cli.EXIT_USAGE

    every = {"validate": ["validate", str(path)], "calc": ["calc", str(path)],
             "migrate": ["migrate", str(path), "-o", str(out_dir / "migrated.dchall.json")]}
    commands = [("calc --json", ["calc", "--json", str(path)])]
    name = ROTATION[turn % len(ROTATION)]
    commands.append((name, every[name]))
    if with_reports:
        commands += [("report design", ["report", str(path), "-o", str(out_dir / "r.pdf")]),
                     ("report bom", ["report", str(path), "--kind", "bom", "-o", str(out_dir / "b.pdf")]),
                     ("bom xlsx", ["bom", str(path), "-o", str(out_dir / "b.xlsx")]),
                     ("bom csv", ["bom", str(path), "-o", str(out_dir / "b.csv")])]
    results = []
    original, original_parser = cli._unexpected, cli.build_parser
    parser = original_parser()  # argparse parsers are reusable; building one costs more than a small calc
    cli._unexpected = record
    cli.build_parser = lambda: parser
    try:
        for name, argv in commands:
            caught.clear()
            out, err = io.StringIO(), io.StringIO()
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                try:
                    code = cli.run(argv)
                except SystemExit as exc:
                    code = int(exc.code or 0)
                except BaseException as exc:  # noqa: BLE001 - anything escaping run() is a crash
                    caught.append(exc)
                    code = -1
            problem: BaseException | None = caught[0] if caught else None
            if problem is None and argv[:2] == ["calc", "--json"] and code == 0:
                problem = _json_problem(out.getvalue())
            if problem is None and code == 2 and not err.getvalue().strip():
                problem = RuntimeError("exit 2 without a message")
            results.append((name, code, err.getvalue(), problem))
    finally:
        cli._unexpected, cli.build_parser = original, original_parser
    return results


def _json_problem(text: str) -> BaseException | None:
    try:
        doc = json.loads(text, parse_constant=lambda c: (_ for _ in ()).throw(ValueError(f"non-finite {c}")))
    except ValueError as exc:
        return exc
    stack = [doc]
    while stack:
        node = stack.pop()
        if isinstance(node, float) and not math.isfinite(node):
            return ValueError("non-finite number in calc --json")
        if isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return None


def run_core(text: str, catalog: Any) -> tuple[str, BaseException | None]:
    """What every command does first, without the CLI around it: load with the catalog, calculate, check the
    results are finite (the commands refuse them otherwise), and write the design back (migrate)."""
    import warnings

    from workbench.calc import calculate
    from workbench.io.project import dumps, loads_design
    from workbench.model.problems import InputError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # as the test suite runs: a numpy overflow warning is a finding
            try:
                design = loads_design(text, catalog, where="fuzz.dchall.json").design
            except InputError:
                return "refused", None
            try:
                doc = calculate(design, catalog).to_dict()
            except RuntimeWarning:
                return "refused (not finite)", None  # the CLI's refuse_non_finite says so with the field
            json.dumps(doc, allow_nan=False)
            dumps(design)
    except ValueError as exc:
        if "JSON compliant" in str(exc):
            return "refused (not finite)", None
        return "crash", exc
    except Exception as exc:  # noqa: BLE001 - anything else is what we are looking for
        return "crash", exc
    return "ok", None


def fuzz(n: int, seed: int, report_every: int, out: Path | None = None, progress: bool = False,
         cli_every: int = 1) -> Outcome:
    from workbench.catalog import default_catalog
    from workbench.io.project import validate_document

    rng = random.Random(seed)
    bases = templates()
    catalog = default_catalog()
    parameters = {k: (p.minimum, p.maximum) for k, p in catalog.parameters.items()
                  if p.minimum is not None and p.maximum is not None and math.isfinite(p.minimum)
                  and math.isfinite(p.maximum)}
    result = Outcome()
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="fuzz-designs-") as tmp:
        work = Path(tmp)
        for i in range(n):
            doc = make_design(rng, bases, parameters)
            if any(p.severity == "error" for p in validate_document(doc)):
                result.schema_refused += 1  # the generator strayed outside the schema: not what we test here
                continue
            path = work / "fuzz.dchall.json"
            path.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
            result.designs += 1
            reports = report_every > 0 and i % report_every == 0
            if cli_every > 1 and i % cli_every and not reports:
                verdict, exc = run_core(path.read_text("utf-8"), catalog)
                runs: list[tuple[str, int, str, BaseException | None]] = [("core", 0 if verdict == "ok" else 2, "", exc)]
                result.exits[f"core → {verdict}"] = result.exits.get(f"core → {verdict}", 0) + 1
            else:
                runs = run_commands(path, work, reports, turn=i // max(cli_every, 1))
            for name, code, err, problem in runs:
                result.commands += 1
                if name != "core":
                    result.exits[f"{name} → {code}"] = result.exits.get(f"{name} → {code}", 0) + 1
                if problem is None:
                    continue
                key = _crash_class(name, problem)
                entry = result.crashes.setdefault(key, {"count": 0, "example": None, "trace": "", "stderr": ""})
                entry["count"] += 1
                if entry["example"] is None:
                    entry["example"] = f"design {i} (seed {seed})"
                    entry["trace"] = "".join(traceback.format_exception(problem))[-3000:]
                    entry["stderr"] = err[-1000:]
                    if out is not None:
                        out.mkdir(parents=True, exist_ok=True)
                        safe = "".join(c if c.isalnum() else "_" for c in key)[:120]
                        (out / f"{safe}.dchall.json").write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
            if progress and (i + 1) % 250 == 0:
                rate = (i + 1) / (time.monotonic() - started)
                print(f"{i + 1} generated, {result.designs} run, {len(result.crashes)} crash classes, "
                      f"{rate:.1f}/s", flush=True)
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", type=int, default=1000, help="designs to generate")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--report-every", type=int, default=50, help="also write reports for every k-th design (0: never)")
    ap.add_argument("--out", type=Path, help="folder for one reproducer per crash class")
    ap.add_argument("--cli-every", type=int, default=1,
                    help="run the CLI commands on every k-th design and the in-process core (load, calculate, "
                         "finite check, write) on the others (default 1: the CLI on all)")
    args = ap.parse_args(argv)
    outcome = fuzz(args.n, args.seed, args.report_every, args.out, progress=True, cli_every=args.cli_every)
    print(f"designs run: {outcome.designs} (schema refused the generator's {outcome.schema_refused}); "
          f"commands: {outcome.commands}")
    for key, count in sorted(outcome.exits.items()):
        print(f"  {key}: {count}")
    print(f"crash classes: {len(outcome.crashes)}")
    for key, entry in outcome.crashes.items():
        print(f"\n== {key} × {entry['count']} ({entry['example']})\n{entry['trace']}\n{entry['stderr']}")
    return 1 if outcome.crashes else 0


if __name__ == "__main__":
    sys.exit(main())
