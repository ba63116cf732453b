"""The scene benchmarks' plan without Qt: which blocks a drag moves, the two timed views, and the start-up time.

The Qt half (building the scene, dragging, rendering frames) is workbench/ui/bench_figures.py.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from workbench.bench.measure import Figure
from workbench.geometry.footprint import block_box
from workbench.model.blocktype import Catalog
from workbench.model.design import Design

Rect = tuple[float, float, float, float]
Zoom = tuple[float, float, float]  # px per mm, centre x, centre y (scene coordinates)
FRAME_PX = (1600, 1000)
DRAG_BLOCKS = 500
DRAG_STEP_MM = 10.0  # per frame, as a slow hand drag at a working zoom
VIEW_MARGIN = 0.25  # the working view shows the dragged blocks and this much of their width around them
STARTUP_ENV = "WORKBENCH_QUIT_WHEN_SHOWN"
STARTUP_TIMEOUT_S = 20.0  # the app quits (exit code 0) once its window is shown


def footprint_rects(design: Design, catalog: Catalog) -> list[Rect]:
    """Scene rectangles (x, y, w, h) of every block: model mm with y pointing down, as the scene draws."""
    out = []
    for b in design.blocks.values():
        x0, y0, x1, y1 = block_box(b, catalog.types.get(b.type_id))
        out.append((x0, -y1, x1 - x0, y1 - y0))
    return out


def drag_rows(design: Design) -> list[int]:
    """A 500-block selection: the first blocks in design order (the first data halls), as a user drags a pod."""
    return list(range(min(DRAG_BLOCKS, len(design.blocks))))


def scene_bounds(rects: list[Rect], rows: list[int]) -> tuple[float, float, float, float]:
    """Scene bounds (x0, y0, x1, y1) of the given rectangles, or of all of them when rows is empty."""
    chosen = [rects[i] for i in rows] or rects or [(0.0, 0.0, 1.0, 1.0)]
    return (min(r[0] for r in chosen), min(r[1] for r in chosen),
            max(r[0] + r[2] for r in chosen), max(r[1] + r[3] for r in chosen))


def view_zooms(rects: list[Rect], rows: list[int]) -> dict[str, Zoom]:
    """The two timed views: the working zoom around the dragged blocks, and the whole campus."""
    out = {}
    for name, (x0, y0, x1, y1), margin in (("work", scene_bounds(rects, rows), VIEW_MARGIN),
                                           ("campus", scene_bounds(rects, []), 0.02)):
        w, h = (x1 - x0) * (1 + 2 * margin) or 1.0, (y1 - y0) * (1 + 2 * margin) or 1.0
        out[name] = (min(FRAME_PX[0] / w, FRAME_PX[1] / h), (x0 + x1) / 2, (y0 + y1) / 2)
    return out


def startup_figure(design: Design, runs: int) -> Figure:
    """Wall time of `python -m workbench FILE` until the window is shown, with STARTUP_ENV set."""
    from workbench.io import save_design

    n = len(design.blocks)
    env = {**os.environ, STARTUP_ENV: "1", "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    with tempfile.TemporaryDirectory(prefix="wb-bench-") as tmp:
        path = Path(tmp) / "campus.dchall.json"
        save_design(design, path)
        env["WORKBENCH_USER_DIR"] = tmp
        times = []
        for _ in range(max(runs, 1)):
            t0 = time.perf_counter()
            try:
                proc = subprocess.run([sys.executable, "-m", "workbench", str(path)], env=env, timeout=STARTUP_TIMEOUT_S,
                                      capture_output=True, text=True)
            except subprocess.TimeoutExpired:
                return Figure("startup", n, None, 0, note=f"the app did not quit within {STARTUP_TIMEOUT_S:g} s ({STARTUP_ENV})")
            if proc.returncode != 0:
                last = (proc.stderr.strip().splitlines() or ["no message"])[-1]
                return Figure("startup", n, None, 0, note=f"exit {proc.returncode}: {last[:200]}")
            times.append(time.perf_counter() - t0)
    times.sort()
    return Figure("startup", n, times[len(times) // 2], len(times))
