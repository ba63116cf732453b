"""Semantic fuzzing in the suite: schema-valid designs at the edges through every command, in-process.

A modest number with a fixed seed here, so the suite is repeatable; scripts/fuzz_designs.py runs thousands
with any seed (see its docstring), and a failure names the seed and the design so it can be replayed.
"""

from __future__ import annotations

import random

from tests.robustness.conftest import load_script

SEED = 19


def test_edge_designs_never_crash_any_command() -> None:
    fuzz = load_script("fuzz_designs")
    outcome = fuzz.fuzz(24, SEED, report_every=12, cli_every=3)
    assert outcome.designs >= 20, f"the generator left the schema too often ({outcome.schema_refused} refused)"
    details = "\n".join(f"{k} × {e['count']} ({e['example']})\n{e['trace']}" for k, e in outcome.crashes.items())
    assert not outcome.crashes, details
    ran = {key.split(" → ")[0] for key in outcome.exits}
    assert {"calc --json", "validate", "migrate", "calc", "report design", "report bom", "bom xlsx", "bom csv"} <= ran


def test_the_generator_stays_inside_the_schema() -> None:
    from workbench.catalog import default_catalog
    from workbench.io.project import validate_document

    fuzz = load_script("fuzz_designs")
    rng = random.Random(SEED)
    bases = fuzz.templates()
    parameters = {k: (p.minimum, p.maximum) for k, p in default_catalog().parameters.items()
                  if p.minimum is not None and p.maximum is not None}
    docs = [fuzz.make_design(rng, bases, parameters) for _ in range(40)]
    valid = [d for d in docs if not any(p.severity == "error" for p in validate_document(d))]
    assert len(valid) >= 36
