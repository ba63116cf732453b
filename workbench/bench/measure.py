"""Timing helpers and the engine figures: full and incremental calculation, open and save."""

from __future__ import annotations

import gc
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from workbench.calc import Calculator
from workbench.calc.block_columns import forget
from workbench.io import load_design, save_design
from workbench.model.blocktype import Catalog
from workbench.model.design import Design
from workbench.model.edits import MoveBlocks


@dataclass
class Figure:
    """One measured figure at one design size; medians in seconds, None where unavailable."""

    figure: str
    blocks: int
    median_s: float | None
    runs: int
    baseline_median_s: float | None = None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.median_s is None or not self.baseline_median_s:
            return None
        return self.median_s / self.baseline_median_s

    def to_dict(self) -> dict[str, object]:
        return {"figure": self.figure, "blocks": self.blocks, "median_s": self.median_s, "runs": self.runs,
                "baseline_median_s": self.baseline_median_s, "ratio": self.ratio, "note": self.note}


def median_time(fn: Callable[[], object], runs: int, setup: Callable[[], object] | None = None) -> float:
    """Median wall time of fn over runs, with garbage collected (and setup run) before each."""
    times = []
    for _ in range(max(runs, 1)):
        if setup is not None:
            setup()
        gc.collect()
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def edit_block(design: Design, catalog: Catalog) -> str:
    """A rack to nudge for the one-block edit (any block when there is no rack)."""
    for b in design.blocks.values():
        t = catalog.types.get(b.type_id)
        if t is not None and t.rack is not None:
            return b.id
    return next(iter(design.blocks))


def read_blocks_bare(design: Design) -> object:
    """The bare-toolkit floor of any whole-design calculation: every block's type, hall, system and loop read
    into lists and its position and rotation into numpy arrays (one list comprehension per field, the cheapest
    way to read dataclasses in CPython), then the blocks sorted by x. Measured beside recalc_full in the same
    run, the ratio says what the calculation costs beyond reading the design, whatever the machine's speed."""
    blocks = list(design.blocks.values())
    n = len(blocks)
    names = ([b.type_id for b in blocks], [b.hall_id for b in blocks], [b.power_system for b in blocks],
             [b.cooling_loop for b in blocks])
    x = np.fromiter([b.x_mm for b in blocks], dtype=float, count=n)
    y = np.fromiter([b.y_mm for b in blocks], dtype=float, count=n)
    rotation = np.fromiter([b.rotation_deg for b in blocks], dtype=np.int64, count=n)
    return names, np.argsort(x, kind="stable"), y, rotation


def engine_figures(design: Design, catalog: Catalog, runs: int) -> list[Figure]:
    n = len(design.blocks)
    Calculator(catalog).run(design)  # the earlier run recalc_full follows (and the plant graph it keeps)
    full = median_time(lambda: Calculator(catalog).run(design), runs)
    bare = median_time(lambda: read_blocks_bare(design), runs)
    # A full recalculation in the window follows an edit that leaves almost every block the very object it
    # was (an assumption, a connection, a scenario switch), so rows are kept from the last run (calc/
    # block_columns.py). The first calculation after opening a file reads every block: shown beside it.
    cold = median_time(lambda: Calculator(catalog).run(design), runs, setup=lambda: forget(design))
    out = [Figure("recalc_full", n, full, runs, baseline_median_s=bare,
                  note="bare: the blocks' fields read and sorted by x; unchanged blocks not read again"),
           Figure("recalc_full_cold", n, cold, runs, baseline_median_s=bare,
                  note="every block read afresh, as the first calculation after opening a file")]
    if design.blocks:
        calc = Calculator(catalog)
        calc.run(design)
        bid = edit_block(design, catalog)
        step = [50.0]

        def nudge() -> None:
            # A one-block move through the model edit, then the incremental recalculation the UI runs.
            b = design.blocks[bid]
            step[0] = -step[0]
            MoveBlocks([bid], [(b.x_mm, b.y_mm + step[0])]).apply(design)
            calc.moved(design, [bid])

        out.append(Figure("recalc_edit", n, median_time(nudge, max(runs, 5) * 3), max(runs, 5) * 3))
    with tempfile.TemporaryDirectory(prefix="wb-bench-") as tmp:
        path = Path(tmp) / "campus.dchall.json"
        save_design(design, path)
        out.append(Figure("save", n, median_time(lambda: save_design(design, path), runs), runs))
        out.append(Figure("open", n, median_time(lambda: load_design(path, catalog), runs), runs))
    return out
