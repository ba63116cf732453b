"""The scene benchmarks' plan without Qt: which blocks a drag moves, the two timed views, and the start-up time.

The Qt half (building the scene, dragging, rendering frames) is workbench/ui/bench_figures.py.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
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
SHOWN_MARK = "workbench: shown"  # the app prints it when its window shows the design (workbench/ui/app.py)
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
    """Wall time from starting `python -m workbench FILE` (STARTUP_ENV set) until it prints that its window
    shows the design with its figures (SHOWN_MARK)."""
    from workbench.io import save_design

    n = len(design.blocks)
    env = {**os.environ, STARTUP_ENV: "1", "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    with tempfile.TemporaryDirectory(prefix="wb-bench-") as tmp:
        path = Path(tmp) / "campus.dchall.json"
        save_design(design, path)
        env["WORKBENCH_USER_DIR"] = tmp
        times = []
        for _ in range(max(runs, 1)):
            took, problem = _time_to_mark([sys.executable, "-m", "workbench", str(path)], env, SHOWN_MARK)
            if problem:
                return Figure("startup", n, None, 0, note=problem)
            times.append(took)
    times.sort()
    return Figure("startup", n, times[len(times) // 2], len(times))


def _time_to_mark(command: list[str], env: dict[str, str], mark: str) -> tuple[float, str]:
    """Seconds until the command prints the mark line, and "" or what went wrong (it must then exit with 0)."""
    t0 = time.perf_counter()
    with subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as proc:
        timer = threading.Timer(STARTUP_TIMEOUT_S, proc.kill)  # a window that never shows must not hang the run
        timer.start()
        try:
            took = None
            assert proc.stdout is not None
            for line in proc.stdout:
                if line.strip() == mark:
                    took = time.perf_counter() - t0
                    break
            _out, err = proc.communicate()
        finally:
            timer.cancel()
    if proc.returncode != 0 or took is None:
        last = (err.strip().splitlines() or ["no message"])[-1]
        if proc.returncode == -9:
            return 0.0, f"the window was not shown within {STARTUP_TIMEOUT_S:g} s ({STARTUP_ENV})"
        return 0.0, f"exit {proc.returncode}: {last[:200]}"
    return took, ""
