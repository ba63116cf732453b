"""The single-line diagram and the cooling schematic are laid out the same in every process: the report of one
design must not change from run to run (string hashing, and so set order, differs per process)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = """
import json
from workbench.calc.plant_layout import cooling_layout, single_line_layout
from workbench.catalog import default_catalog
from workbench.io import load_design
from workbench.paths import templates_dir
cat = default_catalog()
d = load_design(templates_dir() / "halls" / "nextgen-800vdc-hall-20mw.dchall.json", cat).design
out = {}
for name, layout in (("power", single_line_layout(d, cat)), ("cooling", cooling_layout(d, cat))):
    out[name] = [(n.block_id, n.level, n.x, n.label, list(n.members)) for n in layout.nodes]
print(json.dumps(out))
"""


def _layout(seed: str) -> dict[str, list[object]]:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    p = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True,
                       timeout=120)
    assert p.returncode == 0, p.stderr[-2000:]
    return json.loads(p.stdout)


def test_the_same_design_is_drawn_the_same_whatever_the_hash_seed() -> None:
    first = _layout("1")
    assert len(first["power"]) > 10 and any(len(n[4]) > 1 for n in first["power"])  # grouped racks: ties to break
    for seed in ("2", "3", "12345"):
        assert _layout(seed) == first, f"PYTHONHASHSEED={seed}"
